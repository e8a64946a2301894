from __future__ import annotations

import pytest
from spacy.language import Language

from accord.extract.components.datelines import find_dateline


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("VIENNA (Reuters) - Olaf Scholz said", "Vienna"),
        ("Oslo, May 3 (Xinhua) -- The minister said", "Oslo"),
        ("LISBON, June 2. /TASS/. The talks", "Lisbon"),
        ("Davos, Switzerland:\nLeaders met", "Davos"),
        ("MINSK, Belarus (Reuters) -- Poroshenko said", "Minsk"),
        ("Moscow, 5 January 2023 (dpa/MIA) – Putin has ordered ...", "Moscow"),
        ("KYIV, Nov. 24, 2022 (AP) — Ukraine said ...", "Kyiv"),
        ("BERLIN, August 18, /ITAR-TASS/. The minister ...", "Berlin"),  # a comma before the agency
        ("Trump (left) met Putin", None),
        ("Putin (in brief) said ...", None),
        ("Russia: the war goes on", None),
        ("Question: What did you say?", None),
        ("Kyiv, Ukraine and Moscow disagree", None),
        # AP's datelines with the agency cut by the copy: a city in capitals and a dash
        ("MOSCOW — The Kremlin dismissed the idea", "Moscow"),
        ("WILMINGTON, Del. -- Presidents Joe Biden and Vladimir Putin spoke", "Wilmington"),
        ("MINSK, Belarus – Peace talks ended", "Minsk"),
        ("VATICAN CITY — Italian Cardinal Matteo Zuppi", "Vatican City"),
        ("BBC – Ukrainian President Petro Poroshenko", None),  # an outlet, not a place
        ("NATO — The alliance said", None),
        ("ISTANBUL, Türkiye — Russia and Ukraine", "Istanbul"),
        ("GOMEL REGION, Belarus, 28 February 2022 — Delegations from Ukraine", "Gomel Region"),
        ("MINSK, Belarus, Feb. 12, 2015 — Leaders", "Minsk"),
        # wire credits as copies write them
        ("MOSCOW (dpa-AFX) - At the G7 summit", "Moscow"),
        ("MOSCOW, November 21. / TASS /. The publication", "Moscow"),
        ("BERLIN (UrduPoint News / Sputnik - 12th September, 2020) The", "Berlin"),
        ("Kyiv (Ukrainska Pravda, 12 May) reported", None),  # a long credit only after a city in capitals
        # a capital city in ordinary case, as Indian and Baltic outlets write it; not another place
        ("London: British Prime Minister Rishi Sunak", "London"),
        ("Vilnius – Ukraine’s president said", "Vilnius"),
        ("Donbas — fighting goes on", None),
        ("Ukraine: '496 miners trapped'", None),
        # under a page's headline and byline, the first lines of a page as users ingest it
        (
            "Ukraine offers neutral status at Istanbul talks\nISTANBUL, 29 March 2022 — Russian negotiators",
            "Istanbul",
        ),
        (
            "Talks end without a truce\n\nBy Sample Review staff\n\nBREST REGION, Belarus, 7 March 2022 — A",
            "Brest Region",
        ),
        ("Lavrov interview to Bloomberg TV, Moscow, 14 May 2014\n\nCHILCOTE: Mr Lavrov, thank you.", None),
        ("Putin said on Friday that the war would go on.\nMOSCOW — The Kremlin said", None),
    ],
)
def test_the_place_of_a_dateline(opening: str, place: str | None) -> None:
    dateline = find_dateline(opening)
    assert (dateline.place if dateline else None) == place


def test_the_story_begins_after_the_dateline() -> None:
    text = "MINSK, Belarus (Reuters) -- Poroshenko said a road map would be prepared."
    dateline = find_dateline(text)
    assert dateline is not None and text[dateline.end :].startswith("Poroshenko said")
    headed = "Poroshenko and Putin meet in Minsk\nMINSK, Belarus (Reuters) -- Poroshenko said it was ready."
    dateline = find_dateline(headed)
    assert dateline is not None and headed[dateline.end :].startswith("Poroshenko said")


def test_a_dateline_is_a_sentence_of_its_own(nlp: Language) -> None:
    # Glued to the story's first sentence, the parser made "MINSK" the subject of "said"
    doc = nlp(
        "MINSK, Belarus (Reuters) -- Ukrainian President Petro Poroshenko said a road map would be prepared."
    )
    assert [s.text for s in doc.sents][1].startswith("Ukrainian President Petro Poroshenko said")


def test_an_agencyless_dateline_leaves_the_lede_its_own_subject(nlp: Language) -> None:
    # Glued on, "WILMINGTON" was the subject of "spoke" and the two presidents an apposition of it
    doc = nlp(
        "WILMINGTON, Del. -- Presidents Joe Biden and Vladimir Putin spoke frankly for nearly an hour on "
        "Thursday. The call, which took place at Putin's request, lasted 50 minutes."
    )
    assert not any("WILMINGTON" in s.text and "spoke" in s.text for s in doc.sents)
    calls = [set(e["participants"]) for e in doc._.accord_events if e["type"] == "phone_call"]
    assert {"Joe Biden", "Vladimir Putin"} in calls
