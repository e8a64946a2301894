"""Duplicate-detection precision and recall of ingest's clustering on a synthetic corpus.

    .venv/bin/python bench/dedupe.py [--stories 400] [--seed 20220310]

Each original story gets 0-3 rewrites (syndicated copy, spun by synonym substitution, paragraphs
reordered, truncated, boilerplate added, or spun + truncated + boilerplate), each from another outlet;
all stories are on the same topic and built from the same templates, so unrelated stories share
plenty of phrasing. The corpus goes through the real ingest (normalize, MinHash LSH, store) into a
fresh SQLite file; then every pair of articles is scored: predicted same cluster vs. same origin.
The baseline printed beside it is exact-text matching (what a content hash alone would find).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synthetic import VARIANT_KINDS, Generator
from sqlalchemy import select

from accord.ingest import ingest_paths
from accord.ingest.dedupe import DedupeParams
from accord.settings import load_settings
from accord.store import open_store, session_scope
from accord.store.schema import Article


def build(
    stories: int, seed: int, spin_rate: float = 0.8
) -> tuple[list[dict[str, str]], dict[str, str], dict[str, str]]:
    """Articles, the origin story of each, and the rewrite kind of each."""
    gen = Generator(seed, spin_rate=spin_rate)
    articles: list[dict[str, str]] = []
    origin: dict[str, str] = {}
    kind_of: dict[str, str] = {}
    for _ in range(stories):
        story = gen.story()
        articles.append(story)
        origin[story["id"]] = story["id"]
        kind_of[story["id"]] = "original"
        for kind in gen.rng.sample(VARIANT_KINDS, gen.rng.randint(0, 3)):
            copy = gen.variant(story, kind)
            articles.append(copy)
            origin[copy["id"]] = story["id"]
            kind_of[copy["id"]] = kind
    gen.rng.shuffle(articles)
    return articles, origin, kind_of


def pair_scores(predicted: dict[str, object], truth: dict[str, str]) -> tuple[float, float, int, int]:
    true_pairs = {tuple(sorted(p)) for g in _groups(truth).values() for p in itertools.combinations(g, 2)}
    pred_pairs = {tuple(sorted(p)) for g in _groups(predicted).values() for p in itertools.combinations(g, 2)}
    hits = len(true_pairs & pred_pairs)
    precision = hits / len(pred_pairs) if pred_pairs else 1.0
    recall = hits / len(true_pairs) if true_pairs else 1.0
    return precision, recall, len(pred_pairs), len(true_pairs)


def _groups(label: dict[str, object]) -> dict[object, list[str]]:
    groups: dict[object, list[str]] = defaultdict(list)
    for key, value in label.items():
        groups[value].append(key)
    return groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=400)
    settings = load_settings()  # a benchmark is an entry point: it reads the settings once
    parser.add_argument("--seed", type=int, default=settings.seed)
    parser.add_argument(
        "--spin-rate", type=float, default=0.8, help="chance a word with a listed synonym is swapped (0-1)"
    )
    args = parser.parse_args()
    articles, origin, kind_of = build(args.stories, args.seed, args.spin_rate)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
        engine = open_store(f"sqlite:///{tmp}/bench.db")
        report = ingest_paths([corpus], engine, progress=False, dedupe=DedupeParams.of(settings))
        with session_scope(engine) as session:
            clusters = {s: c for s, c in session.execute(select(Article.source_id, Article.cluster_id))}
        engine.dispose()
    exact = {a["id"]: a["text"] for a in articles}
    precision, recall, n_pred, n_true = pair_scores(clusters, origin)
    base_p, base_r, _, _ = pair_scores(exact, origin)
    print(
        f"settings: threshold={settings.dedupe_threshold} num_perm={settings.dedupe_num_perm} "
        f"shingle_size={settings.shingle_size}"
    )
    print(
        f"articles: {len(articles)} ({args.stories} stories, spin rate {args.spin_rate}; {report.summary()})"
    )
    print(f"near-duplicate pairs: {n_true} true, {n_pred} predicted")
    print(f"MinHash LSH clusters : precision {precision:.3f}  recall {recall:.3f}")
    print(f"exact-text baseline  : precision {base_p:.3f}  recall {base_r:.3f}")
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for article_id, story_id in origin.items():
        kind = kind_of[article_id]
        if kind == "original":
            continue
        total[kind] += 1
        found[kind] += clusters.get(article_id) == clusters.get(story_id)
    print("recall of each rewrite against its original:")
    for kind in VARIANT_KINDS:
        if total[kind]:
            print(f"  {kind:<12} {found[kind] / total[kind]:.3f}  ({found[kind]}/{total[kind]})")


if __name__ == "__main__":
    main()
