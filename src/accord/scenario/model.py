"""A negotiation scenario: issues, actors and each actor's stance on each issue, with evidence.

Positions live on a 0–100 scale per issue (what 0 and 100 mean is stated on the issue), saliences on 0–1,
capabilities are any non-negative number (only ratios between actors matter).

Validation collects every problem with its location (``stances[3].position: 120 is outside 0–100``)
instead of stopping at the first, so a hand-edited file can be fixed in one pass.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

SCALE_LOW = 0.0
SCALE_HIGH = 100.0


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# Files written before ``Evidence.conflict`` marked a conflicting statement with this prefix on its source.
LEGACY_CONFLICT_PREFIX = "CONFLICT "


class Evidence(_Strict):
    """Where a number came from: an article sentence, or a free-text source (a dataset, a paper).

    ``conflict`` marks a statement against the stance the actor is given, in a cell where that rival stance
    carries enough weight to count as a conflict; ``note`` says so in words. Both are left out of a
    written file when unset, so the common case stays short.
    """

    article_id: str | None = None
    sentence: str | None = None
    date: str | None = None
    source: str | None = None
    conflict: bool = Field(default=False, exclude_if=lambda value: not value)
    note: str | None = Field(default=None, exclude_if=lambda value: value is None)

    @model_validator(mode="before")
    @classmethod
    def _legacy_conflict(cls, data: Any) -> Any:
        """Read an earlier file's "CONFLICT " source prefix as the ``conflict`` flag."""
        if isinstance(data, dict) and "conflict" not in data:
            source = data.get("source")
            if isinstance(source, str) and source.startswith(LEGACY_CONFLICT_PREFIX):
                return {**data, "source": source.removeprefix(LEGACY_CONFLICT_PREFIX), "conflict": True}
        return data

    @model_validator(mode="after")
    def _something(self) -> Evidence:
        if not (self.article_id or self.sentence or self.source):
            raise ValueError("evidence needs an article_id and sentence, or a free-text source")
        return self


# Where an actor's capability comes from: a country's CINC in the shipped table (``national``), the sum over
# an organisation's members (``members``), an organisation's fixed CINC by convention (``convention``),
# the ``capability_overrides`` file (``override``), or no figures at all, a small fallback for the analyst
# to set (``default``). Scenarios not built from the store (hand-written, imported) leave it unset.
CapabilityOrigin = Literal["national", "members", "convention", "override", "default"]


class Issue(_Strict):
    id: str = Field(min_length=1)
    label: str
    low: str = ""  # what position 0 means
    high: str = ""  # what position 100 means
    status_quo: float | None = None  # reference point, the outcome if no agreement is reached
    outcome: float | None = None  # the observed outcome, when known (backtests)

    @field_validator("status_quo", "outcome")
    @classmethod
    def _on_scale(cls, value: float | None) -> float | None:
        if value is not None and not SCALE_LOW <= value <= SCALE_HIGH:
            raise ValueError(f"{value:g} is outside 0–100")
        return value


class Actor(_Strict):
    id: str = Field(min_length=1)
    name: str
    capability: float
    capability_source: str | None = None  # the figure's source, in words
    capability_origin: CapabilityOrigin | None = None  # None: not stated (hand-written, imported)
    capability_evidence: list[Evidence] = Field(default_factory=list)

    @property
    def default_capability(self) -> bool:
        """True when no figures back the capability: it is the fallback, for the analyst to set."""
        return self.capability_origin == "default"

    @model_validator(mode="before")
    @classmethod
    def _legacy_origin(cls, data: Any) -> Any:
        """Files written before ``capability_origin`` flagged the fallback with a source "default: ..."."""
        if isinstance(data, dict) and data.get("capability_origin") is None:
            source = data.get("capability_source")
            if isinstance(source, str) and source.startswith("default"):
                return {**data, "capability_origin": "default"}
        return data

    @field_validator("capability")
    @classmethod
    def _non_negative(cls, value: float) -> float:
        if not value >= 0:  # also catches NaN
            raise ValueError(f"{value:g} is negative, capability must be >= 0")
        return value


class Stance(_Strict):
    actor: str
    issue: str
    position: float
    salience: float
    uncertainty: float | None = None  # standard deviation of the position, on the 0–100 scale
    evidence: list[Evidence] = Field(default_factory=list)

    @field_validator("position")
    @classmethod
    def _position_on_scale(cls, value: float) -> float:
        if not SCALE_LOW <= value <= SCALE_HIGH:
            raise ValueError(f"{value:g} is outside 0–100")
        return value

    @field_validator("salience")
    @classmethod
    def _salience_on_scale(cls, value: float) -> float:
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"{value:g} is outside 0–1")
        return value

    @field_validator("uncertainty")
    @classmethod
    def _uncertainty_non_negative(cls, value: float | None) -> float | None:
        if value is not None and not value >= 0:
            raise ValueError(f"{value:g} is negative")
        return value


def _cross_reference_problems(data: Any) -> list[str]:
    """Problems between records (duplicates, dangling references), read from raw data or a model dump."""
    if not isinstance(data, dict):
        return []
    problems: list[str] = []

    def records(key: str) -> list[Any]:
        value = data.get(key)
        return value if isinstance(value, list) else []

    issues, actors, stances = records("issues"), records("actors"), records("stances")

    def ids(records: list[Any], kind: str) -> set[str]:
        seen = [r.get("id") for r in records if isinstance(r, dict)]
        counts = Counter(seen)
        for index, value in enumerate(seen):
            if value is not None and counts[value] > 1:
                problems.append(f"{kind}[{index}].id: duplicate id {value!r}")
        return {v for v in seen if isinstance(v, str)}

    issue_ids = ids(issues, "issues")
    actor_ids = ids(actors, "actors")
    pairs: Counter[tuple[Any, Any]] = Counter()
    for index, stance in enumerate(stances):
        if not isinstance(stance, dict):
            continue
        actor, issue = stance.get("actor"), stance.get("issue")
        if actor is not None and actor not in actor_ids:
            problems.append(f"stances[{index}].actor: unknown actor {actor!r}")
        if issue is not None and issue not in issue_ids:
            problems.append(f"stances[{index}].issue: unknown issue {issue!r}")
        pairs[(actor, issue)] += 1
        if pairs[(actor, issue)] == 2:
            problems.append(f"stances[{index}]: a second stance for actor {actor!r} on issue {issue!r}")
    return problems


def _format_error(error: Any) -> str:
    location = ""
    for part in error["loc"]:
        location += f"[{part}]" if isinstance(part, int) else (f".{part}" if location else str(part))
    if error["type"] == "missing":
        message = "missing"
    elif error["type"] == "value_error":
        message = str(error["ctx"]["error"])
    elif error["type"] == "extra_forbidden":
        message = "unknown field"
    else:
        message = f"{error['msg']} (got {error.get('input')!r})"
    return f"{location or 'scenario'}: {message}"


class ScenarioProblems(ValueError):
    """Every problem found in a scenario, each prefixed with its location."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


class Scenario(_Strict):
    name: str
    description: str = ""
    scale_note: str = ""  # how the 0–100 scale was obtained (e.g. rescaled from years 4–10)
    issues: list[Issue]
    actors: list[Actor]
    stances: list[Stance] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self) -> Scenario:
        problems = _cross_reference_problems(self.model_dump())
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @classmethod
    def parse(cls, data: Any) -> Scenario:
        """Validate raw data, raising :class:`ScenarioProblems` with every problem and its location."""
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            problems: list[str] = []
            for error in exc.errors():
                if not error["loc"] and error["type"] == "value_error":
                    continue  # the cross-reference pass below reports these one by one
                problems.append(_format_error(error))
            problems.extend(_cross_reference_problems(data))
            raise ScenarioProblems(problems or [str(exc)]) from exc

    # -- lookups the models use --------------------------------------------------------------------
    def actor(self, actor_id: str) -> Actor:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(actor_id)

    def issue(self, issue_id: str) -> Issue:
        for issue in self.issues:
            if issue.id == issue_id:
                return issue
        raise KeyError(issue_id)

    def stances_on(self, issue_id: str) -> list[Stance]:
        return [s for s in self.stances if s.issue == issue_id]
