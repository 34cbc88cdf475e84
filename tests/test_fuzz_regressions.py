"""Every defect the fuzz campaigns found (issue 9), each pinned by an input that showed it.

Readers: a bad input is a numbered problem for that input alone, never an exception. Extraction
defects the lead fixes in extract/ are marked xfail(strict=True): they fail today, and the marker
must go when they pass.
"""
from __future__ import annotations

import cProfile
import encodings.aliases
import json
import pstats
import sqlite3

import pytest

from sourcetrace import batch, trace_text
from sourcetrace.errors import InputError
from sourcetrace.ingest import Inputs, InputProblem, read_inputs
from sourcetrace.ingest import decode as decoding
from sourcetrace.model.records import Document

def read(tmp_path, name: str, data: bytes) -> list:
    path = tmp_path / name
    path.write_bytes(data)
    return list(read_inputs([str(path)]))


# --- JSON lines --------------------------------------------------------------------------------

def test_a_line_nested_a_hundred_thousand_deep_is_a_problem_for_that_line(tmp_path):
    deep = b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"
    first, second = read(tmp_path, "feed.jsonl", deep + b'{"text": "Next."}\n')
    assert first.problem.startswith("[E027]") and second.text == "Next."


def test_a_number_too_long_for_python_is_a_problem_for_that_line(tmp_path):
    line = b'{"text": "300 soldiers deserted.", "id": ' + b"1" * 4301 + b"}\n"
    first, second = read(tmp_path, "feed.jsonl", line + b'{"text": "Next."}\n')
    assert first.problem.startswith("[E020]") and "4300 digits" in first.problem and second.text == "Next."


def test_an_escaped_lone_surrogate_becomes_one_replacement_character(tmp_path):
    [document] = read(tmp_path, "feed.jsonl", b'{"text": "TASS said 300 \\ud800soldiers deserted.", '
                                              b'"title": "\\udfff"}\n')
    assert document.text == "TASS said 300 \ufffdsoldiers deserted." and document.title == "\ufffd"
    trace = trace_text(document.text)  # it used to fail in the parser as "a bug in sourcetrace"
    assert [figure.text for figure in trace.figures] == ["300"]


def test_a_lone_surrogate_a_library_user_gives_keeps_every_offset_and_can_be_stored(tmp_path):
    from sourcetrace.store import Store

    document = Document(text="Kyiv: \ud800 300 soldiers deserted.", outlet="\udc00TASS")
    assert document.text == "Kyiv: \ufffd 300 soldiers deserted." and document.outlet == "\ufffdTASS"
    with Store.open(tmp_path / "s.db") as store:
        report = batch.run([document], store)
    assert report.new == 1 and report.failed == 0


def test_a_text_that_is_only_a_byte_order_mark_is_empty(tmp_path):
    """Found by the campaign (1 in 100,000 JSON lines): '\ufeff' passed the emptiness check, then
    became '' when the mark was dropped, and an empty document went on to the tracer."""
    first, second = read(tmp_path, "feed.jsonl", b'{"text": "\\ufeff"}\n{"text": "Next."}\n')
    assert first.problem.startswith("[E023]") and second.text == "Next."


# --- decoding and HTML -------------------------------------------------------------------------

CODECS = sorted(set(encodings.aliases.aliases.values()) | {"idna", "punycode", "utf_7", "unicode_escape"})
NOT_UTF8 = [b"\xff abc", b"abc..def \xfe", b"\\x\xff\\N{", b"+\xff-", b"\xff\xfe\x00", b"a\x81b\x8dc\x90", b"\xed\xa0\x80"]


@pytest.mark.parametrize("declared", CODECS)
def test_any_declared_charset_decodes_or_is_refused_with_a_number(declared):
    for data in NOT_UTF8:
        try:
            text, _ = decoding.decode(data, declared)
        except InputError as problem:
            assert str(problem).startswith(("[E007]", "[E008]"))
        else:
            assert isinstance(text, str)


def test_a_guessed_encoding_that_cannot_decode_the_whole_input_is_refused(monkeypatch):
    # cp1252 has no 0x81: a guess made on part of the bytes used to raise UnicodeDecodeError.
    monkeypatch.setattr(decoding, "guess_encoding", lambda data: "cp1252")
    with pytest.raises(InputError, match=r"\[E008\]"):
        decoding.decode("Déserteurs à Kharkiv".encode("cp1252") + b"\x81")


def test_nul_and_control_characters_never_reach_lxml(tmp_path):
    page = "<html><body><p>300 \x00soldiers\x01 deserted\x0b in May.</p></body></html>"
    [document] = read(tmp_path, "page.html", b"\xff\xfe" + page.encode("utf-16-le"))  # a BOM lets NULs through
    assert "300" in document.text and not any(c in document.text for c in "\x00\x01\x0b")


def test_a_reader_that_breaks_costs_its_input_not_the_run(tmp_path, monkeypatch):
    from sourcetrace.ingest import text as text_reader

    def broken(source):
        raise KeyError("a bug")
        yield  # pragma: no cover

    monkeypatch.setattr(text_reader, "read", broken)
    (tmp_path / "a.txt").write_text("Report A.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "Report B."}\n', encoding="utf-8")
    first, second = list(Inputs([tmp_path / "a.txt", tmp_path / "b.jsonl"]))
    assert isinstance(first, InputProblem) and first.failed and first.problem.startswith("[E010]")
    assert second.text == "Report B."


# --- extraction (the lead's) -------------------------------------------------------------------

def calls_to_trace(text: str) -> int:
    """Function calls made tracing ``text``: a count, not a time, so the test is the same on any machine."""
    profile = cProfile.Profile()
    profile.runcall(trace_text, text)
    return pstats.Stats(profile).total_calls


def test_a_run_of_numbers_is_traced_in_time_that_grows_with_its_length():
    """18 KB of '1,000 1,000 …' took 35 s: each number looked at every token of the document."""
    trace_text("warm up: 5 soldiers.")
    small, large = calls_to_trace("1,000 " * 150), calls_to_trace("1,000 " * 300)
    assert large / small < 3  # linear work doubles; quadratic work quadruples


def test_a_long_sentence_of_numbers_and_dates_is_traced_in_time_that_grows_with_its_length():
    """Found by the fuzz campaign at cadf2c7: extract/figures.py _period_for looked at every period of the
    clause for each number, and at every number again for a period after a list break, so trace_text inputs
    3133 (57 KB of Russian) and 3404 (85 KB of English) took over 50 s of processor time each. Mended by
    the lead's fe15873 (a period in the figure's own entry of a list); now 10.5 s and 9.0 s; and made
    linear by the lead after that (clause ends and list breaks found once a sentence, the few nearest
    periods looked at, list checks by bisection)."""
    trace_text("warm up: 5 soldiers.")
    unit = "300 soldiers deserted in February 2024, "
    small, large = calls_to_trace(unit * 40), calls_to_trace(unit * 80)
    assert large / small < 3  # linear work doubles; quadratic work quadruples (it was 3.6)


PUBLISHED_AT_THE_START = ["Between May 32 and June, 300 soldiers deserted.", "In December 300 soldiers deserted.",
                          "300 soldiers deserted this year.", "300 soldiers deserted last month.",
                          "300 soldiers deserted in the past 24 months."]


@pytest.mark.parametrize("text", PUBLISHED_AT_THE_START)
def test_a_date_that_would_fall_before_year_1_does_not_break_figures(text):
    trace_text(text, published="0001-01-01")


@pytest.mark.parametrize("text", PUBLISHED_AT_THE_START + ["Next year 300 soldiers will desert."])
def test_a_date_at_the_calendar_s_end_does_not_break_figures(text):
    trace_text(text, published="9999-12-31")


def test_a_scope_s_span_slices_the_scope_it_names():
    """Found by the fuzz campaign: the scope is normalised ('Russia') while its span covers 'Russian'."""
    text = "According to the Russian human rights group, 19,843 people deserted."
    [figure] = trace_text(text).figures
    start, end = figure.scope_span
    assert text[start:end] == figure.scope


# Found by the campaign once its inputs were Russian and Ukrainian too (lang/ru, lang/uk).
@pytest.mark.parametrize("text", ["По данным МВД, 9 марта задержаны 300 человек.",
                                  "С 3 по 9 марта задержаны 300 человек, сообщил ТАСС.",
                                  "В апреле—июне дезертировали 300 военных."])
def test_a_russian_period_s_span_slices_its_text(text):
    """The period's span takes in the space after it ('9 марта ' for '9 марта')."""
    [figure] = trace_text(text, published="2026-03-14").figures
    start, end = figure.period.span
    assert text[start:end] == figure.period.text


@pytest.mark.parametrize("text", ["За даними  Міненерго, 300 людей евакуювали.",
                                  "Джерело в  Коордштабі розповіло, що загинули 300 людей."])
def test_a_ukrainian_name_after_a_run_of_spaces_is_where_its_span_says(text):
    """Two spaces (or a tab and a space) before or inside a name: its span is shifted by one, or as
    long as the name with its spaces collapsed."""
    [figure] = trace_text(text).figures
    assert [text[slice(*link.span)] for link in figure.attribution] == [link.name for link in figure.attribution]


@pytest.mark.parametrize("text", ["За четыре месяцы обратились 300 человек.",
                                  "За четыре месяцаслужащих обратились 300 человек."])
def test_a_russian_unit_word_the_data_does_not_list_does_not_break_figures(text):
    """KeyError in periods._unit: a word the pattern takes as 'месяц…' that time.json's unit_words lacks."""
    trace_text(text, published="2025-05-10")


@pytest.mark.parametrize("text", ["1" * 4301 + " soldiers deserted.", "1" + ",000" * 1500 + " soldiers",
                                  "about " + "9" * 4400 + " soldiers deserted, TASS said."])
def test_numbers_longer_than_python_reads_as_int_do_not_break_tracing(text):
    trace_text(text)


def test_a_stored_trace_of_a_fuzzed_text_is_whole(tmp_path):
    """What the campaign stores is checked the way the kill -9 campaign checks it."""
    from sourcetrace.store import Store

    with Store.open(tmp_path / "s.db") as store:
        batch.run([Document(text="TASS: \ud800 1,000 soldiers deserted in May, a source said.")], store)
    with sqlite3.connect(tmp_path / "s.db") as connection:
        [trace] = [json.loads(row[0]) for row in connection.execute("SELECT trace FROM traces")]
        figures = connection.execute("SELECT count(*) FROM figures").fetchone()[0]
    assert len(trace["figures"]) == figures


def test_a_russian_sentence_longer_than_any_report_is_parsed_in_windows():
    """slovnet's syntax decoder takes time growing with the square of a sentence's length: a fuzzed
    40 KB Russian sentence took 10 s. Past WINDOW tokens it is parsed in windows, each its own tree."""
    from sourcetrace.lang.ru.parser import WINDOW, RussianParser
    doc = RussianParser()("300 военных дезертировали в феврале 2024 года, " * 120)
    words = [t for t in doc if not t.is_space]
    roots = [t for t in words if t.head.i == t.i]
    assert len(words) > 3 * WINDOW
    assert len(roots) >= -(-len(words) // WINDOW)  # at least one root a window


def test_a_sentence_of_repeated_figures_and_dates_with_no_break_grows_with_its_length():
    """Found by the trace_text campaign at f48623f (input 62411, 88 KB with no punctuation: 1,596
    figures in one list entry): each figure looked at every period of its entry, and every pair of
    figures was compared for a disagreement, 41 s of processor time. Now the nearest periods of the
    entry only, and figures alike compared once as a class."""
    trace_text("warm up: 5 soldiers.")
    unit = "about 20,000 cases of desertion per month in the first half of 2024 TASS more than 5,000 cases in 2024 "
    small, large = calls_to_trace(unit * 100), calls_to_trace(unit * 200)
    assert large / small < 2.8  # it was 3.14 before the mend, 2.35 after (linear work doubles)
