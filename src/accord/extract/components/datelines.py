"""The dateline that opens a wire story ("MOSCOW (AP) —", "ISTANBUL, June 2. /TASS/."): where the story was
filed, which places a statement made there, and a line of its own that the parser must not read as the
first words of the story's first sentence ("MINSK, Belarus (Reuters) -- Poroshenko said" is not Minsk
saying anything)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from accord.dates import MONTH_ALTERNATION, MONTHS
from accord.extract.components.common import load_lexicon

_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][^\W\d_]+(?:[ -][A-ZÀ-Þ][^\W\d_]+){0,2})"
    # "Antalya [Turkey]", "Bürgenstock, Switzerland:", "MINSK, Belarus (Reuters)"
    r"(?:\s*\[[^\]\n]{1,30}\]|,\s*[A-ZÀ-Þ][^\W\d_]+(?=:|\s*\((?:[A-Z]|[a-z]{2,4}/))"
    # "MINSK, Belarus —", "WILMINGTON, Del. --", "GOMEL REGION, Belarus, 28 February 2022 —": a place in
    # capitals, its country or state, and the date
    r"|(?<=[A-ZÀ-Þ]{2}),\s*[A-ZÀ-Þ][^\W\d_]+\.?(?=\s*(?:—|–|--|-)\s|,\s*\d{1,2}\s|,\s*[A-Z][a-z]+\.?\s+\d))?"
    # "November 24", "24 November", either with its year ("5 January 2023", "Nov. 24, 2022")
    r"(?P<date>,\s*(?:(?i:" + MONTH_ALTERNATION + r")\.?\s+\d{1,2}|\d{1,2}\s+(?i:" + MONTH_ALTERNATION + r"))"
    r"(?:,?\s+\d{4})?\.?)?"
    # "(Reuters)", "(dpa/MIA)", "(dpa-AFX)" (a lower-case agency only before a slash or hyphen:
    # "Trump (left) met" is none), "/TASS/." or "/ TASS /.", and after a city in capitals a longer
    # credit ("BERLIN (UrduPoint News / Sputnik - 12th September, 2020)")
    r",?\s*(?P<agency>\((?:[A-Z][\w.&-]*|[a-z]{2,4}(?=[/-][A-Z]))(?:[ ,/-]+[A-Z][\w.&-]*){0,3}\)"
    r"|(?P<credit>\([A-Z][\w.&/ ,-]{1,60}\))"
    r"|/\s?[A-Z][^/\n]{1,30}/\.?)?"
    r"\s*(?P<mark>—|–|--|-|:)?",
)


@dataclass(frozen=True)
class Dateline:
    place: str  # as news writes it: "Moscow" for "MOSCOW"
    end: int  # the offset where the story's own first sentence begins


@functools.cache
def _not_datelines() -> frozenset[str]:
    """First words of an opening line that is no dateline (lexicons/events.yaml ``not_datelines``)."""
    return frozenset(str(w).lower() for w in load_lexicon("events")["words"]["not_datelines"])


@functools.cache
def _capitals() -> frozenset[str]:
    """Capital cities (lexicons/events.yaml ``capitals``): a capital in ordinary case opens a dateline too
    ("London: British Prime Minister ...", "Vilnius – Ukraine's president said"), where a country would not
    ("Russia: the war goes on")."""
    return frozenset(str(city).lower() for city in load_lexicon("events")["words"]["capitals"].values())


_HEADING_LINES = 3  # headline, byline, a line of credit
_HEADING_WORDS = 20  # a longer line without a final stop is a sentence hard-wrapped
_BARE_NAME = re.compile(r"^[^\W\d_][^,(\[/\n]*:$")
_SENTENCE_ENDS = frozenset(".!?\"”’'")


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening ``text``: "MOSCOW (AP) —", "Geneva, November 24 (Xinhua) —", "ISTANBUL, June 2.
    /TASS/.", "Antalya [Turkey], March 10 (ANI):", "Bürgenstock, Switzerland:"; None when there is none.
    A page's headline and byline may stand above it, each a short line that ends no sentence."""
    offset = 0
    for _ in range(_HEADING_LINES + 1):
        dateline = _opening_dateline(text[offset:])
        # below a heading, a bare "CHILCOTE:" is an interview's speaker, not a place
        bare = dateline is not None and _BARE_NAME.match(text[offset : offset + dateline.end].rstrip())
        if dateline is not None and not (offset > 0 and bare):
            return Dateline(dateline.place, dateline.end + offset)
        line_end = text.find("\n", offset)
        line = text[offset:line_end].strip()
        if line_end < 0 or not line or line[-1] in _SENTENCE_ENDS or len(line.split()) > _HEADING_WORDS:
            return None  # the story has begun, or a wrapped sentence goes on
        offset = line_end + len(text[line_end:]) - len(text[line_end:].lstrip())
    return None


def _opening_dateline(text: str) -> Dateline | None:
    match = _DATELINE.match(text)
    if match is None:
        return None
    place = match.group("place").strip()
    shouting = place.isupper() and len(place) > 2
    dated = match.group("date") is not None
    agency = match.group("agency") is not None
    if match.group("credit") is not None and not shouting:
        return None  # "Kyiv (Ukrainska Pravda, 12 May) reported": a long credit follows a city in capitals
    mark = match.group("mark")
    if not (
        agency
        or (dated and mark)
        or (mark == ":" and (shouting or text[match.end() :].startswith("\n")))
        or (shouting and mark not in {None, ":"})  # "MOSCOW — The Kremlin dismissed ..." (AP's, agency cut)
        or (mark is not None and place.lower() in _capitals())  # "London: British Prime Minister ..."
    ):
        return None
    if len(place.split()) > 3 or place.lower().split()[0] in _not_datelines() or place.lower() in MONTHS:
        return None
    end = match.end() + len(text[match.end() :]) - len(text[match.end() :].lstrip())
    return Dateline(place.title() if shouting else place, end)
