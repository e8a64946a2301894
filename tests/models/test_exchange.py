"""The Stokman exchange model: decide's CoP21 first-round reference exchanges, linkage, variants."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from accord.models import MODELS, forecast
from accord.models.base import aligned_batch
from accord.models.exchange import ExchangeModel
from accord.models.monte_carlo import simulate
from accord.scenario.importers.exchange import import_exchange
from accord.scenario.model import Actor, Issue, Scenario, Stance

EXCHANGE = Path(__file__).resolve().parents[2] / "data" / "negotiation" / "exchange"
# The reference file names two actors differently from the input file's ids.
RENAMED = {"africangroup": "africangrp", "umbrella": "umbrellamin"}
# Documented tolerance (docs/models.md): the first 40 reference exchanges in order, gains within 1e-4 and
# moves within 1e-3; 114 of the 129 reference exchanges realised with the same gain within 1e-4.
PREFIX, FOUND = 40, 114


def _reference() -> list[tuple[frozenset[tuple[str, str]], float, dict[tuple[str, str], float]]]:
    rows = []
    with (EXCHANGE / "CoP21_reference_exchanges.csv").open(encoding="utf-8") as handle:
        for r in csv.reader(handle, delimiter=";"):
            a, b = RENAMED.get(r[0].lower(), r[0].lower()), RENAMED.get(r[2].lower(), r[2].lower())
            moves = {(a, r[1]): float(r[6]), (b, r[3]): float(r[10])}
            rows.append((frozenset([(a, r[1]), (b, r[3])]), float(r[4]), moves))
    return rows


def test_reproduces_decide_cop21_first_round() -> None:
    scenario = import_exchange(EXCHANGE / "CoP21_original_2015-10-02.csv")
    batch = aligned_batch(scenario)
    actors, issues = batch.actors[0], batch.issues
    realized = ExchangeModel().one_round(batch.x, batch.s, batch.c, batch.mask)
    ours = []
    for r in realized:
        pairs = {(actors[r.i], issues[r.q]): r.i_move, (actors[r.j], issues[r.p]): r.j_move}
        ours.append((frozenset(pairs), r.gain, pairs))
    reference = _reference()
    assert len(reference) == 129
    prefix = 0
    for (key, gain, moves), (ref_key, ref_gain, ref_moves) in zip(ours, reference, strict=False):
        same = key == ref_key and abs(gain - ref_gain) < 1e-4
        if not same or any(abs(moves[k] - ref_moves[k]) > 1e-3 for k in key):
            break
        prefix += 1
    assert prefix >= PREFIX
    gains = {key: gain for key, gain, _ in ours}
    found = sum(1 for key, gain, _ in reference if key in gains and abs(gains[key] - gain) < 1e-4)
    assert found >= FOUND


def _two_issue_trade() -> Scenario:
    """a cares about p, b about q; they sit on opposite sides of both compromises: a trade helps both."""
    actors = [Actor(id=k, name=k, capability=1.0) for k in ("a", "b", "m")]
    stances = [
        Stance(actor="a", issue="p", position=100, salience=0.9),
        Stance(actor="a", issue="q", position=100, salience=0.2),
        Stance(actor="b", issue="p", position=0, salience=0.2),
        Stance(actor="b", issue="q", position=0, salience=0.9),
        Stance(actor="m", issue="p", position=50, salience=0.5),
        Stance(actor="m", issue="q", position=50, salience=0.5),
    ]
    return Scenario(
        name="trade",
        issues=[Issue(id="p", label="p"), Issue(id="q", label="q")],
        actors=actors,
        stances=stances,
    )


def test_linkage_moves_each_issue_towards_the_actor_who_cares() -> None:
    scenario = _two_issue_trade()
    mean = forecast(scenario, "compromise")
    linked = forecast(scenario, "exchange")
    assert linked["p"].value > mean["p"].value + 1  # towards a (100), who cares about p
    assert linked["q"].value < mean["q"].value - 1  # towards b (0), who cares about q
    # One issue alone has nothing to trade: the compromise.
    alone = Scenario(
        name="one",
        issues=scenario.issues[:1],
        actors=scenario.actors,
        stances=[s for s in scenario.stances if s.issue == "p"],
    )
    assert forecast(alone, "exchange")["p"].value == pytest.approx(forecast(alone, "compromise")["p"].value)


def test_random_gain_is_seeded_and_differs_from_equal_gain() -> None:
    scenario = import_exchange(EXCHANGE / "cop21_decide.tsv")
    batch = aligned_batch(scenario, [i.id for i in scenario.issues[:5]])  # a slice keeps the test fast
    args = (batch.x, batch.s, batch.c, batch.mask, batch.ref)
    equal = MODELS["exchange"].run(*args).value
    random = MODELS["exchange_random"].run(*args).value
    assert np.array_equal(random, MODELS["exchange_random"].run(*args).value)
    assert not np.allclose(equal, random)
    assert np.all((equal >= 0) & (equal <= 100))


def test_monte_carlo_runs_the_linked_model_per_draw() -> None:
    spread = simulate(_two_issue_trade(), ["compromise", "exchange"], draws=20, seed=3)
    assert set(spread) == {"compromise", "exchange"}
    band = spread["exchange"]["p"]
    assert band.p10 <= band.median <= band.p90 and band.draws == 20
    assert {s.actor for s in band.sensitivity} <= {"a", "b", "m"}
