"""JSON Lines and JSON: every bad line is its own A110 error and the good lines around it all count."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from accord.errors import AccordError
from accord.ingest import RawArticle, ingest_paths
from accord.ingest.readers import read_bytes
from accord.store.schema import Article, IngestError

# Lines that json.loads refuses with something other than JSONDecodeError, or with one.
BAD_LINES = {
    "huge integer": '{"id": "n", "text": "t", "n": ' + "7" * 5000 + "}",
    "nested too deep": "[" * 100_000 + "]" * 100_000,
    "nested object too deep": '{"a":' * 50_000 + "1" + "}" * 50_000,
    "unterminated string": '{"id": "u", "text": "no end',
    "not JSON": "this is prose",
}


def _good(n: int) -> str:
    return json.dumps({"id": f"good-{n}", "text": f"Envoys met for round {n} of the corridor talks."})


@st.composite
def jsonl_lines(draw: st.DrawFn) -> list[str | None]:
    """Good records (None) and bad lines in any order."""
    return draw(st.lists(st.one_of(st.none(), st.sampled_from(sorted(BAD_LINES))), min_size=1, max_size=8))


def _document(kinds: list[str | None]) -> str:
    return "\n".join(_good(n) if kind is None else BAD_LINES[kind] for n, kind in enumerate(kinds, 1))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kinds=jsonl_lines())
def test_each_bad_line_is_one_a110_and_every_good_line_is_read(kinds: list[str | None]) -> None:
    items = list(read_bytes(_document(kinds).encode(), name="mixed.jsonl"))
    assert len(items) == len(kinds), "one item per line"
    for number, (kind, item) in enumerate(zip(kinds, items, strict=True), start=1):
        if kind is None:
            assert isinstance(item, RawArticle) and item.source_id == f"good-{number}"
        else:
            assert isinstance(item, AccordError) and item.code.name == "A110", (kind, item)
            assert f"record {number} is not valid JSON" in item.message
            assert "\n" not in item.message and "set_int_max_str_digits" not in item.message


def test_bad_lines_in_the_middle_cost_only_themselves_in_the_store(engine: Engine, tmp_path: Path) -> None:
    kinds: list[str | None] = [None, "huge integer", None, "nested too deep", None, "nested object too deep"]
    path = tmp_path / "feed.jsonl"
    path.write_text(_document(kinds) + "\n" + _good(7), encoding="utf-8")
    report = ingest_paths([path], engine, progress=False)
    assert report.added == 4
    assert [(issue.code, issue.message.split(" is ")[0]) for issue in report.errors] == [
        ("A110", f"{path}: record 2"),
        ("A110", f"{path}: record 4"),
        ("A110", f"{path}: record 6"),
    ]
    with Session(engine) as session:
        stored = set(session.scalars(select(Article.source_id)))
        assert session.scalar(select(IngestError.code).where(IngestError.source == str(path))) == "A110"
    assert stored == {"good-1", "good-3", "good-5", "good-7"}


def test_a_json_parse_error_is_given_whole() -> None:
    data = b'{\n  "id": "j",\n  "text": "Envoys met,\n  "title": "x"\n}'
    (error,) = read_bytes(data, name="broken.json")
    assert isinstance(error, AccordError) and error.code.name == "A104"
    assert error.message == "broken.json: malformed JSON (Invalid control character at line 3 column 23)"
    (error,) = read_bytes(b'[\n{"id": "j",\n "text": "no end', name="cut.json")
    assert isinstance(error, AccordError)
    assert error.message == "cut.json: malformed JSON (Unterminated string starting at line 3 column 10)"


def test_a_jsonl_parse_error_keeps_its_position() -> None:
    (error,) = read_bytes(b'{"id": "u", "text": "no end', name="cut.jsonl")
    assert isinstance(error, AccordError)
    assert error.message == (
        "cut.jsonl: record 1 is not valid JSON (Unterminated string starting at column 21)"
    )


def test_a_json_file_with_a_huge_integer_is_one_a104() -> None:
    (error,) = read_bytes(b'[{"id": "n", "text": "t", "n": ' + b"9" * 5000 + b"}]", name="big.json")
    assert isinstance(error, AccordError) and error.code.name == "A104"
    assert "4300 digits" in error.message and "set_int_max_str_digits" not in error.message
