from __future__ import annotations

from typing import Any

from spacy.language import Language

from accord.extract.components.quote_attribution import find_quotations


def quotes(nlp: Language, text: str) -> list[dict[str, Any]]:
    return list(nlp(text)._.accord_quotes)


def test_curly_quote_with_trailing_tag(nlp: Language) -> None:
    text = "“We will not give up a single village,” Volodymyr Zelensky said on Monday."
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Volodymyr Zelensky"
    assert quote["text"].startswith("We will not give up")
    assert text[quote["start"] : quote["end"]].startswith("We will not")


def test_straight_quote_glued_to_the_previous_word(nlp: Language) -> None:
    text = 'Sergei Lavrov said the proposal was"a step in the right direction" for both sides.'
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Sergei Lavrov"
    assert quote["text"] == "a step in the right direction"


def test_continuation_after_the_tag_is_one_quote(nlp: Language) -> None:
    text = (
        "“The talks were long and difficult,” said Dmytro Kuleba. “But we agreed on the next steps "
        "and we will meet again.”"
    )
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Dmytro Kuleba"
    assert "next steps" in quote["text"]


def test_pronoun_speaker_resolves_to_the_last_named_actor(nlp: Language) -> None:
    text = (
        "Emmanuel Macron arrived in Kyiv on a night train. "
        "“Europe stands with Ukraine for as long as it takes,” he told reporters."
    )
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Emmanuel Macron"


def test_according_to_attribution(nlp: Language) -> None:
    text = "The offensive is “running out of steam before the winter sets in,” according to Antony Blinken."
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Antony Blinken"


def test_unnamed_speaker_gets_a_description(nlp: Language) -> None:
    text = (
        "“Nobody expects a breakthrough this week,” said a senior European diplomat, declining to be named."
    )
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "unnamed: senior European diplomat"


def test_scare_quotes_and_titles_are_not_quotes(nlp: Language) -> None:
    text = (
        "The ministers discussed Ukraine's “neutrality” at length. "
        "The plan, known as “Operation Spring Dawn”, was shelved by the Kremlin."
    )
    assert quotes(nlp, text) == []


def test_short_quote_governed_by_a_speech_verb_counts(nlp: Language) -> None:
    text = "Donald Trump described the call as “very productive” and left for Florida."
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Donald Trump"
    assert quote["text"] == "very productive"


def test_dash_introduced_interview_answer(nlp: Language) -> None:
    text = (
        "We asked the analyst what comes next.\n"
        "Dr. Ivan Petrenko: - The front will not move much before spring, and both armies know it."
    )
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Ivan Petrenko"
    assert quote["text"].startswith("The front will not move")


def test_nested_straight_quotes_stay_inside_the_outer_quote() -> None:
    text = 'He said: "They call it a"special operation" but it is a war," and left.'
    (found,) = find_quotations(text)
    assert text[found.start : found.end] == 'They call it a"special operation" but it is a war,'


def test_unclosed_quote_runs_to_the_end_of_its_paragraph() -> None:
    text = "“We will hold the line,” she said. “They will not pass.\nNext paragraph."
    spans = [text[q.start : q.end] for q in find_quotations(text)]
    assert spans == ["We will hold the line,", "They will not pass."]


def test_inverted_tag_after_a_dash_names_the_speaker(nlp: Language) -> None:
    text = 'In his view, Moscow"will not stop at the border unless it is stopped" - added Mark Rutte.'
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Mark Rutte"


def test_quoted_words_in_reported_speech_belong_to_the_outer_speaker(nlp: Language) -> None:
    text = (
        "Donald Trump announced that he would lift the tariffs if Vladimir Putin offered a “fair deal” "
        "before the summit."
    )
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Donald Trump"


def test_bare_surname_of_a_registry_person_is_the_speaker(nlp: Language) -> None:
    text = "“There will be no more delays,” Hegseth told the allies."
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Pete Hegseth"


def test_quotation_after_a_lead_in_paragraph_ending_with_a_colon(nlp: Language) -> None:
    text = "Dmitry Peskov told reporters on Monday:\n“Our position has not changed and will not change.”"
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Dmitry Peskov"


def test_quotation_running_over_two_paragraphs_is_one_quote(nlp: Language) -> None:
    text = (
        "“We will keep talking to everyone who wants peace,” Recep Tayyip Erdogan said. “The door is open.\n"
        "“But nobody should mistake patience for weakness.”"
    )
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Recep Tayyip Erdogan"
    assert quote["text"].endswith("weakness.")


def test_word_quoted_by_a_verb_of_judgement(nlp: Language) -> None:
    text = "Volodymyr Zelensky dismissed the offer as an “ultimatum” and left the room."
    (quote,) = quotes(nlp, text)
    assert (quote["speaker"], quote["text"]) == ("Volodymyr Zelensky", "ultimatum")


def test_british_single_quotes_and_apostrophes(nlp: Language) -> None:
    text = "‘We’re not going to walk away from Ukraine’s people,’ Keir Starmer said in London."
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Keir Starmer"
    assert quote["text"] == "We’re not going to walk away from Ukraine’s people"


def test_a_passage_after_a_non_attribution_clause_is_a_new_quote(nlp: Language) -> None:
    text = (
        'Donald Trump called it a"first step," which suggests more meetings will follow."Nobody trusts '
        'the Kremlin here," says Professor Anna Nowak.'
    )
    speakers = [(q["speaker"], q["text"].split()[0]) for q in quotes(nlp, text)]
    assert ("Anna Nowak", "Nobody") in speakers


def test_name_then_speech_verb_right_after_the_quote(nlp: Language) -> None:
    text = "Talks will resume “within days”, the US president said on Friday. Donald Trump flew to Florida."
    (quote,) = quotes(nlp, text)
    assert (quote["speaker"], quote["text"]) == ("Donald Trump", "within days")


def test_quotation_across_a_hard_wrapped_line() -> None:
    text = "He said the plan was “a step\nforward for everyone” and left."
    (found,) = find_quotations(text)
    assert text[found.start : found.end] == "a step\nforward for everyone"


def test_a_role_noun_speaker_is_the_person_named_before(nlp: Language) -> None:
    text = (
        "Ukrainian President Volodymyr Zelensky spoke on the national telethon. "
        "“Guarantees without America are weak guarantees,” the president says."
    )
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Volodymyr Zelensky"


def test_a_named_body_statement_is_quoted_under_its_country(nlp: Language) -> None:
    text = (
        "Warships that leave the agreed zone break the “spirit of this deal”, a White House statement said.\n"
        "“All sides have agreed to keep commercial shipping safe,” the statement said."
    )
    found = quotes(nlp, text)
    assert [q["speaker"] for q in found] == ["United States", "United States"]


def test_a_body_the_registry_does_not_know_speaks_for_the_party_that_owns_it(nlp: Language) -> None:
    text = 'Ukraine\'s Defense Ministry said it had "not received any official notifications" of a pause.'
    assert [q["speaker"] for q in quotes(nlp, text)] == ["Ukraine"]  # was "Defense Ministry"
    named = 'Zelensky\'s office said he was "ready to meet" Putin.'
    assert [q["speaker"] for q in quotes(nlp, named)] == ["Ukraine"]


def test_an_unnamed_speaker_keeps_what_narrows_it_down(nlp: Language) -> None:
    text = "“The draft has gone to the working groups for signatures,” a source close to the talks said."
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "unnamed: source close to the talks"
    office = "“Europeans need to do more,” an adviser in Macron’s office told reporters."
    (quote,) = quotes(nlp, office)
    assert quote["speaker"] == "unnamed: adviser in Macron’s office"  # was "Macron ’s office"


def test_according_to_a_titled_name_is_the_person_not_the_country(nlp: Language) -> None:
    text = (
        "All parties backed “the good offices of third countries in carrying out the deal”, according to "
        "Ukraine's Defence Minister Rustem Umerov."
    )
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Rustem Umerov"


def test_a_quoted_name_after_a_determiner_is_a_term(nlp: Language) -> None:
    text = "Sergei Lavrov said the “Kyiv formula” was not workable and called the offer a “dead end”."
    found = quotes(nlp, text)
    assert [q["text"] for q in found] == ["dead end"]


def test_a_fragment_printed_again_in_full_is_one_quote(nlp: Language) -> None:
    text = (
        "Yuri Ushakov said the conversations had been “truly friendly”.\n"
        "“Putin knows the envoy well. Their conversations are truly friendly,” Ushakov told state television."
    )
    (quote,) = quotes(nlp, text)
    assert quote["text"].startswith("Putin knows the envoy well")


def test_a_wire_agency_is_no_speaker(nlp: Language) -> None:
    text = "The delegations agreed on “two corridors for civilians leaving the city,” according to Efe."
    assert [q["speaker"] for q in quotes(nlp, text)] == []


def test_a_pronoun_speaker_is_exposed_on_its_token(nlp: Language) -> None:
    text = "Emmanuel Macron landed in Kyiv at dawn. “Europe will not look away,” he told reporters."
    doc = nlp(text)
    pronoun = next(t for t in doc if t.lower_ == "he")
    assert pronoun._.accord_referent["name"] == "Emmanuel Macron"


def test_labelled_interview_answers_without_quotation_marks(nlp: Language) -> None:
    text = (
        "Question: Minister, will the truce hold through the winter?\n"
        "Sergei Lavrov: The truce holds, and we expect the monitors to confirm it next week.\n"
        "Question: Who is breaking it, then?\n"
        "Sergei Lavrov: Some armed groups answer to nobody, and they shoot when they please."
    )
    found = quotes(nlp, text)
    assert [q["speaker"] for q in found] == ["Sergei Lavrov", "Sergei Lavrov"]
    assert found[0]["text"].startswith("The truce holds")
    assert found[1]["text"].startswith("Some armed groups")


def test_a_press_conference_transcript_names_its_journalist_and_one_speaker_two_ways(nlp: Language) -> None:
    text = (
        "Anna Petrova: Anna Petrova, Channel One.\n\nWhat about the talks with Kyiv?\n\n"
        "President of Russia Vladimir Putin: We are ready for talks, as we have always said.\n\n"
        "Anna Petrova: And the sanctions? What will happen with them now?\n\n"
        "Vladimir Putin: Sanctions never worked and they will not work now, believe me."
    )
    found = [(q["speaker"], q["text"][:12]) for q in quotes(nlp, text)]
    assert found == [("Vladimir Putin", "We are ready"), ("Vladimir Putin", "Sanctions ne")]


def test_unlabelled_interview_answers_are_the_interviewees(nlp: Language) -> None:
    text = (
        "Foreign Minister Dmytro Kuleba sat down with our paper for an interview about the winter talks.\n"
        "Do you believe the other side understands where the limits are?\n"
        'I do not think they have understood the "limits" yet, but they will.\n'
        "Has anything changed since the last round?\n"
        "Nothing has changed so far. We hoped for more, frankly."
    )
    found = quotes(nlp, text)
    assert [q["speaker"] for q in found] == ["Dmytro Kuleba", "Dmytro Kuleba"]
    assert found[0]["text"].startswith("I do not think they have understood")
    assert found[1]["text"].startswith("Nothing has changed so far")


def test_a_headline_with_a_colon_is_no_interview(nlp: Language) -> None:
    text = "Sergei Lavrov: Moscow is ready for talks\nThe minister spoke in Ankara on Tuesday."
    assert quotes(nlp, text) == []


def test_two_quotations_glued_together_each_with_its_own_tag(nlp: Language) -> None:
    text = (
        'Vladimir Putin said the talks had been "long and hard.""We will see what the spring brings, '
        'nobody knows yet," the Russian president added.'
    )
    found = quotes(nlp, text)
    assert len(found) == 2
    assert found[1]["text"].startswith("We will see what the spring brings")


def test_an_inverted_tag_with_a_countrys_title_names_the_person(nlp: Language) -> None:
    # "said Ukrainian Foreign Minister Dmytro Kuleba" was credited to Ukraine, the first name in the title
    doc = nlp('"This is unacceptable," said Ukrainian Foreign Minister Dmytro Kuleba.')
    assert [q["speaker"] for q in doc._.accord_quotes] == ["Dmytro Kuleba"]
    doc = nlp(
        '"We will respond," said Russian Deputy Foreign Minister Sergei Ryabkov, adding that talks were over.'
    )
    assert [q["speaker"] for q in doc._.accord_quotes] == ["Sergei Ryabkov"]


def test_a_name_after_saying_that_begins_the_reported_clause_is_not_the_speaker(nlp: Language) -> None:
    text = (
        "Mr Lavrov claimed that relations had plunged to their lowest point “in many years”, saying "
        "Ms Truss was “following the West’s playbook”."
    )
    assert [q["speaker"] for q in quotes(nlp, text)] == ["Sergei Lavrov", "Sergei Lavrov"]  # was Truss
    # a speech word that is no verb there ("State Department") does not end an inverted tag
    said = '"One call is not enough," State Department spokeswoman Tammy Bruce said, referring to the talks.'
    assert [q["speaker"] for q in quotes(nlp, said)] == ["Tammy Bruce"]


def test_an_inverted_tag_reaches_the_person_past_a_lower_case_title(nlp: Language) -> None:
    (quote,) = quotes(nlp, '"This is unacceptable," said Kremlin spokesman Dmitry Peskov.')
    assert quote["speaker"] == "Dmitry Peskov"


def test_a_speaker_quoted_as_saying_past_a_title(nlp: Language) -> None:
    text = '"We welcome the signing of the protocol," Kremlin spokesman Dmitry Peskov was quoted as saying.'
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Dmitry Peskov"
    (quote,) = quotes(nlp, '"We will not give up," Zelensky was quoted as saying by Interfax.')
    assert quote["speaker"] == "Volodymyr Zelensky"


def test_a_low_opening_mark_closes_with_the_high_one() -> None:
    # „...“ (German style) and «...“ (machine-copied): the high mark after a word closes the quotation
    for text in ("„We will not give up“, Zelensky said.", "«We need peace now“, Zelensky said."):
        (quotation,) = find_quotations(text)
        assert text[quotation.start : quotation.end].startswith("We ")
        assert text[quotation.end + 1 :].startswith(", Zelensky")


def test_a_participle_after_a_passive_speaks_for_its_agent(nlp: Language) -> None:
    text = (
        'The stance was clarified by Vladimir Putin, who expressed optimism, saying there was "light at the '
        'end of the tunnel."'
    )
    assert [q["speaker"] for q in quotes(nlp, text)] == ["Vladimir Putin"]  # was no one
    # a passive with no participle of speech names no speaker by its agent
    assert not quotes(nlp, 'The "peace formula" was rejected by Moscow.')


def test_an_absolute_with_phrase_speaks_for_its_own_subject(nlp: Language) -> None:
    text = (
        "Kyiv has rejected this proposal, with Ukrainian Foreign Minister Andrii Sybiha condemning "
        'Putin\'s "knowingly unacceptable" conditions.'
    )
    assert [q["speaker"] for q in quotes(nlp, text)] == ["Andrii Sybiha"]  # was Ukraine
    # reported speech still belongs to its outermost speaker
    reported = 'Trump announced that he would inform the Europeans if Putin proposed a "fair deal."'
    assert [q["speaker"] for q in quotes(nlp, reported)] == ["Donald Trump"]


def test_an_unlabelled_interview_is_the_named_persons_not_an_office_in_passing(nlp: Language) -> None:
    text = (
        "Ahead of talks between the leaders of Russia, Ukraine, Germany and France, we spoke with Ukrainian "
        "foreign minister Pavlo Klimkin in an interview.\n\n"
        "What do you expect from the negotiations today?\n\n"
        "We need a truce and we need it now, and I think we can reach it.\n\n"
        "What could make the talks fail?\n\n"
        "We could fail if there is no control of the border, and I am worried about it."
    )
    doc = nlp.make_doc(text)
    doc._.accord_published = "2015-02-11"
    assert {q["speaker"] for q in nlp(doc)._.accord_quotes} == {"Pavlo Klimkin"}  # was Vladimir Putin


def test_a_who_the_parser_left_outside_a_relative_clause_is_the_person_before_it(nlp: Language) -> None:
    text = (
        "A six-point peace plan jointly proposed by China and Brazil sparked a furious outburst from"
        ' Ukrainian President Volodymyr Zelensky this week, who described it as "destructive."'
    )
    assert [q["speaker"] for q in quotes(nlp, text)] == ["Volodymyr Zelensky"]  # was "unnamed: who"


def test_a_participle_of_speech_goes_on_with_the_reporting_speaker(nlp: Language) -> None:
    text = 'Zelensky said Russia had attacked Kyiv again, adding: "We need more air defence now."'
    assert [q["speaker"] for q in quotes(nlp, text)] == ["Volodymyr Zelensky"]  # was Russia
    stated = (
        "Foreign Minister Andrii Sybiha stated that Ukraine has already agreed to the US proposal,"
        ' writing to X: "Putin now made statements about his alleged willingness to end the fire."'
    )
    assert [q["speaker"] for q in quotes(nlp, stated)] == ["Andrii Sybiha"]  # was Ukraine


def test_a_circumstance_told_after_the_quotation_is_not_its_tag(nlp: Language) -> None:
    text = (
        "Zelensky declared on Saturday that his countrymen “will not give their land to occupiers,” "
        "after Donald Trump suggested that a deal would include some swapping of territories."
    )
    assert [q["speaker"] for q in nlp(text)._.accord_quotes] == ["Volodymyr Zelensky"]  # was Trump
    governed = "Although Dmitriev described the talks as “productive,” Peskov remained cautious."
    assert [q["speaker"] for q in nlp(governed)._.accord_quotes] == ["Kirill Dmitriev"]


def test_the_credit_opening_a_story_is_not_a_speaker(nlp: Language) -> None:
    text = (
        '(Newser) – President Biden urged Vladimir Putin on Tuesday to "de-escalate tensions" at the border.'
    )
    assert [(q["speaker"], q["text"]) for q in quotes(nlp, text)] == [("Joe Biden", "de-escalate tensions")]


def test_an_interview_labelled_only_in_its_first_exchange_goes_on_unlabelled(nlp: Language) -> None:
    text = (
        "Ibrahim Naber: Mr President, what did you learn about the plan to end the war?\n"
        "Alexander Stubb: I left with the feeling that the president was losing patience with Russia.\n"
        "Did Trump say he would put more pressure on Russia?\n"
        "We will see what comes next. My advice was to set a deadline for the ceasefire.\n"
        "Donald Trump made harsh statements the following day.\n"
    )
    found = [(q["speaker"], q["text"][:20]) for q in quotes(nlp, text)]
    # was only the labelled answer: the unlabelled one after the question is Stubb's too
    assert found == [("Alexander Stubb", "I left with the feel"), ("Alexander Stubb", "We will see what com")]


def test_a_document_or_the_sides_together_are_no_speaker(nlp: Language) -> None:
    readout = 'The meeting lasted over five hours, the readout said, calling it "constructive and useful".'
    assert quotes(nlp, readout) == []  # was "unnamed: readout"
    sides = 'Both the American and Ukrainian sides confirmed "progress" in the talks.'
    assert quotes(nlp, sides) == []
    resolution = 'The resolution "deplores" the annexation, and a press release urged "immediate withdrawal".'
    assert quotes(nlp, resolution) == []  # was "unnamed: resolution", "unnamed: press release"
    report = 'The parties must agree on a venue, "which must be requested by the parties," the report said.'
    assert quotes(nlp, report) == []  # was "unnamed: report"
    # a copy's dropped word leaves the parser a determiner for a subject: no one described
    dropped = (
        "“Today, we reaffirm that Russia’s actions will have significant consequences,” the said in a text."
    )
    assert [q["speaker"] for q in quotes(nlp, dropped)] == []  # was "unnamed: the"
    official = 'A senior official said the talks were "constructive and useful".'
    assert [q["speaker"] for q in quotes(nlp, official)] == ["unnamed: senior official"]


def test_a_pronoun_before_the_quotation_stands_for_someone_named_before_it(nlp: Language) -> None:
    text = "Zelensky's office said he told Trump that “Ukraine will never recognise the occupation”."
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Volodymyr Zelensky"  # was Donald Trump, named after "he"


def test_a_leaders_office_is_quoted_under_the_country_it_serves(nlp: Language) -> None:
    text = "In a statement, Zelensky's office said the talks had been “constructive and useful”."
    (quote,) = quotes(nlp, text)
    assert (
        quote["speaker"] == "Ukraine"
    )  # was Volodymyr Zelensky (guide: a readout's wording is the country's)
    spokesman = "Zelensky's spokesman Serhii Nykyforov said the talks had been “constructive and useful”."
    assert [q["speaker"] for q in quotes(nlp, spokesman)] != ["Ukraine"]


def test_a_ministry_owned_by_a_pronoun_speaks_for_its_heads_country(nlp: Language) -> None:
    text = (
        "Dmytro Kuleba restated that Kyiv is ready to talk, his ministry said, adding that “no such readiness"
        " is currently observed on the Russian side”."
    )
    (quote,) = quotes(nlp, text)
    assert quote["speaker"] == "Ukraine"  # was "unnamed: ministry"


def test_a_quoted_clause_after_said_that_is_words_not_a_name(nlp: Language) -> None:
    (quote,) = quotes(nlp, "Donald Trump said that “Putin wants peace.”")
    assert quote["speaker"] == "Donald Trump" and quote["text"].startswith("Putin wants peace")
    # the contrast: a capitalised term after a determiner names a thing
    assert not quotes(nlp, "Sergei Lavrov rejected the “Steinmeier Formula” idea.")


def test_a_quotation_after_a_tag_sentence_with_a_tag_of_its_own_is_another_quote(nlp: Language) -> None:
    text = (
        "“It was a good meeting,” Lavrov told reporters in Moscow after the talks. "
        "“We agreed to meet again next month,” he said."
    )
    # was one quote joining both
    two = ["It was a good meeting", "We agreed to meet again next month"]
    assert [q["text"] for q in quotes(nlp, text)] == two
    continued = "“It was a good meeting,” Lavrov told reporters. “We agreed to meet again next month.”"
    assert len(quotes(nlp, continued)) == 1  # no tag of its own: the passage goes on


def test_the_wars_set_name_in_quotation_marks_is_no_quote(nlp: Language) -> None:
    text = "Peskov said Russia would press on with its “special military operation” in Ukraine."
    assert quotes(nlp, text) == []  # was Peskov's words
    own = "Peskov said the talks were “very productive”."
    assert [q["text"] for q in quotes(nlp, own)] == ["very productive"]


def test_a_transcript_in_capitals_asks_through_its_host_and_answers_through_its_guest(nlp: Language) -> None:
    text = (
        "The following is the transcript of an interview with Steve Witkoff on Sunday.\n"
        "MARGARET BRENNAN: Welcome back to the program, Ambassador.\n"
        "SPECIAL ENVOY TO THE MIDDLE EAST STEVE WITKOFF: Thank you. Thanks for having me, Margaret.\n"
        "MARGARET BRENNAN: Was the Kremlin meeting a success?\n"
        "STEVE WITKOFF: Well, I was there for quite some time, and we made a lot of progress.\n"
        "MARGARET BRENNAN: Is this a delay tactic by the Kremlin?\n"
        "STEVE WITKOFF: I would assume that they have a real relationship from the first term.\n"
        "MARGARET BRENNAN: Will the two presidents speak this week?"
    )
    # was no quote: both labels were answerers, and a label in capitals named no mention
    found = [(q["speaker"], q["text"][:12]) for q in quotes(nlp, text)]
    assert found == [
        ("Steve Witkoff", "Thank you. T"),  # a title and name in capitals label a turn too
        ("Steve Witkoff", "Well, I was "),
        ("Steve Witkoff", "I would assu"),
    ]


def test_a_label_with_a_title_or_a_surname_names_the_person_the_text_names(nlp: Language) -> None:
    text = (
        "Margaret Brennan spoke with Secretary of State Marco Rubio.\n"
        "MARGARET BRENNAN: Will the two presidents meet in the Vatican?\n"
        "SECRETARY OF STATE MARCO RUBIO: Well, I think they would be open to such a meeting soon.\n"
        "MARGARET BRENNAN: And what about a ceasefire in the coming weeks?\n"
        "SEC. RUBIO: Well, we talked about a variety of things with the Russian side."
    )
    # was no quote: neither label is the text's "Marco Rubio" word for word
    assert [(q["speaker"], q["text"][:10]) for q in quotes(nlp, text)] == [
        ("Marco Rubio", "Well, I th"),
        ("Marco Rubio", "Well, we t"),
    ]


def test_a_pronoun_after_someone_talked_to_the_press_is_that_speaker(nlp: Language) -> None:
    text = (
        "Donald Trump said the call went well. ABC News reported that Vladimir Putin also spoke with "
        "reporters in Sochi. “Russia is ready to work on a memorandum,” he said."
    )
    speakers = [q["speaker"] for q in quotes(nlp, text)]
    assert speakers[-1] == "Vladimir Putin"  # was Donald Trump, the last one told saying something


def test_a_document_from_a_party_is_that_partys_wording(nlp: Language) -> None:
    # as "the G7 statement said" (both forms of the tag); "the statement said" alone stays no one's
    text = (
        'According to a draft statement from the G7, "Russia should be in no doubt that further military '
        'aggression against Ukraine would have massive consequences."'
    )
    assert [q["speaker"] for q in quotes(nlp, text)] == ["G7"]  # was no quote


def test_a_pronoun_speaker_never_stands_for_a_name_inside_a_quotation(nlp: Language) -> None:
    text = (
        'The summit ended in Brussels on Friday. "Russia must be in no doubt about our resolve," the '
        'document said. "We stand with Ukraine," it added.'
    )
    assert not any(
        q["speaker"] == "Russia" for q in quotes(nlp, text)
    )  # was Russia's "We stand with Ukraine"


def test_a_new_attribution_clause_starts_a_new_quote(nlp: Language) -> None:
    # guide: '"…," he said. "…"' is one quote, but 'He added, "…"' starts a new one (they were merged)
    text = (
        'Kallas told reporters: "Russia is not serious about peace." '
        'She added: "We must keep the pressure on."'
    )
    assert [q["text"] for q in quotes(nlp, text)] == [
        "Russia is not serious about peace.",
        "We must keep the pressure on.",
    ]
    broken = '"We are ready for talks," Peskov said. "But Kyiv must withdraw first."'
    assert len(quotes(nlp, broken)) == 1


def test_the_ministry_is_the_last_named_ministers_country(nlp: Language) -> None:
    # no ministry was named before: "the ministry" was an unnamed speaker, "the Foreign Ministry" a body of
    # its own
    for ministry in ("the ministry", "the foreign ministry", "the Foreign Ministry"):
        text = (
            "Russian Foreign Minister Sergei Lavrov met Li Hui on Friday. "
            f"“There are serious obstacles to peace talks,” {ministry} said."
        )
        assert [q["speaker"] for q in quotes(nlp, text)] == ["Russia"], ministry


def test_a_subject_inside_the_quotation_is_not_the_tags_speaker(nlp: Language) -> None:
    # the parser hangs "actions" (inside the marks) on "said" beside the ministry
    text = (
        "Russian Foreign Minister Sergei Lavrov met Li Hui on Friday.\n\n“Concern was expressed about the "
        "dangerous consequences of the growing involvement of NATO countries in the Ukrainian "
        "conflict, (and) their actions to militarise Ukraine,” the foreign ministry said, referring to the "
        "meeting between Galuzin and Li."
    )
    assert [q["speaker"] for q in quotes(nlp, text)] == ["Russia"]


def test_a_transliterated_surname_alone_is_its_registered_bearer(nlp: Language) -> None:
    # Russian-language copies write Sybiha "Sibiga": the surname alone was an unknown speaker
    text = "Andriy Sybiga spoke to Marco Rubio on Monday. “We are ready for meetings,” Sibiga said."
    assert [q["speaker"] for q in quotes(nlp, text)] == ["Andrii Sybiha"]


def test_a_tag_on_the_next_line_after_a_dash_names_the_speaker(nlp: Language) -> None:
    # the dash line going on in lower case is no interview answer: it tags the quotation above it
    text = (
        "Moscow thanked Astana.\n\n“We are aware of this. We highly appreciate such readiness,”\n\n"
        "— said Dmitry Peskov, press secretary to the Russian president.\n\nThe visit begins tomorrow."
    )
    found = [(q["speaker"], q["text"][:20]) for q in quotes(nlp, text)]
    assert found == [("Dmitry Peskov", "We are aware of this")]


def test_a_newspaper_quoting_itself_is_no_speaker(nlp: Language) -> None:
    text = "“Officials said Austin will tell Kyiv the door is open,” the Washington Times continues."
    assert quotes(nlp, text) == []
