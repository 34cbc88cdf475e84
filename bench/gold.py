"""Load the gold set and check that it follows its own conventions (see README.md, "Gold")."""
from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path

GOLD = Path(__file__).parent / "gold" / "figures.jsonl"

ROLES = {"outlet", "relay", "origin", "derived", "record"}
RATES = {None, "day", "week", "month", "year"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load(path: Path = GOLD) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def fingerprint(path: Path = GOLD) -> str:
    """A short hash of the gold file, printed with results so numbers name the set they came from."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def problems(items: list[dict]) -> list[str]:
    """Everything in the gold that breaks a convention; an empty list means the set is usable."""
    found = []
    ids = [item["id"] for item in items]
    found += [f"duplicate id {i}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    for item in items:
        if not ISO_DATE.match(item.get("published") or ""):
            found.append(f"{item['id']}: published is not YYYY-MM-DD")
        for figure in item["figures"]:
            found += [f"{item['id']} {figure['text']!r}: {p}" for p in _figure_problems(item, figure)]
    return found


def _figure_problems(item: dict, figure: dict) -> list[str]:
    found = []
    if figure["text"] not in item["text"]:
        found.append("text not found in the item")
    found += _bound_problems(figure)
    if figure["rate_per"] not in RATES:
        found.append(f"rate_per {figure['rate_per']!r}")
    if not figure.get("unit"):
        found.append("no unit")
    found += _period_problems(figure.get("period"))
    for link in figure["attribution"]:
        if link["role"] not in ROLES:
            found.append(f"role {link['role']!r}")
        if link["name"] not in item["text"] and link["name"] != item.get("outlet"):
            found.append(f"source {link['name']!r} is neither in the text nor the outlet")
    return found


def _bound_problems(f: dict) -> list[str]:
    """The value/low/high pattern each bound must have (the trace-1 conventions)."""
    value, low, high = f["value"], f["low"], f["high"]
    expected = {
        "exact": value is not None and low is None and high is None,
        "approximate": value is not None and low is None and high is None,
        "lower": value is not None and low == value and high is None,
        "upper": value is not None and high == value and low is None,
        "range": value is None and low is not None and high is not None and low < high,
    }
    if f["bound"] not in expected:
        return [f"bound {f['bound']!r}"]
    return [] if expected[f["bound"]] else [f"value/low/high do not fit bound {f['bound']}"]


def _period_problems(period: dict | None) -> list[str]:
    if period is None:
        return []
    start, end = period.get("start"), period.get("end")
    for day in (start, end):
        if day is not None and not ISO_DATE.match(day):
            return [f"period date {day!r}"]
    if start and end and date.fromisoformat(start) > date.fromisoformat(end):
        return ["period starts after it ends"]
    return []
