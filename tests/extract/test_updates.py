"""Updates and corrections (sourcetrace.extract.updates): the words that present a figure as its
origin's update or correction of an earlier one are kept on that figure (``Figure.update_span``),
in every language, so that the barometer may let it supersede the earlier figure (issue 8, part 1)."""
from __future__ import annotations

import pytest

from sourcetrace import trace_text


def marked(text: str) -> dict[str, str | None]:
    """Each figure's text → the words that mark it as an update, or None."""
    t = trace_text(text, published="2025-03-05")
    return {f.text: None if f.update_span is None else text[f.update_span[0]:f.update_span[1]] for f in t.figures}


@pytest.mark.parametrize("text, figure, cue", [
    ("TASS, citing Ukraine's Prosecutor General's Office, reported a revised figure of 5,310 desertion cases "
     "in January 2025.", "5,310", "revised"),
    ("Updated figures from the ministry show 5,310 desertion cases in January 2025.", "5,310", "Updated"),
    ("The office put desertion cases in January 2025 at 5,310, a correction of its earlier count.", "5,310",
     "correction"),
    ("Генпрокуратура Украины уточнила данные: в январе 2025 года открыто 5 310 дел о дезертирстве, сообщает ТАСС.",
     "5 310", "уточнила"),
    ("За уточненими даними Офісу генпрокурора, у січні 2025 року відкрито 5 310 справ про дезертирство.",
     "5 310", "уточненими"),
])
def test_an_update_or_correction_is_marked_on_its_figure_in_every_language(text, figure, cue):
    assert marked(text)[figure] == cue


def test_the_cue_marks_the_figure_after_it_not_the_old_one():
    found = marked("The ministry reported a revised figure of 5,310 desertion cases in January 2025, "
                   "against 5,120 reported in February.")
    assert found == {"5,310": "revised", "5,120": None}


def test_a_figure_with_no_such_words_is_not_marked():
    found = marked("TASS, citing Ukraine's Prosecutor General's Office, reported 5,310 desertion cases in "
                   "January 2025.")
    assert found == {"5,310": None}


def test_the_mark_round_trips_through_the_stored_trace():
    from sourcetrace.model.records import Trace

    t = trace_text("Updated figures from the ministry show 5,310 desertion cases in January 2025.",
                   published="2025-03-05")
    data = t.to_dict()
    assert data["figures"][0]["update_span"] == [0, 7]
    assert Trace.from_dict(data).figures[0].update_span == (0, 7)
