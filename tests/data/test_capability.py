"""The shipped capability table is exactly what scripts/build_capability.py builds from data/capability/."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from scripts_loader import load_script

ROOT = Path(__file__).resolve().parents[2]
CAPABILITY = ROOT / "data" / "capability"
SHIPPED = ROOT / "src" / "accord" / "data" / "capability"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return load_script("build_capability")


@pytest.fixture(scope="module")
def shipped_rows() -> list[dict[str, str]]:
    with (SHIPPED / "capability.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_shipped_table_is_what_the_script_builds(script: ModuleType) -> None:
    shipped = (SHIPPED / "capability.csv").read_text(encoding="utf-8")
    assert script.build_csv(CAPABILITY) == shipped


def test_check_mode_flags_a_stale_table(script: ModuleType, tmp_path: Path) -> None:
    stale = tmp_path / "capability.csv"
    shipped = (SHIPPED / "capability.csv").read_text(encoding="utf-8")
    stale.write_text(shipped.replace("Ukraine,UKR,2022,", "x,"))
    assert script.main(["--sources", str(CAPABILITY), "--out", str(stale), "--check"]) == 1
    assert script.main(["--sources", str(CAPABILITY), "--out", str(stale)]) == 0
    assert script.main(["--sources", str(CAPABILITY), "--out", str(stale), "--check"]) == 0


def test_a_crosswalk_code_missing_from_its_source_stops_the_build(script: ModuleType, tmp_path: Path) -> None:
    for path in CAPABILITY.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        if path.name == script.SIPRI_FILE:
            text = text.replace("Türkiye,", "Turkey,")
        (tmp_path / path.name).write_text(text, encoding="utf-8")
    with pytest.raises(script.BuildError, match="Türkiye"):
        script.build_rows(tmp_path)


@pytest.mark.parametrize("country", ["Russia", "Ukraine", "United States"])
def test_parties_have_every_measure_for_2022(shipped_rows: list[dict[str, str]], country: str) -> None:
    (row,) = [r for r in shipped_rows if r["country"] == country and r["year"] == "2022"]
    for column in ("cinc", "milex_usd", "gdp_usd", "population"):
        assert float(row[column]) > 0, column


def test_known_orders_of_magnitude(shipped_rows: list[dict[str, str]]) -> None:
    by_key = {(r["country"], r["year"]): r for r in shipped_rows}
    usa, russia, ukraine = (by_key[(c, "2022")] for c in ("United States", "Russia", "Ukraine"))
    assert float(usa["cinc"]) > float(russia["cinc"]) > float(ukraine["cinc"])
    assert 7e11 < float(usa["milex_usd"]) < 1.2e12  # US defence budget: some 800-900 billion dollars
    assert 3e7 < float(ukraine["population"]) < 5e7
    assert by_key[("Russia", "2025")]["cinc"] == ""  # NMC v7 ends in 2022: no figure is invented


def test_north_korea_sipri_zero_artefact_is_missing_not_zero(shipped_rows: list[dict[str, str]]) -> None:
    prk_2014 = next(r for r in shipped_rows if r["iso3"] == "PRK" and r["year"] == "2014")
    assert prk_2014["milex_usd"] == ""
    assert prk_2014["milex_flag"] == "uncertain"


def _members_on(org: dict[str, object], year: int, reference: str) -> list[str]:
    month, day = (int(x) for x in reference.split("-"))
    when = dt.date(year, month, day)
    members = org["members"]
    assert isinstance(members, list)
    out = []
    for member in members:
        joined = dt.date.fromisoformat(member.get("joined", "1900-01-01"))
        left = dt.date.fromisoformat(member.get("left", "9999-12-31"))
        if joined <= when <= left:
            out.append(member["country"])
    return out


def test_organization_rules_name_only_countries_in_the_table(shipped_rows: list[dict[str, str]]) -> None:
    spec = yaml.safe_load((SHIPPED / "organizations.yaml").read_text(encoding="utf-8"))
    countries = {r["country"] for r in shipped_rows}
    for org in spec["organizations"]:
        assert org["rule"] in {"sum_of_members", "fixed_cinc"}, org["name"]
        if org["rule"] == "fixed_cinc":
            assert 0 < org["cinc"] < 1 and org["rationale"]
            continue
        names = [m["country"] for m in org["members"]]
        assert len(names) == len(set(names)), org["name"]
        assert set(names) <= countries, set(names) - countries


def test_eu_sum_of_members_matches_the_world_bank_aggregate(shipped_rows: list[dict[str, str]]) -> None:
    spec = yaml.safe_load((SHIPPED / "organizations.yaml").read_text(encoding="utf-8"))
    eu = next(o for o in spec["organizations"] if o["name"] == "European Union")
    nato = next(o for o in spec["organizations"] if o["name"] == "NATO")
    reference = spec["membership_reference_day"]
    assert len(_members_on(eu, 2019, reference)) == 28
    assert len(_members_on(eu, 2022, reference)) == 27
    assert len(_members_on(nato, 2014, reference)) == 28
    assert len(_members_on(nato, 2024, reference)) == 32
    members = set(_members_on(eu, 2022, reference))
    summed = sum(float(r["gdp_usd"]) for r in shipped_rows if r["year"] == "2022" and r["country"] in members)
    with (CAPABILITY / "wdi_gdp_current_usd_NY.GDP.MKTP.CD_2000-2025.csv").open(encoding="utf-8") as handle:
        (aggregate,) = [
            float(r["Value"])
            for r in csv.DictReader(io.StringIO(handle.read()))
            if r["Country Code"] == "EUU" and r["Year"] == "2022"
        ]
    assert summed == pytest.approx(aggregate, rel=1e-9)
