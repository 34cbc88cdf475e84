"""sourcetrace: where does a reported number come from?

Library first::

    from sourcetrace import trace_text
    result = trace_text("TASS reported, citing a source, that 500 soldiers ...", published="2025-05-03")
    result.figures[0].attribution

The command line (``sourcetrace trace``) is a thin layer over :func:`trace` and :func:`trace_text`.
"""
from .api import trace, trace_many, trace_text
from .model.records import SCHEMA_ID, Document, Trace
from .version import __version__
__all__ = ["trace", "trace_text", "trace_many", "Document", "Trace", "SCHEMA_ID", "__version__"]
