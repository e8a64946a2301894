"""The README's set-up commands, read from the Makefile as make itself would run them (dry run)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _recipe(target: str) -> str:
    if shutil.which("make") is None:
        pytest.fail("make is not installed; the README's two commands need it")
    # -B: print the whole recipe even when prerequisites look up to date.
    done = subprocess.run(["make", "-n", "-B", target], cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout


def test_demo_keeps_its_store_so_corrections_survive_a_rerun() -> None:
    recipe = _recipe("demo")
    assert "accord analyze examples/corpus --db sqlite:///demo/accord.db" in recipe
    assert not [line for line in recipe.splitlines() if line.startswith("rm") and "demo" in line], recipe


def test_eval_scores_seeds_and_train_but_never_the_test_split() -> None:
    recipe = _recipe("eval")
    assert "--gold eval/seeds-gold.jsonl" in recipe and "--split train" in recipe
    assert "--split test" not in recipe
