"""The one table of messages: every number unique, in its area's range, documented, and used by
the command line for everything it reports as a problem."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcetrace import errors
from sourcetrace.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sourcetrace"
CODE = re.compile(r"[EW]\d{3}")


def table_entries() -> list[tuple[str, str]]:
    """(class, code) for every assignment in the message classes, read from the source: a class body
    may assign one name twice without Python complaining, and the second silently wins."""
    tree = ast.parse((PACKAGE / "errors.py").read_text(encoding="utf-8"))
    return [(node.name, target.id) for node in tree.body if isinstance(node, ast.ClassDef)
            and node.name in ("Errors", "Warnings") for statement in node.body
            if isinstance(statement, ast.Assign) for target in statement.targets]


def area_of(code: str) -> str | None:
    found = [area for first, last, area in errors.AREAS if first[0] == code[0] and first <= code <= last]
    return found[0] if len(found) == 1 else None


def test_every_number_is_unique():
    codes = [code for _, code in table_entries()]
    assert codes and sorted({c for c in codes if codes.count(c) > 1}) == []


def test_every_number_is_well_formed_and_in_one_area():
    for cls, code in table_entries():
        assert CODE.fullmatch(code), code
        assert code[0] == cls[0], f"{code} sits in {cls}"
        assert area_of(code) is not None, f"{code} is in no area of errors.AREAS"


def test_the_areas_do_not_overlap():
    spans = sorted((first, last) for first, last, _ in errors.AREAS)
    assert all(last < next_first for (_, last), (next_first, _) in zip(spans, spans[1:]))


def test_every_number_is_documented_and_nothing_else_is():
    documented = set(re.findall(r"^### ([EW]\d{3})$", (ROOT / "docs" / "errors.md").read_text(encoding="utf-8"), re.M))
    assert documented == {code for _, code in table_entries()}


def test_numbers_read_with_their_code():
    assert errors.Errors.E001.startswith("[E001] ") and errors.Warnings.W001.startswith("[W001] ")


def test_no_other_module_keeps_a_table_of_its_own():
    """A second table is how E300 came to mean two things: nothing outside errors.py may define a
    numbered message or spell a number in a string (docstrings, which show examples, aside)."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path != PACKAGE / "errors.py":
            offenders += [f"{path.relative_to(ROOT)}:{line}" for line in numbered_messages(path)]
    assert offenders == []


def numbered_messages(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found += [node.lineno] if re.search(r"\[[EW]\d{3}\]", node.value) else []
        elif isinstance(node, ast.Name) and CODE.fullmatch(node.id) and isinstance(node.ctx, ast.Store):
            found.append(node.lineno)
        elif isinstance(node, ast.Name) and node.id == "_Numbered":
            found.append(node.lineno)
    return found


# --- the command line reports every problem with a number -------------------------------------

def problem_lines(stderr: str) -> list[str]:
    """The lines that report something: 'sourcetrace: ...' and click's 'Error: ...'; not the usage
    lines click prints above an error, nor the continuation of a multi-line message."""
    return [line for line in stderr.splitlines() if line.startswith(("sourcetrace: ", "Error: "))]


CASES = {
    "missing file": ["trace", "{tmp}/missing.txt"],
    "empty file": ["trace", "{tmp}/empty.txt"],
    "unwritable output": ["trace", "{tmp}/a.txt", "-o", "{tmp}/no/such/dir/out.txt"],
    "bad size": ["trace", "{tmp}/a.txt", "--max-bytes", "lots"],
    "bad date": ["trace", "{tmp}/a.txt", "--published", "03/05/2025"],
    "json of two": ["trace", "{tmp}/a.txt", "{tmp}/a.txt", "--format", "json"],
    "no store": ["query", "--db", "{tmp}/none.db"],
    "bad month": ["query", "--db", "{tmp}/none.db", "--from", "2024-13"],
    "barometer month": ["barometer", "mil.desertion_cases", "--db", "{tmp}/none.db", "--from", "May"],
    "reversed months": ["barometer", "mil.desertion_cases", "--db", "{tmp}/none.db", "--from", "2024-05",
                        "--to", "2024-01"],
    "unknown indicator": ["barometer", "no.such_thing", "--db", "{tmp}/none.db"],
    "no claim": ["check", ""],
    "no source": ["sources", "--search", "zzzzzz-nothing"],
    "broken registry": ["indicators", "--registry", "{tmp}/broken.json"],
    # What click finds itself while parsing (E603).
    "unknown command": ["frobnicate"],
    "unknown option": ["trace", "{tmp}/a.txt", "--nope"],
    "unknown option before the command": ["--nope", "trace"],
    "missing argument": ["barometer"],
    "format not offered": ["trace", "{tmp}/a.txt", "--format", "xml"],
    "not an integer": ["serve", "--port", "abc"],
    "no such schema": ["schema", "nosuch"],
}


@pytest.mark.parametrize("args", CASES.values(), ids=CASES.keys())
def test_each_problem_the_cli_reports_is_numbered(tmp_path, args):
    (tmp_path / "a.txt").write_text("A report.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(cli, [arg.format(tmp=tmp_path) for arg in args])
    lines = problem_lines(result.stderr)
    assert result.exit_code != 0 and lines, result.output
    assert [line for line in lines if not CODE.search(line)] == []


def test_a_usage_error_click_finds_is_numbered_once_and_exits_2(tmp_path):
    (tmp_path / "a.txt").write_text("A report.", encoding="utf-8")
    ours = CliRunner().invoke(cli, ["trace", str(tmp_path / "a.txt"), "--published", "03/05/2025"])
    clicks = CliRunner().invoke(cli, ["trace", str(tmp_path / "a.txt"), "--format", "xml"])
    assert [CODE.findall(line) for line in problem_lines(ours.stderr)] == [["E040"]]
    assert [CODE.findall(line) for line in problem_lines(clicks.stderr)] == [["E603"]]
    assert ours.exit_code == clicks.exit_code == 2

