"""One real pipeline per test session: loading the model is the slow part."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accord.extract.pipeline import load_pipeline


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()
