"""The record of every look at a locked test split: when, at which commit, and what it scored.

A test split is for reporting, never for tuning; appending each scoring to a versioned log makes every
look visible in review (how often was it scored, and did the figures move between looks).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path
from typing import Any

from accord.extract.evaluation import EvalReport


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def look_record(report: EvalReport, gold: Path, split: str, min_score: float = 0.0) -> dict[str, Any]:
    """One log line: date, commit (with a flag for uncommitted changes), the figures and their intervals."""
    where = gold.resolve().parent
    commit = _git(["rev-parse", "HEAD"], where)
    status = _git(["status", "--porcelain", "--untracked-files=no"], where)
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": commit,
        "uncommitted_changes": bool(status) if status is not None else None,
        "gold": gold.name,
        "corpus": where.name,  # "dev" or "challenge": the folder the gold file is in
        "split": split,
        "min_score": min_score,
        "articles": len(report.articles),
        "scores": {
            kind: {
                "precision": round(score.precision, 4),
                "recall": round(score.recall, 4),
                "f1": round(score.f1, 4),
                "f1_95": [round(v, 4) for v in report.intervals[kind].f1]
                if kind in report.intervals
                else None,
            }
            for kind, score in report.scores.items()
        },
        "positions_flipped": report.flipped,
    }


def append_look(log: Path, record: dict[str, Any]) -> None:
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
