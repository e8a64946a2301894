from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from accord.extract import actor_registry
from accord.extract.components import common
from accord.extract.folding import fold, fold_name


def test_one_fold_for_the_components_and_one_name_fold_built_on_it() -> None:
    assert common.fold is fold  # the components' fold is this one, not a copy
    assert not hasattr(actor_registry, "fold")  # the registry keys names by fold_name
    # fold keeps punctuation and spacing, which the components look at; fold_name folds them away.
    assert fold("U.S.-led  Talks") == "u.s.-led  talks"
    assert fold_name("U.S.-led  Talks") == "us led talks"
    assert fold("Łukašenka’s") == "łukasenka’s" and fold_name("Łukašenka’s") == "lukasenka's"
    assert fold_name("Straße") == "strasse"
    assert fold_name("ǣ") == fold_name(fold("ǣ")) == "ae"  # a special letter under a diacritic


@given(st.text(max_size=30))
def test_fold_name_of_the_fold_is_the_fold_name(text: str) -> None:
    assert fold_name(fold(text)) == fold_name(text)
