"""Bargaining models behind one interface: a scenario in, a forecast per issue out."""

from accord.models.base import IssueForecast, Model
from accord.models.registry import MODELS, forecast, get_model

__all__ = ["MODELS", "IssueForecast", "Model", "forecast", "get_model"]
