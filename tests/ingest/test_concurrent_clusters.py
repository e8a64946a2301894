"""Two real `accord ingest` processes whose inputs hold each other's near-duplicates: the clusters they
leave are the ones a sequential run makes (issue 13, item 5).

Each near-duplicate pair is split across the two inputs at the same position, so both runs meet their
half of a pair at about the same time, each in a batch the other has not committed yet. Some stories
come in three parts: two halves that are not near-duplicates of each other, one per input, and later a
full copy in the first input that links them (single-link: it merges their two clusters).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.store import open_store
from accord.store.schema import Article

PAIRS = 150  # near-duplicate pairs, one copy in each input
BRIDGES = 30  # stories whose two halves are linked only by a full copy read later
WORDS = 80


def _story(n: int) -> list[str]:
    # Words of its own for every story, so no two stories are near-duplicates of each other.
    rng = random.Random(n)
    return [f"s{n}x{rng.randrange(10**6)}" for _ in range(WORDS)]


def _reworded(words: list[str], n: int) -> list[str]:
    """A light rewording: two words changed and a sign-off added, still a near-duplicate."""
    changed = [f"r{n}y{i}" if i in (20, 55) else word for i, word in enumerate(words)]
    return [*changed, "reporting", "by", "the", "wire", "desk"]


def _write(folder: Path, name: str, source_id: str, words: list[str]) -> None:
    folder.joinpath(f"{name}.txt").write_text(
        f"---\nid: {source_id}\ntitle: Corridor talks {source_id}\noutlet: Outlet {source_id[-1]}\n---\n"
        f"{' '.join(words)}.\n",
        encoding="utf-8",
    )


def _inputs(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for n in range(PAIRS):
        words = _story(n)
        _write(first, f"a{n:04d}", f"pair-{n}-a", words)
        _write(second, f"a{n:04d}", f"pair-{n}-b", _reworded(words, n))
    for k in range(BRIDGES):
        n = PAIRS + k
        left, right = _story(n), _story(n + 10_000)
        _write(first, f"b{k:04d}", f"bridge-{n}-left", left)
        _write(second, f"b{k:04d}", f"bridge-{n}-right", right)
        _write(first, f"c{k:04d}", f"bridge-{n}-whole", left + right)
    return first, second


def _ingest(folders: list[Path], url: str) -> subprocess.Popen[str]:
    env = {**os.environ, "ACCORD_DB": url}
    return subprocess.Popen(
        [sys.executable, "-m", "accord", "ingest", *map(str, folders), "--db", url],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip


def _finish(runs: list[subprocess.Popen[str]]) -> None:
    outputs = [run.communicate(timeout=240) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, f"exit {run.returncode}\nstdout: {out}\nstderr: {err}"


def _partition(url: str) -> set[frozenset[str]]:
    """The stored articles grouped by cluster, as sets of source ids (cluster ids themselves differ)."""
    engine = open_store(url)
    try:
        with Session(engine) as session:
            rows = session.execute(select(Article.source_id, Article.cluster_id)).all()
    finally:
        engine.dispose()
    groups: dict[int | None, set[str]] = {}
    for source_id, cluster_id in rows:
        assert cluster_id is not None, f"{source_id} has no cluster"
        groups.setdefault(cluster_id, set()).add(source_id)
    return {frozenset(group) for group in groups.values()}


@pytest.mark.slow
def test_concurrent_ingest_clusters_as_a_sequential_run(tmp_path: Path, store_url: str) -> None:
    first, second = _inputs(tmp_path)
    sequential = f"sqlite:///{tmp_path / 'sequential.db'}"
    _finish([_ingest([first, second], sequential)])
    expected = _partition(sequential)
    # The sequential run is the reference: every pair and every bridged story is one cluster.
    assert len(expected) == PAIRS + BRIDGES
    open_store(store_url).dispose()  # both runs start together, not one after creating the schema
    _finish([_ingest([first], store_url), _ingest([second], store_url)])
    got = _partition(store_url)
    split = sorted(sorted(group) for group in got - expected)
    assert got == expected, f"{len(split)} clusters differ from a sequential run's, e.g. {split[:4]}"
