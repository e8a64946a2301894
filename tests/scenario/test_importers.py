"""Every importer on every file of the shared negotiation data: inputs load, the rest fails clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.errors import AccordError, Errors
from accord.scenario.importers import detect_kind, import_file
from accord.scenario.importers.bdm import import_bdm
from accord.scenario.importers.deu import council_weights, import_deu, intro_year, wave_of
from accord.scenario.importers.exchange import import_exchange
from accord.scenario.importers.ktab import import_ktab

NEGOTIATION = Path(__file__).resolve().parents[2] / "data" / "negotiation"

ALL_FILES = sorted(p for p in NEGOTIATION.rglob("*") if p.is_file())
# Files in the folder that are not model inputs (reference outputs, documentation, third-party forecasts),
# and one KTAB input with an empty coordinate: each must fail with one clear line, not a traceback.
NOT_INPUTS = {
    "README.md",
    "deu-paired-differences_schelling.csv",
    "CoP21_reference_exchanges.csv",
    "SOE-data-from-paper.xlsx",
    "ktab-china-2014_schelling.json",
    "ref-run-SOE-Pol-Comp_20170530_final-histories.txt",
    "ref-run-dummyData_3Dim_20170530_final-histories.txt",
    "ref-run-smpExample_20170530_final-histories.txt",
    "smpSchema.xsd",
    "smpExample.xml",
}
EXPECTED_ACTORS = {
    "china_dmasad.csv": 24,
    "columbus_classnotes.csv": 4,
    "emission_standards_bdm1994.csv": 10,
    "eum_argentina.tsv": 17,
    "eum_iranian-election.tsv": 8,
    "honduras_nicaragua_dmasad.csv": 5,
    "saudi_succession_sultan.csv": 17,
    "uk_emu_conservative_classnotes.csv": 9,
    "uk_emu_labour_classnotes.csv": 9,
    "zimbabwe_mugabe_full_classnotes.csv": 32,
    "SOE-Policy.csv": 26,
    "SOE-Competitive.csv": 34,
    "SOE-Pol-Comp.csv": 13,
    "dummyData-a040.csv": 40,
    "dummyData-a080.csv": 80,
    "dummyData-a160.csv": 160,
    "dummyData_3Dim.csv": 7,
    "dummyData_3Dim.xml": 7,
    "dummyData_6Dim.csv": 27,
    "cop21_decide.tsv": 15,
    "CoP21_original_2015-10-02.csv": 15,
    "copenhagen_decide.tsv": 11,
}


def test_the_folder_is_fully_accounted_for() -> None:
    names = {p.name for p in ALL_FILES}
    assert names == NOT_INPUTS | set(EXPECTED_ACTORS) | {"deu3_blksv.tsv"}


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_every_file(path: Path) -> None:
    if path.name in NOT_INPUTS:
        with pytest.raises(AccordError) as info:
            import_file(path)
        assert info.value.code is Errors.A402
        assert str(path) in info.value.message and "\n" not in info.value.message
        return
    scenarios = import_file(path)
    for scenario in scenarios:
        assert scenario.stances
        assert all(0 <= st.position <= 100 and 0 <= st.salience <= 1 for st in scenario.stances)
        assert all(st.evidence and st.evidence[0].source for st in scenario.stances)
    if path.name in EXPECTED_ACTORS:
        assert len(scenarios) == 1 and len(scenarios[0].actors) == EXPECTED_ACTORS[path.name]


def test_bdm_scale_and_salience_conversion() -> None:
    scenario = import_bdm(NEGOTIATION / "bdm" / "emission_standards_bdm1994.csv")
    by_actor = {st.actor: st for st in scenario.stances}
    assert by_actor["netherlands"].position == 0 and by_actor["france"].position == 100
    assert by_actor["belgium"].position == pytest.approx(50)
    assert by_actor["uk"].salience == 0.9
    columbus = import_bdm(NEGOTIATION / "bdm" / "columbus_classnotes.csv", scale=(0, 200))
    assert {st.actor: st.salience for st in columbus.stances}["columbus"] == 0.9
    assert {st.actor: st.position for st in columbus.stances}["columbus"] == 50


def test_bdm_header_quirks() -> None:
    argentina = import_bdm(NEGOTIATION / "bdm" / "eum_argentina.tsv")  # BOM, tabs, Name/x/c/s
    assert argentina.actors[0].name == "Macri"
    zimbabwe = import_bdm(
        NEGOTIATION / "bdm" / "zimbabwe_mugabe_full_classnotes.csv"
    )  # 8 header fields, 7 data
    assert zimbabwe.actors[0].capability == pytest.approx(338.6)
    china = import_bdm(NEGOTIATION / "bdm" / "china_dmasad.csv")  # Stakeholder/Resources
    assert china.actors[1].capability == 90


def test_ktab_csv_and_xml_agree() -> None:
    from_csv = import_ktab(NEGOTIATION / "ktab" / "dummyData_3Dim.csv")
    from_xml = import_ktab(NEGOTIATION / "ktab" / "dummyData_3Dim.xml")
    assert len(from_csv.issues) == len(from_xml.issues) == 3
    assert len(from_csv.stances) == len(from_xml.stances) == 21
    policy = import_ktab(NEGOTIATION / "ktab" / "SOE-Policy.csv")
    first = policy.stances[0]
    assert (first.actor, first.position, first.salience) == ("xj", 30, 0.3)
    assert policy.actors[0].capability == 100


def test_exchange_formats_agree() -> None:
    new = import_exchange(NEGOTIATION / "exchange" / "cop21_decide.tsv")
    old = import_exchange(NEGOTIATION / "exchange" / "CoP21_original_2015-10-02.csv")
    assert len(new.stances) == len(old.stances) == 181
    assert sorted(st.position for st in new.stances) == sorted(st.position for st in old.stances)
    assert new.issues[0].low.startswith("No explicit") or new.issues[0].low == "0"


def test_deu_reads_every_issue_with_its_reference_point_and_outcome() -> None:
    issues = import_deu(NEGOTIATION / "deu" / "deu3_blksv.tsv", capability="votes")
    assert len(issues) == 364
    assert sum(i.scenario.issues[0].outcome is not None for i in issues) == 353
    with_rp = [i.scenario.issues[0] for i in issues if i.scenario.issues[0].status_quo is not None]
    assert len(with_rp) == 261
    assert sum(issue.outcome is not None for issue in with_rp) == 253
    first = issues[0].scenario
    assert first.issues[0].status_quo == 0 and first.issues[0].outcome == 100
    assert {a.id for a in first.actors} >= {"com", "ep", "de"}
    weights = {a.id: a.capability for a in first.actors}
    assert weights["de"] == 10 and weights["com"] == 10  # DEU I: Amsterdam weights, institutions = largest
    gdp = import_deu(NEGOTIATION / "deu" / "deu3_blksv.tsv", capability="gdp")[0].scenario
    assert {a.id: a.capability for a in gdp.actors}["de"] == pytest.approx(4.1)


def test_deu_periods() -> None:
    assert intro_year("26-01-00") == 2000 and intro_year("01-02-97") == 1997 and intro_year("999") is None
    assert [wave_of(y) for y in (1997, 2001, 2004, 2010, 2013)] == ["I", "I", "II", "II", "III"]


def test_deu_four_digit_introduction_years() -> None:
    assert intro_year("14-12-1999") == 1999 and intro_year("14-09-2016") == 2016
    assert intro_year("14-12-199") is None
    issues = {i.issue_id: i for i in import_deu(NEGOTIATION / "deu" / "deu3_blksv.tsv")}
    misdated = issues["n99276i5"]  # introduced 14-12-1999, once read as the year 3899 and put in DEU III
    assert misdated.intro_year == 1999 and misdated.wave == "I" and misdated.proposal == "n99276"
    assert issues["d160280i1"].intro_year == 2016 and issues["d160280i1"].wave == "III"
    assert all(1996 <= (i.intro_year or 0) <= 2018 for i in issues.values())
    table = council_weights()
    assert sum(table["amsterdam"].values()) == 87
    assert sum(table["nice"].values()) == 352  # EU-28, with Croatia's 7 votes
    assert len(table["population"]) == 28


def test_detect_kind_rejects_unknown(tmp_path: Path) -> None:
    odd = tmp_path / "odd.csv"
    odd.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(AccordError, match="not a BDM"):
        detect_kind(odd)
    bad = tmp_path / "bad.csv"
    bad.write_text("Actor,Capability,Position,Salience\nA,lots,3,0.5\n", encoding="utf-8")
    with pytest.raises(AccordError, match="line 2 capability: 'lots' is not a number"):
        import_file(bad)
