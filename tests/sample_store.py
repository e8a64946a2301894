"""A small, hand-written negotiation stored as if ingest and extraction had run: for the main job's tests.

The articles are invented for the tests (our own words). Each extracted item is located in its article
by searching for its text, so offsets and sentences are real.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from sqlalchemy import Engine

from accord.store import session_scope
from accord.store.schema import ActorMention, Article, Cluster, Event, Extraction, Outlet, Position, Quote

# Hostile articles for the report's escaping tests, fed through the real ingest (invented text).
TITLE = "Talks resume <script>alert(document.domain)</script>"
BODY = (
    "KYIV, 3 April 2025 — Ukraine said on Thursday it would accept a ceasefire only if Russia withdrew its "
    'troops. "We will not sign <script>window.__pwned = 1</script> anything that rewards aggression," '
    "Volodymyr Zelensky said. Russian and Ukrainian delegations met in Istanbul on 2 April 2025 "
    '<img src=x onerror="window.__pwned = 2"> for a new round of talks. '
    'Russia rejected any ceasefire <a href="javascript:window.__pwned=3">before talks</a> on territory, '
    'Sergei Lavrov said. <iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>'
)
HOSTILE_ARTICLES = [
    {
        "id": "hostile-1",
        "title": TITLE,
        "outlet": "Outlet <b onmouseover=alert(1)>One</b>",
        "published": "2025-04-03",
        "text": BODY,
    },
    {
        "id": "hostile-2",
        "title": TITLE,
        "outlet": 'Second "><svg onload=alert(2)>',
        "published": "2025-04-04",
        "text": BODY + " Officials said more talks would follow.",
    },
]

PAYLOAD = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


@dataclass
class Doc:
    source_id: str
    title: str
    outlet: str
    published: dt.date | None
    text: str
    positions: list[tuple[str, str, str, str]] = field(default_factory=list)  # actor, issue, stance, span
    quotes: list[tuple[str, str]] = field(default_factory=list)  # speaker, quoted text
    events: list[dict[str, Any]] = field(default_factory=list)  # type, participants, place, date, span
    actors: list[tuple[str, str]] = field(default_factory=list)  # name, kind
    cluster: str | None = None


DOCS = [
    Doc(
        "talks-open",
        "Delegations meet near the Belarus border",
        "Example Wire",
        dt.date(2022, 3, 1),
        "Russian and Ukrainian delegations met near the Belarus border on 28 February 2022. "
        "Moscow insists that Ukraine must adopt a neutral status. "
        "Kyiv rejected any handover of territory and demanded a full withdrawal. "
        '"We came to listen, not to surrender," Mykhailo Podolyak told reporters.',
        positions=[
            ("Russia", "neutrality", "support", "Moscow insists that Ukraine must adopt a neutral status."),
            ("Ukraine", "territory", "oppose", "Kyiv rejected any handover of territory"),
        ],
        quotes=[("Mykhailo Podolyak", "We came to listen, not to surrender,")],
        events=[
            dict(
                type="negotiation_round",
                participants=["Russia", "Ukraine"],
                place="Belarus border",
                date="2022-02-28",
                span="delegations met near the Belarus border",
            )
        ],
        actors=[("Russia", "country"), ("Ukraine", "country"), ("Mykhailo Podolyak", "person")],
        cluster="a",
    ),
    Doc(
        "talks-open-copy",
        "Delegations meet at the border",
        "Second Daily",
        dt.date(2022, 3, 2),
        "Russian and Ukrainian delegations met near the Belarus border on 28 February 2022, officials said. "
        "Moscow insists that Ukraine must adopt a neutral status.",
        positions=[
            ("Russia", "neutrality", "support", "Moscow insists that Ukraine must adopt a neutral status."),
        ],
        cluster="a",
    ),
    Doc(
        "istanbul",
        "Istanbul round ends with a draft",
        "Example Wire",
        dt.date(2022, 3, 30),
        "Negotiators gathered in Istanbul on 29 March 2022 for a new round. "
        "Ukraine said it could accept neutrality if it received binding security guarantees. "
        "Turkey urged both sides to agree a ceasefire as soon as possible. "
        '"Security guarantees must be legally binding," Volodymyr Zelensky said.',
        positions=[
            ("Ukraine", "neutrality", "conditional", "Ukraine said it could accept neutrality"),
            ("Ukraine", "security_guarantees", "support", "binding security guarantees"),
            ("Turkey", "ceasefire", "support", "Turkey urged both sides to agree a ceasefire"),
        ],
        quotes=[("Volodymyr Zelensky", "Security guarantees must be legally binding,")],
        events=[
            dict(
                type="negotiation_round",
                participants=["Russia", "Ukraine", "Turkey"],
                place="Istanbul",
                date="2022-03-29",
                span="Negotiators gathered in Istanbul",
            )
        ],
        actors=[("Ukraine", "country"), ("Turkey", "country"), ("Volodymyr Zelensky", "person")],
    ),
    Doc(
        "freeze-refused",
        "Kyiv refuses a frozen front",
        "Second Daily",
        dt.date(2023, 6, 5),
        "Ukraine rejected calls for a ceasefire that would freeze the front line. "
        "Russia demanded that Ukraine give up the four regions it claims. "
        "The United States announced a new package of military aid on 2 June 2023.",
        positions=[
            ("Ukraine", "ceasefire", "oppose", "Ukraine rejected calls for a ceasefire"),
            ("Russia", "territory", "support", "Russia demanded that Ukraine give up the four regions"),
            ("United States", "military_aid", "support", "announced a new package of military aid"),
        ],
        events=[
            dict(
                type="aid",
                participants=["United States", "Ukraine"],
                place=None,
                date="2023-06-02",
                span="announced a new package of military aid",
            )
        ],
        actors=[("Ukraine", "country"), ("Russia", "country"), ("United States", "country")],
    ),
    Doc(
        "jeddah",
        "Jeddah talks yield ceasefire proposal",
        "Example Wire",
        dt.date(2025, 3, 12),
        "American and Ukrainian officials held talks in Jeddah on 11 March 2025. "
        "Ukraine accepted a proposal for an immediate 30-day ceasefire. "
        "The two sides agreed on a ceasefire proposal to put to Moscow. "
        "The United States said it backs the ceasefire and will resume aid. "
        f'"Peace is close{PAYLOAD}," Marco Rubio said.',
        positions=[
            (
                "Ukraine",
                "ceasefire",
                "support",
                "Ukraine accepted a proposal for an immediate 30-day ceasefire.",
            ),
            ("United States", "ceasefire", "support", "The United States said it backs the ceasefire"),
        ],
        quotes=[("Marco Rubio", f"Peace is close{PAYLOAD},")],
        events=[
            dict(
                type="negotiation_round",
                participants=["United States", "Ukraine"],
                place="Jeddah",
                date="2025-03-11",
                span="held talks in Jeddah",
            ),
            dict(
                type="agreement",
                participants=["United States", "Ukraine"],
                place="Jeddah",
                date="2025-03-11",
                span="agreed on a ceasefire proposal",
            ),
        ],
        actors=[("United States", "country"), ("Ukraine", "country"), ("Marco Rubio", "person")],
    ),
    Doc(
        "kremlin-conditions",
        f"Kremlin sets conditions {PAYLOAD}",
        "Third Post",
        dt.date(2025, 3, 14),
        "Russia said it supports a ceasefire in principle but only if arms deliveries to Ukraine stop. "
        "Sergei Lavrov said Western peacekeepers in Ukraine would be unacceptable. "
        f"A commentator wrote {PAYLOAD} in a blog post.",
        positions=[
            ("Russia", "ceasefire", "conditional", "Russia said it supports a ceasefire in principle"),
            (
                "Sergei Lavrov",
                "peacekeepers",
                "oppose",
                "Western peacekeepers in Ukraine would be unacceptable",
            ),
        ],
        actors=[("Russia", "country"), ("Sergei Lavrov", "person")],
    ),
    Doc(
        "undated",
        "Background note",
        "Third Post",
        None,
        "Ukraine wants sanctions on Russia to stay until it withdraws.",
        positions=[("Ukraine", "sanctions", "support", "Ukraine wants sanctions on Russia to stay")],
    ),
]

# The same documents with two of Example Wire's articles filed under section names of the outlet.
SECTIONED_DOCS = [
    replace(
        d,
        outlet={"istanbul": "Example Wire — Ukraine talks", "talks-open-copy": "Example Wire | Kyiv"}[
            d.source_id
        ],
    )
    if d.source_id in {"istanbul", "talks-open-copy"}
    else d
    for d in DOCS
]


def _sentence(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence around [start, end): from after the previous '. ' to the next '. ' or the end."""
    begin = text.rfind(". ", 0, start)
    begin = 0 if begin < 0 else begin + 2
    stop = text.find(". ", end - 1)
    stop = len(text) if stop < 0 else stop + 1
    return text[begin:stop], begin


def _locate(text: str, span: str) -> tuple[int, int, str, int]:
    start = text.index(span)
    end = start + len(span)
    sentence, sentence_start = _sentence(text, start, end)
    return start, end, sentence, sentence_start


def _item(text: str, extraction_id: int, article_id: int, span: str) -> dict[str, Any]:
    start, end, sentence, sentence_start = _locate(text, span)
    return dict(
        extraction_id=extraction_id,
        article_id=article_id,
        start=start,
        end=end,
        sentence=sentence,
        sentence_start=sentence_start,
    )


def fill(engine: Engine, docs: list[Doc] | None = None) -> dict[str, int]:
    """Store ``docs`` (default: all of :data:`DOCS`); returns article ids by source id."""
    ids: dict[str, int] = {}
    with session_scope(engine) as session:
        outlets: dict[str, Outlet] = {}
        clusters: dict[str, Cluster] = {}
        for doc in docs or DOCS:
            outlet = outlets.get(doc.outlet)
            if outlet is None:
                outlet = outlets[doc.outlet] = Outlet(name=doc.outlet)
                session.add(outlet)
            cluster = None
            if doc.cluster:
                cluster = clusters.get(doc.cluster)
                if cluster is None:
                    cluster = clusters[doc.cluster] = Cluster(size=0, outlet_count=0)
                    session.add(cluster)
                cluster.size += 1
                cluster.outlet_count += 1
            article = Article(
                source_id=doc.source_id,
                content_hash=hashlib.sha256(doc.text.encode()).hexdigest(),
                title=doc.title,
                text=doc.text,
                url=f"https://news.example/{doc.source_id}",
                outlet=outlet,
                published=doc.published,
                language="en",
                word_count=len(doc.text.split()),
                cluster=cluster,
                extra={},
            )
            session.add(article)
            session.flush()
            ids[doc.source_id] = article.id
            extraction = Extraction(article_id=article.id, pipeline_version="test", status="ok")
            session.add(extraction)
            session.flush()

            item = partial(_item, doc.text, extraction.id, article.id)
            for actor, issue, stance, span in doc.positions:
                session.add(Position(actor=actor, issue=issue, stance=stance, **item(span)))
            for speaker, quoted in doc.quotes:
                session.add(Quote(speaker=speaker, text=quoted, **item(quoted)))
            for ev in doc.events:
                session.add(
                    Event(
                        type=ev["type"],
                        participants=ev["participants"],
                        place=ev["place"],
                        date=ev["date"],
                        date_precision="day" if ev["date"] else None,
                        modality="happened",
                        trigger=ev["span"].split()[0],
                        **item(ev["span"]),
                    )
                )
            for name, kind in doc.actors:
                first_word = name.split()[0]
                span = first_word if first_word in doc.text else doc.text.split()[0]
                session.add(ActorMention(name=name, surface=span, kind=kind, linked=True, **item(span)))
    return ids
