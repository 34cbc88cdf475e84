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


def measured_on() -> str:
    """The line each campaign's section opens with: when and on what it was measured."""
    cpu = next((line.split(":", 1)[1].strip() for line in _cpuinfo() if line.startswith("model name")), None)
    return (f"Measured {datetime.now().astimezone().isoformat(timespec='minutes')} on {platform.platform()}, "
            f"CPU {cpu or platform.processor() or '?'}, {os.cpu_count()} cores, Python {platform.python_version()}.")


def _cpuinfo() -> list[str]:
    try:
        return Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return []
