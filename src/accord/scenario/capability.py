"""Capability of scenario actors from the national figures shipped with Accord, with their source.

The shipped table ``accord/data/capability/capability.csv`` has one row per country and year with
CINC (Correlates of War National Material Capabilities), military spending (SIPRI, current US$) and GDP
(World Bank WDI, current US$) and population. An actor's capability is its **CINC for the latest year
on or before the scenario date, times 100** (its percentage of world material capability). An
organisation listed in ``organizations.yaml`` gets the sum over the countries that were members on 1 July
of that year, or the fixed CINC the file gives it (bodies without forces of their own). Anything else
(a person who holds no office, an armed group) gets :data:`FALLBACK` with a source saying so, for the
analyst to set. A CSV named by the setting ``capability_overrides`` (``actor,capability,source``) wins.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, ValidationError

from accord.errors import AccordError, Errors
from accord.scenario.model import CapabilityOrigin, Evidence

FALLBACK = 0.1  # a small state's share (CINC 0.001, ×100)
SOURCES = {
    "cinc": "Correlates of War, National Material Capabilities v7.0 (CINC)",
    "milex_usd": "SIPRI Military Expenditure Database 2025, current US$",
    "gdp_usd": "World Bank WDI NY.GDP.MKTP.CD, current US$",
    "population": "World Bank WDI SP.POP.TOTL",
}


class CountryYear(BaseModel):
    country: str
    iso3: str
    year: int
    cinc: float | None = None
    milex_usd: float | None = None
    gdp_usd: float | None = None
    population: float | None = None


class CapabilityFigure(BaseModel):
    """An actor's capability with the figures behind it."""

    actor: str
    capability: float
    source: str
    origin: CapabilityOrigin
    evidence: list[Evidence]


def data_dir() -> Path:
    return Path(str(resources.files("accord") / "data" / "capability"))


def _number(raw: str | None) -> float | None:
    if raw is None or raw.strip() in {"", "NA", "-9"}:
        return None
    value = float(raw)
    return None if math.isnan(value) or value < 0 else value


def read_table(path: Path) -> list[CountryYear]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise AccordError(Errors.A411, path=path, reason=exc.strerror or str(exc)) from exc
    table: list[CountryYear] = []
    for line, row in enumerate(rows, start=2):
        try:
            table.append(
                CountryYear(
                    country=row["country"],
                    iso3=row.get("iso3") or "",
                    year=int(row["year"]),
                    cinc=_number(row.get("cinc")),
                    milex_usd=_number(row.get("milex_usd")),
                    gdp_usd=_number(row.get("gdp_usd")),
                    population=_number(row.get("population")),
                )
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise AccordError(Errors.A411, path=path, reason=f"line {line}: {exc}") from exc
    return table


class Member(BaseModel):
    country: str
    joined: dt.date | None = None
    left: dt.date | None = None

    def member_on(self, day: dt.date) -> bool:
        return (self.joined is None or self.joined <= day) and (self.left is None or day < self.left)


class Organization(BaseModel):
    """How an organisation gets a capability: the sum of its members' figures, or a fixed CINC."""

    name: str
    rule: str  # sum_of_members | fixed_cinc
    members: list[Member] = Field(default_factory=list)
    cinc: float | None = None
    rationale: str = ""


def read_organizations(path: Path) -> dict[str, Organization]:
    """Organisations by name, from the shipped ``organizations.yaml`` (see its header for the rules)."""
    if not path.is_file():
        return {}
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise AccordError(Errors.A411, path=path, reason=str(exc)) from exc
    records = raw.get("organizations", []) if isinstance(raw, dict) else raw
    result: dict[str, Organization] = {}
    for index, record in enumerate(records or []):
        try:
            org = Organization.model_validate(record)
        except ValidationError as exc:
            raise AccordError(
                Errors.A411, path=path, reason=f"organizations[{index}]: {exc.errors()[0]['msg']}"
            ) from exc
        if org.rule not in {"sum_of_members", "fixed_cinc"} or (
            org.rule == "fixed_cinc" and org.cinc is None
        ):
            raise AccordError(
                Errors.A411, path=path, reason=f"organizations[{index}]: bad rule for {org.name}"
            )
        result[org.name] = org
    return result


def read_overrides(path: Path) -> dict[str, tuple[float, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise AccordError(Errors.A411, path=path, reason=exc.strerror or str(exc)) from exc
    result: dict[str, tuple[float, str]] = {}
    for line, row in enumerate(rows, start=2):
        try:
            value = float(row["capability"])
        except (KeyError, ValueError, TypeError) as exc:
            raise AccordError(Errors.A411, path=path, reason=f"line {line}: {exc}") from exc
        if not value >= 0:
            raise AccordError(Errors.A411, path=path, reason=f"line {line}: capability {value} is negative")
        result[row["actor"]] = (value, row.get("source") or f"override from {path}")
    return result


class CapabilityData:
    """The shipped table indexed for look-ups by country name or ISO3 code."""

    def __init__(self, rows: list[CountryYear], organizations: dict[str, Organization] | None = None) -> None:
        self.by_country: dict[str, list[CountryYear]] = {}
        for row in rows:
            for key in {row.country.casefold(), row.iso3.casefold()} - {""}:
                self.by_country.setdefault(key, []).append(row)
        for series in self.by_country.values():
            series.sort(key=lambda r: r.year)
        self.organizations = organizations or {}

    def latest(self, country: str, year: int, field: str) -> CountryYear | None:
        """The latest row of ``country`` on or before ``year`` with ``field`` present."""
        for row in reversed(self.by_country.get(country.casefold(), [])):
            if row.year <= year and getattr(row, field) is not None:
                return row
        return None

    def country_figure(self, actor: str, year: int) -> CapabilityFigure | None:
        row = self.latest(actor, year, "cinc")
        if row is None or row.cinc is None:
            return None
        evidence = [Evidence(source=f"{SOURCES['cinc']}: {row.country} {row.year} CINC = {row.cinc:.6f}")]
        for field in ("gdp_usd", "milex_usd", "population"):
            other = self.latest(actor, year, field)
            value = getattr(other, field) if other else None
            if other is not None and value is not None:
                evidence.append(
                    Evidence(source=f"{SOURCES[field]}: {other.country} {other.year} = {value:,.0f}")
                )
        return CapabilityFigure(
            actor=actor,
            capability=round(row.cinc * 100, 4),
            source=f"CINC {row.year} × 100 ({SOURCES['cinc']})",
            origin="national",
            evidence=evidence,
        )

    def figure(self, actor: str, as_of: dt.date | None) -> CapabilityFigure:
        year = (as_of or dt.date.today()).year
        country = self.country_figure(actor, year)
        if country is not None:
            return country
        org = self.organizations.get(actor)
        if org is not None and org.rule == "fixed_cinc" and org.cinc is not None:
            source = (
                f"fixed CINC {org.cinc:g} × 100 by convention (organizations.yaml): {org.rationale}".rstrip(
                    ": "
                )
            )
            return CapabilityFigure(
                actor=actor,
                capability=round(org.cinc * 100, 4),
                source=source,
                origin="convention",
                evidence=[Evidence(source=source)],
            )
        if org is not None:
            # Members on 1 July of the year, as organizations.yaml defines membership.
            day = dt.date(year, 7, 1)
            members = [m.country for m in org.members if m.member_on(day)]
            parts = [f for f in (self.country_figure(m, year) for m in members) if f is not None]
            if parts:
                total = round(sum(p.capability for p in parts), 4)
                names = ", ".join(p.actor for p in parts)
                return CapabilityFigure(
                    actor=actor,
                    capability=total,
                    source=f"sum of members' CINC × 100, members on {day} ({len(parts)}: {names})",
                    origin="members",
                    evidence=[e for p in parts for e in p.evidence[:1]],
                )
        return CapabilityFigure(
            actor=actor,
            capability=FALLBACK,
            source="default: no national figures for this actor; set it here or in capability_overrides",
            origin="default",
            evidence=[],
        )


@lru_cache(maxsize=2)
def _shipped(directory: str) -> CapabilityData:
    base = Path(directory)
    table = base / "capability.csv"
    rows = read_table(table) if table.is_file() else []
    return CapabilityData(rows, read_organizations(base / "organizations.yaml"))


def shipped_data() -> CapabilityData:
    return _shipped(str(data_dir()))


def capabilities(
    actors: list[str], as_of: dt.date | None, data: CapabilityData | None = None, override_path: str = ""
) -> dict[str, CapabilityFigure]:
    """Each actor's capability figure; the CSV file ``override_path`` (the ``capability_overrides``
    setting) wins over the shipped data."""
    data = data or shipped_data()
    overrides = read_overrides(Path(override_path)) if override_path else {}
    result: dict[str, CapabilityFigure] = {}
    for actor in actors:
        if actor in overrides:
            value, source = overrides[actor]
            result[actor] = CapabilityFigure(
                actor=actor,
                capability=value,
                source=source,
                origin="override",
                evidence=[Evidence(source=source)],
            )
        else:
            result[actor] = data.figure(actor, as_of)
    return result
