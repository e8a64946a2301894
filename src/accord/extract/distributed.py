"""Extraction spread over a Dask cluster: a local one (``--workers N``) or a running one (``--scheduler``).

How the work is split and written back:

- The client selects the articles to extract (not extracted yet, or all with ``force``; ``since`` limits by
  publication date) and cuts their ids into chunks. It reads each chunk's texts from the store just before
  submitting it and keeps only a bounded number of chunks in flight, so memory stays flat for any corpus.
- A worker loads the spaCy pipeline once per process (a module-level cache keyed by model and actor
  registry, filled on first use) and returns the chunk's :class:`ArticleExtraction` results.
- The client alone writes, one chunk per transaction, through the runner's ``store_extractions``, which
  replaces an article's extraction atomically. One writer works the same on SQLite (a file on the client's
  machine, which remote workers could not reach and which allows one writer at a time) and on PostgreSQL,
  and workers need neither database credentials nor a driver. Extraction costs far more than writing
  its results, so the single writer is not the bottleneck (see ``bench/scale.py``).

A worker that dies mid-chunk (killed, out of memory) loses nothing: the scheduler reruns its unfinished
chunks on the surviving or restarted workers, and since a chunk's result reaches the client once and the
write replaces rather than appends, every article ends extracted exactly once.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from accord.errors import AccordError, Errors
from accord.extract.items import ArticleExtraction, ArticleInput
from accord.extract.runner import ExtractReport
from accord.settings import DEFAULTS
from accord.store.queries import needs_extraction
from accord.store.schema import Article

# -- on the workers ----------------------------------------------------------------------------------

_PIPELINES: dict[tuple[str, str], Any] = {}
_PIPELINE_LOCK = threading.Lock()
LOAD_COUNT = 0  # pipelines this process has built; the tests read it on each worker


def worker_pipeline(model: str, actors: str) -> Any:
    """The pipeline for ``(model, actors)``, built on first use in this process and kept."""
    global LOAD_COUNT
    key = (model, actors)
    with _PIPELINE_LOCK:
        if key not in _PIPELINES:
            from pathlib import Path

            from accord.extract.actor_registry import load_registry
            from accord.extract.pipeline import load_pipeline

            registry = load_registry(Path(actors) if actors else None)
            _PIPELINES[key] = load_pipeline(model, registry=registry)
            LOAD_COUNT += 1
        return _PIPELINES[key]


def extract_chunk(
    model: str, actors: str, docs: Sequence[ArticleInput], batch_size: int | None = None
) -> tuple[str, list[ArticleExtraction]]:
    """Run on a worker: extract one chunk with the worker's cached pipeline.

    Returns the worker's pipeline version with the results: a worker on another Accord release would
    otherwise have its results stored under the client's version.
    """
    from accord.extract import pipeline
    from accord.extract.runner import extract_texts

    nlp = worker_pipeline(model, actors)
    return pipeline.extraction_version(), list(extract_texts(nlp, docs, batch_size=batch_size))


def worker_load_count() -> int:
    return LOAD_COUNT


# -- on the client -----------------------------------------------------------------------------------


class DistributedReport(ExtractReport):
    """What one distributed run did: the runner's report, plus where it ran."""

    scheduler: str = "local"
    workers: int = 1
    write_seconds: float = 0.0  # time the client spent storing results, the part that does not scale out

    @property
    def articles_per_second(self) -> float:
        return self.processed / self.seconds if self.seconds > 0 else 0.0


def pending_article_ids(
    engine: Engine, *, since: dt.date | None = None, force: bool = False, pipeline_version: str | None = None
) -> list[int]:
    """Ids of the articles to extract: those with no extraction, or one by another pipeline version.

    With ``force`` every article (published on or after ``since``, when given) is redone.
    """
    query = select(Article.id).order_by(Article.id)
    if since is not None:
        query = query.where(Article.published >= since)
    if not force:
        query = query.where(needs_extraction(pipeline_version))
    with Session(engine) as session:
        return list(session.scalars(query))


def load_inputs(engine: Engine, ids: Sequence[int]) -> list[ArticleInput]:
    with Session(engine) as session:
        rows = session.execute(
            select(Article.id, Article.source_id, Article.text, Article.published, Article.language)
            .where(Article.id.in_(list(ids)))
            .order_by(Article.id)
        )
        return [ArticleInput(*row) for row in rows]


def chunked(ids: Sequence[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def _distributed() -> Any:
    """The ``distributed`` package, typed loosely: parts of its API carry no annotations."""
    import distributed

    return distributed


@contextmanager
def dask_client(scheduler: str | None, workers: int, connect_timeout: float = 10.0) -> Iterator[Any]:
    """A client on ``scheduler``, or on a new local cluster of ``workers`` one-thread processes."""
    dist = _distributed()
    if scheduler:
        try:
            client = dist.Client(scheduler, timeout=f"{connect_timeout}s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise AccordError(Errors.A351, scheduler=scheduler, reason=str(exc).splitlines()[0]) from exc
        try:
            yield client
        finally:
            client.close()
        return
    # One thread per process: spaCy holds the GIL while parsing, so threads would not add throughput.
    cluster = dist.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    client = dist.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


Progress = Callable[[list[ArticleExtraction], Any], None]


def run_distributed(
    engine: Engine,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    since: dt.date | None = None,
    force: bool = False,
    chunk_size: int | None = None,
    progress: Progress | None = None,
    connect_timeout: float = 10.0,
    model: str = DEFAULTS.spacy_model,
    actors: str = DEFAULTS.actors,
    batch_size: int = DEFAULTS.batch_size,
) -> DistributedReport:
    """Extract the pending articles on a Dask cluster and store the results; see the module docstring.

    Each worker loads the pipeline of ``model`` with the actor registry file ``actors`` merged in (the
    settings ``spacy_model`` and ``actors``), and parses chunks of ``chunk_size`` articles (None:
    ``batch_size``) in ``nlp.pipe`` batches of ``batch_size`` (the setting).
    ``progress(results, client)`` is called after each chunk is stored.
    """
    from accord.extract.pipeline import extraction_version

    size = chunk_size or batch_size
    started = time.perf_counter()
    ids = pending_article_ids(engine, since=since, force=force, pipeline_version=extraction_version())
    with dask_client(scheduler, workers, connect_timeout) as client:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        report = DistributedReport(scheduler=scheduler or "local", workers=n_workers)
        chunks = chunked(ids, size)
        in_flight = _distributed().as_completed()
        owner: dict[str, list[int]] = {}

        def submit_next() -> bool:
            chunk = next(chunks, None)
            if chunk is None:
                return False
            future = client.submit(
                extract_chunk, model, actors, load_inputs(engine, chunk), batch_size, pure=False
            )
            owner[future.key] = chunk
            in_flight.add(future)
            return True

        # Two chunks per worker keep every worker busy while the client stores the previous result.
        for _ in range(2 * n_workers):
            if not submit_next():
                break
        for future in in_flight:
            chunk = owner.pop(future.key)
            results = _store_chunk(engine, report, future, chunk)
            if results is not None and progress is not None:
                progress(results, client)
            future.release()
            submit_next()
    report.seconds = time.perf_counter() - started
    return report


def _store_chunk(
    engine: Engine, report: DistributedReport, future: Any, chunk: list[int]
) -> list[ArticleExtraction] | None:
    """Store a finished chunk's results and count them in ``report``; None when the chunk failed."""
    from accord.extract.pipeline import extraction_version
    from accord.extract.runner import store_extractions

    version = extraction_version()
    results, reason = _outcome(future, version)
    if reason is not None:
        error = AccordError(Errors.A350, first=chunk[0], last=chunk[-1], count=len(chunk), reason=reason)
        report.problems.append(error.record())
        report.errors += len(chunk)
        return None
    writing = time.perf_counter()
    store_extractions(engine, results, version)
    report.write_seconds += time.perf_counter() - writing
    for result in results:
        report.count(result)
    return results


def _outcome(future: Any, expected_version: str) -> tuple[list[ArticleExtraction], str | None]:
    """A finished chunk's results, or why they cannot be stored."""
    try:
        version, results = future.result()
    except Exception as exc:  # failed for good, e.g. it kept killing the workers that ran it
        return [], repr(exc)
    if version != expected_version:
        return [], (
            f"worker runs pipeline {version}, this client {expected_version}; "
            "install the same Accord release on every worker"
        )
    return results, None
