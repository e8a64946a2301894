"""Negotiation scenarios: actors × issues with positions, saliences, capabilities and their evidence."""

from accord.scenario.io import load_scenario, save_scenario
from accord.scenario.model import Actor, Evidence, Issue, Scenario, Stance

__all__ = ["Actor", "Evidence", "Issue", "Scenario", "Stance", "load_scenario", "save_scenario"]
