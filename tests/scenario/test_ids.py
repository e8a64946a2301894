from __future__ import annotations

from accord.scenario import builder
from accord.scenario.ids import slug
from accord.scenario.importers import _common


def test_the_builder_and_the_importers_make_ids_by_one_rule() -> None:
    assert _common.slug is slug and builder.slug is slug
    assert slug("  United States ") == "united_states"
    assert slug("E.U. (27)") == "e_u_27"
    # Case-folded, not lower-cased: the importers dropped "ß" where the builder spelled it out.
    assert slug("Straße") == "strasse"
    assert _common.unique_ids(["Straße", "STRASSE"]) == ["strasse", "strasse_2"]
    assert slug("—") == "x" and slug("—", empty="actor") == "actor"
