"""Scenarios built from the store, and every model's forecast of a scenario (the what-if page's engine).

The store's scenario as of a date is cached against a fingerprint of the tables it is built from, so
a what-if round trip only pays for the forecasts, not for rebuilding the scenario.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Engine, func, select

from accord.models.base import IssueForecast
from accord.models.registry import MODELS, forecast
from accord.scenario.builder import build_scenario
from accord.scenario.model import Scenario
from accord.store import session_scope
from accord.store.schema import Article, Correction, Position, Quote


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
_cache: dict[tuple[Any, ...], Scenario] = {}


def _fingerprint(engine: Engine) -> tuple[Any, ...]:
    with session_scope(engine) as session:
        parts = [
            select(func.count(Position.id)),
            select(func.max(Position.id)),
            select(func.max(Quote.id)),
            select(func.count(Article.id)),
            select(func.max(Article.id)),
            select(func.count(Correction.id)),
            select(func.max(Correction.updated_at)),
            select(func.max(Correction.id)),
        ]
        row = session.execute(select(*(p.scalar_subquery() for p in parts))).one()
    return tuple(row)


def store_scenario(engine: Engine, as_of: dt.date | None = None) -> Scenario:
    """The scenario built from the store up to ``as_of``, rebuilt only when the store changed."""
    key = (str(engine.url), as_of, *_fingerprint(engine))
    with _lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached.model_copy(deep=True)
    built = build_scenario(engine, as_of)
    with _lock:
        if len(_cache) > 32:
            _cache.clear()
        _cache[key] = built
    return built.model_copy(deep=True)


def forecast_all(scenario: Scenario) -> dict[str, dict[str, IssueForecast]]:
    return {name: forecast(scenario, name) for name in MODELS}


def models() -> list[ModelInfo]:
    return [ModelInfo(name=m.name, description=m.description) for m in MODELS.values()]
