"""The library's entry points: trace one document, or many."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Iterable, Iterator

from .model.records import Document, Trace
from .pipeline.runner import Pipeline, build_pipeline


@lru_cache(maxsize=4)
def default_pipeline(language: str = "en") -> Pipeline:
    """The standard pipeline for a language, built once per process on first use."""
    return build_pipeline(language)


def trace(document: Document, pipeline: Pipeline | None = None) -> Trace:
    """Trace one document: figures, attribution chains, hedges, incidents, unsourced claims."""
    if document.id is None:
        document.id = _content_id(document.text)
    return (pipeline or default_pipeline(document.language)).run(document)


def trace_text(text: str, **metadata) -> Trace:
    """Trace a string; ``metadata`` are Document fields (outlet, published, url, title, id)."""
    return trace(Document(text=text, **metadata))


def trace_many(documents: Iterable[Document], pipeline: Pipeline | None = None,
               batch_size: int = 64) -> Iterator[Trace | Exception]:
    """Trace many documents, parsing them in batches (faster than one ``trace`` call each).

    Yields, in input order, a Trace or — for a document a component failed on, or one in a
    language without data — the error (ComponentError, UnsupportedLanguage), so one bad document
    does not stop the others.
    """
    pipeline = pipeline or default_pipeline("en")
    yield from pipeline.run_many(_with_ids(documents), batch_size)


def _with_ids(documents: Iterable[Document]) -> Iterator[Document]:
    for document in documents:
        if document.id is None:
            document.id = _content_id(document.text)
        yield document


def _content_id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
