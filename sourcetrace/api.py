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
        document.id = "sha256:" + hashlib.sha256(document.text.encode("utf-8")).hexdigest()[:16]
    return (pipeline or default_pipeline(document.language)).run(document)


def trace_text(text: str, **metadata) -> Trace:
    """Trace a string; ``metadata`` are Document fields (outlet, published, url, title, id)."""
    return trace(Document(text=text, **metadata))


def trace_many(documents: Iterable[Document]) -> Iterator[Trace]:
    for document in documents:
        yield trace(document)
