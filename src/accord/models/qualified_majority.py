"""The compromise under a qualified-majority check: the weighted mean, unless it lies beyond what a
qualified majority of capability prefers to the reference point, in which case the farthest point that
such a majority still prefers (the edge of the reference point's win set).

Why: under qualified-majority voting a change passes only if enough votes prefer it to the status quo. An
actor at ``x_i`` prefers ``z`` to the reference point ``d`` when ``|z - x_i| < |d - x_i|``, i.e. when ``z``
lies between ``d`` and ``2 x_i - d``. On the side of ``d`` where the compromise lies, the points a share
``quota`` of the capability prefers to ``d`` form an interval from ``d`` to a limit; the forecast is the
compromise clamped to that interval (``d`` itself when no point gathers the quota).

Readings: capability is the vote (salience decides how hard an actor bargains, not whether it votes); every
coded actor votes (the model does not know which actors are Council members or the issue's voting rule);
an issue without a reference point keeps the compromise. ``quota`` was chosen on DEU I + II only by
``bench/backtest_tuning.py`` (the lowest tune MAE on a grid of 0.5, 0.6, 0.71, 0.8).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from accord.models.base import Array, BoolArray, Result
from accord.models.compromise import Compromise

_TOLERANCE = 1e-9


def win_set_limit(x: Array, votes: Array, mask: BoolArray, ref: Array, side: Array, quota: float) -> Array:
    """How far, in the direction ``side`` (+1 or -1) from ``ref``, a share ``quota`` of the votes still
    prefers a point to ``ref``; 0 where no point gathers the quota. Arrays ``(B, n)``, ``ref`` ``(B,)``."""
    toward = side[:, None] * (x - ref[:, None])  # > 0: the actor lies on that side of ref
    voter = mask & (votes > 0)
    # Supporters of a point at distance t from ref (towards side) are the actors with 2 * toward > t.
    reach = np.where(voter & (toward > 0), 2 * toward, -np.inf)
    order = np.argsort(-reach, axis=-1, kind="stable")
    reach_sorted = np.take_along_axis(reach, order, axis=-1)
    votes_sorted = np.take_along_axis(np.where(voter, votes, 0.0), order, axis=-1)
    total = np.where(voter, votes, 0.0).sum(axis=-1)
    cum = np.cumsum(votes_sorted, axis=-1)
    enough = cum >= quota * total[:, None] - _TOLERANCE * np.maximum(total[:, None], 1.0)
    first = np.argmax(enough, axis=-1)
    limit = np.take_along_axis(reach_sorted, first[:, None], axis=-1)[:, 0]
    found = enough.any(axis=-1) & (total > 0)
    return np.where(found & np.isfinite(limit), np.maximum(limit, 0.0), 0.0)


@dataclass
class QualifiedMajority:
    quota: float = 0.5
    name: str = "qualified_majority"
    description: str = "compromise, clamped to what a majority of capability prefers to the reference point"

    def run(self, x: Array, s: Array, c: Array, mask: BoolArray, ref: Array) -> Result:
        mean = Compromise().run(x, s, c, mask, ref).value
        known = ~np.isnan(ref)
        d = np.where(known, ref, 0.0)
        side = np.where(mean >= d, 1.0, -1.0)
        limit = win_set_limit(x, c, mask, d, side, self.quota)
        with np.errstate(invalid="ignore"):  # rows without any actor carry NaN and stay NaN
            clamped = d + side * np.minimum(side * (mean - d), limit)
        return Result(np.where(known, clamped, mean))
