"""Bargaining models behind one interface: a scenario in, a forecast per issue out."""

from accord.models.base import MIN_ACTORS, IssueForecast, Model, no_negotiation
from accord.models.forecast import (
    Influence,
    Interval,
    ModelForecast,
    ScenarioForecast,
    forecast_all,
    registered,
)
from accord.models.registry import MODELS, forecast, get_model
from accord.models.sensitivity import ActorEffect, SensitivityAnalysis, sensitivity

__all__ = [
    "MIN_ACTORS",
    "MODELS",
    "ActorEffect",
    "Influence",
    "Interval",
    "IssueForecast",
    "Model",
    "ModelForecast",
    "ScenarioForecast",
    "SensitivityAnalysis",
    "forecast",
    "forecast_all",
    "get_model",
    "no_negotiation",
    "registered",
    "sensitivity",
]
