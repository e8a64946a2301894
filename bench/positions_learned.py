"""Issue 11: does a learned layer beat the position rules? Article-grouped cross-validation on train + seeds.

    .venv/bin/python bench/positions_learned.py [--folds 5] [--repeats 5]

Data: the train split of eval/dev (test-split lines are dropped on their `split` field before anything else
is read) and the four seeds, ingested into a temporary SQLite store so the texts are those `accord extract`
reads, run through the current extraction pipeline. Each position the rules propose is a candidate,
labelled right when accord's matching pairs it with a gold position of its article. Never the test split.
Rerun after the position rules change: the candidates change with them.

Protocol: the articles are shuffled (seeds 0..repeats-1) and cut into ``folds`` groups; each group is
scored by a model fitted on the other groups only, so no article is in both the fitting and the scoring
fold. Positions are scored with accord.extract.evaluation (same actor, issue, stance; micro over articles;
a gold position the rules never proposed is a miss for every option). The table gives the mean over the
repeats of micro precision, recall and F1 of the pooled held-out articles.

Options (a score per candidate; a candidate is kept when its score reaches the threshold):
- rules: every candidate the rules propose (what `accord extract` stores);
- (a) prior: the fitting folds' share of right candidates per (issue, stance), smoothed;
- (a) lr[groups]: L2 logistic regression (numpy, Newton's method) on the named feature groups of
  `candidate_features`: candidate (issue, stance, cue words, condition, positions in the sentence), holder
  (quotation speaker or not, holder kind, where and how far the holder's mention is), syntax (the cue's
  dependency, its heads), sentence (length, question, negation, modal, condition word, place in the
  article), words and pairs (the sentence's words and word bigrams);
- (b) rules + a sentence classifier for recall: one-vs-rest bag-of-words issue classifiers over sentences
  (label: a gold position's evidence is that sentence), adding (holder, issue, the issue's commonest gold
  stance) where the rules found nothing of that issue; holder = the party whose quotation holds the
  sentence, else the party that is a subject in it.
AUC: probability that a right candidate outscores a wrong one, pooled over held-out articles.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "eval" / "dev"
SEEDS = ROOT / "eval" / "seeds"
SEEDS_GOLD = ROOT / "eval" / "seeds-gold.jsonl"
sys.path.insert(0, str(ROOT / "src"))

from spacy.tokens import Doc, Span  # noqa: E402

from accord.extract.components.common import items  # noqa: E402
from accord.extract.evaluation import Score, evaluate  # noqa: E402
from accord.extract.gold import GoldArticle, GoldPosition  # noqa: E402

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)

NEGATIONS = {"not", "n't", "no", "never", "nor", "without"}
MODALS = {"would", "could", "may", "might", "should", "must", "will", "can"}
CONDITIONS = {"if", "unless", "provided", "until", "only"}
QUOTE_MARKS = ("“", "”", '"')
# Feature groups of candidate_features.
GROUPS = ("candidate", "holder", "syntax", "sentence", "words", "pairs")


def _bucket(value: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if value <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _words(span: Span) -> list[str]:
    return [t.lower_ for t in span if t.is_alpha]


def candidate_features(doc: Doc, position: dict[str, Any], groups: Iterable[str] = GROUPS) -> list[str]:
    """Named binary features of one candidate position on its parsed document."""
    wanted = set(groups)
    out: list[str] = []
    issue, stance = str(position["issue"]), str(position["stance"])
    cue = doc.char_span(position["start"], position["end"], alignment_mode="expand")
    if cue is None or len(cue) == 0:
        return [f"issue={issue}", f"stance={stance}", "cue=none"]
    sent = cue.sent
    if "candidate" in wanted:
        out += [f"issue={issue}", f"stance={stance}", f"issue_stance={issue}|{stance}"]
        out.append(f"conditioned={position.get('condition') is not None}")
        out += [f"cue={w}" for w in _words(cue)]
        out.append(f"cue_len={_bucket(len(cue), (1, 2, 3))}")
        same = [
            p for p in items(doc, "accord_positions") if p["sentence_start"] == position["sentence_start"]
        ]
        out.append(f"in_sentence={_bucket(len(same), (1, 2, 3))}")
        out.append(f"issues_in_sentence={_bucket(len({p['issue'] for p in same}), (1, 2))}")
        holders = {p["actor"] for p in same}
        out.append(f"holders_in_sentence={_bucket(len(holders), (1, 2))}")
        article = [p for p in items(doc, "accord_positions") if p["actor"] == position["actor"]]
        out.append(f"actor_positions={_bucket(len(article), (1, 2, 4))}")
    if "holder" in wanted:
        actor = position["actor"]
        quote = next(
            (q for q in items(doc, "accord_quotes") if q["start"] <= position["start"] < q["end"]), None
        )
        if quote is None:
            out.append("quote=none")
        else:
            out.append(f"quote={'holder' if quote['speaker'] == actor else 'other'}")
        mentions = [m for m in items(doc, "accord_mentions") if m["name"] == actor]
        kind = str(mentions[0]["kind"]) if mentions else "none"
        out.append(f"holder_kind={kind}")
        inside = [m for m in mentions if sent.start <= m["tok_start"] < sent.end]
        if inside:
            nearest = min(inside, key=lambda m: abs(m["tok_start"] - cue.start))
            token = doc[nearest["tok_start"] : nearest["tok_end"]].root
            out.append("holder=sentence")
            out.append(f"holder_dep={token.dep_}")
            out.append(f"holder_side={'before' if nearest['tok_start'] < cue.start else 'after'}")
            out.append(f"holder_distance={_bucket(abs(nearest['tok_start'] - cue.start), (3, 8, 15, 30))}")
        else:
            earlier = [m for m in mentions if m["tok_start"] < sent.start]
            out.append("holder=earlier" if earlier else "holder=absent")
        out.append(f"holder_mentions={_bucket(len(mentions), (1, 3, 8))}")
    if "syntax" in wanted:
        root = cue.root
        out.append(f"cue_dep={root.dep_}")
        out.append(f"cue_head={root.head.lower_}")
        for depth, token in enumerate(list(root.ancestors)[:4]):
            out.append(f"up={token.lower_}")
            if depth == 0:
                out.append(f"up1={token.lower_}|{root.dep_}")
        out.append(f"sent_root={sent.root.lower_}")
    if "sentence" in wanted:
        words = set(_words(sent))
        out.append(f"sent_len={_bucket(len(sent), (12, 25, 40, 60))}")
        out.append(f"question={'?' in sent.text}")
        out.append(f"negation={bool(words & NEGATIONS)}")
        out.append(f"modal={bool(words & MODALS)}")
        out.append(f"condition_word={bool(words & CONDITIONS)}")
        number = sum(1 for _ in doc[: sent.start].sents) if sent.start else 0
        out.append(f"sentence_number={_bucket(number, (0, 2, 5, 10, 20))}")
        quoted = any(mark in sent.text for mark in QUOTE_MARKS)
        out.append(f"quoted={quoted}")
    if "words" in wanted:
        out += [f"w={w}" for w in sorted(set(_words(sent)))]
    if "pairs" in wanted:
        words = _words(sent)
        out += [f"b={a}_{b}" for a, b in sorted(set(pairwise(words)))]
    return out


class Scorer:
    """A logistic regression over named features; unknown features weigh nothing."""

    def __init__(self, bias: float, weights: dict[str, float], groups: Sequence[str] = GROUPS) -> None:
        self.bias = bias
        self.weights = weights
        self.groups = tuple(groups)

    def score(self, features: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in set(features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit_logistic(
    rows: Sequence[Sequence[str]],
    labels: Sequence[int],
    l2: float = 1.0,
    iterations: int = 300,
    min_count: int = 2,
) -> tuple[float, dict[str, float]]:
    """L2-regularised logistic regression by Newton's method on the features seen at least ``min_count``
    times (deterministic: no random start, no sampling). Returns the bias and the weight of each feature."""
    counts: dict[str, int] = {}
    for row in rows:
        for feature in set(row):
            counts[feature] = counts.get(feature, 0) + 1
    names = sorted(f for f, n in counts.items() if n >= min_count)
    column = {f: i for i, f in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0  # bias, not penalised
    for r, row in enumerate(rows):
        for feature in set(row):
            if feature in column:
                x[r, column[feature]] = 1.0
    y = np.asarray(labels, dtype=float)
    penalty = np.full(len(names) + 1, l2)
    penalty[-1] = 1e-6
    w = np.zeros(len(names) + 1)
    # Newton steps in the dual-friendly form when features outnumber rows: solve with the n×n system.
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        weight = p * (1 - p) + 1e-9
        # (X^T W X + D)^-1 g via the Woodbury identity: D^-1 g - D^-1 X^T (W^-1 + X D^-1 X^T)^-1 X D^-1 g
        d_inv = 1.0 / penalty
        xd = x * d_inv
        inner = np.diag(1.0 / weight) + xd @ x.T
        dg = d_inv * gradient
        step = dg - xd.T @ np.linalg.solve(inner, x @ dg)
        w -= step
        if float(np.max(np.abs(step))) < 1e-8:
            break
    return float(w[-1]), {f: float(w[i]) for f, i in column.items() if abs(w[i]) > 1e-6}


@dataclass
class Article:
    id: str
    candidates: list[dict[str, Any]] = field(default_factory=list)  # positions as the rules found them
    features: list[dict[str, list[str]]] = field(default_factory=list)  # group -> features, per candidate
    labels: list[int] = field(default_factory=list)
    gold: list[Any] = field(default_factory=list)


def train_lines() -> list[str]:
    """The train split's lines of eval/dev/articles.jsonl (a test line is skipped on its split field)."""
    keep = []
    for line in (DEV / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and json.loads(line).get("split") == "train":
            keep.append(line)
    return keep


def collect(nlp: Any = None, on_doc: Any = None) -> list[Article]:
    """Every train and seed article with the rules' candidate positions, their features and labels
    (``on_doc(article, doc)`` is called with each parsed document, for benchmarks that need more)."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from accord.extract.components.common import register_extensions
    from accord.extract.evaluation import maximum_matching, positions_match
    from accord.extract.gold import GoldPosition, load_gold
    from accord.extract.pipeline import load_pipeline
    from accord.ingest import ingest_paths
    from accord.store import open_store
    from accord.store.schema import Article as StoredArticle

    register_extensions()
    nlp = nlp or load_pipeline()
    gold = {g.id: g for g in [*load_gold(DEV / "gold.jsonl"), *load_gold(SEEDS_GOLD)]}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "train.jsonl"
        corpus.write_text("\n".join(train_lines()) + "\n", encoding="utf-8")
        engine = open_store(f"sqlite:///{Path(tmp) / 'train.db'}")
        report = ingest_paths([corpus, *sorted(SEEDS.glob("*.txt"))], engine, progress=False)
        if not report.ok:
            raise SystemExit(f"ingest failed: {report}")
        with Session(engine) as session:
            rows = session.execute(
                select(StoredArticle.source_id, StoredArticle.text, StoredArticle.published).order_by(
                    StoredArticle.source_id, StoredArticle.version
                )
            ).all()
        engine.dispose()
    latest = {source_id: (text, published) for source_id, text, published in rows}
    docs = []
    for source_id, (text, published) in sorted(latest.items()):
        doc = nlp.make_doc(text)
        doc._.accord_published = published.isoformat() if published else None
        docs.append((source_id, doc))
    articles: list[Article] = []
    parsed = nlp.pipe([doc for _, doc in docs], batch_size=16)
    for (source_id, _), doc in zip(docs, parsed, strict=True):
        if source_id not in gold:
            continue
        article = Article(id=source_id, gold=list(gold[source_id].positions))
        for position in doc._.accord_positions or []:
            article.candidates.append(
                {k: position[k] for k in ("actor", "issue", "stance", "sentence", "start", "end")}
            )
            article.features.append({g: candidate_features(doc, position, [g]) for g in GROUPS})
        predicted = [
            GoldPosition(actor=c["actor"], issue=c["issue"], stance=c["stance"]) for c in article.candidates
        ]
        matched = {p for p, _ in maximum_matching(predicted, article.gold, positions_match)}
        article.labels = [int(i in matched) for i in range(len(article.candidates))]
        if on_doc is not None:
            on_doc(article, doc)
        articles.append(article)
    return articles


def score_kept(articles: Sequence[Any], kept: dict[str, list[int]]) -> Score:
    """Micro scores with accord's matching, keeping only the candidates listed per article."""
    predicted, gold = [], []
    for a in articles:
        positions = [
            GoldPosition(
                actor=a.candidates[i]["actor"],
                issue=a.candidates[i]["issue"],
                stance=a.candidates[i]["stance"],
            )
            for i in kept.get(a.id, [])
        ]
        predicted.append(GoldArticle(id=a.id, positions=positions))
        gold.append(GoldArticle(id=a.id, positions=a.gold))
    return evaluate(predicted, gold).scores["positions"]


def folds_of(ids: Sequence[str], folds: int, seed: int) -> list[list[str]]:
    order = list(ids)
    np.random.default_rng(seed).shuffle(order)
    return [order[k::folds] for k in range(folds)]


Fitter = Callable[[Sequence[Any]], Callable[[Any, int], float]]


def lr_fitter(groups: tuple[str, ...], l2: float, min_count: int = 2) -> Fitter:
    def fit(train: Sequence[Any]) -> Callable[[Any, int], float]:
        rows = [[f for g in groups for f in feats[g]] for a in train for feats in a.features]
        labels = [y for a in train for y in a.labels]
        bias, weights = fit_logistic(rows, labels, l2=l2, min_count=min_count)
        scorer = Scorer(bias, weights, groups)
        return lambda a, i: scorer.score(f for g in groups for f in a.features[i][g])

    return fit


def prior_fitter(train: Sequence[Any]) -> Callable[[Any, int], float]:
    right: dict[tuple[str, str], list[int]] = defaultdict(list)
    for a in train:
        for c, y in zip(a.candidates, a.labels, strict=True):
            right[(c["issue"], c["stance"])].append(y)
    overall = float(np.mean([y for a in train for y in a.labels]))

    def score(a: Any, i: int) -> float:
        seen = right.get((a.candidates[i]["issue"], a.candidates[i]["stance"]), [])
        return (sum(seen) + overall * 2) / (len(seen) + 2)

    return score


def cross_validate(
    articles: Sequence[Any], fit: Fitter | None, folds: int, repeats: int
) -> tuple[dict[float, list[Score]], list[float]]:
    """Threshold -> one pooled held-out Score per repeat (fit None: the rules, every candidate kept),
    and the pooled held-out AUC of each repeat."""
    by_id = {a.id: a for a in articles}
    out: dict[float, list[Score]] = defaultdict(list)
    aucs: list[float] = []
    for seed in range(repeats):
        scores: dict[str, list[float]] = {}
        for held in folds_of(sorted(by_id), folds, seed):
            train = [by_id[i] for i in by_id if i not in set(held)]
            scorer = fit(train) if fit is not None else None
            for i in held:
                a = by_id[i]
                scores[i] = [scorer(a, k) if scorer else 1.0 for k in range(len(a.candidates))]
        for threshold in THRESHOLDS if fit is not None else (0.0,):
            kept = {i: [k for k, s in enumerate(v) if s >= threshold] for i, v in scores.items()}
            out[threshold].append(score_kept(articles, kept))
        pooled = [(s, y) for i, v in scores.items() for s, y in zip(v, by_id[i].labels, strict=True)]
        aucs.append(auc([s for s, _ in pooled], [y for _, y in pooled]))
    return out, aucs


def sentence_data(store: dict[str, list[dict[str, Any]]]) -> Callable[[Any, Any], None]:
    """A collect() hook keeping, per sentence: its words and word pairs, a holder guess (the party whose
    quotation holds it, else the party that is a subject in it), the gold issues whose evidence it is and
    the issues the rules already found in it."""

    def hook(article: Any, doc: Any) -> None:
        quotes = doc._.accord_quotes or []
        mentions = doc._.accord_mentions or []
        parties = {m["name"] for m in mentions if m["party"]}
        rows = []
        for sent in doc.sents:
            words = [t.lower_ for t in sent if t.is_alpha]
            quote = next((q for q in quotes if q["start"] <= sent.start_char < q["end"]), None)
            holder = quote["speaker"] if quote is not None and quote["speaker"] in parties else None
            if holder is None:
                subjects = [
                    m
                    for m in mentions
                    if sent.start <= m["tok_start"] < sent.end
                    and m["party"]
                    and doc[m["tok_start"] : m["tok_end"]].root.dep_ in {"nsubj", "nsubjpass"}
                ]
                holder = subjects[0]["name"] if subjects else None
            text = " ".join(sent.text.split())
            gold = {
                g.issue
                for g in article.gold
                if g.evidence
                and (" ".join(g.evidence.split())[:60] in text or text[:60] in " ".join(g.evidence.split()))
            }
            found = {c["issue"] for c in article.candidates if sent.start_char <= c["start"] < sent.end_char}
            rows.append(
                {
                    "features": sorted(
                        {f"w={w}" for w in words} | {f"b={a}_{b}" for a, b in pairwise(words)}
                    ),
                    "holder": holder,
                    "gold": gold,
                    "found": found,
                }
            )
        store[article.id] = rows

    return hook


def _one_vs_rest(
    rows: Sequence[dict[str, Any]], issues: Sequence[str], l2: float, steps: int = 300
) -> Callable[[Sequence[str]], dict[str, float]]:
    """One L2 logistic regression per issue on sentence words, fitted together by gradient descent."""
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        for f in row["features"]:
            counts[f] += 1
    column = {f: k for k, f in enumerate(sorted(f for f, n in counts.items() if n >= 2))}
    x = np.zeros((len(rows), len(column)))
    for r, row in enumerate(rows):
        for f in row["features"]:
            if f in column:
                x[r, column[f]] = 1.0
    y = np.array([[float(issue in row["gold"]) for issue in issues] for row in rows])
    w = np.zeros((len(column), len(issues)))
    b = np.log((y.mean(axis=0) + 1e-3) / (1 - y.mean(axis=0) + 1e-3))
    rate = 1.0 / (0.25 * float(np.max(x.sum(axis=1), initial=1.0)) + l2)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        w -= rate * (x.T @ (p - y) + l2 * w)
        b -= rate * (p - y).sum(axis=0) / max(1, len(rows)) * 10

    def predict(features: Sequence[str]) -> dict[str, float]:
        z = b + sum((w[column[f]] for f in features if f in column), np.zeros(len(issues)))
        return {issue: float(1.0 / (1.0 + np.exp(-z[k]))) for k, issue in enumerate(issues)}

    return predict


def cross_validate_sentences(
    articles: Sequence[Any],
    sentences: dict[str, list[dict[str, Any]]],
    folds: int,
    repeats: int,
    l2: float = 3.0,
) -> tuple[dict[float, list[Score]], dict[float, list[tuple[int, int]]]]:
    """Option (b): rules plus positions from a per-issue sentence classifier; also (right, added) counts."""
    by_id = {a.id: a for a in articles}
    issues = sorted({g.issue for a in articles for g in a.gold})
    union: dict[float, list[Score]] = defaultdict(list)
    added_counts: dict[float, list[tuple[int, int]]] = defaultdict(list)
    for seed in range(repeats):
        proposals: dict[str, list[tuple[float, str, str, str]]] = defaultdict(list)  # p, actor, issue, stance
        for held in folds_of(sorted(by_id), folds, seed):
            train = [i for i in by_id if i not in set(held)]
            rows = [s for i in train for s in sentences[i] if s["holder"] is not None]
            stance_of = {}
            for issue in issues:
                stances = [g.stance for i in train for g in by_id[i].gold if g.issue == issue]
                stance_of[issue] = max(set(stances), key=stances.count) if stances else "support"
            models = _one_vs_rest(rows, issues, l2)
            for i in held:
                for s in sentences[i]:
                    if s["holder"] is None:
                        continue
                    for issue, p in models(s["features"]).items():
                        if issue not in s["found"]:
                            proposals[i].append((p, s["holder"], issue, stance_of[issue]))
        for threshold in THRESHOLDS:
            predicted, gold, right, added = [], [], 0, 0
            for a in articles:
                rules = [
                    GoldPosition(actor=c["actor"], issue=c["issue"], stance=c["stance"]) for c in a.candidates
                ]
                extra = {(h, iss, st) for p, h, iss, st in proposals[a.id] if p >= threshold}
                extra -= {(c["actor"], c["issue"], c["stance"]) for c in a.candidates}
                new = [GoldPosition(actor=h, issue=iss, stance=st) for h, iss, st in sorted(extra)]
                alone = evaluate(
                    [GoldArticle(id=a.id, positions=new)], [GoldArticle(id=a.id, positions=a.gold)]
                )
                right += alone.scores["positions"].tp
                added += len(new)
                predicted.append(GoldArticle(id=a.id, positions=rules + new))
                gold.append(GoldArticle(id=a.id, positions=a.gold))
            union[threshold].append(evaluate(predicted, gold).scores["positions"])
            added_counts[threshold].append((right, added))
    return union, added_counts


def summary(scores: list[Score]) -> tuple[float, float, float, float]:
    p = float(np.mean([s.precision for s in scores]))
    r = float(np.mean([s.recall for s in scores]))
    f = float(np.mean([s.f1 for s in scores]))
    kept = float(np.mean([s.tp + s.fp for s in scores]))
    return p, r, f, kept


def auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Probability that a right candidate outscores a wrong one (ties count half)."""
    right = [s for s, y in zip(scores, labels, strict=True) if y]
    wrong = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not right or not wrong:
        return float("nan")
    wins = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return wins / (len(right) * len(wrong))


CONFIGURATIONS: list[tuple[tuple[str, ...], float]] = [
    (("candidate",), 3.0),
    (("candidate", "holder"), 3.0),
    (("candidate", "holder", "syntax"), 3.0),
    (("candidate", "holder", "syntax", "sentence"), 1.0),
    (("candidate", "holder", "syntax", "sentence"), 3.0),
    (("candidate", "holder", "syntax", "sentence"), 10.0),
    (("candidate", "holder", "syntax", "sentence", "words"), 3.0),
    (("candidate", "holder", "syntax", "sentence", "words", "pairs"), 3.0),
    (("words", "pairs"), 3.0),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-sentences", action="store_true", help="skip option (b), the slowest")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    sentences: dict[str, list[dict[str, Any]]] = {}
    articles = collect(on_doc=None if args.no_sentences else sentence_data(sentences))
    candidates = sum(len(a.candidates) for a in articles)
    right = sum(sum(a.labels) for a in articles)
    gold = sum(len(a.gold) for a in articles)
    print(
        f"{len(articles)} articles (train + seeds), {candidates} candidates from the rules, {right} right, "
        f"{gold} gold positions; collected in {time.perf_counter() - started:.0f} s"
    )
    options: list[tuple[str, Fitter | None]] = [
        ("rules", None),
        ("(a) prior of (issue, stance)", prior_fitter),
    ]
    for groups, l2 in CONFIGURATIONS:
        options.append((f"(a) lr[{'+'.join(groups)}] l2={l2:g}", lr_fitter(groups, l2)))
    print(f"\n{args.folds}-fold article-grouped CV x {args.repeats} shuffles; mean of pooled micro scores\n")
    print("| option | threshold | kept | P | R | F1 | AUC |")
    print("|---|---|---|---|---|---|---|")
    for name, fit in options:
        results, aucs = cross_validate(articles, fit, args.folds, args.repeats)
        area = "—" if fit is None else f"{np.nanmean(aucs):.2f}"
        for threshold, scores in sorted(results.items()):
            p, r, f, kept = summary(scores)
            label = "—" if fit is None else f"{threshold:.1f}"
            print(f"| {name} | {label} | {kept:.0f} | {p:.3f} | {r:.3f} | {f:.3f} | {area} |")
    if not args.no_sentences:
        union, added = cross_validate_sentences(articles, sentences, args.folds, args.repeats)
        for threshold, scores in sorted(union.items()):
            p, r, f, kept = summary(scores)
            right_added = np.mean([c[0] for c in added[threshold]])
            extra = np.mean([c[1] for c in added[threshold]])
            print(
                f"| (b) rules + sentence classifier ({right_added:.1f} right of {extra:.0f} added) | "
                f"{threshold:.1f} | {kept:.0f} | {p:.3f} | {r:.3f} | {f:.3f} | — |"
            )
    print(f"\n(ran in {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
