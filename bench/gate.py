"""The evaluation gate's rules, kept apart from the scores: each floors file names the gold corpus
its floors were set on (by sha256), and a floor may be lowered only with a reviewed flag.

A floors file::

    {"_comment": "...",
     "_corpus": {"path": "bench/gold/figures.jsonl", "sha256": "ce2c…"},
     "_lowered": [{"metric": "period", "from": 0.9, "to": 0.88,
                   "why": "the held-out items added in <commit> are harder", "reviewed_by": "<name>"}],
     "figure": 0.99, "bound": 0.99, ...}

Every version of a floors file in the history (``git log``), and the copy being edited, is compared
with the one before: a floor that went down must be listed under ``_lowered`` in the file as it is
now, with why and who reviewed it. Editing the file and its flag in one commit is possible — that
is the point: the lowering is in the diff, with a name on it, for a reviewer to refuse. Rewriting
only the current numbers does not hide an earlier lowering, because every step is checked.
(trafilatura's gate pins its floors in the code at the commit that sets them; this keeps that
property and adds the history.)

    .venv/bin/python bench/gate.py      # the same checks the tests make, in words
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The sentence sets' floors, then one file per whole-article gold set (bench/articles/floors/).
FLOOR_FILES = ("bench/floors.json", "bench/floors-heldout.json") + tuple(
    f"bench/articles/floors/{path.name}" for path in sorted((ROOT / "bench" / "articles" / "floors").glob("*.json")))


class NoHistory(Exception):
    """The floors' history cannot be read: not a git checkout, or a shallow one."""


def floors(data: dict) -> dict[str, float]:
    return {metric: value for metric, value in data.items() if not metric.startswith("_")}


def read(path: str) -> dict:
    return json.loads((ROOT / path).read_text(encoding="utf-8"))


def corpus_problems(path: str) -> list[str]:
    """The gold corpus a floors file was set on must be the one in the repository, byte for byte."""
    corpus = read(path).get("_corpus") or {}
    if not corpus.get("path") or not corpus.get("sha256"):
        return [f"{path}: no _corpus with path and sha256: floors must name the gold they were set on"]
    file = ROOT / corpus["path"]
    if not file.is_file():
        return [f"{path}: its corpus {corpus['path']} is missing"]
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    if digest != corpus["sha256"]:
        return [f"{path}: {corpus['path']} has sha256 {digest}, not the {corpus['sha256']} its floors were set on. "
                "Score the changed gold (bench/run.py), review the floors, then record the new hash in _corpus."]
    return []


def unflagged_lowerings(versions: list[dict], current: dict) -> list[str]:
    """Each floor that went down from one version to the next without a matching, reviewed entry in
    ``current['_lowered']``; ``versions`` oldest first."""
    flagged = {(entry.get("metric"), entry.get("from"), entry.get("to")) for entry in current.get("_lowered", [])
               if entry.get("why") and entry.get("reviewed_by")}
    found = []
    for before, after in zip(versions, versions[1:]):
        old, new = floors(before), floors(after)
        for metric in sorted(old):
            lowered = metric not in new or new[metric] < old[metric]
            if lowered and (metric, old[metric], new.get(metric)) not in flagged:
                found.append(f"{metric}: {old[metric]} → {new.get(metric)} with no reviewed _lowered entry")
    return found


def history(path: str) -> list[dict]:
    """Every committed version of ``path``, oldest first, then the working copy."""
    if _git("rev-parse", "--is-inside-work-tree") != "true":
        raise NoHistory("not a git checkout")
    if _git("rev-parse", "--is-shallow-repository") == "true":
        raise NoHistory("a shallow clone: fetch the whole history (git fetch --unshallow)")
    commits = _git("log", "--format=%H", "--reverse", "--", path).split()
    return [json.loads(_git("show", f"{commit}:{path}")) for commit in commits] + [read(path)]


def _git(*args: str) -> str:
    try:
        shown = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise NoHistory(f"git {' '.join(args[:2])} failed: {getattr(exc, 'stderr', '') or exc}") from None
    return shown.stdout.strip()


def main() -> int:
    problems = []
    for path in FLOOR_FILES:
        problems += corpus_problems(path)
        try:
            problems += [f"{path}: {p}" for p in unflagged_lowerings(history(path), read(path))]
        except NoHistory as why:
            problems.append(f"{path}: the floors' history cannot be checked ({why})")
    print("\n".join(problems) or "the gate's bookkeeping is in order: corpora as pinned, no floor lowered unflagged")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
