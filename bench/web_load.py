"""The web app under load: requests a second and latency of the document page, the barometer page and
the JSON API, with a store of 10,000 documents, 50 concurrent clients, while an ingest writes.

    .venv/bin/python bench/web_load.py [--documents 10000] [--clients 50] [--seconds 20]   # → bench/out/RESULTS.md
    .venv/bin/python bench/web_load.py --update                                           # → bench/RESULTS.md

The store: the demo corpus traced once, each trace then stored again as a document of its own (its
id, and a line added at the end of its text so that it is a new text) until there are --documents.
The server is `sourcetrace serve` in a process of its own (one uvicorn process); the clients run in
this process (asyncio, a lean keep-alive HTTP/1.1 client), on the same two cores. While the pages are loaded, `sourcetrace ingest`
traces new documents into the same store in a third process. Baseline, in the same run and under the
same clients: a bare Starlette app on the same uvicorn that answers a fixed page (the framework's
floor on this machine); each scenario is given as a ratio of it too. Two kinds of client: busy ones
that ask again as soon as they are answered (the server's capacity), and readers who pause about a
second between pages (50 people browsing at once).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from importlib.resources import as_file, files
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402

from bench.results_file import Load, measured_on, write  # noqa: E402
from sourcetrace import batch  # noqa: E402
from sourcetrace.ingest import Inputs  # noqa: E402
from sourcetrace.model.records import Trace  # noqa: E402
from sourcetrace.store import Store  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
PYTHON = sys.executable
SOURCETRACE = str(Path(PYTHON).with_name("sourcetrace"))
BASELINE_APP = """
import sys, uvicorn
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route
PAGE = "<!doctype html><title>x</title>" + "<p>baseline</p>" * 200
app = Starlette(routes=[Route("/", lambda request: HTMLResponse(PAGE))])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


def say(text: str) -> None:
    print(f"web_load: {text}", file=sys.stderr, flush=True)


def demo_traces() -> list[dict]:
    path = OUT / "web-load-demo.db"
    path.unlink(missing_ok=True)
    with as_file(files("sourcetrace").joinpath("examples", "demo", "demo.jsonl")) as corpus, Store.open(path) as store:
        batch.run(Inputs([corpus]), store)
        return list(store.traces())


def build_store(path: Path, documents: int) -> None:
    """``documents`` stored documents: the demo's traces again and again, each a document of its own."""
    if path.is_file():
        with Store.open(path) as store:
            if len(store.documents()) >= documents:
                return
        path.unlink()
    traces = demo_traces()
    started = time.perf_counter()
    with Store.open(path) as store:
        for n in range(documents):
            data = json.loads(json.dumps(traces[n % len(traces)]))
            data["document"]["id"] = f"load-{n:05d}"
            data["document"]["text"] += f"\n[copy {n}]"
            data["document"]["source"] = "bench/web_load"
            store.add(Trace.from_dict(data))
    say(f"stored {documents:,} documents in {time.perf_counter() - started:.0f} s")


def ingest_input(path: Path, lines: int) -> None:
    """New documents for the ingest that runs during the load: the demo's texts, each made new."""
    corpus = [json.loads(line) for line in files("sourcetrace").joinpath("examples", "demo", "demo.jsonl")
              .read_text(encoding="utf-8").splitlines() if line.strip()]
    stamp = int(time.time())
    with path.open("w", encoding="utf-8") as out:
        for n in range(lines):
            doc = dict(corpus[n % len(corpus)])
            doc["id"] = f"ingest-{stamp}-{n}"
            doc["text"] = doc["text"] + f"\n[ingested during the load, {stamp}-{n}]"
            out.write(json.dumps(doc) + "\n")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, seconds: float = 120) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if httpx.get(url, timeout=5).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"web_load: {url} did not come up")


class Connection:
    """One keep-alive HTTP/1.1 connection, as lean as a client can be (httpx's own cost, a few
    milliseconds a request, would be measured instead of the server's on two shared cores). It reads
    what these servers send: a status line, headers with Content-Length, the body."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def get(self, target: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\nAccept: */*\r\n\r\n".encode())
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length:"))
        await self.reader.readexactly(length)
        if b"connection: close" in head.lower():
            await self.close()
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.reader = self.writer = None


async def load(base: str, targets, clients: int, seconds: float, think: float) -> dict:
    """``clients`` clients asking for ``targets(rng)`` (paths) for ``seconds``; each pauses
    ``think`` s (± half) between requests."""
    host, port = base.rsplit("/", 1)[-1].rsplit(":", 1)
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = {}  # the latencies again by what was asked ('search', 'document')
    errors: dict[str, int] = {}
    deadline = time.perf_counter() + seconds

    async def client(rng: random.Random) -> None:
        connection = Connection(host, int(port))
        if think:
            await asyncio.sleep(rng.uniform(0, think))  # readers do not all arrive at once
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                target = targets(rng)
                status = await asyncio.wait_for(connection.get(target), 60)
                if status != 200:
                    errors[str(status)] = errors.get(str(status), 0) + 1
                else:
                    latencies.append(time.perf_counter() - started)
                    by_kind.setdefault("search" if "?q=" in target else "document", []).append(latencies[-1])
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, StopIteration) as exc:
                errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                await connection.close()
            if think:
                await asyncio.sleep(rng.uniform(think / 2, think * 1.5))
        await connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(client(random.Random(n)) for n in range(clients)))
    elapsed = time.perf_counter() - started
    row = summary(latencies, errors, elapsed)
    if len(by_kind) > 1:
        row["kinds"] = {kind: summary(times, {}, elapsed) for kind, times in by_kind.items()}
    row["load"] = os.getloadavg()[0]
    return row


def summary(latencies: list[float], errors: dict, elapsed: float) -> dict:
    ordered = sorted(latencies)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else float("nan")  # noqa: E731
    return {"requests": len(latencies), "errors": errors, "rps": len(latencies) / elapsed,
            "p50": pick(0.50), "p95": pick(0.95), "p99": pick(0.99),
            "mean": statistics.fmean(latencies) * 1000 if latencies else float("nan")}


def scenarios(documents: int) -> dict:
    words = ["desertion", "Valdoria", "prosecutors", "AWOL", "Eskel", "ministry", "courier"]
    return {
        "document page (/doc/ID)": lambda rng: f"/doc/{rng.randint(1, documents)}",
        "barometer page (/indicator/mil.desertion_cases)": lambda rng: "/indicator/mil.desertion_cases",
        "API (/documents.json?q=WORD, /doc/ID.json)": lambda rng: (
            f"/documents.json?q={rng.choice(words)}&limit=20&offset={rng.choice([0, 20, 40])}"
            if rng.random() < 0.5 else f"/doc/{rng.randint(1, documents)}.json"),
    }


def start(command: list[str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(command, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def run(args) -> dict:
    OUT.mkdir(exist_ok=True)
    db = OUT / "web-load.db"
    build_store(db, args.documents)
    results: dict = {"documents": args.documents, "clients": args.clients, "seconds": args.seconds, "rows": []}
    machine = Load(every=10)
    port = free_port()
    baseline = start([PYTHON, "-c", BASELINE_APP, str(port)], OUT / "web-load-baseline.log")
    try:
        wait_up(f"http://127.0.0.1:{port}/")
        for think in (0.0, args.think):
            say(f"baseline, think {think} s")
            row = asyncio.run(load(f"http://127.0.0.1:{port}", lambda rng: "/", args.clients, args.seconds, think))
            results["rows"].append({"scenario": "baseline: a fixed page, bare Starlette", "think": think,
                                    "ingest": False, **row})
    finally:
        stop(baseline)
    port = free_port()
    server = start([SOURCETRACE, "serve", "--db", str(db), "--port", str(port)], OUT / "web-load-server.log")
    ingest = None
    try:
        base = f"http://127.0.0.1:{port}"
        wait_up(f"{base}/documents.json?limit=1")
        started = time.perf_counter()
        httpx.get(f"{base}/indicator/mil.desertion_cases.json", timeout=600)
        results["barometer_first"] = time.perf_counter() - started
        say(f"the first barometer took {results['barometer_first']:.1f} s")
        before = httpx.get(f"{base}/documents.json?limit=1").json()["total"]
        feed = OUT / "web-load-ingest.jsonl"
        ingest_input(feed, 5000)
        ingest = start([SOURCETRACE, "ingest", str(feed), "--db", str(db)], OUT / "web-load-ingest.log")
        time.sleep(8)  # the ingest has loaded its model and is writing
        for think in (0.0, args.think):
            for name, targets in scenarios(args.documents).items():
                say(f"{name}, think {think} s")
                row = asyncio.run(load(base, targets, args.clients, args.seconds, think))
                results["rows"].append({"scenario": name, "think": think, "ingest": ingest.poll() is None, **row})
        results["ingested_during"] = httpx.get(f"{base}/documents.json?limit=1").json()["total"] - before
    finally:
        if ingest is not None:
            stop(ingest)
        stop(server)
        results["load"] = machine.stop()
    return results


def table(results: dict) -> str:
    base = {row["think"]: row for row in results["rows"] if row["scenario"].startswith("baseline")}
    lines = ["| clients | scenario | ingest writing | requests | errors | requests/s | p50 ms | p95 ms | p99 ms | "
             "p95 ÷ baseline | requests/s ÷ baseline | load (1 min) |", "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for row in results["rows"]:
        b = base[row["think"]]
        who = "busy (ask again at once)" if not row["think"] else f"readers (pause ~{row['think']:g} s)"
        errors = ", ".join(f"{k}: {v}" for k, v in row["errors"].items()) or "0"
        lines.append(f"| {results['clients']} {who} | {row['scenario']} | {'yes' if row['ingest'] else 'no'} | "
                     f"{row['requests']:,} | {errors} | {row['rps']:.1f} | {row['p50']:.0f} | {row['p95']:.0f} | "
                     f"{row['p99']:.0f} | {row['p95'] / b['p95']:.1f} | {row['rps'] / b['rps']:.2f} | "
                     f"{row.get('load', float('nan')):.1f} |")
    return "\n".join(lines)


def kinds(results: dict) -> str:
    """The API rows' requests apart: the searches and the documents' JSON."""
    parts = []
    for row in results["rows"]:
        if "kinds" in row:
            who = "busy clients" if not row["think"] else f"readers (pause ~{row['think']:g} s)"
            each = ", ".join(f"{kind} {k['requests']:,} requests, p50 {k['p50']:.0f} ms, p95 {k['p95']:.0f} ms"
                             for kind, k in sorted(row["kinds"].items()))
            parts.append(f"{who}: {each}")
    return ("The API rows' requests apart (search: `/documents.json?q=WORD`; document: `/doc/ID.json`): "
            + "; ".join(parts) + ".") if parts else ""


def section(results: dict) -> str:
    return "\n".join([
        measured_on(results.get("load")),
        "",
        f"`bench/web_load.py`: a store of {results['documents']:,} documents (the demo's traces stored again as "
        f"documents of their own), `sourcetrace serve` in one uvicorn process, {results['clients']} clients in "
        f"another process on the same machine (a lean keep-alive HTTP/1.1 client of its own) for {results['seconds']:g} s a row, while `sourcetrace ingest` "
        f"traced new documents into the same store in a third ({results.get('ingested_during', 0):,} documents "
        f"stored during the loaded rows). The first barometer over the whole store took "
        f"{results.get('barometer_first', float('nan')):.1f} s; after that a barometer page is served from what was "
        "worked out, and while the ingest changes the store the last one is served (saying so) as the next is "
        "worked out in the background. Latencies are of answered requests, as the clients timed them. The load "
        "column is the machine's one-minute load average at the end of the row (the server, the clients and the "
        "ingest are three of it).",
        "",
        table(results),
        "",
        kinds(results),
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--think", type=float, default=1.0, help="the readers' pause between pages, in seconds")
    parser.add_argument("--update", action="store_true", help="write bench/RESULTS.md instead of bench/out/RESULTS.md")
    args = parser.parse_args()
    results = run(args)
    (OUT / "web-load.json").write_text(json.dumps(results, indent=2))
    path = write({"Web app under load": section(results)}, args.update)
    print(table(results))
    say(f"written to {path}")


if __name__ == "__main__":
    main()
