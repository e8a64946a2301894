"""The named models, and forecasting a scenario with one of them by name."""

from __future__ import annotations

from accord.errors import AccordError, Errors
from accord.models.base import IssueForecast, Model, forecast_with
from accord.models.compromise import Compromise
from accord.models.expected_utility import ExpectedUtility
from accord.models.nash import Nash, WeightedNash
from accord.models.snap import SnapToMedian
from accord.models.weighted_median import WeightedMedian
from accord.scenario.model import Scenario

MODELS: dict[str, Model] = {
    model.name: model
    for model in (Compromise(), WeightedMedian(), Nash(), WeightedNash(), ExpectedUtility(), SnapToMedian())
}


def get_model(name: str) -> Model:
    if name not in MODELS:
        raise AccordError(Errors.A403, name=name, choices=", ".join(MODELS))
    return MODELS[name]


def forecast(scenario: Scenario, model: str = "compromise") -> dict[str, IssueForecast]:
    """Forecast every issue of the scenario with the named model."""
    return forecast_with(get_model(model), scenario)
