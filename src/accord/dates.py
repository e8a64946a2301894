"""English month names shared by every stage that reads dates out of text.

Ingest reads publication dates and extraction resolves dates stated in sentences; both must agree on
which spellings name a month, so the table lives here rather than in either stage.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
"""Lower-case month name or abbreviation -> month number (1-12)."""

# Longest first, so a regex alternation takes "september" before "sep" and "sept".
MONTH_ALTERNATION = "|".join(sorted(MONTHS, key=len, reverse=True))
"""Every month spelling as a regex alternation (no group, no flags); match it case-insensitively."""
