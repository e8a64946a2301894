"""What the scenario, and every view drawn from the store's items, is built with: the scenario settings.

One frozen value handed down from an entry point (``ScenarioParams.of(settings)``); built without
arguments it holds the declared defaults, so the plain Python API needs none.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from accord.settings import DEFAULTS, Settings


class ScenarioParams(BaseModel):
    model_config = ConfigDict(frozen=True)

    half_life: float = DEFAULTS.recency_half_life_days  # a statement this many days older weighs half
    conflict_share: float = DEFAULTS.conflict_share  # a rival stance with this weight share is a conflict
    default_uncertainty: float = DEFAULTS.default_uncertainty  # the least uncertainty of a position
    smoothing: float = DEFAULTS.salience_smoothing  # pseudo-count per issue in salience shares
    attribute_to_country: bool = DEFAULTS.attribute_to_country  # a person's stance counts for the country
    actors: str = DEFAULTS.actors  # extra actor registry file ("" none), for attribution
    issue_scales: str = DEFAULTS.issue_scales  # scales file over the shipped one ("" none)
    capability_overrides: str = DEFAULTS.capability_overrides  # capability CSV over the shipped data
    min_confidence: float = DEFAULTS.min_confidence  # items scoring less are left out

    @classmethod
    def of(cls, settings: Settings) -> ScenarioParams:
        return cls(
            half_life=settings.recency_half_life_days,
            conflict_share=settings.conflict_share,
            default_uncertainty=settings.default_uncertainty,
            smoothing=settings.salience_smoothing,
            attribute_to_country=settings.attribute_to_country,
            actors=settings.actors,
            issue_scales=settings.issue_scales,
            capability_overrides=settings.capability_overrides,
            min_confidence=settings.min_confidence,
        )


DEFAULT_PARAMS = ScenarioParams()
