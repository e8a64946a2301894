"""A synthetic news corpus about peace talks, written from our own templates (no real article text).

Used by the ingest and dedupe benchmarks and reusable by other stages' benchmarks:

    from bench.synthetic import Generator
    gen = Generator(seed=7)
    story = gen.story()                 # one article: dict with id, title, text, outlet, published
    gen.spin(story["text"])             # synonym substitution (a "spun" rewrite)
    gen.reorder(text), gen.truncate(text), gen.add_boilerplate(text)

Stories are assembled sentence by sentence from templates with many slots (actors, places, issues,
numbers, days), so two stories on the same topic share phrasing the way real coverage does, but not
whole passages.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path
from typing import Any

PEOPLE = [
    ("Foreign Minister", "Anna Berglund"),
    ("President", "Viktor Maran"),
    ("envoy", "Lucas Ferrante"),
    ("Defence Minister", "Oksana Dovha"),
    ("Prime Minister", "Henrik Aalto"),
    ("spokesman", "Pavel Ostrov"),
    ("chief negotiator", "Miriam Talbot"),
    ("Secretary-General", "Joao Pereira"),
    ("adviser", "Ilya Gromov"),
    ("mediator", "Selin Arslan"),
    ("Chancellor", "Dieter Kamm"),
    ("senator", "Ruth Calloway"),
    ("ambassador", "Tomas Richter"),
    ("deputy minister", "Yulia Korsun"),
    ("general", "Marek Wolny"),
    ("President", "Elena Voss"),
    ("Foreign Secretary", "Owen Harlow"),
    ("envoy", "Farid Nasser"),
]
PARTIES = [
    "Russia",
    "Ukraine",
    "the United States",
    "the European Union",
    "Turkey",
    "Poland",
    "France",
    "Germany",
    "the United Kingdom",
    "China",
    "NATO",
    "the United Nations",
    "Hungary",
    "Qatar",
    "Saudi Arabia",
    "Finland",
    "the OSCE",
    "Belarus",
    "Moldova",
    "the Vatican",
]
PLACES = [
    "Geneva",
    "Istanbul",
    "Antalya",
    "Minsk",
    "Riyadh",
    "Jeddah",
    "Helsinki",
    "Vienna",
    "Warsaw",
    "Brussels",
    "Paris",
    "Berlin",
    "Doha",
    "Budapest",
    "Oslo",
    "Rome",
    "Ankara",
    "Kyiv",
    "Moscow",
    "London",
    "Abu Dhabi",
    "Munich",
]
ISSUES = [
    "a ceasefire along the front line",
    "an exchange of prisoners",
    "the safety of the nuclear plant",
    "a grain export corridor",
    "security guarantees for Kyiv",
    "the status of the occupied regions",
    "a moratorium on strikes against energy sites",
    "the return of deported children",
    "sanctions relief for Moscow",
    "a demilitarised zone",
    "the deployment of peacekeepers",
    "Ukraine's bid to join NATO",
    "the neutrality of Ukraine",
    "a reconstruction fund",
    "the future of Crimea",
    "humanitarian corridors from besieged towns",
    "a maritime truce",
    "the withdrawal of heavy weapons",
    "monitoring by international observers",
    "frozen central bank assets",
]
DAYS = [
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "on Saturday",
    "on Sunday",
    "late on Tuesday",
    "early on Friday",
    "overnight",
    "this week",
    "last week",
    "at the weekend",
]
VERBS_SAY = [
    "said",
    "told reporters",
    "said in a statement",
    "wrote on social media",
    "told a news conference",
    "said in an interview",
    "told parliament",
    "said after the meeting",
]
STANCE = [
    "was ready to discuss",
    "would not accept",
    "insisted on",
    "proposed",
    "rejected",
    "welcomed",
    "questioned",
    "called for",
    "warned against",
    "signalled support for",
    "demanded guarantees on",
    "ruled out any compromise on",
    "asked for more time to study",
]
QUALITY = [
    "constructive",
    "difficult",
    "frank",
    "tense",
    "productive",
    "inconclusive",
    "businesslike",
    "long",
    "useful",
    "disappointing",
]
OUTLETS = [
    "Harbour Herald",
    "Northern Ledger",
    "Capital Post",
    "Eastern Review",
    "River Times",
    "Morning Dispatch",
    "Coastal Courier",
    "Plains Gazette",
    "Evening Chronicle",
    "Valley Observer",
    "Summit Wire",
    "Bridge Report",
    "Lakeside Journal",
    "Frontier Bulletin",
    "Atlas Daily",
]

# Inline alternatives "[a|b|c]" multiply the ways each template can be worded, so unrelated stories
# share phrases, not passages.
TEMPLATES = [
    "{party} and {party2} held {quality} [talks|negotiations|discussions] in {place} {day}, "
    "[officials from both sides said|diplomats said|according to people familiar with them].",
    "{title} {name} {say} that {party} {stance} {issue}[| and {issue2}| as long as {issue2} was on "
    "the table].",
    '"We {want} {issue}, [but not at any price|and we have said so from the start|yet nobody should '
    'expect miracles]", {name} {say}.',
    "The delegations [met|sat down|talked] for {hours} hours [in {place}|behind closed doors|at a "
    "hotel outside "
    "{place}] and [agreed to meet again {when}|set no date for another round|promised to stay in contact].",
    "According to {name}, the {ordinal} round [focused on|was dominated by|dealt mainly with] {issue}"
    "[ and {issue2}|, with little time for {issue2}|].",
    "{party} has [repeatedly|long|more than once] {past_stance} {issue}, [calling it|describing it "
    "as|seeing it as] "
    "{adjective}.",
    "[Diplomats|Two officials|Western sources] in {place} said a [deal|document|memorandum] on "
    "{issue} could be "
    "[signed|initialled|announced] {when} if {party} {condition}.",
    "{name} [described|characterised] the [meeting|session|encounter] as {quality} and said {count} "
    "[points|questions|clauses] remained open.",
    "In {month}, {party} {past_stance} {issue}, a [move|step|decision] {party2} [called|described "
    "as] {adjective}.",
    "[Fighting|Shelling|Drone attacks] [continued|went on|intensified] near {town} [as the two sides "
    "talked|while "
    "diplomats met in {place}|despite the talks], with {count} [strikes|attacks|incidents] reported {day}.",
    "{title} {name}, who [arrived in|flew to|travelled to] {place} {day}, is [expected|due|scheduled] to "
    "[meet|see|hold talks with] {name2} {when}.",
    "[Analysts|Observers|Former diplomats] said the {quality} tone [showed|suggested|indicated] that {party} "
    "{stance} {issue}.",
    '"There is no alternative to {issue}," {name} {say}, adding that {party} would {future}.',
    "{party2} [offered|proposed|volunteered] to host [a further|the next|another] round in {place2}, "
    "and {party} "
    "said it would {future}.",
    "{count} prisoners were [exchanged|swapped|released] {day} under [an arrangement|a deal|a scheme] "
    "[brokered|mediated|arranged] by {party2}, [officials said|both sides confirmed|{name} said].",
    "{name} warned that without {issue} the [talks|process|effort] in {place} would {fail}.",
    "A [joint statement|short communique|final declaration] [issued|released|published] in {place} "
    "[mentioned|referred to|touched on] {issue} but [gave no timetable|set no deadline|offered no details].",
    "{party} wants {issue} first, while {party2} [insists|argues|maintains] that {issue2} must come "
    "[before anything else|first|at the start].",
    "[Critics|Opposition lawmakers|Commentators] in {party2} said the [plan|proposal|draft] "
    "[rewarded aggression|went too far|changed nothing] and [ignored|sidelined|played down] {issue}.",
    "The {ordinal} [meeting|conversation|call] between {name} and {name2} lasted {hours} hours, "
    "[aides said|an official said|their offices said].",
    "{name} {say} that {party} had [received|been sent|studied] a draft on {issue} and would "
    "[reply|answer|give its view] {when}.",
    "[Markets|Investors|Grain traders] reacted {reaction} to [reports|news|rumours] that {party} "
    "{stance} {issue}.",
    "{title} {name} is [due|set|expected] to brief [allies|partners|lawmakers] in {place2} {when} on "
    "[the state of the negotiations|what was agreed|the next steps].",
    "The [proposal|plan|document], [seen by reporters|circulated among delegations|leaked {day}], sets out "
    "{count} [steps|stages|points], [starting with|beginning with|the first being] {issue}.",
    "{party} accused {party2} of [using the talks to regroup|stalling|bad faith], [a claim|an accusation|a "
    "charge] {party2} [denied|rejected|dismissed].",
    "[Observers|Monitors|Inspectors] from {party2} [will|would|are to] [watch over|verify|check] {issue} for "
    "{count} days under the [draft text|proposed deal|plan].",
    '"The ball is now in the court of {party}," {name} {say} [after the session in {place}|as the talks '
    "ended|on leaving the venue].",
    "Both sides [confirmed|said] that {count} [technical|expert|working] groups would [work on|look at|draft "
    "texts on] {issue}.",
    "{name} said progress on {issue} was {adjective}, [though|but|while] gaps on {issue2} "
    "[remained|stayed|were "
    "still] wide.",
    "Earlier {day}, {party} said it {past_stance} {issue2} and would [not change course|hold its line|stand "
    "firm].",
    "[Residents of|People in|Families in] {town} said they [followed|watched|had little faith in] the "
    "[talks|news from {place}] [closely|with hope|with suspicion].",
    "The [government|cabinet|presidency] in {place2} said it [would|could|might] [support|back|endorse] any "
    "[deal|arrangement|settlement] that [includes|covers|guarantees] {issue}.",
    "{name2} [told|assured|reminded] {name} that {party2} [remained committed to|still backed|had not given "
    "up on] {issue}.",
    "[Under the terms discussed|Under the draft|Under the plan], {party} would {concession}, and "
    "{party2} would "
    "{concession2}.",
    "Talks on {issue} [stalled|broke down|ran aground] in {month} [after|when|once] {party} [walked out|"
    "recalled its team|raised new demands].",
    "A [senior|junior|former] [official|diplomat|adviser] [in|from] {party2} said the "
    "[chances|prospects|odds] "
    "of a [deal|breakthrough|settlement] were [slim|improving|hard to judge].",
    "{party} [reported|claimed|announced] {count} [violations|breaches|incidents] of the [truce|ceasefire|"
    "arrangement] {day}.",
]
FILL = {
    "want": ["want", "need", "support", "are ready for", "are open to"],
    "when": [
        "next week",
        "within days",
        "in two weeks",
        "before the end of the month",
        "after the holidays",
        "later this month",
        "in the spring",
        "once experts finish their work",
    ],
    "ordinal": ["first", "second", "third", "fourth", "fifth", "latest", "final"],
    "past_stance": ["rejected", "proposed", "demanded", "opposed", "backed", "raised", "questioned"],
    "adjective": [
        "unacceptable",
        "premature",
        "a positive step",
        "unrealistic",
        "a basis for work",
        "a trap",
        "long overdue",
        "vague",
        "encouraging",
        "one-sided",
    ],
    "condition": [
        "drops its preconditions",
        "accepts monitoring",
        "agrees to a timetable",
        "withdraws its troops",
        "lifts the blockade",
        "guarantees safe passage",
    ],
    "month": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "town": [
        "Pokrovsk",
        "Kupiansk",
        "Huliaipole",
        "Siversk",
        "Kostiantynivka",
        "Vuhledar",
        "Orikhiv",
        "Lyman",
        "Toretsk",
        "Avdiivka",
    ],
    "future": [
        "study the offer",
        "respond in writing",
        "consult its allies",
        "keep talking",
        "not sign anything yet",
        "send a delegation",
        "make a counter-proposal",
    ],
    "fail": ["fail", "collapse", "go nowhere", "stall", "end in a deadlock"],
    "reaction": ["calmly", "nervously", "with relief", "sharply", "cautiously"],
    "concession": [
        "pull back its artillery",
        "free all detainees",
        "reopen the ports",
        "halt strikes on cities",
        "accept monitors",
        "freeze its offensive",
        "allow aid convoys",
    ],
    "concession2": [
        "ease some sanctions",
        "delay its demands",
        "release frozen funds",
        "guarantee passage",
        "stop arms deliveries",
        "recognise the truce line",
        "return seized vessels",
    ],
}
BOILERPLATE = [
    "Sign up for our morning newsletter to get the day's top stories delivered to your inbox.",
    "This article has been updated with additional reporting.",
    "Follow our live coverage for the latest developments.",
    "Reporting by the foreign desk; editing by the night staff.",
    "Read more: our full coverage of the negotiations.",
    "Share this article with your friends and colleagues.",
    "All rights reserved. Reproduction without permission is prohibited.",
]
SYNONYMS = {
    "talks": "negotiations",
    "said": "stated",
    "meeting": "session",
    "officials": "authorities",
    "ceasefire": "truce",
    "war": "conflict",
    "agreed": "consented",
    "repeatedly": "again and again",
    "warned": "cautioned",
    "expected": "anticipated",
    "reporters": "journalists",
    "statement": "declaration",
    "deal": "agreement",
    "plan": "scheme",
    "proposal": "offer",
    "called": "labelled",
    "offered": "proposed",
    "wants": "desires",
    "insists": "maintains",
    "confirmed": "verified",
    "remained": "stayed",
    "progress": "headway",
    "wide": "broad",
    "first": "initial",
    "latest": "most recent",
    "difficult": "hard",
    "frank": "candid",
    "useful": "helpful",
    "long": "lengthy",
    "steps": "stages",
    "gaps": "differences",
    "draft": "outline",
    "would": "will",
    "allies": "partners",
    "reply": "respond",
    "study": "examine",
    "work": "labour",
    "end": "finish",
    "anything": "something",
    "before": "ahead of",
    "next": "following",
    "arrived": "landed",
    "described": "characterised",
    "accused": "charged",
    "denied": "rejected",
    "exchanged": "swapped",
    "technical": "expert",
    "monitor": "observe",
    "continued": "went on",
    "reported": "recorded",
    "aides": "assistants",
    "groups": "teams",
    "showed": "demonstrated",
    "tone": "mood",
    "open": "unresolved",
    "points": "issues",
    "held": "conducted",
    "met": "convened",
    "round": "cycle",
    "delegations": "teams",
    "government": "administration",
    "support": "back",
    "prisoners": "captives",
    "document": "paper",
    "reports": "accounts",
    "news": "word",
    "chances": "odds",
    "slim": "thin",
    "critics": "detractors",
    "claim": "assertion",
    "fighting": "combat",
    "attacks": "assaults",
    "residents": "inhabitants",
    "families": "households",
    "closely": "carefully",
    "hope": "optimism",
    "senior": "high-ranking",
    "former": "ex",
    "terms": "conditions",
    "stalled": "faltered",
    "violations": "infringements",
    "assured": "reassured",
    "due": "set",
    "brief": "inform",
    "partners": "allies",
    "begin": "start",
}


class Generator:
    """Deterministic (seeded) source of synthetic stories and their rewrites."""

    def __init__(self, seed: int = 20220310, spin_rate: float = 0.8) -> None:
        self.rng = random.Random(seed)
        self.counter = 0
        self.spin_rate = spin_rate  # chance that a word with a listed synonym is swapped

    def _person(self) -> tuple[str, str]:
        return self.rng.choice(PEOPLE)

    def sentence(self) -> str:
        rng = self.rng
        template = rng.choice(TEMPLATES)
        title, name = self._person()
        _, name2 = self._person()
        party, party2 = rng.sample(PARTIES, 2)
        place, place2 = rng.sample(PLACES, 2)
        issue, issue2 = rng.sample(ISSUES, 2)
        values: dict[str, str] = {
            "title": title,
            "name": name,
            "name2": name2,
            "party": party,
            "party2": party2,
            "place": place,
            "place2": place2,
            "issue": issue,
            "issue2": issue2,
            "day": rng.choice(DAYS),
            "say": rng.choice(VERBS_SAY),
            "say_plain": "said",
            "stance": rng.choice(STANCE),
            "quality": rng.choice(QUALITY),
            "hours": str(rng.randint(2, 14)),
            "count": str(rng.randint(2, 1200)),
        }
        for key, options in FILL.items():
            values[key] = rng.choice(options)
        text = re.sub(r"\[([^\[\]]*)\]", lambda m: rng.choice(m.group(1).split("|")), template)
        text = text.format(**values)
        return text[0].upper() + text[1:]

    def story(self, sentences: tuple[int, int] = (8, 16)) -> dict[str, Any]:
        self.counter += 1
        count = self.rng.randint(*sentences)
        body: list[str] = []
        while len(body) < count:
            # Two or three sentences a paragraph, as wire copy is laid out.
            body.append(" ".join(self.sentence() for _ in range(self.rng.randint(1, 3))))
        party, party2 = self.rng.sample(PARTIES, 2)
        title = f"{party} and {party2} {self.rng.choice(['resume', 'end', 'hold', 'prepare'])} talks on " + (
            self.rng.choice(ISSUES)
        )
        published = dt.date(2014, 1, 1) + dt.timedelta(days=self.rng.randint(0, 4300))
        return {
            "id": f"syn-{self.counter:06d}",
            "title": title[0].upper() + title[1:],
            "text": "\n".join(body),
            "outlet": self.rng.choice(OUTLETS),
            "published": published.isoformat(),
        }

    # -- rewrites ------------------------------------------------------------------------------------
    def spin(self, text: str, rate: float | None = None) -> str:
        """Replace each word that has a listed synonym with probability ``rate``, as article spinners do."""

        def swap(match: re.Match[str]) -> str:
            word = match.group(0)
            repl = SYNONYMS.get(word.lower())
            if repl is None or self.rng.random() > (self.spin_rate if rate is None else rate):
                return word
            return repl.capitalize() if word[0].isupper() else repl

        return re.sub(r"[A-Za-z]+", swap, text)

    def reorder(self, text: str) -> str:
        """Shuffle the paragraphs (sentences keep their paragraph)."""
        paragraphs = text.split("\n")
        self.rng.shuffle(paragraphs)
        return "\n".join(paragraphs)

    def truncate(self, text: str, keep: tuple[float, float] = (0.5, 0.8)) -> str:
        paragraphs = text.split("\n")
        n = max(1, round(len(paragraphs) * self.rng.uniform(*keep)))
        return "\n".join(paragraphs[:n])

    def add_boilerplate(self, text: str) -> str:
        extra = self.rng.sample(BOILERPLATE, self.rng.randint(2, 4))
        head, tail = extra[:1], extra[1:]
        return "\n".join([*head, text, *tail])

    def variant(self, story: dict[str, Any], kind: str) -> dict[str, Any]:
        """A copy of ``story`` rewritten by ``kind``, carried by another outlet."""
        text = story["text"]
        if kind == "syndicated":
            new_text = text
        elif kind == "spun":
            new_text = self.spin(text)
        elif kind == "reordered":
            new_text = self.reorder(text)
        elif kind == "truncated":
            new_text = self.truncate(text)
        elif kind == "boilerplate":
            new_text = self.add_boilerplate(text)
        elif kind == "mixed":
            new_text = self.add_boilerplate(self.truncate(self.spin(text), keep=(0.6, 0.9)))
        else:
            raise ValueError(kind)
        self.counter += 1
        outlets = [o for o in OUTLETS if o != story["outlet"]]
        return story | {"id": f"syn-{self.counter:06d}", "text": new_text, "outlet": self.rng.choice(outlets)}


VARIANT_KINDS = ("syndicated", "spun", "reordered", "truncated", "boilerplate", "mixed")


def write_corpus(folder: Path, n: int, seed: int = 20220310, jsonl_share: float = 0.2) -> int:
    """Write ``n`` articles under ``folder``: most as one .txt each, a share as .jsonl files of 50.

    About one story in five gets near-duplicate variants, so dedupe has real work to do.
    Returns the number of articles written.
    """
    gen = Generator(seed)
    folder.mkdir(parents=True, exist_ok=True)
    articles: list[dict[str, Any]] = []
    while len(articles) < n:
        story = gen.story()
        articles.append(story)
        if gen.rng.random() < 0.2:
            for kind in gen.rng.sample(VARIANT_KINDS, 2):
                articles.append(gen.variant(story, kind))
    articles = articles[:n]
    n_jsonl = int(n * jsonl_share)
    for start in range(0, n_jsonl, 50):
        batch = articles[start : min(start + 50, n_jsonl)]
        lines = [json.dumps(a, ensure_ascii=False) for a in batch]
        (folder / f"batch-{start // 50:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for article in articles[n_jsonl:]:
        sub = folder / article["id"][-3:]
        sub.mkdir(exist_ok=True)
        header = (
            f"---\nid: {article['id']}\noutlet: {article['outlet']}\npublished: {article['published']}\n---\n"
        )
        (sub / f"{article['id']}.txt").write_text(header + article["title"] + "\n" + article["text"] + "\n")
    return len(articles)
