"""Writes barometer-before.json.gz: a fixed corpus of stored traces and what the barometer and the
check made of it, so that work on the barometer's speed is held to the same output
(tests/reconcile/test_barometer_unchanged.py).

    .venv/bin/python tests/reconcile/data/make_barometer_before.py

Run it only when the barometer's output is meant to change, and say why in the commit. The corpus
is bench/barometer.py's (1,500 reports of AWOL and desertion cases over 48 months through seven
chains, 2% of them far off), with 30 reports of June 2024 from 30 named origins scattered from 500
to 30,000 (a dispute) and 8 anonymous ones through DRAVTASS far above the named records; the
inputs are stored with the outputs, so that a change of the bench's generator does not move them.
"""
from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from bench.barometer import CHAINS, _trace  # noqa: E402
from bench.estimator import SEED, reports, truths_for  # noqa: E402
from sourcetrace.reconcile.barometer import barometer  # noqa: E402
from sourcetrace.registry import Registry  # noqa: E402

HERE = Path(__file__).resolve().parent
FILE = HERE / "barometer-before.json.gz"
# (indicator, scope, month_from, month_to)
CALLS = (("mil.desertion_cases", "Valdoria", None, None), ("mil.awol_cases", "Valdoria", "2023-01", "2023-12"),
         ("mil.awol_desertion_cases", None, "2024-01", "2024-12"))


def corpus() -> list[dict]:
    rng = random.Random(SEED)
    drawn = reports(rng, 1_500, truths_for(rng, True), far_off=0.02)
    traces = [_trace(report, *CHAINS[rng.randrange(len(CHAINS))]) for report in drawn]
    for n in range(30):
        value = round(500 * 60 ** rng.random())
        traces.append(_trace(_june(f"s{n}", value, rng), "Halvik Courier",
                             [(f"Regional Office {n + 1}", "origin", False, "said")]))
    for n in range(8):
        traces.append(_trace(_june(f"a{n}", 40_000 + 1_000 * n, rng), *CHAINS[-1]))
    return traces


def _june(id: str, value: float, rng: random.Random) -> dict:
    return {"id": id, "indicator": "mil.desertion_cases", "measure": "total", "rate_per": None,
            "period_start": "2024-06-01", "period_end": "2024-06-30", "published": f"2024-07-{rng.randrange(1, 29):02d}",
            "value": value, "bound": "exact", "low": None, "high": None}


def outputs(traces: list[dict], registry) -> list[dict]:
    made = []
    for indicator, scope, first, last in CALLS:
        result = barometer(traces, indicator, registry, scope=scope, month_from=first, month_to=last)
        result.pop("generator")  # the tool's version and the registry's digest, not the result
        made.append(result)
    return made


def main() -> None:
    traces = corpus()
    data = {"calls": CALLS, "traces": traces, "outputs": outputs(traces, Registry.load())}
    FILE.write_bytes(gzip.compress(json.dumps(data, sort_keys=True).encode("utf-8"), 9, mtime=0))
    print(f"wrote {FILE} ({FILE.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
