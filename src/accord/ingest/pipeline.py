"""The ingest run: read every input, normalize, drop exact repeats, cluster near-duplicates, store.

Work is committed in small batches (a few files or about a second of work), so an interrupted run
keeps what it committed and a rerun skips it: an article already stored is recognised by its
content hash and counted as unchanged.
"""

from __future__ import annotations

import hashlib
import json
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from sqlalchemy import Connection, Engine, delete, insert, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from accord.errors import AccordError, Errors
from accord.ingest.dedupe import (
    DEFAULT_DEDUPE,
    ClusterIndex,
    DedupeParams,
    Fingerprint,
    fingerprint,
    fingerprint_of,
    hashes_of_tokens,
    shingle_hashes,
    tokens,
)
from accord.ingest.language import detect_language
from accord.ingest.models import IngestIssue, IngestNotice, IngestReport, RawArticle
from accord.ingest.normalize import normalize_text, word_count
from accord.ingest.readers import STDIN, Found, Item, read_input, walk
from accord.ingest.surrogates import article_surrogate, display_name, printable
from accord.settings import DEFAULTS
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


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C back until the block is done, then raise it.

    Around a commit, so an interrupt cannot land between the database committing a batch and the
    report counting it: the summary printed after Ctrl-C is exactly what the store holds. Only in the
    main thread with Python's own SIGINT handler; elsewhere the block runs as it is.
    """
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    caught: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if caught:
        raise KeyboardInterrupt


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
    """One ingest run. Articles are prepared in memory and written once per batch, in bulk."""

    def __init__(self, bind: Engine | Connection, *, strict: bool, dedupe: DedupeParams) -> None:
        self.strict = strict
        self.threshold = dedupe.threshold
        self.num_perm = dedupe.num_perm
        self.shingle_size = dedupe.shingle_size
        self.report = IngestReport()
        self.committed = IngestReport()  # the report as of the last commit, restored on a replay
        self.batch: list[Item] = []
        self.session = Session(bind, expire_on_commit=False, autoflush=False)
        self.last_commit = time.monotonic()
        self._load()

    # -- state -------------------------------------------------------------------------------------
    def _load(self) -> None:
        """Read back what the store holds: hashes, versions, fingerprints and clusters."""
        self.known = _Known()
        self.index = ClusterIndex(self.threshold, self.num_perm, load_shingles=self._stored_shingles)
        self._reset_pending()
        if self.session.in_transaction():  # a commit holding the write lock: read in its transaction
            self._read_store()
        else:
            with self.session.begin():
                self._read_store()
        self.next_provisional = -1

    def _read_store(self) -> None:
        # The token first: a commit by another writer while the rest is read changes it, so the next
        # commit finds it changed and reads the store again (SQLite reads outside a transaction).
        self.seen = store.clustering_state(self.session)
        for source_id, url, version, digest in store.known_versions(self.session):
            self.known.note(source_id, url, version, digest)
        for digest, cluster_id, outlet_id, blob in store.stored_fingerprints(self.session):
            print_ = Fingerprint.from_bytes(blob or b"", self.num_perm)
            if print_ is None:  # stored with other settings: recompute from the text
                text = store.article_text(self.session, digest)
                print_ = fingerprint(text, num_perm=self.num_perm, shingle_size=self.shingle_size)
            if cluster_id is None:
                continue
            self.index.add(digest, print_, cluster_id)
            self.known.clusters.setdefault(cluster_id, set()).add(outlet_id)

    def _stored_shingles(self, digest: str) -> np.ndarray:
        return shingle_hashes(store.article_text(self.session, digest), self.shingle_size)

    def _reset_pending(self) -> None:
        self.pending_articles: list[dict[str, Any]] = []
        self.new_clusters: set[int] = set()
        self.touched_clusters: set[int] = set()
        self.merged_into: dict[int, int] = {}

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
        with _ctrl_c_held():
            for attempt in range(_RETRIES):
                try:
                    self._recheck_locked()
                    self._write_pending()
                    self.seen = store.clustering_state(self.session)
                    if self.session.in_transaction():
                        self.session.commit()
                    break
                except _CONFLICTS:
                    if attempt == _RETRIES - 1:
                        raise
                    self._replay()
            self.batch.clear()
            self._reset_pending()
            self.committed = self.report.model_copy(deep=True)
            self.last_commit = time.monotonic()

    def _recheck_locked(self) -> None:
        """Take the store's write lock, and if another writer committed since this run read the store,
        assign the batch's clusters again from what is committed now.

        A near-duplicate the other run stored while this batch was open was no candidate when the batch
        assigned its clusters, so without this the two copies would stay in two clusters; with it
        every batch is clustered against the whole store as it is when the batch is written, under the
        lock, which is what a sequential run does (a new article linking two clusters merges them).
        """
        self._begin()
        store.lock_for_writing(self.session)
        if store.clustering_state(self.session) == self.seen:
            return
        # Drop what the batch wrote so far (ingest errors, outlets) and redo it under the lock.
        self.session.rollback()
        self._begin()
        store.lock_for_writing(self.session)
        self.report = self.committed.model_copy(deep=True)
        self._load()
        for item in self.batch:
            self._apply(item)

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

    def _write_pending(self) -> None:
        """Write the batch's clusters and articles in a few bulk statements."""
        if not self.pending_articles and not self.touched_clusters:
            return
        self._begin()
        alive = sorted(c for c in self.new_clusters if c not in self.merged_into)
        if alive:
            # New clusters carry provisional negative ids until the database hands out real ones, so
            # the id sequence stays the database's own (PostgreSQL) and concurrent runs cannot clash.
            rows = [{k: v for k, v in self._cluster_row(c).items() if k != "id"} for c in alive]
            query = insert(Cluster).returning(Cluster.id, sort_by_parameter_order=True)
            ids = list(self.session.scalars(query, rows))
            self._renumber(dict(zip(alive, ids, strict=True)))
        if self.pending_articles:
            for row in self.pending_articles:
                row["cluster_id"] = self.index.cluster_of[row["content_hash"]]
            self.session.execute(insert(Article), self.pending_articles)
        gone = [c for c in self.merged_into if c not in self.new_clusters]
        for other in gone:
            target = self._final(other)
            self.session.execute(update(Article).where(Article.cluster_id == other).values(cluster_id=target))
        if gone:
            self.session.execute(delete(Cluster).where(Cluster.id.in_(gone)))
        changed = sorted(
            c for c in self.touched_clusters if c not in self.new_clusters and c not in self.merged_into
        )
        for cluster_id in changed:
            row = self._cluster_row(cluster_id)
            self.session.execute(
                update(Cluster)
                .where(Cluster.id == cluster_id)
                .values(size=row["size"], outlet_count=row["outlet_count"])
            )

    def _renumber(self, real_ids: dict[int, int]) -> None:
        """Replace provisional cluster ids by the ones the database assigned."""
        for provisional, real in real_ids.items():
            keys = self.index.members.pop(provisional, set())
            self.index.members[real] = keys
            for key in keys:
                self.index.cluster_of[key] = real
            self.known.clusters[real] = self.known.clusters.pop(provisional, set())
        self.merged_into = {k: real_ids.get(v, v) for k, v in self.merged_into.items()}
        self.touched_clusters = {real_ids.get(c, c) for c in self.touched_clusters}
        self.new_clusters = {real_ids.get(c, c) for c in self.new_clusters}

    def _final(self, cluster_id: int) -> int:
        while cluster_id in self.merged_into:
            cluster_id = self.merged_into[cluster_id]
        return cluster_id

    def _cluster_row(self, cluster_id: int) -> dict[str, int]:
        outlets = self.known.clusters.get(cluster_id, set()) - {None}
        return {
            "id": cluster_id,
            "size": len(self.index.members.get(cluster_id, ())),
            "outlet_count": len(outlets),
        }

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
        # Whatever an error quotes, what is stored and printed must be valid UTF-8; the message is
        # printed, so it names the input with control characters escaped (the source keeps the name).
        source = display_name(str(error.fields.get("source", "")))
        message = _printable_message(error)
        store.record_ingest_error(self.session, source, error.code.name, message)
        self.report.errors.append(IngestIssue(source=source, code=error.code.name, message=message))

    def take(self, raw: RawArticle) -> None:
        surrogate = article_surrogate(raw.__dict__)
        if surrogate:  # readers refuse these already; an article built by an API caller may not
            reason = f"lone surrogate {surrogate[1]} in {surrogate[0]}, not valid Unicode"
            self.fail(AccordError(Errors.A103, source=raw.origin or raw.source_id, reason=reason))
            return
        text = normalize_text(raw.text)
        if not any(c.isalnum() for c in text):  # empty, or only punctuation such as "---"
            self.fail(
                AccordError(Errors.A107, source=raw.origin or raw.source_id, reason="no words in the text")
            )
            return
        title = normalize_text(raw.title).replace("\n", " ") if raw.title else None
        outlet = normalize_text(raw.outlet) if raw.outlet else None
        digest = content_hash(raw.source_id, outlet, title, text)
        if digest in self.known.hashes:
            self.report.unchanged += 1
            return
        previous = max(
            self.known.version_of_source.get(raw.source_id, 0),
            self.known.version_of_url.get(raw.url, 0) if raw.url else 0,
        )
        # A known source id or URL with other content makes a new version; the old one stays.
        version = previous + 1
        if outlet and outlet not in self.known.outlets:
            self._begin()
        outlet_id = store.outlet_id(self.session, outlet, self.known.outlets)
        words = tokens(text)
        hashes = hashes_of_tokens(words, self.shingle_size)
        print_ = fingerprint_of(hashes, num_perm=self.num_perm)
        self._join_cluster(digest, print_, hashes, outlet_id)
        self.pending_articles.append(
            {
                "source_id": raw.source_id[:500],
                "version": version,
                "content_hash": digest,
                "title": title,
                "text": text,
                "url": raw.url[:2000] if raw.url else None,
                "author": raw.author[:500] if raw.author else None,
                "outlet_id": outlet_id,
                "published": raw.published,
                "language": _language_code(raw.language) or detect_language(text, words),
                "word_count": word_count(text),
                "origin": raw.origin[:2000] if raw.origin else None,
                "extra": raw.extra,
                "minhash": print_.to_bytes(),
            }
        )
        self.known.note(raw.source_id, raw.url, version, digest)
        if previous:
            self.report.new_versions += 1
        else:
            self.report.added += 1

    def _join_cluster(
        self, digest: str, print_: Fingerprint, hashes: np.ndarray, outlet_id: int | None
    ) -> None:
        """Put the article in the cluster of its near-duplicates (merging several), or a new one."""
        found = sorted(self.index.matching_clusters(print_, hashes))
        if not found:
            target = self.next_provisional
            self.next_provisional -= 1
            self.new_clusters.add(target)
        else:
            target, others = found[0], found[1:]
            if others:
                self.index.merge(target, others)
                for other in others:
                    self.merged_into[other] = target
                    self.known.clusters.setdefault(target, set()).update(
                        self.known.clusters.pop(other, set())
                    )
        self.known.clusters.setdefault(target, set()).add(outlet_id)
        self.index.add(digest, print_, target, hashes)
        self.touched_clusters.add(target)


def _printable_message(error: AccordError) -> str:
    """The error's one-line message with the input's name printable (``\\x1b`` for ESC...).

    The name is escaped before the message is folded onto one line, so a newline or other
    whitespace control character in a file name shows as ``\\n`` instead of a space.
    """
    fields = dict(error.fields)
    if "source" in fields:
        fields["source"] = printable(str(fields["source"]))
    return printable(" ".join(error.code.value.format(**fields).split()))


def _inputs(paths: Sequence[str | Path], *, follow_links: bool = False) -> list[str | Found]:
    """Every file to read, folders expanded, in the order given; ``-`` stays as stdin.

    A folder that cannot be listed comes as its A109 error, in its place; a passed-over entry as a notice.
    """
    found: list[str | Found] = []
    for path in paths:
        if str(path) == STDIN:
            found.append(STDIN)
            continue
        p = Path(path)
        found.extend(walk(p, follow_links=follow_links) if p.is_dir() else [p])
    return found


def _synchronous(connection: Connection, value: str | int | None = None) -> Any:
    """The connection's ``PRAGMA synchronous``, first set to ``value`` when given. Run on the driver's own
    connection: SQLAlchemy would open a transaction for it that the ingest session must not join."""
    driver = connection.connection.driver_connection
    assert driver is not None
    cursor = driver.cursor()
    try:
        if value is not None:
            cursor.execute(f"PRAGMA synchronous={value}")
        return cursor.execute("PRAGMA synchronous").fetchone()[0]
    finally:
        cursor.close()


@contextmanager
def _writer(engine: Engine) -> Iterator[Engine | Connection]:
    """What the ingest session writes through: on SQLite one connection of the caller's engine with fast
    commits, set back as it was before it goes back to the pool; elsewhere the engine itself. The caller's
    engine gains no listener and keeps its pool."""
    if engine.dialect.name != "sqlite":
        yield engine
        return
    with engine.connect() as connection:
        before = _synchronous(connection)
        # In WAL mode, synchronous=NORMAL keeps every commit safe from a crash or kill of this process;
        # only a power loss can drop the last commits, and a rerun restores them.
        _synchronous(connection, "NORMAL")
        try:
            yield connection
        finally:
            connection.rollback()
            _synchronous(connection, before)


def _progress_wanted(progress: bool | None, count: int) -> bool:
    if progress is not None:
        return progress
    return sys.stderr.isatty() and count >= _PROGRESS_MIN_INPUTS


def _collect(
    paths: Sequence[str | Path], follow_links: bool
) -> tuple[list[str | Path | AccordError], list[IngestNotice]]:
    """The inputs to read (an unreadable one as its error), and the notices about what was passed over."""
    notices: list[IngestNotice] = []
    inputs: list[str | Path | AccordError] = []
    for found in _inputs(paths, follow_links=follow_links):
        if isinstance(found, IngestNotice):
            notices.append(found.model_copy(update={"message": printable(found.message)}))
        else:
            inputs.append(found)
    return inputs, notices


def _bar(shown: bool) -> Progress:
    return Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not shown,
    )


def ingest_paths(
    paths: Sequence[str | Path],
    engine: Engine,
    *,
    strict: bool = False,
    progress: bool | None = None,
    max_bytes: int | None = None,
    follow_links: bool = False,
    dedupe: DedupeParams = DEFAULT_DEDUPE,
) -> IngestReport:
    """Ingest files, folders (recursively) and ``-`` (stdin) into the store behind ``engine``.

    Every bad input or record becomes one error in the report and one ingest-error row; the rest
    goes on, unless ``strict``, which stops at the first failure. On Ctrl-C the current batch is
    rolled back and the report is marked interrupted; everything committed before stays.

    In folders, a symlink that leads out of the folder named in ``paths`` is passed over with a
    notice unless ``follow_links``; a path named in ``paths`` is read even when it is a symlink.
    Anything named in ``paths`` that is not a regular file or folder (a FIFO) is an A109 error.
    ``max_bytes`` (None: the declared default of ``max_file_bytes``) and ``dedupe`` are the settings.
    """
    inputs, notices = _collect(paths, follow_links)
    max_bytes = DEFAULTS.max_file_bytes if max_bytes is None else max_bytes
    with _writer(engine) as bind:
        report = _ingest(inputs, bind, strict=strict, progress=progress, max_bytes=max_bytes, dedupe=dedupe)
    report.notices = notices
    return report


def _ingest(
    inputs: list[str | Path | AccordError],
    bind: Engine | Connection,
    *,
    strict: bool,
    progress: bool | None,
    max_bytes: int,
    dedupe: DedupeParams,
) -> IngestReport:
    try:
        run = _Run(bind, strict=strict, dedupe=dedupe)
    except KeyboardInterrupt:
        return IngestReport(interrupted=True)
    bar = _bar(_progress_wanted(progress, len(inputs)))
    try:
        with bar:
            task = bar.add_task("ingest", total=len(inputs))
            for item in inputs:
                results = [item] if isinstance(item, AccordError) else read_input(item, max_bytes=max_bytes)
                for result in results:
                    run.handle(result)
                    if strict and run.report.errors:
                        run.commit(force=True)
                        return run.report
                    run.commit()  # a big JSONL file or feed commits in batches too
                bar.advance(task)
        run.commit(force=True)
    except KeyboardInterrupt:
        run.session.rollback()
        # Report what is in the store: the rolled-back batch counts for nothing.
        run.report = run.committed.model_copy(deep=True)
        run.report.interrupted = True
    finally:
        run.session.close()
    return run.report
