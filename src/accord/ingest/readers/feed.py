"""RSS and Atom feeds (feedparser): one article per item that has text."""

from __future__ import annotations

import re
import xml.sax
from collections.abc import Iterator
from typing import Any

import feedparser
import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]

from accord.errors import AccordError, Errors
from accord.ingest.dates import parse_date
from accord.ingest.models import RawArticle

# One way to match each run of spaces (``\s*/?\s*`` splits a run between two stars in n ways), and no
# "<" inside a tag: both keep these linear on adversarial input.
_BLOCK = re.compile(r"(?i)<\s*(?:br|/p|/div|/li|/h[1-6]|/blockquote)\s*(?:/\s*)?>")
_ANY_TAG = re.compile(r"<[^<>]*>")


def html_fragment_to_text(fragment: str) -> str:
    """Text of an HTML snippet, one paragraph per line."""
    if "<" not in fragment:
        return fragment.strip()
    marked = _BLOCK.sub("\n", fragment)
    try:
        root = lxml.html.fragment_fromstring(marked, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return _ANY_TAG.sub(" ", marked).strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    text: str = root.text_content()
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    for content in contents:
        value = content.get("value") if isinstance(content, dict) else None
        if value and value.strip():
            return html_fragment_to_text(value)
    summary = entry.get("summary") or entry.get("description") or ""
    return html_fragment_to_text(summary) if isinstance(summary, str) else ""


def looks_like_feed(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def read_feed(text: str, *, source: str, stem: str) -> Iterator[RawArticle | AccordError]:
    parsed = feedparser.parse(text)
    problem = parsed.get("bozo_exception")
    if isinstance(problem, xml.sax.SAXException):
        # A truncated or broken feed: its items cannot be trusted to be whole.
        reason = str(problem).splitlines()[0] if str(problem) else type(problem).__name__
        raise AccordError(Errors.A104, source=source, kind="XML feed", reason=reason)
    if not parsed.get("version") and not parsed.entries:
        raise AccordError(Errors.A104, source=source, kind="XML feed", reason="not an RSS or Atom document")
    outlet = parsed.feed.get("title") or None
    found = 0
    for number, entry in enumerate(parsed.entries, start=1):
        body = _entry_text(entry)
        if not body:
            continue
        found += 1
        published = parse_date(entry.get("published_parsed") or entry.get("updated_parsed")) or parse_date(
            entry.get("published")
        )
        tags = [t.get("term") for t in entry.get("tags", []) if t.get("term")]
        yield RawArticle(
            source_id=str(entry.get("id") or entry.get("link") or f"{stem}:{number}"),
            text=body,
            title=entry.get("title") or None,
            url=entry.get("link") or None,
            author=entry.get("author") or None,
            outlet=outlet,
            published=published,
            language=(entry.get("language") or parsed.feed.get("language") or None),
            origin=f"{source}#{number}",
            extra={"tags": tags} if tags else {},
        )
    if not found:
        raise AccordError(Errors.A107, source=source, reason="no feed item has text")
