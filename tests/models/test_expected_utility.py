"""The Scholz et al. (2011) expected-utility model: the published emission-standards rounds, small cases."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from accord.models.base import forecast_with, to_batch
from accord.models.expected_utility import ExpectedUtility
from accord.scenario.importers.bdm import import_bdm

NEGOTIATION = Path(__file__).resolve().parents[2] / "data" / "negotiation"
EMISSIONS = NEGOTIATION / "bdm" / "emission_standards_bdm1994.csv"
# Scholz, Calbert & Smith (2011), emission standards with Q = 1.0: median and mean position by round 1–8.
PUBLISHED_MEDIANS = [8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6]
PUBLISHED_MEANS = [7.4, 7.5, 7.6, 7.3, 7.3, 7.4, 7.5, 7.6]


def _years(percent: np.ndarray) -> np.ndarray:
    return 4 + 6 * percent / 100  # the importer maps years 4..10 onto 0..100


SCHOLZ = ExpectedUtility(probability="scholz_code")  # Scholz's program, as the published table was made


def test_reproduces_scholz_emission_standards() -> None:
    scenario = import_bdm(EMISSIONS)
    result = forecast_with(SCHOLZ, scenario)["issue"]
    assert result.history is not None and len(result.history) == 8
    assert np.abs(_years(np.array(result.history)) - PUBLISHED_MEDIANS).max() <= 0.5
    batch = to_batch(scenario)
    rounds = SCHOLZ.positions_by_round(batch.x, batch.s, batch.c, batch.mask)
    w = batch.c * batch.s
    means = [_years((w * x).sum() / w.sum()) for x in rounds[1:]]
    assert np.abs(np.array(means) - PUBLISHED_MEANS).max() <= 0.5


def test_least_move_reading_differs_from_scholz_program() -> None:
    batch = to_batch(import_bdm(EMISSIONS))
    paper = ExpectedUtility(compromise_choice="least_move", probability="scholz_code").run(
        batch.x, batch.s, batch.c, batch.mask, batch.ref
    )
    program = SCHOLZ.run(batch.x, batch.s, batch.c, batch.mask, batch.ref)
    assert paper.history is not None and program.history is not None
    assert np.allclose(paper.history[0, :3], program.history[0, :3])
    assert not np.allclose(paper.history[0, 5:], program.history[0, 5:])


def test_agreement_stays_put_and_two_actors_are_handled() -> None:
    x = np.array([[40.0, 40.0, 40.0], [20.0, 80.0, 0.0]])
    s = np.array([[0.5, 0.9, 0.2], [0.9, 0.9, 0.0]])
    c = np.array([[1.0, 2.0, 3.0], [1.0, 4.0, 0.0]])
    mask = np.array([[True, True, True], [True, True, False]])
    result = ExpectedUtility(rounds=3).run(x, s, c, mask, np.array([np.nan, np.nan]))
    assert result.value[0] == 40
    assert result.value[1] in (20.0, 80.0)  # a median voter position is always an actor's position
    assert result.history is not None and result.history.shape == (2, 3)


def test_status_quo_weight_changes_the_expected_utilities() -> None:
    batch = to_batch(import_bdm(EMISSIONS))
    sure = ExpectedUtility(q=1.0).positions_by_round(batch.x, batch.s, batch.c, batch.mask)
    unsure = ExpectedUtility(q=0.5).positions_by_round(batch.x, batch.s, batch.c, batch.mask)
    assert all(np.isfinite(p).all() for p in unsure)
    assert any(not np.allclose(a, b) for a, b in zip(sure, unsure, strict=True))


def test_affine_rescaling_of_positions_is_equivariant() -> None:
    batch = to_batch(import_bdm(EMISSIONS))
    model = ExpectedUtility()
    plain = model.run(batch.x, batch.s, batch.c, batch.mask, batch.ref).value
    moved = model.run(10 + 0.5 * batch.x, batch.s, batch.c, batch.mask, batch.ref).value
    assert moved == pytest.approx(10 + 0.5 * plain)


def test_reference_anchor_is_read_only_when_it_can_matter() -> None:
    batch = to_batch(import_bdm(EMISSIONS))
    args = (batch.x, batch.s, batch.c, batch.mask)
    median_anchor = ExpectedUtility(q=0.7).positions_by_round(*args)
    reference = ExpectedUtility(q=0.7, anchor="reference")
    # Without a reference point the anchor falls back to the median: same rounds.
    no_ref = reference.positions_by_round(*args, np.array([np.nan]))
    assert all(np.allclose(a, b) for a, b in zip(median_anchor, no_ref, strict=True))
    # With Q = 1 the anchor term vanishes, wherever the reference point is.
    sure = ExpectedUtility(q=1.0).positions_by_round(*args)
    sure_ref = ExpectedUtility(q=1.0, anchor="reference").positions_by_round(*args, np.array([0.0]))
    assert all(np.allclose(a, b) for a, b in zip(sure, sure_ref, strict=True))
    # With Q < 1 and a reference point at one end of the scale, the expected utilities and so the rounds
    # change.
    anchored = reference.positions_by_round(*args, np.array([0.0]))
    assert any(not np.allclose(a, b) for a, b in zip(median_anchor, anchored, strict=True))


def test_registered_reference_reading_uses_q_07() -> None:
    from accord.models import MODELS

    model = MODELS["expected_utility_rp"]
    assert isinstance(model, ExpectedUtility)
    assert model.q == 0.7 and model.anchor == "reference"
    assert MODELS["expected_utility"].q == 1.0  # type: ignore[attr-defined]


def test_probability_of_success_does_not_shrink_with_the_number_of_actors() -> None:
    """The defect behind DEU's 30.2: with Scholz's global denominator every P is about 1 / (n (n - 1)), so
    on a DEU issue with 17 coded actors no challenge can succeed. The registered model uses the paper's
    pairwise P, with P(a, k) + P(k, a) = 1."""
    from accord.models import MODELS
    from accord.models.expected_utility import _distances, _probabilities
    from accord.scenario.importers.deu import import_deu

    issue = next(i for i in import_deu(NEGOTIATION / "deu" / "deu3_blksv.tsv") if i.issue_id == "d00032i1")
    batch = to_batch(issue.scenario)
    assert int(batch.mask.sum()) == 17
    x, w, mask = batch.x, batch.c * batch.s, batch.mask
    scale = np.array([x[mask].max() - x[mask].min()])
    dist = _distances(x, scale)
    ones = np.ones_like(x)
    scholz = _probabilities(dist, w, ones, mask, pairwise=False)
    pairwise = _probabilities(dist, w, ones, mask, pairwise=True)
    assert scholz.max() < 0.05
    assert pairwise.max() > 0.5
    off = mask[0][:, None] & mask[0][None, :] & ~np.eye(x.shape[1], dtype=bool)
    assert np.allclose((pairwise[0] + pairwise[0].T)[off], 1.0)
    assert MODELS["expected_utility"].probability == "pairwise"  # type: ignore[attr-defined]
