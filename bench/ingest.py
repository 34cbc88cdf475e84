"""Ingest throughput: documents/s into the store, beside tracing the same documents without one.

    .venv/bin/python bench/ingest.py [--documents 400]

The corpus is the demo corpus, repeated with a numbered line added to each copy so that every
document is new to the store (ingest skips text it has seen). The baseline is ``trace_many`` over
the same documents with no store: the ratio is what storing costs. One core, as bench/throughput.py.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "sourcetrace" / "examples" / "demo" / "demo.jsonl"


def corpus(n: int) -> list[dict]:
    rows = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()]
    out = []
    for i in range(n):
        row = dict(rows[i % len(rows)])
        row["id"] = f"{row['id']}-copy{i}"
        row["text"] = f"{row['text']}\n\nCopy {i} of the demo report, for the ingest benchmark."
        out.append(row)
    return out


def time_ingest(rows: list[dict], folder: Path) -> tuple[float, int]:
    from sourcetrace import batch
    from sourcetrace.ingest import Inputs
    from sourcetrace.store import Store

    path = folder / "docs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    started = time.perf_counter()
    with Store.open(folder / "bench.db") as store:
        report = batch.run(Inputs([path]), store)  # what `sourcetrace ingest` runs
    return time.perf_counter() - started, report.new


def time_trace(rows: list[dict]) -> float:
    from sourcetrace import Document, trace_many

    started = time.perf_counter()
    for _ in trace_many(Document(text=r["text"], id=r["id"], outlet=r["outlet"], published=r["published"]) for r in rows):
        pass
    return time.perf_counter() - started


def run(n: int) -> dict:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    rows = corpus(n)
    time_trace(rows[:5])  # load the model outside the clock
    traced = time_trace(rows)
    with tempfile.TemporaryDirectory() as tmp:
        ingested, new = time_ingest(rows, Path(tmp))
        again, _ = time_ingest(rows, Path(tmp))  # everything is in the store already
    return {"documents": n, "trace_only_docs_per_s": round(n / traced, 1),
            "ingest_docs_per_s": round(n / ingested, 1), "stored": new,
            "reingest_docs_per_s": round(n / again, 1), "ratio_ingest_to_trace": round(traced / ingested, 3)}


def markdown(r: dict) -> str:
    return "\n".join([
        "| run | documents/s |", "|---|---:|",
        f"| trace only (`trace_many`, no store), baseline | {r['trace_only_docs_per_s']} |",
        f"| `sourcetrace ingest` into a new store | {r['ingest_docs_per_s']} |",
        f"| the same ingest again (all already stored) | {r['reingest_docs_per_s']} |",
        "", f"{r['documents']} documents ({r['stored']} stored); ingest runs at "
            f"{r['ratio_ingest_to_trace']}x the speed of tracing alone."])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=400)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    print(markdown(run(args.documents)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
