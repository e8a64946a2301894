"""Default points on each issue's 0–100 scale for the stances the extraction records.

The shipped ``issue_scales.yaml`` says why each point is where it is; a YAML file of the same shape named
by the setting ``issue_scales`` overrides any of its keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from accord.errors import AccordError, Errors

SHIPPED = Path(__file__).with_name("issue_scales.yaml")
STANCES = ("support", "oppose", "conditional")


class IssueScale(BaseModel):
    """One issue's scale: what its ends mean and where each stance sits on it."""

    id: str
    label: str
    low: str = ""
    high: str = ""
    points: dict[str, float]

    def point(self, stance: str) -> float:
        return self.points.get(stance, self.points["conditional"])


class Scales(BaseModel):
    default: dict[str, float]
    issues: dict[str, IssueScale]

    def scale(self, issue: str) -> IssueScale:
        known = self.issues.get(issue)
        if known is not None:
            return known
        label = issue.replace("_", " ").capitalize()
        return IssueScale(id=issue, label=label, points=dict(self.default))

    def point(self, issue: str, stance: str) -> float:
        return self.scale(issue).point(stance)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise AccordError(Errors.A410, path=path, reason=str(exc)) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise AccordError(Errors.A410, path=path, reason="the top level must be a mapping")
    return data


def _points(raw: Any, path: Path, where: str) -> dict[str, float]:
    points: dict[str, float] = {}
    if not isinstance(raw, dict):
        raise AccordError(Errors.A410, path=path, reason=f"{where} must be a mapping")
    for stance in STANCES:
        if stance in raw:
            value = raw[stance]
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
                raise AccordError(
                    Errors.A410, path=path, reason=f"{where}.{stance}: {value!r} is not in 0–100"
                )
            points[stance] = float(value)
    return points


def merge_scales(layers: list[tuple[Path, dict[str, Any]]]) -> Scales:
    """Merge scale files, later ones overriding earlier ones key by key."""
    default: dict[str, float] = {}
    issues: dict[str, dict[str, Any]] = {}
    for path, data in layers:
        default.update(_points(data.get("default", {}), path, "default"))
        raw_issues = data.get("issues", {}) or {}
        if not isinstance(raw_issues, dict):
            raise AccordError(Errors.A410, path=path, reason="issues must be a mapping")
        for issue, raw in raw_issues.items():
            entry = issues.setdefault(str(issue), {"points": {}})
            entry["points"].update(_points(raw or {}, path, f"issues.{issue}"))
            for key in ("label", "low", "high"):
                if isinstance(raw, dict) and key in raw:
                    entry[key] = str(raw[key])
    missing = [s for s in STANCES if s not in default]
    if missing:
        raise AccordError(Errors.A410, path=layers[-1][0], reason=f"default lacks {', '.join(missing)}")
    built = {
        issue: IssueScale(
            id=issue,
            label=entry.get("label", issue.replace("_", " ").capitalize()),
            low=entry.get("low", ""),
            high=entry.get("high", ""),
            points={**default, **entry["points"]},
        )
        for issue, entry in issues.items()
    }
    return Scales(default=default, issues=built)


def _cached(override: str) -> Scales:
    layers = [(SHIPPED, _read(SHIPPED))]
    if override:
        layers.append((Path(override), _read(Path(override))))
    return merge_scales(layers)


def load_scales(override: str | None = None) -> Scales:
    """The shipped scales, overridden by the file ``override`` when given (the ``issue_scales`` setting)."""
    return _cached(override or "")
