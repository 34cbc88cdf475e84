"""The fuzz harness, briefly, on every reader and on trace_text: the same inputs and judgement as
bench/fuzz.py (100,000+ inputs a target), a few dozen derandomized examples each so that CI gives
the same answer every run. Hypothesis mixes raw bytes with the campaign's mutated reports."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # ``bench`` is a folder beside the package, not installed

from bench import fuzzcases  # noqa: E402

READERS = [target for target in fuzzcases.TARGETS if target != "trace_text"]
BRIEF = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("target", READERS)
@BRIEF
@given(data=st.data())
def test_a_reader_never_raises_and_hands_on_only_text_spans_can_index(target, data):
    raw = data.draw(st.one_of(st.binary(max_size=3000),
                              st.builds(fuzzcases.case, st.just(target), st.integers(0, 10**9))))
    assert fuzzcases.judge(target, raw)[0] == "ok", fuzzcases.judge(target, raw)


@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10**9))
def test_trace_text_never_breaks_and_every_span_slices_the_text(number):
    text, published = fuzzcases.case("trace_text", number)
    outcome = fuzzcases.judge("trace_text", (text[:5000], published))  # the long ones are bench/fuzz.py's
    # Faults already pinned as xfail in tests/test_fuzz_regressions.py (the lead's) do not fail CI twice.
    assert outcome[0] == "ok" or fuzzcases.known(outcome[1]), outcome


def test_the_judge_catches_what_it_is_for(monkeypatch):
    assert fuzzcases.judge("jsonl", b'{"text": "ok"}\n')[0] == "ok"
    assert fuzzcases.judge("trace_text", ("TASS said 300 soldiers deserted.", "2025-05-10"))[0] == "ok"
    # A component that breaks (as 'figures' did on dates before year 1, now fixed) is a crash.
    from sourcetrace.extract import periods

    def broken(*args, **kwargs):
        raise ValueError("year 0 is out of range")

    monkeypatch.setattr(periods, "find_periods", broken)
    monkeypatch.setattr("sourcetrace.extract.figures.find_periods", broken)
    bad = fuzzcases.judge("trace_text", ("300 soldiers deserted last month.", "2025-05-10"))
    assert bad[0] == "crash" and "[E100]" in bad[1]


@pytest.mark.parametrize("number", [172, 2399])
def test_a_speaker_dropped_inside_a_dateline_leaves_no_verb_behind(number):
    """Inputs of the campaign at e0988de: 'KYIV (Reuters) - ... said ...' whose speaker, inside the
    dateline, was dropped while its reporting verb stayed, so the later clauses looked for it."""
    outcome = fuzzcases.judge("trace_text", fuzzcases.case("trace_text", number, seed=1))
    assert outcome[0] == "ok", outcome


@pytest.mark.parametrize("number", [55754, 88165])
def test_a_run_of_repeated_names_and_titles_does_not_recurse_without_end(number):
    """Inputs 55754 (a crash) and 88165 (a hang: 109 s on 673 bytes) of the campaign at f48623f:
    'Oleh Shevchuk, acting head of the year, Oleh Shevchuk, acting head of ...' — the body a person
    speaks for was read as a person who speaks for a body."""
    outcome = fuzzcases.judge("trace_text", fuzzcases.case("trace_text", number, seed=1))
    assert outcome[0] == "ok", outcome


def test_a_currency_of_two_words_with_tabs_between_them_is_read():
    """Input 79136 of the campaign at f48623f: 'доларів\\t\\t\\t США' matched the currency pattern,
    whose white space is any white space, and was looked up as written."""
    from sourcetrace import trace_text

    trace = trace_text("Вилучено 180 тис. доларів\t\t\t США готівкою.", language="uk", published="2025-10-17")
    assert [f.unit for f in trace.figures] == ["USD"]
    outcome = fuzzcases.judge("trace_text", fuzzcases.case("trace_text", 79136, seed=1))
    assert outcome[0] == "ok", outcome
