"""Draw a :class:`~accord.report.data.ReportData` as one self-contained HTML file.

Everything is inlined: CSS, our script, plotly.js from the installed ``plotly`` package, and each chart's
figure as JSON; the page loads nothing from the network (its Content-Security-Policy forbids it). Jinja2
autoescaping escapes every piece of article text; chart JSON is embedded with ``<``, ``>`` and ``&``
escaped so no string can close its script element.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from plotly.offline import get_plotlyjs

from accord.errors import AccordError, Errors
from accord.report.charts import (
    actor_colors,
    events_figure,
    figure_json,
    forecast_figure,
    position_color,
    trajectory_figure,
)
from accord.report.data import ReportData

VIEWS = (
    ("overview", "Overview"),
    ("matrix", "Actors × issues"),
    ("trajectories", "Trajectories"),
    ("events", "Events"),
    ("quotes", "Quotes"),
    ("forecast", "Forecast"),
    ("sensitivity", "Sensitivity"),
)


def script_json(data: Any) -> Markup:
    """JSON safe inside a <script> element: no '<', '>' or '&' survives unescaped."""
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("accord.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["position_color"] = position_color
    env.filters["script_json"] = script_json
    return env


def _asset(name: str) -> str:
    return (resources.files("accord.report") / "templates" / name).read_text(encoding="utf-8")


def figures(data: ReportData) -> dict[str, str]:
    """Chart id → the Plotly figure as JSON. Actors keep one colour in every chart: the matrix's order
    (as in the dashboard), then any actor only the forecast's scenario knows."""
    colors = actor_colors(
        [
            *data.matrix.actors,
            *(s.actor for s in data.trajectories.series),
            *(p[0] for row in data.forecast.rows for p in row.positions),
        ]
    )
    out: dict[str, str] = {}
    for index, issue in enumerate(data.trajectories.issues):
        out[f"trajectory-{index}"] = figure_json(trajectory_figure(data.trajectories, issue, colors))
    if data.timeline.events:
        out["events"] = figure_json(events_figure(data.timeline))
    if any(row.note is None for row in data.forecast.rows):
        out["forecast"] = figure_json(forecast_figure(data.forecast, colors))
    return out


def render_html(data: ReportData, plotly_js: str | None = None) -> str:
    """The whole report as one HTML string."""
    template = _env().get_template("report.html.j2")
    return template.render(
        data=data,
        views=VIEWS,
        figures=figures(data),
        css=Markup(_asset("report.css")),
        script=Markup(_asset("report.js")),
        plotly_js=Markup(get_plotlyjs() if plotly_js is None else plotly_js),
    )


def write_report(data: ReportData, out_dir: Path | str, name: str = "report.html") -> Path:
    """Write ``report.html`` (and nothing else) into ``out_dir``."""
    path = Path(out_dir) / name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_html(data), encoding="utf-8")
    except OSError as exc:
        raise AccordError(Errors.A501, path=path, reason=exc.strerror or str(exc)) from exc
    return path
