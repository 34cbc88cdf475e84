"""The estimator's settings: one table of name, value and what it does.

Every number that changes what the barometer says lives here, and the modules read it from here,
so that the barometer's JSON can record exactly what produced it (``generator.estimator``) and
``docs/barometer-settings.md`` can list them all (a test keeps that page equal to this table).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    value: object
    help: str
    module: str  # where it acts, under sourcetrace/reconcile/


SETTINGS = (
    Setting("exact_tolerance", 0.005, "An exact figure allows its value ± this share: typos and late entries "
            "are not contradictions.", "constraints.py"),
    Setting("upper_bound_floor", 0.9, "'Almost v' / 'up to v' allows [this × v, v].", "constraints.py"),
    Setting("inferred_window", 3, "A rate with no period in the text is read over this many whole months "
            "before its publication month.", "constraints.py"),
    Setting("inferred_period_factor", 0.25, "Weight of a report whose period was inferred, as a share of "
            "its grade's weight.", "constraints.py"),
    Setting("reliability_weights", {"A": 4.0, "B": 3.0, "C": 2.0, "D": 1.0, "E": 0.5, "F": 1.0},
            "Weight of a report by its source reliability (Admiralty A–F) when reports disagree; an ungraded "
            "report weighs 1.", "constraints.py"),
    Setting("unnamed_weight", 1.0, "Weight of every report whose origin is anonymous or vague, whatever relays it: "
            "the relay caps its grade, but cannot make one unnamed source outvote another.", "constraints.py"),
    Setting("revision_limit", 0.25, "A later figure of the same origin (first-hand, or an update or correction) revises an earlier one only "
            "within this share of it; a bigger change is a disagreement, not a late entry.", "revisions.py"),
    Setting("dominance", 2.0, "A contradicted report is outweighed only when what it conflicts with weighs "
            "this many times as much as it and its allies; otherwise both sides are kept as a dispute.",
            "disputes.py"),
    Setting("slack_tolerance", 1e-6, "A report that gives way by less than this share of its row's size "
            "holds; standing intervals are widened by as much.", "elastic.py"),
    Setting("damping", 0.01, "Second elastic solve: a report that gave way by s (relative) costs "
            "damping / (s + damping) as much, so ties settle on changing fewer reports.", "elastic.py"),
    Setting("damping_floor", 0.001, "The least share of its cost a report keeps in the second solve.",
            "elastic.py"),
    Setting("max_partners", 12, "Reports a contradiction names as what it conflicts with (all are counted).",
            "elastic.py"),
    Setting("smoothing_pull", 0.01, "Point estimate: the price of leaving the centre of a month's band, "
            "as a share of the price of curvature.", "smooth.py"),
)

VALUES = {s.name: s.value for s in SETTINGS}


def recorded(backend: str) -> dict:
    """The settings as the barometer's JSON records them, with the linear-program backend used."""
    return {**VALUES, "lp_backend": backend}


def markdown() -> str:
    """The table of ``docs/barometer-settings.md``."""
    lines = ["| setting | value | what it does | where |", "|---|---|---|---|"]
    lines += [f"| `{s.name}` | `{s.value}` | {s.help} | `reconcile/{s.module}` |" for s in SETTINGS]
    return "\n".join(lines)
