"""Components never spell a word or a parser label: languages are plug-ins (sourcetrace/lang/).

Every string literal in sourcetrace/extract/ that holds a letter must be vocabulary of the project
itself — a key of the language data, a value or field name of the trace schema, a kind, a period
kind or group of the grammar interface, a component or state field — never an English (or any)
word and never a label of a parser ('nsubj', 'NNS', 'PROPN'). Those live in lang/<code>/.
"""
from __future__ import annotations

import ast
import dataclasses
import json
import re
from pathlib import Path

from sourcetrace.extract.attribution import Parties
from sourcetrace.extract.standard import COMPONENTS
from sourcetrace.lang import AVAILABLE, DATA_FILES, load_language
from sourcetrace.lang import forms as lang_forms
from sourcetrace.model import records
from sourcetrace.pipeline.state import Claim, Sentence, TraceState

ROOT = Path(__file__).resolve().parent.parent / "sourcetrace"
EXTRACT = ROOT / "extract"
LETTERS = re.compile(r"[^\W\d_]{2,}")


def schema_vocabulary() -> set[str]:
    """Property names and enum values of the trace schema."""
    found: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            found.update(k for k in node.get("properties", {}))
            found.update(v for v in node.get("enum", []) if isinstance(v, str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads((ROOT / "model" / "schemas" / "trace-1.json").read_text(encoding="utf-8")))
    return found


def data_keys() -> set[str]:
    """The data files' names, their keys, and the keys of the records they list (indicator rules)."""
    keys = set(DATA_FILES)
    for path in (ROOT / "lang").rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        keys.update(data)
        for value in data.values():
            if isinstance(value, list):
                keys.update(k for item in value if isinstance(item, dict) for k in item)
    return keys


def grammar_vocabulary() -> set[str]:
    """Names of the patterns each grammar hands the components (keys of its Forms tables)."""
    names = set()
    for code in AVAILABLE:
        forms = load_language(code).forms
        for value in vars(forms).values():
            if isinstance(value, dict):
                names.update(value)
    return names


def pipeline_vocabulary() -> set[str]:
    names = {c.name for c in COMPONENTS} | {f for c in COMPONENTS for f in c.requires + c.assigns}
    for record in (TraceState, Sentence, Claim, Parties):
        names.update(f.name for f in dataclasses.fields(record))
    return names


VOCABULARY = (data_keys() | schema_vocabulary() | grammar_vocabulary() | pipeline_vocabulary()
              | set(records.ROLES + records.BOUNDS + records.RATES + records.UNITS + records.KINDS + records.WANTED_KINDS)
              | set(lang_forms.PERIOD_KINDS + lang_forms.PERIOD_GROUPS + lang_forms.TIME_UNITS + lang_forms.WHICH
                    + lang_forms.QUALIFIERS + lang_forms.RELATIVE))


def literals(path: Path):
    """(line, string) for every string constant that is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def spelled_words(path: Path) -> list[str]:
    return [f"{path.name}:{line}: {value!r}" for line, value in literals(path)
            if LETTERS.search(value) and value not in VOCABULARY]


def test_no_component_spells_a_word_or_a_label():
    found = [problem for path in sorted(EXTRACT.glob("*.py")) for problem in spelled_words(path)]
    assert found == [], "words or labels spelled in extract/ (move them to lang/<code>/):\n" + "\n".join(found)


def test_the_check_finds_a_word_and_a_label(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text('def f(t):\n    """A docstring may say anything."""\n'
                      '    return t.dep_ == "nsubj" or t.lower_ in ("the", "said")\n', encoding="utf-8")
    assert len(spelled_words(module)) == 3


def test_every_key_of_the_language_data_is_read():
    code = "\n".join(path.read_text(encoding="utf-8") for path in ROOT.rglob("*.py"))
    unread = []
    for path in sorted((ROOT / "lang").rglob("*.json")):
        for key in json.loads(path.read_text(encoding="utf-8")):
            if not key.startswith("_") and f'"{key}"' not in code and f"'{key}'" not in code:
                unread.append(f"{path.relative_to(ROOT)}: {key}")
    assert unread == [], "keys nothing reads:\n" + "\n".join(unread)


def test_every_language_has_every_key_and_form_english_has():
    """A key or form missing in one language is a KeyError in the middle of a trace."""
    english = load_language("en")
    missing = []
    for code in AVAILABLE:
        lang = load_language(code)
        for name in DATA_FILES:
            mine = {k for k in getattr(lang, name) if not k.startswith("_")}
            missing += [f"{code}/{name}.json: {k}" for k in getattr(english, name) if not k.startswith("_") and k not in mine]
        missing += [f"{code} grammar Forms: {attr}" for attr in vars(english.forms) if not hasattr(lang.forms, attr)]
    assert missing == [], "\n".join(missing)
