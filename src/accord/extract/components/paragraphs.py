"""Paragraph breaks are sentence breaks: headlines, datelines and bylines have no final full stop, and
without this the parser glues them onto the next sentence (and to its subject)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("accord_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        breaks = "\n" in previous.whitespace_ or ("\n" in previous.text and previous.is_space)
        if breaks and not token.is_space:
            token.is_sent_start = True
    return doc
