"""Scenarios built from the store, and every model's forecast of a scenario (the what-if page's engine).

The store's scenario cells and scenario as of a date are cached against a fingerprint of the tables they
are built from, so a page or a what-if round trip only pays for what it draws, not for rebuilding.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import Engine, func, select

from accord.models.base import IssueForecast, Model, forecast_with
from accord.models.registry import MODELS
from accord.scenario.builder import Cell, build_cells, scenario_from_cells
from accord.scenario.model import Scenario
from accord.store import session_scope
from accord.store.schema import Article, Correction, Event, Extraction, Position, Quote


class ModelInfo(BaseModel):
    name: str
    description: str


class ForecastSet(BaseModel):
    """Every model's forecast of every issue: ``forecasts[model][issue]``."""

    scenario: str
    models: list[ModelInfo]
    forecasts: dict[str, dict[str, IssueForecast]]
    seconds: float


_lock = threading.Lock()
_cache: dict[tuple[Any, ...], Any] = {}
V = TypeVar("V")


def _file_fingerprint(engine: Engine) -> tuple[Any, ...] | None:
    """For a SQLite file: the size and modification time of the database and its write-ahead log. Every
    commit writes one of them, so this changes whenever the store does, for two ``stat`` calls instead of
    a query per request."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    parts: list[Any] = []
    for path in (database, database + "-wal"):
        try:
            stat = os.stat(path)
        except OSError:
            parts.append(None)
            continue
        parts += [stat.st_mtime_ns, stat.st_size]
    return tuple(parts)


def _fingerprint(engine: Engine) -> tuple[Any, ...]:
    on_disk = _file_fingerprint(engine)
    if on_disk is not None:
        return on_disk
    with session_scope(engine) as session:
        parts = [
            select(func.count(Position.id)),
            select(func.max(Position.id)),
            select(func.max(Quote.id)),
            select(func.count(Event.id)),
            select(func.max(Event.id)),
            select(func.count(Article.id)),
            select(func.max(Article.id)),
            select(func.count(Correction.id)),
            select(func.max(Correction.updated_at)),
            select(func.max(Correction.id)),
            select(func.max(Extraction.id)),
            select(func.max(Extraction.created_at)),
        ]
        row = session.execute(select(*(p.scalar_subquery() for p in parts))).one()
    return tuple(row)


def _cached(engine: Engine, what: str, as_of: dt.date | None, build: Callable[[], V]) -> V:
    key = (str(engine.url), what, as_of, *_fingerprint(engine))
    with _lock:
        if key in _cache:
            return _cache[key]  # type: ignore[no-any-return]
    built = build()
    with _lock:
        if len(_cache) > 64:
            _cache.clear()
        _cache[key] = built
    return built


def store_cells(engine: Engine, as_of: dt.date | None = None) -> list[Cell]:
    """The scenario's actor × issue cells up to ``as_of``, rebuilt only when the store changed.
    Shared between requests: read them, copy before changing anything."""

    def build() -> list[Cell]:
        with session_scope(engine) as session:
            return build_cells(session, as_of)

    return _cached(engine, "cells", as_of, build)


def store_scenario(engine: Engine, as_of: dt.date | None = None) -> Scenario:
    """The scenario built from the store up to ``as_of``, rebuilt only when the store changed."""
    built = _cached(engine, "scenario", as_of, lambda: scenario_from_cells(store_cells(engine, as_of), as_of))
    return built.model_copy(deep=True)


def registered() -> dict[str, Model]:
    """Every registered model once, by its own name: a registry entry that is another name for a model
    already listed (several names for one expected-utility variant, say) is not run again."""
    distinct: dict[str, Model] = {}
    for model in MODELS.values():
        distinct.setdefault(model.name, model)
    return distinct


def forecast_all(scenario: Scenario) -> dict[str, dict[str, IssueForecast]]:
    return {name: forecast_with(model, scenario) for name, model in registered().items()}


def store_forecasts(engine: Engine, as_of: dt.date | None = None) -> dict[str, dict[str, IssueForecast]]:
    """Every model's forecast of the store's scenario, computed once per state of the store.
    Shared between requests: read only."""
    return _cached(engine, "forecasts", as_of, lambda: forecast_all(store_scenario(engine, as_of)))


def models() -> list[ModelInfo]:
    return [ModelInfo(name=m.name, description=m.description) for m in registered().values()]
