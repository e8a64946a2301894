"""Test helper: a corpus file run through the real pipeline into a fresh SQLite store, as `accord ingest`
and `accord extract` would, with its stored extraction read back in the gold schema."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from accord.extract.export import stored_predictions
from accord.extract.gold import GoldArticle
from accord.extract.runner import ExtractReport, run_extraction
from accord.ingest import ingest_paths
from accord.store import open_store


def extract_corpus(corpus: Path, folder: Path, nlp: Language) -> tuple[ExtractReport, list[GoldArticle]]:
    """Ingest ``corpus`` into a store in ``folder``, extract it, and return the run's summary and the
    predictions (every input line ingested and every stored record read back, or the test fails)."""
    engine = open_store(f"sqlite:///{folder / 'corpus.db'}")
    assert ingest_paths([corpus], engine, progress=False).ok
    extracted = run_extraction(engine, nlp=nlp)
    predicted, errors = stored_predictions(engine)
    assert errors == []
    return extracted, predicted
