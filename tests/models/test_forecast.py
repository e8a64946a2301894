"""forecast_all: every model's forecast of a scenario, the one path the CLI, report and dashboard take."""

from __future__ import annotations

import pytest

from accord.models import MODELS, forecast, forecast_all, sensitivity
from accord.models.monte_carlo import simulate
from accord.scenario.model import Actor, Issue, Scenario, Stance
from accord.settings import DEFAULTS
from sample_scenarios import one_party_scenario


def _scenario() -> Scenario:
    return Scenario(
        name="two issues",
        issues=[Issue(id="i", label="I", status_quo=20), Issue(id="j", label="J"), Issue(id="k", label="K")],
        actors=[
            Actor(id="big", name="Big", capability=10),
            Actor(id="mid", name="Mid", capability=3),
            Actor(id="tiny", name="Tiny", capability=0.5),
        ],
        stances=[
            Stance(actor="big", issue="i", position=70, salience=0.9, uncertainty=15),
            Stance(actor="mid", issue="i", position=40, salience=0.5),
            Stance(actor="tiny", issue="i", position=10, salience=0.5),
            Stance(actor="big", issue="j", position=50, salience=0.5),
            Stance(actor="mid", issue="j", position=60, salience=0.5),
            Stance(actor="tiny", issue="k", position=90, salience=0.5),
        ],
    )


def test_every_model_once_with_the_point_forecasts_of_each() -> None:
    scenario = _scenario()
    result = forecast_all(scenario)
    assert [m.name for m in result.models] == list(MODELS)
    assert result.scenario == "two issues" and result.draws == 0 and result.notes.keys() == {"k"}
    for model in result.models:
        assert model.description == MODELS[model.name].description
        assert model.forecasts == forecast(scenario, model.name)  # exactly, to the last bit
        assert model.intervals == {} and model.seconds >= 0
    assert result.seconds >= sum(m.seconds for m in result.models)
    assert result.points()["median"] == result.model("median").forecasts
    with pytest.raises(KeyError):
        result.model("oracle")


def test_draws_give_each_forecast_its_interval_and_the_actors_that_move_it() -> None:
    scenario = _scenario()
    result = forecast_all(scenario, draws=300, seed=7)
    assert result.draws == 300 and result.seed == 7
    expected = simulate(scenario, list(MODELS), draws=300, seed=7)
    for model in result.models:
        assert set(model.intervals) == set(model.forecasts) == {"i", "j"}
        for issue, band in model.intervals.items():
            mc = expected[model.name][issue]
            assert (band.median, band.p10, band.p90, band.draws) == (mc.median, mc.p10, mc.p90, 300)
            assert [i.actor for i in band.influence] == [s.actor for s in mc.sensitivity]
    compromise = result.model("compromise").intervals["i"]
    assert compromise.p10 <= compromise.median <= compromise.p90
    assert compromise.influence[0].actor == "big" and 0 < compromise.influence[0].share <= 1


def test_seeded_and_the_same_whichever_models_are_asked_for() -> None:
    scenario = _scenario()
    everything = forecast_all(scenario, draws=100, seed=3)
    untimed = {"seconds": True, "models": {"__all__": {"seconds"}}}
    again = forecast_all(scenario, draws=100, seed=3)
    assert everything.model_dump(exclude=untimed) == again.model_dump(exclude=untimed)
    for name in ("compromise", "exchange"):
        alone = forecast_all(scenario, draws=100, seed=3, models=[name]).model(name)
        assert alone.forecasts == everything.model(name).forecasts
        assert alone.intervals == everything.model(name).intervals


def test_draws_and_seed_default_to_the_declared_settings() -> None:
    scenario = _scenario()
    result = forecast_all(scenario, draws=None, seed=None, models=["compromise"])
    assert result.draws == DEFAULTS.draws and result.seed == DEFAULTS.seed
    assert result.model("compromise").intervals["i"].draws == result.draws


def test_no_negotiation_no_forecast_no_draws() -> None:
    result = forecast_all(one_party_scenario(), draws=20, seed=1)
    assert set(result.notes) == {"crimea", "empty"}
    assert all(set(m.forecasts) == set(m.intervals) == {"ceasefire"} for m in result.models)
    nobody = one_party_scenario().model_copy(update={"stances": []})
    empty = forecast_all(nobody, draws=20, seed=1)
    assert all(m.forecasts == {} and m.intervals == {} for m in empty.models)
    assert set(empty.notes) == {"crimea", "ceasefire", "empty"}


def test_an_unknown_model_is_a_coded_error() -> None:
    from accord.errors import AccordError

    with pytest.raises(AccordError, match="A403"):
        forecast_all(_scenario(), models=["oracle"])


# -- sensitivity ------------------------------------------------------------------------------------


def test_sensitivity_leaves_out_hardens_and_doubles_each_actor() -> None:
    analysis = sensitivity(_scenario(), "compromise", shift=20, draws=200, seed=1)
    assert analysis.notes.keys() == {"k"} and analysis.draws == 200
    assert [(e.issue, e.actor) for e in analysis.effects] == [
        ("i", "big"),
        ("i", "mid"),
        ("i", "tiny"),
        ("j", "big"),
        ("j", "mid"),
    ]
    effect = {(e.issue, e.actor): e for e in analysis.effects}
    big = effect[("i", "big")]
    assert big.name == "Big" and big.position == 70
    assert big.baseline == forecast(_scenario(), "compromise")["i"].value
    assert big.harder == 90 and big.shifted > big.baseline  # away from the forecast, toward 100
    assert big.doubled > big.baseline and big.without is not None and big.without < big.baseline
    assert effect[("j", "big")].without is None  # one party left: no negotiation
    assert big.share is not None and big.share > 0.5


def test_sensitivity_without_draws_has_no_shares() -> None:
    analysis = sensitivity(_scenario(), "compromise", draws=0)
    assert analysis.draws == 0 and analysis.effects
    assert all(e.share is None for e in analysis.effects)


def test_sensitivity_takes_its_shares_from_a_forecast_already_drawn() -> None:
    scenario = _scenario()
    drawn = forecast_all(scenario, draws=200, seed=1)
    reused = sensitivity(scenario, "compromise", drawn=drawn)
    assert reused == sensitivity(scenario, "compromise", draws=200, seed=1)  # to the last bit
    assert reused.draws == 200 and any(e.share is not None for e in reused.effects)
    other = scenario.model_copy(update={"name": "another"})
    with pytest.raises(ValueError, match="another"):
        sensitivity(other, "compromise", drawn=drawn)
