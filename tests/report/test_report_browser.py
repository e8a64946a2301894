"""The report in a real headless Chromium: every view renders, evidence opens, nothing hostile runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from accord.report import make_report
from accord.store import open_store
from browser_checks import assert_charts_have_data
from sample_store import HOSTILE_ARTICLES, PAYLOAD, fill

pytestmark = pytest.mark.browser
VIEWS = ["overview", "matrix", "trajectories", "events", "quotes", "forecast", "sensitivity"]


def _only_local(requests: list[str]) -> list[str]:
    return [url for url in requests if not url.startswith(("file://", "data:", "about:"))]


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    engine = open_store(f"sqlite:///{folder / 'accord.db'}")
    fill(engine)
    path = make_report(engine, folder, draws=200, seed=7)
    engine.dispose()
    return path


def test_every_view_renders_with_content(sample_report: Path, watched) -> None:  # type: ignore[no-untyped-def]
    page = watched.page
    watched.open(sample_report)
    assert page.inner_text("[data-stat='articles']") == "7"
    assert page.inner_text("[data-stat='clusters']") == "1"
    watched.screenshot("overview")

    watched.show("matrix")
    assert page.locator("td.cell[data-evidence]").count() == 12
    cell = page.locator("td.cell[data-actor='Ukraine'][data-issue='ceasefire']")
    cell.click()
    panel = page.inner_text("#evidence-panel")
    assert "Ukraine accepted a proposal for an immediate 30-day ceasefire." in panel
    assert "Ukraine rejected calls for a ceasefire" in panel  # the older, outweighed statement is shown too
    watched.screenshot("matrix")

    watched.show("trajectories")
    page.wait_for_selector("#chart-trajectory-0 .main-svg")
    assert page.locator("#view-trajectories .chart .main-svg").count() >= 7
    assert_charts_have_data(page, "#view-trajectories .chart")
    watched.screenshot("trajectories")

    watched.show("events")
    page.wait_for_selector("#chart-events .main-svg")
    assert page.locator("#stages tbody tr").count() == 3
    assert page.locator("#chart-events .scatterlayer .point").count() == 5
    assert_charts_have_data(page, "#chart-events")
    watched.screenshot("events")

    watched.show("quotes")
    quotes = page.inner_text("#view-quotes")
    assert PAYLOAD in quotes  # shown as text, not run
    watched.screenshot("quotes")

    watched.show("forecast")
    page.wait_for_selector("#chart-forecast .main-svg")
    assert page.locator("#forecast-table tbody tr").count() == 7
    assert page.locator("#forecast-table .band").count() > 0  # intervals
    assert_charts_have_data(page, "#chart-forecast")
    watched.screenshot("forecast")

    watched.show("sensitivity")
    # 12 stances, 4 of them on issues only one actor speaks to: no negotiation, not perturbed (issue 12)
    assert page.locator("#sensitivity-table tbody tr").count() == 8
    assert "no negotiation" in page.inner_text("#sensitivity-notes")
    watched.screenshot("sensitivity")

    assert page.evaluate("window.__pwned") is None
    assert watched.errors == [] and watched.dialogs == []
    assert _only_local(watched.requests) == []  # opens offline: nothing fetched from the network


def test_hostile_article_is_shown_as_text_and_never_runs(
    tmp_path: Path, watched, nlp_free_engine: Engine
) -> None:  # type: ignore[no-untyped-def]
    path = make_report(nlp_free_engine, tmp_path, draws=50)
    html = path.read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    watched.open(path)
    for view in VIEWS:
        watched.show(view)
    page = watched.page
    assert page.evaluate("window.__pwned") is None
    assert watched.dialogs == [] and watched.errors == []
    assert page.locator("img").count() == 0
    scripts = page.locator("script").count()
    figures = page.locator("script[type='application/json']").count()
    assert scripts == figures + 2  # plotly.js and our own, nothing injected
    watched.show("overview")
    assert "<script>alert(document.domain)</script>" in page.inner_text("#view-overview")  # a title, as text
    assert "<b onmouseover=alert(1)>One</b>" in page.inner_text("#view-overview")  # an outlet
    watched.show("quotes")  # two copies of the story, each quote shown once
    quotes = page.locator("#view-quotes blockquote").all_inner_texts()
    assert (
        quotes.count("We will not sign <script>window.__pwned = 1</script> anything that rewards aggression")
        == 1
    )
    assert "Volodymyr Zelensky said." in page.inner_text(
        "#view-quotes .ctx >> nth=-1"
    )  # the sentence, as text
    watched.screenshot("hostile-quotes")
    assert _only_local(watched.requests) == []


def test_empty_store_report_says_so(tmp_path: Path, watched) -> None:  # type: ignore[no-untyped-def]
    engine = open_store(f"sqlite:///{tmp_path / 'empty.db'}")
    path = make_report(engine, tmp_path, draws=10)
    engine.dispose()
    watched.open(path)
    assert "holds no articles" in watched.page.inner_text("#empty-corpus")
    for view in VIEWS[1:]:
        watched.show(view)
        assert watched.page.locator(f"#view-{view} .empty").count() == 1
    watched.show("overview")
    watched.screenshot("empty-corpus")
    assert watched.errors == []


@pytest.fixture
def nlp_free_engine(tmp_path: Path) -> Engine:
    """Hostile articles through the real ingest and extraction."""
    from accord.extract.runner import run_extraction
    from accord.ingest import ingest_paths

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hostile.jsonl").write_text(
        "".join(json.dumps(a) + "\n" for a in HOSTILE_ARTICLES), encoding="utf-8"
    )
    engine = open_store(f"sqlite:///{tmp_path / 'hostile.db'}")
    report = ingest_paths([folder], engine, progress=False)
    assert report.added == len(HOSTILE_ARTICLES), report.summary()
    extracted = run_extraction(engine)
    assert extracted.ok == len(HOSTILE_ARTICLES)
    return engine


def test_the_matrix_keeps_actors_and_issues_in_view_when_scrolled(sample_report: Path, watched) -> None:  # type: ignore[no-untyped-def]
    page = watched.page
    page.set_viewport_size({"width": 700, "height": 600})
    watched.open(sample_report)
    watched.show("matrix")
    actor = "#view-matrix tbody tr:first-child th.actor"
    left = page.eval_on_selector(actor, "el => el.getBoundingClientRect().left")
    page.eval_on_selector(".matrix-wrap", "el => { el.scrollLeft = el.scrollWidth; el.scrollTop = 150; }")
    assert page.eval_on_selector(".matrix-wrap", "el => el.scrollLeft") > 0
    assert abs(page.eval_on_selector(actor, "el => el.getBoundingClientRect().left") - left) < 1
    wrap_top = page.eval_on_selector(".matrix-wrap", "el => el.getBoundingClientRect().top")
    head_top = page.eval_on_selector("#view-matrix thead", "el => el.getBoundingClientRect().top")
    assert abs(head_top - wrap_top) < 2  # the issue header stays at the top of the box
    watched.screenshot("matrix-scrolled")
