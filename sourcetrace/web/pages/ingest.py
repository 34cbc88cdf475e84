"""Ingest: upload files to trace into the store (the token only), then watch the ingest's progress.
The progress page refreshes itself without JavaScript; with it, a bar follows the ingest."""
from __future__ import annotations

from html import escape

from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException

from ...errors import Errors
from ..errors import WebError
from ..jobs import Jobs
from ..render import Page
from ..security import bearer, check_token

SCHEMA = "sourcetrace.page.ingest-form/1"


def jobs(state) -> Jobs:
    if state.jobs is None:
        state.jobs = Jobs(state.store)
    return state.jobs


def form(state, request) -> Page:
    recent = [job.to_dict() for job in state.jobs.recent()] if state.jobs else []
    data = {"schema": SCHEMA, "writes": state.token is not None, "max_upload_bytes": state.settings["max_upload_bytes"],
            "max_upload_files": state.settings["max_upload_files"], "jobs": recent}
    return Page("Ingest", data, form_body)


async def upload(state, request) -> tuple[Page, dict]:
    """Check the token and the limits, keep the files, start the ingest; the job's page."""
    limit, most = state.settings["max_upload_bytes"], state.settings["max_upload_files"]
    header = bearer(request.headers.get("authorization"))
    if header is not None or state.token is None:
        check_token(state.token, header, state.settings["token_env"])  # refused before the body is read
    size = request.headers.get("content-length")
    if size is None or not size.isdigit():
        raise WebError(411, Errors.E706.format(name="Content-Length", reason="an upload must say its length"))
    if int(size) > limit:
        raise WebError(413, Errors.E704.format(size=int(size), limit=limit))
    try:
        submitted = await request.form(max_files=most + 1, max_fields=10, max_part_size=1024 * 1024)
    except MultiPartException as exc:
        raise WebError(400, Errors.E706.format(name="the upload", reason=str(exc))) from None
    if header is None:
        check_token(state.token, submitted.get("token") if isinstance(submitted.get("token"), str) else None,
                    state.settings["token_env"])
    files = [f for f in submitted.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if not files:
        raise WebError(400, Errors.E712)
    if len(files) > most:
        raise WebError(413, Errors.E705.format(count=len(files), limit=most))
    job = jobs(state).start([(f.filename, f.file) for f in files])
    await submitted.close()
    return job_page(job.to_dict()), {"Location": job.to_dict()["path"]}


def job(state, request) -> Page:
    found = state.jobs.get(request.path_params["job"]) if state.jobs else None
    if found is None:
        raise WebError(404, Errors.E707.format(id=request.path_params["job"]))
    return job_page(found.to_dict())


def job_page(data: dict) -> Page:
    running = data["status"] in ("queued", "running")
    # Without JavaScript the page reloads itself; with it, the script below follows the ingest.
    head = '<noscript><meta http-equiv="refresh" content="2"></noscript>' if running else ""
    return Page(f"Ingest {data['id']}", data, job_body, scripts=(PROGRESS_SCRIPT,) if running else (), head=head)


def form_body(data: dict) -> str:
    if not data["writes"]:
        upload_form = f'<p class="none">{escape(Errors.E702.format(env="SOURCETRACE_TOKEN"))}</p>'
    else:
        upload_form = (
            '<form class="upload" method="post" action="/ingest" enctype="multipart/form-data">'
            '<label>files <input type="file" name="files" multiple required '
            'accept=".txt,.html,.htm,.jsonl,.warc,.gz"></label>'
            '<label>token <input type="password" name="token" autocomplete="current-password" required></label>'
            '<button type="submit">Upload and ingest</button></form>'
            f'<p class="meta">At most {data["max_upload_files"]} files and {data["max_upload_bytes"]:,} bytes an upload: '
            'text, HTML, JSON lines or web archives, read as <code>sourcetrace ingest</code> reads them.</p>')
    jobs_list = "".join(f'<li><a href="{escape(j["path"])}">{escape(j["id"])}</a>: {escape(j["status"])}, '
                        f'{escape(", ".join(j["files"]))}</li>' for j in data["jobs"])
    return upload_form + (f"<h2>Ingests since the server started</h2><ul>{jobs_list}</ul>" if jobs_list else "")


def job_body(data: dict) -> str:
    report = data["report"] or {}
    counts = ", ".join(f"{report.get(k, 0)} {k}" for k in ("new", "duplicate", "skipped", "failed"))
    problems = "".join(f'<li>{escape(p["input"])}: {escape(p["problem"])}</li>' for p in report.get("problems", []))
    total = max(data["bytes_total"], 1)
    return (f'<p class="summary" id="job-status" data-status="{escape(data["status"])}">{escape(data["status"])}: '
            f'{escape(counts)}</p>'
            f'<progress id="job-progress" max="{total}" value="{data["bytes_done"]}"></progress>'
            f'<p class="meta">files: {escape(", ".join(data["files"]))}</p>'
            + (f'<p class="error">{escape(data["error"])}</p>' if data["error"] else "")
            + (f"<h2>Problems</h2><ul>{problems}</ul>" if problems else "")
            + ('<p><a href="/documents">the documents</a></p>' if data["status"] == "done" else ""))


# Follows the ingest without reloading: polls the job's JSON and moves the bar.
PROGRESS_SCRIPT = """
(function () {
  var status = document.getElementById("job-status"), bar = document.getElementById("job-progress");
  if (!status || !bar) { return; }
  function poll() {
    fetch(location.pathname + ".json", {headers: {"Accept": "application/json"}}).then(function (r) { return r.json(); }).then(function (job) {
      var r = job.report || {};
      bar.max = Math.max(job.bytes_total, 1); bar.value = job.bytes_done;
      status.textContent = job.status + ": " + (r.new || 0) + " new, " + (r.duplicate || 0) + " duplicate, " + (r.skipped || 0) + " skipped, " + (r.failed || 0) + " failed";
      status.setAttribute("data-status", job.status);
      if (job.status === "queued" || job.status === "running") { setTimeout(poll, 700); } else { location.reload(); }
    });
  }
  setTimeout(poll, 300);
})();
"""
