"""Records of reconciliation (issue 3): what many traces say about one indicator over time.

An *observation* is one reported figure after its sources and indicator are resolved: an interval
``[low, high]`` on the count of ``indicator`` for ``scope`` over ``[period_start, period_end]``
(a total over the period, or an average ``rate_per`` month/day ...). Echoes of the same original
figure are collapsed into one observation that lists them. The estimator turns observations into
a monthly series with bounds (``reconcile/series.py``); grades follow the Admiralty convention.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Echo:
    """One report that repeated an observation, and how it changed it on the way."""

    document_id: str
    figure_id: str
    outlet: str | None
    published: str | None
    text: str
    changes: list[str] = field(default_factory=list)  # rounded, re-labelled, period dropped, turned into a rate
    language: str | None = None  # the language the repeating report was written in


@dataclass
class Grade:
    reliability: str  # A-F
    credibility: int  # 1-6
    reliability_reason: str
    credibility_reason: str


@dataclass
class Observation:
    id: str
    indicator: str
    scope: str | None
    country: str | None  # registry country code of the scope, else of the document ('xv', 'ua')
    period_start: str | None  # ISO date
    period_end: str | None
    measure: str  # "total" over the period, or "rate" (average per rate_per over the period)
    rate_per: str | None
    low: float | None  # interval the wording allows; None = unbounded
    high: float | None
    value: float | None
    bound: str
    document_id: str
    figure_id: str
    # Who the figure comes from: the registry id of the party the chain ends at (origin, else derived,
    # record; the body a spokesman speaks for). An anonymous or vague origin is not one party across
    # reports: its key adds the named link that vouches for it ('anon.a-source@ru.tass'), or the
    # document when none does, so that two agencies' unnamed sources are two origins.
    origin: str | None
    published: str | None = None  # the reporting document's date: orders revisions and echoes
    origin_named: bool = False  # the origin is a party the text names (not anonymous, not vague)
    first_hand: bool = False  # the origin speaks to the reporting outlet itself, through no other relay
    # The report presents it as the origin's update or correction of its earlier figure ('a revised
    # figure of', 'updated figures show'; ``Figure.update_span``): it may revise through a relay.
    update: bool = False
    chain: list[dict] = field(default_factory=list)  # links with source_id added
    period_inferred: bool = False
    grade: Grade | None = None
    echoes: list[Echo] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
