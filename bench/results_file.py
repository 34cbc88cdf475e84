"""bench/RESULTS.md in sections, each owned by the script that measures it.

bench/run.py writes the scores, throughput, ingest and estimator sections; bench/memory.py,
bench/fuzz.py and bench/kill.py each write their own. A script replaces only its sections and
leaves the others as they were measured, so a quick run never erases a campaign that took hours.
By default a script writes its sections into bench/out/RESULTS.md (a copy, untracked); with
--update it writes the tracked bench/RESULTS.md.
"""
from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import threading
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
TRACKED = HERE / "RESULTS.md"
COPY = HERE / "out" / "RESULTS.md"
HEADING = re.compile(r"^## ", re.M)


def split(text: str) -> tuple[str, dict[str, str]]:
    """The text before the first section, and each section's body by its heading."""
    starts = [match.start() for match in HEADING.finditer(text)]
    head = text[: starts[0]] if starts else text
    sections = {}
    for start, end in zip(starts, starts[1:] + [len(text)]):
        heading, _, body = text[start + 3:end].partition("\n")
        sections[heading.strip()] = body.strip("\n")
    return head, sections


def join(head: str, sections: dict[str, str]) -> str:
    return head.rstrip("\n") + "\n\n" + "\n\n".join(f"## {h}\n\n{b}" for h, b in sections.items()) + "\n"


def write(sections: dict[str, str], update: bool, head: str | None = None) -> Path:
    """Put ``sections`` into the results (the tracked file with ``update``, else a copy of it), in
    place where they were, at the end when new; ``head`` replaces the text above the sections."""
    old_head, old = split(TRACKED.read_text(encoding="utf-8")) if TRACKED.is_file() else ("", {})
    path = TRACKED if update else COPY
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(join(head if head is not None else old_head, {**old, **sections}), encoding="utf-8")
    return path


def measured_on(load: dict | None = None) -> str:
    """The line each campaign's section opens with: when and on what it was measured, and how busy
    the machine was while it ran (``load``, from ``Load.summary``)."""
    cpu = next((line.split(":", 1)[1].strip() for line in _cpuinfo() if line.startswith("model name")), None)
    line = (f"Measured {datetime.now().astimezone().isoformat(timespec='minutes')}{commit_words()} on {platform.platform()}, "
            f"CPU {cpu or platform.processor() or '?'}, {os.cpu_count()} cores, Python {platform.python_version()}.")
    return line + (f" {describe(load)}" if load else "")


class Load:
    """The machine's one-minute load average, sampled every ``every`` seconds while a run lasts: the
    machine is shared, and a figure means little without how busy it was."""

    def __init__(self, every: float = 30.0):
        self.samples: list[float] = [os.getloadavg()[0]]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, args=(every,), daemon=True)
        self._thread.start()

    def _sample(self, every: float) -> None:
        while not self._stop.wait(every):
            self.samples.append(os.getloadavg()[0])

    def summary(self) -> dict:
        """min, median and max of the samples so far (the run goes on being sampled)."""
        samples = [*self.samples, os.getloadavg()[0]]
        return {"min": round(min(samples), 1), "median": round(statistics.median(samples), 1),
                "max": round(max(samples), 1), "samples": len(samples)}

    def stop(self) -> dict:
        self._stop.set()
        return self.summary()


def describe(load: dict) -> str:
    return (f"Load average (1 min) on the machine while it ran: {load['min']}–{load['max']}, median {load['median']} "
            f"({load['samples']} samples; {os.cpu_count()} cores, shared with other developers' work).")


def load_cell(load: dict | None) -> str:
    """A table cell: the load average's range over a run, and its median."""
    return f"{load['min']}–{load['max']} (median {load['median']})" if load else "—"


def commit_words() -> str:
    """' with the code at commit X' (X the checkout this bench belongs to), and the commit that last
    changed the package when that is an earlier one: a campaign run from a branch whose commits are
    later rebased still names a commit on main whose sourcetrace/ it measured. '' outside a checkout."""
    head, package = _git("rev-parse", "--short", "HEAD"), _git("log", "-1", "--format=%h", "HEAD", "--", ":(top)sourcetrace")
    if not head:
        return ""
    return f" with the code at commit {head}" + (f" (sourcetrace/ as at {package})" if package and package != head else "")


def _git(*args: str) -> str:
    try:
        found = subprocess.run(["git", "-C", str(HERE), *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return found.stdout.strip() if found.returncode == 0 else ""


def _cpuinfo() -> list[str]:
    try:
        return Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return []
