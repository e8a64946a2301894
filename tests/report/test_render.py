from __future__ import annotations

import html
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


def test_an_actor_keeps_one_colour_and_the_forecast_ticks_are_labelled(sqlite_url: str) -> None:
    from accord.report.assemble import report_data
    from accord.report.charts import actor_colors
    from accord.report.render import figures

    engine = open_store(sqlite_url)
    fill(engine)
    data = report_data(engine, draws=20, seed=1)
    engine.dispose()
    colors = actor_colors(data.matrix.actors)
    seen: dict[str, set[str]] = {}
    charts = {key: json.loads(fig) for key, fig in figures(data).items()}
    for key, fig in charts.items():
        if key.startswith("trajectory-"):
            for trace in fig["data"]:
                seen.setdefault(trace["name"], set()).add(trace["line"]["color"])
    assert len(seen) >= 3 and all(found == {colors[actor]} for actor, found in seen.items())
    ticks = next(t for t in charts["forecast"]["data"] if t["name"] == "actors' positions")
    assert "text" in ticks["mode"] and all(ticks["text"])  # every tick carries its actor's name
    single = [
        (text, color)
        for text, color in zip(ticks["text"], ticks["marker"]["color"], strict=True)
        if "," not in text
    ]
    assert single and all(color == colors[html.unescape(text)] for text, color in single)


def test_close_actor_ticks_turn_their_labels_apart() -> None:
    from accord.report.charts import _label_places

    assert _label_places([20.0, 80.0]) == ["top center", "top center"]
    assert _label_places([40.0, 60.0]) == ["top left", "top right"]
    # the labels at 60 and 80 overprinted; turned right, the one at 80 ran off the plot
    assert _label_places([60.0, 80.0]) == ["top left", "top center"]
    assert _label_places([10.0, 30.0, 45.0]) == ["top center", "top center", "top right"]


def test_report_shows_the_no_negotiation_note_and_the_direction(sqlite_url: str, tmp_path: Path) -> None:
    engine = open_store(sqlite_url)
    fill(engine)
    page = make_report(engine, tmp_path, draws=20).read_text(encoding="utf-8")
    engine.dispose()
    assert 'id="no-forecast-notes"' in page and page.count('class="no-forecast"') >= 1
    assert "holds a position on this issue: no negotiation to forecast." in page
    assert re.search(r"→ \d+: pushes it toward (0|100)", page)
