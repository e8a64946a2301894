"""Two real `accord ingest` processes on overlapping inputs into one new store: nothing lost or doubled."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accord.store import open_store
from accord.store.schema import Article

SHARED_COUNT = 120  # articles both runs read, first in both runs' order, so they collide head-on
OWN_COUNT = 40  # articles only one run reads


def _write_article(folder: Path, name: str, n: int) -> None:
    # Original filler text; the words vary with n so no two articles are near-duplicates of each other.
    words = " ".join(f"w{(n * 7919 + k * 104729) % 100003}" for k in range(60))
    folder.joinpath(f"{name}.txt").write_text(
        f"---\nid: story-{n}\ntitle: Negotiation brief number {n}\noutlet: Outlet {n % 5}\n"
        f"published: 2022-03-{1 + n % 28:02d}\n---\n"
        f"Talks resumed for the {n}th time on the question of the corridor. {words}.\n",
        encoding="utf-8",
    )


def _inputs(tmp_path: Path) -> tuple[Path, Path, set[str]]:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for n in range(SHARED_COUNT):
        _write_article(first, f"a{n:04d}", n)
        _write_article(second, f"a{n:04d}", n)
    for n in range(SHARED_COUNT, SHARED_COUNT + OWN_COUNT):
        _write_article(first, f"b{n:04d}", n)
    for n in range(SHARED_COUNT + OWN_COUNT, SHARED_COUNT + 2 * OWN_COUNT):
        _write_article(second, f"b{n:04d}", n)
    expected = {f"story-{n}" for n in range(SHARED_COUNT + 2 * OWN_COUNT)}
    return first, second, expected


def _ingest(folder: Path, url: str) -> subprocess.Popen[str]:
    env = {**os.environ, "ACCORD_DB": url}
    return subprocess.Popen(
        [sys.executable, "-m", "accord", "ingest", str(folder), "--db", url],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip


@pytest.mark.slow
def test_two_ingest_processes_store_each_article_once(tmp_path: Path, store_url: str) -> None:
    first, second, expected = _inputs(tmp_path)
    # The store does not exist yet: the two runs race on creating the schema too.
    runs = [_ingest(first, store_url), _ingest(second, store_url)]
    outputs = [run.communicate(timeout=240) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, f"exit {run.returncode}\nstdout: {out}\nstderr: {err}"
    engine = open_store(store_url)
    try:
        with Session(engine) as session:
            rows = session.execute(select(Article.source_id, Article.version)).all()
            hashes = session.scalar(select(func.count(func.distinct(Article.content_hash))))
    finally:
        engine.dispose()
    source_ids = [source_id for source_id, _version in rows]
    assert set(source_ids) == expected, "an article was lost"
    assert len(source_ids) == len(expected), "an article was stored twice"
    assert {version for _source, version in rows} == {1}, "a repeat was stored as a new version"
    assert hashes == len(expected)
