"""Stored traces kept current: what made each one, and tracing again what older code made.

A trace records what made it (``Trace.generator``): the pipeline writes sourcetrace's version, the
model and the components in order; ``stamped`` adds ``code``, a digest of the tracer's own code and
language data (``extract/``, ``lang/``, ``pipeline/``), so that a fix made within one version still
counts, and ``registry``, the digest of the registry of sources and indicators loaded beside it
(reconciliation resolves names against it; the tracer itself does not read it).

A stored trace is *stale* when the tracer that would run now differs from the one that made it in
any of version, model, components or code (a registry change needs no re-trace: the barometer reads
the registry afresh every time). ``retrace`` traces stale documents again — the document row stays
as it was read, only its trace and figures are replaced — through the same batch runner as ingest,
so that one document that fails does not stop the rest.

    report = retrace(store, progress=print)     # every stale document
    report = retrace(store, everything=True)    # every document
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Callable, Iterable, Iterator

from . import api, batch
from .errors import UnsupportedLanguage
from .model.problems import InputProblem
from .model.records import Document, Trace
from .registry import Registry
from .store import Store
from .store.rows import content_hash

# What a trace's generator must match for the trace to be current.
MADE_BY = ("sourcetrace", "model", "pipeline", "code")
CODE = ("extract", "lang", "pipeline")  # the folders whose files make the tracer


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of every file the tracer runs on: its components, the runner, the language data."""
    digest = hashlib.sha256()
    root = files("sourcetrace")
    for folder in CODE:
        for path in sorted(_files(root.joinpath(folder)), key=lambda p: str(p)):
            digest.update(str(path).rsplit("sourcetrace", 1)[-1].encode("utf-8"))
            digest.update(path.read_bytes())
    return "sha256:" + digest.hexdigest()[:16]


def _files(folder) -> Iterator:
    for entry in folder.iterdir():
        if entry.is_dir() and entry.name != "__pycache__":
            yield from _files(entry)
        elif entry.name.endswith((".py", ".json")):
            yield entry


def stamped(generator: dict, registry: Registry | None = None) -> dict:
    """The pipeline's generator with the code digest and the registry's digest added."""
    return {**generator, "code": code_digest(), "registry": (registry or Registry.load()).version}


def tracer(registry: Registry | None = None) -> Callable[[Iterable[Document]], Iterator[Trace | Exception]]:
    """``api.trace_many`` whose traces say what made them (``stamped``): what ingest and retrace run."""
    registry = registry or Registry.load()

    def trace(documents: Iterable[Document]) -> Iterator[Trace | Exception]:
        for result in api.trace_many(documents):
            if isinstance(result, Trace):
                result.generator = stamped(result.generator, registry)
            yield result
    return trace


def current(language: str = "en", registry: Registry | None = None) -> dict:
    """The generator a trace made now would carry."""
    return stamped(api.default_pipeline(language).generator, registry)


def stale(generator: dict, now: dict) -> bool:
    """Whether a trace with ``generator`` was made by other code than ``now`` describes."""
    return any(generator.get(name) != now.get(name) for name in MADE_BY)


def is_stale(generator: dict) -> bool:
    """Whether a stored trace was made by other code than would trace its language now: each
    language has its own parser (the generator's ``model``), so a Russian trace is held against the
    Russian pipeline, never the English one. A language no longer traced is stale."""
    try:
        return stale(generator, _now(generator.get("language") or "en"))
    except UnsupportedLanguage:
        return True


@lru_cache(maxsize=None)
def _now(language: str) -> dict:
    return current(language)  # loads the language's parser once a process: its name is in the generator


SCHEMA = "sourcetrace.retrace/1"


@dataclass
class RetraceReport:
    retraced: int = 0
    current: int = 0  # made by the code that runs now: left alone
    failed: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    store: str | None = None  # the store's path, when the caller names it

    def to_dict(self) -> dict:
        """The report as ``sourcetrace retrace --format json`` writes it (schema retrace-1.json)."""
        problems = [{"input": p.input, "problem": p.problem, "failed": p.failed} for p in self.problems]
        return {"schema": SCHEMA, "store": self.store, "retraced": self.retraced, "current": self.current,
                "failed": self.failed, "problems": problems}

    def summary(self) -> str:
        parts = [f"{self.retraced} re-traced", f"{self.current} up to date"]
        return ", ".join(parts + ([f"{self.failed} failed"] if self.failed else []))


class _Retracing:
    """The store as the batch runner's sink for a re-trace: each trace replaces its document's."""

    def __init__(self, store: Store, ids: dict[str, int]):
        self.store, self.ids = store, ids

    def identity(self, document: Document) -> None:
        return None  # every document is traced: they are stored already, once each

    def contains(self, document: Document) -> bool:
        return False

    def add(self, trace: Trace) -> int:
        document_id = self.ids[content_hash(trace.document)]
        self.store.replace_trace(document_id, trace)
        return document_id

    def skip(self, problem: InputProblem) -> None:
        self.store.skip(problem)


def retrace(store: Store, everything: bool = False, registry: Registry | None = None,
            progress: Callable[[RetraceReport, int], None] | None = None,
            trace: Callable[[Iterable[Document]], Iterable[Trace | Exception]] | None = None) -> RetraceReport:
    """Trace again the stored documents older code traced (every one, with ``everything``).
    ``progress(report, total)`` is called as each document is settled."""
    registry = registry or Registry.load()
    report = RetraceReport()
    todo: list[Document] = []
    ids: dict[str, int] = {}
    for document_id, document, generator in store.stored_documents():
        if everything or is_stale(generator):
            todo.append(document)
            ids[content_hash(document)] = document_id
        else:
            report.current += 1

    def settled(run: batch.Report) -> None:
        report.retraced, report.failed, report.problems = run.new, run.failed, run.problems
        if progress is not None:
            progress(report, len(todo))

    batch.run(todo, _Retracing(store, ids), tracer=trace or tracer(registry), progress=settled)
    return report
