"""The named models, and forecasting a scenario with one of them by name."""

from __future__ import annotations

from accord.errors import AccordError, Errors
from accord.models.base import IssueForecast, Model, forecast_with
from accord.models.compromise import Compromise
from accord.models.exchange import ExchangeModel
from accord.models.expected_utility import ExpectedUtility
from accord.models.nash import Nash, WeightedNash
from accord.models.qualified_majority import QualifiedMajority
from accord.models.snap import SnapToMedian
from accord.models.tabled_position import TabledPosition
from accord.models.weighted_median import WeightedMedian
from accord.scenario.model import Scenario

MODELS: dict[str, Model] = {
    model.name: model
    for model in (
        Compromise(),
        WeightedMedian(),
        Nash(),
        WeightedNash(),
        ExpectedUtility(),
        SnapToMedian(),
        # Reading 10 of docs/expected_utility.md: Q = 0.7, better or worse measured from the reference point.
        ExpectedUtility(
            q=0.7,
            anchor="reference",
            name="expected_utility_rp",
            description="expected-utility model with Q = 0.7, anchored on the reference point",
        ),
        QualifiedMajority(),
        TabledPosition(),
        ExchangeModel(),
        ExchangeModel(
            variant="random",
            name="exchange_random",
            description="Stokman's exchange model (random gain): exchange rates drawn between the extremes",
        ),
    )
}


def get_model(name: str) -> Model:
    if name not in MODELS:
        raise AccordError(Errors.A403, name=name, choices=", ".join(MODELS))
    return MODELS[name]


def forecast(scenario: Scenario, model: str = "compromise") -> dict[str, IssueForecast]:
    """Forecast every issue of the scenario with the named model."""
    return forecast_with(get_model(model), scenario)
