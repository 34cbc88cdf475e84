"""Russian traced natively: numbers, periods, datelines, chains and hedges on texts written for
these tests (the figures are invented)."""
from __future__ import annotations

import pytest

from sourcetrace import trace_text
from sourcetrace.lang import load_language

PUBLISHED = "2025-10-17"  # a Friday


def ru(text: str, published: str | None = PUBLISHED):
    return trace_text(text, language="ru", published=published)


def figure(trace, text: str):
    found = [f for f in trace.figures if f.text == text]
    assert found, f"no figure {text!r}; found {[f.text for f in trace.figures]}"
    return found[0]


def chain(f) -> list[tuple]:
    return [(link.name, link.role, link.anonymous) for link in f.attribution]


@pytest.mark.parametrize("sentence, text, value, bound", [
    ("В области эвакуировали 29,8 тыс. жителей.", "29,8 тыс.", 29800, "exact"),
    ("Всего в базе 20\u00a0000 записей.", "20\u00a0000", 20000, "exact"),
    ("Всего в базе 1 250 417 записей.", "1 250 417", 1250417, "exact"),
    ("За год поступило более 3 тыс. заявлений.", "более 3 тыс.", 3000, "lower"),
    ("Суды получили свыше двадцати тысяч исков.", "свыше двадцати тысяч", 20000, "lower"),
    ("В лагере живут почти 4,5 млн человек.", "почти 4,5 млн", 4500000, "upper"),
    ("На месте работают около 700 спасателей.", "около 700", 700, "approximate"),
    ("Помощь получили порядка двухсот семей.", "порядка двухсот", 200, "approximate"),
    ("Ущерб оценили в 54,1 млн рублей.", "54,1 млн рублей", 54100000, "exact"),
])
def test_number_forms(sentence, text, value, bound):
    f = figure(ru(sentence), text)
    assert f.value == value and f.bound == bound


def test_a_range_from_to_is_one_figure_not_an_upper_bound():
    [f] = ru("Каждый месяц суды получали от 688 до 744 дел.").figures
    assert (f.low, f.high, f.bound) == (688, 744, "range")


@pytest.mark.parametrize("sentence", ["Выплаты составят от 30 до 50 тыс. рублей.",
                                      "Потери оценивают от 30 тысяч до 50 тысяч человек."])
def test_a_multiplier_written_once_scales_both_ends(sentence):
    [f] = ru(sentence).figures
    assert (f.low, f.high, f.bound) == (30000, 50000, "range")


def test_vague_thousands_and_a_year_in_the_genitive():
    trace = ru("В 2022 году тысячи жителей покинули город; к концу 2022 года вернулись 300 человек.")
    assert figure(trace, "тысячи").bound == "lower"
    assert sorted(f.text for f in trace.figures) == ["300", "тысячи"]  # neither year is a figure


@pytest.mark.parametrize("sentence, number, start, end", [
    ("С января 2022 по сентябрь 2025 года возбуждено 21 480 дел.", "21 480", "2022-01-01", "2025-09-30"),
    ("За семь месяцев 2025 года поступило 6 260 дел.", "6 260", "2025-01-01", "2025-07-31"),
    ("В 2023 году осуждены 5 870 человек.", "5 870", "2023-01-01", "2023-12-31"),
    ("В первом полугодии 2024 года осуждены 3 150 человек.", "3 150", "2024-01-01", "2024-06-30"),
    ("С начала специальной военной операции погибли 412 человек.", "412", "2022-02-24", PUBLISHED),
    ("С начала полномасштабного вторжения выехали 9 300 человек.", "9 300", "2022-02-24", PUBLISHED),
    ("С начала года зарегистрировано 1 870 заявлений.", "1 870", "2025-01-01", PUBLISHED),
    ("За сутки подтоплено 212 домов.", "212", "2025-10-16", PUBLISHED),
    ("По состоянию на 1 октября в списке 640 человек.", "640", None, "2025-10-01"),
    ("В октябре поступило 811 дел.", "811", "2025-10-01", "2025-10-31"),
    ("С начала 2022 года по 1 октября 2025 года возбуждено 2 870 дел.", "2 870", "2022-01-01", "2025-10-01"),
    ("С начала 2025 года вернули 1 318 человек.", "1 318", "2025-01-01", PUBLISHED),
    ("За девять месяцев возбуждено 318 дел.", "318", "2025-01-01", "2025-09-30"),
    ("С сентября 2022 года по конец июля 2025 года вернули 3 870 человек.", "3 870", "2022-09-01", "2025-07-31"),
    ("По состоянию на 08:00 22 апреля подтоплены 4 026 участков.", "4 026", None, "2025-04-22"),
    ("С 3 по 9 марта сбиты 388 беспилотников.", "388", "2025-03-03", "2025-03-09"),
    ("За акции 16–19 февраля 2024 года задержаны 430 человек.", "430", "2024-02-16", "2024-02-19"),
    ("В апреле—июне поступило 2 100 дел.", "2 100", "2025-04-01", "2025-06-30"),
    ("Рекордным стал июль — 811 дел.", "811", "2025-07-01", "2025-07-31"),
    ("В бюджете на 2025 год заложено 41,6 млрд рублей.", "41,6 млрд рублей", "2025-01-01", "2025-12-31"),
    ("В сентябре прошлого года поступило 2 100 обращений.", "2 100", "2024-09-01", "2024-09-30"),
    ("В прошлом августе выехали 130 тысяч человек.", "130 тысяч", "2024-08-01", "2024-08-31"),
    ("По состоянию на утро 22 апреля подтоплены 4 026 участков.", "4 026", None, "2025-04-22"),
    # a number before a comma and a space is a token of its own (razdel kept "310," whole)
    ("Задержания по годам: 2023 год — 310, 2024 год — 112.", "310", "2023-01-01", "2023-12-31"),
])
def test_periods(sentence, number, start, end):
    f = figure(ru(sentence), number)
    assert f.period is not None, f"no period for {sentence!r}"
    assert (f.period.start, f.period.end) == (start, end)


@pytest.mark.parametrize("text, place, agency, day", [
    ("МОСКВА, 12 июня. /ТАСС/. Спасатели эвакуировали 140 человек.", "МОСКВА", "ТАСС", "2025-06-12"),
    ("Москва. 6 ноября. INTERFAX.RU - Суд арестовал 12 человек.", "Москва", "INTERFAX.RU", "2024-11-06"),
    ("ТОМСК, 12 июн — РИА Новости. Спасатели эвакуировали 140 человек.", "ТОМСК", "РИА Новости", "2025-06-12"),
])
def test_datelines(text, place, agency, day):
    trace = ru(text, published="2025-06-12" if "июн" in text else "2024-11-06")
    dateline = trace.document.dateline
    assert (dateline["place"], dateline["agency"], dateline["date"]) == (place, agency, day)
    assert trace.figures[0].attribution[0].name == agency


def test_subject_after_the_verb_and_the_agency_told_relays():
    trace = ru("В регионе задержаны 48 человек, сообщил ТАСС источник в правоохранительных органах.")
    assert chain(figure(trace, "48")) == [("ТАСС", "relay", False),
                                           ("источник в правоохранительных органах", "origin", True)]


def test_the_place_names_the_speaker():
    trace = ru("Из зоны подтопления эвакуированы 9 870 человек, сообщили ТАСС в пресс-службе МЧС.")
    names = [link.name for link in figure(trace, "9 870").attribution]
    assert names[0] == "ТАСС" and "МЧС" in names[-1]


def test_according_to_data_of_a_genitive_owner():
    trace = ru("По данным Росгидромета, в зоне подтопления остаются 4 026 участков.")
    assert [link.name for link in figure(trace, "4 026").attribution] == ["Росгидромета"]


def test_citing_with_a_reference_to():
    trace = ru("Газета «Северный курьер» со ссылкой на областной штаб сообщила, что погибли 17 человек.")
    links = figure(trace, "17").attribution
    assert links[-1].role == "origin" and "штаб" in links[-1].name


@pytest.mark.parametrize("cue", ["якобы", "по неподтверждённым данным", "предположительно", "по предварительным данным"])
def test_hedges(cue):
    trace = ru(f"В городе, {cue}, погибли 23 человека.")
    assert [h.cue.lower() for h in figure(trace, "23").hedges] == [cue]


def test_a_bare_noun_refers_back_to_the_body_named_before():
    trace = ru("Пресс-служба МЧС сообщила, что вода ушла из 57 домов. "
               "Как уточнили в ведомстве, эвакуированы 140 человек.")
    assert [link.name for link in figure(trace, "140").attribution][-1] == "Пресс-служба МЧС"


def test_the_parser_keeps_the_text_and_its_offsets():
    nlp = load_language("ru").load_parser()
    text = "В базе  20\u00a0000 записей, 29,8 тыс. дел."
    doc = nlp(text)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    assert [d.text for d in nlp.pipe([text, "", "Сообщил ТАСС."], batch_size=2)] == [text, "", "Сообщил ТАСС."]
    said = nlp("Об этом сообщил ТАСС источник.")[2]
    assert said.lemma_ == "сообщить" and said.pos_ == "VERB"


def test_verb_forms_and_names_in_their_dictionary_form():
    lang = load_language("ru")
    assert {"сообщил", "сообщили", "сообщит", "сообщивший"} <= lang.verb_forms(["сообщить"])
    assert lang.grammar.normalise_name("Офиса генпрокурора") == lang.grammar.normalise_name("Офис генпрокурора")
    assert lang.grammar.normalise_name("ТАССу") == "тасс"


def test_the_agency_s_interlocutor_is_the_source_named_before():
    trace = ru("Суды получили 1 146 дел, сообщил «Интерфаксу» источник в правоохранительных органах. "
               "«Это почти вдвое больше, чем годом ранее, когда поступило 610 дел», — сказал собеседник агентства.")
    assert chain(figure(trace, "610")) == [("Интерфаксу", "relay", False),
                                            ("источник в правоохранительных органах", "origin", True)]


def test_an_interlocutor_placed_somewhere_is_a_new_source():
    trace = ru("Министерство сообщило, что учтены 4 000 человек. "
               "Собеседник издания в министерстве заявил, что на учет встанут еще 200 человек.")
    [link] = figure(trace, "200").attribution
    assert link.name == "Собеседник издания в министерстве" and link.anonymous


def test_according_to_data_is_the_speaker_but_the_data_of_a_body_is_its_record():
    trace = ru("По данным Минобороны, перехвачены 54 ракеты. "
               "Согласно данным Судебного департамента, осуждены 286 человек.")
    assert chain(figure(trace, "54")) == [("Минобороны", "origin", False)]
    assert chain(figure(trace, "286")) == [("Судебного департамента", "record", False)]


def test_a_speaker_the_parse_hung_on_the_reported_clause_still_speaks():
    trace = ru("Адвокат одного из задержанных, попросивший не называть его имени, рассказал изданию, "
               "что в отдел полиции доставлены не менее 15 человек.")
    link = figure(trace, "не менее 15").attribution[-1]
    assert link.name == "Адвокат одного из задержанных" and link.anonymous and link.role == "origin"


def test_updating_data_reports_them():
    trace = ru("ОВД-Инфо обновил данные: к вечеру задержаны не менее 112 человек.")
    assert [link.name for link in figure(trace, "не менее 112").attribution] == ["ОВД-Инфо"]


def test_the_register_a_record_verb_names_is_the_record():
    trace = ru("По состоянию на 1 июня в Единой базе данных зарегистрированы 4 631 870 человек, сообщило министерство.")
    assert chain(figure(trace, "4 631 870"))[-1] == ("Единой базе данных", "record", False)


def test_a_dateline_on_a_line_of_its_own_is_no_party_of_the_sentence_after_it():
    text = ("Заголовок\n\nТОМСК, 12 июн — РИА Новости.\nВ области эвакуировали 140 человек, пишет издание "
            "«Сибирь.ру».")
    trace = ru(text, published="2025-06-12")
    assert trace.document.dateline["agency"] == "РИА Новости"
    assert [link.name for link in figure(trace, "140").attribution][0] == "РИА Новости"
    assert not any("ТОМСК" in link.name for link in figure(trace, "140").attribution)


@pytest.mark.parametrize("text, number", [
    ("В 2024 году регионы выплатили добровольцам не менее 193 млрд рублей, подсчитала «Верстка».",
     "не менее 193 млрд рублей"),
    ("С начала года в суды поступило 11 037 дел, подсчитал «Коммерсантъ».", "11 037"),
])
def test_an_outlet_that_counted_after_its_verb_derived_the_figure(text, number):
    # a verb of counting reports; its subject after it, read as an object by the parse, is its subject
    assert chain(figure(ru(text), number))[-1][:2] in [("Верстка", "derived"), ("Коммерсантъ", "derived")]


def test_the_dateline_agency_told_is_one_link_whatever_its_script():
    trace = ru("Москва. 6 ноября. INTERFAX.RU - Суд арестовал 12 человек, сообщил Интерфаксу источник в суде.",
               published="2024-11-06")
    assert chain(figure(trace, "12")) == [("Интерфаксу", "relay", False), ("источник в суде", "origin", True)]


def test_a_listed_noun_is_known_written_with_e_for_yo():
    # 'подсчетам' as most texts write it: the outlet derived the figure, it is no party named 'подсчетам'
    link = figure(ru("По подсчетам «Медиазоны», в январе погибли 15,9 тысячи военных."), "15,9 тысячи").attribution[-1]
    assert (link.name, link.role) == ("Медиазоны", "derived")


def test_we_hold_no_record_in_an_interview_the_interviewee_speaks():
    text = ("Суды и протесты\n\n«Издание» поговорило с юристом проекта «Право» Анной Мельник.\n\n"
            "— Сколько дел вы насчитали?\n\n— Мы зафиксировали больше 1 300 дел.\n\n— А приговоров?\n\n"
            "— Приговоров около 400.")
    trace = ru(text)
    assert [link.name for link in figure(trace, "больше 1 300").attribution] == ["Анной Мельник"]


def test_a_closed_period_the_headline_names_dates_the_undated_counts():
    text = ("Итоги недели: обстрелы Курской области с 3 по 9 марта\n\n"
            "Повреждены 214 частных домов и 31 многоквартирный дом.\n\nС начала года восстановлено 1 920 домов.")
    trace = ru(text, published="2025-03-09")
    assert (figure(trace, "214").period.start, figure(trace, "214").period.end) == ("2025-03-03", "2025-03-09")
    assert figure(trace, "1 920").period.start == "2025-01-01"  # a period of its own stays


def test_an_open_period_in_the_headline_dates_nothing_else():
    trace = ru("С начала года в области задержаны 40 человек\n\nВ марте задержаны 12 человек.\n\nИзъято 5 единиц оружия.",
               published="2025-05-09")
    assert figure(trace, "5").period is None


@pytest.mark.parametrize("text, number, speaker", [
    ("Девять пострадавших остаются в больницах, состояние двоих врачи оценивают как тяжелое.", "Девять", None),
    ("Эксперты оценивают потери армии в 200 тыс. человек.", "200 тыс.", "Эксперты"),
    ("Минобороны оценило число погибших в 9 800.", "9 800", "Минобороны"),
])
def test_to_assess_reports_a_number_not_a_condition(text, number, speaker):
    names = [link.name for link in figure(ru(text), number).attribution if link.role != "outlet"]
    assert names == ([speaker] if speaker else [])


def test_the_report_named_again_speaks_for_its_owner():
    text = ("Об этом говорится в докладе Управления ООН по делам беженцев. Повстанцы утверждают, что погибли "
            "5 тыс. человек. Согласно докладу, число беженцев превысило 610 тыс. человек.")
    link = figure(ru(text), "превысило 610 тыс.").attribution[-1]
    assert link.name.startswith("Управления ООН")


def test_an_event_dated_once_starts_the_periods_that_refer_back_to_it():
    text = ("Боевые действия между армией Орска и повстанцами начались 3 мая 2023 года.\n\n"
            "По данным мониторинговой группы, с начала войны погибли 4 120 мирных жителей. "
            "С начала полномасштабного вторжения в регион пострадали 900 домов.")
    trace = ru(text)
    war = figure(trace, "4 120").period
    assert (war.start, war.end, war.end_basis) == ("2023-05-03", PUBLISHED, "published")
    assert "3 мая 2023 года" in text[slice(*war.inherited_from)]
    known = figure(trace, "900").period  # not dated by the article: the date the language knows
    assert (known.start, known.inherited_from) == ("2022-02-24", None)


def test_a_count_in_the_singular_names_who_made_it():
    trace = ru("По подсчету «Верстки», домой вернули около 41% тех, чьи обращения прокуратура признала обоснованными.")
    assert [(link.name, link.role) for link in figure(trace, "около 41%").attribution] == [("Верстки", "derived")]


def test_whose_words_a_possessive_pronoun_means_the_name_before_says():
    said = ru("Глава ведомства Иван Петров выступил в Думе. По его словам, в 2025 году возбуждено 300 дел.")
    assert [(link.name, link.role) for link in figure(said, "300").attribution] == [("Иван Петров", "origin")]
    counted = ru('Правозащитный проект "Первый отдел" ведет собственный подсчет таких дел. По его данным, '
                 'с начала 2022 года возбуждено не менее 2 870 дел.')
    assert [link.name for link in figure(counted, "не менее 2 870").attribution] == ["Первый отдел"]
    nobody = ru("По его словам, в 2025 году возбуждено 300 дел.")
    assert [link.name for link in figure(nobody, "300").attribution] == []  # never the pronoun as a party
