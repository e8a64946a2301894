"""Run the pipeline over articles and store what it finds.

``extract_texts`` turns article texts into :class:`ArticleExtraction` results (skipping non-English
and sentence-less articles, recording a failing component as an error, never stopping the batch);
``store_extractions`` replaces each article's previous extraction atomically; ``run_extraction``
does both for the stored articles that have no current extraction.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pydantic import BaseModel, Field
from spacy.language import Language
from spacy.tokens import Doc
from sqlalchemy import Engine, delete, insert, select

from accord.errors import AccordError, ErrorRecord, Errors
from accord.extract.components.common import register_extensions
from accord.extract.event_merge import merge_cluster_events
from accord.extract.items import (
    ActorItem,
    ArticleExtraction,
    ArticleInput,
    EventItem,
    EventSource,
    PositionItem,
    QuoteItem,
)
from accord.extract.pipeline import extraction_version, load_pipeline
from accord.settings import DEFAULTS
from accord.store.database import session_scope
from accord.store.queries import needs_extraction
from accord.store.schema import ActorMention, Article, Event, Extraction, Position, Quote

# Longer texts are parsed in pieces cut at paragraph breaks: the parser's memory grows with length and
# spaCy refuses texts over nlp.max_length.
CHUNK_CHARS = 100_000
ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "it",
        "said",
        "at",
        "from",
        "he",
        "his",
        "are",
        "be",
        "has",
        "have",
        "not",
        "this",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")

Progress = Callable[[int], None]


class ExtractReport(BaseModel):
    processed: int = 0
    ok: int = 0
    skipped: int = 0
    errors: int = 0
    up_to_date: int = 0
    actors: int = 0
    quotes: int = 0
    events: int = 0
    positions: int = 0
    seconds: float = 0.0
    pipeline_version: str = Field(default_factory=extraction_version)
    # Why articles were skipped or failed, in the order met; ``failures`` tells the two apart by code.
    problems: list[ErrorRecord] = Field(default_factory=list)

    def count(self, result: ArticleExtraction) -> None:
        """Tally one article's result; the local and the distributed runs both count through here."""
        self.processed += 1
        if result.status == "ok":
            self.ok += 1
            self.actors += len(result.actors)
            self.quotes += len(result.quotes)
            self.events += len(result.events)
            self.positions += len(result.positions)
            return
        if result.status == "skipped":
            self.skipped += 1
        else:
            self.errors += 1
        if result.error is not None:
            self.problems.append(result.error)

    @property
    def failures(self) -> list[ErrorRecord]:
        """The problems that are failures (a component or a distributed chunk failed), not skips."""
        return [p for p in self.problems if is_failure(p)]


# An article (A301) or a chunk of articles (A350) that could not be extracted; every other code an
# extraction report carries says why an article was skipped.
FAILURE_CODES = frozenset({Errors.A301, Errors.A350})


def is_failure(problem: ErrorRecord) -> bool:
    return problem.code in FAILURE_CODES


# -- from texts to results ---------------------------------------------------------------------------


def precheck(article: ArticleInput) -> ArticleExtraction | None:
    """A skipped result for an article the pipeline should not read, else None."""
    label = _label(article)
    language = (article.language or "").strip().lower()
    if language and not language.startswith("en"):
        return _skipped(article, AccordError(Errors.A302, article=label, language=article.language))
    words = _WORD.findall(article.text)
    if len(words) < 2:
        return _skipped(article, AccordError(Errors.A303, article=label))
    if not language and len(words) >= 40:
        sample = [w.lower() for w in words[:400]]
        share = sum(w in ENGLISH_WORDS for w in sample) / len(sample)
        if share < 0.05:
            return _skipped(
                article, AccordError(Errors.A302, article=label, language="unknown (not English)")
            )
    return None


def extract_texts(
    nlp: Language,
    docs: Iterable[ArticleInput],
    *,
    batch_size: int | None = None,
    n_process: int = 1,
) -> Iterator[ArticleExtraction]:
    """One result per input article, in input order."""
    register_extensions()
    size = batch_size or DEFAULTS.batch_size
    finished: dict[int, ArticleExtraction] = {}
    parts: dict[int, list[ArticleExtraction]] = {}
    order: deque[tuple[int, ArticleInput, int]] = deque()  # (serial, article, number of chunks)

    def tasks() -> Iterator[tuple[Doc, tuple[int, int, int]]]:
        for serial, article in enumerate(docs):
            early = precheck(article)
            if early is not None:
                finished[serial] = early
                order.append((serial, article, 0))
                continue
            chunks = list(_chunks(article.text))
            order.append((serial, article, len(chunks)))
            for number, (offset, piece) in enumerate(chunks):
                doc = nlp.make_doc(piece)
                doc._.accord_published = article.published.isoformat() if article.published else None
                yield doc, (serial, number, offset)

    def drain() -> Iterator[ArticleExtraction]:
        while order:
            serial, article, count = order[0]
            if serial in finished:
                order.popleft()
                yield finished.pop(serial)
            elif count and len(parts.get(serial, [])) == count:
                order.popleft()
                yield _combine(article, parts.pop(serial))
            else:
                return

    for doc, (serial, _number, offset) in _parse(nlp, tasks(), size, n_process):
        article = next(a for s, a, _ in order if s == serial)
        parts.setdefault(serial, []).append(_result(article, doc).shifted(offset))
        yield from drain()
    yield from drain()


def _parse(
    nlp: Language, tasks: Iterator[tuple[Doc, Any]], batch_size: int, n_process: int
) -> Iterator[tuple[Doc, Any]]:
    """``nlp.pipe`` in order; if the model itself fails on a batch, go on one doc at a time."""
    pending: deque[tuple[Doc, Any]] = deque()

    def feed() -> Iterator[tuple[Doc, Any]]:
        for task in tasks:
            pending.append(task)
            yield task

    stream = feed()
    try:
        for doc, context in nlp.pipe(stream, as_tuples=True, batch_size=batch_size, n_process=n_process):
            pending.popleft()
            yield doc, context
    except Exception:
        # The failing doc is somewhere in the batch in flight: redo the rest one by one. The batch's docs
        # went through the components before the failing one, so each restarts from its text.
        rest = [(_fresh(nlp, doc), context) for doc, context in pending]
        pending.clear()
        for doc, context in [*rest, *stream]:
            yield _one(nlp, doc), context


def _fresh(nlp: Language, doc: Doc) -> Doc:
    """``doc`` as the tasks made it: its text and the publication date, nothing the pipeline set."""
    new = nlp.make_doc(doc.text)
    new._.accord_published = doc._.accord_published
    return new


def _one(nlp: Language, doc: Doc) -> Doc:
    for name, proc in nlp.pipeline:
        try:
            doc = proc(doc)
        except Exception as exc:  # recorded on the doc; the batch goes on
            errors = doc._.accord_errors or []
            errors.append({"component": name, "reason": f"{type(exc).__name__}: {exc}"})
            doc._.accord_errors = errors
            return doc
    return doc


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    if len(text) <= CHUNK_CHARS:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(start + CHUNK_CHARS, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            if cut < 0:
                cut = text.rfind(". ", start + CHUNK_CHARS // 2, end)
                cut = cut + 1 if cut >= 0 else end
            end = cut
        yield start, text[start:end]
        start = end


def _label(article: ArticleInput) -> str:
    return f"article {article.article_id} ({article.source_id})"


def _skipped(article: ArticleInput, error: AccordError) -> ArticleExtraction:
    return ArticleExtraction(
        article_id=article.article_id, source_id=article.source_id, status="skipped", error=error.record()
    )


def _result(article: ArticleInput, doc: Doc) -> ArticleExtraction:
    errors = doc._.accord_errors or []
    if errors:
        first = errors[0]
        error = AccordError(
            Errors.A301, article=_label(article), component=first["component"], reason=first["reason"]
        )
        return ArticleExtraction(
            article_id=article.article_id, source_id=article.source_id, status="error", error=error.record()
        )
    if not any(True for _ in doc.sents) or not any(t.is_alpha for t in doc):
        return _skipped(article, AccordError(Errors.A303, article=_label(article)))
    return ArticleExtraction(
        article_id=article.article_id,
        source_id=article.source_id,
        actors=[ActorItem(**_fields(ActorItem, m)) for m in doc._.accord_mentions or []],
        quotes=[QuoteItem(**_fields(QuoteItem, q)) for q in doc._.accord_quotes or []],
        events=[_event(article.article_id, e) for e in doc._.accord_events or []],
        positions=[PositionItem(**_fields(PositionItem, p)) for p in doc._.accord_positions or []],
    )


def _fields(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k in model.model_fields}


def _event(article_id: int, data: dict[str, Any]) -> EventItem:
    """The event with each sentence that reports it (its own, if the pipeline listed none) tagged with
    the article, so a source still says where it comes from once events of several articles merge."""
    told = data.get("sources") or [data]
    sources = [{**_fields(EventSource, s), "article_id": article_id} for s in told]
    return EventItem(**{**_fields(EventItem, data), "sources": sources})


def _combine(article: ArticleInput, pieces: list[ArticleExtraction]) -> ArticleExtraction:
    if len(pieces) == 1:
        return pieces[0]
    bad = [p for p in pieces if p.status == "error"]
    if bad:
        return bad[0]
    good = [p for p in pieces if p.status == "ok"]
    if not good:
        return pieces[0]
    return ArticleExtraction(
        article_id=article.article_id,
        source_id=article.source_id,
        actors=[a for p in good for a in p.actors],
        quotes=[q for p in good for q in p.quotes],
        events=[e for p in good for e in p.events],
        positions=[x for p in good for x in p.positions],
    )


# -- storing -----------------------------------------------------------------------------------------


def store_extractions(engine: Engine, results: Iterable[ArticleExtraction], pipeline_version: str) -> int:
    """Replace each article's extraction with its new one; returns how many were stored.

    Each article's old extraction row (and, by cascade, its items) is deleted and the new one inserted in
    the same transaction, so a reader sees either the old extraction or the new one, never a mix. Then the
    events of the near-duplicate clusters these articles belong to are merged again
    (:func:`accord.extract.event_merge.merge_cluster_events`).
    """
    stored: list[int] = []
    batch: list[ArticleExtraction] = []
    for result in results:
        batch.append(result)
        if len(batch) >= 50:
            stored += _store_batch(engine, batch, pipeline_version)
            batch = []
    if batch:
        stored += _store_batch(engine, batch, pipeline_version)
    # Near-duplicate copies of a story tell the same events: merge them across each touched cluster.
    merge_cluster_events(engine, stored)
    return len(stored)


def _store_batch(engine: Engine, batch: list[ArticleExtraction], pipeline_version: str) -> list[int]:
    # The same article twice in one batch: the later result is the one that stands.
    batch = list({r.article_id: r for r in batch}.values())
    with session_scope(engine) as session:
        ids = [r.article_id for r in batch]
        old = list(session.scalars(select(Extraction.id).where(Extraction.article_id.in_(ids))))
        if old:
            for table in (ActorMention, Quote, Event, Position):
                session.execute(delete(table).where(table.extraction_id.in_(old)))
            session.execute(delete(Extraction).where(Extraction.id.in_(old)))
        # Core bulk inserts, not ORM objects: with Dask the client alone writes every worker's results,
        # and per-object flushes made it steal a core's worth of CPU from the workers.
        extraction_ids = session.scalars(
            insert(Extraction).returning(Extraction.id, sort_by_parameter_order=True),
            [
                {
                    "article_id": r.article_id,
                    "pipeline_version": pipeline_version,
                    "status": r.status,
                    "reason": r.reason,
                }
                for r in batch
            ],
        ).all()
        models = (ActorMention, Quote, Event, Position)
        rows: tuple[list[dict[str, Any]], ...] = ([], [], [], [])
        for extraction_id, result in zip(extraction_ids, batch, strict=True):
            common = {"extraction_id": extraction_id, "article_id": result.article_id}
            kinds: tuple[list[BaseModel], ...] = (
                list(result.actors),
                list(result.quotes),
                list(result.events),
                list(result.positions),
            )
            for bucket, items in zip(rows, kinds, strict=True):
                bucket.extend({**common, **item.model_dump()} for item in items)
        for model, model_rows in zip(models, rows, strict=True):
            if model_rows:
                session.execute(insert(model), model_rows)
    return [r.article_id for r in batch]


# -- the whole run -------------------------------------------------------------------------------------


def pending_articles(
    engine: Engine, *, since: dt.date | None = None, force: bool = False, page: int = 200
) -> Iterator[ArticleInput]:
    """Stored articles without a current extraction (all of them with ``force``), oldest id first."""
    last = 0
    while True:
        with session_scope(engine) as session:
            query = (
                select(Article.id, Article.source_id, Article.text, Article.published, Article.language)
                .where(Article.id > last)
                .order_by(Article.id)
                .limit(page)
            )
            if not force:
                query = query.where(needs_extraction(extraction_version()))
            if since is not None:
                query = query.where(Article.published >= since)
            rows = session.execute(query).all()
        if not rows:
            return
        for row in rows:
            yield ArticleInput(row.id, row.source_id, row.text or "", row.published, row.language)
        last = rows[-1].id


def run_extraction(
    engine: Engine,
    *,
    since: dt.date | None = None,
    force: bool = False,
    n_process: int = 1,
    batch_size: int | None = None,
    progress: Progress | None = None,
    nlp: Language | None = None,
    model: str | None = None,
    actors: str = "",
) -> ExtractReport:
    """Extract every stored article that needs it and store the results, in this process (``n_process``
    above 1: spaCy's own ``nlp.pipe`` processes; many workers are :mod:`accord.extract.distributed`'s).
    ``nlp`` is a loaded pipeline to reuse, else one is loaded from ``model`` and ``actors`` (the settings
    ``spacy_model`` and ``actors``); ``batch_size`` None is the declared default of ``batch_size``."""
    started = time.perf_counter()
    report = ExtractReport()
    articles = list(pending_articles(engine, since=since, force=force))
    if not articles:
        report.seconds = time.perf_counter() - started
        return report
    nlp = nlp or load_pipeline(model, actors=actors)

    def counted() -> Iterator[ArticleExtraction]:
        for result in extract_texts(nlp, articles, batch_size=batch_size, n_process=max(1, n_process)):
            report.count(result)
            if progress is not None:
                progress(1)
            yield result

    store_extractions(engine, counted(), extraction_version())
    report.seconds = time.perf_counter() - started
    return report
