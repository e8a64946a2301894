"""Headless Chromium clicks through every page of a real uvicorn server on loopback.

One page on the session's browser; screenshots land in test-artifacts/serve/ (git-ignored).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from accord.serve import create_app
from browser_checks import assert_charts_have_data

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "serve"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(served_db: dict[str, Any]) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(create_app(served_db["url"]), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(base_url: str, browser: Any) -> Iterator[Any]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.problems = []  # type: ignore[attr-defined]
    tab.on("pageerror", lambda exc: tab.problems.append(f"page error: {exc}"))  # type: ignore[attr-defined]
    tab.on(
        "console",
        lambda msg: tab.problems.append(msg.text) if msg.type == "error" else None,  # type: ignore[attr-defined]
    )
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture(autouse=True)
def _fresh_problems(page: Any) -> None:
    page.problems.clear()


def _shot(page: Any, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def test_click_through_every_page(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.wait_for_selector("#issues-chart .main-svg")  # plotly drew the chart from the local bundle
    assert_charts_have_data(page)
    _shot(page, "overview")
    for label, name in (
        ("Articles", "articles"),
        ("Actors", "actors"),
        ("Matrix", "matrix"),
        ("Timeline", "timeline"),
        ("Review", "review"),
        ("API", "docs"),
    ):
        page.click(f"header nav >> text={label}")
        page.wait_for_load_state()
        assert page.locator("h1").first.is_visible()
        _shot(page, name)
    page.goto(base_url + "/timeline")
    page.wait_for_selector("#timeline-chart .main-svg")
    assert_charts_have_data(page)
    _shot(page, "timeline")
    page.goto(base_url + "/actors/Ukraine")
    page.wait_for_selector("#positions-chart .main-svg")
    assert_charts_have_data(page)
    _shot(page, "actor")
    assert page.problems == []  # type: ignore[attr-defined]  # no CSP violation, no script error


def test_search_and_open_an_article(page: Any, base_url: str) -> None:
    page.goto(base_url + "/articles")
    page.fill("input[name=q]", "prisoner exchange")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("ul.articles mark")
    _shot(page, "search")
    page.click("ul.articles li >> nth=0 >> a.title")
    page.wait_for_selector("#article-text .hl-position")
    assert page.locator("#article-text .hl-actor").count() >= 2
    # The hostile title is shown as text, never run: no injected element exists.
    assert page.locator("h1").inner_text().startswith('<script>alert("x")</script>')
    assert (
        page.evaluate(
            "document.querySelectorAll('#article-text img, #article-text b, #article-text script').length"
        )
        == 0
    )
    _shot(page, "article")
    assert page.problems == []  # type: ignore[attr-defined]


def test_what_if_recomputes_every_model(page: Any, base_url: str) -> None:
    page.goto(base_url + "/forecast")
    cells = page.locator("#forecast-table td[data-model]")
    assert cells.count() >= 3
    before = cells.all_inner_texts()
    field = page.locator("input.js-stance[data-field=position]").first
    field.fill("100")
    started = time.monotonic()
    page.wait_for_selector("#whatif[data-computed]")
    elapsed = time.monotonic() - started
    after = cells.all_inner_texts()
    assert after != before and page.locator("#forecast-table td.changed").count() >= 1
    assert elapsed < 1.0 + 0.25  # debounce included
    page.fill("#new-actor-name", "Mediator")
    page.fill("#new-actor-capability", "5")
    page.fill("#new-actor-position", "0")
    page.click("#add-actor-button")
    page.wait_for_selector("#whatif[data-computed='2']")
    page.locator(".js-remove").first.check()
    page.wait_for_selector("#whatif[data-computed='3']")
    assert "ms" in page.locator("#whatif-status").inner_text()
    _shot(page, "forecast")
    assert page.problems == []  # type: ignore[attr-defined]


def test_review_an_item(page: Any, base_url: str) -> None:
    page.goto(base_url + "/review?type=position&status=pending")
    first = page.locator(".review-item").first
    item_id = first.get_attribute("data-item-id")
    first.locator("select[data-field=stance]").select_option("conditional")
    first.locator("button[data-action=correct]").click()
    page.wait_for_selector(f'.review-item[data-item-id="{item_id}"].decided-correct')
    _shot(page, "review")
    page.goto(base_url + "/review?type=position&status=reviewed")
    assert page.locator(f'.review-item[data-item-id="{item_id}"] .review-correct').count() == 1
    assert page.problems == []  # type: ignore[attr-defined]
