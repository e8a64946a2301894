"""The compromise under a qualified-majority check: hand-computed cases and Hypothesis properties."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.models.compromise import Compromise
from accord.models.qualified_majority import QualifiedMajority


def _arrays(
    rows: Sequence[tuple[float, float, float]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """rows: (capability, position, salience)."""
    c = np.array([[r[0] for r in rows]])
    x = np.array([[r[1] for r in rows]])
    s = np.array([[r[2] for r in rows]])
    return x, s, c, np.ones_like(x, dtype=bool)


def _run(rows: Sequence[tuple[float, float, float]], ref: float | None, quota: float = 0.5) -> float:
    refs = np.array([np.nan if ref is None else ref])
    return float(QualifiedMajority(quota).run(*_arrays(rows), refs).value[0])


def test_hand_computed_win_set() -> None:
    # Reference point 0; the actor at 10 prefers points in (0, 20), the actor at 100 those in (0, 200).
    # Mean 55: half the votes (the actor at 100) prefer it to 0, but not 71 %: then only up to 20.
    rows = [(1, 10, 1), (1, 100, 1)]
    assert _run(rows, 0, 0.5) == pytest.approx(55)
    assert _run(rows, 0, 0.71) == pytest.approx(20)


def test_no_reference_point_keeps_the_compromise_and_no_quota_keeps_the_reference() -> None:
    rows = [(1, 10, 1), (1, 100, 1)]
    assert _run(rows, None, 0.9) == pytest.approx(55)
    # Reference 50; mean (60 + 0.5 * 40) / 1.5 = 53.3 lies above it, but only the actor at 60 prefers any
    # point above 50 to 50: half of the votes, short of 71 %.
    assert _run([(1, 60, 1), (1, 40, 0.5)], 50, 0.71) == pytest.approx(50)


actor_rows = st.lists(
    st.tuples(st.floats(0.01, 100), st.floats(0, 100), st.floats(0.01, 1)), min_size=1, max_size=10
)


@settings(max_examples=80, deadline=None)
@given(actor_rows, st.floats(0, 100), st.floats(0.3, 1.0), st.floats(0.3, 1.0))
def test_between_reference_and_compromise_and_monotone_in_quota(
    rows: list[tuple[float, float, float]], ref: float, quota_a: float, quota_b: float
) -> None:
    x, s, c, mask = _arrays(rows)
    mean = Compromise().run(x, s, c, mask, np.array([np.nan])).value[0]
    low, high = sorted((quota_a, quota_b))
    loose, strict = _run(rows, ref, low), _run(rows, ref, high)
    for value in (loose, strict):
        assert min(ref, mean) - 1e-9 <= value <= max(ref, mean) + 1e-9
    # A higher quota can only keep the forecast as close to the reference point or closer.
    assert abs(strict - ref) <= abs(loose - ref) + 1e-9


@settings(max_examples=80, deadline=None)
@given(actor_rows, st.floats(0, 100), st.floats(0.3, 1.0))
def test_mirror_symmetric(rows: list[tuple[float, float, float]], ref: float, quota: float) -> None:
    value = _run(rows, ref, quota)
    mirrored = _run([(c, 100 - x, s) for c, x, s in rows], 100 - ref, quota)
    assert mirrored == pytest.approx(100 - value, abs=1e-6)
