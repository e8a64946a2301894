"""Extraction: actors, quotes, events and positions from stored articles, each traceable to its sentence."""
