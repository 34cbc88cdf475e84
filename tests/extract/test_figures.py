"""Which numbers are figures, and what each one counts (sourcetrace.extract.figures).

Covers PHENOMENA.md "Figures": years, dates, article and unit numbers, ages and times are not
figures; the counted thing and its indicator (AWOL vs desertion, cases vs verdicts vs people
charged); rates; ranges; scope; breakdowns of a total.
"""
from __future__ import annotations



def test_years_dates_articles_and_unit_numbers_are_not_figures(trace, figure_at, no_figure_at):
    t = trace("Under Article 408 of the criminal code, amended on March 12, 2024, soldiers of the 93rd "
              "Brigade face up to 12 years in prison, and 2,900 of them have been charged since 2023.")
    for phrase in ("408", "March 12", "2024", "93rd", "2023"):
        assert no_figure_at(t, phrase), phrase
    assert figure_at(t, "2,900").value == 2900


def test_ages_and_clock_times_are_not_figures(trace, figure_at, no_figure_at):
    t = trace("A 34-year-old sergeant was detained at 14:30 along with 11 soldiers from his unit.")
    assert no_figure_at(t, "34-year-old") and no_figure_at(t, "14:30")
    assert figure_at(t, "11").counted == "soldiers"


def test_an_age_in_apposition_is_not_a_figure(trace, no_figure_at):
    t = trace("The battalion commander, 45, was detained on Tuesday along with 16 other officers.")
    assert no_figure_at(t, "45")


def test_a_figure_records_its_text_span_sentence_and_cue(trace, figure_at):
    text = "Border guards stopped more than 4,350 men at the crossings in September, the service said."
    t = trace(text)
    figure = figure_at(t, "4,350")
    assert figure.text == "more than 4,350"
    assert text[figure.span[0]:figure.span[1]] == figure.text
    assert figure.sentence == (0, len(text))
    assert (figure.bound, figure.low, figure.unit, figure.kind) == ("lower", 4350, "count", "quantity")


def test_awol_cases_and_desertion_cases(trace, figure_at):
    t = trace("Police opened 2,300 cases of unauthorized abandonment of a military unit in September, "
              "the ministry said. Prosecutors also registered 640 desertion cases last month.")
    awol, desertion = figure_at(t, "2,300"), figure_at(t, "640")
    assert awol.counted == "cases of unauthorized abandonment of a military unit"
    assert awol.indicator == "mil.awol_cases"
    assert desertion.counted == "desertion cases" and desertion.indicator == "mil.desertion_cases"
    s, e = desertion.counted_span
    assert t.document.text[s:e] == desertion.counted


def test_awol_and_desertion_in_one_sentence_keep_their_own_indicators(trace, figure_at):
    t = trace("Police opened 2,300 cases of unauthorized abandonment of a military unit in September "
              "and 640 desertion cases in the same month, the ministry said.")
    assert figure_at(t, "2,300").indicator == "mil.awol_cases"
    assert figure_at(t, "640").indicator == "mil.desertion_cases"


def test_verdicts_charges_and_returns_are_their_own_indicators(trace, figure_at):
    t = trace("Courts handed down 6,450 verdicts in desertion cases in 2024, the court administration "
              "said. Investigators served 3,100 notices of suspicion for desertion in the first quarter "
              "of 2025, the bureau said. About 3,870 soldiers who had left their units returned to "
              "service last year, the ministry said.")
    assert figure_at(t, "6,450").indicator == "mil.verdicts"
    assert figure_at(t, "3,100").indicator == "mil.persons_charged"
    assert figure_at(t, "3,870").indicator == "mil.returned_to_service"


def test_returned_to_service_after_a_relative_clause(trace, figure_at):
    t = trace("More than 3,200 soldiers who left their units have since returned to service, the bureau said.")
    assert figure_at(t, "3,200").indicator == "mil.returned_to_service"


def test_rates(trace, figure_at):
    t = trace("Prosecutors registered around 4,100 desertion cases a month this spring, the office "
              "said. Police detained 85 deserters per day at the height of the campaign, the ministry said.")
    monthly, daily = figure_at(t, "4,100"), figure_at(t, "85")
    assert (monthly.rate_per, monthly.aggregation, monthly.approximate) == ("month", "rate", True)
    assert (daily.rate_per, daily.aggregation) == ("day", "rate")


def test_a_frequency_before_the_number_or_an_average_makes_a_rate(trace, figure_at):
    t = trace("Every month the region loses about 300 residents to the cities, the agency said. "
              "On average 40 strikes in a day were recorded in July. Police detained 85 deserters in a day.")
    assert figure_at(t, "300").rate_per == "month"
    assert figure_at(t, "40").rate_per == "day" and figure_at(t, "40").period.start == "2025-07-01"
    assert figure_at(t, "85").rate_per is None


def test_within_a_week_is_a_time_not_a_rate(trace, figure_at):
    t = trace("Police detained 85 deserters within a week, the ministry said.")
    assert figure_at(t, "85").rate_per is None


def test_a_range_counts_the_noun_after_it(trace, figure_at):
    t = trace("Between 15,000 and 17,000 soldiers are absent from their units, the ministry said.")
    figure = figure_at(t, "15,000")
    assert (figure.bound, figure.low, figure.high, figure.value) == ("range", 15000, 17000, None)
    assert figure.counted == "soldiers"


def test_shares_and_multipliers(trace, figure_at):
    t = trace("Roughly 7% of the mobilised men deserted, the ombudsman said. Desertion cases rose "
              "four-fold in 2024, the ministry said.")
    share, fold = figure_at(t, "7%"), figure_at(t, "four-fold")
    assert (share.unit, share.kind, share.counted) == ("percent", "share", "mobilised men")
    assert (fold.unit, fold.kind, fold.aggregation) == ("times", "multiplier", "change")


def test_scope_names_the_armed_forces(trace, figure_at):
    t = trace("Ukrainian armed forces registered about 1,900 desertion cases in August, the General "
              "Staff said.")
    figure = figure_at(t, "1,900")
    assert figure.scope.lower() == "ukrainian armed forces"
    s, e = figure.scope_span
    assert t.document.text[s:e] == figure.scope


def test_a_breakdown_gives_each_part_its_own_year(trace, figure_at):
    t = trace("Prosecutors opened 9,800 desertion cases in 2022, 17,500 in 2023 and 24,700 in 2024, "
              "the office said.")
    for phrase, year in (("9,800", "2022"), ("17,500", "2023"), ("24,700", "2024")):
        period = figure_at(t, phrase).period
        assert period is not None and (period.start, period.end) == (f"{year}-01-01", f"{year}-12-31"), phrase


def test_a_total_since_a_date_keeps_its_cumulative_period_before_a_breakdown(trace, figure_at):
    t = trace("Since 2022 prosecutors have opened 52,000 desertion cases: 9,800 in 2022, 17,500 in "
              "2023 and 24,700 in 2024, the office said.")
    total = figure_at(t, "52,000")
    assert total.cumulative is True
    assert total.period is not None and total.period.text == "Since 2022"


def test_the_parts_of_a_breakdown_count_what_the_total_counts(trace, figure_at):
    t = trace("Prosecutors have opened 52,000 desertion cases in total: 9,800 in 2022, 17,500 in "
              "2023 and 24,700 in 2024, the office said.")
    assert figure_at(t, "52,000").indicator == "mil.desertion_cases"
    for phrase in ("9,800", "17,500", "24,700"):
        assert figure_at(t, phrase).indicator == "mil.desertion_cases", phrase


def test_a_number_inside_markup_like_text_is_not_a_figure(trace, no_figure_at):
    t = trace("<script>alert(1)</script> The ministry said 40 soldiers deserted.")
    assert no_figure_at(t, "(1)")


def test_a_part_named_by_its_own_word_keeps_its_own_indicator(trace, figure_at):
    t = trace("At least 42 civilians were killed and 117 injured last week, the UN said.")
    assert figure_at(t, "117").indicator == "conflict.wounded"
