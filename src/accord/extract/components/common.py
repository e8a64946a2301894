"""What the components share: Doc extensions, provenance, lexicon loading, a failure guard.

Components write plain dicts (not objects) into Doc extensions so that docs cross process
boundaries (``nlp.pipe(n_process=N)``) as msgpack without custom serializers.

Components follow spaCy's pattern for data (as ``EntityRuler``): the factory's ``default_config`` names
their lexicons, and ``initialize`` reads them (``load_pipeline`` calls it); nothing is read at import.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

# Re-exported: the components compare tokens and lexicon words by it.
from accord.errors import AccordError, Errors
from accord.extract.folding import fold as fold

LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"

EXTENSIONS = (
    "accord_mentions",  # actor mentions with token offsets, for the later components
    "accord_quotes",
    "accord_events",
    "accord_positions",
    "accord_errors",
    "accord_dateline_place",  # where the story's dateline files it ("Moscow"), found by accord_paragraphs
    "accord_story_start",  # the offset where the story begins after its dateline (None without one)
)


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("accord_published"):
        Doc.set_extension("accord_published", default=None)  # ISO date string or None


register_extensions()


def published_date(doc: Doc) -> dt.date | None:
    """The article's publication date set by the runner, or None when it is unknown or not ISO."""
    value = doc._.accord_published
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def items(doc: Doc, name: str) -> list[dict[str, Any]]:
    """The list stored under ``doc._.<name>``, created on first use."""
    value = doc._.get(name)
    if value is None:
        value = []
        doc._.set(name, value)
    return value  # type: ignore[no-any-return]


def provenance(doc: Doc, start_char: int, end_char: int) -> dict[str, Any]:
    """Offsets plus the sentence holding ``start_char``."""
    sent = sentence_at(doc, start_char)
    return {
        "start": start_char,
        "end": end_char,
        "sentence": sent.text if sent is not None else doc.text[start_char:end_char],
        "sentence_start": sent.start_char if sent is not None else start_char,
    }


def sentence_at(doc: Doc, char: int) -> Span | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span[0].sent


def guarded(name: str) -> Callable[[Callable[[Any, Doc], Doc]], Callable[[Any, Doc], Doc]]:
    """Record a component's failure on the doc instead of losing the whole batch; a component whose
    lexicons were never loaded (``initialize`` not called) fails every doc alike, so it raises."""

    def wrap(method: Callable[[Any, Doc], Doc]) -> Callable[[Any, Doc], Doc]:
        @functools.wraps(method)
        def call(self: Any, doc: Doc) -> Doc:
            if not self.initialized:
                raise AccordError(Errors.A307, component=name)
            try:
                return method(self, doc)
            except Exception as exc:  # a bad article must not stop the batch
                items(doc, "accord_errors").append(
                    {"component": name, "reason": f"{type(exc).__name__}: {exc}"}
                )
                return doc

        return call

    return wrap


@functools.cache
def load_lexicon(name: str) -> Any:
    with (LEXICONS / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def mention_index(doc: Doc) -> dict[int, dict[str, Any]]:
    """Token index -> the actor mention covering it."""
    index: dict[int, dict[str, Any]] = {}
    for mention in items(doc, "accord_mentions"):
        for i in range(mention["tok_start"], mention["tok_end"]):
            index[i] = mention
    return index


def own_subject(verb: Token) -> Token | None:
    """The verb's own subject, active or passive, or None (no subject inherited from another verb)."""
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def is_infinitive(verb: Token) -> bool:
    """Is the verb a "to" infinitive ("to recognise", "to meet")?"""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def passive_agent(verb: Token) -> Token | None:
    """The noun after a passive verb's "by" ("was accepted by Putin" -> Putin), or None."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


# Quotation marks: the opening ones, the closing ones, and the straight one that is either.
OPENING = frozenset({"“", "„", "«"})
CLOSING = frozenset({"”", "»"})
STRAIGHT = '"'
QUOTE_MARKS = OPENING | CLOSING | {STRAIGHT}


def governor(token: Token) -> Token:
    """The word a noun hangs from, through an "of" phrase when it is in one ("withdraw troops" and "the
    withdrawal of troops" -> the withdrawal); the token itself at the root."""
    head = token.head
    return head.head if head.dep_ == "prep" and head.lower_ == "of" else head


def mention_for(doc: Doc, token: Token, index: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    """The mention for ``token``, looking through appositions and ``of``-phrases ("ministers of X")."""
    if token.i in index:
        return index[token.i]
    for child in token.children:
        if child.dep_ == "appos" and child.i in index:
            return index[child.i]
    for child in token.children:
        if child.dep_ == "compound" and child.i in index and index[child.i]["kind"] == "person":
            return index[child.i]
    return None


def speaking_for(
    token: Token, index: dict[int, dict[str, Any]], spokesbodies: frozenset[str]
) -> dict[str, Any] | None:
    """The actor whose office or spokesperson ``token`` is ("Zelensky's office" -> Zelensky), given the
    bodies through which an actor speaks (``spokesbodies`` in lexicons/holders.yaml)."""
    if token.lower_ not in spokesbodies:
        return None
    for child in token.children:
        if child.dep_ in {"poss", "compound", "amod"} and child.i in index:
            return index[child.i]
    return None


def mark_acting(mention: dict[str, Any]) -> None:
    """The mention speaks or takes part in something (bylines and old history excepted)."""
    if not mention.get("background"):
        mention["acts"] = True


def entity_at(doc: Doc, i: int) -> Span | None:
    """The named entity covering token ``i``, found from the tokens' IOB tags (``doc.ents`` rebuilds every
    span of the document on each access, too slow inside a loop)."""
    if not doc[i].ent_type_:
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def entities_in(span: Span, labels: set[str]) -> list[Span]:
    """Named entities with one of ``labels`` that start inside ``span``."""
    found = []
    doc = span.doc
    for token in span:
        if token.ent_iob_ == "B" and token.ent_type_ in labels:
            entity = entity_at(doc, token.i)
            if entity is not None:
                found.append(entity)
    return found


def dateline_word(token: Token) -> bool:
    """A dateline's place: an upper-case word opening its sentence and followed by a comma ("MINSK, 12
    February 2015 —"), or the credit in brackets that opens a story ("(Newser) –", "(Reuters) -"). It says
    where or by whom the story was filed; it takes part in nothing."""
    sent, doc = token.sent, token.doc
    if token.i == sent.start + 1 and doc[sent.start].text == "(" and token.i + 1 < len(doc):
        return doc[token.i + 1].text == ")" and token.is_title
    return (
        token.i == sent.start
        and token.is_upper
        and len(token.text) > 1
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text == ","
    )


def plural_antecedent(
    token: Token,
    index: dict[int, dict[str, Any]],
    kinds: set[str],
    expand: Callable[[Token], list[dict[str, Any]]] | None = None,
) -> list[dict[str, Any]]:
    """The parties a "they" or "their" stands for when the sentence before had several as its subject
    ("Merkel and Hollande arrived in Kiev. Their meeting with Poroshenko ...": both, not the last party
    named, Kiev's Ukraine); ``expand`` reads a group subject ("the foreign ministers of Germany, France,
    Russia and Ukraine"). None when that subject was one party, or in a sentence of its own."""
    if token.lower_ not in {"they", "their", "them"} or token.i in index:
        return []
    start = token.sent.start
    if start == 0:
        return []
    if any(t.dep_ in {"nsubj", "nsubjpass"} and t.conjuncts and t.i < token.i for t in token.sent):
        return []  # "Putin and Macron said they would work ...": the pair of its own sentence
    for subject in (t for t in token.doc[start - 1].sent if t.dep_ in {"nsubj", "nsubjpass"}):
        named = [index[t.i] for t in [subject, *subject.conjuncts] if t.i in index]
        if len(named) < 2 and expand is not None:
            named = expand(subject)
        if len(named) >= 2 and all(m["kind"] in kinds for m in named):
            return list({id(m): m for m in named}.values())
    return []
