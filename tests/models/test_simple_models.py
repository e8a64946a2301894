"""Compromise, weighted median and Nash: hand-computed cases and Hypothesis properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.errors import AccordError
from accord.models import MODELS, forecast, get_model
from accord.models.base import is_linked
from accord.models.nash import nash_solution
from accord.models.weighted_median import weighted_median
from accord.scenario.model import Actor, Issue, Scenario, Stance

NAN = np.array([np.nan])


def _scenario(rows: list[tuple[str, float, float, float]], status_quo: float | None = None) -> Scenario:
    return Scenario(
        name="t",
        issues=[Issue(id="i", label="I", status_quo=status_quo)],
        actors=[Actor(id=a, name=a, capability=c) for a, c, _, _ in rows],
        stances=[Stance(actor=a, issue="i", position=x, salience=s) for a, _, x, s in rows],
    )


def test_compromise_hand_computed() -> None:
    # weights 1*1 = 1 and 3*0.5 = 1.5: (0*1 + 100*1.5) / 2.5 = 60
    scenario = _scenario([("a", 1, 0, 1.0), ("b", 3, 100, 0.5)])
    assert forecast(scenario, "compromise")["i"].value == pytest.approx(60)


def test_median_hand_computed() -> None:
    scenario = _scenario([("a", 1, 10, 1.0), ("b", 1, 20, 1.0), ("c", 3, 90, 1.0)])
    assert forecast(scenario, "median")["i"].value == 90  # 3 of 5 weight at 90
    even = _scenario([("a", 1, 10, 1.0), ("b", 1, 20, 1.0), ("c", 1, 30, 1.0), ("d", 1, 70, 1.0)])
    assert forecast(even, "median")["i"].value == 25  # exact half: midpoint, as the usual median
    zero = np.array([[10.0, 20.0, 30.0]]), np.array([[1.0, 0.0, 1.0]])
    assert weighted_median(*zero)[0] == 20


def test_nash_hand_computed() -> None:
    # d = 50, coalition at distances 10, 20, 40. Gains z, z, z below 10; above 10 the nearest actor's gain is
    # 20 - z. Symmetric: 2/z = 1/(20 - z) -> z = 40/3. Weighted (1, 1, 2): 3/z = 1/(20 - z) -> z = 15.
    x = np.array([[60.0, 70.0, 90.0]])
    mask = np.ones_like(x, dtype=bool)
    ref = np.array([50.0])
    assert nash_solution(x, np.ones_like(x), np.ones_like(x), mask, ref)[0] == pytest.approx(50 + 40 / 3)
    assert nash_solution(x, np.ones_like(x), np.array([[1.0, 1.0, 2.0]]), mask, ref)[0] == pytest.approx(65)
    # The side of d with more capability x salience forms the coalition; the smaller side is outvoted.
    x2 = np.array([[30.0, 60.0, 70.0, 90.0]])
    w2 = np.array([[2.0, 1.0, 1.0, 1.0]])
    value = nash_solution(x2, w2, np.ones_like(x2), np.ones_like(x2, dtype=bool), ref)
    assert value[0] == pytest.approx(50 + 40 / 3)
    tie = nash_solution(
        np.array([[40.0, 60.0]]), np.ones((1, 2)), np.ones((1, 2)), np.ones((1, 2), bool), ref
    )
    assert tie[0] == 50


def test_nash_without_reference_point_uses_the_far_end() -> None:
    scenario = _scenario([("a", 1, 20, 1.0), ("b", 1, 40, 1.0)])
    # Mean 30 < 50, so d = 100; distances 80 and 60. Below 60 both gains are z; above it the nearer actor's
    # gain is 120 - z and 1/z - 1/(120 - z) < 0, so the maximum is at the kink z = 60: 100 - 60 = 40.
    assert forecast(scenario, "nash")["i"].value == pytest.approx(40)


def test_unknown_model_is_a_clear_error() -> None:
    with pytest.raises(AccordError, match="unknown model 'oracle'; choose one of compromise, median"):
        get_model("oracle")


def test_issue_without_stances_is_skipped() -> None:
    scenario = Scenario(
        name="t",
        issues=[Issue(id="i", label="I"), Issue(id="j", label="J")],
        actors=[Actor(id="a", name="a", capability=1), Actor(id="b", name="b", capability=1)],
        stances=[
            Stance(actor="a", issue="i", position=40, salience=0.5),
            Stance(actor="b", issue="i", position=60, salience=0.5),
        ],
    )
    for name in MODELS:
        assert set(forecast(scenario, name)) == {"i"}


actor_rows = st.lists(
    st.tuples(
        st.floats(0.01, 100),  # capability
        st.floats(0, 100),  # position
        st.floats(0.01, 1),  # salience
    ),
    min_size=1,
    max_size=12,
)


def _arrays(rows: list[tuple[float, float, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    c = np.array([[r[0] for r in rows]])
    x = np.array([[r[1] for r in rows]])
    s = np.array([[r[2] for r in rows]])
    return x, s, c, np.ones_like(x, dtype=bool)


@settings(max_examples=60, deadline=None)
@given(actor_rows)
def test_mean_and_median_stay_inside_the_positions(rows: list[tuple[float, float, float]]) -> None:
    x, s, c, mask = _arrays(rows)
    for name in ("compromise", "median"):
        value = MODELS[name].run(x, s, c, mask, NAN).value[0]
        assert x.min() - 1e-9 <= value <= x.max() + 1e-9


@settings(max_examples=60, deadline=None)
@given(actor_rows, st.randoms(use_true_random=False), st.one_of(st.none(), st.floats(0, 100)))
def test_invariant_to_actor_order(
    rows: list[tuple[float, float, float]], rnd: object, ref: float | None
) -> None:
    x, s, c, mask = _arrays(rows)
    order = np.arange(x.shape[1])
    rnd.shuffle(order)  # type: ignore[attr-defined]
    refs = np.array([np.nan if ref is None else ref])
    for name in ("compromise", "median", "nash", "nash_weighted"):
        model = MODELS[name]
        a = model.run(x, s, c, mask, refs).value[0]
        b = model.run(x[:, order], s[:, order], c[:, order], mask, refs).value[0]
        assert a == pytest.approx(b, abs=1e-6)


@settings(max_examples=60, deadline=None)
@given(actor_rows, st.floats(0.05, 1.0), st.floats(0, 1), st.floats(0, 100))
def test_equivariant_under_rescaling(
    rows: list[tuple[float, float, float]], scale: float, shift_share: float, ref: float
) -> None:
    x, s, c, mask = _arrays(rows)
    shift = shift_share * (100 - 100 * scale)  # keep the rescaled positions on 0–100
    refs = np.array([ref])
    for name in ("compromise", "median", "nash", "nash_weighted"):
        model = MODELS[name]
        plain = model.run(x, s, c, mask, refs).value[0]
        moved = model.run(shift + scale * x, s, c, mask, shift + scale * refs).value[0]
        assert moved == pytest.approx(shift + scale * plain, abs=1e-6)


def test_batch_padding_does_not_change_forecasts() -> None:
    x = np.array([[10.0, 80.0, 0.0], [30.0, 60.0, 90.0]])
    s = np.array([[1.0, 0.5, 0.0], [0.3, 0.9, 0.6]])
    c = np.array([[1.0, 2.0, 0.0], [1.0, 1.0, 4.0]])
    mask = np.array([[True, True, False], [True, True, True]])
    ref = np.array([50.0, np.nan])
    for name, model in MODELS.items():
        if is_linked(model):  # the exchange model reads all rows as one negotiation: rows are not independent
            continue
        both = model.run(x, s, c, mask, ref).value
        alone = model.run(x[:1, :2], s[:1, :2], c[:1, :2], mask[:1, :2], ref[:1]).value
        assert both[0] == pytest.approx(alone[0]), name


def test_snap_moves_onto_a_close_median_only() -> None:
    near = _scenario([("a", 1, 40, 1.0), ("b", 1, 50, 1.0), ("c", 1, 75, 1.0)])  # mean 55, median 50
    assert forecast(near, "snap")["i"].value == 50
    far = _scenario(
        [("a", 1, 0, 1.0), ("b", 1, 70, 1.0), ("c", 1, 71, 1.0), ("d", 1, 72, 1.0), ("e", 1, 0, 1.0)]
    )
    # mean 42.6, median 70: more than 20 apart, so the mean stands
    assert forecast(far, "snap")["i"].value == pytest.approx(42.6)
