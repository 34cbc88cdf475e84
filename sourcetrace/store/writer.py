"""The one thread that writes: it owns the single write connection and takes work from a queue
(datasette's pattern). SQLite allows one writer at a time; funnelling every write through one
thread means no two writes of this process ever wait on each other's locks.

    writer = Writer(lambda: connect_writer(path))
    future = writer.submit(lambda connection: write_rows(connection, ...))
    document_id = future.result()
"""
from __future__ import annotations

import queue
import sqlite3
import threading
from concurrent.futures import Future
from typing import Callable, TypeVar

T = TypeVar("T")
Task = Callable[[sqlite3.Connection], T]
_STOP = None


class Writer:
    def __init__(self, connect: Callable[[], sqlite3.Connection]):
        self._tasks: queue.Queue = queue.Queue()
        self._closed = False
        opened: Future = Future()
        # A daemon, so that a program that forgets close() can still exit; what was queued but
        # not yet committed is then lost whole, never half-written.
        self._thread = threading.Thread(target=self._run, args=(connect, opened), name="sourcetrace-writer",
                                        daemon=True)
        self._thread.start()
        opened.result()  # a file that cannot be opened fails here, in the caller's thread

    def submit(self, task: Task) -> Future:
        """Queue ``task(connection)``; the future holds what it returns or raises."""
        if self._closed:
            raise RuntimeError("the store's writer is closed")
        future: Future = Future()
        self._tasks.put((task, future))
        return future

    def call(self, task: Task) -> T:
        """Run ``task`` on the writer and wait for its result."""
        return self.submit(task).result()

    def close(self) -> None:
        """Finish what is queued, then close the connection."""
        if not self._closed:
            self._closed = True
            self._tasks.put(_STOP)
            self._thread.join()

    def _run(self, connect, opened: Future) -> None:
        try:
            connection = connect()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller waiting in __init__
            opened.set_exception(exc)
            return
        opened.set_result(None)
        try:
            while (item := self._tasks.get()) is not _STOP:
                task, future = item
                if future.set_running_or_notify_cancel():
                    _settle(future, task, connection)
        finally:
            connection.close()


def _settle(future: Future, task: Task, connection: sqlite3.Connection) -> None:
    try:
        future.set_result(task(connection))
    except BaseException as exc:  # noqa: BLE001 - the caller decides what a failed write means
        future.set_exception(exc)
