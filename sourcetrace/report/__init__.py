"""Renderers of traces, one per output format, all with ``write(trace)`` then ``finalize()``.

    renderer = renderer_for("html", sys.stdout)
    for trace in traces:
        renderer.write(trace)
    renderer.finalize()
"""
from __future__ import annotations

from typing import TextIO

from .common import Renderer
from .html import HtmlRenderer
from .json import JsonLinesRenderer, JsonRenderer
from .text import TextRenderer

RENDERERS: dict[str, type[Renderer]] = {
    renderer.name: renderer for renderer in (TextRenderer, JsonRenderer, JsonLinesRenderer, HtmlRenderer)
}
FORMATS = tuple(RENDERERS)


def renderer_for(format: str, stream: TextIO, color: bool | None = None) -> Renderer:
    return RENDERERS[format](stream, color)


__all__ = ["Renderer", "RENDERERS", "FORMATS", "renderer_for"]
