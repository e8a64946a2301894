"""The compromise model (Achen): the capability × salience weighted mean of the positions."""

from __future__ import annotations

import numpy as np

from accord.models.base import Array, BoolArray, Result, weights


class Compromise:
    name = "compromise"
    description = "capability × salience weighted mean of positions (Achen's compromise model)"

    def run(self, x: Array, s: Array, c: Array, mask: BoolArray, ref: Array) -> Result:
        w = weights(s, c, mask)
        total = w.sum(axis=-1)
        mean = (w * x).sum(axis=-1) / np.where(total > 0, total, 1.0)
        return Result(np.where(total > 0, mean, np.nan))
