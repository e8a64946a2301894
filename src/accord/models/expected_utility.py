"""Bueno de Mesquita's expected-utility model as specified by Scholz, Calbert & Smith (2011).

Each round: risk exponents from security levels, probabilities of success from capability × salience
weighted votes, expected utilities of challenging each other, then every actor takes the best offer it
receives (confrontation, else compromise, else capitulation). The forecast is the median voter position
after the last round; the history is that median after every round.

Where the paper leaves room, the reading taken is listed in ``docs/expected_utility.md``; the numbered
``Reading`` comments below point to it. Everything is vectorised over a leading batch axis (issues or Monte
Carlo draws) so the model stays usable inside the Monte Carlo loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from accord.models.base import Array, BoolArray, Result

# Elements of the (batch, voter, position, position) vote tensor computed at once; bounds memory use.
_CHUNK_ELEMENTS = 4_000_000


def _distances(x: Array, scale: Array) -> Array:
    """``|x_i - x_j| / range`` as ``(B, n, n)``."""
    return np.abs(x[:, :, None] - x[:, None, :]) / scale[:, None, None]


def _probabilities(dist: Array, w: Array, r: Array, mask: BoolArray, pairwise: bool = True) -> Array:
    """P[b, a, k]: probability that position a prevails over position k.

    Reading 3: the numerator sums the positive votes for a over k. ``pairwise`` (the paper's equation, the
    default): the denominator sums the absolute votes over a and k only, so P(a, k) + P(k, a) = 1 (0.5 each
    when no voter cares). Otherwise (Scholz's program, ``probability="scholz_code"``): the denominator sums
    the absolute votes over every ordered pair of positions, which shrinks every P roughly by the number of
    pairs, n (n - 1): with 10 actors it reproduces the published rounds, with DEU's 28 no challenge can
    succeed.
    """
    batch, n = w.shape
    out = np.zeros((batch, n, n))
    pair = mask[:, :, None] & mask[:, None, :]
    step = max(1, _CHUNK_ELEMENTS // max(n**3, 1))
    for start in range(0, batch, step):
        sl = slice(start, start + step)
        d = (
            np.where(pair[sl], dist[sl], 0.0) ** r[sl][:, :, None]
        )  # d[b, m, a], voter m's (risk-shaped) distance to position a
        votes = w[sl][:, :, None, None] * (d[:, :, None, :] - d[:, :, :, None])  # vote of m for a over k
        votes = np.where(pair[sl][:, None, :, :], votes, 0.0)
        positive = np.maximum(votes, 0.0).sum(axis=1)
        if pairwise:
            both = np.abs(votes).sum(axis=1)
            out[sl] = np.where(both > 0, positive / np.where(both > 0, both, 1.0), 0.5)
        else:
            total = np.abs(votes).sum(axis=(1, 2, 3))
            out[sl] = positive / np.where(total > 0, total, 1.0)[:, None, None]
    return out


def _vote_median(x: Array, w: Array, mask: BoolArray) -> Array:
    """Reading 6: the actor position with the largest total of risk-neutral votes against all others."""
    dist = np.abs(x[:, :, None] - x[:, None, :])  # dist[b, m, a]
    loss = np.where(mask[:, :, None], w[:, :, None] * dist, 0.0).sum(axis=1)  # weighted distance to a
    loss = np.where(mask, loss, np.inf)
    best = np.argmin(loss, axis=1)
    return np.take_along_axis(x, best[:, None], axis=1)[:, 0]


@dataclass
class ExpectedUtility:
    rounds: int = 8
    q: float = 1.0  # probability that the status quo holds if nobody challenges (Scholz's Q)
    compromise_choice: Literal["scholz_code", "least_move"] = "scholz_code"
    # Reading 3: "pairwise" (the paper's equation; scales with the number of actors) or "scholz_code" (the
    # global denominator of Scholz's program, which alone reproduces the published emission rounds).
    probability: Literal["pairwise", "scholz_code"] = "pairwise"
    # Reading 10: what "things get better or worse" is measured against when Q < 1: the current median
    # (the paper) or the reference point, where it has one.
    anchor: Literal["median", "reference"] = "median"
    name: str = "expected_utility"
    description: str = "Bueno de Mesquita's expected-utility model (Scholz, Calbert & Smith 2011)"

    def _expected_utilities(
        self, x: Array, dist: Array, s: Array, prob: Array, r: Array, median: Array, scale: Array
    ) -> tuple[Array, Array]:
        """(E_own, E_other) as ``(B, n, n)``: for perceiver i and partner j, i's view of
        EU(i challenges j) and EU(j challenges i). Reading 1: the perceiver's risk exponent shapes both."""
        ri = r[:, :, None]
        success = 2 - 4 * np.clip(0.5 - 0.5 * dist, 0.0, None) ** ri
        failure = 2 - 4 * (0.5 + 0.5 * dist) ** ri
        status_quo = 2 - 4 * 0.5**ri
        s_target_j = s[:, None, :]
        s_target_i = s[:, :, None]
        p_ij = prob
        p_ji = np.swapaxes(prob, 1, 2)
        own = s_target_j * (p_ij * success + (1 - p_ij) * failure) + (1 - s_target_j) * success
        other = s_target_i * (p_ji * success + (1 - p_ji) * failure) + (1 - s_target_i) * success
        own, other = own - self.q * status_quo, other - self.q * status_quo
        if self.q < 1.0:
            # Reading 4: if the status quo does not hold, things get better (T = 1) when the challenger is
            # at least as far from the median as from its target.
            to_median = np.abs(x - median[:, None]) / scale[:, None]
            for challenger_axis, target in ((1, own), (2, other)):
                away = to_median[:, :, None] if challenger_axis == 1 else to_median[:, None, :]
                better = 2 - 4 * np.clip(0.5 - 0.25 * (away + dist), 0, None) ** ri
                worse = 2 - 4 * (0.5 + 0.25 * (away + dist)) ** ri
                t = (away >= dist).astype(np.float64)
                target -= (1 - self.q) * (t * better + (1 - t) * worse)
        return own, other

    def run(self, x: Array, s: Array, c: Array, mask: BoolArray, ref: Array) -> Result:
        with np.errstate(invalid="ignore"):  # rows without any actor carry NaN and are never read
            positions = self.positions_by_round(x, s, c, mask, ref)
        w = np.where(mask, c * s, 0.0)
        medians = [_vote_median(p, w, mask) for p in positions[1:]] or [_vote_median(positions[0], w, mask)]
        hist = np.stack(medians, axis=1)
        return Result(hist[:, -1].copy(), hist)

    def positions_by_round(
        self, x: Array, s: Array, c: Array, mask: BoolArray, ref: Array | None = None
    ) -> list[Array]:
        """Every actor's position before round 1 and after each round: ``rounds + 1`` arrays ``(B, n)``.
        ``ref`` (the reference points) is only read with ``anchor="reference"``."""
        # Padding sits on a real position so that no distance exceeds the range.
        first = np.take_along_axis(x, np.argmax(mask, axis=1)[:, None], axis=1)
        x = np.where(mask, x, first).astype(np.float64)
        w = np.where(mask, c * s, 0.0)
        high = np.where(mask, x, -np.inf).max(axis=1)
        low = np.where(mask, x, np.inf).min(axis=1)
        scale = np.where(high > low, high - low, 1.0)  # Reading 2: the range of the initial positions
        pair = mask[:, :, None] & mask[:, None, :]
        ones = np.ones_like(x)
        history = [x]
        for _ in range(self.rounds):
            dist = _distances(x, scale)
            anchor_at = _vote_median(x, w, mask)
            if self.anchor == "reference" and ref is not None:
                anchor_at = np.where(np.isnan(ref), anchor_at, ref)
            # Reading 5: security levels use risk-neutral utilities; danger = sum of the others' EU of
            # challenging the actor, compared with the other actors' dangers.
            pairwise = self.probability == "pairwise"
            neutral = _probabilities(dist, w, ones, mask, pairwise)
            _, other = self._expected_utilities(x, dist, s, neutral, ones, anchor_at, scale)
            off_diagonal = pair & ~np.eye(x.shape[1], dtype=bool)[None]
            danger = np.where(off_diagonal, other, 0.0).sum(axis=2)
            top = np.where(mask, danger, -np.inf).max(axis=1, keepdims=True)
            bottom = np.where(mask, danger, np.inf).min(axis=1, keepdims=True)
            spread = top - bottom
            big_r = np.where(spread > 0, (2 * danger - top - bottom) / np.where(spread > 0, spread, 1), 0.0)
            r = np.where(mask, (1 - big_r / 3) / (1 + big_r / 3), 1.0)
            prob = _probabilities(dist, w, r, mask, pairwise)
            own, other = self._expected_utilities(x, dist, s, prob, r, anchor_at, scale)
            x = self._move(x, own, other, pair & (dist > 0))
            history.append(x)
        return history

    def _move(self, x: Array, own: Array, other: Array, valid: BoolArray) -> Array:
        """Every actor takes its best offer (Reading 7 and 8)."""
        xi, xj = x[:, :, None], x[:, None, :]
        confront = valid & (other > own) & (own > 0)
        losing = valid & (other > 0) & (own < 0)
        compromise = losing & (other > np.abs(own))
        capitulate = losing & (other < np.abs(own))
        safe_other = np.where(compromise, other, 1.0)
        compromise_at = xi + (xj - xi) * np.abs(own / safe_other)
        move_to_j = np.abs(xj - xi)
        if self.compromise_choice == "scholz_code":
            weight_i, weight_j = np.abs(own), np.abs(other)
            key = (weight_i * xi + weight_j * xj) / np.where(compromise, weight_i + weight_j, 1.0)
        else:
            key = np.abs(compromise_at - xi)
        new = x.copy()
        decided = np.zeros(x.shape, dtype=bool)
        for offered, rank, target in (
            (confront, move_to_j, np.broadcast_to(xj, own.shape)),
            (compromise, key, compromise_at),
            (capitulate, move_to_j, np.broadcast_to(xj, own.shape)),
        ):
            ranked = np.where(offered, rank, np.inf)
            best = np.argmin(ranked, axis=2)
            has = offered.any(axis=2) & ~decided
            chosen = np.take_along_axis(target, best[:, :, None], axis=2)[:, :, 0]
            new = np.where(has, chosen, new)
            decided |= has
        return new
