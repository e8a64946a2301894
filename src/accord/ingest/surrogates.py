"""Strings that cannot be encoded as UTF-8: file names with undecodable bytes, JSON lone surrogates.

Python hands over a file name that is not valid UTF-8 with each bad byte as a surrogate escape
(``b"a-\\xff.txt"`` becomes ``"a-\\udcff.txt"``), and ``json.loads`` turns ``"\\ud83d"`` into a lone
surrogate. Neither can be hashed, stored or printed as UTF-8. A name is kept losslessly with each
undecodable byte written ``\\xNN``; article content holding a lone surrogate is refused.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any


def has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def display_name(name: str) -> str:
    """``name`` made encodable: undecodable file-name bytes as ``\\xNN``, other surrogates as ``\\uXXXX``."""
    if not has_surrogate(name):
        return name
    try:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that is no byte escape
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def first_surrogate(value: Any) -> tuple[str, str] | None:
    """(where, character) of the first lone surrogate in a string or a JSON-like value, else None.

    ``where`` is a path such as ``id`` or ``tags[2]``; the walk is iterative, so any nesting that
    ``json.loads`` accepted is fine.
    """
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            if has_surrogate(item):
                bad = next(c for c in item if 0xD800 <= ord(c) <= 0xDFFF)
                return path or "(value)", f"\\u{ord(bad):04x}"
        elif isinstance(item, Mapping):
            for key, inner in reversed(list(item.items())):
                name = display_name(str(key))
                where = f"{path}.{name}" if path else name
                stack.append((where, inner))
                stack.append((f"{where} (key)", key))
        elif isinstance(item, list | tuple):
            stack.extend((f"{path}[{n}]", inner) for n, inner in reversed(list(enumerate(item))))
    return None


def article_surrogate(fields: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first lone surrogate among an article's fields (a mapping of field name to value)."""
    for name, value in fields.items():
        found = first_surrogate(value)
        if found:
            where, char = found
            return (name if where == "(value)" else f"{name}.{where}"), char
    return None


# Characters that a terminal acts on instead of showing: C0/C1 controls (ESC starts an escape sequence),
# DEL, line and paragraph separators, and the bidirectional overrides and isolates that reorder a line.
_CONTROLS = [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_UNPRINTABLE = {code: repr(chr(code))[1:-1] for code in _CONTROLS}


def printable(text: str) -> str:
    """``text`` safe to print on one terminal line: control characters written repr-style (``\\x1b``).

    For error and notice lines only; stored source ids keep the name as it is.
    """
    return display_name(text).translate(_UNPRINTABLE)
