"""Revision or disagreement: when a later figure may replace an earlier one.

A register's count for a period grows as late cases are entered, so the same body giving a second,
different value for the same indicator and months is a revision: the later value supersedes the
earlier, and both stay visible. Anything weaker is not allowed to overwrite a report, because an
overwrite hides a disagreement where a contradiction would show it. A later report ``L`` supersedes
an earlier ``E`` only when all of these hold:

- the same origin, and a named one (``Constraint.named``): an anonymous or vague origin never
  supersedes, and "a source" told to two agencies is two origins (``observations._origin_key``);
- ``L`` is first-hand (``Constraint.first_hand``): the origin told the reporting outlet itself,
  so that an old figure re-told through other outlets cannot pass for the origin's latest word; or
  ``L``'s report says explicitly that the origin updated or corrected its figure
  (``Constraint.update``, from ``Figure.update_span``: "TASS, citing the ministry, reported a
  revised figure of 5,200"), which a relay may pass on;
- the same indicator and the same months (the same row, up to scale: a rate and a total of one
  period are one question);
- ``L`` was published strictly later, and both are dated: reports of the same day or of no day
  cannot be ordered, so a difference between them is left to the estimator as a disagreement;
- the values differ (the same value restated is no revision), but by no more than
  ``revision_limit`` (a quarter) of the earlier: late entries move a register's count a little; a
  count that changes several-fold is a disagreement (or another thing counted), not a revision.

Of several such restatements the latest stands and supersedes every earlier report of its row. A
later report that is neither first-hand nor an explicit update is neither superseded nor
superseding: if it disagrees, the estimator shows it.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .constraints import Constraint, normalised
from .settings import VALUES

REVISION_LIMIT = VALUES["revision_limit"]


def mark_revisions(constraints: Iterable[Constraint]) -> list[Constraint]:
    """The constraints, with ``superseded_by`` set on every report a later revision replaces.

    Returns new constraints in the same order; the estimator leaves superseded ones out and lists
    them. A caller that knows better may set ``superseded_by`` itself.
    """
    constraints = list(constraints)
    rows = _Rows()
    latest: dict[tuple, Constraint] = {}  # (origin, indicator, row) → its latest first-hand report
    for c in constraints:
        if _may_revise(c):
            key = (c.origin, c.indicator, rows.row(c))
            if key not in latest or c.published > latest[key].published:
                latest[key] = c
    origins = {key[0] for key in latest}
    out = []
    for c in constraints:
        revisable = c.named and c.published and c.origin in origins  # the rest cannot be revised: skip the row
        revision = latest.get((c.origin, c.indicator, rows.row(c))) if revisable else None
        superseded = (revision is not None and revision.published > c.published
                      and rows.interval(revision) != rows.interval(c)
                      and _near(rows.interval(revision), rows.interval(c)))
        out.append(replace(c, superseded_by=revision.obs_id) if superseded else c)
    return out


def _near(revision: tuple[float, float | None], earlier: tuple[float, float | None]) -> bool:
    """The revision's interval comes within ``REVISION_LIMIT`` of the earlier one's (both scaled to
    their row, so a rate and a total of the same months compare)."""
    low, high = earlier
    reach = REVISION_LIMIT * max(high if high is not None else low, 1.0)
    return revision[0] <= (high if high is not None else low) + reach and (
        revision[1] is None or revision[1] >= low - reach)


def _may_revise(c: Constraint) -> bool:
    return c.named and (c.first_hand or c.update) and c.origin is not None and bool(c.published)


class _Rows:
    """Each months dict normalised once (reports of one period share it)."""

    def __init__(self):
        self._by_dict: dict[int, tuple] = {}

    def row(self, c: Constraint) -> tuple:
        return self._normalised(c)[0]

    def interval(self, c: Constraint) -> tuple[float, float | None]:
        factor = self._normalised(c)[1]
        return round(c.low / factor, 9), None if c.high is None else round(c.high / factor, 9)

    def _normalised(self, c: Constraint) -> tuple:
        if id(c.months) not in self._by_dict:
            self._by_dict[id(c.months)] = normalised(c)
        return self._by_dict[id(c.months)]
