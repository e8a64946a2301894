"""Fit the confidence models (src/accord/extract/lexicons/confidence.yaml) on labelled articles, check them
on others.

    python scripts/fit_confidence.py --db sqlite:///build/eval.db --fit train --check val [--write]

Reads the articles of a store made by `make eval` (the texts exactly as extraction saw them), runs the
pipeline on the gold-labelled ones, marks each extracted quote, event and position right or wrong with
`accord eval`'s own matching, and fits one L2-regularised logistic regression per item type on the
features `accord.extract.components.confidence` gives the item. Splits come from the corpus metadata
(`eval/dev/articles.jsonl`); the seeds are the split `seeds`. Prints each feature's count and precision
on the fit articles, then, on the check articles, how precision and recall move with a threshold on the
score: the numbers to choose `min_confidence` from. `--write` replaces the weights in the lexicon, with a
header naming the data and the command. Never fit or check on `test`: that split is for reporting.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from accord.extract.components.common import LEXICONS, register_extensions
from accord.extract.components.confidence import ITEM_KINDS, logistic
from accord.extract.evaluation import MATCHERS, maximum_matching
from accord.extract.export import LABELLED_MODALITIES
from accord.extract.gold import GoldEvent, GoldPosition, GoldQuote, load_gold, load_metadata

ROOT = Path(__file__).resolve().parents[1]
TO_GOLD: dict[str, Any] = {
    "quotes": lambda q: GoldQuote(speaker=q["speaker"], text=q["text"]),
    "events": lambda e: GoldEvent(type=e["type"], participants=e["participants"], place=e["place"]),
    "positions": lambda p: GoldPosition(actor=p["actor"], issue=p["issue"], stance=p["stance"]),
}
Sample = tuple[str, set[str], bool]  # article id, features, right?


def fit_logistic(rows: Sequence[tuple[set[str], bool]], l2: float = 1.0, steps: int = 50) -> dict[str, Any]:
    """Intercept and weights maximising the L2-penalised log-likelihood (Newton's method).

    The intercept is not penalised; a feature seen on no item gets no weight.
    """
    names = sorted({f for features, _ in rows for f in features})
    x = np.array([[1.0] + [1.0 if n in features else 0.0 for n in names] for features, _ in rows])
    y = np.array([1.0 if right else 0.0 for _, right in rows])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (y - p) - penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w += step
        if float(np.abs(step).max()) < 1e-8:
            break
    return {
        "intercept": round(float(w[0]), 3),
        "weights": {n: round(float(v), 3) for n, v in zip(names, w[1:], strict=True)},
    }


def threshold_table(
    rows: Sequence[tuple[float, bool]], gold_total: int, thresholds: Sequence[float]
) -> list[dict[str, float]]:
    """Precision, recall and F1 of the items scoring at least each threshold."""
    table = []
    for cut in thresholds:
        kept = [right for score, right in rows if score >= cut]
        tp = sum(kept)
        precision = tp / len(kept) if kept else 1.0
        recall = tp / gold_total if gold_total else 1.0
        f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
        table.append(
            {"threshold": cut, "kept": len(kept), "precision": precision, "recall": recall, "f1": f1}
        )
    return table


def labelled_items(
    db: str, gold_files: Sequence[Path], ids: set[str]
) -> tuple[dict[str, list[Sample]], dict[str, dict[str, int]]]:
    """Each extracted item of the chosen articles with its features and whether it matches the gold, and
    each article's number of gold items per kind (the recall's denominator)."""
    from sqlalchemy import select

    from accord.extract.pipeline import load_pipeline
    from accord.store.database import make_engine, session_scope
    from accord.store.schema import Article

    gold = {a.id: a for path in gold_files for a in load_gold(path) if a.id in ids}
    with session_scope(make_engine(db)) as session:
        rows = session.execute(
            select(Article.source_id, Article.text, Article.published, Article.version)
            .where(Article.source_id.in_(sorted(gold)))
            .order_by(Article.source_id, Article.version)
        ).all()
    texts = {source: (text, published) for source, text, published, _ in rows}  # newest version wins
    missing = sorted(set(gold) - set(texts))
    if missing:
        sys.exit(
            f"fit_confidence: {len(missing)} gold articles are not in {db} (e.g. {missing[0]}): run make eval"
        )
    register_extensions()
    nlp = load_pipeline()
    samples: dict[str, list[Sample]] = defaultdict(list)
    gold_counts: dict[str, dict[str, int]] = {}
    for source in sorted(gold):
        text, published = texts[source]
        doc = nlp.make_doc(text)
        doc._.accord_published = published.isoformat() if isinstance(published, dt.date) else None
        doc = nlp(doc)
        for kind in ITEM_KINDS:
            predicted = list(getattr(doc._, f"accord_{kind}") or [])
            if kind == "events":  # as the export and `accord eval` see them: labelled modalities only
                predicted = [e for e in predicted if e["modality"] in LABELLED_MODALITIES]
            wanted = list(getattr(gold[source], kind))
            gold_counts.setdefault(source, {})[kind] = len(wanted)
            pairs = maximum_matching([TO_GOLD[kind](p) for p in predicted], wanted, MATCHERS[kind])
            right = {p for p, _ in pairs}
            for number, item in enumerate(predicted):
                samples[kind].append((source, set(item["features"]), number in right))
    return samples, gold_counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="sqlite:///build/eval.db")
    parser.add_argument("--articles", type=Path, default=ROOT / "eval/dev/articles.jsonl")
    parser.add_argument(
        "--gold", type=Path, nargs="+", default=[ROOT / "eval/dev/gold.jsonl", ROOT / "eval/seeds-gold.jsonl"]
    )
    parser.add_argument("--fit", nargs="+", default=["train"], help="splits to fit on")
    parser.add_argument("--check", nargs="+", default=["val"], help="splits to check on")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--write", action="store_true", help="write the fitted weights into the lexicon")
    args = parser.parse_args(argv)
    if "test" in args.fit or "test" in args.check:
        parser.error("the test split is for reporting only: fit and check on other splits")
    metadata = load_metadata(args.articles)
    split_of = {article_id: meta.split or "" for article_id, meta in metadata.items()}
    for path in args.gold:
        for article in load_gold(path):
            split_of.setdefault(article.id, "seeds")
    chosen = {i for i, s in split_of.items() if s in {*args.fit, *args.check}}
    samples, gold_counts = labelled_items(args.db, args.gold, chosen)
    check_totals = {
        kind: sum(counts[kind] for a, counts in gold_counts.items() if split_of[a] in args.check)
        for kind in ITEM_KINDS
    }
    models: dict[str, Any] = {}
    for kind in ITEM_KINDS:
        fit_rows = [(f, r) for a, f, r in samples[kind] if split_of[a] in args.fit]
        check_rows = [(f, r) for a, f, r in samples[kind] if split_of[a] in args.check]
        models[kind] = fit_logistic(fit_rows, l2=args.l2)
        print(f"\n{kind}: fitted on {len(fit_rows)} items, precision {np.mean([r for _, r in fit_rows]):.3f}")
        for name, weight in models[kind]["weights"].items():
            marked = [r for f, r in fit_rows if name in f]
            print(f"  {name:26} n={len(marked):4}  precision {np.mean(marked):.3f}  weight {weight:+.3f}")
        scored = [(logistic(models[kind], f), r) for f, r in check_rows]
        print(f"  check: {len(check_rows)} items, {check_totals[kind]} gold")
        for row in threshold_table(scored, check_totals[kind], [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]):
            print(
                f"    score >= {row['threshold']:.1f}: kept {row['kept']:4}  P {row['precision']:.3f}"
                f"  R {row['recall']:.3f}  F1 {row['f1']:.3f}"
            )
    if args.write:
        command = "python scripts/fit_confidence.py " + " ".join(argv if argv is not None else sys.argv[1:])
        header = (
            "# Confidence models (accord.extract.components.confidence): logistic weights per feature.\n"
            f"# Fitted {dt.date.today().isoformat()} on the splits {', '.join(args.fit)}, checked on "
            f"{', '.join(args.check)}, by:\n#   {command}\n# Refit after a rule change moves the errors.\n"
        )
        target = LEXICONS / "confidence.yaml"
        target.write_text(header + yaml.safe_dump({"models": models}, sort_keys=True), encoding="utf-8")
        print(f"\nwrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
