"""Ingests started from the web: uploaded files traced into the store on one worker thread, one
ingest at a time (the store has one writer, and tracing takes the cores), with progress to poll.

The files are kept beside the store (``<store>.uploads/``) under the names they were uploaded with,
so that an ingest reads them as ``sourcetrace ingest`` would read them from a folder: the same file
uploaded again is known to the store, and a corrected copy of it is reported (W007)."""
from __future__ import annotations

import logging
import re
import shutil
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .. import batch, refresh
from ..errors import Errors
from ..ingest import Inputs

LOG = logging.getLogger("sourcetrace.web")
SCHEMA = "sourcetrace.page.ingest/1"
KEPT_JOBS = 100


@dataclass
class Job:
    id: str
    files: list[str]
    status: str = "queued"  # queued | running | done | failed
    bytes_done: int = 0
    bytes_total: int = 0
    report: dict | None = None
    error: str | None = None
    queued_at: float = field(default_factory=time.time)
    finished_at: float | None = None

    def to_dict(self) -> dict:
        return {"schema": SCHEMA, "id": self.id, "path": f"/ingest/{self.id}", "status": self.status,
                "files": self.files, "bytes_done": self.bytes_done, "bytes_total": self.bytes_total,
                "report": self.report, "error": self.error, "queued_at": _iso(self.queued_at),
                "finished_at": _iso(self.finished_at)}


class Jobs:
    def __init__(self, store):
        self.store = store
        self.folder = store.path.with_name(store.path.name + ".uploads")
        self.jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sourcetrace-ingest")

    def start(self, uploads: list[tuple[str, object]]) -> Job:
        """Queue an ingest of ``uploads`` ((file name, binary file object) each); the files are
        copied out of the request at once."""
        staging = Path(tempfile.mkdtemp(prefix="sourcetrace-upload-"))
        names = []
        for name, stream in uploads:
            names.append(safe_name(name, names))
            with open(staging / names[-1], "wb") as out:
                shutil.copyfileobj(stream, out)
        job = Job(uuid.uuid4().hex[:12], names)
        with self._lock:
            self.jobs[job.id] = job
            while len(self.jobs) > KEPT_JOBS:
                self.jobs.pop(next(iter(self.jobs)))
        self._worker.submit(self._run, job, staging)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self.jobs.get(job_id)

    def recent(self) -> list[Job]:
        with self._lock:
            return list(reversed(self.jobs.values()))

    def close(self) -> None:
        self._worker.shutdown(wait=True, cancel_futures=True)

    def _run(self, job: Job, staging: Path) -> None:
        job.status = "running"
        try:
            self.folder.mkdir(exist_ok=True)
            paths = [shutil.move(staging / name, self.folder / name) for name in job.files]
            inputs = Inputs(paths, passed_over=self.store.files())
            job.bytes_total = inputs.bytes_total

            def progress(report: batch.Report) -> None:
                job.bytes_done, job.report = inputs.bytes_done, report.to_dict()

            report = batch.run(inputs, self.store, refresh.tracer(), progress=progress)
            report.sink = str(self.store.path)
            job.report, job.bytes_done, job.status = report.to_dict(), job.bytes_total, "done"
        except Exception as exc:  # noqa: BLE001 - the job fails and says why; the server goes on
            LOG.exception("ingest %s failed", job.id)
            job.status, job.error = "failed", Errors.E708.format(kind=type(exc).__name__)
        finally:
            job.finished_at = time.time()
            shutil.rmtree(staging, ignore_errors=True)


def safe_name(name: str, taken: list[str]) -> str:
    """The uploaded file's own name, without folders or characters a file system refuses; two of
    one upload with the same name are told apart."""
    base = re.sub(r"[^\w.\-]+", "_", Path(name.replace("\\", "/")).name).lstrip(".") or "upload.txt"
    found, n = base[:120], 1
    while found in taken:
        n += 1
        found = f"{Path(base).stem[:110]}-{n}{Path(base).suffix[:8]}"
    return found


def _iso(moment: float | None) -> str | None:
    return None if moment is None else time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(moment))
