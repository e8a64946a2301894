"""Bargaining models behind one interface: a scenario in, a forecast per issue out."""

from accord.models.base import MIN_ACTORS, IssueForecast, Model, no_negotiation
from accord.models.registry import MODELS, forecast, get_model

__all__ = ["MIN_ACTORS", "MODELS", "IssueForecast", "Model", "forecast", "get_model", "no_negotiation"]
