"""Scenarios built from the store, and every model's forecast of a scenario (the what-if page's engine).

The store's scenario cells and scenario as of a date are cached against a fingerprint of the tables they
are built from, so a page or a what-if round trip only pays for what it draws, not for rebuilding.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import Engine, func, select

from accord.models.base import IssueForecast
from accord.models.registry import MODELS, forecast
from accord.scenario.builder import Cell, build_cells, scenario_from_cells
from accord.scenario.model import Scenario
from accord.store import session_scope
from accord.store.schema import Article, Correction, Event, Position, Quote


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


def _fingerprint(engine: Engine) -> tuple[Any, ...]:
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


def forecast_all(scenario: Scenario) -> dict[str, dict[str, IssueForecast]]:
    return {name: forecast(scenario, name) for name in MODELS}


def models() -> list[ModelInfo]:
    return [ModelInfo(name=m.name, description=m.description) for m in MODELS.values()]
