"""Floors on the challenge set's held-out half (eval/challenge/, one phenomenon per text, never tuned on).

As for the development corpus's test split: the floors are the best reported scoring (eval/test-log.jsonl,
`"corpus": "challenge"`) less a margin, and this test asserts and prints nothing else. Positions are the
point: their precision, their F1, and the count of stances that come out flipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from accord.extract.evaluation import evaluate_corpus
from accord.extract.gold import load_gold, load_metadata
from pipeline_store import extract_corpus

CHALLENGE = Path(__file__).resolve().parents[2] / "eval" / "challenge"
MARGIN = 0.03
# Positions on the test half at the best reported scoring (eval/challenge/README.md): raised, never lowered.
MEASURED = {"precision": 0.784, "f1": 0.687}
MOST_FLIPPED = 0  # stances the gold's holder holds the other way round; the last scoring flipped none


@pytest.mark.slow
def test_challenge_test_half_stays_above_the_floors(tmp_path: Path, nlp: Language) -> None:
    extracted, predicted = extract_corpus(CHALLENGE / "articles.jsonl", tmp_path, nlp)
    assert extracted.problems == []
    metadata = load_metadata(CHALLENGE / "articles.jsonl")
    report = evaluate_corpus(
        predicted, load_gold(CHALLENGE / "gold.jsonl"), metadata, split="test", resamples=1
    )
    assert len(report.articles) == 120
    positions = report.scores["positions"]
    measured = {"precision": round(positions.precision, 3), "f1": round(positions.f1, 3)}
    below = {name: value for name, value in measured.items() if value < MEASURED[name] - MARGIN}
    assert not below, f"positions below the floors (measured {MEASURED} less {MARGIN}): {below}"
    assert report.flipped <= MOST_FLIPPED
