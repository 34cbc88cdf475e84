"""bench/run.py says where it is and leaves the tracked bench/RESULTS.md alone unless told."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # ``bench`` is a folder beside the package, not installed

from bench import results_file, run  # noqa: E402


def test_sections_replace_only_their_own_and_keep_their_place():
    head, sections = results_file.split("# title\n\nintro\n\n## A\n\none\n\n## B\n\ntwo\n\n## C\n\nthree\n")
    assert head.strip() == "# title\n\nintro" and sections == {"A": "one", "B": "two", "C": "three"}
    merged = results_file.join(head, {**sections, "B": "new two", "D": "four"})
    assert merged == "# title\n\nintro\n\n## A\n\none\n\n## B\n\nnew two\n\n## C\n\nthree\n\n## D\n\nfour\n"


def test_a_run_shows_progress_and_writes_a_copy_unless_told_to_update(tmp_path, monkeypatch, capsys):
    tracked, copy = tmp_path / "RESULTS.md", tmp_path / "out" / "RESULTS.md"
    tracked.write_text("# results\n\n## Scores on the development set\n\nold\n\n## Fuzzing\n\nkept\n", encoding="utf-8")
    monkeypatch.setattr(results_file, "TRACKED", tracked)
    monkeypatch.setattr(results_file, "COPY", copy)
    monkeypatch.setattr(run, "HERE", tmp_path)
    monkeypatch.setattr(run.tp, "throughput", lambda *a, **k: {"ratio_kb_per_s": 1.0})
    monkeypatch.setattr(run.sc, "score", lambda *a, **k: {})
    monkeypatch.setattr(run.ingest_bench, "run", lambda n: {})
    monkeypatch.setattr(run.estimator_bench, "table", lambda sizes, repeats: "")
    monkeypatch.setattr(run, "sections", lambda result: {"Scores on the development set": "new"})
    monkeypatch.setattr(run, "head", lambda result: "# results\n")
    monkeypatch.setattr(run.sc, "markdown_table", lambda result: "")

    run.main(["--estimator-sizes", "10"])
    assert "step 1/5" in capsys.readouterr().err
    assert "old" in tracked.read_text() and "new" in copy.read_text() and "kept" in copy.read_text()

    run.main(["--estimator-sizes", "10", "--update"])
    assert "new" in tracked.read_text() and "kept" in tracked.read_text()


def test_a_section_names_the_commit_that_last_changed_the_package():
    """Run from a bench-only commit (which a rebase may rename), a section still names a commit whose
    sourcetrace/ it measured; the pathspec is the repository's, wherever git is asked from."""
    import subprocess

    from bench import results_file

    def git(*args):
        return subprocess.run(["git", "-C", str(results_file.HERE.parent), *args], capture_output=True, text=True).stdout.strip()

    head, package = git("rev-parse", "--short", "HEAD"), git("log", "-1", "--format=%h", "--", "sourcetrace")
    if not head:
        return  # not a git checkout: nothing to name
    line = results_file.measured_on()
    assert f"with the code at commit {head}" in line
    assert (f"(sourcetrace/ as at {package})" in line) == (package != head)
