"""A real server (uvicorn, in a thread of the test process) on a free port of 127.0.0.1, for the
browser and schemathesis to talk to over HTTP."""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager

import uvicorn

from sourcetrace.web import Config, create_app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db, token=None, **settings):
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(Config(db=db, token=token, settings=settings)),
                                           host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
