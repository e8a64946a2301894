"""Publication dates from metadata or a dateline; never guessed.

A value counts only when it names a full calendar date (day, month and year). Anything less, or
anything that fails to parse, gives ``None``.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from email.utils import parsedate_to_datetime

from accord.dates import MONTH_ALTERNATION, MONTHS

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_MDY = re.compile(rf"\b({MONTH_ALTERNATION})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b", re.IGNORECASE)
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({MONTH_ALTERNATION})\.?,? (\d{{4}})\b", re.IGNORECASE)
# A dateline opens the story: an optional place in capitals, then the date, then a dash or comma.
_DATELINE = re.compile(
    rf"^\s*(?:[A-Z][A-Za-z .'’-]{{1,40}},\s*)?"
    rf"(?:(?:{MONTH_ALTERNATION})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)? (?:{MONTH_ALTERNATION})\.?,? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"\s*(?:\([^)]{1,40}\))?\s*[-–—,:]",
    re.IGNORECASE,
)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(value: object) -> dt.date | None:
    """A date from a metadata value: ISO 8601, RFC 2822, 'March 3, 2022', '3 March 2022', a struct_time."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        return _make(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if m := _ISO.match(text):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _MDY.search(text):
        return _make(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
    if m := _DMY.search(text):
        return _make(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def dateline_date(text: str) -> dt.date | None:
    """The date of a dateline opening the story ('KYIV, March 3, 2022 —'), if there is one.

    The dateline opens the first paragraph, or the second when the first is a headline.
    """
    paragraphs = [p for p in text[:2000].split("\n") if p.strip()][:2]
    for paragraph in paragraphs:
        match = _DATELINE.match(paragraph[:200])
        if match:
            return parse_date(match.group(0))
    return None
