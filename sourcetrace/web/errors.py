"""An error a request ends in: its HTTP status and a numbered message (``sourcetrace/errors.py``)."""
from __future__ import annotations

import re

CODE = re.compile(r"^\[([EW]\d{3})\] ")


class WebError(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}

    def to_dict(self) -> dict:
        found = CODE.match(self.message)
        return {"schema": "sourcetrace.page.error/1", "status": self.status,
                "error": {"code": found.group(1) if found else None, "message": CODE.sub("", self.message)}}
