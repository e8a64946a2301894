"""Data for the serve tests: where the seeds are, and hand-made rows carrying XSS payloads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from accord.store import session_scope
from accord.store.schema import ActorMention, Article, Cluster, Event, Extraction, Outlet, Position, Quote

SEEDS = Path(__file__).resolve().parents[2] / "eval" / "seeds"

XSS = '<script>alert("x")</script>'
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_ACTOR = "<b onmouseover=alert(2)>Mallory</b>"


def _sentence_item(text: str, needle: str) -> dict[str, Any]:
    start = text.index(needle)
    sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    end_of_sentence = text.find(".", start)
    return {
        "start": start,
        "end": start + len(needle),
        "sentence": text[sentence_start : end_of_sentence + 1],
        "sentence_start": sentence_start,
    }


def add_hostile_rows(engine: Engine) -> dict[str, int]:
    """Two near-duplicate dated articles whose title, text, outlet and items carry markup payloads."""
    text = (
        f"Negotiators met in Geneva on Monday. {XSS_ACTOR} said {XSS} could not stop the talks. "
        f"Ukraine supports a ceasefire along the current line. Russia rejects a ceasefire {XSS_IMG}. "
        "Both sides agreed to a prisoner exchange next week."
    )
    with session_scope(engine) as session:
        outlet = Outlet(name=f"Outlet {XSS}")
        cluster = Cluster(size=2, outlet_count=1)
        session.add_all([outlet, cluster])
        session.flush()
        ids = {}
        for n, published in ((1, dt.date(2022, 3, 14)), (2, dt.date(2022, 3, 15))):
            article = Article(
                source_id=f"hostile-{n}",
                content_hash=f"hostile-hash-{n}",
                title=f"{XSS} Talks resume {n}",
                text=text,
                url="javascript:alert(3)" if n == 1 else "https://example.org/talks",
                outlet_id=outlet.id,
                published=published,
                language="en",
                word_count=len(text.split()),
                extra={},
                cluster_id=cluster.id,
            )
            session.add(article)
            session.flush()
            ids[f"article{n}"] = article.id
            extraction = Extraction(article_id=article.id, pipeline_version="test", status="ok")
            session.add(extraction)
            session.flush()
            common = {"extraction_id": extraction.id, "article_id": article.id}
            session.add_all(
                [
                    ActorMention(
                        **common,
                        **_sentence_item(text, XSS_ACTOR),
                        name=XSS_ACTOR,
                        surface=XSS_ACTOR,
                        kind="person",
                    ),
                    ActorMention(
                        **common, **_sentence_item(text, "Ukraine"), name="Ukraine", surface="Ukraine"
                    ),
                    ActorMention(**common, **_sentence_item(text, "Russia"), name="Russia", surface="Russia"),
                    Quote(
                        **common, **_sentence_item(text, f"{XSS} could not stop"), speaker=XSS_ACTOR, text=XSS
                    ),
                    Position(
                        **common,
                        **_sentence_item(text, "supports a ceasefire"),
                        actor="Ukraine",
                        issue="ceasefire",
                        stance="support",
                    ),
                    Position(
                        **common,
                        **_sentence_item(text, "rejects a ceasefire"),
                        actor="Russia",
                        issue="ceasefire",
                        stance="oppose",
                    ),
                    Position(
                        **common,
                        **_sentence_item(text, "could not stop the talks"),
                        actor=XSS_ACTOR,
                        issue="ceasefire",
                        stance="support",
                    ),
                    Event(
                        **common,
                        **_sentence_item(text, "agreed to a prisoner exchange"),
                        type="agreement",
                        participants=["Ukraine", "Russia", XSS_ACTOR],
                        date="2022-03-21",
                        date_precision="day",
                        place=XSS,
                    ),
                ]
            )
    return ids
