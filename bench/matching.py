"""Matching predicted figures to gold figures, and the counts that precision and recall come from.

Everything here works on plain dicts shaped like the figures of ``sourcetrace.trace/1`` (``value``,
``low``, ``high``, ``bound``, ``unit``, ``rate_per``, ``period``, ``attribution``, ``span``), so the
same code scores sourcetrace, the quantulum3 baseline and hand-made dicts in the tests.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

TOLERANCE = 0.005  # two numbers are "equal" within 0.5 %: absorbs rounding in 1/3, 1/14 and such

UNIT_ALIASES = {"%": "percent", "per cent": "percent", "percentage": "percent", "pp": "percentage_point"}
ARTICLES = ("the ", "a ", "an ")


# --- numbers ---------------------------------------------------------------------------------

def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    if a == b:
        return True
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def stated_numbers(figure: dict) -> tuple[float, ...]:
    """The numbers a figure states: its value, or the ends of a range when it has no value.

    "over 5,000" states 5,000 (its bound is scored separately); "1,500-2,000" states both ends.
    Matching on these alone keeps a wrong bound from also counting as a missed figure.
    """
    value = figure.get("value")
    if value is not None and figure.get("bound") != "range":
        return (value,)
    return tuple(n for n in (figure.get("low"), figure.get("high")) if n is not None)


def numbers_match(gold: dict, pred: dict) -> bool:
    g, p = stated_numbers(gold), stated_numbers(pred)
    return bool(g) and len(g) == len(p) and all(close(a, b) for a, b in zip(g, p))


# --- where a gold figure is in its text ------------------------------------------------------

def gold_spans(text: str, figures: list[dict]) -> list[tuple[int, int] | None]:
    """Locate each gold figure by its ``text``; the n-th figure with a given text takes its n-th
    occurrence, so two gold figures written alike are told apart."""
    seen: dict[str, int] = {}
    spans = []
    for figure in figures:
        needle = figure["text"]
        starts = [m.start() for m in re.finditer(re.escape(needle), text)]
        n = seen.get(needle, 0)
        seen[needle] = n + 1
        spans.append((starts[n], starts[n] + len(needle)) if n < len(starts) else None)
    return spans


def distance(a: tuple[int, int] | None, b) -> float:
    """Characters between two spans (0 when they overlap); unknown spans are far but not excluded."""
    if a is None or not b:
        return float("inf")
    start, end = b
    if start < a[1] and a[0] < end:
        return 0.0
    return float(min(abs(start - a[1]), abs(a[0] - end)))


def match_figures(text: str, gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: among all (gold, predicted) pairs whose numbers agree, take
    the nearest pairs first. Returns (gold index, predicted index) pairs sorted by gold index."""
    spans = gold_spans(text, gold)
    pairs = [
        (distance(spans[g], p.get("span")), g, j)
        for g, gf in enumerate(gold)
        for j, p in enumerate(pred)
        if numbers_match(gf, p)
    ]
    used_gold, used_pred, matched = set(), set(), []
    for _, g, j in sorted(pairs):
        if g not in used_gold and j not in used_pred:
            used_gold.add(g)
            used_pred.add(j)
            matched.append((g, j))
    return sorted(matched)


# --- slots -----------------------------------------------------------------------------------

def norm_unit(unit: str | None) -> str | None:
    if unit is None:
        return None
    unit = unit.strip().lower()
    return UNIT_ALIASES.get(unit, unit)


def period_of(figure: dict) -> tuple[str | None, str | None] | None:
    """(start, end) of a figure's period, or None when it states no dated period."""
    period = figure.get("period")
    if not period or (period.get("start") is None and period.get("end") is None):
        return None
    return (period.get("start"), period.get("end"))


def norm_name(name: str) -> str:
    """Case-insensitive, leading articles stripped, typographic apostrophes and spacing folded."""
    name = re.sub(r"\s+", " ", name.replace("\u2019", "'").replace("\u00a0", " ")).strip().lower()
    name = name.strip(" .,;:\"'()")
    for article in ARTICLES:
        if name.startswith(article):
            name = name[len(article):]
            break
    return name


def name_tokens(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"[\w.-]+", re.sub(r"'s\b", "", norm_name(name))))


def names_agree(gold: str, pred: str, lenient: bool = False) -> bool:
    """Strict: equal normalised names. Lenient: one name's words contain the other's
    ("Ukraine's General Staff" ~ "General Staff"), for telling span slips from wrong sources."""
    if norm_name(gold) == norm_name(pred):
        return True
    if not lenient:
        return False
    a, b = name_tokens(gold), name_tokens(pred)
    return bool(a) and bool(b) and (a <= b or b <= a)


def match_links(gold: list[dict], pred: list[dict], lenient: bool = False, roles: bool = True) -> int:
    """How many gold links find a predicted link (same name, same role), one-to-one."""
    free = list(pred)
    found = 0
    for link in gold:
        for i, candidate in enumerate(free):
            same_role = not roles or candidate.get("role") == link["role"]
            if same_role and names_agree(link["name"], candidate.get("name") or "", lenient):
                found += 1
                del free[i]
                break
    return found


def chain_key(links: list[dict]) -> list[tuple[str, str]]:
    return [(norm_name(link.get("name") or ""), link.get("role")) for link in links]


# --- counts ----------------------------------------------------------------------------------

@dataclass
class Count:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold

    def scores(self) -> dict:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "n_pred": self.n_pred, "n_gold": self.n_gold}
