"""Periods a figure covers, resolved to dates (sourcetrace.extract.periods), and how figures use them.

Covers PHENOMENA.md "Figures — cumulative totals over a period" and "Time": explicit ranges,
parts of a year, "since ...", relative dates resolved against the publication date.
"""
from __future__ import annotations

from datetime import date

import pytest

from sourcetrace.extract.periods import find_periods

FRIDAY = date(2025, 10, 17)


def only_period(sentence: str, en, published: date | None = FRIDAY):
    found = find_periods(sentence, en, published, published.year if published else None)
    assert len(found) == 1, [(p.text, p.start, p.end) for p in found]
    period = found[0]
    assert sentence[period.start_char:period.end_char] == period.text
    return period


@pytest.mark.parametrize("sentence, text, start, end, cumulative", [
    ("Prosecutors have opened 41,200 desertion cases since February 2022.",
     "since February 2022", date(2022, 2, 1), FRIDAY, True),
    ("From January 2022 to September 2025, courts handed down 9,450 verdicts.",
     "From January 2022 to September 2025", date(2022, 1, 1), date(2025, 9, 30), True),
    ("Since the start of the full-scale invasion, 88,000 men have been detained.",
     "Since the start of the full-scale invasion", date(2022, 2, 24), FRIDAY, True),
    ("Over the past three years 14,500 soldiers have left their units.",
     "Over the past three years", date(2022, 10, 17), FRIDAY, True),
    ("In the first seven months of this year, police opened 12,300 cases.",
     "In the first seven months of this year", date(2025, 1, 1), date(2025, 7, 31), False),
    ("In the first half of 2024, investigators opened 8,700 cases.",
     "In the first half of 2024", date(2024, 1, 1), date(2024, 6, 30), False),
])
def test_explicit_and_cumulative_periods(en, sentence, text, start, end, cumulative):
    period = only_period(sentence, en)
    assert (period.text, period.start, period.end, period.cumulative) == (text, start, end, cumulative)


def test_in_october_alone_is_that_month(en):
    period = only_period("In October alone more than 3,100 soldiers left their units.", en, date(2025, 11, 5))
    assert (period.start, period.end, period.cumulative) == (date(2025, 10, 1), date(2025, 10, 31), False)


@pytest.mark.parametrize("sentence, published, start, end", [
    ("In a case heard earlier this year, a conscript was sentenced.", date(2025, 5, 10),
     date(2025, 1, 1), date(2025, 5, 10)),
    ("Last month police detained 240 men at the border.", date(2025, 3, 14),
     date(2025, 2, 1), date(2025, 2, 28)),
    ("Last week police detained 37 deserters.", FRIDAY, date(2025, 10, 6), date(2025, 10, 12)),
    ("The ministry said on Wednesday that 410 soldiers were detained.", FRIDAY,
     date(2025, 10, 15), date(2025, 10, 15)),
])
def test_relative_dates_resolve_against_publication(en, sentence, published, start, end):
    period = only_period(sentence, en, published)
    assert (period.start, period.end) == (start, end)


def test_relative_dates_without_publication_keep_their_text_only(en):
    period = only_period("Last month police detained 240 men at the border.", en, None)
    assert (period.text, period.start, period.end) == ("Last month", None, None)


def test_a_month_without_a_year_is_the_latest_one_before_publication(en):
    period = only_period("Police have detained 730 deserters in November.", en, date(2025, 3, 2))
    assert (period.start, period.end) == (date(2024, 11, 1), date(2024, 11, 30))


def test_a_sentence_final_full_stop_is_not_part_of_the_period(en):
    period = only_period("Police have detained 4,300 soldiers since January.", en)
    assert period.text == "since January"


# -- how figures take their period ------------------------------------------------------------

def test_a_figure_takes_the_period_of_its_clause(trace, figure_at):
    t = trace("Military prosecutors opened 2,140 desertion cases in the first half of 2024, "
              "the prosecutor's office said.")
    figure = figure_at(t, "2,140")
    assert figure.period is not None
    assert (figure.period.start, figure.period.end) == ("2024-01-01", "2024-06-30")
    assert figure.aggregation == "period" and figure.cumulative is False
    s, e = figure.period.span
    assert t.document.text[s:e] == figure.period.text


def test_since_makes_a_figure_cumulative(trace, figure_at):
    t = trace("Since February 2022, prosecutors have opened 41,200 desertion cases, the office said.")
    figure = figure_at(t, "41,200")
    assert figure.cumulative is True and figure.aggregation == "cumulative"
    assert (figure.period.start, figure.period.end) == ("2022-02-01", "2025-10-17")


def test_a_statement_date_is_not_the_figures_period(trace, figure_at):
    t = trace("Prosecutors have opened 41,200 desertion cases, the office said on Friday.")
    assert figure_at(t, "41,200").period is None


def test_the_next_year_follows_a_year_named_earlier_in_the_sentence(trace, figure_at):
    t = trace("Prosecutors opened 6,200 desertion cases in 2023; the next year the number rose to "
              "24,800, the office said.", published="2025-10-17")
    later = figure_at(t, "24,800")
    assert later.period is not None and (later.period.start, later.period.end) == ("2024-01-01", "2024-12-31")


def test_the_next_year_follows_a_year_named_in_the_previous_sentence(trace, figure_at):
    t = trace("Prosecutors opened 6,200 desertion cases in 2023, the office said. The next year the "
              "number rose to 24,800.")
    later = figure_at(t, "24,800")
    assert later.period is not None and (later.period.start, later.period.end) == ("2024-01-01", "2024-12-31")
