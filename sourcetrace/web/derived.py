"""What is computed from the whole store (a barometer, the index of sources), kept until the store
changes, and never computed twice at once.

    derived = Derived(version=StoreVersion(path))
    result = derived.get(("barometer", "mil.desertion_cases"), compute)   # waits the first time
    result.value, result.current                                           # current: the store is unchanged

A result of an older store is still served while one of the current store is computed in the
background (one computation at a time, on one worker thread, and no more often than ``SLOWER``
times as long as the last one took): under a running ingest every request would otherwise
recompute a barometer from ten thousand traces. ``current`` says which it is, and each page says so.
"""
from __future__ import annotations

import sqlite3
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Hashable

KEPT = 64  # results kept, least recently used dropped first
# A result of an older store is worked out again no sooner than this many times as long as it took,
# nor sooner than MIN_AGE seconds: under a running ingest the store changes every moment, and a
# barometer of ten thousand documents recomputed for each change would take the server's core.
SLOWER = 5
MIN_AGE = 10.0


class StoreVersion:
    """A number that changes whenever anyone commits to the store (SQLite's ``data_version``, asked on
    one connection of its own)."""

    def __init__(self, path: Path):
        self._connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True,
                                           check_same_thread=False)
        self._lock = threading.Lock()

    def __call__(self) -> int:
        with self._lock:
            return self._connection.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        self._connection.close()


@dataclass(frozen=True)
class Result:
    value: Any
    version: int  # of the store it was computed from
    computed_at: float  # time.time()
    seconds: float  # how long it took
    current: bool = True  # the store has not changed since


class Derived:
    def __init__(self, version: Callable[[], int]):
        self.version = version
        self._results: OrderedDict[Hashable, Result] = OrderedDict()
        self._running: dict[Hashable, Future] = {}
        self._lock = threading.Lock()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sourcetrace-derived")

    def get(self, key: Hashable, compute: Callable[[], Any], wait: bool = True, fresh: bool = False) -> Result | None:
        """The result for ``key``: the current one, or else the last one while a current one is
        computed. With none at all, wait for it (``wait``) or return None. ``fresh``: wait for a
        result of the store as it is now (what was just stored must be in it)."""
        now = self.version()
        with self._lock:
            found = self._results.get(key)
            if found is not None:
                self._results.move_to_end(key)
                if found.version == now:
                    return found
            if found is None or fresh or self._due(found):
                future = self._start(key, compute, now)
        if fresh:
            return future.result()
        if found is not None:
            return Result(found.value, found.version, found.computed_at, found.seconds, current=False)
        return future.result() if wait else None

    @staticmethod
    def _due(found: Result) -> bool:
        return time.time() - found.computed_at >= max(MIN_AGE, SLOWER * found.seconds)

    def peek(self, key: Hashable) -> Result | None:
        """The last result for ``key``, whatever store it was computed from; never computes."""
        with self._lock:
            return self._results.get(key)

    def close(self) -> None:
        self._worker.shutdown(wait=False, cancel_futures=True)

    def _start(self, key: Hashable, compute: Callable[[], Any], version: int) -> Future:
        running = self._running.get(key)
        if running is not None:
            return running
        future = self._worker.submit(self._compute, key, compute, version)
        self._running[key] = future
        return future

    def _compute(self, key: Hashable, compute: Callable[[], Any], version: int) -> Result:
        try:
            started = time.perf_counter()
            result = Result(compute(), version, time.time(), time.perf_counter() - started)
            with self._lock:
                self._results[key] = result
                self._results.move_to_end(key)
                while len(self._results) > KEPT:
                    self._results.popitem(last=False)
            return result
        finally:
            with self._lock:
                self._running.pop(key, None)
