from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from accord.scenario.builder import build_cells, build_scenario
from accord.scenario.capability import (
    CapabilityData,
    CountryYear,
    Member,
    Organization,
    capabilities,
    shipped_data,
)
from accord.scenario.io import load_scenario, save_scenario
from accord.scenario.params import ScenarioParams
from accord.scenario.salience import salience
from accord.store import open_store, session_scope
from sample_store import DOCS, Doc, fill


@pytest.fixture
def sqlite_engine(sqlite_url: str) -> Iterator[Engine]:
    engine = open_store(sqlite_url)
    yield engine
    engine.dispose()


def _stance(scenario, actor: str, issue: str):  # type: ignore[no-untyped-def]
    actor_id = next(a.id for a in scenario.actors if a.name == actor)
    return next(s for s in scenario.stances if s.actor == actor_id and s.issue == issue)


def test_newest_statement_outweighs_older_ones(sqlite_engine: Engine) -> None:
    fill(sqlite_engine)
    scenario = build_scenario(sqlite_engine)
    ceasefire = _stance(scenario, "Ukraine", "ceasefire")
    assert ceasefire.position == 80.0  # supported in 2025, opposed in 2023
    assert ceasefire.uncertainty is not None and ceasefire.uncertainty > 10.0  # the old stance widens it
    assert [e.date for e in ceasefire.evidence] == ["2025-03-12", "2023-06-05"]
    assert not any(e.conflict or e.note for e in ceasefire.evidence)


def test_as_of_builds_the_scenario_of_that_day(sqlite_engine: Engine) -> None:
    fill(sqlite_engine)
    scenario = build_scenario(sqlite_engine, as_of=dt.date(2023, 12, 31))
    assert _stance(scenario, "Ukraine", "ceasefire").position == 20.0
    assert "sanctions" not in {i.id for i in scenario.issues}  # the undated statement needs "latest"
    assert all(e.date and e.date <= "2023-12-31" for s in scenario.stances for e in s.evidence)


def test_conflicting_sources_are_shown_not_averaged(sqlite_engine: Engine) -> None:
    text_a = "Hungary said it backs new sanctions on Russia. Officials met later."
    text_b = "Hungary said it opposes new sanctions on Russia. Officials met later."
    day = dt.date(2024, 5, 1)
    docs = [
        Doc("hu-a", "A", "Outlet A", day, text_a, positions=[("Hungary", "sanctions", "support", "backs")]),
        Doc("hu-b", "B", "Outlet B", day, text_b, positions=[("Hungary", "sanctions", "oppose", "opposes")]),
    ]
    fill(sqlite_engine, docs)
    with session_scope(sqlite_engine) as session:
        (cell,) = build_cells(session)
    assert cell.conflict
    assert cell.position in {80.0, 20.0}  # one side's point, never the 50 nobody stated
    assert cell.uncertainty == 42.43  # RMS distance of the statements from it: sqrt(60² / 2)
    scenario = build_scenario(sqlite_engine)
    evidence = _stance(scenario, "Hungary", "sanctions").evidence
    (against,) = [e for e in evidence if e.conflict]
    (taken,) = [e for e in evidence if not e.conflict]
    # The flag is a field, the source stays the plain description, the note says against what.
    assert against.source is not None and against.source.split(" by ")[0] != cell.stance
    assert not against.source.startswith("CONFLICT")
    assert against.note == f"against the stance taken ({cell.stance}): " + (
        f"{against.source.split(' by ')[0]} statements hold 50% of the weight"
    )
    assert taken.note is None
    assert "Conflicting statements (evidence marked conflict): Hungary on sanctions." in scenario.description


def test_copies_of_one_story_count_once(sqlite_engine: Engine) -> None:
    fill(sqlite_engine)
    with session_scope(sqlite_engine) as session:
        cells = {(c.actor, c.issue): c for c in build_cells(session)}
    neutrality = cells[("Russia", "neutrality")]
    assert [s.point.source.source_id for s in neutrality.statements] == ["talks-open"]


def test_statements_of_one_article_all_count_but_its_copies_do_not(sqlite_engine: Engine) -> None:
    text = "Poland said it backs more air defence for Ukraine. Warsaw also backs new tank deliveries."
    day = dt.date(2024, 2, 1)
    stated = [
        ("Poland", "military_aid", "support", "backs more air"),
        ("Poland", "military_aid", "support", "also backs"),
    ]
    docs = [
        Doc("pl-1", "Poland backs aid", "Outlet A", day, text, positions=stated, cluster="pl"),
        Doc("pl-2", "Poland backs aid (copy)", "Outlet B", day, text + " ", positions=stated, cluster="pl"),
    ]
    fill(sqlite_engine, docs)
    with session_scope(sqlite_engine) as session:
        (cell,) = build_cells(session)
    assert [s.point.source.source_id for s in cell.statements] == ["pl-1", "pl-1"]


def test_an_officials_statement_counts_for_the_country_they_serve(sqlite_engine: Engine) -> None:
    fill(sqlite_engine)
    scenario = build_scenario(sqlite_engine)
    peacekeepers = _stance(scenario, "Russia", "peacekeepers")
    assert "Sergei Lavrov" in (peacekeepers.evidence[0].source or "")
    assert "Sergei Lavrov" not in {a.name for a in scenario.actors}
    scenario = build_scenario(sqlite_engine, params=ScenarioParams(attribute_to_country=False))
    assert _stance(scenario, "Sergei Lavrov", "peacekeepers").position == 20.0


def test_every_number_has_evidence_and_the_file_round_trips(sqlite_engine: Engine, tmp_path: Path) -> None:
    fill(sqlite_engine)
    scenario = build_scenario(sqlite_engine)
    for stance in scenario.stances:
        assert stance.evidence
        for evidence in stance.evidence:
            assert evidence.article_id and evidence.sentence and evidence.source
    for actor in scenario.actors:
        assert actor.capability_source and actor.capability_origin
    path = save_scenario(scenario, tmp_path / "scenario.yaml")
    assert load_scenario(path) == scenario
    # An unflagged statement writes no flag: the file lists only what is set.
    assert "conflict: false" not in path.read_text(encoding="utf-8")


def test_issue_scale_override(sqlite_engine: Engine, tmp_path: Path) -> None:
    fill(sqlite_engine, [d for d in DOCS if d.source_id == "istanbul"])
    override = tmp_path / "scales.yaml"
    override.write_text("issues:\n  ceasefire:\n    support: 95\n", encoding="utf-8")
    scenario = build_scenario(sqlite_engine, params=ScenarioParams(issue_scales=str(override)))
    assert _stance(scenario, "Turkey", "ceasefire").position == 95.0
    assert _stance(scenario, "Ukraine", "neutrality").position == 60.0  # untouched default


def test_salience_formula() -> None:
    assert salience(3, 3, 1, 0.5) == 1.0
    assert salience(1, 4, 7, 0.5) == 0.2  # (1 + .5) / (4 + .5 * 7)
    assert salience(0, 40, 10, 0.5) == 0.1  # floor


def test_salience_follows_how_much_an_actor_dwells_on_an_issue(sqlite_engine: Engine) -> None:
    fill(sqlite_engine)
    with session_scope(sqlite_engine) as session:
        cells = {(c.actor, c.issue): c for c in build_cells(session)}
    # Ukraine: two ceasefire statements, one on each of four other issues.
    assert cells[("Ukraine", "ceasefire")].salience > cells[("Ukraine", "territory")].salience


def _rows() -> list[CountryYear]:
    return [
        CountryYear(country="Ruritania", iso3="RUR", year=2020, cinc=0.02, gdp_usd=1e12),
        CountryYear(country="Ruritania", iso3="RUR", year=2022, cinc=0.03, gdp_usd=2e12),
        CountryYear(country="Osterlich", iso3="OST", year=2022, cinc=0.01),
    ]


def test_capability_is_cinc_of_the_latest_year_on_or_before_the_date() -> None:
    pact = Organization(
        name="Pact", rule="sum_of_members", members=[Member(country="Ruritania"), Member(country="Osterlich")]
    )
    data = CapabilityData(_rows(), {"Pact": pact})
    figures = capabilities(["Ruritania", "Pact", "Someone"], dt.date(2021, 6, 1), data)
    assert figures["Ruritania"].capability == 2.0  # 2020's CINC, × 100
    assert "2020" in figures["Ruritania"].source
    assert any("1,000,000,000,000" in (e.source or "") for e in figures["Ruritania"].evidence)
    later = capabilities(["Pact"], dt.date(2024, 1, 1), data)
    assert later["Pact"].capability == 4.0  # members summed
    assert figures["Someone"].source.startswith("default")
    origins = {name: figure.origin for name, figure in figures.items()}
    assert origins == {"Ruritania": "national", "Pact": "members", "Someone": "default"}


def test_capability_overrides(tmp_path: Path) -> None:
    path = tmp_path / "caps.csv"
    path.write_text("actor,capability,source\nRuritania,7.5,analyst estimate\n", encoding="utf-8")
    figures = capabilities(["Ruritania"], None, CapabilityData(_rows()), str(path))
    assert (figures["Ruritania"].capability, figures["Ruritania"].source) == (7.5, "analyst estimate")
    assert figures["Ruritania"].origin == "override"


def test_shipped_capability_data() -> None:
    data = shipped_data()
    figures = capabilities(["Russia", "Ukraine", "NATO", "OSCE", "United Kingdom"], dt.date(2016, 6, 1), data)
    russia = figures["Russia"]
    assert russia.source.startswith("CINC 2016")
    assert 3.0 < russia.capability < 4.5  # Russia's share of world capability, in percent
    assert figures["Russia"].capability > figures["Ukraine"].capability
    assert "Finland" not in figures["NATO"].source  # joined in 2023
    assert "Finland" in capabilities(["NATO"], dt.date(2024, 1, 1), data)["NATO"].source
    assert figures["OSCE"].capability == 0.5 and "convention" in figures["OSCE"].source
    assert figures["OSCE"].origin == "convention"
    # CINC ends in 2022: later dates use the latest year before them, and say which
    assert capabilities(["Russia"], dt.date(2025, 3, 1), data)["Russia"].source.startswith("CINC 2022")


def test_latest_capability_year_follows_the_corpus_not_the_clock(sqlite_engine: Engine) -> None:
    nato = Doc(
        "nato",
        "Alliance pledges",
        "Example Wire",
        dt.date(2023, 1, 10),
        "NATO said it would keep sending weapons to Ukraine.",
        positions=[("NATO", "military_aid", "support", "keep sending weapons")],
    )
    fill(sqlite_engine, [*DOCS, nato])
    scenario = build_scenario(sqlite_engine)  # newest statement: 2025-03-14
    source = next(a for a in scenario.actors if a.name == "NATO").capability_source or ""
    assert "members on 2025-07-01" in source and "Sweden" not in source.split("members on")[0]
    early = build_scenario(sqlite_engine, as_of=dt.date(2023, 6, 30))
    assert "members on 2023-07-01" in (
        next(a for a in early.actors if a.name == "NATO").capability_source or ""
    )
