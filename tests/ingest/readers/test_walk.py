"""Walking an input folder: FIFOs and other special files are passed over with a notice, never opened;
what cannot be listed or looked at is an A109 error, never silently skipped.

The tests run as root, for whom permission bits do not stop a listing, so the unreadable cases are
made real in ways that hold for root too: a dangling symlink to a folder, a symlink loop, and a
folder whose path is longer than the kernel accepts (ENAMETOOLONG). Where ``setpriv`` can drop the
capabilities that let root read anything, a ``chmod 000`` folder is tried as well.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from accord.errors import AccordError
from accord.ingest import ingest_paths
from accord.ingest.models import IngestNotice
from accord.ingest.readers import walk
from accord.store.schema import Article, IngestError
from fifo_guard import unblocking

BODY = "Envoys met in Oslo on Monday and agreed to meet again next week, an aide said."


def _article(path: Path, n: int | str) -> None:
    path.write_text(f"{BODY} Reference {path.parent.name} {n}.", encoding="utf-8")


def test_fifo_in_a_folder_is_passed_over_and_the_files_around_it_are_stored(
    engine: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _article(folder / "a-before.txt", 1)
    os.mkfifo(folder / "b-pipe.txt")
    _article(folder / "c-after.txt", 2)
    with unblocking(folder / "b-pipe.txt"):
        report = ingest_paths([folder], engine, progress=False)
    assert report.ok and report.added == 2
    assert [n.message for n in report.notices] == [
        f"{folder / 'b-pipe.txt'}: skipped, a FIFO, not a regular file"
    ]
    with Session(engine) as session:
        assert set(session.scalars(select(Article.source_id))) == {"a-before", "c-after"}


def _long_folder(root: Path) -> Path:
    """Folders nested so deep that their path is over PATH_MAX (4096 bytes): they exist but cannot be
    listed by path. Returns the first of them, where the walk has to stop."""
    part = "d" * 250
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(18):
            os.mkdir(part, dir_fd=fd)
            inner = os.open(part, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with open(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w") as stream:
            stream.write(BODY)
    finally:
        os.close(fd)
    depth = next(n for n in range(1, 19) if len(str(root.joinpath(*[part] * n))) >= 4096)
    return root.joinpath(*[part] * depth)


@pytest.mark.parametrize("kind", ["dangling symlink", "symlink loop", "path too long"])
def test_a_subfolder_that_cannot_be_read_is_an_a109(engine: Engine, tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _article(folder / "a.txt", 1)
    if kind == "dangling symlink":
        bad = folder / "sub"
        bad.symlink_to(tmp_path / "moved-away", target_is_directory=True)
        reason = "No such file or directory"
    elif kind == "symlink loop":
        bad = folder / "sub"
        bad.symlink_to(bad)
        reason = "Too many levels of symbolic links"
    else:
        bad = _long_folder(folder)
        reason = "File name too long"
    report = ingest_paths([folder], engine, progress=False)
    assert not report.ok and report.added == 1
    assert [(e.code, e.message) for e in report.errors] == [("A109", f"{bad}: cannot read ({reason})")]
    with Session(engine) as session:
        assert session.scalars(select(IngestError.code)).all() == ["A109"]


@pytest.mark.skipif(os.geteuid() == 0 and not shutil.which("setpriv"), reason="root without setpriv")
def test_a_chmod_000_subfolder_is_an_a109_and_exit_1(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    locked = folder / "locked"
    locked.mkdir(parents=True)
    _article(folder / "a.txt", 1)
    _article(locked / "b.txt", 2)
    locked.chmod(0)
    tmp_path.chmod(0o755)
    script = (
        "import json, sys; from accord.store import open_store; from accord.ingest import ingest_paths\n"
        "r = ingest_paths([sys.argv[1]], open_store(sys.argv[2]), progress=False)\n"
        "print(json.dumps([r.added, [e.message for e in r.errors]]))"
    )
    command = [sys.executable, "-c", script, str(folder), f"sqlite:///{tmp_path / 'accord.db'}"]
    if os.geteuid() == 0:  # root reads anything unless these capabilities are dropped
        drop = "-dac_override,-dac_read_search"
        command = ["setpriv", "--bounding-set", drop, "--inh-caps", drop, *command]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    finally:
        locked.chmod(0o755)
    added, errors = json.loads(run.stdout)
    assert added == 1 and errors == [f"{locked}: cannot read (Permission denied)"]


# -- the walk over any tree -------------------------------------------------------------------------
ENTRY_KINDS = ["article", "fifo", "dangling", "loop", "hidden fifo", "unknown suffix", "readme", "folder"]


@st.composite
def trees(draw: st.DrawFn, depth: int = 0) -> list[tuple[str, object]]:
    kinds = ENTRY_KINDS if depth < 2 else ENTRY_KINDS[:-1]
    entries = draw(st.lists(st.sampled_from(kinds), max_size=6))
    return [(kind, draw(trees(depth + 1)) if kind == "folder" else None) for kind in entries]


def _build(folder: Path, tree: list[tuple[str, object]], expected: dict[str, set[Path]]) -> None:
    folder.mkdir()
    for n, (kind, inner) in enumerate(tree):
        path = folder / f"e{n}"
        if kind == "article":
            path = path.with_suffix(".txt")
            _article(path, n)
            expected["files"].add(path)
        elif kind == "fifo":
            path = path.with_suffix(".md")
            os.mkfifo(path)
            expected["notices"].add(path)
        elif kind == "hidden fifo":
            os.mkfifo(folder / f".e{n}.txt")
        elif kind == "dangling":
            path.symlink_to(folder / "nowhere")
            expected["errors"].add(path)
        elif kind == "loop":
            path = path.with_suffix(".txt")
            path.symlink_to(path)
            expected["errors"].add(path)
        elif kind == "unknown suffix":
            path.with_suffix(".png").symlink_to(folder / "nowhere.png")  # never read, so never looked at
        elif kind == "readme":
            if not os.path.lexists(folder / "README.md"):
                os.mkfifo(folder / "README.md")
        else:
            assert isinstance(inner, list)
            _build(path, inner, expected)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=trees())
def test_walk_reads_regular_files_notes_special_ones_and_reports_what_it_cannot_see(
    tree: list[tuple[str, object]],
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "in"
        expected: dict[str, set[Path]] = {"files": set(), "notices": set(), "errors": set()}
        _build(root, tree, expected)
        found = list(walk(root))  # returns at once: nothing is opened
    files = [f for f in found if isinstance(f, Path)]
    assert set(files) == expected["files"] and len(files) == len(expected["files"])
    assert {Path(f.source) for f in found if isinstance(f, IngestNotice)} == expected["notices"]
    errors = [f for f in found if isinstance(f, AccordError)]
    assert all(e.code.name == "A109" for e in errors)
    assert sorted(str(e.fields["source"]) for e in errors) == sorted(map(str, expected["errors"]))
