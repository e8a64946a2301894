"""A real `accord ingest` killed with SIGKILL mid-run loses nothing committed; a rerun completes the rest."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

FILES = 1000


def _write_inputs(folder: Path) -> None:
    folder.mkdir()
    for n in range(FILES):
        # Distinct filler words per file keep every article out of every other's cluster.
        words = " ".join(f"t{(n * 7907 + k * 15485863) % 1000003}" for k in range(80))
        folder.joinpath(f"item-{n:05d}.txt").write_text(
            f"Brief {n} on the corridor talks\nThe envoys met again, round {n}. {words}.\n", encoding="utf-8"
        )


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # table not created yet
        return 0


def _run(folder: Path, url: str, *, then_stdin: bool = False) -> subprocess.Popen[str]:
    """An ingest of ``folder``; with ``then_stdin`` it reads stdin (a pipe left open) after the folder,
    so it cannot finish before the test closes that pipe."""
    extra = ["-"] if then_stdin else []
    return subprocess.Popen(
        [sys.executable, "-m", "accord", "ingest", str(folder), *extra, "--db", url, "--no-progress"],
        stdin=subprocess.PIPE if then_stdin else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _inputs_and_db(tmp_path: Path) -> tuple[Path, Path, str]:
    folder = tmp_path / "in"
    _write_inputs(folder)
    db = tmp_path / "accord.db"
    return folder, db, f"sqlite:///{db}"


def _started_until_first_commit(
    folder: Path, db: Path, url: str, *, then_stdin: bool = False
) -> subprocess.Popen[str]:
    """A running ingest that has committed at least once (or ended, or taken two minutes)."""
    first = _run(folder, url, then_stdin=then_stdin)
    deadline = time.monotonic() + 120
    while _count(db) == 0 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    return first


@pytest.mark.slow
def test_sigkill_mid_run_then_rerun_completes(tmp_path: Path) -> None:
    folder, db, url = _inputs_and_db(tmp_path)
    first = _started_until_first_commit(folder, db, url)
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    committed = _count(db)
    assert first.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert 0 < committed < FILES, committed

    second = _run(folder, url)
    _out, err = second.communicate(timeout=300)
    assert second.returncode == 0, err
    assert f"{FILES - committed} added" in err and f"{committed} unchanged" in err
    with sqlite3.connect(db) as conn:
        total, distinct = conn.execute("SELECT count(*), count(DISTINCT source_id) FROM articles").fetchone()
        assert total == distinct == FILES
        assert conn.execute("SELECT count(*) FROM articles WHERE version <> 1").fetchone()[0] == 0


@pytest.mark.slow
def test_ctrl_c_exits_cleanly_and_rerun_completes(tmp_path: Path) -> None:
    folder, db, url = _inputs_and_db(tmp_path)
    # The run reads stdin after the folder and stdin stays open until it has exited, so however
    # loaded the machine, the interrupt arrives while it runs (reading files or waiting on stdin).
    first = _started_until_first_commit(folder, db, url, then_stdin=True)
    first.send_signal(signal.SIGINT)
    first.wait(timeout=60)
    assert first.stdin is not None and first.stderr is not None
    err = first.stderr.read()
    first.stdin.close()
    committed = _count(db)
    assert first.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert f"{committed} added" in err  # the summary counts what is in the store, nothing rolled back
    second = _run(folder, url)
    _out, err = second.communicate(timeout=300)
    assert second.returncode == 0, err
    assert _count(db) == FILES
