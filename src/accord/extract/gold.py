"""The gold label schema (shared eval README) as pydantic models, and reading it from JSONL.

Predictions use the same schema, so the exporter's records and hand-made labels load the same way.
Fields beyond the schema (offsets, sentences, item ids the exporter adds) are kept, not rejected, so a
scorer or a person reading a mismatch can see where an item came from.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from accord.errors import AccordError, Errors

EventType = Literal[
    "meeting", "phone_call", "negotiation_round", "statement", "attack", "agreement", "sanction", "aid"
]
Stance = Literal["support", "oppose", "conditional"]
ITEM_TYPES: tuple[str, ...] = ("actors", "quotes", "events", "positions")


class _Item(BaseModel):
    model_config = ConfigDict(extra="allow")


class GoldQuote(_Item):
    speaker: str
    text: str


class GoldEvent(_Item):
    type: EventType
    participants: list[str] = Field(default_factory=list)
    place: str | None = None
    date: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")


class GoldPosition(_Item):
    actor: str
    issue: str
    stance: Stance
    evidence: str = ""


class GoldArticle(_Item):
    """One article's labels: actors, quotes, events, positions."""

    id: str = Field(min_length=1)
    actors: list[str] = Field(default_factory=list)
    quotes: list[GoldQuote] = Field(default_factory=list)
    events: list[GoldEvent] = Field(default_factory=list)
    positions: list[GoldPosition] = Field(default_factory=list)


def _reason(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "record"
    more = f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {first['msg']}{more}"


def parse_records(lines: Iterable[str], path: Path | str) -> Iterator[GoldArticle | AccordError]:
    """Each non-blank line as an article, or as the A305 error saying why it is not one."""
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw: Any = json.loads(line)
        except json.JSONDecodeError as exc:
            yield AccordError(Errors.A305, path=path, line=number, reason=f"not JSON: {exc.msg}")
            continue
        if not isinstance(raw, dict):
            yield AccordError(Errors.A305, path=path, line=number, reason="expected a JSON object")
            continue
        try:
            article = GoldArticle.model_validate(raw)
        except ValidationError as exc:
            yield AccordError(Errors.A305, path=path, line=number, reason=_reason(exc))
            continue
        if article.id in seen:
            yield AccordError(Errors.A305, path=path, line=number, reason=f"id '{article.id}' repeats")
            continue
        seen.add(article.id)
        yield article


def _read(path: Path) -> str | AccordError:
    """The file's text, or the A305 error saying why it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return AccordError(Errors.A305, path=path, line=0, reason=reason)


def read_gold(path: Path) -> tuple[list[GoldArticle], list[AccordError]]:
    """Every good article in ``path`` and an error per bad line; a file that cannot be read is an error."""
    text = _read(path)
    if isinstance(text, AccordError):
        return [], [text]
    articles: list[GoldArticle] = []
    errors: list[AccordError] = []
    for item in parse_records(text.splitlines(), path):
        (errors if isinstance(item, AccordError) else articles).append(item)  # type: ignore[arg-type]
    return articles, errors


def load_gold(path: Path) -> list[GoldArticle]:
    """The articles in ``path``; raises the first A305 error when any line is bad."""
    articles, errors = read_gold(path)
    if errors:
        raise errors[0]
    return articles


class ArticleMeta(BaseModel):
    """What an evaluation corpus says of an article besides its text: its split and genre."""

    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1)
    split: str | None = None
    genre: str | None = None


def load_metadata(path: Path) -> dict[str, ArticleMeta]:
    """Split and genre per article id from a corpus JSONL (the ingest form plus ``split`` and ``genre``)."""
    text = _read(path)
    if isinstance(text, AccordError):
        raise text
    metadata: dict[str, ArticleMeta] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            meta = ArticleMeta.model_validate_json(line)
        except ValidationError as exc:
            raise AccordError(Errors.A305, path=path, line=number, reason=_reason(exc)) from exc
        metadata[meta.id] = meta
    return metadata
