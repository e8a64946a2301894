"""Text clean-up that changes spacing and encoding, never a word.

Scraped news carries three kinds of damage this module repairs:
- mojibake (UTF-8 read as Windows-1252 and the like), fixed by ftfy;
- Unicode that is not in NFC form;
- spacing artifacts left by HTML-to-text conversion: a quotation mark glued to the word before it
  (``said"yes"``), a sentence glued to the previous one (``ended."Next``), a drop-cap letter split
  from the rest of its word at the start of a paragraph (``T rump``), runs of spaces, stray
  carriage returns.

The repairs only insert or remove whitespace, so the sequence of non-space characters is unchanged;
the tests check exactly that on the seed articles.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

_STRAIGHT = '"'
# Characters after which an opening quotation mark needs no space: start of text, space, brackets, dashes.
_OPENERS_OK = set(" \t\n([{–—-/'‘“")
_CLOSE_FOLLOW_OK = set(" \t\n)]},.;:!?–—-/'’”…")

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_BLANK_LINES = re.compile(r"\n{3,}")
# A curly opening mark glued to the word before it, a curly closing mark glued to the word after it.
_CURLY_OPEN_GLUED = re.compile(r"(?<=[\w.,;:!?])(“)")
_CURLY_CLOSE_GLUED = re.compile(r"(”)(?=\w)")
# A sentence glued to the one before: two lowercase letters, end punctuation, then a capitalised word.
# Two lowercase letters keep abbreviations ("U.S.") and initials ("D.C.") out.
_GLUED_SENTENCE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
# A drop cap split from its word at the start of a paragraph ("T rump"): one capital other than the
# one-letter words A, I and O, a space, then a lowercase continuation.
_DROP_CAP = re.compile(r"(?m)^([B-HJ-NP-Z]) (?=[a-z]{2})")
# A whitespace-delimited token holding a URL or e-mail marker. The lookbehind lets a match start only
# where a token starts: without it every position inside a long token without a marker restarts the
# scan to the token's end, which is quadratic (a base64 image in Markdown took seconds per 50 KB).
_URLISH = re.compile(r"(?<!\S)\S*(?:://|www\.|@|\.[a-z]{2,6}/)\S*")


def _repair_straight_quotes(paragraph: str) -> str:
    """Insert the missing space on the outer side of straight double quotes.

    Each quote is classed by its neighbours: opening-shaped (space before, text after),
    closing-shaped (text before, space or punctuation after), or glued (text on both sides).
    A glued quote opens a quotation when a closing-shaped quote follows it or none is open;
    otherwise it closes the open one. Quotes that are not glued are left alone.
    """
    positions = [i for i, ch in enumerate(paragraph) if ch == _STRAIGHT]
    if not positions:
        return paragraph
    shapes: list[str] = []
    for i in positions:
        before = paragraph[i - 1] if i > 0 else " "
        after = paragraph[i + 1] if i + 1 < len(paragraph) else " "
        space_before = before in _OPENERS_OK
        ok_after = after in _CLOSE_FOLLOW_OK
        if space_before and not after.isspace():
            shapes.append("open")
        elif ok_after and not before.isspace():
            shapes.append("close")
        elif not space_before and not ok_after:
            shapes.append("glued")
        else:
            shapes.append("stray")
    inserts: dict[int, str] = {}  # index -> "before" | "after"
    depth = 0
    for k, (i, shape) in enumerate(zip(positions, shapes, strict=True)):
        if shape == "open":
            depth += 1
        elif shape == "close":
            depth = max(depth - 1, 0)
        elif shape == "glued":
            following = shapes[k + 1] if k + 1 < len(shapes) else None
            if following == "close" or depth == 0:
                inserts[i] = "before"
                depth += 1
            else:
                inserts[i] = "after"
                depth -= 1
    if not inserts:
        return paragraph
    out: list[str] = []
    for i, ch in enumerate(paragraph):
        where = inserts.get(i)
        if where == "before":
            out.append(" ")
            out.append(ch)
        elif where == "after":
            out.append(ch)
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def _protect_urls(text: str, fix: re.Pattern[str], repl: str) -> str:
    """Apply ``fix`` everywhere except inside URL-like tokens."""
    if "/" not in text and "@" not in text and "www." not in text:
        return fix.sub(repl, text)
    pieces: list[str] = []
    last = 0
    for match in _URLISH.finditer(text):
        pieces.append(fix.sub(repl, text[last : match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(fix.sub(repl, text[last:]))
    return "".join(pieces)


def _fix_encoding(text: str) -> str:
    fixed: str = ftfy.fix_text(
        text,
        uncurl_quotes=False,
        fix_line_breaks=True,
        normalization="NFC",
        fix_character_width=False,
        explain=False,
    )
    return fixed


def normalize_text(text: str) -> str:
    """Clean text for storage: mojibake fixed, NFC, spacing artifacts repaired, words untouched."""
    # Mojibake and HTML entities need a non-ASCII byte or an ampersand; skipping ftfy otherwise saves time.
    if not text.isascii() or "&" in text:
        text = _fix_encoding(text)
    text = unicodedata.normalize("NFC", text)
    text = _ZERO_WIDTH.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    # Whole-text passes: none of these patterns crosses a line break.
    text = _SPACES.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]
    if _STRAIGHT in text:
        lines = [_repair_straight_quotes(line) if _STRAIGHT in line else line for line in lines]
    text = "\n".join(lines).strip("\n")
    text = _BLANK_LINES.sub("\n\n", text)
    if "“" in text or "”" in text:
        text = _CURLY_OPEN_GLUED.sub(r" \1", text)
        text = _CURLY_CLOSE_GLUED.sub(r"\1 ", text)
    text = _protect_urls(text, _GLUED_SENTENCE, " ")
    return _DROP_CAP.sub(r"\1", text)


_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")


def words(text: str) -> list[str]:
    """Word tokens: letters and digits, keeping inner apostrophes and hyphens."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return len(words(text))


_HEADLINE_END = re.compile(r"[.;,]$")


def looks_like_headline(line: str, rest: str) -> bool:
    """A first line reads as a headline when it is short, unpunctuated at the end, and text follows.

    Headlines in news copy end without a full stop (or with ? or !), start with a capital or digit,
    and run to at most about twenty words.
    """
    line = line.strip()
    if not line or not rest.strip():
        return False
    n = len(words(line))
    if n == 0 or n > 20 or len(line) > 200:
        return False
    if _HEADLINE_END.search(line) or line.endswith(":"):
        return False
    first = line.lstrip("#*“\"'‘ ")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def split_headline(text: str) -> tuple[str | None, str]:
    """Return (title, body) when the first line looks like a headline, else (None, text).

    Markdown heading marks (``# Title``) are dropped from the title.
    """
    first, _, rest = text.partition("\n")
    if looks_like_headline(first, rest):
        title = first.strip().lstrip("#").strip().strip("*").strip()
        return (title or None), rest.lstrip("\n")
    return None, text
