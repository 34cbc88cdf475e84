"""Texts in a language sourcetrace has no data for are refused with a message, not traced wrongly."""
from __future__ import annotations

import pytest

from sourcetrace import Document, trace, trace_many
from sourcetrace.errors import UnsupportedLanguage
from sourcetrace.lang.detect import detect_language


@pytest.mark.parametrize("text, language", [
    ("The ministry said 1,240 soldiers were detained.", "en"),
    ("Генпрокуратура сообщила, что открыто 20 тысяч дел о дезертирстве.", "ru"),
    ("Офіс генпрокурора повідомив, що відкрито 20 тисяч справ про дезертирство.", "uk"),
    ("TASS (ТАСС) reported that 300 soldiers deserted in May.", "en"),
    ("", "en"),
])
def test_the_script_tells_the_language(text, language):
    assert detect_language(text) == language


def test_a_russian_document_is_refused_with_what_to_do():
    with pytest.raises(UnsupportedLanguage, match="language data"):
        trace(Document(text="Открыто 20 тысяч дел.", language="ru"))


def test_in_a_batch_only_the_foreign_document_fails():
    results = list(trace_many([Document(text="Открыто 20 тысяч дел.", language="ru"),
                               Document(text="Prosecutors opened 9,800 desertion cases in 2024.")]))
    assert isinstance(results[0], UnsupportedLanguage) and results[1].figures[0].value == 9800
