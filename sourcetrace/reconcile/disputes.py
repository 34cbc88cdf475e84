"""Outweighed or disputed: what a contradiction may do to the band.

The elastic step (``elastic``) finds the reports that must give way for the rest to agree, and for
each the standing reports it cannot hold with (its partners). That alone would let the weightier
side of any tie win, and a month with forty scattered reports would be drawn as the thin band of
the one the solver happened to keep. So each contradicted report is settled here:

Outweighed
    Its partners weigh at least ``DOMINANCE`` times as much as it and its allies — the other
    contradicted reports of its own row that stand against the same partners — or a partner is a
    fixed row (a named record, which an unnamed report never overrides). The bands rest on the
    partners; the report is listed as contradicted, with what it would have allowed.
Disputed
    Otherwise neither side outweighs the other: one report against one, or a crowd of reports of
    one month against the standing few the solver kept (forty scattered reports, three of which
    happen to overlap, are not a consensus of three). Both sides are kept, as one ``Dispute`` with
    each side's interval, and the bands show what every side allows: within one row the band
    takes the hull of the sides' intervals; a dispute across rows (a quarter's total against its
    months) binds with neither side, which is wider than the hull, never narrower.

Allies are counted within a row only: far-off reports of different periods that all happen to
collide with one long running total do not agree with each other, and do not add up to a side.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .collapse import Group, Layout, Member
from .elastic import Broken
from .settings import VALUES

DOMINANCE = VALUES["dominance"]


@dataclass
class Side:
    """One interval some reports state, in the first report's own units."""

    reports: list[str]
    indicator: str
    low: float
    high: float | None
    standing: bool  # the side the elastic solution kept; in a tie either could have been


@dataclass
class Dispute:
    id: str  # 'd1' … among named records, 'u1' … among unnamed sources
    months: list[str]
    sides: list[Side] = field(default_factory=list)
    named: bool = True  # among the named records (else among unnamed sources, inside the records' band)


@dataclass
class Settlement:
    """What ``standing_rows`` needs: members left out, rows whose sides are joined, and the disputes."""

    outweighed: set[tuple[int, int]]  # broken members the bands ignore
    dropped: set[tuple[int, int]]  # both sides of disputes across rows: neither binds
    hulls: dict[int, set[tuple[int, int]]]  # group → members of a one-row dispute: the row takes their hull
    disputes: list[Dispute]
    dispute_of: dict[tuple[int, int], str]  # broken, disputed member → its dispute id


def settle(broken: list[Broken], groups: list[Group], layout: Layout, named: bool = True) -> Settlement:
    users: dict[tuple[int, int], list[Broken]] = {}  # standing member → the broken members it holds against
    for b in broken:
        for partner in b.partners:
            users.setdefault(partner, []).append(b)
    outweighed = {(b.group, b.member) for b in broken if _outweighed(b, groups, users)}
    disputed = [b for b in broken if (b.group, b.member) not in outweighed]
    components = _components(disputed)
    settlement = Settlement(outweighed, set(), {}, [], {})
    broken_members = {(b.group, b.member) for b in disputed}
    for n, members in enumerate(components, start=1):
        dispute = _dispute(f"{'d' if named else 'u'}{n}", members, broken_members, groups, layout, named)
        settlement.disputes.append(dispute)
        settlement.dispute_of.update({gj: dispute.id for gj in members & broken_members})
        rows = {g for g, _ in members}
        if len(rows) == 1:
            settlement.hulls.setdefault(rows.pop(), set()).update(members)
        else:
            settlement.dropped |= members
    return settlement


def _outweighed(b: Broken, groups: list[Group], users: dict) -> bool:
    if b.fixed:
        return True
    if not b.partners:
        return False  # nothing stands against it by name: it disputes the series as a whole
    allies = {(o.group, o.member) for partner in b.partners for o in users.get(partner, ())
              if o.group == b.group} | {(b.group, b.member)}
    partners = sum(_weight(groups, gj) for gj in b.partners)
    against = sum(_weight(groups, gj) for gj in allies)
    return partners >= DOMINANCE * against * (1 - 1e-9)


def _weight(groups: list[Group], gj: tuple[int, int]) -> float:
    return groups[gj[0]].members[gj[1]].weight


def _components(disputed: list[Broken]) -> list[set[tuple[int, int]]]:
    """Disputed members joined to their partners, and through shared partners to each other."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def root(node):
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for b in disputed:
        for partner in b.partners:
            parent[root(partner)] = root((b.group, b.member))
        root((b.group, b.member))
    found: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for node in parent:
        found.setdefault(root(node), set()).add(node)
    return sorted(found.values(), key=lambda members: min(members))


def _dispute(id_: str, members: set[tuple[int, int]], broken: set[tuple[int, int]], groups: list[Group],
             layout: Layout, named: bool) -> Dispute:
    months = sorted({layout.months[c % len(layout.months)] for g, _ in members for c in groups[g].columns.tolist()})
    sides = [_side(groups[g].members[j], (g, j) not in broken) for g, j in sorted(members)]
    return Dispute(id_, months, sorted(sides, key=lambda s: (s.low, s.reports)), named)


def _side(member: Member, standing: bool) -> Side:
    first = member.reports[0][0]
    return Side([c.obs_id for c, _ in member.reports], first.indicator, first.low, first.high, standing)
