"""The weighted median: the position of the median voter when each actor has capability × salience votes."""

from __future__ import annotations

import numpy as np

from accord.models.base import Array, BoolArray, Result, weights


def weighted_median(x: Array, w: Array) -> Array:
    """Median of ``x`` with weights ``w`` along the last axis.

    Where the cumulative weight reaches exactly half at a position, the result is the midpoint between that
    position and the next one carrying weight, so equal weights give the usual median of an even count.
    """
    order = np.argsort(x, axis=-1, kind="stable")
    xs = np.take_along_axis(x, order, axis=-1)
    ws = np.take_along_axis(w, order, axis=-1)
    cum = np.cumsum(ws, axis=-1)
    half = cum[..., -1:] / 2
    tol = 1e-9 * np.maximum(cum[..., -1:], 1.0)
    lower = np.argmax(cum >= half - tol, axis=-1)
    upper = np.argmax(cum > half + tol, axis=-1)
    pick_lower = np.take_along_axis(xs, lower[..., None], axis=-1)[..., 0]
    pick_upper = np.take_along_axis(xs, upper[..., None], axis=-1)[..., 0]
    return np.asarray((pick_lower + pick_upper) / 2, dtype=np.float64)


class WeightedMedian:
    name = "median"
    description = "median voter position with capability × salience weights"

    def run(self, x: Array, s: Array, c: Array, mask: BoolArray, ref: Array) -> Result:
        w = weights(s, c, mask)
        # Absent actors are moved past every real position; their weight is zero so they never count.
        return Result(weighted_median(np.where(mask, x, np.inf), w))
