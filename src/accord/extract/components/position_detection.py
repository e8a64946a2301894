"""Positions: an actor's stance on a negotiation issue.

An issue cue (lexicons/issues.yaml) in a sentence becomes a position when an actor states it: the
speaker of the quotation holding the cue, or the subject of a speech or stance verb governing the cue
("the Kremlin said it would cease hostilities"), plus an actor that is the subject of a nested stance
verb ("X said the US does not believe ..."). The stance is composed, not matched: it starts from the
cue's direction and flips for each negator, each reverser ("lift", "a halt to") and each negative
evaluation ("would be unacceptable", "legitimate targets") on the way from the cue to the verb
(lexicons/polarity.yaml), so a negated reverser flips back; a condition ("if ...", "in exchange for ...")
makes the main clause's stance conditional, while cues inside the condition are what the actor asks for.

The holder is the speaker, the subject of the stance verb, or the party a document belongs to; never the
party a demand is made of ("demanded that Ukraine refuse ...", "Ukraine must ..."), and a speaker who
reports another party's stance does not hold it. Questions and hypotheticals state no stance.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum, auto
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.training import Example

from accord.extract.components.common import (
    dateline_word,
    fold,
    governor,
    guarded,
    is_infinitive,
    items,
    load_lexicon,
    mark_acting,
    mention_index,
    own_subject,
    passive_agent,
    plural_antecedent,
    provenance,
    speaking_for,
)
from accord.extract.components.event_detection import event_words
from accord.extract.components.quote_attribution import is_verb, quote_words, resolve_pronoun
from accord.extract.components.wordforms import all_forms, forms

# A position as the walk finds it: (actor, stance, condition, the mention holding it).
Held = tuple[str, str, str | None, dict[str, Any] | None]


class _Step(Enum):
    """What one stage of the walk up a cue's path decides about the token it looks at."""

    ON = auto()  # the token's next stage looks at it
    NEXT = auto()  # done with this token: on to the next one up the path
    END = auto()  # the holders are found: the walk ends here
    NO_STANCE = auto()  # the sentence states no stance on the cue


@dataclass
class _Search:
    """The walk up a cue's path to the verbs that state it, and the holders it has found so far."""

    cue: Span
    path: list[Token]
    index: dict[int, dict[str, Any]]
    quote: dict[str, Any] | None  # the quotation holding the cue
    stop: int  # where the holders' stance ends on the path
    holders: list[tuple[str, dict[str, Any] | None]] = field(default_factory=list)
    own: dict[str, int] = field(
        default_factory=dict
    )  # holders whose stance ends lower on the path than the others'
    topic: bool = False  # the cue is what a word on the way talks about
    stance_held: bool = False  # a holder's verb takes a stance, not only speaks of the cue
    first: int | None = None  # where the innermost holder was found
    # Parties named as subjects of inner stance verbs: a speaker reporting another party's stance
    # ("Zelensky said the Russian leader was preparing to reject the ceasefire") does not hold it.
    reported: list[dict[str, Any]] = field(default_factory=list)
    # Holders that turn the cue itself down in a clause hanging on it ("a ceasefire which Russia rejected")
    against: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _Clause:
    """The clause that states the stance: where it ends on the path, its condition, and its sign."""

    stop: int
    boundary: int | None  # where the condition holding the cue ends on its path (see _condition)
    condition: str | None
    trade: bool  # the condition is a trade ("in exchange for ...")
    base_sign: int  # the cue's own direction: 1 toward, -1 away
    polarity: int  # the direction after the negators and reversers on the way to the stating verb


def _utterance(doc: Doc, cue: Span, quotes: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The quotation holding the cue, unless the cue is all it holds."""
    quote = next((q for q in quotes if q["start"] <= cue.start_char < q["end"]), None)
    if quote is not None and fold(doc.text[quote["start"] : quote["end"]]).strip(" \"'“”‘’") == fold(
        cue.text
    ):
        return None  # 'after "referendums" rejected by Ukraine': the cue in quotation marks, no utterance
    return quote


class PositionDetector:
    def __init__(
        self,
        nlp: Language,
        name: str,
        issues: str = "issues",
        stances: str = "stances",
        polarity: str = "polarity",
        actors: str = "actors",
        holders: str = "holders",
        quotes: str = "quotes",
        events: str = "events",
    ) -> None:
        self.name = name
        self.nlp = nlp
        self.lexicons = (issues, stances, polarity, actors, holders, quotes, events)
        self.initialized = False

    def initialize(
        self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Language | None = None
    ) -> None:
        """Read the lexicons named in the config and compile the issue cues."""
        nlp = nlp or self.nlp
        issues, stances, polarity, actors, holders, quotes, events = self.lexicons
        issue_cues = load_lexicon(issues)
        stance_words = load_lexicon(stances)
        singular_only = set(stance_words["singular_only"])
        polar = load_lexicon(polarity)
        actor_words = load_lexicon(actors)
        holder_words = load_lexicon(holders)
        self.spread_function_words = frozenset(stance_words["spread_function_words"])
        self.articles = frozenset(stance_words["articles"])
        self._compile_cues(nlp, issue_cues, singular_only, polar.get("not_cues") or {})
        self.speech = all_forms(actor_words["speech_verbs"])
        self._read_reversals(polar, stance_words)
        self._read_polarity(polar)
        self._read_stance_words(stance_words)
        self._read_hedges(stance_words)
        self._read_holder_words(holder_words)
        self.quote_words = quote_words(quotes, actors, holders)
        # the nouns that stand for the parties of talks ("both countries agreed"): the speaker may be one
        self.side_nouns = event_words(events).side_nouns
        self.initialized = True

    def _read_reversals(self, polar: dict[str, Any], stance_words: dict[str, Any]) -> None:
        """The words that turn a cue the other way: negators, reversers, evaluations, phrasal verbs."""
        reversers = polar["reversers"]
        harm = polar["evaluations"]["negative"]["verbs"]
        self.harm = all_forms(harm)
        self.prices = frozenset(polar["prices"])
        self.narrowing = frozenset(polar["narrowing"])
        self.turn_verbs = all_forms(polar["about_turns"]["verbs"])
        self.turn_object_verbs = all_forms(polar["about_turns"]["object_verbs"])
        self.turn_objects = frozenset(polar["about_turns"]["objects"])
        self.benefit = all_forms(polar["evaluations"]["negative"]["benefit_verbs"])
        self.benefit_restrictions = set(polar["evaluations"]["negative"]["benefit_restrictions"])
        self.benefit_nouns = frozenset(polar["evaluations"]["negative"]["benefit_nouns"])
        complements = polar["evaluations"]["negative"]["complements"]
        # Words that turn a cue the other way when they govern or modify its way to the verb: grammatical
        # negators and reversers. Evaluations ("a threat") count only as what the cue's clause says of it:
        # "under threat of sanctions" is no judgement on sanctions.
        self.reversers = {n: n for n in reversers["nouns"]}
        self.condemning = all_forms(reversers["condemning"])
        self.reverser_verbs = {**all_forms(reversers["verbs"]), **self.condemning}
        self.negators = {
            **{n: n for n in stance_words["negators"]},
            **self.reverser_verbs,
            **self.reversers,
        }
        self.evaluations = [c.split() for c in complements]
        self.firm = [c.split() for c in polar["evaluations"]["firm"]]
        self.open_phrasals = all_forms(polar["open_phrasals"])
        self.defining = all_forms(polar["defining_verbs"])
        self.phrasals: dict[str, str] = {}
        for verb, particle in polar["phrasals"].items():
            for form in all_forms([verb]):
                self.phrasals[form] = particle

    def _read_polarity(self, polar: dict[str, Any]) -> None:
        """The rest of the polarity lexicon: questions, hypotheticals, directives, documents, time, supply."""
        self.question_verbs = all_forms(polar["questions"]["verbs"])
        self.question_words = set(polar["questions"]["words"])
        self.question_marks = frozenset(polar["questions"]["marks"])
        self.detail_words = frozenset(polar["questions"]["details"])
        self.hypotheticals = set(polar["hypotheticals"])
        self.infringements = frozenset(polar["infringements"])
        self.universal_quantifiers = frozenset(polar["universal_parties"]["quantifiers"])
        self.universal_nouns = frozenset(polar["universal_parties"]["nouns"])
        self.infringing_verbs = all_forms(polar["infringing_verbs"])
        self.having_verbs = frozenset(polar["having_verbs"])
        self.having_forms = all_forms(polar["having_verbs"])
        self.have_forms = all_forms(["have"])
        self.directives = all_forms(polar["directives"])
        self.weak_directives = all_forms(polar["weak_directives"])
        self.finite_forms = frozenset(polar["finite_forms"])
        self.deontic = set(polar["deontic"])
        self.documents = set(polar["documents"])
        self.issuing = all_forms(polar["issuing"])
        self.adjunct_preps = set(polar["adjunct_preps"])
        self.unnegated_adjuncts = set(polar["unnegated_adjuncts"])
        self.tense_auxiliaries = set(polar["tense_auxiliaries"])
        self.temporal_marks = set(polar["temporal_marks"])
        self.time_preps = frozenset(polar["time_preps"])
        self.time_heads = frozenset(polar["time_heads"])
        self.time_nouns = frozenset(polar["time_nouns"])
        self.worth_nouns = frozenset(polar["worth_nouns"])
        self.disclosing = all_forms(polar["disclosing_verbs"])
        self.accusations = all_forms(polar["accusations"])
        self.hearsay = all_forms(polar["hearsay"])
        self.supply_verbs = all_forms(polar["supply"]["verbs"])
        self.supply_nouns = set(polar["supply"]["nouns"])
        self.recipients = set(polar["supply"]["recipients"])
        self.russian_side = frozenset(str(p) for p in polar["supply"]["russian_side"])
        self.object_directives = all_forms(polar["object_directives"])
        self.side_marks = set(polar["side_marks"])
        self.future_aux = set(polar["future_aux"])

    def _read_stance_words(self, stance_words: dict[str, Any]) -> None:
        """The stance lexicon: stance verbs and nouns, conditions, trades, refusals, hedges, forecasts."""
        self._read_condition_words(stance_words)
        self.stance = all_forms(stance_words["stance_verbs"])
        self.refusals = all_forms(stance_words["refusals"])
        self.hedges = all_forms(stance_words["hedges"])
        self.alternatives = [a.split() for a in stance_words["alternatives"]]
        self.topics = set(stance_words["topics"])
        self.means_nouns = set(stance_words["means_nouns"])
        self.pledges = all_forms(stance_words["pledges"])
        self.topic_preps = set(stance_words["topic_preps"])
        self.topic_verbs = all_forms(stance_words["topic_verbs"])
        self.stance_nouns = set(stance_words["stance_nouns"])
        self.favour_nouns = set(stance_words["favour_nouns"])
        self.predictions = all_forms(stance_words["predictions"])
        self.foreseeing = all_forms(stance_words["foreseeing"])
        self.forecast_times = [t.split() for t in stance_words["forecast_times"]]
        self.proposing = all_forms(stance_words["proposing"])
        self.agreeing = all_forms(stance_words["agreeing"])
        self.content_nouns = frozenset(stance_words["content_nouns"])
        self.crediting = all_forms(stance_words["crediting_verbs"])
        self.hosting_nouns = frozenset(stance_words["hosting_nouns"])
        self.adjectival = set(stance_words["adjectival"])
        self.asking_nouns = set(stance_words["asking_nouns"])
        self.stance_noun_preps = {str(k): set(v) for k, v in stance_words["stance_noun_preps"].items()}
        self.doubts = set(stance_words["doubts"])
        self.pretences = frozenset(stance_words["pretences"])
        self.appearances = all_forms(stance_words["appearances"])
        self.unnamed_sources = frozenset(stance_words["unnamed_sources"])
        self.naming = all_forms(stance_words["naming_verbs"])
        self.seeking = all_forms(stance_words["seeking"])
        self.purpose_participles = frozenset(stance_words["purpose_participles"])
        self.claim_nouns = frozenset(stance_words["claim_nouns"])
        self.content_verbs = all_forms(stance_words["content_verbs"])
        self.denials = all_forms(stance_words["denial_verbs"])
        self.reservation_nouns = frozenset(stance_words["reservation_nouns"])
        self.opinion_preps = frozenset(stance_words["opinion_preps"])
        self.copulas = frozenset(forms("be"))
        self.making = frozenset(forms("make"))  # "made it clear that ..."
        self.exclusive_preps = set(stance_words["exclusive_preps"])
        self.needs = all_forms(stance_words["needs"])
        self.noncommittal = set(stance_words["noncommittal"])
        self._read_land_words(stance_words)
        self._read_threat_words(stance_words)
        self.joint_verbs = all_forms(stance_words["joint_verbs"])
        self.reaching = all_forms(stance_words["reaching_verbs"])
        self.deadline_verbs = all_forms(stance_words["deadline_verbs"])
        self.accord_nouns = frozenset(stance_words["accord_nouns"])
        self._read_stance_signals(stance_words["stance_signals"])
        self.assessments = set(stance_words["assessments"])
        self.open_negations = all_forms(stance_words["open_negations"])
        self.sufficiency = set(stance_words["sufficiency"])
        self.insufficiency = set(stance_words["insufficiency"])
        self.act_verbs = all_forms(stance_words["act_verbs"])
        self.other_theatres = set(stance_words["other_theatres"])
        self.noncommittal_verbs = all_forms(stance_words["noncommittal_verbs"])
        self.settlement_nouns = set(stance_words["settlement_nouns"])
        self.theatre_preps = frozenset(stance_words["theatre_preps"])

    def _read_condition_words(self, stance_words: dict[str, Any]) -> None:
        """The words of conditions: marks, phrases, trades, terms and the premises they suppose."""
        self.marks = set(stance_words["condition_marks"])
        self.concessive = frozenset(stance_words["concessive_adverbs"])
        self.inverting = frozenset(stance_words["inverting_auxiliaries"])
        self.condition_phrases = [c.split() for c in stance_words["condition_phrases"]]
        self.durations = [d.split() for d in stance_words["durations"]]
        self.premise_phrases = [c.split() for c in stance_words["premise_phrases"]]
        self.trade_phrases = [c.split() for c in stance_words["trade_phrases"]]
        # "in exchange for" -> exchange: the nouns whose "for" phrase is the price a trade asks
        self.trade_nouns = frozenset(p[-2] for p in self.trade_phrases if len(p) > 2 and p[-1] == "for")
        self.exchange_heads = set(stance_words["exchange_heads"])
        self.unconditional = set(stance_words["unconditional"])
        self.restrictive = set(stance_words["restrictive_preps"])
        self.argument_preps = set(stance_words["argument_preps"])
        self.terms_nouns = frozenset(stance_words["terms_nouns"])
        self.condition_nouns = frozenset(stance_words["condition_nouns"])
        self.terms_preps = frozenset(stance_words["terms_preps"])

    def _read_hedges(self, stance_words: dict[str, Any]) -> None:
        """The words that say nobody took the stance: guesses, hearsay, empty subjects, degrees."""
        self.guesses = frozenset(stance_words["guesses"])
        self.empty_subjects = frozenset(stance_words["empty_subjects"])
        self.report_nouns = frozenset(stance_words["report_nouns"])
        self.degree_words = frozenset(stance_words["degree_words"])

    def _read_threat_words(self, stance_words: dict[str, Any]) -> None:
        """Threats and measures: verbs of threatening, imposing or announcing punishments, the punishments,
        and the marks that name what the threatener wants."""
        self.threats = all_forms(stance_words["threat_verbs"])
        self.befalling = all_forms(stance_words["befalling_verbs"])
        self.threatening = all_forms(stance_words["threatening_verbs"])
        self.punishing = all_forms(stance_words["punishing_verbs"])
        self.imposing = all_forms(stance_words["imposing_verbs"])
        self.enacting = all_forms(stance_words["enacting_verbs"])
        self.punishments = frozenset(stance_words["punishments"])
        self.negative_marks = frozenset(stance_words["negative_marks"])

    def _read_stance_signals(self, signals: dict[str, Any]) -> None:
        """The words besides stance verbs and nouns that say a stance is taken (see ``_stance_taken``)."""
        self.intent_aux = frozenset(signals["intent_aux"])
        self.aim_nouns = frozenset(signals["aim_nouns"])
        self.value_adjectives = frozenset(signals["value_adjectives"])
        self.obligation_verbs = frozenset(signals["obligation_verbs"])
        self.claim_verbs = frozenset(signals["claim_verbs"])

    def _read_land_words(self, stance_words: dict[str, Any]) -> None:
        """The words of ceding land and withdrawing from it."""
        self.ceding = all_forms(stance_words["ceding_verbs"])
        self.ceded_issues = set(stance_words["ceded_issues"])
        self.withdrawing = all_forms(stance_words["withdrawal_words"])
        self.forces_only = all_forms(stance_words["forces_only"])
        self.troop_nouns = frozenset(stance_words["troop_nouns"])
        self.land_nouns = frozenset(stance_words["land_nouns"])
        self.undertaking = all_forms(stance_words["undertaking_verbs"])

    def _read_holder_words(self, holder_words: dict[str, Any]) -> None:
        """The holder lexicon: the words that name (or stand for) who holds a stance."""
        self.sides = set(holder_words["sides"])
        self.two_sides = set(holder_words["two_sides"])
        self.subject_pronouns = set(holder_words["subject_pronouns"])
        self.third_person = frozenset(holder_words["third_person"])
        self.anaphors = set(holder_words["anaphors"])
        self.answered = frozenset(holder_words["answered"])
        self.resolvable = set(holder_words["resolvable"])
        self.first_person = set(holder_words["first_person"])
        self.named_things = set(holder_words["named_things"])
        self.envoys = set(holder_words["envoys"])
        self.country_nouns = set(holder_words["country_nouns"])
        self.possessives = set(holder_words["possessives"])
        self.possessive_pronouns = set(holder_words["possessive_pronouns"])
        self.third_possessives = frozenset(holder_words["third_possessives"])
        self.group_heads = set(holder_words["group_heads"])
        self.gathered = frozenset(holder_words["gathered"])
        self.counts = {str(k): int(v) for k, v in dict(holder_words["counts"]).items()}
        self.leader_titles = list(holder_words["leader_titles"])
        self.unnamed_persons = set(holder_words["unnamed_persons"])
        self.spokesbodies = frozenset(holder_words["spokesbodies"])
        self.pronouns = frozenset(holder_words["pronouns"])
        self.plural_pronouns = frozenset(holder_words["plural_pronouns"])
        self.relative_pronouns = frozenset(holder_words["relative_pronouns"])

    def _compile_cues(
        self,
        nlp: Language,
        issue_cues: dict[str, Any],
        singular_only: set[str],
        not_cues: dict[str, Any],
    ) -> None:
        """The issue cues as phrase patterns (``self.matcher``) and as spread cues (``self.spread``)."""
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # Cues of several words also match with the object's own modifiers in between ("give up any
        # territory", "swap 1,000 prisoners", "lift all the sanctions"): first word -> (key, middle, last).
        self.spread: dict[str, list[tuple[int, tuple[str, ...], str, bool]]] = {}
        for issue, cues in issue_cues.items():
            for direction in ("toward", "away", "supplied", "proposed", "withdrawn"):
                # Cues are written in base form; their first word is inflected ("recognized the annexation")
                # and a phrase's last noun also matches in the plural ("constitutional reforms").
                variants = {
                    " ".join([form, *cue.split()[1:]])
                    for cue in cues.get(direction) or []
                    for form in forms(cue.split()[0])
                } | {
                    _plural_last(cue, self.spread_function_words)
                    for cue in cues.get(direction) or []
                    if len(cue.split()) >= 2 and cue.split()[-1] not in singular_only
                }
                phrases = [nlp.make_doc(c) for c in sorted(variants)]
                if phrases:
                    self.matcher.add(f"{issue}|{direction}", phrases)
                for cue in cues.get(direction) or []:
                    words = cue.split()
                    if len(words) >= 2 and words[-1] not in self.spread_function_words:
                        key = nlp.vocab.strings.add(f"{issue}|{direction}")
                        for form in forms(words[0]):
                            # an article in the cue ("recognise the annexation") gives way to any
                            # determiner or possessive ("recognise its annexation")
                            middle = tuple(w for w in words[1:-1] if w not in self.articles)
                            article = len(middle) < len(words) - 2
                            self.spread.setdefault(form, []).append((key, middle, words[-1], article))
        for issue, phrases in not_cues.items():
            # Longer phrases holding a cue but naming something else ("nuclear weapons"): they cover the
            # cue inside them and produce nothing.
            self.matcher.add(f"{issue}|none", [nlp.make_doc(c) for c in phrases])

    @guarded("accord_positions")
    def __call__(self, doc: Doc) -> Doc:
        out = items(doc, "accord_positions")
        index = mention_index(doc)
        quotes = items(doc, "accord_quotes")
        found: dict[tuple[str, str, str], dict[str, Any]] = {}
        matches = self._cue_matches(doc)
        # the words of cues naming an issue of their own (not talks or meetings, which are about something)
        named = {
            i
            for m, s, e in matches
            if doc.vocab.strings[m].rsplit("|", 1)[1] not in {"proposed", "none"}
            for i in range(s, e)
        }
        for match_id, start, end in _longest_first(matches):
            issue, direction = doc.vocab.strings[match_id].split("|")
            cue = doc[start:end]
            stated = self._stated_direction(cue, issue, direction, index, named)
            if stated is None:
                continue
            others = [
                doc[s:e] for m, s, e in matches if s != start and not doc.vocab.strings[m].endswith("|none")
            ]
            for held in self._held_positions(doc, cue, issue, stated, index, quotes, others):
                _record(found, cue, issue, held)
        out.extend(_one_per_stance(found))
        out.sort(key=lambda p: p["start"])
        return doc

    def _cue_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The issue cues of the document by start, the longest first: phrases, spread cues, and the
        anaphors pointing back at them."""
        matches = sorted(
            [
                m
                for m in self.matcher(doc)
                + _spread_cues(doc, self.spread, self.articles, self.possessive_pronouns)
                # "support for Ukraine's sovereignty": the cue's last word owns another thing, which is named
                if not (m[2] < len(doc) and doc[m[2]].lower_ in {"'s", "’s"})
            ],
            key=_by_start,
        )
        pointing = _anaphoric_cues(doc, matches, self.anaphors) + _answered_cues(
            doc, matches, self.answered, self._asked_as_named
        )
        return sorted(matches + pointing, key=_by_start)

    def _asked_as_named(self, cue: Span) -> bool:
        """Is the cue asked for as its words say, no negator or reverser on its way up to its clause's verb
        ("called for lifting sanctions" asks against them: an answer to it is no answer on sanctions)?"""
        for token in self._path(cue)[1:]:
            if token.lower_ in self.negators or any(c.dep_ == "neg" for c in token.children):
                return False
            if is_verb(token):
                return True
        return True

    def _stated_direction(
        self, cue: Span, issue: str, direction: str, index: dict[int, dict[str, Any]], named: set[int]
    ) -> str | None:
        """The way a cue points on its issue ("toward" or "away"); None when it states no issue here."""
        if direction == "none":
            return None  # "nuclear weapons": covers the cue inside it, names no issue
        if cue.root.dep_ == "compound" and cue.root.head.lower_ in self.infringements:
            return None  # "election interference", "a surge of ceasefire violations": the infringement
        of = cue.root.head if cue.root.dep_ == "pobj" and cue.root.head.lower_ == "of" else None
        if of is not None and of.head.lower_ in self.infringements:
            return None  # "the violation of the ceasefire", "breaches of the truce": the infringement too
        # "the ceasefire is still being violated", "violated a September truce agreement": an act reported,
        # no stance on the truce
        infringed = cue.root.head if cue.root.dep_ == "compound" else cue.root
        if infringed.dep_ in {"dobj", "nsubjpass"} and infringed.head.lower_ in self.infringing_verbs:
            return None
        if infringed.dep_ == "dobj" and self._had_as_fact(infringed.head):
            return None  # "the Kremlin does not have the 20-point plan": a thing held, no stance on it
        if _in_a_partys_label(cue.root, index):
            return None  # "NATO member Turkey", "Turkey, a NATO member,": a label of the party, no stance
        if direction == "supplied":
            if not self._supplied(cue):
                return None  # "the pullout of heavy weapons": weapons, but no aid to anyone
            direction = "toward"
        if issue == "military_aid" and self._arms_of_russias_side(cue, index):
            return None  # "called on Putin to halt weapons deliveries": Russia's arms, no aid to Ukraine
        if direction == "proposed":
            if not self._proposed(cue, named):
                return None  # "the talks ended": talks held, no stance on holding them
            direction = "toward"
        if issue == "territory" and cue.root.lower_ in self.withdrawing:
            # "Biden urged Russia to pull out of Ukraine": who withdraws decides, whatever the phrase
            agent = self._withdrawer(cue.root, index)
            side = self._withdrawing_side(cue, agent, index)
            if side is None and (direction == "withdrawn" or (direction == "toward" and agent is not None)):
                # "Russia withdrew from the grain deal": no forces, no land; "Russia's retreat from
                # Kherson": a phrase written for Ukraine leaving land, said of a withdrawer not on its side
                return None
            direction = side or direction
        if not self._stated(cue):
            return None
        if issue == "peacekeepers" and self._withdrawn(cue):
            return None  # "urged to withdraw foreign troops from Ukraine": troops there, no force proposed
        if issue == "elections" and _someones_election(cue, index):
            # "counting on someone's election", "Trump's election": a person elected, no vote asked for
            return None
        if self._elsewhere(cue):
            return None  # "a ceasefire in Gaza": another war's issue
        if self._universal(cue):
            return None  # "the territorial integrity of all countries": a principle, no stance on this war
        if issue in self.ceded_issues and direction == "toward" and self._ceded_by_russia(cue, index):
            # "Moscow would never give up Crimea": what Russia cedes is Ukraine's gain, the other way (the
            # "away" cues, "return Crimea", are written for Russia giving it back already)
            direction = "away"
        return direction

    def _had_as_fact(self, verb: Token) -> bool:
        """Is the verb one of having or knowing, told as a fact: finite, no modal, no "to"?"""
        if verb.lower_ not in self.having_forms or is_infinitive(verb):
            return False
        auxiliaries = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
        if any(a not in self.tense_auxiliaries for a in auxiliaries):
            return False  # "must have", "will receive": asked for or promised
        # a bare form with no auxiliary is a subjunctive or an imperative ("insisted that Kyiv receive")
        return bool(auxiliaries) or verb.lower_ not in self.having_verbs

    def _held_positions(
        self,
        doc: Doc,
        cue: Span,
        issue: str,
        direction: str,
        index: dict[int, dict[str, Any]],
        quotes: list[dict[str, Any]],
        others: list[Span],
    ) -> list[Held]:
        """The positions held on the cue, but for guarantees a holder seeks for itself."""
        sought = issue == "security_guarantees" and self._sought(cue)
        found = self._positions(doc, cue, direction, index, quotes, others)
        if issue == "other" and self._joint(doc, [mention for *_, mention in found], cue):
            return []  # "Russia and Ukraine signed a grain deal": a jointly agreed item is never `other`
        return [
            (actor, stance, condition, mention)
            for actor, stance, condition, mention in found
            # "Moscow seeks security guarantees": guarantees for itself, not for Ukraine
            if not (sought and (mention is None or "Ukraine" not in _served(mention)))
        ]

    def _joint(self, doc: Doc, mentions: list[dict[str, Any] | None], cue: Span) -> bool:
        """Do the holders act together: parties of more than one side named as one subject of a verb of
        joint action ("China and Brazil proposed", "Russia and Ukraine signed"; but "both Trump and
        Zelensky said they hoped" is each one's), or pointed back at as one group ("the ministers")?"""
        named = [m for m in mentions if m is not None]
        elsewhere = all(m["sentence_start"] != cue.sent.start_char for m in named)
        if len(named) > 1 and elsewhere and not all(_same_side(m, [("", named[0])]) for m in named):
            return True  # "the two ministers confirmed the need for ...": the group of the last talks
        for i, first in enumerate(named):
            for second in named[i + 1 :]:
                a, b = doc[int(first["tok_end"]) - 1], doc[int(second["tok_end"]) - 1]
                if _same_side(first, [("", second)]) or b not in a.conjuncts:
                    continue
                lead = a
                while lead.dep_ == "conj":
                    lead = lead.head  # "Ukraine, Germany, France and Russia": the coordination's head
                verb = lead.head
                if verb.dep_ == "agent":
                    verb = verb.head  # "a plan proposed by China and Brazil"
                if verb.lower_ == "of" and verb.head.dep_ == "nsubj":
                    verb = verb.head.head  # "the leaders of Ukraine, Germany, France and Russia agreed"
                if verb.lower_ in self.joint_verbs:
                    return True
        return len(named) > 1 and self._joint_with_a_pronoun(cue)

    def _joint_with_a_pronoun(self, cue: Span) -> bool:
        """Is a verb of joint action on the cue's way up done by a pronoun and a party as one subject ("said
        that he and Putin had agreed to start negotiations"), the pronoun standing for a party named
        before it (which the conjunct check above cannot see)?"""
        for token in self._path(cue):
            if token.lower_ not in self.joint_verbs:
                continue
            for subject in (c for c in token.children if c.dep_ == "nsubj"):
                together = [subject, *subject.conjuncts]
                if len(together) > 1 and any(_is_pronoun(t, self.pronouns) for t in together):
                    return True
        return False

    def _positions(
        self,
        doc: Doc,
        cue: Span,
        direction: str,
        index: dict[int, dict[str, Any]],
        quotes: list[dict[str, Any]],
        others: list[Span],
    ) -> list[Held]:
        """Who states the cue and with which stance: the holders found on the way up the cue's path,
        then the stance each holds under the clause's condition and polarity."""
        path = self._path(cue)
        if self._open_question(cue, path):
            return []  # "asked whether Ukraine would receive more weapons": a question states no stance
        if self._reported_act(path):
            return []  # "accused Kyiv of violating the truce", "before the truce came into force"
        search = _Search(cue, path, index, _utterance(doc, cue, quotes), stop=len(path))
        if search.quote is not None and not self._quote_speaker(search.quote, search):
            return []
        if not self._walk(search):
            return []
        if search.topic and not search.stance_held:
            return []  # 'said: "no progress towards agreeing on a ceasefire"': a topic, no stance taken
        self._unstated_holders(search)
        if not search.holders:
            return []
        clause = self._stating_clause(search, direction, others)
        if clause is None:
            return []
        if not self._stance_taken(search, clause):
            return []  # "Psaki said Russia had deployed rocket launchers": the issue spoken of, no stance
        return [self._stance(search, clause, name, held) for name, held in search.holders]

    def _stance_taken(self, search: _Search, clause: _Clause) -> bool:
        """Does the sentence take a stance on the cue, not only speak of it? A holder's stance verb, a
        proposer or backer, a condition, or a signal word on the cue's way up to its holder says so."""
        if search.stance_held or search.own or clause.condition is not None or clause.boundary is not None:
            return True
        if clause.polarity != clause.base_sign:
            return True  # "a ceasefire is unacceptable", "would never accept": the cue judged or refused
        if any(self._harm(search.cue, search.path[: clause.stop], held) < 0 for _, held in search.holders):
            return True  # "arms deliveries only prolong the war": the cue condemned
        if search.path[0].lower_ in self.copulas or search.path[0].lower_ in self.claim_verbs:
            return True  # "Crimea is part of Russia", "the door remains open": the cue is itself a claim
        if self._condition_zone(search.path) >= 0 or self._after_condition_phrase(search.cue):
            return True  # "only after Russia withdraws", "dependent on the US lifting sanctions": asked for
        path = search.path
        return any(self._stance_signal(path, i) for i in range(max(search.stop, 1)))

    def _after_condition_phrase(self, cue: Span) -> bool:
        """Does the cue follow a condition phrase of its sentence ("dependent on the US lifting ...")?"""
        return any(
            cue.start >= cue.sent.start + i + len(phrase)
            for i, phrase in self._condition_phrases_in(cue.sent)
        )

    def _condition_phrases_in(self, sent: Span) -> Iterator[tuple[int, list[str]]]:
        """Where each condition phrase starts in the sentence (its word position), phrase by phrase."""
        words = [t.lower_ for t in sent]
        # "for as long as it takes": a duration, whose "as long as" is no condition
        lasting = {i + k for d in self.durations for i in _phrase_starts(words, d) for k in range(len(d))}
        for phrase in self.condition_phrases:
            for i in _phrase_starts(words, phrase):
                if i not in lasting:
                    yield i, phrase

    def _stance_signal(self, path: list[Token], position: int) -> bool:
        """Does the path word say a stance is taken: a word of stance, asking, refusing, need or readiness;
        an auxiliary of obligation or intent; a negation; an aim or a value judged; an obligation verb?"""
        token = path[position]
        base = token.lower_
        if base in self.stance_noun_preps and not is_verb(token):
            # "a call for a ceasefire" asks for it; "the call between Scholz and Putin" is a phone call
            return any(
                (c.dep_ == "prep" and c.lower_ in self.stance_noun_preps[base])
                or (c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))
                for c in token.children
            )  # "a call for talks", "calls to hold elections"
        if base in self.stance or base in self.stance_nouns or base in self.adjectival or base in self.needs:
            return True
        if base in self.condemning and is_verb(token):
            return True  # "criticized the delay in arms deliveries": a stance, though the undoings cancel
        if self._deadline(token):
            return True  # "gave Russia 50 days to end the war": a demand with a deadline
        if (
            base in self.directives
            or base in self.asking_nouns
            or base in self.refusals
            or base in self.aim_nouns
        ):
            return True  # "looking for ways to help Ukraine": an aim
        if any(
            c.dep_ == "aux" and (c.lower_ in self.deontic or c.lower_ in self.intent_aux)
            for c in token.children
        ):
            return True  # "Kyiv must ...", "Ukraine will never ..."
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
            return True  # "the US does not recognize ...", "no sanctions can be revoked"
        if base in self.copulas and any(
            (
                c.dep_ in {"nsubj", "csubj", "attr"}
                and (c.lower_ in self.aim_nouns or c.lower_ in self.stance_nouns)
            )
            or (c.dep_ == "acomp" and c.lower_ in self.value_adjectives)
            for c in token.children
        ):
            return True  # "the ultimate goal is a ceasefire", "a ceasefire is essential"
        # "there has to be a ceasefire": the obligation verb's infinitive on the way
        return base in self.obligation_verbs and position > 0 and path[position - 1].dep_ == "xcomp"

    def _quote_speaker(self, quote: dict[str, Any], search: _Search) -> bool:
        """The speaker of the quotation holding the cue becomes its first holder; False when the
        quotation states no stance (an unnamed speaker, a label)."""
        speaker = next(
            (m for m in search.index.values() if m["name"] == quote["speaker"] and m["party"]), None
        )
        if speaker is None or self._unnamed_speaker(quote, search.cue.sent, search.index):
            return False
        namer = next(
            (t for t in search.path if t.lower_ in self.directives and t.lower_.startswith("call")), None
        )
        if namer is not None and not _calls_for(namer) and not quote["start"] <= namer.idx < quote["end"]:
            return False  # 'called Zelensky "a dictator without elections"': a label, not a stance
        if _fragment_of_another(quote, search):
            return True  # 'said Putin had "committed to ..."': Putin's words, quoted; the walk finds him
        search.holders.append((quote["speaker"], speaker))
        return True

    def _walk(self, search: _Search) -> bool:
        """Walk up the path from the cue, each token through the stages in turn, gathering who holds the
        cue into ``search``; False when the sentence states no stance on it."""
        zone = self._condition_zone(search.path)
        stages = (self._path_limit, self._context, self._noun_holders, self._stating_verb)
        for position, token in enumerate(search.path):
            if position <= zone:
                continue
            step = _Step.ON
            for stage in stages:
                step = stage(search, position, token)
                if step is not _Step.ON:
                    break
            if step is _Step.NO_STANCE:
                return False
            if step is _Step.END:
                break
        return True

    def _condition_zone(self, path: list[Token]) -> int:
        """The position of the outermost condition clause on the path (-1 when there is none)."""
        # Verbs inside a condition ("if Kyiv recognizes ...") state what is asked, not who asks it.
        return max(
            (i for i, t in enumerate(path) if self._condition_clause(t)),
            default=-1,
        )

    def _path_limit(self, search: _Search, position: int, token: Token) -> _Step:
        """Does the walk stop below ``token``: at a clause describing a noun or assessing the cue (no
        stance), or above the innermost holder at a link that neither reports nor continues its verb?"""
        path = search.path
        if (
            position > 0
            and search.first is None
            and not search.holders
            and self._describes(path[position - 1])
        ):
            # "Switzerland, which has imposed sanctions": the clause describes its noun; whoever
            # speaks above it takes no stance on what the clause says
            return _Step.NO_STANCE
        if (
            position > 0
            and path[position - 1].dep_ in {"nsubj", "nsubjpass"}
            and any(c.dep_ in {"acomp", "attr"} and c.lower_ in self.assessments for c in token.children)
        ):
            return _Step.NO_STANCE  # "a ceasefire would be hard to achieve": an assessment, no stance
        if position > 0 and path[position - 1].dep_ == "nsubj" and token.lower_ in self.defining:
            return _Step.NO_STANCE  # "a ceasefire must not mean capitulation": what it amounts to, no stance
        if position > 0 and path[position - 1].dep_ == "nsubj" and self._told_ending(token):
            return _Step.NO_STANCE  # "the ceasefire ended on Monday": told (but "must end" is asked for)
        if position > 0 and path[position - 1].dep_ == "acl" and token.lower_ in self.claim_nouns:
            return self._claimed(search, position)
        if (
            position > 0
            and path[position - 1].dep_ in {"acl", "relcl"}  # "no sign Russia wants ...": parsed as relcl
            and token.lower_ in self.report_nouns
        ):
            return _Step.NO_STANCE  # "denied a report that Putin had agreed to a ceasefire": hearsay
        if position > 0 and path[position - 1].dep_ == "ccomp" and self._existential_report(token):
            return _Step.NO_STANCE  # "there was no shred of evidence Russia was willing": the clause on "was"
        if (
            position > 0
            and not search.holders
            and token.dep_ not in {"ccomp", "xcomp"}  # "said that X ... and that Kyiv had proposed": reported
            and self._other_subjects_clause(path[position - 1])
        ):
            # "Merz called for a ceasefire, but the Kremlin dismissed the demand": the clause has its own
            # subject, which states nothing here; the first clause's subject did not say it
            return _Step.NO_STANCE
        if position > 0 and self._own_clause(path[position - 1], token):
            # "Kyiv insists that ..., and Russia recognizes the independence of ...": a clause of its own
            # beside what the verb states, with its own subject, is not the verb's content
            return _Step.END if search.holders else _Step.NO_STANCE
        if search.first is not None and path[position - 1].dep_ not in REPORTING:
            return _Step.END  # "Putin proposed talks a day after Macron demanded ...": not Putin's stance
        if search.first is not None and self._side_clause(path[position - 1]):
            return _Step.END  # "X said ..., while Y called for ...": Y's clause is not what X says
        return _Step.ON

    def _existential_report(self, verb: Token) -> bool:
        """Is the verb an existential "there is" whose noun is hearsay or inference ("there was no evidence",
        "there is no sign of ..."), where the parser hung the noun's clause on the verb?"""
        if not any(c.dep_ == "expl" for c in verb.children):
            return False
        nouns = [c for c in verb.children if c.dep_ == "attr"]
        nouns += [p for n in nouns for c in n.children if c.lower_ == "of" for p in c.children]
        return any(n.lower_ in self.report_nouns for n in nouns)

    def _other_subjects_clause(self, below: Token) -> bool:
        """Is ``below`` a coordinate clause whose own subject is named, not a pronoun?"""
        subject = _coordinate_subject(below)
        return subject is not None and not _is_pronoun(subject, self.pronouns)

    @staticmethod
    def _own_clause(below: Token, verb: Token) -> bool:
        """Is ``below`` a coordinate clause with its own subject beside the complement ``verb`` states?"""
        return _coordinate_subject(below) is not None and any(
            c.dep_ in {"ccomp", "xcomp"} and c != below for c in verb.children
        )

    def _claimed(self, search: _Search, position: int) -> _Step:
        """A cue in the content of a claim ("dismissed Russia's claims that it wants a truce", "the
        administration's assertion that Putin agreed to guarantees"): the party the claim says holds it
        does; whoever dismisses, reports or makes the claim about another takes no stance on it."""
        search.stop = position
        return _Step.END if search.holders else _Step.NO_STANCE

    def _context(self, search: _Search, position: int, token: Token) -> _Step:
        """What a word on the way up says of the cue: a topic, a doubt, hearsay, a forecast, a request
        whose asker is not said, or an owner of the stance."""
        search.topic = search.topic or self._topic(token)
        if position == 0 or token in search.cue:
            return _Step.ON
        base = token.lower_
        if base in self.doubts:
            return _Step.NO_STANCE  # "expressed doubts about the truce": no position
        if base in self.pretences:
            return _Step.NO_STANCE  # "pretending they are open to negotiations": a pretence, no position
        if base in self.appearances and search.path[position - 1].dep_ in {"xcomp", "ccomp"}:
            return _Step.NO_STANCE  # "appeared to rule out NATO": the writer's reading, no position
        if self._names_it(token):
            return _Step.NO_STANCE  # "it is called Agreement on Permanent Neutrality": a title, no position
        if base in self.denials and position > 0 and search.path[position - 1].dep_ in {"xcomp", "ccomp"}:
            return _Step.NO_STANCE  # "denied providing lethal aid": a fact denied, no stance taken
        if (
            token.dep_ == "acl"
            and base in self.purpose_participles
            and token.head.lower_ not in self.means_nouns
        ):
            return _Step.NO_STANCE  # "negotiations aimed at securing a ceasefire": the talks' purpose
        if base in self.hearsay and is_verb(token) and search.first is None:
            return _Step.NO_STANCE  # "we often hear that ...": the view heard is not the hearer's
        if base in self.speech and is_verb(token) and self._crowd_speaker(token):
            return _Step.NO_STANCE  # "many claimed that Moscow was not interested ...": said by no one named
        forecast = (
            search.reported
            or search.first is not None
            or self._expects_party(token, search.path[:position], search.index)
        )
        if base in self.predictions and forecast:
            return _Step.NO_STANCE  # "expects Putin to stop fighting": a forecast of another's act, no stance
        if self._guessed(token):
            return _Step.NO_STANCE  # "the Kremlin would probably accept a ceasefire": a guess at its act
        if base in self.foreseeing and self._timed(token):
            return _Step.NO_STANCE  # "do not see Ukraine joining NATO any time soon": when, not whether
        if base in self.object_directives and self._unstated_asker(token, search.index):
            return _Step.NO_STANCE  # "persuading Russia to accept the truce ...": who asks is not said
        if search.first is None and self._unnamed_owner(token, search.index):
            return _Step.NO_STANCE  # "announced the parties' readiness for talks": the readiness is theirs
        return self._possessed(search, position, token)

    def _timed(self, verb: Token) -> bool:
        """Does the verb's phrase say when ("any time soon", "in the near future")?"""
        words = [t.lower_ for t in verb.subtree]
        return any(_contains(words, time) for time in self.forecast_times)

    def _names_it(self, verb: Token) -> bool:
        """Is the verb a passive or participle of naming ("is called", "a draft titled"), not "called for"?"""
        return (
            verb.lower_ in self.naming
            and is_verb(verb)
            and (verb.dep_ == "acl" or any(c.dep_ == "auxpass" for c in verb.children))
            and not any(c.dep_ == "prep" and c.lower_ in {"for", "on"} for c in verb.children)
        )

    def _crowd_speaker(self, verb: Token) -> bool:
        """Is the verb's subject a crowd that names no one ("many", "critics", "analysts")?"""
        subject = own_subject(verb)
        return subject is not None and subject.lower_ in self.unnamed_sources

    def _guessed(self, verb: Token) -> bool:
        """A verb whose act a guessing adverb hedges, said of someone other than the speaker ("the Kremlin
        would probably accept"; but "maybe have a call with Trump", "we could perhaps agree" propose it)."""
        subject = own_subject(verb)
        return (
            is_verb(verb)
            and subject is not None
            and subject.lower_ not in self.first_person
            and any(c.dep_ == "advmod" and c.lower_ in self.guesses for c in verb.children)
        )

    def _possessed(self, search: _Search, position: int, token: Token) -> _Step:
        """A stance noun owned by a party other than the holders ("Russia's decision") is the owner's."""
        owner = (
            self._possessor(token, search.index) if search.first is None and not self._asked(token) else None
        )
        if owner is None or any(_same_side(owner, [h]) for h in search.holders):
            return _Step.ON
        if token.lower_ not in self.stance_nouns:
            if position == 1 and search.path[0].dep_ in {"amod", "compound"}:
                # "ensure Ukraine's non-aligned status": the cue says what the owner's thing is, and
                # whoever states the clause states it
                return _Step.ON
            return _Step.NO_STANCE  # "Russia's decision to leave the deal", judged by someone else
        path = search.path
        if self._asked_of_owner(token, path[position + 1 : position + 3]):
            return _Step.ON  # "insisted Kyiv abandon its NATO aspirations": the demand is about Kyiv
        if self._given_up_by_own_side(token, owner, search.index):
            return _Step.ON  # "Zelensky abandoned Ukraine's NATO aspirations": his stance, undone
        if token.dep_ in {"dobj", "pobj", "nsubjpass"} and any(
            a.lower_ in self.stance and is_verb(a) for a in path[position + 1 : position + 3]
        ):
            # "Ukraine agreed to the US proposal for a truce": the proposer holds it on its own
            # way, and whoever takes up the proposal holds it too
            search.own[str(owner["name"])] = position + 1
            search.holders.append((str(owner["name"]), owner))
            return _Step.NEXT
        # "Kyiv's idea of driving Russia out ... was an illusion": Kyiv's, whoever judges it
        search.holders = [(str(owner["name"]), owner)]
        search.stop = position + 1
        return _Step.END

    def _states(
        self, token: Token, path: list[Token], position: int, index: dict[int, dict[str, Any]]
    ) -> bool:
        """Does the verb on the way state a stance: speech, a stance verb, "in favour of", "made clear", a
        deadline, "the position is", or a stance noun had?"""
        base = token.lower_
        return (
            base in self.speech
            or base in self.stance
            or self._in_favour(path, position)
            or self._made_clear(token)
            or self._deadline(token)
            or self._stance_is(token, index)
            or self._has_stance_noun(token, path, position)
        )

    def _has_stance_noun(self, verb: Token, path: list[Token], position: int) -> bool:
        """Is the verb "have" with the stance noun below it on the way as its object ("Germany has no plans
        to send troops", "has no intention of lifting sanctions"): a stance its subject holds?"""
        if position == 0 or verb.lower_ not in self.have_forms:
            return False
        noun = path[position - 1]
        return noun.dep_ == "dobj" and noun.lower_ in self.stance_nouns

    def _given_up_by_own_side(
        self, noun: Token, owner: dict[str, Any], index: dict[int, dict[str, Any]]
    ) -> bool:
        """Is the owned stance noun the object of an undoing verb whose subject is on the owner's side: the
        owner's stance given up, not held ("Zelensky abandoned Ukraine's aspirations for NATO membership")?"""
        verb = noun.head
        if noun.dep_ != "dobj" or not is_verb(verb) or verb.lower_ not in self.reverser_verbs:
            return False
        subject = own_subject(verb)
        doer = index.get(subject.i) if subject is not None else None
        return doer is not None and _same_side(doer, [("", owner)])

    def _asked_of_owner(self, noun: Token, above: list[Token]) -> bool:
        """Is the stance noun owned through "its" or "their" by the subject of a plain verb that another
        party's stance verb asks of it ("insisted Kyiv abandon its NATO aspirations")?"""
        if len(above) < 2 or not any(
            c.dep_ == "poss" and c.lower_ in self.third_possessives for c in noun.children
        ):
            return False
        verb, stating = above
        return (
            noun.dep_ == "dobj"
            and noun.head == verb
            and is_verb(verb)
            and verb.lower_ not in self.stance
            and verb.lower_ not in self.speech
            and stating.lower_ in self.stance
            and own_subject(verb) is not None
        )

    def _noun_holders(self, search: _Search, position: int, token: Token) -> _Step:
        """The parties a noun on the way names as proposing or backing the cue."""
        if position == 0:
            # "the US-proposed ceasefire": the party that proposed or backed it
            for proposer in self._proposers(token, search.index):
                search.own[str(proposer["name"])] = 1
                search.holders.append((str(proposer["name"]), proposer))
        if search.first is None and not is_verb(token):
            # "a ceasefire deal accepted by Putin": the party a participle says backs the noun
            for backer, sign in self._backers(token, search.index, turning=position == 0):
                if all(str(backer["name"]) != h[0] for h in search.holders):
                    search.own[str(backer["name"])] = position + 1
                    search.holders.append((str(backer["name"]), backer))
                    if sign < 0:
                        search.against.add(str(backer["name"]))
        return _Step.ON

    def _stating_verb(self, search: _Search, position: int, token: Token) -> _Step:
        """A verb of speech or stance (or of issuing a plan) on the way up: its subject holds the cue."""
        path, cue, quote = search.path, search.cue, search.quote
        base = token.lower_
        if (
            base in self.speech
            and base not in self.stance
            and position > 0
            and path[position - 1].dep_ == "prep"
            and path[position - 1].lower_ in self.topic_preps
        ):
            # "the Kremlin said on Monday ... on a proposed peace plan": speaking about it
            search.topic = True
        if search.topic and base not in self.stance:
            # "said the terms of a truce could ...": talk about an issue is not a stance on it
            return _Step.NEXT
        misparsed = base in self.directives and any(
            c.dep_ == "compound" and c.lower_ in self.documents for c in token.children
        )
        verb_like = is_verb(token) or token.dep_ == "acomp" or misparsed
        issues_plan = self._issues_plan(token, path, position)
        if self._reached_accord(token, path, position) and _failed(token):
            return _Step.NO_STANCE  # "the talks reached no agreement on a ceasefire": no rejection either
        if _gerund_object(token) and token.head.lower_ in self.stance:
            return _Step.NEXT  # "opposed using frozen assets": the gerund is what the verb above opposes
        states = issues_plan or self._states(token, path, position, search.index)
        # a stance verb heading the cue ("recognize the occupied territories") states it as one above it would
        own_verb = token == cue.root and base in self.stance
        if not states or not verb_like or (token in cue and not own_verb):
            return _Step.NEXT
        # "called Zelensky a dictator": naming, not calling for something; but "called NATO membership for
        # Ukraine a red line", "called the sanctions illegal": a judgement of the cue
        judged = any(c.dep_ == "oprd" and self._condemns(c) for c in token.children)
        if base in self.directives and base.startswith("call") and not _calls_for(token) and not judged:
            return _Step.NEXT
        if self._states_nothing(token, path, position):
            return _Step.NO_STANCE  # "has not yet accepted the meeting", "wouldn't confirm that ..."
        subject = self._subject(token)
        # no subject, or the cue itself ("NATO expansion threatened Russia's security": the cue is judged)
        if subject is None or subject in cue:
            return _Step.NEXT
        if quote is not None and quote["start"] <= subject.idx < quote["end"]:
            # inside a quotation, "we" and "I" are the speaker's; but "they said they would be open to
            # ...", in the speaker's words, is the party "they" stands for
            own = _is_pronoun(subject, self.pronouns) and subject.lower_ not in self.third_person
            named = [] if own else self._subject_parties(subject, search.index)
            if not named or any(_same_side(m, search.holders) for m in named):
                return _Step.NEXT
            # '"The U.S. still doesn't recognize new territories," Peskov said': the party named holds it
            search.holders = []
            return self._subject_holders(search, position, token, subject, False)
        if self._addressee(subject, path, position):
            return _Step.NEXT  # "demanded that Ukraine refuse ...": the party asked to act holds nothing
        return self._subject_holders(search, position, token, subject, issues_plan)

    def _in_favour(self, path: list[Token], position: int) -> bool:
        """Does the cue reach the verb through "in support of" or "in favour of" ("spoke in support of a
        prisoner exchange", "voted in favour of the resolution")? Then the verb's subject backs it."""
        return (
            position >= 2
            and path[position - 1].lower_ == "in"
            and path[position - 1].dep_ == "prep"
            and path[position - 2].lower_ in self.favour_nouns
        )

    def _states_nothing(self, verb: Token, path: list[Token], position: int) -> bool:
        """Does the verb commit to nothing: not yet accepted, done by no one, or a negated verb of saying
        whose content it leaves unsaid ("wouldn't confirm that weapons would be sent", "did not say that
        Ukraine would give up land", "would not confirm the end date of the truce": none is a stance, and
        none is its opposite)?"""
        below = path[position - 1].dep_ if position > 0 else ""
        unsaid = (
            (below == "ccomp" and verb.lower_ in self.speech and verb.lower_ not in self.stance)
            or (below == "dobj" and verb.lower_ in self.disclosing)
        ) and any(c.dep_ == "neg" for c in verb.children)
        return unsaid or self._noncommittal(verb) or self._done_by_no_one(verb) or self._gone_back_on(verb)

    def _gone_back_on(self, verb: Token) -> bool:
        """Is the verb joined to its holder's about-turn ("had backed that proposal but reversed course")?"""
        return any(c.dep_ == "conj" and self._about_turn(c) for c in verb.children)

    def _about_turn(self, verb: Token) -> bool:
        """ "backtracked", "reversed course", "changed course" (the parser hangs "course" as an object or
        an adverb)."""
        if verb.lower_ in self.turn_verbs:
            return True
        return verb.lower_ in self.turn_object_verbs and any(
            o.dep_ in {"dobj", "npadvmod", "advmod"} and o.lower_ in self.turn_objects for o in verb.children
        )

    def _done_by_no_one(self, verb: Token) -> bool:
        """Is the verb's subject no one: "nothing", "nobody", "no one", "no country"?"""
        return any(
            c.dep_ in {"nsubj", "nsubjpass"}
            and (
                c.lower_ in self.empty_subjects
                or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
            )
            for c in verb.children
        )

    def _unlinked_subject(self, subject: Token, verb: Token) -> bool:
        """A stance verb's own subject that names no party ("the rebels agreed"): the stance is theirs, so
        no speaker above holds it, unless the speaker demands it of them ("the rebels must agree")."""
        if subject.head != verb or subject.dep_ != "nsubj":
            return False  # "peace requires Ukraine to recognize ...": a subject the verb inherits is no agent
        subject = _partitive_whole(subject)  # "26 of Ukraine's allies pledged": the allies did
        if not _named_thing(subject) or subject.lower_ in self.pronouns:
            return False  # "they agreed", "who agreed": pronouns are resolved elsewhere or stand for someone
        if subject.lower_ in self.side_nouns:
            return False  # "Medinsky said both countries had agreed": his side is one of them
        if subject.lower_ in self.documents or subject.lower_ in self.stance_nouns:
            return False  # "Vance said the plan envisions ...": a plan's content is its presenter's
        if subject.lower_ in self.settlement_nouns:
            return False  # "Lavrov stated that peace requires Kiev to abandon ...": what the speaker asks for
        return not any(c.dep_ == "aux" and c.lower_ in self.deontic for c in verb.children)

    def _stance_is(self, verb: Token, index: dict[int, dict[str, Any]]) -> bool:
        """A copula stating what a party's stance is ("Kyiv's position is to freeze the lines", "Russia's
        demand is that ..."): the stance's owner holds its complement."""
        return verb.lower_ in self.copulas and any(
            c.dep_ == "nsubj"
            and (c.lower_ in self.stance_nouns or c.lower_ in self.aim_nouns)
            and self._possessor(c, index) is not None
            for c in verb.children
        )

    def _deadline(self, verb: Token) -> bool:
        """Time given to a party to do something, a demand: "gave Russia 50 days to end the war", "gave
        Moscow until Friday to halt ..."."""
        if verb.lower_ not in self.deadline_verbs or not is_verb(verb):
            return False
        timed = any(
            (c.dep_ in {"dobj", "npadvmod"} and c.ent_type_ in {"DATE", "TIME"})
            or (c.dep_ == "prep" and c.lower_ == "until")
            for c in verb.children
        )
        asked = any(
            c.dep_ in {"advcl", "xcomp"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in verb.children
        )
        return timed and asked

    def _reached_accord(self, verb: Token, path: list[Token], position: int) -> bool:
        """Is the cue what an agreement was reached (or not reached) on ("reached no agreement on a
        ceasefire")?"""
        if verb.lower_ not in self.reaching or position == 0 or not is_verb(verb):
            return False
        below = path[position - 1]
        if below.dep_ == "dobj":
            return below.lower_ in self.accord_nouns
        # "reached a deal on a ceasefire": the parser may hang the "on" phrase on the verb
        reached = any(c.dep_ == "dobj" and c.lower_ in self.accord_nouns for c in verb.children)
        return reached and below.dep_ == "prep" and below.lower_ in self.topic_preps

    def _made_clear(self, verb: Token) -> bool:
        """ "Moscow has made it clear that ...", "made clear that ...": stating, as "said" is."""
        return verb.lower_ in self.making and any(
            c.lower_ == "clear" and c.dep_ in {"ccomp", "oprd", "acomp", "dobj", "advmod", "xcomp"}
            for c in verb.children
        )

    def _issues_plan(self, verb: Token, path: list[Token], position: int) -> bool:
        """ "laid out a peace plan, which includes ...": issuing a plan states what it includes; "Hungary is
        against new sanctions": being against a thing states a stance on it too."""
        issued = verb.lower_ in self.issuing and any(
            c.dep_ == "dobj" and c.lower_ in self.documents for c in verb.children
        )
        return issued or self._against(verb, path, position) or self._contained(verb)

    def _contained(self, verb: Token) -> bool:
        """A verb of containing whose subject is a document or a stance noun ("Russia's demands include
        ..."): what it contains is the owner's."""
        return verb.lower_ in self.content_verbs and any(
            c.dep_ == "nsubj" and (c.lower_ in self.documents or c.lower_ in self.stance_nouns)
            for c in verb.children
        )

    def _against(self, token: Token, path: list[Token], position: int) -> bool:
        """A copula whose complement is "against" the cue ("Hungary is against new sanctions")."""
        return position > 0 and path[position - 1].head == token and self._opinion_prep(path[position - 1])

    def _opinion_prep(self, prep: Token) -> bool:
        """ "against" as a copula's complement: "Hungary is against ...", "Russia was not against ..."."""
        return prep.dep_ == "prep" and prep.lower_ in self.opinion_preps and prep.head.lower_ in self.copulas

    def _subject_holders(
        self, search: _Search, position: int, verb: Token, subject: Token, issues_plan: bool
    ) -> _Step:
        """The parties the stating verb's subject names hold the cue, unless they report another's stance."""
        named = self._subject_parties(subject, search.index)
        if (
            search.reported
            and named
            and not any(_same_side(m, [("", r)]) for m in named for r in search.reported)
        ):
            return _Step.END
        if any(m["kind"] == "person" for m in named) and any(
            r["kind"] == "person" and all(m["name"] != r["name"] for m in named) for r in search.reported
        ):
            # "Peskov said Putin remains open to talks": Putin's stance, reported, not Peskov's (a country's
            # readout of its leader's words is the country's: "the Kremlin said Putin wants talks")
            return _Step.END
        base = verb.lower_
        if not named and base in self.stance and self._unlinked_subject(subject, verb):
            return _Step.END  # "Kuchma said the rebels agreed to a ceasefire": theirs, not the speaker's
        for mention in named:
            if base in self.needs and mention["kind"] != "person":
                continue  # "Ukraine needs air defence": a need described, no stance the country states
            name = str(mention["name"])
            search.stance_held = search.stance_held or base in self.stance or issues_plan
            if all(name != h[0] for h in search.holders):
                search.holders.append((name, mention))
            # "Kyiv is not ready for ...": the copula of an adjective holds its negation
            search.stop = position + (2 if verb.dep_ == "acomp" else 1)
            if search.first is None:
                search.first = position
        party = self._party_named(subject, search.index)
        if party is not None:
            search.reported.append(party)
        return _Step.ON

    def _subject_parties(self, subject: Token, index: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
        """The parties a stating verb's subject names."""
        # "Putin and Zelensky agreed ...": each party holds the stance; "both sides" are the
        # parties of the talks the article has just described.
        if subject.lower_ in self.stance_nouns or subject.lower_ in self.aim_nouns:
            owner = self._possessor(subject, index)
            if owner is not None:
                return [owner]  # "Kyiv's position is to ...": the stance's owner
        # "Merkel and Hollande arrived in Moscow. They called for a truce": each of them, not Moscow's Russia
        # "The leaders reaffirmed ... They noted ...": "they" takes the group the sentence before had as its
        # subject, a group named ("the leaders of ...") or pointing back at the last talks ("the leaders")
        group = plural_antecedent(subject, index, PARTY_KINDS, lambda s: self._group(s, index))
        if group:
            return group
        shared = _shared_subject(subject, self.two_sides)
        if shared is not None:
            return self._subject_parties(shared, index)
        subjects = [subject, *subject.conjuncts]
        # "envoys from Ukraine, the separatist leadership, Russia and the OSCE": the parser hangs the list's
        # rest on an apposition of its first item
        subjects += [c for a in subject.children if a.dep_ == "appos" for c in a.conjuncts]
        if subject.lower_ in self.envoys and subject.i not in index and not _named_person(subject, index):
            # "the US and Ukrainian delegations agreed": the parties named before the delegations (but "the
            # US President's special envoy, Steve Witkoff," is the envoy the text names)
            named_by = [
                c
                for c in subject.children
                if c.dep_ in {"compound", "amod", "poss", "nmod"}
                and c.i in index
                and index[c.i]["kind"] != "person"  # "the President's special representative" is not him
            ]
            subjects = [t for c in named_by for t in [c, *c.conjuncts]] or subjects
        # "he and the leaders of France and Germany agreed": each conjunct, a group of leaders too
        found = [m for s in subjects for m in (self._leaders(s, index) or [self._holder(s, index)])]
        if subject.lower_ in self.sides and all(m is None for m in found):
            found = self._sides(subject, index)
        elif subject.lower_ in self.gathered and all(m is None for m in found):
            found = self._gathered(subject, index)
        return [m for m in found if m is not None]

    def _unstated_holders(self, search: _Search) -> None:
        """Holders the walk cannot find: the sentence's speaker when no one else holds the cue, and the
        country a holder voices."""
        if not search.holders:
            search.holders.extend(self._sentence_speaker(search.cue, search.index))
        voiced = self._voiced_country(search.path, search.holders, search.index)
        if voiced is not None:
            search.holders.append((str(voiced["name"]), voiced))

    def _stating_clause(self, search: _Search, direction: str, others: list[Span]) -> _Clause | None:
        """The condition and polarity stage: where the stance's clause ends, its condition, and the sign
        the cue takes in it; None when the clause states no stance."""
        cue, path, stop = search.cue, search.path, search.stop
        boundary, condition, trade = self._condition(cue, path[:stop], others)
        # "an agreement is possible only if ...": "possible" qualifies the settlement, not the demand
        settled = boundary is not None and 0 < boundary < stop and self._settlement_clause(path[boundary])
        if self._hypothetical(cue, path[:boundary] if settled and boundary is not None else path[:stop]):
            return None  # "hypothetically, a ceasefire could ...": nobody takes that stance
        if self._judged_short(path[:stop]):
            return None  # "it is not enough to announce a ceasefire": more is wanted, the step is not refused
        if boundary is not None:
            if boundary < 0:
                return None  # a condition whose main clause states no stance on an issue
            stop = boundary
        base_sign = 1 if direction == "toward" else -1
        polarity = base_sign * self._negation(cue, path[:stop]) * self._denied_noun(path, stop)
        if self._threatened(path, boundary, stop):
            # "threatened sanctions if Russia rejects the ceasefire", "tariffs would come without a deal": a
            # threat's condition is what the threatener wants avoided, so the cue counts the other way
            polarity = -polarity
        return _Clause(stop, boundary, condition, trade, base_sign, polarity)

    def _threatened(self, path: list[Token], boundary: int | None, stop: int) -> bool:
        """Is the cue in the condition of a threat ("if Russia rejects the ceasefire", "without a deal")?"""
        if any(t.lower_ == "without" and t.dep_ == "prep" and self._threat(t, t.head) for t in path[:stop]):
            return True
        return (
            boundary is not None
            and 0 < boundary < len(path)
            # "threatened tariffs if the Kremlin fails to reach a deal, while promising Kyiv equipment": the
            # parser hangs the "while" clause on the condition, but it is a statement of its own
            and not (boundary > 1 and _adverbial_clause(path[boundary - 2]))
            and self._threat(path[boundary - 1], path[boundary])
        )

    def _threat(self, condition: Token, head: Token) -> bool:
        """Is the main clause of a condition a threat: a verb of threatening or punishing, or one imposing
        or suffering a punishment ("would impose more sanctions on Moscow if ...")? A threat made "unless
        Russia accepts the ceasefire" already names what is wanted, so it counts as none."""
        if any(c.dep_ == "mark" and c.lower_ in self.negative_marks for c in condition.children):
            return False
        if head.lower_ in self.threatening or head.lower_ in self.punishing:
            return True
        # "would face harder sanctions if it refused a ceasefire": suffering a punishment threatens too,
        # and so does a punishment that awaits or follows ("severe consequences await Russia if ...")
        if head.lower_ in self.befalling and any(
            c.dep_ == "nsubj" and c.lower_ in self.punishments for c in head.children
        ):
            return True
        imposes = head.lower_ in self.imposing or head.lower_ in self.threats or head.lower_ in self.enacting
        if imposes and self._punishment_object(head):
            return True
        # "will impose tariffs if ..., and they could start within a month if there is no ceasefire": a
        # clause joined to a threat goes on with it
        return head.dep_ == "conj" and head.head != head and self._threat(condition, head.head)

    def _punishment_object(self, verb: Token) -> bool:
        """Is a punishment the verb's object ("impose sanctions", "face tariffs")?"""
        return any(c.dep_ == "dobj" and c.lower_ in self.punishments for c in verb.children)

    def _stance(self, search: _Search, clause: _Clause, name: str, held: dict[str, Any] | None) -> Held:
        """The stance one holder takes on the cue."""
        cue, path = search.cue, search.path
        sign = clause.polarity * self._harm(cue, path[: clause.stop], held)
        if name in search.own:
            # the proposer's stance is its own proposal's, not the taker's condition on it
            sign = clause.base_sign * self._negation(cue, path[: search.own[name]])
            sign = -sign if name in search.against else sign
            return (name, "support" if sign > 0 else "oppose", None, held)
        if clause.trade and sign < 0 and self._refused(path[: clause.stop]):
            # "refused to cede territory in exchange for a truce": the trade is refused (but "offer to
            # put off membership in exchange for a deal" is a conditional offer)
            stance = "oppose"
        elif sign == 0 or (clause.condition is not None and clause.boundary is None):
            stance = "conditional"
        else:
            stance = "support" if sign > 0 else "oppose"
        return (name, stance, clause.condition, held)

    def _holder(self, token: Token, index: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
        """The party a subject stands for: a mention or a document's owner; never a dateline's place."""
        if token.lower_ in self.documents:
            return self._document_owner(token, index)
        if token.lower_ in self.stance_nouns:
            return self._possessor(token, index)  # "Ukraine's demands include ...": the demands' owner
        if dateline_word(token):
            return None  # "MINSK, 12 February 2015 — ...": where the story was filed, not who acts
        if _expletive(token):
            return None  # "it is impossible to ...": no one, whatever "it" last stood for
        if token.lower_ in self.country_nouns:
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None and owner.lower_ in self.possessives:
                return self._country_of_speaker(token, index)
        if token.lower_ in self.subject_pronouns:
            owner = self._content_owner(token)
            if owner is not None:
                return self._mention(owner, index)  # "Russia's claims that it wants a truce": Russia
            # "NATO leaders said they backed the truce": the pronoun is the governing speaker's, even
            # when that speaker is a phrase ("NATO leaders") rather than a name.
            for verb in token.head.ancestors:
                if verb.lower_ in self.speech or verb.lower_ in self.stance:
                    speaker = _subject_of(verb)
                    if speaker is not None and not _is_pronoun(speaker, self.pronouns):
                        return self._mention(speaker, index)
                    break
        return self._mention(token, index)

    def _content_owner(self, pronoun: Token) -> Token | None:
        """The owner of the stance noun whose content clause the pronoun is the subject of ("Kiev's claims
        that it is ready for talks")."""
        clause = pronoun.head
        if pronoun.dep_ != "nsubj" or clause.dep_ != "acl":
            return None
        if clause.head.lower_ not in self.stance_nouns and clause.head.lower_ not in self.claim_nouns:
            return None
        owner = next((c for c in clause.head.children if c.dep_ == "poss"), None)
        return None if owner is None or owner.lower_ in self.possessive_pronouns else owner

    def _unnamed_speaker(self, quote: dict[str, Any], sent: Span, index: dict[int, dict[str, Any]]) -> bool:
        """Is the quotation's speaker only named as a person's nationality ('"...," the Ukrainian
        representative tweeted')? An unnamed person holds nothing (guide v2)."""
        for token in sent:
            if token.lower_ not in self.unnamed_persons or token.i in index:
                continue
            if quote["start"] <= token.idx < quote["end"]:
                continue
            if any(
                c.dep_ in {"amod", "compound"} and c.i in index and index[c.i]["name"] == quote["speaker"]
                for c in token.children
            ):
                return True
        return False

    def _group(self, subject: Token, index: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
        """The parties a group subject stands for: "the leaders of France and Germany", or "the leaders" of
        the talks the article has just described."""
        found = self._leaders(subject, index)
        if not any(found) and subject.lower_ in self.gathered:
            found = self._gathered(subject, index)
        return [m for m in found if m is not None]

    def _leaders(self, subject: Token, index: dict[int, dict[str, Any]]) -> list[dict[str, Any] | None]:
        """ "The leaders of France, Germany and Russia": each country's leader named in the article, or the
        country itself when its leader is not named (a named body maps to its country)."""
        if subject.lower_ not in self.group_heads:
            return []
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        first = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if first is None:
            return []
        countries = [
            index[t.i] for t in [first, *first.conjuncts] if t.i in index and index[t.i]["kind"] == "country"
        ]
        if len(countries) < 2:
            return []
        persons: dict[str, dict[str, Any]] = {}
        for mention in index.values():
            if mention["kind"] == "person" and mention["party"] and not mention.get("coref"):
                persons.setdefault(str(mention["name"]), mention)
        found: list[dict[str, Any] | None] = []
        for country in countries:
            held: list[dict[str, Any]] = []
            for title in self.leader_titles:
                held = [m for m in persons.values() if f"{title}|{country['name']}" in (m.get("roles") or [])]
                if held:
                    break
            # the leader named (two of one country: unclear, none), else the country they lead
            found.append((held[0] if len(held) == 1 else None) if held else country)
        return found

    def _voiced_country(
        self,
        path: list[Token],
        holders: list[tuple[str, dict[str, Any] | None]],
        index: dict[int, dict[str, Any]],
    ) -> dict[str, Any] | None:
        """ "Zelensky said his country would never give up land": the party that is the subject of the
        cue's own clause, when it is the side of a holder who voices it (guide v2, a speaker voicing the
        country). A party on another side is not added: what one party says of another is reported."""
        if not holders:
            return None
        verb = next((t for t in path if is_verb(t)), None)
        if verb is None or verb.lower_ in self.speech:
            return None
        if verb.lower_ in self.needs:
            return None  # "Zelensky said Ukraine needs air defence": the speaker's plea only
        if any(t.lower_ in self.stance_nouns and not is_verb(t) for t in path[path.index(verb) + 1 :]):
            return None  # "dismissed US suggestions that Kyiv give up land": the clause is the suggestion's
        subject = own_subject(verb)
        while subject is None and verb.dep_ == "xcomp" and verb.head in path:
            verb = verb.head  # "Washington is not going to lift its sanctions": the controlling subject
            subject = own_subject(verb)
        if (
            subject is None
            or subject == path[0]  # "NATO membership for Ukraine is the only way": the cue, no party
            or _is_pronoun(subject, self.pronouns)
            or self._addressee(subject, path, path.index(verb))
        ):
            return None
        party = self._holder(subject, index)
        if party is None or any(party["name"] == h[0] for h in holders) or party["kind"] == "person":
            return None
        return party if any(_same_side(party, [h]) for h in holders) else None

    def _country_of_speaker(self, token: Token, index: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
        """ "He said his country would never ...": the country the governing speaker serves (a speaker
        voicing the country), when the speaker's offices name exactly one."""
        for verb in token.head.ancestors:
            if verb.lower_ not in self.speech and verb.lower_ not in self.stance:
                continue
            speaker = _subject_of(verb)
            held = self._mention(speaker, index) if speaker is not None else None
            if held is None:
                return None
            countries = {str(r).split("|")[-1] for r in held.get("roles") or []}
            if held["kind"] != "person" or len(countries) != 1:
                return None
            name = countries.pop()
            found = next((m for m in index.values() if m["name"] == name), None)
            return found or {"name": name, "kind": "country", "party": True, "roles": []}
        return None

    def _document_owner(self, token: Token, index: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
        """ "Russia's memorandum", "the Ukrainian plan"; "the memorandum" after "Medinsky presented a
        memorandum": the party the document belongs to."""
        # "Russia's memorandum demands ..." is sometimes parsed as one noun phrase headed by "demands":
        # the owner then hangs from that head.
        heads = [token, token.head] if token.dep_ == "compound" else [token]
        for child in (c for head in heads for c in head.children):
            if child.dep_ in {"poss", "compound", "amod"} and child.i in index:
                return self._mention(child, index)
        doc = token.doc
        for earlier in reversed(doc[: token.i]):
            if earlier.lower_ != token.lower_:
                continue
            for child in earlier.children:
                if child.dep_ in {"poss", "compound", "amod"} and child.i in index:
                    return self._mention(child, index)
            verb = earlier.head
            if earlier.dep_ in {"dobj", "nsubjpass"} and verb.lower_ in self.issuing:
                subject = _subject_of(verb)
                if subject is not None:
                    return self._mention(subject, index)
            agent = passive_agent(verb)
            if agent is not None:
                return self._mention(agent, index)
        backers = self._backers(token, index)  # "the plan, backed by France and Germany, calls for ..."
        return backers[0][0] if backers else None

    def _arms_of_russias_side(self, cue: Span, index: dict[int, dict[str, Any]]) -> bool:
        """Are the arms the cue names sent by Russia's side or to it ("halt Russia's weapons deliveries",
        "called on Putin to halt deliveries", "give weapons to Russia")?"""
        root = cue.root
        for head in [root, *list(root.ancestors)[:3]]:
            named = [c for c in head.children if c.dep_ in {"poss", "dative"} or _to_or_for(c)]
            if any(self._russian_party(t, index) for c in named for t in c.subtree):
                return True  # "Russia's deliveries", "weapons to Russia"
            if is_verb(head):
                # the one who halts or sends what the verb governs ("Putin ... halt weapons deliveries");
                # a verb further up is someone asking ("the Kremlin asked for an end to arms deliveries")
                noun = _supply_noun(root)  # "deliveries" in "weapons deliveries", "supplies of weapons"
                # "Russia wants shipments of weapons to stop": the one who wants asks, it does not send
                governs = head == noun.head and noun.dep_ == "dobj" and head.lower_ not in self.stance
                doer = _doer(head) if governs else None
                # "the Russian officials must cease supplies": a side's unnamed people act for it
                sides = [doer, *(c for c in doer.children if c.dep_ in {"amod", "compound"})] if doer else []
                return any(self._russian_party(t, index) for t in sides)
        return False

    def _russian_party(self, token: Token, index: dict[int, dict[str, Any]]) -> bool:
        mention = index.get(token.i)
        return mention is not None and bool(_served(mention) & self.russian_side)

    def _supplied(self, cue: Span) -> bool:
        """Is a bare weapon noun supplied to someone: governed by a verb or noun of supply ("send weapons",
        "deliveries of arms"), or given a recipient ("weapons for Ukraine")?"""
        root = cue.root
        for head in [root, *list(root.ancestors)[:3]]:
            if head is not root and (
                (head.lower_ in self.supply_verbs and is_verb(head)) or head.lower_ in self.supply_nouns
            ):
                return True
            for prep in head.children:
                to = _to_or_for(prep) and prep.i > root.i
                if to and any(t.lower_ in self.recipients for t in prep.subtree):
                    return True
            if head.dep_ not in {"dobj", "pobj", "conj", "prep", "compound", "nsubjpass", "appos"}:
                break
        return False

    def _proposed(self, cue: Span, named: set[int]) -> bool:
        """Are talks or a meeting what a stance word asks for ("ready to resume contacts", "wanted talks",
        "called for direct negotiations")? The word governs the cue, directly or through one preposition.
        Talks about an issue (a cue's words, ``named``, or land) are that issue's, not talking's."""
        root = cue.root
        if root.dep_ == "xcomp" and root.head.lower_ in self.proposing:
            return True  # "offered to mediate between Russia and Ukraine"
        agreeing = root.head if root.dep_ == "xcomp" else root.head.head if root.head.lower_ == "to" else None
        if agreeing is not None and agreeing.lower_ in self.agreeing and root.dep_ in {"xcomp", "pobj"}:
            # "agreed to meet in their capitals", "had agreed to today's talks" (but "they agreed to meet
            # again": agreed together, no one's own stance)
            return not any(c.dep_ == "nsubj" and c.lower_ in self.plural_pronouns for c in agreeing.children)
        if root.dep_ in {"nsubj", "nsubjpass"} and self._conditioned(root.head):
            return True  # "negotiations are only possible if its troops withdraw": talks on a condition
        if root.dep_ not in {"dobj", "pobj", "pcomp", "conj", "attr", "appos"}:
            return False  # "a meeting ... will open the door": the meeting's own deeds
        if any(
            c.dep_ == "prep"
            and c.lower_ in self.topic_preps
            and any(t.i in named or t.lower_ in self.land_nouns for t in c.subtree)
            for c in root.children
        ):
            return False  # "negotiations on territory": about territory, not about talking
        head = root.head
        if root.dep_ == "pobj" and self._opinion_prep(head):
            return True  # "Russia was not against talks with Ukraine"
        if root.dep_ == "pobj" and head.lower_ == "on" and self._phrasal(head.head):
            return True  # "Moscow is not giving up on negotiations": undoing them, or (negated) keeping them
        if root.dep_ == "pobj" and head.lower_ in {"of", "for"} and head.head.lower_ in self.hosting_nouns:
            head = head.head.head  # "offered a venue for talks": what is done with the venue
        elif root.dep_ in {"pobj", "pcomp"} and head.lower_ in {"for", "to", "in", "into"}:
            head = head.head
        elif root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in self.content_nouns:
            head = head.head.head  # "dismissed the idea of talks": what is done with the idea
        elif root.dep_ == "dobj" and head.lower_ in self.adjectival:
            return False  # "prepared the meeting": arranged it, no stance
        if head.lower_ in self.proposing:
            return True
        # "ready to resume contacts", "interested in hosting the negotiations", "ruled out Finland hosting a
        # meeting": a verb of starting or hosting under a stance word
        for _ in range(3):
            # through clauses, and prepositions of aim ("interested in"), never "of" or "at" ("at the start
            # of the negotiations", "proposed ... at a meeting": the meeting is where, not what)
            through = head.dep_ in {"xcomp", "ccomp", "acl", "pcomp"}
            if not (through or (head.dep_ == "prep" and head.lower_ in {"in", "to", "for"})):
                return False
            head = head.head
            if head.lower_ in self.proposing:
                return True
        return False

    def _phrasal(self, verb: Token) -> bool:
        """Is the verb one of the phrasal verbs that undo what they govern, with its particle ("give up")?"""
        particle = self.phrasals.get(verb.lower_)
        return particle is not None and any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children)

    def _sought(self, cue: Span) -> bool:
        """Are the guarantees sought by the holder ("would seek reliable security guarantees") with no
        beneficiary named ("for Ukraine", "Ukraine's")?"""
        root = cue.root
        if any(t.lower_ in self.recipients for t in root.subtree):
            return False
        heads = list(root.ancestors)[:2]
        return any(h.lower_ in self.seeking and is_verb(h) for h in heads)

    def _stated(self, cue: Span) -> bool:
        """A cue naming an act ("end the war") that only modifies a noun ("talks to end the war", "a plan
        to end the war", "with a view to ending the war") names that thing's purpose: no stance on the act."""
        root = cue.root
        if self._heading(cue):
            return False  # "Prisoner exchange – the president mentioned ...": a heading names a topic
        if any(c.dep_ == "det" and c.lower_ == "no" for c in root.children) and any(
            c.dep_ == "relcl" and any(n.dep_ == "neg" for n in c.children) for c in root.children
        ):
            return False  # "no peace plan that does not ...": what is required is in the relative clause
        if root.i != cue.start or root.dep_ not in {"acl", "relcl", "pcomp"}:
            return True
        if root.dep_ == "relcl" and root.head.lower_ in self.stance_nouns:
            return True  # "suggestions that Kyiv give up territory": a content clause parsed as relative
        if root.head.dep_ == "attr" and _dummy_subject(root.head.head):
            return True  # "it would be a mistake to lift sanctions": the act the dummy "it" stands for
        if root.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in root.children):
            return True  # "its stance that Kyiv must accept the annexation": the content of a stance
        noun = root.head.lower_
        if root.dep_ == "acl" and noun in self.stance_nouns and noun not in self.documents:
            return (
                True  # "Kyiv's refusal to cede territory", "its readiness to resume talks": the stance's act
            )
        if root.dep_ == "pcomp":
            return not (root.head.lower_ == "to" and root.head.head.lower_ in self.topics)
        return root.head.lower_ in self.means_nouns

    def _qualifier(self, verb: Token) -> Token | None:
        """ "welcomes the mission but says it should not replace membership", "was open to a ceasefire but
        wanted guarantees that Kyiv would not use it to rearm": a stance joined by "but" to a verb of speech
        or of seeking whose clause restricts the thing ("it" ... not): that clause, a condition on it."""
        stance = verb.lower_ in self.stance or any(
            c.dep_ == "acomp" and c.lower_ in self.stance for c in verb.children
        )
        if not stance or not is_verb(verb):
            return None
        if not any(c.dep_ == "cc" and c.lower_ == "but" for c in verb.children):
            return None
        for conj in verb.children:
            if conj.dep_ != "conj" or (conj.lower_ not in self.speech and conj.lower_ not in self.seeking):
                continue
            for clause in conj.subtree:
                if clause == conj or clause.dep_ not in {"ccomp", "acl", "relcl"}:
                    continue
                pronoun = any(
                    c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.lower_ in {"it", "they", "them"}
                    for c in clause.children
                )
                restricted = any(
                    c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in self.deontic) for c in clause.children
                )
                if pronoun and restricted:
                    return clause
        return None

    @staticmethod
    def _heading(cue: Span) -> bool:
        """A cue opening its sentence and followed by a dash or a colon: a heading naming the topic of what
        follows ("Sanctions: ...", "Prisoner exchange – ..."), no stance."""
        doc = cue.doc
        start = cue.sent.start
        while start < cue.start and (doc[start].is_punct or doc[start].is_space):
            start += 1
        if start != cue.start or cue.end >= cue.sent.end:
            return False
        return doc[cue.end].text in {"-", "–", "—", ":"} and cue.end + 1 < cue.sent.end

    def _topic(self, token: Token) -> bool:
        """Does ``token`` hang from a topic noun or verb through a topic preposition ("talks on a truce",
        "spoke about a truce", "no progress towards agreeing on a truce"), or head a verbless heading
        ("4th round. On peace, ceasefire and security guarantees.")?"""
        if token.dep_ in {"dobj", "nsubjpass"} and token.head.lower_ in self.topic_verbs:
            return True  # "they discussed security guarantees", "NATO membership must be addressed": a topic
        if token.dep_ not in {"pobj", "pcomp"}:
            return False
        prep, head = token.head, token.head.head
        return prep.lower_ in self.topic_preps and (
            head.lower_ in self.topics or head.lower_ in self.topic_verbs or prep.dep_ == "ROOT"
        )

    def _time_clause(self, token: Token) -> bool:
        """Is the path word the head of a clause or phrase of time that reports when something was done
        ("before the truce came into force", "the annexation, announced after referendums")?"""
        # A clause of time that reports a stated demand ("a day after Merz demanded a truce") still
        # states it.
        stated = (
            token.lower_ in self.speech or token.lower_ in self.directives or token.lower_ in self.pledges
        )
        # "The war will be over when the land is liberated": a clause of time on a future is a condition.
        future = any(c.dep_ == "aux" and c.lower_ in self.future_aux for c in token.head.children)
        if (
            token.dep_ in {"advcl", "relcl"}
            and not stated
            and not future
            and any(
                c.dep_ in {"mark", "advmod"} and c.lower_ in self.temporal_marks and c.i < token.i
                for c in token.children
            )
        ):
            return True  # "before the truce came into force", "on May 16, when they failed to agree"
        if (
            token.dep_ == "pcomp"
            and token.head.lower_ in self.temporal_marks
            and is_verb(token)
            and not stated
        ):
            return True
        participle = token.head.head
        return (
            token.dep_ == "pobj"
            and token.head.lower_ in self.temporal_marks
            and (
                participle.dep_ == "acl"
                or (
                    participle.dep_ == "advcl"
                    and participle.lower_.endswith(("ed", "en"))  # a past participle
                    and not any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in participle.children)
                )
            )
        )

    def _reported_act(self, path: list[Token]) -> bool:
        """The cue is in what a party is accused of ("accused Kyiv of violating the truce") or in a clause
        of time ("shortly before the truce came into force", "after Moscow recognised the regions")."""
        for token in path:
            if self._time_clause(token):
                return True
            if self._time_phrase(token):
                return True  # "since the ceasefire, Zelensky has demanded ...": a date, not a stance
            if token.lower_ in self.stance_nouns and any(
                c.dep_ == "poss" and c.lower_ not in self.possessive_pronouns for c in token.children
            ):
                return False  # "criticized Russia for objecting to Ukraine's demands": Ukraine's, stated
            accused = token.dep_ == "pcomp" and token.head.lower_ in {"of", "for"}
            # "criticized the West for slow arms deliveries": the conduct a party is blamed for, a noun too
            blamed = token.dep_ == "pobj" and token.head.lower_ in {"of", "for"}
            verb = token.head.head
            if blamed and not any(c.dep_ == "dobj" for c in verb.children):
                blamed = False  # "criticized the plans for a ceasefire": no party blamed, the plans condemned
            if (accused or blamed) and verb.lower_ in self.accusations:
                return True
            planned = any(
                c.dep_ == "aux" and (c.lower_ in self.future_aux or c.lower_ == "to") for c in token.children
            )
            if token.lower_ in self.act_verbs and is_verb(token) and not planned:
                # "completed the exchange of prisoners": carrying it out states no stance (but "would
                # conduct elections" announces one)
                return True
            if not planned and self._enacted(token):
                return True  # "Washington announced new sanctions": the measure taken, an act
            if is_verb(token) and token.lower_ not in self.act_verbs and token.dep_ != "xcomp":
                # only the cue's own verb tells whether it is an act done, with the verb its infinitive
                # hangs from ("chided Zelensky for refusing to recognise ...")
                break
        return False

    def _enacted(self, verb: Token) -> bool:
        """A verb of announcing whose object is a punishment, told as done ("unveiled new sanctions")."""
        return verb.lower_ in self.enacting and is_verb(verb) and self._punishment_object(verb)

    def _time_phrase(self, token: Token) -> bool:
        """Is the noun what a phrase of time names ("since the ceasefire", "ahead of the election", "in the
        leadup to the 2024 election")? A stance noun there is still stated ("after Merz's call for a
        truce")."""
        if token.dep_ != "pobj" or token.lower_ in self.stance_nouns:
            return False
        prep = token.head
        if prep.head.lower_ in self.marks or any(c.lower_ == "only" for c in prep.children):
            return False  # "until after a ceasefire", "only after a ceasefire": a condition, not a date
        return prep.lower_ in self.time_preps or (
            prep.dep_ == "prep" and prep.lower_ in {"of", "to"} and prep.head.lower_ in self.time_heads
        )

    def _possessor(self, token: Token, index: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
        """The party owning a noun on the cue's way up ("Kyiv's idea", "Russia's decision", "the US
        proposal")."""
        if is_verb(token) or token.dep_ in {"ROOT"}:
            return None
        for child in token.children:
            named = child.dep_ == "poss" or (
                child.dep_ in {"compound", "amod"} and token.lower_ in self.stance_nouns
            )
            if named and child.i in index:
                mention = index[child.i]
                if mention["party"] and mention["kind"] not in {"media", "place"}:
                    return mention
            if (
                child.dep_ == "poss"
                and child.lower_ in self.third_possessives
                and token.lower_ in self.stance_nouns
            ):
                return self._clause_subject(token, index)  # "Merkel remained steadfast in her opposition"
        if token.lower_ in self.stance_nouns:
            # "a US-backed proposal": the party in the participle before the noun
            return next(iter(self._proposers(token, index)), None)
        return None

    def _clause_subject(self, token: Token, index: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
        """The named party that is the subject of the clause a noun stands in (whom "her" in "Merkel
        remained steadfast in her opposition to ..." stands for)."""
        verb = next((a for a in token.ancestors if is_verb(a)), None)
        if verb is None or verb.lower_ in self.stance or verb.lower_ in self.speech:
            return None  # "Ukraine declared its readiness ...": the walk reaches the stating verb itself
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            # "MUNICH, Germany — Merkel remained ...": the parser may take the dateline for a subject too
            mention = None if _is_pronoun(subject, self.pronouns) else self._holder(subject, index)
            if mention is not None and mention["party"]:
                return mention
        return None

    def _unnamed_owner(self, token: Token, index: dict[int, dict[str, Any]]) -> bool:
        """A stance noun owned by someone who is not a named party ("the parties' readiness", "the
        negotiators' proposal"); a possessive pronoun ("its readiness") is its clause's subject's."""
        if token.lower_ not in self.stance_nouns or is_verb(token):
            return False
        return any(
            c.dep_ == "poss"
            and c.i not in index
            and c.lower_ not in self.possessive_pronouns
            and c.lower_ not in self.country_nouns  # "his country's aspiration": the holder's country
            for c in token.children
        )

    def _ceded_by_russia(self, cue: Span, index: dict[int, dict[str, Any]]) -> bool:
        """A ceding verb of a land cue whose subject is Russia's side ("Moscow would never give up Crimea",
        "Russia will not return the regions"): the cues are written for Ukraine ceding land."""
        verb = cue.root
        if verb.lower_ not in self.ceding or not is_verb(verb):
            return False
        subject = _subject_of(verb)
        party = self._holder(subject, index) if subject is not None else None
        return party is not None and "Russia" in _served(party)

    def _withdrawn(self, cue: Span) -> bool:
        """Is the cue what a withdrawal takes away ("withdraw foreign troops", "the withdrawal of troops")?"""
        head = governor(cue.root)
        return head != cue.root and head.lower_ in self.withdrawing

    def _withdrawing_side(
        self, cue: Span, agent: Token | None, index: dict[int, dict[str, Any]]
    ) -> str | None:
        """The way a withdrawal points on territory by the side withdrawing (``agent``, from _withdrawer):
        Russia's "away" (Ukraine keeps its land), Ukraine's "toward"; None when no side is told or nothing
        territorial is withdrawn."""
        root = cue.root
        forces = (agent is not None and agent.lower_ in self.troop_nouns) or any(
            c.dep_ == "dobj" and c.lower_ in self.troop_nouns for c in root.children
        )
        if self._foreign_forces_leave(root, agent, index):
            return "away"  # "urged to withdraw foreign troops from Ukraine": forces not Ukraine's leave it
        if agent is None or not (
            forces or (root.lower_ not in self.forces_only and self._from_land(root, index))
        ):
            return None
        party = self._party_named(agent, index)
        if party is None or not party["party"]:
            return None
        served = _served(party)
        if "Russia" in served and "Ukraine" not in served:
            return "away"
        if "Ukraine" in served and "Russia" not in served:
            return "toward"
        return None

    def _withdrawer(self, root: Token, index: dict[int, dict[str, Any]]) -> Token | None:
        """Who withdraws: a verb's subject, or the one urged to ("urged Russia to pull out", "called on
        Kyiv to retreat"); a noun's owner ("Russia's withdrawal", "a Russian withdrawal") or its forces
        ("the withdrawal of Ukrainian troops")."""
        if is_verb(root):
            subject = own_subject(root)
            if subject is not None or root.dep_ != "xcomp":
                return subject
            head = root.head
            on = [c for c in head.children if c.dep_ in {"prep", "prt"} and c.lower_ in {"on", "upon"}]
            urged = [c for c in head.children if c.dep_ == "dobj"] + [p for c in on for p in c.children]
            if urged or on:
                return next(iter(urged), None)  # "called on Kyiv to retreat": Kyiv, never the caller
            return next((c for c in head.children if c.dep_ == "nsubj"), None)
        owner = next(
            (c for c in root.children if c.dep_ in {"poss", "amod", "compound"} and c.i in index), None
        )
        if owner is not None:
            return owner
        if root.dep_ == "dobj" and root.head.lower_ in self.undertaking:
            # "it had begun a retreat from Kherson": who undertook it
            return next((c for c in root.head.children if c.dep_ == "nsubj"), None)
        return next(
            (p for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children), None
        )

    def _foreign_forces_leave(
        self, root: Token, agent: Token | None, index: dict[int, dict[str, Any]]
    ) -> bool:
        """Are forces called foreign told to leave Ukraine's land ("withdraw foreign troops from Ukraine",
        "the withdrawal of foreign troops from Ukraine")?"""
        of = [p for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        troops = [t for t in [agent, *root.children, *of] if t is not None and t.lower_ in self.troop_nouns]
        foreign = [t for t in troops if any(c.dep_ == "amod" and c.lower_ == "foreign" for c in t.children)]
        return any(self._from_land(head, index) for head in [root, *foreign]) if foreign else False

    def _from_land(self, root: Token, index: dict[int, dict[str, Any]]) -> bool:
        """Does the withdrawal leave land: "from Ukraine", "out of the occupied regions", "leave Donbas"?"""
        places = [c for c in root.children if c.dep_ == "dobj"]
        for prep in (c for c in root.children if c.dep_ == "prep"):
            inner = [p for p in prep.children if p.dep_ == "prep"] if prep.lower_ == "out" else [prep]
            places += [p for i in inner if i.lower_ in {"from", "of"} for p in i.children if p.dep_ == "pobj"]
        return any(
            p.lower_ in self.land_nouns
            or p.ent_type_ in {"GPE", "LOC"}
            or (p.i in index and index[p.i]["kind"] in {"country", "place"})
            for p in places
        )

    def _elsewhere(self, cue: Span) -> bool:
        """A cue placed in another conflict ("a ceasefire in Gaza", "a truce between Israel and Hamas")."""
        return any(
            prep.dep_ == "prep"
            and prep.lower_ in self.theatre_preps
            and any(t.lower_ in self.other_theatres for t in prep.subtree)
            for prep in cue.root.children
        )

    def _universal(self, cue: Span) -> bool:
        """Is the cue said of every party ("territorial integrity of all countries", "of every state",
        "countries' territorial integrity")? The words are read as written: the parser hangs such an "of" on
        any noun of a long list."""
        doc = cue.doc
        return self._owned_by_all(cue) or (
            cue.end + 2 < len(doc)
            and doc[cue.end].lower_ == "of"
            and doc[cue.end + 1].lower_ in self.universal_quantifiers
            and doc[cue.end + 2].lower_ in self.universal_nouns
        )

    def _owned_by_all(self, cue: Span) -> bool:
        """Is the cue's phrase owned by a bare plural of states ("respecting countries' sovereignty and
        territorial integrity"), every party at once? The owner may stand before a list the cue ends."""
        for token in reversed(cue.doc[cue.sent.start : cue.start]):
            if token.dep_ == "poss":
                return (
                    token.lower_.endswith("s")
                    and token.lower_ in self.universal_nouns
                    and not any(c.dep_ == "det" for c in token.children)
                )
            if token.dep_ not in {"case", "cc", "conj", "amod", "compound", "nmod", "dobj", "pobj", "punct"}:
                return False
        return False

    def _settlement_clause(self, head: Token) -> bool:
        """A main clause about a settlement itself: "an agreement is possible", "there will be no deal"."""
        return any(
            c.dep_ in {"nsubj", "nsubjpass", "attr"} and c.lower_ in self.settlement_nouns
            for c in head.children
        )

    def _describes(self, clause: Token) -> bool:
        """A relative clause describing a noun other than a document ("Switzerland, which has imposed
        sanctions"); what a plan "includes" or "envisages" is its issuer's (see ``issuing``)."""
        noun = clause.head
        # "a peace plan for peace, which includes ...": the clause hung on the plan's own phrase
        owner = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun
        return (
            clause.dep_ == "relcl"
            and noun.lower_ not in self.documents
            and owner.lower_ not in self.documents
            # "suggestions that Kyiv give up territory": a content clause the parser took for a relative one
            and noun.lower_ not in self.stance_nouns
            and any(c.lower_ in self.relative_pronouns for c in clause.children)
        )

    def _noncommittal(self, verb: Token) -> bool:
        """A stance verb negated with "yet" ("has not yet accepted") or in "has yet to accept"."""
        negated = any(c.dep_ == "neg" for c in verb.children)
        if negated and any(c.lower_ in self.noncommittal for c in verb.children):
            return True
        if verb.dep_ == "xcomp" and verb.head.lower_ in self.noncommittal_verbs:
            return True  # "failed to agree on new sanctions": no stance reached
        return verb.dep_ == "xcomp" and any(c.lower_ in self.noncommittal for c in verb.head.children)

    def _proposers(self, token: Token, index: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
        """Parties in a participle before the cue ("the US-proposed ceasefire", "a Turkish-brokered swap")."""
        found = []
        for child in token.children:
            if (
                child.dep_ in {"amod", "compound"}
                and child.lower_ in self.stance
                and child.i > token.left_edge.i
            ):
                for near in child.children:
                    mention = index.get(near.i)
                    if mention is not None and mention["party"] and mention["kind"] not in {"media", "place"}:
                        found.append(mention)
        return found

    def _backers(
        self, token: Token, index: dict[int, dict[str, Any]], *, turning: bool = False
    ) -> list[tuple[dict[str, Any], int]]:
        """Parties a participle after the noun names as backing it (1): "a deal accepted by Putin", "the
        plan, backed by France and Germany". A participle that turns the noun down names none ("a plan
        rejected by Moscow": when the cue sits inside the plan its reading depends on more than the verb,
        and a missed stance is cheaper than a flipped one), unless the noun is the cue itself (``turning``:
        "a ceasefire which Russia rejected"), whose rejecter is against it (-1)."""
        found: list[tuple[dict[str, Any], int]] = []
        for participle in token.children:
            if participle.dep_ not in {"acl", "relcl"}:
                continue
            turned = participle.lower_ in self.negators
            if participle.lower_ not in self.stance or (turned and not turning):
                continue
            if participle.lower_ in self.needs:
                continue  # "Patriots, which they desperately need": a need described, no stance stated
            if any(c.dep_ == "neg" for c in participle.children):
                continue
            agent = passive_agent(participle)
            if participle.dep_ == "relcl":
                # "a 30-day ceasefire, which Ukraine has accepted": the relative clause's subject, with the
                # noun as its object
                which = any(
                    c.dep_ == "dobj" and c.lower_ in self.relative_pronouns for c in participle.children
                )
                agent = next((c for c in participle.children if c.dep_ == "nsubj"), None) if which else None
            for party in [agent, *agent.conjuncts] if agent is not None else []:
                mention = self._mention(party, index)
                if mention is not None:
                    found.append((mention, -1 if turned else 1))
        return found

    def _judged_lacking(self, cue: Span, token: Token) -> bool:
        """Is the cue, as the subject of ``token``, condemned for what it lacks ("a ceasefire without
        guarantees would be a trap", "would only let Russia regroup")?"""
        if cue.root.head != token or cue.root.dep_ not in {"nsubj", "nsubjpass"}:
            return False
        if not any(self._exclusive(c) and c.lower_ == "without" for c in cue.root.children):
            return False
        restricted = any(c.dep_ == "advmod" and c.lower_ in self.benefit_restrictions for c in token.children)
        return restricted or any(
            c.dep_ in {"attr", "acomp", "oprd"} and self._condemns(c) for c in token.children
        )

    def _exclusive(self, token: Token) -> bool:
        """A phrase or clause of "without ..." or "before ...": under a negated verb, its condition."""
        if token.dep_ == "prep":
            return token.lower_ in self.exclusive_preps
        return token.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in self.exclusive_preps for m in token.children
        )

    def _side_clause(self, token: Token) -> bool:
        """An adverbial clause of contrast or time ("while ...", "although ...") beside the main one."""
        return token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in self.side_marks for c in token.children
        )

    def _asked(self, token: Token) -> bool:
        """Is the phrase headed by ``token`` the object of a condition phrase ("depends on Russia's
        readiness to ...") or what its owner is told it must do with it ("Ukraine must drop its bid to join
        NATO")? Then it names what is asked of that party, not its stance."""
        demanded = any(c.dep_ == "aux" and c.lower_ in self.deontic for c in token.head.children)
        own = any(c.dep_ == "poss" and c.lower_ in self.third_possessives for c in token.children)
        if demanded and ((token.dep_ == "dobj" and own) or token.dep_ == "nsubjpass"):
            # "Ukraine must drop its bid", "Ukraine's bid must be dropped": the owner is asked to act, and
            # whoever asks holds the stance
            return True
        start = token.left_edge.i
        longest = max((len(p) for p in self.condition_phrases), default=0)
        before = [t.lower_ for t in token.doc[max(0, start - longest) : start]]  # read once, not per phrase
        return any(
            len(before) >= len(p) and before[len(before) - len(p) :] == p for p in self.condition_phrases
        )

    def _expects_party(self, token: Token, below: list[Token], index: dict[int, dict[str, Any]]) -> bool:
        """ "expects Putin to stop fighting", "optimism that Russia would accept": a forecast whose clause
        has a party acting."""
        if any(c.dep_ == "dobj" and c.i in index for c in token.children):
            return True
        for clause in (t for t in below if t.head == token and t.dep_ in {"ccomp", "xcomp"}):
            if any(c.dep_ == "aux" and c.lower_ in self.deontic for c in clause.children):
                return False  # "thinks sanctions should be lifted": an opinion of what ought to be
            if any(
                c.dep_ in {"nsubj", "nsubjpass"} and _named_thing(c) and c not in below
                for c in clause.children
            ):
                return True  # "expected the talks to lead to a prisoner exchange": a thing expected to act
        return any(c.dep_ in {"nsubj", "nsubjpass"} and c.i in index for t in below for c in t.children)

    def _unstated_asker(self, token: Token, index: dict[int, dict[str, Any]]) -> bool:
        """A directive with a party as its object but no subject of its own ("persuading Russia to ...")."""
        if token.dep_ not in {"csubj", "pcomp", "pobj", "nsubj"}:
            return False
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            return False
        return any(c.dep_ == "dobj" and c.i in index for c in token.children)

    def _addressee(self, subject: Token, path: list[Token], position: int) -> bool:
        """Is ``subject`` the party asked to act rather than one taking a stance? The verb it is the
        subject of carries a deontic modal ("Ukraine must recognise ..."), or sits in the complement of a
        directive verb whose own subject is someone else ("demanded that Russia accept ...")."""
        owner = subject.head  # the verb whose subject it is (a conjunct may have lent it)
        if owner.dep_ == "agent":
            owner = owner.head  # "was accepted by Putin": the passive verb
        if any(c.dep_ == "aux" and c.lower_ in self.deontic for c in owner.children):
            return True
        # An auxiliary (a modal, or "was" of a passive) or a finite form ("Kyiv was open", "Kyiv agreed")
        # makes the complement a report, not a directive.
        modal = (
            any(c.dep_ in {"aux", "auxpass"} for c in owner.children)
            or owner.lower_ in self.finite_forms
            or owner.lower_.endswith("ed")
        )
        for k, above in enumerate(path[position + 1 :], start=position + 1):
            base = above.lower_
            strong = base in self.directives and base not in self.weak_directives
            weak = base in self.weak_directives and not modal
            if strong and not is_verb(above) and path[k - 1].dep_ in {"acl", "ccomp"}:
                # "Moscow's demand that Ukraine recognise ...": the clause says what is asked of Ukraine
                asker = next((c for c in above.children if c.dep_ == "poss"), None)
                return asker is None or asker != subject
            if not (strong or weak) or not (is_verb(above) or above.dep_ == "acomp"):
                continue
            if base.startswith("call") and not _calls_for(above):
                continue
            boss = self._subject(above)
            return boss is None or (boss != subject and subject not in boss.conjuncts)
        return False

    def _subject(self, verb: Token) -> Token | None:
        """The verb's subject; for a verb the parser took for a noun after a document ("the memorandum
        demands that ...", parsed as a compound noun), that document."""
        by = passive_agent(verb) or self._credited(verb)
        subject = by if by is not None else _subject_of(verb)  # "a deal accepted by Putin"
        if subject is None and verb.lower_ in self.adjectival:
            # "Zelensky is prepared for dialogue", parsed as a passive: the one prepared holds it
            subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and subject.lower_ in self.envoys:
            # "envoys from Ukraine, Russia and the OSCE approved ...": the parties they come from
            sent = next(
                (c for c in subject.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}), None
            )
            party = next((c for c in sent.children if c.dep_ == "pobj"), None) if sent is not None else None
            if party is not None:
                subject = party
        if subject is None and verb.lower_ in self.directives:
            subject = next(
                (c for c in verb.children if c.dep_ == "compound" and c.lower_ in self.documents), None
            )
        return subject

    def _party_named(self, token: Token, index: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
        """The party a noun phrase names, even when it does not resolve to a holder ("the Russian
        leader" names Russia); None for pronouns."""
        if _is_pronoun(token, self.pronouns):
            return None
        if token.i in index:
            return index[token.i]
        return next(
            (
                index[c.i]
                for c in token.children
                if c.dep_ in {"amod", "compound", "poss", "appos"} and c.i in index
            ),
            None,
        )

    def _open_question(self, cue: Span, path: list[Token]) -> bool:
        """The cue is asked about: the sentence is a question, its clause is a "whether" clause, or it
        hangs through a question word from "ask", "wonder" ("asked who would monitor a truce")."""
        if cue.sent.text.rstrip().rstrip("\"'”’)").endswith("?"):
            return True
        for token in path:
            if token.dep_ in {"ccomp", "csubj"} and any(
                c.dep_ == "mark" and c.lower_ in self.question_marks for c in token.children
            ):
                return True  # "to determine whether Putin truly wanted to talk": whatever verb asks it
            opening = token.left_edge
            if (
                token.dep_ in {"ccomp", "csubj"}
                and opening.lower_ in self.detail_words
                and opening.head == token
            ):
                return True  # "it is not important where the negotiations take place": the place is judged
            if (
                token.dep_ not in {"ccomp", "xcomp", "conj", "advcl"}
                or token.head.lower_ not in self.question_verbs
            ):
                continue
            words = [c for c in token.children if c.lower_ in self.question_words]
            words += [t for t in token.subtree if t.lower_ in {"who", "what", "which"} and t.head == token]
            if words:
                return True
        return False

    def _hypothetical(self, cue: Span, path: list[Token]) -> bool:
        """A hypothetical marker on the way from the cue to the holder's verb, or "even if" / "were to"."""
        for token in path:
            # "talks are possible only if troops withdraw": a possibility with its condition is conditional
            for child in [] if self._conditioned(token) else token.children:
                if child.lower_ in self.hypotheticals and child.dep_ in {
                    "advmod",
                    "npadvmod",
                    "advcl",
                    "prep",
                    "acomp",
                }:
                    return True
            if token.lower_ in self.hypotheticals:
                return True
        return False

    def _condition_clause(self, token: Token) -> bool:
        """Is the token the head of a condition clause ("if ...", "unless ...", "once ...")? Or the mark
        itself, when the parser made it a preposition governing the clause ("provided its partners help")?
        The parser may take a clause's opening "once" for an adverb ("once martial law ends")."""
        if token.dep_ == "prep" and token.lower_ in self.marks:
            return any(c.dep_ == "ccomp" for c in token.children)
        return token.dep_ == "advcl" and (
            any(
                (c.dep_ == "mark" or (c.dep_ == "advmod" and c.i == token.left_edge.i))
                and c.lower_ in self.marks
                for c in token.children
            )
            or self._inversion(token) is not None
        )

    def _inversion(self, verb: Token) -> Token | None:
        """The auxiliary that opens the verb's clause as a condition by inversion ("should Russia take the
        necessary steps"): it stands before the clause's subject, and the sentence asks nothing."""
        # Checked per path word of every cue: the auxiliary first, the sentence's text only when one stands.
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            return None
        auxiliary = next(
            (
                c
                for c in verb.children
                if c.dep_ == "aux" and c.lower_ in self.inverting and subject.left_edge.i == c.i + 1
            ),
            None,
        )
        if auxiliary is None or verb.sent.text.rstrip().endswith("?"):
            return None
        return auxiliary

    def _inverted_above(self, cue: Span, path: list[Token]) -> str | None:
        """The text of an inverted condition the parser made the head of the clause it conditions
        ("prepared to roll back sanctions should Russia take the necessary steps", with "take" above
        "prepared"), when the cue is in that clause, before the condition."""
        for token in path:
            auxiliary = self._inversion(token)
            if auxiliary is None or cue.start >= auxiliary.i or token.dep_ == "advcl":
                continue
            end = max(c.right_edge.i for c in token.children if c.i > auxiliary.i)
            return token.doc[auxiliary.i : max(end, token.i) + 1].text
        return None

    def _conditioned(self, verb: Token) -> bool:
        """Does a condition clause hang from the verb?"""
        return any(self._condition_clause(c) for c in verb.children)

    def _judged_short(self, path: list[Token]) -> bool:
        """Is what the path carries judged insufficient: "insufficient", or a negated "enough" (the "not"
        hangs from the copula the word completes)?"""
        for token in path:
            if token.lower_ in self.insufficiency:
                return True
            if token.lower_ in self.sufficiency:
                negated = [token, token.head] if token.dep_ in {"acomp", "attr"} else [token]
                if any(c.dep_ == "neg" for t in negated for c in t.children):
                    return True
        return False

    def _harm(self, cue: Span, path: list[Token], holder: dict[str, Any] | None) -> int:
        """-1 when the cue is the subject of a verb of harm that harms no party or the holder's own side
        ("any lifting of sanctions would weaken Ukraine's position", said by Zelensky); else 1."""
        sign = 1
        for position, token in enumerate(path[1:], start=1):
            below = path[position - 1]
            if below.dep_ not in {"nsubj", "nsubjpass", "csubj"}:
                continue
            benefit = (
                token.lower_ in self.benefit
                and any(c.dep_ == "advmod" and c.lower_ in self.benefit_restrictions for c in token.children)
            ) or any(c.dep_ == "attr" and c.lower_ in self.benefit_nouns for c in token.children)
            if token.lower_ not in self.harm and not benefit:
                continue
            named = self._affected(token)
            if benefit:
                # "would only allow Ukraine to rearm": against it when it helps the other side
                if named and holder is not None and not any(_same_side(m, [("", holder)]) for m in named):
                    sign = -sign
            elif not named or holder is None or any(_same_side(m, [("", holder)]) for m in named):
                sign = -sign
            elif not _served(holder) & self.russian_side and any("Ukraine" in _served(m) for m in named):
                sign = -sign  # "lifting sanctions would weaken Ukraine", said by one not on Russia's side
        return sign

    @staticmethod
    def _affected(verb: Token) -> list[dict[str, Any]]:
        """The parties named in what a verb of harm or benefit acts on."""
        acted_on = [
            t
            for c in verb.children
            if c.dep_ in {"dobj", "dative", "xcomp", "ccomp", "attr"}
            for t in c.subtree
        ]
        mentions = items(verb.doc, "accord_mentions")
        named = [next((m for m in mentions if m["tok_start"] <= t.i < m["tok_end"]), None) for t in acted_on]
        return [m for m in named if m is not None and m["party"]]

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

    def _path(self, cue: Span) -> list[Token]:
        """The cue's way up to the sentence's root; "is against" (or "is opposed to") taken on the way when
        the parser hung the gerund clause it governs on the copula ("was never against Ukraine joining
        NATO")."""
        path = [cue.root, *cue.root.ancestors]
        for position, token in enumerate(path[:-1]):
            above = path[position + 1]
            if token.dep_ != "advcl" or above.lower_ not in self.copulas:
                continue
            # "is opposed to Ukraine joining NATO": a stance adjective, hung there the same way
            against = [
                c
                for c in above.children
                if (self._opinion_prep(c) or (c.dep_ == "acomp" and c.lower_ in self.stance))
                and c.right_edge.i + 1 == token.left_edge.i
            ]
            if against:
                return [*path[: position + 1], against[0], *path[position + 1 :]]
        for position, token in enumerate(path[:-1]):
            noun = token.doc[token.i - 1] if token.i > 0 else None
            if (
                token.dep_ == "prep"
                and token.lower_ == "for"
                and noun is not None
                and noun.lower_ in self.stance_nouns
                and is_verb(path[position + 1])
                and path[position + 1] in (noun.head, noun.head.head)
            ):
                # "agreed to the US proposal for a ceasefire": the parser hung "for" on the verb; the
                # phrase is the proposal's
                return [*path[: position + 1], noun, *noun.ancestors]
        return path

    def _mention(self, token: Token, index: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
        mention: dict[str, Any] | None = index.get(token.i)
        named = [
            c for c in token.children if c.dep_ == "appos" and c.i in index and index[c.i]["kind"] == "person"
        ]
        if named and (mention is None or mention["name"] != index[named[0].i]["name"]):
            mention = index[
                named[0].i
            ]  # "the country's president, Arseniy Yatsenyuk": the name the text gives
        if mention is None:
            # "Foreign Minister, Sergei Lavrov", "President Putin"; but a place naming a thing ("the Minsk
            # deal proposes ...") is no holder.
            thing = token.lower_ in self.named_things or token.lower_ in self.documents
            # "a White House official said": an unnamed person holds nothing, whoever employs them (guide)
            unnamed = token.lower_ in self.unnamed_persons and not token.lower_.startswith("spokes")
            near = [
                c.i
                for c in token.children
                if c.i in index
                # "EU foreign ministers": the parser makes the body a compound, or an nmod past an adjective
                and (c.dep_ == "appos" or (c.dep_ in {"compound", "nmod"} and not thing and not unnamed))
            ]
            if near:
                mention = index[near[0]]
            elif token.lower_ not in self.unnamed_persons:
                mention = speaking_for(token, index, self.spokesbodies)
            # else "the Ukrainian representative said": an unnamed person, who holds nothing (guide v2)
        if mention is None and token.lower_ in self.first_person:
            return None  # "we", "I" outside a quotation: the article's or an interviewee's own voice
        if mention is None and token.lower_ in self.resolvable:
            mention = resolve_pronoun(token, index, self.quote_words)
        if mention is None or mention["kind"] in {"media", "place"} or not mention["party"]:
            return None  # positions belong to the parties the registry knows, not to commentators
        return mention

    def _sides(self, subject: Token, index: dict[int, dict[str, Any]]) -> list[dict[str, Any] | None]:
        """The parties of the last talks, meeting or call before ``subject`` ("both sides")."""
        if not any(t.lower_ in self.two_sides for t in subject.subtree):
            return []
        if any(t.lower_ == "all" for t in subject.subtree):
            return []  # "all sides agreed to a ceasefire": every party to the war, not the last talks' guests
        parties = _last_talks_parties(subject, index)
        collective = [m for m in parties if m["kind"] in {"country", "organization"}]
        return list(collective if len(collective) >= 2 else parties)

    def _gathered(self, subject: Token, index: dict[int, dict[str, Any]]) -> list[dict[str, Any] | None]:
        """The people of the last talks, meeting or call before ``subject`` ("the two presidents", "both
        leaders"), when the subject points back at them and as many are named as it counts."""
        words = [c.lower_ for c in subject.children if c.dep_ in {"det", "nummod", "predet"}]
        if not words or not set(words) & ({"the"} | set(self.counts)):
            return []  # "leaders agreed", "some leaders": no one in particular
        if any(c.dep_ in {"amod", "compound", "prep", "poss"} for c in subject.children):
            return []  # "the European leaders", "the leaders of ...": a group of its own
        people = [m for m in _last_talks_parties(subject, index) if m["kind"] == "person"]
        count = next((self.counts[w] for w in words if w in self.counts), None)
        if len(people) < 2 or (count is not None and len(people) != count):
            return []
        return list(people)

    def _credited(self, deed: Token) -> Token | None:
        """The one credited for a deed ("thanked Erdogan for having proposed talks"): the crediting verb's
        object did it, not its subject."""
        if deed.dep_ != "pcomp" or deed.head.lower_ != "for" or deed.head.head.lower_ not in self.crediting:
            return None
        return next((c for c in deed.head.head.children if c.dep_ == "dobj"), None)

    def _denied_noun(self, path: list[Token], stop: int) -> int:
        """-1 when the stating verb is the clause of a noun denied by "no" just above the stance's clause
        ("showed no willingness to agree to a ceasefire", "is in no hurry to sign"): the noun holds the
        verb's subject, and its "no" the verb's sign."""
        if not 0 < stop < len(path) or path[stop - 1].dep_ != "acl":
            return 1
        noun = path[stop]
        return -1 if any(c.dep_ == "det" and c.lower_ in self.negators for c in noun.children) else 1

    def _negation(self, cue: Span, path: list[Token]) -> int:
        """The sign the way up ``path`` from the cue gives it: each negator, reverser or negative evaluation
        on the way flips it; 0 when the way leaves the cue open ("did not rule out")."""
        sign = 1
        inside = set(range(cue.start, cue.end))
        for position, token in enumerate(path):
            below = path[position - 1] if position > 0 else None
            if below is not None and below.dep_ == "conj" and is_verb(below):
                break  # "refuses to give up land and insists on a ceasefire": one verb's "no" only
            if below is not None and below.dep_ == "conj" and not is_verb(below):
                continue  # "the withdrawal of troops and the release of prisoners": a list, not a reversal
            if below is not None and self._spliced(below, token):
                break  # "It doesn't join NATO, it doesn't join ...": the second clause's "not" is its own
            if (
                below is not None
                and below.i not in inside
                and _adverbial_clause(below)
                and not _gerund_object(below)
            ):
                break  # "did not sign, saying Ukraine would never give up land": the "not" is the signing's
            word = self._word_sign(token, below, inside)
            if word == 0:
                return 0
            sign *= word * self._modifier_sign(token, below, inside)
        return sign

    def _spliced(self, below: Token, token: Token) -> bool:
        """Whether ``below`` is a clause the parser hung under the next one across a comma although the
        verb takes no clause: a comma splice, two statements side by side."""
        if (
            below.dep_ != "ccomp"
            or below.i > token.i
            or token.lower_ in self.speech
            or token.lower_ in self.stance
        ):
            return False
        return any(t.text == "," for t in token.doc[below.right_edge.i + 1 : token.i])

    def _word_sign(self, token: Token, below: Token | None, inside: set[int]) -> int:
        """The sign a word on the path gives the cue: -1 for a negator or reverser (or the phrase set aside),
        0 for a negated phrasal or open negation that leaves the cue open."""
        sign = 1
        subject_side = _subject_link(below)
        # A verb of harm with the cue as its subject depends on who is harmed: see _harm.
        harm = subject_side and token.lower_ in self.harm
        # A reverser verb reached through an adjunct ("end the war without providing X") is not undoing X.
        adjunct = (
            below is not None
            and ((below.dep_ == "prep" and below.lower_ in self.adjunct_preps) or below.dep_ == "advcl")
            and token.lower_ in self.reverser_verbs
            and is_verb(token)  # a noun's "in" is its argument: "the delay in arms deliveries"
            and not self._asked_by_object(token, below)
            and not _gerund_object(below)
        )
        if token.i not in inside and token.lower_ in self.negators and not harm and not adjunct:
            sign = -sign
        if self._shared_head(token) is not None:
            sign = -sign
        if token.dep_ in {"conj", "pobj"} and self._set_aside(token):
            sign = -sign  # "a peace agreement rather than a mere ceasefire": the one set aside
        if token.lower_ in self.prices and token.dep_ == "pobj" and token.head.lower_ == "at":
            sign = -sign  # "peace at the price of territorial integrity": the thing paid is given up
        particle = self.phrasals.get(token.lower_)
        if (
            particle
            and token.i not in inside  # "give up territory" is itself the cue, not its undoing
            and not subject_side
            and any(c.dep_ == "prt" and c.lower_ == particle for c in token.children)
        ):
            if any(c.dep_ == "neg" for c in token.children) and token.lower_ in self.open_phrasals:
                return 0  # "did not rule out": open to it, not committed
            sign = -sign
        if token.lower_ in self.open_negations and any(c.dep_ == "neg" for c in token.children):
            return 0  # "does not exclude a ceasefire": as "did not rule out"
        return sign

    def _asked_by_object(self, verb: Token, clause: Token) -> bool:
        """Is ``clause`` the infinitive of the verb's asking object, which the parser hung on the verb
        ("resisted calls to send missiles": what the calls ask for, not the resisting's purpose)?"""
        return (
            clause.dep_ == "advcl"
            and is_infinitive(clause)
            and any(
                c.dep_ == "dobj" and c.lower_ in self.asking_nouns and c.i < clause.i for c in verb.children
            )
        )

    def _undone_by_clause(self, noun: Token, clause: Token) -> bool:
        """Is ``clause`` an infinitive undoing verb with no object of its own, hung on the object of a verb
        ("wants shipments of weapons to stop", "demands sanctions to end"): the object is what is undone?"""
        return (
            noun.dep_ == "dobj"
            and clause.dep_ == "acl"
            and clause.i > noun.i
            and clause.lower_ in self.reverser_verbs
            and is_verb(clause)
            and is_infinitive(clause)
            and not any(c.dep_ in {"dobj", "nsubj", "nsubjpass"} for c in clause.children)
        )

    def _undone_in_passing(self, clause: Token) -> bool:
        """Is ``clause`` a passive undoing "being" done to its noun ("sanctions being revoked")?"""
        return (
            clause.dep_ == "acl"
            and clause.lower_ in self.reverser_verbs
            and any(c.dep_ == "auxpass" and c.lower_ == "being" for c in clause.children)
        )

    def _told_ending(self, verb: Token) -> bool:
        """Is the verb an undoing told of its subject as a plain fact ("the talks ended without a deal", "the
        ceasefire has ended"), with no modal, infinitive or negation making it asked for or denied?"""
        if verb.lower_ not in self.reverser_verbs or not is_verb(verb):
            return False
        if any(c.dep_ == "dobj" for c in verb.children):
            return False  # "Russia ended the truce": its subject acts on an object
        return not any(
            (c.dep_ == "aux" and c.lower_ not in self.tense_auxiliaries) or c.dep_ == "neg"
            for c in verb.children
        )

    def _adjunct_of(self, below: Token | None) -> bool:
        """Is the path coming up through an adjunct of a verb ("as part of any security guarantee, there will
        not be troops"), whose phrase the verb's "not" does not deny?"""
        return below is not None and below.dep_ == "prep" and below.lower_ in self.unnegated_adjuncts

    def _modifier_sign(self, token: Token, below: Token | None, inside: set[int]) -> int:
        """The sign the words hanging from a path word give the cue: a "not", a negating modifier, "no
        longer", a negative evaluation of what the cue's clause says."""
        # "it would be wrong to lift sanctions": the infinitive is what is judged
        sign = -1 if self._judged_infinitive(token, below) else 1
        subject_side = _subject_link(below)
        firm = subject_side and self._firm(token)
        for child in token.children:
            if child.i in inside or child == below:
                continue  # the word the path came up through was counted as a token of the path
            if child.dep_ == "neg":
                if not firm and not (is_verb(token) and self._adjunct_of(below)):
                    sign = -sign  # (but "integrity is not up for negotiation" upholds integrity)
            elif (
                child.dep_ == "compound"
                and child.i < token.i
                and child.lower_ in self.reverser_verbs
                and token.lower_ not in self.time_nouns  # "the end date of the truce" is a date
            ):
                sign = -sign  # "demanded that the West halt arms deliveries": the verb parsed as a compound
            elif self._object_before_prep(child, below):
                # "supports a halt to strikes", "sees no point in a ceasefire": the phrase the parser hung
                # on the verb belongs to the object before it
                sign = -sign
            elif (
                child.dep_ in {"det", "amod", "acomp"}
                and child.lower_ in self.negators
                and not (child.dep_ == "amod" and child.lower_ in self.narrowing)
            ):
                sign = -sign
            elif self._undone_by_clause(token, child) or self._undone_in_passing(child):
                sign = -sign  # "wants weapons shipments to stop", "for sanctions being revoked"
            elif (
                child.dep_ == "advmod"
                and child.lower_ == "longer"
                and any(g.lower_ == "no" for g in child.children)
            ):
                sign = -sign  # "is no longer seeking membership"
            elif child.dep_ == "attr" and any(
                g.dep_ == "amod" and g.lower_ in self.negators for g in child.children
            ):
                sign = -sign  # "... was an unrealistic objective"
            elif (
                below is not None
                and below.dep_ == "dobj"
                and token.lower_ not in self.negators  # "rejected the swap as inconceivable": one "no"
                and (child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ == "as"))
                and self._condemns(child)
            ):
                sign = -sign  # "would regard any Western troops as legitimate targets"
            elif (
                subject_side
                and token.lower_ not in self.negators  # "was dismissed by Moscow as unrealistic": one "no"
                and child.dep_ in {"attr", "acomp", "oprd", "prep"}
                and self._condemns(child)
            ):
                sign = -sign  # "foreign troops would be legitimate targets"
        return sign

    def _judged_infinitive(self, token: Token, below: Token | None) -> bool:
        """Is ``below`` an infinitive that a dummy "it" stands for, judged by a negative evaluation: the
        copula's complement ("it would be wrong to lift sanctions") or the noun it hangs on ("it would be a
        mistake to reject the plan")?"""
        if below is None or not is_verb(below) or not is_infinitive(below):
            return False
        if below.dep_ == "xcomp" and token.lower_ in self.copulas and _dummy_subject(token):
            return any(c.dep_ in {"acomp", "attr"} and self._condemns(c) for c in token.children)
        if below.dep_ in {"acl", "relcl"} and token.dep_ == "attr" and token.head.lower_ in self.copulas:
            if any(c.dep_ in {"det", "amod"} and c.lower_ in self.negators for c in token.children):
                return False  # "an unrealistic objective to ...": the modifier's own "no" is counted once
            judged = set(below.subtree)
            words = [t.lower_ for t in token.subtree if t not in judged]
            return _dummy_subject(token.head) and any(_contains(words, p) for p in self.evaluations)
        return False

    def _object_before_prep(self, child: Token, below: Token | None) -> bool:
        """Is ``child`` the verb's object, just before the preposition ``below`` that the parser hung on the
        verb, and one that undoes what follows it: a reverser ("a halt to"), or a "no" with a noun of worth
        or need ("no point in", "no need for")?"""
        if below is None or below.dep_ != "prep" or child.dep_ != "dobj" or child.right_edge.i + 1 != below.i:
            return False
        if below.lower_ == "to" and child.lower_ in self.reversers:
            return True
        return (
            below.lower_ in {"in", "for"}
            and child.lower_ in self.worth_nouns
            and any(c.dep_ == "det" and c.lower_ == "no" for c in child.children)
        )

    def _refused(self, path: list[Token]) -> bool:
        """A refusal or a negated verb on the way from the cue to the holder's verb."""
        return any(t.lower_ in self.refusals or any(c.dep_ == "neg" for c in t.children) for t in path)

    def _set_aside(self, token: Token) -> bool:
        """Is the phrase headed by ``token`` introduced by "rather than" or "instead of"? (The parser makes
        it a conjunct or an object of "than"; the words before the phrase decide either way.)"""
        start = token.left_edge.i
        doc = token.doc
        return any(
            start >= len(a) and [t.lower_ for t in doc[start - len(a) : start]] == a
            for a in self.alternatives
        )

    def _condemns(self, complement: Token) -> bool:
        """A negative evaluation in the complement's phrase ("a direct threat", "legitimate targets")."""
        words = [t.lower_ for t in complement.subtree]
        return any(_contains(words, p) for p in self.evaluations)

    def _shared_head(self, token: Token) -> Token | None:
        """ "a halt to mobilisation and to arms deliveries": a repeated preposition that the parser hung
        elsewhere continues the complement of the reverser before its first occurrence."""
        if token.dep_ != "conj" or not any(c.dep_ == "pobj" for c in token.children):
            return None
        if token.head.lower_ == token.lower_:
            return None  # the parser joined the two prepositions: the path already runs through the first
        for earlier in reversed(token.sent[: token.i - token.sent.start]):
            if earlier.lower_ == token.lower_ and earlier.i > 0:
                noun = token.doc[earlier.i - 1]
                return noun if noun.lower_ in self.reversers else None
        return None

    def _firm(self, token: Token) -> bool:
        words = [
            t.lower_ for c in token.children if c.dep_ not in {"nsubj", "nsubjpass", "neg"} for t in c.subtree
        ]
        return any(_contains(words, p) for p in self.firm)

    def _condition(
        self, cue: Span, path: list[Token], others: list[Span]
    ) -> tuple[int | None, str | None, bool]:
        """Where the condition holding the cue ends on its path (None when the cue is not inside one;
        -1 when the main clause has no issue of its own), the text of a condition on the cue, and whether
        that condition is a trade ("in exchange for ...")."""
        if self._in_premise(cue):
            return -1, None, False  # "called for talks in the event of a ceasefire": supposed, not asked for
        for position, token in enumerate(path):
            if self._condition_clause(token) and self._concessive(token):
                return -1, None, False  # "would support a ceasefire even if Russia refuses talks": supposed
            if self._holds_condition(token):
                return self._condition_end(cue, token, position, others), None, False
            if self._restricts(cue, token):
                return None, token.sent.text, False
        for below, token in zip([None, *path], path, strict=False):
            condition = self._condition_on(cue, below, token)
            if condition is not None:
                return None, condition, False
        inverted = self._inverted_above(cue, path)
        if inverted is not None:
            return None, inverted, False
        reservation = self._reservation(cue, path)
        if reservation is not None:
            return None, reservation, False
        return self._condition_phrase(cue)

    def _reservation(self, cue: Span, path: list[Token]) -> str | None:
        """A reservation that makes the stance conditional: terms set with "under" ("open to a meeting
        under the right conditions"), or a "but" clause that adds one ("in favour of a ceasefire, but
        there are nuances"; "ready for a dialogue, but with another President")."""
        for token in path:
            for child in token.children:
                if (
                    child.dep_ == "prep"
                    and child.lower_ in self.terms_preps
                    and self._sets_terms(child)
                    and not _of_something(child)
                ):
                    return _clause_text(child)
            if not any(c.dep_ == "cc" and c.lower_ == "but" for c in token.children):
                continue
            for conj in token.children:
                if conj.dep_ != "conj" or conj.i < cue.end:
                    continue
                existential = any(c.dep_ == "expl" for c in conj.children) and any(
                    c.dep_ == "attr" and c.lower_ in self.reservation_nouns for c in conj.children
                )
                # "accepted the meeting 'in principle' but only 'if an invasion hasn't happened'": the
                # parser hangs the condition on the verb above as a clause of its own
                conditioned = any(c.dep_ == "mark" and c.lower_ in self.marks for c in conj.children)
                if existential or conditioned or conj.lower_ in self.restrictive:
                    return token.doc[conj.left_edge.i : conj.right_edge.i + 1].text
        return None

    def _holds_condition(self, token: Token) -> bool:
        """Is the path word the head of a condition ("if ...", "in exchange for ...", "until after ...")?"""
        inside = self._condition_clause(token) or self._price_asked(token)
        if token.dep_ == "pobj" and (
            token.head.lower_ in self.marks
            or (token.head.dep_ in {"pcomp", "prep"} and token.head.head.lower_ in self.marks)
        ):
            inside = True  # "no talks on territory until after a ceasefire": the ceasefire is asked for
        if token.dep_ == "pobj" and token.lower_ in self.condition_nouns and token.head.lower_ == "on":
            # "open to talks, but only on the condition that Russia return the occupied lands": the
            # path came up through the condition's own clause
            inside = any(c.dep_ in {"acl", "relcl", "ccomp"} for c in token.children)
        return inside

    def _price_asked(self, token: Token) -> bool:
        """Is the token what a trade asks in return ("in exchange for security guarantees", "in return for
        lifting sanctions")?"""
        return (
            token.dep_ in {"pobj", "pcomp"}
            and token.head.lower_ == "for"
            and token.head.head.lower_ in self.trade_nouns
        )

    def _condition_end(self, cue: Span, token: Token, position: int, others: list[Span]) -> int:
        """Where the condition headed by the path word ``token`` ends on the path; -1 when the main clause
        has no issue of its own and states nothing."""
        clause = set(range(token.left_edge.i, token.right_edge.i + 1))
        if not any(o.start not in clause and o.sent == cue.sent for o in others):
            # "an agreement is possible only if Russian forces withdraw": the condition of a
            # settlement is what the speaker asks for, and so is a threat's ("threatened to punish Russia
            # if the Kremlin fails to reach a ceasefire deal"); any other main clause states nothing
            # So is the price asked in a trade ("ready to help in exchange for sanctions being revoked").
            wanted = (
                self._settlement_clause(token.head)
                or self._threat(token, token.head)
                or self._price_asked(token)
            )
            return position + 1 if wanted else -1
        return position + 1

    def _restricts(self, cue: Span, token: Token) -> bool:
        """Does the path word make the cue conditional: "only with", "not without", a price "for" it, a
        threat offered as the alternative?"""
        if any(c.dep_ == "advmod" and c.lower_ == "only" for c in token.children) and any(
            c.dep_ in {"prep", "advcl"} and c.lower_ in self.restrictive
            for c in [*token.children, *cue.root.children]
        ):
            # "could only be enacted with Moscow's cooperation", "will only accept a ceasefire with
            # security guarantees" (the parser hangs the restriction on the cue)
            return True
        if any(
            c.dep_ == "prep"
            and (c.lower_ in self.restrictive - self.argument_preps or self._on_terms(c))
            and any(g.lower_ == "only" for g in c.children)
            for c in [*token.children, *cue.root.children]
        ):
            return True  # "prepared for dialogue but only under equitable circumstances"
        if any(c.dep_ == "neg" for c in token.children) and any(
            self._exclusive(c) for c in [*token.children, *cue.root.children]
        ):
            # "would not accept a ceasefire without security guarantees": only with them
            return True
        if self._judged_lacking(cue, token):
            return True  # "a ceasefire without guarantees would only let Russia regroup": only with them
        price = token.head.head
        if (
            token.dep_ in {"pobj", "pcomp"}  # "the key condition for ending the conflict"
            and token.head.lower_ == "for"
            and price.lower_ in self.exchange_heads
            # "Russia's demand for neutrality": the noun names what is wanted, no price of anything
            and not (price.lower_ in self.asking_nouns and not is_verb(price))
        ):
            return True
        # "accept a truce or face new sanctions": the sanctions are threatened on a condition
        return (
            token.lower_ in self.threats
            and token.dep_ == "conj"
            and any(c.dep_ == "cc" and c.lower_ == "or" for c in token.head.children)
        )

    def _on_terms(self, prep: Token) -> bool:
        """ "on the basis of", "on the terms of", "on condition that": "on" setting terms, not an argument."""
        return prep.lower_ == "on" and self._sets_terms(prep)

    def _sets_terms(self, prep: Token) -> bool:
        """Does the preposition's object name terms ("the basis", "the right conditions")?"""
        return any(p.dep_ == "pobj" and p.lower_ in self.terms_nouns for p in prep.children)

    def _condition_on(self, cue: Span, below: Token | None, token: Token) -> str | None:
        """The text of a condition a path word puts on the cue: a hedge, a qualifying clause, a
        conditional clause hanging from it."""
        # "considers a ceasefire impossible": a judgement of what its complement says, no bargaining
        judged = below is not None and below.dep_ in {"ccomp", "oprd"}
        # "asked Zelensky to consider a ceasefire": the one asked weighs it, the one asking wants it
        urged = token.dep_ == "xcomp" and token.head.lower_ in self.directives
        if token.lower_ in self.hedges and token not in cue and not judged and not urged:
            return token.sent.text  # "open to revisiting", "compromise on": bargaining
        qualifier = self._qualifier(token)
        if qualifier is not None and token not in cue and cue.root not in qualifier.subtree:
            return _clause_text(qualifier)
        clause = next(
            (c for c in token.children if self._condition_clause(c) and not self._concessive(c)), None
        )
        return _clause_text(clause) if clause is not None else None

    def _concessive(self, clause: Token) -> bool:
        """Is the condition clause concessive ("even if Russia refuses")? The stance above it holds whatever
        happens, and what the clause supposes is asked for by no one."""
        return any(c.dep_ == "advmod" and c.lower_ in self.concessive for c in clause.children)

    def _in_premise(self, cue: Span) -> bool:
        """Is the cue what a premise phrase supposes ("in the event of a ceasefire", "in case of an
        escalation")?"""
        sentence = [t.lower_ for t in cue.sent]
        for phrase in self.premise_phrases:
            n = len(phrase)
            for i in _phrase_starts(sentence, phrase):
                # "in the event of X": X hangs from "in"; "in the event that X happens": from the mark's verb
                last = cue.sent[i + n - 1]
                scope = last.head if last.dep_ == "mark" else cue.sent[i]
                if scope.left_edge.i <= cue.root.i <= scope.right_edge.i and cue.start >= cue.sent[i].i + n:
                    return True
        return False

    def _condition_phrase(self, cue: Span) -> tuple[int | None, str | None, bool]:
        """A condition phrase in the cue's sentence ("on condition that", "in exchange for") after the cue:
        the sentence from there is the condition."""
        for i, phrase in self._condition_phrases_in(cue.sent):
            before = [t.lower_ for t in cue.sent[max(0, i - 2) : i]]
            if cue.start <= cue.sent.start + i < cue.end:
                continue
            if any(w in self.unconditional for w in before):
                continue  # "a truce without preconditions": no condition at all
            after = cue.sent[i + len(phrase) : i + len(phrase) + 1]
            if after.text.lower() in self.degree_words:
                continue  # "as soon as possible", "as long as necessary": a degree, no condition
            if phrase in self.premise_phrases:
                head = cue.sent[i].head
                if not head.left_edge.i <= cue.root.i <= head.right_edge.i:
                    continue  # "agree to neutrality, but receive help in the event of aggression"
            elif cue.start >= cue.sent.start + i + len(phrase):
                continue  # "dependent on the US lifting sanctions": the cue is what is asked for
            if "as" in before:
                continue  # "the lifting of sanctions as a precondition for ...": the cue is the demand
            return None, cue.sent[i:].text, phrase in self.trade_phrases
        return None, None, False


def _coordinate_subject(clause: Token) -> Token | None:
    """The own subject of a coordinate clause ("..., but the Kremlin dismissed it": the Kremlin), or None."""
    return own_subject(clause) if clause.dep_ == "conj" and is_verb(clause) else None


def _by_start(match: tuple[int, int, int]) -> tuple[int, int]:
    """Cue matches in text order, the longest first where two start together."""
    return match[1], -(match[2] - match[1])


def _longest_first(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The cues that overlap no longer one, by start: "recognise the annexation of Crimea" over "never
    recognise", which shares a word with it."""
    covered: set[int] = set()
    kept = []
    for match in sorted(matches, key=lambda m: (-(m[2] - m[1]), m[1])):
        if not any(i in covered for i in range(match[1], match[2])):
            covered.update(range(match[1], match[2]))
            kept.append(match)
    return sorted(kept, key=_by_start)


def _record(found: dict[tuple[str, str, str], dict[str, Any]], cue: Span, issue: str, held: Held) -> None:
    """A held position under its issue (and under Crimea for territory in a sentence naming Crimea), its
    mention marked as acting; the first position found for an (actor, issue, stance) stays."""
    actor, stance, condition, mention = held
    if mention is not None:
        mark_acting(mention)
    issues = [issue]
    if issue == "territory" and "crimea" in cue.sent.text.lower():
        issues.append("crimea")
    for one in issues:
        key = (actor, one, stance)
        if key not in found:
            found[key] = {
                **provenance(cue.doc, cue.start_char, cue.end_char),
                "actor": actor,
                "issue": one,
                "stance": stance,
                "condition": condition,
                "score": 1.0,
            }


def _one_per_stance(found: dict[tuple[str, str, str], dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per (actor, issue, stance); a conditional stance replaces the unconditional ones."""
    conditional = {(a, i) for (a, i, s) in found if s == "conditional"}
    return [
        item
        for (actor, issue, stance), item in found.items()
        if not (stance != "conditional" and (actor, issue) in conditional)
    ]


def _named_person(token: Token, index: dict[int, dict[str, Any]]) -> bool:
    """Does the noun have a person's name in apposition ("the envoy, Steve Witkoff,")?"""
    return any(c.dep_ == "appos" and c.i in index and index[c.i]["kind"] == "person" for c in token.children)


def _fragment_of_another(quote: dict[str, Any], search: _Search) -> bool:
    """Does the quotation continue a clause whose subject, outside it, is another named person ('Merkel said
    Putin had "committed to working towards ..."')? The speaker quotes that person's words, not their own."""
    sent = search.cue.sent
    first = next((t for t in sent if t.idx >= quote["start"] and not t.is_punct and not t.is_space), None)
    if first is None or first.idx >= quote["end"]:
        return False
    verb = first if is_verb(first) else first.head
    subject = own_subject(verb)
    if subject is None or subject.idx >= quote["start"]:
        return False
    mention = search.index.get(subject.i)
    return mention is not None and mention["kind"] == "person" and mention["name"] != quote["speaker"]


def _adverbial_clause(token: Token) -> bool:
    """An adverbial clause that is a statement of its own ("..., saying ...", "..., demanding ..."), not a
    purpose the main verb is negated with ("did not come to demand ...")."""
    return token.dep_ == "advcl" and not is_infinitive(token)


def _shared_subject(subject: Token, pair_words: set[str]) -> Token | None:
    """The coordinated subject a bare "both" stands for when its verb is the second of two ("Putin and
    Zelensky discussed the conflict and both expressed support for a ceasefire"): the first verb's."""
    verb = subject.head
    if subject.lower_ not in pair_words or list(subject.children) or verb.dep_ != "conj":
        return None
    first = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return first if first is not None and first.conjuncts else None


def _gerund_object(clause: Token) -> bool:
    """A gerund right after its verb that the parser made an adverbial clause ("opposed using frozen
    assets"): the verb's object, not an adjunct (which a comma or a subject of its own would set apart)."""
    return clause.dep_ == "advcl" and clause.lower_.endswith("ing") and clause.i == clause.head.i + 1


def _dummy_subject(verb: Token) -> bool:
    """Is the verb's subject a dummy "it" standing for a clause after it ("it would be wrong to ...")?"""
    return any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in verb.children)


def _subject_link(below: Token | None) -> bool:
    """Did the path come up to its word from the word's subject?"""
    return below is not None and below.dep_ in {"nsubj", "nsubjpass", "csubj"}


def _plural_last(cue: str, function_words: frozenset[str]) -> str:
    """The cue with its last word in the plural, for a phrase ending in a noun ("constitutional reform" ->
    "constitutional reforms"); a word already ending in "s" or a function word stays as it is."""
    *head, last = cue.split()
    if not last.isalpha() or last.endswith("s") or last in function_words:
        return cue
    plural = last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in "aeiou" else last + "s"
    return " ".join([*head, plural])


# What may stand between a cue's words when they are the object's own modifiers. Sets of dependency labels
# (here and below) are the parser's grammar, not words: they stay in code.
OBJECT_MODIFIERS = frozenset(
    {"det", "amod", "nummod", "compound", "poss", "quantmod", "advmod", "predet", "case"}
)


def _spread_cues(
    doc: Doc,
    spread: dict[str, list[tuple[int, tuple[str, ...], str, bool]]],
    articles: frozenset[str],
    pronouns: set[str],
) -> list[tuple[int, int, int]]:
    """Cues whose words are apart only by the modifiers of the cue's last word: the last word is the
    object of the first ("swap 1,000 prisoners", "an exchange of all prisoners"), directly or through
    the cue's middle words ("give up any territory"), every other word between modifies it, and one of
    them is more than an article."""
    found: list[tuple[int, int, int]] = []
    for head in doc:
        entries = spread.get(head.lower_, ())
        if not entries:
            continue
        sent = head.sent  # found once per head: spaCy builds the sentence span anew at each call
        following = list(sent[head.i - sent.start + 1 :][:8])
        for key, middle, last, article in entries:
            for noun in following:
                if noun.lower_ != last or noun.dep_ not in {"dobj", "pobj"}:
                    continue
                links = [t for t in doc[head.i + 1 : noun.i] if t.lower_ in middle]
                part = _partitive_part(noun)  # "cede any of its territory": "any" is the object
                if part is not None and part.head in {head, *links}:
                    links += [part, noun.head]
                chain_ok = noun.head == head or (
                    noun.head in links and (noun.head.head == head or noun.head.head in links)
                )
                if not chain_ok or [t.lower_ for t in links if t.lower_ in middle] != list(middle):
                    continue
                between = [t for t in doc[head.i + 1 : noun.i] if t not in links]
                if part is not None and part in links and not between:
                    found.append((key, head.i, noun.i + 1))
                    continue
                if article and any(t.dep_ == "poss" and t.lower_ not in pronouns for t in between):
                    continue  # the cue's article as "its" is the holder's; "end Russia's war" names another
                if any(t.lower_ not in articles for t in between) and all(
                    t.dep_ in OBJECT_MODIFIERS and (t.head == noun or t.head in between) for t in between
                ):
                    found.append((key, head.i, noun.i + 1))
    return found


def _anaphoric_cues(
    doc: Doc, matches: list[tuple[int, int, int]], anaphors: set[str]
) -> list[tuple[int, int, int]]:
    """ "such a swap", "this truce": a noun pointing back at an issue cue that holds the same word."""
    earlier: dict[str, tuple[int, int]] = {}  # word -> (match id, position of the cue's end)
    for match_id, start, end in matches:
        # the cue's head word only: "this contact line" does not point back at "freeze the front line"
        head = doc[start:end].root
        if len(head.text) > 3:
            earlier.setdefault(head.lower_, (match_id, end))
    found: list[tuple[int, int, int]] = []
    for token in doc:
        pointer = any(c.dep_ in {"det", "predet", "amod"} and c.lower_ in anaphors for c in token.children)
        if not pointer or token.lower_ not in earlier:
            continue
        match_id, cue_end = earlier[token.lower_]
        if cue_end <= token.i:
            found.append((match_id, token.i, token.i + 1))
    return found


def _answered_cues(
    doc: Doc,
    matches: list[tuple[int, int, int]],
    answered: frozenset[str],
    asked_as_named: Callable[[Span], bool],
) -> list[tuple[int, int, int]]:
    """ "Merz called for a ceasefire, but the Kremlin dismissed the demand": the object of a later clause's
    verb that answers what the sentence asked for before it, when it asked for one issue only, as its words
    say (``asked_as_named``, judged only for sentences with an answer)."""
    found: list[tuple[int, int, int]] = []
    for token in doc:
        if token.lower_ not in answered or token.dep_ not in {"dobj", "nsubjpass"}:
            continue
        determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
        if token.lower_ != "it" and not determiners & {"the", "this", "that"}:
            continue  # "a proposal" is another one; "the proposal", "this idea", "it" point back
        if any(c.dep_ in {"prep", "acl", "relcl"} for c in token.children):
            continue  # "the idea of any negotiations", "the proposal to meet": it says what it is
        asked = _asked_before(doc, matches, token.sent.start, token.i, asked_as_named)
        if not asked and determiners & {"this", "that"} and token.sent.start > 0:
            # "Germany wants UN troops deployed. Russia opposes this idea.": a demonstrative points back
            # past its sentence's start, at the sentence before when its own asked for nothing
            # ("Putin met Trump. Russia rejected this proposal.": talks told as done were not asked for)
            before = doc[token.sent.start - 1].sent
            asked = [
                (key, e)
                for key, e in _asked_before(doc, matches, before.start, before.end, asked_as_named)
                if not key.endswith("|proposed")
            ]
        keys = {key for key, _ in asked if not key.endswith("|none")}
        if len(keys) != 1 or len({key.split("|")[0] for key in keys}) != 1:
            continue
        (key,) = keys
        if token.head.i <= max(e for k, e in asked if k == key):
            continue  # the answer comes after what it answers, in its sentence
        found.append((doc.vocab.strings[key], token.i, token.i + 1))
    return found


def _in_a_partys_label(token: Token, index: dict[int, dict[str, Any]]) -> bool:
    """Is the token a named party's label or inside one, no verb between them: its compound ("NATO member
    Turkey") or a noun phrase set beside it ("Turkey, a NATO member,", "candidate in the elections, Donald
    Trump")?"""
    if token.dep_ == "compound" and token.head.i in index:
        return True
    while True:
        if any(c.dep_ == "appos" and c.i in index for c in token.children):
            return True
        if token.dep_ == "appos" and token.head.i in index:
            return True
        if token.dep_ not in {"pobj", "prep", "compound", "amod", "conj"} or is_verb(token.head):
            return False
        token = token.head


def _asked_before(
    doc: Doc,
    matches: list[tuple[int, int, int]],
    start: int,
    end: int,
    asked_as_named: Callable[[Span], bool],
) -> list[tuple[str, int]]:
    """The issue cues between ``start`` and ``end`` asked for as their words say, with their ends."""
    return [
        (doc.vocab.strings[m], e)
        for m, s, e in matches
        if start <= s and e <= end and asked_as_named(doc[s:e])
    ]


def _supply_noun(root: Token) -> Token:
    """The noun a weapon word is part of: "deliveries" in "weapons deliveries" and "supplies of weapons"."""
    if root.dep_ == "compound":
        return root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.dep_ == "prep":
        return root.head.head
    return root


def _to_or_for(token: Token) -> bool:
    return token.dep_ == "prep" and token.lower_ in {"to", "for"}


def _doer(verb: Token) -> Token | None:
    """Who does what the verb says: its subject, or for an infinitive the one asked to do it ("called on
    Putin to halt", "urged China not to give"), else the subject it inherits."""
    own = own_subject(verb)
    if own is None and verb.dep_ == "pcomp" and verb.head.lower_ == "against":
        # "Putin warned (the West) against sending weapons": the one warned would send them, not the warner
        return next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
    if own is not None or verb.dep_ != "xcomp":
        return own if own is not None else _subject_of(verb)
    asker = verb.head
    asked = next((c for c in asker.children if c.dep_ == "dobj"), None)
    on = next((c for c in asker.children if c.dep_ == "prep" and c.lower_ == "on"), None)
    if asked is None and on is not None:
        asked = next((c for c in on.children if c.dep_ == "pobj"), None)  # "called on Putin to ..."
    return asked if asked is not None else _doer(asker)  # "called on Russia to stop supplying"


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject, or for a subjectless clause ("..., telling the press that", "a paper calling
    for ...") the subject of the verb it hangs from."""
    token = verb
    for _ in range(4):
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if token.dep_ == "acl" and any(c.dep_ == "poss" for c in token.head.children):
            # "the US cited Russia's refusal to accept a ceasefire": the noun's owner would accept, not
            # the subject of the verb the noun hangs from (the owner holds it through the noun)
            return None
        if token.dep_ not in {"advcl", "xcomp", "conj", "acl", "pcomp", "prep", "pobj", "dobj", "acomp"}:
            return None
        if token.dep_ == "conj" and is_infinitive(token) and not is_infinitive(token.head):
            # "to ensure that Ukraine is neutral ... and to recognise Crimea": the parser joined an
            # infinitive to a finite verb of another clause, whose subject is not the infinitive's
            return None
        token = token.head
    return None


# Links through which a clause reports or continues its governing verb's stance ("X said Y would ...",
# "X agreed and would ...", "X vowed to ..."); above any other link (a temporal clause, a relative clause)
# the verb's subject speaks about something else.
REPORTING = {
    "ccomp",
    "xcomp",
    "conj",
    "parataxis",
    "advcl",
    "acomp",
    "dobj",
    "pcomp",
    "prep",
    "pobj",
    "relcl",
    "acl",
}


def _is_pronoun(token: Token, pronouns: frozenset[str]) -> bool:
    return token.lower_ in pronouns


def _calls_for(token: Token) -> bool:
    """ "call on X to", "call for X", "call off": a call that asks for something (the word after the verb
    decides, as the parser hangs "for" variously), not "called Zelensky a dictator"."""
    if any(c.dep_ in {"oprd", "acomp"} for c in token.children):
        return False  # "a demand Kyiv has called unacceptable": a label, whatever else the parser hung on it
    after = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    return after in {"on", "for", "upon", "off"} or any(c.dep_ in {"xcomp", "ccomp"} for c in token.children)


def _served(mention: dict[str, Any]) -> set[str]:
    """The actor and the countries or bodies it serves ("foreign minister|Russia" -> Russia)."""
    out = {str(mention["name"])}
    for role in mention.get("roles") or []:
        out.add(str(role).split("|")[-1])
    return out


def _same_side(mention: dict[str, Any], holders: list[tuple[str, dict[str, Any] | None]]) -> bool:
    """Is ``mention`` one of the holders, or the country one of them serves (or serving it)?"""
    sides = _served(mention)
    return any(m is not None and sides & _served(m) for _, m in holders)


# Kinds of mention that can hold a stance as a group's member: people, countries, bodies, armed groups.
PARTY_KINDS = {"person", "country", "organization", "group"}


def _named_thing(token: Token) -> bool:
    """A word naming something, not a pronoun or a function word ("this", "we")."""
    return token.is_alpha and not token.is_stop


def _last_talks_parties(token: Token, index: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """The mentions of the parties of the last talks, meeting or call told before ``token``."""
    events = [e for e in items(token.doc, "accord_events") if e["start"] < token.idx]
    talks = [e for e in events if e["type"] in {"negotiation_round", "meeting", "phone_call"}]
    if not talks:
        return []
    by_name = {m["name"]: m for m in index.values()}
    return [by_name[n] for n in talks[-1]["participants"] if n in by_name]


def _failed(verb: Token) -> bool:
    """Did the verb not happen: negated, or its object denied ("reached no agreement")?"""
    return any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in verb.children
    )


def _partitive_part(noun: Token) -> Token | None:
    """The number or quantifier an object counts a part of ("any of its territory": "any"), or None."""
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of" or of.dep_ != "prep":
        return None
    part = of.head
    return part if part.dep_ == "dobj" and (part.like_num or part.is_stop) else None


def _partitive_whole(token: Token) -> Token:
    """What a number or quantifier counts a part of ("26 of Ukraine's allies", "some of the leaders"), or
    the token itself."""
    if not (token.like_num or token.is_stop):
        return token
    wholes = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    return next((p for p in wholes if p.dep_ == "pobj"), token)


def _expletive(token: Token) -> bool:
    """ "it is impossible to ...", "it was important to ensure ...": an "it" that stands for the clause."""
    if token.lower_ != "it" or token.dep_ != "nsubj":
        return False
    head = token.head
    complement = any(c.dep_ in {"acomp", "attr"} for c in head.children)
    clause = any(c.dep_ in {"xcomp", "ccomp", "csubj"} and c.i > head.i for c in head.children)
    return complement and clause


def _phrase_starts(words: list[str], phrase: list[str]) -> Iterator[int]:
    """Where ``phrase`` occurs in ``words``, by the position of its first word."""
    n = len(phrase)
    return (i for i in range(len(words) - n + 1) if words[i : i + n] == phrase)


def _contains(words: list[str], phrase: list[str]) -> bool:
    return any(True for _ in _phrase_starts(words, phrase))


def _someones_election(cue: Span, index: dict[int, dict[str, Any]]) -> bool:
    """Is the election cue owned by someone other than a country ("someone's election", "his re-election")?"""
    owner = next((c for c in cue.root.children if c.dep_ == "poss"), None)
    if owner is None:
        return False
    mention = index.get(owner.i)
    return mention is None or mention["kind"] != "country"


def _of_something(prep: Token) -> bool:
    """Do the terms the preposition names belong to something ("under the terms of a Kremlin-brokered
    truce": the truce's own provisions, no condition the holder sets)?"""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" for p in prep.children if p.dep_ == "pobj" for c in p.children
    )


def _clause_text(token: Token) -> str:
    return token.doc[token.left_edge.i : token.right_edge.i + 1].text


@Language.factory(
    "accord_positions",
    # The lexicons (lexicons/<name>.yaml) are configuration, so a pipeline can be built with others.
    default_config={
        "issues": "issues",
        "stances": "stances",
        "polarity": "polarity",
        "actors": "actors",
        "holders": "holders",
        "quotes": "quotes",
        "events": "events",
    },
    # Positions, the "acts" flag of the mentions that hold them, and a failure record (see `guarded`).
    assigns=["doc._.accord_positions", "doc._.accord_mentions", "doc._.accord_errors"],
    requires=["doc._.accord_mentions", "doc._.accord_quotes", "doc._.accord_events", "token.dep"],
)
def make_position_detector(
    nlp: Language,
    name: str,
    issues: str,
    stances: str,
    polarity: str,
    actors: str,
    holders: str,
    quotes: str,
    events: str,
) -> PositionDetector:
    return PositionDetector(nlp, name, issues, stances, polarity, actors, holders, quotes, events)


__all__ = ["PositionDetector", "fold"]
