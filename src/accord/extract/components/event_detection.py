"""Events: meetings, talks, calls, statements, attacks, agreements, aid and sanctions.

A trigger word (lexicons/events.yaml) is read with its clause: participants are the actors the parse
ties to it (subject and its conjuncts, "with"/"between" phrases, "Trump-Putin meeting" modifiers, the
subject of a light verb such as "held talks"), the place is the most specific location stated in the
clause ("in the Turkish city of Antalya" -> Antalya), the date comes from the clause's date words, and
the modality from the words governing the trigger (will / expected to -> scheduled, could / if ->
hypothetical, not -> negated).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from accord.extract.components.common import (
    entities_in,
    entity_at,
    guarded,
    items,
    load_lexicon,
    mark_acting,
    mention_index,
    provenance,
    published_date,
)
from accord.extract.components.date_resolution import resolve_date
from accord.extract.components.quote_attribution import VERB_DEPS, resolve_pronoun
from accord.extract.components.wordforms import all_forms

LIGHT_VERBS = all_forms(
    [
        "hold",
        "have",
        "give",
        "make",
        "issue",
        "conduct",
        "launch",
        "step",
        "carry",
        "stage",
        "attend",
        "host",
        "begin",
        "start",
        "join",
        "take",
        "deliver",
        "publish",
        "release",
        "write",
        "coauthor",
        "co-author",
        "announce",
        "sign",
        "reach",
        "strike",
        "impose",
        "provide",
        "send",
        "find",
        "receive",
        "seek",
        "continue",
        "pledge",
        "promise",
        "approve",
        "allocate",
        "unveil",
        "agree",
        "commit",
        "adopt",
        "resume",
        "pause",
        "suspend",
        "complete",
        "finish",
        "open",
        "chair",
        "lead",
        "attend",
    ]
)
PLACE_PREPS = {"in", "at", "on", "into", "near", "outside", "inside"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Verbs that report rather than act: their subject is the source, not a participant.
REPORTING = frozenset(
    all_forms(
        ["say", "tell", "report", "add", "note", "state", "claim", "write", "mention", "explain", "believe"]
    )
)
GROUP_EVENTS = {"meeting", "negotiation_round", "phone_call"}
TALKERS = {"negotiators", "delegations", "delegation", "delegates", "negotiating"}
TARGET_PREPS = {"of", "on", "against", "into", "in"}
NOT_ATTACKS = {"deal", "deals", "agreement", "balance", "tone", "chord", "note", "bargain", "pose"}
ACTOR_KINDS = {"person", "country", "organization", "group"}
POSSESSIVES = {"his", "her", "its", "their"}
PLACE_NOUNS = {
    "city",
    "town",
    "village",
    "region",
    "peninsula",
    "province",
    "oblast",
    "capital",
    "port",
    "island",
    "republic",
    "district",
    "area",
    "resort",
}
COLLECTIVE_OF = {
    "ministers",
    "minister",
    "leaders",
    "leader",
    "presidents",
    "president",
    "delegations",
    "delegation",
    "officials",
    "representatives",
    "negotiators",
    "heads",
    "envoys",
}


class EventDetector:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        lexicon = load_lexicon("events")
        self.types = [t for t in lexicon if isinstance(lexicon[t], dict)]
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
        self.speech = set(all_forms(load_lexicon("actors")["speech_verbs"]))
        self.scheduled = {str(w) for w in lexicon["scheduled"]}
        self.hypothetical = {str(w) for w in lexicon["hypothetical"]}
        self.negated = {str(w) for w in lexicon["negated"]}

    @guarded("accord_events")
    def __call__(self, doc: Doc) -> Doc:
        out = items(doc, "accord_events")
        index = mention_index(doc)
        published = published_date(doc)
        seen: set[tuple[str, frozenset[str], str | None, str | None]] = set()
        last_group: dict[str, Any] | None = None
        for kind, trigger in self._triggers(doc, index):
            event = self._event(doc, kind, trigger, index, published)
            if event is None:
                continue
            if event["type"] in GROUP_EVENTS and _narrows_earlier(out, event):
                continue
            if event["type"] in GROUP_EVENTS:
                if not event["participants"]:
                    # "The talks will take place in Antalya": the talks named just before, now with a place.
                    if last_group is None or (event["place"] is None and event["date"] is None):
                        continue
                    if any(e.get("within") == event["place"] for e in out if e["type"] in GROUP_EVENTS):
                        continue  # "the talks in Turkey" once they are known to be in a Turkish city
                    event["participants"] = list(last_group["participants"])
                    if event["type"] != last_group["type"] and "negotiation_round" in {
                        event["type"],
                        last_group["type"],
                    }:
                        event["type"] = "negotiation_round"
                elif len(event["participants"]) < 2:
                    continue
                else:
                    last_group = event
            elif not event["participants"]:
                continue
            key = (event["type"], frozenset(event["participants"]), event["place"], event["date"])
            if key in seen:
                continue
            seen.add(key)
            out.append(event)
        _drop_repeated_mentions(out)
        return doc

    def _triggers(self, doc: Doc, index: dict[int, dict[str, Any]]) -> list[tuple[str, Span]]:
        found: list[tuple[str, Span]] = []
        taken: set[int] = set()
        for match_id, start, end in sorted(self.nouns(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            if any(i in taken for i in range(start, end)):
                continue
            span = doc[start:end]
            kind = doc.vocab.strings[match_id]
            if span.root.dep_ in VERB_DEPS - {"dep"}:
                continue  # a verb spelled like the noun ("strike", "call")
            if self.needs[kind] and not self._has_need(span, kind):
                continue
            taken.update(range(start, end))
            found.append((kind, span))
        for token in doc:
            verb_kind = self.verbs.get(token.lower_)
            if verb_kind is None or token.i in taken or token.dep_ not in VERB_DEPS:
                continue
            kind = verb_kind
            needed = self.verb_objects.get(token.lower_)
            if needed is not None and not any(c.lower_ in needed for c in token.subtree):
                continue
            if any(c.dep_ == "dobj" and c.i in taken for c in token.children):
                continue  # "hosted talks", "signed an agreement": the noun names the event
            if self.objects[kind] and not any(c.lower_ in self.objects[kind] for c in token.subtree):
                continue
            if token.lower_ in self.actor_object and (
                not any(
                    c.dep_ == "dobj" and c.i in index and index[c.i]["kind"] in ACTOR_KINDS
                    for c in token.children
                )
                or any(c.dep_ in {"xcomp", "ccomp"} for c in token.children)
                or any(g.dep_ == "appos" for c in token.children if c.dep_ == "dobj" for g in c.children)
                or (token.i + 1 < len(doc) and doc[token.i + 1].text in {'"', "“", "‘"})
            ):
                continue  # "called Zelensky a dictator" names, it does not phone
            if kind == "attack" and any(
                c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in NOT_ATTACKS for c in token.children
            ):
                continue
            found.append((kind, doc[token.i : token.i + 1]))
        found.sort(key=lambda f: f[1].start)
        return found

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
        self._within = None
        clause = root if root.dep_ in VERB_DEPS else _clause_head(root)
        participants = self._participants(kind, root, clause, index)
        if kind == "statement":
            participants = participants[:1]
        if kind == "meeting" and any(t.lower_ in TALKERS for t in [*root.subtree, *clause.children]):
            kind = "negotiation_round"
        for mention in participants:
            mark_acting(mention)
        names = list(dict.fromkeys(str(m["name"]) for m in participants))
        modality = self._modality(root, clause)
        scope = doc[clause.left_edge.i : clause.right_edge.i + 1] if clause != root else trigger.sent
        date, precision = None, None
        for text in _date_texts(scope, root):
            date, precision = resolve_date(text, published, future=modality == "scheduled")
            if date is not None or precision is not None:
                break
        return {
            **provenance(doc, trigger.start_char, trigger.end_char),
            "type": kind,
            "participants": names,
            "place": self._place(kind, root, clause, participants),
            "within": self._within,
            "date": date,
            "date_precision": precision,
            "modality": modality,
            "trigger": trigger.text,
        }

    # -- participants ----------------------------------------------------------------------------
    def _participants(
        self, kind: str, root: Token, clause: Token, index: dict[int, dict[str, Any]]
    ) -> list[dict[str, Any]]:
        tokens: list[Token] = []
        # An attack's object is its target, a place, not a participant.
        object_preps = {"with", "between", "among", "by", "from", "to"}
        if kind != "attack":
            object_preps |= {"of"}
        # Modifiers of a noun trigger: "Russian airstrikes", "the Trump-Putin meeting", "Trump's call".
        modifiers: list[Token] = []
        for child in root.children:
            if child.dep_ in {"amod", "compound", "poss", "nmod"}:
                modifiers.extend(_with_conjuncts(child))
                modifiers.extend(c for c in child.children if c.dep_ in {"compound", "amod"})
        tokens.extend(modifiers)
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ in object_preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        tokens.extend(_with_modifiers(pobj))
                        for one in _with_conjuncts(pobj):
                            tokens.extend(_of_phrase(one, index))
        named_by_modifiers = any(t.i in index and index[t.i]["kind"] in ACTOR_KINDS for t in modifiers)
        # The clause's subject: "X met Y", "X held talks", "X said in a statement"; a clause without one
        # takes the subject of the clause it hangs from.
        if named_by_modifiers and root.dep_ not in VERB_DEPS and kind != "statement":
            heads: list[Token] = [root]  # "Russia's invasion": the noun names its own participants
        else:
            heads = [root] if root == clause else [root, clause]
        head = clause
        for _ in range(3 if kind == "statement" else 0):
            if any(c.dep_ in {"nsubj", "agent"} for c in head.children) or head.head == head:
                break
            if head.dep_ not in {"advcl", "xcomp", "conj", "acl", "pcomp", "ccomp"}:
                break
            head = head.head
        if head != clause:
            heads.append(head)
        if root.dep_ == "xcomp":
            heads.append(root.head)  # "the ministers are expected to meet"
        while clause.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in clause.children):
            clause = clause.head  # "X met Y and signed ...": the first verb's subject
            heads.append(clause)
        # A noun buried in a phrase ("on the anniversary of the invasion") is no argument of the verb.
        # "pledged $500 million in aid", "held a round of talks": through the verb's own object it still is.
        via = root.head.head
        direct = root.head == clause or (
            root.head.dep_ == "prep"
            and (via == clause or (via.dep_ in {"dobj", "attr", "nsubj", "nsubjpass"} and via.head == clause))
        )
        staged = clause.lower_ in LIGHT_VERBS and direct
        if root.dep_ not in VERB_DEPS and kind != "statement" and not staged:
            # "Trump criticised the attack": only a verb that stages the event ("held talks", "launched
            # strikes", "attended the summit") makes its subject a participant.
            heads = [h for h in heads if h == root or (h.dep_ == "xcomp" and h != clause)]
        for head in heads:
            if (
                head == clause
                and root.dep_ not in VERB_DEPS
                and clause.lower_ in REPORTING
                and kind != "statement"
            ):
                continue  # "..., a U.S. official said": the speaker of a report is not in the event
            for child in head.children:
                if child.dep_ in {"nsubj", "agent"} or (child.dep_ == "nsubjpass" and head != root):
                    tokens.extend(_with_modifiers(child))
                    tokens.extend(_of_phrase(child, index))
                if head == root and child.dep_ == "dobj" and root.dep_ in VERB_DEPS and kind != "attack":
                    tokens.extend(_with_conjuncts(child))
                partners = {"with", "between", "to"} if kind == "aid" else {"with", "between"}
                if child.dep_ == "prep" and child.lower_ in partners:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            for one in _with_conjuncts(pobj):
                                tokens.append(one)
                                tokens.extend(_of_phrase(one, index))
        found: list[dict[str, Any]] = []
        for token in tokens:
            mention = index.get(token.i)
            if mention is None and token.lower_ in {"he", "she", "they", "it", "who", "which", *POSSESSIVES}:
                mention = resolve_pronoun(token, index)
            if mention is None or mention["kind"] not in ACTOR_KINDS:
                continue
            if not mention["linked"] and mention["kind"] != "person":
                continue
            if mention not in found:
                found.append(mention)
        return found

    # -- place -----------------------------------------------------------------------------------
    def _place(self, kind: str, root: Token, clause: Token, participants: list[dict[str, Any]]) -> str | None:
        names = {str(m["name"]) for m in participants}
        candidates: list[Span] = []
        preps = PLACE_PREPS | (TARGET_PREPS if kind == "attack" else set())
        if kind == "attack":
            for child in root.children:
                if child.dep_ == "dobj":
                    span = _place_span(child)
                    if span is not None:
                        candidates.append(span)
        for head in (root, clause):
            for token in head.subtree:
                if token.dep_ != "pobj" or token.head.lower_ not in preps:
                    continue
                if token.head.head not in (root, clause):
                    continue  # "talks on ending the war in Ukraine": that place is the war's
                span = _place_span(token)
                if span is not None:
                    candidates.append(span)
        # "Belarus, where the first rounds of talks took place"
        for head in (root, clause):
            if head.dep_ == "relcl" and any(c.lower_ == "where" for c in head.children):
                span = _place_span(head.head)
                if span is not None:
                    candidates.append(span)
        best: Span | None = None
        for span in candidates:
            if span.text in names:
                continue
            if best is None or (_is_country(best) and not _is_country(span)):
                best = span
        if best is None:
            return None
        self._within = _country_of_place(best)
        words = best.text.split()
        return " ".join(words[1:] if words[0].lower() == "the" and len(words) > 1 else words)

    # -- modality --------------------------------------------------------------------------------
    def _modality(self, root: Token, clause: Token) -> str:
        chain = [root]
        for ancestor in root.ancestors:
            if chain[-1].dep_ in {"conj", "advcl", "ccomp", "relcl", "parataxis", "ROOT"}:
                break  # another clause's words do not govern this one
            chain.append(ancestor)
            if len(chain) > 4:
                break
        words: list[str] = []
        for token in chain:
            words.append(token.lower_)
            words.extend(
                c.lower_ for c in token.children if c.dep_ in {"aux", "neg", "amod", "mark", "advmod", "det"}
            )
        ruled_out = any(
            t.lower_ in {"rule", "rules", "ruled", "ruling"} and any(c.lower_ == "out" for c in t.children)
            for t in chain
        )
        if ruled_out or any(w in self.negated for w in words):
            return "negated"
        if any(w in self.hypothetical for w in words):
            return "hypothetical"
        if any(w in self.scheduled for w in words):
            return "scheduled"
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in chain[0].children):
            return "hypothetical"  # "to strike a deal": a purpose, not an occurrence
        return "happened"


def _country_of_place(span: Span) -> str | None:
    """The country a place is said to be in: "the Turkish city of Antalya" -> Turkey."""
    head = span.root.head.head if span.root.head.lower_ == "of" else None
    if head is None or head.lower_ not in PLACE_NOUNS:
        return None
    mentions = span.doc._.accord_mentions or []
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
    if not within or event["place"] is None:
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


def _drop_repeated_mentions(events: list[dict[str, Any]]) -> None:
    """A meeting or talks mentioned again without place or date ("when Kuleba meets Lavrov") is the same
    event as one with the same people that has a place."""
    talks = {"meeting", "negotiation_round"}
    keep: list[dict[str, Any]] = []
    for event in events:
        if event["type"] in talks and event["place"] is None and event["date"] is None:
            people = set(event["participants"])
            if any(
                other is not event
                and other["type"] in talks
                and other["place"] is not None
                and people <= set(other["participants"])
                for other in events
            ):
                continue
        keep.append(event)
    events[:] = keep


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


def _with_modifiers(token: Token) -> list[Token]:
    """ "American negotiators and Russian ones" -> the nouns and their nationality words."""
    found: list[Token] = []
    for one in _with_conjuncts(token):
        found.append(one)
        for child in one.children:
            if child.dep_ in {"amod", "compound", "poss", "nmod"}:
                found.extend(_with_conjuncts(child))
    return found


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
            if child.dep_ == "prep" and child.lower_ == "with" and depth < 2:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found.extend(_with_conjuncts(pobj, depth + 1))
    return found


def _of_phrase(token: Token, index: dict[int, dict[str, Any]]) -> list[Token]:
    """ "the foreign ministers of Russia and Ukraine" -> Russia, Ukraine and, when the article names
    them, the people who hold that office for each."""
    if token.lower_ not in COLLECTIVE_OF:
        return []
    found: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "from"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.extend(_with_conjuncts(pobj))
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


def _place_span(token: Token) -> Span | None:
    """The named place at ``token``: "Anchorage", or "Antalya" in "the Turkish city of Antalya"."""
    doc = token.doc
    if token.ent_type_ in PLACE_LABELS:
        return entity_at(doc, token.i)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if pobj.ent_type_ in PLACE_LABELS:
                    return _place_span(pobj)
                if token.lower_ in PLACE_NOUNS and pobj.ent_type_:
                    # "the peninsula of Crimea": the tagger's label aside, a named part of a place noun
                    return entity_at(doc, pobj.i)
    if token.ent_type_ == "" and token.lower_ in {"sidelines"}:
        return None
    return None


def _is_country(span: Span) -> bool:
    mentions = span.doc._.accord_mentions or []
    return any(m["start"] == span.start_char and m["kind"] == "country" for m in mentions)


def _date_texts(scope: Span, trigger: Token) -> list[str]:
    """The clause's date expressions, nearest the trigger first, leaving out the ones that bound a period
    rather than date the event ("since 2022", "until March")."""
    found = []
    for ent in entities_in(scope, {"DATE", "TIME"}):
        before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if before in {"since", "until", "till", "before", "after", "by", "from", "through"}:
            continue
        if any(t.lower_ in {"since", "until", "ago"} for t in ent):
            continue
        found.append((abs(ent.start - trigger.i), ent.text))
    return [text for _, text in sorted(found)]


@Language.factory(
    "accord_events",
    # Events, the "acts" flag of their participants' mentions, a failure record (see `guarded`).
    assigns=["doc._.accord_events", "doc._.accord_mentions", "doc._.accord_errors"],
    requires=["doc._.accord_mentions", "token.dep", "doc.ents"],
)
def make_event_detector(nlp: Language, name: str) -> EventDetector:
    return EventDetector(nlp, name)
