"""Full-text search over articles: FTS5 on SQLite, PostgreSQL's text search there, LIKE elsewhere.

One rule for every reader (CLI, API, pages): the words of the query, each required, best match first.

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

# The SQL of the search index, here once: migration 0002 creates it from these statements, and
# :func:`ensure_search_index` puts back the triggers a later table rebuild drops. The FTS5 table reads its
# text from `articles` (external content); the triggers keep it in step with every insert, update and
# delete, so search never needs a separate indexing run. Changing any of them needs a new migration.
SQLITE_FTS_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "title, text, content='articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"
)
_DELETE_OLD = (
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text);"
)
_INSERT_NEW = "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
SQLITE_FTS_TRIGGERS = {
    "articles_fts_ai": "CREATE TRIGGER IF NOT EXISTS articles_fts_ai AFTER INSERT ON articles "
    f"BEGIN {_INSERT_NEW} END",
    "articles_fts_ad": "CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles "
    f"BEGIN {_DELETE_OLD} END",
    "articles_fts_au": "CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE OF title, text ON articles "
    f"BEGIN {_DELETE_OLD} {_INSERT_NEW} END",
}
SQLITE_FTS_REBUILD = "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')"
POSTGRES_FTS = (
    "CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles "
    "USING gin (to_tsvector('english', coalesce(title, '') || ' ' || text))"
)


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
        missing = [name for name in SQLITE_FTS_TRIGGERS if name not in names]
        for name in missing:
            conn.execute(text(SQLITE_FTS_TRIGGERS[name]))
        if missing:
            conn.execute(text(SQLITE_FTS_REBUILD))


def _sqlite_has_fts(session: Session) -> bool:
    found = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles_fts'")
    ).first()
    return found is not None


def _fts5(query: str) -> Subquery:
    stmt = (
        text(
            "SELECT rowid AS id, bm25(articles_fts, 3.0, 1.0) AS rank "
            "FROM articles_fts WHERE articles_fts MATCH :q"
        )
        .bindparams(q=fts5_query(query))
        .columns(id=Integer, rank=Float)
    )
    return stmt.subquery("fts")


def _postgres(session: Session, words: list[str]) -> Subquery | None:
    """PostgreSQL's English text search (what the GIN index of migration 0002 holds); None when every word
    is a stop word ("again", "the"): the query would be empty and match nothing, where FTS5 finds them."""
    tsquery = func.plainto_tsquery("english", " ".join(words))
    if not session.scalar(select(func.numnode(tsquery))):
        return None
    document = func.to_tsvector("english", func.coalesce(Article.title, "") + " " + Article.text)
    pg = select(Article.id.label("id"), (-func.ts_rank(document, tsquery)).label("rank")).where(
        document.op("@@")(tsquery)
    )
    return pg.subquery("fts")


def _every_word(words: list[str]) -> Subquery:
    """The portable fallback: every word somewhere in the title or text, in any case."""
    patterns = ["%" + w.replace("_", "\\_") + "%" for w in words]
    conditions = [
        or_(Article.title.ilike(p, escape="\\"), Article.text.ilike(p, escape="\\")) for p in patterns
    ]
    plain = select(Article.id.label("id"), literal(0.0).label("rank")).where(*conditions)
    return plain.subquery("fts")


def matches(session: Session, query: str) -> Subquery | None:
    """A subquery of (id, rank) for the articles holding every word of ``query``, lower rank first; None
    if it has no words. FTS5 on SQLite, English text search on PostgreSQL, else (or for a query of stop
    words only) each word as a substring."""
    words = terms(query)
    if not words:
        return None
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite" and _sqlite_has_fts(session):
        return _fts5(query)
    if dialect == "postgresql":
        found = _postgres(session, words)
        if found is not None:
            return found
    return _every_word(words)


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
