from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from accord.errors import AccordError
from accord.ingest import RawArticle, read_path
from accord.ingest.readers import read_bytes

BODY = (
    "Delegations from both sides met in Vienna on Thursday to discuss a prisoner exchange.\n"
    "The mediator said the talks were long but useful, and that a second session would follow."
)


def _one(path: Path, **kwargs: int) -> RawArticle:
    items = list(read_path(path, **kwargs))
    assert len(items) == 1, items
    assert isinstance(items[0], RawArticle), items[0]
    return items[0]


def _error(path: Path | str, **kwargs: int) -> AccordError:
    items = list(read_path(path, **kwargs))
    assert len(items) == 1, items
    assert isinstance(items[0], AccordError), items[0]
    return items[0]


def test_txt_headline_becomes_title_and_stays_in_text(tmp_path: Path) -> None:
    path = tmp_path / "vienna-talks.txt"
    path.write_text("Prisoner exchange on the table in Vienna\n" + BODY, encoding="utf-8")
    article = _one(path)
    assert article.source_id == "vienna-talks"
    assert article.title == "Prisoner exchange on the table in Vienna"
    assert article.text.startswith("Prisoner exchange on the table")
    assert article.published is None  # no metadata, no dateline: never guessed


def test_txt_without_headline_has_no_title(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(BODY, encoding="utf-8")
    assert _one(path).title is None


def test_txt_dateline_gives_the_date(tmp_path: Path) -> None:
    path = tmp_path / "dated.txt"
    path.write_text("VIENNA, March 3, 2022 — " + BODY, encoding="utf-8")
    assert _one(path).published == dt.date(2022, 3, 3)


def test_markdown_front_matter_and_heading(tmp_path: Path) -> None:
    path = tmp_path / "brief.md"
    path.write_text(
        "---\nid: brief-7\noutlet: Lakeside Journal\npublished: 2023-05-02\nurl: https://x.example/7\n"
        "desk: foreign\n---\n# Talks resume in Vienna\n\n" + BODY,
        encoding="utf-8",
    )
    article = _one(path)
    assert article.source_id == "brief-7"
    assert article.outlet == "Lakeside Journal"
    assert article.published == dt.date(2023, 5, 2)
    assert article.url == "https://x.example/7"
    assert article.title == "Talks resume in Vienna"
    assert article.extra == {"desk": "foreign"}
    assert not article.text.startswith("#")


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Vienna talks | Lakeside Journal</title>"
        '<link rel="canonical" href="https://lakeside.example/vienna"/>'
        '<meta property="og:site_name" content="Lakeside Journal">'
        '<meta name="author" content="Ada Quill">'
        '<meta property="article:published_time" content="2022-03-10T08:00:00Z"></head>'
        "<body><nav>Home | World | Sport</nav><article><h1>Vienna talks</h1>"
        + "".join(f"<p>{line}</p>" for line in BODY.splitlines())
        + "</article><footer>Subscribe today</footer></body></html>",
        encoding="utf-8",
    )
    article = _one(path)
    assert article.source_id == "page"
    assert article.url == "https://lakeside.example/vienna"
    assert article.outlet == "Lakeside Journal"
    assert article.author == "Ada Quill"
    assert article.published == dt.date(2022, 3, 10)
    assert "prisoner exchange" in article.text
    assert "Subscribe" not in article.text


def test_html_without_date_metadata_has_no_date(tmp_path: Path) -> None:
    path = tmp_path / "undated.html"
    path.write_text(
        "<html><body><article>"
        + "".join(f"<p>{x}</p>" for x in BODY.splitlines())
        + "</article></body></html>"
    )
    assert _one(path).published is None


def test_jsonl_records_fields_and_extra(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [
        {"id": "r1", "title": "One", "text": BODY, "outlet": "Atlas Daily", "published": "2024-01-05",
         "language": "en", "url": "https://atlas.example/1", "section": "world"},
        {"title": "Two", "body": BODY + " Second."},
        {"id": 3, "content": BODY + " Third.", "published": "sometime soon"},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    items = list(read_path(path))
    assert all(isinstance(i, RawArticle) for i in items)
    first, second, third = items
    assert isinstance(first, RawArticle) and isinstance(second, RawArticle) and isinstance(third, RawArticle)
    assert first.source_id == "r1" and first.outlet == "Atlas Daily" and first.language == "en"
    assert first.published == dt.date(2024, 1, 5) and first.extra == {"section": "world"}
    assert second.source_id == "feed:2" and second.text.endswith("Second.")
    assert third.source_id == "3" and third.published is None
    assert third.extra == {"published_raw": "sometime soon"}


def test_jsonl_bad_record_is_one_error_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": BODY}),
        "{not json",
        json.dumps({"id": "x", "title": "no text"}),
        json.dumps([1, 2]),
        json.dumps({"id": "ok2", "text": BODY + " More."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_path(path))
    good = [i.source_id for i in items if isinstance(i, RawArticle)]
    bad = [i for i in items if isinstance(i, AccordError)]
    assert good == ["ok1", "ok2"]
    assert [e.code.name for e in bad] == ["A110", "A110", "A110"]
    assert "record 2" in bad[0].message and "record 3" in bad[1].message


def test_json_array_and_object(tmp_path: Path) -> None:
    array = tmp_path / "list.json"
    array.write_text(json.dumps([{"id": "a", "text": BODY}, {"id": "b", "text": BODY + " B."}]))
    assert [i.source_id for i in read_path(array) if isinstance(i, RawArticle)] == ["a", "b"]
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": BODY}))
    assert _one(single).source_id == "one:1"


RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Summit Wire</title><language>en-gb</language>
<item><guid>wire-1</guid><title>Vienna talks</title><link>https://wire.example/1</link>
<pubDate>Thu, 10 Mar 2022 09:00:00 GMT</pubDate><description>&lt;p&gt;{body}&lt;/p&gt;</description></item>
<item><guid>wire-2</guid><title>Headline only</title></item>
</channel></rss>"""


def test_rss_items_with_content(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS.format(body=BODY.replace("\n", " ")), encoding="utf-8")
    article = _one(path)
    assert article.source_id == "wire-1"
    assert article.outlet == "Summit Wire"
    assert article.published == dt.date(2022, 3, 10)
    assert article.url == "https://wire.example/1"
    assert article.language == "en-gb"
    assert "prisoner exchange" in article.text and "<p>" not in article.text


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atlas</title>'
        "<entry><id>urn:atlas:1</id><title>Talks</title><updated>2023-11-02T10:00:00Z</updated>"
        f'<content type="html">{BODY}</content></entry></feed>',
        encoding="utf-8",
    )
    article = _one(path)
    assert article.source_id == "urn:atlas:1" and article.published == dt.date(2023, 11, 2)


def test_gzip_file_is_read_through(tmp_path: Path) -> None:
    path = tmp_path / "packed.txt.gz"
    path.write_bytes(gzip.compress(BODY.encode()))
    article = _one(path)
    assert article.source_id == "packed" and article.text == BODY


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "A101"),
        ("blank.md", b"  \n\t\n", "A101"),
        ("binary.txt", bytes(range(256)) * 4, "A102"),
        ("nul.html", b"<html>\x00\x00\x00</html>", "A102"),
        ("latin.txt", b"Caf\x81 \x8d\x8f\x90 talks", "A103"),
        ("broken.json", b'{"id": "a", "text": ', "A104"),
        ("scalar.json", b"42", "A104"),
        ("nomarkup.html", b"just words, no tags at all", "A104"),
        (
            "empty-body.html",
            b"<html><head><title>T</title></head><body><script>var x = 1;</script></body></html>",
            "A107",
        ),
        (
            "truncated.rss",
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>X</title><item><title>',
            "A104",
        ),
        ("notgzip.txt.gz", b"\x1f\x8b\x08\x00garbage", "A106"),
        ("cut.txt.gz", gzip.compress(BODY.encode())[:20], "A106"),
        ("notes.docx", b"PK\x03\x04", "A108"),
        ("only-front-matter.md", b"---\nid: x\n---\n", "A107"),
    ],
)
def test_bad_input_gives_one_error(tmp_path: Path, name: str, content: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    error = _error(path)
    assert error.code.name == code, error
    assert str(path) in error.message
    assert "\n" not in error.message


def test_oversized_file_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(BODY * 50)
    error = _error(path, max_bytes=1000)
    assert error.code.name == "A105" and "1000" in error.message


def test_gzip_bomb_refused_after_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a " * 100_000))
    assert _error(path, max_bytes=5000).code.name == "A105"


def test_max_bytes_applies(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(BODY)
    assert _error(path, max_bytes=100).code.name == "A105"  # the CLI passes the max_file_bytes setting


def test_missing_path(tmp_path: Path) -> None:
    assert _error(tmp_path / "nowhere").code.name == "A109"


def test_utf16_and_cp1252_decoded(tmp_path: Path) -> None:
    utf16 = tmp_path / "u16.txt"
    utf16.write_bytes(BODY.encode("utf-16"))
    assert _one(utf16).text == BODY
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("The envoy’s café meeting — short".encode("cp1252"))
    assert _one(legacy).text == "The envoy’s café meeting — short"


def test_folder_read_recursively_skipping_notes_and_unknown_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / "a" / "one.txt").write_text(BODY)
    (tmp_path / "a" / "b" / "two.md").write_text(BODY + " Two.")
    (tmp_path / "README.md").write_text("# About this folder\nNotes.")
    (tmp_path / ".hidden.txt").write_text(BODY)
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    ids = sorted(i.source_id for i in read_path(tmp_path) if isinstance(i, RawArticle))
    assert ids == ["one", "two"]
    assert not [i for i in read_path(tmp_path) if isinstance(i, AccordError)]


def test_stdin_bytes_sniffed_and_named_by_content() -> None:
    items = list(read_bytes(BODY.encode(), name="-", source="<stdin>"))
    assert isinstance(items[0], RawArticle) and items[0].source_id.startswith("stdin-")
    records = (json.dumps({"id": "s1", "text": BODY}) + "\n").encode()
    items = list(read_bytes(records, name="-", source="<stdin>"))
    assert isinstance(items[0], RawArticle) and items[0].source_id == "s1"
