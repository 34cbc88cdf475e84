"""The fuzz campaign: 100,000+ generated or mutated inputs per target, each run and judged
(bench/fuzzcases.py), crashes, hangs and bad spans counted.

    .venv/bin/python bench/fuzz.py [--update]               # every target, 100,000 inputs each
    .venv/bin/python bench/fuzz.py --target trace_text --count 2000 --workers 1
    .venv/bin/python bench/fuzz.py --target trace_text --minutes 40   # what 40 minutes allow, said so
    .venv/bin/python bench/fuzz.py --report --update  # the section from each target's saved counts

Inputs are run by worker processes; a worker that spends more than --kill-after seconds on one input
is killed (the input counts as a hang) and replaced. An input under 100 KB that takes more than 10 s
of processor time is a hang even when it finishes (processor time, so that other work on a shared
machine cannot make one). The first inputs of each kind of fault are kept under bench/out/fuzz/
to be replayed; the counts go to bench/out/fuzz/TARGET.json and are printed as a table row, with the
faults by kind. Progress is printed, and the counts saved, every --every inputs, so a run stopped by
--minutes or by hand is reported as what it was: the section says how many of the planned inputs ran.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import pickle
import queue
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import fuzzcases, results_file  # noqa: E402

OUT = ROOT / "bench" / "out" / "fuzz"
HANG_S = 10.0  # over this on an input under HANG_BYTES is a hang
HANG_BYTES = 100_000
KEEP = 3  # inputs kept per kind of fault


def work(target: str, seed: int, numbers, results) -> None:
    """A worker: run inputs and report each (before, so that a hang is known by its number)."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    # Load what an input could need (each language's model, for trace_text) before any input is timed.
    fuzzcases.warm_up(target)
    for number in numbers:
        data = fuzzcases.case(target, number, seed)
        results.put(("start", os.getpid(), number, time.monotonic()))
        # Processor time, not the wall clock: on a shared machine a busy neighbour must not make a hang.
        started = time.process_time()
        outcome, what = fuzzcases.judge(target, data)
        results.put(("done", os.getpid(), number, outcome, what, time.process_time() - started, _size(data)))


def _size(data) -> int:
    return len(data) if isinstance(data, bytes) else len(data[0].encode("utf-8", "surrogatepass"))


class Campaign:
    def __init__(self, target: str, count: int, seed: int, workers: int, kill_after: float, every: int,
                 minutes: float | None = None):
        self.target, self.count, self.seed = target, count, seed
        self.minutes = minutes
        self.workers, self.kill_after, self.every = workers, kill_after, every
        self.counts: Counter = Counter()
        self.faults: Counter = Counter()
        self.kept: Counter = Counter()
        self.slowest = (0.0, 0, None)  # seconds, bytes, input number
        self.done: set[int] = set()

    def run(self) -> dict:
        OUT.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        self.load = results_file.Load()
        results: mp.Queue = mp.Queue()
        todo = list(range(self.count))
        running: dict[int, tuple[mp.Process, list[int]]] = {}
        busy: dict[int, tuple[int, float]] = {}  # pid → (number, since)
        chunks = [todo[i::self.workers] for i in range(self.workers)]
        for chunk in chunks:
            self._start(chunk, results, running)
        deadline = started + self.minutes * 60 if self.minutes else None
        while len(self.done) < self.count:
            if deadline and time.monotonic() > deadline:  # out of time: what ran is what is reported
                for process, _ in running.values():
                    process.kill()
                break
            try:
                message = results.get(timeout=1.0)
            except queue.Empty:
                message = None
            if message is not None:
                self._take(message, busy)
            self._watch(busy, running, results)
            if message and message[0] == "done" and len(self.done) % self.every == 0:
                self._progress(started)
                self._summary(time.monotonic() - started, final=False)  # a run stopped by hand still counts
        for process, _ in running.values():
            process.join(timeout=5)
        return self._summary(time.monotonic() - started)

    def _start(self, numbers: list[int], results, running) -> None:
        process = mp.get_context("fork").Process(target=work, args=(self.target, self.seed, numbers, results),
                                                 daemon=True)
        process.start()
        running[process.pid] = (process, numbers)

    def _take(self, message, busy) -> None:
        if message[0] == "start":
            _, pid, number, since = message
            busy[pid] = (number, since)
            return
        _, pid, number, outcome, what, seconds, size = message
        busy.pop(pid, None)
        if number in self.done:
            return
        self.done.add(number)
        if seconds > HANG_S and size < HANG_BYTES:
            outcome, what = "hang", f"{seconds:.1f} s on {size:,} bytes"
        self.counts[outcome] += 1
        if seconds > self.slowest[0]:
            self.slowest = (seconds, size, number)
        if outcome != "ok":
            self._fault(outcome, what, number)

    def _watch(self, busy, running, results) -> None:
        """Kill a worker stuck past --kill-after on one input; a new one takes up after it."""
        now = time.monotonic()
        for pid, (number, since) in list(busy.items()):
            if now - since < self.kill_after:
                continue
            process, numbers = running.pop(pid)
            process.kill()
            process.join()
            busy.pop(pid)
            self.done.add(number)
            self.counts["hang"] += 1
            self._fault("hang", f"killed after {self.kill_after:.0f} s", number)
            rest = numbers[numbers.index(number) + 1:]
            if rest:
                self._start(rest, results, running)

    def _fault(self, outcome: str, what: str, number: int) -> None:
        known = fuzzcases.known(what)
        kind = f"{outcome}: {_kind(what)}" + (f" (known: {known}, xfail in tests)" if known else "")
        self.faults[kind] += 1
        if self.kept[kind] < KEEP:
            self.kept[kind] += 1
            with open(OUT / f"{self.target}-{number}.pickle", "wb") as fh:
                pickle.dump({"target": self.target, "seed": self.seed, "number": number, "kind": kind,
                             "input": fuzzcases.case(self.target, number, self.seed)}, fh)

    def _progress(self, started: float) -> None:
        elapsed = time.monotonic() - started
        rate = len(self.done) / max(elapsed, 1e-9)
        left = (self.count - len(self.done)) / max(rate, 1e-9)
        print(f"fuzz {self.target}: {len(self.done):,}/{self.count:,} · {rate:.0f}/s · "
              f"{dict(self.counts)} · about {left / 60:.0f} min left", file=sys.stderr, flush=True)

    def _summary(self, seconds: float, final: bool = True) -> dict:
        """The counts so far, saved to OUT/TARGET.json; ``planned`` is how many inputs were asked for
        and ``finished`` whether the run got to its end (a time limit or a stop by hand leaves fewer)."""
        summary = {"target": self.target, "inputs": len(self.done), "planned": self.count, "finished": final,
                   "minutes_allowed": self.minutes, "seed": self.seed, "workers": self.workers,
                   "code": results_file.commit_words().strip(),  # the code this run fuzzed, as said in sections
                   "kill_after": self.kill_after, "seconds": round(seconds),
                   "load": self.load.stop() if final else self.load.summary(),
                   "ok": self.counts["ok"], "crash": self.counts["crash"], "hang": self.counts["hang"],
                   "span": self.counts["span"], "faults": dict(self.faults.most_common()),
                   "slowest": {"seconds": round(self.slowest[0], 2), "bytes": self.slowest[1], "input": self.slowest[2]}}
        (OUT / f"{self.target}.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n")
        return summary


def _kind(what: str) -> str:
    """A fault's kind: its message without the parts that change from input to input."""
    import re

    what = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", what)
    return re.sub(r"\d[\d,.]*", "N", what)[:200]


def row(summary: dict) -> str:
    return (f"| {summary['target']} | {summary['inputs']:,} | {summary['crash']} | {summary['hang']} | "
            f"{summary['span']} | {summary['slowest']['seconds']} s ({summary['slowest']['bytes']:,} bytes) | "
            f"{summary['seconds'] / 60:.0f} min | {results_file.load_cell(summary.get('load'))} |")


def section(summaries: list[dict]) -> str:
    table = ["| target | inputs | crashes | hangs | bad spans | slowest input | time | load average (1 min) |",
             "|---|---:|---:|---:|---:|---|---:|---|", *(row(summary) for summary in summaries)]
    faults = [f"- {s['target']}: {count:,} × {kind}" for s in summaries for kind, count in s["faults"].items()]
    short = [f"- {s['target']}: {s['inputs']:,} of the {s.get('planned', s['inputs']):,} inputs planned ran (seed "
             f"{s['seed']}, taken in order by {s.get('workers', '?')} worker(s)); "
             + ("stopped by hand, or the campaign broke, before its end" if not s.get("finished", True)
                else f"stopped by its {s.get('minutes_allowed') or 0:g}-minute limit")
             for s in summaries if s["inputs"] < s.get("planned", s["inputs"]) or not s.get("finished", True)]
    runs = sorted({s["code"] for s in summaries if s.get("code")})
    code = ("" if not runs else " Each target's run was made " + "; ".join(
        f"{c} ({', '.join(s['target'] for s in summaries if s.get('code') == c)})" for c in runs) + ".")
    return "\n\n".join([
        results_file.measured_on() + code, "\n".join(table),
        *(["Runs shorter than planned (a full run is 100,000 inputs a target):\n\n" + "\n".join(short)] if short else []),
        "Faults by kind (the first three inputs of each are kept in bench/out/fuzz/ to replay):\n\n"
        + ("\n".join(faults) or "none"),
        f"Inputs (bench/fuzzcases.py, seed {summaries[0]['seed']}; worker processes per target: "
        + ", ".join(f"{s['target']} {s.get('workers', '?')}" for s in summaries) + "): about half are reports as "
        "written (the gold passages, the examples, the Russian and Ukrainian development articles) in the target's "
        "format, mutated byte by byte or in text "
        "(flips, cuts, repeats, splices, NULs, BOMs, lone surrogates, nesting 100,000 deep, 4,400-digit numbers, "
        "declared charsets of every codec Python knows, cut-off gzip and WARC headers); the rest are "
        "generated from scratch: English, Russian or Ukrainian fragments of reporting (a third each) with odd "
        "text mixed in, or random bytes. A crash is an exception that escaped, or a message that says 'bug' "
        "(E010, E100); a bad "
        "span one that does not slice the document text exactly; a hang more than 10 s of processor time on "
        "an input under 100 KB (the model is loaded before the clock starts; a worker still busy after the "
        "kill-after time on the wall clock is killed, and the input counted as a hang). 'Known' faults are "
        "extraction defects pinned as xfail tests in tests/test_fuzz_regressions.py for the lead to fix in "
        "extract/ and lang/."])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--target", choices=[*fuzzcases.TARGETS, "all"], default="all")
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--kill-after", type=float, default=120.0,
                    help="wall-clock seconds on one input before its worker is killed (counted as a hang)")
    ap.add_argument("--report", action="store_true",
                    help="no new inputs: the section from the counts each target's last run saved")
    ap.add_argument("--every", type=int, default=1000, help="print progress every this many inputs")
    ap.add_argument("--minutes", type=float,
                    help="stop each target after this many minutes; the section says how many inputs ran")
    ap.add_argument("--update", action="store_true", help="write the section into bench/RESULTS.md")
    ap.add_argument("--before", metavar="REV", help="fuzz the code at this git revision instead (its own section)")
    args = ap.parse_args(argv)
    targets = fuzzcases.TARGETS if args.target == "all" else (args.target,)
    if args.before:  # the workers import sourcetrace from there
        from bench.memory import older

        sys.path.insert(0, str(older(args.before)))
        global OUT
        OUT = OUT / args.before
    if args.report:
        summaries = [json.loads((OUT / f"{target}.json").read_text()) for target in targets]
    else:
        summaries = [Campaign(target, args.count, args.seed, args.workers, args.kill_after, args.every,
                              args.minutes).run()
                     for target in targets]
    text = section(summaries)
    print(text)
    heading = f"Fuzzing the code before issue 9 ({args.before})" if args.before else "Fuzzing"
    if args.target == "all" or args.before:
        print(f"wrote {results_file.write({heading: text}, args.update)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
