"""The unknowns (leaf indicators × months) and the rows constraints collapse into.

Ten thousand reports of one indicator over four years ask only a few hundred distinct questions:
"how many in 2024", "how many from 24 Feb 2022 to July 2025". Constraints whose rows are equal
after scaling (same leaves, same month weights up to a factor; ``constraints.normalised``) form one
``Group``; within it, reports that allow the same interval form one ``Member`` whose weight is the
sum of theirs (echoes were merged upstream, so agreeing reports here are independent and their
agreement counts). The linear programs then work on groups and members, not on reports.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import numpy as np

from ..model import months as cal
from .constraints import Constraint, normalised


@dataclass
class Layout:
    """Column ``i * len(months) + t`` is leaf ``leaves[i]`` in month ``months[t]``."""

    leaves: list[str]
    months: list[str]

    def __post_init__(self):
        self._leaf = {leaf: i for i, leaf in enumerate(self.leaves)}
        self._month = {month: t for t, month in enumerate(self.months)}

    @property
    def size(self) -> int:
        return len(self.leaves) * len(self.months)

    def column(self, leaf: str, month: str) -> int:
        return self._leaf[leaf] * len(self.months) + self._month[month]

    def months_of(self, weights: Iterable[tuple[str, float]]) -> tuple[np.ndarray, np.ndarray]:
        """Month indices and weights of a normalised row."""
        months = np.array([self._month[m] for m, _ in weights], dtype=np.int64)
        return months, np.array([w for _, w in weights], dtype=float)


@dataclass
class Member:
    low: float  # in the group's normalised units
    high: float  # math.inf when unbounded
    weight: float
    reports: list[tuple[Constraint, float]] = field(default_factory=list)  # with each one's scale factor
    named: bool = True  # its reports' origins are named (a member holds one tier's reports only)


@dataclass
class Group:
    leaves: tuple[str, ...]
    row: tuple[tuple[str, float], ...]  # normalised month weights, the largest 1
    members: list[Member]
    scale: float  # a typical value of the row: slack is measured against it
    columns: np.ndarray
    values: np.ndarray


@dataclass
class Row:
    """A row the band programs keep: ``low ≤ values · m[columns] ≤ high``, and the reports behind it."""

    columns: np.ndarray
    values: np.ndarray
    low: float
    high: float  # math.inf when unbounded
    scale: float
    reports: list[str] = field(default_factory=list)  # obs ids


def leaves_of(indicator: str, relations: Mapping[str, list[str]], seen: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The leaf indicators whose sum ``indicator`` is (itself, when it has no children)."""
    if indicator in seen:
        raise ValueError(f"indicator relations loop: {' → '.join(seen + (indicator,))}")
    children = relations.get(indicator)
    if not children:
        return (indicator,)
    return tuple(sorted({leaf for child in children for leaf in leaves_of(child, relations, seen + (indicator,))}))


def layout_for(constraints: list[Constraint], months: Iterable[str] | None,
               relations: Mapping[str, list[str]]) -> Layout:
    """Leaves the constraints name; months from the earliest to the latest that is touched or asked for."""
    leaves = sorted({leaf for i in {c.indicator for c in constraints} for leaf in leaves_of(i, relations)})
    periods = {id(c.months): c.months for c in constraints}.values()  # reports share period dicts
    touched = {m for period in periods for m in period} | set(months or ())
    if not touched:
        return Layout(leaves, [])
    return Layout(leaves, cal.span(min(touched), max(touched)))


def collapse(constraints: list[Constraint], layout: Layout, relations: Mapping[str, list[str]]) -> list[Group]:
    """One group per distinct row, one member per distinct interval in it."""
    rows = _Rows()
    leaves = {i: leaves_of(i, relations) for i in {c.indicator for c in constraints}}
    groups: dict[tuple, dict[tuple, Member]] = {}
    number = rows.number  # ten thousand calls: the lookups are bound once
    for c in constraints:
        row, factor = number(c)
        high = math.inf if c.high is None else c.high
        if factor == 1.0:
            key = (c.low, high, c.named)
        else:  # rounded so that a rate and a total of the same period meet despite float noise
            key = (round(c.low / factor, 9), round(high / factor, 9), c.named)
        members = groups.setdefault((leaves[c.indicator], row), {})
        member = members.get(key)
        if member is None:
            member = members[key] = Member(c.low / factor, high / factor, 0.0, named=c.named)
        member.weight += c.weight
        member.reports.append((c, factor))
    months = [layout.months_of(row) for row in rows.rows]  # each distinct row once, whatever its leaves
    return [_group(key, rows.rows[row], months[row], list(members.values()), layout)
            for (key, row), members in groups.items()]


def tier(groups: list[Group], named: bool) -> list[Group]:
    """The groups as one tier sees them: only its members (named records, or unnamed sources), the
    row's typical size taken over those."""
    found = []
    for group in groups:
        members = [m for m in group.members if m.named is named]
        if members:
            found.append(replace(group, members=members, scale=_scale(members)) if len(members) < len(group.members)
                         else group)
    return found


class _Rows:
    """Numbers the distinct normalised rows. Reports that share a period usually share its months dict
    (``to_constraints`` makes them so), and a row is a long tuple whose hash Python does not keep, so
    looking up by the dict's identity first, then by a small number, keeps collapsing linear and cheap."""

    def __init__(self):
        self.rows: list[tuple] = []
        self._numbers: dict[tuple, int] = {}
        self._by_dict: dict[int, tuple[int, float]] = {}

    def number(self, c: Constraint) -> tuple[int, float]:
        known = self._by_dict.get(id(c.months))
        if known is None:
            row, factor = normalised(c)
            if row not in self._numbers:
                self._numbers[row] = len(self.rows)
                self.rows.append(row)
            known = self._by_dict[id(c.months)] = (self._numbers[row], factor)
        return known


def _group(leaves, row, months: tuple[np.ndarray, np.ndarray], members: list[Member], layout: Layout) -> Group:
    starts = [layout.column(leaf, layout.months[0]) for leaf in leaves]
    columns = np.concatenate([start + months[0] for start in starts])
    return Group(leaves, row, members, _scale(members), columns, np.concatenate([months[1]] * len(starts)))


def _scale(members: list[Member]) -> float:
    """The median of the reports' centres: one far-off report does not change what 'large' means."""
    if len(members) == 1:
        return max(1.0, _centre(members[0]))
    centres = sorted(_centre(m) for m in members for _ in m.reports)
    middle = len(centres) // 2
    median = centres[middle] if len(centres) % 2 else (centres[middle - 1] + centres[middle]) / 2
    return max(1.0, median)


def _centre(member: Member) -> float:
    return member.low if math.isinf(member.high) else (member.low + member.high) / 2
