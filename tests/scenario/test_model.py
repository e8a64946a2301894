"""The scenario model: every validation problem reported with its location; files round-trip exactly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from accord.errors import AccordError, Errors
from accord.scenario.io import load_scenario, save_scenario, scenario_from_data
from accord.scenario.model import Actor, Evidence, Issue, Scenario, Stance


def _valid() -> dict[str, Any]:
    return {
        "name": "ceasefire",
        "issues": [
            {
                "id": "line",
                "label": "Contact line",
                "low": "1991 borders",
                "high": "current line",
                "status_quo": 80,
            }
        ],
        "actors": [
            {"id": "ua", "name": "Ukraine", "capability": 3, "capability_source": "CINC 2014"},
            {"id": "ru", "name": "Russia", "capability": 7},
        ],
        "stances": [
            {
                "actor": "ua",
                "issue": "line",
                "position": 10,
                "salience": 1.0,
                "evidence": [{"article_id": "a1", "sentence": "Kyiv insists on its borders."}],
            },
            {
                "actor": "ru",
                "issue": "line",
                "position": 95,
                "salience": 0.7,
                "uncertainty": 5,
                "evidence": [{"source": "expert judgement"}],
            },
        ],
    }


def test_valid_scenario_parses() -> None:
    scenario = Scenario.parse(_valid())
    assert [a.id for a in scenario.actors] == ["ua", "ru"]
    assert scenario.stances_on("line")[1].uncertainty == 5


def test_every_problem_is_reported_with_its_location() -> None:
    data = _valid()
    data["issues"].append({"id": "line", "label": "again", "status_quo": 120})
    data["actors"][0]["capability"] = -1
    data["stances"].append({"actor": "by", "issue": "gas", "position": 120})
    data["stances"].append(dict(data["stances"][1]))
    with pytest.raises(AccordError) as info:
        scenario_from_data(data, "war.yaml")
    assert info.value.code is Errors.A401
    message = info.value.message
    for expected in [
        "war.yaml",
        "issues[1].status_quo: 120 is outside 0–100",
        "actors[0].capability: -1 is negative",
        "stances[2].position: 120 is outside 0–100",
        "stances[2].salience: missing",
        "stances[2].actor: unknown actor 'by'",
        "stances[2].issue: unknown issue 'gas'",
        "issues[1].id: duplicate id 'line'",
        "stances[3]: a second stance for actor 'ru' on issue 'line'",
    ]:
        assert expected in message
    assert "\n" not in message


def test_reference_errors_alone_are_reported() -> None:
    data = _valid()
    data["stances"][0]["actor"] = "nobody"
    with pytest.raises(AccordError, match=r"stances\[0\]\.actor: unknown actor 'nobody'"):
        scenario_from_data(data)


def test_salience_outside_unit_interval_and_unknown_field() -> None:
    data = _valid()
    data["stances"][0]["salience"] = 1.5
    data["stances"][1]["posiiton"] = 3
    with pytest.raises(AccordError) as info:
        scenario_from_data(data)
    assert "stances[0].salience: 1.5 is outside 0–1" in info.value.message
    assert "stances[1].posiiton: unknown field" in info.value.message


def test_evidence_must_say_something() -> None:
    with pytest.raises(ValueError):
        Evidence()


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json"])
def test_round_trip_is_exact(tmp_path: Path, suffix: str) -> None:
    scenario = Scenario(
        name="t",
        description="ünïcode — ok",
        issues=[Issue(id="i", label="I", status_quo=33.333333333333336, outcome=0.1)],
        actors=[
            Actor(
                id="a",
                name="A",
                capability=0.1 + 0.2,
                capability_evidence=[Evidence(source="s", date="2020-01-01")],
            )
        ],
        stances=[Stance(actor="a", issue="i", position=1 / 3, salience=0.7, uncertainty=None)],
    )
    path = save_scenario(scenario, tmp_path / f"s{suffix}")
    assert load_scenario(path) == scenario


def test_load_errors_are_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(AccordError, match="not valid YAML"):
        load_scenario(bad)
    with pytest.raises(AccordError, match="cannot read"):
        load_scenario(tmp_path / "missing.json")
    with pytest.raises(AccordError, match="unknown suffix"):
        (tmp_path / "x.txt").write_text("name: x", encoding="utf-8")
        load_scenario(tmp_path / "x.txt")
    top = tmp_path / "list.json"
    top.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(AccordError, match="top level must be a mapping"):
        load_scenario(top)


# -- typed facts: conflict and default capability as fields, and files written before them -----------------

OLD_FORMAT = """\
name: Negotiation positions as of latest
description: 'Built ... Conflicting statements (see CONFLICT evidence): Hungary on sanctions.'
issues:
- id: sanctions
  label: Sanctions on Russia
actors:
- id: hungary
  name: Hungary
  capability: 0.1
  capability_source: 'default: no national figures for this actor; set it here or in capability_overrides'
  capability_evidence: []
- id: poland
  name: Poland
  capability: 0.9
  capability_source: CINC 2022 × 100 (Correlates of War, National Material Capabilities v7.0 (CINC))
stances:
- actor: hungary
  issue: sanctions
  position: 80.0
  salience: 0.5
  uncertainty: 42.43
  evidence:
  - article_id: hu-a
    sentence: Hungary said it backs new sanctions on Russia.
    date: '2024-05-01'
    source: support by Hungary, Outlet A, weight 1
  - article_id: hu-b
    sentence: Hungary said it opposes new sanctions on Russia.
    date: '2024-05-01'
    source: CONFLICT oppose by Hungary, Outlet B, weight 1
- actor: poland
  issue: sanctions
  position: 80.0
  salience: 0.5
"""


def test_a_file_written_before_the_typed_fields_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "old.yaml"
    path.write_text(OLD_FORMAT, encoding="utf-8")
    scenario = load_scenario(path)
    taken, against = scenario.stances[0].evidence
    assert (taken.conflict, against.conflict) == (False, True)
    assert against.source == "oppose by Hungary, Outlet B, weight 1"  # the prefix became the flag
    assert [a.capability_origin for a in scenario.actors] == ["default", None]
    assert [a.default_capability for a in scenario.actors] == [True, False]
    # Written again, it is in the new form and loads back equal.
    again = save_scenario(scenario, tmp_path / "new.json")
    assert "CONFLICT" not in again.read_text(encoding="utf-8").split('"description"')[0]
    assert load_scenario(again) == scenario
    assert load_scenario(save_scenario(scenario, tmp_path / "new.yaml")) == scenario


def test_conflict_and_note_are_written_only_when_set() -> None:
    plain = Evidence(article_id="a", sentence="s", source="support by X, Outlet, weight 1")
    flagged = plain.model_copy(update={"conflict": True, "note": "against the stance taken (oppose)"})
    assert "conflict" not in plain.model_dump() and "note" not in plain.model_dump(mode="json")
    assert flagged.model_dump(mode="json")["conflict"] is True
    assert Evidence.model_validate(flagged.model_dump(mode="json")) == flagged
    # A source that merely starts with the word, with the flag given, is taken as written.
    kept = Evidence.model_validate({"source": "CONFLICT zone data", "conflict": False})
    assert (kept.source, kept.conflict) == ("CONFLICT zone data", False)


def test_an_origin_given_wins_over_the_source_text() -> None:
    actor = Actor(
        id="a", name="A", capability=2, capability_source="default guess", capability_origin="override"
    )
    assert not actor.default_capability
    with pytest.raises(ValueError, match="capability_origin"):
        Actor.model_validate({"id": "a", "name": "A", "capability": 1, "capability_origin": "guessed"})
