"""The barometer's output on a fixed corpus is what it was before its speed work (issue 8, part 8).

tests/reconcile/data/barometer-before.json.gz holds 1,538 stored traces (echoes, revisions,
contradictions of named and unnamed origins, a dispute) and the output of three barometer calls
on them, written by data/make_barometer_before.py with the code before the work began. Numbers
may differ by solver rounding (a millionth of a report's size is the estimator's own tolerance);
everything else must be equal. If the output is meant to change, write the file again and say why.
"""
from __future__ import annotations

import gzip
import json
import math
from pathlib import Path

import pytest

from sourcetrace.reconcile.barometer import barometer
from sourcetrace.registry import Registry

FILE = Path(__file__).resolve().parent / "data" / "barometer-before.json.gz"


@pytest.fixture(scope="module")
def before() -> dict:
    return json.loads(gzip.decompress(FILE.read_bytes()))


def differences(old, new, path: str = "") -> list[str]:
    """Where ``new`` differs from ``old``: types and keys exactly, numbers up to solver rounding."""
    if isinstance(old, bool) or isinstance(new, bool) or old is None or new is None or isinstance(old, str):
        return [] if old == new else [f"{path}: {old!r} → {new!r}"]
    if isinstance(old, (int, float)) and isinstance(new, (int, float)):
        return [] if math.isclose(old, new, rel_tol=1e-6, abs_tol=1e-3) else [f"{path}: {old!r} → {new!r}"]
    if isinstance(old, dict) and isinstance(new, dict):
        if list(old) != sorted(new):
            return [f"{path}: keys {sorted(set(old) ^ set(new))} differ"]
        return [d for key in old for d in differences(old[key], new[key], f"{path}.{key}")]
    if isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            return [f"{path}: {len(old)} items → {len(new)}"]
        return [d for i, (a, b) in enumerate(zip(old, new)) for d in differences(a, b, f"{path}[{i}]")]
    return [f"{path}: {type(old).__name__} → {type(new).__name__}"]


@pytest.mark.parametrize("call", range(3))
def test_the_barometer_says_what_it_said_before(before, call):
    indicator, scope, first, last = before["calls"][call]
    result = barometer(before["traces"], indicator, Registry.load(), scope=scope, month_from=first, month_to=last)
    result.pop("generator")
    found = differences(before["outputs"][call], json.loads(json.dumps(result)))
    assert not found, f"{len(found)} differences, the first: " + "; ".join(found[:10])


def test_the_comparison_sees_a_change(before):
    """The comparison is not blind: a moved band, a lost report, a changed word all show."""
    old = before["outputs"][0]
    moved = json.loads(json.dumps(old))
    moved["months"][5]["high"] = (moved["months"][5]["high"] or 0) * 1.01 + 1
    assert differences(old, moved)
    moved = json.loads(json.dumps(old))
    moved["contradictions"].pop()
    assert differences(old, moved)
    moved = json.loads(json.dumps(old))
    moved["observations"][0]["grade"]["credibility_reason"] += "."
    assert differences(old, moved)
