"""kill -9 during ingest, many times: the store must hold whole documents only, and a rerun complete it.

    .venv/bin/python bench/kill.py [--rounds 50] [--documents 200] [--update]
    .venv/bin/python bench/kill.py --report --update   # the section from the rounds the last run saved

Each round ingests the same corpus into a new store and kills the process with SIGKILL while it
writes: the round draws a number of documents (uniformly, from one to all but one), watches the
store as another reader would, and kills the ingest as soon as it holds that many. Documents are
stored a batch at a time (64 traced together, then written one transaction each, about a
millisecond apiece), so a kill drawn by the clock lands mostly in the start-up or the tracing,
before or between the writes; one drawn by the count lands while a batch is being written, or in
the tracing right after when the count drawn ends a batch. Then it
checks the store (SQLite's integrity check; every document with its trace and exactly the figure
rows its trace lists; no text twice), runs the same ingest again to the end, and checks again:
every document exactly once, each whole, and the rerun's count of new and already-stored documents
right. A kill that left some documents but not all was "mid-write"; one that left a number of
documents that is not a whole number of batches fell inside a batch's writing. The corpus is the
gold passages, each made distinct by a numbered line. tests/store/test_store_crash.py does one such
round in the suite; this does fifty.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import fuzzcases, results_file  # noqa: E402
from sourcetrace.settings import BATCH_DOCUMENTS  # noqa: E402

OUT = ROOT / "bench" / "out" / "kill"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}  # the sourcetrace beside this bench, whatever is installed


def corpus(documents: int) -> Path:
    path = OUT / f"corpus-{documents}.jsonl"
    passages = fuzzcases.seed_texts()
    lines = [json.dumps({"id": f"k{n}", "text": f"{passages[n % len(passages)]}\n\nCopy {n}.", "published": "2025-05-03"})
             for n in range(documents)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def ingest(feed: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "sourcetrace.cli", "ingest", str(feed), "--db", str(db)]


def stored_now(db: Path) -> int:
    """How many documents the store holds, read as another process would while the ingest writes."""
    if not db.exists():  # connecting would create it
        return 0
    try:
        with contextlib.closing(sqlite3.connect(db, timeout=1)) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # no table yet (the first migration not committed), or busy
        return 0


def until_stored(process: subprocess.Popen, db: Path, count: int, every: float = 0.005) -> float | None:
    """Seconds until the store held ``count`` documents (None: the process ended first)."""
    started = time.monotonic()
    while process.poll() is None:
        if stored_now(db) >= count:
            return time.monotonic() - started
        time.sleep(every)
    return None


def writing_time(feed: Path, db: Path, every: float = 0.005) -> dict:
    """An uninterrupted ingest: when its first and its last document were stored, and when it ended."""
    started = time.monotonic()
    process = subprocess.Popen(ingest(feed, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    first = last = None
    seen = 0
    while process.poll() is None:
        count = stored_now(db)
        if count > seen:
            seen, last = count, time.monotonic() - started
            first = first if first is not None else last
        time.sleep(every)
    if process.returncode != 0 or first is None:
        raise SystemExit(f"kill: the uninterrupted ingest failed or stored nothing (exit {process.returncode})")
    return {"first_document_s": round(first, 2), "last_document_s": round(last, 2),
            "whole_s": round(time.monotonic() - started, 2)}


def check(db: Path) -> tuple[int, list[str]]:
    """Documents stored, and what is wrong with the store (nothing, one hopes)."""
    if not db.exists():
        return 0, []
    problems = []
    # Opening it recovers what a dead writer left in the WAL; closing it, on the way out, lets it go.
    with contextlib.closing(sqlite3.connect(db)) as connection:
        if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            problems.append("integrity_check failed")
        try:
            documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:  # killed before the first migration committed
            return 0, problems
        orphans = connection.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                                     "(SELECT 1 FROM traces t WHERE t.document_id = d.id)").fetchone()[0]
        problems += [f"{orphans} documents without a trace"] if orphans else []
        for document_id, trace in connection.execute("SELECT document_id, trace FROM traces"):
            rows = connection.execute("SELECT count(*) FROM figures WHERE document_id = ?", (document_id,)).fetchone()[0]
            if rows != len(json.loads(trace)["figures"]):
                problems.append(f"document {document_id}: {rows} figure rows for {len(json.loads(trace)['figures'])}")
        duplicates = connection.execute("SELECT count(*) - count(DISTINCT text) FROM documents").fetchone()[0]
        problems += [f"{duplicates} texts stored twice"] if duplicates else []
    return documents, problems


def one_round(number: int, feed: Path, documents: int, rng: random.Random) -> dict:
    db = OUT / f"round-{number}.db"
    for stale in OUT.glob(f"round-{number}.db*"):
        stale.unlink(missing_ok=True)
    target = rng.randint(1, documents - 1)
    started = time.monotonic()
    process = subprocess.Popen(ingest(feed, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    until_stored(process, db, target)
    finished_first = process.poll() is not None
    if not finished_first:
        os.kill(process.pid, signal.SIGKILL)
    killed_after = time.monotonic() - started
    process.wait()
    survivors, after_kill = check(db)
    rerun = subprocess.run(ingest(feed, db), capture_output=True, text=True, env=ENV)
    stored, after_rerun = check(db)
    said = f"{documents - survivors} new, {survivors} already in the store"
    result = {"round": number, "killed_after_s": round(killed_after, 2), "kill_at_documents": target,
              "finished_before_kill": finished_first, "stored_at_kill": survivors,
              "problems_after_kill": after_kill, "rerun_exit": rerun.returncode,
              "rerun_counts_right": said in rerun.stdout, "stored_after_rerun": stored,
              "problems_after_rerun": after_rerun}
    for leftover in OUT.glob(f"round-{number}.db*"):  # the last connection's close may take the WAL first
        leftover.unlink(missing_ok=True)
    return result


def section(rounds: list[dict], documents: int, load: dict | None = None, planned: int | None = None,
            timing: dict | None = None, batch: int = BATCH_DOCUMENTS) -> str:
    killed = [r for r in rounds if not r["finished_before_kill"]]
    stored = [r["stored_at_kill"] for r in killed]
    mid_write = [r for r in killed if 0 < r["stored_at_kill"] < documents]
    inside_batch = [r for r in mid_write if r["stored_at_kill"] % batch]
    bad_kill = sum(bool(r["problems_after_kill"]) for r in rounds)
    bad_rerun = sum(bool(r["problems_after_rerun"]) or r["stored_after_rerun"] != documents or r["rerun_exit"] != 0
                    or not r["rerun_counts_right"] for r in rounds)
    when = [r["killed_after_s"] for r in killed]

    def spread(values, digits=1):
        if not values:
            return "—"
        return " / ".join(f"{v:.{digits}f}" for v in (min(values), statistics.median(values), max(values)))

    rows = ["| rounds | killed | of them mid-write (some documents stored, not all) | of them inside a batch's "
            "writing | killed after (s): min / median / max | documents stored at the kill: min / median / max | "
            "stores damaged after the kill | reruns not whole or miscounted |",
            "|---:|---:|---:|---:|---|---|---:|---:|",
            f"| {len(rounds)} | {len(killed)} | {len(mid_write)} | {len(inside_batch)} | {spread(when)} | "
            f"{spread(stored, 0)} | {bad_kill} | {bad_rerun} |"]
    short = ([f"{len(rounds)} of the {planned} rounds planned ran (stopped before the end; each round that ran is "
              "counted whole)."] if planned and len(rounds) < planned else [])
    unfinished = len(rounds) - len(killed)
    measured = ([f"The uninterrupted ingest, measured first in the same run: its first document stored after "
                 f"{timing['first_document_s']:.1f} s, its last after {timing['last_document_s']:.1f} s, the whole "
                 f"ingest {timing['whole_s']:.1f} s (start-up before the first; the rest is closing the store). Each "
                 f"round was killed when the store held a number of documents drawn from 1 to {documents - 1}; "
                 f"{unfinished} round{'s' * (unfinished != 1)} ended before the kill came."] if timing else [])
    return "\n\n".join([results_file.measured_on(load), "\n".join(rows), *measured, *short,
                        f"Each round: `sourcetrace ingest` of {documents} documents (gold passages, each made distinct; "
                        f"stored in batches of {batch}) into a new store, SIGKILL while it writes (when the store holds a "
                        "number of documents drawn at random), the store checked "
                        "(SQLite's integrity check; every document with its trace and exactly the figure rows the trace "
                        "lists; no text twice), the same ingest run again to the end and checked again, with its count "
                        "of new and already-stored documents (bench/kill.py). Mid-write: the kill left some of the "
                        "documents stored, not all; inside a batch's writing: it left a number that is not a whole "
                        "number of batches."])


def save(rounds: list[dict], args, load: dict, timing: dict) -> None:
    (OUT / "kill.json").write_text(json.dumps({"rounds": rounds, "documents": args.documents, "planned": args.rounds,
                                               "load": load, "timing": timing, "batch": BATCH_DOCUMENTS},
                                              indent=1) + "\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=50)
    ap.add_argument("--documents", type=int, default=200)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--update", action="store_true", help="write the section into bench/RESULTS.md")
    ap.add_argument("--report", action="store_true",
                    help="no new rounds: the section from the rounds the last run saved (all of them, or as far as it got)")
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    if args.report:
        saved = json.loads((OUT / "kill.json").read_text())
        text = section(saved["rounds"], saved["documents"], saved["load"], saved.get("planned"), saved.get("timing"),
                       saved.get("batch", BATCH_DOCUMENTS))
        print(text)
        print(f"wrote {results_file.write({'kill -9 during ingest': text}, args.update)}", file=sys.stderr)
        return 0
    feed = corpus(args.documents)
    load = results_file.Load()
    for stale in OUT.glob("timing.db*"):
        stale.unlink(missing_ok=True)
    timing = writing_time(feed, OUT / "timing.db")  # a full run: when the writing starts and ends
    for stale in OUT.glob("timing.db*"):
        stale.unlink(missing_ok=True)
    print(f"kill: uninterrupted: first document after {timing['first_document_s']} s, last after "
          f"{timing['last_document_s']} s, done after {timing['whole_s']} s", file=sys.stderr, flush=True)
    rng = random.Random(args.seed)
    rounds = []
    for number in range(1, args.rounds + 1):
        rounds.append(one_round(number, feed, args.documents, rng))
        r = rounds[-1]
        print(f"kill: round {number}/{args.rounds}: killed after {r['killed_after_s']} s (at {r['kill_at_documents']} "
              f"stored) with {r['stored_at_kill']} "
              f"stored; problems {r['problems_after_kill'] + r['problems_after_rerun'] or 'none'}",
              file=sys.stderr, flush=True)
        save(rounds, args, load.summary(), timing)  # a run stopped early keeps its rounds (--report)
    load = load.stop()
    save(rounds, args, load, timing)
    text = section(rounds, args.documents, load, args.rounds, timing)
    print(text)
    print(f"wrote {results_file.write({'kill -9 during ingest': text}, args.update)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
