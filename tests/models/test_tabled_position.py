"""The tabled position nearest the compromise: hand-computed cases, Hypothesis properties, the DEU claim."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.models.backtest import deu_forecasts
from accord.models.base import weights
from accord.models.compromise import Compromise
from accord.models.tabled_position import TabledPosition
from accord.scenario.importers.deu import import_deu

DEU = Path(__file__).resolve().parents[2] / "data" / "negotiation" / "deu" / "deu3_blksv.tsv"


def _run(rows: list[tuple[float, float, float]], ref: float | None = None, **options: float | bool) -> float:
    """rows: (capability, position, salience)."""
    c = np.array([[r[0] for r in rows]])
    x = np.array([[r[1] for r in rows]])
    s = np.array([[r[2] for r in rows]])
    refs = np.array([np.nan if ref is None else ref])
    return float(TabledPosition(**options).run(x, s, c, np.ones_like(x, dtype=bool), refs).value[0])  # type: ignore[arg-type]


def test_moves_onto_the_nearest_tabled_position() -> None:
    # mean (0 + 40 + 100) / 3 = 46.7; 40 is 6.7 away
    assert _run([(1, 0, 1), (1, 40, 1), (1, 100, 1)]) == 40


def test_stays_on_the_mean_beyond_reach() -> None:
    # weights 1 and 2: mean 66.7, nearest position 100 is 33.3 away
    assert _run([(1, 0, 1), (2, 100, 1)]) == pytest.approx(200 / 3)
    assert _run([(1, 0, 1), (2, 100, 1)], reach=40) == 100


def test_equal_tie_keeps_the_mean_and_weight_breaks_a_tie() -> None:
    assert _run([(1, 0, 1), (1, 100, 1)], reach=60) == 50
    # 40 and 60 are both 10 from the mean 50; 40 carries weight 2 (capability 2), 60 and the rest 1 each
    assert _run([(2, 40, 1), (1, 60, 1), (1, 80, 1), (1, 20, 1)]) == 40


def test_reference_point_is_tabled_but_loses_ties_to_actors() -> None:
    assert _run([(1, 0, 1), (1, 100, 1)], ref=45) == 45
    assert _run([(1, 0, 1), (1, 100, 1)], ref=45, with_reference=False) == 50
    # mean (3 * 40 + 80) / 4 = 50: the actor at 40 and the reference point at 60 are both 10 away
    assert _run([(3, 40, 1), (1, 80, 1)], ref=60) == 40


def test_an_actor_without_weight_is_not_tabled() -> None:
    # the actor at 52 has salience 0: mean 50, and 0 and 100 are 50 away
    assert _run([(1, 0, 1), (1, 100, 1), (1, 52, 0)]) == 50


rows_strategy = st.lists(
    st.tuples(st.floats(0.01, 100), st.floats(0, 100), st.floats(0.01, 1)), min_size=1, max_size=10
)


@settings(max_examples=80, deadline=None)
@given(rows_strategy, st.one_of(st.none(), st.floats(0, 100)), st.floats(0, 60))
def test_forecast_is_the_mean_or_a_tabled_position_within_reach(
    rows: list[tuple[float, float, float]], ref: float | None, reach: float
) -> None:
    value = _run(rows, ref, reach=reach)
    c = np.array([[r[0] for r in rows]])
    x = np.array([[r[1] for r in rows]])
    s = np.array([[r[2] for r in rows]])
    mask = np.ones_like(x, dtype=bool)
    mean = Compromise().run(x, s, c, mask, np.array([np.nan])).value[0]
    tabled = [p for p, w in zip(x[0], weights(s, c, mask)[0], strict=True) if w > 0]
    tabled += [] if ref is None else [ref]
    assert value == pytest.approx(mean) or value in tabled
    assert abs(value - mean) <= reach + 1e-9
    # Nothing tabled is nearer the mean than the forecast, unless the forecast is the mean itself.
    if value != pytest.approx(mean):
        assert min(abs(p - mean) for p in tabled) == pytest.approx(abs(value - mean))


@settings(max_examples=80, deadline=None)
@given(rows_strategy, st.one_of(st.none(), st.floats(0, 100)), st.randoms(use_true_random=False))
def test_mirror_and_order_invariant(
    rows: list[tuple[float, float, float]], ref: float | None, rnd: object
) -> None:
    value = _run(rows, ref)
    mirrored = _run([(c, 100 - x, s) for c, x, s in rows], None if ref is None else 100 - ref)
    assert mirrored == pytest.approx(100 - value, abs=1e-6)
    shuffled = list(rows)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert _run(shuffled, ref) == pytest.approx(value, abs=1e-9)


def test_deu_tune_half_meets_the_aim_it_was_chosen_for() -> None:
    # The setting was chosen on DEU I + II; this pins that it still does there what the README says.
    issues = [i for i in import_deu(DEU, "votes") if i.wave in ("I", "II")]
    _scored, outcomes, forecasts = deu_forecasts(issues, ["compromise", "tabled"])
    compromise = np.abs(forecasts["compromise"] - outcomes)
    tabled = np.abs(forecasts["tabled"] - outcomes)
    assert tabled.mean() < compromise.mean() - 1.0
    assert (tabled <= 10).mean() >= 0.41
