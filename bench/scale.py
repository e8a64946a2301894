"""Extraction throughput with one and two Dask workers, and the scaling ratio between them.

    .venv/bin/python bench/scale.py                      # 5,000 synthetic articles, 1 then 2 workers
    .venv/bin/python bench/scale.py --articles 500 --workers 1 2 4
    .venv/bin/python bench/scale.py --db postgresql://user@host/db --scheduler tcp://host:8786

Each measured run extracts the same synthetic corpus into a fresh store: a new SQLite file by default,
or the database ``--db`` names, whose tables the benchmark empties first (give it a scratch database).
Clusters are started and their workers' pipelines loaded before the clock starts, so the figures are
steady-state throughput: what a long run on that many workers sustains. The ratio is against the
one-worker run measured in the same invocation.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synthetic import Generator
from sqlalchemy import Engine, insert

from accord.extract.distributed import run_distributed
from accord.settings import load_settings
from accord.store import open_store
from accord.store.schema import Article, Base


def fill_store(engine: Engine, count: int, paragraphs: int, seed: int) -> int:
    """Insert ``count`` synthetic articles of about ``paragraphs`` paragraphs; returns the number of words.

    The text comes from ``bench/synthetic.py`` (the ingest benchmark's generator, our own templates);
    rows go straight into the store, since this benchmark times extraction, not ingest.
    """
    gen = Generator(seed)
    words = 0
    rows: list[dict[str, Any]] = []
    for n in range(count):
        story = gen.story(sentences=(max(1, paragraphs - 1), paragraphs + 1))
        text = story["text"]
        words += len(text.split())
        rows.append(
            {
                "source_id": f"synthetic-{n}", "version": 1, "content_hash": f"synthetic-{seed}-{n}",
                "title": story["title"], "text": text, "language": "en", "word_count": len(text.split()),
                "published": dt.date.fromisoformat(story["published"]), "extra": {},
            }
        )  # fmt: skip
    with engine.begin() as conn:
        for start in range(0, len(rows), 1000):
            conn.execute(insert(Article), rows[start : start + 1000])
    return words


def fresh_store(args: argparse.Namespace, workdir: Path, label: str) -> Engine:
    if args.db:
        engine = open_store(args.db)
        with engine.begin() as conn:  # an explicit benchmark database: start from empty tables
            for table in reversed(Base.metadata.sorted_tables):
                conn.execute(table.delete())
        return engine
    return open_store(f"sqlite:///{workdir / f'{label}.db'}")


def cpu_seconds() -> float:
    """User plus system CPU time of the calling process (run on each worker)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(args: argparse.Namespace, workdir: Path, workers: int) -> tuple[float, int, int]:
    """Seconds, articles and words of one timed extraction on ``workers`` workers."""
    import distributed

    dist: Any = distributed  # parts of its API carry no annotations
    cluster = None
    address = args.scheduler
    if address is None:
        cluster = dist.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        address = cluster.scheduler_address
    try:
        # Warm-up: load the pipeline in every worker on a throw-away store, outside the clock.
        warm = open_store(f"sqlite:///{workdir / f'warm-{workers}.db'}")
        fill_store(warm, 4 * workers, 2, seed=1)
        run_distributed(warm, scheduler=address, chunk_size=1)
        engine = fresh_store(args, workdir, f"run-{workers}")
        words = fill_store(engine, args.articles, args.paragraphs, seed=load_settings().seed)
        with dist.Client(address) as client:
            cpu_before, own_before = sum(client.run(cpu_seconds).values()), cpu_seconds()
            report = run_distributed(engine, scheduler=address, chunk_size=args.chunk)
            cpu, own = sum(client.run(cpu_seconds).values()) - cpu_before, cpu_seconds() - own_before
            seen = len(client.scheduler_info()["workers"])
        if report.errors:
            print(
                f"  {report.errors} failed articles; {[str(p) for p in report.failures[:1]]}", file=sys.stderr
            )
        if seen != workers and args.scheduler is None:
            raise SystemExit(f"expected {workers} workers, cluster has {seen}")
        # CPU time separates the pipeline's own cost from what the machine's other work left us.
        print(
            f"  workers used {cpu:.1f} CPU-s = {report.processed / cpu:.1f} articles per CPU-second; "
            f"cores obtained on average: {cpu / report.seconds:.2f} of {workers}; "
            f"client used {own:.1f} CPU-s, spent {report.write_seconds:.1f} s writing"
        )
        return report.seconds, report.processed, words
    finally:
        if cluster is not None:
            cluster.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--paragraphs", type=int, default=5, help="paragraphs (1-3 sentences) per article")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--chunk", type=int, default=64, help="articles per Dask task")
    parser.add_argument("--db", default=None, help="benchmark database URL (its tables are emptied!)")
    parser.add_argument("--scheduler", default=None, help="an existing cluster (then --workers is a label)")
    args = parser.parse_args(argv)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start")
    print(f"corpus: {args.articles} synthetic articles of ~{args.paragraphs} paragraphs, chunk {args.chunk}")
    baseline: float | None = None
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        for workers in args.workers:
            seconds, articles, words = measure(args, Path(tmp), workers)
            rate = articles / seconds
            baseline = baseline or rate
            print(
                f"workers={workers}: {articles} articles, {words} words in {seconds:.1f} s = "
                f"{rate:.1f} articles/s, {words / seconds:,.0f} words/s, "
                f"{rate / workers:.1f} articles/s per worker; ratio vs {args.workers[0]} worker(s): "
                f"{rate / baseline:.2f}x"
            )
    print(f"load average {os.getloadavg()[0]:.2f} at end")


if __name__ == "__main__":
    main()
