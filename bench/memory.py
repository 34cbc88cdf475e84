"""Peak memory of `sourcetrace trace`: one long text, and JSON lines files from 5 to 500 MB.

    .venv/bin/python bench/memory.py                 # prints the section; writes bench/out/RESULTS.md
    .venv/bin/python bench/memory.py --update        # writes it into bench/RESULTS.md
    .venv/bin/python bench/memory.py --before 24691df  # jsonl-20mb-dense with the older code too
    .venv/bin/python bench/memory.py --only text-5mb --before 36113dc --compare text-5mb
    .venv/bin/python bench/memory.py --report --update   # the section from what the last run saved

Each input is traced by `sourcetrace trace INPUT --format jsonl -o /dev/null` in a process of its own;
its peak resident memory comes from the kernel (``wait4``), and its resident memory is sampled every
second to show whether it grows as the file is read. The baseline, in the same run, is the same
command on a one-line file: the model and the libraries loaded, one short report traced. Figures are
given as MB and as ratios to the baseline.

The inputs are built from the gold passages: each document is a gold passage, its figures and
sources, followed by plain prose that names no number, source or event (so the tracer parses only the
passage). Tracing dense reporting runs at about 30 KB/s; with the prose, 500 MB take minutes, not
hours, and what is measured — what the readers and the runner hold while a file streams through —
does not depend on what the text says. Memory that does depend on it, the parser's, is measured by
the long single text, where every gold passage is parsed, and by twenty documents of a megabyte of
gold passages alone (jsonl-20mb-dense), which --before also traces with older code (or the inputs
--compare names).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import baseline, fuzzcases, results_file  # noqa: E402

OUT = ROOT / "bench" / "out" / "memory"
# Prose that triggers nothing: no digit, no reporting, record or event verb, no hedge, no source.
PROSE = ("The river winds past the old town, and the hills beyond it are green in spring. "
         "Children stroll along the bank while the market stalls fill the square with colour. ")
MB = 1_000_000
INPUTS = {  # name → (kind, size in bytes, bytes of each document)
    "text-5mb": ("txt", 5 * MB, None),
    "text-50mb": ("txt", 50 * MB, None),
    "jsonl-5mb": ("jsonl", 5 * MB, 5_000),
    "jsonl-50mb": ("jsonl", 50 * MB, 5_000),
    "jsonl-500mb": ("jsonl", 500 * MB, 5_000),
    "jsonl-20mb-of-1mb": ("jsonl", 20 * MB, 1 * MB),  # twenty documents of a megabyte
    "jsonl-20mb-dense": ("jsonl", 20 * MB, 1 * MB),  # the same, gold passages only: every sentence parsed
}
COMPARED = "jsonl-20mb-dense"  # what --before traces with the older code too


def build(name: str) -> Path:
    kind, size, each = INPUTS[name]
    path = OUT / f"{name}.{kind}"
    if path.is_file() and path.stat().st_size >= size:
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(name)
    passages = fuzzcases.seed_texts()
    written = 0
    with path.open("w", encoding="utf-8") as out:
        number = 0
        while written < size:
            passage = rng.choice(passages)
            if kind == "txt":
                chunk = passage + "\n\n" + PROSE * 8 + "\n\n"
            elif name.endswith("dense"):
                body = "\n\n".join(rng.choice(passages) for _ in range(each // 280))
                chunk = json.dumps({"id": f"{name}-{number}", "text": f"{body}\n\nCopy {number}."}) + "\n"
            else:
                filler = PROSE * max(0, (each - len(passage)) // len(PROSE))
                chunk = json.dumps({"id": f"{name}-{number}", "text": f"{passage}\n\n{filler}Copy {number}."}) + "\n"
            out.write(chunk)
            written += len(chunk.encode("utf-8"))
            number += 1
    return path


def measure(path: Path, code: Path = ROOT) -> dict:
    """Peak and sampled resident memory of tracing ``path`` with the sourcetrace found at ``code``."""
    command = [sys.executable, "-c", "import sys; from sourcetrace.cli.main import main; sys.argv[0] = "
               "'sourcetrace'; main()", "trace", str(path), "--format", "jsonl", "-o", os.devnull,
               "--max-bytes", "60M"]
    env = {**os.environ, "PYTHONPATH": str(code), "OMP_NUM_THREADS": "1"}
    started = time.monotonic()
    load = results_file.Load(every=10.0)
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=OUT)
    samples: list[tuple[float, int]] = []
    sampler = threading.Thread(target=_sample, args=(process, samples, started), daemon=True)
    sampler.start()
    stderr = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    sampler.join(timeout=2)
    return {"input": path.name, "bytes": path.stat().st_size, "seconds": round(time.monotonic() - started, 1),
            "peak_mb": round(usage.ru_maxrss / 1000, 1), "exit": process.returncode,
            "rss_mb_at": _quartiles(samples), "problems": stderr.strip().splitlines()[-3:], "load": load.stop()}


def _sample(process, samples, started) -> None:
    status = Path(f"/proc/{process.pid}/status")
    while process.poll() is None:
        try:
            rss = next(int(line.split()[1]) for line in status.read_text().splitlines() if line.startswith("VmRSS"))
        except (OSError, StopIteration, ValueError):
            break
        samples.append((time.monotonic() - started, rss))
        time.sleep(1.0)


def _quartiles(samples: list[tuple[float, int]]) -> dict:
    """Resident memory (MB) a quarter, half and three quarters of the way through the run."""
    if len(samples) < 4:
        return {}
    return {f"{share}%": round(samples[len(samples) * share // 100][1] / 1000, 1) for share in (25, 50, 75)}


def older(revision: str) -> Path:
    """The package as it was at ``revision``, unpacked beside the inputs (once)."""
    folder = OUT / f"code-{revision}"
    return folder if (folder / "sourcetrace").is_dir() else baseline.export(revision, folder)


def section(runs: list[dict], baseline: dict, planned: list[str] | None = None) -> str:
    rows = ["| input | size | peak MB | × baseline | RSS at 25 / 50 / 75 % of the run, MB | time | exit | "
            "load average (1 min) |", "|---|---:|---:|---:|---|---:|---:|---|"]
    for run in [baseline, *runs]:
        at = " / ".join(str(v) for v in run["rss_mb_at"].values()) or "—"
        rows.append(f"| {run['label']} | {run['bytes'] / MB:,.1f} MB | {run['peak_mb']:,.0f} | "
                    f"{run['peak_mb'] / baseline['peak_mb']:.2f} | {at} | {run['seconds']:,.0f} s | {run['exit']} | "
                    f"{results_file.load_cell(run.get('load'))} |")
    growth = {run["label"]: run for run in runs}
    lines = [results_file.measured_on(), "\n".join(rows)]
    if "jsonl-50mb" in growth and "jsonl-500mb" in growth:
        ratio = growth["jsonl-500mb"]["peak_mb"] / growth["jsonl-50mb"]["peak_mb"]
        lines.append(f"Ten times the JSON lines (50 → 500 MB) took {ratio:.2f} times the peak memory.")
    if "text-5mb" in growth and "text-50mb" in growth:
        small, large = growth["text-5mb"], growth["text-50mb"]
        per_mb = (large["peak_mb"] - small["peak_mb"]) / ((large["bytes"] - small["bytes"]) / MB)
        lines.append(f"Ten times the single text (5 → 50 MB) took {large['peak_mb'] / small['peak_mb']:.2f} times the "
                     f"peak memory: {per_mb:,.1f} MB more for each MB of text.")
    measured = [name for name in INPUTS if name in growth]
    left_out = [name for name in INPUTS if name not in growth]
    if left_out:
        unfinished = [name for name in planned or () if name not in growth]
        lines.append(f"This run measured {', '.join(measured) or 'no input'} only; not measured: {', '.join(left_out)}"
                     + (f" ({', '.join(unfinished)} begun or planned, stopped before it ended)" if unfinished else "")
                     + ".")
    lines.append("Baseline: the same command on a one-line file (model and libraries loaded, one short report "
                 "traced). Inputs (bench/memory.py): gold passages, each followed by plain prose that names no "
                 "number, source or event; JSON lines of 5 KB documents; the text as one document; "
                 "jsonl-20mb-dense is twenty 1 MB documents of gold passages alone, every sentence parsed. "
                 "Peak from the kernel (wait4), resident memory sampled every second.")
    return "\n\n".join(lines)


def save(baseline: dict, runs: list[dict], planned: list[str]) -> None:
    (OUT / "memory.json").write_text(json.dumps({"baseline": baseline, "runs": runs, "planned": planned}, indent=1) + "\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="+", choices=list(INPUTS),
                    help="these inputs only (the section says which were left out)")
    ap.add_argument("--before", metavar="REV", help="also trace --compare's inputs with the code at this git revision")
    ap.add_argument("--compare", nargs="+", choices=list(INPUTS), default=[COMPARED],
                    help=f"the inputs --before traces with the older code too (default: {COMPARED})")
    ap.add_argument("--update", action="store_true", help="write the section into bench/RESULTS.md")
    ap.add_argument("--report", action="store_true",
                    help="nothing traced: the section from what the last run saved (each input as it ended)")
    args = ap.parse_args(argv)
    names = args.only or list(INPUTS)
    if args.report:
        saved = json.loads((OUT / "memory.json").read_text())
        text = section(saved["runs"], saved["baseline"], saved.get("planned"))
        print(text)
        print(f"wrote {results_file.write({'Memory': text}, args.update)}", file=sys.stderr)
        return 0
    tiny = OUT / "baseline.jsonl"
    OUT.mkdir(parents=True, exist_ok=True)
    tiny.write_text(json.dumps({"text": "TASS said 300 soldiers deserted in May, citing a source."}) + "\n")
    baseline = {**measure(tiny), "label": "baseline: one short report"}
    runs = []
    for name in names:
        print(f"memory: building and tracing {name} …", file=sys.stderr, flush=True)
        runs.append({**measure(build(name)), "label": name})
        print(f"memory: {name}: peak {runs[-1]['peak_mb']:,.0f} MB in {runs[-1]['seconds']:,.0f} s",
              file=sys.stderr, flush=True)
        if args.before and name in args.compare:
            runs.append({**measure(build(name), older(args.before)), "label": f"{name}, code at {args.before}"})
            print(f"memory: {name} at {args.before}: peak {runs[-1]['peak_mb']:,.0f} MB", file=sys.stderr, flush=True)
        save(baseline, runs, names)  # each input as it ends: a run stopped early keeps them (--report)
    text = section(runs, baseline, names)
    print(text)
    print(f"wrote {results_file.write({'Memory': text}, args.update)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
