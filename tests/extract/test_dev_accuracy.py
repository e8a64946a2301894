"""Accuracy floor on the locked test split of the development corpus (eval/dev/, never tuned on).

The floors are the best F1 of the reported scorings (eval/test-log.jsonl) less 0.03, so a change that
makes extraction worse on unseen news fails CI. This test asserts and prints nothing else: it is not
a way to look at the test split's errors (study `train`; see eval/README.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from accord.extract.evaluation import evaluate_corpus
from accord.extract.gold import load_gold, load_metadata
from pipeline_store import extract_corpus

DEV = Path(__file__).resolve().parents[2] / "eval" / "dev"
MARGIN = 0.03
# F1 on the test split, per item type, at the best reported scoring (README "Where we stand"): raised when
# a scoring is better, never lowered (events 0.42 from 36a594c; the last scoring, at 53c9c6d, gave 0.407).
MEASURED = {"actors": 0.787, "quotes": 0.826, "events": 0.42, "positions": 0.444}
FLOORS = {kind: max(0.0, round(value - MARGIN, 3)) for kind, value in MEASURED.items()}


@pytest.mark.slow
def test_test_split_f1_stays_above_the_floors(tmp_path: Path, nlp: Language) -> None:
    metadata = load_metadata(DEV / "articles.jsonl")
    test_lines = [
        line
        for line in (DEV / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip() and metadata[json.loads(line)["id"]].split == "test"
    ]
    corpus = tmp_path / "test.jsonl"
    corpus.write_text("\n".join(test_lines) + "\n", encoding="utf-8")
    extracted, predicted = extract_corpus(corpus, tmp_path, nlp)
    assert extracted.ok == len(test_lines), extracted.problems
    report = evaluate_corpus(predicted, load_gold(DEV / "gold.jsonl"), metadata, split="test", resamples=1)
    assert len(report.articles) == len(test_lines) >= 35
    below = {
        kind: round(report.scores[kind].f1, 3)
        for kind, floor in FLOORS.items()
        if report.scores[kind].f1 < floor
    }
    assert not below, f"F1 below the floors {FLOORS}: {below}"
