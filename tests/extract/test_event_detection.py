from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language


def events(nlp: Language, text: str, published: dt.date | None = None) -> list[dict[str, Any]]:
    doc = nlp.make_doc(text)
    doc._.accord_published = published.isoformat() if published else None
    return list(nlp(doc)._.accord_events)


def test_meeting_with_participants_place_and_schedule(nlp: Language) -> None:
    text = "Emmanuel Macron will meet Olaf Scholz in Berlin on Friday."
    (event,) = events(nlp, text, dt.date(2024, 5, 8))
    assert event["type"] == "meeting"
    assert {"Emmanuel Macron", "Olaf Scholz"} <= set(event["participants"])
    assert event["place"] == "Berlin"
    assert event["modality"] == "scheduled"
    assert (event["date"], event["date_precision"]) == ("2024-05-10", "relative")
    assert text[event["start"] : event["end"]] == event["trigger"]


def test_most_specific_place_wins(nlp: Language) -> None:
    text = "Sergei Lavrov and Dmytro Kuleba held talks in the Turkish city of Antalya on March 10, 2022."
    found = [e for e in events(nlp, text) if e["type"] == "negotiation_round"]
    assert found and found[0]["place"] == "Antalya"
    assert found[0]["date"] == "2022-03-10"


def test_a_capital_standing_for_its_country_is_still_a_city_to_place_an_event(nlp: Language) -> None:
    # The linker reads "Berlin" as Germany; as a place it is the city, not a country a later city outranks.
    found = events(nlp, "After his meeting with Zelensky in Berlin, Scholz gave a speech in Hamburg.")
    assert [e["place"] for e in found if e["type"] == "meeting"] == ["Berlin"]
    found = events(nlp, "During the meeting with Erdogan in Ankara, Putin stayed in Istanbul.")
    assert [e["place"] for e in found if e["type"] == "meeting"] == ["Ankara"]
    found = events(nlp, "After his meeting with Scholz in Kiev, Zelensky gave a speech in Lviv.")
    assert [e["place"] for e in found if e["type"] == "meeting"] == ["Kiev"]  # the capital's other spelling


def test_a_place_whose_name_begins_with_the_keeps_it(nlp: Language) -> None:
    found = events(nlp, "Trump met Zelensky in The Hague on Wednesday.")
    assert [e["place"] for e in found] == ["The Hague"]


def test_attack_target_is_the_place_not_a_participant(nlp: Language) -> None:
    (event,) = events(nlp, "The Russian invasion of Ukraine began in February 2022.")
    assert event["type"] == "attack"
    assert event["participants"] == ["Russia"]
    assert event["place"] == "Ukraine"


def test_statement_belongs_to_its_speaker(nlp: Language) -> None:
    text = "Antony Blinken said in a statement that the shipment had left."
    (event,) = [e for e in events(nlp, text) if e["type"] == "statement"]
    assert event["participants"] == ["Antony Blinken"]


def test_negated_and_hypothetical_modality(nlp: Language) -> None:
    negated = events(nlp, "Turkey has not sanctioned Russia.")
    assert [e["modality"] for e in negated if e["type"] == "sanction"] == ["negated"]
    hypothetical = events(nlp, "Donald Trump could meet Vladimir Putin in Riyadh.")
    assert [e["modality"] for e in hypothetical if e["type"] == "meeting"] == ["hypothetical"]


def test_phone_call_needs_a_call_not_a_call_for(nlp: Language) -> None:
    assert events(nlp, "Olaf Scholz renewed his call for restraint.") == []
    calls = events(nlp, "Donald Trump held a phone call with Volodymyr Zelensky on Wednesday.")
    assert [e["type"] for e in calls] == ["phone_call"]


def test_later_mention_of_the_talks_adds_the_place(nlp: Language) -> None:
    text = (
        "Delegations of Russia and Ukraine are expected to meet on Monday. "
        "The talks will take place in Istanbul."
    )
    rounds = [e for e in events(nlp, text) if e["place"] == "Istanbul"]
    assert rounds and {"Russia", "Ukraine"} <= set(rounds[0]["participants"])


def test_event_participants_become_acting_actors(nlp: Language) -> None:
    doc = nlp("The delegations met in Geneva, where Ukraine and Russia held talks.")
    acting = {m["name"] for m in doc._.accord_mentions if m["acts"]}
    assert {"Ukraine", "Russia"} <= acting


def test_launching_drones_is_an_attack_with_its_target_as_place(nlp: Language) -> None:
    found = events(nlp, "Russia launched 90 drones at Ukraine overnight.")
    assert [(e["type"], e["participants"], e["place"]) for e in found] == [("attack", ["Russia"], "Ukraine")]


def test_nationality_words_name_the_parties(nlp: Language) -> None:
    found = events(nlp, "American and Ukrainian officials signed an agreement on minerals in Washington.")
    (deal,) = [e for e in found if e["type"] == "agreement"]
    assert set(deal["participants"]) == {"United States", "Ukraine"}
    assert deal["place"] == "Washington"


def test_place_named_by_a_where_clause_and_a_peninsula_of(nlp: Language) -> None:
    text = (
        "Delegations of Russia and Ukraine met on Monday. "
        "The negotiators later flew to Geneva, where the talks continued behind closed doors."
    )
    assert any(e["place"] == "Geneva" for e in events(nlp, text))
    seized = events(nlp, "In 2014 Russia annexed the peninsula of Crimea.")
    assert [(e["type"], e["place"], e["date"]) for e in seized] == [("attack", "Crimea", "2014")]


def test_participant_list_continued_by_a_second_with(nlp: Language) -> None:
    text = (
        "Vladimir Putin held talks this week with Xi Jinping of China, Narendra Modi of India, "
        "as well as with the leaders of Kazakhstan and Belarus."
    )
    (event,) = events(nlp, text)
    assert {"Vladimir Putin", "Xi Jinping", "Narendra Modi", "Kazakhstan", "Belarus"} <= set(
        event["participants"]
    )


def test_talks_placed_more_precisely_later_are_one_event(nlp: Language) -> None:
    text = (
        "Delegations of Russia and Ukraine are expected to meet in Turkey next week. "
        "The talks will take place in the Turkish city of Istanbul."
    )
    found = [e for e in events(nlp, text) if e["type"] in {"meeting", "negotiation_round"}]
    assert [(e["place"], set(e["participants"])) for e in found] == [("Istanbul", {"Russia", "Ukraine"})]


def test_aid_pledged_names_giver_and_recipient(nlp: Language) -> None:
    (event,) = events(nlp, "Washington has pledged $500 million in new military aid to Kyiv.")
    assert (event["type"], set(event["participants"])) == ("aid", {"United States", "Ukraine"})


def test_verbs_that_comment_on_an_event_do_not_make_participants(nlp: Language) -> None:
    found = events(nlp, "Donald Trump criticised the attack in a social media post.")
    assert not any(e["type"] == "attack" and "Donald Trump" in e["participants"] for e in found)


def test_calling_someone_names_is_not_a_phone_call(nlp: Language) -> None:
    found = events(nlp, "Donald Trump called Volodymyr Zelensky a dictator on Wednesday.")
    assert not any(e["type"] == "phone_call" for e in found)
    # the parser hangs the name as the verb's predicate (oprd): still a name, no call (both were calls)
    for text in (
        "Joe Biden called Vladimir Putin a war criminal.",
        'Donald Trump called Putin "absolutely CRAZY".',
    ):
        assert not any(e["type"] == "phone_call" for e in events(nlp, text)), text
    calls = events(nlp, "Emmanuel Macron called Vladimir Putin on Friday.")
    assert [e["type"] for e in calls] == ["phone_call"]


def test_what_should_happen_and_what_is_ruled_out_did_not_happen(nlp: Language) -> None:
    should = events(nlp, "Rustem Umerov said the next step should be a meeting of Zelensky and Putin.")
    assert [e["modality"] for e in should if e["type"] == "meeting"] == ["hypothetical"]
    ruled = events(nlp, "Italy has ruled out sending troops to Ukraine.")
    assert all(e["modality"] == "negated" for e in ruled)


def test_place_hung_on_the_last_person_met_is_the_meetings(nlp: Language) -> None:
    (event,) = events(nlp, "Emmanuel Macron met Olaf Scholz, Joe Biden and Rishi Sunak in Rome.")
    assert event["place"] == "Rome"


def test_a_building_where_leaders_meet_is_a_place(nlp: Language) -> None:
    (event,) = events(nlp, "Joe Biden met Xi Jinping for three hours in the Kremlin.")
    assert event["place"] == "Kremlin"


def test_a_capital_named_by_its_country_adjective_is_a_place_not_a_party(nlp: Language) -> None:
    (event,) = events(nlp, "Russia and Ukraine held talks in the Belarusian capital, Minsk.")
    assert event["place"] == "Minsk"
    assert set(event["participants"]) == {"Russia", "Ukraine"}


def test_officials_scheduled_to_hold_talks_are_their_parties(nlp: Language) -> None:
    text = "Ukrainian and German officials are scheduled to hold a second day of talks in Vienna on Monday."
    (event,) = events(nlp, text)
    assert (event["type"], set(event["participants"]), event["place"]) == (
        "negotiation_round",
        {"Ukraine", "Germany"},
        "Vienna",
    )


def test_dateline_places_a_press_conference_not_a_post(nlp: Language) -> None:
    text = (
        "VIENNA (Reuters) - Olaf Scholz said at a press conference on Monday that the plan was sound. "
        "Emmanuel Macron wrote in a post on X that he agreed."
    )
    found = {e["participants"][0]: e["place"] for e in events(nlp, text) if e["type"] == "statement"}
    assert found == {"Olaf Scholz": "Vienna", "Emmanuel Macron": None}


def test_dateline_places_the_ledes_meeting_of_people_not_talks_of_countries(nlp: Language) -> None:
    text = (
        "WASHINGTON (Reuters) - Volodymyr Zelensky addressed Congress after meeting with Joe Biden on "
        "Wednesday. Russia and Ukraine held talks on prisoners, officials said. The lawmakers applauded. "
        "Olaf Scholz met with Emmanuel Macron on Thursday."
    )
    found = {frozenset(e["participants"]): e["place"] for e in events(nlp, text) if e["type"] != "statement"}
    assert found == {
        frozenset({"Volodymyr Zelensky", "Joe Biden"}): "Washington",
        frozenset({"Russia", "Ukraine"}): None,
        frozenset({"Olaf Scholz", "Emmanuel Macron"}): None,  # past the lede: the story has moved on
    }


def test_dateline_under_a_headline_places_the_talks_the_lede_tells_as_its_news(nlp: Language) -> None:
    told = (
        "Ukraine offers neutral status at talks\n"
        "ISTANBUL, 29 March 2022 — Russian and Ukrainian negotiators met face to face on Tuesday."
    )
    (round_,) = events(nlp, told, dt.date(2022, 3, 29))
    assert (round_["type"], round_["place"]) == ("negotiation_round", "Istanbul")
    # a page without a publication date: the dateline's day dates the story and its "Monday"
    undated = (
        "Talks end without a truce\n\nBy Sample Review staff\n\n"
        "BREST REGION, Belarus, 7 March 2022 — A third round of talks "
        "between Russian and Ukrainian delegations ended on Monday without a ceasefire."
    )
    (round_,) = events(nlp, undated)
    assert (round_["date"], round_["place"]) == ("2022-03-07", "Brest Region")
    # talks the lede names on the way are reported from afar
    named = "BEIJING (Reuters) - Wang Yi said China welcomed the talks between Russia and Ukraine."
    assert [e["place"] for e in events(nlp, named) if e["type"] == "negotiation_round"] == [None]


def test_dateline_places_the_deal_its_lede_tells_as_its_news(nlp: Language) -> None:
    text = (
        "ISTANBUL, 22 July 2022 — Russia and Ukraine signed an agreement on Friday to resume grain exports "
        "from Ukraine's Black Sea ports, in a ceremony hosted by Recep Tayyip Erdogan."
    )
    (deal,) = [e for e in events(nlp, text, dt.date(2022, 7, 22)) if e["type"] == "agreement"]
    assert (set(deal["participants"]), deal["place"]) == ({"Russia", "Ukraine"}, "Istanbul")


def test_a_deal_reached_at_talks_takes_the_talks_place(nlp: Language) -> None:
    text = (
        "Delegations of Russia and Ukraine held talks in Geneva on Monday. "
        "Russia and Ukraine signed a memorandum on grain exports."
    )
    (deal,) = [e for e in events(nlp, text) if e["type"] == "agreement"]
    assert deal["place"] == "Geneva"


def test_talks_told_twice_are_one_event_with_both_sentences(nlp: Language) -> None:
    text = (
        "Vladimir Putin held talks with Recep Tayyip Erdogan on Monday. "
        "The talks between Putin and Erdogan took place in the Russian resort of Sochi."
    )
    found = [e for e in events(nlp, text) if e["type"] in {"meeting", "negotiation_round"}]
    assert len(found) == 1
    assert found[0]["place"] == "Sochi"
    assert len(found[0]["sources"]) == 2


def test_leaders_talks_are_a_meeting_officials_talks_a_round(nlp: Language) -> None:
    leaders = events(nlp, "Vladimir Putin held talks with Recep Tayyip Erdogan in Sochi.")
    assert [e["type"] for e in leaders] == ["meeting"]
    officials = events(nlp, "American and Ukrainian officials held a meeting in Jeddah.")
    assert [e["type"] for e in officials] == ["negotiation_round"]


def test_the_invasion_as_background_is_no_attack(nlp: Language) -> None:
    found = events(nlp, "Since the Russian invasion, grain prices have risen sharply.")
    assert not [e for e in found if e["type"] == "attack"]


def test_an_undated_offensive_or_seizure_is_background_too(nlp: Language) -> None:
    offensive = (
        "Naftali Bennett was the first Western leader to meet Vladimir Putin since Moscow's offensive began."
    )
    assert not [e for e in events(nlp, offensive) if e["type"] == "attack"]  # was an attack by Russia
    seized = "Zelensky will not give up the land Russia has seized."
    assert not [e for e in events(nlp, seized) if e["type"] == "attack"]
    dated = events(nlp, "Russian forces seized Debaltseve on February 18, 2015.")
    assert [(e["type"], e["place"]) for e in dated] == [("attack", "Debaltseve")]


def test_annexed_place_of_a_relative_clause_and_the_victim_is_no_party(nlp: Language) -> None:
    annexed = events(nlp, "Nobody recognises Crimea, which Russia annexed in 2014.")
    assert [(e["participants"], e["place"]) for e in annexed] == [(["Russia"], "Crimea")]
    seized = events(nlp, "In May 2014 Russia seized the airport from Ukraine.")
    assert [e["participants"] for e in seized if e["type"] == "attack"] == [["Russia"]]


def _kinds(found: list[dict[str, Any]], modality: str = "happened") -> list[tuple[str, list[str]]]:
    return [(e["type"], sorted(e["participants"])) for e in found if e["modality"] == modality]


def test_agreeing_on_a_substantive_item_is_an_agreement(nlp: Language) -> None:
    found = events(nlp, "Poland and Lithuania agreed on a ceasefire along the river.")
    assert ("agreement", ["Lithuania", "Poland"]) in _kinds(found)
    found = events(nlp, "Vladimir Putin and Volodymyr Zelensky agreed to implement a full truce by spring.")
    assert ("agreement", ["Vladimir Putin", "Volodymyr Zelensky"]) in _kinds(found)


def test_agreeing_to_keep_talking_or_failing_to_agree_is_no_agreement(nlp: Language) -> None:
    found = events(nlp, "Poland and Lithuania agreed to keep talking next month.")
    assert not [e for e in found if e["type"] == "agreement"]
    found = events(nlp, "Poland and Lithuania failed to agree on a truce.")
    assert not _kinds([e for e in found if e["type"] == "agreement"])


def test_a_deal_brokered_by_a_mediator_names_it_and_its_place(nlp: Language) -> None:
    text = "The release was part of a 2016 peace deal brokered by France and Germany in Minsk."
    (deal,) = [e for e in events(nlp, text) if e["type"] == "agreement"]
    assert {"France", "Germany"} <= set(deal["participants"])
    assert deal["place"] == "Minsk"


def test_an_understanding_reached_and_memoranda_exchanged_are_agreements(nlp: Language) -> None:
    found = events(nlp, "Poland and Lithuania reached an understanding on fishing quotas.")
    assert ("agreement", ["Lithuania", "Poland"]) in _kinds(found)
    found = events(nlp, "Poland and Lithuania exchanged memoranda in Warsaw.")
    assert [e["place"] for e in found if e["type"] == "agreement"] == ["Warsaw"]


def test_speaking_by_phone_is_a_phone_call(nlp: Language) -> None:
    found = events(nlp, "Emmanuel Macron and Olaf Scholz spoke by phone about the summit.")
    assert ("phone_call", ["Emmanuel Macron", "Olaf Scholz"]) in _kinds(found)
    found = events(nlp, "Emmanuel Macron spoke with Olaf Scholz by telephone.")
    assert ("phone_call", ["Emmanuel Macron", "Olaf Scholz"]) in _kinds(found)


def test_two_people_speaking_in_a_story_that_names_a_call_had_a_call(nlp: Language) -> None:
    text = (
        "Presidents Joe Biden and Vladimir Putin spoke frankly for nearly an hour on Thursday. Biden warned "
        "of sanctions. The call, which took place at Putin's request, lasted 50 minutes."
    )
    calls = [set(e["participants"]) for e in events(nlp, text) if e["type"] == "phone_call"]
    assert {"Joe Biden", "Vladimir Putin"} in calls  # was nothing: no medium in the sentence
    # not where they speak in a place, nor where the story names no call, nor an outlet's interview
    met = "Emmanuel Macron spoke with Olaf Scholz in Paris on Monday. A call with Biden followed."
    assert not any(
        e["type"] == "phone_call" and set(e["participants"]) == {"Emmanuel Macron", "Olaf Scholz"}
        for e in events(nlp, met)
    )
    talked = "Emmanuel Macron spoke with Olaf Scholz on Monday about the war."
    assert not [e for e in events(nlp, talked) if e["type"] == "phone_call"]
    interview = (
        "Yahoo News Germany spoke with foreign minister Pavlo Klimkin. He later took a call from Kerry."
    )
    assert not any(
        "Pavlo Klimkin" in e["participants"] and "Germany" in e["participants"]
        for e in events(nlp, interview)
    )


def test_a_place_in_what_a_statement_says_is_not_where_it_was_made(nlp: Language) -> None:
    text = (
        "In a joint communique, Emmanuel Macron, Volodymyr Zelensky and Vladimir Putin backed a full "
        "ceasefire in eastern Ukraine."
    )
    assert [e["place"] for e in events(nlp, text) if e["type"] == "statement"] == [None]  # was Ukraine
    made = "Volodymyr Zelensky issued a statement in Kyiv backing a ceasefire."
    assert [e["place"] for e in events(nlp, made) if e["type"] == "statement"] == ["Kyiv"]


def test_addressing_a_news_conference_is_one_statement_with_its_speaker(nlp: Language) -> None:
    text = "Addressing a joint news conference with Zelensky in Rome, Biden said the G7 would act."
    found = [(e["type"], set(e["participants"])) for e in events(nlp, text)]
    assert found == [("statement", {"Volodymyr Zelensky", "Joe Biden"})]
    text = "While addressing the G20 summit via video link, Zelensky put forward a peace plan."
    assert [e["participants"] for e in events(nlp, text) if e["type"] == "statement"] == [
        ["Volodymyr Zelensky"]
    ]


def test_talks_that_failed_to_yield_progress_took_place(nlp: Language) -> None:
    text = "The talks between Kuleba and Lavrov in Antalya failed to yield any progress, Kuleba said."
    assert [e["modality"] for e in events(nlp, text) if e["type"] == "negotiation_round"] == ["happened"]
    found = events(nlp, "Putin failed to meet Zelensky in Istanbul.")
    assert [e["modality"] for e in found] == ["negated"]


def test_a_journey_told_around_a_meeting_places_it(nlp: Language) -> None:
    def places(text: str) -> list[str | None]:
        found = events(nlp, text)
        return [
            e["place"] for e in found if e["type"] in {"meeting", "negotiation_round"} and e["participants"]
        ]

    assert places("Scholz met Zelensky during a visit to Kyiv.") == ["Kyiv"]
    assert places("Macron met Erdogan on a trip to Ankara.") == ["Ankara"]
    assert places("Lavrov met Wang Yi after he landed in Beijing on Monday.") == ["Beijing"]
    # its own place first
    assert places("Scholz met Zelensky in Berlin during a visit to Germany.") == ["Berlin"]
    # where the journey goes next is no place of the meeting
    assert places("Erdogan held talks with Zelensky before flying to Moscow.") == [None]
    # a capital in either spelling is a city, which a later city does not outrank
    assert places("Erdogan visited Kiev and held talks with Zelensky before flying to Moscow.") == ["Kiev"]
    text = (
        "Bennett returned Sunday from a trip to Russia where he met Putin and discussed the war in Ukraine."
    )
    assert places(text) == ["Russia"]


def test_a_place_in_another_verbs_phrase_is_not_the_meetings(nlp: Language) -> None:
    found = events(nlp, "Bennett met Putin on Monday and discussed the war in Ukraine.")
    assert [e["place"] for e in found if e["type"] == "meeting"] == [None]
    # but a participle the parser took for a second verb still places the deal
    found = events(
        nlp, "Lavrov has announced an international deal on the conflict, agreed at talks in Geneva."
    )
    assert [e["place"] for e in found if e["type"] == "agreement"] == ["Geneva"]


def test_a_lone_unknown_name_visited_is_a_place_not_a_party(nlp: Language) -> None:
    # the tagger reads "Sochi" as a person here
    text = "This agreement was reached during the visit of US Secretary of State John Kerry to Sochi earlier."
    assert not [e for e in events(nlp, text) if "Sochi" in e["participants"]]


def test_a_meeting_that_fell_through_and_meeting_halfway_are_no_meetings(nlp: Language) -> None:
    found = events(nlp, "A planned meeting between Zelensky and Witkoff this week fell through.")
    assert [e["modality"] for e in found] == ["negated"]
    assert events(nlp, "Moscow and Ankara have agreed to meet halfway on trade.") == []
    assert [e["type"] for e in events(nlp, "Russia and Turkey met their obligations, Erdogan said.")] == []


def test_the_leaders_at_a_summit_are_its_parties(nlp: Language) -> None:
    text = "At the G7 summit in Italy, the leaders signed a plan to unlock $50 billion for Ukraine."
    found = [
        (e["type"], e["participants"], e["place"]) for e in events(nlp, text) if e["type"] == "agreement"
    ]
    assert found == [("agreement", ["G7"], "Italy")]
    # with no gathering before them in their sentence, "the two leaders" are the pair told before
    text = "Trump and Zelensky talked by phone on Monday. The two leaders met in the Cabinet Room."
    found = [e["participants"] for e in events(nlp, text) if e["type"] == "meeting"]
    assert found == [["Donald Trump", "Volodymyr Zelensky"]]


def test_the_war_started_as_background_is_no_attack_event(nlp: Language) -> None:
    # guide: an attack is dated or a specific strike; "since Russia attacked Ukraine" is the war's start
    found = events(nlp, "Austin and Shoigu spoke for the first time since Russia attacked Ukraine.")
    assert [e for e in found if e["type"] == "attack"] == []
    found = events(nlp, "The Kremlin defended its repeated attacks on Ukrainian infrastructure.")
    assert [(e["type"], e["place"]) for e in found] == [("attack", "Ukraine")]  # strikes, not the war
    found = events(nlp, "Russia invaded Ukraine in February 2022.")
    assert [(e["type"], e["date"]) for e in found] == [("attack", "2022-02")]  # dated


def test_phone_talks_are_a_phone_call(nlp: Language) -> None:
    found = events(nlp, "Putin and Merkel held telephone talks on Monday.")
    assert [(e["type"], set(e["participants"])) for e in found] == [
        ("phone_call", {"Vladimir Putin", "Angela Merkel"})
    ]
    found = events(nlp, "Erdogan held talks by phone with Zelensky on Tuesday.")
    assert [e["type"] for e in found] == ["phone_call"]


def test_aid_resumed_beside_another_object_and_aid_agreed_to_be_given(nlp: Language) -> None:
    found = events(nlp, "Germany resumed intelligence sharing and military aid to Moldova.")
    assert [e["type"] for e in found if e["modality"] == "happened"] == ["aid"]
    found = events(nlp, "The German government agreed to provide tanks to Moldova.")
    assert [e["modality"] for e in found if e["type"] == "aid"] == ["happened"]


def test_speaking_to_a_legislature_is_a_statement_placed_there(nlp: Language) -> None:
    (event,) = events(nlp, "Olaf Scholz told the Bundestag that the budget was ready.")
    assert (event["type"], event["participants"], event["place"]) == (
        "statement",
        ["Olaf Scholz"],
        "Bundestag",
    )
    (event,) = events(nlp, "Emmanuel Macron addressed the nation after the vote.")
    assert (event["type"], event["place"]) == ("statement", None)
    assert not events(nlp, "Emmanuel Macron told reporters that the vote was fair.")


def test_a_statement_is_its_named_speakers_not_the_speakers_countrys(nlp: Language) -> None:
    (event,) = events(
        nlp, "France's foreign minister Jean-Noel Barrot said in a statement that talks were over."
    )
    assert event["participants"] == ["Jean-Noel Barrot"]
    (event,) = events(nlp, "Poland and Lithuania said in a joint statement that the border would stay open.")
    assert set(event["participants"]) == {"Poland", "Lithuania"}


def test_hedged_and_denied_events_are_not_reported_as_happened(nlp: Language) -> None:
    found = events(nlp, "Olaf Scholz said a meeting with Emmanuel Macron was warranted.")
    assert not _kinds(found)
    found = events(nlp, "Belarus denied providing soldiers to the rebels.")
    assert not _kinds(found)
    found = events(nlp, "Belarus denies allegations that it is sending weapons to the rebels.")
    assert not _kinds(found)


def test_first_summit_since_an_earlier_one_is_no_new_summit(nlp: Language) -> None:
    text = (
        "It is the first French-German summit since Macron's meeting with Olaf Scholz in Paris in July 2022."
    )
    found = events(nlp, text)
    assert not [e for e in found if e["trigger"] == "summit"]


def test_whom_an_envoy_serves_is_not_a_party(nlp: Language) -> None:
    text = "Emmanuel Macron's special envoy Jean-Yves Le Drian and an aide were meeting with Olaf Scholz."
    (event,) = [e for e in events(nlp, text) if e["type"] == "meeting"]
    assert "Emmanuel Macron" not in event["participants"]
    assert {"Jean-Yves Le Drian", "Olaf Scholz"} <= set(event["participants"])
    found = events(nlp, "Emmanuel Macron's son-in-law met Olaf Scholz in Berlin.")
    assert not [e for e in found if "Emmanuel Macron" in e["participants"]]


def test_an_unnamed_representatives_nationality_names_no_speaker(nlp: Language) -> None:
    found = events(nlp, '"We need more time," the Polish representative tweeted.')
    assert not [e for e in found if e["type"] == "statement"]


def test_an_agreement_only_attempted_is_hypothetical(nlp: Language) -> None:
    text = "The leaders of France and Germany will attempt to reach a trade agreement within two days."
    assert [e["modality"] for e in events(nlp, text) if e["type"] == "agreement"] == ["hypothetical"]


def test_talks_called_for_or_offered_are_not_held(nlp: Language) -> None:
    talks = {"meeting", "negotiation_round"}
    for text in (
        "French president Emmanuel Macron called on Saturday for direct talks between Ukraine and Russia.",
        "Erdogan offered to host talks between Russia and Ukraine in Istanbul.",
    ):
        assert {e["modality"] for e in events(nlp, text) if e["type"] in talks} == {"hypothetical"}, text
    # an agreement that offers support gives it
    given = "The agreement reached at the EU summit offers Kyiv vital financial support."
    assert "happened" in {e["modality"] for e in events(nlp, given) if e["type"] == "aid"}


def test_a_place_hung_on_the_reporting_verb_is_the_reported_events(nlp: Language) -> None:
    text = (
        "CIA Director William Burns has met his Russian counterpart, Sergey Naryshkin, the head of Russia's"
        " Foreign Intelligence Service, in the Turkish capital, Ankara, the Kremlin has confirmed."
    )
    assert [e["place"] for e in events(nlp, text) if e["type"] == "meeting"] == ["Ankara"]  # was none
    # where the reporter spoke is not where the event was
    said = "Putin met Erdogan, the Kremlin said in Moscow."
    assert [e["place"] for e in events(nlp, said) if e["type"] == "meeting"] == [None]


def test_being_due_to_meet_schedules_a_meeting_of_the_subject(nlp: Language) -> None:
    text = "Lavrov was due to meet US Secretary of State John Kerry for talks in Paris later Sunday."
    found = [e for e in events(nlp, text) if e["type"] in {"meeting", "negotiation_round"}]
    assert [(set(e["participants"]), e["place"], e["modality"]) for e in found] == [
        ({"Sergei Lavrov", "John Kerry"}, "Paris", "scheduled")
    ]  # was no event
    thing = "Turkey said a general agreement was reached. It is due to be signed later today at the palace."
    assert all("Turkey" not in e["participants"] for e in events(nlp, thing))  # "it" is the agreement


def test_a_gathering_convened_by_its_one_named_party_is_kept(nlp: Language) -> None:
    text = "Advisers from 65 countries have congregated in Malta for a weekend meeting organized by Ukraine."
    assert [(e["participants"], e["place"]) for e in events(nlp, text) if e["type"] == "meeting"] == [
        (["Ukraine"], "Malta")
    ]  # was dropped: one party named
    assert not [e for e in events(nlp, "Zelensky held a meeting in Kyiv.") if e["type"] == "meeting"]


def test_a_host_city_is_the_place_of_the_gathering(nlp: Language) -> None:
    text = "Today, Istanbul is hosting negotiations between Russia and Ukraine."
    assert [e["place"] for e in events(nlp, text) if e["type"] == "negotiation_round"] == ["Istanbul"]
    host = "Erdogan hosted talks between Russia and Ukraine."
    assert [e["place"] for e in events(nlp, host) if e["type"] in {"meeting", "negotiation_round"}] == [None]


def test_talks_told_first_without_parties_take_those_of_the_talks_told_next(nlp: Language) -> None:
    text = (
        "Lavrov has announced an international deal on the conflict in Ukraine, agreed at talks in Geneva. "
        "Lengthy talks between Russia, Ukraine, the US and the EU appeared to reach a breakthrough."
    )
    found = [e for e in events(nlp, text) if e["type"] == "negotiation_round"]
    assert [(set(e["participants"]), e["place"]) for e in found] == [
        ({"Russia", "Ukraine", "United States", "European Union"}, "Geneva")
    ]  # the Geneva talks were dropped for want of parties
    # talks told next with a place of their own are other talks
    other = (
        "A long awaited summit for peace in eastern Ukraine ended with a call for calm. "
        "Putin met Poroshenko, Hollande and Merkel in Paris."
    )
    assert [e["place"] for e in events(nlp, other) if e["type"] == "meeting"] == ["Paris"]


def test_an_attack_on_a_named_place_is_kept_without_an_attacker(nlp: Language) -> None:
    text = "Attacks on the Russian Black Sea Fleet at the port of Sevastopol were reported on Saturday."
    assert [(e["participants"], e["place"]) for e in events(nlp, text) if e["type"] == "attack"] == [
        ([], "Sevastopol")
    ]  # was dropped for want of an attacker
    # the war on a whole country with no attacker is background
    assert not [e for e in events(nlp, "The invasion of Ukraine shocked the world.") if e["type"] == "attack"]


def test_an_event_asked_about_is_not_told_and_a_forthcoming_one_is_scheduled(nlp: Language) -> None:
    asked = "Are you talking about lining up that face-to-face meeting between Putin and Trump?"
    assert {e["modality"] for e in events(nlp, asked)} == {"hypothetical"}  # was happened
    coming = "Russia would not turn down a meeting between Putin and Biden at a forthcoming G20 meeting."
    assert [e["modality"] for e in events(nlp, coming) if e["participants"] == ["G20"]] == ["scheduled"]


def test_what_one_party_signs_alone_is_no_deal(nlp: Language) -> None:
    for text in (
        "In the fall of 2022, Zelensky signed a decree banning all negotiations with Putin.",
        "Putin signed papers that formally annexed four regions of Ukraine.",
    ):
        assert not [e for e in events(nlp, text) if e["type"] == "agreement"], text  # was an agreement
    assert [e["type"] for e in events(nlp, "Russia and Ukraine signed a deal in Istanbul.")] == ["agreement"]


def test_the_risk_or_threat_of_an_attack_is_no_attack(nlp: Language) -> None:
    text = "Washington raises the alarm over the risk of a Russian attack on Ukraine this week."
    assert {e["modality"] for e in events(nlp, text) if e["type"] == "attack"} == {"hypothetical"}  # happened
    struck = "Russia invaded Ukraine on February 24, 2022."
    assert {e["modality"] for e in events(nlp, struck) if e["type"] == "attack"} == {"happened"}


def test_talks_the_subject_only_follows_are_not_the_subjects(nlp: Language) -> None:
    text = "French and German leaders held a short press conference after the talks in Warsaw."
    assert not [e for e in events(nlp, text) if e["type"] in {"meeting", "negotiation_round"}]
    text = "Emmanuel Macron gave a press conference after talks with Olaf Scholz in Warsaw."
    found = [e for e in events(nlp, text) if e["type"] in {"meeting", "negotiation_round"}]
    assert found and {"Emmanuel Macron", "Olaf Scholz"} <= set(found[0]["participants"])


def test_a_clause_set_at_a_meeting_with_a_partner_names_both_sides(nlp: Language) -> None:
    text = "Emmanuel Macron said at a meeting with Olaf Scholz in Paris that Europe must act."
    found = [e for e in events(nlp, text) if e["type"] == "meeting"]
    assert found and {"Emmanuel Macron", "Olaf Scholz"} <= set(found[0]["participants"])


def test_a_meeting_in_a_clause_of_its_own_takes_the_main_subject(nlp: Language) -> None:
    text = "Donald Tusk, after meeting Olaf Scholz in Berlin, flew on to Paris."
    found = [e for e in events(nlp, text) if e["type"] == "meeting"]
    assert found and set(found[0]["participants"]) == {"Donald Tusk", "Olaf Scholz"}
    assert found[0]["place"] == "Berlin"


def test_talks_held_after_a_visit_take_the_visitor_and_the_place_visited(nlp: Language) -> None:
    text = "Emmanuel Macron visited Warsaw and held talks with Donald Tusk."
    found = [e for e in events(nlp, text) if e["type"] in {"meeting", "negotiation_round"}]
    assert [(set(e["participants"]), e["place"]) for e in found] == [
        ({"Emmanuel Macron", "Donald Tusk"}, "Warsaw")
    ]


def test_any_talks_are_no_specific_talks(nlp: Language) -> None:
    text = "Poland is strengthening its hand in any negotiations with Lithuania."
    assert not _kinds(events(nlp, text))


def test_a_gathering_hosted_at_a_venue_takes_that_place(nlp: Language) -> None:
    # The place hangs on the participle that stages the gathering ("hosted ... at", "held in"), not on the
    # meeting's own verb.
    text = (
        "Volodymyr Zelensky and Vladimir Putin held their first meeting on Monday at a summit hosted by "
        "Emmanuel Macron at the Elysee Palace."
    )
    (meeting,) = [e for e in events(nlp, text) if e["type"] == "meeting"]
    assert meeting["place"] == "Elysee Palace"
    assert {"Volodymyr Zelensky", "Vladimir Putin"} <= set(meeting["participants"])


def test_a_venue_naming_the_event_noun_is_its_place_not_a_participant(nlp: Language) -> None:
    (meeting,) = events(
        nlp, "Trump said during a White House meeting with Mark Rutte that tariffs would follow."
    )
    assert meeting["place"] == "White House"
    assert "United States" not in meeting["participants"] and "Mark Rutte" in meeting["participants"]
    (dinner,) = events(nlp, "Macron hosted Zelensky at an Elysee Palace dinner on Monday.")
    assert dinner["place"] == "Elysee Palace"


def test_a_venue_named_with_of_and_a_capital_named_after_a_comma(nlp: Language) -> None:
    (briefing,) = events(
        nlp, "Zelensky called an emergency briefing in the Office of the President on Tuesday."
    )
    assert briefing["place"] == "Office of the President"
    (summit,) = events(nlp, "Trump announced plans for a summit with Putin in Hungary's capital, Budapest.")
    assert summit["place"] == "Budapest"


def test_an_act_opposed_or_blocked_did_not_happen(nlp: Language) -> None:
    (aid,) = events(nlp, "Trump said he opposed sending more weapons to Ukraine.")
    assert aid["modality"] == "negated"
    (sanction,) = events(nlp, "Hungary blocked new EU sanctions against Russia.")
    assert sanction["modality"] == "negated"
    (adopted,) = events(nlp, "The EU adopted new sanctions against Russia despite opposition from Hungary.")
    assert adopted["modality"] == "happened"


def test_receiving_a_leader_and_travelling_for_talks_are_meetings(nlp: Language) -> None:
    (received,) = events(nlp, "Erdogan received Zelensky in Ankara.")
    assert received["type"] == "meeting" and received["place"] == "Ankara"
    assert set(received["participants"]) == {"Recep Tayyip Erdogan", "Volodymyr Zelensky"}
    assert events(nlp, "Ukraine received more weapons from Germany.") == []
    (visit,) = events(nlp, "Witkoff arrived in Moscow on Thursday for talks with Putin.")
    assert set(visit["participants"]) == {"Steve Witkoff", "Vladimir Putin"} and visit["place"] == "Moscow"


def test_no_talks_scheduled_are_no_talks(nlp: Language) -> None:
    # "no" was read by YAML as a boolean, so the events' negators lacked it
    (talks,) = events(nlp, "Peskov said no talks between Russia and the US are scheduled this week.")
    assert talks["modality"] == "negated"


def test_an_event_demanded_of_a_party_has_not_happened(nlp: Language) -> None:
    (deal,) = events(nlp, "Zelensky demanded that Russia sign a ceasefire agreement.")
    assert deal["modality"] == "hypothetical"
    (asked,) = events(nlp, "European leaders urged Trump to insist that Putin agree to a ceasefire.")
    assert asked["modality"] == "hypothetical"


def test_talks_told_with_their_outcome_were_held_by_its_parties(nlp: Language) -> None:
    text = (
        "After a meeting in Geneva over the crisis, Russia, Ukraine and the United States have reached an"
        " initial agreement aimed at de-escalating tensions."
    )
    talks, deal = sorted(events(nlp, text), key=lambda e: e["type"] != "negotiation_round")
    parties = {"Russia", "Ukraine", "United States"}
    assert talks["type"] == "negotiation_round" and set(talks["participants"]) == parties
    assert talks["place"] == "Geneva"
    assert deal["type"] == "agreement" and deal["place"] == "Geneva"


def test_an_interview_in_questions_and_answers_is_the_interviewees_statement(nlp: Language) -> None:
    text = (
        "Question: Is the war over?\n"
        "Sergei Lavrov: It is a ceasefire, and we want it to hold.\n"
        "Question: Will there be more talks?\n"
        "Sergei Lavrov: We are ready to meet in any format.\n"
    )
    statements = [e for e in events(nlp, text) if e["type"] == "statement"]
    assert [(e["participants"], e["trigger"]) for e in statements] == [(["Sergei Lavrov"], "interview")]


def test_a_gathering_of_one_body_of_many_members_is_a_meeting(nlp: Language) -> None:
    (summit,) = events(nlp, "Western leaders welcomed the decision at a NATO summit in Wales.")
    assert (summit["type"], summit["participants"], summit["place"]) == ("meeting", ["NATO"], "Wales")
    (paris,) = events(nlp, "On December 9, a summit of the Normandy Four leaders was held in Paris.")
    assert paris["participants"] == ["Normandy Four"] and paris["place"] == "Paris"
    # one country is no gathering
    assert events(nlp, "Ukraine held a meeting in Kyiv.") == []


def test_a_journey_made_to_meet_tells_the_meeting_and_its_place(nlp: Language) -> None:
    (met,) = events(nlp, "Witkoff flew to Moscow to meet Putin on Thursday.")
    assert (met["modality"], met["place"]) == ("happened", "Moscow")
    (due,) = events(nlp, "Zelensky will travel to Washington next week to meet Trump.")
    assert (due["modality"], due["place"]) == ("scheduled", "Washington")
    (hoped,) = events(nlp, "Zelensky hopes to meet Putin.")
    assert hoped["modality"] == "hypothetical"


def test_denying_what_a_meeting_was_does_not_deny_the_meeting(nlp: Language) -> None:
    text = "Blinken said his meeting with Sergei Lavrov in Geneva was not a negotiation."
    (meeting,) = events(nlp, text)
    assert meeting["modality"] == "happened"
    (off,) = events(nlp, "The meeting between Putin and Zelensky did not take place.")
    assert off["modality"] == "negated"


def test_who_speaks_after_talks_with_a_partner_took_part(nlp: Language) -> None:
    (talks,) = events(nlp, "Zelensky spoke to reporters after talks with Erdogan in Ankara.")
    assert set(talks["participants"]) == {"Recep Tayyip Erdogan", "Volodymyr Zelensky"}


def test_a_summit_or_peace_conference_needs_only_one_party_named(nlp: Language) -> None:
    (summit,) = events(nlp, "Zelensky attended the summit in Vilnius.")
    assert (summit["participants"], summit["place"]) == (["Volodymyr Zelensky"], "Vilnius")
    text = "Switzerland will hold the peace conference at the resort of Buergenstock on June 15-16."
    (conference,) = events(nlp, text)
    assert conference["participants"] == ["Switzerland"] and conference["modality"] == "scheduled"
    # a meeting is two parties' at least
    assert events(nlp, "Zelensky held a meeting in Kyiv.") == []


def test_an_aid_package_named_by_its_compound_has_giver_and_recipient(nlp: Language) -> None:
    (aid,) = events(nlp, "Germany announced a new military aid package for Ukraine worth 500 million euros.")
    assert aid["type"] == "aid" and set(aid["participants"]) == {"Germany", "Ukraine"}


def test_who_talks_in_a_phone_call_took_part_in_it(nlp: Language) -> None:
    (call,) = events(nlp, "Putin and Erdogan discussed the grain deal in a phone call.")
    assert call["type"] == "phone_call"
    assert set(call["participants"]) == {"Vladimir Putin", "Recep Tayyip Erdogan"}


def test_a_round_of_talks_has_the_partners_of_its_talks(nlp: Language) -> None:
    text = "Erdogan will host the next round of talks between Russia and Ukraine in Istanbul on Monday."
    (talks,) = events(nlp, text)
    assert talks["type"] == "negotiation_round" and talks["place"] == "Istanbul"
    assert {"Russia", "Ukraine"} <= set(talks["participants"])


def test_an_attack_on_a_countrys_cities_is_placed_in_that_country(nlp: Language) -> None:
    text = "Russian forces launched a barrage of 367 drones and missiles at Ukrainian cities overnight."
    (attack,) = events(nlp, text)
    assert attack["place"] == "Ukraine" and attack["participants"] == ["Russia"]
    (strike,) = events(nlp, "Russia struck Ukrainian energy infrastructure overnight.")
    assert strike["place"] == "Ukraine"
    # a named place stays the most specific one
    (shelling,) = events(nlp, "Russian troops shelled the Ukrainian town of Kupiansk.")
    assert shelling["place"] == "Kupiansk"


def test_a_placed_deal_is_an_agreement_whoever_its_parties_are(nlp: Language) -> None:
    (deal,) = events(nlp, "The two sides signed a memorandum of understanding in Istanbul.")
    assert (deal["type"], deal["participants"], deal["place"]) == ("agreement", [], "Istanbul")
    # with neither parties nor place it says too little to keep
    assert events(nlp, "The memorandum was signed.") == []


def test_agreeing_at_talks_on_an_item_named_by_a_compound(nlp: Language) -> None:
    text = "The US and Ukraine agreed on a 30-day ceasefire proposal at talks in Jeddah."
    found = {(e["type"], e["place"], e["modality"]) for e in events(nlp, text)}
    assert found == {("agreement", "Jeddah", "happened"), ("negotiation_round", "Jeddah", "happened")}


def test_a_city_naming_a_gathering_is_its_place_not_a_party(nlp: Language) -> None:
    text = "The Minsk II agreement was signed by Russia, Ukraine, the OSCE and the separatists."
    (deal,) = events(nlp, text)
    assert deal["place"] == "Minsk" and "Belarus" not in deal["participants"]
    (talks,) = events(nlp, "The Istanbul talks between Russia and Ukraine ended.")
    assert talks["place"] == "Istanbul" and set(talks["participants"]) == {"Russia", "Ukraine"}


def test_a_deal_placed_later_without_its_parties_is_the_deal_told_before(nlp: Language) -> None:
    text = (
        "Ukraine and the separatists have agreed on a ceasefire. "
        "Moscow welcomed the signing of the protocol in Minsk, the Kremlin said."
    )
    (deal,) = events(nlp, text)
    assert deal["place"] == "Minsk" and "Ukraine" in deal["participants"]
    assert len(deal["sources"]) == 2


def test_an_interviewer_is_not_a_party_to_the_interview(nlp: Language) -> None:
    # guide: the interviewer is not an actor; the interviewee made the statement
    (told,) = events(nlp, "Putin gave an interview to Tucker Carlson in Moscow.")
    assert told["participants"] == ["Vladimir Putin"]  # was Tucker Carlson
    text = "In an interview with journalist Piers Morgan, Zelensky said he was ready to negotiate."
    (said,) = events(nlp, text)
    assert said["participants"] == ["Volodymyr Zelensky"]
    conducted = "The interview below was conducted by Malte Arnsperger."
    assert not any("Malte Arnsperger" in e["participants"] for e in events(nlp, conducted))
    # a joint interview is given together
    (joint,) = events(nlp, "Volodymyr Zelensky gave a joint interview with Olena Zelenska on the telethon.")
    assert set(joint["participants"]) == {"Volodymyr Zelensky", "Olena Zelenska"}


def test_had_stages_an_event_as_held_does(nlp: Language) -> None:
    # "have" is irregular: "had" and "has" are its forms, so its subject takes part
    (call,) = events(nlp, "Putin and Trump had a phone conversation.")
    assert set(call["participants"]) == {"Vladimir Putin", "Donald Trump"}  # was none


def test_speaking_on_a_platform_is_a_written_statement(nlp: Language) -> None:
    (said,) = events(nlp, "Zakharova said on Telegram that Russia would not attend.")
    assert (said["type"], said["participants"]) == ("statement", ["Maria Zakharova"])  # was none
    # written anywhere: talks in view do not place it
    text = (
        "Ukraine and the US held talks in Geneva on Sunday. Following the talks, Zelensky stated on social "
        "media that the steps must be effective."
    )
    posted = next(e for e in events(nlp, text) if e["type"] == "statement")
    assert posted["place"] is None
    # saying something to reporters is a bare "said" (guide), addressing the media a statement
    assert not events(nlp, "Lavrov told reporters that the talks were useful.")
    (addressed,) = events(nlp, "John Kerry later addressed the media.")
    assert addressed["type"] == "statement"


def test_a_statement_issued_by_a_body_is_the_bodys(nlp: Language) -> None:
    text = "Putin ordered a ceasefire, according to a statement issued by the Kremlin."
    statement = next(e for e in events(nlp, text) if e["type"] == "statement")
    assert statement["participants"] == ["Russia"]  # was Putin


def test_being_somewhere_to_meet_is_the_meeting_there(nlp: Language) -> None:
    (met,) = events(nlp, "German Chancellor Olaf Scholz is in Moscow today to meet Vladimir Putin.")
    assert (met["place"], met["modality"]) == ("Moscow", "happened")  # was hypothetical, no place
    assert not events(nlp, "The aim is to meet Putin.")


def test_a_capital_named_by_its_demonym_is_the_city(nlp: Language) -> None:
    (talks,) = events(nlp, "Lavrov and Rubio held talks in the Saudi capital.")
    assert talks["place"] == "Riyadh"  # was none
    (named,) = events(nlp, "Lavrov and Rubio held talks in the Saudi capital, Riyadh, on Tuesday.")
    assert named["place"] == "Riyadh"


def test_the_two_sides_are_the_parties_of_the_gathering_before(nlp: Language) -> None:
    text = "Putin and Zelensky met in Paris. The two leaders agreed to exchange prisoners."
    deal = next(e for e in events(nlp, text) if e["type"] == "agreement")
    assert set(deal["participants"]) == {"Vladimir Putin", "Volodymyr Zelensky"}  # was none


def test_a_gathering_told_with_its_parties_is_reported_though_the_first_since(nlp: Language) -> None:
    text = (
        "The meetings between Vladimir Putin and Petro Poroshenko in Milan on Friday, the first since "
        "the summer, raised hopes."
    )
    (met,) = [e for e in events(nlp, text) if e["type"] == "meeting"]  # was dropped as a comparison
    assert met["place"] == "Milan"


def test_a_named_persons_nationality_adds_no_country(nlp: Language) -> None:
    # guide: countries are not added from a person's nationality
    text = "Vladimir Putin and his US counterpart, Donald Trump, spoke over the phone on Thursday."
    (call,) = events(nlp, text)
    assert set(call["participants"]) == {"Vladimir Putin", "Donald Trump"}  # was with the United States
    # nationality words still name the parties of unnamed people
    (talks,) = events(nlp, "American negotiators and Russian ones met in Riyadh.")
    assert set(talks["participants"]) == {"United States", "Russia"}


def test_a_place_the_tagger_missed_is_still_the_place(nlp: Language) -> None:
    # the tagger reads "Kyiv overnight" as a time and misses "Odesa"; the linker and the noun still tell
    (strike,) = events(nlp, "Russia launched a massive missile attack on Kyiv overnight.")
    assert strike["place"] == "Kyiv"  # was none
    (drones,) = events(nlp, "Russian drones struck energy infrastructure in the Odesa region.")
    assert drones["place"] == "Odesa"
    # a name after a place noun, the tagger having missed it
    capital = (
        "They said a strike by Kyiv's forces on the rebel's de facto capital Donetsk left 20 people dead."
    )
    assert [e["place"] for e in events(nlp, capital) if e["type"] == "attack"] == ["Donetsk"]  # was none
    # a language is no place
    (talks,) = events(nlp, "The Russian and Ukrainian delegations held their talks in Russian.")
    assert talks["place"] is None


def test_a_participle_describing_a_party_makes_it_a_participant(nlp: Language) -> None:
    text = "President Donald Trump, speaking after meeting Zelensky at the funeral, expressed doubts."
    (meeting,) = events(nlp, text)
    assert set(meeting["participants"]) == {"Donald Trump", "Volodymyr Zelensky"}  # was Zelensky alone


def test_the_subject_of_a_relative_clause_staging_the_event_takes_part(nlp: Language) -> None:
    text = "Erdogan spoke to PBS. He based his view on talks he had with Putin at a summit in Uzbekistan."
    (meeting,) = [e for e in events(nlp, text) if e["type"] in {"meeting", "negotiation_round"}]
    assert set(meeting["participants"]) == {"Recep Tayyip Erdogan", "Vladimir Putin"}  # was Putin alone
    # a relative clause with an object of its own does not stage the noun
    other = "Putin attended the summit where Erdogan signed a deal with Lukashenko."
    assert all(
        "Recep Tayyip Erdogan" not in e["participants"] for e in events(nlp, other) if e["type"] == "meeting"
    )


def test_a_partner_named_by_the_verb_takes_part_in_the_gathering_it_is_set_at(nlp: Language) -> None:
    text = "Trump, who argued with Zelensky in a televised Oval Office meeting in March, spoke on Friday."
    (meeting,) = [e for e in events(nlp, text) if e["type"] == "meeting"]  # was none: no party named
    assert set(meeting["participants"]) == {"Donald Trump", "Volodymyr Zelensky"}
    assert meeting["place"] == "Oval Office"


def test_a_country_after_on_is_a_topic_not_a_place(nlp: Language) -> None:
    (meeting,) = events(nlp, "Putin and Macron held a meeting on Ukraine.")
    assert meeting["place"] is None  # was Ukraine
    (talks,) = events(nlp, "Putin and Macron held talks in Geneva on Ukraine.")
    assert talks["place"] == "Geneva"
    (strike,) = events(nlp, "Russia launched a massive missile attack on Ukraine on Monday.")
    assert strike["place"] == "Ukraine"  # an attack's target stays its place


def test_a_group_of_an_organisations_members_names_the_organisation(nlp: Language) -> None:
    text = "The leaders of the European Union countries issued a joint statement on Monday."
    (statement,) = events(nlp, text)
    assert statement["participants"] == ["European Union"]  # was none, dropped


def test_a_statement_cited_as_the_source_takes_no_place_from_what_it_reports(nlp: Language) -> None:
    text = "Putin has ordered a ceasefire in Ukraine, according to a statement issued by the Kremlin."
    (statement,) = [e for e in events(nlp, text) if e["type"] == "statement"]
    assert statement["place"] is None  # was Ukraine, the ceasefire's place


def test_an_annexation_recognised_is_a_stances_topic_not_an_attack(nlp: Language) -> None:
    text = "The plan fell short of recognizing Moscow's annexation of occupied Donetsk and Luhansk."
    assert [e for e in events(nlp, text) if e["type"] == "attack"] == []  # was Russia's attack on Donetsk
    recognition = "Putin demanded the recognition of the annexation of Crimea."
    assert [e for e in events(nlp, recognition) if e["type"] == "attack"] == []
    (told,) = events(nlp, "Russia annexed Crimea in March 2014.")
    assert told["type"] == "attack"


def test_a_gathering_called_off_or_sought_is_not_told_as_held(nlp: Language) -> None:
    (off,) = events(nlp, "Trump called off a planned summit with Putin in Budapest.")
    assert off["modality"] == "negated"  # was scheduled: "called off" is a phrasal verb
    (sought,) = events(nlp, "Zelensky is seeking a meeting with Putin.")
    assert sought["modality"] == "hypothetical"  # was happened


def test_a_readout_or_posting_is_a_statement_of_its_issuer(nlp: Language) -> None:
    text = "According to a Kremlin readout of the call, Putin said the West is pursuing destructive policies."
    (readout,) = events(nlp, text)
    assert (readout["type"], readout["participants"], readout["place"]) == ("statement", ["Russia"], None)
    posting = "Mr Trump offered his position in a social media posting on Tuesday."
    assert [e["participants"] for e in events(nlp, posting)] == [["Donald Trump"]]  # was no event
    (meeting,) = events(nlp, "Trump and Zelensky held a White House meeting on Friday.")
    assert meeting["place"] == "White House"  # a venue naming a meeting is still where it was held


def test_a_gathering_said_to_be_possible_is_not_held(nlp: Language) -> None:
    possible = events(nlp, "Peskov said a meeting between Putin and Zelensky is possible.")
    assert [e["modality"] for e in possible if e["type"] == "meeting"] == ["hypothetical"]  # was "happened"
    judged = events(nlp, "The meeting between Putin and Zelensky was productive.")
    assert [e["modality"] for e in judged if e["type"] == "meeting"] == ["happened"]


def test_a_place_after_the_date_is_the_events(nlp: Language) -> None:
    text = "Merkel and Hollande will meet Vladimir Putin on February 6 in Moscow."
    assert [e["place"] for e in events(nlp, text) if e["type"] == "meeting"] == ["Moscow"]  # was None


def test_where_a_visit_goes_is_its_place_not_a_party(nlp: Language) -> None:
    text = "Poroshenko held talks with Merkel during a visit to Berlin."
    found = events(nlp, text)
    assert not [e for e in found if "Germany" in e["participants"]]  # was a meeting with Germany
    assert [e["participants"] for e in found] == [["Angela Merkel", "Petro Poroshenko"]]


def test_a_place_is_named_as_news_names_it(nlp: Language) -> None:
    text = "The insurgency broke out in the months after Russia seized the Crimean Peninsula in March 2014."
    assert [e["place"] for e in events(nlp, text) if e["type"] == "attack"] == ["Crimea"]  # was the long name


def test_a_negotiation_formats_gathering_without_leaders_is_a_round(nlp: Language) -> None:
    text = "The regular meeting of the Trilateral Contact Group was held in Minsk on Wednesday."
    assert [e["type"] for e in events(nlp, text)] == ["negotiation_round"]  # was "meeting"
    summit = "On December 9, a summit of the Normandy Four leaders was held in Paris."
    assert [e["type"] for e in events(nlp, summit)] == ["meeting"]


def test_welcoming_a_visitor_is_a_meeting_where_they_were_welcomed(nlp: Language) -> None:
    text = "Vladimir Putin welcomed Recep Tayyip Erdogan to Sochi on Friday."
    (meeting,) = [e for e in events(nlp, text) if e["type"] == "meeting"]
    assert set(meeting["participants"]) == {"Vladimir Putin", "Recep Tayyip Erdogan"}
    assert meeting["place"] == "Sochi"
    assert not [e for e in events(nlp, "Volodymyr Zelensky welcomed the proposal.") if e["type"] == "meeting"]


def test_a_meal_of_leaders_is_a_meeting(nlp: Language) -> None:
    text = "Steve Witkoff arrived in Paris before a lunch between Emmanuel Macron, Witkoff and Marco Rubio."
    meetings = [e for e in events(nlp, text) if e["type"] == "meeting"]
    assert any({"Emmanuel Macron", "Marco Rubio"} <= set(e["participants"]) for e in meetings)


def test_the_one_told_at_a_meeting_took_part_in_it(nlp: Language) -> None:
    text = (
        "“This is not an era of war,” Narendra Modi told Vladimir Putin at a televised meeting in Samarkand."
    )
    (meeting,) = [e for e in events(nlp, text) if e["type"] == "meeting"]
    assert set(meeting["participants"]) == {"Narendra Modi", "Vladimir Putin"}
    assert meeting["place"] == "Samarkand"


def told_attacks(nlp: Language, text: str) -> list[dict[str, Any]]:
    """The attacks told as done or set, the ones the export and the scorer keep."""
    return [
        e for e in events(nlp, text) if e["type"] == "attack" and e["modality"] in {"happened", "scheduled"}
    ]


def test_an_attack_to_come_is_a_forecast_not_a_scheduled_event(nlp: Language) -> None:
    assert not told_attacks(
        nlp, "Antony Blinken said the evidence showed that Russia will soon invade Ukraine."
    )
    # the contrast: one that happened is told
    assert told_attacks(nlp, "Russia launched a new offensive on Kharkiv in May 2024.")


def test_an_attack_supposed_or_prevented_did_not_happen(nlp: Language) -> None:
    supposed = (
        "The pact commits Britain to consult with Ukraine in the event it is ever attacked by Russia again."
    )
    assert not told_attacks(nlp, supposed)
    prevented = (
        "Keir Starmer wants a US backstop to prevent Vladimir Putin launching a fresh assault on Ukraine."
    )
    assert not told_attacks(nlp, prevented)


def test_a_list_of_names_the_parser_took_for_an_apposition_takes_part_whole(nlp: Language) -> None:
    text = "Angela Merkel, Francois Hollande, Vladimir Putin and Petro Poroshenko met in Minsk."
    (meeting,) = [e for e in events(nlp, text) if e["type"] == "meeting"]
    assert set(meeting["participants"]) == {
        "Angela Merkel",
        "Francois Hollande",
        "Vladimir Putin",
        "Petro Poroshenko",
    }


def test_a_gathering_after_a_journey_of_its_people_took_place_where_the_journey_went(nlp: Language) -> None:
    text = (
        "Rishi Sunak on Friday travelled to the Ukrainian capital of Kyiv on a surprise visit. Sunak met "
        "President Volodymyr Zelenskyy to sign a security agreement."
    )
    (meeting,) = [e for e in events(nlp, text) if e["type"] == "meeting"]
    assert meeting["place"] == "Kyiv"
    # the contrast: someone else's journey lends no place
    other = "Olaf Scholz travelled to Kyiv on Friday. Rishi Sunak met Volodymyr Zelenskyy."
    (unplaced,) = [e for e in events(nlp, other) if e["type"] == "meeting"]
    assert unplaced["place"] is None


def test_a_newspapers_name_is_no_post(nlp: Language) -> None:
    text = "His remarks followed reporting from The Washington Post, Volodymyr Zelensky said."
    assert not [e for e in events(nlp, text) if e["type"] == "statement" and e["trigger"] == "Post"]
    # the contrast: a named document still is one
    joint = "Vladimir Putin and Xi Jinping said in a Joint Statement that talks should resume."
    assert [e for e in events(nlp, joint) if e["type"] == "statement"]


def test_a_meeting_of_the_warring_sides_ministers_is_a_negotiation_round(nlp: Language) -> None:
    text = (
        "Sergei Lavrov met Pavlo Klimkin, Frank-Walter Steinmeier and Laurent Fabius in Paris on Tuesday to "
        "discuss the Minsk agreements."
    )
    gathered = [e for e in events(nlp, text) if e["type"] in {"meeting", "negotiation_round"}]
    assert [e["type"] for e in gathered] == ["negotiation_round"]
    # the contrast: the leaders of the two sides hold a meeting
    summit = "Vladimir Putin met Volodymyr Zelensky in Paris on Tuesday."
    assert [e["type"] for e in events(nlp, summit) if e["type"] in {"meeting", "negotiation_round"}] == [
        "meeting"
    ]


def test_a_press_conference_after_a_visit_took_place_where_the_visit_went(nlp: Language) -> None:
    # a participle tells the journey ("visiting Kyiv"), and the capital is a place however it is tagged
    text = (
        "Prime Minister Viktor Orbán, visiting Kyiv on Tuesday, asked Volodymyr Zelensky to consider a "
        "ceasefire. At a joint press conference with Zelensky, Orbán thanked his host."
    )
    (statement,) = [e for e in events(nlp, text) if e["type"] == "statement"]
    assert statement["place"] == "Kyiv"
    # a visit named by a noun, with its traveller as possessor
    text = (
        "Volodymyr Zelenskyy's visit to Washington marks 300 days of war. At a press conference on "
        "Wednesday, Zelenskyy thanked Congress."
    )
    (statement,) = [e for e in events(nlp, text) if e["type"] == "statement"]
    assert statement["place"] == "Washington"
    # the possessor a pronoun: the traveller is the one it stands for
    text = (
        "During his visit to Kiev, NATO Secretary General Jens Stoltenberg promised Ukraine support. "
        "He spoke at a joint press conference with Volodymyr Zelenskyy."
    )
    (statement,) = [e for e in events(nlp, text) if e["type"] == "statement"]
    assert statement["place"] == "Kiev"


def test_a_press_conference_after_a_placed_meeting_of_its_people_took_place_there(nlp: Language) -> None:
    text = (
        "Recep Tayyip Erdogan hosted Volodymyr Zelensky in Istanbul on Saturday. Speaking at a joint press "
        "conference with Zelensky, Erdogan said Ukraine deserves NATO membership."
    )
    (statement,) = [e for e in events(nlp, text) if e["type"] == "statement"]
    assert statement["place"] == "Istanbul"


def test_a_journey_or_meeting_still_ahead_places_nothing_now(nlp: Language) -> None:
    text = "Steve Witkoff will travel to Moscow next week. Witkoff said at a briefing that progress was made."
    (statement,) = [e for e in events(nlp, text) if e["type"] == "statement"]
    assert statement["place"] is None
    text = "Putin will meet Erdogan in Ankara next week. Putin said at a briefing that progress was made."
    (statement,) = [e for e in events(nlp, text) if e["type"] == "statement"]
    assert statement["place"] is None
    # a letter is written where its author was, which nobody says
    text = "Recep Tayyip Erdogan hosted Volodymyr Zelensky in Istanbul. Zelensky wrote a letter to Erdogan."
    assert all(e["place"] is None for e in events(nlp, text) if e["type"] == "statement")


def test_a_gathering_told_as_done_again_and_again_is_no_one_event(nlp: Language) -> None:
    for text in (
        "Emmanuel Macron has spoken with Vladimir Putin regularly since the invasion. The call was long.",
        "Recep Tayyip Erdogan has met Vladimir Putin three times in the past three months.",
    ):
        assert not any(e["type"] in {"meeting", "phone_call"} for e in events(nlp, text)), text  # were told
    once = "Recep Tayyip Erdogan met Vladimir Putin in Sochi for the first time."
    assert [e["type"] for e in events(nlp, once)] == ["meeting"]


def test_a_relative_clause_telling_the_event_took_place_gives_its_place(nlp: Language) -> None:
    for text in (
        "Vladimir Putin and Karl Nehammer held talks that took place in Minsk.",
        "Vladimir Putin and Karl Nehammer held talks, which were held in Sochi.",
    ):
        (meeting,) = [e for e in events(nlp, text) if e["type"] == "meeting"]
        assert meeting["place"] in {"Minsk", "Sochi"}, text  # was None
    topic = "Vladimir Putin and Karl Nehammer held talks that focused on the situation in Ukraine."
    assert [e["place"] for e in events(nlp, topic) if e["type"] == "meeting"] == [None]


def test_the_people_of_a_clause_telling_what_went_on_in_a_gathering_took_part(nlp: Language) -> None:
    text = (
        "The move comes days after a disastrous Oval Office meeting in which Donald Trump and JD Vance tore "
        "into Volodymyr Zelensky over the aid sent since the start of Russia's invasion on Feb. 24, 2022."
    )
    (meeting,) = [e for e in events(nlp, text) if e["type"] == "meeting"]
    # was no meeting: the noun named none of its people
    assert set(meeting["participants"]) == {"Donald Trump", "JD Vance", "Volodymyr Zelensky"}
    assert meeting["date"] is None  # the clause's date is the invasion's, not the meeting's


def test_the_first_of_a_pair_hung_inside_the_seconds_name_takes_part(nlp: Language) -> None:
    text = "The talks followed a recent phone call between Trump and Russian President Vladimir Putin."
    (call,) = [e for e in events(nlp, text) if e["type"] == "phone_call"]
    assert set(call["participants"]) == {"Donald Trump", "Vladimir Putin"}  # was Putin alone: no event
    assert "Russia" not in call["participants"]  # the nationality is Putin's, no party (guide)


def test_a_place_the_parser_took_for_a_clause_is_still_the_meetings_place(nlp: Language) -> None:
    text = "Volodymyr Zelensky and Ulf Kristersson have met in Linköping to view the fighter jets."
    (meeting,) = [e for e in events(nlp, text) if e["type"] == "meeting"]
    assert meeting["place"] == "Linköping"  # was None: the parser made the town a pcomp, not a pobj
    # and where a journey went, read the same way
    journey = "Zelensky travelled to Linköping to meet Kristersson."
    (meeting,) = [e for e in events(nlp, journey) if e["type"] == "meeting"]
    assert meeting["place"] == "Linköping"  # was None


def test_a_date_in_a_coordinate_clause_with_its_own_subject_is_not_the_events(nlp: Language) -> None:
    text = (
        'Donald Trump called Zelensky "a dictator" in a social media post, and the Kremlin has questioned '
        "his legitimacy because no election was held in 2024."
    )
    (post,) = [e for e in events(nlp, text) if e["type"] == "statement"]
    assert post["date"] is None
    # the contrast: a date in the event's own clause still dates it
    text = 'Donald Trump called Zelensky "a dictator" in a social media post on February 19, 2025.'
    (post,) = [e for e in events(nlp, text) if e["type"] == "statement"]
    assert post["date"] == "2025-02-19"


def test_a_verb_whose_object_the_parser_took_from_another_event_still_tells_its_own(nlp: Language) -> None:
    text = (
        "Scholz, on a visit to Kyiv, met Ukraine’s leader Volodymyr Zelensky in Ukraine on June 16, 2022 "
        "amidst Russia’s on-going attack on Ukraine."
    )
    # the parser hangs "attack" on "met" as its object; it names an attack, not the meeting: was no meeting
    meetings = [e for e in events(nlp, text) if e["type"] == "meeting"]
    assert [set(e["participants"]) for e in meetings] == [{"Olaf Scholz", "Volodymyr Zelensky"}]
    hosted = "Erdogan hosted talks between Russia and Ukraine in Istanbul."
    assert [e["trigger"] for e in events(nlp, hosted)] == ["talks"]  # the noun still names its own event


def test_a_gathering_named_by_its_city_places_what_happens_at_it(nlp: Language) -> None:
    text = "Blinken will meet Lavrov at the Munich conference."
    (meeting,) = [e for e in events(nlp, text) if e["type"] == "meeting"]
    assert meeting["place"] == "Munich"  # was no place
    davos = "Zelensky met Scholz at the Davos forum."
    assert [e["place"] for e in events(nlp, davos) if e["type"] == "meeting"] == ["Davos"]
    country = "Biden will meet Putin at the Ukraine summit."
    # a country naming a gathering is what it is about, not where it is
    assert all(e["place"] != "Ukraine" for e in events(nlp, country))


def test_they_after_a_sentence_with_several_subjects_stands_for_them_all(nlp: Language) -> None:
    text = (
        "Macron and Scholz arrived in Kyiv on Thursday. Their meeting with President Volodymyr Zelensky "
        "lasted four hours. Macron and Scholz then held talks with Putin in Moscow."
    )
    # "Their" was Kyiv's Ukraine; and the Kyiv meeting, once its people were known, is placed where they
    # arrived before it can be taken for a retelling of the Moscow talks
    found = {(frozenset(e["participants"]), e["place"]) for e in events(nlp, text)}
    assert found == {
        (frozenset({"Emmanuel Macron", "Olaf Scholz", "Volodymyr Zelensky"}), "Kyiv"),
        (frozenset({"Emmanuel Macron", "Olaf Scholz", "Vladimir Putin"}), "Moscow"),
    }
    single = "Macron arrived in Kyiv on Thursday. Their meeting lasted four hours."
    assert all(
        "Emmanuel Macron" not in e["participants"] or len(e["participants"]) < 3 for e in events(nlp, single)
    )


def test_a_place_in_what_a_call_discussed_is_not_where_it_was(nlp: Language) -> None:
    text = (
        "Erdogan and Zelensky had a phone conversation on Monday. During the phone conversation, they "
        "discussed the situation in Ukraine."
    )
    assert [(e["type"], e["place"]) for e in events(nlp, text)] == [("phone_call", None)]  # was Ukraine
    strikes = "Zelensky said Russian strikes have hit every energy plant in Ukraine."
    assert [e["place"] for e in events(nlp, strikes) if e["type"] == "attack"] == ["Ukraine"]


def test_a_virtual_or_video_meeting_is_a_call(nlp: Language) -> None:
    # the guide: video calls are phone calls; was a meeting
    virtual = "Macron and Starmer held a virtual meeting on Tuesday."
    assert [e["type"] for e in events(nlp, virtual)] == ["phone_call"]
    video = "Zelensky and Scholz held video talks on Monday."
    assert [e["type"] for e in events(nlp, video)] == ["phone_call"]


def test_a_clause_climbed_to_lends_its_subject_not_its_partners(nlp: Language) -> None:
    text = (
        "Rubio met with Lavrov in Kuala Lumpur, having already met with the Association of Southeast Asian "
        "Nations in his first trip to Asia."
    )
    talks = [e for e in events(nlp, text) if "Sergei Lavrov" in e["participants"]]
    assert [e["place"] for e in talks] == ["Kuala Lumpur"]  # was a second meeting with Lavrov, in Asia
    china = "Rubio met with Lavrov in Kuala Lumpur, having already met with the Chinese delegation in Asia."
    assert sorted(sorted(e["participants"]) for e in events(nlp, china)) == [
        ["China", "Marco Rubio"],
        ["Marco Rubio", "Sergei Lavrov"],
    ]
    after = "After meeting Putin in Alaska, Trump said he would call Zelensky."
    (meeting,) = [e for e in events(nlp, after) if e["type"] == "meeting"]
    assert sorted(meeting["participants"]) == ["Donald Trump", "Vladimir Putin"]


def test_a_press_release_is_a_statement_and_a_posted_readout_its_posters(nlp: Language) -> None:
    release = "The leaders held a phone conversation on Wednesday, the Kremlin said in a press release."
    assert [e["participants"] for e in events(nlp, release) if e["type"] == "statement"] == [["Russia"]]
    posted = "The meeting lasted over five hours, according to a readout posted by Witkoff on X."
    assert [e["participants"] for e in events(nlp, posted) if e["type"] == "statement"] == [["Steve Witkoff"]]


def test_parties_named_side_by_side_make_one_statement_together(nlp: Language) -> None:
    both = "The United States and Ukraine said in a statement that they agreed."
    # was the United States alone
    assert [e["participants"] for e in events(nlp, both)] == [["United States", "Ukraine"]]
    leader = "Russian President Vladimir Putin said in a statement that he agreed."
    assert [e["participants"] for e in events(nlp, leader)] == [["Vladimir Putin"]]


def test_a_subjectless_clause_set_at_a_meeting_takes_the_subject_above(nlp: Language) -> None:
    text = "Putin, speaking after a meeting with Swiss President Didier Burkhalter in Moscow, said so."
    (meeting,) = [e for e in events(nlp, text) if e["type"] == "meeting"]  # was no event: Burkhalter alone
    assert (sorted(meeting["participants"]), meeting["place"]) == (
        ["Didier Burkhalter", "Vladimir Putin"],
        "Moscow",
    )


def test_talks_a_party_supports_or_advocates_are_wanted_not_held(nlp: Language) -> None:
    text = "China calls for a ceasefire and supports direct talks between Russia and Ukraine."
    assert [e for e in events(nlp, text) if e["modality"] == "happened"] == []  # was a round held
    held = "Russia and Ukraine held direct talks in Istanbul on Friday."
    assert [e["modality"] for e in events(nlp, held)] == ["happened"]


def test_strikes_a_suspension_governs_are_held_off_not_made(nlp: Language) -> None:
    text = "Russia announced the suspension of its airstrikes against Ukrainian energy facilities."
    assert [e["modality"] for e in events(nlp, text) if e["type"] == "attack"] == ["negated"]  # was happened
    since = "It was the first call for a halt to hostilities since the Russian invasion on February 24, 2022."
    assert [e["modality"] for e in events(nlp, since) if e["type"] == "attack"] == ["happened"]
    # refraining (or abstaining) from strikes holds them off too; its "from" was not read (happened)
    refrained = "Moscow has committed to refraining from strikes on Kyiv for a week."
    assert [e["modality"] for e in events(nlp, refrained) if e["type"] == "attack"] == ["negated"]


def test_a_meeting_a_party_is_open_to_is_not_held_though_to_hangs_on_the_verb(nlp: Language) -> None:
    text = "Putin reiterated his openness to meeting with Ukrainian President Volodymyr Zelensky."
    assert [e["modality"] for e in events(nlp, text)] == ["hypothetical"]  # was happened
    held = "Putin reiterated his position to reporters after meeting with Zelensky in Istanbul."
    assert [e["modality"] for e in events(nlp, held) if e["type"] == "meeting"] == ["happened"]


def test_failed_talks_were_held(nlp: Language) -> None:
    text = (
        "Lavrov said any agreement on security guarantees should be based on the Russian proposal during the "
        "failed March 2022 peace talks between Russia and Ukraine."
    )
    rounds = [e for e in events(nlp, text) if e["type"] == "negotiation_round"]
    assert [e["modality"] for e in rounds] == ["happened"]  # was negated
    not_held = "Russia and Ukraine failed to hold talks in March."
    assert [e["modality"] for e in events(nlp, not_held)] == ["negated"]


def test_the_ukrainian_capital_takes_the_spelling_the_page_uses(nlp: Language) -> None:
    older = "Merkel met Poroshenko in the Ukrainian capital on Saturday. She flew to Kiev from Berlin."
    (meeting,) = [e for e in events(nlp, older) if e["type"] == "meeting"]
    assert meeting["place"] == "Kiev"  # was Kyiv, a name the page never writes
    newer = "Merkel met Poroshenko in the Ukrainian capital on Saturday."
    (plain,) = [e for e in events(nlp, newer) if e["type"] == "meeting"]
    assert plain["place"] == "Kyiv"


def test_a_gathering_told_around_its_peoples_act_took_place_where_the_act_did(nlp: Language) -> None:
    after = "Trump told a press conference at the White House after meeting with Macron."
    (meeting,) = [e for e in events(nlp, after) if e["type"] == "meeting"]
    assert meeting["place"] == "White House"  # was None
    during = "Tillerson calmed fears in Kyiv today as he met with President Petro Poroshenko."
    (met,) = [e for e in events(nlp, during) if e["type"] == "meeting"]
    assert met["place"] == "Kyiv"
    # the contrast: someone else's gathering at the same time is not placed by the act
    other = "Putin spoke in Moscow as Biden met Xi."
    (elsewhere,) = [e for e in events(nlp, other) if e["type"] == "meeting"]
    assert elsewhere["place"] is None


def test_negotiations_of_two_leaders_not_at_war_are_a_meeting(nlp: Language) -> None:
    text = "President Volodymyr Zelenskyy and Chancellor Angela Merkel held closed-door negotiations in Kyiv."
    gathered = [e for e in events(nlp, text) if e["type"] in {"meeting", "negotiation_round"}]
    assert [e["type"] for e in gathered] == ["meeting"]  # was negotiation_round
    # the contrast: negotiations of the warring sides, or of officials, stay a round
    warring = "Vladimir Putin and Volodymyr Zelensky held negotiations in Istanbul."
    assert [e["type"] for e in events(nlp, warring) if e["type"] in {"meeting", "negotiation_round"}] == [
        "negotiation_round"
    ]
    officials = "Andriy Yermak and Jonathan Powell held negotiations in London."
    assert [e["type"] for e in events(nlp, officials) if e["type"] in {"meeting", "negotiation_round"}] == [
        "negotiation_round"
    ]


def test_a_statement_to_an_audience_is_placed_where_it_was_given(nlp: Language) -> None:
    at = "Putin addressed journalists at the Kremlin."
    (said,) = [e for e in events(nlp, at) if e["type"] == "statement"]
    assert said["place"] == "Kremlin"  # was None: an audience other than a legislature dropped the place
    spoke_from = "Addressing journalists from the Kremlin on Sunday, Putin proposed direct talks."
    (addressed,) = [e for e in events(nlp, spoke_from) if e["type"] == "statement"]
    assert addressed["place"] == "Kremlin"
    # the contrast: "from" tells where a gathering's people came from, not where it was
    came = "Delegations from Moscow and Kyiv met in Istanbul."
    (talks,) = [e for e in events(nlp, came) if e["type"] in {"meeting", "negotiation_round"}]
    assert talks["place"] == "Istanbul"


def test_a_language_or_a_cause_is_no_place(nlp: Language) -> None:
    hindi = "Modi said in a speech in Hindi, sitting alongside Putin."
    (speech,) = [e for e in events(nlp, hindi) if e["type"] == "statement"]
    assert speech["place"] is None  # was "Hindi"
    cause = "The G7 leaders issued a declaration in support of Ukraine."
    (declared,) = [e for e in events(nlp, cause) if e["type"] == "statement"]
    assert declared["place"] is None  # was "Ukraine"
    # the contrast: a place's own "of" phrase and a city after a speech still place it
    city = "Zelensky gave a speech in the city of Kharkiv."
    (given,) = [e for e in events(nlp, city) if e["type"] == "statement"]
    assert given["place"] == "Kharkiv"
    moscow = "Modi said in a speech in Moscow."
    (spoken,) = [e for e in events(nlp, moscow) if e["type"] == "statement"]
    assert spoken["place"] == "Moscow"


def test_a_palace_named_by_its_venue_is_a_place_whatever_the_tagger_made_of_it(nlp: Language) -> None:
    text = "Zelensky called it a historic deal at a joint news conference at the Elysée presidential palace."
    (conference,) = [e for e in events(nlp, text) if e["type"] == "statement"]
    assert conference["place"] == "Elysée presidential palace"  # was None: "Elysée" tagged a person


def test_a_call_whose_reports_are_denied_did_not_happen(nlp: Language) -> None:
    denied = "The Kremlin has rejected reports of a phone conversation between Donald Trump and Putin."
    (call,) = [e for e in events(nlp, denied) if e["type"] == "phone_call"]
    assert call["modality"] == "negated"  # was a call that happened
    # the contrast: reports confirmed tell the call
    confirmed = "The Kremlin confirmed reports of a phone call between Donald Trump and Putin."
    (told,) = [e for e in events(nlp, confirmed) if e["type"] == "phone_call"]
    assert told["modality"] == "happened"


def test_an_attack_word_naming_a_kind_of_weapon_is_no_attack(nlp: Language) -> None:
    ships = "Neither man discussed the handing over of French amphibious assault ships to Russia."
    assert not [e for e in events(nlp, ships) if e["type"] == "attack"]  # was an attack by France
    helicopters = "France will deliver attack helicopters to Ukraine."
    assert not [e for e in events(nlp, helicopters) if e["type"] == "attack"]
    # the contrast: a campaign of strikes is attacks
    campaign = "Russia launched a drone strike campaign on Kyiv on Monday."
    (attack,) = [e for e in events(nlp, campaign) if e["type"] == "attack"]
    assert attack["place"] == "Kyiv"


def test_talks_told_as_frozen_or_lacking_progress_are_no_round_held(nlp: Language) -> None:
    frozen = "Peace talks between Moscow and Kyiv are frozen, with each side blaming the other."
    (talks,) = [e for e in events(nlp, frozen) if e["type"] == "negotiation_round"]
    assert talks["modality"] == "negated"  # was a round that happened
    lacking = "Trump is angry at the lack of progress in peace negotiations between Russia and Ukraine."
    (stalled,) = [e for e in events(nlp, lacking) if e["type"] == "negotiation_round"]
    assert stalled["modality"] == "negated"
    # the contrast: talks told as held
    held = "Peace talks between Moscow and Kyiv were held in Istanbul."
    (round_held,) = [e for e in events(nlp, held) if e["type"] == "negotiation_round"]
    assert round_held["modality"] == "happened"


def test_a_deal_the_parser_took_for_a_clause_keeps_its_place(nlp: Language) -> None:
    # "a minerals deal" parsed as a clausal complement of "signed": its "in Washington" was another clause's
    text = "Ukraine and the United States signed a minerals deal in Washington on April 30."
    (deal,) = [e for e in events(nlp, text) if e["type"] == "agreement"]
    assert deal["place"] == "Washington"  # was None


def test_a_meeting_on_the_sidelines_of_a_gathering_takes_its_place(nlp: Language) -> None:
    text = "Lavrov and Blinken met on the sidelines of the G20 summit in New Delhi."
    (meeting,) = [e for e in events(nlp, text) if e["type"] == "meeting"]
    assert meeting["place"] == "New Delhi"  # was None: "on" linked no place to the meeting


def test_signing_an_aid_package_or_a_law_is_no_deal_between_parties(nlp: Language) -> None:
    for text in (
        "US President Joe Biden signed a $95-billion foreign aid package on Wednesday.",
        "Biden signed the aid package into law.",
    ):
        assert [e["type"] for e in events(nlp, text)] == ["aid"], text
    deal = events(nlp, "Zelensky and Starmer signed a 100-year partnership agreement.")
    assert [e["type"] for e in deal] == ["agreement"]


def test_a_statement_at_the_gathering_told_before_took_place_there(nlp: Language) -> None:
    # the speaker is not among the summit's parties, but "at the summit" names the one just told
    text = (
        "Leaders gathered in The Hague for a Nato summit. Trump said at a news conference at the summit "
        "that the money should be spent on hardware."
    )
    (statement,) = [e for e in events(nlp, text) if e["type"] == "statement"]
    assert statement["place"] == "The Hague"
    # a gathering of others, not named as the setting: no place lent
    text = "Erdogan met Putin in Sochi. Zelensky said at a press conference that talks were needed."
    (statement,) = [e for e in events(nlp, text) if e["type"] == "statement"]
    assert statement["place"] is None


def test_a_gathering_expected_to_be_held_somewhere_is_placed_there(nlp: Language) -> None:
    (meeting,) = events(nlp, "The Normandy Four summit is expected to be held in Astana.")
    assert meeting["place"] == "Astana"
