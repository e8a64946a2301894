"""The ingest run: read every input, normalize, drop exact repeats, cluster near-duplicates, store.

Work is committed in small batches (a few files or about a second of work), so an interrupted run
keeps what it committed and a rerun skips it: an article already stored is recognised by its
content hash and counted as unchanged.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from sqlalchemy import Engine, delete, event, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from accord import settings
from accord.errors import AccordError, Errors
from accord.ingest.dedupe import ClusterIndex, Fingerprint, fingerprint
from accord.ingest.language import detect_language
from accord.ingest.models import IngestIssue, IngestReport, RawArticle
from accord.ingest.normalize import normalize_text, word_count
from accord.ingest.readers import STDIN, Item, iter_files, read_file, read_stdin
from accord.store import articles as store
from accord.store.schema import Article, Cluster

_BATCH_ITEMS = 200
_RETRIES = 8
# A unique-key clash (another writer stored the same article first) or a busy SQLite file.
_CONFLICTS = (IntegrityError, OperationalError)
_BATCH_SECONDS = 1.0
_PROGRESS_MIN_INPUTS = 20


def content_hash(source_id: str, outlet: str | None, title: str | None, text: str) -> str:
    """A stable SHA-256 of what makes an article itself: its source id, outlet, title and normalized text.

    The source id and outlet are part of it so the same story carried by two outlets stays two
    articles (clustered together) instead of one.
    """
    payload = json.dumps([source_id, outlet or "", title or "", text], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _language_code(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code[:16] or None


@dataclass
class _Known:
    """What the store already holds, kept in memory so each article costs no lookups."""

    hashes: set[str] = field(default_factory=set)
    version_of_source: dict[str, int] = field(default_factory=dict)
    version_of_url: dict[str, int] = field(default_factory=dict)
    outlets: dict[str, int] = field(default_factory=dict)
    clusters: dict[int, set[int | None]] = field(default_factory=dict)  # cluster -> outlet ids

    def note(self, source_id: str, url: str | None, version: int, digest: str) -> None:
        self.hashes.add(digest)
        self.version_of_source[source_id] = max(version, self.version_of_source.get(source_id, 0))
        if url:
            self.version_of_url[url] = max(version, self.version_of_url.get(url, 0))


class _Run:
    def __init__(self, engine: Engine, *, strict: bool, max_bytes: int | None) -> None:
        self.engine = engine
        self.strict = strict
        self.max_bytes = max_bytes
        self.threshold = float(settings.get("dedupe_threshold"))
        self.num_perm = int(settings.get("dedupe_num_perm"))
        self.shingle_size = int(settings.get("shingle_size"))
        self.report = IngestReport()
        self.committed = IngestReport()  # the report as of the last commit, restored on a replay
        self.batch: list[Item] = []
        self.session = Session(engine, expire_on_commit=False, autoflush=False)
        self.last_commit = time.monotonic()
        self._load()

    # -- state -------------------------------------------------------------------------------------
    def _load(self) -> None:
        self.known = _Known()
        self.index = ClusterIndex(self.threshold, self.num_perm)
        with self.session.begin():
            for source_id, url, version, digest in store.known_versions(self.session):
                self.known.note(source_id, url, version, digest)
            for article_id, cluster_id, outlet_id, blob in store.stored_fingerprints(self.session):
                print_ = Fingerprint.from_bytes(blob or b"", self.num_perm)
                if print_ is None:  # stored with other settings: recompute from the text
                    text = store.article_text(self.session, article_id)
                    print_ = fingerprint(text, num_perm=self.num_perm, shingle_size=self.shingle_size)
                if cluster_id is None:
                    continue
                self.index.add(article_id, print_, cluster_id)
                self.known.clusters.setdefault(cluster_id, set()).add(outlet_id)

    def handle(self, item: Item) -> None:
        """Apply one reader result to the open batch."""
        self.batch.append(item)
        try:
            self._apply(item)
        except _CONFLICTS:
            self._replay()

    def commit(self, *, force: bool = False) -> None:
        due = len(self.batch) >= _BATCH_ITEMS or time.monotonic() - self.last_commit >= _BATCH_SECONDS
        if not self.batch or not (force or due):
            return
        for attempt in range(_RETRIES):
            try:
                if self.session.in_transaction():
                    self.session.commit()
                break
            except _CONFLICTS:
                if attempt == _RETRIES - 1:
                    raise
                self._replay()
        self.batch.clear()
        self.committed = self.report.model_copy(deep=True)
        self.last_commit = time.monotonic()

    def _replay(self) -> None:
        """Another writer got there first: start the batch again from what the store now holds.

        Articles it stored meanwhile are then recognised by their content hash, so nothing is doubled.
        """
        for attempt in range(_RETRIES):
            self.session.rollback()
            time.sleep(0.05 * attempt)
            self.report = self.committed.model_copy(deep=True)
            self._load()
            try:
                for item in self.batch:
                    self._apply(item)
                return
            except _CONFLICTS:
                if attempt == _RETRIES - 1:
                    raise

    def _apply(self, item: Item) -> None:
        if isinstance(item, AccordError):
            self.fail(item)
        else:
            self.take(item)

    def _begin(self) -> None:
        if not self.session.in_transaction():
            self.session.begin()

    # -- items -------------------------------------------------------------------------------------
    def fail(self, error: AccordError) -> None:
        self._begin()
        source = str(error.fields.get("source", ""))
        store.record_ingest_error(self.session, source, error.code.name, error.message)
        self.report.errors.append(IngestIssue(source=source, code=error.code.name, message=error.message))

    def take(self, raw: RawArticle) -> None:
        text = normalize_text(raw.text)
        if not text:
            self.fail(AccordError(Errors.A107, source=raw.origin or raw.source_id, reason="text is empty"))
            return
        title = normalize_text(raw.title).replace("\n", " ") if raw.title else None
        outlet = normalize_text(raw.outlet) if raw.outlet else None
        digest = content_hash(raw.source_id, outlet, title, text)
        if digest in self.known.hashes:
            self.report.unchanged += 1
            return
        self._begin()
        previous = max(
            self.known.version_of_source.get(raw.source_id, 0),
            self.known.version_of_url.get(raw.url, 0) if raw.url else 0,
        )
        # A known source id or URL with other content makes a new version; the old one stays.
        version = previous + 1
        outlet_id = store.outlet_id(self.session, outlet, self.known.outlets)
        print_ = fingerprint(text, num_perm=self.num_perm, shingle_size=self.shingle_size)
        cluster_id = self._cluster_for(print_, outlet_id)
        article = store.store_article(
            self.session,
            source_id=raw.source_id[:500],
            version=version,
            content_hash=digest,
            title=title,
            text=text,
            url=raw.url[:2000] if raw.url else None,
            author=raw.author[:500] if raw.author else None,
            outlet_id=outlet_id,
            published=raw.published,
            language=_language_code(raw.language) or detect_language(text),
            word_count=word_count(text),
            origin=raw.origin[:2000] if raw.origin else None,
            extra=raw.extra,
            minhash=print_.to_bytes(),
            cluster_id=cluster_id,
        )
        self.index.add(article.id, print_, cluster_id)
        self.known.note(raw.source_id, raw.url, version, digest)
        if previous:
            self.report.new_versions += 1
        else:
            self.report.added += 1

    def _cluster_for(self, print_: Fingerprint, outlet_id: int | None) -> int:
        found = sorted(self.index.matching_clusters(print_))
        if not found:
            cluster = Cluster(size=1, outlet_count=1 if outlet_id is not None else 0)
            self.session.add(cluster)
            self.session.flush()
            self.known.clusters[cluster.id] = {outlet_id}
            return cluster.id
        target, others = found[0], found[1:]
        outlets = self.known.clusters.setdefault(target, set())
        if others:
            self.index.merge(target, others)
            self.session.execute(
                update(Article).where(Article.cluster_id.in_(others)).values(cluster_id=target)
            )
            self.session.execute(delete(Cluster).where(Cluster.id.in_(others)))
            for other in others:
                outlets |= self.known.clusters.pop(other, set())
        outlets.add(outlet_id)
        size = len(self.index.members.get(target, ())) + 1
        self.session.execute(
            update(Cluster).where(Cluster.id == target).values(size=size, outlet_count=len(outlets - {None}))
        )
        return target


def _inputs(paths: Sequence[str | Path]) -> list[str | Path]:
    """Every file to read, folders expanded, in the order given; ``-`` stays as stdin."""
    found: list[str | Path] = []
    for path in paths:
        if str(path) == STDIN:
            found.append(STDIN)
            continue
        p = Path(path)
        found.extend(iter_files(p) if p.is_dir() else [p])
    return found


def _read(item: str | Path, max_bytes: int | None) -> Iterator[Item]:
    if item == STDIN:
        yield from read_stdin(max_bytes=max_bytes)
        return
    path = Path(item)
    if not path.exists():
        yield AccordError(Errors.A109, source=str(path), reason="no such file or folder")
        return
    yield from read_file(path, max_bytes=max_bytes)


def _synchronous_normal(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_fast_commits(engine: Engine) -> None:
    # In WAL mode, synchronous=NORMAL keeps every commit safe from a crash or kill of this process;
    # only a power loss can drop the last commits, and a rerun restores them.
    if engine.dialect.name != "sqlite" or event.contains(engine, "connect", _synchronous_normal):
        return
    event.listen(engine, "connect", _synchronous_normal)
    engine.dispose()


def _progress_wanted(progress: bool | None, count: int) -> bool:
    if progress is not None:
        return progress
    return sys.stderr.isatty() and count >= _PROGRESS_MIN_INPUTS


def ingest_paths(
    paths: Sequence[str | Path],
    engine: Engine,
    *,
    strict: bool = False,
    progress: bool | None = None,
    max_bytes: int | None = None,
) -> IngestReport:
    """Ingest files, folders (recursively) and ``-`` (stdin) into the store behind ``engine``.

    Every bad input or record becomes one error in the report and one ingest-error row; the rest
    goes on, unless ``strict``, which stops at the first failure. On Ctrl-C the current batch is
    rolled back and the report is marked interrupted; everything committed before stays.
    """
    _sqlite_fast_commits(engine)
    inputs = _inputs(paths)
    run = _Run(engine, strict=strict, max_bytes=max_bytes)
    bar = Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
        disable=not _progress_wanted(progress, len(inputs)),
    )
    try:
        with bar:
            task = bar.add_task("ingest", total=len(inputs))
            for item in inputs:
                for result in _read(item, max_bytes):
                    run.handle(result)
                    if strict and run.report.errors:
                        run.commit(force=True)
                        return run.report
                run.commit()
                bar.advance(task)
        run.commit(force=True)
    except KeyboardInterrupt:
        run.session.rollback()
        run.report.interrupted = True
    finally:
        run.session.close()
    return run.report
