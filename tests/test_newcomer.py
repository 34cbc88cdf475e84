"""What a newcomer hit first (issue 9), each fixed and kept so. Items tested elsewhere are named:
`ingest .` passing over its own store and an ingest of nothing leaving no store
(tests/store/test_store_cli.py), `trace` reading a folder and a URL getting a hint (tests/test_cli.py),
bench/run.py's progress and its untracked output (tests/test_bench_run.py)."""
from __future__ import annotations

import contextlib
import io
import re
from datetime import date, datetime
from pathlib import Path

from click.testing import CliRunner

from sourcetrace import trace_text
from sourcetrace.cli.main import cli
from sourcetrace.model.records import Document

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_the_readme_s_library_examples_run_as_written(tmp_path, monkeypatch):
    """The first one used to raise on any figure without a period."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "r.txt").write_text("Officials said 40 men were detained.", encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert len(blocks) == 2
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        for block in blocks:
            exec(compile(block, "README.md", "exec"), {})
    lines = printed.getvalue().splitlines()
    assert lines[0] == "300 2025-05-01 [('TASS', 'relay'), ('source in the ministry', 'origin')]"
    assert lines[-1].startswith("1 new, 0 already in the store")


def test_published_may_be_a_date_or_a_datetime():
    assert Document(text="x", published=date(2025, 6, 2)).published == "2025-06-02"
    assert Document(text="x", published=datetime(2025, 6, 2, 23, 0)).published == "2025-06-02"
    [figure] = trace_text("300 soldiers deserted last month.", published=date(2025, 6, 2)).figures
    assert figure.period.start == "2025-05-01"


def test_language_can_be_given_for_a_text_file(tmp_path):
    path = tmp_path / "report.txt"
    french = ("Le ministère de l'Intérieur a indiqué jeudi soir que trois cents personnes avaient été "
              "évacuées de la vallée inondée, selon un communiqué publié par la préfecture de la région, "
              "qui a également annoncé l'ouverture de deux centres d'accueil pour les familles sinistrées.")
    path.write_text(french, encoding="utf-8")  # read as French, which sourcetrace does not trace
    refused = CliRunner().invoke(cli, ["trace", str(path)])
    assert refused.exit_code == 1 and "[E102]" in refused.stderr
    traced = CliRunner().invoke(cli, ["trace", str(path), "--language", "en", "--format", "jsonl"])
    assert traced.exit_code == 0 and '"language": "en"' in traced.stdout
    wrong = CliRunner().invoke(cli, ["trace", str(path), "--language", "English"])
    assert wrong.exit_code == 2 and "[E041]" in wrong.stderr
