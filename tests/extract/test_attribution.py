"""Attribution chains (sourcetrace.extract.attribution, chains, datelines, mentions).

Covers docs/chains.md and PHENOMENA.md "Source chains": relay → origin in its several phrasings, derived
figures and their record, anonymous and vague parties, a source named once governing the sentences
that continue it, datelines, and the outlet's own voice. Chains are nearest first.
"""
from __future__ import annotations

import pytest


def chain(figure) -> list[tuple[str, str]]:
    return [(link.name, link.role) for link in figure.attribution]


def spans_match_names(trace, figure) -> bool:
    text = trace.document.text
    return all(text[l.span[0]:l.span[1]] == l.name for l in figure.attribution if l.span is not None)


def test_x_reported_citing_y(trace, figure_at):
    t = trace("Interfax reported on Tuesday, citing the defence ministry, that 1,240 soldiers had been "
              "detained in September.")
    figure = figure_at(t, "1,240")
    assert chain(figure) == [("Interfax", "relay"), ("defence ministry", "origin")]
    assert figure.attribution_basis == "cue" and spans_match_names(t, figure)


def test_according_to_a_report_by_x_citing_y(trace, figure_at):
    t = trace("According to a report by Ukrinform citing the State Bureau of Investigation, 3,900 "
              "desertion cases were opened in 2024.")
    figure = figure_at(t, "3,900")
    assert chain(figure) == [("Ukrinform", "relay"), ("State Bureau of Investigation", "origin")]


def test_according_to_y_as_reported_by_x_is_the_same_chain(trace, figure_at):
    t = trace("According to the State Bureau of Investigation, as reported by Ukrinform, 2,150 "
              "desertion cases were opened in 2024.")
    figure = figure_at(t, "2,150")
    assert chain(figure) == [("Ukrinform", "relay"), ("State Bureau of Investigation", "origin")]


def test_y_said_in_a_reply_to_a_request_from_x(trace, figure_at):
    t = trace("The State Bureau of Investigation said in a reply to a request from Hromadske that it "
              "had opened 7,420 desertion cases in 2024.")
    figure = figure_at(t, "7,420")
    assert chain(figure) == [("Hromadske", "relay"), ("State Bureau of Investigation", "origin")]
    assert spans_match_names(t, figure)


def test_calculations_based_on_data_from_y_are_derived_from_a_record(trace, figure_at):
    t = trace("According to Mediazona's calculations based on data from the court register, 5,300 "
              "verdicts were handed down in desertion cases.")
    figure = figure_at(t, "5,300")
    assert [role for _, role in chain(figure)] == ["derived", "record"]
    assert chain(figure)[0][0] == "Mediazona"
    assert "court register" in chain(figure)[1][0]
    assert spans_match_names(t, figure)


@pytest.mark.parametrize("text, phrase, source", [
    ("A source in law enforcement told Interfax that 640 soldiers had been detained.", "640",
     "source in law enforcement"),
    ("People familiar with the matter said about 900 soldiers had deserted from the brigade.", "900",
     "People familiar with the matter"),
    ("Unnamed sources within the general staff told Interfax that 2,700 soldiers had deserted in "
     "August.", "2,700", "Unnamed sources within the general staff"),
    # what a clause about the speaker says, or how it spoke, unnames it
    ("A ministry official, who asked not to be named, said 300 soldiers had deserted.", "300", "official"),
    ("An official told Interfax on condition of anonymity that 300 soldiers had deserted.", "300", "official"),
])
def test_anonymous_sources_are_the_origin_and_flagged(trace, figure_at, text, phrase, source):
    figure = figure_at(trace(text), phrase)
    origin = [l for l in figure.attribution if l.role == "origin"]
    assert len(origin) == 1 and origin[0].anonymous is True and origin[0].vague is False
    assert source in origin[0].name


def test_told_x_makes_x_the_relay(trace, figure_at):
    figure = figure_at(trace("A source in law enforcement told Interfax that 640 soldiers had been "
                             "detained."), "640")
    assert chain(figure)[0] == ("Interfax", "relay")


def test_experts_say_is_attributed_to_nobody_identifiable(trace, figure_at):
    t = trace("Experts say around 40,000 soldiers have deserted since 2022.")
    figure = figure_at(t, "40,000")
    assert all(link.vague for link in figure.attribution)
    assert [u.kind for u in t.unattributed] == ["vague"]


def test_the_agency_claimed_refers_back_to_the_agency_named_before(trace, figure_at):
    t = trace("Ukrainian units are losing men faster than they can replace them, according to a "
              "report by Interfax citing sources in the border guard. The agency claimed that about "
              "3,400 soldiers had left their positions in September.")
    figure = figure_at(t, "3,400")
    assert figure.attribution and figure.attribution[0].name == "Interfax"
    assert figure.attribution_basis == "refers back"
    assert "sources in the border guard" in [l.name for l in figure.attribution]


# The same as above, with the agency named as the subject of a verb rather than in 'a report by'.
def test_the_agency_said_refers_back_to_an_agency_that_reported(trace, figure_at):
    t = trace("Interfax reported on Monday that morale in frontline units was falling, citing sources "
              "in the border guard. The agency said that about 3,400 soldiers had left their positions.")
    figure = figure_at(t, "3,400")
    assert figure.attribution and figure.attribution[0].name == "Interfax"
    assert figure.attribution_basis == "refers back"


def test_the_office_said_refers_back_to_the_office_named_before(trace, figure_at):
    t = trace("The Prosecutor General's Office published new statistics on Monday. The office said "
              "7,150 desertion cases had been opened since January.")
    figure = figure_at(t, "7,150")
    assert chain(figure) == [("Prosecutor General's Office", "origin")]
    assert figure.attribution_basis == "refers back" and spans_match_names(t, figure)


def test_a_breakdown_with_no_cue_continues_the_previous_claim(trace, figure_at):
    t = trace("Interfax reported, citing the defence ministry, that 1,240 soldiers had been detained "
              "in September. Of those, 310 were officers.")
    part = figure_at(t, "310")
    assert chain(part) == [("Interfax", "relay"), ("defence ministry", "origin")]
    assert part.attribution_basis == "continues previous claim"


def test_a_tass_style_dateline_names_the_agency_and_the_date(trace):
    t = trace("MOSCOW, May 3. /TASS/. More than 600 soldiers have surrendered in the region since "
              "April, the defence ministry said.", published="2025-05-04")
    dateline = t.document.dateline
    assert (dateline["place"], dateline["agency"], dateline["date"]) == ("MOSCOW", "TASS", "2025-05-03")
    s, e = dateline["span"]
    assert t.document.text[s:e].startswith("MOSCOW, May 3.")


def test_a_dateline_agency_is_the_nearest_link(trace, figure_at):
    t = trace("MOSCOW, May 3. /TASS/. More than 600 soldiers have surrendered in the region since "
              "April, the defence ministry said.", published="2025-05-04")
    figure = figure_at(t, "600")
    assert chain(figure) == [("TASS", "relay"), ("defence ministry", "origin")]
    assert figure.attribution[0].via == "dateline" and spans_match_names(t, figure)


def test_a_reuters_dateline_attributes_an_otherwise_unsourced_figure(trace, figure_at):
    t = trace("KYIV (Reuters) - Military prosecutors opened 2,350 desertion cases in September.")
    assert (t.document.dateline["place"], t.document.dateline["agency"]) == ("KYIV", "Reuters")
    figure = figure_at(t, "2,350")
    assert [l.name for l in figure.attribution] == ["Reuters"]
    assert figure.attribution_basis == "dateline" and spans_match_names(t, figure)


def test_a_figure_with_no_source_is_the_outlets_own_claim(trace, figure_at):
    t = trace("Military prosecutors opened 2,350 desertion cases in September.", outlet="Kyiv Daily")
    figure = figure_at(t, "2,350")
    assert [(l.name, l.role, l.span) for l in figure.attribution] == [("Kyiv Daily", "outlet", None)]
    assert figure.attribution_basis == "outlet voice"
    assert [u.refers_to for u in t.unattributed if u.kind == "none"] == [[figure.id]]


def test_a_conjoined_reporting_verb_shares_the_subject(trace, figure_at):
    t = trace("The ministry rejected the claims of rights groups and said 120 soldiers had been released.")
    assert chain(figure_at(t, "120")) == [("ministry", "origin")]


def test_a_counted_anonymous_subject_is_still_the_origin(trace, figure_at):
    t = trace("Two officials familiar with the matter told Interfax that 2,700 soldiers had deserted in August.")
    figure = figure_at(t, "2,700")
    assert chain(figure)[0] == ("Interfax", "relay")
    assert figure.attribution[1].role == "origin" and figure.attribution[1].anonymous is True
    assert "officials familiar with the matter" in figure.attribution[1].name


def test_it_added_refers_back_to_the_organisation_named_before(trace, figure_at):
    t = trace("The defence ministry said 1,240 soldiers had been detained in September. In the first "
              "week of October police detained another 310, it added.")
    figure = figure_at(t, "310")
    assert [name for name, _ in chain(figure)] == ["defence ministry"]
    assert figure.attribution_basis == "refers back"


def test_data_provided_by_y_in_response_to_an_inquiry_by_x(trace, figure_at):
    t = trace("According to data provided by the State Bureau of Investigation in response to an "
              "inquiry by Hromadske, 6,830 desertion cases were opened in 2024.")
    figure = figure_at(t, "6,830")
    assert chain(figure) == [("Hromadske", "relay"), ("State Bureau of Investigation", "origin")]


def test_three_links_agency_citing_a_body_that_cited_a_register(trace, figure_at):
    t = trace("Hromadske reported, citing the State Bureau of Investigation, which in turn cited the "
              "unified register, that 6,830 desertion cases were opened in 2024.")
    figure = figure_at(t, "6,830")
    names = [name for name, _ in chain(figure)]
    assert names == ["Hromadske", "State Bureau of Investigation", "unified register"]
    assert [role for _, role in chain(figure)][:2] == ["relay", "relay"]
    assert spans_match_names(t, figure)


def test_according_to_its_bulletin_refers_back_to_the_body_named_before(trace, figure_at):
    t = trace("The General Staff issued its update. According to its weekly bulletin, 2,300 soldiers "
              "went AWOL in October.")
    figure = figure_at(t, "2,300")
    assert [(l.name, l.role) for l in figure.attribution] == [("General Staff", "origin")]
    assert figure.rate_per is None  # a weekly bulletin is not a rate per week


@pytest.mark.parametrize("text, chain", [
    ("Nearly 200 people were detained on Saturday, OVD-Info said.", [("OVD-Info", "origin")]),
    ("About 2,140 men were charged, Radio Free Europe/Radio Liberty reported.",
     [("Radio Free Europe/Radio Liberty", "origin")]),
    ("Ukraine's Air Force said it had intercepted 48 drones.", [("Ukraine's Air Force", "origin")]),
    ("Analysts at the Sarvanian Institute for Policy Studies estimated that 9,400 people fled.",
     [("Sarvanian Institute for Policy Studies", "origin")]),
    ("Support for the war fell to 57%, a poll by the Kyiv International Institute of Sociology found.",
     [("Kyiv International Institute of Sociology", "origin")]),
])
def test_names_are_kept_whole_and_without_their_descriptions(trace, text, chain):
    t = trace(text)
    assert [(l.name, l.role) for l in t.figures[0].attribution] == chain


def test_told_the_agency_is_the_datelines_agency(trace):
    t = trace("KYIV, March 3 /Interfax-Ukraine/. Around 6,000 men have left their units since January, "
              "commander Oleh Shevchuk told the agency.", published="2025-03-03")
    assert [(l.name, l.role) for l in t.figures[0].attribution] == [("Interfax-Ukraine", "relay"),
                                                                    ("Oleh Shevchuk", "origin")]


def test_the_newspaper_refers_back_to_a_paper_named_in_passing(trace):
    t = trace("The report appeared on Wednesday in Izvestia. The newspaper, citing a source in the Defence "
              "Ministry, said 190,000 people had signed contracts since January.", published="2025-06-20")
    assert [l.name for l in t.figures[0].attribution][:1] == ["Izvestia"]
