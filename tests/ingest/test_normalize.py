from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from accord.ingest.normalize import normalize_text, split_headline, word_count

SEEDS = Path(__file__).resolve().parents[2] / "eval" / "seeds"

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _no_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem[:3])
def test_seed_keeps_every_character_but_spacing(path: Path) -> None:
    original = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    cleaned = normalize_text(original)
    # Only whitespace may change: every word, every punctuation mark stays, in order.
    assert _no_space(cleaned) == _no_space(original)
    assert len(cleaned.splitlines()) == len([line for line in original.splitlines() if line.strip()])


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem[:3])
def test_seed_has_no_quote_glued_to_a_word(path: Path) -> None:
    cleaned = normalize_text(path.read_text(encoding="utf-8"))
    for line in cleaned.splitlines():
        # A straight quote with letters on both sides is the artifact; none may remain.
        assert not re.search(r"[A-Za-z]\"[A-Za-z]", line), line
        assert not re.search(r"[.:]\"[A-Z]", line), line


def test_glued_quotes_are_spaced_on_the_outer_side() -> None:
    text = 'She warned that"nothing is agreed" and left. He called it a"good start."Then he went on.'
    assert normalize_text(text) == (
        'She warned that "nothing is agreed" and left. He called it a "good start." Then he went on.'
    )


def test_nested_glued_quote_inside_a_quotation() -> None:
    text = '"They will never"accept" the plan," the minister said.'
    assert normalize_text(text) == '"They will never "accept" the plan," the minister said.'


def test_glued_quote_after_colon_opens_a_quotation() -> None:
    assert normalize_text('They kept repeating:"no deal without us," he said.') == (
        'They kept repeating: "no deal without us," he said.'
    )


def test_curly_quotes_glued_to_words() -> None:
    assert normalize_text("the envoy said“we are close”today") == "the envoy said “we are close” today"


def test_well_formed_quotes_untouched() -> None:
    text = 'He said "yes" to the plan, and "no" to the timing.'
    assert normalize_text(text) == text


def test_glued_sentence_split_but_abbreviations_and_urls_kept() -> None:
    glued = "The talks ended.Next week they resume."
    assert normalize_text(glued) == "The talks ended. Next week they resume."
    kept = "The U.S. envoy met officials in Washington D.C. on Monday; see example.org/News.Today"
    assert normalize_text(kept) == kept


def test_drop_cap_rejoined_only_at_paragraph_start() -> None:
    assert normalize_text("Intro line.\nT rump spoke first.") == "Intro line.\nTrump spoke first."
    assert normalize_text("A plan was tabled.") == "A plan was tabled."
    assert normalize_text("Plan B was tabled, with a T shaped table.") == (
        "Plan B was tabled, with a T shaped table."
    )


def test_mojibake_and_nfc_fixed() -> None:
    mangled = "Zelenskyâ€™s envoy"  # UTF-8 read as Windows-1252
    assert normalize_text(mangled) == "Zelensky’s envoy"
    decomposed = "Erdog\u0306an"
    assert normalize_text(decomposed) == unicodedata.normalize("NFC", decomposed)


def test_spaces_and_blank_lines_collapsed() -> None:
    assert normalize_text("  one\u00a0 two  \r\n\r\n\r\n\r\nthree\t ") == "one two\n\nthree"


def test_normalize_is_idempotent_on_seeds() -> None:
    for path in SEED_FILES:
        once = normalize_text(path.read_text(encoding="utf-8"))
        assert normalize_text(once) == once


def test_headline_detection() -> None:
    assert split_headline("Talks resume in Geneva\nThe delegations met.")[0] == "Talks resume in Geneva"
    assert split_headline("The delegations met on Monday.\nMore text.")[0] is None
    assert split_headline("# Talks resume\nBody.")[0] == "Talks resume"
    assert split_headline("Only one line")[0] is None


def test_word_count() -> None:
    assert word_count("Russia’s envoy, a well-known diplomat, met 3 officials.") == 8
