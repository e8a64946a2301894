"""One headless Chromium (Debian's) for the whole session; pages load reports from files, offline."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "report"


@dataclass
class Watched:
    """A page plus everything it tried to do that a report must not: errors, dialogs, network."""

    page: Any
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def open(self, path: Path) -> None:
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-ready='1']", state="attached")

    def show(self, view: str) -> None:
        self.page.click(f"nav a[data-view='{view}']")
        self.page.wait_for_selector(f"#view-{view}.active")

    def screenshot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.evaluate("window.scrollTo(0, 0)")
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    w = Watched(page)
    page.on("pageerror", lambda exc: w.errors.append(str(exc)))
    page.on("console", lambda msg: w.errors.append(msg.text) if msg.type == "error" else None)
    page.on("dialog", lambda dialog: (w.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: w.requests.append(request.url))
    yield w
    context.close()
