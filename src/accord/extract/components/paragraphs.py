"""Paragraph breaks are sentence breaks: headlines, datelines and bylines have no final full stop, and
without this the parser glues them onto the next sentence (and to its subject). A line break inside a
sentence of hard-wrapped text (no final punctuation before it, a lower-case word after it) is not one.
A dateline on the story's first line ends where the story begins ("MOSCOW (AP) — Putin said")."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from accord.extract.components.datelines import find_dateline

FINAL = {".", "!", "?", ":", ";", '"', "”", "’", "'", ")"}


@Language.component(
    "accord_paragraphs",
    assigns=["token.is_sent_start", "doc._.accord_dateline_place", "doc._.accord_story_start"],
)
def mark_paragraphs(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        breaks = "\n" in previous.whitespace_ or ("\n" in previous.text and previous.is_space)
        if not breaks or token.is_space:
            continue
        last = previous if not previous.is_space else (doc[previous.i - 1] if previous.i > 0 else previous)
        wrapped = (
            last.text[-1:] not in FINAL and token.text[:1].islower() and "\n\n" not in previous.text_with_ws
        )
        if not wrapped:
            token.is_sent_start = True
    dateline = find_dateline(doc.text)
    if dateline is None:
        return doc
    doc._.accord_dateline_place = dateline.place  # read by accord_events, to place statements made there
    doc._.accord_story_start = dateline.end  # read by accord_events: the day filed, and the lede after it
    story = doc.char_span(dateline.end, dateline.end + 1, alignment_mode="expand")
    if story is not None and story.start > 0:
        doc[story.start].is_sent_start = True
    return doc
