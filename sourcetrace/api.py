"""The library's entry points: trace one document, or many.

A document's language is identified here when nobody gave it (``lang/detect.py``), so a file, a
JSON line, ``trace_text`` and ``trace_many`` all trace a text with the rules of its own language
and refuse one sourcetrace does not handle (``UnsupportedLanguage``).
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Iterable, Iterator

from .errors import UnsupportedLanguage
from .lang import AVAILABLE
from .lang.detect import detect_language
from .model.records import Document, Trace
from .pipeline.runner import Pipeline, build_pipeline


@lru_cache(maxsize=4)
def default_pipeline(language: str = "en") -> Pipeline:
    """The standard pipeline for a language, built once per process on first use."""
    return build_pipeline(language)


def trace(document: Document, pipeline: Pipeline | None = None) -> Trace:
    """Trace one document: figures, attribution chains, hedges, incidents, unsourced claims."""
    _prepare(document)
    if pipeline is None and document.language not in AVAILABLE:
        raise UnsupportedLanguage(document.language, list(AVAILABLE))
    return (pipeline or default_pipeline(document.language)).run(document)


def trace_text(text: str, **metadata) -> Trace:
    """Trace a string; ``metadata`` are Document fields (outlet, published, url, title, id, language)."""
    return trace(Document(text=text, **metadata))


def trace_many(documents: Iterable[Document], pipeline: Pipeline | None = None,
               batch_size: int = 64) -> Iterator[Trace | Exception]:
    """Trace many documents, parsing them in batches (faster than one ``trace`` call each).

    Yields, in input order, a Trace or — for a document a component failed on, or one in a
    language sourcetrace does not handle — the error (ComponentError, UnsupportedLanguage), so one
    bad document does not stop the others. Documents in several languages may come mixed: each
    batch is traced language by language, each with its own pipeline.
    """
    batch: list[Document] = []
    for document in documents:
        batch.append(_prepare(document))
        if len(batch) >= batch_size:
            yield from _trace_batch(batch, pipeline, batch_size)
            batch = []
    if batch:
        yield from _trace_batch(batch, pipeline, batch_size)


def _trace_batch(batch: list[Document], pipeline: Pipeline | None, batch_size: int) -> Iterator[Trace | Exception]:
    results: dict[int, Trace | Exception] = {}
    by_language: dict[str, list[int]] = {}
    for i, document in enumerate(batch):
        language = pipeline.language if pipeline is not None and document.language is None else document.language
        by_language.setdefault(language, []).append(i)
    for language, indices in by_language.items():
        if pipeline is None and language not in AVAILABLE:
            results.update({i: UnsupportedLanguage(language, list(AVAILABLE)) for i in indices})
            continue
        runner = pipeline or default_pipeline(language)
        for i, result in zip(indices, runner.run_many([batch[i] for i in indices], batch_size)):
            results[i] = result
    for i in range(len(batch)):
        yield results[i]


def _prepare(document: Document) -> Document:
    """An id from the text when it has none; its language when nobody said which."""
    if document.id is None:
        document.id = _content_id(document.text)
    if document.language is None:
        document.language = detect_language(document.text)
    return document


def _content_id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
