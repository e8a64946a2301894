"""Scenario ids made from display names, one rule for the builder and the importers."""

from __future__ import annotations

import re


def slug(name: str, empty: str = "x") -> str:
    """A stable id from a display name: case-folded, every run of other characters than a-z and 0-9 one
    underscore ("Straße" -> "strasse", "E.U. (27)" -> "e_u_27"); ``empty`` when nothing is left."""
    return re.sub(r"[^0-9a-z]+", "_", name.casefold()).strip("_") or empty
