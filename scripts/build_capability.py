"""Build src/accord/data/capability/capability.csv from the capability files in data/capability/.

One row per country and year (2014-2025) with CINC (COW NMC v7), military expenditure (SIPRI, current
US$), GDP (World Bank WDI, current US$) and population (WDI). Run from the checkout:

    .venv/bin/python scripts/build_capability.py            # rewrite the shipped table
    .venv/bin/python scripts/build_capability.py --check    # exit 1 if the shipped table differs

Every country is matched to each source through an explicit code (ISO3, COW ccode + abbreviation, SIPRI
name); a code that is not in its source stops the build instead of leaving a silent gap.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCES = ROOT / "data" / "capability"
DEFAULT_OUT = ROOT / "src" / "accord" / "data" / "capability" / "capability.csv"

FIRST_YEAR = 2014
LAST_YEAR = 2025

NMC_FILE = "nmc_v7_abridged_1980-2022.csv"
SIPRI_FILE = "sipri_milex_2000-2024.csv"
GDP_FILE = "wdi_gdp_current_usd_NY.GDP.MKTP.CD_2000-2025.csv"
POPULATION_FILE = "wdi_population_SP.POP.TOTL_2000-2025.csv"

COLUMNS = ("country", "iso3", "year", "cinc", "milex_usd", "milex_flag", "gdp_usd", "population")


class Country(NamedTuple):
    name: str  # Accord's canonical short English name (as in the actor registry)
    iso3: str  # World Bank WDI country code
    ccode: int  # COW state code
    stateabb: str  # COW abbreviation, checked against ccode so a typo cannot pick another state
    sipri: str  # country name as SIPRI spells it


# The countries of the actor registry, plus the EU-27 and NATO members not already in it, so that
# organisation rules (organizations.yaml) can sum their members. The Vatican is in the registry but in
# none of the sources, so it has no row.
COUNTRIES: tuple[Country, ...] = (
    Country("Albania", "ALB", 339, "ALB", "Albania"),
    Country("Armenia", "ARM", 371, "ARM", "Armenia"),
    Country("Australia", "AUS", 900, "AUL", "Australia"),
    Country("Austria", "AUT", 305, "AUS", "Austria"),
    Country("Azerbaijan", "AZE", 373, "AZE", "Azerbaijan"),
    Country("Belarus", "BLR", 370, "BLR", "Belarus"),
    Country("Belgium", "BEL", 211, "BEL", "Belgium"),
    Country("Brazil", "BRA", 140, "BRA", "Brazil"),
    Country("Bulgaria", "BGR", 355, "BUL", "Bulgaria"),
    Country("Canada", "CAN", 20, "CAN", "Canada"),
    Country("China", "CHN", 710, "CHN", "China"),
    Country("Croatia", "HRV", 344, "CRO", "Croatia"),
    Country("Cyprus", "CYP", 352, "CYP", "Cyprus"),
    Country("Czech Republic", "CZE", 316, "CZR", "Czechia"),
    Country("Denmark", "DNK", 390, "DEN", "Denmark"),
    Country("Egypt", "EGY", 651, "EGY", "Egypt"),
    Country("Estonia", "EST", 366, "EST", "Estonia"),
    Country("Finland", "FIN", 375, "FIN", "Finland"),
    Country("France", "FRA", 220, "FRN", "France"),
    Country("Georgia", "GEO", 372, "GRG", "Georgia"),
    Country("Germany", "DEU", 255, "GMY", "Germany"),
    Country("Greece", "GRC", 350, "GRC", "Greece"),
    Country("Hungary", "HUN", 310, "HUN", "Hungary"),
    Country("Iceland", "ISL", 395, "ICE", "Iceland"),
    Country("India", "IND", 750, "IND", "India"),
    Country("Iran", "IRN", 630, "IRN", "Iran"),
    Country("Ireland", "IRL", 205, "IRE", "Ireland"),
    Country("Israel", "ISR", 666, "ISR", "Israel"),
    Country("Italy", "ITA", 325, "ITA", "Italy"),
    Country("Japan", "JPN", 740, "JPN", "Japan"),
    Country("Kazakhstan", "KAZ", 705, "KZK", "Kazakhstan"),
    Country("Kyrgyzstan", "KGZ", 703, "KYR", "Kyrgyz Republic"),
    Country("Latvia", "LVA", 367, "LAT", "Latvia"),
    Country("Lithuania", "LTU", 368, "LIT", "Lithuania"),
    Country("Luxembourg", "LUX", 212, "LUX", "Luxembourg"),
    Country("Malta", "MLT", 338, "MLT", "Malta"),
    Country("Moldova", "MDA", 359, "MLD", "Moldova"),
    Country("Montenegro", "MNE", 341, "MNG", "Montenegro"),
    Country("Netherlands", "NLD", 210, "NTH", "Netherlands"),
    Country("North Korea", "PRK", 731, "PRK", "Korea, North"),
    Country("North Macedonia", "MKD", 343, "MAC", "North Macedonia"),
    Country("Norway", "NOR", 385, "NOR", "Norway"),
    Country("Poland", "POL", 290, "POL", "Poland"),
    Country("Portugal", "PRT", 235, "POR", "Portugal"),
    Country("Qatar", "QAT", 694, "QAT", "Qatar"),
    Country("Romania", "ROU", 360, "ROM", "Romania"),
    Country("Russia", "RUS", 365, "RUS", "Russia"),
    Country("Saudi Arabia", "SAU", 670, "SAU", "Saudi Arabia"),
    Country("Slovakia", "SVK", 317, "SLO", "Slovakia"),
    Country("Slovenia", "SVN", 349, "SLV", "Slovenia"),
    Country("South Africa", "ZAF", 560, "SAF", "South Africa"),
    Country("South Korea", "KOR", 732, "ROK", "Korea, South"),
    Country("Spain", "ESP", 230, "SPN", "Spain"),
    Country("Sweden", "SWE", 380, "SWD", "Sweden"),
    Country("Switzerland", "CHE", 225, "SWZ", "Switzerland"),
    Country("Turkey", "TUR", 640, "TUR", "Türkiye"),
    Country("Ukraine", "UKR", 369, "UKR", "Ukraine"),
    Country("United Arab Emirates", "ARE", 696, "UAE", "United Arab Emirates"),
    Country("United Kingdom", "GBR", 200, "UKG", "United Kingdom"),
    Country("United States", "USA", 2, "USA", "United States of America"),
    Country("Uzbekistan", "UZB", 704, "UZB", "Uzbekistan"),
)

# SIPRI flags that mean "no figure": the value cell is empty for them.
_SIPRI_NO_VALUE = {"no_data", "not_independent"}


class BuildError(Exception):
    """The shared files do not match what the crosswalk expects."""


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _years() -> range:
    return range(FIRST_YEAR, LAST_YEAR + 1)


def _cinc(shared: Path) -> dict[tuple[int, int], str]:
    """(ccode, year) -> CINC as written with 8 significant digits; -9 (missing) is left out."""
    out: dict[tuple[int, int], str] = {}
    abb_of: dict[int, str] = {}
    for row in _read(shared / NMC_FILE):
        ccode, year = int(row["ccode"]), int(row["year"])
        abb_of[ccode] = row["stateabb"]
        value = float(row["cinc"])
        if year in _years() and value >= 0:
            out[(ccode, year)] = format(value, ".8g")
    for country in COUNTRIES:
        if abb_of.get(country.ccode) != country.stateabb:
            raise BuildError(
                f"{NMC_FILE}: ccode {country.ccode} is {abb_of.get(country.ccode)!r}, "
                f"expected {country.stateabb!r} for {country.name}"
            )
    return out


def _milex(shared: Path) -> dict[tuple[str, int], tuple[str, str]]:
    """(SIPRI name, year) -> (current US$ as an integer string or '', SIPRI flag)."""
    out: dict[tuple[str, int], tuple[str, str]] = {}
    names: set[str] = set()
    for row in _read(shared / SIPRI_FILE):
        names.add(row["country"])
        year = int(row["year"])
        if year not in _years():
            continue
        flag = row["milex_current_usd_m_flag"]
        raw = row["milex_current_usd_m"]
        # A zero flagged 'uncertain' is a sheet artefact (North Korea 2000-2014), not a real zero.
        if flag in _SIPRI_NO_VALUE or not raw or (float(raw) == 0 and flag == "uncertain"):
            out[(row["country"], year)] = ("", flag)
        else:
            out[(row["country"], year)] = (str(round(float(raw) * 1_000_000)), flag)
    missing = sorted(c.sipri for c in COUNTRIES if c.sipri not in names and c.iso3 != "PRK")
    if missing:
        raise BuildError(f"{SIPRI_FILE}: no country named {', '.join(missing)}")
    return out


def _wdi(shared: Path, name: str) -> dict[tuple[str, int], str]:
    """(ISO3, year) -> value rounded to a whole number (US$ or persons)."""
    out: dict[tuple[str, int], str] = {}
    for row in _read(shared / name):
        year = int(row["Year"])
        if year in _years():
            out[(row["Country Code"], year)] = str(round(float(row["Value"])))
    return out


def build_rows(shared: Path) -> list[dict[str, str]]:
    """Every country-year in 2014-2025 that has at least one figure, sorted by country and year."""
    cinc = _cinc(shared)
    milex = _milex(shared)
    gdp = _wdi(shared, GDP_FILE)
    population = _wdi(shared, POPULATION_FILE)
    for country in COUNTRIES:
        if not any((country.iso3, y) in population for y in _years()):
            raise BuildError(f"{POPULATION_FILE}: no rows for {country.iso3} ({country.name})")
    rows: list[dict[str, str]] = []
    for country in sorted(COUNTRIES, key=lambda c: c.name):
        for year in _years():
            milex_usd, milex_flag = milex.get((country.sipri, year), ("", ""))
            row = {
                "country": country.name,
                "iso3": country.iso3,
                "year": str(year),
                "cinc": cinc.get((country.ccode, year), ""),
                "milex_usd": milex_usd,
                "milex_flag": milex_flag,
                "gdp_usd": gdp.get((country.iso3, year), ""),
                "population": population.get((country.iso3, year), ""),
            }
            if any(row[k] for k in ("cinc", "milex_usd", "gdp_usd", "population")):
                rows.append(row)
    return rows


def to_csv(rows: Iterable[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def build_csv(shared: Path = DEFAULT_SOURCES) -> str:
    return to_csv(build_rows(shared))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, help="folder of the source CSV files")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="table to write (or check)")
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if the table differs")
    args = parser.parse_args(argv)
    try:
        text = build_csv(args.sources)
    except (BuildError, OSError, KeyError, ValueError) as exc:
        print(f"build_capability: {exc}", file=sys.stderr)
        return 1
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            message = f"{args.out}: differs from what {args.sources} builds; rerun without --check"
            print(message, file=sys.stderr)
            return 1
        print(f"{args.out}: up to date")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}: {text.count(chr(10)) - 1} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
