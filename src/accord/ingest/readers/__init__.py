"""Readers: a path (file, folder, ``-`` for stdin) to raw articles, or one error per bad input.

Every reader yields :class:`RawArticle` items and, for a bad record inside a good file, an
:class:`AccordError`; a whole file that cannot be read yields exactly one AccordError. Nothing
a reader meets in a file makes it raise.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from accord.errors import AccordError, Errors
from accord.ingest.models import IngestNotice, RawArticle
from accord.ingest.readers.decode import decode_bytes
from accord.ingest.readers.feed import looks_like_feed, read_feed
from accord.ingest.readers.html import read_html
from accord.ingest.readers.records import read_json, read_jsonl
from accord.ingest.readers.text import read_text
from accord.ingest.surrogates import article_surrogate, display_name, printable
from accord.settings import DEFAULTS

Item = RawArticle | AccordError
# What a folder walk finds: a file to read, a folder or entry it cannot look into, a passed-over entry.
Found = Path | AccordError | IngestNotice

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".jsonl", ".ndjson", ".json"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES
STDIN = "-"
# A folder of articles often carries its own notes; those are not articles. Named directly, they are read.
NOT_ARTICLES = {"readme", "license", "licence", "changelog", "contributing", "notice"}


def _limit(max_bytes: int | None) -> int:
    return DEFAULTS.max_file_bytes if max_bytes is None else max_bytes


def _inner_suffix(name: str) -> tuple[str, str]:
    """(suffix, stem) of a file name, looking through a trailing ``.gz``."""
    path = Path(name)
    if path.suffix.lower() == ".gz":
        path = Path(path.stem)
    return path.suffix.lower(), path.stem


def sniff_suffix(text: str) -> str:
    """Guess the format of text with no file name (stdin) from its first characters."""
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        return ".jsonl"
    if head.startswith("["):
        return ".json"
    if looks_like_feed(text):
        return ".rss"
    if head.startswith("<"):
        return ".html"
    return ".txt"


def _checked(items: Iterator[Item]) -> Iterator[Item]:
    """Refuse an article holding a lone surrogate (from a character reference such as ``&#xd83d;``):
    it cannot be hashed or stored as UTF-8."""
    for item in items:
        if isinstance(item, RawArticle):
            found = article_surrogate(item.__dict__)
            if found:
                where, char = found
                reason = f"lone surrogate {char} in {where}, not valid Unicode"
                item = AccordError(
                    Errors.A103, source=display_name(item.origin or item.source_id), reason=reason
                )
        yield item


def parse_text(text: str, *, suffix: str, source: str, stem: str) -> Iterator[Item]:
    """Dispatch decoded text to the reader for ``suffix``; errors come back as items."""
    yield from _checked(_parse_text(text, suffix=suffix, source=source, stem=stem))


def _parse_text(text: str, *, suffix: str, source: str, stem: str) -> Iterator[Item]:
    try:
        if suffix in TEXT_SUFFIXES:
            yield from read_text(text, source=source, stem=stem, markdown=suffix in {".md", ".markdown"})
        elif suffix in HTML_SUFFIXES:
            if looks_like_feed(text):
                yield from read_feed(text, source=source, stem=stem)
            else:
                yield from read_html(text, source=source, stem=stem)
        elif suffix in {".jsonl", ".ndjson"}:
            yield from read_jsonl(text, source=source, stem=stem)
        elif suffix == ".json":
            yield from read_json(text, source=source, stem=stem)
        elif suffix in FEED_SUFFIXES:
            yield from read_feed(text, source=source, stem=stem)
        else:
            yield AccordError(Errors.A108, source=source, suffix=suffix or "(none)")
    except AccordError as exc:
        yield exc
    except RecursionError:
        yield AccordError(
            Errors.A104, source=source, kind=suffix.lstrip(".").upper(), reason="nested too deeply"
        )
    except Exception as exc:  # a reader bug must cost one file, never the batch
        yield AccordError(Errors.A109, source=source, reason=f"{type(exc).__name__}: {exc}")


def _read_limited(stream: BinaryIO, limit: int, source: str) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise AccordError(Errors.A105, source=source, size=f"more than {limit}", limit=limit)
    return data


def _gunzip(data: bytes, limit: int, source: str) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise AccordError(Errors.A106, source=source, reason=str(exc) or type(exc).__name__) from exc
    if len(out) > limit:
        raise AccordError(Errors.A105, source=source, size=f"more than {limit} (uncompressed)", limit=limit)
    return out


def read_bytes(
    data: bytes, *, name: str, source: str | None = None, max_bytes: int | None = None
) -> Iterator[Item]:
    """Articles from the bytes of one file called ``name`` (its suffix picks the reader)."""
    source = source or name
    limit = _limit(max_bytes)
    suffix, stem = _inner_suffix(name)
    try:
        if len(data) > limit:
            raise AccordError(Errors.A105, source=source, size=len(data), limit=limit)
        if name.lower().endswith(".gz") or data[:2] == b"\x1f\x8b":
            data = _gunzip(data, limit, source)
        text = decode_bytes(data, source)
    except AccordError as exc:
        yield exc
        return
    if name == STDIN or not suffix:
        suffix = sniff_suffix(text)
    if name == STDIN:
        # No file name to serve as source id: name the input by its content instead.
        stem = "stdin-" + hashlib.sha256(data).hexdigest()[:12]
    yield from parse_text(text, suffix=suffix, source=source, stem=stem)


_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


def _kind(mode: int) -> str:
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def _refuse_special(mode: int, source: str) -> None:
    if not stat.S_ISREG(mode):
        raise AccordError(Errors.A109, source=source, reason=f"{_kind(mode)}, not a regular file or folder")


def read_file(path: Path, *, max_bytes: int | None = None) -> Iterator[Item]:
    # A name that is not valid UTF-8 is kept with its undecodable bytes as \xNN (source id included).
    source = display_name(str(path))
    limit = _limit(max_bytes)
    suffix, _ = _inner_suffix(path.name)
    try:
        # A FIFO, socket or device is refused before anything else, and never opened.
        _refuse_special(os.stat(path).st_mode, source)
        if suffix not in SUFFIXES:
            raise AccordError(Errors.A108, source=source, suffix=suffix or "(none)")
        # Opened without blocking and checked again on the open file: a file swapped for a FIFO after
        # the check is refused instead of waiting for a writer forever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
        with os.fdopen(fd, "rb") as stream:
            info = os.fstat(fd)
            _refuse_special(info.st_mode, source)
            if info.st_size > limit:
                raise AccordError(Errors.A105, source=source, size=info.st_size, limit=limit)
            data = _read_limited(stream, limit, source)
    except AccordError as exc:
        yield exc
        return
    except OSError as exc:
        yield AccordError(Errors.A109, source=source, reason=exc.strerror or type(exc).__name__)
        return
    yield from read_bytes(data, name=display_name(path.name), source=source, max_bytes=limit)


def read_stdin(*, max_bytes: int | None = None) -> Iterator[Item]:
    limit = _limit(max_bytes)
    try:
        data = _read_limited(sys.stdin.buffer, limit, "<stdin>")
    except AccordError as exc:
        yield exc
        return
    yield from read_bytes(data, name=STDIN, source="<stdin>", max_bytes=limit)


def _outside(entry: os.DirEntry[str], root: str) -> bool:
    """Whether the symlink ``entry`` leads out of the real folder ``root``."""
    target = os.path.realpath(entry.path)
    return os.path.commonpath([target, root]) != root


def walk(path: Path, *, follow_links: bool = False) -> Iterator[Found]:
    """Everything under the folder ``path``, in a stable order: files of a folder before its subfolders.

    Yields the files a reader handles; an A109 error for a folder that cannot be listed or an entry
    that cannot be looked at (a dangling symlink, a symlink loop); a notice for a handled name that
    is not a regular file (a FIFO would block the run forever) and, unless ``follow_links``, for a
    symlink that leads out of ``path``. Hidden entries, a folder's own notes (README, LICENSE,
    CHANGELOG...) and unknown suffixes are skipped silently. Symlinked folders inside ``path`` are
    followed, each real folder once. Names in notices have control characters escaped.
    """
    seen: set[tuple[int, int]] = set()
    root = os.path.realpath(path)

    def folder(directory: Path) -> Iterator[Found]:
        source = display_name(str(directory))
        try:
            info = directory.stat()
            if (info.st_dev, info.st_ino) in seen:
                shown = printable(source)
                yield IngestNotice(source=source, message=f"{shown}: skipped, a folder already read")
                return
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            yield AccordError(Errors.A109, source=source, reason=exc.strerror or type(exc).__name__)
            return
        subfolders: list[Path] = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            suffix = _inner_suffix(name)[0]
            unwanted = name.split(".")[0].lower() in NOT_ARTICLES or suffix not in SUFFIXES
            try:
                mode = entry.stat().st_mode  # follows a symlink
            except OSError as exc:
                if unwanted and suffix:  # a file of a kind never read: what it points to does not matter
                    continue
                reason = exc.strerror or type(exc).__name__
                yield AccordError(Errors.A109, source=display_name(entry.path), reason=reason)
                continue
            if unwanted and not stat.S_ISDIR(mode):
                continue
            source = display_name(entry.path)
            shown = printable(source)
            if not follow_links and entry.is_symlink() and _outside(entry, root):
                message = f"{shown}: skipped, a symlink to outside the input folder (--follow-links reads it)"
                yield IngestNotice(source=source, message=message)
            elif stat.S_ISDIR(mode):
                subfolders.append(Path(entry.path))
            elif stat.S_ISREG(mode):
                yield Path(entry.path)
            else:
                message = f"{shown}: skipped, {_kind(mode)}, not a regular file"
                yield IngestNotice(source=source, message=message)
        for subfolder in subfolders:
            yield from folder(subfolder)

    yield from folder(path)


def iter_files(path: Path, *, follow_links: bool = False) -> Iterator[Path]:
    """Files under ``path`` that a reader handles, in a stable order (``path`` itself if a file).

    Hidden entries and a folder's own notes (README, LICENSE, CHANGELOG...) are skipped, and so is
    what :func:`walk` reports as an error or a notice.
    """
    if not path.is_dir():
        yield path
        return
    for found in walk(path, follow_links=follow_links):
        if isinstance(found, Path):
            yield found


def read_path(
    path: str | Path, *, max_bytes: int | None = None, follow_links: bool = False
) -> Iterator[Item]:
    """Every article (or error) from a file, a folder read recursively, or ``-`` for stdin.

    A symlink inside a folder that leads out of it is passed over unless ``follow_links``.
    """
    item = STDIN if str(path) == STDIN else Path(path)
    yield from read_input(item, max_bytes=max_bytes, follow_links=follow_links)


def read_input(
    item: str | Path, *, max_bytes: int | None = None, follow_links: bool = False
) -> Iterator[Item]:
    """Like ``read_path``, but only the string ``-`` means stdin: a ``Path`` is always a file or folder,
    so a file found in a folder and named ``-`` is read as a file."""
    if item == STDIN:
        yield from read_stdin(max_bytes=max_bytes)
        return
    path = Path(item)
    try:
        path.stat()  # follows a symlink named here
    except OSError as exc:  # missing, a dangling symlink, a symlink loop...
        missing = isinstance(exc, FileNotFoundError)
        reason = "no such file or folder" if missing else exc.strerror or type(exc).__name__
        yield AccordError(Errors.A109, source=display_name(str(path)), reason=reason)
        return
    if not path.is_dir():
        yield from read_file(path, max_bytes=max_bytes)
        return
    for found in walk(
        path, follow_links=follow_links
    ):  # notices are left out here; ingest_paths reports them
        if isinstance(found, Path):
            yield from read_file(found, max_bytes=max_bytes)
        elif isinstance(found, AccordError):
            yield found


__all__ = [
    "SUFFIXES",
    "Found",
    "Item",
    "iter_files",
    "parse_text",
    "read_bytes",
    "read_file",
    "read_input",
    "read_path",
    "read_stdin",
    "walk",
]
