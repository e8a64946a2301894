"""An outlet's name without the section a feed appends to it: "Sample Wire — Ukraine talks" is Sample Wire.

Feeds and scrapers often name the outlet together with a section or topic page. Counted apart, one
outlet would look like several (and a near-duplicate cluster across its sections like several outlets),
so every count of outlets, in the report and the dashboard, counts :func:`outlet_name`.
"""

from __future__ import annotations

import re

# A section suffix follows a spaced dash (em, en or hyphen), a vertical bar or a colon-free separator.
_SECTION = re.compile(r"\s+(?:[—–|]|-{1,2})\s+.*$")


def outlet_name(name: str | None) -> str | None:
    """The outlet itself, without a trailing section ("Sample Wire — Ukraine talks" → "Sample Wire")."""
    if name is None:
        return None
    base = _SECTION.sub("", name.strip())
    return base or name.strip()
