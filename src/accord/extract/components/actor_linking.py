"""Actor mentions: registry aliases (PhraseMatcher), named entities linked to the registry, role
phrases ("the Russian foreign minister") resolved to a person, and surnames resolved to the full
name used earlier in the article. Each mention says whether the actor acts or speaks in the sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from rapidfuzz.distance import Levenshtein
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.training import Example

from accord.extract.components.common import (
    QUOTE_MARKS,
    dateline_word,
    entity_at,
    fold,
    guarded,
    items,
    load_lexicon,
    provenance,
    published_date,
)
from accord.extract.components.wordforms import all_forms

if not Token.has_extension("accord_referent"):
    # The actor mention a pronoun or a definite description ("he", "the Kremlin leader", "the ministry")
    # stands for; set by accord_actors (descriptions) and accord_quotes (pronouns).
    Token.set_extension("accord_referent", default=None)

HISTORY_YEAR = re.compile(r"(?<![\d-])(1[5-9]\d\d|20\d\d)(?![\d-])")
# Sets of entity and dependency labels are the parser's grammar, not words: they stay in code.
NOT_NAMES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LAW", "EVENT"}
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# Dependencies that make a mention the doer of its clause.
ACTING_DEPS = {"nsubj", "agent"}
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}


class Entry(Protocol):
    name: str
    kind: str
    wikidata: str | None
    aliases: list[str]


class Registry(Protocol):
    @property
    def entries(self) -> Sequence[Any]: ...

    def link(self, surface: str, *, label: str | None = None) -> Any | None: ...

    def by_role(self, title: str, of: str, on: dt.date | None = None) -> Any | None: ...


@dataclass(frozen=True)
class ActingWords:
    """The words of lexicons/actors.yaml that decide whether a mention acts (see the comments there)."""

    leader_nouns: frozenset[str]
    partitives: frozenset[str]
    agency_nouns: frozenset[str]
    authored: frozenset[str]  # the outlet's own interviews: their agents are its authors ("conducted by X")


def _article_surname(
    word: str, full_names: dict[str, tuple[str, Any | None]]
) -> tuple[str, Any | None] | None:
    """The full name used in the article for a lone surname, spelt as there or one letter off ("Zelenski"
    after "Volodymyr Zelensky": a copy's spelling varies within one story); None when none or two fit."""
    if word in full_names:
        return full_names[word]
    if len(word) < 5:
        return None
    close = [
        name
        for name in full_names
        if len(name) >= 5 and Levenshtein.distance(word, name, score_cutoff=1) <= 1
    ]
    return full_names[close[0]] if len(close) == 1 else None


def _acts(token: Token, words: ActingWords) -> bool:
    """Is the mention headed by ``token`` the subject (or a co-subject) of its clause, or named as taking
    part ("under the mediation of Türkiye")?"""
    if dateline_word(token):
        return False  # "MINSK, 12 February 2015 — The leaders ... agreed": where it was filed, not who acted
    seen = 0
    while seen < 6:
        seen += 1
        if token.dep_ in ACTING_DEPS:
            return True
        if token.dep_ == "pobj" and token.head.dep_ == "agent":
            # "The interview below was conducted by X": the article's own authors (guide), not actors
            return not any(
                c.dep_ == "nsubjpass" and c.lower_ in words.authored for c in token.head.head.children
            )
        if token.dep_ in {"conj", "appos"} and token.head != token:
            token = token.head
            continue
        # "the foreign ministers of Russia and Ukraine are expected to meet": the countries act through
        # their representatives.
        of_phrase = token.dep_ == "pobj" and token.head.lower_ == "of"
        if of_phrase and token.head.head.lower_ in words.agency_nouns:
            return True  # "under the mediation of Türkiye"
        if of_phrase and token.head.head.dep_ in ACTING_DEPS:
            holder = token.head.head
            # "the leaders of France and Germany met": the leaders act; their countries do not.
            leaders = words.leader_nouns
            if holder.lower_ in leaders or any(c.lower_ in leaders for c in holder.children):
                return False
            return holder.lower_ not in words.partitives
        return False
    return False


class ActorLinker:
    """Finds actor mentions and writes them to ``doc._.accord_mentions``."""

    def __init__(self, nlp: Language, name: str, lexicon: str = "actors") -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.tokenizer = nlp.tokenizer
        self.registry: Registry | None = None
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lexicon = lexicon
        self.initialized = False
        self._entries: list[Any] = []

    def initialize(
        self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Language | None = None
    ) -> None:
        """Read the lexicon named in the config (the registry comes with :meth:`set_registry`)."""
        lexicon = load_lexicon(self.lexicon)
        self.honorifics: set[str] = {fold(h) for h in lexicon["honorifics"]}
        self.personal_honorifics = frozenset(fold(h) for h in lexicon["personal_honorifics"])
        self.person_titles = frozenset(fold(h) for h in lexicon["person_titles"])
        self.demonyms: dict[str, str] = {fold(k): v for k, v in lexicon["demonyms"].items()}
        self.roles: list[tuple[list[str], str]] = sorted(
            (
                (variant.split(), title)
                for title, variants in lexicon["roles"].items()
                for variant in variants
            ),
            key=lambda pair: -len(pair[0]),
        )
        # the roles by their first word (a one-word role also by its plural), longest first as above: the
        # lookup at each word of a text costs one dictionary probe instead of a pass over every role
        self.roles_by_first: dict[str, list[tuple[list[str], str]]] = {}
        for words, title in self.roles:
            self.roles_by_first.setdefault(words[0], []).append((words, title))
            if len(words) == 1:
                self.roles_by_first.setdefault(words[0] + "s", []).append((words, title))
        self.media: set[str] = {fold(m) for m in lexicon["media"]}
        self.media_titles: set[str] = {fold(m) for m in lexicon["media_title_words"]}
        self.bylines: list[str] = [b.lower() for b in lexicon["byline_phrases"]]
        self.role_nouns: dict[str, list[set[str]]] = {
            noun: [set(phrase.split()) for phrase in phrases]
            for noun, phrases in lexicon["role_nouns"].items()
        }
        self.offices: dict[str, list[set[str]]] = {
            office: [set(phrase.split()) for phrase in titles]
            for office, titles in lexicon["offices"].items()
        }
        self.fillers: set[str] = set(lexicon["role_fillers"])
        self.speech_forms = frozenset(all_forms(lexicon["speech_verbs"]))
        self.body_nouns: set[str] = set(lexicon["body_nouns"])
        self.office_bodies: dict[str, str] = dict(lexicon["office_bodies"])
        self.deputy_words = frozenset(lexicon["deputy_words"])
        self.document_nouns: set[str] = set(lexicon["document_nouns"])
        self.leader_nouns = frozenset(lexicon["leader_nouns"])
        self.gathering_nouns = frozenset(lexicon["gathering_nouns"])
        self.partitives = frozenset(lexicon["partitives"])
        self.affiliations = frozenset(lexicon["affiliation_prefixes"])
        self.acting = ActingWords(
            self.leader_nouns,
            self.partitives,
            frozenset(str(w) for w in lexicon["agency_nouns"]),
            frozenset(str(w) for w in lexicon["authored_nouns"]),
        )
        self.initialized = True

    def set_registry(self, registry: Registry) -> None:
        """Compile the registry's aliases into phrase patterns (case as written)."""
        self.registry = registry
        self._entries = list(registry.entries)
        self.matcher = PhraseMatcher(self.vocab, attr="ORTH")
        surnames: dict[str, list[int]] = {}
        for number, entry in enumerate(self._entries):
            names = set(entry.names()) if hasattr(entry, "names") else {entry.name, *entry.aliases}
            patterns = [self.tokenizer(alias) for alias in sorted(names) if alias.strip()]
            self.matcher.add(str(number), patterns)
            if entry.kind == "person":
                for alias in names:
                    words = alias.split()
                    last = entry.surname(words) if len(words) > 1 else ""
                    if len(last) > 2 and last[0].isupper() and last not in names:
                        surnames.setdefault(last, [])
                        if number not in surnames[last]:
                            surnames[last].append(number)
        # Nationality words ("Ukrainian officials") link to their country but do not act by themselves.
        for number, entry in enumerate(self._entries):
            demonyms = [d for d in getattr(entry, "demonyms", None) or [] if d.strip()]
            if demonyms:
                self.matcher.add(f"d{number}", [self.tokenizer(d) for d in demonyms])
            if entry.kind == "country":
                # "Indonesian President Joko Widodo": a country's adjective names the office's country
                for demonym in demonyms:
                    self.demonyms.setdefault(fold(demonym), entry.name)
        # A surname alone ("Hegseth said") stands for the one registry person who bears it.
        for surname, numbers in surnames.items():
            if len(numbers) == 1:
                self.matcher.add(f"s{numbers[0]}", [self.tokenizer(surname)])

    # -- the component ---------------------------------------------------------------------------
    @guarded("accord_actors")
    def __call__(self, doc: Doc) -> Doc:
        mentions = items(doc, "accord_mentions")
        taken: set[int] = set()
        spans: list[tuple[Span, Any | None, str]] = []

        matched = sorted(
            self._matches(doc), key=lambda m: (-(m[0].end - m[0].start), m[0].start, m[2] == "NORP")
        )
        entities = [e for e in doc.ents if e.label_ in ENTITY_LABELS]
        # A named entity in which an alias only modifies what follows, and that does not itself link, is
        # something else ("Washington Post", "US European Command"): the alias inside it is not the actor.
        for span, entry, how in matched:
            outer = next((e for e in entities if e.start <= span.start and span.end <= e.end), None)
            if outer is not None and span.end < outer.end and not self._linkable(outer):
                continue
            if any(i in taken for i in range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            spans.append((span, entry, how))
        for ent in entities:
            if any(i in taken for i in range(ent.start, ent.end)):
                continue
            label = ent.label_
            ent = _strip_determiner(ent)
            if len(ent) == 0:
                continue
            taken.update(range(ent.start, ent.end))
            if label in {"ORG", "GPE", "LOC"} and self._titled_person(ent):
                label = "PERSON"  # "President Joko Widodo", "Mr Widodo", tagged as an organisation
            spans.append((ent, None, label))

        published = published_date(doc)
        full_names = self._full_names(spans)
        for span, entry, label in sorted(spans, key=lambda s: s[0].start):
            mention = self._mention(doc, span, entry, label, full_names)
            if mention is not None:
                mentions.append(mention)
        mentions.extend(self._untagged_surnames(doc, taken, full_names, mentions))
        self._titled_offices(doc, mentions)
        for mention in self._role_mentions(doc, taken, mentions, published):
            mentions.append(mention)
        mentions.sort(key=lambda m: m["start"])
        for mention in self._descriptions(doc, mentions):
            mentions.append(mention)
        for mention in mentions:
            if self._names_a_gathering(doc, mention):
                # "the Minsk talks", "Berlin negotiations", "the G20 summit": a place (or a forum) naming
                # the gathering does not take part in it; events do not make it act either.
                mention["acts"] = False
                mention["background"] = True
            if self._background(mention["sentence"]):
                mention["acts"] = False
                mention["background"] = True
        mentions.sort(key=lambda m: m["start"])
        return doc

    def _untagged_surnames(
        self,
        doc: Doc,
        taken: set[int],
        full_names: dict[str, tuple[str, Any | None]],
        mentions: list[dict[str, Any]],
    ) -> list[dict[str, Any]]:
        """ "Joko Widodo arrived ... Mr Widodo said": the surname alone of a person the registry does not
        know, which the tagger left untagged, after the article has named them in full."""
        found: list[dict[str, Any]] = []
        for token in doc:
            known = full_names.get(fold(token.text))
            if known is None or known[1] is not None or token.i in taken or not token.is_title:
                continue
            full = next((m for m in mentions if m["kind"] == "person" and m["name"] == known[0]), None)
            if full is None or full["tok_start"] > token.i or token.ent_type_ in NOT_NAMES:
                continue
            mention = self._unlinked_person(doc, doc[token.i : token.i + 1], known[0])
            if mention is not None:
                taken.add(token.i)
                found.append(mention)
        return found

    def _titled_offices(self, doc: Doc, mentions: list[dict[str, Any]]) -> None:
        """A person the registry does not know, written after a country's office ("Indonesian President Joko
        Widodo", "Mexico's foreign minister X"), holds that office: a party, in every mention of the name."""
        offices: dict[str, str] = {}
        for mention in mentions:
            if mention["kind"] != "person" or mention["linked"]:
                continue
            start = int(mention["tok_start"])
            for words, title in self.roles:
                first = start - len(words)
                if first < 1 or [t.lower_ for t in doc[first:start]] != words:
                    continue
                deputy = first
                while deputy > 1 and doc[deputy - 1].lower_ in self.deputy_words:
                    deputy -= 1  # "Russian Deputy Foreign Minister Mikhail Galuzin": the office's deputy
                country = self._country_before(doc, deputy, mentions)
                if country is not None:
                    held = f"deputy {title}" if deputy < first else title
                    offices.setdefault(str(mention["name"]), f"{held}|{country}")
                break
        for mention in mentions:
            office = offices.get(str(mention["name"])) if mention["kind"] == "person" else None
            if office is not None and not mention["linked"]:
                mention["roles"], mention["party"] = [office], True

    def _names_a_gathering(self, doc: Doc, mention: dict[str, Any]) -> bool:
        """A place, or an organisation before "summit", used as a modifier of a gathering or deal noun
        ("the Minsk talks", "the Paris meeting", "the G20 summit"); not parties joined to one another
        ("US-Russia talks", "the Trump-Putin meeting"), who take part."""
        if mention["kind"] == "person":
            return False
        span = doc[mention["tok_start"] : mention["tok_end"]]
        root = span.root
        head = root.head
        while head.dep_ == "compound" and head.head != head:
            head = head.head  # "the Minsk II agreement": through the compound to the noun it names
        if root.dep_ not in {"compound", "nmod", "amod"} or head.lower_ not in self.gathering_nouns:
            return False
        if any(t.text in {"-", "–", "/"} for t in doc[max(0, span.start - 1) : min(len(doc), span.end + 1)]):
            return False
        if any(c.dep_ in {"conj", "cc"} for c in root.children):
            return False
        surface = str(mention["surface"])
        entry = self.registry.link(surface) if self.registry is not None else None
        if mention["kind"] == "place" or not mention["linked"]:
            return True
        metonyms = {fold(m) for m in getattr(entry, "metonyms", None) or []}
        if mention.get("capital") or (
            fold(surface) in metonyms and (root.ent_type_ in PLACE_ENTITIES or not root.ent_type_)
        ):
            return True  # a place standing for its country ("the Minsk talks"), a capital however tagged
        return mention["kind"] == "organization" and head.lower_ in {"summit", "summits"}

    def _background(self, sentence: str) -> bool:
        """A byline ("X contributed to this report") or history before the conflict's era ("In 1906,
        President Roosevelt ..."): the people there do not act in the story."""
        lowered = sentence.lower()
        if any(phrase in lowered for phrase in self.bylines):
            return True
        years = [int(y) for y in HISTORY_YEAR.findall(sentence)]
        return bool(years) and max(years) < 1991

    # -- helpers ---------------------------------------------------------------------------------
    def _matches(self, doc: Doc) -> Iterable[tuple[Span, Any, str]]:
        for match_id, start, end in self.matcher(doc):
            key = self.vocab.strings[match_id]
            span = doc[start:end]
            if key.startswith("d"):
                yield span, self._entries[int(key[1:])], "NORP"
                continue
            if key.startswith("s"):
                if span[0].ent_type_ in NOT_NAMES:
                    continue  # "in May" is a month, not Theresa May
                # A bare surname inside a longer name the tagger found is someone else's ("Hunter Biden").
                outer = entity_at(doc, start) if span[0].ent_type_ == "PERSON" else None
                if outer is not None and outer.start <= start and end <= outer.end and len(outer) > 1:
                    continue
                key = key[1:]
            yield span, self._entries[int(key)], "alias"

    def _linkable(self, span: Span) -> bool:
        return self.registry is not None and self.registry.link(span.text, label=span.label_) is not None

    def _titled_person(self, ent: Span) -> bool:
        """Is an entity the tagger took for an organisation or place a person's name, by the title before
        it or the honorific that opens it ("President Joko Widodo", "Mr Widodo")? Never one the registry
        links as what it was tagged."""
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        titled = before is not None and fold(before.text) in self.person_titles
        opened = len(ent) > 1 and fold(ent[0].text.rstrip(".")) in self.personal_honorifics
        return (titled or opened) and self._link(ent.text, ent.label_) is None

    def _person_core(self, span: Span) -> list[str]:
        owner = next((t.i for t in span if t.lower_ in {"'s", "’s"}), span.end)
        words: list[str] = []
        for t in span.doc[span.start : owner]:  # "Putin’s Easter (truce)": the name is the owner's
            if t.text == "-" and words and not t.whitespace_ and not span.doc[t.i - 1].whitespace_:
                words[-1] += "-"  # "Guo Jia-kun", "Kim Jong-un": one name word
            elif words and words[-1].endswith("-"):
                words[-1] += t.text
            elif not t.is_punct or t.text == ".":
                words.append(t.text)
        words = words[self._title_length(words) :]
        while words and (words[-1][:1].islower() or words[-1] in {",", "."}):
            words = words[:-1]  # "Xi Jinping of": the tagger's span ran into the next words
        return words

    def _title_length(self, words: list[str]) -> int:
        """How many words open the name as its title: honorifics, and acronyms of the body before one
        ("MEA Spokesperson Randhir Jaiswal", "NATO Secretary General Jens Stoltenberg")."""
        length = 0
        for i, word in enumerate(words):
            if fold(word.rstrip(".")) in self.honorifics:
                length = i + 1
            elif not (len(word) > 1 and word.isupper()):
                break
        return length

    def _full_names(self, spans: list[tuple[Span, Any | None, str]]) -> dict[str, tuple[str, Any | None]]:
        """Surname -> (full surface name, registry entry) from multi-word person names in the article."""
        names: dict[str, tuple[str, Any | None]] = {}
        for span, entry, label in spans:
            is_person = (entry is not None and entry.kind == "person") or label == "PERSON"
            if not is_person:
                continue
            core = self._person_core(span)
            if len(core) < 2:
                continue
            linked = entry if entry is not None else self._link(" ".join(core), "PERSON")
            # "Li Hui ... Li said": the registry knows which word a name written family name first uses alone
            surname = linked.surname(core) if linked is not None else core[-1]
            names.setdefault(fold(surname), (" ".join(core), linked))
            if len(core) > 2:  # "Andres Manuel Lopez Obrador ... Lopez Obrador said": a two-word surname
                names.setdefault(fold(" ".join(core[-2:])), (" ".join(core), linked))
        return names

    def _link(self, surface: str, label: str | None) -> Any | None:
        if self.registry is None:
            return None
        return self.registry.link(surface, label=label)

    def _mention(
        self,
        doc: Doc,
        span: Span,
        entry: Any | None,
        label: str,
        full_names: dict[str, tuple[str, Any | None]],
    ) -> dict[str, Any] | None:
        """The mention a named span makes: a medium, a person, an actor the registry links, or an unlinked
        organisation or place; None for a span that names no one."""
        surface = span.text
        newspaper = entry is None and label == "ORG" and fold(span[-1].text) in self.media_titles
        if fold(surface) in self.media or fold(surface.removeprefix("the ")) in self.media or newspaper:
            return self._record(doc, span, surface, surface, "media", None, acts=False)
        if entry is None and label == "PERSON":
            person = self._person_entry(span, full_names)
            if person is None:
                return None
            surface_name, entry = person
            if entry is None:
                return self._unlinked_person(doc, span, surface_name)
        elif entry is None and label in {"ORG", "GPE", "LOC", "NORP"} and fold(surface) in full_names:
            # The tagger sometimes calls a surname a place or an organisation; a full name used
            # elsewhere in the article settles it.
            full, entry = full_names[fold(surface)]
            if entry is None:
                return self._record(
                    doc, span, surface, full, "person", None, acts=_acts(span.root, self.acting)
                )
        if entry is None:
            entry = self._link(surface, label)
            if entry is None and label == "ORG" and self._bare_body(span):
                return None  # "the Foreign Ministry said": a description, read with the article's bodies
            if entry is None:
                # An unlinked organisation or place is kept as a mention but not counted as an actor.
                kind = {"ORG": "organization", "NORP": "group"}.get(label, "place")
                return self._record(doc, span, surface, surface, kind, None, acts=False)
        return self._linked(doc, span, label, entry)

    def _bare_body(self, span: Span) -> bool:
        """A body named by its kind alone, no country's or owner's name in it ("the Foreign Ministry")."""
        words = [fold(t.text) for t in span if t.lower_ != "the"]
        return (
            len(words) > 0
            and words[-1] in self.body_nouns
            and all(w.isalpha() and w not in self.demonyms for w in words)
            and self._link(words[-1], "ORG") is None
        )

    def _person_entry(
        self, span: Span, full_names: dict[str, tuple[str, Any | None]]
    ) -> tuple[str, Any | None] | None:
        """A person's name (a surname completed by the full name used elsewhere in the article) and its
        registry entry; None when the span holds no name."""
        core = self._person_core(span)
        if not core:
            return None
        if len(core) == 1:
            named = _article_surname(fold(core[0]), full_names)
            if named is not None:
                return named
        elif len(core) == 2 and fold(" ".join(core)) in full_names:
            return full_names[fold(" ".join(core))]
        surface_name = " ".join(core)
        return surface_name, self._link(surface_name, "PERSON")

    def _unlinked_person(self, doc: Doc, span: Span, name: str) -> dict[str, Any] | None:
        """A person the registry does not know, by a capitalised name."""
        if not any(c.isupper() for c in name[:1]):
            return None
        return self._record(doc, span, span.text, name, "person", None, acts=_acts(span.root, self.acting))

    def _linked(self, doc: Doc, span: Span, label: str, entry: Any) -> dict[str, Any]:
        """The mention of an actor the registry links."""
        surface = span.text
        if getattr(entry, "media", False):
            return self._record(doc, span, surface, entry.name, "media", entry, acts=False)
        if label == "NORP" and entry is not None and entry.kind == "country":
            # "Russian" as an adjective is not the country acting.
            return self._record(doc, span, surface, entry.name, entry.kind, entry, acts=False)
        return self._record(
            doc, span, surface, entry.name, entry.kind, entry, acts=_acts(span.root, self.acting)
        )

    def _record(
        self, doc: Doc, span: Span, surface: str, name: str, kind: str, entry: Any | None, *, acts: bool
    ) -> dict[str, Any]:
        return {
            **provenance(doc, span.start_char, span.end_char),
            "tok_start": span.start,
            "tok_end": span.end,
            "name": name,
            "surface": surface,
            "kind": kind,
            "linked": entry is not None,
            "wikidata": getattr(entry, "wikidata", None) if entry is not None else None,
            "acts": acts,
            # Office holders and collective actors can hold negotiation positions; commentators cannot.
            "party": entry is not None and (entry.kind != "person" or bool(getattr(entry, "roles", None))),
            # "Minsk", "Kiev": a country's capital standing for it, which is still a city where events happen
            "capital": entry is not None and entry.kind == "country" and entry.names_capital(surface),
            "roles": [f"{r.title}|{r.of}" for r in getattr(entry, "roles", None) or []]
            if entry is not None
            else [],
        }

    def _role_mentions(
        self, doc: Doc, taken: set[int], mentions: list[dict[str, Any]], published: dt.date | None
    ) -> Iterable[dict[str, Any]]:
        """ "the US president", "Russia's foreign minister" with no name next to them."""
        if self.registry is None:
            return
        lowered = [t.lower_ for t in doc]
        for i in range(len(doc)):
            if i in taken:
                continue
            for words, title in self.roles_by_first.get(lowered[i], ()):
                window = lowered[i : i + len(words)]
                if window != words and window != [*words[:-1], words[-1] + "s"]:
                    continue
                end = i + len(words)
                if end < len(doc) and (
                    doc[end].ent_type_ == "PERSON" or (doc[end].is_title and end in taken)
                ):
                    break  # a name follows: the name is the mention
                if end < len(doc) and doc[end].lower_ == "of" and end + 1 < len(doc) and end + 1 in taken:
                    country_tok = end + 1
                    if window != words and doc[country_tok].conjuncts:
                        break  # "the leaders of Russia, Ukraine, Germany and France": several, not one
                    country = self._country_at(doc, country_tok, mentions)
                else:
                    country = self._country_before(doc, i, mentions)
                if country is None:
                    break
                holder = self._holder(title, country, i, mentions, published)
                if holder is None:
                    break
                span = doc[i:end]
                if i > 0 and doc[i - 1].lower_ in self.demonyms:
                    span = doc[i - 1 : end]
                yield self._record(
                    doc,
                    span,
                    span.text,
                    holder.name,
                    holder.kind,
                    holder,
                    acts=_acts(span.root, self.acting),
                )
                break

    # -- definite descriptions -------------------------------------------------------------------
    def _descriptions(self, doc: Doc, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """ "the president says", "the top Russian diplomat said", "the Kremlin's foreign policy adviser",
        "the ministry said", "the White House statement": a description standing for an actor named in the
        article becomes a mention of that actor (``coref``), and its tokens' ``accord_referent`` points to it.
        """
        index: dict[int, dict[str, Any]] = {}
        for mention in mentions:
            for i in range(mention["tok_start"], mention["tok_end"]):
                index[i] = mention
        persons = [m for m in mentions if m["kind"] == "person" and not m.get("background")]
        titles: dict[str, tuple[set[str], set[str]]] = {}
        owners: dict[str, dict[str, Any]] = {}  # document noun -> owner of the last one named
        found: list[dict[str, Any]] = []
        for tok in doc:
            lower = tok.lower_
            if tok.i in index or tok.dep_ == "compound":
                continue
            if lower in self.document_nouns:
                owner = self._document_owner(tok, index)
                if owner is not None:
                    owners[lower] = owner
                elif _definite(tok) and not _owned(tok):
                    owner = owners.get(lower)
                if owner is not None:
                    found.append(self._coref(doc, tok, tok.i, owner))
                continue
            if lower in self.body_nouns and _definite(tok) and not _owned(tok):
                owner = self._body_owner(doc, tok, mentions)
                if owner is not None:
                    found.append(self._coref(doc, tok, tok.i, owner))
                continue
            if lower not in self.role_nouns:
                continue
            poss = [c for c in tok.children if c.dep_ == "poss"]
            if poss and not (poss[0].i in index and index[poss[0].i]["kind"] in {"country", "organization"}):
                continue  # "Putin's aide", "his adviser": someone's, not an office
            if not poss and not _definite(tok):
                continue
            np_head = tok.head if tok.dep_ == "poss" else tok
            if np_head.dep_ == "appos" and np_head.head.i in index:
                continue  # "X, the chief negotiator,": the title of the name beside it, not a reference
            after = tok.i + 1
            if after < len(doc) and (doc[after].ent_type_ == "PERSON" or after in index):
                continue  # the name follows: it is the mention
            words, countries, first = self._description_words(doc, tok, index)
            person = self._appositive_person(doc, tok, index)
            if person is None:
                person = self._office_holder(doc, tok, words, countries, persons, titles)
            if person is not None:
                found.append(self._coref(doc, tok, first, person))
        return found

    def _coref(self, doc: Doc, head: Token, first: int, antecedent: dict[str, Any]) -> dict[str, Any]:
        span = doc[first : head.i + 1]
        mention = {
            **provenance(doc, span.start_char, span.end_char),
            "tok_start": span.start,
            "tok_end": span.end,
            "surface": span.text,
            "acts": _acts(head, self.acting),
            "coref": True,
            "antecedent": antecedent["start"],
        }
        for key in ("name", "kind", "linked", "wikidata", "party", "roles"):
            mention[key] = antecedent[key]
        for token in span:
            token._.accord_referent = mention
        return mention

    def _description_words(
        self, doc: Doc, head: Token, index: dict[int, dict[str, Any]]
    ) -> tuple[set[str], set[str], int]:
        """Content words and countries of a description, and where its own tokens begin."""
        tokens = [t for t in head.subtree if t.i < head.i and t.dep_ not in {"det", "punct"}]
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                tokens.extend(t for t in prep.subtree if t.dep_ not in {"det", "punct"})
        words: set[str] = set()
        countries: set[str] = set()
        for t in tokens:
            mention = index.get(t.i)
            if mention is not None and mention["kind"] == "country":
                countries.add(str(mention["name"]))
            elif fold(t.text) in self.demonyms:
                countries.add(self.demonyms[fold(t.text)])
            elif mention is None and fold(t.text) not in self.fillers:
                words.add(fold(t.text))
        first = head.i
        while first - 1 >= 0 and doc[first - 1].i >= head.left_edge.i and first - 1 not in index:
            if doc[first - 1].is_punct or doc[first - 1].dep_ in {"det", "case", "poss"}:
                break
            first -= 1
        return words, countries, first

    def _appositive_person(
        self, doc: Doc, head: Token, index: dict[int, dict[str, Any]]
    ) -> dict[str, Any] | None:
        """ "the head of the Russian delegation, Vladimir Medinsky, said": the name right after the comma."""
        end = head.right_edge.i + 1
        if end + 1 < len(doc) and doc[end].text == ",":
            mention = index.get(end + 1)
            if mention is not None and mention["kind"] == "person" and mention["tok_start"] == end + 1:
                return mention
        return None

    def _office_holder(
        self,
        doc: Doc,
        head: Token,
        words: set[str],
        countries: set[str],
        persons: list[dict[str, Any]],
        titles: dict[str, tuple[set[str], set[str]]],
    ) -> dict[str, Any] | None:
        """The person named before (nearest first, one told speaking before others), else after, whose
        title fits the description."""
        alternatives = self.role_nouns[head.lower_]
        held = (p.lower_ for c in head.children if c.lower_ == "of" for p in c.children)
        office = next((word for word in held if word in self.offices), None)
        if office is not None:
            # "the Head of State", "the head of the government": the office's titles ("President")
            alternatives, words = self.offices[office], words - {office}
        # nearest first, but one told speaking before the description first: "Lukashenko explained ... while
        # Putin represented one side ... 'America is not waging war', the head of state said"
        ordered = sorted(
            persons,
            key=lambda m: (
                m["tok_start"] > head.i,
                not (m["tok_start"] < head.i and self._speaking(doc[m["tok_start"] : m["tok_end"]].root)),
                abs(m["tok_start"] - head.i),
            ),
        )
        for mention in ordered:
            name = str(mention["name"])
            if name not in titles:
                # a person titled once keeps the title: "Iranian Foreign Minister Hossein Amir-Abdollahian
                # held a call ... Amir-Abdollahian dismissed ... the foreign minister added"
                found = [self._titles(doc, m) for m in persons if m["name"] == name]
                titles[name] = (set().union(*(t for t, _ in found)), set().union(*(o for _, o in found)))
            title, of = titles[name]
            if not any(phrase <= title for phrase in alternatives):
                continue
            if countries and not countries & of:
                continue
            if not words <= title:
                continue
            return mention
        return None

    def _speaking(self, name: Token) -> bool:
        """Is the name the subject of a verb of speech ("Lukashenko explained", "he stated")?"""
        return name.dep_ == "nsubj" and name.head.lower_ in self.speech_forms

    def _titles(self, doc: Doc, mention: dict[str, Any]) -> tuple[set[str], set[str]]:
        """Title words next to a person's name ("Russian Foreign Minister Sergei Lavrov", "Yuri Ushakov,
        Putin's foreign policy adviser,") and in the registry's roles, with the countries they name."""
        tokens: list[Token] = []
        j = mention["tok_start"] - 1
        sentence_start = doc[mention["tok_start"]].sent.start
        while j >= sentence_start and len(tokens) < 8:
            tok = doc[j]
            if tok.lower_ in {"'s", "’s"}:
                if j > 0:
                    tokens.append(doc[j - 1])  # "Ukraine's negotiator": the owner's country only
                break
            titled = tok.text[:1].isupper() or tok.dep_ in {"compound", "amod", "nmod"} or tok.lower_ == "of"
            if tok.is_punct or tok.dep_ == "det" or not titled or tok.i in _verbs(doc, sentence_start, j):
                break
            tokens.append(tok)
            j -= 1
        root = doc[mention["tok_start"] : mention["tok_end"]].root
        end = mention["tok_end"]
        if end < len(doc) and doc[end].text == ",":
            k = end + 1
            appositive: list[Token] = []
            while (
                k < len(doc)
                and k < end + 12
                and not doc[k].is_punct
                and doc[k].lower_ not in {"who", "which"}
            ):
                if doc[k].dep_ in {"ROOT", "ccomp", "relcl", "advcl"} or doc[k].dep_.startswith("aux"):
                    # "During the call with Putin, the chancellor called ...": the words after the comma
                    # are the next clause's subject, not the name's title
                    appositive = []
                    break
                if doc[k].lower_ in {"'s", "’s"}:
                    # "X, Putin's adviser", "X, the prime minister's aide": the owner's title is not X's
                    appositive = [doc[k - 1]] if k - 1 in self._country_tokens(doc) else []
                else:
                    appositive.append(doc[k])
                k += 1
            tokens.extend(appositive)
        if root.dep_ == "appos":
            tokens.extend(t for t in root.head.subtree if t.i < mention["tok_start"] and not t.is_punct)
        words = {fold(t.text) for t in tokens}
        countries: set[str] = set()
        for t in tokens:
            if fold(t.text) in self.demonyms:
                countries.add(self.demonyms[fold(t.text)])
            for other in self._country_mentions(doc, t.i):
                countries.add(other)
        entry = (
            next((e for e in self._entries if e.name == mention["name"]), None) if mention["linked"] else None
        )
        for role in getattr(entry, "roles", None) or []:
            words.update(role.title.split())
            countries.add(role.of)
        if entry is not None and getattr(entry, "country", None):
            countries.add(entry.country)
        return words, countries

    @staticmethod
    def _country_tokens(doc: Doc) -> set[int]:
        return {
            i
            for m in doc._.accord_mentions or []
            if m["kind"] == "country"
            for i in range(m["tok_start"], m["tok_end"])
        }

    def _country_mentions(self, doc: Doc, i: int) -> list[str]:
        names = []
        for mention in doc._.accord_mentions or []:
            if mention["tok_start"] <= i < mention["tok_end"] and mention["kind"] == "country":
                names.append(str(mention["name"]))
        return names

    @staticmethod
    def _document_owner(tok: Token, index: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
        """ "a White House statement", "the Kremlin's readout", "the communique of the Normandy Four"."""
        for child in tok.children:
            if child.dep_ in {"compound", "poss", "nmod"} and child.i in index:
                mention = index[child.i]
                if mention["kind"] in {"country", "organization", "group"} and mention["linked"]:
                    return mention
        for prep in tok.rights:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for pobj in prep.children:
                if any(c.dep_ == "conj" for c in pobj.children):
                    return None  # several owners: a joint document
                candidates = [pobj, *(c for c in pobj.children if c.dep_ in {"compound", "nmod"})]
                for cand in candidates:
                    owner = index.get(cand.i)
                    if owner is not None and owner["kind"] in {"organization", "group"} and owner["linked"]:
                        return owner
        return None

    def _body_owner(self, doc: Doc, tok: Token, mentions: list[dict[str, Any]]) -> dict[str, Any] | None:
        """ "the ministry said": the last body of that kind named ("the Russian Foreign Ministry"), or else
        the country of the last minister named ("Russian Foreign Minister Sergei Lavrov ... the foreign
        ministry said"), a foreign ministry's a foreign minister's."""
        before = [m for m in mentions if m["tok_start"] < tok.i]
        for mention in reversed(before):
            if mention["kind"] not in {"country", "organization"} or not mention["linked"]:
                continue
            if fold(str(mention["surface"]).split()[-1]) == tok.lower_:
                owner: dict[str, Any] = mention
                return owner
        office = self.office_bodies.get(tok.lower_)
        if office is None:
            return None
        kind = {c.lower_ for c in tok.children if c.dep_ in {"amod", "compound"}}
        for mention in reversed(before):
            titles = [str(r).split("|") for r in mention.get("roles") or [] if f"{office}|" in str(r)]
            held = [country for title, country in titles if not kind or kind & set(title.split())]
            if mention["kind"] == "person" and held:
                return next((m for m in mentions if m["kind"] == "country" and m["name"] == held[0]), None)
        return None

    def _country_before(self, doc: Doc, i: int, mentions: list[dict[str, Any]]) -> str | None:
        j = i - 1
        if j >= 0 and doc[j].lower_ in {"'s", "’s"}:
            j -= 1
        if j < 0 or self._affiliation(doc, j):
            return None
        folded = fold(doc[j].text)
        if j >= 1 and fold(f"{doc[j - 1].text} {doc[j].text}") in self.demonyms:
            return self.demonyms[fold(f"{doc[j - 1].text} {doc[j].text}")]
        if folded in self.demonyms:
            return self.demonyms[folded]
        return self._country_at(doc, j, mentions)

    def _affiliation(self, doc: Doc, j: int) -> bool:
        """Is the word at ``j`` joined to a prefix of affiliation ("pro-Russia", "anti-Kremlin")?"""
        return (
            j >= 2
            and doc[j - 1].text == "-"
            and not doc[j - 1].whitespace_
            and not doc[j - 2].whitespace_
            and doc[j - 2].lower_ in self.affiliations
        )

    @staticmethod
    def _country_at(doc: Doc, token_i: int, mentions: list[dict[str, Any]]) -> str | None:
        for mention in mentions:
            if mention["tok_start"] <= token_i < mention["tok_end"] and mention["kind"] == "country":
                return str(mention["name"])
        return None

    def _holder(
        self,
        title: str,
        country: str,
        position: int,
        mentions: list[dict[str, Any]],
        published: dt.date | None,
    ) -> Any | None:
        """The role's holder: the last person named before who held it, else the registry's holder."""
        by_name = {e.name: e for e in self._entries}
        # Named before the role phrase first (nearest first), then named after it.
        ordered = sorted(mentions, key=lambda m: (m["tok_start"] > position, abs(m["tok_start"] - position)))
        for mention in ordered:
            if mention["kind"] != "person":
                continue
            entry = by_name.get(mention["name"])
            for role in getattr(entry, "roles", []) or []:
                if role.of == country and (title in role.title or role.title in title):
                    return entry
        assert self.registry is not None
        if published is None:
            return None
        return self.registry.by_role(title, country, published)


def _verbs(doc: Doc, start: int, end: int) -> set[int]:
    """Tokens the parse uses as clause heads between ``start`` and ``end`` (inclusive)."""
    return {
        i
        for i in range(start, end + 1)
        if doc[i].dep_ in {"ROOT", "ccomp", "advcl", "relcl", "conj"}
        and any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in doc[i].children)
    }


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _owned(tok: Token) -> bool:
    return any(c.dep_ == "poss" for c in tok.children)


def _strip_determiner(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    # 'by Kiev ” Borodái said': the tagger's span ran over a quotation mark; the name is what follows it
    start = max((t.i + 1 for t in span[:-1] if t.text in QUOTE_MARKS), default=start)
    while start < end and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and doc[end - 1].lower_ in {"'s", "’s", "'", "’"}:
        end -= 1
    return doc[start:end]


@Language.factory(
    "accord_actors",
    # Its words (lexicons/<name>.yaml); the actor registry is set after (``ActorLinker.set_registry``).
    default_config={"lexicon": "actors"},
    # Mentions, and a failure record (see `guarded`).
    assigns=["doc._.accord_mentions", "token._.accord_referent", "doc._.accord_errors"],
    requires=["doc.ents", "token.dep", "doc.sents"],
)
def make_actor_linker(nlp: Language, name: str, lexicon: str) -> ActorLinker:
    return ActorLinker(nlp, name, lexicon)
