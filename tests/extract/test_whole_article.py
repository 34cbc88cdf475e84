"""Whole articles: what a source or a period said once does for the sentences that continue it.

Every text here is written for these tests; countries, bodies and people are invented.
"""
from __future__ import annotations

from sourcetrace import trace_text

PUBLISHED = "2025-10-17"  # a Friday


def traced(text: str, **metadata):
    return trace_text(text, published=metadata.pop("published", PUBLISHED), language="en", **metadata)


def figure(trace, phrase: str):
    start = trace.document.text.index(phrase)
    return next(f for f in trace.figures if f.span[0] <= start < f.span[1] or start <= f.span[0] < start + len(phrase))


def chain(f) -> list[tuple[str, str]]:
    return [(link.name, link.role) for link in f.attribution]


def test_a_source_named_once_governs_the_next_sentence_and_says_so():
    text = ("Valdoria's State Migration Service said 12,400 people crossed the border in September. "
            "About 3,100 of them were children.")
    trace = traced(text)
    later = figure(trace, "About 3,100")
    assert chain(later) == [("Valdoria's State Migration Service", "origin")]
    first_sentence = (0, text.index("About") - 1)
    assert all(link.inherited_from == first_sentence for link in later.attribution)
    assert all(link.inherited_from is None for link in figure(trace, "12,400").attribution)


def test_a_relayed_lead_relays_what_follows_and_a_description_names_the_party():
    text = ("The Harbour Gazette reported on Monday, citing the Committee for Missing Persons, that 2,310 "
            "people remain missing.\n\nThe committee said 640 of the cases had been closed this year.")
    trace = traced(text)
    later = figure(trace, "640")
    assert chain(later) == [("Harbour Gazette", "relay"), ("Committee for Missing Persons", "origin")]
    assert later.attribution[0].inherited_from is not None  # the relay comes from the lead


def test_an_abbreviation_keeps_its_own_name_and_the_relays_of_the_party_it_abbreviates():
    text = ("Ruvenia's State Bureau of Investigation told the Kestrel Post that 4,517 cases were opened in 2024. "
            "According to the SBI, 312 of them reached court.")
    later = figure(traced(text), "312")
    assert chain(later) == [("Kestrel Post", "relay"), ("SBI", "origin")]


def test_a_period_given_once_carries_to_the_sentence_that_continues_it():
    text = ("In the first half of 2025 the prosecutor's office registered 4,100 cases, its spokesman said. "
            "Some 1,900 involved officers.")
    trace = traced(text)
    later = figure(trace, "Some 1,900")
    assert (later.period.start, later.period.end) == ("2025-01-01", "2025-06-30")
    assert later.period.inherited_from == (0, text.index("Some") - 1)


def test_an_as_of_date_ends_an_open_period_and_says_where_the_end_came_from():
    text = "Since 2022 the registry has recorded 61,300 missing persons, according to data as of 1 October."
    period = figure(traced(text), "61,300").period
    assert (period.start, period.end, period.end_basis) == ("2022-01-01", "2025-10-01", "as_of")
    open_ended = figure(traced("Since 2022 the registry has recorded 61,300 missing persons."), "61,300").period
    assert (open_ended.end, open_ended.end_basis) == (PUBLISHED, "published")


def test_a_statement_s_own_day_anchors_its_relative_period():
    text = "The governor said on Sunday that 14 people had been killed over the past 24 hours."
    period = figure(traced(text), "14").period
    assert (period.start, period.end) == ("2025-10-11", "2025-10-12")  # Sunday the 12th and the day before


def test_the_same_period_of_another_year_and_a_count_now():
    text = ("The agency counted 568 cases in the first six months of the year, against 412 in the same period "
            "of 2024, the ministry said. Shelters are now hosting more than 26,000 people.")
    trace = traced(text)
    assert (figure(trace, "412").period.start, figure(trace, "412").period.end) == ("2024-01-01", "2024-06-30")
    now = figure(trace, "more than 26,000").period
    assert (now.start, now.end, now.end_basis) == (None, PUBLISHED, "published")


def test_a_headline_restates_the_body_figure_it_rounds_and_takes_its_chain():
    text = ("More than 4,000 prisoners returned since 2022\n\n"
            "Kestria has brought home 4,131 prisoners since 2022, the Coordination Staff told Reuters.")
    trace = traced(text)
    headline, body = figure(trace, "More than 4,000"), figure(trace, "4,131")
    assert headline.restates == body.id
    assert chain(headline) == chain(body) == [("Reuters", "relay"), ("Coordination Staff", "origin")]


def test_a_share_links_to_the_total_it_is_a_share_of():
    text = ("The mission recorded 1,080 civilian casualties last year: 312 killed and 768 injured. "
            "Children accounted for 30% of the casualties.")
    trace = traced(text)
    share, total = figure(trace, "30%"), figure(trace, "1,080")
    assert share.relative_to == total.id and share.implied == 324
    compared = traced("In April 1,418 people were placed in shelters, almost twice as many as in March (742).")
    twice = figure(compared, "almost twice")
    assert twice.relative_to == figure(compared, "742").id and twice.implied == 1484


def test_could_not_verify_a_party_s_report_weakens_every_figure_of_that_party():
    text = ("The outlet Verstka reported that 6,912 soldiers were convicted in 2024. It counted 3,640 in 2023.\n\n"
            "The Harbour Gazette could not independently confirm Verstka's report.")
    trace = traced(text)
    assert figure(trace, "6,912").hedges and figure(trace, "3,640").hedges


def test_an_interview_s_answers_are_the_interviewee_s():
    text = ("The Gazette spoke to Mira Kostova, the head of the regional aid office.\n\n"
            "How many people need help?\n\n"
            "We estimate that 1.6 million people need assistance.\n\n"
            "What has the funding been?\n\n"
            "So far we have received $198 million.")
    trace = traced(text, outlet="The Gazette")
    assert chain(figure(trace, "$198 million")) == [("Mira Kostova", "origin")]


def test_a_spokesman_speaks_for_the_body_named_beside_him():
    trace = traced("Defence Ministry spokesman Igor Karpov said 300 soldiers deserted in May.")
    [link] = figure(trace, "300").attribution
    assert link.name == "Igor Karpov"
    assert link.speaks_for == {"name": "Defence Ministry", "span": (0, 16)}
    apposed = traced("Anna Petrova, head of the State Migration Service, said 300 people left.")
    assert figure(apposed, "300").attribution[0].speaks_for["name"] == "State Migration Service"


def test_a_dated_list_introduction_dates_its_items():
    text = ("During March, the agency and its partners:\n"
            "- distributed shelter kits to 9,800 families;\n"
            "- registered 48,500 newly displaced people.")
    trace = traced(text, outlet="The agency")
    for phrase in ("9,800", "48,500"):
        period = figure(trace, phrase).period
        assert (period.start, period.end) == ("2025-03-01", "2025-03-31")


def test_a_ministry_first_named_after_a_headline_is_not_the_headline_s_subject():
    text = ("Storms lash Osterland coast, 12 dead\n\n"
            "Storms that swept the Osterland coast killed at least 12 people and cut power to 40,000 homes, "
            "the interior ministry said on Thursday.")
    trace = traced(text)
    assert chain(figure(trace, "at least 12")) == [("interior ministry", "origin")]


def test_a_description_refers_back_to_a_named_subject_of_its_own_paragraph():
    text = ("The rights group Open Docket says at least 820 people have been prosecuted since 2023. "
            "About a quarter of them are women, the group says.")
    trace = traced(text)
    assert chain(figure(trace, "About a quarter"))[-1] == ("Open Docket", "origin")


def test_a_party_named_in_apposition_is_named_there_not_referred_back():
    text = ("Farmers in the north say the frost destroyed their harvest. "
            "Courts heard 310 land disputes last year, according to a count by the independent outlet Ledgerline.")
    trace = traced(text)
    assert chain(figure(trace, "310"))[-1][0] == "Ledgerline"


def test_neither_a_preposition_s_phrase_nor_a_noun_is_a_speaker_at_the_end_of_a_sentence():
    text = ("The town of Brell is worst hit, with hundreds of houses reported destroyed. "
            "Osterland hosts about 52,000 refugees, more per head than any other member state.")
    trace = traced(text)
    names = [link.name for f in trace.figures for link in f.attribution]
    assert not any(name.startswith("with ") for name in names)
    assert "member state" not in " ".join(names) and "state" not in names


def test_a_surname_is_the_person_named_in_full_before_with_the_outlet_that_interviewed_them():
    text = ("Harbour authority reports cargo fall\n\n"
            "OSTRAVIK, May 5 – Nordpress. Cargo through the port fell to 8,200 containers in April, the "
            "authority's director Marta Olsen said in an interview with Coastal Herald.\n\n"
            "Olsen said 310 of them were refrigerated. According to her, 45 ships waited at anchor.")
    trace = traced(text, published="2025-05-05")
    first = figure(trace, "8,200")
    assert trace.document.dateline["agency"] == "Nordpress"
    assert chain(first) == [("Nordpress", "relay"), ("Coastal Herald", "relay"), ("Marta Olsen", "origin")]
    for later in (figure(trace, "310"), figure(trace, "45")):
        assert chain(later) == chain(first)
        person = later.attribution[-1]
        named_at = text.index("Cargo through")
        assert person.inherited_from is not None and person.inherited_from[0] <= named_at < person.inherited_from[1]


def test_a_transcript_s_labels_say_who_answers_and_what_they_pass_on():
    text = ("Relief chief on the winter ahead\n\n"
            "Tomas Berg, who runs the relief office in Osterland, spoke to Field Notes about the winter.\n\n"
            "Field Notes: How many people need shelter?\n\n"
            "Berg: We count 84,000 people in damaged homes. The housing ministry says 12,000 homes are beyond repair.\n\n"
            "FN: And the money?\n\n"
            "Berg: We have received 31% of what we asked for.")
    trace = traced(text, outlet="Field Notes")
    assert chain(figure(trace, "84,000")) == [("Tomas Berg", "origin")]
    assert chain(figure(trace, "31%")) == [("Tomas Berg", "origin")]
    assert chain(figure(trace, "12,000")) == [("Tomas Berg", "relay"), ("housing ministry", "origin")]
    assert figure(trace, "31%").attribution[0].inherited_from is not None


def test_an_interview_s_answers_are_the_interviewee_s_word_and_relay_what_they_cite():
    text = ("Oskar Lind leads the Returnees' Council. Field Notes spoke to him in Brell.\n\n"
            "How many families have come back?\n\n"
            "We count about 2,300 this year. The regional office has confirmed 1,900 of them.\n\n"
            "What do they need most?\n\n"
            "Roofs. We fixed 410 last month.")
    trace = traced(text, outlet="Field Notes")
    assert chain(figure(trace, "about 2,300")) == [("Oskar Lind", "origin")]
    assert chain(figure(trace, "1,900")) == [("Oskar Lind", "relay"), ("regional office", "origin")]
    assert chain(figure(trace, "410")) == [("Oskar Lind", "origin")]


def test_an_explainer_s_question_subheadings_do_not_make_its_sources_one_person_s_word():
    text = ("Inge Holm studies the floods at Brell University.\n\n"
            "How many homes were lost?\n\n"
            "The housing ministry says 3,400 homes were destroyed. Insurers put the figure higher.\n\n"
            "Who pays?\n\n"
            "The regional office has set aside 12 million euros, its head said.")
    trace = traced(text)
    assert chain(figure(trace, "3,400")) == [("housing ministry", "origin")]


def test_since_a_day_without_a_year_runs_to_the_date_it_is_counted_from():
    for text in ("Since January 1, storms have killed 12 people, the ministry said.",
                 "Storms have killed 12 people since 1 January, the ministry said."):
        period = figure(traced(text, published="2025-03-10"), "12").period
        assert (period.start, period.end, period.end_basis) == ("2025-01-01", "2025-03-10", "published")
    period = figure(traced("Since December 5, storms have killed 12 people.", published="2025-03-10"), "12").period
    assert period.start == "2024-12-05"


def test_each_entry_of_a_list_takes_the_period_of_its_own_entry():
    trace = traced("The register recorded 58 and 9 new cases in January, 71 and 12 in February, 64 and 7 in March.")
    assert [(f.text, f.period.text) for f in trace.figures] == [
        ("58", "in January"), ("9", "in January"), ("71", "in February"), ("12", "in February"),
        ("64", "in March"), ("7", "in March")]
    trace = traced("In January, 6 people were killed and 19 injured, in February 7 and 15.")
    assert [(f.text, f.period.text) for f in trace.figures] == [
        ("6", "In January"), ("19", "In January"), ("7", "in February"), ("15", "in February")]


def test_a_comparison_s_base_period_is_not_the_figure_s():
    trace = traced("Courts convicted 6,912 people in 2024, nearly twice as many as the year before, the outlet reported.")
    assert figure(trace, "nearly twice").period.start == "2024-01-01"


def test_what_a_tally_covers_is_no_statement_date():
    trace = traced("That brings its tally for the first six months of the year to 568 cases, against 412 "
                   "in the same period of 2024.", published="2025-07-10")
    period = figure(trace, "568").period
    assert (period.start, period.end) == ("2025-01-01", "2025-06-30")


def test_periods_as_wire_copy_writes_them():
    def period(text, phrase, published="2025-09-16"):
        found = figure(traced(text, published=published), phrase).period
        return found and (found.start, found.end)
    assert period("Floods have killed at least 34 people since Thursday, the ministry said.", "34") == \
        ("2025-09-11", "2025-09-16")
    assert period("A poll conducted between 3 and 9 November found 54% support.", "54%", "2025-11-20") == \
        ("2025-11-03", "2025-11-09")
    assert period("The minister said 148,000 men had been called up since the decree of 24 March.", "148,000") == \
        ("2025-03-24", "2025-09-16")
    assert period("The army lost 940 men in the previous 24 hours.", "940") == ("2025-09-15", "2025-09-16")
    # the day it was told is not the figure's period
    assert period("An official told reporters on June 12 that 2,000 people had left.", "2,000") is None
    # a year range is not a day range
    assert period("Officials bought 214 generators in 2023–2024.", "214") == ("2023-01-01", "2024-12-31")


def test_an_as_of_date_never_ends_a_period_before_it_starts():
    trace = traced("As of October 8, the total stood at 1,118,540, including 940 in the previous 24 hours.",
                   published="2025-09-16")
    found = figure(trace, "940").period
    assert found.start <= found.end


def test_a_period_carries_into_a_later_paragraph_that_continues_the_same_source():
    text = ("Floods have killed at least 34 people since Thursday, the interior ministry said on Tuesday.\n\n"
            "It said 212 villages had been flooded.\n\n"
            "Separately, the Red Cross said 1,400 volunteers had joined.")
    trace = traced(text, published="2025-09-16")
    later = figure(trace, "212").period
    assert (later.start, later.end) == ("2025-09-11", "2025-09-16")
    assert later.inherited_from is not None and later.inherited_from[0] == 0
    assert figure(trace, "1,400").period is None  # another source names its own time, or none


def test_a_name_written_with_a_dot_or_colon_and_a_name_set_off_by_commas():
    trace = traced("The monitoring agency, ORVA, says 38,500 people applied. Ukrinform reported 3,956 returns, "
                   "citing the outlet Slidstvo.Info. Analysts at Re:Russia calculated 52,000 payments.")
    assert chain(figure(trace, "38,500")) == [("ORVA", "origin")]
    assert chain(figure(trace, "3,956"))[-1][0] == "Slidstvo.Info"
    assert chain(figure(trace, "52,000"))[-1][0] == "Re:Russia"


def test_two_parties_figures_in_one_sentence_each_with_its_own_source_and_hedge():
    trace = traced("The union put turnout at 1.2 million; the interior ministry counted 368,000. "
                   "The union's figure could not be verified.")
    assert chain(figure(trace, "1.2 million"))[-1][0] == "union"
    assert chain(figure(trace, "368,000"))[-1][0] == "interior ministry"
    assert figure(trace, "1.2 million").hedges and not figure(trace, "368,000").hedges
    trace = traced("The union said 1.2 million people marched, while the interior ministry counted 368,000.")
    assert chain(figure(trace, "368,000"))[-1][0] == "interior ministry"


def test_what_a_speaker_says_another_counted_stays_the_speaker_s_claim():
    trace = traced("The ministry said that the outlet Ledgerline counted 300 cases, whose status the courts "
                   "have not confirmed.")
    assert chain(figure(trace, "300"))[0][0] == "ministry"


def test_a_body_named_before_a_colon_says_what_follows_it():
    text = ("Storm damage, live\n\nCity council: 230 windows were broken in the centre.\n\n"
            "For comparison: 96 windows were broken in May.\n\nMarsovia: 40 schools closed.")
    trace = traced(text)
    assert chain(figure(trace, "230")) == [("City council", "origin")]
    assert figure(trace, "96").attribution_basis != "cue"  # no party is named before that colon
    assert "Marsovia" not in [link.name for link in figure(trace, "40").attribution]  # a place


def test_a_day_named_by_the_headline_dates_the_counts_of_the_article():
    text = ("Storm in Velmar on 4 June: 200 homes flooded - live\n\n15:20\n\n"
            "Rescuers pumped water out of 48 basements, the emergency service said.\n\n"
            "The service counted 2,000 calls in 2024.")
    trace = traced(text, published="2025-06-04")
    assert (figure(trace, "48").period.start, figure(trace, "48").period.end) == ("2025-06-04", "2025-06-04")
    assert figure(trace, "2,000").period.start == "2024-01-01"  # a period of its own stays


def test_an_event_dated_once_starts_the_periods_that_refer_back_to_it():
    text = ("Fighting broke out between the Orsk government and rebel units in the north on 3 May 2023. "
            "A monitoring group says it has counted 4,120 civilian deaths since the war began.\n\n"
            "When the president announced a \"partial mobilisation\" on 9 January 2024, officials spoke of "
            "80,000 reservists. About 6,500 men have left their units since the mobilisation began, "
            "a veterans' group estimates.")
    trace = traced(text)
    war = figure(trace, "4,120").period
    assert (war.start, war.end, war.end_basis) == ("2023-05-03", PUBLISHED, "published")
    assert "3 May 2023" in text[slice(*war.inherited_from)]
    drafted = figure(trace, "About 6,500").period
    assert drafted.start == "2024-01-09" and "9 January 2024" in text[slice(*drafted.inherited_from)]


def test_an_event_the_article_does_not_date_keeps_the_date_the_language_knows_or_none():
    trace = traced("At least 900 strikes have hit the region since the full-scale invasion began. "
                   "More than 300 homes have been lost since the war began, residents say.")
    invasion = figure(trace, "At least 900").period
    assert (invasion.start, invasion.inherited_from) == ("2022-02-24", None)
    assert figure(trace, "More than 300").period is None
    dated = traced("The agency has logged 5,200 claims since the conflict began in September 2023.")
    assert figure(dated, "5,200").period.start == "2023-09-01"


def test_what_an_event_did_is_counted_from_its_day_to_the_report_s():
    text = ("Quake kills dozens in Orsk highlands\n\n"
            "The earthquake that struck the Orsk highlands on Sunday killed at least 61 people, the "
            "emergencies ministry said.\n\nMore than 300 people were injured and 1,200 homes were damaged, "
            "it said. Another 58 people are still missing.")
    trace = traced(text, published="2025-10-14")  # a Tuesday
    injured = figure(trace, "More than 300").period
    assert (injured.start, injured.end, injured.end_basis) == ("2025-10-12", "2025-10-14", "published")
    assert "on Sunday" in text[slice(*injured.inherited_from)] and "Sunday" in text[slice(*injured.span)]
    assert figure(trace, "1,200").period.start == "2025-10-12"
    assert figure(trace, "at least 61").period.end == "2025-10-12"  # its sentence names the day
    assert figure(trace, "58").period is None  # where things stand, not what the quake did


def test_a_bulleted_list_under_an_as_of_line_counts_from_the_event_its_lead_dates():
    text = ("Floods in Tarn valley\n\nHeavy rain flooded 14 villages in the Tarn valley on 21-22 June.\n\n"
            "As of 07:00 on 22 June:\n\n▪️ 486 houses were flooded;\n\n▪️ 317 people were evacuated.")
    trace = traced(text, published="2025-06-22")
    for phrase in ("486", "317"):
        period = figure(trace, phrase).period
        assert (period.start, period.end, period.end_basis) == ("2025-06-21", "2025-06-22", "as_of")


def test_a_live_blog_entry_heading_restates_its_own_entry_not_the_one_before():
    text = ("Orsk latest: strikes kill at least 7\n\n"
            "12:30 - Tarn: 4 killed overnight\n\n"
            "Strikes on Tarn killed four people overnight, Governor Ilya Marek said.\n\n"
            "11:40 - Velin: 3 killed, port damaged\n\n"
            "A drone attack on Velin killed three people, the city council said.")
    trace = traced(text)
    assert chain(figure(trace, "3 killed")) == [("city council", "origin")]
    assert chain(figure(trace, "4 killed")) == [("Ilya Marek", "origin")]


def test_a_description_that_says_more_than_the_party_named_before_is_another_party():
    text = ("Orsk's emergency ministry said 61 people had been killed.\n\n"
            "The quake damaged around 4,300 buildings, the construction ministry said. "
            "The ministry also said 900 people had been injured.")
    trace = traced(text)
    assert chain(figure(trace, "around 4,300")) == [("construction ministry", "origin")]
    assert chain(figure(trace, "900"))[-1][0] == "construction ministry"  # the last ministry named


def test_a_report_speaks_whatever_numbers_a_clause_set_off_by_commas_says_of_it():
    trace = traced("A report published in May by the Orsk Helsinki Group, based on interviews with 88 former "
                   "conscripts, found that more than half of them had been beaten.")
    assert chain(figure(trace, "88")) == [("Orsk Helsinki Group", "origin")]
    assert chain(figure(trace, "more than half")) == [("Orsk Helsinki Group", "origin")]


def test_a_register_named_once_for_a_party_is_where_its_later_figures_come_from():
    text = ("According to the Meridian Project's calculations based on Unified Court Register data, 9,800 "
            "cases were opened from 2022 to 2024.\n\nDefence lawyers dispute the count.\n\n"
            "The Meridian Project says 4,100 of the cases were opened in 2022.")
    trace = traced(text)
    later = figure(trace, "4,100").attribution
    assert [(link.name, link.role) for link in later] == [("Meridian Project", "origin"),
                                                          ("Unified Court Register", "record")]
    assert later[-1].inherited_from == (0, text.index("Defence") - 2)
