"""HTML pages: main text and metadata (title, date, author, site name, canonical URL) via trafilatura."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any

import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]
import trafilatura

from accord.errors import AccordError, Errors
from accord.ingest.dates import dateline_date, parse_date
from accord.ingest.models import RawArticle

# A tag never holds another "<": stopping there keeps the search linear (with [^>]* every "<" of
# "<a<a<a..." scanned on to the end of the text).
_TAG = re.compile(r"<\s*[A-Za-z!][^<>]*>")
_WORD = re.compile(r"\w")
# What a page wraps around its article: navigation, menus, footers, sidebars, script fallbacks.
_CHROME_CLASSES = ("menu", "nav", "navbar", "navigation", "footer", "sidebar", "breadcrumb", "breadcrumbs")
_CHROME = "|".join(
    [
        "//nav",
        "//footer",
        "//aside",
        "//noscript",
        "//menu",
        "//script",
        "//style",
        "//template",
        "//*[@role='navigation' or @role='contentinfo' or @role='banner' or @role='menu' or @role='menubar']",
        *(
            f"//*[contains(concat(' ', normalize-space(@{attr}), ' '), ' {name} ')]"
            for attr in ("class", "id")
            for name in _CHROME_CLASSES
        ),
    ]
)
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


def only_chrome(html: str) -> bool:
    """True when every word of the page's body sits in navigation, menus, footers, sidebars or
    ``noscript``: trafilatura's fallback then returns that text ("Home News Sport"), not an article."""
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return False
    for element in root.xpath(_CHROME):
        if element.getparent() is not None:
            element.drop_tree()  # keeps the text that follows the element
    body = root.find("body")
    text: str = (body if body is not None else root).text_content()
    return not _WORD.search(text)


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
    if only_chrome(html):
        raise AccordError(
            Errors.A107,
            source=source,
            reason="the page holds only navigation, menus, footers or noscript text",
        )
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
