from __future__ import annotations

import json
import re
from pathlib import Path

from plotly.offline import get_plotlyjs

from accord.report import make_report
from accord.report.charts import position_color
from accord.report.render import script_json
from accord.store import open_store
from sample_store import PAYLOAD, fill


def test_script_json_cannot_close_its_script_element() -> None:
    text = script_json({"title": "</script><script>alert(1)</script> & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(str(text)) == {"title": "</script><script>alert(1)</script> & \u2028"}


def test_position_colours_run_from_oppose_to_support() -> None:
    assert position_color(0) == "#b2182b"
    assert position_color(100) == "#2166ac"
    assert position_color(50) == "#cbd5e1"
    assert position_color(150) == position_color(100)


def test_report_is_self_contained_and_escaped(sqlite_url: str, tmp_path: Path) -> None:
    engine = open_store(sqlite_url)
    fill(engine)
    html = make_report(engine, tmp_path, draws=20).read_text(encoding="utf-8")
    engine.dispose()
    assert get_plotlyjs()[:2000] in html  # plotly.js from the installed package, inlined
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)  # nothing loaded from anywhere
    assert "cdn" not in html.split("<script>")[0].lower()
    assert PAYLOAD not in html  # every copy of the payload is escaped
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "default-src 'none'" in html  # the page may not fetch anything
    assert [
        f"{v}" for v in ("overview", "matrix", "trajectories", "events", "quotes", "forecast", "sensitivity")
    ] == [m for m in re.findall(r'<section class="view" id="view-([a-z]+)"', html)]
