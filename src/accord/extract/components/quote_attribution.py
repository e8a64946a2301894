"""Quotations and who said them.

Quotation marks are read left to right per paragraph: curly marks say which way they face; straight
marks are opening or closing by what touches them, so a mark glued to a word ('an"exchange') still
opens. Quotations inside a quotation are nested and not separate quotes. Paragraphs introduced by a
dash (interview format) are quotes of the name before the dash or in the closing tag.

A quotation is attributed through the speech verb next to it ("said X", "X told ...", "according to
X"); pronouns go to the last compatible named actor, unnamed speakers become ``unnamed: <description>``.
Short quoted words (scare quotes, names, terms) count only when a speech verb governs them.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.training import Example

from accord.extract.components.common import (
    CLOSING,
    OPENING,
    STRAIGHT,
    dateline_word,
    fold,
    guarded,
    items,
    load_lexicon,
    mark_acting,
    mention_index,
    passive_agent,
    provenance,
    speaking_for,
)
from accord.extract.components.wordforms import all_forms

# "Sergey Lavrov: It is a ceasefire." An interview turn opened by a short capitalised label and a colon.
# A speaker's label: a name of up to five words, or a title and name in capitals as broadcast transcripts
# write them ("SPECIAL ENVOY TO THE MIDDLE EAST STEVE WITKOFF:").
NAME_LINE = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]*(?: [A-Za-z][\w.'’-]*){0,4}|[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){5,8}):\s+(?=\S)"
)
DASH_LINE = re.compile(r"^(?P<name>[^\n:]{2,80}?)?\s*:?\s*[-–—]\s+(?=\S)")
WRAPPED_LINE = re.compile(r"(?<=[^\s.!?:;\"”’')])\n(?=[a-z])")
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|we|We|my|My|our|Our)\b")
SHORT_WORDS = 3
TAG_WINDOW = 40  # tokens
# Dependency labels a verb can carry (the pipeline runs without a tagger, so "call" the noun and "call"
# the verb are told apart by their place in the parse).
VERB_DEPS = {"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "parataxis", "acl", "pcomp", "dep"}


def is_verb(token: Token) -> bool:
    """Does the parse use ``token`` as a verb? (A conjunct is one when what it joins is one.)"""
    for _ in range(6):
        if token.dep_ != "conj":
            return token.dep_ in VERB_DEPS
        token = token.head
    return False


# Subordinating words that make a speech verb's clause a circumstance, never a quotation's tag.
SIDE_MARKS = frozenset(
    {"after", "before", "when", "while", "since", "because", "until", "although", "though"}
)
INVERTED_BEFORE = {",", "”", '"', "’", "-", "–", "—"}


@dataclass(frozen=True)
class QuoteWords:
    """The words quote attribution reads: lexicons/quotes.yaml, the speech verbs of actors.yaml and the
    spokes-bodies of holders.yaml. Events and positions resolve pronouns with them too."""

    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    interviewer_labels: frozenset[str]
    voiceless: frozenset[str]  # "the statement said", "both sides said": no one speaks
    interview_cues: tuple[str, ...]
    term_markers: frozenset[str]
    set_terms: frozenset[str]
    determiners: frozenset[str]
    # Verbs that give a short quotation as the subject's own word for something ("called it a 'disaster'").
    naming_forms: frozenset[str]
    qualifying_preps: frozenset[str]
    speech_forms: frozenset[str]
    # Talking to the press is speaking ("Putin also spoke with reporters in Sochi"): verbs and audiences.
    press_talk_forms: frozenset[str]
    press_nouns: frozenset[str]
    spokesbodies: frozenset[str]
    readout_bodies: frozenset[str]  # bodies whose wording is their country's: "the president's office said"


@functools.cache
def quote_words(quotes: str = "quotes", actors: str = "actors", holders: str = "holders") -> QuoteWords:
    """The :class:`QuoteWords` of the lexicons named (read once per process)."""
    words = load_lexicon(quotes)
    return QuoteWords(
        person_pronouns=frozenset(words["person_pronouns"]),
        group_pronouns=frozenset(words["group_pronouns"]),
        interviewer_labels=frozenset(words["interviewer_labels"]),
        interview_cues=tuple(words["interview_cues"]),
        term_markers=frozenset(words["term_markers"]),
        set_terms=frozenset(str(t).lower() for t in words["set_terms"]),
        determiners=frozenset(words["determiners"]),
        naming_forms=frozenset(set(all_forms(words["naming_verbs"])) | set(words["naming_words"])),
        qualifying_preps=frozenset(words["qualifying_prepositions"]),
        voiceless=frozenset(words["voiceless"]),
        speech_forms=frozenset(all_forms(load_lexicon(actors)["speech_verbs"])),
        press_talk_forms=frozenset(all_forms(words["press_talk_verbs"])),
        press_nouns=frozenset(words["press_nouns"]),
        spokesbodies=frozenset(load_lexicon(holders)["spokesbodies"]),
        readout_bodies=frozenset(load_lexicon(holders)["readout_bodies"]),
    )


@dataclass
class Quotation:
    start: int  # first character inside the marks
    end: int  # character after the last one inside the marks
    mark_start: int
    mark_end: int
    dash: bool = False
    speaker_hint: str | None = None
    speaker: str | None = None
    speaker_mention: dict[str, Any] | None = None
    continues: list[Quotation] = field(default_factory=list)
    unclosed: bool = False  # ran to its paragraph's end: the next paragraph's quotation may continue it
    interviewee: bool = False  # an unlabelled answer of an interview: the interviewee's words


@dataclass
class Interview:
    """The turns of an interview: answers (quotes of the interviewee) and questions (the interviewer's, who
    is no actor)."""

    answers: list[Quotation] = field(default_factory=list)
    questions: list[tuple[int, int]] = field(default_factory=list)
    intro_end: int = 0  # end of the introduction, where an unlabelled interview names its interviewee


def _paragraphs(text: str) -> list[tuple[int, str]]:
    found = []
    offset = 0
    for paragraph in WRAPPED_LINE.sub(" ", text).split("\n"):
        found.append((offset, paragraph))
        offset += len(paragraph) + 1
    return found


def find_interview(text: str, words: QuoteWords) -> Interview:
    """Interview turns without quotation marks. Labelled turns ("Sergey Lavrov: ...", "Question: ...") count
    when the text has an interviewer's label or the same answerer's label twice, or when its first exchange
    is labelled and the rest goes on without labels; unlabelled ones when the introduction presents an
    interview and at least two question paragraphs are each followed by an answer paragraph in the first
    person."""
    paragraphs = [(offset, par) for offset, par in _paragraphs(text) if par.strip()]
    labels = [(offset, par, NAME_LINE.match(par)) for offset, par in paragraphs]
    return _labelled_turns(labels, words) or _unlabelled_turns(paragraphs, words)


def _labelled_turns(
    labels: list[tuple[int, str, re.Match[str] | None]], words: QuoteWords
) -> Interview | None:
    """The turns of an interview whose paragraphs carry their speakers' labels; None when it has none."""
    interview = Interview()
    same = _same_speakers([m.group("name") for _, _, m in labels if m is not None])
    names = [same[m.group("name")] for _, _, m in labels if m is not None]
    asker = {n for n in names if fold(n) in words.interviewer_labels}
    # "Pavel Zarubin: Pavel Zarubin, Rossiya TV Channel.": a journalist introducing himself asks
    asker |= {same[m.group("name")] for _, par, m in labels if m is not None and _introduces(par, m)}
    # "MARGARET BRENNAN: ... Is that a decision making call?": a label most of whose turns ask asks
    asker |= _questioners(labels, same)
    answerers = {n for n in names if n not in asker and (names.count(n) >= 2 or asker)}
    exchange = None if answerers else _first_exchange(labels)
    if exchange is not None:
        asker, answerers = {exchange[0]}, {exchange[1]}
    if not answerers:
        return None
    asked = False  # the paragraph before was an unlabelled question
    for offset, par, match in labels:
        end = len(par.rstrip())
        if match is None:
            if exchange is not None and asked and not par.rstrip().endswith("?"):
                # "Alexander Stubb: ..." once, then unlabelled turns: what follows a question answers it
                interview.answers.append(_whole_paragraph(offset, par, exchange[1]))
            asked = exchange is not None and par.rstrip().endswith("?")
            if asked:
                interview.questions.append((offset, offset + end))
            continue
        asked = False
        name = same[match.group("name")]
        if name in asker:
            interview.questions.append((offset, offset + end))
        elif name in answerers and end - match.end() > 20:
            start = offset + match.end()
            interview.answers.append(Quotation(start, offset + end, start, offset + end, True, name))
    return interview


def _label_names(label: str, surface: str, mention: dict[str, Any]) -> bool:
    """Does a speaker's label name the person mentioned: the words of the mention end the label ("SECRETARY
    OF STATE MARCO RUBIO" and "Marco Rubio"), or the label ends with the person's surname ("SEC. RUBIO")?"""
    words, named = fold(label).split(), fold(surface).split()
    surname = fold(str(mention["name"])).split()[-1:]
    return bool(named) and (words[-len(named) :] == named or words[-1:] == surname)


def _questioners(labels: list[tuple[int, str, re.Match[str] | None]], same: dict[str, str]) -> set[str]:
    """The labels most of whose turns (two at least) end with a question."""
    turns: dict[str, list[bool]] = {}
    for _, par, match in labels:
        if match is not None:
            turns.setdefault(same[match.group("name")], []).append(par.rstrip().endswith("?"))
    return {name for name, asked in turns.items() if sum(asked) >= 2 and sum(asked) * 2 > len(asked)}


def _same_speakers(names: list[str]) -> dict[str, str]:
    """Each label as the shortest label naming the same person: "President of Russia Vladimir Putin" and
    "Vladimir Putin" are one speaker (a label of two words or more that ends the longer one)."""
    same: dict[str, str] = {}
    for name in names:
        words = name.split()
        ends = [n for n in names if len(n.split()) >= 2 and words[-len(n.split()) :] == n.split()]
        same[name] = min(ends, key=len) if ends else name
    return same


def _introduces(par: str, match: re.Match[str]) -> bool:
    """Does the labelled turn open with its speaker naming himself ("Pavel Zarubin: Pavel Zarubin, Rossiya
    TV Channel."), as a journalist at a press conference does before asking?"""
    return par[match.end() :].startswith(match.group("name") + ",")


def _unlabelled_turns(paragraphs: list[tuple[int, str]], words: QuoteWords) -> Interview:
    """The turns of an interview without labels: question paragraphs, each followed by a first-person answer,
    after an introduction that presents an interview."""
    interview = Interview()
    questions = [i for i, (_, par) in enumerate(paragraphs) if par.rstrip().endswith("?")]
    answers = [
        i + 1
        for i in questions
        if i + 1 < len(paragraphs)
        and i + 1 not in questions
        and FIRST_PERSON.search(paragraphs[i + 1][1])
        and paragraphs[i + 1][1].lstrip()[:1] not in {'"', "“", "«", "-", "–", "—"}
    ]
    if len(answers) < 2 or not questions or questions[0] == 0:
        return interview
    intro = " ".join(par for _, par in paragraphs[: questions[0]]).lower()
    if not any(re.search(rf"\b{re.escape(cue)}\b", intro) for cue in words.interview_cues):
        return interview
    interview.intro_end = paragraphs[questions[0]][0]
    for i in questions:
        offset, par = paragraphs[i]
        interview.questions.append((offset, offset + len(par.rstrip())))
    for i in answers:
        interview.answers.append(_whole_paragraph(*paragraphs[i], interviewee=True))
    return interview


def _whole_paragraph(
    offset: int, par: str, speaker: str | None = None, *, interviewee: bool = False
) -> Quotation:
    """An unlabelled answer: the paragraph's text without its surrounding blanks."""
    start = offset + len(par) - len(par.lstrip())
    end = offset + len(par.rstrip())
    return Quotation(start, end, start, end, True, speaker, interviewee=interviewee)


def _first_exchange(labels: list[tuple[int, str, re.Match[str] | None]]) -> tuple[str, str] | None:
    """The interviewer's and the interviewee's names when the text opens its first exchange with labels (a
    labelled question answered by a labelled paragraph of another name) and goes on without them."""
    for (_, par, match), (_, _, reply) in itertools.pairwise(labels):
        if match is None or reply is None:
            continue
        if par.rstrip().endswith("?") and reply.group("name") != match.group("name"):
            return match.group("name"), reply.group("name")
        return None
    return None


def find_quotations(text: str) -> list[Quotation]:
    """Top-level quotations in ``text`` (nested ones are part of their outer quotation)."""
    found: list[Quotation] = []
    offset = 0
    # A line break inside a sentence of hard-wrapped text does not end a paragraph (same length, so the
    # offsets hold).
    text = WRAPPED_LINE.sub(" ", text)
    for paragraph in text.split("\n"):
        found.extend(_paragraph_quotations(paragraph, offset))
        offset += len(paragraph) + 1
    return found


def _paragraph_quotations(par: str, base: int) -> list[Quotation]:
    dash = DASH_LINE.match(par)
    # "— said Dmitry Peskov.": a line going on in lower case is the tag of the quotation before, no answer
    if dash and (dash.group("name") is None or ":" in par[: dash.end()]) and not par[dash.end()].islower():
        body_start = dash.end()
        body_end = len(par.rstrip())
        if body_end - body_start > 20:
            name = dash.group("name").strip() if dash.group("name") else None
            return [
                Quotation(base + body_start, base + body_end, base + body_start, base + body_end, True, name)
            ]
    quotes: list[Quotation] = []
    depth = 0
    opened = 0
    for i, ch in enumerate(par):
        if ch not in OPENING and ch not in CLOSING and ch != STRAIGHT:
            continue
        before = par[i - 1] if i > 0 else " "
        after = par[i + 1] if i + 1 < len(par) else " "
        if ch == "“" and depth > 0 and not before.isspace() and (after.isspace() or after in ".,;:!?)]}"):
            role = "close"  # „...“ and «...“: the German and machine-copied closing mark
        elif ch in OPENING:
            role = "open"
        elif ch in CLOSING:
            role = "close"
        elif before.isspace() or before in "([{:—–-":
            role = "open"
        elif after.isspace() or after in ".,;:!?)]}—–-" or i + 1 == len(par):
            role = "close"
        elif before.isalnum() and after.isalnum():
            role = "open"  # glued on both sides ('an"exchange'): opens, nested if inside a quotation
        else:
            role = "close" if depth > 0 else "open"  # 'statements."It'
        if role == "open":
            if depth == 0:
                opened = i
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                quotes.append(Quotation(base + opened + 1, base + i, base + opened, base + i + 1))
    if depth > 0 and len(par) - opened > 2:
        # Unclosed at the end of the paragraph: the quotation runs to the paragraph's end.
        end = len(par.rstrip())
        quotes.append(Quotation(base + opened + 1, base + end, base + opened, base + end, unclosed=True))
    return quotes + _single_quotations(par, base, quotes)


def _single_quotations(par: str, base: int, doubles: list[Quotation]) -> list[Quotation]:
    """Quotations in curly single marks (British style) outside any double-quoted passage. The closing
    mark is also the apostrophe, so it closes only when no letter follows it."""
    taken = [(q.mark_start - base, q.mark_end - base) for q in doubles]
    found: list[Quotation] = []
    start: int | None = None
    for i, ch in enumerate(par):
        if ch not in "‘’" or any(a <= i < b for a, b in taken):
            continue  # only the single marks matter, and only outside double-quoted passages
        before = par[i - 1] if i > 0 else " "
        after = par[i + 1] if i + 1 < len(par) else " "
        if ch == "‘" and start is None and (before.isspace() or before in "([—–-:") and not after.isspace():
            start = i
        elif ch == "’" and start is not None and not after.isalnum():
            inner = par[start + 1 : i]
            if len(inner.split()) >= 2:
                found.append(Quotation(base + start + 1, base + i, base + start, base + i + 1))
            start = None
    return found


class QuoteAttributor:
    def __init__(
        self,
        nlp: Language,
        name: str,
        quotes: str = "quotes",
        actors: str = "actors",
        holders: str = "holders",
    ) -> None:
        self.name = name
        self.text = ""  # the document's text and which of its tokens are quoted, set per document
        self.inside: list[bool] = []
        self.lexicons = (quotes, actors, holders)
        self.initialized = False

    def initialize(
        self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Language | None = None
    ) -> None:
        """Read the lexicons named in the config."""
        quotes, actors, holders = self.lexicons
        self.words = quote_words(quotes, actors, holders)
        lexicon = load_lexicon(actors)
        self.speech = all_forms(lexicon["speech_verbs"])
        self.media: set[str] = {fold(m) for m in lexicon["media"]}
        # the pronouns a tag names its speaker with ('"…," he said', "they added")
        self.tag_pronouns = self.words.person_pronouns | self.words.group_pronouns
        self.initialized = True

    @guarded("accord_quotes")
    def __call__(self, doc: Doc) -> Doc:
        out = items(doc, "accord_quotes")
        # Doc.text joins every token on each access: read it once per document.
        self.text = doc.text
        quotations = [q for q in find_quotations(self.text) if self.text[q.start : q.end].strip()]
        interview = find_interview(self.text, self.words)
        answers = {answer.start for answer in interview.answers}
        if interview.answers:
            # An answer is one quote; quotations inside it are nested in it.
            turns = [(a.start, a.end) for a in interview.answers]
            quotations = [q for q in quotations if not any(a <= q.start < b for a, b in turns)]
            quotations = sorted([*quotations, *interview.answers], key=lambda q: q.start)
        interviewee = self._interviewee(doc, interview)
        inside = _inside_mask(doc, quotations)
        self.inside = inside  # a pronoun's antecedent is no quoted name
        index = mention_index(doc)
        unnamed: dict[str, str] = {}
        merged: list[Quotation] = []
        for number, quote in enumerate(quotations):
            previous = merged[-1] if merged else None
            if previous is not None and previous.speaker and self._continues(doc, previous, quote, index):
                previous.continues.append(quote)
                continue
            if quote.interviewee:
                if interviewee is not None:
                    quote.speaker, quote.speaker_mention = str(interviewee["name"]), interviewee
            else:
                self._attribute(doc, quote, inside, index, unnamed)
            if (
                quote.speaker
                and quote.speaker.startswith("unnamed:")
                and _in_turns(quote, interview.questions)
            ):
                continue  # the interviewer asks no quotes
            if not quote.speaker and number > 0:
                # A quotation running over several paragraphs: an unclosed paragraph, then one that opens
                # with a quotation mark again.
                before = quotations[number - 1]
                last = previous.continues[-1] if previous is not None and previous.continues else previous
                gap = self.text[before.end : quote.mark_start]
                if before.unclosed and last is before and not gap.strip():
                    assert previous is not None
                    previous.continues.append(quote)
                    continue
            if not quote.speaker:
                self._attribute_from_lead_in(doc, quote, index, unnamed)
            if quote.speaker:
                merged.append(quote)
        out.extend(_without_repeats([self._record(doc, quote, answers) for quote in merged]))
        return doc

    def _record(self, doc: Doc, quote: Quotation, answers: set[int]) -> dict[str, Any]:
        """The quote as the doc keeps it: its provenance, speaker and words (without the attribution tag
        between its parts), and whether it answers in an interview (the event detector reads that: the
        interview is a statement)."""
        end = quote.continues[-1].end if quote.continues else quote.end
        parts = [self.text[q.start : q.end].strip().rstrip(",") for q in [quote, *quote.continues]]
        text = " ".join(p for p in parts if p).strip().rstrip(",").strip()
        assert quote.speaker is not None
        if quote.speaker_mention is not None:
            mark_acting(quote.speaker_mention)
        return {
            **provenance(doc, quote.start, end),
            "speaker": quote.speaker,
            "text": text,
            "answer": quote.start in answers,
        }

    @staticmethod
    def _interviewee(doc: Doc, interview: Interview) -> dict[str, Any] | None:
        """The person an unlabelled interview's introduction presents: the first person named there."""
        if not interview.intro_end:
            return None
        for mention in items(doc, "accord_mentions"):
            if mention["start"] >= interview.intro_end:
                break
            if mention["kind"] == "person" and mention["linked"] and str(mention["surface"])[:1].isupper():
                return mention  # a name, not an office ("the leaders of ..." in passing)
        return None

    # -- attribution -----------------------------------------------------------------------------
    def _attribute(
        self,
        doc: Doc,
        quote: Quotation,
        inside: list[bool],
        index: dict[int, dict[str, Any]],
        unnamed: dict[str, str],
    ) -> None:
        text = self.text[quote.start : quote.end].strip()
        words = text.split()
        short = len(words) <= SHORT_WORDS
        if short and (_looks_like_term(text) or text.lower().strip(" .,") in self.words.set_terms):
            return
        if short and self._term_marker_before(doc, quote):
            return
        if short and self._named_with_determiner(doc, quote):
            return
        if quote.dash:
            self._attribute_dash(doc, quote, index)
            return
        direct = self._direct_tag(doc, quote, index)
        if direct is not None:
            quote.speaker, quote.speaker_mention = direct
            return
        before, after = self._windows(doc, quote, inside)
        ends_open = text.endswith((",", "?", "!", "—", "–", "-", "…"))
        order = [after, before] if ends_open or not before else [before, after]
        quote_tokens = _tokens_in(doc, quote.start, quote.end)
        for window in order:
            verb = self._speech_verb(window, quote_tokens, governed=short)
            if verb is None:
                continue
            speaker = self._speaker_of(doc, verb, quote, index, unnamed)
            if speaker is not None:
                quote.speaker, quote.speaker_mention = speaker
                return
        if short:
            return
        for window in order:
            for tok in window:
                if tok.lower_ == "according" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to":
                    # the head of the phrase after "to": "according to Ukraine's defence minister X" is X's
                    objects = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
                    target = objects[0] if objects else doc[tok.i + 2]
                    speaker = self._name_for(doc, target, quote, index, unnamed)
                    if speaker is not None:
                        quote.speaker, quote.speaker_mention = speaker
                        return

    def _pronoun_tag(self, doc: Doc, quote: Quotation) -> bool:
        """Does a pronoun and a speech verb follow the closing mark ('"…," he said')?"""
        i = _tag_start(doc, quote)
        return i + 1 < len(doc) and doc[i].lower_ in self.tag_pronouns and doc[i + 1].lower_ in self.speech

    def _direct_tag(
        self, doc: Doc, quote: Quotation, index: dict[int, dict[str, Any]]
    ) -> tuple[str, dict[str, Any]] | None:
        """ "…", the minister said / "…," Zelensky told reporters: a named speaker and a speech verb right
        after the closing mark, however the parser attached them."""
        i = _tag_start(doc, quote)
        if i < len(doc) and doc[i].lower_ in self.speech:
            # inverted: "…," says Professor Kowalski / said Ukrainian Foreign Minister Dmytro Kuleba: the
            # person the title leads to, past a country or body named in the title
            j = i + 1
            while j < min(i + 8, len(doc)):
                found = index.get(j)
                if found is not None and found["kind"] == "person":
                    break
                if found is not None:
                    j = max(j + 1, int(found["tok_end"]))
                elif doc[j].text[:1].isupper() or doc[j].dep_ in {"compound", "amod"}:
                    j += 1  # "said Kremlin spokesman Dmitry Peskov": a lower-case title word too
                else:
                    break
            found = index.get(j)
            if found is None or found["kind"] != "person" or "\n" in doc[i : j + 1].text:
                return None
            return None if _reported_subject(doc, found, doc[i]) else (str(found["name"]), found)
        while i < len(doc) and doc[i].lower_ in {"the", "a", "an"}:
            i += 1
        head = doc[i] if i < len(doc) else None
        while head is not None and head.dep_ in {"compound", "amod"} and head.head.i > head.i:
            head = head.head  # "Kremlin spokesman Dmitry Peskov was quoted": the person the title leads to
        named = index.get(head.i) if head is not None else None
        mention = named if named is not None and named["kind"] == "person" else index.get(i)
        if mention is None or mention["kind"] in {"media", "place"}:
            return None
        i = mention["tok_start"]
        after = mention["tok_end"]
        if after < len(doc) and doc[after].lower_ in self.speech and "\n" not in doc[i:after].text:
            return str(mention["name"]), mention
        # "..., Peskov was quoted as saying": the passive of reporting someone's words
        passive = [t.lower_ for t in doc[after : after + 2]]
        if len(passive) == 2 and passive[0] in {"was", "were", "is"} and passive[1] in {"quoted", "cited"}:
            return str(mention["name"]), mention
        return None

    def _attribute_from_lead_in(
        self, doc: Doc, quote: Quotation, index: dict[int, dict[str, Any]], unnamed: dict[str, str]
    ) -> None:
        """A quotation opening its paragraph after a lead-in ending with a colon ("Peskov said:")."""
        line_start = self.text.rfind("\n", 0, quote.mark_start) + 1
        if self.text[line_start : quote.mark_start].strip():
            return
        lead_in = self.text[:line_start].rstrip()
        if not lead_in.endswith(":"):
            return
        span = doc.char_span(max(0, len(lead_in) - 300), len(lead_in), alignment_mode="expand")
        if span is None:
            return
        sentence = span[-1].sent
        verbs = [t for t in sentence if t.lower_ in self.speech and is_verb(t)]
        if verbs:
            speaker = self._speaker_of(doc, verbs[-1], quote, index, unnamed)
            if speaker is not None:
                quote.speaker, quote.speaker_mention = speaker

    def _attribute_dash(self, doc: Doc, quote: Quotation, index: dict[int, dict[str, Any]]) -> None:
        """ "Name : - text" or "- text, emphasizes Name." """
        if quote.speaker_hint:
            line_start = self.text.rfind("\n", 0, quote.mark_start) + 1
            mentions = items(doc, "accord_mentions")
            for mention in mentions:
                if line_start <= mention["start"] < quote.mark_start and mention["kind"] == "person":
                    quote.speaker, quote.speaker_mention = mention["name"], mention
            if not quote.speaker:
                # an unlabelled answer: the interviewee the earlier labelled answer named; a label the
                # tagger cannot read ("STEVE WITKOFF:"): the person the text names so elsewhere
                labelled = (
                    m
                    for m in mentions
                    if m["kind"] == "person"
                    and (line_start == quote.mark_start or not line_start <= m["start"] < quote.mark_end)
                    and _label_names(quote.speaker_hint, self.text[m["start"] : m["end"]], m)
                )
                named = next(labelled, None)
                if named is not None:
                    quote.speaker, quote.speaker_mention = named["name"], named
            if quote.speaker:
                return
        tail = doc.char_span(max(quote.start, quote.end - 120), quote.end, alignment_mode="expand")
        if tail is None:
            return
        for tok in reversed(list(tail)):
            if tok.lower_ in self.speech:
                for j in range(tok.i + 1, min(tok.i + 6, len(doc))):
                    found = index.get(j)
                    if found is not None and found["kind"] == "person":
                        quote.speaker, quote.speaker_mention = found["name"], found
                        quote.end = doc[tok.i].idx
                        # the tag is not part of the quotation
                        while quote.end > quote.start and self.text[quote.end - 1] in " ,":
                            quote.end -= 1
                        return
                return

    def _windows(self, doc: Doc, quote: Quotation, inside: list[bool]) -> tuple[list[Token], list[Token]]:
        """Tokens outside any quotation just before the opening mark and just after the closing one,
        within the same sentence-like stretch (stopping at a full stop outside quotes or a newline)."""
        before: list[Token] = []
        first = _token_at_or_after(doc, quote.mark_start)
        i = first - 1
        while i >= 0 and len(before) < TAG_WINDOW:
            tok = doc[i]
            if "\n" in tok.text or (not inside[i] and tok.text in {".", "!", "?"} and before):
                break
            if "\n" in tok.whitespace_:
                break
            if not inside[i]:
                before.append(tok)
            i -= 1
        before.reverse()
        after: list[Token] = []
        j = _token_at_or_after(doc, quote.mark_end)
        if self.text[quote.start : quote.end].rstrip().endswith(","):
            j = _dash_tag_below(doc, j)  # '"We are aware of this,"\n— said Dmitry Peskov.'
        while j < len(doc) and len(after) < TAG_WINDOW:
            tok = doc[j]
            if "\n" in tok.text:
                break
            if not inside[j]:
                if tok.text in {".", "!", "?"}:
                    break
                after.append(tok)
            elif after:
                break  # the next quotation begins
            if "\n" in tok.whitespace_:
                break
            j += 1
        return before, after

    def _speech_verb(self, window: list[Token], quote_tokens: set[int], *, governed: bool) -> Token | None:
        candidates = [
            t
            for t in window
            if t.lower_ in self.speech
            and (is_verb(t) or (t.i > 0 and t.doc[t.i - 1].text in INVERTED_BEFORE))
            and not self._side_clause(t, window, quote_tokens)
        ]
        if governed:
            candidates = [
                t
                for t in candidates
                if any(t in doc_tok.ancestors for doc_tok in _as_tokens(window, quote_tokens))
            ]
        if not candidates:
            return None
        if governed:
            # Quoted words inside reported speech belong to the outermost speaker ("X announced that ...
            # if Y proposed a 'fair deal'"), but not inside an adjunct with a speaker of its own ("Kyiv
            # rejected it, with its foreign minister condemning the 'knowingly unacceptable' terms").
            outer = min(candidates, key=lambda t: sum(1 for _ in t.ancestors))
            own = [t for t in candidates if t is not outer and _own_speaker_in_adjunct(t, outer)]
            return max(own, key=lambda t: sum(1 for _ in t.ancestors)) if own else outer
        # The verb nearest the quotation.
        if window and quote_tokens and window[0].i > max(quote_tokens):
            return candidates[0]
        return candidates[-1]

    @staticmethod
    def _side_clause(verb: Token, window: list[Token], quote_tokens: set[int]) -> bool:
        """'"...," after Trump suggested that ...': a circumstance told beside the quotation (a clause opened
        by "after", "when" ...) that does not govern it is not its tag."""
        return any(c.dep_ == "mark" and c.lower_ in SIDE_MARKS for c in verb.children) and not any(
            verb in t.ancestors for t in _as_tokens(window, quote_tokens)
        )

    def _speaker_of(
        self,
        doc: Doc,
        verb: Token,
        quote: Quotation,
        index: dict[int, dict[str, Any]],
        unnamed: dict[str, str],
    ) -> tuple[str, dict[str, Any] | None] | None:
        # An inverted tag: "...," said Hegseth / "..." - added Rutte.
        after = verb.i + 1
        if after < len(doc) and after in index and verb.i > 0 and doc[verb.i - 1].text in INVERTED_BEFORE:
            mention = index[after]
            if mention["kind"] not in {"media", "place"} and not _reported_subject(doc, mention, verb):
                return str(mention["name"]), mention
        head = verb
        for _ in range(3):
            # "(Newser) – President Biden urged ...": the parser may take the story's credit for a subject
            subjects = [
                c
                for c in head.children
                if c.dep_ in {"nsubj", "nsubjpass"}
                and not dateline_word(c)
                # the parser may hang a subject inside the quotation on the tag's verb too
                and not quote.mark_start <= c.idx < quote.mark_end
            ]
            if (
                subjects
                and head is not verb
                and verb.lower_.endswith("ing")
                and head.dep_ == "ccomp"
                and head.head.lower_ in self.speech
            ):
                # "Sibiha stated that Ukraine has agreed ..., writing to X: '...'": the participle goes on
                # with the reporting speaker, not with the subject of what was reported
                head = head.head
                continue
            if subjects:
                subject = subjects[0]
                if subject.dep_ == "nsubjpass":
                    if head is verb or not verb.lower_.endswith("ing"):
                        return None
                    # "was clarified by Putin, ..., saying ...": the participle speaks for the agent
                    agent = passive_agent(head)
                    return self._name_for(doc, agent, quote, index, unnamed) if agent is not None else None
                return self._name_for(doc, subject, quote, index, unnamed)
            if head.dep_ in {"conj", "xcomp", "advcl", "ccomp", "relcl"} and head.head != head:
                head = head.head
                continue
            break
        return None

    def _name_for(
        self,
        doc: Doc,
        token: Token,
        quote: Quotation,
        index: dict[int, dict[str, Any]],
        unnamed: dict[str, str],
    ) -> tuple[str, dict[str, Any] | None] | None:
        mention = _mention_near(token, index, self.words.spokesbodies)
        body = self._body_speaker(doc, token, mention, quote, index, unnamed)
        if body is not None:
            return body
        if mention is not None:
            if mention["kind"] == "media":
                return None
            return str(mention["name"]), mention
        lower = token.lower_
        antecedent = relative_antecedent(token)
        if antecedent is not None:
            return self._name_for(doc, antecedent, quote, index, unnamed)
        person = _person_before(token, index)
        if person is not None:
            return str(person["name"]), person
        pronouns = self.words.person_pronouns
        if lower in pronouns | self.words.group_pronouns:
            found = _governing_subject(token, index, person=lower in pronouns)
            if found is None:
                # an antecedent comes before its pronoun ("his office said he told Trump ...": not Trump)
                before = min(quote.mark_start, token.idx)
                found = _last_actor(doc, before, self.words, person=lower in pronouns, quoted=self.inside)
            if found is not None:
                token._.accord_referent = found  # for positions and events (see resolve_pronoun)
                return str(found["name"]), found
            return None
        if token.ent_type_ in {"PERSON"}:
            return token.text, None
        if lower in self.words.voiceless:
            author = _author_from(token, index)
            if author is not None:
                return str(author["name"]), author  # "a statement from the G7", as "the G7 statement"
            return None  # "the statement said": a document's wording, not anyone's quote
        if token.is_stop or token.like_num:
            return None  # "that", "the", "1": the parser's subject is no one described
        description = _description(token, self.words.qualifying_preps)
        if not description or (" " not in description and description[:1].isupper()):
            return None  # a bare name the linker did not know is not a description
        key = fold(token.text)
        if key in unnamed and len(description.split()) <= len(unnamed[key].split()):
            return unnamed[key], None
        label = f"unnamed: {description}"
        unnamed[key] = label
        return label, None

    def _body_speaker(
        self,
        doc: Doc,
        token: Token,
        head: dict[str, Any] | None,
        quote: Quotation,
        index: dict[int, dict[str, Any]],
        unnamed: dict[str, str],
    ) -> tuple[str, dict[str, Any] | None] | None:
        """A leader's office, ministry or press service speaks for the country its head serves ("the
        president's office said", "his ministry said"): a readout's wording is the country's (guide: single
        bodies). ``head`` is whom the body was found to speak for ("Zelensky's office"), if anyone; None for
        any other word, or a body whose head is not a known person."""
        if token.lower_ not in self.words.readout_bodies:
            return None
        if head is None:
            pronoun = next(
                (c for c in token.children if c.dep_ == "poss" and c.lower_ in self.words.person_pronouns),
                None,
            )
            found = self._name_for(doc, pronoun, quote, index, unnamed) if pronoun is not None else None
            head = found[1] if found is not None else None
        if head is None or head["kind"] != "person":
            return None
        return _country_served(head, index)

    def _named_with_determiner(self, doc: Doc, quote: Quotation) -> bool:
        """'the "Steinmeier formula"', 'an "all for all" basis': a short quotation after a determiner names a
        thing, unless a naming verb gives it as someone's words ('what she called a "package" deal')."""
        start = _token_at_or_after(doc, quote.mark_start)
        if start < 1 or doc[start - 1].lower_ not in self.words.determiners:
            return False
        if doc[start - 1].dep_ == "mark":
            return False  # 'said that "Putin wants peace"': "that" opens the clause quoted, it names nothing
        words = self.text[quote.start : quote.end].split()
        if not any(w[:1].isupper() for w in words):
            return False  # 'a "fair deal"' is someone's wording; 'the "Steinmeier formula"' is a name
        before = doc[start - 2].lower_ if start >= 2 else ""
        return before not in self.words.naming_forms

    def _term_marker_before(self, doc: Doc, quote: Quotation) -> bool:
        start = _token_at_or_after(doc, quote.mark_start)
        prev = [doc[i].lower_ for i in range(max(0, start - 2), start)]
        return any(p in self.words.term_markers for p in prev)

    def _continues(
        self, doc: Doc, previous: Quotation, quote: Quotation, index: dict[int, dict[str, Any]]
    ) -> bool:
        """ "…," he said. "…": the second part continues the first when only the tag lies between."""
        last = previous.continues[-1] if previous.continues else previous
        if previous.dash or quote.dash:
            return False
        gap = self.text[last.mark_end : quote.mark_start]
        if "\n" in gap:
            return False
        inner = self.text[last.start : last.end].rstrip()
        if not inner.endswith((",", "?", "!", "—", "–", "…", ".")) and gap.strip():
            return False
        words = [w.strip(".,;:—–-") for w in gap.split()]
        words = [w for w in words if w]
        if not words:
            # Two quoted passages side by side, unless the second has its own tag ('…right.""I don't
            # know …," the president added').
            return self._direct_tag(doc, quote, index) is None
        if len(words) > 25 or not gap.rstrip().endswith((".", ":", ",")):
            return False
        if gap.rstrip().endswith((":", ",")) and inner.endswith((".", "!", "?")):
            return False  # '"…." She added: "…"': a new attribution clause starts a new quote (guide)
        if gap.rstrip().endswith(".") and (
            self._direct_tag(doc, quote, index) is not None or self._pronoun_tag(doc, quote)
        ):
            return False  # '"…," Putin told reporters. "…," he said.': two quotes, each with its own tag
        tag_verbs = [w for w in words if w.lower() in self.speech]
        if len(tag_verbs) != 1:
            return False
        # The tag names the same speaker: a pronoun, the speaker's name, or a description ("the official").
        speaker = previous.speaker or ""
        names = {fold(w) for w in speaker.replace("unnamed:", "").split()}
        if any(w.lower() in self.tag_pronouns or fold(w) in names for w in words):
            return True
        span = doc.char_span(last.mark_end, quote.mark_start, alignment_mode="contract")
        return span is not None and any(index.get(t.i, {}).get("name") == speaker for t in span)


def _dash_tag_below(doc: Doc, i: int) -> int:
    """Where the tag of a quotation ending in a comma begins when it is the next line, set off by a dash and
    going on in lower case ("— said Dmitry Peskov"); ``i`` itself otherwise."""
    j = i
    while j < len(doc) and doc[j].is_space:
        j += 1
    if j == i or "\n" not in doc[i:j].text or j + 1 >= len(doc):
        return i
    return j if doc[j].text in {"—", "–", "-"} and doc[j + 1].text[:1].islower() else i


def _tag_start(doc: Doc, quote: Quotation) -> int:
    """The first token after the closing mark and the comma or dash that may follow it."""
    i = _token_at_or_after(doc, quote.mark_end)
    while i < len(doc) and doc[i].text in {",", "—", "–", "-"}:
        i += 1
    return i


def _reported_subject(doc: Doc, mention: dict[str, Any], verb: Token) -> bool:
    """Is the name after a verb of speech the subject of the clause it reports (", saying Ms Truss was
    'following ...'"), not the verb's own speaker (", said Hegseth")?"""
    tokens = doc[mention["tok_start"] : mention["tok_end"]]
    return any(
        t.dep_ in {"nsubj", "nsubjpass"} and t.head != verb and verb in t.head.ancestors for t in tokens
    )


def _own_speaker_in_adjunct(verb: Token, outer: Token) -> bool:
    """Is ``verb`` the participle of an absolute "with" phrase with a subject of its own ("..., with X
    condemning ...")?"""
    return (
        verb.dep_ == "pcomp"
        and verb.head.lower_ == "with"
        and outer in verb.ancestors
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _in_turns(quote: Quotation, turns: list[tuple[int, int]]) -> bool:
    return any(a <= quote.start < b for a, b in turns)


def _without_repeats(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One utterance printed twice (a fragment in the lead and the full sentence later) is one quote, the
    fullest wording."""
    keys = [" ".join(re.findall(r"\w+", fold(q["text"]))) for q in found]
    kept = []
    for number, quote in enumerate(found):
        key = keys[number]
        inside = any(
            other != number and len(keys[other]) > len(key) and f" {key} " in f" {keys[other]} "
            for other in range(len(found))
        )
        if not (key and inside and len(key.split()) <= 12):
            kept.append(quote)
    return kept


def _as_tokens(window: list[Token], quote_tokens: set[int]) -> list[Token]:
    if not window:
        return []
    doc = window[0].doc
    return [doc[i] for i in sorted(quote_tokens)]


def _looks_like_term(text: str) -> bool:
    """Names, titles and shouted slogans: every word capitalised, or all capitals."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text)]
    if not words:
        return True
    if all(w.isupper() and len(w) > 1 for w in words):
        return True
    return len(words) >= 1 and all(w[0].isupper() for w in words) and len(words) <= 3


def _tokens_in(doc: Doc, start: int, end: int) -> set[int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return set(range(span.start, span.end)) if span is not None else set()


def _token_at_or_after(doc: Doc, char: int) -> int:
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    span = doc.char_span(char, min(char + 1, length), alignment_mode="expand")
    if span is not None and len(span):
        return int(span.start)
    for tok in doc:
        if tok.idx >= char:
            return int(tok.i)
    return len(doc)


def _inside_mask(doc: Doc, quotations: list[Quotation]) -> list[bool]:
    mask = [False] * len(doc)
    for quote in quotations:
        for i in _tokens_in(doc, quote.mark_start, quote.mark_end):
            mask[i] = True
    return mask


def _mention_near(
    token: Token, index: dict[int, dict[str, Any]], spokesbodies: frozenset[str]
) -> dict[str, Any] | None:
    if token.i in index:
        own = index[token.i]
        # "Ukraine's Defense Ministry": a body the registry does not know speaks for the party that owns it
        body = None if own["linked"] else speaking_for(token, index, spokesbodies)
        return body if body is not None and body["linked"] else own
    for child in token.children:
        if child.dep_ == "appos" and child.i in index:
            return index[child.i]
    # "Russian President Vladimir Putin" parses with the name as a compound of "President" sometimes.
    for child in token.children:
        if child.dep_ in {"compound", "poss"} and child.i in index and index[child.i]["kind"] == "person":
            return index[child.i]
    # "Norway's foreign minister, Espen Barth Eide": the name may hang off the head's appositive.
    for child in token.subtree:
        if child.i in index and index[child.i]["kind"] == "person" and child.dep_ in {"appos", "compound"}:
            return index[child.i]
    return speaking_for(token, index, spokesbodies)


def _author_from(document: Token, index: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    """The party a document comes "from" ("a draft statement from the G7"), if it is a known actor."""
    for prep in document.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.i in index and index[pobj.i]["kind"] != "media":
                    return index[pobj.i]
    return None


def _country_served(
    mention: dict[str, Any], index: dict[int, dict[str, Any]]
) -> tuple[str, dict[str, Any] | None] | None:
    """The country (or body) a person's office serves, with its mention in the article when there is one."""
    served = [str(role).split("|")[-1] for role in mention.get("roles") or []]
    if not served:
        return None
    return served[0], next((m for m in index.values() if m["name"] == served[0]), None)


def _compatible(mention: dict[str, Any], person: bool) -> bool:
    if person:
        return bool(mention["kind"] == "person")
    return bool(mention["kind"] in {"country", "organization", "group"} and mention["linked"])


def _governing_subject(
    pronoun: Token, index: dict[int, dict[str, Any]], *, person: bool
) -> dict[str, Any] | None:
    """ "Erdogan said that he hopes ...": the subject of a verb the pronoun's clause hangs from."""
    verb = pronoun.head
    for ancestor in verb.ancestors:
        for child in ancestor.children:
            if child.dep_ == "nsubj" and child.i in index and _compatible(index[child.i], person):
                return index[child.i]
    # "While Putin has expressed willingness ..., he insists": a clause opening the sentence names who
    # the pronoun after it is, before any actor of an earlier sentence
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i > pronoun.i:
            continue
        for child in clause.children:
            if child.dep_ == "nsubj" and child.i in index and _compatible(index[child.i], person):
                return index[child.i]
    return None


def resolve_pronoun(
    token: Token, index: dict[int, dict[str, Any]], words: QuoteWords
) -> dict[str, Any] | None:
    """The actor a pronoun (or relative pronoun) subject stands for: the speaker the quotes component
    resolved it to (``token._.accord_referent``), else the governing or last compatible actor."""
    if token.has_extension("accord_referent") and token._.accord_referent is not None:
        return token._.accord_referent  # type: ignore[no-any-return]
    antecedent = relative_antecedent(token)
    if antecedent is not None:
        return index.get(antecedent.i)
    found = _person_before(token, index)
    if found is not None:
        return found
    person = token.lower_ in words.person_pronouns
    found = _governing_subject(token, index, person=person)
    if found is None:
        found = _last_actor(token.doc, token.idx, words, person=person)
    return found


def relative_antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun opening a relative clause stands for ("Putin, who said ...")."""
    if token.lower_ in {"who", "which", "that"} and token.head.dep_ == "relcl":
        return token.head.head
    return None


def _person_before(token: Token, index: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    """The person a "who" the parser did not hang on a relative clause stands for: the last person named
    before it in its sentence ("an outburst from President Volodymyr Zelensky this week, who described it
    as ..."); None for any other word."""
    if token.lower_ != "who":
        return None
    found = None
    for i in range(token.sent.start, token.i):
        mention = index.get(i)
        if mention is not None and mention["kind"] == "person":
            found = mention
    return found


def _last_actor(
    doc: Doc, before_char: int, words: QuoteWords, *, person: bool, quoted: list[bool] | None = None
) -> dict[str, Any] | None:
    """The last compatible actor before ``before_char``, preferring the main subject of a recent sentence,
    then any subject, then any mention; none named inside a quotation (``quoted``, by token), which is what
    a speaker said, not who speaks ('"Russia should be in no doubt ...". "We reaffirm ...," it added.')."""
    best: dict[str, Any] | None = None
    best_acting: dict[str, Any] | None = None
    best_main: dict[str, Any] | None = None
    for mention in items(doc, "accord_mentions"):
        if mention["start"] >= before_char:
            break
        if not _compatible(mention, person) or (quoted is not None and quoted[int(mention["tok_start"])]):
            continue
        best = mention
        if mention["acts"]:
            best_acting = mention
        root = doc[mention["tok_start"] : mention["tok_end"]].root
        verb = root.head
        speaking = root.dep_ == "nsubj" and (verb.lower_ in words.speech_forms or _to_press(verb, words))
        # An inverted tag ("..., said Hegseth."), whatever label the parser gave the name.
        inverted = (
            verb.lower_ in words.speech_forms
            and mention["tok_start"] == verb.i + 1
            and verb.i > 0
            and doc[verb.i - 1].text in {",", "”", '"', "’"}
        )
        speaking = speaking or inverted
        if (root.dep_ == "nsubj" and root.head.dep_ == "ROOT") or speaking:
            best_main = mention
    if best_main is not None and before_char - best_main["sentence_start"] < 600:
        return best_main
    return best_acting or best


def _to_press(verb: Token, words: QuoteWords) -> bool:
    """Does the verb talk to the press ("spoke with reporters", "talked to journalists")?"""
    return verb.lower_ in words.press_talk_forms and any(
        p.dep_ == "pobj" and p.lower_ in words.press_nouns
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in {"to", "with"}
        for p in c.children
    )


def _description(token: Token, qualifying_preps: frozenset[str]) -> str:
    """ "a senior Western official, speaking ..." -> "senior Western official"."""
    words = [
        t
        for t in token.subtree
        if t.i <= token.i and t.dep_ not in {"det", "punct", "poss", "case"} and t.i >= token.left_edge.i
    ]
    kept = [t.text for t in words if t.dep_ in {"amod", "compound", "nmod", "npadvmod"} or t == token]
    kept.extend(_qualifier(token, qualifying_preps))
    text = " ".join(kept).strip()
    if not text or not token.text[:1].isalpha():
        return ""
    return text


def _qualifier(token: Token, qualifying_preps: frozenset[str]) -> list[str]:
    """What narrows an unnamed speaker down: "a source close to the talks", "a source in the Ukrainian
    delegation", "an official familiar with the matter" (not a participle clause or a relative clause)."""
    for child in token.rights:
        if child.lower_ not in qualifying_preps or child.dep_ not in {"prep", "amod", "advmod"}:
            continue
        words = [t for t in child.subtree if not t.is_punct]
        verbs = [t for t in words if t.dep_ in {"relcl", "acl", "ccomp", "advcl"}]
        if verbs or len(words) > 8 or any("\n" in t.text_with_ws for t in words[:-1]):
            return []
        # as written: "in Macron's office", not "in Macron 's office"
        written = token.doc[child.left_edge.i : child.right_edge.i + 1].text
        return [" ".join(written.split()).strip(" ,;:")]
    return []


@Language.factory(
    "accord_quotes",
    # Its words (lexicons/<name>.yaml): <quotes>, the speech verbs and media of <actors>, the spokes-bodies
    # of <holders>.
    default_config={"quotes": "quotes", "actors": "actors", "holders": "holders"},
    # Quotes, the "acts" flag of their speakers' mentions, a failure record (see `guarded`).
    assigns=[
        "doc._.accord_quotes",
        "doc._.accord_mentions",
        "token._.accord_referent",
        "doc._.accord_errors",
    ],
    requires=["doc._.accord_mentions", "token.dep"],
)
def make_quote_attributor(
    nlp: Language, name: str, quotes: str, actors: str, holders: str
) -> QuoteAttributor:
    return QuoteAttributor(nlp, name, quotes, actors, holders)
