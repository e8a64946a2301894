from __future__ import annotations

from accord.store.outlets import outlet_name


def test_a_section_suffix_is_dropped() -> None:
    assert outlet_name("Sample Wire — Ukraine talks") == "Sample Wire"
    assert outlet_name("Sample Wire – Europe") == "Sample Wire"
    assert outlet_name("BBC News | Europe") == "BBC News"
    assert outlet_name("Le Monde - International") == "Le Monde"


def test_names_without_a_section_stay() -> None:
    for name in ("Sample Wire", "Al-Monitor", "Radio Free Europe/Radio Liberty"):
        assert outlet_name(name) == name
    assert outlet_name(None) is None
