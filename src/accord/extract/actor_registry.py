"""The actor registry: canonical names of countries, organisations, groups and people, with their variants.

``load_registry()`` reads the shipped ``accord/data/actors.yaml`` and, when given, a user's file merged over
it (same canonical name: the user's fields replace the shipped ones, except the name lists, which are joined).

``ActorRegistry.link(surface)`` maps a mention to an entry, trying in order:

1. the exact surface form among every name, alias and metonym;
2. the normalized form (case, diacritics, dots, possessive 's and a leading "the" folded away);
3. the normalized form with leading honorifics and titles stripped ("Mr.", "Foreign Minister",
   "Turkish President");
4. a surname alone ("Zelenskiy", "Mr. Lavrov") when exactly one person carries it;
5. a tolerant fuzzy match on a shortlist, for misspelt or machine-spun names: for people, a close surname
   (one edit, two letters swapped counting as one: "Zelenksy") plus a compatible first name; for
   multi-word organisation names, the same words in the same order with at most one word substituted or
   misspelt.

Demonyms ("Russian") link only when the caller says the mention is a nationality (spaCy's NORP) or gives no
label. The spaCy label also limits which kinds fuzzy matching may return.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, NamedTuple

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from accord.errors import AccordError, Errors
from accord.extract.folding import fold_name

Kind = Literal["country", "organization", "group", "person"]

# Which kinds a spaCy entity label may stand for. PERSON is strict; organisations are often tagged GPE
# ("EU") and government bodies ORG ("Kremlin"), so those labels allow both.
LABEL_KINDS: dict[str, frozenset[str]] = {
    "PERSON": frozenset({"person"}),
    "ORG": frozenset({"organization", "group", "country"}),
    "GPE": frozenset({"country", "organization"}),
    "LOC": frozenset({"country"}),
    "NORP": frozenset({"country", "group", "organization"}),
    "FAC": frozenset({"country", "organization"}),
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles and honorifics that may precede a name. Stripped only as a fallback, so "State Department"
# still matches its own alias before "state" could be taken for a title.
_TITLE_WORDS = _words(
    """
    mr mrs ms miss dr prof professor sir dame lord lady madam mister herr monsieur
    president vice prime minister ministers foreign defence defense secretary secretaries state
    deputy first chancellor premier general gen lt lieutenant col colonel major admiral adm marshal
    commander chief army air force navy sen senator rep representative congressman congresswoman
    ambassador envoy special spokesman spokeswoman spokesperson press aide adviser advisor
    chairman chairwoman chair head leader king queen emir crown prince sheikh sheik pope cardinal
    high commissioner governor mayor speaker director national security of the for affairs
    us u s american russian ukrainian turkish german french british polish hungarian italian chinese
    saudi belarusian qatari emirati canadian norwegian swedish finnish dutch european nato un
    former then acting current incoming outgoing new
    """
)

_POSSESSIVE = re.compile(r"'s\b|'\B")


def normalize(text: str) -> str:
    """The form aliases are indexed by: folded, without possessive 's, quotes, or a leading "the"."""
    text = fold_name(text)
    text = _POSSESSIVE.sub("", text).replace("'", "")
    words = text.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def strip_titles(normalized: str) -> str:
    """Leading title words removed ("foreign minister sergei lavrov" -> "sergei lavrov"); never to nothing."""
    words = normalized.split()
    while len(words) > 1 and words[0] in _TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


class Role(BaseModel):
    """An office held: ``title`` of ``of`` (a canonical actor name), between two dates (open when None)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
    of: str
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class ActorEntry(BaseModel):
    """One actor with every name it goes by.

    ``aliases`` are other names for the actor itself; ``metonyms`` are places or bodies standing for it
    ("Kremlin", "Moscow"), which a caller may want to keep as places when used as locations, and of those
    ``capitals`` are the country's capital city as news spells it (a city, whatever a tagger calls it
    in "the Minsk agreements"); ``demonyms``
    ("Russian") link only for nationality mentions. ``media`` marks news outlets and data sources, which
    the annotation rules exclude from actors.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    kind: Kind
    wikidata: str | None = Field(default=None, pattern=r"^Q[1-9][0-9]*$")
    aliases: list[str] = Field(default_factory=list)
    metonyms: list[str] = Field(default_factory=list)
    capitals: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    country: str | None = None
    media: bool = False
    # "Xi Jinping", "Kim Jong Un": the family name comes first, and is what a later mention uses alone ("Xi")
    family_name_first: bool = False
    roles: list[Role] = Field(default_factory=list)

    @model_validator(mode="after")
    def _capitals_stand_for_the_country(self) -> ActorEntry:
        missing = [city for city in self.capitals if city not in self.metonyms]
        if missing:
            raise ValueError(f"capitals {missing} must be metonyms too: they stand for the country")
        return self

    def names(self) -> list[str]:
        """The canonical name, aliases and metonyms (not demonyms)."""
        return [self.name, *self.aliases, *self.metonyms]

    def names_capital(self, surface: str) -> bool:
        """Does ``surface`` name this country's capital ("Minsk", "Kiev"), a city however it is tagged?"""
        return fold_name(surface) in {fold_name(city) for city in self.capitals}

    def surname(self, words: Sequence[str]) -> str:
        """The word of one of its names that a later mention uses alone: the last ("Zelensky"), or the first
        for a name written family name first ("Xi")."""
        return words[0] if self.family_name_first else words[-1]


class RegistryFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = 1
    actors: list[ActorEntry]


class Pattern(NamedTuple):
    """A name to look for in text and what it stands for (input for a spaCy PhraseMatcher)."""

    alias: str
    name: str
    kind: str


# Equivalent role titles across governments: asking for one finds any of them.
_TITLE_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"foreign minister", "secretary of state", "foreign secretary", "minister of foreign affairs"}),
    frozenset(
        {
            "defence minister",
            "defense minister",
            "defence secretary",
            "defense secretary",
            "secretary of defense",
            "secretary of war",
            "armed forces minister",
            "minister of defence",
        }
    ),
    frozenset({"prime minister", "premier", "head of government"}),
    frozenset({"president", "head of state"}),
    frozenset({"spokesperson", "spokesman", "spokeswoman", "press secretary"}),
    frozenset({"secretary-general", "secretary general"}),
    frozenset({"national security adviser", "national security advisor"}),
)


def _title_family(title: str) -> frozenset[str]:
    key = " ".join(title.casefold().replace("_", " ").split())
    for family in _TITLE_FAMILIES:
        if key in family:
            return family
    return frozenset({key})


class _Candidate(NamedTuple):
    words: tuple[str, ...]
    entry_index: int


class ActorRegistry:
    """Entries plus the lookup tables built from them once, so that linking is a few dict look-ups."""

    def __init__(self, entries: Iterable[ActorEntry]) -> None:
        self.entries: list[ActorEntry] = list(entries)
        self._by_name: dict[str, ActorEntry] = {}
        self._exact: dict[str, int] = {}
        self._normalized: dict[str, int] = {}
        self._demonyms: dict[str, int] = {}
        surnames: dict[str, set[int]] = defaultdict(set)
        self._fuzzy_keys: list[str] = []
        self._fuzzy_owner: list[int] = []
        for index, entry in enumerate(self.entries):
            self._by_name[normalize(entry.name)] = entry
            for name in entry.names():
                self._exact[name] = index
                key = normalize(name)
                self._normalized[key] = index
                self._fuzzy_keys.append(key)
                self._fuzzy_owner.append(index)
                words = key.split()
                if entry.kind == "person" and len(words) > 1 and name in (entry.name, *entry.aliases):
                    surnames[entry.surname(words)].add(index)
            for demonym in entry.demonyms:
                self._demonyms[normalize(demonym)] = index
        # A surname shared by two people links to neither: guessing would be worse than leaving it.
        self._surnames = {word: next(iter(owners)) for word, owners in surnames.items() if len(owners) == 1}
        self._ambiguous_surnames = {word for word, owners in surnames.items() if len(owners) > 1}
        self._surname_keys = list(self._surnames)
        by_surname: dict[str, list[int]] = defaultdict(list)
        for position, (key, owner) in enumerate(zip(self._fuzzy_keys, self._fuzzy_owner, strict=True)):
            if self.entries[owner].kind == "person" and len(key.split()) > 1:
                by_surname[key.split()[-1]].append(position)
        self._by_surname = dict(by_surname)
        self._surname_words = list(self._by_surname)
        word_entries: dict[str, set[int]] = defaultdict(set)
        for key, owner in zip(self._fuzzy_keys, self._fuzzy_owner, strict=True):
            for word in key.split():
                word_entries[word].add(owner)
        self._word_entries = {word: frozenset(owners) for word, owners in word_entries.items()}

    # -- lookup ------------------------------------------------------------------------------------

    def get(self, name: str) -> ActorEntry | None:
        """The entry whose canonical name is ``name`` (case and diacritics ignored)."""
        return self._by_name.get(normalize(name))

    def link(self, surface: str, *, label: str | None = None) -> ActorEntry | None:
        """The entry a mention refers to, or None when nothing fits well enough."""
        allowed = LABEL_KINDS.get(label) if label else None
        index = self._exact.get(surface.strip())
        if index is not None:
            return self.entries[index]
        key = normalize(surface)
        if not key:
            return None
        index = self._normalized.get(key)
        if index is not None:
            return self.entries[index]
        if label in (None, "NORP"):
            index = self._demonyms.get(key)
            if index is not None:
                return self.entries[index]
        stripped = strip_titles(key)
        if stripped != key:
            index = self._normalized.get(stripped)
            if index is not None:
                return self.entries[index]
        person_ok = allowed is None or "person" in allowed
        words = [w for w in stripped.split() if len(w) > 1]  # initials ("Todd D. Walters") carry little
        if person_ok and len(words) == 1:
            index = self._surnames.get(words[0])
            if index is not None:
                return self.entries[index]
        return self._fuzzy(" ".join(words) or stripped, allowed)

    def _fuzzy(self, key: str, allowed: frozenset[str] | None) -> ActorEntry | None:
        words = key.split()
        if not words or len(key) < 4:
            return None
        person_ok = allowed is None or "person" in allowed
        # Shortlist: names alike as a whole, plus (for people) names whose surname is one typo away.
        shortlist = {
            position: score
            for _, score, position in process.extract(
                key, self._fuzzy_keys, scorer=fuzz.ratio, limit=10, score_cutoff=60.0
            )
        }
        if person_ok and len(words) > 1:
            for surname, _, _ in process.extract(
                words[-1], self._surname_words, scorer=OSA.distance, limit=5, score_cutoff=1
            ):
                for position in self._by_surname[surname]:
                    shortlist.setdefault(position, fuzz.ratio(key, self._fuzzy_keys[position]))
        best: tuple[float, int] | None = None
        for position, score in shortlist.items():
            index = self._fuzzy_owner[position]
            entry = self.entries[index]
            if allowed is not None and entry.kind not in allowed:
                continue
            alias_words = self._fuzzy_keys[position].split()
            if entry.kind == "person":
                ok = _person_match(words, alias_words)
            else:
                ok = self._name_match(words, alias_words, index)
            if ok and (best is None or score > best[0]):
                best = (score, index)
        if best is None and len(words) == 1 and person_ok:
            return self._fuzzy_surname(words[0])
        return self.entries[best[1]] if best else None

    def _fuzzy_surname(self, word: str) -> ActorEntry | None:
        # A lone surname one typo away from exactly one registered surname, long enough to be telling.
        if len(word) < 6 or word in self._ambiguous_surnames:
            return None
        hits = {
            self._surnames[surname]
            for surname in self._surname_keys
            if abs(len(surname) - len(word)) <= 1 and OSA.distance(word, surname, score_cutoff=1) <= 1
        }
        return self.entries[hits.pop()] if len(hits) == 1 else None

    def _name_match(self, words: list[str], alias_words: list[str], index: int) -> bool:
        """Same words in the same order, at most one substituted or misspelt, the rest telling."""
        if len(words) != len(alias_words):
            return False
        if len(words) == 1:
            return len(words[0]) >= 5 and _close_word(words[0], alias_words[0], strict=True)
        differing = [
            i for i, (a, b) in enumerate(zip(words, alias_words, strict=True)) if not _close_word(a, b)
        ]
        if len(differing) > 1:
            return False
        if not differing:
            return True
        (position,) = differing
        if words[position] in _CONTRASTIVE_WORDS or alias_words[position] in _CONTRASTIVE_WORDS:
            return False  # "South Korea" is not a misspelt "North Korea"
        if any(
            word != alias_word
            for i, (word, alias_word) in enumerate(zip(words, alias_words, strict=True))
            if i != position
        ):
            return False  # a swapped word and a typo together is too far ("Mark Warner", "PMC Wagner")
        swapped = words[position]
        owners = self._word_entries.get(swapped, frozenset({index}))
        if swapped not in _GENERIC_WORDS and index not in owners:
            return False  # the swapped-in word names another actor ("Kremlin Palace" is not the Elysee)
        kept = [word for i, word in enumerate(alias_words) if i != position and word not in _GENERIC_WORDS]
        if len(words) == 2:
            # Only the modifier may be swapped ("Fact Social"), and the head word left must name this
            # entry alone and not be a generic word like "group".
            head = alias_words[1]
            return (
                position == 0
                and head not in _GENERIC_WORDS
                and self._word_entries.get(head, frozenset()) == {index}
            )
        # What is left must still say which actor this is: two telling words, or one naming it alone.
        return len(kept) >= 2 or any(self._word_entries.get(word) == frozenset({index}) for word in kept)

    def by_role(self, title: str, of: str, on: dt.date | None = None) -> ActorEntry | None:
        """Who held ``title`` of ``of`` on day ``on`` (today's holder when ``on`` is None)."""
        family = _title_family(title)
        holder = self.link(of)
        of_key = normalize(holder.name if holder else of)
        best: tuple[dt.date, ActorEntry] | None = None
        for entry in self.entries:
            for role in entry.roles:
                if _title_family(role.title) != family or normalize(role.of) != of_key:
                    continue
                current = role.holds_on(on) if on is not None else role.end is None
                if not current:
                    continue
                # On a hand-over day both hold the office; the newcomer is the likelier referent.
                started = role.start or dt.date.min
                if best is None or started > best[0]:
                    best = (started, entry)
        return best[1] if best else None

    def patterns(self, *, include_demonyms: bool = False) -> list[Pattern]:
        """Every name to match in text, with the canonical name and kind it stands for."""
        found: list[Pattern] = []
        for entry in self.entries:
            names = entry.names() + (entry.demonyms if include_demonyms else [])
            seen: set[str] = set()
            for alias in names:
                if alias not in seen:
                    seen.add(alias)
                    found.append(Pattern(alias, entry.name, entry.kind))
        return found

    def __len__(self) -> int:
        return len(self.entries)


_GENERIC_WORDS = _words(
    """
    group party council union ministry committee republic state states national people peoples force
    forces army front agency office department organization organisation alliance federation
    international european world united new democratic republican palace house hall square street
    building tower court bank city mission service of the for and in on to
    """
)


_CONTRASTIVE_WORDS = _words(
    """
    north south east west northern southern eastern western central upper lower old new great little
    first second third former
    """
)


def _close_word(a: str, b: str, *, strict: bool = False) -> bool:
    """Two words equal up to a typo: one edit, two for long words (spelling variants like defence/defense)."""
    if a == b:
        return True
    shortest = min(len(a), len(b))
    if shortest < 4:
        return False
    allowed = 1 if strict or shortest < 7 else 2
    return OSA.distance(a, b, score_cutoff=allowed) <= allowed


def _person_match(words: list[str], alias_words: list[str]) -> bool:
    """Close surnames and, when both sides give one, compatible first names."""
    if len(alias_words) < 2:
        return False
    surname, alias_surname = words[-1], alias_words[-1]
    # A name of three words or more whose other words are the same bears a surname two letters off
    # ("Ursula von der Laien" in a machine-made copy).
    spelled_out = (
        len(words) >= 3
        and words[:-1] == alias_words[:-1]
        and min(len(surname), len(alias_surname)) >= 5
        and OSA.distance(surname, alias_surname, score_cutoff=2) <= 2
    )
    if len(surname) < 4 or not (spelled_out or _close_word(surname, alias_surname, strict=True)):
        return False
    if len(words) == 1:
        return False  # a lone surname is handled by the surname table, with its uniqueness check
    first, alias_first = words[0], alias_words[0]
    if first == alias_first or (len(first) == 1 and alias_first.startswith(first)):
        return True
    # Transliterations differ by a letter or two (Todd/Tod, Dmitry/Dmytro, Volodimir/Volodymyr); the
    # German and Polish "j" of Slavic names is the English "y" (Jurij/Yuriy, Sergej/Sergey, Andrij/Andriy).
    first, alias_first = first.replace("j", "y"), alias_first.replace("j", "y")
    shortest = min(len(first), len(alias_first))
    allowed = 2 if shortest >= 6 else 1 if shortest >= 3 else 0
    return OSA.distance(first, alias_first, score_cutoff=allowed) <= allowed


# -- loading -----------------------------------------------------------------------------------------


def shipped_registry_path() -> Path:
    return Path(str(resources.files("accord") / "data" / "actors.yaml"))


def read_registry_file(path: Path) -> list[ActorEntry]:
    """The entries of one registry YAML file; any problem is an A304 naming the file."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise AccordError(Errors.A304, path=path, reason=exc.strerror or str(exc)) from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise AccordError(Errors.A304, path=path, reason=str(exc)) from exc
    if isinstance(raw, list):
        raw = {"actors": raw}
    if not isinstance(raw, dict):
        raise AccordError(Errors.A304, path=path, reason="expected a mapping with an 'actors' list")
    try:
        parsed = RegistryFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _describe_location(raw, first["loc"])
        raise AccordError(Errors.A304, path=path, reason=f"{where}: {first['msg']}") from exc
    seen: set[str] = set()
    for entry in parsed.actors:
        key = normalize(entry.name)
        if key in seen:
            raise AccordError(Errors.A304, path=path, reason=f"actor '{entry.name}' is listed twice")
        seen.add(key)
    return parsed.actors


def _describe_location(raw: dict[str, Any], loc: tuple[int | str, ...]) -> str:
    parts = [str(p) for p in loc]
    if len(loc) >= 2 and loc[0] == "actors" and isinstance(loc[1], int):
        actors = raw.get("actors")
        item = actors[loc[1]] if isinstance(actors, list) and loc[1] < len(actors) else None
        name = item.get("name") if isinstance(item, dict) else None
        label = f"actor {loc[1] + 1}" + (f" ('{name}')" if name else "")
        return " ".join([label, *parts[2:]]) if len(parts) > 2 else label
    return ".".join(parts) or "file"


def merge_entries(base: list[ActorEntry], extra: list[ActorEntry]) -> list[ActorEntry]:
    """``extra`` over ``base``: a known name gets the new fields and joined name lists; others are added."""
    merged = {normalize(entry.name): entry for entry in base}
    for entry in extra:
        key = normalize(entry.name)
        old = merged.get(key)
        if old is None:
            merged[key] = entry
            continue
        given = entry.model_dump(exclude_unset=True)
        for field in ("aliases", "metonyms", "capitals", "demonyms"):
            if field in given:
                given[field] = list(dict.fromkeys([*getattr(old, field), *given[field]]))
        merged[key] = ActorEntry.model_validate({**old.model_dump(), **given})
    return list(merged.values())


@lru_cache(maxsize=1)
def _shipped() -> tuple[ActorEntry, ...]:
    return tuple(read_registry_file(shipped_registry_path()))


def load_registry(extra: Path | None = None) -> ActorRegistry:
    """The shipped registry, with ``extra`` (``--actors FILE`` or setting ``actors``) merged over it."""
    entries = list(_shipped())
    if extra is not None:
        entries = merge_entries(entries, read_registry_file(Path(extra)))
    return ActorRegistry(entries)
