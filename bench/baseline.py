"""Time the package as it was at another revision, on the same input, in the same run.

A speed-up is only a figure beside what it sped up: the code being replaced is exported with
``git archive`` into a scratch folder and timed in a subprocess (one core, one thread per numeric
library) on input pickled once for both, taking turns with this code so that a slow spell of a
shared machine hits both. Used by ``bench/estimator.py`` and ``bench/barometer.py``.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# main just before issue 8's barometer landed: what "today's figure" means in bench/RESULTS.md
REVISION = "d20652d"

PRELUDE = """
import os, pickle, sys, time
for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[var] = "1"
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
sys.path.insert(0, sys.argv[1])
data = pickle.load(open(sys.argv[2], "rb"))
"""


def export(revision: str, into: Path) -> Path:
    """The package as it was at ``revision``, unpacked under ``into`` (which is returned)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "sourcetrace"], check=True,
                             capture_output=True).stdout
    into.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def run(package_root: Path, pickled: Path, timer: str) -> list[str]:
    """Run ``timer`` (Python that reads ``data`` and prints its results) against the package under
    ``package_root``; the words it printed."""
    done = subprocess.run([sys.executable, "-c", PRELUDE + timer, str(package_root), str(pickled)],
                          capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"the timer failed under {package_root}:\n{done.stderr}")
    return done.stdout.split()


def load() -> str:
    """The machine's load average now, in words: a shared machine's other work inflates every
    second measured, the baseline's as much as this code's, so the ratio is the figure to read."""
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "load average unknown"
    return f"load average {one:.1f} (5 min: {five:.1f}) on {os.cpu_count()} cores at the end of the run"
