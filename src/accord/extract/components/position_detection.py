"""Positions: an actor's stance on a negotiation issue.

An issue cue (lexicons/issues.yaml) in a sentence becomes a position when an actor states it: the
speaker of the quotation holding the cue, or the subject of a speech or stance verb governing the cue
("the Kremlin said it would cease hostilities"), plus an actor that is the subject of a nested stance
verb ("X said the US does not believe ..."). The stance starts from the cue's direction and flips for
each negator on the way from the cue to the verb; a condition ("if ...", "in exchange for ...") makes
the main clause's stance conditional, while cues inside the condition are what the actor asks for.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from accord.extract.components.common import (
    fold,
    guarded,
    items,
    load_lexicon,
    mark_acting,
    mention_index,
    provenance,
    speaking_for,
)
from accord.extract.components.quote_attribution import is_verb, resolve_pronoun
from accord.extract.components.wordforms import all_forms, forms

# Nouns that make an issue a topic of discussion rather than a demand ("the terms of a truce").
TOPICS = {
    "terms",
    "prospects",
    "prospect",
    "chances",
    "details",
    "question",
    "issue",
    "possibility",
    "outcome",
    "talk",
    "talks",
    "discussion",
    "discussions",
    "debate",
    "future",
    "fate",
    "shape",
    "timing",
}
SIDES = {"sides", "parties", "both", "delegations"}


class PositionDetector:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        issues = load_lexicon("issues")
        stances = load_lexicon("stances")
        actors = load_lexicon("actors")
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for issue, cues in issues.items():
            for direction in ("toward", "away"):
                # Cues are written in base form; their first word is inflected ("recognized the annexation").
                variants = {
                    " ".join([form, *cue.split()[1:]])
                    for cue in cues.get(direction) or []
                    for form in forms(cue.split()[0])
                }
                phrases = [nlp.make_doc(c) for c in sorted(variants)]
                if phrases:
                    self.matcher.add(f"{issue}|{direction}", phrases)
        self.speech = all_forms(actors["speech_verbs"])
        self.stance = all_forms(stances["stance_verbs"])
        self.negators = all_forms(stances["negators"])
        self.phrasals: dict[str, str] = {}
        for verb, particle in stances["negating_phrasals"].items():
            for form in all_forms([verb]):
                self.phrasals[form] = particle
        self.marks = set(stances["condition_marks"])
        self.condition_phrases = [c.split() for c in stances["condition_phrases"]]
        self.hedges = set(stances["hedges"])
        self.exchange_heads = set(stances["exchange_heads"])

    @guarded("accord_positions")
    def __call__(self, doc: Doc) -> Doc:
        out = items(doc, "accord_positions")
        index = mention_index(doc)
        quotes = items(doc, "accord_quotes")
        found: dict[tuple[str, str, str], dict[str, Any]] = {}
        matches = sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        matches = sorted(matches + _anaphoric_cues(doc, matches), key=lambda m: (m[1], -(m[2] - m[1])))
        covered: set[int] = set()
        for match_id, start, end in matches:
            if any(i in covered for i in range(start, end)):
                continue
            covered.update(range(start, end))
            issue, direction = doc.vocab.strings[match_id].split("|")
            cue = doc[start:end]
            others = [doc[s:e] for _, s, e in matches if s != start]
            for actor, stance, condition, mention in self._positions(
                doc, cue, direction, index, quotes, others
            ):
                if mention is not None:
                    mark_acting(mention)
                issues = [issue]
                if issue == "territory" and "crimea" in cue.sent.text.lower():
                    issues.append("crimea")
                for one in issues:
                    key = (actor, one, stance)
                    if key not in found:
                        found[key] = {
                            **provenance(doc, cue.start_char, cue.end_char),
                            "actor": actor,
                            "issue": one,
                            "stance": stance,
                            "condition": condition,
                            "score": 1.0,
                        }
        # One entry per (actor, issue, stance); a conditional stance replaces the unconditional ones.
        conditional = {(a, i) for (a, i, s) in found if s == "conditional"}
        for (actor, issue, stance), item in found.items():
            if stance != "conditional" and (actor, issue) in conditional:
                continue
            out.append(item)
        out.sort(key=lambda p: p["start"])
        return doc

    def _positions(
        self,
        doc: Doc,
        cue: Span,
        direction: str,
        index: dict[int, dict[str, Any]],
        quotes: list[dict[str, Any]],
        others: list[Span],
    ) -> list[tuple[str, str, str | None, dict[str, Any] | None]]:
        polarity = 1 if direction == "toward" else -1
        path = self._path(cue)
        holders: list[tuple[str, dict[str, Any] | None]] = []
        stop = len(path)
        quote = next((q for q in quotes if q["start"] <= cue.start_char < q["end"]), None)
        if quote is not None:
            speaker = next((m for m in index.values() if m["name"] == quote["speaker"] and m["party"]), None)
            if speaker is None:
                return []
            holders.append((quote["speaker"], speaker))
        root = cue.root
        topic = (
            root.dep_ == "pobj"
            and root.head.lower_ in {"of", "about", "on"}
            and root.head.head.lower_ in TOPICS
        )
        # Verbs inside a condition ("if Kyiv recognizes ...") state what is asked, not who asks it.
        zone = max(
            (
                i
                for i, t in enumerate(path)
                if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.marks for c in t.children)
            ),
            default=-1,
        )
        for position, token in enumerate(path):
            if position <= zone:
                continue
            base = token.lower_
            if topic and base not in self.stance:
                continue  # "said the terms of a truce could ...": talk about an issue is not a stance on it
            verb_like = is_verb(token) or token.dep_ == "acomp"
            if (base not in self.speech and base not in self.stance) or not verb_like or token in cue:
                continue
            subject = _subject_of(token)
            if subject is None or (quote is not None and quote["start"] <= subject.idx < quote["end"]):
                continue  # inside a quotation, "we" and "they" are the speaker's; the speaker holds it
            # "Putin and Zelensky agreed ...": each party holds the stance; "both sides" are the
            # parties of the talks the article has just described.
            found = [self._mention(s, index) for s in [subject, *subject.conjuncts]]
            if subject.lower_ in SIDES and all(m is None for m in found):
                found = self._sides(subject, index)
            for mention in found:
                if mention is None:
                    continue
                name = str(mention["name"])
                if all(name != h[0] for h in holders):
                    holders.append((name, mention))
                stop = position + 1
        if not holders:
            holders.extend(self._sentence_speaker(cue, index))
        if not holders:
            return []
        boundary, condition = self._condition(cue, path[:stop], others)
        if boundary is not None:
            if boundary < 0:
                return []  # a condition whose main clause states no stance on an issue
            stop = boundary
        polarity *= self._negation(cue, path[:stop])
        if polarity == 0 or (condition is not None and boundary is None):
            stance = "conditional"
        else:
            stance = "support" if polarity > 0 else "oppose"
        return [(name, stance, condition, mention) for name, mention in holders]

    def _sentence_speaker(
        self, cue: Span, index: dict[int, dict[str, Any]]
    ) -> list[tuple[str, dict[str, Any] | None]]:
        """ "If ..., he added, they should ...": a speech verb outside the cue's chain of heads."""
        for token in cue.sent:
            if token.lower_ not in self.speech or token.dep_ != "parataxis":
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            mention = self._mention(subject, index) if subject is not None else None
            if mention is not None:
                return [(str(mention["name"]), mention)]
        return []

    @staticmethod
    def _path(cue: Span) -> list[Token]:
        root = cue.root
        return [root, *root.ancestors]

    def _mention(self, token: Token, index: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
        mention: dict[str, Any] | None = index.get(token.i)
        if mention is None:
            near = [c.i for c in token.children if c.dep_ in {"appos", "compound"} and c.i in index]
            mention = index[near[0]] if near else speaking_for(token, index)
        if mention is None and token.lower_ in {"he", "she", "it", "they", "we", "i", "who", "which"}:
            mention = resolve_pronoun(token, index)
        if mention is None or mention["kind"] in {"media", "place"} or not mention["party"]:
            return None  # positions belong to the parties the registry knows, not to commentators
        return mention

    def _sides(self, subject: Token, index: dict[int, dict[str, Any]]) -> list[dict[str, Any] | None]:
        """The parties of the last talks, meeting or call before ``subject`` ("both sides")."""
        if not any(t.lower_ in {"both", "two", "sides", "parties"} for t in subject.subtree):
            return []
        events = [e for e in items(subject.doc, "accord_events") if e["start"] < subject.idx]
        talks = [e for e in events if e["type"] in {"negotiation_round", "meeting", "phone_call"}]
        if not talks:
            return []
        by_name = {m["name"]: m for m in index.values()}
        parties = [by_name[n] for n in talks[-1]["participants"] if n in by_name]
        collective = [m for m in parties if m["kind"] in {"country", "organization"}]
        return list(collective if len(collective) >= 2 else parties)

    def _negation(self, cue: Span, path: list[Token]) -> int:
        sign = 1
        inside = set(range(cue.start, cue.end))
        for position, token in enumerate(path):
            if position > 0 and path[position - 1].dep_ == "conj":
                break  # "refuses to give up land and insists on a ceasefire": one verb's "no" only
            if token.i not in inside and token.lower_ in self.negators:
                sign = -sign
            particle = self.phrasals.get(token.lower_)
            if particle and any(c.dep_ == "prt" and c.lower_ == particle for c in token.children):
                if any(c.dep_ == "neg" for c in token.children):
                    return 0  # "did not rule out": open to it, not committed
                sign = -sign
            for child in token.children:
                if child.i in inside:
                    continue
                if child.dep_ == "neg" or (
                    child.dep_ in {"det", "amod", "acomp"} and child.lower_ in self.negators
                ):
                    sign = -sign
                elif child.dep_ == "attr" and any(
                    g.dep_ == "amod" and g.lower_ in self.negators for g in child.children
                ):
                    sign = -sign  # "... was an unrealistic objective"
        return sign

    def _condition(self, cue: Span, path: list[Token], others: list[Span]) -> tuple[int | None, str | None]:
        """Where the condition holding the cue ends on its path (None when the cue is not inside one;
        -1 when the main clause has no issue of its own), and the text of a condition on the cue."""
        for position, token in enumerate(path):
            inside = token.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in self.marks for c in token.children
            )
            if (
                token.dep_ == "pobj"
                and token.head.lower_ == "for"
                and token.head.head.lower_ in {"exchange", "return"}
            ):
                inside = True
            if inside:
                clause = set(range(token.left_edge.i, token.right_edge.i + 1))
                if not any(o.start not in clause and o.sent == cue.sent for o in others):
                    return -1, None
                return position + 1, None
            if (
                token.dep_ == "pobj"
                and token.head.lower_ == "for"
                and token.head.head.lower_ in self.exchange_heads
            ):
                return None, token.sent.text
        for token in path:
            for child in token.children:
                if child.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in self.marks for m in child.children
                ):
                    return None, _clause_text(child)
                if child.dep_ == "acomp" and child.lower_ in self.hedges:
                    return None, child.sent.text
        sentence = [t.lower_ for t in cue.sent]
        for phrase in self.condition_phrases:
            n = len(phrase)
            for i in range(len(sentence) - n + 1):
                if sentence[i : i + n] == phrase and not cue.start <= cue.sent.start + i < cue.end:
                    return None, cue.sent[i:].text
        return None, None


def _anaphoric_cues(doc: Doc, matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """ "such a swap", "this truce": a noun pointing back at an issue cue that holds the same word."""
    earlier: dict[str, tuple[int, int]] = {}  # word -> (match id, position of the cue's end)
    for match_id, start, end in matches:
        for token in doc[start:end]:
            if len(token.text) > 3:
                earlier.setdefault(token.lower_, (match_id, end))
    found: list[tuple[int, int, int]] = []
    for token in doc:
        pointer = any(
            c.dep_ in {"det", "predet", "amod"} and c.lower_ in {"such", "this", "that"}
            for c in token.children
        )
        if not pointer or token.lower_ not in earlier:
            continue
        match_id, cue_end = earlier[token.lower_]
        if cue_end <= token.i:
            found.append((match_id, token.i, token.i + 1))
    return found


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject, or for a subjectless clause ("..., telling the press that", "a paper calling
    for ...") the subject of the verb it hangs from."""
    token = verb
    for _ in range(4):
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if token.dep_ not in {"advcl", "xcomp", "conj", "acl", "pcomp", "prep", "pobj", "dobj"}:
            return None
        token = token.head
    return None


def _clause_text(token: Token) -> str:
    return token.doc[token.left_edge.i : token.right_edge.i + 1].text


@Language.factory(
    "accord_positions",
    assigns=["doc._.accord_positions"],
    requires=["doc._.accord_mentions", "doc._.accord_quotes", "doc._.accord_events", "token.dep"],
)
def make_position_detector(nlp: Language, name: str) -> PositionDetector:
    return PositionDetector(nlp, name)


__all__ = ["PositionDetector", "fold"]
