"""Read and write scenario files: YAML (``.yaml``/``.yml``) or JSON (``.json``), chosen by suffix."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from accord.errors import AccordError, Errors
from accord.scenario.model import Scenario, ScenarioProblems

YAML_SUFFIXES = {".yaml", ".yml"}
JSON_SUFFIXES = {".json"}


def _parse_text(path: Path, text: str) -> Any:
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise AccordError(Errors.A401, path=path, reason=f"not valid JSON: {exc}") from exc
    if suffix in YAML_SUFFIXES:
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise AccordError(Errors.A401, path=path, reason=f"not valid YAML: {exc}") from exc
    raise AccordError(
        Errors.A401, path=path, reason=f"unknown suffix '{path.suffix}', use .yaml, .yml or .json"
    )


def scenario_from_data(data: Any, path: Path | str = "<data>") -> Scenario:
    """Validate already-parsed data; every problem goes into one :class:`AccordError`."""
    if not isinstance(data, dict):
        raise AccordError(
            Errors.A401, path=path, reason="the top level must be a mapping with name, issues, ..."
        )
    try:
        return Scenario.parse(data)
    except ScenarioProblems as exc:
        reason = f"{len(exc.problems)} problem(s): " + "; ".join(exc.problems)
        raise AccordError(Errors.A401, path=path, reason=reason) from exc


def load_scenario(path: Path | str) -> Scenario:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AccordError(Errors.A401, path=path, reason=f"cannot read: {exc}") from exc
    return scenario_from_data(_parse_text(path, text), path)


def save_scenario(scenario: Scenario, path: Path | str) -> Path:
    """Write the scenario; loading the file again gives an equal scenario."""
    path = Path(path)
    data = scenario.model_dump(mode="json")
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    elif suffix in YAML_SUFFIXES:
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    else:
        raise AccordError(
            Errors.A401, path=path, reason=f"unknown suffix '{path.suffix}', use .yaml or .json"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
