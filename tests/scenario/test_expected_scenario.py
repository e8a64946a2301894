"""The demo scenario against the stances the sample briefs state (examples/expected-scenario.yaml).

The corpus is ingested and extracted into a temporary SQLite store and the scenario built through the plain
Python API, as `make demo` does. A cell both have must sit on the same side of the midpoint; a cell the
scenario has and the file has not is a stance without a basis in the briefs (or one missing from the file),
and every such cell is listed in the failure message.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Engine

from accord.ingest import ingest_paths, read_path
from accord.scenario.builder import build_scenario
from accord.scenario.model import Scenario
from accord.store import open_store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
EXPECTED = ROOT / "examples" / "expected-scenario.yaml"
MIDPOINT = 50.0


def _expected() -> dict[tuple[str, str], dict[str, Any]]:
    data = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    for cell in data["cells"]:
        key = (cell["actor"], cell["issue"])
        assert key not in cells, f"{key} is listed twice"
        cells[key] = cell
    return cells


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    from accord.extract.pipeline import load_pipeline
    from accord.extract.runner import run_extraction

    engine: Engine = open_store(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'accord.db'}")
    try:
        report = ingest_paths([CORPUS], engine)
        assert report.ok, report.errors
        extracted = run_extraction(engine, nlp=load_pipeline())
        assert not extracted.errors, extracted.problems
        yield build_scenario(engine)
    finally:
        engine.dispose()


def test_every_cell_of_the_file_cites_a_sentence_of_its_brief() -> None:
    texts: dict[str, str] = {}
    for path in CORPUS.iterdir():
        texts[path.name] = "\n".join(a.text for a in read_path(path) if not isinstance(a, Exception))
    for (actor, issue), cell in _expected().items():
        assert cell["direction"] in {"support", "oppose", "mixed"}, (actor, issue)
        assert cell["evidence"], (actor, issue)
        for evidence in cell["evidence"]:
            name = evidence["file"].split("#")[0]
            assert name in texts, f"{actor}/{issue}: no brief {name}"
            assert evidence["sentence"] in texts[name], (
                f"{actor}/{issue}: not in {name}: {evidence['sentence']}"
            )
    if len({c["direction"] for c in _expected().values()}) < 2:
        pytest.fail("the file states only one direction")


@pytest.mark.slow
def test_the_demo_scenario_agrees_with_the_briefs(scenario: Scenario) -> None:
    expected = _expected()
    flipped: list[str] = []
    unexpected: list[str] = []
    for stance in scenario.stances:
        key = (stance.actor, stance.issue)
        sentences = "; ".join(sorted({(e.sentence or "").strip()[:120] for e in stance.evidence}))
        cell = expected.get(key)
        if cell is None:
            unexpected.append(f"{stance.actor}/{stance.issue} at {stance.position:g} ({sentences})")
            continue
        direction = cell["direction"]
        if direction == "mixed":
            continue
        above = stance.position > MIDPOINT
        below = stance.position < MIDPOINT
        if (direction == "support" and not above) or (direction == "oppose" and not below):
            flipped.append(f"{stance.actor}/{stance.issue}: briefs {direction}, scenario {stance.position:g}")
    message = []
    if flipped:
        message.append("direction differs from the briefs:\n  " + "\n  ".join(flipped))
    if unexpected:
        message.append(
            "cells with no basis in examples/expected-scenario.yaml:\n  " + "\n  ".join(unexpected)
        )
    assert not message, "\n".join(message)
