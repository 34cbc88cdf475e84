"""Every entry point identifies a text's language the same way; a language sourcetrace does not
trace is refused with a message, never read with another language's rules."""
from __future__ import annotations

import pytest

from sourcetrace import Document, trace, trace_many, trace_text
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


def test_a_document_in_a_language_not_traced_is_refused_with_what_to_do():
    with pytest.raises(UnsupportedLanguage, match="traces en"):
        trace(Document(text="Plus de 300 soldats ont été évacués.", language="fr"))


def test_a_russian_document_is_traced_with_russian_rules():
    [figure] = trace(Document(text="Открыто 20 тысяч дел.", language="ru")).figures
    assert figure.value == 20000


def test_in_a_batch_only_the_foreign_document_fails():
    results = list(trace_many([Document(text="Plus de 300 soldats ont été évacués.", language="fr"),
                               Document(text="Prosecutors opened 9,800 desertion cases in 2024.")]))
    assert isinstance(results[0], UnsupportedLanguage) and results[1].figures[0].value == 9800


LONG_FRENCH = ("Le ministère de la Défense a déclaré mardi que plus de trois cents soldats avaient quitté "
               "leurs unités au cours du mois de mai, selon un communiqué publié dans la soirée par "
               "les autorités militaires de la région, qui ont également annoncé l'ouverture d'une enquête.")


def test_a_long_text_in_a_neighbouring_language_is_named_and_refused():
    assert detect_language(LONG_FRENCH) == "fr"
    with pytest.raises(UnsupportedLanguage, match="'fr'"):
        trace_text(LONG_FRENCH)


def test_the_library_identifies_the_language_when_none_is_given():
    document = Document(text="Prosecutors opened 9,800 desertion cases in 2024.")
    assert document.language is None
    assert trace(document).document.language == "en"


def test_a_sentence_in_another_language_is_not_read_with_the_documents_rules():
    text = ("The ministry said 300 soldiers deserted in May, according to a statement on Tuesday. "
            "Министерство сообщило, что в мае из частей ушли двадцать тысяч военнослужащих.")
    traced = trace_text(text, language="en", published="2025-06-03")
    assert [f.text for f in traced.figures] == ["300"]
    assert any("1 sentence(s) in ru" in w for w in traced.warnings)
