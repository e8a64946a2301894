"""Stokman's exchange model: actors trade positions across the issues of one negotiation.

Two actors on opposite sides of the compromise (the capability × salience weighted mean, "NBS") on two
issues can both gain if each gives way on the issue it cares less about: *i* supplies issue q (moves
towards *j*'s position there) and demands issue p, where *i* is the actor with the larger salience ratio
s_p / s_q. An actor's utility is the salience-weighted shift of the compromise towards its own positions;
a move of Δ by actor *a* on issue q shifts the compromise by Δ c_aq s_aq / Σ c s. The equal-gain variant
(Stokman & Van Oosten 1994; the decide-exchange-model line of work) sets the exchange rate so that both
gain the same; the random-gain variant draws the rate uniformly between the two rates at which one of the
two gains nothing (the equal-gain rate lies between them).

One round, as in decide's first-round reference output (``data/negotiation/exchange``):

1. the compromise of every issue; every actor is left or right of it (left: strictly below);
2. every pair of issues and every pair of actors on opposite sides on both issues is a candidate; the
   supplier on each issue moves fully to the demander's round-start position, unless that would over-pay,
   in which case the other one moves fully and this one partly; a move that would carry the compromise
   past the demander's position is cut so the compromise lands on it (supplier *j* checked first);
3. repeatedly the candidate with the highest gain is realised; every candidate that shares an actor-issue
   pair with it in the same role (the same supplier on the same issue, or the same demander on the same
   issue) is re-evaluated from the new positions; a candidate is dropped when its gain is not positive, a
   move leaves 0–100, or an actor would move on an issue against the direction it has already moved;
4. at the end of the round every actor's position on an issue becomes
   x + ((1 - s) 0.4 + 0.1) (y - x), y its position after the round's exchanges (decide's update rule).

The forecast of an issue is its compromise after ``rounds`` rounds. Actors with zero capability × salience
on an issue cannot move its compromise and take no part in exchanges on it. Columns of the arrays are
actors, aligned across the rows (issues) of one bundle: see :func:`accord.models.base.aligned_batch`.
"""

from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from accord.models.base import Array, BoolArray, Result

_EPS = 1e-10
Key = tuple[int, int, int, int]
SUPPLY_WEIGHT, FIXED_WEIGHT = 0.4, 0.1


@dataclass(frozen=True)
class Realized:
    """One realised exchange: ``i`` supplies issue ``q`` (row index) and ``j`` supplies issue ``p``."""

    i: int
    q: int
    j: int
    p: int
    gain: float
    i_from: float
    i_move: float
    j_from: float
    j_move: float


@dataclass
class _Round:
    x: Array  # (issues, actors) positions at the start of the round
    s: Array
    c: Array
    active: BoolArray  # takes part: coded with positive capability × salience
    rate: dict[tuple[int, int, int, int], float] = field(default_factory=dict)  # random-gain rates

    def __post_init__(self) -> None:
        # Plain Python lists: this runs scalar by scalar, where NumPy indexing is slow.
        w = np.where(self.active, self.c * self.s, 0.0)
        self.w: list[list[float]] = w.tolist()
        self.sal: list[list[float]] = np.asarray(self.s, dtype=np.float64).tolist()
        self.start: list[list[float]] = self.x.tolist()
        self.den: list[float] = w.sum(axis=1).tolist()
        self.work: list[list[float]] = self.x.tolist()
        self.pull: list[float] = (w * self.x).sum(axis=1).tolist()  # Σ c s x per issue, working positions
        self.moves: dict[tuple[int, int], float] = {}  # (actor, issue) -> sign of its moves this round

    def nbs(self, issue: int, actor: int, at: float) -> float:
        w = self.w[issue][actor]
        return (self.pull[issue] - w * self.work[issue][actor] + w * at) / self.den[issue]

    def shift(self, issue: int, actor: int, move: float) -> None:
        self.work[issue][actor] += move
        self.pull[issue] += self.w[issue][actor] * move

    def evaluate(self, key: tuple[int, int, int, int]) -> tuple[float, float, float] | None:
        """(gain, i's move, j's move) of candidate ``key`` = (i, q, j, p) at the current positions."""
        i, q, j, p = key
        s, w, den = self.sal, self.w, self.den
        xi, xj = self.work[q][i], self.work[p][j]
        ti, tj = self.start[q][j], self.start[p][i]  # targets: the demanders' round-start positions
        k = self.rate.get(key, (s[p][i] + s[p][j]) / (s[q][i] + s[q][j]))  # dq / dp
        wpj, wqi = w[p][j], w[q][i]

        def from_j(move_j: float) -> tuple[float, float]:
            dp = move_j * wpj / den[p]
            return move_j, k * dp * den[q] / wqi

        def from_i(move_i: float) -> tuple[float, float]:
            dq = move_i * wqi / den[q]
            return dq / k * den[p] / wpj, move_i

        mj, mi = from_j(abs(tj - xj))
        if mi > abs(ti - xi):
            mj, mi = from_i(abs(ti - xi))
        sign_i, sign_j = (-1.0 if xi > ti else 1.0), (-1.0 if xj > tj else 1.0)
        # The compromise must not pass the demander's position: j's supply issue first, then i's.
        for supplier, issue, start, target, sign in ((j, p, xj, tj, sign_j), (i, q, xi, ti, sign_i)):
            move = mj if supplier == j else mi
            before = self.nbs(issue, supplier, start)
            after = self.nbs(issue, supplier, start + sign * move)
            if (target >= before and target >= after) or (target <= before and target <= after):
                continue
            others = self.pull[issue] - w[issue][supplier] * self.work[issue][supplier]
            landing = (target * den[issue] - others) / w[issue][supplier]
            mj, mi = from_j(abs(landing - start)) if supplier == j else from_i(abs(landing - start))
        dp, dq = mj * wpj / den[p], mi * wqi / den[q]
        gain_i, gain_j = dp * s[p][i] - dq * s[q][i], dq * s[q][j] - dp * s[p][j]
        gain = (gain_i + gain_j) / 2  # the equal gain; under random gain the mean of the two
        move_i, move_j = sign_i * mi, sign_j * mj
        if gain <= _EPS or min(gain_i, gain_j) < -1e-9:
            return None
        for actor, issue, start, move in ((i, q, xi, move_i), (j, p, xj, move_j)):
            if not _EPS < abs(move) <= 100 or not -1e-9 <= start + move <= 100 + 1e-9:
                return None
            if self.moves.get((actor, issue), move) * move < 0:
                return None
        return gain, move_i, move_j


@dataclass
class ExchangeModel:
    rounds: int = 10
    variant: Literal["equal", "random"] = "equal"
    seed: int = 20220310
    linked: bool = True  # forecasts need the issues of one negotiation together, actors in aligned columns
    name: str = "exchange"
    description: str = "Stokman's exchange model (equal gain): actors trade positions across linked issues"

    def run(self, x: Array, s: Array, c: Array, mask: BoolArray, ref: Array) -> Result:
        """All rows are the issues of one negotiation; columns are actors aligned across rows."""
        return Result(self.run_bundles(x, s, c, mask, np.zeros(x.shape[0], dtype=np.int64)))

    def run_bundles(self, x: Array, s: Array, c: Array, mask: BoolArray, bundle: Array) -> Array:
        """Rows with the same ``bundle`` id are negotiated together; the compromise after the rounds."""
        out = np.full(x.shape[0], np.nan)
        rng = np.random.default_rng(self.seed)
        for group in np.unique(bundle):
            rows = np.flatnonzero(bundle == group)
            pos = np.where(mask[rows], x[rows], 0.0).astype(np.float64)
            sal, cap, live = s[rows], c[rows], mask[rows]
            for _ in range(self.rounds):
                realized = self.one_round(pos, sal, cap, live, rng)
                if not realized:
                    break
                pos = self._update(pos, sal, realized)
            w = np.where(live, cap * sal, 0.0)
            total = w.sum(axis=1)
            plain = np.where(live, pos, 0.0).sum(axis=1) / np.maximum(live.sum(axis=1), 1)
            with np.errstate(invalid="ignore", divide="ignore"):
                out[rows] = np.where(total > 0, (w * pos).sum(axis=1) / total, plain)
            out[rows[live.sum(axis=1) == 0]] = np.nan
        return out

    def one_round(
        self, x: Array, s: Array, c: Array, mask: BoolArray, rng: np.random.Generator | None = None
    ) -> list[Realized]:
        """The exchanges realised in one round from positions ``x`` (issues × actors), in order."""
        active = mask & (c * s > 0)
        state = _Round(x.astype(np.float64), s, c, active)
        sal = np.asarray(s, dtype=np.float64).tolist()
        keys = _candidates(state, x, sal, active)
        if self.variant == "random":
            generator = rng if rng is not None else np.random.default_rng(self.seed)
            _draw_rates(state, keys, sal, generator)
        return _realize(state, keys)

    @staticmethod
    def _update(x: Array, s: Array, realized: list[Realized]) -> Array:
        """decide's position update from the round's final positions ``y``."""
        y = x.copy()
        for r in realized:
            y[r.q, r.i] = r.i_from + r.i_move
            y[r.p, r.j] = r.j_from + r.j_move
        share = (1 - s) * SUPPLY_WEIGHT + FIXED_WEIGHT
        return np.asarray(x + share * (y - x), dtype=np.float64)


def _candidates(state: _Round, x: Array, sal: list[list[float]], active: BoolArray) -> list[Key]:
    """Every candidate exchange of the round, in a fixed order: actors on opposite sides of both issues."""
    issues, actors = x.shape
    nbs = [state.pull[q] / state.den[q] if state.den[q] > 0 else np.nan for q in range(issues)]
    left = (x < np.array(nbs)[:, None]).tolist()
    on = active.tolist()
    keys: list[Key] = []
    for p, q in itertools.combinations(range(issues), 2):
        for a, b in itertools.permutations(range(actors), 2):
            if not (on[p][a] and on[q][a] and on[p][b] and on[q][b]):
                continue
            if left[p][a] == left[p][b] or left[q][a] == left[q][b]:
                continue
            if sal[p][a] / sal[q][a] > sal[p][b] / sal[q][b]:  # a demands p, supplies q
                keys.append((a, q, b, p))
    return keys


def _draw_rates(
    state: _Round, keys: list[Key], sal: list[list[float]], generator: np.random.Generator
) -> None:
    """The random-gain variant's exchange rates, drawn between the two rates where one side gains nothing."""
    for key in keys:
        i, q, j, p = key
        low, high = sal[p][j] / sal[q][j], sal[p][i] / sal[q][i]
        state.rate[key] = low + float(generator.uniform()) * (high - low)


def _realize(state: _Round, keys: list[Key]) -> list[Realized]:
    """Realise the candidates ``keys`` highest gain first, re-evaluating those each exchange touches."""
    live = {key: v for key in keys if (v := state.evaluate(key)) is not None}
    # Candidates by the (actor, issue) pairs they supply and demand, to find the ones a realised
    # exchange touches; a heap with lazy deletion for the highest gain (ties: the first candidate).
    supplies: dict[tuple[int, int], set[Key]] = {}
    demands: dict[tuple[int, int], set[Key]] = {}
    order = {key: n for n, key in enumerate(keys)}
    for key in live:
        a, q, b, p = key
        supplies.setdefault((a, q), set()).add(key)
        supplies.setdefault((b, p), set()).add(key)
        demands.setdefault((a, p), set()).add(key)
        demands.setdefault((b, q), set()).add(key)
    heap = [(-v[0], order[k], k) for k, v in live.items()]
    heapq.heapify(heap)
    realized: list[Realized] = []
    while heap:
        neg_gain, _, key = heapq.heappop(heap)
        if key not in live or live[key][0] != -neg_gain:
            continue  # stale entry
        gain, move_i, move_j = live.pop(key)
        i, q, j, p = key
        realized.append(Realized(i, q, j, p, gain, state.work[q][i], move_i, state.work[p][j], move_j))
        state.shift(q, i, move_i)
        state.shift(p, j, move_j)
        state.moves[(i, q)] = float(np.sign(move_i))
        state.moves[(j, p)] = float(np.sign(move_j))
        touched = (
            supplies.get((i, q), set())
            | supplies.get((j, p), set())
            | demands.get((i, p), set())
            | demands.get((j, q), set())
        )
        for other in sorted(touched & live.keys(), key=order.__getitem__):
            fresh = state.evaluate(other)
            if fresh is None:
                del live[other]
            else:
                live[other] = fresh
                heapq.heappush(heap, (-fresh[0], order[other], other))
    return realized
