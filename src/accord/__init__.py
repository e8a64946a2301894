"""Accord: follow and forecast multi-party political negotiations from news articles."""

__version__ = "0.1.0"
