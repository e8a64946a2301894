"""Scoring extracted items against gold labels: precision, recall and F1 per item type.

Both sides are lists of :class:`~accord.extract.gold.GoldArticle`. Articles are paired by ``id``; inside an
article, predicted and gold items of one type are matched one-to-one by a maximum bipartite matching
(augmenting paths), so a gold item is credited at most once however many predictions resemble it. Counts
are summed over articles before dividing (micro average).

Names (actors, speakers, participants, places) are compared after folding case, diacritics and
punctuation: "Pål Jonson" = "pal jonson". A predicted item matches a gold item when:

- **actors**: the folded names are equal.
- **quotes**: the folded speakers are equal and the texts overlap. Texts are cut into word tokens after
  folding (any punctuation, dots included, separates words); with ``g`` the gold's first 8 tokens and
  ``p`` the prediction's first 8, they overlap when either (a) ``g`` occurs as a contiguous run inside
  the prediction's full token list, or ``p`` inside the gold's; or (b) the tokens ``g`` and ``p`` share
  (counted with multiplicity) are at least half of the shorter of the two, and at least one. So a
  prediction holding the whole quotation matches a gold entry holding its opening words, and a one-word
  quotation matches the same word.
- **events**: the types are equal; when the gold lists participants, at least one folded participant is
  shared; when the gold has a place, the prediction has the same folded place. Dates are not compared.
- **positions**: the folded actors are equal, and issue and stance are equal.

Edge cases: a duplicated prediction can match only one gold item, the copy counts as a false positive; an
article missing from the prediction counts all its gold items as misses; an article only in the
prediction counts all its items as false positives. Precision is tp / predicted and recall tp / gold,
each 0 when its denominator is 0, except that with nothing predicted and nothing to find all three
scores are 1 (there was nothing to get wrong).

Uncertainty: :func:`bootstrap_intervals` resamples whole articles with replacement and recomputes the
micro-averaged scores, because items inside one article are not independent (one misread paragraph costs
several positions); the 2.5th and 97.5th percentiles give a 95% interval. :func:`breakdown` sums the
same per-article counts by a grouping such as genre.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
from pydantic import BaseModel, Field, computed_field

from accord.extract.folding import fold_name
from accord.extract.gold import ITEM_TYPES, ArticleMeta, GoldArticle, GoldEvent, GoldPosition, GoldQuote

QUOTE_OPENING_TOKENS = 8
_TOKEN = re.compile(r"\w+")


def quote_tokens(text: str) -> list[str]:
    """Word tokens, case and diacritics folded; every punctuation mark separates words.

    Unlike names, quotations keep a dot as a separator, so a raw copy with a glued sentence
    ("ended.Next") and its normalized text ("ended. Next") give the same tokens.
    """
    return _TOKEN.findall(fold_name(text.replace(".", " ")))


def _contains_run(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    size = len(needle)
    return any(list(haystack[i : i + size]) == list(needle) for i in range(len(haystack) - size + 1))


def quote_texts_overlap(predicted: str, gold: str) -> bool:
    """The overlap rule for quotation texts (see the module docstring)."""
    pred_tokens, gold_tokens = quote_tokens(predicted), quote_tokens(gold)
    if not pred_tokens or not gold_tokens:
        return False
    pred_open, gold_open = pred_tokens[:QUOTE_OPENING_TOKENS], gold_tokens[:QUOTE_OPENING_TOKENS]
    if _contains_run(pred_tokens, gold_open) or _contains_run(gold_tokens, pred_open):
        return True
    shared = sum((Counter(pred_open) & Counter(gold_open)).values())
    shorter = min(len(pred_open), len(gold_open))
    return shared >= max(1, (shorter + 1) // 2)


def actors_match(predicted: str, gold: str) -> bool:
    return fold_name(predicted) == fold_name(gold)


def quotes_match(predicted: GoldQuote, gold: GoldQuote) -> bool:
    return fold_name(predicted.speaker) == fold_name(gold.speaker) and quote_texts_overlap(
        predicted.text, gold.text
    )


def events_match(predicted: GoldEvent, gold: GoldEvent) -> bool:
    if predicted.type != gold.type:
        return False
    if gold.participants:
        gold_names = {fold_name(name) for name in gold.participants}
        if not gold_names & {fold_name(name) for name in predicted.participants}:
            return False
    return not gold.place or (
        predicted.place is not None and fold_name(predicted.place) == fold_name(gold.place)
    )


def positions_match(predicted: GoldPosition, gold: GoldPosition) -> bool:
    return (
        fold_name(predicted.actor) == fold_name(gold.actor)
        and predicted.issue == gold.issue
        and predicted.stance == gold.stance
    )


MATCHERS: dict[str, Callable[[Any, Any], bool]] = {
    "actors": actors_match,
    "quotes": quotes_match,
    "events": events_match,
    "positions": positions_match,
}


def maximum_matching(
    predicted: Sequence[Any], gold: Sequence[Any], matches: Callable[[Any, Any], bool]
) -> list[tuple[int, int]]:
    """A largest set of (predicted index, gold index) pairs that match, each index used once (Kuhn)."""
    candidates = [[g for g, item in enumerate(gold) if matches(p, item)] for p in predicted]
    owner: dict[int, int] = {}  # gold index -> predicted index

    def augment(p: int, visited: set[int]) -> bool:
        for g in candidates[p]:
            if g in visited:
                continue
            visited.add(g)
            if g not in owner or augment(owner[g], visited):
                owner[g] = p
                return True
        return False

    for p in range(len(predicted)):
        augment(p, set())
    return sorted((p, g) for g, p in owner.items())


class Score(BaseModel):
    """True positives, false positives, false negatives, and the ratios they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def add(self, other: Score) -> Score:
        return Score(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)


# The category each item of a kind is scored under in the breakdown: events by type, positions by issue
# (a match never crosses categories: the matchers require equal types and equal issues).
CATEGORIES: dict[str, Callable[[Any], str]] = {
    "events": lambda item: str(item.type),
    "positions": lambda item: str(item.issue),
}


class ArticleResult(BaseModel):
    """One article's scores, and the items that went unmatched on either side."""

    id: str
    in_gold: bool
    in_prediction: bool
    scores: dict[str, Score]
    # kind -> category -> score, for the kinds in CATEGORIES ("events" -> "meeting" -> ...)
    categories: dict[str, dict[str, Score]] = Field(default_factory=dict)
    missed: dict[str, list[Any]] = Field(default_factory=dict)  # gold items nobody predicted
    extra: dict[str, list[Any]] = Field(default_factory=dict)  # predicted items not in the gold
    flipped: int = 0  # predicted positions whose holder the gold gives the opposite stance on the issue


class GroupScores(BaseModel):
    """Micro scores over the articles of one group (one genre, say)."""

    articles: int = 0
    scores: dict[str, Score] = Field(default_factory=lambda: {kind: Score() for kind in ITEM_TYPES})


class Interval(BaseModel):
    """A 95% bootstrap interval (percentiles over article resamples) for each ratio of one item type."""

    precision: tuple[float, float]
    recall: tuple[float, float]
    f1: tuple[float, float]


class EvalReport(BaseModel):
    scores: dict[str, Score]
    articles: list[ArticleResult]
    intervals: dict[str, Interval] = Field(default_factory=dict)
    groups: dict[str, dict[str, GroupScores]] = Field(
        default_factory=dict
    )  # e.g. "genre" -> "wire" -> scores
    categories: dict[str, dict[str, Score]] = Field(default_factory=dict)  # summed ArticleResult.categories
    flipped: int = 0  # summed ArticleResult.flipped

    def rows(self) -> list[tuple[str, int, int, int, float, float, float]]:
        return [(kind, s.tp, s.fp, s.fn, s.precision, s.recall, s.f1) for kind, s in self.scores.items()]


def _dump(item: Any) -> Any:
    return item.model_dump() if isinstance(item, BaseModel) else item


def score_article(predicted: GoldArticle | None, gold: GoldArticle | None) -> ArticleResult:
    """Scores for one article; either side may be absent."""
    article_id = (gold or predicted).id  # type: ignore[union-attr]
    scores: dict[str, Score] = {}
    missed: dict[str, list[Any]] = {}
    extra: dict[str, list[Any]] = {}
    categories: dict[str, dict[str, Score]] = {}
    for kind in ITEM_TYPES:
        pred_items: list[Any] = list(getattr(predicted, kind)) if predicted else []
        gold_items: list[Any] = list(getattr(gold, kind)) if gold else []
        pairs = maximum_matching(pred_items, gold_items, MATCHERS[kind])
        matched_pred = {p for p, _ in pairs}
        matched_gold = {g for _, g in pairs}
        scores[kind] = Score(tp=len(pairs), fp=len(pred_items) - len(pairs), fn=len(gold_items) - len(pairs))
        missed[kind] = [_dump(item) for g, item in enumerate(gold_items) if g not in matched_gold]
        extra[kind] = [_dump(item) for p, item in enumerate(pred_items) if p not in matched_pred]
        if kind in CATEGORIES:
            categories[kind] = _category_scores(CATEGORIES[kind], pred_items, gold_items, pairs)
    return ArticleResult(
        id=article_id,
        in_gold=gold is not None,
        in_prediction=predicted is not None,
        scores=scores,
        categories=categories,
        missed=missed,
        extra=extra,
        flipped=flipped_positions(predicted.positions if predicted else [], gold.positions if gold else []),
    )


OPPOSITE = {"support": "oppose", "oppose": "support"}


def flipped_positions(predicted: Sequence[GoldPosition], gold: Sequence[GoldPosition]) -> int:
    """How many predicted positions turn a gold stance around: support where the gold has the same holder
    opposing the issue, or oppose where it has support (the error that misleads an analyst most)."""
    told = {(fold_name(g.actor), g.issue, g.stance) for g in gold}
    return sum(
        1
        for p in predicted
        if p.stance in OPPOSITE
        and (fold_name(p.actor), p.issue, OPPOSITE[p.stance]) in told
        and (fold_name(p.actor), p.issue, p.stance) not in told
    )


def _category_scores(
    category: Callable[[Any], str], predicted: list[Any], gold: list[Any], pairs: list[tuple[int, int]]
) -> dict[str, Score]:
    """True positives by the gold item's category, false positives and negatives by their own."""
    counts: dict[str, Counter[str]] = {"tp": Counter(), "fp": Counter(), "fn": Counter()}
    matched_pred, matched_gold = {p for p, _ in pairs}, {g for _, g in pairs}
    counts["tp"].update(category(gold[g]) for _, g in pairs)
    counts["fp"].update(category(item) for p, item in enumerate(predicted) if p not in matched_pred)
    counts["fn"].update(category(item) for g, item in enumerate(gold) if g not in matched_gold)
    names = sorted(set(counts["tp"]) | set(counts["fp"]) | set(counts["fn"]))
    return {
        name: Score(tp=counts["tp"][name], fp=counts["fp"][name], fn=counts["fn"][name]) for name in names
    }


def _sum_categories(results: Sequence[ArticleResult]) -> dict[str, dict[str, Score]]:
    totals: dict[str, dict[str, Score]] = {kind: {} for kind in CATEGORIES}
    for result in results:
        for kind, by_name in result.categories.items():
            for name, score in by_name.items():
                totals[kind][name] = totals[kind].get(name, Score()).add(score)
    return {kind: dict(sorted(by_name.items())) for kind, by_name in totals.items()}


def evaluate(predicted: Sequence[GoldArticle], gold: Sequence[GoldArticle]) -> EvalReport:
    """Micro-averaged precision, recall and F1 per item type, with a per-article breakdown."""
    pred_by_id = {article.id: article for article in predicted}
    gold_by_id = {article.id: article for article in gold}
    ids = list(gold_by_id) + [article_id for article_id in pred_by_id if article_id not in gold_by_id]
    results = [score_article(pred_by_id.get(article_id), gold_by_id.get(article_id)) for article_id in ids]
    totals = {kind: Score() for kind in ITEM_TYPES}
    for result in results:
        for kind in ITEM_TYPES:
            totals[kind] = totals[kind].add(result.scores[kind])
    return EvalReport(
        scores=totals,
        articles=results,
        categories=_sum_categories(results),
        flipped=sum(result.flipped for result in results),
    )


def _ratios(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Precision, recall and F1 arrays with :class:`Score`'s conventions for empty denominators."""
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(tp + fp == 0, np.where(fn == 0, 1.0, 0.0), tp / np.maximum(tp + fp, 1))
        recall = np.where(tp + fn == 0, np.where(fp == 0, 1.0, 0.0), tp / np.maximum(tp + fn, 1))
        total = precision + recall
        f1 = np.where(total == 0, 0.0, 2 * precision * recall / np.where(total == 0, 1, total))
    return precision, recall, f1


def bootstrap_intervals(
    results: Sequence[ArticleResult], resamples: int = 1000, seed: int = 0
) -> dict[str, Interval]:
    """95% percentile intervals of micro P/R/F1 per item type, resampling articles with replacement."""
    if not results:
        return {}
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(results), size=(resamples, len(results)))
    intervals: dict[str, Interval] = {}
    for kind in ITEM_TYPES:
        counts = np.array([[r.scores[kind].tp, r.scores[kind].fp, r.scores[kind].fn] for r in results])
        summed = counts[draws].sum(axis=1)  # (resamples, 3)
        ratios = _ratios(summed[:, 0], summed[:, 1], summed[:, 2])
        bounds = [tuple(float(v) for v in np.percentile(values, [2.5, 97.5])) for values in ratios]
        intervals[kind] = Interval(precision=bounds[0], recall=bounds[1], f1=bounds[2])  # type: ignore[arg-type]
    return intervals


def breakdown(results: Sequence[ArticleResult], group_of: Mapping[str, str]) -> dict[str, GroupScores]:
    """Micro scores per group (e.g. genre); an article the mapping does not know falls in "unknown"."""
    groups: dict[str, GroupScores] = {}
    for result in results:
        group = groups.setdefault(group_of.get(result.id, "unknown"), GroupScores())
        group.articles += 1
        for kind in ITEM_TYPES:
            group.scores[kind] = group.scores[kind].add(result.scores[kind])
    return dict(sorted(groups.items()))


def select_split(
    gold: Sequence[GoldArticle], metadata: Mapping[str, ArticleMeta], split: str
) -> list[GoldArticle]:
    """The gold articles the corpus metadata puts in ``split`` (an article without metadata is in none)."""
    return [article for article in gold if article.id in metadata and metadata[article.id].split == split]


def above(predicted: Sequence[GoldArticle], min_score: float) -> list[GoldArticle]:
    """The predictions without the quotes, events and positions whose ``score`` is below ``min_score``
    (an item without a score is kept: it claims nothing about its confidence)."""

    def keep(item: Any) -> bool:
        score = (item.model_extra or {}).get("score")
        return score is None or float(score) >= min_score

    return [
        article.model_copy(
            update={
                kind: [i for i in getattr(article, kind) if keep(i)]
                for kind in ("quotes", "events", "positions")
            }
        )
        for article in predicted
    ]


def evaluate_corpus(
    predicted: Sequence[GoldArticle],
    gold: Sequence[GoldArticle],
    metadata: Mapping[str, ArticleMeta] | None = None,
    split: str | None = None,
    resamples: int = 1000,
    seed: int = 0,
    min_score: float = 0.0,
) -> EvalReport:
    """:func:`evaluate` with bootstrap intervals and, given corpus metadata, a per-genre breakdown.

    With ``split``, only that split's gold articles are scored, and predictions for other articles are
    ignored rather than charged as extra articles (they belong to the other split). With ``min_score``,
    only the items scoring at least that much are scored (what a user keeping them would see).
    """
    if min_score > 0:
        predicted = above(predicted, min_score)
    if split is not None:
        gold = select_split(gold, metadata or {}, split)
        wanted = {article.id for article in gold}
        predicted = [article for article in predicted if article.id in wanted]
    report = evaluate(predicted, gold)
    report.intervals = bootstrap_intervals(report.articles, resamples=resamples, seed=seed)
    if metadata:
        genres = {article_id: meta.genre or "unknown" for article_id, meta in metadata.items()}
        report.groups = {"genre": breakdown(report.articles, genres)}
    return report
