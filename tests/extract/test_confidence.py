"""Confidence scores: the features each item is described by, and the logistic score over them."""

from __future__ import annotations

import math

import pytest
from spacy.language import Language

from accord.extract.components.common import load_lexicon
from accord.extract.components.confidence import logistic


def test_logistic_score_is_the_sigmoid_of_intercept_plus_present_weights() -> None:
    model = {"intercept": 0.5, "weights": {"a": -1.0, "b": 2.0}}
    assert logistic(model, set()) == pytest.approx(1 / (1 + math.exp(-0.5)), abs=1e-4)
    assert logistic(model, {"a", "b"}) == pytest.approx(1 / (1 + math.exp(-1.5)), abs=1e-4)
    assert logistic(model, {"never-fitted"}) == logistic(model, set())  # an unknown feature weighs nothing


def test_every_item_gets_a_score_between_0_and_1_from_the_shipped_models(nlp: Language) -> None:
    doc = nlp(
        "Russian President Vladimir Putin said on Monday that Russia would not accept a ceasefire. "
        '"We are ready to meet in Istanbul," Putin told reporters. '
        "Putin and Erdogan met in Sochi on September 4."
    )
    found = [*doc._.accord_quotes, *doc._.accord_events, *doc._.accord_positions]
    assert len(found) >= 3
    models = load_lexicon("confidence")["models"]
    for kind in ("quotes", "events", "positions"):
        for item in getattr(doc._, f"accord_{kind}"):
            assert 0.0 <= item["score"] <= 1.0
            assert item["score"] == logistic(models[kind], set(item["features"]))


def test_position_features_tell_how_the_holder_was_found(nlp: Language) -> None:
    said = nlp("Sergei Lavrov said Moscow would never accept Ukraine's membership in NATO.")
    (lavrov,) = [p for p in said._.accord_positions if p["actor"] == "Sergei Lavrov"]
    assert "holder_not_in_sentence" not in lavrov["features"]
    assert "negation_in_sentence" in lavrov["features"] and "oppose" in lavrov["features"]

    quoted = nlp('"We need more air defence systems, and we need them now," Volodymyr Zelensky said.')
    (zelensky,) = quoted._.accord_positions
    assert "in_own_quote" in zelensky["features"]


def test_quote_features_tell_a_speaker_found_outside_the_sentence(nlp: Language) -> None:
    doc = nlp(
        "Volodymyr Zelensky spoke to reporters in Kyiv on Friday about the talks.\n\n"
        '"We will not trade our land for a pause in the war, and everybody knows it," he said.'
    )
    (quote,) = doc._.accord_quotes
    assert quote["speaker"] == "Volodymyr Zelensky"
    assert "speaker_not_in_sentence" in quote["features"]


def test_event_features(nlp: Language) -> None:
    doc = nlp("Putin and Erdogan met in Sochi on September 4.")
    (meeting,) = doc._.accord_events
    assert "type_meeting" in meeting["features"]
    assert not {"no_participants", "no_place", "not_happened"} & set(meeting["features"])
