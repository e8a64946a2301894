"""Symlinks out of an input folder, special files named on the command line, and names that a
terminal would act on (issue 13, item 10).

- A symlink inside an input folder that leads out of it is passed over with one notice unless
  ``follow_links`` (``--follow-links``); links that stay inside are followed as before, and a symlink
  named directly is read.
- A FIFO (or anything else that is not a regular file or folder) named directly is one A109 error,
  never opened, so it cannot block the run.
- Error and notice lines print a name's control characters escaped (``\\x1b``); the stored source id
  keeps the name as it is.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from accord.cli import app
from accord.errors import AccordError
from accord.ingest import ingest_paths, read_path
from accord.ingest.models import IngestNotice
from accord.ingest.readers import read_file, walk
from accord.store import open_store
from accord.store.schema import Article, IngestError
from fifo_guard import unblocking

BODY = "Envoys met in Oslo on Monday and agreed to meet again next week, an aide said."
runner = CliRunner()


def _article(path: Path, n: int | str) -> None:
    path.write_text(f"{BODY} Reference {n}.", encoding="utf-8")


# -- symlinks that lead out of the input folder ------------------------------------------------------
@pytest.fixture
def linked(tmp_path: Path) -> Path:
    """``in/`` with one article of its own, a link to a file outside and a link to a folder outside."""
    outside = tmp_path / "outside"
    (outside / "secrets").mkdir(parents=True)
    _article(outside / "secret.txt", "file")
    _article(outside / "secrets" / "deep.txt", "folder")
    folder = tmp_path / "in"
    folder.mkdir()
    _article(folder / "own.txt", "own")
    (folder / "a-link.txt").symlink_to(outside / "secret.txt")
    (folder / "b-linkdir").symlink_to(outside / "secrets", target_is_directory=True)
    return folder


def _source_ids(engine: Engine) -> set[str]:
    with Session(engine) as session:
        return set(session.scalars(select(Article.source_id)))


def test_a_symlink_out_of_the_folder_is_passed_over_with_a_notice(engine: Engine, linked: Path) -> None:
    report = ingest_paths([linked], engine, progress=False)
    assert report.ok and report.added == 1
    assert _source_ids(engine) == {"own"}
    assert [n.message for n in report.notices] == [
        f"{linked / name}: skipped, a symlink to outside the input folder (--follow-links reads it)"
        for name in ("a-link.txt", "b-linkdir")
    ]


def test_follow_links_reads_what_a_symlink_out_of_the_folder_points_to(engine: Engine, linked: Path) -> None:
    report = ingest_paths([linked], engine, progress=False, follow_links=True)
    assert report.ok and report.added == 3 and report.notices == []
    assert _source_ids(engine) == {"own", "a-link", "deep"}


def test_read_path_does_not_follow_a_symlink_out_of_the_folder(linked: Path) -> None:
    assert {a.source_id for a in read_path(linked)} == {"own"}
    assert {a.source_id for a in read_path(linked, follow_links=True)} == {"own", "a-link", "deep"}


def test_symlinks_named_directly_are_read(engine: Engine, linked: Path) -> None:
    report = ingest_paths([linked / "a-link.txt", linked / "b-linkdir"], engine, progress=False)
    assert report.ok and report.added == 2 and report.notices == []
    assert _source_ids(engine) == {"a-link", "deep"}


def test_a_symlinked_input_folder_keeps_its_inside_links(engine: Engine, tmp_path: Path) -> None:
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    _article(real / "sub" / "inner.txt", 1)
    (real / "alias.txt").symlink_to(real / "sub" / "inner.txt")  # inside: followed, as before
    (tmp_path / "named").symlink_to(real, target_is_directory=True)
    report = ingest_paths([tmp_path / "named"], engine, progress=False)
    assert report.ok and report.notices == []
    assert report.added == 2 and _source_ids(engine) == {"inner", "alias"}


def test_cli_follow_links(linked: Path, sqlite_url: str) -> None:
    result = runner.invoke(app, ["ingest", str(linked), "--db", sqlite_url, "--no-progress"])
    assert result.exit_code == 0, result.stderr
    notices = [line for line in result.stderr.splitlines() if line.startswith("notice: ")]
    assert len(notices) == 2 and all("--follow-links" in line for line in notices)
    assert "1 added" in result.stderr
    again = ["ingest", str(linked), "--db", sqlite_url, "--no-progress", "--follow-links"]
    result = runner.invoke(app, again)
    assert result.exit_code == 0, result.stderr
    assert "notice:" not in result.stderr and "2 added" in result.stderr


LINK_KINDS = ["inside file", "inside folder", "outside file", "outside folder", "via inside link"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kinds=st.lists(st.sampled_from(LINK_KINDS), max_size=6), follow=st.booleans())
def test_walk_follows_a_symlink_only_while_it_stays_in_the_folder(kinds: list[str], follow: bool) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        outside, root = base / "outside", base / "in"
        (outside / "folder").mkdir(parents=True)
        _article(outside / "file.txt", "out")
        _article(outside / "folder" / "deep.txt", "deep")
        (root / "z-own").mkdir(parents=True)
        _article(root / "z-own" / "mine.txt", "mine")
        (root / ".z-out.txt").symlink_to(outside / "file.txt")  # hidden, but a link may lead through it
        real = {root / "z-own" / "mine.txt"}  # the real files the walk should reach
        notices: set[Path] = set()
        for n, kind in enumerate(kinds):
            link = root / f"l{n}"
            if kind == "inside file":
                link.with_suffix(".txt").symlink_to(root / "z-own" / "mine.txt")
            elif kind == "inside folder":
                link.symlink_to(root / "z-own", target_is_directory=True)
            elif kind == "outside folder":
                link.symlink_to(outside / "folder", target_is_directory=True)
                target = outside / "folder" / "deep.txt"
                (real if follow else notices).add(target if follow else link)
            else:
                link = link.with_suffix(".txt")
                link.symlink_to(outside / "file.txt" if kind == "outside file" else root / ".z-out.txt")
                (real if follow else notices).add(outside / "file.txt" if follow else link)
        found = list(walk(root, follow_links=follow))
        walked = {Path(os.path.realpath(f)) for f in found if isinstance(f, Path)}
        expected = {Path(os.path.realpath(f)) for f in real}
    assert not [f for f in found if isinstance(f, AccordError)]
    out = {Path(f.source) for f in found if isinstance(f, IngestNotice) and "outside" in f.message}
    assert out == notices
    assert walked == expected


# -- special files named directly --------------------------------------------------------------------
@pytest.mark.parametrize("name", ["pipe.txt", "pipe"])
def test_a_fifo_named_directly_is_an_a109_and_never_opened(engine: Engine, tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    _article(tmp_path / "good.txt", 1)
    with unblocking(fifo):
        report = ingest_paths([fifo, tmp_path / "good.txt"], engine, progress=False)
    assert report.added == 1 and not report.ok
    assert [(e.code, e.message) for e in report.errors] == [
        ("A109", f"{fifo}: cannot read (a FIFO, not a regular file or folder)")
    ]
    with Session(engine) as session:
        assert session.scalars(select(IngestError.code)).all() == ["A109"]


def test_a_symlink_to_a_fifo_named_directly_is_an_a109(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "link.txt").symlink_to(fifo)
    with unblocking(fifo):
        items = list(read_path(tmp_path / "link.txt"))
    assert [str(i) for i in items] == [
        f"[A109] {tmp_path / 'link.txt'}: cannot read (a FIFO, not a regular file or folder)"
    ]


def test_a_character_device_named_directly_is_an_a109() -> None:
    items = list(read_file(Path("/dev/null")))
    assert [str(i) for i in items] == [
        "[A109] /dev/null: cannot read (a character device, not a regular file or folder)"
    ]


def test_cli_fifo_named_directly_is_one_error_line_and_exit_1(tmp_path: Path, sqlite_url: str) -> None:
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    with unblocking(fifo):
        result = runner.invoke(app, ["ingest", str(fifo), "--db", sqlite_url, "--no-progress"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: [A109] {fifo}: cannot read (a FIFO, not a regular file or folder)"]


def test_a_symlink_loop_named_directly_is_not_called_missing(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert [str(i) for i in read_path(loop)] == [
        f"[A109] {loop}: cannot read (Too many levels of symbolic links)"
    ]
    assert [str(i) for i in read_path(tmp_path / "gone.txt")] == [
        f"[A109] {tmp_path / 'gone.txt'}: cannot read (no such file or folder)"
    ]


# -- names a terminal would act on -------------------------------------------------------------------
STYLE = re.compile(r"\x1b\[(?:31|0)m")  # the red of `error:` lines, which the CLI adds itself
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _cli_lines(*args: str) -> list[str]:
    # color=True: click would otherwise strip escape sequences itself, hiding what a terminal receives.
    result = runner.invoke(app, ["ingest", *args, "--no-progress"], color=True)
    return STYLE.sub("", result.stderr).splitlines()


def test_escape_sequences_in_names_are_printed_escaped(tmp_path: Path, sqlite_url: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "\x1b[2Jclear.txt").write_text("", encoding="utf-8")  # A101, an error line
    os.mkfifo(folder / "\x1b]0;title\x07.md")  # a notice line
    lines = _cli_lines(str(folder), "--db", sqlite_url)
    assert not [line for line in lines if CONTROL.search(line)]
    assert f"error: [A101] {folder}/\\x1b[2Jclear.txt: empty input" in lines
    assert f"notice: {folder}/\\x1b]0;title\\x07.md: skipped, a FIFO, not a regular file" in lines


NAME_CHARS = st.characters(
    codec="utf-8",
    exclude_characters="/\x00",
    include_characters="\x1b\x07\x08\t\n\r\x1c\x7f\x85\x9b\u2028\u202e\u2066",
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stem=st.text(NAME_CHARS, min_size=1, max_size=20).filter(lambda s: len(("n" + s).encode()) < 200))
def test_no_name_puts_a_control_character_on_an_error_line_and_ids_stay_lossless(stem: str) -> None:
    stem = "n" + stem  # not hidden
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "in"
        folder.mkdir()
        _article(folder / f"{stem}.txt", 1)
        (folder / f"{stem}-empty.txt").write_text("", encoding="utf-8")
        url = f"sqlite:///{Path(scratch) / 'accord.db'}"
        lines = _cli_lines(str(folder), "--db", url)
        engine = open_store(url)
        try:
            with Session(engine) as session:
                ids = list(session.scalars(select(Article.source_id)))
                stored = list(session.execute(select(IngestError.source, IngestError.message)))
        finally:
            engine.dispose()
    assert not [line for line in lines if CONTROL.search(line)]
    assert len([line for line in lines if line.startswith("error: [A101] ")]) == 1
    assert ids == [stem]  # the source id keeps the name as it is
    assert [source for source, _ in stored] == [str(folder / f"{stem}-empty.txt")]
    assert not CONTROL.search(stored[0][1])
