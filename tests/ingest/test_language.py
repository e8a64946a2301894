from __future__ import annotations

import pytest

from accord.ingest.dedupe import tokens
from accord.ingest.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The delegations said that the talks in Geneva were useful and would continue.", "en"),
        ("Die Delegationen sagten, dass die Gespräche in Genf nicht einfach waren und weitergehen.", "de"),
        (
            "Les délégations ont dit que les discussions à Genève sont utiles et qu'elles vont continuer.",
            "fr",
        ),
        (
            "Las delegaciones dijeron que las conversaciones en Ginebra fueron útiles y no han terminado.",
            "es",
        ),
        (
            "Delegacje powiedziały, że rozmowy w Genewie nie są łatwe, ale będą kontynuowane, to ważne.",
            "pl",
        ),
        ("Делегации заявили, что переговоры в Женеве были полезными и что они будут продолжены.", "ru"),
        ("Делегації заявили, що переговори в Женеві були корисними і що вони будуть продовжені.", "uk"),
        ("Geneva 2022", "und"),
        ("", "und"),
        ("12345 67890", "und"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected
    assert detect_language(text, tokens(text)) == expected  # the ingest path reuses dedupe's tokens
