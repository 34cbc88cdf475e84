"""The syntax questions on Universal Dependencies labels (lang/ud.py), on a sentence parsed by hand
the way a UD parser parses it, so the answers are tested without any model."""
from __future__ import annotations

import pytest
import spacy

from sourcetrace.lang.ud import UDSyntax, ud_doc

# «По данным МВД, в мае полицией задержаны 40 человек, сообщил ТАСС источник в ведомстве.»
ROWS = [
    # word, space after, head, relation, part of speech, lemma, features
    ("По", True, 2, "case", "ADP", "по", ""),
    ("данным", True, 8, "obl", "NOUN", "данные", "Case=Dat|Number=Plur"),
    ("МВД", False, 2, "nmod", "PROPN", "мвд", "Case=Gen|Number=Sing"),
    (",", True, 2, "punct", "PUNCT", ",", ""),
    ("в", True, 6, "case", "ADP", "в", ""),
    ("мае", True, 8, "obl", "NOUN", "май", "Case=Loc|Number=Sing"),
    ("полицией", True, 8, "obl", "NOUN", "полиция", "Case=Ins|Number=Sing"),
    ("задержаны", True, 0, "root", "VERB", "задержать",
     "Aspect=Perf|Number=Plur|Tense=Past|Variant=Short|VerbForm=Part|Voice=Pass"),
    ("40", True, 10, "nummod:gov", "NUM", "40", ""),
    ("человек", False, 8, "nsubj:pass", "NOUN", "человек", "Case=Gen|Number=Plur"),
    (",", True, 12, "punct", "PUNCT", ",", ""),
    ("сообщил", True, 8, "parataxis", "VERB", "сообщить", "Number=Sing|Tense=Past|VerbForm=Fin"),
    ("ТАСС", True, 12, "iobj", "PROPN", "тасс", "Case=Dat|Number=Sing"),
    ("источник", True, 12, "nsubj", "NOUN", "источник", "Case=Nom|Number=Sing"),
    ("в", True, 16, "case", "ADP", "в", ""),
    ("ведомстве", False, 14, "nmod", "NOUN", "ведомство", "Case=Loc|Number=Sing"),
    (".", False, 8, "punct", "PUNCT", ".", ""),
]


@pytest.fixture(scope="module")
def doc():
    words, spaces, heads, deps, pos, lemmas, morphs = zip(*ROWS)
    # heads above count from 1 with 0 for the root, as CoNLL-U does; ud_doc takes 0-based indices.
    heads = [h - 1 if h else i for i, h in enumerate(heads)]
    return ud_doc(spacy.blank("xx").vocab, list(words), list(spaces), heads, list(deps),
                  list(pos), list(lemmas), list(morphs))


S = UDSyntax()


def at(doc, word, n=0):
    return [t for t in doc if t.text == word][n]


def test_the_doc_keeps_the_text_and_offsets(doc):
    assert doc.text.startswith("По данным МВД, в мае")
    assert at(doc, "МВД").idx == doc.text.index("МВД")


def test_subject_after_the_verb_and_a_dative_hearer(doc):
    said = at(doc, "сообщил")
    assert [t.text for t in S.subjects(said)] == ["источник"]
    assert [t.text for t in S.hearers(said)] == ["ТАСС"]
    assert S.objects(said) == []


def test_passive_subject_and_instrumental_agent(doc):
    held = at(doc, "задержаны")
    assert S.is_root(held) and S.is_main_clause(held) and S.is_past(held)
    assert S.subjects(held) == [] and [t.text for t in S.subjects(held, passive=True)] == ["человек"]
    assert S.agent(held).text == "полицией"
    assert S.agent(at(doc, "сообщил")) is None  # an active verb has no agent


def test_genitive_owner_is_the_possessor(doc):
    data = at(doc, "данным")
    assert [t.text for t in S.possessives(data)] == ["МВД"]
    assert [t.text for t in S.compounds(data)] == ["МВД"]
    assert S.possessives(at(doc, "источник")) == []  # "в ведомстве" has a preposition


def test_prepositions_are_case_markers_of_their_object(doc):
    po = at(doc, "По")
    assert S.is_preposition(po) and S.prepositional_object(po).text == "данным"
    assert S.is_prepositional_object(at(doc, "данным")) and not S.is_prepositional_object(at(doc, "МВД"))
    source = at(doc, "источник")
    assert [(p.text, o.text) for p, o in S.prepositions(source)] == [("в", "ведомстве")]


def test_numbers_and_plurals(doc):
    people = at(doc, "человек")
    assert [t.text for t in S.numeric_modifiers(people)] == ["40"]
    assert S.is_noun_modifier(at(doc, "40")) and S.is_plural_common(people) and S.is_plural(people)
    assert S.is_singular_noun(at(doc, "источник")) and not S.is_plural(at(doc, "источник"))
    assert S.is_subject(at(doc, "источник")) and S.is_argument(at(doc, "ТАСС"))
    assert not S.is_possessive_marker(at(doc, "МВД"))


def parsed(rows):
    words, spaces, heads, deps, pos, lemmas, morphs = zip(*rows)
    heads = [h - 1 if h else i for i, h in enumerate(heads)]
    return ud_doc(spacy.blank("xx").vocab, list(words), list(spaces), heads, list(deps), list(pos),
                  list(lemmas), list(morphs))


def test_the_place_of_a_verb_without_subject_names_the_speaker():
    # «В мае сообщили в ведомстве 3 тыс. дел» (shape only: a subjectless verb, a time and a place)
    doc = parsed([
        ("В", True, 2, "case", "ADP", "в", ""),
        ("мае", True, 3, "obl", "NOUN", "май", "Case=Loc|Number=Sing"),
        ("сообщили", True, 0, "root", "VERB", "сообщить", "Number=Plur|Tense=Past"),
        ("в", True, 5, "case", "ADP", "в", ""),
        ("ведомстве", True, 3, "obl", "NOUN", "ведомство", "Case=Loc|Number=Sing"),
        ("3", True, 7, "nummod", "NUM", "3", ""),
        ("тыс.", True, 3, "obj", "NOUN", "тысяча", "Case=Acc|Number=Plur"),
        ("дел", False, 7, "nmod", "NOUN", "дело", "Case=Gen|Number=Plur"),
    ])
    said = doc[2]
    from sourcetrace.lang.ru.grammar import RussianSyntax

    assert RussianSyntax().place_speaker(said).text == "ведомстве"  # not the month: a time, no speaker
    assert UDSyntax().place_speaker(said) is None  # a language opts in to the construction
    assert S.quantified(doc[6]).text == "дел" and S.quantified(doc[5]) is None


def test_the_object_of_a_cue_of_several_words(doc):
    po, data = at(doc, "По"), at(doc, "данным")
    assert S.cue_object(po, data).text == "данным"  # the report noun; its owner is found after
    from sourcetrace.lang.ru.grammar import RussianSyntax

    assert RussianSyntax().place_speaker(at(doc, "сообщил")) is None  # it has a subject


def test_a_parse_with_a_cycle_becomes_a_tree_that_can_be_walked():
    """Found on a whole article: a head cycle made token.subtree run forever, and then overflow the
    stack (a segfault that lost the whole scoring run)."""
    from spacy.vocab import Vocab

    from sourcetrace.lang.ud import acyclic, ud_doc

    heads = [1, 2, 1, 3]  # 1 -> 2 -> 1: a cycle; 3 is a root
    assert acyclic(heads) == [1, 1, 1, 3]  # walking from token 0, the cycle closes at token 1
    words = ["по", "данным", "ведомства", "."]
    doc = ud_doc(Vocab(), words, [True, True, False, False], heads, ["case", "obl", "nmod", "punct"],
                 ["ADP", "NOUN", "NOUN", "PUNCT"], words, ["", "", "", ""])
    assert all(len(list(token.subtree)) <= len(doc) for token in doc)
