"""Throughput on one core: KB/s and documents/s of sourcetrace's trace and of quantulum3.

    .venv/bin/python bench/throughput.py [--kb 200] [--budget 60] [--repeats 3]
    .venv/bin/python bench/throughput.py --languages en,ru,uk [--kb 100]   # each language, as a ratio to English

The corpus is the gold texts, sourcetrace/examples/*.txt, and multi-paragraph documents assembled
from the gold sentences, about 200 KB in all (KB = 1,000 bytes of UTF-8). Model loading is timed
apart; a few documents are run once before the clock starts so first-call costs stay out of the
rate. Each system makes several timed passes, taking turns with the other; the fastest pass is
the rate, since other work on the machine can only slow a pass down. quantulum3 reads each paragraph separately, the way it is meant to be used; sourcetrace
reads whole documents, because a chain can span paragraphs.
"""
from __future__ import annotations

import os

# One thread for every numeric library; this must happen before numpy or spaCy is imported.
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Callable  # noqa: E402

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import gold  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "sourcetrace" / "examples"
SEED = 20261124  # the synthetic documents are the same on every run
WARMUP_DOCS = 5


# --- the corpus ------------------------------------------------------------------------------

def build_corpus(target_kb: float = 200) -> list[dict]:
    items = gold.load()
    docs = [{"id": i["id"], "text": i["text"], "published": i["published"], "outlet": i.get("outlet")}
            for i in items]
    docs += [{"id": p.name, "text": p.read_text(encoding="utf-8"), "published": None, "outlet": None}
             for p in sorted(EXAMPLES.glob("*.txt"))]
    rng = random.Random(SEED)
    while _kb(docs) < target_kb:
        docs.append(_synthetic(rng, items, len(docs)))
    return docs


def _synthetic(rng: random.Random, items: list[dict], n: int) -> dict:
    """A news-length document: 8-14 paragraphs of 2-4 gold passages each."""
    paragraphs = [" ".join(i["text"] for i in rng.sample(items, rng.randint(2, 4)))
                  for _ in range(rng.randint(8, 14))]
    return {"id": f"synthetic-{n}", "text": "\n\n".join(paragraphs), "published": "2025-11-24", "outlet": None}


def _kb(docs: list[dict]) -> float:
    return sum(len(d["text"].encode("utf-8")) for d in docs) / 1000


# --- one core --------------------------------------------------------------------------------

def pin_to_one_core() -> int | None:
    """Run on a single CPU so that the rate is a per-core rate whatever the machine."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return core


# --- the systems -----------------------------------------------------------------------------

def load_sourcetrace() -> Callable[[dict], object]:
    from sourcetrace import trace_text

    def run(doc: dict):
        return trace_text(doc["text"], published=doc["published"], outlet=doc["outlet"])

    run({"text": "Officials said 12 people were detained.", "published": "2025-01-01", "outlet": None})
    return run


def load_sourcetrace_batch() -> Callable[[dict], object]:
    """sourcetrace through ``trace_many``, which parses many documents' sentences in one model call
    (the way ``sourcetrace trace`` and ``ingest`` run over several inputs)."""
    from sourcetrace import Document, trace_many

    def to_document(doc: dict) -> Document:
        return Document(text=doc["text"], published=doc["published"], outlet=doc["outlet"])

    def run(doc: dict):
        return list(trace_many([to_document(doc)]))

    run.many = lambda docs: trace_many(to_document(d) for d in docs)
    run({"text": "Officials said 12 people were detained.", "published": "2025-01-01", "outlet": None})
    return run


def load_quantulum() -> Callable[[dict], object]:
    from bench.systems import quantulum_parse, quantulum_parser

    parser = quantulum_parser()

    def run(doc: dict):
        return [quantulum_parse(parser, p) for p in re.split(r"\n\s*\n", doc["text"]) if p.strip()]

    run({"text": "Officials said 12 people were detained."})
    return run


LOADERS = {"sourcetrace": load_sourcetrace, "sourcetrace-batch": load_sourcetrace_batch,
           "quantulum3": load_quantulum}


def load(name: str) -> tuple[Callable[[dict], object], float]:
    """The system's run function, and the seconds its loading took."""
    started = time.perf_counter()
    run = LOADERS[name]()
    load_seconds = time.perf_counter() - started
    return run, load_seconds


def timed_pass(run: Callable[[dict], object], docs: list[dict], budget: float) -> tuple[float, list[dict]]:
    """Run the corpus once, or until ``budget`` seconds; the seconds and the documents done."""
    done, started = [], time.perf_counter()
    results = run.many(docs) if hasattr(run, "many") else (run(doc) for doc in docs)
    for doc, _ in zip(docs, results):
        done.append(doc)
        if time.perf_counter() - started > budget:
            break
    return time.perf_counter() - started, done


def rates(load_seconds: float, passes: list[tuple[float, list[dict]]], total: int) -> dict:
    """The best pass is the rate (other processes only ever slow a pass down); the median is kept
    to show how noisy the machine was."""
    seconds, done = min(passes, key=lambda p: p[0] / max(len(p[1]), 1))
    per_kb = sorted(s / _kb(d) for s, d in passes)
    return {"load_seconds": round(load_seconds, 3), "seconds": round(seconds, 3), "documents": len(done),
            "kb": round(_kb(done), 1), "kb_per_s": round(_kb(done) / seconds, 2),
            "docs_per_s": round(len(done) / seconds, 2), "complete": len(done) == total,
            "passes": len(passes), "median_kb_per_s": round(1 / per_kb[len(per_kb) // 2], 2)}


def throughput(target_kb: float = 200, budget: float = 60, repeats: int = 3,
               systems=("sourcetrace", "sourcetrace-batch", "quantulum3")) -> dict:
    """Load each system, then time ``repeats`` passes over the corpus, the systems taking turns so
    that a burst of load from elsewhere does not fall on one system only."""
    core = pin_to_one_core()
    docs = build_corpus(target_kb)
    failed: dict[str, str] = {}
    loaded = _load_all(systems, docs, failed)
    passes: dict[str, list] = {name: [] for name in loaded}
    for _ in range(repeats):
        for name in [n for n in loaded if n not in failed]:
            try:
                passes[name].append(timed_pass(loaded[name][0], docs, budget))
            except Exception as exc:  # noqa: BLE001 - a crash mid-corpus is reported, not fatal
                failed[name] = f"{type(exc).__name__}: {exc}"
    measured = {name: rates(loaded[name][1], passes[name], len(docs)) for name in loaded if name not in failed}
    return {"core": core, "corpus": {"documents": len(docs), "kb": round(_kb(docs), 1)},
            "systems": measured, "unavailable": failed, "ratio_kb_per_s": _ratio(measured),
            "ratio_batch_kb_per_s": _ratio(measured, "sourcetrace-batch")}


def _load_all(systems, docs: list[dict], failed: dict) -> dict[str, tuple[Callable, float]]:
    """Each system that loads and survives its warm-up: its run function and load seconds."""
    loaded = {}
    for name in systems:
        try:
            run, load_seconds = load(name)
            for doc in docs[:WARMUP_DOCS]:
                run(doc)
            loaded[name] = (run, load_seconds)
        except Exception as exc:  # noqa: BLE001 - an unfinished extractor is reported, not fatal
            failed[name] = f"{type(exc).__name__}: {exc}"
    return loaded


def _ratio(measured: dict, name: str = "sourcetrace") -> float | None:
    """sourcetrace's KB/s over quantulum3's: above 1, sourcetrace is faster."""
    if name in measured and "quantulum3" in measured:
        return round(measured[name]["kb_per_s"] / measured["quantulum3"]["kb_per_s"], 3)
    return None


# --- per language ----------------------------------------------------------------------------

ARTICLES = ROOT / "bench" / "articles"


def language_corpus(language: str, target_kb: float) -> list[dict]:
    """The language's whole-article development set, its articles repeated in turn until the
    corpus reaches ``target_kb`` (the development sets only: the blind ones are never read here)."""
    with open(ARTICLES / f"{language}-dev.jsonl", encoding="utf-8") as f:
        articles = [json.loads(line) for line in f if line.strip()]
    docs: list[dict] = []
    while _kb(docs) < target_kb:
        a = articles[len(docs) % len(articles)]
        docs.append({"id": f"{a['id']}-{len(docs)}", "text": a["text"], "published": a["published"],
                     "outlet": a["outlet"], "language": language})
    return docs


def load_language_batch() -> Callable[[dict], object]:
    """``trace_many`` with each document's language given, as a reader that knows it would."""
    from sourcetrace import Document, trace_many

    def to_document(doc: dict) -> Document:
        return Document(text=doc["text"], published=doc["published"], outlet=doc["outlet"], language=doc["language"])

    def run(doc: dict):
        return list(trace_many([to_document(doc)]))

    run.many = lambda docs: trace_many(to_document(d) for d in docs)
    return run


def by_language(languages=("en", "ru", "uk"), target_kb: float = 100, budget: float = 60, repeats: int = 3) -> dict:
    """KB/s of the standard pipeline on each language's articles, in the same run, the languages
    taking turns; each language's rate over the first one's (English) is the ratio to read."""
    core = pin_to_one_core()
    run = load_language_batch()
    corpora = {lang: language_corpus(lang, target_kb) for lang in languages}
    for lang, docs in corpora.items():
        list(run.many(docs[:WARMUP_DOCS]))  # load each language's parser before the clock
    passes: dict[str, list] = {lang: [] for lang in languages}
    for _ in range(repeats):
        for lang, docs in corpora.items():
            passes[lang].append(timed_pass(run, docs, budget))
    measured = {lang: rates(0.0, passes[lang], len(corpora[lang])) for lang in languages}
    first = measured[languages[0]]["kb_per_s"]
    return {"core": core, "languages": measured,
            "ratio_kb_per_s": {lang: round(m["kb_per_s"] / first, 3) for lang, m in measured.items()}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Throughput of sourcetrace and quantulum3 on one core.")
    ap.add_argument("--kb", type=float, default=200, help="corpus size in KB (default 200)")
    ap.add_argument("--budget", type=float, default=60, help="seconds at most per pass (default 60)")
    ap.add_argument("--repeats", type=int, default=3, help="timed passes per system; the best counts")
    ap.add_argument("--languages", default=None,
                    help="comma-separated languages (e.g. en,uk): time the pipeline on each one's articles instead, "
                         "as a ratio to the first")
    args = ap.parse_args(argv)
    if args.languages:
        result = by_language(tuple(args.languages.split(",")), args.kb, args.budget, args.repeats)
    else:
        result = throughput(args.kb, args.budget, args.repeats)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
