"""The Nash bargaining solution with the reference point as the disagreement point, plain and weighted.

Readings (see also ``docs/expected_utility.md`` for the other models' choices):

- Utilities are linear losses, ``u_i(z) = -s_i |z - x_i|``; the gain of actor ``i`` over the disagreement
  point ``d`` is ``s_i (|d - x_i| - |z - x_i|)``. Salience scales a gain and so drops out of the argmax.
- In one dimension, actors on opposite sides of ``d`` cannot both gain, so a unanimous bargain would always
  be ``d``. We let the side of ``d`` with the larger capability × salience total form the bargaining
  coalition (the other side is outvoted); a tie keeps ``d``.
- The solution maximises ``sum_i a_i log(gain_i)`` over the coalition, where ``a_i = 1`` (symmetric Nash) or
  ``a_i = c_i s_i`` (weighted, asymmetric Nash). The objective is concave in ``z``, so a vectorised
  bisection on its derivative finds the maximum.
- Without a reference point, ``d`` is the end of the scale (0 or 100) farther from the weighted mean: the
  failure of talks is taken as the worst outcome for the majority.
"""

from __future__ import annotations

import numpy as np

from accord.models.base import Array, BoolArray, Result, weights

_ITERATIONS = 40
_AT_REFERENCE = 1e-9


def nash_solution(x: Array, power: Array, bargaining: Array, mask: BoolArray, ref: Array) -> Array:
    """Vectorised Nash bargaining solution (see the module docstring); arrays ``(B, n)``, ``ref`` ``(B,)``."""
    mean = (power * x).sum(-1) / np.maximum(power.sum(-1), 1e-300)
    d = np.where(np.isnan(ref), np.where(mean >= 50.0, 0.0, 100.0), ref)
    offset = np.where(mask, x - d[:, None], 0.0)
    # Positions within rounding distance of d count as at d, so rescaling cannot move an actor across it.
    offset = np.where(np.abs(offset) > _AT_REFERENCE, offset, 0.0)
    up = np.where(offset > 0, power, 0.0).sum(-1)
    down = np.where(offset < 0, power, 0.0).sum(-1)
    sign = np.where(up > down, 1.0, -1.0)
    y = offset * sign[:, None]  # distances from d towards the winning side
    member = mask & (y > 0)
    a = np.where(member, bargaining, 0.0)
    a = np.where(a.sum(-1, keepdims=True) > 0, a, member.astype(np.float64))
    nearest = np.where(member, y, np.inf).min(-1)
    has_coalition = (up != down) & np.isfinite(nearest)
    nearest = np.where(has_coalition, nearest, 1.0)
    # Only coalition members nearer than 2 * nearest can be passed by z inside the feasible interval; the
    # rest always pull outwards. Sorting once and keeping those columns makes each bisection step cheap.
    total = a.sum(-1)
    order = np.argsort(np.where(member, y, np.inf), axis=-1)
    ys = np.take_along_axis(np.where(member, y, np.inf), order, axis=-1)
    as_ = np.take_along_axis(a, order, axis=-1)
    width = max(1, int((ys < 2.0 * nearest[:, None]).sum(-1).max(initial=1)))
    ys, as_ = ys[:, :width], as_[:, :width]
    lo, hi = np.zeros_like(nearest), 2.0 * nearest
    for _ in range(_ITERATIONS):
        z = (lo + hi) / 2
        zc = z[:, None]
        passed = ys < zc
        pull_out = (total - np.where(passed, as_, 0.0).sum(-1)) / z
        pull_in = np.where(passed, as_ / np.maximum(2 * ys - zc, 1e-300), 0.0).sum(-1)
        rising = pull_out > pull_in
        lo, hi = np.where(rising, z, lo), np.where(rising, hi, z)
    solution = d + sign * (lo + hi) / 2
    return np.asarray(np.where(has_coalition, solution, d), dtype=np.float64)


class Nash:
    name = "nash"
    description = "Nash bargaining solution, reference point as disagreement point, equal bargaining power"

    def run(self, x: Array, s: Array, c: Array, mask: BoolArray, ref: Array) -> Result:
        w = weights(s, c, mask)
        return Result(nash_solution(x, w, np.ones_like(x), mask, ref))


class WeightedNash:
    name = "nash_weighted"
    description = "asymmetric Nash bargaining solution with capability × salience bargaining power"

    def run(self, x: Array, s: Array, c: Array, mask: BoolArray, ref: Array) -> Result:
        w = weights(s, c, mask)
        return Result(nash_solution(x, w, w, mask, ref))
