"""Plotly figure specs for the report's charts, built from the view data.

Every string that comes from an article is HTML-escaped here: Plotly draws hover text and labels with
a little HTML of its own, so article text must reach it as plain text.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections.abc import Iterable
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from accord.report.data import EventsTimeline, ForecastTable, IssueForecastRow, Trajectories

PALETTE = [
    "#1f5fa8", "#c2410c", "#15803d", "#7c3aed", "#b91c1c", "#0e7490", "#a16207", "#be185d", "#4d7c0f",
    "#475569", "#1d4ed8", "#9333ea",
]  # fmt: skip
# Actors: one colour each, the same in every chart of the report and the dashboard (see actor_colors).
ACTOR_PALETTE = [
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#bcbd22",
    "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1",
    "#636363", "#9c9ede",
]  # fmt: skip
STANCE_SYMBOL = {"support": "circle", "oppose": "x", "conditional": "diamond"}
# The stance colours of the dashboard's stylesheet (--support, --oppose, --conditional), for charts that
# colour by stance, so a bar means what a tag of the same colour means.
STANCE_COLOR = {"support": "#2e7d4f", "oppose": "#b3261e", "conditional": "#b7791f"}
EVENT_COLOR = {
    "negotiation_round": "#1f5fa8",
    "meeting": "#0e7490",
    "phone_call": "#7c3aed",
    "statement": "#64748b",
    "agreement": "#15803d",
    "attack": "#b91c1c",
    "sanction": "#a16207",
    "aid": "#c2410c",
}
STAGE_COLOR = {
    "peace talks": "rgba(31,95,168,0.10)",
    "ceasefire": "rgba(21,128,61,0.14)",
    "truce": "rgba(21,128,61,0.14)",
}
FONT = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"


def position_color(position: float) -> str:
    """Oppose (0) red through a neutral grey (50) to support (100) blue: the matrix cells' colour."""
    low, mid, high = (178, 24, 43), (203, 213, 225), (33, 102, 172)
    t = max(0.0, min(100.0, position)) / 100.0
    a, b, f = (low, mid, t * 2) if t <= 0.5 else (mid, high, (t - 0.5) * 2)
    r, g, bl = (round(a[i] + (b[i] - a[i]) * f) for i in range(3))
    return f"#{r:02x}{g:02x}{bl:02x}"


def actor_colors(actors: Iterable[str]) -> dict[str, str]:
    """Actor name -> its colour, given every actor in one fixed order (the matrix's: most engaged first).

    The report and the dashboard both pass the actors of the store's matrix, so an actor has one colour in
    every chart of either. Beyond the palette's 20 colours they repeat."""
    order = list(dict.fromkeys(actors))
    return {actor: ACTOR_PALETTE[index % len(ACTOR_PALETTE)] for index, actor in enumerate(order)}


def figure_json(fig: go.Figure) -> str:
    """The figure as the JSON plotly.js draws: inlined by the report, a data attribute in the dashboard."""
    return str(pio.to_json(fig, validate=False))


def safe(text: str | None, width: int = 70, limit: int = 320) -> str:
    """Article text for Plotly: escaped, shortened, wrapped with Plotly's own line breaks."""
    if not text:
        return ""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "<br>".join(html.escape(line) for line in textwrap.wrap(text, width))


def _layout(**extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = dict(
        template="plotly_white",
        font=dict(family=FONT, size=13, color="#1e293b"),
        margin=dict(l=60, r=20, t=40, b=40),
        hoverlabel=dict(align="left", font=dict(family=FONT, size=12)),
        legend=dict(orientation="h", yanchor="top", y=-0.15, xanchor="left", x=0),
    )
    base.update(extra)
    return base


def trajectory_figure(data: Trajectories, issue: str, colors: dict[str, str] | None = None) -> go.Figure:
    """One issue's positions over time, a line per actor, a marker per dated statement; each actor in its
    colour from ``colors`` (:func:`actor_colors`; by default from the order of ``data``'s series)."""
    colors = dict(colors or {})
    fallback = actor_colors([s.actor for s in data.series])
    fig = go.Figure()
    for series in (s for s in data.series if s.issue == issue):
        color = colors.get(series.actor) or fallback[series.actor]
        fig.add_trace(
            go.Scatter(
                x=[p.date for p in series.points],
                y=[p.value for p in series.points],
                mode="lines+markers",
                line=dict(color=color, width=2, shape="hv"),
                marker=dict(
                    size=10,
                    color=color,
                    symbol=[STANCE_SYMBOL.get(p.stance, "circle") for p in series.points],
                ),
                name=html.escape(series.actor),
                text=[
                    f"<b>{html.escape(series.actor)}</b> · {html.escape(p.stance)} · {p.date.isoformat()}<br>"
                    f"{safe(p.sentence)}<br><i>{safe(p.title, limit=90)} — {html.escape(p.outlet or '')}</i>"
                    for p in series.points
                ],
                hovertemplate="%{text}<extra></extra>",
            )
        )
    fig.update_layout(
        **_layout(
            height=340,
            title=dict(text=html.escape(data.issue_labels.get(issue, issue)), x=0, font=dict(size=15)),
        )
    )
    fig.update_yaxes(range=[-5, 105], title="position (0–100)", tickvals=[0, 20, 50, 60, 80, 100])
    dates = [p.date for s in data.series if s.issue == issue for p in s.points]
    if dates:
        # Pad the axis by at least a month either side so a single day does not zoom to milliseconds.
        first, last = min(dates), max(dates)
        pad = max(30, (last - first).days // 12)
        fig.update_xaxes(type="date", range=[first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)])
    return fig


def events_figure(data: EventsTimeline) -> go.Figure:
    """Events on a time axis, one row per type, with the stages of the process shaded behind them."""
    fig = go.Figure()
    types = sorted({e.type for e in data.events})
    for kind in types:
        events = [e for e in data.events if e.type == kind]
        label = html.escape(kind.replace("_", " "))
        fig.add_trace(
            go.Scatter(
                x=[e.date for e in events],
                y=[kind.replace("_", " ") for e in events],
                mode="markers",
                marker=dict(
                    size=12, color=EVENT_COLOR.get(kind, "#334155"), line=dict(width=1, color="white")
                ),
                name=kind.replace("_", " "),
                text=[
                    f"<b>{label}</b> · {html.escape(e.date_text or str(e.date))}"
                    f"{' · ' + html.escape(e.place) if e.place else ''}<br>"
                    f"{safe(', '.join(e.participants), limit=120)}<br>{safe(e.sentence)}"
                    for e in events
                ],
                hovertemplate="%{text}<extra></extra>",
            )
        )
    dates = [e.date for e in data.events if e.date]
    span = (max(dates) - min(dates)).days if dates else 0
    for stage in data.stages:
        end = stage.end or max(dates, default=stage.start)
        # A short stage still shows: at least 1/150 of the axis wide.
        end = max(end, stage.start + dt.timedelta(days=max(3, span // 150)))
        fig.add_vrect(
            x0=stage.start,
            x1=end,
            fillcolor=STAGE_COLOR.get(stage.kind, "rgba(100,116,139,0.1)"),
            line_width=0,
            layer="below",
            annotation_text=html.escape(stage.kind),
            annotation_position="top left" if stage.kind == "peace talks" else "bottom left",
            annotation_font=dict(size=11, color="#475569"),
        )
    fig.update_layout(
        **_layout(
            height=140 + 46 * max(len(types), 1), showlegend=False, margin=dict(l=140, r=20, t=40, b=40)
        )
    )
    return fig


def _tick_label(names: list[str], limit: int = 3) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" +{len(names) - limit}" if len(names) > limit else "")


# Ticks closer than this on the 0-100 axis turn their labels apart (a three-name label spans about 25).
LABEL_GAP = 30.0
# A label turned outwards needs this much axis beyond its tick, or the plot's edge cuts it.
EDGE_ROOM = 30.0


def forecast_figure(data: ForecastTable, colors: dict[str, str] | None = None) -> go.Figure:
    """Each issue's forecast by every model with its 80 % interval; actors' positions as ticks, each in the
    actor's colour (:func:`actor_colors`) and labelled with its name (actors at one position share a tick
    and a label). Issues without a negotiation (a note, no forecast) are left out."""
    colors = dict(colors or {})
    rows = [row for row in data.rows if row.note is None]
    fig = go.Figure()
    labels = [html.escape(row.label) for row in rows]
    fig.add_trace(_position_ticks(rows, colors))
    for index, model in enumerate(data.models):
        fig.add_trace(_model_forecasts(rows, model, PALETTE[index % len(PALETTE)]))
    fig.update_layout(
        **_layout(
            height=140 + (42 + 11 * (len(data.models) + 1)) * max(len(labels), 1),
            scattermode="group",
            scattergap=0.25,
            legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0),
            margin=dict(l=260, r=20, t=70, b=40),
        )
    )
    fig.update_xaxes(range=[-3, 103], title="forecast position (0–100)")
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=labels)
    return fig


def _position_ticks(rows: list[IssueForecastRow], colors: dict[str, str]) -> go.Scatter:
    """The actors' positions on every issue as labelled ticks, one per distinct position."""
    rank = {name: index for index, name in enumerate(colors)}  # the matrix's order: most engaged first
    xs, ys, tick_colors, tick_text, hover, places = [], [], [], [], [], []
    for row in rows:
        at: dict[float, list[str]] = {}
        for name, position, _ in row.positions:
            at.setdefault(position, []).append(name)
        positions = sorted(at)
        places.extend(_label_places(positions))
        for position in positions:
            names = sorted(at[position], key=lambda n: rank.get(n, len(rank)))
            xs.append(position)
            ys.append(html.escape(row.label))
            tick_colors.append(colors.get(names[0], "#475569") if len(names) == 1 else "#475569")
            tick_text.append(html.escape(_tick_label(names)))
            hover.append("<br>".join(f"{html.escape(n)}: {position:g}" for n in names))
    return go.Scatter(
        x=xs,
        y=ys,
        mode="markers+text",
        orientation="h",
        offsetgroup="actors",
        marker=dict(symbol="line-ns-open", size=14, color=tick_colors, line=dict(width=2.5)),
        text=tick_text,
        textposition=places,
        textfont=dict(size=10, color=tick_colors),
        name="actors' positions",
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
        cliponaxis=False,
    )


def _label_places(positions: list[float], near: float = LABEL_GAP) -> list[str]:
    """Where each tick's label sits, for one issue's positions in increasing order: centred above its tick,
    but ticks closer than ``near`` on the 0-100 axis turn their labels away from each other, so that
    "France, European Union, Germany +1" at 60 and "Ukraine, United States" at 80 do not overprint."""
    places = ["top center"] * len(positions)
    start = 0  # the first tick of the current run of close ticks
    for index in range(1, len(positions) + 1):
        if index < len(positions) and positions[index] - positions[index - 1] < near:
            continue
        if index - 1 > start:  # a run of two or more: its ends turn outwards where the axis has room
            if positions[start] >= EDGE_ROOM:
                places[start] = "top left"
            if positions[index - 1] <= 100 - EDGE_ROOM:
                places[index - 1] = "top right"
        start = index
    return places


def _model_forecasts(rows: list[IssueForecastRow], model: str, color: str) -> go.Scatter:
    """One model's forecast of every issue it forecasts, with its 80 % interval as error bars."""
    mx: list[float] = []
    my: list[str] = []
    plus: list[float] = []
    minus: list[float] = []
    texts: list[str] = []
    for row in rows:
        cell = next((c for c in row.cells if c.model == model), None)
        if cell is None:
            continue
        mx.append(cell.value)
        my.append(html.escape(row.label))
        plus.append((cell.high - cell.value) if cell.high is not None else 0)
        minus.append((cell.value - cell.low) if cell.low is not None else 0)
        band = (
            f" (80 %: {cell.low:.1f}–{cell.high:.1f})"
            if cell.low is not None and cell.high is not None
            else ""
        )
        texts.append(f"<b>{html.escape(model)}</b>: {cell.value:.1f}{band}")
    return go.Scatter(
        x=mx,
        y=my,
        mode="markers",
        orientation="h",  # with scattermode "group": the models of one issue sit side by side
        offsetgroup=model,
        marker=dict(size=9, color=color),
        error_x=dict(type="data", array=plus, arrayminus=minus, thickness=1.5, width=3),
        name=model.replace("_", " "),
        text=texts,
        hovertemplate="%{text}<extra></extra>",
    )
