"""`accord.analyze.analyze` end to end: real ingest, real spaCy extraction, scenario, models, report."""

from __future__ import annotations

import json
import logging
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Engine, select

from accord.analyze import analyze, code_fingerprint
from accord.models import registered
from accord.scenario.io import load_scenario
from accord.settings import Settings
from accord.store import open_store, session_scope
from accord.store.corrections import keys_for, record_correction
from accord.store.schema import Position
from monte_carlo_log import LOGGER, monte_carlo_runs

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
# A few briefs spanning the years, so every stage has work; the whole corpus runs in `make demo`. The
# forecast needs an issue on which two parties state positions (Russia's conditions and Kyiv's refusal in
# June 2024 give territory both sides).
SUBSET = [
    "2022-02-28_belarus-border-first-round.txt",
    "2022-03-07_third-round-kremlin-conditions.txt",
    "2024-06-14_putin-conditions-ultimatum.txt",
    "2025-03-11_jeddah-ceasefire-proposal.txt",
    "2025-03-11_jeddah-truce-plan-syndicated.html",
]
LATER = "2025-05-16_istanbul-direct-talks.txt"


@pytest.fixture(scope="module")
def nlp() -> Any:
    from accord.extract.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in SUBSET:
        shutil.copy(CORPUS / name, folder / name)
    return folder


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = open_store(f"sqlite:///{tmp_path / 'accord.db'}")
    yield engine
    engine.dispose()


def _statuses(result: Any) -> dict[str, str]:
    return {s.name: s.status for s in result.stages}


def test_runs_every_stage_then_skips_what_is_done(
    corpus: Path, engine: Engine, tmp_path: Path, nlp: Any, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "out"
    with caplog.at_level(logging.DEBUG, logger=LOGGER):
        first = analyze([corpus], engine, out, draws=100, nlp=nlp)
    assert first.ok, first.errors
    assert monte_carlo_runs(caplog) == Counter(
        list(registered())
    )  # each model's Monte Carlo once, the sensitivity's too
    assert set(_statuses(first).values()) == {"done"}
    for name in (
        "scenario.yaml",
        "forecast.json",
        "report.html",
        "exports/scenario.json",
        "exports/events.plover.jsonl",
    ):
        assert (out / name).is_file(), name
    scenario = load_scenario(out / "scenario.yaml")
    assert scenario.stances and all(s.evidence for s in scenario.stances)
    forecast = json.loads((out / "forecast.json").read_text(encoding="utf-8"))
    assert forecast["forecast"]["rows"] and forecast["sensitivity"]["rows"]
    assert all(c["low"] is not None for r in forecast["forecast"]["rows"] for c in r["cells"])
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "not the store&#39;s positions" not in html and "edited scenario.yaml" not in html
    assert 'data-note="edited_scenario"' not in html

    again = analyze([corpus], engine, out, draws=100, nlp=nlp)
    assert set(_statuses(again).values()) == {"skipped"}

    scales = tmp_path / "scales.yaml"  # a changed scenario setting rebuilds from the scenario on
    scales.write_text("issues:\n  ceasefire:\n    support: 90\n", encoding="utf-8")
    rescaling = Settings(issue_scales=str(scales))
    rescaled = analyze([corpus], engine, out, draws=100, nlp=nlp, settings=rescaling)
    assert _statuses(rescaled)["scenario"] == "done" and _statuses(rescaled)["extract"] == "skipped"
    scales.write_text("issues:\n  ceasefire:\n    support: 95\n", encoding="utf-8")  # same path, new content
    again = analyze([corpus], engine, out, draws=100, nlp=nlp, settings=rescaling)
    assert _statuses(again)["scenario"] == "done"

    with session_scope(engine) as session:  # an analyst's review changes the scenario's input
        (key,) = keys_for(session, [session.scalars(select(Position).limit(1)).one()])
        record_correction(session, key, "reject")
    reviewed = analyze([corpus], engine, out, draws=100, nlp=nlp)
    assert _statuses(reviewed)["scenario"] == "done" and _statuses(reviewed)["extract"] == "skipped"

    shutil.copy(CORPUS / LATER, corpus / LATER)
    grown = analyze([corpus], engine, out, draws=100, nlp=nlp)
    assert set(_statuses(grown).values()) == {"done"}


def test_an_edited_scenario_is_forecast_and_kept(
    corpus: Path, engine: Engine, tmp_path: Path, nlp: Any
) -> None:
    out = tmp_path / "out"
    analyze([corpus], engine, out, draws=50, nlp=nlp)
    path = out / "scenario.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for stance in data["stances"]:
        stance["position"] = 3.0  # the analyst moves everyone
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")

    rerun = analyze([corpus], engine, out, draws=50, nlp=nlp)
    assert _statuses(rerun) == {
        "ingest": "skipped",
        "extract": "skipped",
        "scenario": "skipped",
        "forecast": "done",
        "report": "done",
    }
    assert "edited" in rerun.stage("scenario").detail
    forecast = json.loads((out / "forecast.json").read_text(encoding="utf-8"))
    values = [c["value"] for r in forecast["forecast"]["rows"] for c in r["cells"]]
    assert values and all(v == pytest.approx(3.0) for v in values)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "edited scenario.yaml" in html and "not the store&#39;s positions" in html
    assert 'data-note="edited_scenario"' in html and 'data-note="given_scenario"' in html
    assert load_scenario(path).stances[0].position == 3.0  # not overwritten

    shutil.copy(CORPUS / LATER, corpus / LATER)  # the store changes: rebuild, keep the edit aside
    analyze([corpus], engine, out, draws=50, nlp=nlp)
    assert load_scenario(out / "scenario.edited.yaml").stances[0].position == 3.0
    assert load_scenario(path).stances[0].position != 3.0


def test_bad_input_is_reported_and_the_rest_goes_on(
    corpus: Path, engine: Engine, tmp_path: Path, nlp: Any
) -> None:
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02 binary \x00" * 50)
    result = analyze([corpus], engine, tmp_path / "out", draws=20, nlp=nlp)
    assert not result.ok
    assert len(result.errors) == 1 and "broken.txt" in result.errors[0]
    assert (tmp_path / "out" / "report.html").is_file()
    assert f"{len(SUBSET)} added" in result.stage("ingest").detail


def test_only_failed_articles_are_errors_not_skipped_ones(engine: Engine, tmp_path: Path) -> None:
    from spacy.language import Language
    from spacy.tokens import Doc

    from accord.extract.pipeline import load_pipeline

    def explode(doc: Doc) -> Doc:
        if "EXPLODE" in doc.text:
            raise ValueError("cannot read this article")
        return doc

    Language.component("analyze_test_exploding_component", func=explode)
    exploding = load_pipeline()
    exploding.add_pipe("analyze_test_exploding_component", after="ner")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS / SUBSET[2], folder / "fails.txt")
    with (folder / "fails.txt").open("a", encoding="utf-8") as text:
        text.write("\nEXPLODE\n")
    (folder / "german.txt").write_text(
        "Die Außenminister trafen sich am Donnerstag in Antalya. Die Gespräche brachten keine Einigung, und "
        "beide Seiten warfen sich gegenseitig vor, den Krieg zu verlängern. Der Kreml forderte erneut die "
        "Neutralität der Ukraine und die Anerkennung der annektierten Gebiete als russisches Staatsgebiet.",
        encoding="utf-8",
    )
    result = analyze([folder], engine, tmp_path / "out", draws=10, nlp=exploding)
    assert "1 skipped, 1 failed" in result.stage("extract").detail
    # The failure is an error; the German article was skipped, which is no error (it was listed as one
    # whenever another article failed).
    assert len(result.errors) == 1 and result.errors[0].startswith("[A301] ")
    assert "analyze_test_exploding_component" in result.errors[0]


def test_empty_corpus_gives_a_report_that_says_so(engine: Engine, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = analyze([empty], engine, tmp_path / "out", draws=10)
    assert result.ok
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "The store holds no articles" in html


def test_code_fingerprint_follows_every_file_of_the_package(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "lexicons").mkdir(parents=True)
    (package / "module.py").write_text("x = 1\n", encoding="utf-8")
    (package / "lexicons" / "words.yaml").write_text("a: [b]\n", encoding="utf-8")
    first = code_fingerprint(package)
    (package / "lexicons" / "words.yaml").write_text("a: [c]\n", encoding="utf-8")
    code_fingerprint.cache_clear()
    assert code_fingerprint(package) != first
    assert code_fingerprint() == code_fingerprint()  # the installed package's, computed once
