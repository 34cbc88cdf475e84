"""Observations → constraints: each interval rule, each weight rule, periods."""
from __future__ import annotations

import pytest

from sourcetrace.model.observation import Grade, Observation
from sourcetrace.reconcile.constraints import (
    Unplaceable,
    interval,
    normalised,
    rounding_step,
    to_constraint,
    to_constraints,
)


def obs(**fields) -> dict:
    base = dict(id="o1", indicator="x", period_start="2024-01-01", period_end="2024-12-31", measure="total",
                rate_per=None, value=1200.0, low=None, high=None, bound="exact", origin=None, published=None)
    return {**base, **fields}


# --- intervals from the wording ------------------------------------------------------------------

@pytest.mark.parametrize("value, step", [
    (20_000, 5_000),  # "about 20,000" is 17,500-22,500, not 15,000-25,000
    (15_000, 2_500),  # 5,000 fits only three times
    (10_000, 2_500),
    (17_800, 100),
    (250, 50),
    (1_500_000, 250_000),
    (17_805, 5),
    (0, 0),
    (17_805.5, 0.5),
    (3, 0.5),
])
def test_rounding_step_is_the_coarsest_ladder_step_that_fits_four_times(value, step):
    assert rounding_step(value) == pytest.approx(step)


def test_exact_is_the_value_give_or_take_the_tolerance():
    low, high, _ = interval(1000, "exact")
    assert (low, high) == pytest.approx((995, 1005))
    low, high, _ = interval(1000, "exact", tolerance=0.02)
    assert (low, high) == pytest.approx((980, 1020))


def test_approximate_follows_the_rounding_of_the_number():
    assert interval(20_000, "approximate")[:2] == pytest.approx((17_500, 22_500))
    assert interval(15_000, "approximate")[:2] == pytest.approx((13_750, 16_250))


def test_approximate_is_never_narrower_than_exact():
    # 17,800 is rounded to 100 (±50), but exact figures already get ±0.5% (±89).
    low, high, reading = interval(17_800, "approximate")
    assert (low, high) == pytest.approx((17_800 - 89, 17_800 + 89))
    assert "at least ±0.5%" in reading
    assert interval(17_805, "approximate")[:2] == pytest.approx(interval(17_805, "exact")[:2])


def test_lower_bound_is_open_above():
    assert interval(5_000, "lower")[:2] == (5_000, None)


def test_upper_bound_is_the_last_tenth_below_the_value():
    assert interval(290_000, "upper")[:2] == pytest.approx((261_000, 290_000))


def test_range_is_its_ends_in_either_order():
    assert interval(None, "range", 3_000, 5_000)[:2] == (3_000, 5_000)
    assert interval(None, "range", 5_000, 3_000)[:2] == (3_000, 5_000)
    assert interval(None, "range", 3_000, None)[:2] == (3_000, None)


def test_interval_never_goes_below_zero():
    assert interval(0, "exact")[:2] == (0, 0)
    assert interval(None, "range", -5, 10)[:2] == (0, 10)


@pytest.mark.parametrize("value, bound, low, high", [(None, "exact", None, None), (10, "someday", None, None)])
def test_wording_that_allows_nothing_cannot_be_placed(value, bound, low, high):
    with pytest.raises(Unplaceable):
        interval(value, bound, low, high)


# --- months and weights --------------------------------------------------------------------------

def test_a_total_over_a_year_weighs_each_month_one():
    c = to_constraint(obs())
    assert c.months == {f"2024-{m:02d}": 1.0 for m in range(1, 13)}
    assert (c.low, c.high) == pytest.approx((1194, 1206))


def test_a_partial_first_month_weighs_the_share_of_its_days():
    # "since 24 February 2022": 24-28 February is 5 of 28 days.
    c = to_constraint(obs(period_start="2022-02-24", period_end="2022-03-31"))
    assert c.months == pytest.approx({"2022-02": 5 / 28, "2022-03": 1.0})


def test_a_partial_last_month_weighs_the_share_of_its_days():
    c = to_constraint(obs(period_start="2024-01-01", period_end="2024-02-10"))
    assert c.months == pytest.approx({"2024-01": 1.0, "2024-02": 10 / 29})


def test_a_monthly_rate_is_an_average_over_the_period():
    c = to_constraint(obs(measure="rate", rate_per="month", period_start="2024-01-01", period_end="2024-04-30",
                          value=15_000))
    assert c.months == pytest.approx({"2024-01": 0.25, "2024-02": 0.25, "2024-03": 0.25, "2024-04": 0.25})
    assert (c.low, c.high) == pytest.approx((14_925, 15_075))


def test_a_daily_rate_over_one_month_scales_by_its_days():
    c = to_constraint(obs(measure="rate", rate_per="day", period_start="2024-03-01", period_end="2024-03-31",
                          value=100))
    # m[March] / 31 is the daily rate: a March of 3,100 fits it exactly.
    assert c.months == pytest.approx({"2024-03": 1 / 31})
    assert c.low <= 3_100 * c.months["2024-03"] <= c.high


def test_a_daily_rate_over_months_of_different_lengths_weighs_them_by_days():
    c = to_constraint(obs(measure="rate", rate_per="day", period_start="2023-02-01", period_end="2023-03-31",
                          value=10))
    assert c.months == pytest.approx({"2023-02": 1 / 59, "2023-03": 1 / 59})
    assert c.months["2023-02"] * 280 + c.months["2023-03"] * 310 == pytest.approx(10)


def test_weekly_and_yearly_rates():
    week = to_constraint(obs(measure="rate", rate_per="week", period_start="2024-03-01", period_end="2024-03-31"))
    assert week.months == pytest.approx({"2024-03": 7 / 31})
    year = to_constraint(obs(measure="rate", rate_per="year", period_start="2024-01-01", period_end="2024-06-30"))
    assert year.months == pytest.approx({f"2024-{m:02d}": 2.0 for m in range(1, 7)})


def test_a_rate_with_no_period_is_read_over_the_three_months_before_publication():
    c = to_constraint(obs(measure="rate", rate_per="month", period_start=None, period_end=None,
                          published="2025-08-14"))
    assert c.months == pytest.approx({"2025-05": 1 / 3, "2025-06": 1 / 3, "2025-07": 1 / 3})
    assert c.period_inferred
    assert c.weight == pytest.approx(0.25)


def test_a_rate_with_only_an_end_is_read_over_the_three_months_up_to_it():
    c = to_constraint(obs(measure="rate", rate_per="month", period_start=None, period_end="2025-03-31"))
    assert sorted(c.months) == ["2025-01", "2025-02", "2025-03"]
    assert c.period_inferred


def test_a_period_with_no_end_runs_to_publication():
    c = to_constraint(obs(period_start="2022-02-24", period_end=None, published="2022-04-15"))
    assert c.months == pytest.approx({"2022-02": 5 / 28, "2022-03": 1.0, "2022-04": 15 / 30})
    assert not c.period_inferred


@pytest.mark.parametrize("fields", [
    dict(period_start=None, period_end=None, published="2025-01-01"),  # a total with no period
    dict(period_start=None, period_end="2025-01-31"),  # a total with no start
    dict(period_start="2024-01-01", period_end=None, published=None),  # no end, no date to run to
    dict(measure="rate", rate_per=None),  # a rate of no unit
    dict(measure="rate", rate_per="month", period_start=None, period_end=None, published=None),
    dict(indicator=None),
])
def test_reports_that_cannot_be_tied_to_months_are_skipped_with_a_reason(fields):
    with pytest.raises(Unplaceable):
        to_constraint(obs(**fields))
    placed, skipped = to_constraints([obs(**fields), obs(id="o2")])
    assert [c.obs_id for c in placed] == ["o2"] and skipped[0].obs_id == "o1" and skipped[0].reason


def test_an_observation_record_reads_like_its_dict():
    record = Observation(id="o9", indicator="x", scope=None, country=None, period_start="2024-03-01",
                         period_end="2024-03-31", measure="total", rate_per=None, low=None, high=None,
                         value=20_000, bound="approximate", document_id="d", figure_id="f", origin="pgo",
                         published="2024-04-02", grade=Grade("A", 6, "", ""), origin_named=True)
    c = to_constraint(record)
    assert (c.obs_id, c.indicator, c.origin, c.published) == ("o9", "x", "pgo", "2024-04-02")
    assert (c.low, c.high) == pytest.approx((17_500, 22_500))
    assert c.weight == 4.0 and c.named  # a grade-A source outweighs an ungraded report
    assert to_constraint({**vars(record), "origin_named": False}).weight == 1.0  # unless its origin is unnamed


def test_reports_of_the_same_period_share_one_months_dict():
    placed, _ = to_constraints([obs(id="a"), obs(id="b", value=5)])
    assert placed[0].months is placed[1].months


# --- rows ---------------------------------------------------------------------------------------

def test_a_monthly_rate_and_a_total_over_the_same_months_ask_the_same_question():
    rate = to_constraint(obs(measure="rate", rate_per="month", period_start="2024-01-01", period_end="2024-03-31"))
    total = to_constraint(obs(period_start="2024-01-01", period_end="2024-03-31"))
    assert normalised(rate)[0] == normalised(total)[0]
    assert normalised(rate)[1] == pytest.approx(1 / 3) and normalised(total)[1] == 1.0
