"""Disputes and the two tiers (reconcile/disputes.py, reconcile/series.py): a contradiction is
settled only when one side clearly outweighs the other, and unnamed sources never bend what the
named records say."""
from __future__ import annotations

import pytest

from sourcetrace.reconcile import estimate, to_constraint
from sourcetrace.model.months import last_day


def month(id: str, key: str, value: float, **fields):
    base = dict(id=id, indicator="x", period_start=f"{key}-01", period_end=last_day(key).isoformat(),
                measure="total", rate_per=None, value=value, low=None, high=None, bound="exact", origin=None,
                published=None)
    return to_constraint({**base, **fields})


def unnamed(id: str, key: str, value: float, **fields):
    return month(id, key, value, origin_named=False, **fields)


def test_one_report_against_one_is_a_dispute_and_the_band_covers_both():
    result = estimate([month("reuters", "2025-01", 5_000), month("tass", "2025-01", 20_000)])
    (dispute,) = result.disputes
    assert [side.reports for side in dispute.sides] == [["reuters"], ["tass"]]
    assert dispute.months == ["2025-01"]
    band = result.band("x", "2025-01")
    assert (band.low, band.high) == pytest.approx((4_975, 20_100), rel=1e-5) and band.disputed
    (contradiction,) = result.contradictions  # the one the solver let give way, still named as disputed
    assert not contradiction.outweighed and contradiction.dispute == dispute.id


def test_two_agreeing_reports_outweigh_one():
    result = estimate([month("a", "2025-01", 5_000), month("b", "2025-01", 5_000), month("c", "2025-01", 20_000)])
    assert result.disputes == [] and [(c.obs_id, c.outweighed) for c in result.contradictions] == [("c", True)]
    assert not result.band("x", "2025-01").disputed


def test_a_dispute_across_rows_binds_with_neither_side():
    """A quarter total one source gives against a month another gives: neither outweighs, so the
    band of the month is what the rest allows (here nothing), never one side's number."""
    quarter = month("q", "2025-01", 1_000, period_end="2025-03-31")
    january = month("jan", "2025-01", 5_000)
    result = estimate([quarter, january])
    (dispute,) = result.disputes
    assert {r for side in dispute.sides for r in side.reports} == {"q", "jan"}
    band = result.band("x", "2025-01")
    assert band.low == 0 and band.high is None and band.disputed


def test_scattered_reports_of_one_month_are_one_dispute_as_wide_as_they_are():
    values = [900, 1_400, 2_100, 2_600, 3_300, 4_000]
    result = estimate([month(f"r{v}", "2025-01", v) for v in values])
    (dispute,) = result.disputes
    assert len(dispute.sides) == len(values)
    band = result.band("x", "2025-01")
    assert band.low <= 900 * 0.995 + 1e-6 and band.high >= 4_000 * 1.005 - 1e-6


def test_unnamed_reports_never_move_the_named_records_band():
    named = month("ministry", "2025-01", 1_000)
    crowd = [unnamed(f"anon{i}", "2025-01", 3_000) for i in range(10)]
    alone = estimate([named]).band("x", "2025-01")
    result = estimate([named, *crowd])
    band = result.band("x", "2025-01")
    assert (band.low, band.high) == (alone.low, alone.high)
    assert {c.obs_id for c in result.contradictions} == {f"anon{i}" for i in range(10)}
    assert all(c.outweighed and c.conflicts_with == ["ministry"] for c in result.contradictions)
    everything = result.all_reports["x"][0]
    assert (everything.low, everything.high) == (alone.low, alone.high)


def test_where_no_named_record_speaks_only_the_all_reports_band_has_numbers():
    result = estimate([month("ministry", "2025-01", 1_000), unnamed("anon", "2025-02", 1_200)])
    february = result.band("x", "2025-02")
    assert february.no_data and february.point is None
    everything = result.all_reports["x"][1]
    assert (everything.low, everything.high) == pytest.approx((1_194, 1_206), rel=1e-5) and not everything.no_data


def test_unnamed_reports_that_agree_with_the_records_narrow_only_the_all_reports_band():
    year = month("ministry", "2025-01", 12_000, period_end="2025-12-31")
    anon = unnamed("anon", "2025-03", 1_000)
    result = estimate([year, anon])
    assert result.contradictions == []
    assert result.band("x", "2025-03").high == pytest.approx(12_060, rel=1e-5)
    assert result.all_reports["x"][2].high == pytest.approx(1_005, rel=1e-5)
    assert result.range_of(anon)[1] == pytest.approx(12_060, rel=1e-5)
    assert result.range_of(anon, everything=True)[1] == pytest.approx(1_005, rel=1e-5)


def test_two_unnamed_sources_that_disagree_are_a_dispute_among_themselves():
    result = estimate([unnamed("via-reuters", "2025-01", 5_000), unnamed("via-tass", "2025-01", 20_000)])
    (dispute,) = result.disputes
    assert dispute.id.startswith("u") and len(dispute.sides) == 2
    assert result.band("x", "2025-01").no_data
    everything = result.all_reports["x"][0]
    assert (everything.low, everything.high) == pytest.approx((4_975, 20_100), rel=1e-5) and everything.disputed
