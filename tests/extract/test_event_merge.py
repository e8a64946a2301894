"""Merging one event across the near-duplicate articles of a cluster, on real stores."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from spacy.language import Language
from sqlalchemy import Engine, delete, func, select, update
from sqlalchemy.orm import Session

from accord.extract.event_merge import merge_cluster_events
from accord.extract.export import export_events, export_records
from accord.extract.runner import run_extraction
from accord.ingest import ingest_paths
from accord.store.database import session_scope
from accord.store.schema import Article, Cluster, ClusterEvent, Event, Extraction

TALKS = {"type": "meeting", "participants": ["Vladimir Putin", "Recep Tayyip Erdogan"], "place": "Sochi"}


def add_article(engine: Engine, cluster_id: int | None, events: list[dict[str, Any]]) -> int:
    """An article in ``cluster_id`` whose extraction holds ``events`` (each told by its own sentence)."""
    with session_scope(engine) as session:
        if cluster_id is not None and session.get(Cluster, cluster_id) is None:
            session.add(Cluster(id=cluster_id, size=0, outlet_count=0))
            session.flush()
        text = " ".join(f"Sentence {n} of the story." for n in range(len(events) + 1))
        digest = hashlib.sha256(f"{cluster_id}/{events}/{session.scalar(func.count(Article.id))}".encode())
        article = Article(
            source_id=digest.hexdigest()[:12],
            content_hash=digest.hexdigest(),
            text=text,
            cluster_id=cluster_id,
            extra={},
        )
        session.add(article)
        session.flush()
        extraction = Extraction(article_id=article.id, pipeline_version="test", status="ok")
        session.add(extraction)
        session.flush()
        for n, fields in enumerate(events):
            start = text.index(f"Sentence {n} ")
            sentence = f"Sentence {n} of the story."
            source = {"start": start, "end": start + 8, "sentence": sentence, "sentence_start": start}
            session.add(
                Event(
                    extraction_id=extraction.id,
                    article_id=article.id,
                    sources=[{**source, "article_id": article.id}],
                    **source,
                    **{"participants": [], "modality": "happened", **fields},
                )
            )
        return int(article.id)


def merged(engine: Engine) -> list[ClusterEvent]:
    with Session(engine) as session:
        return list(session.scalars(select(ClusterEvent).order_by(ClusterEvent.id)))


def links(engine: Engine) -> dict[int, int | None]:
    with Session(engine) as session:
        return {e.id: e.cluster_event_id for e in session.scalars(select(Event).order_by(Event.id))}


def test_one_event_told_by_copies_of_a_story_is_one_event_with_a_source_per_article(engine: Engine) -> None:
    first = add_article(engine, 1, [TALKS, {"type": "statement", "participants": ["Dmitry Peskov"]}])
    second = add_article(engine, 1, [{**TALKS, "participants": ["Putin", "Recep Tayyip Erdogan"]}])
    third = add_article(engine, 1, [{**TALKS, "place": None, "date": "2025-05-16"}])
    merge_cluster_events(engine, [first, second, third])
    (event,) = merged(engine)
    assert (event.type, event.place, event.date, event.cluster_id) == ("meeting", "Sochi", "2025-05-16", 1)
    assert event.participants == ["Vladimir Putin", "Recep Tayyip Erdogan", "Putin"]
    assert [s["article_id"] for s in event.sources] == [first, second, third]
    assert all({"start", "end", "sentence", "sentence_start"} <= set(s) for s in event.sources)
    # Every article keeps its own event, linked to the merged one; the statement only one article makes
    # stays on its own.
    assert sorted(link for link in links(engine).values() if link is not None) == [event.id] * 3
    assert list(links(engine).values()).count(None) == 1


def test_reports_that_disagree_or_share_nothing_stay_apart(engine: Engine) -> None:
    ids = [
        add_article(engine, 2, [TALKS]),
        add_article(engine, 2, [{**TALKS, "place": "Ankara"}]),  # another place
        add_article(engine, 2, [{**TALKS, "participants": ["Donald Trump", "Xi Jinping"]}]),  # other parties
        add_article(engine, 2, [{**TALKS, "type": "phone_call"}]),  # another type
        add_article(engine, 2, [{**TALKS, "modality": "hypothetical"}]),  # not a labelled event
        add_article(engine, 3, [TALKS]),  # another story
    ]
    merge_cluster_events(engine, ids)
    assert merged(engine) == []
    assert set(links(engine).values()) == {None}


def test_an_article_telling_two_matching_events_gives_each_to_a_different_merged_event(
    engine: Engine,
) -> None:
    first = add_article(engine, 4, [{**TALKS, "date": "2025-05"}, {**TALKS, "date": None}])
    second = add_article(engine, 4, [{**TALKS, "date": "2025-05-16"}, TALKS])
    merge_cluster_events(engine, [first, second])
    events = merged(engine)
    assert len(events) == 2
    assert all(sorted(s["article_id"] for s in e.sources) == [first, second] for e in events)


def test_merging_again_rebuilds_instead_of_adding(engine: Engine) -> None:
    ids = [add_article(engine, 5, [TALKS]), add_article(engine, 5, [TALKS])]
    merge_cluster_events(engine, ids)
    before = [(e.type, e.participants, e.sources) for e in merged(engine)]
    merge_cluster_events(engine, ids)
    merge_cluster_events(engine, ids[:1])
    assert [(e.type, e.participants, e.sources) for e in merged(engine)] == before
    # A copy re-extracted without the event: no other article tells it, so nothing is merged.
    with session_scope(engine) as session:
        session.execute(delete(Event).where(Event.article_id == ids[1]))
    merge_cluster_events(engine, ids[1:])
    assert merged(engine) == []
    assert set(links(engine).values()) == {None}


def test_clusters_that_ingest_merged_since_are_rebuilt(engine: Engine) -> None:
    one = [add_article(engine, 6, [TALKS]), add_article(engine, 6, [TALKS])]
    other = add_article(engine, 7, [TALKS])
    merge_cluster_events(engine, [*one, other])
    assert [len(e.sources) for e in merged(engine)] == [2]
    # Ingest links the two clusters: cluster 6's articles move to 7 and cluster 6 is deleted.
    with session_scope(engine) as session:
        session.execute(update(Article).where(Article.cluster_id == 6).values(cluster_id=7))
        session.execute(delete(Cluster).where(Cluster.id == 6))
    merge_cluster_events(engine, [])  # nothing extracted: the stale merged event is found all the same
    (event,) = merged(engine)
    assert event.cluster_id == 7 and sorted(s["article_id"] for s in event.sources) == sorted([*one, other])


def test_the_export_gives_each_article_its_event_and_each_event_once(engine: Engine) -> None:
    ids = [add_article(engine, 8, [TALKS]), add_article(engine, 8, [TALKS, {"type": "attack"}])]
    merge_cluster_events(engine, ids)
    (event,) = merged(engine)
    records = sorted(export_records(engine), key=lambda r: r["article_id"])
    assert [[e["cluster_event_id"] for e in r["events"]] for r in records] == [[event.id], [event.id, None]]
    with Session(engine) as session:
        names = {row.id: row.source_id for row in session.execute(select(Article.id, Article.source_id))}
    once = sorted(export_events(engine), key=lambda e: e["type"])
    assert [(e["type"], e["cluster_event_id"], e["article_ids"]) for e in once] == [
        ("attack", None, [ids[1]]),
        ("meeting", event.id, ids),
    ]
    assert once[1]["source_ids"] == [names[i] for i in ids] and once[1]["sources"] == event.sources


# A story of our own told by two outlets, the second a light rewrite with a sign-off: near-duplicates.
STORY = (
    "SOCHI, May 16 (Reuters) - Vladimir Putin held talks with Recep Tayyip Erdogan in Sochi on Friday, "
    "the Kremlin said.\n"
    "The two leaders discussed grain exports across the Black Sea, the exchange of prisoners of war and "
    "the security of shipping lanes near the Bosphorus, according to officials on both sides.\n"
    "Erdogan offered once more to host direct negotiations between Russian and Ukrainian delegations in "
    "Istanbul, where earlier rounds ended without a ceasefire in the spring.\n"
    "Neither side gave a date for another meeting, and aides said the leaders would speak again by "
    "telephone in the coming weeks to review the progress of their working groups."
)
REWRITE = STORY.replace("the Kremlin said", "the Kremlin said in a statement") + (
    "\nReporting by our Moscow bureau; editing by the world desk."
)


def test_copies_of_a_story_extract_to_one_merged_event_and_reextraction_keeps_it_one(
    tmp_path: Path, engine: Engine, nlp: Language
) -> None:
    for name, text in (("a.txt", STORY), ("b.txt", REWRITE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest_paths([tmp_path], engine, progress=False)
    with Session(engine) as session:
        articles = list(session.scalars(select(Article).order_by(Article.id)))
    assert len({a.cluster_id for a in articles}) == 1 and articles[0].cluster_id is not None
    run_extraction(engine, nlp=nlp)
    (talks,) = [e for e in merged(engine) if e.place == "Sochi"]
    assert talks.type == "meeting" and set(talks.participants) == {"Vladimir Putin", "Recep Tayyip Erdogan"}
    assert [s["article_id"] for s in talks.sources] == [a.id for a in articles]
    # Every event the first copy tells, the second tells too: each is one merged event with both sources.
    with Session(engine) as session:
        told = session.scalars(select(Event).where(Event.article_id == articles[0].id)).all()
    assert len(merged(engine)) == len(told) and all(len(e.sources) == 2 for e in merged(engine))
    before = [(e.type, e.participants, e.place, e.sources) for e in merged(engine)]
    run_extraction(engine, nlp=nlp, force=True)
    assert [(e.type, e.participants, e.place, e.sources) for e in merged(engine)] == before
