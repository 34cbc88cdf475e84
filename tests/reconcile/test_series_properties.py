"""Properties of the estimator (docs/reconcile.md §7).

A random non-negative monthly series; reports drawn from it the ways reporting draws them (monthly
and yearly totals, running totals since a day inside a month, totals and rates over windows,
per-day rates, rates with no period, each exact, rounded, "more than", "almost" or a range; some
repeated word for word). Then:

- every month's band contains the true count, every point lies in its band, and nothing is
  contradicted;
- one far-off copy of a report that two reports state makes exactly that copy contradicted,
  naming the two. (Against a single report a far-off one is a tie the reports cannot break; the
  elastic step needs the weight of agreement, so the property asks for it.)

Reports come from ``bench.estimator.observe``, the generator the benchmark uses.
"""
from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcetrace.reconcile import estimate, to_constraints

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.estimator import KINDS, WORDINGS, Spec, observe  # noqa: E402

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
FIRST_MONTHS = ["2021-11", "2022-01", "2023-06"]


@st.composite
def specs(draw, months: int) -> Spec:
    kind = draw(st.sampled_from(KINDS))
    end = draw(st.integers(2 if kind == "inferred_rate" else 0, months - 1))
    if kind == "month_total":
        start = end
    elif kind == "year_total":
        start = max(0, end - 11)
    elif kind == "inferred_rate":
        start = end - 2
    else:
        start = draw(st.integers(0, end))
    start_day = draw(st.integers(1, 28)) if kind in ("cumulative", "window_total", "day_rate") else 1
    return Spec(kind, start, end, start_day, draw(st.sampled_from(WORDINGS)), draw(st.booleans()),
                draw(st.sampled_from([0.05, 0.1, 0.2])))


@st.composite
def scenarios(draw, indicators: tuple[str, ...] = ("x",)):
    months = draw(st.integers(6, 36))
    first = draw(st.sampled_from(FIRST_MONTHS))
    truth = {i: draw(st.lists(st.integers(0, 20_000), min_size=months, max_size=months)) for i in indicators}
    drawn = draw(st.lists(st.tuples(st.sampled_from(indicators), specs(months)), min_size=1, max_size=25))
    observations = [observe(truth[i], first, spec, f"r{n}", i) for n, (i, spec) in enumerate(drawn)]
    echoed = draw(st.lists(st.integers(0, len(observations) - 1), max_size=5))
    observations += [{**observations[n], "id": f"echo{k}-{observations[n]['id']}"} for k, n in enumerate(echoed)]
    return first, truth, observations


def within(value: float, low: float, high: float | None) -> bool:
    give = 1e-6 * max(1.0, abs(value))
    return low - give <= value and (high is None or value <= high + give)


def assert_bands_hold_the_truth(result, first: str, truth: dict[str, list[int]]) -> None:
    assert result.months[0] >= first
    offset = FIRST_MONTHS_INDEX[first]
    for indicator, values in truth.items():
        for band in result.series[indicator]:
            true = values[_index(band.month) - offset]
            assert within(true, band.low, band.high), (indicator, band, true)
            assert band.point is None or within(band.point, band.low, band.high), band


def _index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


FIRST_MONTHS_INDEX = {m: _index(m) for m in FIRST_MONTHS}


@settings(max_examples=25, **SETTINGS)
@given(scenarios())
def test_bands_contain_the_truth_and_nothing_is_contradicted(scenario):
    first, truth, observations = scenario
    constraints, skipped = to_constraints(observations)
    assert skipped == []
    result = estimate(constraints)
    assert result.contradictions == []
    assert_bands_hold_the_truth(result, first, truth)


@settings(max_examples=15, **SETTINGS)
@given(scenarios(indicators=("a", "b", "p")))
def test_bands_hold_for_children_and_their_parent(scenario):
    first, truth, observations = scenario
    truth["p"] = [a + b for a, b in zip(truth["a"], truth["b"])]  # the parent is what its children add to
    observations = [o for o in observations if o["indicator"] != "p"] + _parent_reports(observations, truth, first)
    result = estimate(to_constraints(observations)[0], relations={"p": ["a", "b"]})
    assert result.contradictions == []
    assert_bands_hold_the_truth(result, first, {i: v for i, v in truth.items() if i in result.series})


def _parent_reports(observations: list[dict], truth: dict, first: str) -> list[dict]:
    """The drawn parent reports, recomputed from the parent's truth (the sum of the children)."""
    out = []
    for o in observations:
        if o["indicator"] != "p" or o["id"].startswith("echo"):
            continue
        out.append({**o, **_reworded(o, truth["p"], first)})
    return out


def _reworded(o: dict, values: list[int], first: str) -> dict:
    """An exact report of the same period and measure, worded from the parent's truth."""
    constraint = to_constraints([o])[0][0]
    offset = FIRST_MONTHS_INDEX[first]
    value = sum(values[_index(m) - offset] * w for m, w in constraint.months.items())
    return {"value": value, "bound": "exact", "low": None, "high": None}


@settings(max_examples=20, **SETTINGS)
@given(scenarios(), st.data())
def test_one_far_off_copy_of_a_twice_stated_report_is_the_only_contradiction(scenario, data):
    first, truth, observations = scenario
    bounded = [o for o in observations if o["bound"] in ("exact", "approximate", "range")]
    if not bounded:
        return
    original = data.draw(st.sampled_from(bounded))
    echo = {**original, "id": "echo-of-original"}
    high = to_constraints([original])[0][0].high
    far = {**original, "id": "far-off", "bound": "exact", "value": 3 * high + 1_000, "low": None, "high": None}
    result = estimate(to_constraints(observations + [echo, far])[0])
    assert [c.obs_id for c in result.contradictions] == ["far-off"]
    contradiction = result.contradictions[0]
    assert {original["id"], "echo-of-original"} <= set(contradiction.conflicts_with)
    assert contradiction.side == "above"
    assert_bands_hold_the_truth(result, first, truth)


# --- issue 8: a hostile report, scattered reports ------------------------------------------------

@settings(max_examples=25, **SETTINGS)
@given(scenarios(), st.data())
def test_a_planted_hostile_report_never_moves_the_band_of_months_named_records_cover(scenario, data):
    """An anonymous source behind any relay (any grade, so any weight), saying anything about any
    period: the named records' bands do not move, and what every report allows stays inside them."""
    first, truth, observations = scenario
    base = data.draw(st.sampled_from(observations))
    factor = data.draw(st.sampled_from([0.01, 0.2, 0.5, 2.0, 5.0, 30.0]))
    hostile = {**base, "id": "hostile", "origin_named": False, "bound": data.draw(st.sampled_from(WORDINGS)),
               "value": factor * (base["value"] or base["high"] or 1_000) + 1, "low": None, "high": None,
               "grade": {"reliability": data.draw(st.sampled_from("ABCDEF"))}}
    hostile["low"], hostile["high"] = (0.8 * hostile["value"], 1.2 * hostile["value"]) if hostile["bound"] == "range" \
        else (None, None)
    before = estimate(to_constraints(observations)[0])
    after = estimate(to_constraints(observations + [hostile])[0])
    covered = [b for b in before.series["x"] if not b.no_data]
    for band in covered:
        moved = after.band("x", band.month)
        assert (moved.low, moved.high) == (band.low, band.high), band.month
        everything = after.all_reports["x"][after.months.index(band.month)]
        assert everything.low >= band.low - 1e-6 * max(1.0, band.low)
        assert band.high is None or everything.high <= band.high * (1 + 1e-6) + 1e-6
    assert all(c.obs_id == "hostile" for c in after.contradictions)


@settings(max_examples=25, **SETTINGS)
@given(st.integers(2, 40), st.integers(1, 6), st.data())
def test_reports_scattered_around_a_truth_are_disputes_in_proportion_never_a_thin_band(n, months, data):
    """n reports of single months, each from its own named origin, each off the truth by a
    different share (0.5x to 1.5x, at least 2% apart, so no two agree): in each month at most one
    stands, so at least n − months are contradicted; none is outweighed, since nothing agrees with
    anything; and each month's band covers every value stated for it — never one report's thin band."""
    truth = data.draw(st.lists(st.integers(500, 30_000), min_size=months, max_size=months))
    shares = data.draw(st.lists(st.sampled_from([0.5 + 0.02 * k for k in range(51)]), min_size=n, max_size=n,
                                unique=True))
    placed = [(data.draw(st.integers(0, months - 1)), share) for share in shares]
    reports = []
    for i, (t, share) in enumerate(placed):
        key = f"2025-{t + 1:02d}"
        reports.append({"id": f"r{i}", "indicator": "x", "measure": "total", "rate_per": None,
                        "period_start": f"{key}-01", "period_end": f"{key}-{cal_days(key):02d}",
                        "value": round(truth[t] * share), "bound": "exact", "low": None, "high": None,
                        "origin": f"outlet{i}", "published": "2025-08-01", "grade": {"reliability": "C"}})
    result = estimate(to_constraints(reports)[0])
    used = {t for t, _ in placed}
    assert len(result.contradictions) >= n - len(used)
    assert not any(c.outweighed for c in result.contradictions)
    for t in used:
        values = [r["value"] for (m, _), r in zip(placed, reports) if m == t]
        band = result.band("x", f"2025-{t + 1:02d}")
        assert band.low <= min(values) and band.high is not None and band.high >= max(values)
        assert band.disputed == (len(values) > 1)


def cal_days(key: str) -> int:
    from sourcetrace.model.months import days_in

    return days_in(key)
