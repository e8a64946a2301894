from __future__ import annotations

import datetime as dt

import pytest

from accord.extract.components.date_resolution import resolve_date

PUBLISHED = dt.date(2025, 2, 13)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on March 10, 2022", ("2022-03-10", "day")),
        ("on 10 March 2022", ("2022-03-10", "day")),
        ("in March 2014", ("2014-03", "month")),
        ("in 2014", ("2014", "year")),
        ("on March 10", ("2025-03-10", "day")),
        ("in April", ("2025-04", "month")),
        ("yesterday", ("2025-02-12", "relative")),
        ("on Tuesday", ("2025-02-11", "relative")),
        ("nothing here", (None, None)),
    ],
)
def test_dates_with_a_publication_date(text: str, expected: tuple[str | None, str | None]) -> None:
    assert resolve_date(text, PUBLISHED) == expected


def test_scheduled_weekday_resolves_forward() -> None:
    assert resolve_date("on Friday", PUBLISHED, future=True) == ("2025-02-14", "relative")


def test_without_a_publication_date_relative_and_yearless_dates_stay_open() -> None:
    assert resolve_date("on Thursday", None) == (None, "relative")
    assert resolve_date("on March 10", None) == (None, None)
    assert resolve_date("in June 2014", None) == ("2014-06", "month")


def test_impossible_day_falls_back_to_the_month() -> None:
    assert resolve_date("on February 30, 2024", None) == ("2024-02", "month")
