"""Renderers of every command's data object, all with ``write(item)`` then ``finalize()``, chosen by
kind and format (``renderers.py``), and the one HTML page template they share (``page.py``).

    renderer = renderer_for("trace", "html", sys.stdout)
    for trace in traces:
        renderer.write(trace)
    renderer.finalize()
"""
from __future__ import annotations

from .common import Renderer
from .renderers import RENDERERS, format_help, formats, renderer_for

__all__ = ["Renderer", "RENDERERS", "formats", "format_help", "renderer_for"]
