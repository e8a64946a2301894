"""Distributed extraction on a real local Dask cluster (two worker processes) with the real spaCy model."""

from __future__ import annotations

import datetime as dt
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from accord.cli import app
from accord.errors import AccordError, Errors
from accord.extract.distributed import (
    chunked,
    pending_article_ids,
    run_distributed,
    worker_load_count,
)
from accord.extract.items import ArticleExtraction
from accord.store import open_store, session_scope
from accord.store.schema import Article, Extraction, Quote

distributed = pytest.importorskip("distributed")

PARTIES = ["Ukraine", "Russia", "France", "Germany", "Turkey"]
CITIES = ["Minsk", "Istanbul", "Geneva", "Vienna"]


def _text(n: int) -> str:
    a, b = PARTIES[n % len(PARTIES)], PARTIES[(n + 2) % len(PARTIES)]
    city = CITIES[n % len(CITIES)]
    return (
        f"Delegations from {a} and {b} met in {city} on Monday for round {n} of the talks. "
        f'"We will not accept any deal that leaves the border open," the envoy of {a} told reporters. '
        f"Officials of {b} said a prisoner exchange could be agreed next week."
    )


def add_articles(engine: Engine, count: int) -> list[int]:
    with session_scope(engine) as session:
        rows = [
            Article(
                source_id=f"dist-{n}", version=1, content_hash=f"dist-hash-{n}", text=_text(n),
                title=f"Round {n}", published=dt.date(2022, 3, 1) + dt.timedelta(days=n), language="en",
                word_count=len(_text(n).split()), extra={},
            )
            for n in range(count)
        ]  # fmt: skip
        session.add_all(rows)
        session.flush()
        return [row.id for row in rows]


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """One two-worker local cluster for the module: starting one loads spaCy in each worker."""
    local = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    yield local
    local.close()


def extraction_counts(engine: Engine) -> dict[int, int]:
    with Session(engine) as session:
        rows = session.execute(select(Extraction.article_id, func.count()).group_by(Extraction.article_id))
        return {article_id: count for article_id, count in rows}


def test_chunked_covers_every_id_once() -> None:
    ids = list(range(10))
    chunks = list(chunked(ids, 4))
    assert chunks == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]


def test_cluster_extracts_every_article_once(engine: Engine, cluster: Any) -> None:
    ids = add_articles(engine, 24)
    report = run_distributed(engine, scheduler=cluster.scheduler_address, chunk_size=4)
    assert report.errors == 0
    assert report.processed == report.ok == 24
    assert 0 < report.write_seconds < report.seconds
    assert report.quotes > 0
    assert extraction_counts(engine) == {i: 1 for i in ids}
    with Session(engine) as session:
        quotes = session.scalars(select(Quote)).all()
    assert quotes, "the pipeline found no quote in articles that each hold one"
    assert {q.article_id for q in quotes} <= set(ids)
    for quote in quotes:  # provenance survives the trip through the workers
        assert quote.sentence_start <= quote.start < quote.end
    assert pending_article_ids(engine) == []
    again = run_distributed(engine, scheduler=cluster.scheduler_address, chunk_size=4)
    assert again.processed == 0


def test_each_worker_loads_the_pipeline_once(sqlite_url: str, cluster: Any) -> None:
    engine = open_store(sqlite_url)
    add_articles(engine, 12)
    run_distributed(engine, scheduler=cluster.scheduler_address, chunk_size=2)
    run_distributed(engine, scheduler=cluster.scheduler_address, chunk_size=2, force=True)
    with distributed.Client(cluster) as client:
        counts = client.run(worker_load_count)
    assert len(counts) == 2
    assert set(counts.values()) == {1}, counts


def test_force_redoes_and_replaces(engine: Engine, cluster: Any) -> None:
    ids = add_articles(engine, 8)
    run_distributed(engine, scheduler=cluster.scheduler_address, chunk_size=4)
    report = run_distributed(engine, scheduler=cluster.scheduler_address, chunk_size=4, force=True)
    assert report.processed == 8
    assert extraction_counts(engine) == {i: 1 for i in ids}


def test_unreachable_scheduler_is_one_clear_error(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    add_articles(engine, 1)
    with pytest.raises(AccordError) as caught:
        run_distributed(engine, scheduler="tcp://127.0.0.1:9", chunk_size=4, connect_timeout=1)
    assert caught.value.code is Errors.A351
    assert "tcp://127.0.0.1:9" in caught.value.message


def _set_pipeline_version(version: str) -> str:
    from accord.extract import pipeline

    previous = pipeline.PIPELINE_VERSION
    pipeline.PIPELINE_VERSION = version
    return previous


def test_a_worker_on_another_pipeline_version_stores_nothing(sqlite_url: str, cluster: Any) -> None:
    engine = open_store(sqlite_url)
    add_articles(engine, 4)
    with distributed.Client(cluster) as client:
        previous = client.run(_set_pipeline_version, "accord-extract-other")
        try:
            report = run_distributed(engine, scheduler=cluster.scheduler_address, chunk_size=4)
        finally:
            client.run(_set_pipeline_version, next(iter(previous.values())))
    assert report.errors == 4
    assert len(report.problems) == 1
    (problem,) = report.failures
    assert problem.code is Errors.A350 and "accord-extract-other" in problem.fields["reason"]
    assert str(problem).startswith("[A350] articles ")
    assert extraction_counts(engine) == {}


def test_cli_extracts_on_a_running_scheduler(sqlite_url: str, cluster: Any) -> None:
    engine = open_store(sqlite_url)
    ids = add_articles(engine, 6)
    result = CliRunner().invoke(
        app, ["extract", "--db", sqlite_url, "--scheduler", cluster.scheduler_address]
    )
    assert result.exit_code == 0, result.output
    assert "extracted 6 article(s)" in result.stdout
    assert extraction_counts(engine) == {i: 1 for i in ids}


def test_cli_workers_above_one_start_a_local_cluster(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    ids = add_articles(engine, 4)
    result = CliRunner().invoke(app, ["extract", "--db", sqlite_url, "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "extracted 4 article(s)" in result.stdout
    assert extraction_counts(engine) == {i: 1 for i in ids}


def _items(engine: Engine) -> list[tuple[Any, ...]]:
    with Session(engine) as session:
        quotes = session.execute(select(Quote.article_id, Quote.start, Quote.end, Quote.speaker)).all()
        rows = session.execute(select(Extraction.article_id, Extraction.status)).all()
    return sorted((tuple(r) for r in [*quotes, *rows]), key=repr)


def test_cluster_stores_what_the_in_process_runner_stores(tmp_path: Path, nlp: Any, cluster: Any) -> None:
    from accord.extract.runner import run_extraction

    local = open_store(f"sqlite:///{tmp_path / 'local.db'}")
    spread = open_store(f"sqlite:///{tmp_path / 'spread.db'}")
    add_articles(local, 10)
    add_articles(spread, 10)
    run_extraction(local, nlp=nlp)
    run_distributed(spread, scheduler=cluster.scheduler_address, chunk_size=3)
    assert _items(spread) == _items(local)
    assert any(len(item) == 4 for item in _items(local)), "no quote to compare"


# Last: the killed worker's replacement reloads the pipeline, which later tests would wait for.
def _busy_worker(client: Any) -> str | None:
    """A worker running a chunk right now, if any."""
    for address, keys in client.processing().items():
        if keys:
            return str(address)
    return None


@pytest.mark.postgres
def test_killing_a_worker_mid_run_loses_no_article(postgres_url: str, cluster: Any) -> None:
    # On PostgreSQL only, the store of a real cluster deployment: the client writes the same way to both
    # backends, and a second kill would mostly time the replacement worker reloading spaCy.
    engine = open_store(postgres_url)
    ids = add_articles(engine, 40)
    killed: list[int] = []
    stored_after_kill: list[int] = []

    def kill_one_worker_once(results: list[ArticleExtraction], client: Any) -> None:
        if killed:
            stored_after_kill.extend(r.article_id for r in results)
            return
        address = _busy_worker(client)
        if address is None:  # every chunk in flight already finished: try again after the next one
            return
        pid = client.run(os.getpid, workers=[address])[address]
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    report = run_distributed(
        engine, scheduler=cluster.scheduler_address, chunk_size=4, progress=kill_one_worker_once
    )
    assert killed, "no worker was killed"
    assert stored_after_kill, "the kill came after the last chunk: it tested nothing"
    assert report.errors == 0
    assert report.ok == 40
    assert extraction_counts(engine) == {i: 1 for i in ids}
    engine.dispose()
    with pytest.raises(ProcessLookupError):  # the nanny reaped it: it really died
        os.kill(killed[0], 0)


def test_workers_mean_dask_workers_in_analyze_as_in_extract(sqlite_url: str, tmp_path: Path) -> None:
    from accord.analyze import analyze

    engine = open_store(sqlite_url)
    ids = add_articles(engine, 4)
    result = analyze([], engine, tmp_path / "out", draws=0, workers=2, progress=False)
    assert result.ok, result.errors
    assert result.stage("extract").detail.endswith("on 2 Dask workers")
    assert extraction_counts(engine) == {i: 1 for i in ids}


def test_workers_help_says_the_same_in_extract_and_analyze() -> None:
    for command in ("extract", "analyze"):
        text = CliRunner().invoke(app, [command, "--help"]).output
        words = " ".join(text.replace("│", " ").split())
        assert "Extraction worker processes: above 1, a local Dask cluster of that many" in words, command
