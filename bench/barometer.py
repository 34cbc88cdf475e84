"""How fast the whole barometer call is, from stored traces, beside the code it replaced.

    .venv/bin/python bench/barometer.py [--sizes 1000 10000] [--repeats 3] [--baseline REV] [--before REV]
                                        [--previous REV]

The input is stored traces, as ``sourcetrace barometer`` reads them: one short document per report,
the report drawn from a known monthly truth by ``bench/estimator.py`` (two leaves, AWOL and
desertion cases, and their parent, over 48 months) and told through one of seven chains of the
demo world's sources: the Defence Ministry through VALPRESS or the Halvik Courier (first-hand),
re-told by the Varden Tribune, the State Investigation Bureau, Meridian's count of the court
registry (first-hand or re-told), or an anonymous source in the General Staff through DRAVTASS
(an unnamed origin). The call timed is ``barometer(traces, "mil.desertion_cases", registry,
scope="Valdoria")``: observations, echoes, grades, constraints, revisions, both tiers of the series,
credibility and the output dict.

The baseline is the same call by the package as it was at ``--baseline`` (``bench/baseline.py``),
in a fresh process on the same pickled traces, taking turns with this code, one core each; the
fastest of ``--repeats`` is kept for each (of ``--baseline-repeats`` for the baseline, which takes
minutes at 10,000 traces). ``--before`` times a second reference the same way: the code before the
speed work of issue 8, part 8; ``--previous`` a third: the code measured last. The ratios are the
figures to read; the seconds depend on the machine, so beside this code's wall-clock seconds (and
the previous code's) stand their processor seconds, which a busy shared machine inflates less.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import pickle  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import results_file  # noqa: E402
from bench.baseline import REVISION, ROOT, export, load  # noqa: E402
from bench.results_file import measured_on  # noqa: E402
from bench.baseline import run as run_timer  # noqa: E402
from bench.estimator import SEED, reports, truths_for  # noqa: E402
INDICATOR, SCOPE = "mil.desertion_cases", "Valdoria"
BEFORE = "31115fb"  # main before the speed work of issue 8, part 8
PREVIOUS = "822900e"  # main after its second round (the figure measured before this one: 2.57 s, 1.21 processor s)
# (outlet, chain nearest first as (name, role, anonymous, via)); the last two are unnamed origins.
CHAINS = (
    ("VALPRESS", [("VALPRESS", "relay", False, "dateline"), ("Defence Ministry", "origin", False, "said")]),
    ("Halvik Courier", [("Halvik Courier", "relay", False, "told"), ("Defence Ministry", "origin", False, "told")]),
    ("Varden Tribune", [("Varden Tribune", "relay", False, "reported"), ("Halvik Courier", "relay", False, "citing"),
                        ("Defence Ministry", "origin", False, "citing")]),
    ("Halvik Courier", [("State Investigation Bureau", "origin", False, "said")]),
    ("Meridian", [("Meridian", "derived", False, "according to"), ("Unified Court Registry", "record", False, "based on")]),
    ("Varden Tribune", [("Varden Tribune", "relay", False, "reported"), ("Meridian", "derived", False, "citing"),
                        ("Unified Court Registry", "record", False, "based on")]),
    ("DRAVTASS", [("DRAVTASS", "relay", False, "dateline"),
                  ("source in the Valdorian General Staff", "origin", True, "told")]),
)


def traces(n: int, seed: int = SEED) -> list[dict]:
    """``n`` stored traces of one figure each, about the two leaves and their parent."""
    rng = random.Random(seed + n)
    drawn = reports(rng, n, truths_for(rng, True))
    return [_trace(report, *CHAINS[rng.randrange(len(CHAINS))]) for report in drawn]


def _trace(report: dict, outlet: str, chain: list[tuple]) -> dict:
    text = f"Valdorian prosecutors registered {report['value'] or report['low']:,.0f} cases, the report said."
    period = ({"text": None, "start": report["period_start"], "end": report["period_end"], "span": None}
              if report["period_start"] else None)
    figure = {"id": "f1", "text": f"{report['value'] or report['low']:,.0f}", "span": [0, 10], "sentence": [0, len(text)],
              "value": report["value"], "low": report["low"], "high": report["high"],
              "approximate": report["bound"] == "approximate", "bound": report["bound"], "unit": "count",
              "counted": "cases", "counted_span": None, "indicator": report["indicator"],
              "rate_per": report["rate_per"], "period": period, "aggregation": "rate" if report["rate_per"] else "period",
              "cumulative": False, "scope": SCOPE, "scope_span": None, "kind": "quantity", "hedges": [], "notes": [],
              "attribution": [{"name": name, "span": [0, 1], "role": role, "anonymous": anonymous, "vague": False,
                               "kind": None, "via": via} for name, role, anonymous, via in chain]}
    document = {"text": text, "id": report["id"], "outlet": outlet, "published": report["published"],
                "url": None, "title": None, "language": "en", "source": None, "dateline": None}
    return {"schema": "sourcetrace.trace/1", "document": document, "figures": [figure]}


# --- timing ------------------------------------------------------------------------------------

TIMER = f"""
from sourcetrace.reconcile.barometer import barometer
from sourcetrace.registry import Registry
registry = Registry.load()
barometer(data[:50], {INDICATOR!r}, registry, scope={SCOPE!r})  # imports and the solver's first call
started, processor = time.perf_counter(), time.process_time()
result = barometer(data, {INDICATOR!r}, registry, scope={SCOPE!r})
seconds, processor = time.perf_counter() - started, time.process_time() - processor
outweighed = [c for c in result["contradictions"] if c.get("outweighed", True)]
print(seconds, result["counts"]["observations"] + result["counts"]["related"], len(outweighed),
      len(result.get("disputes", [])), processor)
"""


def table(sizes: list[int], repeats: int, revision: str = REVISION, before: str = BEFORE,
          baseline_repeats: int | None = None, previous: str = PREVIOUS) -> str:
    lines = [f"| traces | originals after echoes | this code s (processor s) | {previous} s (processor s) | "
             "before the speed work s | baseline s | this / " + previous + " | this / before | this / baseline |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        baseline, earlier = export(revision, scratch / "baseline"), export(before, scratch / "before")
        last = export(previous, scratch / "previous")
        for n in sizes:
            pickled = scratch / "traces.pickle"
            pickled.write_bytes(pickle.dumps(traces(n)))
            mine, prior, old, theirs = [], [], [], []
            for turn in range(max(repeats, baseline_repeats or repeats)):
                if turn < repeats:
                    mine.append(run_timer(ROOT, pickled, TIMER))
                    prior.append(run_timer(last, pickled, TIMER))
                    old.append(run_timer(earlier, pickled, TIMER))
                if turn < (baseline_repeats or repeats):
                    theirs.append(run_timer(baseline, pickled, TIMER))
            best, second = (min(runs, key=lambda w: float(w[0])) for runs in (mine, prior))
            fast, then = float(best[0]), float(second[0])
            was, base = min(float(w[0]) for w in old), min(float(w[0]) for w in theirs)
            lines.append(f"| {n:,} | {int(mine[0][1]):,} | {fast:.3f} ({float(best[4]):.3f}) | {then:.3f} "
                         f"({float(second[4]):.3f}) | {was:.3f} | {base:.3f} | {fast / then:.2f} | {fast / was:.2f} "
                         f"| {fast / base:.3f} |")
    return "\n".join(lines)


SECTION = "Barometer, the whole call from stored traces"


def section(measured: str, repeats: int, revision: str = REVISION, before: str = BEFORE,
            baseline_repeats: int | None = None, previous: str = PREVIOUS) -> str:
    fastest = (f"Fastest of {repeats} per cell" if baseline_repeats in (None, repeats) else
               f"Fastest of {repeats} per cell ({baseline_repeats} for the baseline)")
    return (f"{measured_on()} {fastest}; {load()}.\n\n{measured}\n\n"
            f"`barometer(traces, {INDICATOR!r}, scope={SCOPE!r})` on generated traces (bench/barometer.py): one "
            f"figure a document about AWOL or desertion cases or both, over 48 months, through seven chains of "
            f"the demo world's sources, one of them an anonymous origin; everything from the traces to the output "
            f"dict is on the clock. The baseline is the same call by the package at {revision} (main before issue "
            f"8's barometer), 'before the speed work' the package at {before} (main before issue 8, part 8 "
            f"made it faster), and {previous} main after the second round of that work (the figure measured "
            f"before this one), on the same traces in the same run. Processor seconds are this code's own "
            f"process time: a busy shared machine stretches wall-clock seconds more than those.")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--baseline", default=REVISION, help="git revision of the baseline (default %(default)s)")
    parser.add_argument("--baseline-repeats", type=int, default=None,
                        help="runs of the baseline per size (default: --repeats); it takes minutes at 10,000")
    parser.add_argument("--before", default=BEFORE,
                        help="git revision of the code before the speed work (default %(default)s)")
    parser.add_argument("--previous", default=PREVIOUS,
                        help="git revision of the code measured last (default %(default)s)")
    parser.add_argument("--update", action="store_true", help="write the section into bench/RESULTS.md "
                                                              "(default: the copy bench/out/RESULTS.md)")
    args = parser.parse_args(argv)
    print(f"barometer({INDICATOR!r}, scope={SCOPE!r}) on stored traces; fastest of {args.repeats}, one core; "
          f"baseline: the package at {args.baseline}.\n")
    measured = table(args.sizes, args.repeats, args.baseline, args.before, args.baseline_repeats, args.previous)
    print(measured)
    written = results_file.write({SECTION: section(measured, args.repeats, args.baseline, args.before,
                                                   args.baseline_repeats, args.previous)}, args.update)
    print(f"wrote {written}", file=sys.stderr)


if __name__ == "__main__":
    main()
