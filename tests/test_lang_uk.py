"""Ukrainian traced natively: the rule-based parser, number and date forms, datelines, chains.

Every text here was written for these tests; the numbers are invented.
"""
from __future__ import annotations

import pytest

from sourcetrace.api import trace_text
from sourcetrace.extract.numbers import find_numbers
from sourcetrace.extract.periods import find_periods
from sourcetrace.lang import AVAILABLE, load_language
from sourcetrace.lang.uk.grammar import verb_forms
from datetime import date


@pytest.fixture(scope="module")
def uk():
    return load_language("uk")


@pytest.fixture(scope="module")
def nlp(uk):
    return uk.load_parser()


def test_ukrainian_is_available():
    assert "uk" in AVAILABLE


def test_doc_text_is_the_sentence_and_offsets_index_it(nlp):
    text = "За даними поліції, у Сумській області затримали 1 250 осіб — на 12,5% більше, ніж торік."
    doc = nlp(text)
    assert doc.text == text
    assert all(text[t.idx: t.idx + len(t.text)] == t.text for t in doc)
    assert "1 250" in [t.text for t in doc] and "12,5" in [t.text for t in doc]
    assert sum(1 for t in doc if t.dep_ == "ROOT") == 1


def test_pipe_gives_one_doc_per_text(nlp):
    docs = list(nlp.pipe(["Перше речення.", "Друге, довше речення з 5 словами."]))
    assert [d.text for d in docs] == ["Перше речення.", "Друге, довше речення з 5 словами."]


def test_reporting_verb_its_subject_after_it_and_the_name_in_apposition(nlp, uk):
    doc = nlp("Про це повідомив голова Полтавської обласної ради Андрій Коваль у понеділок.")
    verb = next(t for t in doc if t.text == "повідомив")
    assert verb.lemma_ == "повідомити" and uk.syntax.is_verb(verb)
    subject = uk.syntax.subjects(verb)
    assert [s.text for s in subject] == ["голова"]
    assert [a.text for a in uk.syntax.appositions(subject[0])] == ["Коваль"]


def test_genitive_owner_is_a_possessive(nlp, uk):
    doc = nlp("За даними Державної прикордонної служби, кордон перетнули 700 людей.")
    data = next(t for t in doc if t.text == "даними")
    assert [t.text for t in uk.syntax.possessives(data)] == ["служби"]
    za = doc[0]
    assert uk.syntax.is_preposition(za) and uk.syntax.prepositional_object(za).text == "даними"


def test_number_counts_its_noun(nlp, uk):
    doc = nlp("Рятувальники евакуювали 317 мешканців.")
    number = next(t for t in doc if t.text == "317")
    assert uk.syntax.is_noun_modifier(number) and number.head.text == "мешканців"


def test_verb_forms_inflect_an_infinitive():
    assert {"повідомив", "повідомила", "повідомили", "повідомлено"} <= verb_forms("повідомити")
    assert {"зафіксували", "зафіксовано", "фіксує"} <= verb_forms("зафіксувати") | verb_forms("фіксувати")


@pytest.mark.parametrize("text, value, low, high, bound, unit", [
    ("понад 1,1 тис. ударів", 1100, 1100, None, "lower", "count"),
    ("близько 29,8 тис. осіб", 29800, None, None, "approximate", "count"),
    ("зареєстрували 9\u00a0847 проваджень", 9847, None, None, "exact", "count"),
    ("майже 4,6 млн переселенців", 4600000, None, 4600000, "upper", "count"),
    ("щонайменше 12 млн грн", 12000000, 12000000, None, "lower", "UAH"),
    ("у 243.618 випадках", 243618, None, None, "exact", "count"),
    ("близько 30% засуджених", 30, None, None, "approximate", "percent"),
    ("загинули п'ятеро людей", 5, None, None, "exact", "count"),
])
def test_numbers(uk, text, value, low, high, bound, unit):
    found = find_numbers(text, uk)
    assert len(found) == 1
    n = found[0]
    assert (n.value, n.low, n.high, n.bound, n.unit) == (value, low, high, bound, unit)


def test_a_range_from_to_is_not_an_upper_bound(uk):
    n = find_numbers("виплати від 400 тис. до 2,5 млн рублів", uk)
    assert len(n) == 1 and (n[0].bound, n[0].low, n[0].high, n[0].unit) == ("range", 400000, 2500000, "RUB")


@pytest.mark.parametrize("text, start, end", [
    ("з початку повномасштабного вторгнення загинули", date(2022, 2, 24), date(2025, 7, 2)),
    ("за сім місяців 2025 року відкрили", date(2025, 1, 1), date(2025, 7, 31)),
    ("станом на 1 жовтня 2024 року", None, date(2024, 10, 1)),
    ("у 2023 році зареєстрували", date(2023, 1, 1), date(2023, 12, 31)),
    ("з січня 2022 по вересень 2025 року", date(2022, 1, 1), date(2025, 9, 30)),
    ("у червні загинули", date(2025, 6, 1), date(2025, 6, 30)),
    ("за добу ворог", date(2025, 7, 1), date(2025, 7, 2)),
    ("з початку року", date(2025, 1, 1), date(2025, 7, 2)),
    ("у першому півріччі 2024 року", date(2024, 1, 1), date(2024, 6, 30)),
    ("з 24 лютого 2022 року до кінця травня 2025 року", date(2022, 2, 24), date(2025, 5, 31)),
    ("торік", date(2024, 1, 1), date(2024, 12, 31)),
    ("станом на ранок 1 червня 2025 року", None, date(2025, 6, 1)),
    ("за роками: 2023 рік – 310, 2024 рік – 112", date(2023, 1, 1), date(2023, 12, 31)),
])
def test_periods(uk, text, start, end):
    periods = find_periods(text, uk, date(2025, 7, 2))
    assert periods, text
    assert (periods[0].start, periods[0].end) == (start, end)


def test_dateline_names_the_agency_and_its_figures_relay():
    text = ("Заголовок новини\n\nЛЬВІВ, 3 березня. /Укрінформ/. Упродовж лютого в області виявили 48 "
            "вибухонебезпечних предметів. Про це повідомили в поліції.")
    trace = trace_text(text, published="2025-03-03", language="uk", outlet="Укрінформ")
    assert trace.document.dateline["agency"] == "Укрінформ"
    figure = next(f for f in trace.figures if f.value == 48)
    assert figure.attribution[0].name == "Укрінформ"
    assert (figure.period.start, figure.period.end) == ("2025-02-01", "2025-02-28")


@pytest.mark.parametrize("line, agency", [
    ("ЛУЦЬК, 5 травня. УНІАН. ", "УНІАН"),
    ("ЛУЦЬК, 5 травня — РІА Новини. ", "РІА Новини"),
])
def test_datelines_without_slashes(line, agency):
    text = "Заголовок новини\n\n" + line + "Упродовж квітня в області виявили 48 вибухонебезпечних предметів."
    trace = trace_text(text, published="2025-05-05", language="uk", outlet="Видання")
    assert (trace.document.dateline["agency"], trace.document.dateline["date"]) == (agency, "2025-05-05")
    figure = next(f for f in trace.figures if f.value == 48)
    assert figure.attribution[0].name == agency


def test_according_to_a_body_and_an_anonymous_source():
    text = ("За даними Нацполіції, у березні до суду скерували 215 справ. "
            "Джерело в правоохоронних органах, однак, стверджує, що справ було щонайменше 300.")
    trace = trace_text(text, published="2025-04-10", language="uk", outlet="Видання")
    first = next(f for f in trace.figures if f.value == 215)
    assert first.attribution[-1].name == "Нацполіції"
    second = next(f for f in trace.figures if f.value == 300)
    assert second.bound == "lower" and second.attribution[-1].anonymous


def test_hedge_weakens_its_figure():
    text = "Російські пабліки нібито пишуть про 40 знищених машин."
    trace = trace_text(text, published="2025-04-10", language="uk", outlet="Видання")
    assert [h.cue for h in trace.figures[0].hedges] == ["нібито"]


@pytest.mark.parametrize("text, value, rate, period", [
    ("Армія втрачає до 1 100 осіб на день.", 1100, "day", None),
    ("Росія витрачає близько 3 трлн рублів на рік.", 3e12, "year", None),
    ("Контракти підписали 300 тис. осіб – тобто близько 30 тис. на місяць.", 30000, "month", None),
    ("У середньому щодня регіон залишають близько 177 людей.", 177, "day", None),
    ("Щомісяця до центрів звертаються в середньому понад 2 тис. громадян.", 2000, "month", None),
    ("У липні в середньому 40 обстрілів за добу фіксували на півночі.", 40, "day", ("2025-07-01", "2025-07-31")),
    ("За добу ворог 40 разів обстріляв громаду.", 40, None, ("2025-09-14", "2025-09-15")),
    ("Найбільше проваджень зареєстровано на Херсонщині – 2 305.", 2305, None, None),
    ("Щодня ворог обстрілює громади, а з початку року загинули 75 людей.", 75, None, ("2025-01-01", "2025-09-15")),
])
def test_rates(text, value, rate, period):
    trace = trace_text(text, published="2025-09-15", language="uk", outlet="Видання")
    figure = next(f for f in trace.figures if f.value == value)
    assert figure.rate_per == rate
    assert (None if figure.period is None else (figure.period.start, figure.period.end)) == period


def _origin(text, value):
    trace = trace_text(text, published="2025-09-15", language="uk", outlet="Видання")
    figure = next(f for f in trace.figures if f.value == value)
    return figure.attribution[-1]


@pytest.mark.parametrize("text, value, origin", [
    # a name after a report noun is its owner, whatever case its ending shows
    ("За даними Міненерго, у січні Росія здійснила дев'ять масованих атак.", 9, "Міненерго"),
    ("За підрахунками «Слідства.Інфо», вироків ухвалено 2 478.", 2478, "Слідства.Інфо"),
    # a name after a describing noun is the name, with both its quotation marks
    ("За даними видання «Верстка», щонайменше 14 регіонів скоротили бонуси.", 14, "«Верстка»"),
    # an office is no person's name
    ("За оцінкою Офісу Омбудсмана, у полоні можуть перебувати понад 8 тис. українців.", 8000, "Офісу Омбудсмана"),
    # a genitive plural with no ending ('розвідок') belongs to the noun before it
    ("За оцінками західних розвідок, втрати сягають до 1 100 осіб на день.", 1100, "західних розвідок"),
    ("За неперевіреними даними моніторингових каналів, у місті пролунало щонайменше шість вибухів.", 6,
     "моніторингових каналів"),
    # a reporting clause after a comma shares no subject with the clause before it
    ("Загальна вартість сертифікатів становить 28,6 млрд грн, повідомили в Міністерстві оборони.", 28.6e9,
     "Міністерстві оборони"),
    ("Пріоритет, наголошують у Коордштабі, – 120 важкопоранених.", 120, "Коордштабі"),
    # a name in Latin letters owns no genitive after it: the nominative is the subject
    ("За добу загинули троє людей. Про це повідомив у Telegram голова громади Петро Сидоренко.", 3,
     "Петро Сидоренко"),
    # a part of a group counted before it ('з них 41 дитину') is no speaker, nor is a month
    ("З району вивезли 312 людей, з них 41 дитину, додали в ОВА.", 41, "ОВА"),
    ("У поліції уточнили, що в січні–червні затримали 19 осіб, а в липні–жовтні – 28.", 28, "поліції"),
    # a party before the colon that opens a live blog's entry says what follows
    ("Міська влада: у місті пошкоджено 38 багатоповерхівок.", 38, "Міська влада"),
    # a dative noun in '-ові' ('кореспондентові') is whom the speaker told, not an adjective of the name after it;
    # the past of a verb in '-йти' ('надійшли') is a verb, an adjectival noun ('військовий') no genitive
    ("У Тверській області на службу надійшли 5,1 тис. осіб, повідомив кореспондентові ТАСС військовий комісар "
     "області Петро Гаврилов.", 5100, "Петро Гаврилов"),
    # an infinitive in '-сти' is no subject; a plural noun in '-істи' is one
    ("У відомстві нагадали, що укласти контракт можна в 12 пунктах відбору.", 12, "відомстві"),
    ("Журналісти підрахували, що втрат щонайменше 300.", 300, "Журналісти"),
    # a press service is a place a body speaks from
    ("У пресслужбі поліції повідомили про 40 затриманих.", 40, "пресслужбі поліції"),
    # 'Про це ...' names the source of the sentence before it, whatever comes between
    ("Бюро викрило схему на 46,3 млн грн. Про це в п'ятницю повідомили в прес-службі НАБУ.", 46.3e6,
     "прес-службі НАБУ"),
    # a body after 'в' is where the speaker is, not part of the request before it
    ("У відповідь на запит видання в Міністерстві розвитку громад повідомили, що подано 412 тис. заяв.",
     412000, "Міністерстві розвитку громад"),
])
def test_the_party_a_figure_comes_from(text, value, origin):
    assert _origin(text, value).name == origin


def test_an_outlet_that_counted_derived_the_figure():
    link = _origin("Торік суди отримали 11 037 справ, підрахувала «Медіазона».", 11037)
    assert (link.name, link.role) == ("Медіазона", "derived")


def test_a_question_word_opens_a_clause_and_is_no_speaker():
    text = "«Бабель» пояснює, хто і що рахує. За його даними, відбулося 64 обміни."
    assert _origin(text, 64).name == "Бабель"


def test_a_document_a_subjectless_verb_speaks_in_refers_back():
    text = ("Згідно з відповіддю ОГП, у 2022 році було розпочато 4 112 проваджень. Обвинувальні акти скеровано "
            "до суду щодо 3 214 людей, йдеться у відповіді.")
    assert _origin(text, 3214).name == "ОГП"


def test_an_anonymous_source_keeps_its_place_but_not_the_occasion():
    text = "Джерело в Коордштабі у розмові з «Бабелем» назвало більшу цифру: у полоні близько 10 тис. людей."
    link = _origin(text, 10000)
    assert (link.name, link.anonymous) == ("Джерело в Коордштабі", True)


def test_a_plural_nominative_before_a_plural_verb_ends_a_phrase_and_is_its_subject(nlp, uk):
    doc = nlp("Від початку повномасштабного вторгнення Росії правоохоронці зареєстрували 9 847 проваджень.")
    verb = next(t for t in doc if t.text == "зареєстрували")
    assert [s.text for s in uk.syntax.subjects(verb)] == ["правоохоронці"]


@pytest.mark.parametrize("text", [
    "Джерело в Офісі генпрокурора розповіло, що справ відкрито 1 200.",
    "За словами джерела в СБУ, затримано 45 осіб.",
    "За інформацією джерел видання, загинули 12 військових.",
    "Співрозмовник видання в уряді стверджує, що виплати отримали 40 тис. родин.",
    "Обізнане джерело заявило агентству, що вибухів було щонайменше 8.",
    "Посадовець, який побажав залишитися неназваним, сказав, що в полоні 300 людей.",
    "Представник міністерства, який попросив не називати його імені, повідомив про 250 затриманих.",
    "Двоє посадовців, знайомих із ситуацією, розповіли, що програму скоротили на 20%.",
    "Люди, знайомі з ситуацією, кажуть, що контракти підписали 900 осіб.",
    "На умовах анонімності співробітник поліції розповів, що затримали 70 осіб.",
    "Як повідомили джерела в Генштабі, ворог втратив 1 200 військових.",
    "Один із посадовців розповів виданню, що в черзі 5 тис. заяв.",
    "Неназване джерело в ОП заявило, що обмін охопить 200 полонених.",
    "Джерела, близькі до слідства, стверджують, що збитки перевищують 5 млн грн.",
    "Водночас західні ЗМІ, посилаючись на неназвані джерела, стверджують, що вербування знизилося на 15%.",
])
def test_an_unnamed_source_is_flagged_anonymous(text):
    trace = trace_text(text, published="2025-09-15", language="uk", outlet="Видання")
    figure = trace.figures[-1]
    assert any(link.anonymous for link in figure.attribution), [(l.name, l.role) for l in figure.attribution]


def test_one_of_a_group_is_no_figure():
    trace = trace_text("Один із посадовців розповів виданню, що в черзі 5 тис. заяв.", published="2025-09-15",
                       language="uk", outlet="Видання")
    assert [f.value for f in trace.figures] == [5000]


# --- one source whatever its case, and the optional dictionary --------------------------------

@pytest.mark.parametrize("written, source", [
    ("Державним бюро розслідувань", "ua.sbi"), ("Укрінформові", "ua.ukrinform"),
    ("Державною прикордонною службою", "ua.dpsu"), ("Офісом Генерального прокурора", "ua.pgo"),
    ("«Української правди»", "ua.ukrainska_pravda"), ("ТАССу", "ru.tass"), ("ДБР", "ua.sbi"),
])
def test_a_ukrainian_name_in_any_case_is_its_registry_source(written, source):
    from sourcetrace.registry import Registry

    assert Registry.load().resolve_source(written).id == source


@pytest.fixture
def no_dictionary(monkeypatch):
    from sourcetrace.lang.uk import dictionary

    monkeypatch.setattr(dictionary, "readings", lambda word: ())
    monkeypatch.setattr(dictionary, "lemma", lambda word: None)


def test_names_lose_their_case_endings_without_the_dictionary(no_dictionary):
    from sourcetrace.lang.uk.grammar import normalise_name

    assert normalise_name("офісу генпрокурора") == normalise_name("офісом генпрокурора") == "офіс генпрокурор"
    assert normalise_name("державним бюро") == normalise_name("державне бюро")
    assert normalise_name("тассу") == "тасс"


def test_the_dictionary_gives_a_word_its_part_of_speech_cases_and_lemma(monkeypatch, uk):
    """The hook, with a reading made here: the tests must not need the GPL dictionary."""
    from sourcetrace.lang.uk import dictionary
    from sourcetrace.lang.uk.parser import Morphology, Tok

    monkeypatch.setattr(dictionary, "readings", lambda word: ())
    guessed = Tok("ноти", 0, True)
    Morphology(uk).tag(guessed, first=False)
    assert guessed.pos == "VERB"  # by its ending, an infinitive
    known = {"ноти": dictionary.Reading("NOUN", "нота", frozenset({"Nom", "Acc"}), frozenset({"Plur"}), 1.0)}
    monkeypatch.setattr(dictionary, "readings", lambda word: (known[word],) if word in known else ())
    tok = Tok("ноти", 0, True)
    Morphology(uk).tag(tok, first=False)
    assert (tok.pos, tok.lemma, tok.feats["Case"], tok.feats["Number"]) == ("NOUN", "нота", {"Nom", "Acc"}, {"Plur"})
    impersonal = Tok("відкрито", 0, True)  # an impersonal verb is the endings', whatever the dictionary says
    Morphology(uk).tag(impersonal, first=False)
    assert impersonal.pos == "VERB"


@pytest.mark.skipif(not __import__("sourcetrace.lang.uk.dictionary", fromlist=["available"]).available(),
                    reason="the optional uk-dict extra (pymorphy3-dicts-uk) is not installed")
def test_with_the_dictionary_a_vowel_change_is_undone():
    from sourcetrace.lang.uk.grammar import normalise_name

    assert normalise_name("києва") == normalise_name("київ")


def test_a_first_name_in_the_instrumental_is_a_name_and_the_interviewee_answers():
    # 'Іриною' has an adjective's ending; before a surname it is a first name
    text = ("Фонд і люди\n\n«Видання» поговорило з директоркою фонду «Шлях» Іриною Коваленко.\n\n"
            "– Скільки людей ви евакуювали?\n\n– Ми вивезли 1 200 людей.\n\n– А цього року?\n\n– Цього року вже 300 людей.")
    trace = trace_text(text, published="2025-10-17", language="uk", outlet="Видання")
    for value in (1200, 300):
        figure = next(f for f in trace.figures if f.value == value)
        assert [link.name for link in figure.attribution] == ["Іриною Коваленко"]


def test_a_day_the_headline_names_dates_the_live_blog_s_counts():
    text = ("Злива в Ужгороді 4 червня: підтоплено понад 200 будинків – онлайн\n\n15:20\n\n"
            "Рятувальники відкачали воду з 48 підвалів, повідомили в ДСНС.\n\n12:05\n\n"
            "Кількість підтоплених будинків зросла до 210.")
    trace = trace_text(text, published="2025-06-04", language="uk", outlet="Видання")
    for value in (48, 210):
        figure = next(f for f in trace.figures if f.value == value)
        assert (figure.period.start, figure.period.end) == ("2025-06-04", "2025-06-04")
        assert figure.period.inherited_from is not None


def test_an_event_dated_once_or_right_there_starts_the_periods_that_refer_back_to_it():
    text = ("Загалом з початку обов'язкової евакуації сімей з дітьми, оголошеної 12 серпня 2024 року, "
            "виїхали 3 200 дітей.\n\nЗ початку евакуації до пунктів обігріву звернулися 1 500 людей.")
    trace = trace_text(text, language="uk", published="2024-09-20")
    periods = {f.text: f.period for f in trace.figures}
    for figure in ("3 200", "1 500"):
        period = periods[figure]
        assert (period.start, period.end, period.end_basis) == ("2024-08-12", "2024-09-20", "published")
        assert "12 серпня 2024 року" in text[slice(*period.inherited_from)]


def test_a_register_the_data_come_from_is_the_record_not_part_of_the_ministry_s_name():
    text = ("Станом на 1 жовтня на обліку перебувають 4 612 380 переселенців. Про це свідчать дані "
            "Міністерства соціальної політики з Єдиної інформаційної бази даних про ВПО.\n\n"
            "Кількість переселенців майже не змінюється.\n\n"
            "Згідно зі статистикою міністерства, у січні довідки отримали 17,9 тис. осіб.")
    trace = trace_text(text, language="uk", published="2025-10-14")
    chains = {f.text: [(link.name, link.role) for link in f.attribution] for f in trace.figures}
    assert chains["4 612 380"] == [("Міністерства соціальної політики", "origin"),
                                   ("Єдиної інформаційної бази даних про ВПО", "record")]
    assert chains["17,9 тис."] == [("міністерства", "origin"), ("Єдиної інформаційної бази даних про ВПО", "record")]
