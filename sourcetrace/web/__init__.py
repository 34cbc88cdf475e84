"""The web app over the store (``sourcetrace serve``): one handler per page builds one data object,
sent as HTML or, at the same address with ``.json``, as JSON (see ``app.py``)."""
from .app import create_app
from .state import Config

__all__ = ["create_app", "Config"]
