"""Inflected forms of the lexicons' verbs, so cue matching works on token text without a lemmatizer
(the pipeline leaves the tagger and lemmatizer out for speed)."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from accord.extract.components.common import load_lexicon


@functools.cache
def irregular() -> dict[str, tuple[str, ...]]:
    """Irregular forms of the lexicons' verbs (lexicons/wordforms.yaml), read on first use."""
    return {verb: tuple(found) for verb, found in load_lexicon("wordforms")["irregular"].items()}


def forms(verb: str) -> set[str]:
    """``verb`` in its base, third-person, past and -ing forms (regular rules plus a few irregulars)."""
    out = {verb}
    out.update(irregular().get(verb, ()))
    if verb.endswith("e"):
        out.update({verb + "s", verb + "d", verb[:-1] + "ing"})
    elif verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        out.update({verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"})
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        out.update({verb + "es", verb + "ed", verb + "ing"})
    else:
        out.update({verb + "s", verb + "ed", verb + "ing"})
        if len(verb) >= 3 and verb[-1] in "bdgmnprt" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
            out.update({verb + verb[-1] + "ed", verb + verb[-1] + "ing"})
    return out


def all_forms(verbs: Iterable[str]) -> dict[str, str]:
    """Every form -> its base verb."""
    table: dict[str, str] = {}
    for verb in verbs:
        for form in forms(verb):
            table.setdefault(form, verb)
    return table
