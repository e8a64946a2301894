"""A page that is only navigation, menus, footers or noscript text is refused (A107), not stored."""

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

ARTICLE = (
    "<article><h1>Talks resume in Geneva</h1><p>Negotiators from both sides met for seven hours on Tuesday "
    "and agreed to continue the work on a prisoner exchange next week, the mediator said.</p></article>"
)
CHROME = [
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li><li>Sport</li></ul></nav>",
    "<noscript>x</noscript>",
    "<noscript>Please enable JavaScript to read this site.</noscript>",
    "<footer>Copyright 2024 Example Ltd. All rights reserved.</footer>",
    "<div class='menu'>Home | News | Sport | Contact us</div>",
    "<div id='sidebar'><p>Most read</p><p>Weather</p></div>",
    "<aside>Related stories</aside>",
    "<ul role='navigation'><li>World</li><li>Europe</li></ul>",
    "<menu><li>Share</li></menu>",
    "<script>var words = 'not shown';</script>",
]


def _page(parts: list[str], title: str = "Example News") -> bytes:
    return f"<html><head><title>{title}</title></head><body>{''.join(parts)}</body></html>".encode()


@settings(max_examples=40, deadline=None)
@given(parts=st.lists(st.sampled_from(CHROME), min_size=1, max_size=5))
def test_a_page_of_only_chrome_is_a107(parts: list[str]) -> None:
    items = list(read_bytes(_page(parts), name="menu.html"))
    assert len(items) == 1 and isinstance(items[0], AccordError), items
    assert items[0].code.name == "A107"


@settings(max_examples=25, deadline=None)
@given(
    before=st.lists(st.sampled_from(CHROME), max_size=3), after=st.lists(st.sampled_from(CHROME), max_size=3)
)
def test_an_article_among_chrome_is_read(before: list[str], after: list[str]) -> None:
    (item,) = read_bytes(_page([*before, ARTICLE, *after]), name="story.html")
    assert isinstance(item, RawArticle) and "prisoner exchange" in item.text


def test_menu_and_noscript_pages_are_not_stored(engine: Engine, tmp_path: Path) -> None:
    (tmp_path / "menu.html").write_bytes(_page([CHROME[0]]))
    (tmp_path / "noscript.html").write_bytes(_page([CHROME[1]]))
    (tmp_path / "story.html").write_bytes(_page([CHROME[0], ARTICLE, CHROME[3]]))
    report = ingest_paths([tmp_path], engine, progress=False)
    assert report.added == 1
    assert sorted((e.code, Path(e.source).name) for e in report.errors) == [
        ("A107", "menu.html"),
        ("A107", "noscript.html"),
    ]
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 1
