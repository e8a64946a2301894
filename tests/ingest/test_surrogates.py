"""File names that are not UTF-8 and JSON lone surrogates: kept losslessly or refused, never a crash."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from accord.ingest import ingest_paths
from accord.ingest.readers import NOT_ARTICLES
from accord.ingest.surrogates import display_name, first_surrogate
from accord.store import open_store
from accord.store.schema import Article, IngestError

BODY = "Envoys met in Oslo on Monday and agreed to meet again next week, an aide said."
STORE_SETTINGS = settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
# A file-name component: any bytes but "/" and NUL; backslashes left out so \xNN reads back unambiguously.
name_bytes = st.binary(min_size=1, max_size=60).filter(
    lambda b: b"/" not in b and b"\0" not in b and b"\\" not in b and b not in {b".", b".."}
)
lone_surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)


def _undo(shown: str) -> bytes:
    """The bytes of a name shown by display_name: UTF-8, with each \\xNN back to its byte."""
    out = bytearray()
    for piece in re.split(r"(\\x[0-9a-f]{2})", shown):
        out += bytes([int(piece[2:], 16)]) if re.fullmatch(r"\\x[0-9a-f]{2}", piece) else piece.encode()
    return bytes(out)


@given(raw=name_bytes)
def test_display_name_is_utf8_and_lossless(raw: bytes) -> None:
    shown = display_name(os.fsdecode(raw))
    shown.encode("utf-8")  # never raises
    assert _undo(shown) == raw


@given(text=st.text(st.characters(codec="utf-8")))
def test_valid_names_are_unchanged(text: str) -> None:
    assert display_name(text) == text and first_surrogate({"id": text, "tags": [text]}) is None


@given(before=st.text(max_size=5), bad=lone_surrogates, after=st.text(max_size=5))
def test_first_surrogate_names_the_field(before: str, bad: str, after: str) -> None:
    found = first_surrogate({"id": "ok", "extra": {"tags": ["fine", before + bad + after]}})
    assert found is not None and found[0] == "extra.tags[1]"
    assert first_surrogate(json.loads("[" * 500 + '"x\\ud83d"' + "]" * 500)) is not None  # deep is fine


def _read_in_folders(raw: bytes) -> bool:
    """Not hidden and not a folder's notes (README...), which a folder walk skips on purpose."""
    return not raw.startswith(b".") and os.fsdecode(raw).split(".")[0].lower() not in NOT_ARTICLES


@STORE_SETTINGS
@given(
    names=st.lists(
        name_bytes.map(lambda b: b[:200]).filter(_read_in_folders), min_size=1, max_size=4, unique=True
    )
)
def test_files_with_any_byte_name_are_stored_under_their_escaped_name(
    names: list[bytes], engine: Engine, tmp_path: Path
) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    marker = folder.name
    for n, raw in enumerate(names):
        path = os.path.join(os.fsencode(folder), raw + b".txt")
        with open(path, "wb") as stream:
            stream.write(f"{BODY} Reference {marker} number {n}.".encode())
    report = ingest_paths([folder], engine, progress=False)
    assert report.ok, report.errors
    with Session(engine) as session:
        stored = set(session.scalars(select(Article.source_id).where(Article.text.contains(marker))))
    assert {_undo(source_id) for source_id in stored} == set(names)


@STORE_SETTINGS
@given(
    rows=st.lists(
        st.tuples(st.booleans(), st.sampled_from(["id", "title", "text", "outlet", "tags"]), lone_surrogates),
        min_size=1,
        max_size=6,
    )
)
def test_jsonl_records_with_lone_surrogates_are_one_a110_each(
    rows: list[tuple[bool, str, str]], engine: Engine, tmp_path: Path
) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    lines, good, bad = [], set(), []
    for n, (broken, field, char) in enumerate(rows, start=1):
        record: dict[str, object] = {"id": f"{folder.name}-{n}", "text": f"{BODY} Item {folder.name} {n}."}
        if broken:
            value = f"x{char}"
            record[field] = [value] if field == "tags" else value
            bad.append(n)
        else:
            good.add(f"{folder.name}-{n}")
        lines.append(json.dumps(record))  # ensure_ascii writes the surrogate as \udXXX
    path = folder / "records.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = ingest_paths([path], engine, progress=False)
    assert [(issue.code, issue.message.split(" has ")[0]) for issue in report.errors] == [
        ("A110", f"{path}: record {n}") for n in bad
    ]
    with Session(engine) as session:
        stored = set(
            session.scalars(select(Article.source_id).where(Article.source_id.startswith(folder.name)))
        )
        errors = session.scalars(select(IngestError.code).where(IngestError.source == str(path))).all()
    assert stored == good and errors == ["A110"] * len(bad)


def test_cli_run_with_a_bad_name_and_a_lone_surrogate_neither_crashes_nor_loses(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text(BODY, encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"a-\xff.txt"), "wb") as stream:
        stream.write(b"Another story: talks resumed in Geneva on Tuesday.")
    (folder / "b.jsonl").write_text(
        '{"id": "x\\ud83d", "text": "Lone surrogate in the id."}\n{"id": "ok", "text": "A fine record."}\n',
        encoding="utf-8",
    )
    db = tmp_path / "accord.db"
    run = subprocess.run(
        [sys.executable, "-m", "accord", "ingest", str(folder), "--db", f"sqlite:///{db}", "--no-progress"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    reason = "record 1 has a lone surrogate \\ud83d in 'id', not valid Unicode"
    assert errors == [f"error: [A110] {folder / 'b.jsonl'}: {reason}"]
    assert "3 added" in run.stderr
    engine = open_store(f"sqlite:///{db}")
    try:
        with Session(engine) as session:
            assert set(session.scalars(select(Article.source_id))) == {"a-good", "a-\\xff", "ok"}
    finally:
        engine.dispose()
