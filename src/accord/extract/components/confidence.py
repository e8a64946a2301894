"""Confidence: how likely each quote, event and position is to be right, as a probability.

Each item is described by a few yes/no features that the extraction errors on articles the rules were
not written from turned out to depend on (is the holder named in the sentence, is the stance composed
through a negation, does the event have a named party, ...). The score is a logistic model over them,
``1 / (1 + exp(-(intercept + sum of the weights of the features present))``, whose weights are data
(``lexicons/confidence.yaml``), fitted by ``scripts/fit_confidence.py`` on labelled articles and
checked on others; the file says which. The words a feature looks for are in
``lexicons/confidence_features.yaml``. Scores rank items and let the scenario keep only the surer
ones (the ``min_confidence`` setting); they are not a promise about any one item.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from accord.extract.components.common import guarded, items, load_lexicon

ITEM_KINDS = ("quotes", "events", "positions")


def _sentence(doc: Doc, item: Mapping[str, Any]) -> Span | None:
    span = doc.char_span(item["start"], max(item["end"], item["start"] + 1), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span[0].sent


def _named_in(doc: Doc, sent: Span | None, name: str, outside: tuple[int, int] | None = None) -> bool:
    """A mention of ``name`` in ``sent`` (outside the character range ``outside``, when given)."""
    if sent is None:
        return False
    for mention in items(doc, "accord_mentions"):
        if mention["name"] != name or not sent.start <= mention["tok_start"] < sent.end:
            continue
        if outside is not None and outside[0] <= mention["start"] < outside[1]:
            continue
        return True
    return False


def _negated(sent: Span | None, negators: frozenset[str]) -> bool:
    return sent is not None and any(t.dep_ == "neg" or t.lower_ in negators for t in sent)


def quote_features(doc: Doc, quote: Mapping[str, Any]) -> set[str]:
    features: set[str] = set()
    speaker = str(quote["speaker"])
    if speaker.startswith("unnamed:"):
        features.add("unnamed_speaker")
    elif not _named_in(doc, _sentence(doc, quote), speaker, outside=(quote["start"], quote["end"])):
        # the speaker came from a pronoun, a role noun, an earlier paragraph or an interview's intro
        features.add("speaker_not_in_sentence")
    if len(str(quote["text"]).split()) < 6:
        features.add("short_text")
    return features


def event_features(doc: Doc, event: Mapping[str, Any]) -> set[str]:
    features = {f"type_{event['type']}"}
    if not event.get("participants"):
        features.add("no_participants")
    if not event.get("place"):
        features.add("no_place")
    if event.get("modality", "happened") != "happened":
        features.add("not_happened")
    return features


def position_features(doc: Doc, position: Mapping[str, Any], negators: frozenset[str]) -> set[str]:
    features: set[str] = set()
    sent = _sentence(doc, position)
    actor = str(position["actor"])
    quoted = any(
        q["speaker"] == actor and q["start"] <= position["start"] < q["end"]
        for q in items(doc, "accord_quotes")
    )
    if quoted:
        features.add("in_own_quote")
    elif not _named_in(doc, sent, actor):
        features.add("holder_not_in_sentence")
    if _negated(sent, negators):
        features.add("negation_in_sentence")
    if position["stance"] == "conditional":
        features.add("conditional")
    elif position["stance"] == "oppose":
        features.add("oppose")
    if position["issue"] == "other":
        features.add("issue_other")
    if sent is not None and len(sent) > 40:
        features.add("long_sentence")
    return features


def logistic(model: Mapping[str, Any], features: set[str]) -> float:
    """The model's probability for an item with ``features`` (unknown features weigh nothing)."""
    weights: Mapping[str, float] = model.get("weights") or {}
    z = float(model["intercept"]) + sum(float(weights.get(f, 0.0)) for f in features)
    return round(1.0 / (1.0 + math.exp(-z)), 4)


class ConfidenceScorer:
    def __init__(
        self, nlp: Language, name: str, lexicon: str = "confidence", features: str = "confidence_features"
    ) -> None:
        self.name = name
        self.lexicon = lexicon
        self.features_lexicon = features
        self.initialized = False

    def initialize(
        self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Language | None = None
    ) -> None:
        """Read the fitted models and the features' words (the lexicons named in the config)."""
        self.models: dict[str, Any] = load_lexicon(self.lexicon)["models"]
        self.negators = frozenset(str(w) for w in load_lexicon(self.features_lexicon)["negators"])
        self.initialized = True

    def features(self, kind: str, doc: Doc, item: Mapping[str, Any]) -> set[str]:
        if kind == "quotes":
            return quote_features(doc, item)
        if kind == "events":
            return event_features(doc, item)
        return position_features(doc, item, self.negators)

    @guarded("accord_confidence")
    def __call__(self, doc: Doc) -> Doc:
        for kind in ITEM_KINDS:
            for item in items(doc, f"accord_{kind}"):
                features = self.features(kind, doc, item)
                item["features"] = sorted(features)  # kept on the doc for fitting, not stored
                item["score"] = logistic(self.models[kind], features)
        return doc


@Language.factory(
    "accord_confidence",
    # The fitted models and the words the features look for (lexicons/<name>.yaml).
    default_config={"lexicon": "confidence", "features": "confidence_features"},
    # It rewrites the items' "score" field in place; a failure record as every component (see `guarded`).
    assigns=["doc._.accord_quotes", "doc._.accord_events", "doc._.accord_positions", "doc._.accord_errors"],
    requires=[
        "doc._.accord_mentions",
        "doc._.accord_quotes",
        "doc._.accord_events",
        "doc._.accord_positions",
    ],
)
def make_confidence_scorer(nlp: Language, name: str, lexicon: str, features: str) -> ConfidenceScorer:
    return ConfidenceScorer(nlp, name, lexicon, features)
