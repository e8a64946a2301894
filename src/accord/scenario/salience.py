"""Salience: how much an actor's statements dwell on an issue.

For actor *a* and issue *i* in a scenario with *K* issues::

    n(a, i)  = a's position statements on i (copies of one story in a near-duplicate cluster count once)
             + a's quotes in the same sentence as one of those statements
    N(a)     = sum over the scenario's issues of n(a, i)
    s(a, i)  = clip( (n(a, i) + α) / (N(a) + α·K), 0.1, 1 )

α is the setting ``salience_smoothing`` (default 0.5): it keeps one stray statement from making an issue
all-important and gives an actor's untouched issues a small share. A stance stated in the actor's own
quoted words counts twice (statement and quote): quoting is the press signalling emphasis. The floor of
0.1 keeps every stated stance in the bargaining; the ceiling of 1 is the scale's top.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

FLOOR = 0.1
CEILING = 1.0


def salience(count: float, total: float, issues: int, alpha: float) -> float:
    """``clip((count + α) / (total + α·issues), 0.1, 1)``, rounded to 3 places."""
    denominator = total + alpha * max(issues, 1)
    share = (count + alpha) / denominator if denominator > 0 else CEILING
    return round(min(CEILING, max(FLOOR, share)), 3)


def saliences(
    counts: Counter[tuple[str, str]], issues: Iterable[str], alpha: float
) -> dict[tuple[str, str], float]:
    """Salience of every (actor, issue) pair in ``counts``, over the scenario's ``issues``."""
    issue_list = list(dict.fromkeys(issues))
    totals: Counter[str] = Counter()
    for (actor, issue), n in counts.items():
        if issue in issue_list:
            totals[actor] += n
    return {
        (actor, issue): salience(n, totals[actor], len(issue_list), alpha)
        for (actor, issue), n in counts.items()
        if issue in issue_list
    }
