"""Full-text search over articles: FTS5 on SQLite, PostgreSQL's text search there, LIKE elsewhere.

User input never reaches the query language as syntax: it is cut into words, each quoted, and passed
as a bound parameter, so a stray quote, colon or parenthesis is just text.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine, Float, Integer, func, literal, or_, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import Subquery

from accord.store.schema import Article

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12

_TRIGGERS = {
    "articles_fts_ai": "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "articles_fts_ad": "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "articles_fts_au": "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
}


def terms(query: str) -> list[str]:
    """The words of a user query, lower-cased, at most :data:`MAX_TERMS` of them."""
    return [w.lower() for w in _WORD.findall(query)][:MAX_TERMS]


def fts5_query(query: str) -> str:
    """An FTS5 MATCH expression: every word quoted (so it is never syntax), all required."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in terms(query))


def ensure_search_index(engine: Engine) -> None:
    """Repair the SQLite FTS triggers if a later table rebuild (batch migration) dropped them."""
    if engine.dialect.name != "sqlite":
        return
    with engine.begin() as conn:
        names = {
            row[0]
            for row in conn.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'articles_fts%'"))
        }
        if "articles_fts" not in names:
            return
        missing = [name for name in _TRIGGERS if name not in names]
        for name in missing:
            conn.execute(text(_TRIGGERS[name]))
        if missing:
            conn.execute(text("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')"))


def _sqlite_has_fts(session: Session) -> bool:
    found = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles_fts'")
    ).first()
    return found is not None


def matches(session: Session, query: str) -> Subquery | None:
    """A subquery of (id, rank) for the articles matching ``query``, lower rank first; None if no words."""
    words = terms(query)
    if not words:
        return None
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite" and _sqlite_has_fts(session):
        stmt = (
            text(
                "SELECT rowid AS id, bm25(articles_fts, 3.0, 1.0) AS rank "
                "FROM articles_fts WHERE articles_fts MATCH :q"
            )
            .bindparams(q=fts5_query(query))
            .columns(id=Integer, rank=Float)
        )
        return stmt.subquery("fts")
    if dialect == "postgresql":
        document = func.to_tsvector("english", func.coalesce(Article.title, "") + " " + Article.text)
        tsquery = func.plainto_tsquery("english", " ".join(words))
        pg = select(Article.id.label("id"), (-func.ts_rank(document, tsquery)).label("rank")).where(
            document.op("@@")(tsquery)
        )
        return pg.subquery("fts")
    # Portable fallback: every word somewhere in the title or text.
    patterns = ["%" + w.replace("_", "\\_") + "%" for w in words]
    conditions = [
        or_(Article.title.ilike(p, escape="\\"), Article.text.ilike(p, escape="\\")) for p in patterns
    ]
    plain = select(Article.id.label("id"), literal(0.0).label("rank")).where(*conditions)
    return plain.subquery("fts")


def snippet(body: str, query: str, width: int = 220) -> tuple[str, str, str, str, str]:
    """(lead, before, hit, after, trail) around the first query word in ``body``; lead/trail are ellipses.

    Plain strings, so templates escape them; only the hit is wrapped in a <mark> there.
    """
    lowered = body.lower()
    best = -1
    hit_len = 0
    for word in terms(query):
        at = lowered.find(word)
        if at >= 0 and (best < 0 or at < best):
            best, hit_len = at, len(word)
    if best < 0:
        cut = body[:width]
        return "", cut, "", "", "…" if len(body) > width else ""
    begin = max(0, best - width // 2)
    end = min(len(body), best + hit_len + width // 2)
    return (
        "…" if begin > 0 else "",
        body[begin:best],
        body[best : best + hit_len],
        body[best + hit_len : end],
        "…" if end < len(body) else "",
    )
