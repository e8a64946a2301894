"""`accord.errors`: an AccordError kept as data reads back as the same code and line."""

from __future__ import annotations

import pickle
from pathlib import Path

from accord.errors import AccordError, ErrorRecord, Errors


def test_a_record_keeps_the_code_and_fields_and_prints_the_same_line() -> None:
    error = AccordError(Errors.A301, article="article 7 (x)", component="ner", reason="ValueError:\n  bad")
    record = error.record()
    assert record.code is Errors.A301 and record.fields["component"] == "ner"
    assert str(record) == str(error) and record.message == error.message
    assert record.model_dump(mode="json")["code"] == "A301"  # the code's name, not its template
    assert ErrorRecord.model_validate_json(record.model_dump_json()) == record
    assert pickle.loads(pickle.dumps(record)) == record  # Dask ships results from the workers


def test_fields_are_kept_as_text() -> None:
    record = AccordError(Errors.A350, first=1, last=4, count=4, reason="boom").record()
    assert record.fields == {"first": "1", "last": "4", "count": "4", "reason": "boom"}
    assert AccordError(Errors.A320, path=Path("out/x.csv"), reason="r").record().fields["path"] == "out/x.csv"
