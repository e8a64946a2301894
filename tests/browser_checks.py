"""Checks on what a real browser drew, shared by the report and dashboard tests."""

from __future__ import annotations

from typing import Any

# Data points plotly holds for each chart matched (a chart drawn from no data still draws its axes).
_POINTS_JS = """selector => Array.from(document.querySelectorAll(selector)).map(el => (el.data || []).reduce(
    (n, trace) => n + Math.max(0, ...['x', 'y', 'z', 'values'].map(k => (trace[k] || []).length)), 0))"""


def chart_points(page: Any, selector: str = ".chart") -> list[int]:
    points: list[int] = page.evaluate(_POINTS_JS, selector)
    return points


def assert_charts_have_data(page: Any, selector: str = ".chart") -> None:
    """At least one chart matches, and every one plotly drew has data points."""
    points = chart_points(page, selector)
    assert points and all(count > 0 for count in points), (
        f"{page.url} {selector}: data points per chart {points}"
    )
