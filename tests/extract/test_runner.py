from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from accord.cli import app
from accord.errors import Errors
from accord.extract.export import export_records
from accord.extract.items import ArticleInput
from accord.extract.pipeline import PIPELINE_VERSION, extraction_version, load_pipeline
from accord.extract.runner import extract_texts, run_extraction, store_extractions
from accord.store import open_store
from accord.store.database import session_scope
from accord.store.schema import ActorMention, Article, Event, Extraction, Position, Quote

TALKS = (
    "Sergei Lavrov met Dmytro Kuleba in Antalya on Thursday. "
    "“We agreed on nothing,” Kuleba said afterwards. "
    "The Kremlin said it would agree to a ceasefire if Kyiv accepted neutral status."
)
GERMAN = (
    "Die Außenminister trafen sich am Donnerstag in Antalya. Die Gespräche brachten keine Einigung, "
    "und beide Seiten warfen sich gegenseitig vor, den Krieg zu verlängern. Der Kreml forderte erneut "
    "die Neutralität der Ukraine und die Anerkennung der annektierten Gebiete als russisches Staatsgebiet."
)


def add_article(
    engine: Engine,
    text: str,
    *,
    language: str | None = "en",
    published: dt.date | None = None,
    source_id: str | None = None,
) -> int:
    digest = hashlib.sha256(text.encode()).hexdigest()
    with session_scope(engine) as session:
        article = Article(
            source_id=source_id or f"test-{digest[:8]}",
            content_hash=digest,
            text=text,
            language=language,
            published=published,
        )
        session.add(article)
        session.flush()
        return int(article.id)


def counts(engine: Engine) -> dict[str, int]:
    with session_scope(engine) as session:
        return {
            table.__tablename__: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for table in (Extraction, ActorMention, Quote, Event, Position)
        }


def test_run_stores_items_with_provenance_and_is_idempotent(engine: Engine, nlp: Language) -> None:
    article_id = add_article(engine, TALKS, published=dt.date(2022, 3, 11))  # a Friday
    report = run_extraction(engine, nlp=nlp)
    assert (report.processed, report.ok, report.errors) == (1, 1, 0)
    first = counts(engine)
    assert first["extractions"] == 1 and first["quotes"] == 1 and first["positions"] >= 2
    with session_scope(engine) as session:
        extraction = session.scalars(select(Extraction)).one()
        assert extraction.pipeline_version == extraction_version() and extraction.status == "ok"
        assert extraction.pipeline_version.startswith(PIPELINE_VERSION + "+")
        for item in session.scalars(select(Quote)):
            assert item.article_id == article_id
            assert TALKS[item.sentence_start : item.sentence_start + len(item.sentence)] == item.sentence
            assert item.text in TALKS[item.start : item.end]
        # the warring sides' foreign ministers: a negotiation round (guide; the seeds label Antalya so)
        event = session.scalars(select(Event).where(Event.type == "negotiation_round")).one()
        assert event.place == "Antalya" and event.date == "2022-03-10" and event.date_precision == "relative"

    # Nothing left to do: a second run touches nothing.
    again = run_extraction(engine, nlp=nlp)
    assert again.processed == 0
    # --force redoes it, replacing the old extraction instead of adding to it.
    forced = run_extraction(engine, nlp=nlp, force=True)
    assert forced.processed == 1
    assert counts(engine) == first


def test_outdated_extraction_is_redone(engine: Engine, nlp: Language) -> None:
    add_article(engine, TALKS)
    run_extraction(engine, nlp=nlp)
    with session_scope(engine) as session:
        session.scalars(select(Extraction)).one().pipeline_version = "older"
    assert run_extraction(engine, nlp=nlp).processed == 1
    assert counts(engine)["extractions"] == 1


def test_an_extraction_by_older_code_under_the_same_version_is_redone(engine: Engine, nlp: Language) -> None:
    # An unreleased version changes while it is worked on: the stamp's fingerprint tells the code apart.
    add_article(engine, TALKS)
    run_extraction(engine, nlp=nlp)
    with session_scope(engine) as session:
        session.scalars(select(Extraction)).one().pipeline_version = f"{PIPELINE_VERSION}+000000000000"
    assert run_extraction(engine, nlp=nlp).processed == 1
    assert counts(engine)["extractions"] == 1


def test_since_limits_by_publication_date(engine: Engine, nlp: Language) -> None:
    add_article(engine, TALKS, published=dt.date(2022, 3, 9))
    add_article(engine, TALKS + " Later.", published=dt.date(2025, 2, 12))
    assert run_extraction(engine, nlp=nlp, since=dt.date(2024, 1, 1)).processed == 1


def test_bad_inputs_are_skipped_or_recorded_and_the_batch_goes_on(nlp: Language) -> None:
    docs = [
        ArticleInput(1, "de", GERMAN, None, "de"),
        ArticleInput(2, "de-unlabelled", GERMAN, None, None),
        ArticleInput(3, "empty", "  \n ... \n", None, "en"),
        ArticleInput(4, "ok", TALKS, None, "en"),
    ]
    results = list(extract_texts(nlp, docs))
    assert [r.article_id for r in results] == [1, 2, 3, 4]
    assert [r.status for r in results] == ["skipped", "skipped", "skipped", "ok"]
    assert [r.error.code if r.error else None for r in results] == [
        Errors.A302,
        Errors.A302,
        Errors.A303,
        None,
    ]
    assert results[3].status == "ok" and results[3].quotes


def _explode(doc: Doc) -> Doc:
    if "EXPLODE" in doc.text:
        raise ValueError("cannot read this article")
    return doc


def _pipeline_exploding_on_marker(name: str, **where: Any) -> Language:
    """The shipped pipeline plus a component ``name`` (placed as ``where`` says, as for ``add_pipe``) that
    fails on any article containing EXPLODE."""
    nlp = load_pipeline()
    Language.component(name, func=_explode)
    nlp.add_pipe(name, **where)
    return nlp


def test_a_failing_component_is_an_error_for_that_article_only() -> None:
    nlp = _pipeline_exploding_on_marker("test_exploding_component", after="ner")
    docs = [ArticleInput(i, f"a{i}", TALKS + (" EXPLODE" if i == 2 else ""), None, "en") for i in range(1, 5)]
    results = list(extract_texts(nlp, docs, batch_size=2))
    assert [r.status for r in results] == ["ok", "error", "ok", "ok"]
    error = results[1].error
    assert error is not None and error.code is Errors.A301
    assert error.fields["component"] == "test_exploding_component"
    assert "cannot read this article" in error.fields["reason"]
    assert results[1].reason == str(error) and results[1].reason.startswith("[A301] article 2 (a2)")


def test_articles_in_a_failing_batch_are_retried_from_their_text() -> None:
    # nlp.pipe runs each component over the whole batch, so when one article makes a component fail the
    # others have already been parsed; retried as they were, the parsed paragraphs made the paragraph
    # component fail on every article of the batch, and the error named that component.
    nlp = _pipeline_exploding_on_marker("test_exploding_late_component", last=True)
    text = TALKS + "\n\n" + TALKS
    docs = [ArticleInput(i, f"a{i}", text + (" EXPLODE" if i == 2 else ""), None, "en") for i in (1, 2, 3)]
    results = list(extract_texts(nlp, docs, batch_size=3))
    assert [r.status for r in results] == ["ok", "error", "ok"]
    error = results[1].error
    assert error is not None and error.fields["component"] == "test_exploding_late_component"

    def unlabelled(dump: dict[str, Any]) -> dict[str, Any]:
        """The extraction without its article's id and source id (events' sources carry the id too)."""
        events = [{**e, "sources": [{**s, "article_id": 0} for s in e["sources"]]} for e in dump["events"]]
        return dump | {"article_id": 0, "source_id": "", "events": events}

    first, third = results[0].model_dump(), results[2].model_dump()
    assert results[0].quotes and unlabelled(first) == unlabelled(third)


def test_very_long_article_is_processed_in_pieces_with_true_offsets(nlp: Language) -> None:
    filler = "The weather in the region stayed mild and the markets were calm that week.\n" * 1800
    text = filler + TALKS
    assert len(text) > 100_000
    (result,) = extract_texts(nlp, [ArticleInput(1, "long", text, None, "en")])
    assert result.status == "ok"
    lavrov = [a for a in result.actors if a.name == "Sergei Lavrov"]
    assert lavrov and all(text[a.start : a.end] == a.surface for a in lavrov)
    assert all(text[q.start : q.end].strip() and q.sentence in text for q in result.quotes)


def test_store_extractions_replaces_atomically(engine: Engine, nlp: Language) -> None:
    article_id = add_article(engine, TALKS)
    (result,) = extract_texts(nlp, [ArticleInput(article_id, "x", TALKS, None, "en")])
    store_extractions(engine, [result], PIPELINE_VERSION)
    before = counts(engine)
    store_extractions(engine, [result, result.model_copy(update={"quotes": []})], PIPELINE_VERSION)
    after = counts(engine)
    assert after["extractions"] == 1 and after["quotes"] == 0
    assert after["actor_mentions"] == before["actor_mentions"]


def test_extract_command(tmp_path: Path, nlp: Language) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = open_store(url)
    add_article(engine, TALKS)
    add_article(engine, GERMAN, language="de")
    result = CliRunner().invoke(app, ["extract", "--db", url])
    assert result.exit_code == 0, result.output
    assert "1 ok, 1 skipped, 0 failed" in result.stdout
    assert "A302" in result.stderr


def test_extract_command_tells_skips_from_failures_by_code_not_by_message(tmp_path: Path) -> None:
    # The skip message quotes the source id; a source id that reads like a failure code stays a skip.
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = open_store(url)
    article_id = add_article(engine, GERMAN, language="de", source_id="notes-[A301]-[A350].txt")
    result = CliRunner().invoke(app, ["extract", "--db", url])
    assert result.exit_code == 0, result.output
    assert "0 ok, 1 skipped, 0 failed" in result.stdout
    line = f"[A302] article {article_id} (notes-[A301]-[A350].txt): skipped, language is 'de', not English"
    assert result.stderr.splitlines() == [f"skipped: {line}"]
    with session_scope(engine) as session:
        assert session.scalar(select(Extraction.reason)) == line  # the store keeps the one-line message


@pytest.mark.parametrize("text", ["", "   ", "12345 67890"])
def test_texts_without_sentences_are_skipped(nlp: Language, text: str) -> None:
    (result,) = extract_texts(nlp, [ArticleInput(1, "blank", text, None, None)])
    assert result.status == "skipped" and result.error is not None and result.error.code is Errors.A303


@pytest.mark.slow
def test_two_processes_give_the_same_results_in_order(nlp: Language) -> None:
    docs = [ArticleInput(i, f"a{i}", TALKS + f" Round {i}.", None, "en") for i in range(6)]
    serial = [r.model_dump() for r in extract_texts(nlp, docs, batch_size=2)]
    parallel = [r.model_dump() for r in extract_texts(nlp, docs, batch_size=2, n_process=2)]
    assert parallel == serial


def test_noisy_texts_never_break_a_component_and_offsets_stay_inside(nlp: Language) -> None:
    import random

    rng = random.Random(20220310)
    pieces = ['"', "“", "”", "‘", "’", " - ", "\n", ": - ", "Putin", "said", "Zelensky", ",", ".", "the",
              "ceasefire", "if", "not", "met", "in", "Kyiv", "talks", "he", "according to", "NATO", "2022",
              "on Monday", "—", "(", ")", "sanctions"]  # fmt: skip
    texts = [
        " ".join(rng.choice(pieces) for _ in range(rng.randint(2, 80))) + " Lavrov met Kuleba."
        for _ in range(60)
    ]
    docs = [ArticleInput(i, f"n{i}", t, None, "en") for i, t in enumerate(texts)]
    for result, text in zip(extract_texts(nlp, docs), texts, strict=True):
        assert result.status == "ok", result.reason
        for item in [*result.actors, *result.quotes, *result.events, *result.positions]:
            assert 0 <= item.start <= item.end <= len(text)
            assert text[item.sentence_start : item.sentence_start + len(item.sentence)] == item.sentence


TOLD_TWICE = (
    "Vladimir Putin held talks with Recep Tayyip Erdogan on Monday. "
    "The talks between Putin and Erdogan took place in the Russian resort of Sochi."
)


def _assert_sources_point_into(text: str, article_id: int, sources: list[dict[str, Any]]) -> None:
    assert len(sources) == 2 and len({s["sentence_start"] for s in sources}) == 2
    for source in sources:
        assert source["article_id"] == article_id
        sentence = text[source["sentence_start"] : source["sentence_start"] + len(source["sentence"])]
        assert sentence == source["sentence"]
        assert source["sentence_start"] <= source["start"] < source["end"]
        assert text[source["start"] : source["end"]] in source["sentence"]


def test_an_event_told_twice_keeps_every_source_through_the_store_and_the_export(
    engine: Engine, nlp: Language
) -> None:
    article_id = add_article(engine, TOLD_TWICE)
    run_extraction(engine, nlp=nlp)
    with session_scope(engine) as session:
        (event,) = session.scalars(select(Event).where(Event.type.in_(["meeting", "negotiation_round"])))
        _assert_sources_point_into(TOLD_TWICE, article_id, event.sources)
        assert event.sources[0]["start"] == event.start  # the event's own offsets are its first report's
    (record,) = export_records(engine)
    (exported,) = [e for e in record["events"] if e["type"] in {"meeting", "negotiation_round"}]
    assert exported["sources"] == event.sources


def test_sources_of_a_long_article_keep_true_offsets(nlp: Language) -> None:
    filler = "The weather in the region stayed mild and the markets were calm that week.\n" * 1800
    text = filler + TOLD_TWICE
    (result,) = extract_texts(nlp, [ArticleInput(7, "long", text, None, "en")])
    (event,) = [e for e in result.events if e.type in {"meeting", "negotiation_round"}]
    _assert_sources_point_into(text, 7, [s.model_dump() for s in event.sources])
