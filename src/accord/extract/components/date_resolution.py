"""Dates stated in a sentence, made ISO with their precision.

Absolute dates keep the precision they were written with ("10 March 2022" -> day, "March 2014" -> month,
"2014" -> year). A day or month without a year takes the publication year. Relative dates ("on Thursday",
"yesterday") are resolved against the publication date when there is one and flagged ``relative``.
"""

from __future__ import annotations

import datetime as dt
import re

from accord.dates import MONTH_ALTERNATION, MONTHS

WEEKDAYS = {
    d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
}
_MONTH = r"(?P<month>" + MONTH_ALTERNATION + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*(?:19|20)\d\d)", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b", re.I),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b(?:in|since|of|from|by|early|late|mid-?)\s+{_MONTH}\b(?!\s+[0-3]?\d)", re.I),
    re.compile(rf"(?<![\d-]){_YEAR}\b(?!-)", re.I),
]
RELATIVE = re.compile(r"\b(?P<word>yesterday|today|tonight|tomorrow|" + "|".join(WEEKDAYS) + r")\b", re.I)


def resolve_date(
    text: str, published: dt.date | None, *, future: bool = False
) -> tuple[str | None, str | None]:
    """(ISO date, precision) for the first date stated in ``text``; (None, None) when there is none."""
    for pattern in PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        parts = match.groupdict()
        month = MONTHS.get((parts.get("month") or "").lower())
        year = int(parts["year"]) if parts.get("year") else (published.year if published else None)
        day = int(parts["day"]) if parts.get("day") else None
        if year is None:
            return None, None  # a calendar date without a year, and no publication year to lend it
        if month is None:
            return f"{year:04d}", "year"
        if day is None:
            return f"{year:04d}-{month:02d}", "month"
        try:
            return dt.date(year, month, day).isoformat(), "day"
        except ValueError:
            return f"{year:04d}-{month:02d}", "month"
    match = RELATIVE.search(text)
    if match is None:
        return None, None
    if published is None:
        return None, "relative"
    word = match.group("word").lower()
    offsets = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    if word in offsets:
        return (published + dt.timedelta(days=offsets[word])).isoformat(), "relative"
    target = WEEKDAYS[word]
    # A scheduled event's weekday is the next one; a past event's the last one.
    ahead = (target - published.weekday()) % 7
    delta = ahead if future else -((published.weekday() - target) % 7)
    return (published + dt.timedelta(days=delta)).isoformat(), "relative"
