"""Events: meetings, talks, calls, statements, attacks, agreements, aid and sanctions.

A trigger word (lexicons/events.yaml) is read with its clause: participants are the actors the parse
ties to it (subject and its conjuncts, "with"/"between" phrases, "Trump-Putin meeting" modifiers, the
subject of a light verb such as "held talks"), the place is the most specific location stated in the
clause ("in the Turkish city of Antalya" -> Antalya), the date comes from the clause's date words, and
the modality from the words governing the trigger (will / expected to -> scheduled, could / if ->
hypothetical, not -> negated).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.training import Example

from accord.extract.components.common import (
    dateline_word,
    entities_in,
    entity_at,
    governor,
    guarded,
    is_infinitive,
    items,
    load_lexicon,
    mark_acting,
    mention_index,
    own_subject,
    plural_antecedent,
    provenance,
    published_date,
)
from accord.extract.components.date_resolution import resolve_date
from accord.extract.components.quote_attribution import (
    VERB_DEPS,
    quote_words,
    relative_antecedent,
    resolve_pronoun,
)
from accord.extract.components.wordforms import all_forms, forms
from accord.extract.folding import fold_name

# Sets of entity labels, event types and actor kinds are the parser's and the schema's vocabulary, not words
# of the text: they stay in code. WARRING names the registry's two warring parties.
PLACE_LABELS = {"GPE", "LOC", "FAC"}
GROUP_EVENTS = {"meeting", "negotiation_round", "phone_call"}
PLACED_GATHERINGS = {"meeting", "negotiation_round"}  # a call has no place where its people are
WARRING = {"Russia", "Ukraine"}
ACTOR_KINDS = {"person", "country", "organization", "group"}
# Events one party enacts by signing them ("signed an aid package"), no deal between parties
ENACTED = {"aid", "sanction"}


@dataclass(frozen=True)
class EventWords:
    """The word lists of lexicons/events.yaml (its ``words``, ``venues`` and ``venue_heads``, ``denials``)
    that the detector reads in an event's clause; see the comments there. Verbs come with their forms."""

    light_verbs: frozenset[str]
    reporting: frozenset[str]
    talkers: frozenset[str]
    formats: frozenset[str]  # negotiation formats by their registry names
    multilateral: frozenset[str]
    leader_titles: frozenset[str]
    # type -> objects making its verb something else ("struck a deal", "signed a decree", "meet halfway")
    spurious_objects: Mapping[str, frozenset[str]]
    venues: frozenset[str]
    venue_heads: frozenset[str]
    languages: frozenset[str]  # a speech "in Hindi" was not given in a place
    unplaced_of: frozenset[str]  # nouns whose "of" phrase names no place: "in support of Ukraine"
    place_nouns: frozenset[str]
    collective_of: frozenset[str]
    staging_participles: frozenset[str]
    denials: frozenset[str]
    hearsay_nouns: frozenset[str]  # what is denied through them did not happen: "denied reports of a call"
    attack_series: frozenset[str]  # nouns an attack word names a series of: "a strike campaign"
    proxies: frozenset[str]
    visits: frozenset[str]
    welcoming: frozenset[str]  # verbs that are a meeting only with an actor as object: a visitor received
    tries: frozenset[str]
    failures: frozenset[str]
    convening: frozenset[str]  # verbs by which one party convenes a gathering of others
    asking: frozenset[str]  # verbs whose "for" asks for the event ("called for direct talks")
    decisions: frozenset[str]
    journeys: frozenset[str]
    trips: frozenset[str]
    trip_verbs: frozenset[str]
    trip_links: frozenset[str]
    background_attacks: frozenset[str]  # attack words that name the war as background unless dated
    suspensions: frozenset[str]  # words that hold off the strikes they govern
    war_start_verbs: frozenset[str]  # undated, with a warring country as target: the war's start
    recognitions: frozenset[str]  # words whose object is a stance's topic ("recognising the annexation")
    written: frozenset[str]
    talk_words: frozenset[str]
    capitals: Mapping[str, str]  # demonym -> capital city ("the Belarusian capital" -> Minsk)
    place_names: Mapping[str, str]  # a longer name -> the one news uses ("Crimean Peninsula" -> Crimea)
    older_spellings: Mapping[str, str]  # a capital's name -> its older spelling ("kyiv" -> Kiev)
    capital_nouns: frozenset[str]
    copulas: frozenset[str]  # the forms of "be", read once
    side_nouns: frozenset[str]
    pair_words: frozenset[str]
    bare_side_nouns: frozenset[str]
    place_preps: frozenset[str]
    kind_preps: Mapping[str, frozenset[str]]  # more places an event of a kind has (attack: its target)
    possessives: frozenset[str]
    event_link_preps: frozenset[str]
    sidelines: frozenset[str]
    period_bounds: frozenset[str]
    period_words: frozenset[str]
    gatherings: frozenset[str]
    scene_links: frozenset[str]
    habitual: frozenset[str]
    counted: frozenset[str]
    occurring: frozenset[str]


def _mapping(listed: dict[str, Any], key: str) -> dict[str, str]:
    """A lexicon table, its keys in lower case."""
    return {str(k).lower(): str(v) for k, v in dict(listed.get(key) or {}).items()}


def _words(listed: dict[str, Any], key: str) -> frozenset[str]:
    """A lexicon word list, in lower case."""
    return frozenset(str(w).lower() for w in listed.get(key) or [])


def _word_sets(listed: dict[str, Any], key: str) -> dict[str, frozenset[str]]:
    """A lexicon table of word lists, its words in lower case."""
    return {str(k): frozenset(str(w).lower() for w in v) for k, v in listed[key].items()}


def _verbs(listed: dict[str, Any], key: str) -> frozenset[str]:
    """A lexicon list of verbs with their forms."""
    return frozenset(all_forms(sorted(_words(listed, key))))


# Word lists read as written (:func:`_words`) and verbs read with their inflections (:func:`_verbs`), each
# under its own field's name in lexicons/events.yaml ``words``.
_LISTED_WORDS = (
    "talkers",
    "multilateral",
    "leader_titles",
    "languages",
    "unplaced_of",
    "place_nouns",
    "collective_of",
    "attack_series",
    "proxies",
    "trips",
    "trip_links",
    "war_start_verbs",
    "talk_words",
    "place_preps",
    "possessives",
    "event_link_preps",
    "sidelines",
    "period_bounds",
    "period_words",
    "capital_nouns",
    "side_nouns",
    "pair_words",
    "bare_side_nouns",
    "gatherings",
    "scene_links",
    "habitual",
    "counted",
)
_LISTED_VERBS = (
    "light_verbs",
    "reporting",
    "staging_participles",
    "tries",
    "failures",
    "convening",
    "asking",
    "decisions",
    "journeys",
    "trip_verbs",
    "suspensions",
    "recognitions",
    "occurring",
)


@functools.cache
def event_words(name: str = "events") -> EventWords:
    """The :class:`EventWords` of lexicons/<name>.yaml (read once per process)."""
    lexicon = load_lexicon(name)
    listed: dict[str, Any] = lexicon["words"]
    return EventWords(
        **{field: _words(listed, field) for field in _LISTED_WORDS},
        **{field: _verbs(listed, field) for field in _LISTED_VERBS},
        formats=frozenset(str(f) for f in lexicon["words"]["formats"]),
        spurious_objects=_word_sets(listed, "spurious_objects"),
        venues=_words(lexicon, "venues"),
        venue_heads=_words(lexicon, "venue_heads"),
        denials=_words(lexicon, "denials"),
        hearsay_nouns=_words(lexicon, "hearsay_nouns"),
        visits=_verbs(listed, "visit_verbs"),
        welcoming=frozenset(all_forms([str(v) for v in lexicon["meeting"]["actor_object"]])),
        background_attacks=_verbs(listed, "background_attack_verbs") | _words(listed, "background_attacks"),
        written=_verbs(listed, "written_verbs") | _words(listed, "written"),
        kind_preps=_word_sets(listed, "kind_preps"),
        capitals=_mapping(listed, "capitals"),
        place_names=_mapping(listed, "place_names"),
        older_spellings=_mapping(listed, "older_spellings"),
        copulas=frozenset(forms("be")),
    )


EVENT_TYPES = (
    "meeting",
    "negotiation_round",
    "phone_call",
    "statement",
    "attack",
    "agreement",
    "aid",
    "sanction",
)


class EventDetector:
    def __init__(
        self,
        nlp: Language,
        name: str,
        lexicon_name: str = "events",
        actors: str = "actors",
        quotes: str = "quotes",
        holders: str = "holders",
    ) -> None:
        self.name = name
        self.nlp = nlp
        self.lexicons = (lexicon_name, actors, quotes, holders)
        self.initialized = False

    def initialize(
        self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Language | None = None
    ) -> None:
        """Read the lexicons named in the config and compile the trigger nouns."""
        nlp = nlp or self.nlp
        lexicon_name, actors, quotes, holders = self.lexicons
        lexicon = load_lexicon(lexicon_name)
        self.words = event_words(lexicon_name)
        self.types = [t for t in EVENT_TYPES if isinstance(lexicon.get(t), dict)]
        self.verbs: dict[str, str] = {}
        self.needs: dict[str, set[str]] = {}
        self.objects: dict[str, set[str]] = {}
        self.actor_object: set[str] = set()
        self.verb_objects: dict[str, set[str]] = {}
        self._within: str | None = None
        self.nouns = PhraseMatcher(nlp.vocab, attr="LOWER")
        for kind in self.types:
            spec = lexicon[kind]
            for form in all_forms(spec.get("verbs") or []):
                self.verbs.setdefault(form, kind)
            nouns = [nlp.make_doc(n) for n in spec.get("nouns") or []]
            if nouns:
                self.nouns.add(kind, nouns)
            self.needs[kind] = set(spec.get("needs") or [])
            self.objects[kind] = set(spec.get("objects") or [])
            self.actor_object |= set(all_forms(spec.get("actor_object") or []))
            for verb, words in (spec.get("object_verbs") or {}).items():
                for form in all_forms([verb]):
                    self.verbs.setdefault(form, kind)
                    self.verb_objects[form] = {str(w) for w in words}
        self.speech = set(all_forms(load_lexicon(actors)["speech_verbs"]))
        self.quote_words = quote_words(quotes, actors, holders)
        self.scheduled = {str(w) for w in lexicon["scheduled"]}
        self.hypothetical = {str(w) for w in lexicon["hypothetical"]}
        self.negated = {str(w) for w in lexicon["negated"]}
        self.nonspecific = {str(w) for w in lexicon.get("nonspecific") or []}
        self.premises = {str(w) for w in lexicon.get("premises") or []}
        phone = lexicon.get("phone_call") or {}
        self.talk_verbs = frozenset(all_forms([str(w) for w in phone.get("talk_verbs") or []]))
        self.talk_media = {str(w).lower() for w in phone.get("talk_media") or []}
        self.call_echoes = {str(w).lower() for w in phone.get("call_echoes") or []}
        statement = lexicon.get("statement") or {}
        self.audience_verbs = frozenset(all_forms([str(w) for w in statement.get("audience_verbs") or []]))
        self.audiences = {str(w).lower() for w in statement.get("audiences") or []}
        self.legislatures = {str(w).lower() for w in statement.get("legislatures") or []}
        self.platform_verbs = frozenset(all_forms([str(w) for w in statement.get("platform_verbs") or []]))
        self.platforms = {str(w).lower() for w in statement.get("platforms") or []}
        self.press_audiences = {str(w).lower() for w in statement.get("press_audiences") or []}
        self.press_verbs = frozenset(all_forms([str(w) for w in statement.get("press_verbs") or []]))
        self.interviews = {str(w).lower() for w in statement.get("interviews") or []}
        self.interviewer_preps = {str(w).lower() for w in statement.get("interviewer_preps") or []}
        self.shared_interviews = {str(w).lower() for w in statement.get("shared_interviews") or []}
        agreement = lexicon.get("agreement") or {}
        self.agree_forms = frozenset(all_forms(["agree"]))
        self.agree_objects = {str(w).lower() for w in agreement.get("agree_objects") or []}
        self.agree_verbs = frozenset(all_forms([str(w) for w in agreement.get("agree_verbs") or []]))
        self.initialized = True

    @guarded("accord_events")
    def __call__(self, doc: Doc) -> Doc:
        out = items(doc, "accord_events")
        index = mention_index(doc)
        # a page without a date of its own was published the day its dateline says it was filed
        published = published_date(doc) or _dateline_day(doc)
        seen: set[tuple[str, frozenset[str], str | None, str | None]] = set()
        last_group: dict[str, Any] | None = None
        told = [
            self._event(doc, kind, trigger, index, published) for kind, trigger in self._triggers(doc, index)
        ]
        events = [e for e in told if e is not None]
        _lend_sides(events)
        _share_outcome_parties(events)
        for event in events:
            if event["type"] in GROUP_EVENTS and _narrows_earlier(out, event):
                continue
            if event["type"] in GROUP_EVENTS:
                if not event["participants"]:
                    # "The talks will take place in Antalya": the talks named just before, now with a place;
                    # in an article's first lines, the talks its next sentences name with their parties
                    lender = last_group or _next_group(events, event)
                    if lender is None or (event["place"] is None and event["date"] is None):
                        continue
                    if any(e.get("within") == event["place"] for e in out if e["type"] in GROUP_EVENTS):
                        continue  # "the talks in Turkey" once they are known to be in a Turkish city
                    event["participants"] = list(lender["participants"])
                    if event["type"] != lender["type"] and "negotiation_round" in {
                        event["type"],
                        lender["type"],
                    }:
                        event["type"] = "negotiation_round"
                elif len(event["participants"]) < 2 and not _body_gathering(event, events, index, self.words):
                    continue
                else:
                    last_group = event
            elif not event["participants"] and not _partyless_kept(event, out, index):
                continue
            key = (event["type"], frozenset(event["participants"]), event["place"], event["date"])
            if key in seen:
                continue
            seen.add(key)
            out.append(event)
        interview = _interview_statement(doc, index)
        if interview is not None:
            out.append(interview)
        out[:] = [e for e in out if not _background_attack(e, self.words)]
        # placed before retellings merge: a meeting in Kyiv, once placed, is not taken for the Moscow talks
        # of the same visitors
        self._lend_whereabouts(doc, out, index)
        _merge_retellings(out)
        _lend_venues(doc, out, self.words)
        _lend_dateline(doc, out, published, self.words)
        _merge_retellings(out)
        _talks_or_meeting(doc, out, self.words)
        return doc

    def _lend_whereabouts(
        self, doc: Doc, events: list[dict[str, Any]], index: dict[int, dict[str, Any]]
    ) -> None:
        """A gathering or an in-person statement told without a place took place where one of its people was
        last said to be, a few sentences before: where a journey went ("Sunak travelled to Kyiv on a surprise
        visit. ... Sunak met Zelensky": in Kyiv; "Zelenskyy's visit to Washington"), or the gathering placed
        there ("Erdogan hosted Zelensky in Istanbul. ... at a joint press conference with Zelensky")."""
        placeless = [
            e
            for e in events
            if e["place"] is None
            and (e["type"] in PLACED_GATHERINGS or (e["type"] == "statement" and not _written(e, self.words)))
        ]
        if not placeless:
            return  # nothing to place
        sentences = list(doc.sents)
        starts = [sent.start_char for sent in sentences]
        seen = [*self._journeys_told(sentences, index)] + [
            (e["start"], set(e["participants"]), str(e["place"]))
            for e in events
            if e["place"] is not None and e["type"] in PLACED_GATHERINGS and e["modality"] == "happened"
        ]
        for event in placeless:
            number = bisect.bisect_right(starts, event["sentence_start"]) - 1
            earliest = starts[max(number - 3, 0)]
            near = [
                w for w in seen if earliest <= w[0] < event["start"] and w[1] & set(event["participants"])
            ]
            if near:
                event["place"] = max(near, key=lambda w: w[0])[2]

    def _journeys_told(
        self, sentences: list[Span], index: dict[int, dict[str, Any]]
    ) -> Iterator[tuple[int, set[str], str]]:
        """(offset, travellers, destination) of each journey told: "Sunak travelled to Kyiv", "Orban, visiting
        Kyiv, ...", "Zelenskyy's visit to Washington", "the visit of Kerry to Sochi"."""
        for sent in sentences:
            for token in sent:
                if _is_verb(token) and token.lower_ in self.words.trip_verbs:
                    travellers = _travellers(token)
                elif token.lower_ in self.words.trips and not _is_verb(token):
                    travellers = [
                        t
                        for c in token.children
                        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
                        for t in _with_conjuncts(c if c.dep_ == "poss" else _first_object(c))
                    ]
                else:
                    continue
                # "during his visit to Kiev": a pronoun travels as the one it stands for
                names = {str(m["name"]) for m in self._actors(travellers, index)}
                if not names or self._modality(token, token) != "happened":
                    continue  # "a visit next week to Moscow": where they will be, not where they are
                places = self._destinations(token)
                if places:
                    yield token.idx, names, _place_name(places[0], self.words)

    def _noun_triggers(self, doc: Doc, taken: set[int]) -> list[tuple[str, Span]]:
        """The event nouns, longest first where they overlap; their tokens go into ``taken``."""
        found: list[tuple[str, Span]] = []
        for match_id, start, end in sorted(self.nouns(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            if any(i in taken for i in range(start, end)):
                continue
            span = doc[start:end]
            kind = doc.vocab.strings[match_id]
            if span.root.dep_ in VERB_DEPS - {"dep"} and _is_verb(span.root):
                continue  # a verb spelled like the noun ("strike", "call")
            if kind == "statement" and _in_a_name(span.root):
                continue  # "The Washington Post", "the Jerusalem Post reported": a newspaper, no post
            if self.needs[kind] and not self._has_need(span, kind):
                continue
            if kind in {"negotiation_round", "meeting"} and self._by_phone(span.root):
                kind = "phone_call"  # "phone talks", "talks by telephone": a call, whoever holds it
            taken.update(range(start, end))
            found.append((kind, span))
        return found

    def _triggers(self, doc: Doc, index: dict[int, dict[str, Any]]) -> list[tuple[str, Span]]:
        taken: set[int] = set()
        found = self._noun_triggers(doc, taken)
        noun_kinds = {i: kind for kind, span in found for i in range(span.start, span.end)}
        for token in doc:
            if (
                token.lower_ in self.agree_forms
                and token.dep_ in VERB_DEPS
                and self._agrees_on_item(token, taken)
            ):
                found.append(("agreement", doc[token.i : token.i + 1]))
                continue
            if token.lower_ in self.audience_verbs and token.dep_ in VERB_DEPS and self._audience(token):
                said = {i for kind, span in found if kind == "statement" for i in range(span.start, span.end)}
                if not any(c.dep_ == "dobj" and c.i in said for c in token.children):
                    found.append(("statement", doc[token.i : token.i + 1]))
                continue  # "addressing a news conference": the noun is the statement
            if token.lower_ in self.platform_verbs and token.dep_ in VERB_DEPS and self._on_platform(token):
                found.append(("statement", doc[token.i : token.i + 1]))
                continue
            if (
                token.lower_ in self.talk_verbs
                and token.dep_ in VERB_DEPS
                and (self._by_phone(token) or self._called_later(token, index))
            ):
                found.append(("phone_call", doc[token.i : token.i + 1]))
                continue
            kind = self._verb_trigger(token, noun_kinds, index)
            if kind is not None:
                found.append((kind, doc[token.i : token.i + 1]))
        found.sort(key=lambda f: f[1].start)
        return found

    def _verb_trigger(
        self, token: Token, noun_kinds: dict[int, str], index: dict[int, dict[str, Any]]
    ) -> str | None:
        """The kind of event a verb tells, if it tells one ("met", "signed", "shelled")."""
        kind = self.verbs.get(token.lower_)
        if kind is None or token.i in noun_kinds or not _is_verb(token):
            return None
        needed = self.verb_objects.get(token.lower_)
        if needed is not None and not any(c.lower_ in needed for c in token.subtree):
            return None
        if any(
            c.dep_ == "dobj" and c.i in noun_kinds and _family(noun_kinds[c.i]) == _family(kind)
            for c in token.children
        ):
            # "hosted talks", "signed an agreement": the noun names the event; a noun of another kind
            # hung there by the parser names another ("met Zelensky ... amidst Russia's attack")
            return None
        if self.objects[kind] and not any(c.lower_ in self.objects[kind] for c in token.subtree):
            return None
        if token.lower_ in self.actor_object and (
            not any(
                c.dep_ == "dobj" and c.i in index and index[c.i]["kind"] in ACTOR_KINDS
                for c in token.children
            )
            or any(c.dep_ in {"xcomp", "ccomp", "oprd"} for c in token.children)
            or any(g.dep_ == "appos" for c in token.children if c.dep_ == "dobj" for g in c.children)
            or (token.i + 1 < len(token.doc) and token.doc[token.i + 1].text in {'"', "“", "‘"})
        ):
            return None  # "called Zelensky a dictator" names, it does not phone
        spurious = self.words.spurious_objects.get(kind, frozenset())
        if any(c.dep_ in {"dobj", "nsubjpass", "advmod"} and c.lower_ in spurious for c in token.children):
            return None  # "struck a deal" is no attack; "signed a decree" no deal; "meet halfway" no meeting
        if any(
            c.dep_ == "prep" and c.lower_ == "into" and any(g.lower_ in spurious for g in c.children)
            for c in token.children
        ):
            return None  # "signed the aid package into law": a law, not a deal
        if kind == "agreement" and any(
            c.dep_ == "dobj" and noun_kinds.get(c.i) in ENACTED for c in token.children
        ):
            return None  # "signed a $95-billion aid package": the aid is the event, enacted, not a deal
        return kind

    def _audience(self, token: Token) -> Token | None:
        """The assembly a speaker addresses ("told parliament", "addressed the nation"), or the press a
        speaker addresses or briefs ("addressed the media", not "told reporters")."""
        for child in token.children:
            if child.dep_ == "dobj" and child.lower_ in self.audiences:
                return child
            if (
                child.dep_ == "dobj"
                and child.lower_ in self.press_audiences
                and token.lower_ in self.press_verbs
            ):
                return child
        return None

    def _on_platform(self, token: Token) -> bool:
        """Said on a platform: "said on Telegram", "wrote on his Telegram channel", "on social media"."""
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"on", "in", "via"}:
                continue
            for pobj in prep.children:
                named = [pobj, *(c for c in pobj.children if c.dep_ in {"compound", "amod"})]
                if pobj.dep_ == "pobj" and any(t.lower_ in self.platforms for t in named):
                    return True
        return False

    def _by_phone(self, token: Token) -> bool:
        """ "spoke by phone", "talked over the telephone", "conferred via video link", "phone talks"."""
        for child in token.children:
            if child.dep_ in {"compound", "amod"} and child.lower_ in self.talk_media:
                return True
            if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "over", "via", "on"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lower_ in self.talk_media:
                        return pobj.lower_ != "link" or any(c.lower_ == "video" for c in pobj.children)
        return False

    def _called_later(self, token: Token, index: dict[int, dict[str, Any]]) -> bool:
        """ "Presidents Joe Biden and Vladimir Putin spoke frankly for nearly an hour ... The call, which took
        place at Putin's request": two named people talking, no place said, in a story that names a call."""
        partners = [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in {"with", "to"}
            for g in c.children
            if g.dep_ == "pobj"
        ]
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return False
        parties = [t for t in [*_with_conjuncts(subject), *partners] if t.i in index]
        if len({index[t.i]["name"] for t in parties}) < 2:
            return False
        if any(index[t.i]["kind"] != "person" for t in parties):
            return False  # "Yahoo News Germany spoke with Klimkin": an interview
        if any(
            c.dep_ == "prep" and c.lower_ in {"in", "at", "on"} and _places_it(c)
            for head in [token, *partners]
            for c in head.children
        ):
            return False  # "spoke with Macron in Paris": met there
        return any(t.lower_ in self.call_echoes for t in token.doc if t.i != token.i)

    def _agrees_on_item(self, token: Token, taken: set[int]) -> bool:
        """ "agreed on a ceasefire", "agreed to a prisoner exchange", "agreed to implement a truce": an
        agreement on a substantive item; "agreed to keep talking" or "agreed on the agenda" is none, and
        "agreed on a deal" is the noun's event already."""
        objects: list[Token] = []
        for child in token.children:
            if child.dep_ == "dobj":
                objects.append(child)
            elif child.dep_ == "prep" and child.lower_ in {"on", "to", "upon"}:
                objects.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "xcomp":
                if child.lower_ in self.agree_verbs:
                    return not any(c.i in taken for c in child.children if c.dep_ == "dobj")
                objects.extend(c for c in child.children if c.dep_ == "dobj")
        items = [o for one in objects for o in _with_conjuncts(one)]
        if any(o.i in taken for o in items):
            return False
        # "agreed on a 30-day ceasefire proposal": the item may be the object's compound
        named = [*items, *(c for o in items for c in o.children if c.dep_ == "compound")]
        return any(o.lower_ in self.agree_objects for o in named)

    def _has_need(self, span: Span, kind: str) -> bool:
        need = self.needs[kind]
        heads = [span.root.head, *list(span.root.head.ancestors)[:2]]
        near = [*span, *heads, *span.root.children, *span.root.head.children]
        return any(t.lower_ in need for t in near if t not in span or (len(span) > 1 and t != span.root))

    def _event(
        self,
        doc: Doc,
        kind: str,
        trigger: Span,
        index: dict[int, dict[str, Any]],
        published: dt.date | None,
    ) -> dict[str, Any] | None:
        root = trigger.root
        if root.dep_ == "compound" and root.head.i > root.i and not _is_verb(root.head):
            root = root.head  # "a military aid package for Ukraine": the phrase's head carries its arguments
        self._within = None
        if kind == "attack" and (_names_a_weapon(trigger.root, self.words) or _recognised(root, self.words)):
            # "attack helicopters": a kind of weapon; "fell short of recognizing Moscow's annexation of
            # Donetsk": a stance's topic
            return None
        clause = root if _is_verb(root) else _clause_head(root)
        if kind in GROUP_EVENTS and (_first_since(root, clause) or _habitual(root, self.words)):
            return None  # "the first summit since 2018", "has spoken with Putin regularly": no one event told
        participants = self._participants(kind, root, clause, index)
        if kind == "statement" and not any(t.lower_ == "joint" for t in [*trigger, *root.children]):
            people = [m for m in participants if m["kind"] == "person"]
            # the speaker, not the speaker's country; but "the United States and Ukraine said in a
            # statement": speakers named side by side said it together
            participants = _with_co_speakers((people or participants)[:1], participants, doc)
        if kind == "meeting" and any(
            t.lower_ in self.words.talkers for t in [*root.subtree, *clause.children]
        ):
            kind = "negotiation_round"
        for mention in participants:
            mark_acting(mention)
        names = list(dict.fromkeys(str(m["name"]) for m in participants))
        modality = self._modality(root, clause)
        if kind == "attack" and self._suspended(root):
            modality = "negated"  # "the suspension of its airstrikes": strikes held off
        if kind == "attack" and modality == "scheduled":
            # "Russia will soon invade": an attack is forecast or threatened, never set
            modality = "hypothetical"
        date, precision = self._event_date(trigger, root, clause, published, modality)
        return {
            **provenance(doc, trigger.start_char, trigger.end_char),
            "type": kind,
            "participants": names,
            "place": self._place(kind, root, clause, participants),
            "within": self._within,
            # "the two sides agreed a ceasefire": the parties of the gathering told before, lent later
            "sides": not participants and _by_both_sides(root, clause, self.words),
            # "said on Telegram": a post, written anywhere, that neither talks nor a dateline place
            "written": kind == "statement" and root.lower_ in self.platform_verbs and self._on_platform(root),
            # "a meeting organized by Ukraine": a gathering its one named party convened for others
            "convened": kind in GROUP_EVENTS and _convened(root, self.words),
            "date": date,
            "date_precision": precision,
            "modality": modality,
            "trigger": trigger.text,
        }

    def _event_date(
        self, trigger: Span, root: Token, clause: Token, published: dt.date | None, modality: str
    ) -> tuple[str | None, str | None]:
        """The first date the event's clause states that resolves, with its precision."""
        doc = trigger.doc
        scope = doc[clause.left_edge.i : clause.right_edge.i + 1] if clause != root else trigger.sent
        # "a meeting in which they tore into him for the aid sent since Feb. 24, 2022": the clause's dates
        # are what it tells of, not the meeting's
        within = {t.i for c in _clauses_within(root) for t in c.subtree}
        for text in _date_texts(scope, root, self.words, _other_clauses(clause) | within):
            date, precision = resolve_date(text, published, future=modality == "scheduled")
            if date is not None or precision is not None:
                return date, precision
        return None, None

    # -- participants ----------------------------------------------------------------------------
    def _participants(
        self, kind: str, root: Token, clause: Token, index: dict[int, dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """The actors taking part in the event: those the trigger noun names, then the subjects (and
        partners) of the verbs that stage it."""
        modifiers = self._modifier_tokens(kind, root)
        stagers = self._stager_tokens(root)
        # "according to a statement issued by the Kremlin", "a Kremlin readout", "Zelensky's address": its
        # issuer, whoever the clause is about
        issuers = (
            self._actors(stagers, index) or self._actors(modifiers, index) if kind == "statement" else []
        )
        if issuers:
            return issuers
        tokens = [*modifiers, *self._partner_tokens(kind, root, index), *stagers, *_told_within(kind, root)]
        named_by_modifiers = any(t.i in index and index[t.i]["kind"] in ACTOR_KINDS for t in modifiers)
        verbs = self._subject_verbs(kind, root, clause, named_by_modifiers)
        for head in verbs.heads:
            if (
                head in {verbs.clause, verbs.own}
                and not _is_verb(root)
                and head.lower_ in self.words.reporting
                and kind != "statement"
                and not verbs.hosted
            ):
                continue  # "..., a U.S. official said": the speaker of a report is not in the event
            tokens.extend(self._argument_tokens(kind, root, head, index, lent=head is verbs.lender))
        if kind == "statement" and root.lower_ in self.interviews:
            asking = self._interviewers(root)
            tokens = [t for t in tokens if t.i not in asking]
        return self._actors(tokens, index)

    def _interviewers(self, root: Token) -> set[int]:
        """The tokens naming who held an interview ("an interview with Piers Morgan", "gave an interview to
        Tucker Carlson", "was conducted by ..."): the interviewee alone made the statement."""
        if any(c.lower_ in self.shared_interviews for c in root.children):
            return set()
        heads = [root, root.head] if root.dep_ in {"dobj", "nsubjpass", "pobj"} else [root]
        return {
            t.i
            for head in heads
            for prep in head.children
            if prep.dep_ in {"prep", "agent", "dative"} and prep.lower_ in self.interviewer_preps
            for t in prep.subtree
        }

    def _modifier_tokens(self, kind: str, root: Token) -> list[Token]:
        """Modifiers of a noun trigger: "Russian airstrikes", "the Trump-Putin meeting", "Trump's call"."""
        modifiers: list[Token] = []
        for child in root.children:
            if child.dep_ == "compound" and kind != "statement" and _venue_at(child, self.words) is not None:
                continue  # "a White House meeting": where it was held (but "a Kremlin readout" is Russia's)
            if child.dep_ in {"amod", "compound", "poss", "nmod"}:
                modifiers.extend(_with_conjuncts(child))
                modifiers.extend(c for c in child.children if c.dep_ in {"compound", "amod"})
        # "the Minsk II agreement": the city names where it was made, not a party to it
        return [m for m in modifiers if not _city_named(m)]

    def _partner_tokens(self, kind: str, root: Token, index: dict[int, dict[str, Any]]) -> list[Token]:
        """The objects of the trigger's prepositions ("talks with Russia", "a package for Ukraine")."""
        tokens: list[Token] = []
        object_preps = _object_preps(kind)
        # "the next round of talks between Russia and Ukraine": the partners of the talks are the round's
        partnered = [root]
        if kind in GROUP_EVENTS:
            partnered += [
                p for c in root.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
            ]
        for noun in partnered:
            for child in noun.children:
                if child.dep_ != "prep" or child.lower_ not in object_preps:
                    continue
                if noun is not root and child.lower_ not in {"with", "between"}:
                    continue
                for pobj in child.children:
                    if pobj.dep_ != "pobj" or self._visit_to(root, pobj, index):
                        continue  # "a visit to Berlin": where the visitor went, no party
                    tokens.extend(_with_modifiers(pobj, self.words))
                    for one in _with_conjuncts(pobj):
                        tokens.extend(_of_phrase(one, index, self.words))
        return tokens

    def _visit_to(self, root: Token, pobj: Token, index: dict[int, dict[str, Any]]) -> bool:
        """Is ``pobj`` the place a visit noun goes "to" ("Kerry's visit to Sochi")?"""
        return (
            not _is_verb(root)
            and root.lower_ in self.words.visits
            and pobj.head.lower_ == "to"
            and pobj.head.head == root
            and _visited_place(pobj, index)
        )

    def _stager_tokens(self, root: Token) -> list[Token]:
        """The agents of a participle, or the subject of a relative clause, staging a noun trigger."""
        tokens: list[Token] = []
        for child in root.children:
            # "a deal brokered by Turkey", "an agreement signed by Russia and Ukraine"
            if child.dep_ == "acl" and child.lower_ in self.words.staging_participles and not _is_verb(root):
                tokens.extend(_partners(child, agent=True))
            # "the talks he had with Putin", "the deal they signed": the trigger is the clause's object
            if (
                child.dep_ == "relcl"
                and child.lower_ in self.words.light_verbs
                and not any(c.dep_ == "dobj" for c in child.children)
            ):
                # a subject that is a relative pronoun ("the talks, which began ...") is the trigger itself
                tokens.extend(
                    c for c in child.children if c.dep_ == "nsubj" and relative_antecedent(c) is None
                )
                tokens.extend(_partners(child))
        return tokens

    def _subject_verbs(
        self, kind: str, root: Token, clause: Token, named_by_modifiers: bool
    ) -> _SubjectVerbs:
        """The trigger and the verbs whose subjects take part in the event."""
        # The clause's subject: "X met Y", "X held talks", "X said in a statement"; a clause without one
        # takes the subject of the clause it hangs from.
        if named_by_modifiers and not _is_verb(root) and kind != "statement":
            heads: list[Token] = [root]  # "Russia's invasion": the noun names its own participants
        else:
            heads = [root] if root == clause else [root, clause]
        lender = self._subject_clause(kind, root, clause)
        if lender != clause:
            heads.append(lender)
        if root.dep_ == "xcomp":
            heads.append(root.head)  # "the ministers are expected to meet"
            if root.head.dep_ == "acomp" and not any(
                c.dep_ == "nsubj" and c.lower_ == "it" for c in root.head.head.children
            ):
                # "Lavrov was due to meet Kerry": the subject of "was" (but "it is due to be signed"
                # is the thing, not a party)
                heads.append(root.head.head)
        elif clause != root and clause.dep_ == "xcomp" and clause.lower_ in self.words.light_verbs:
            heads.append(clause.head)  # "officials are scheduled to hold talks"
        own = clause  # the verb the trigger hangs from, before borrowing a subject
        while clause.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in clause.children):
            clause = clause.head  # "X met Y and signed ...": the first verb's subject
            heads.append(clause)
        hosted = self._hosted(kind, root, own)
        if hosted and own.dep_ == "advcl" and own_subject(own) is None and lender in {clause, own}:
            # "Putin, speaking after a meeting with Burkhalter, said ...": the speaker of the clause above
            lender = own.head
            heads.append(lender)
        staged = self._staged(root, own) or hosted
        if not _is_verb(root) and kind != "statement" and not staged:
            # "Trump criticised the attack": only a verb that stages the event ("held talks", "launched
            # strikes", "attended the summit") makes its subject a participant.
            heads = [h for h in heads if h == root or (h.dep_ == "xcomp" and h not in {clause, own})]
        # "Rubio met Lavrov, having already met with ASEAN": the clause climbed to lends its subject, not
        # its partners (a conjunct's verb, "X met Y and signed ...", is the same event's and lends all)
        lent = lender if lender not in {clause, own} else None
        return _SubjectVerbs(heads, clause, own, hosted, lent)

    def _subject_clause(self, kind: str, root: Token, clause: Token) -> Token:
        """The clause that lends a subjectless statement or meeting its subject."""
        head = clause
        # A statement, or a meeting told in a clause of its own ("after meeting Putin in Alaska, Trump ..."),
        # without a subject takes the subject of the clause it hangs from.
        climbs = (
            3
            if kind == "statement"
            else (3 if kind in GROUP_EVENTS and root.dep_ in {"pcomp", "advcl"} else 0)
        )
        for _ in range(climbs):
            if any(c.dep_ in {"nsubj", "agent"} for c in head.children) or head.head == head:
                break
            if _participle_of_noun(head):
                break  # "Trump, speaking after meeting Zelensky": the noun it describes is its subject
            if head.dep_ not in {"advcl", "xcomp", "conj", "acl", "pcomp", "ccomp"} and not (
                climbs and head.dep_ == "prep" and kind in GROUP_EVENTS
            ):
                break
            head = head.head
        return head

    def _staged(self, root: Token, own: Token) -> bool:
        """Does a light verb stage the noun trigger through its own object ("held talks")?"""
        # A noun buried in a phrase ("on the anniversary of the invasion") is no argument of the verb.
        # "pledged $500 million in aid", "held a round of talks": through the verb's own object it still is.
        anchor = root
        while anchor.dep_ == "conj" and anchor.head != anchor and anchor.head != own:
            anchor = anchor.head  # "resumed intelligence sharing and military aid": the first object's place
        via = anchor.head.head
        direct = anchor.head == own or (
            anchor.head.dep_ == "prep"
            # "held a round of talks", "reached the deal during a call", "spoke after talks with Erdogan";
            # not "may meet after the talks": talks without a partner named are not the subject's
            and (
                anchor.head.lower_ in {"of", "in", "during"}
                or any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in root.children)
            )
            and (via == own or (via.dep_ in {"dobj", "attr", "nsubj", "nsubjpass"} and via.head == own))
        )
        return own.lower_ in self.words.light_verbs and direct

    def _hosted(self, kind: str, root: Token, own: Token) -> bool:
        """Is the clause set at a gathering whose subject takes part in it?"""
        # "announced the truce at a meeting with Gerasimov", "said during talks with Lukashenko": the
        # subject of a clause set at a gathering with a named partner is the partner's counterpart.
        return (
            kind in GROUP_EVENTS
            and root.head.dep_ == "prep"
            and root.head.lower_ in {"at", "during", "in", "after"}
            and root.head.head == own
            and (
                any(c.dep_ == "prep" and c.lower_ == "with" for c in root.children)
                # "argued with Zelensky in an Oval Office meeting": the verb names the partner
                or (
                    root.head.lower_ != "after"
                    and any(c.dep_ == "prep" and c.lower_ == "with" for c in own.children)
                )
                # "Putin and Xi discussed Ukraine in a phone call": a call is its speakers'
                or (kind == "phone_call" and root.head.lower_ != "after")
                # "Modi told Putin at a televised meeting": the one told is the partner
                or (
                    root.head.lower_ != "after"
                    and own.lower_ in self.words.reporting
                    and any(c.dep_ in {"dobj", "dative"} for c in own.children)
                )
            )
        )

    def _argument_tokens(
        self, kind: str, root: Token, head: Token, index: dict[int, dict[str, Any]], *, lent: bool = False
    ) -> list[Token]:
        """The subjects, agents, objects and partners of one verb staging the event (only the subjects of
        a clause that lends its subject)."""
        tokens: list[Token] = []
        subjects: list[Token] = []
        if _participle_of_noun(head) and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
            subjects.append(head.head)
        for child in head.children:
            if child.dep_ in {"nsubj", "agent"} or (child.dep_ == "nsubjpass" and head != root):
                # "was approved by envoys of ...": the agent is the noun after "by"
                subjects.extend(
                    [c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "agent" else [child]
                )
        for subject in subjects:
            if kind == "statement" and subject.lower_ in self.words.proxies:
                tokens.extend(_with_conjuncts(subject))  # "the Ukrainian representative tweeted"
            else:
                tokens.extend(_with_modifiers(subject, self.words))
            tokens.extend(_of_phrase(subject, index, self.words))
        if lent:
            return tokens
        for child in head.children:
            if (
                head == root
                and child.dep_ == "dobj"
                and _is_verb(root)
                and kind != "attack"
                and not (root.lower_ in self.words.visits and _visited_place(child, index))
            ):
                tokens.extend(_with_conjuncts(child))
            if (
                kind in GROUP_EVENTS
                and child.dep_ in {"dobj", "dative"}
                and head.lower_ in self.words.reporting
            ):
                # "Modi told Putin at a meeting": the one told was there
                tokens.extend(_with_conjuncts(child))
            partners = {"with", "between", "to"} if kind == "aid" else {"with", "between"}
            if child.dep_ == "prep" and child.lower_ in partners:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        for one in _with_conjuncts(pobj):
                            tokens.append(one)
                            tokens.extend(_of_phrase(one, index, self.words))
        return tokens

    def _actors(self, tokens: list[Token], index: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
        """The actors the tokens name, each once, in order; places and unlinked names are none."""
        found: list[dict[str, Any]] = []
        for token in tokens:
            if _names_a_place(token, self.words) or dateline_word(token):
                continue  # "the Belarusian capital", "MINSK, 12 February —": a place, not a party
            group = plural_antecedent(token, index, ACTOR_KINDS)
            if group:
                found.extend(m for m in group if m not in found)
                continue
            mention = index.get(token.i)
            if mention is None and token.lower_ in {
                "he",
                "she",
                "they",
                "it",
                "who",
                "which",
                *self.words.possessives,
            }:
                mention = resolve_pronoun(token, index, self.quote_words)
            if mention is None or mention["kind"] not in ACTOR_KINDS:
                continue
            if not mention["linked"] and mention["kind"] != "person":
                continue
            if mention not in found:
                found.append(mention)
        return found

    # -- place -----------------------------------------------------------------------------------
    def _place(self, kind: str, root: Token, clause: Token, participants: list[dict[str, Any]]) -> str | None:
        """The most specific place the clause gives the event (the country it lies in goes to
        ``self._within``); a participant's name is no place."""
        names = {str(m["name"]) for m in participants}
        audience = (
            self._audience(root) if kind == "statement" and root.lower_ in self.audience_verbs else None
        )
        if audience is not None and audience.lower_ in self.legislatures:
            # "told Ukraine's parliament": the legislature is where the statement was made
            said = [t for t in audience.subtree if t.i <= audience.i and t.dep_ != "det"]
            return root.doc[said[0].i : audience.i + 1].text if said else None
        best: Span | None = None
        for span in self._place_candidates(kind, root, clause):
            if span.text in names:
                continue
            if best is None or (_country_place(best) and not _country_place(span)):
                best = span
        if best is None:
            # "launched drones at Ukrainian cities": no place named, but the country the target lies in
            return _target_country(root, self.words) if kind == "attack" else None
        if capital_city(best, self.words) is None:
            self._within = _country_of_place(best, self.words)
        return _place_name(best, self.words)

    def _place_candidates(self, kind: str, root: Token, clause: Token) -> list[Span]:
        """The places the clause names for the event, in the order they are preferred among equals."""
        candidates = self._visited(kind, root, clause)
        if kind == "attack":
            candidates.extend(self._targets(root))
        # "a White House meeting" was held there; "a Kremlin readout" was issued by it (a party, no place)
        venue = None if _is_verb(root) or kind == "statement" else _compound_venue(root, self.words)
        if venue is not None:
            candidates.append(venue)  # "a White House meeting": a venue naming the event noun
        if not _is_verb(root):
            named = [c for c in root.children if c.dep_ == "compound"]
            named += [g for c in named for g in c.children if g.dep_ == "compound"]
            # "the Minsk II agreement", "the Istanbul talks"
            candidates.extend(root.doc[c.i : c.i + 1] for c in named if _city_named(c))
        journey = _journey(root, self.words)
        if journey is not None and kind in GROUP_EVENTS:
            for prep in journey.children:  # "travelled to Brussels to meet ...": where the journey went
                if prep.dep_ == "prep" and (prep.lower_ == "to" or prep.lower_ in self.words.place_preps):
                    found = [_place_span(p, self.words) for p in prep.children if _object_of_prep(p)]
                    candidates.extend(span for span in found if span is not None)
        candidates.extend(self._prep_places(kind, root, clause))
        if kind in GROUP_EVENTS:
            candidates.extend(self._trip_places(root, clause))
        candidates.extend(self._stranded_places(clause))
        candidates.extend(self._where_places(root, clause))
        if not candidates and kind in GROUP_EVENTS:
            candidates.extend(self._scene_places(root, clause))
        return candidates

    def _where_places(self, root: Token, clause: Token) -> list[Span]:
        """The place a "where" clause telling the event hangs from: "Belarus, where the first rounds of
        talks took place"; "a trip to Russia where he met Putin"."""
        candidates: list[Span] = []
        for head in (root, clause):
            if head.dep_ == "relcl" and any(c.lower_ == "where" for c in head.children):
                where = _place_span(head.head, self.words)
                if where is None and head.head.lower_ in self.words.trips:
                    candidates.extend(self._destinations(head.head))
                elif where is not None:
                    candidates.append(where)
        return candidates

    def _visited(self, kind: str, root: Token, clause: Token) -> list[Span]:
        """The place a gathering's verb of visiting or hosting names."""
        candidates: list[Span] = []
        index = mention_index(root.doc)
        visit = clause.head if clause.dep_ == "conj" and clause.head.lower_ in self.words.visits else root
        if kind in GROUP_EVENTS and visit.lower_ in self.words.visits and _is_verb(visit):
            for child in visit.children:
                # "visited Kyiv": the place visited
                if child.dep_ == "dobj" and _visited_place(child, index):
                    candidates.append(entity_at(root.doc, child.i) or root.doc[child.i : child.i + 1])
        if kind in GROUP_EVENTS and root.lower_ in self.words.welcoming and _is_verb(root):
            # "welcomed Erdogan to Sochi": where the visitor was received
            received = [p for c in root.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children]
            spans = (_place_span(p, self.words) for p in received if _object_of_prep(p))
            candidates.extend(span for span in spans if span is not None)
        if kind in GROUP_EVENTS and not _is_verb(root):
            destinations = [p for c in root.children if c.lower_ == "to" for p in c.children]
            candidates.extend(
                entity_at(root.doc, p.i) or root.doc[p.i : p.i + 1]
                for p in destinations
                if self._visit_to(root, p, index)
            )
        if kind in GROUP_EVENTS and root.dep_ == "dobj" and root.head.lower_ in self.words.convening:
            # "Istanbul is hosting negotiations", "Vilnius hosted the summit": the host city is the place
            for subject in root.head.children:
                span = _place_span(subject, self.words) if subject.dep_ == "nsubj" else None
                if span is not None:
                    candidates.append(span)
        return candidates

    def _trip_places(self, root: Token, clause: Token) -> list[Span]:
        """Where a journey told around a gathering went: "met Zelensky during a visit to Kyiv", "met
        Witkoff after he landed in Moscow", "held talks on a trip to Ankara"."""
        trips: list[Token] = []
        # "met Erdogan on a trip to Ankara": the parser may hang the phrase on the person met
        heads = [root, clause, *(c for c in root.children if c.dep_ == "dobj")]
        for head in dict.fromkeys(heads):
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in self.words.trip_links:
                    trips.extend(p for p in child.children if self._trip(p))
                elif child.dep_ == "advcl" and child.lower_ in self.words.trip_verbs:
                    trips.append(child)
        return [span for trip in trips for span in self._destinations(trip)]

    def _destinations(self, trip: Token) -> list[Span]:
        """Where a journey goes: "a visit to Kyiv", "after visiting Kyiv", "the mission he is making to
        Moscow" (the destination may hang on the clause telling the trip)."""
        places: list[Token] = []
        if trip.lower_ in self.words.visits and _is_verb(trip):
            places.extend(c for c in trip.children if c.dep_ == "dobj")
        told = [trip, *(c for c in trip.children if c.dep_ == "relcl")]
        for prep in (c for one in told for c in one.children):
            if prep.dep_ == "prep" and prep.lower_ in {"to", "in", "at"}:
                places.extend(p for p in prep.children if _object_of_prep(p))
        spans = (_place_span(p, self.words) for p in places)
        return [span for span in spans if span is not None]

    def _trip(self, token: Token) -> bool:
        """A journey a time phrase names: "during a visit", "after visiting", "on a trip"."""
        if token.dep_ == "pcomp":
            return token.lower_ in self.words.trip_verbs
        return token.dep_ == "pobj" and token.lower_ in self.words.trips

    def _targets(self, root: Token) -> list[Span]:
        """The places an attack targets."""
        candidates: list[Span] = []
        # The target: "struck Kharkiv", "Kharkiv was shelled", "Crimea, which Russia annexed"
        targets = [c for c in root.children if c.dep_ in {"dobj", "nsubjpass"}]
        if root.dep_ == "relcl" and not any(
            c.dep_ == "dobj" and c.lower_ not in {"which", "that"} for c in root.children
        ):
            targets.append(root.head)
        for child in targets:
            span = _place_span(child, self.words) or _unlinked_name(child)
            if span is not None:
                candidates.append(span)
        return candidates

    def _prep_places(self, kind: str, root: Token, clause: Token) -> list[Span]:
        """The places in the prepositional phrases of the trigger's (and its clause's) own words."""
        candidates: list[Span] = []
        preps = self.words.place_preps | self.words.kind_preps.get(kind, frozenset())
        scopes: tuple[Token, ...] = (root, clause)
        if kind == "attack" and not _is_verb(root) and root.head != clause and root.dep_ != "dobj":
            scopes = (root,)  # "talks on the Russian invasion took place in Brest": the talks' place
        if kind == "statement" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
            scopes = (root,)  # "ordered a ceasefire in Ukraine, according to a statement": the source
        for head in scopes:
            for token in head.subtree:
                if not _object_of_prep(token) or token.head.lower_ not in preps:
                    continue
                if not _governed_by(token.head.head, scopes, self.words, attack=kind == "attack"):
                    continue  # "talks on ending the war in Ukraine": that place is the war's
                if kind == "statement" and _in_content(token.head.head, root, clause):
                    continue  # "the leaders backed a ceasefire in eastern Ukraine": the content's place
                if kind != "attack" and _other_object(token, root, clause):
                    # "during the call, they discussed the situation in Ukraine": the topic's (but "Russian
                    # strikes hit every plant in Ukraine": an attack's target)
                    continue
                span = _place_span(token, self.words)
                if span is not None and kind != "attack" and token.head.lower_ == "on" and _is_country(span):
                    continue  # "a meeting of the Contact Group on Ukraine", "talks on Ukraine": a topic
                if span is not None:
                    candidates.append(span)
        return candidates

    def _scene_places(self, root: Token, clause: Token) -> list[Span]:
        """Where the act a gathering is told around took place, when the gathering's people did it:
        "told a press conference at the White House after meeting with Macron" (the meeting's own words
        name no place)."""
        host = _scene_host(root if not _is_verb(root) else clause, self.words)
        if host is None:
            return []
        inside = {t.i for t in clause.subtree}
        holders = (host, *(c for c in host.children if c.dep_ == "dobj"))
        return _places_on(holders, self.words, lambda prep: prep.i not in inside)

    def _stranded_places(self, clause: Token) -> list[Span]:
        """Places the parser hung on the verb reporting the event's clause though they stand inside it:
        "Burns has met Naryshkin ... in the Turkish capital, Ankara, the Kremlin has confirmed"."""
        reporter = clause.head
        if clause.dep_ != "ccomp" or reporter.i < clause.i:
            return []
        subject = own_subject(reporter)
        limit = subject.left_edge.i if subject is not None and subject.i < reporter.i else reporter.i
        return _places_on((reporter,), self.words, lambda prep: clause.i < prep.i < limit)

    # -- modality --------------------------------------------------------------------------------
    def _suspended(self, root: Token) -> bool:
        """Is the attack what a suspension governs: "suspend attacks", "the suspension of its airstrikes", "a
        moratorium on strikes", "refraining from strikes" (but not "a halt to hostilities since the
        invasion")?"""
        head = root.head
        if root.dep_ == "pobj" and head.lower_ in {"of", "on", "to", "from"}:
            head = head.head
        elif root.dep_ != "dobj":
            return False
        return head.lower_ in self.words.suspensions

    def _unfailed(self, words: list[str], chain: list[Token]) -> list[str]:
        """The chain's words without its failure words when the event is what failed, not what failed to
        happen: "the talks failed to yield progress", "the failed peace talks" were held."""
        failures = self.words.failures
        if any(
            b.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in failures for b, t in itertools.pairwise(chain)
        ) or any(c.dep_ == "amod" and c.lower_ in failures for c in chain[0].children):
            return [w for w in words if w not in failures]
        return words

    def _modality(self, root: Token, clause: Token) -> str:
        chain = [root]
        stops = {"conj", "advcl", "ccomp", "relcl", "parataxis", "ROOT"}
        if root.dep_ == "acl" and any(c.dep_ == "agent" for c in root.children):
            stops.add("acl")  # "the demands tweeted by the adviser": the noun does not govern the act
        for ancestor in root.ancestors:
            if chain[-1].dep_ in stops:
                break  # another clause's words do not govern this one
            if ancestor.dep_ == "prep" and ancestor.lower_ in {"at", "during"} and ancestor == root.head:
                break  # "agreed on a proposal at talks in Jeddah": where something was done, not what
            chain.append(ancestor)
            if len(chain) > 4:
                break
        words = self._unfailed(_governing_words(chain), chain)
        if root.sent.text.rstrip().rstrip("\"'”’)").endswith("?"):
            return "hypothetical"  # "Are you talking about lining up that meeting?": asked about, not told
        verb = root if _is_verb(root) else (clause if clause.lower_ in self.words.light_verbs else None)
        if verb is not None and any(a.lower_ in self.words.denials for a in list(verb.ancestors)[:4]):
            return "negated"  # "denied providing soldiers", "denies claims that it sent troops"
        if verb is None and _denied_hearsay_of(root, self.words):
            return "negated"  # "the Kremlin rejected reports of a phone conversation"
        ruled_out = any(
            t.lower_ in {"rule", "rules", "ruled", "ruling"} and any(c.lower_ == "out" for c in t.children)
            for t in chain
        )
        if any(c.dep_ == "det" and c.lower_ in self.nonspecific for c in root.children):
            return "hypothetical"  # "any negotiations with Moscow"
        if chain[-1].dep_ in {"relcl", "acl"} and chain[-1].head.lower_ in self.premises:
            return "hypothetical"  # "in the event it is ever attacked": supposed, not told
        if any(t.dep_ == "xcomp" and t.head.lower_ in self.words.tries for t in chain):
            return "hypothetical"  # "will attempt to reach a ceasefire agreement"
        if any(t.lower_ == "for" and t.head.lower_ in self.words.asking for t in chain[1:]):
            return "hypothetical"  # "called on Saturday for direct talks": asked for, not held
        if any(
            t.lower_ == "to"
            and any(c.dep_ == "dobj" and c.lower_ in self.hypothetical for c in t.head.children)
            for t in chain[1:]
        ):
            return "hypothetical"  # "reiterated his openness to meeting Zelensky": "to" hung on the verb
        if ruled_out or any(w in self.negated for w in words):
            return "negated"
        if any(w in self.hypothetical for w in words):
            return "hypothetical"
        if chain[-1].dep_ == "ccomp" and chain[-1].head.lower_ in self.hypothetical:
            return "hypothetical"  # "demanded that Russia sign a ceasefire agreement": asked for, not done
        if chain[-1].dep_ == "ccomp" and chain[-1].head.lower_ in self.negated:
            return "negated"  # "to prevent Putin launching a fresh assault": kept from happening
        if any(w in self.scheduled for w in words):
            return "scheduled"
        journey = _journey(root, self.words)
        if journey is not None:
            return self._modality(journey, journey)  # "travelled to Brussels to meet ...": as the journey
        decided = chain[0].dep_ == "xcomp" and chain[0].head.lower_ in self.words.decisions
        if not decided and is_infinitive(chain[0]):
            return "hypothetical"  # "to strike a deal": a purpose, not an occurrence
        return "happened"


def _names_a_weapon(trigger: Token, words: EventWords) -> bool:
    """Does an attack noun only say what kind a thing is ("assault ships", "attack helicopters"), not
    what a series of strikes is ("a drone strike campaign")?"""
    head = trigger.head
    return (
        trigger.dep_ == "compound"
        and head.i > trigger.i
        and not _is_verb(head)
        and head.lower_ not in words.attack_series
    )


def _denied_hearsay_of(root: Token, words: EventWords) -> bool:
    """Is a noun trigger what reports or claims a denial dismisses are of ("denied reports of a call")?"""
    of = root.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    told = of.head if of is not None else None
    return (
        told is not None
        and told.lower_ in words.hearsay_nouns
        and told.dep_ in {"dobj", "nsubjpass"}
        and told.head.lower_ in words.denials
    )


def _governing_words(chain: list[Token]) -> list[str]:
    """The words of the chain from a trigger up its clause, with the auxiliaries, negations, modifiers and
    marks hanging from each, and a phrasal verb as the lexicon writes it ("called off")."""
    words: list[str] = []
    for below, token in zip([None, *chain], chain, strict=False):
        words.append(token.lower_)
        # "the meeting was not a negotiation": the "not" denies what the meeting was, not that it was
        judged = (
            below is not None
            and below.dep_ == "nsubj"
            and any(c.dep_ in {"attr", "acomp"} for c in token.children)
        )
        words.extend(
            c.lower_
            for c in token.children
            if c.dep_ in {"aux", "neg", "amod", "mark", "advmod", "det"} and not (judged and c.dep_ == "neg")
        )
        if judged:  # "a meeting between Putin and Zelensky is possible": what is said of it
            words.extend(c.lower_ for c in token.children if c.dep_ == "acomp")
        # a phrasal verb as the lexicon writes it ("called off")
        words.extend(f"{token.lower_} {c.lower_}" for c in token.children if c.dep_ in {"prt", "advmod"})
    return words


# Links through which a place phrase still belongs to the event: "held a round of talks in Vienna", "met
# Scholz, Biden and Sunak in Rome" (the parser hangs "in Rome" on the last person met).
EVENT_LINKS = {"dobj", "conj", "appos", "pobj", "compound", "attr", "nsubjpass"}


def _clause_child(token: Token, clause: Token, root: Token | None = None) -> Token | None:
    """The child of ``clause`` the token hangs from (itself, or one of its heads), unless the way up meets
    ``root`` or the clause first."""
    while token != clause and token != root and token.head != token:
        if token.head == clause:
            return token
        token = token.head
    return None


def _other_object(token: Token, root: Token, clause: Token) -> bool:
    """Is the token inside an object of the clause's verb that is not the event noun's own phrase ("during
    the phone conversation, they discussed the situation in Ukraine": what they discussed)?"""
    child = _clause_child(token, clause) if root != clause else None
    return (
        child is not None and child.dep_ == "dobj" and not child.left_edge.i <= root.i <= child.right_edge.i
    )


def _in_content(token: Token, root: Token, clause: Token) -> bool:
    """Is ``token`` inside what a statement says, the object or clause of its verb rather than the statement
    itself ("the leaders backed a ceasefire in eastern Ukraine")?"""
    child = _clause_child(token, clause, root)
    return child is not None and child.dep_ in {"dobj", "ccomp", "xcomp"}


def _governed_by(token: Token, heads: tuple[Token, ...], words: EventWords, *, attack: bool = False) -> bool:
    """Whether ``token`` is one of ``heads`` or reached from one only through the event's own phrase:
    its objects, their conjuncts, "of"/"with"/"between" phrases and the gathering it happened at ("an
    address at the summit in Bali"), or an attack's target ("a strike on a plant in Bryansk"), never
    another clause or topic."""
    links = words.event_link_preps | (words.kind_preps["attack"] if attack else set())
    below: Token | None = None
    for _ in range(8):
        if token in heads:
            return True
        if token.dep_ == "pobj" and token.ent_type_ == "DATE" and token.head.dep_ == "prep":
            token = token.head  # "will meet Putin on February 6 in Moscow": the date is the event's
        elif token.dep_ == "prep":
            on_the_sidelines = token.lower_ == "on" and below is not None and below.lower_ in words.sidelines
            if token.lower_ not in links and not on_the_sidelines:
                return False
        elif token.dep_ == "acl" and token.lower_ in words.staging_participles:
            pass  # "a deal brokered in Istanbul", "the protocol signed in Minsk"
        elif token.dep_ in {"relcl", "xcomp"} and _tells_it_happened(token, words):
            # "talks that took place in Novo-Ogaryovo", "the summit, which was held in Minsk", "the summit is
            # expected to be held in Astana"
            pass
        elif _noun_taken_for_a_clause(token):
            pass  # "signed a minerals deal in Washington": the deal, parsed as a clause, is the object
        elif token.dep_ == "conj" and below is not None and below.dep_ == "dobj" and _is_verb(token.head):
            return False  # "met Putin and discussed the war in Ukraine": the other verb's object
        elif token.dep_ not in EVENT_LINKS or token.head == token:
            return False
        below, token = token, token.head
    return False


def _noun_taken_for_a_clause(token: Token) -> bool:
    """A noun phrase the parser made a clausal complement ("signed [a minerals deal] in Washington"): it
    opens with a determiner, and has no subject or auxiliary of its own."""
    children = {c.dep_ for c in token.children}
    return (
        token.dep_ == "ccomp"
        and token.left_edge.dep_ == "det"
        and not {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} & children
    )


def _told_within(kind: str, root: Token) -> list[Token]:
    """The people of a clause telling what went on in a gathering ("a meeting in which Trump and Vance tore
    into Zelensky", "talks at which both sides agreed"): its subject and objects took part."""
    if kind not in GROUP_EVENTS or _is_verb(root):
        return []
    tokens: list[Token] = []
    for clause in _clauses_within(root):
        for child in clause.children:
            if child.dep_ in {"nsubj", "dobj"}:
                tokens.extend(
                    t for t in child.subtree if t.dep_ in {"nsubj", "dobj", "nmod", "conj", "compound"}
                )
            if child.dep_ == "prep":
                tokens.extend(o for o in child.children if o.dep_ == "pobj" and o.lower_ != "which")
    return tokens


def _clauses_within(root: Token) -> list[Token]:
    """The relative clauses hung on an event noun by "in which", "at which", "during which"."""
    return [
        clause
        for clause in root.children
        if clause.dep_ == "relcl"
        and any(
            p.dep_ == "prep"
            and p.lower_ in {"in", "at", "during"}
            and any(o.lower_ == "which" for o in p.children)
            for p in clause.children
        )
    ]


def _tells_it_happened(verb: Token, words: EventWords) -> bool:
    """Is a relative clause on the event only telling that it happened ("which took place", "that was
    held"), so that its places are the event's?"""
    if verb.lower_ in words.staging_participles:
        return True
    return verb.lower_ in words.occurring and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children
    )


NOMINAL_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "compound"}


def _partners(verb: Token, *, agent: bool = False) -> list[Token]:
    """The objects, with their conjuncts, of the verb's "with" and "between" (and, with ``agent``, of its
    "by"): with whom, or by whom, it was done."""
    return [
        one
        for prep in verb.children
        if (prep.dep_ == "prep" and prep.lower_ in {"with", "between"}) or (agent and prep.dep_ == "agent")
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for one in _with_conjuncts(pobj)
    ]


def _participle_of_noun(token: Token) -> bool:
    """A present participle describing a noun ("Trump, speaking after ..."): the noun does what it says."""
    return token.dep_ == "acl" and token.lower_.endswith("ing") and not _is_verb(token.head)


def _is_verb(token: Token) -> bool:
    """Whether the parse makes ``token`` a clause: a conjunct of a noun ("resumed intelligence sharing and
    military aid") is a noun, though "conj" is a clause's link too."""
    head = token
    for _ in range(6):
        if head.dep_ != "conj" or head.head == head:
            break
        head = head.head
    if head is not token and head.dep_ in NOMINAL_DEPS:
        return False
    return token.dep_ in VERB_DEPS


def _visited_place(token: Token, index: dict[int, dict[str, Any]]) -> bool:
    """ "visited Kyiv", "visited Ukraine": a place or a country named as what is visited, not a party; a
    lone unknown name visited ("Kerry's visit to Sochi", Sochi tagged a person) is a place too."""
    mention = index.get(token.i)
    if mention is not None and mention["kind"] == "person" and not mention["linked"]:
        return bool(mention["tok_end"] - mention["tok_start"] == 1)
    return token.ent_type_ in PLACE_LABELS or (mention is not None and mention["kind"] == "country")


def _first_since(root: Token, clause: Token) -> bool:
    """ "It is the first summit since their meeting in Helsinki", "the summit was the first since ...": a
    comparison with an earlier event, not a report of a new one."""
    if _is_verb(root):
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"between", "with"} for c in root.children):
        return False  # "the meetings between Putin and Poroshenko in Milan, the first since ...": reported
    firsts = [t for t in [*root.children, *clause.children] if t.lower_ in {"first", "last"}]
    if not firsts:
        return False
    scope = [*root.subtree, *clause.children, *(t for f in firsts for t in f.subtree)]
    return any(t.lower_ == "since" for t in scope)


def _habitual(root: Token, words: EventWords) -> bool:
    """Is the verb told as done again and again ("has spoken with Putin regularly since the invasion", "has
    met Putin three times")? Many gatherings summed up, none of them told."""
    if not _is_verb(root):
        return False
    near = [*root.children, *(g for c in root.children if c.dep_ == "prep" for g in c.children)]
    return any(
        (token.dep_ == "advmod" and token.lower_ in words.habitual)
        # "three times", "many times"
        or (token.dep_ == "npadvmod" and token.lower_ in words.counted and _counted(token))
        for token in near
    )


def _counted(token: Token) -> bool:
    return any(c.dep_ in {"nummod", "amod"} for c in token.children)


def _names_a_place(token: Token, words: EventWords) -> bool:
    """A country word that only locates a place noun ("the Belarusian capital", "Russia's port city")."""
    head = token
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    return head.dep_ in {"amod", "compound", "poss", "nmod"} and head.head.lower_ in words.place_nouns


def _target_country(root: Token, words: EventWords) -> str | None:
    """The country named by a demonym on an attack's target place noun ("at Ukrainian cities")."""
    mentions = root.doc._.accord_mentions or []
    preps = words.kind_preps["attack"] | words.place_preps
    for token in root.subtree:
        targeted = (token.dep_ == "pobj" and token.head.lower_ in preps) or (
            token.dep_ == "dobj" and token.head == root  # "struck Ukrainian energy infrastructure"
        )
        if not targeted or token.lower_ not in words.place_nouns:
            continue
        for child in token.children:
            if child.dep_ not in {"amod", "compound", "poss"}:
                continue
            for mention in mentions:
                if mention["tok_start"] <= child.i < mention["tok_end"] and mention["kind"] == "country":
                    return str(mention["name"])
    return None


def _country_of_place(span: Span, words: EventWords) -> str | None:
    """The country a place is said to be in: "the Turkish city of Antalya", "Turkey's Antalya" -> Turkey."""
    mentions = span.doc._.accord_mentions or []
    for child in span.root.children:
        if child.dep_ == "poss":
            for mention in mentions:
                if mention["tok_start"] <= child.i < mention["tok_end"] and mention["kind"] == "country":
                    return str(mention["name"])
    head = span.root.head.head if span.root.head.lower_ == "of" else None
    if head is None or head.lower_ not in words.place_nouns:
        return None
    for child in head.children:
        if child.dep_ in {"amod", "compound", "poss"}:
            for mention in mentions:
                if mention["tok_start"] <= child.i < mention["tok_end"] and mention["kind"] == "country":
                    return str(mention["name"])
    return None


def _narrows_earlier(events: list[dict[str, Any]], event: dict[str, Any]) -> bool:
    """Talks "in Turkey" named again as "in the Turkish city of Antalya": the earlier event gets the more
    specific place, and the later mention adds nothing else."""
    within = event.get("within")
    if not within:
        return False
    for earlier in reversed(events):
        if earlier["type"] not in GROUP_EVENTS or earlier["place"] != within:
            continue
        if event["participants"] and not set(event["participants"]) & set(earlier["participants"]):
            continue
        earlier["place"] = event["place"]
        earlier["within"] = within
        if earlier["type"] != event["type"] and "negotiation_round" in {earlier["type"], event["type"]}:
            earlier["type"] = "negotiation_round"
        return True
    return False


def _recognised(root: Token, words: EventWords) -> bool:
    """Is the trigger noun what is recognised or accepted ("recognising the annexation", "recognition of
    the annexation")?"""
    head = governor(root)
    return head != root and head.lower_ in words.recognitions


def _background_attack(event: dict[str, Any], words: EventWords) -> bool:
    """ "the Russian invasion", "the shelling": the war as background, with neither a date nor a target
    to make it a specific action; "since Russia attacked Ukraine": the war's start, undated."""
    if event["type"] != "attack" or event["date"] is not None:
        return False
    trigger = str(event["trigger"]).lower()
    if event["place"] is None:
        return trigger in words.background_attacks
    return trigger in words.war_start_verbs and event["place"] in WARRING


def _interview_statement(doc: Doc, index: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    """An interview laid out as questions and answers is a statement of its interviewee (the guide counts
    an interview as a statement), though no sentence names it: the speaker most of its answers (as the
    quote attributor marked them) are attributed to."""
    answers = [
        q
        for q in items(doc, "accord_quotes")
        if q.get("answer") and not str(q["speaker"]).startswith("unnamed:")
    ]
    if not answers:
        return None
    speaker = Counter(str(q["speaker"]) for q in answers).most_common(1)[0][0]
    mention = next((m for m in index.values() if m["name"] == speaker), None)
    if mention is None or mention["kind"] != "person":
        return None
    mark_acting(mention)
    first = next(q for q in answers if q["speaker"] == speaker)
    return {
        **provenance(doc, first["start"], first["end"]),
        "type": "statement",
        "participants": [speaker],
        "place": None,
        "within": None,
        "date": None,
        "date_precision": None,
        "modality": "happened",
        "trigger": "interview",
    }


def _gathering_city(token: Token, words: EventWords) -> Span | None:
    """The city a gathering is named by ("at the Munich conference", "at the Davos forum"), which is where
    it was; not "the Ukraine talks", about the country, nor "the G7 summit", named by its members."""
    if token.lower_ not in words.gatherings:
        return None
    for child in token.children:
        if child.dep_ == "compound" and child.ent_type_ in PLACE_LABELS and _mentioned_as(child, "place"):
            return entity_at(token.doc, child.i)
    return None


def _places_on(heads: tuple[Token, ...], words: EventWords, keep: Callable[[Token], bool]) -> list[Span]:
    """The places named in the place prepositions hanging from ``heads`` that ``keep`` accepts."""
    spans = (
        _place_span(pobj, words)
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in words.place_preps and keep(prep)
        for pobj in prep.children
        if _object_of_prep(pobj)
    )
    return [span for span in spans if span is not None]


def _scene_host(told: Token, words: EventWords) -> Token | None:
    """The verb whose act a gathering is told around by a time word ("after meeting", "after a meeting",
    "as he met"), if its doer is the gathering's own (the time phrase has no subject of its own, or a
    pronoun)."""
    if told.dep_ in {"pcomp", "pobj"} and told.head.lower_ in words.scene_links:
        host = told.head.head
    elif told.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in words.scene_links for c in told.children
    ):
        host = told.head
        subject = own_subject(told)
        if subject is not None and not subject.is_stop:
            return None  # "spoke in Kyiv as Biden met Xi": someone else's gathering
    else:
        return None
    return host if _is_verb(host) else None


def _mentioned_as(token: Token, kind: str) -> bool:
    """Is the token in a mention of that kind ("place": a city or region, no party)?"""
    return any(
        m["tok_start"] <= token.i < m["tok_end"] and m["kind"] == kind
        for m in token.doc._.accord_mentions or []
    )


def _city_named(token: Token) -> bool:
    """A place compounded with an event noun ("the Minsk II agreement", "the Istanbul talks"), which the
    actor linker marked as naming the gathering: where it was, not who took part."""
    if token.dep_ != "compound":
        return False
    return any(
        m["tok_start"] <= token.i < m["tok_end"] and m.get("background") and m["kind"] in {"place", "country"}
        for m in token.doc._.accord_mentions or []
    )


def _journey(root: Token, words: EventWords) -> Token | None:
    """The journey an event is the purpose of: "travelled to Brussels to meet von der Leyen"."""
    if root.dep_ not in {"advcl", "xcomp"} or root.head.lower_ not in words.journeys:
        return None
    if not is_infinitive(root):
        return None
    if root.head.lower_ in words.copulas and not any(
        c.dep_ == "prep" and c.lower_ in words.place_preps for c in root.head.children
    ):
        return None  # "the aim is to meet Putin": no journey, only where one is ("is in Moscow to meet")
    return root.head


def _body_gathering(
    event: dict[str, Any], events: list[dict[str, Any]], index: dict[int, dict[str, Any]], words: EventWords
) -> bool:
    """A gathering that one name is enough for: a meeting or talks of one body of many members ("a NATO
    summit", "the Normandy Four leaders met", "a Contact Group meeting"), or a summit or conference, many
    parties' by its name, of which one party is named ("Switzerland will hold the peace conference")."""
    if event["type"] not in {"meeting", "negotiation_round"} or len(event["participants"]) != 1:
        return False
    if str(event["trigger"]).lower() in words.multilateral:
        # "met at a summit hosted by Macron": the summit is the setting of the meeting told beside it
        return not any(
            e is not event
            and e["type"] in GROUP_EVENTS
            and e["sentence_start"] == event["sentence_start"]
            and len(e["participants"]) >= 2
            for e in events
        )
    if event.get("convened"):
        return True
    (name,) = event["participants"]
    return any(m["name"] == name and m["kind"] == "organization" for m in index.values())


def _partyless_kept(
    event: dict[str, Any], out: list[dict[str, Any]], index: dict[int, dict[str, Any]]
) -> bool:
    """Is an event other than a gathering kept, though no party is named? An attack on a named place
    ("attacks on the fleet at Sevastopol"), or a deal placed ("The two sides signed a memorandum in
    Istanbul"), unless it only places a deal told before ("... agreed on a ceasefire. ... the signing in
    Minsk"), which takes the place."""
    if _struck_place(event, index):
        return True
    if event["type"] != "agreement" or event["place"] is None:
        return False
    unplaced = next((e for e in reversed(out) if e["type"] == "agreement" and e["place"] is None), None)
    if unplaced is None:
        return True
    _absorb(unplaced, event)
    return False


def _struck_place(event: dict[str, Any], index: dict[int, dict[str, Any]]) -> bool:
    """Is the event an attack on a named place below a country (a city, a port, an airport), though no
    attacker is named? An attack on a whole country with no attacker is the war as background."""
    if event["type"] != "attack" or event["place"] is None:
        return False
    place = fold_name(str(event["place"]))
    return not any(m["kind"] == "country" and fold_name(str(m["name"])) == place for m in index.values())


NEAR_TEXT = 300  # characters: about the next two sentences


def _next_group(events: list[dict[str, Any]], event: dict[str, Any]) -> dict[str, Any] | None:
    """The first meeting or talks told after ``event`` with two or more parties, within the next two
    sentences' worth of text (a call's parties are not a visit's)."""
    return next(
        (
            e
            for e in events
            if e["type"] in {"meeting", "negotiation_round"}
            and event["start"] < e["start"] < event["start"] + NEAR_TEXT
            and len(e["participants"]) >= 2
            and e["modality"] == event["modality"]
            and e["place"] in {None, event["place"]}  # "a summit for peace in eastern Ukraine": not Paris
        ),
        None,
    )


def _convened(root: Token, words: EventWords) -> bool:
    """Is the gathering told as convened by its party: "a meeting organized by Ukraine", "Ukraine
    hosted a meeting of advisers"?"""
    if any(
        c.dep_ == "acl" and c.lower_ in words.convening and any(g.dep_ == "agent" for g in c.children)
        for c in root.children
    ):
        return True
    return root.dep_ == "dobj" and root.head.lower_ in words.convening


def _by_both_sides(root: Token, clause: Token, words: EventWords) -> bool:
    """Is the event's subject the pair of parties told before: "the two sides", "both leaders", "the
    parties"?"""
    verb = root if _is_verb(root) else clause
    subject = own_subject(verb)
    if subject is None or subject.lower_ not in words.side_nouns:
        return False
    paired = any(c.lower_ in words.pair_words for c in subject.children) or subject.lower_ == "both"
    bare = subject.lower_ in words.bare_side_nouns and any(c.lower_ == "the" for c in subject.children)
    return paired or bare


def _lend_sides(events: list[dict[str, Any]]) -> None:
    """An event of "the two sides" or "the leaders" takes the parties of a gathering its sentence names
    before it ("At the G7 summit in Italy, the leaders signed a plan"), else of the last one told before
    it with two or more ("The meetings between Putin and Poroshenko in Milan, the first since the two
    sides agreed a ceasefire")."""
    for position, event in enumerate(events):
        if not event.get("sides"):
            continue
        before = [
            e
            for e in events[:position]
            if e["type"] in GROUP_EVENTS and len(e["participants"]) >= 2 and e["start"] <= event["start"]
        ]
        here = [
            e
            for e in events[:position]
            if e["type"] in GROUP_EVENTS
            and e["participants"]
            and e["sentence_start"] == event["sentence_start"]
            and e["start"] < event["start"]
        ]
        if here or before:
            event["participants"] = list((here or before)[-1]["participants"])


def _share_outcome_parties(events: list[dict[str, Any]]) -> None:
    """Talks told without their parties in the sentence that gives their outcome ("After a meeting in
    Geneva, Russia, Ukraine, the US and the EU reached an agreement") were held by the parties who reached
    it."""
    for event in events:
        if event["type"] not in GROUP_EVENTS or event["participants"]:
            continue
        outcome = next(
            (
                e
                for e in events
                if e["type"] == "agreement"
                and e["sentence_start"] == event["sentence_start"]
                and len(e["participants"]) >= 2
                and e["modality"] == event["modality"]
            ),
            None,
        )
        if outcome is not None:
            event["participants"] = list(outcome["participants"])


def _written(event: dict[str, Any], words: EventWords) -> bool:
    """A statement made in writing (a letter, a post), which has no place where its author was."""
    return bool(event.get("written")) or str(event["trigger"]).lower() in words.written


def _travellers(trip: Token) -> list[Token]:
    """Who makes a journey told by a verb: its subject ("Sunak travelled to Kyiv"), the person a participle
    describes ("Orban, visiting Kyiv, asked ..."; "Trump, who arrived in Rome"), or its clause's subject."""
    if trip.dep_ in {"acl", "relcl"}:
        return _with_conjuncts(trip.head)
    subjects = [t for c in trip.children if c.dep_ == "nsubj" for t in _with_conjuncts(c)]
    if subjects:
        return subjects
    if trip.dep_ == "advcl":
        return [t for c in trip.head.children if c.dep_ == "nsubj" for t in _with_conjuncts(c)]
    return []


def _first_object(prep: Token) -> Token:
    """The object of a preposition ("the visit of Kerry": Kerry), or the preposition when it has none."""
    return next((c for c in prep.children if c.dep_ == "pobj"), prep)


def _lend_venues(doc: Doc, events: list[dict[str, Any]], words: EventWords) -> None:
    """Outcomes of talks take the talks' place: a deal reached without a stated place takes the place of
    the talks that share a party with it (or, when it names none, of the talks before it), and a press
    conference "after the talks" the place of those talks."""
    talks = [e for e in events if e["type"] in {"meeting", "negotiation_round"} and e["place"] is not None]
    if not talks:
        return
    for event in events:
        if event["place"] is not None or event["type"] not in {"agreement", "statement"}:
            continue
        if event["type"] == "statement":
            if _written(event, words):
                continue
            said = {w.strip(".,;:").lower() for w in event["sentence"].split()}
            if not said & words.talk_words:
                continue  # "said at a press conference" with no talks in view: not placed
        alongside = [
            t
            for t in events
            if t["type"] in GROUP_EVENTS and t["sentence_start"] == event["sentence_start"] and t is not event
        ]
        if alongside:  # "reached the deal during a conference call": that gathering's place, or none
            event["place"] = alongside[0]["place"]
            continue
        people = set(event["participants"])
        before = [t for t in talks if t["start"] <= event["start"]]
        after = [t for t in talks if t["start"] > event["start"]]
        # "said at a news conference at the summit": at the gathering told before, whoever held it
        attended = _at_the_gathering(doc, event, words)
        for venue in [*reversed(before), *([] if attended else after)]:
            if people and venue["participants"] and not people & set(venue["participants"]) and not attended:
                continue
            if event["date"] and venue["date"] and not _same_time(event["date"], venue["date"]):
                continue
            event["place"] = venue["place"]
            break


def _at_the_gathering(doc: Doc, event: dict[str, Any], words: EventWords) -> bool:
    """Is the event's sentence set "at the summit" or "during the talks", a gathering named as known?"""
    start = event["sentence_start"]
    sentence = doc.char_span(start, start + len(event["sentence"]), alignment_mode="expand")
    return sentence is not None and any(
        t.lower_ in words.talk_words
        and t.head.dep_ == "prep"
        and t.head.lower_ in {"at", "during"}
        and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
        for t in sentence
    )


def _lend_dateline(
    doc: Doc, events: list[dict[str, Any]], published: dt.date | None, words: EventWords
) -> None:
    """A statement made in person for the story (a press conference, briefing, speech) without a stated
    place was made at the dateline's place; an older one, or a post or letter, was not. So was a meeting
    or a deal the story's lede tells, of named people ("WASHINGTON — Zelenskyy addressed Congress after
    meeting with Biden") or as its main clause ("ISTANBUL — Russian and Ukrainian negotiators met", "Russia
    and Ukraine signed an agreement"); talks between countries that the lede only names are reported from
    far away."""
    place: str | None = doc._.accord_dateline_place
    if place is None:
        return
    lede = _lede_end(doc)
    filed = published.isoformat() if published else None
    people = {m["name"] for m in items(doc, "accord_mentions") if m["kind"] == "person"}
    for event in events:
        if event["place"] is not None:
            continue
        if event["type"] in PLACED_GATHERINGS or event["type"] == "agreement":
            if event["sentence_start"] >= lede or event["modality"] != "happened":
                continue
            if not people & set(event["participants"]) and not _told_as_news(doc, event):
                continue
        elif event["type"] != "statement":
            continue
        if _written(event, words):
            continue
        if event["date"] and event["date_precision"] != "relative" and event["date"] != filed:
            continue
        event["place"] = place


def _dateline_day(doc: Doc) -> dt.date | None:
    """The day a page was filed, when its dateline states it in full ("BREST REGION, Belarus, 7 March
    2022 —")."""
    story: int | None = doc._.accord_story_start
    if story is None:
        return None
    day, precision = resolve_date(doc.text[:story], None)
    return dt.date.fromisoformat(day) if day and precision == "day" else None


def _told_as_news(doc: Doc, event: dict[str, Any]) -> bool:
    """Is the event what its sentence's main clause tells ("negotiators met ...", "a third round of talks
    ended ..."), not something the clause names on the way ("mediation in the talks")?"""
    trigger = doc.char_span(event["start"], event["end"], alignment_mode="expand")
    if trigger is None:
        return False
    token = trigger.root
    for _ in range(6):
        if token.head == token:
            return True
        if token.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj", "compound"} and not (
            token.dep_ == "prep" and token.lower_ == "of"
        ):
            return False
        token = token.head
    return False


def _lede_end(doc: Doc) -> int:
    """Where the story's lede ends: its first two sentences after the dateline tell the news the dateline
    files (a headline above the dateline is not the story)."""
    begins: int = doc._.accord_story_start or 0
    starts = [sent.start_char for sent in doc.sents if sent.end_char > begins]
    return starts[2] if len(starts) > 2 else len(doc.text)


def _talks_or_meeting(doc: Doc, events: list[dict[str, Any]], words: EventWords) -> None:
    """The guide's line between a meeting and a negotiation round: leaders' summits and envoys received by
    a leader are meetings; talks between delegations, negotiators or officials, or between the warring
    parties' ministers, are negotiation rounds (a report of "negotiations" or a "round" stays one)."""
    leaders = {
        str(m["name"])
        for m in doc._.accord_mentions or []
        if any(str(r).split("|")[0] in words.leader_titles for r in m.get("roles") or [])
    }
    for event in events:
        if event["type"] not in {"meeting", "negotiation_round"}:
            continue
        told = [source["sentence"] for source in event.get("sources") or [event]]
        told_words = {w.strip(".,;:“”\"'()").lower() for w in " ".join(told).split()}
        trigger = str(event["trigger"]).lower()
        named_round = "negotiat" in trigger or "round" in trigger
        parties = set(event["participants"])
        persons = [m for m in doc._.accord_mentions or [] if m["kind"] == "person" and m["name"] in parties]
        people = {str(m["name"]) for m in persons}
        # the sides at the table: the countries named, and those the people named serve
        sides = parties | {str(r).split("|")[-1] for m in persons for r in m.get("roles") or []}
        if named_round and not (people and parties <= leaders and not sides >= WARRING):
            continue  # but "Zelenskyy and Merkel held negotiations": two leaders not at war, a summit
        if sides >= WARRING and not people <= leaders:
            event["type"] = "negotiation_round"  # the warring sides' ministers, with a host or mediator
        elif parties & words.formats and not parties & leaders and trigger not in words.multilateral:
            event["type"] = "negotiation_round"  # "the meeting of the Trilateral Contact Group in Minsk"
        elif parties & leaders:
            event["type"] = "meeting"
        elif told_words & words.talkers or parties >= WARRING:
            event["type"] = "negotiation_round"


def _same_time(one: str, other: str) -> bool:
    return one.startswith(other) or other.startswith(one)


def _merge_retellings(events: list[dict[str, Any]]) -> None:
    """The same event told twice in one article is one event: two reports of one type (meeting and talks
    count as one kind) that share a party, or where one names none, with places and dates that do not
    disagree, merge into the first, with the parties of both, the more specific place and date, and every
    sentence that reports it in ``sources`` (each with its trigger's offsets, its text and its start)."""
    kept: list[dict[str, Any]] = []
    for event in events:
        for earlier in kept:
            if _same_event(earlier, event):
                _absorb(earlier, event)
                break
        else:
            event.setdefault("sources", [_source(event)])
            kept.append(event)
    events[:] = kept


def _source(event: dict[str, Any]) -> dict[str, Any]:
    """Where one report of an event stands: the trigger's offsets and its sentence."""
    return {key: event[key] for key in ("start", "end", "sentence", "sentence_start")}


def _family(kind: str) -> str:
    return "talks" if kind in {"meeting", "negotiation_round"} else kind


def _labelled(event: dict[str, Any]) -> bool:
    return event["modality"] in {"happened", "scheduled"}


def _same_event(one: dict[str, Any], other: dict[str, Any]) -> bool:
    if _family(one["type"]) != _family(other["type"]) or _labelled(one) != _labelled(other):
        return False
    mine, theirs = set(one["participants"]), set(other["participants"])
    if one["type"] in {"statement", "attack", "aid", "sanction"}:
        if mine != theirs:
            return False  # one speaker's address and another's are two statements
    elif mine and theirs and not (mine <= theirs or theirs <= mine or len(mine & theirs) >= 2):
        return False  # Putin meeting Trump and Putin meeting Xi are two meetings
    elif (not mine or not theirs) and (one["place"] is None or other["place"] is None):
        return False  # nothing but the word "talks" in common
    places_differ = bool(one["place"] and other["place"] and one["place"] != other["place"])
    if places_differ and other.get("within") != one["place"] and one.get("within") != other["place"]:
        return False
    return not (one["date"] and other["date"] and not _same_time(one["date"], other["date"]))


def _absorb(earlier: dict[str, Any], later: dict[str, Any]) -> None:
    earlier["participants"] = list(dict.fromkeys([*earlier["participants"], *later["participants"]]))
    if earlier["place"] is None or later.get("within") == earlier["place"]:
        earlier["place"], earlier["within"] = later["place"], later.get("within")
    if later["date"] and (earlier["date"] is None or len(later["date"]) > len(earlier["date"])):
        earlier["date"], earlier["date_precision"] = later["date"], later["date_precision"]
    if earlier["type"] != later["type"]:
        earlier["type"] = "negotiation_round"
    if later["modality"] == "happened":
        earlier["modality"] = "happened"
    sources = earlier.setdefault("sources", [_source(earlier)])
    # A report merged on the second pass brings every sentence it already gathered, once per sentence.
    told = {source["sentence_start"] for source in sources}
    for source in later.get("sources") or [_source(later)]:
        if source["sentence_start"] not in told:
            told.add(source["sentence_start"])
            sources.append(source)


def _clause_head(token: Token) -> Token:
    """The verb a noun trigger hangs from ("held [talks]", "said in a [statement]")."""
    head = token
    for _ in range(5):  # "pledged $500 million in new [military aid]"
        if head.dep_ in VERB_DEPS and head != token:
            return head
        if head.dep_ in {"ROOT"}:
            return head
        if head.head == head:
            return head
        head = head.head
    return head if head.dep_ in VERB_DEPS else token


def _with_modifiers(token: Token, words: EventWords) -> list[Token]:
    """ "American negotiators and Russian ones" -> the nouns and their nationality words."""
    found: list[Token] = []
    for one in _with_conjuncts(token):
        found.append(one)
        # "his US counterpart, Donald Trump", "U.S. envoy Steve Witkoff": a named person takes part, and
        # countries are not added from a person's nationality (guide)
        person = one.ent_type_ == "PERSON" or any(
            c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in one.children
        )
        if person:
            # "a call between Trump and Russian President Vladimir Putin": the parser hung the first of the
            # pair inside the second's name; it is a party of its own (its "and Russian" is the other's)
            found.extend(
                t for left in one.lefts for t in left.subtree if t.dep_ == "nmod" and _heads_a_pair(t)
            )
        for child in one.children:
            if child.dep_ == "poss" and (one.ent_type_ == "PERSON" or one.lower_ in words.proxies):
                continue  # "Trump's envoy Witkoff", "Trump's son-in-law": the envoy, not the one he serves
            if person and child.dep_ in {"amod", "compound", "nmod"} and child.ent_type_ != "PERSON":
                continue
            if child.dep_ in {"amod", "compound", "poss", "nmod"}:
                found.extend(_with_conjuncts(child))
    return found


def _heads_a_pair(token: Token) -> bool:
    return any(c.dep_ == "cc" for c in token.children) and any(c.dep_ == "conj" for c in token.children)


def _with_co_speakers(
    speaker: list[dict[str, Any]], participants: list[dict[str, Any]], doc: Doc
) -> list[dict[str, Any]]:
    """The speaker, and the participants of its kind coordinated with it ("X and Y said")."""
    if not speaker:
        return speaker
    first = speaker[0]
    conjuncts = {t.i for t in doc[int(first["tok_end"]) - 1].conjuncts}
    return speaker + [
        m
        for m in participants
        if m is not first and m["kind"] == first["kind"] and int(m["tok_end"]) - 1 in conjuncts
    ]


def _places_it(prep: Token) -> bool:
    """Does the preposition name a place ("in Paris", "at the Kremlin", "on the sidelines")?"""
    return any(
        g.dep_ == "pobj" and (g.ent_type_ in PLACE_LABELS or g.lower_ == "sidelines") for g in prep.children
    )


def _with_conjuncts(token: Token, depth: int = 0) -> list[Token]:
    """The token, its conjuncts and appositions, and a list continued by a second "with" ("with Xi,
    Modi, Lula, as well as with the leaders of ...")."""
    found = [token]
    for one in [token, *token.conjuncts]:
        if one != token:
            found.append(one)
        for child in one.children:
            if child.dep_ == "appos":
                found.append(child)
                if child.ent_type_ == "PERSON":
                    # "Merkel, Hollande, Putin and Poroshenko met": the parser may hang a list of names on its
                    # second, taken for an apposition of the first; "Presidents Joe Biden and Vladimir Putin
                    # spoke": on the title's apposition
                    found.extend(child.conjuncts)
            if child.dep_ == "prep" and child.lower_ == "with" and depth < 2:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found.extend(_with_conjuncts(pobj, depth + 1))
    return found


def _of_phrase(token: Token, index: dict[int, dict[str, Any]], words: EventWords) -> list[Token]:
    """ "the foreign ministers of Russia and Ukraine" -> Russia, Ukraine and, when the article names
    them, the people who hold that office for each."""
    if token.lower_ not in words.collective_of:
        return []
    found: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "from"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.extend(_with_modifiers(pobj, words))  # "the leaders of the EU countries": the EU
    title = " ".join(t.lower_ for t in token.lefts if t.dep_ in {"amod", "compound"}) + " " + token.lower_
    title = title.strip().rstrip("s")
    if title.endswith("leader"):
        title = "president"
    holders: list[Token] = []
    for country_token in found:
        country = index.get(country_token.i)
        if country is None or country["kind"] != "country":
            continue
        for mention in index.values():
            roles = mention.get("roles") or []
            if any(r == f"{title}|{country['name']}" for r in roles):
                holders.append(token.doc[mention["tok_start"]])
                break
    return found + holders


@dataclass
class _SubjectVerbs:
    """The trigger and the verbs whose subjects take part in its event."""

    heads: list[Token]
    clause: Token  # the verb whose subject the trigger takes, a conjunct's when it has none of its own
    own: Token  # the verb the trigger hangs from, before borrowing a subject
    hosted: bool  # the clause is set at a gathering its subject takes part in
    lender: Token | None  # the clause a subjectless trigger climbed to, which lends only its subject


def _object_preps(kind: str) -> set[str]:
    """The prepositions whose objects take part in an event of ``kind`` ("talks with Russia")."""
    # An attack's object is its target, a place, not a participant.
    object_preps = {"with", "between", "among", "by"}
    if kind != "attack":
        object_preps |= {"of", "from", "to"}  # "seized Crimea from Ukraine": the victim is no party
    if kind == "aid":
        object_preps.add("for")  # "an aid package for Ukraine": the recipient
    return object_preps


def _capital_named(token: Token, words: EventWords) -> Span | None:
    """ "the Belarusian capital": the demonym and the noun, when no name of the city follows."""
    if token.lower_ not in words.capital_nouns:
        return None
    if any(
        c.dep_ in {"appos", "compound", "npadvmod"} and c.ent_type_ in PLACE_LABELS for c in token.children
    ):
        return None  # "the Belarusian capital, Minsk": the name itself is the place
    demonym = next(
        (
            c
            for c in token.children
            if c.dep_ in {"amod", "compound"} and c.i < token.i and c.lower_ in words.capitals
        ),
        None,
    )
    return token.doc[demonym.i : token.i + 1] if demonym is not None else None


def _in_a_name(token: Token) -> bool:
    """Is the capitalised word the last word of an organisation's name ("The Washington Post")?"""
    return (
        token.is_title
        and token.ent_type_ == "ORG"
        and token.i > token.sent.start
        and any(c.dep_ == "compound" and c.ent_type_ == "ORG" and c.i == token.i - 1 for c in token.children)
    )


def _place_name(span: Span, words: EventWords) -> str:
    """The name news gives the place a span names: "Minsk" for "the Belarusian capital", "Crimea" for "the
    Crimean Peninsula"."""
    city = capital_city(span, words)
    if city is not None:
        return city
    found = span.text.split()
    # "the Crimean Peninsula" is Crimea's; "in The Hague", capitalised inside a sentence, is the name's
    article = found[0] == "the" or (found[0] == "The" and span.start == span.sent.start)
    name = " ".join(found[1:] if article and len(found) > 1 else found)
    return words.place_names.get(name.lower(), name)


def capital_city(span: Span, words: EventWords) -> str | None:
    """The city a "<demonym> capital" span stands for."""
    if span.root.lower_ not in words.capital_nouns:
        return None
    city = next((words.capitals[t.lower_] for t in span if t.lower_ in words.capitals), None)
    older = words.older_spellings.get(city.lower()) if city is not None else None
    text = span.doc.text
    if older is not None and city is not None and older in text and city not in text:
        return older  # a page that writes "Kiev" calls the Ukrainian capital so
    return city


def _object_of_prep(token: Token) -> bool:
    """Is the token what its preposition governs? A place the parser took for a clause ("met in
    Linköping", a pcomp) is one too."""
    return token.dep_ == "pobj" or (token.dep_ == "pcomp" and token.ent_type_ in PLACE_LABELS)


def _place_span(token: Token, words: EventWords) -> Span | None:
    """The named place at ``token``: "Anchorage", or "Antalya" in "the Turkish city of Antalya"."""
    doc = token.doc
    if token.lower_ in words.languages:
        return None  # "said in a speech in Hindi"
    if token.ent_type_ in PLACE_LABELS:
        return entity_at(doc, token.i)
    city = _gathering_city(token, words)
    if city is not None:
        return city
    capital = _capital_mentioned(token)
    if capital is not None:
        return capital  # "visiting Kyiv", a capital the tagger took for a person
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of" and token.lower_ not in words.unplaced_of:
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if pobj.ent_type_ in PLACE_LABELS:
                    return _place_span(pobj, words)
                if token.lower_ in words.place_nouns and pobj.ent_type_:
                    # "the peninsula of Crimea": the tagger's label aside, a named part of a place noun
                    return entity_at(doc, pobj.i)
    capital = _capital_named(token, words)
    if capital is not None:
        return capital  # "in the Belarusian capital": Minsk, though the text does not name it
    if token.lower_ in words.place_nouns:
        # "the Belarusian capital, Minsk", "the Belarusian capital Minsk"
        for child in token.children:
            if child.dep_ in {"appos", "compound", "npadvmod"} and child.ent_type_ in PLACE_LABELS:
                return entity_at(doc, child.i)
        if (
            token.i + 1 < len(doc)
            and doc[token.i + 1].ent_type_ in PLACE_LABELS
            and doc[token.i + 1].head == token
        ):
            return entity_at(doc, token.i + 1)
        if (
            token.i + 2 < len(doc)
            and doc[token.i + 1].text == ","
            and doc[token.i + 2].ent_type_ in PLACE_LABELS
            and doc[token.i + 2].ent_iob_ == "B"
        ):
            # "Hungary's capital, Budapest", where the parse lost the apposition
            return entity_at(doc, token.i + 2)
        named = [c for c in token.children if c.dep_ == "compound" and c.is_title and c.i < token.i]
        if named:
            return doc[named[0].i : named[-1].i + 1]  # "in the Odesa region", the tagger having missed Odesa
    if token.is_title and any(c.dep_ == "compound" and c.lower_ in words.place_nouns for c in token.children):
        # "the rebels' de facto capital Donetsk", the tagger having missed it
        return doc[token.i : token.i + 1]
    venue = _venue_at(token, words)
    if venue is not None:
        return venue
    place = _mentioned_place(token)
    if place is not None:
        return place  # "an attack on Kyiv overnight", which the tagger took for a time
    return _compound_venue(token, words)  # "at an Elysee Palace dinner": the venue naming what it happened at


def _mentioned_place(token: Token) -> Span | None:
    """A capitalised name the actor linker knows as a country's capital or seat ("Kyiv", "Moscow"),
    whatever the tagger made of it."""
    for mention in token.doc._.accord_mentions or []:
        if mention["tok_start"] <= token.i < mention["tok_end"] and mention["kind"] in {"country", "place"}:
            span = token.doc[mention["tok_start"] : mention["tok_end"]]
            named = span.text[:1].isupper() and span.root.ent_type_ not in {"NORP", "LANGUAGE"}
            if named and span.text != mention["name"] and span.root.dep_ == "pobj":
                return span
    return None


def _compound_venue(token: Token, words: EventWords) -> Span | None:
    """A venue compounded with ``token``: "White House" in "a White House meeting"."""
    for child in token.children:
        venue = _venue_at(child, words) if child.dep_ == "compound" else None
        if venue is not None:
            return venue
    return None


def _unlinked_name(token: Token) -> Span | None:
    """An attack's target named but tagged as an organisation no registry knows ("Crimea"): a place."""
    if token.ent_type_ != "ORG":
        return None
    for mention in token.doc._.accord_mentions or []:
        if mention["tok_start"] <= token.i < mention["tok_end"]:
            return None if mention["linked"] else entity_at(token.doc, token.i)
    return None


def _venue_at(token: Token, words: EventWords) -> Span | None:
    """A building where leaders meet, named as a place ("in the Kremlin", "at the White House", "in the
    Oval Office"): a registry metonym or an organisation-like name whose head word is a building."""
    doc = token.doc
    if token.ent_type_ not in {"ORG", "FAC", ""}:
        return None
    if token.lower_ in words.venue_heads and not token.ent_type_:
        # "the Elysée presidential palace", the tagger having taken "Elysée" for a person
        venue = [c for c in token.children if c.i < token.i and c.lower_ in words.venues]
        if venue:
            return doc[venue[0].i : token.i + 1]
    span = entity_at(doc, token.i) if token.ent_type_ else None
    named = (span.text if span is not None else token.text).lower().removeprefix("the ").split()
    if not named:
        return None
    # "the Office of the President": the head word stands before "of"
    head_word = named[named.index("of") - 1] if "of" in named[1:] else named[-1]
    if " ".join(named) in words.venues or (
        span is not None and head_word in words.venue_heads and len(named) > 1
    ):
        if span is None:
            return doc[token.i : token.i + 1]
        start = span.start + (1 if span[0].lower_ == "the" else 0)
        return doc[start : span.end]
    return None


def _country_mention(span: Span) -> dict[str, Any] | None:
    """The mention of a country the span starts, if any ("Ukraine", and "Berlin" standing for Germany)."""
    mentions = span.doc._.accord_mentions or []
    return next((m for m in mentions if m["start"] == span.start_char and m["kind"] == "country"), None)


def _capital_mentioned(token: Token) -> Span | None:
    """The registered country's capital named at ``token`` ("Kyiv", "Minsk"), however the tagger labels it."""
    mentions = token.doc._.accord_mentions or []
    mention = next((m for m in mentions if m["start"] <= token.idx < m["end"] and m.get("capital")), None)
    return None if mention is None else token.doc.char_span(mention["start"], mention["end"])


def _is_country(span: Span) -> bool:
    return _country_mention(span) is not None


def _country_place(span: Span) -> bool:
    """Whether the span places an event in a country; a capital standing for its country ("in Berlin")
    places it in the city."""
    mention = _country_mention(span)
    return mention is not None and not mention.get("capital")


def _other_clauses(clause: Token) -> set[int]:
    """The tokens of the clauses joined to ``clause`` that have subjects of their own: "Trump called him a
    dictator in a post, and the Kremlin questioned his legitimacy because no election was held in 2024" (the
    year is the election's, not the post's)."""
    return {
        t.i for c in clause.children if c.dep_ == "conj" and own_subject(c) is not None for t in c.subtree
    }


def _date_texts(scope: Span, trigger: Token, words: EventWords, elsewhere: set[int]) -> list[str]:
    """The clause's date expressions, nearest the trigger first, leaving out the ones that bound a period
    rather than date the event ("since 2022", "until March") and the ones of other clauses."""
    found = []
    for ent in entities_in(scope, {"DATE", "TIME"}):
        if ent.start in elsewhere and trigger.i not in elsewhere:
            continue
        before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if before in words.period_bounds:
            continue
        if any(t.lower_ in words.period_words for t in ent):
            continue
        found.append((abs(ent.start - trigger.i), ent.text))
    return [text for _, text in sorted(found)]


@Language.factory(
    "accord_events",
    # The trigger lexicon (lexicons/<name>.yaml) is configuration, so a pipeline can be built with another;
    # the speech verbs of <actors>; <quotes> and <holders> to resolve pronouns as the quotes component does.
    default_config={"lexicon": "events", "actors": "actors", "quotes": "quotes", "holders": "holders"},
    # Events, the "acts" flag of their participants' mentions, a failure record (see `guarded`).
    assigns=["doc._.accord_events", "doc._.accord_mentions", "doc._.accord_errors"],
    requires=[
        "doc._.accord_mentions",
        "doc._.accord_dateline_place",
        "doc._.accord_story_start",
        "token.dep",
        "doc.ents",
    ],
)
def make_event_detector(
    nlp: Language, name: str, lexicon: str, actors: str, quotes: str, holders: str
) -> EventDetector:
    return EventDetector(nlp, name, lexicon, actors, quotes, holders)
