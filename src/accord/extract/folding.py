"""Folding text for comparison. Two forms, on purpose, the second built on the first:

- :func:`fold` folds case and diacritics only ("Zelenskyy’s" -> "zelenskyy’s", "U.S." -> "u.s."). The
  extraction components compare single tokens and lexicon words with it, where punctuation is part of what
  they look at (a trailing dot of an honorific, a quotation mark at a quote's edge).
- :func:`fold_name` also folds letters NFKD does not decompose (ł, ø, ß...), apostrophes, and punctuation:
  dots vanish ("U.S." -> "us") and other punctuation splits words. The actor registry keys its aliases by
  it, and names from different writers (the registry, the gold files, two reports of one event) are
  compared by it.
"""

from __future__ import annotations

import re
import unicodedata

_SPECIAL_LETTERS = str.maketrans(
    {"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ß": "ss", "đ": "d", "Đ": "d", "ı": "i"}
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_NON_WORD = re.compile(r"[^\w']+")


def fold(text: str) -> str:
    """Lower case without diacritics; punctuation and spacing kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fold_name(text: str) -> str:
    """A name folded for comparison: :func:`fold` of the name with special letters spelled out and every
    apostrophe made ', then case-folded (ß, ﬁ), dots dropped and other punctuation turned to single spaces."""
    # Spelled out after decomposing too: "ǣ" decomposes to "æ", which must then become "ae" as "æ" does.
    text = fold(text.translate(_SPECIAL_LETTERS)).translate(_SPECIAL_LETTERS)
    text = text.translate(_APOSTROPHES).casefold()
    # Dots vanish rather than split ("U.S." -> "us"), hyphens and other punctuation split words.
    text = text.replace(".", "")
    return " ".join(_NON_WORD.sub(" ", text).split())
