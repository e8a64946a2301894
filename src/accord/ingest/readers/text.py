"""Plain text and Markdown: one article per file, optional front matter, headline as title."""

from __future__ import annotations

import re
from collections.abc import Iterator

from accord.errors import AccordError, Errors
from accord.ingest.dates import dateline_date, parse_date
from accord.ingest.models import RawArticle
from accord.ingest.normalize import split_headline

# The block may be empty ("---\n---"). The closing line must start a line: "\n---" or right after the
# opening one.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:(.*?)\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# The value is stripped in Python: "(.*?)\s*$" retries the trailing-space run at every position of it.
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(.*)")
_MD_HEADING = re.compile(r"(?m)^#{1,6}[ \t]+")
_KNOWN = {"id", "title", "url", "author", "outlet", "published", "date", "language"}


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple ``key: value`` front matter between ``---`` lines (no nesting), and the text after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in (match.group(1) or "").splitlines():
        m = _FIELD.match(line)
        if m:
            fields[m.group(1).lower()] = m.group(2).strip().strip("\"'")
    return fields, text[match.end() :]


def read_text(text: str, *, source: str, stem: str, markdown: bool = False) -> Iterator[RawArticle]:
    fields, body = _front_matter(text)
    if markdown:
        body = _MD_HEADING.sub("", body)
    body = body.strip()
    if not body:
        raise AccordError(Errors.A107, source=source, reason="only front matter, no body")
    title = fields.get("title") or None
    if title is None:
        # The headline stays in the text too, so no sentence is lost and offsets match the file.
        title, _ = split_headline(body)
    published = parse_date(fields.get("published") or fields.get("date")) or dateline_date(body)
    extra = {k: v for k, v in fields.items() if k not in _KNOWN}
    yield RawArticle(
        source_id=fields.get("id") or stem,
        text=body,
        title=title,
        url=fields.get("url") or None,
        author=fields.get("author") or None,
        outlet=fields.get("outlet") or None,
        published=published,
        language=fields.get("language") or None,
        origin=source,
        extra=extra,
    )
