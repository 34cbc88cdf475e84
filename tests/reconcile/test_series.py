"""The series estimator on small hand-made cases: bands, partial months, parents, contradictions."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from sourcetrace.reconcile import estimate, mark_revisions, to_constraint, to_constraints
from sourcetrace.reconcile.lp import default_backend
from sourcetrace.model.months import last_day

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.estimator import LEAVES, PARENT, reports, truths_for  # noqa: E402

RELATIONS = {"p": ["a", "b"]}


def report(id: str, start: str, end: str, value: float | None, indicator: str = "x", **fields):
    base = dict(id=id, indicator=indicator, period_start=start, period_end=end, measure="total",
                rate_per=None, value=value, low=None, high=None, bound="exact", origin=None, published=None)
    return to_constraint({**base, **fields})


def month(id: str, key: str, value: float, **fields):
    return report(id, f"{key}-01", last_day(key).isoformat(), value, **fields)


# --- bands --------------------------------------------------------------------------------------

def test_one_exact_month_is_its_value_give_or_take_the_tolerance():
    result = estimate([month("r1", "2024-03", 1000)])
    band = result.band("x", "2024-03")
    assert (band.low, band.high) == pytest.approx((995, 1005), rel=1e-5)
    assert band.low <= band.point <= band.high and not band.no_data


def test_months_nothing_touches_say_no_data():
    result = estimate([month("r1", "2024-03", 1000), month("r2", "2024-06", 900)],
                      months=["2024-01", "2024-03", "2024-04", "2024-06"])
    assert result.months == ["2024-01", "2024-03", "2024-04", "2024-06"]
    for key in ("2024-01", "2024-04"):
        band = result.band("x", key)
        assert (band.low, band.high, band.point, band.no_data) == (0.0, None, None, True)


def test_a_year_total_bounds_each_month_by_the_total():
    result = estimate([report("y", "2024-01-01", "2024-12-31", 12_000)])
    for band in result.series["x"]:
        assert band.low == 0 and band.high == pytest.approx(12_060, rel=1e-5) and not band.no_data
    assert sum(b.point for b in result.series["x"]) == pytest.approx(12_000, rel=0.006)


def test_a_lower_bound_leaves_the_month_open_above():
    band = estimate([month("r1", "2024-03", 5000, bound="lower")]).band("x", "2024-03")
    assert band.low == pytest.approx(5000, rel=1e-5) and band.high is None and not band.no_data


def test_the_partial_february_of_a_running_total_since_24_february_2022():
    # Since 24 Feb 2022 to the end of March: 1,500; March alone: 1,000. February's 5/28 carry 500,
    # so all of February is 500 · 28/5 = 2,800 (give or take the 0.5% tolerances).
    result = estimate([report("since", "2022-02-24", "2022-03-31", 1_500), month("march", "2022-03", 1_000)])
    band = result.band("x", "2022-02")
    assert band.low == pytest.approx((1_500 * 0.995 - 1_000 * 1.005) * 28 / 5, rel=1e-4)
    assert band.high == pytest.approx((1_500 * 1.005 - 1_000 * 0.995) * 28 / 5, rel=1e-4)
    assert band.low < 2_800 < band.high


def test_a_rate_and_the_months_it_averages():
    # 15,000 a month over Jan-Apr, January to March known: April is the rest.
    rate = report("rate", "2024-01-01", "2024-04-30", 15_000, measure="rate", rate_per="month")
    known = [month(f"m{i}", f"2024-0{i}", 14_000) for i in (1, 2, 3)]
    band = estimate([rate, *known]).band("x", "2024-04")
    assert band.low == pytest.approx(60_000 * 0.995 - 42_000 * 1.005, rel=1e-4)
    assert band.high == pytest.approx(60_000 * 1.005 - 42_000 * 0.995, rel=1e-4)


# --- parents and children -------------------------------------------------------------------------

def test_a_parent_report_bounds_the_sum_of_its_children():
    result = estimate([month("p1", "2024-03", 1000, indicator="p"), month("a1", "2024-03", 600, indicator="a")],
                      relations=RELATIONS)
    b = result.band("b", "2024-03")
    assert (b.low, b.high) == pytest.approx((995 - 603, 1005 - 597), rel=1e-5)
    p = result.band("p", "2024-03")
    assert (p.low, p.high) == pytest.approx((995, 1005), rel=1e-5)
    assert set(result.series) == {"a", "b", "p"}


def test_a_parent_alone_leaves_its_split_open():
    result = estimate([month("p1", "2024-03", 1000, indicator="p")], relations=RELATIONS)
    for child in ("a", "b"):
        band = result.band(child, "2024-03")
        assert band.low == 0 and band.high == pytest.approx(1005, rel=1e-5)
    assert result.band("p", "2024-03").point == pytest.approx(1000, rel=0.006)


def test_nested_relations_reach_the_leaves_and_loops_are_refused():
    nested = {"all": ["p", "c"], "p": ["a", "b"]}
    result = estimate([month("t", "2024-03", 900, indicator="all"), month("c", "2024-03", 300, indicator="c"),
                       month("a", "2024-03", 200, indicator="a")], relations=nested)
    band = result.band("b", "2024-03")
    assert band.low == pytest.approx(900 * 0.995 - 300 * 1.005 - 200 * 1.005, rel=1e-5)
    with pytest.raises(ValueError, match="loop"):
        estimate([month("t", "2024-03", 900, indicator="p")], relations={"p": ["a"], "a": ["p"]})


# --- contradictions --------------------------------------------------------------------------------

def test_a_report_two_others_outvote_is_contradicted_and_names_them():
    result = estimate([month("a", "2024-03", 1000), month("b", "2024-03", 1000), month("c", "2024-03", 3000)])
    assert [c.obs_id for c in result.contradictions] == ["c"]
    c = result.contradictions[0]
    assert set(c.conflicts_with) == {"a", "b"} and c.conflicts_total == 2
    assert c.side == "above"
    assert c.nearest == pytest.approx(1005, rel=1e-5)
    assert c.off_by == pytest.approx(3000 * 0.995 - 1005, rel=1e-5)
    band = result.band("x", "2024-03")
    assert (band.low, band.high) == pytest.approx((995, 1005), rel=1e-5)  # the bands rest on a and b
    assert sorted(result.standing) == ["a", "b"]


def test_a_quarter_total_that_three_monthly_totals_refute():
    months = [month(f"m{i}", f"2024-0{i}", 100) for i in (1, 2, 3)]
    quarter = report("q", "2024-01-01", "2024-03-31", 1000)
    result = estimate([*months, quarter])
    assert [c.obs_id for c in result.contradictions] == ["q"]
    assert set(result.contradictions[0].conflicts_with) == {"m1", "m2", "m3"}
    assert result.contradictions[0].side == "above"


def test_a_report_below_what_the_others_allow():
    result = estimate([month("a", "2024-03", 1000), month("b", "2024-03", 1000), month("low", "2024-03", 10)])
    (c,) = result.contradictions
    assert (c.obs_id, c.side) == ("low", "below")


def test_a_weightier_source_outvotes_two_ungraded_reports():
    graded = month("register", "2024-03", 1000, grade={"reliability": "A"})
    result = estimate([graded, month("u1", "2024-03", 3000), month("u2", "2024-03", 3000)])
    assert sorted(c.obs_id for c in result.contradictions) == ["u1", "u2"]


def test_agreeing_reports_are_not_contradicted():
    result = estimate([month("a", "2024-03", 1000), month("b", "2024-03", 1000, bound="approximate"),
                       report("q", "2024-01-01", "2024-03-31", 2500, bound="lower")])
    assert result.contradictions == []


def test_a_revision_is_not_a_contradiction():
    early = report("jan", "2024-01-01", "2024-12-31", 67_840, origin="pgo", published="2025-01-10", first_hand=True)
    late = report("jun", "2024-01-01", "2024-12-31", 71_000, origin="pgo", published="2025-06-10", first_hand=True)
    result = estimate(mark_revisions([early, late]))
    assert result.contradictions == [] and result.superseded == {"jan": "jun"}
    assert sum(b.high for b in result.series["x"]) >= 71_000 * 0.995
    # Without marking them, the two disagree and neither outweighs the other: a dispute.
    (dispute,) = estimate([early, late]).disputes
    assert sorted(report for side in dispute.sides for report in side.reports) == ["jan", "jun"]


# --- points and claims -----------------------------------------------------------------------------

def test_the_point_follows_exact_monthly_reports():
    values = [100, 120, 90, 150, 130, 110]
    result = estimate([month(f"m{i}", f"2024-0{i + 1}", v) for i, v in enumerate(values)])
    assert [b.point for b in result.series["x"]] == pytest.approx(values, rel=0.006)


def test_the_point_is_smooth_where_only_totals_are_known():
    result = estimate([report("h1", "2024-01-01", "2024-06-30", 600), report("h2", "2024-07-01", "2024-12-31", 1200)])
    points = [b.point for b in result.series["x"]]
    assert sum(points[:6]) == pytest.approx(600, rel=0.006) and sum(points[6:]) == pytest.approx(1200, rel=0.006)
    jumps = [abs(b - a) for a, b in zip(points, points[1:])]
    assert max(jumps) < 60  # a ramp, not a step from 100 to 200


def test_range_of_answers_what_the_standing_reports_allow_for_any_row():
    result = estimate([month(f"m{i}", f"2024-0{i}", 100) for i in (1, 2, 3)])
    claim = report("claim", "2024-01-01", "2024-03-31", 5000)
    assert result.range_of(claim) == pytest.approx((298.5, 301.5), rel=1e-5)
    beyond = report("claim2", "2024-03-01", "2024-05-31", 5000)
    low, high = result.range_of(beyond)
    assert low == pytest.approx(99.5, rel=1e-5) and high is None  # April and May are unbounded


def test_no_reports_no_series():
    result = estimate([])
    assert (result.months, result.series, result.contradictions) == ([], {}, [])


# --- the two LP backends ---------------------------------------------------------------------------

@pytest.mark.skipif(default_backend() != "highs", reason="the private HiGHS bindings are not importable")
@pytest.mark.parametrize("seed", range(4))
def test_the_warm_backend_gives_the_bands_the_public_linprog_gives(seed):
    rng = random.Random(seed)
    constraints, _ = to_constraints(reports(rng, 120, truths_for(rng, parent=True)))
    relations = {PARENT: list(LEAVES)}
    fast = estimate(constraints, relations=relations)
    slow = estimate(constraints, relations=relations, backend="linprog")
    for indicator in fast.series:
        for a, b in zip(fast.series[indicator], slow.series[indicator]):
            assert a.low == pytest.approx(b.low, rel=1e-6, abs=1e-6)
            assert (a.high is None) == (b.high is None)
            assert a.high is None or a.high == pytest.approx(b.high, rel=1e-6)
    assert fast.contradictions == slow.contradictions == []


def test_a_warm_start_that_stalls_is_solved_again_from_scratch():
    # Found by the property tests: HiGHS said "unknown" on one band program warm-started from
    # the last basis; the model is solved again from scratch.
    november = [report(f"r{i}", "2021-11-01", "2021-11-30", 5811) for i in range(7)]
    others = [
        report("r7", "2021-11-01", "2021-12-31", 6500, bound="upper"),
        report("r8", "2021-11-01", "2022-05-31", 7025),
        report("r9", "2021-12-10", None, 700, bound="lower", published="2022-03-31"),
        report("r10", "2021-12-17", None, None, bound="range", low=538, high=809, published="2022-03-31"),
        report("r11", "2022-01-06", None, 1000, bound="approximate", published="2022-06-30"),
        report("far-off", "2021-11-01", "2021-11-30", 3 * 5811 * 1.005 + 1000),
    ]
    result = estimate(november + others)
    assert [c.obs_id for c in result.contradictions] == ["far-off"]
