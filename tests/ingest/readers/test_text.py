"""Plain text and Markdown: a file that is only front matter, or nothing but marks, is no article (A107)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from accord.errors import AccordError
from accord.ingest import RawArticle, ingest_paths
from accord.ingest.readers import read_bytes
from accord.store.schema import Article

fields = st.lists(
    st.tuples(st.sampled_from(["id", "title", "outlet", "published", "x"]), st.text("abc 123-", max_size=10)),
    max_size=3,
)
newline = st.sampled_from(["\n", "\r\n"])
blank = st.text(" \t\n", max_size=4)


@settings(max_examples=60, deadline=None)
@given(fields=fields, nl=newline, tail=blank, suffix=st.sampled_from([".md", ".txt"]))
def test_only_front_matter_is_a107(fields: list[tuple[str, str]], nl: str, tail: str, suffix: str) -> None:
    block = "".join(f"{key}: {value}{nl}" for key, value in fields)
    data = f"---{nl}{block}---{nl}{tail}".encode()
    items = list(read_bytes(data, name=f"empty{suffix}"))
    assert len(items) == 1 and isinstance(items[0], AccordError), items
    assert items[0].code.name in {"A107", "A101"}


def test_front_matter_with_a_body_is_read() -> None:
    (item,) = read_bytes(b"---\nid: s1\n---\nEnvoys met in Oslo.\n", name="s.md")
    assert isinstance(item, RawArticle) and item.source_id == "s1" and item.text == "Envoys met in Oslo."
    (item,) = read_bytes(b"---\n---\nEnvoys met in Oslo.\n", name="t.md")
    assert isinstance(item, RawArticle) and item.text == "Envoys met in Oslo."


def test_a_dashes_only_markdown_file_is_not_stored(engine: Engine, tmp_path: Path) -> None:
    (tmp_path / "dashes.md").write_text("---\n---\n", encoding="utf-8")
    (tmp_path / "rule.md").write_text("---\n\n***\n", encoding="utf-8")
    report = ingest_paths([tmp_path], engine, progress=False)
    assert report.added == 0
    assert sorted((e.code, Path(e.source).name) for e in report.errors) == [
        ("A107", "dashes.md"),
        ("A107", "rule.md"),
    ]
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 0
