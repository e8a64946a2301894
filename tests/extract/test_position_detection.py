from __future__ import annotations

from spacy.language import Language


def stances(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    return {(p["actor"], p["issue"], p["stance"]) for p in nlp(text)._.accord_positions}


def test_speaker_supports_an_issue(nlp: Language) -> None:
    text = "Recep Tayyip Erdogan said on Monday that both sides should agree to a ceasefire."
    assert ("Recep Tayyip Erdogan", "ceasefire", "support") in stances(nlp, text)


def test_negation_flips_the_stance(nlp: Language) -> None:
    text = "Sergei Lavrov said Moscow would never accept Ukraine's membership in NATO."
    assert ("Sergei Lavrov", "nato_membership", "oppose") in stances(nlp, text)


def test_condition_makes_the_main_stance_conditional_and_the_demand_supported(nlp: Language) -> None:
    text = "The Kremlin said it would agree to a truce if Kyiv accepted neutral status."
    found = stances(nlp, text)
    assert ("Russia", "ceasefire", "conditional") in found
    assert ("Russia", "neutrality", "support") in found


def test_territory_direction_reclaiming_is_oppose(nlp: Language) -> None:
    text = "Volodymyr Zelensky vowed that Ukraine would win back every occupied region."
    assert ("Volodymyr Zelensky", "territory", "oppose") in stances(nlp, text)


def test_sanctions_lifting_is_oppose(nlp: Language) -> None:
    text = "Sergei Lavrov demanded the lifting of sanctions on Russian banks."
    assert ("Sergei Lavrov", "sanctions", "oppose") in stances(nlp, text)


def test_quoted_stance_belongs_to_the_speaker(nlp: Language) -> None:
    text = "“We need more air defence systems, and we need them now,” Volodymyr Zelensky said."
    assert ("Volodymyr Zelensky", "military_aid", "support") in stances(nlp, text)


def test_commentators_hold_no_positions(nlp: Language) -> None:
    text = "Analyst Marta Kowalczyk said a ceasefire was the only realistic outcome."
    assert not any(issue == "ceasefire" for _, issue, _ in stances(nlp, text))


def test_a_cue_without_a_stated_stance_is_not_a_position(nlp: Language) -> None:
    text = "Shelling continued overnight despite the ceasefire."
    assert stances(nlp, text) == set()


def test_one_entry_per_actor_issue_with_conditional_winning(nlp: Language) -> None:
    text = (
        "Donald Trump said he supports a ceasefire. "
        "Donald Trump said he would back a ceasefire only if Russia stopped its attacks on cities."
    )
    found = [s for s in stances(nlp, text) if s[1] == "ceasefire"]
    assert found == [("Donald Trump", "ceasefire", "conditional")]


def test_positions_keep_their_sentence(nlp: Language) -> None:
    text = "Talks resumed. Antony Blinken said Washington would keep sanctions in place."
    (position,) = [p for p in nlp(text)._.accord_positions if p["issue"] == "sanctions"]
    assert (
        position["sentence"]
        == text[position["sentence_start"] : position["sentence_start"] + len(position["sentence"])]
    )
    assert "sanctions" in text[position["start"] : position["end"]]


def test_verbs_inside_the_condition_do_not_make_holders(nlp: Language) -> None:
    text = "The Kremlin said it would agree to a ceasefire if Kyiv recognized the annexation of four regions."
    holders = {actor for actor, _, _ in stances(nlp, text)}
    assert "Ukraine" not in holders
    assert ("Russia", "territory", "support") in stances(nlp, text)


def test_subjectless_clause_takes_its_governing_subject(nlp: Language) -> None:
    text = "Donald Trump dismissed the idea, telling reporters that Ukraine would never join NATO."
    assert ("Donald Trump", "nato_membership", "oppose") in stances(nlp, text)


def test_each_named_party_that_agrees_gets_its_own_position(nlp: Language) -> None:
    text = "Vladimir Putin and Volodymyr Zelensky agreed to a ceasefire over Easter."
    found = stances(nlp, text)
    assert ("Vladimir Putin", "ceasefire", "support") in found
    assert ("Volodymyr Zelensky", "ceasefire", "support") in found


def test_both_sides_are_the_parties_of_the_talks_just_described(nlp: Language) -> None:
    text = (
        "Delegations from Russia and Ukraine held talks in Istanbul on Friday. "
        "Both sides agreed to a prisoner exchange of 1,000 soldiers each."
    )
    found = stances(nlp, text)
    assert ("Russia", "prisoner_exchange", "support") in found
    assert ("Ukraine", "prisoner_exchange", "support") in found


def test_quoted_stance_also_belongs_to_the_party_named_outside_the_quote(nlp: Language) -> None:
    text = "Antony Blinken said that Washington “will not accept Ukraine's membership in NATO for now”."
    found = stances(nlp, text)
    assert ("Antony Blinken", "nato_membership", "oppose") in found
    assert ("United States", "nato_membership", "oppose") in found


def test_such_a_noun_points_back_at_the_issue(nlp: Language) -> None:
    text = "Volodymyr Zelensky proposed a land swap with Russia. The Kremlin rejected such a swap outright."
    assert ("Russia", "other", "oppose") in stances(nlp, text)


def test_a_noun_of_removal_turns_the_issue_around(nlp: Language) -> None:
    text = "Sergei Lavrov demanded the removal of Western sanctions before any summit."
    assert ("Sergei Lavrov", "sanctions", "oppose") in stances(nlp, text)


def test_an_office_speaks_for_its_holder(nlp: Language) -> None:
    text = "Volodymyr Zelensky's office said Ukraine would never recognise the annexation of Crimea."
    assert ("Volodymyr Zelensky", "crimea", "oppose") in stances(nlp, text)


def test_an_unrealistic_goal_is_opposed(nlp: Language) -> None:
    text = "Pete Hegseth said that returning to Ukraine's pre-2014 borders was an unrealistic objective."
    assert ("Pete Hegseth", "territory", "support") in stances(nlp, text)


def test_weapons_in_a_battle_report_are_not_a_stance_on_aid(nlp: Language) -> None:
    text = "Volodymyr Zelensky said Russian shells and missiles hit Kharkiv overnight."
    assert not any(issue == "military_aid" for _, issue, _ in stances(nlp, text))


def test_talk_about_an_issue_is_not_a_stance_on_it(nlp: Language) -> None:
    text = "The terms of a truce could shape the region for decades, Kaja Kallas said."
    assert not any(issue == "ceasefire" for _, issue, _ in stances(nlp, text))
    text = "Sergei Lavrov rejected any talk of a truce."
    assert ("Sergei Lavrov", "ceasefire", "oppose") in stances(nlp, text)
