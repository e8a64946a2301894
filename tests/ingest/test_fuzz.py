"""Random bytes and broken documents into every reader: only documented errors, never an exception."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from accord.errors import AccordError
from accord.ingest import RawArticle, ingest_paths
from accord.ingest.readers import read_bytes
from accord.store.schema import Article

SUFFIXES = [
    ".txt",
    ".md",
    ".html",
    ".htm",
    ".json",
    ".jsonl",
    ".rss",
    ".atom",
    ".xml",
    ".txt.gz",
    ".jsonl.gz",
]
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

BODY = "Envoys met in Oslo on Monday. They agreed to meet again next week, an aide said."
VALID = {
    ".txt": BODY.encode(),
    ".md": ("---\nid: m1\n---\n# Oslo talks\n" + BODY).encode(),
    ".html": f"<html><head><title>Oslo</title></head><body><article><p>{BODY}</p></article></body>".encode(),
    ".json": json.dumps([{"id": "j1", "text": BODY}]).encode(),
    ".jsonl": (
        json.dumps({"id": "l1", "text": BODY}) + "\n" + json.dumps({"id": "l2", "text": BODY})
    ).encode(),
    ".rss": (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><guid>g1</guid>'
        f"<title>Oslo</title><description>{BODY}</description></item></channel></rss>"
    ).encode(),
}


def _check(items: list[RawArticle | AccordError]) -> None:
    assert items, "a reader must yield at least one article or one error"
    for item in items:
        assert isinstance(item, RawArticle | AccordError)
        if isinstance(item, AccordError):
            assert item.code.name.startswith("A1"), item
            assert "\n" not in item.message
        else:
            assert item.text.strip()


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(data: bytes, suffix: str) -> None:
    _check(list(read_bytes(data, name=f"fuzz{suffix}", max_bytes=2500)))


@FUZZ
@given(text=st.text(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_random_text(text: str, suffix: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    if suffix.endswith(".gz"):
        data = gzip.compress(data)
    _check(list(read_bytes(data, name=f"fuzz{suffix}")))


@st.composite
def broken_document(draw: st.DrawFn) -> tuple[str, bytes]:
    """A valid document cut short, with bytes flipped, spliced or duplicated."""
    suffix = draw(st.sampled_from(sorted(VALID)))
    data = bytearray(VALID[suffix])
    operation = draw(st.sampled_from(["truncate", "flip", "insert", "repeat"]))
    at = draw(st.integers(0, len(data) - 1))
    if operation == "truncate":
        data = data[:at]
    elif operation == "flip":
        data[at] = draw(st.integers(0, 255))
    elif operation == "insert":
        data[at:at] = draw(st.binary(min_size=1, max_size=20))
    else:
        data = data[:at] + data + data[at:]
    if draw(st.booleans()):
        return suffix + ".gz", gzip.compress(bytes(data))[: draw(st.integers(10, 400))]
    return suffix, bytes(data)


@FUZZ
@given(doc=broken_document())
def test_malformed_documents(doc: tuple[str, bytes]) -> None:
    suffix, data = doc
    _check(list(read_bytes(data, name=f"broken{suffix}")))


@FUZZ
@given(
    records=st.lists(
        st.dictionaries(
            st.sampled_from(["id", "text", "title", "published", "url", "x"]),
            st.one_of(st.none(), st.integers(), st.text(max_size=40), st.lists(st.integers(), max_size=3)),
        ),
        max_size=5,
    )
)
def test_random_json_records(records: list[dict[str, object]]) -> None:  # fmt: skip
    data = "\n".join(json.dumps(r) for r in records).encode()
    _check(list(read_bytes(data or b"{}", name="records.jsonl")))


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(bad=st.lists(st.tuples(st.sampled_from(SUFFIXES), st.binary(max_size=600)), min_size=1, max_size=4))
def test_random_files_never_stop_the_batch(
    bad: list[tuple[str, bytes]], engine: Engine, tmp_path: Path
) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    for n, (suffix, data) in enumerate(bad):
        (folder / f"a{n}{suffix}").write_bytes(data)
    marker = folder.name  # makes the good article new in every example
    (folder / "z-good.txt").write_text(f"{BODY} Reference {marker}.", encoding="utf-8")
    report = ingest_paths([folder], engine, progress=False)
    with Session(engine) as session:
        stored = session.scalars(select(Article.text).where(Article.text.contains(marker))).all()
    assert len(stored) == 1
    assert all(issue.code.startswith("A1") for issue in report.errors)
    assert report.ok == (not report.errors)
