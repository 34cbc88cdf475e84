"""Revision or disagreement (reconcile/revisions.py): only the same named origin, speaking
first-hand (or in words that say it updates or corrects it) and later, may replace its own earlier
figure for the same months."""
from __future__ import annotations

import pytest

from sourcetrace.reconcile import mark_revisions, to_constraint


def report(**fields):
    base = dict(id="o1", indicator="x", period_start="2024-01-01", period_end="2024-12-31", measure="total",
                rate_per=None, value=1200.0, low=None, high=None, bound="exact", origin="pgo",
                origin_named=True, first_hand=True, published="2025-01-10")
    return to_constraint({**base, **fields})


def superseded(*constraints) -> dict[str, str | None]:
    return {c.obs_id: c.superseded_by for c in mark_revisions(constraints)}


def test_the_same_named_origin_restating_a_period_first_hand_supersedes_its_earlier_figure():
    early = report(id="jan", value=67_840, published="2025-01-10")
    late = report(id="jun", value=71_000, published="2025-06-10")
    assert superseded(late, early) == {"jun": None, "jan": "jun"}


def test_the_latest_of_several_restatements_stands():
    found = superseded(report(id="a", value=1_000, published="2025-01-01"),
                       report(id="b", value=1_010, published="2025-02-01"),
                       report(id="c", value=1_020, published="2025-03-01"))
    assert found == {"a": "c", "b": "c", "c": None}


def test_a_second_hand_retelling_supersedes_nothing_and_is_not_superseded():
    """An outlet citing an outlet citing the ministry may repeat an old figure late."""
    early = report(id="ministry", value=67_840, published="2025-01-10")
    retold = report(id="retold", value=60_000, published="2025-06-10", first_hand=False)
    assert superseded(early, retold) == {"ministry": None, "retold": None}


def test_a_first_hand_revision_supersedes_an_earlier_second_hand_report_of_its_origin():
    retold = report(id="retold", value=60_000, published="2025-01-10", first_hand=False)
    late = report(id="ministry", value=67_840, published="2025-06-10")
    assert superseded(retold, late) == {"retold": "ministry", "ministry": None}


@pytest.mark.parametrize("fields", [
    dict(origin="anon.a-source@reuters", origin_named=False),  # an anonymous origin never supersedes
    dict(origin="other"),  # another origin: a disagreement, not a revision
    dict(value=67_840),  # the same value again
    dict(period_start="2024-02-01"),  # another period
    dict(indicator="y"),  # another count
    dict(published="2025-01-10"),  # the same day: which came later is unknown
    dict(published=None),  # no day at all
    dict(value=5 * 67_840),  # five times the count: a disagreement (or another thing counted), not a late entry
])
def test_what_is_not_a_revision(fields):
    first = report(id="a", value=67_840, published="2025-01-10")
    second = report(**{"id": "b", "value": 71_000, "published": "2025-06-10", **fields})
    assert superseded(first, second) == {"a": None, "b": None}


def test_an_anonymous_origin_is_never_superseded_even_by_the_same_key():
    a = report(id="a", value=5_000, origin="anon.x@ru.tass", origin_named=False, published="2025-01-10")
    b = report(id="b", value=20_000, origin="anon.x@ru.tass", origin_named=False, published="2025-02-10")
    assert superseded(a, b) == {"a": None, "b": None}


def test_a_rate_restating_a_total_of_the_same_months_is_a_revision():
    total = report(id="total", value=12_000, published="2025-01-10")
    rate = report(id="rate", value=1_100, measure="rate", rate_per="month", published="2025-03-10")
    assert superseded(total, rate) == {"total": "rate", "rate": None}


def test_a_relayed_report_that_says_its_origin_updated_its_figure_supersedes_the_earlier_one():
    """'TASS, citing the office, reported a revised figure of ...': not first-hand, but explicit."""
    early = report(id="told", value=5_120, published="2025-02-05")
    revised = report(id="revised", value=5_310, published="2025-03-05", first_hand=False, update=True)
    assert superseded(early, revised) == {"told": "revised", "revised": None}
    plain = report(id="plain", value=5_310, published="2025-03-05", first_hand=False)
    assert superseded(early, plain) == {"told": None, "plain": None}


@pytest.mark.parametrize("fields", [
    dict(origin="anon.a-source@ru.tass", origin_named=False),  # an anonymous 'update' is no one's update
    dict(origin="other"),  # another origin's 'correction' is a disagreement
    dict(published="2025-02-05"),  # an 'update' of the same day: which is later is unknown
    dict(value=5 * 5_120),  # five times the count: not a late entry, whatever the words
])
def test_the_words_of_an_update_do_not_make_anything_else_a_revision(fields):
    early = report(id="told", value=5_120, published="2025-02-05")
    revised = report(**{"id": "revised", "value": 5_310, "published": "2025-03-05", "first_hand": False,
                        "update": True, **fields})
    assert superseded(early, revised) == {"told": None, "revised": None}
