from __future__ import annotations

import datetime as dt
import time

import pytest

from accord.ingest.dates import dateline_date, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-03-10", dt.date(2022, 3, 10)),
        ("2022-03-10T08:00:00Z", dt.date(2022, 3, 10)),
        ("2022-03-10 08:00:00+02:00", dt.date(2022, 3, 10)),
        ("Thu, 10 Mar 2022 09:00:00 GMT", dt.date(2022, 3, 10)),
        ("March 10, 2022", dt.date(2022, 3, 10)),
        ("10 March 2022", dt.date(2022, 3, 10)),
        ("Sept. 4th, 2025", dt.date(2025, 9, 4)),
        (time.struct_time((2021, 2, 3, 0, 0, 0, 0, 34, 0)), dt.date(2021, 2, 3)),
        ("March 2022", None),  # no day: not a full date, so none is given
        ("2022-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (12, None),
    ],
)
def test_parse_date(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_dateline_at_start_or_after_headline() -> None:
    assert dateline_date("KYIV, March 3, 2022 — Talks resumed.") == dt.date(2022, 3, 3)
    assert dateline_date("LONDON, 3 March 2022 (Wire) - Talks.") == dt.date(2022, 3, 3)
    assert dateline_date("Talks resume\nGENEVA, May 4, 2023 — Envoys met.") == dt.date(2023, 5, 4)


def test_no_dateline_no_date() -> None:
    assert dateline_date("LONDON — There may be only seven weeks left.") is None
    assert dateline_date("The envoys met on March 3, 2022 in Geneva.") is None
    assert dateline_date("One\nTwo\nPARIS, May 4, 2023 — late dateline is not a dateline.") is None
