"""HTML pages: main text and metadata (title, date, author, site name, canonical URL) via trafilatura."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any

import trafilatura

from accord.errors import AccordError, Errors
from accord.ingest.dates import dateline_date, parse_date
from accord.ingest.models import RawArticle

# A tag never holds another "<": stopping there keeps the search linear (with [^>]* every "<" of
# "<a<a<a..." scanned on to the end of the text).
_TAG = re.compile(r"<\s*[A-Za-z!][^<>]*>")
# Only dates the page states in its markup; no search through the text for something date-like.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _extract(html: str) -> dict[str, Any] | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else doc
    return dict(data)


def read_html(html: str, *, source: str, stem: str) -> Iterator[RawArticle]:
    if not _TAG.search(html):
        raise AccordError(Errors.A104, source=source, kind="HTML", reason="no markup found")
    try:
        data = _extract(html)
    except Exception as exc:  # lxml and trafilatura raise a wide range of errors on broken markup
        raise AccordError(Errors.A104, source=source, kind="HTML", reason=type(exc).__name__) from exc
    text = str((data or {}).get("text") or "").strip()
    if not data or not text:
        raise AccordError(Errors.A107, source=source, reason="no main text in the HTML")
    title = data.get("title") or None
    # trafilatura repeats the <h1> as the first text line; keep it, so the text is the page's text.
    url = data.get("url") or None
    outlet = data.get("sitename") or data.get("hostname") or None
    extra = {
        k: data[k]
        for k in ("description", "hostname", "categories", "tags")
        if data.get(k) and isinstance(data[k], str | list)
    }
    yield RawArticle(
        source_id=stem,
        text=text,
        title=str(title) if title else None,
        url=str(url) if url else None,
        author=str(data["author"]) if data.get("author") else None,
        outlet=str(outlet) if outlet else None,
        published=parse_date(data.get("date")) or dateline_date(text),
        language=None,
        origin=source,
        extra=extra,
    )
