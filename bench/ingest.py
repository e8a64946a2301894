"""Ingest throughput: articles per second for the whole ingest (read, normalize, dedupe, store),
printed beside the time to merely read the same files, both measured in the same run.

    .venv/bin/python bench/ingest.py [--n 10000] [--seed 20220310] [--keep DIR]

The corpus comes from bench/synthetic.py: most articles one .txt file each (with front matter),
a fifth of them in .jsonl files of 50, about one story in five with near-duplicate rewrites.
The store is a fresh SQLite file in a temporary folder.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synthetic import write_corpus

from accord.errors import AccordError
from accord.ingest import ingest_paths, read_path
from accord.settings import load_settings
from accord.store import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description="Ingest throughput against a read-only baseline.")
    parser.add_argument("--n", type=int, default=10_000, help="articles in the synthetic corpus")
    settings = load_settings()  # a benchmark is an entry point: it reads the settings once
    parser.add_argument("--seed", type=int, default=settings.seed)
    parser.add_argument("--keep", type=Path, help="write the corpus and store here instead of a temp folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        corpus = root / "corpus"
        written = write_corpus(corpus, args.n, seed=args.seed)
        files = sum(1 for p in corpus.rglob("*") if p.is_file())

        started, cpu = time.perf_counter(), time.process_time()
        read = sum(1 for item in read_path(corpus) if not isinstance(item, AccordError))
        read_seconds, read_cpu = time.perf_counter() - started, time.process_time() - cpu

        engine = open_store(f"sqlite:///{root / 'bench.db'}")
        started, cpu = time.perf_counter(), time.process_time()
        report = ingest_paths([corpus], engine, progress=False)
        ingest_seconds, ingest_cpu = time.perf_counter() - started, time.process_time() - cpu

        started = time.perf_counter()
        again = ingest_paths([corpus], engine, progress=False)
        rerun_seconds = time.perf_counter() - started
        engine.dispose()

    assert read == written == report.added, (read, written, report.summary())
    print(f"corpus: {written} articles in {files} files (seed {args.seed})")
    # The machine is shared: wall-clock rates move with the load, CPU-time rates much less.
    print(
        f"read only          : {read_seconds:7.2f} s wall {read / read_seconds:7.0f} articles/s   "
        f"{read_cpu:7.2f} s CPU {read / read_cpu:7.0f} articles/s"
    )
    print(
        f"ingest (full)      : {ingest_seconds:7.2f} s wall {report.added / ingest_seconds:7.0f} articles/s  "
        f"{ingest_cpu:7.2f} s CPU {report.added / ingest_cpu:7.0f} articles/s   "
        f"({ingest_seconds / read_seconds:.1f}x the read time)"
    )
    print(f"re-ingest unchanged: {rerun_seconds:7.2f} s  ({again.summary()})")


if __name__ == "__main__":
    main()
