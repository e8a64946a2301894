"""A clone of the repository is all a test, benchmark or Makefile step needs: nothing reads beside it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The material folder that sits beside the checkout on our machines, named once (so that this file, which
# must name it, is not itself a reference to it), and the ways a path can climb out to it.
BESIDE = "shared"
OUTSIDE = re.compile(
    rf"""\.\./{BESIDE}|/work/{BESIDE}|parents\[\d\]\.parent|ROOT\.parent|["']{BESIDE}["']\s*/"""
)
# Code, and the documents whose commands a user runs; data folders keep their sources' own READMEs.
CHECKED = ("tests", "bench", "scripts", "src", "Makefile", ".ci", "README.md", "docs", "examples")


def _files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", *CHECKED],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [ROOT / name for name in listed if ROOT / name != Path(__file__) and (ROOT / name).is_file()]


def test_no_code_reads_outside_the_repository() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in _files()
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert not offenders, "\n".join(offenders)


def test_the_pattern_catches_the_usual_ways_out() -> None:
    for line in (
        f'SEEDS = Path(__file__).resolve().parents[2].parent / "{BESIDE}" / "seeds"',
        'NEGOTIATION = ROOT.parent / "data"',
        f"accord ingest ../{BESIDE}/seeds",
        f'DATA = Path("/work/{BESIDE}/data")',
    ):
        assert OUTSIDE.search(line), line
    assert not OUTSIDE.search('SEEDS = ROOT / "eval" / "seeds"')
