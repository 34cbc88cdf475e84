"""Russian: the grammar behind the data in this folder.

- ``SYNTAX`` answers the questions of :class:`~sourcetrace.lang.syntax.Syntax` on Universal
  Dependencies labels (:class:`~sourcetrace.lang.ud.UDSyntax`), as slovnet's syntax model gives them.
- ``Forms`` holds how Russian writes sentence ends, numbers ("29,8 тыс.", "20 000", "двадцать
  тысяч"), dates and periods ("с января 2022 по сентябрь 2025 года", "за семь месяцев 2025 года")
  and datelines ("МОСКВА, 12 июня. /ТАСС/."), as regular expressions built from the data files.
- ``verb_forms`` and ``inflect`` give every form of a lemma (pymorphy3's lexemes); the data lists
  nouns and verbs once, as lemmas, and ``prepare`` adds their case forms where the components
  compare a word as written (``INFLECTED``).
- ``load_parser`` tokenises with razdel, tags and parses with slovnet's news models on navec
  embeddings (files inside the ``natasha`` wheel, read without importing natasha), lemmatises with
  pymorphy3, and hands the components spaCy ``Doc``s (``parser.py``).
- ``normalise_name`` turns a source's name as written into its dictionary form, word by word, so
  that "ТАССу" and "Офиса генпрокурора" resolve as "ТАСС" and "Офис генпрокурора".
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..forms import OnsetWriting, When, onset_patterns, onset_pieces, source_kinds
from ..ud import NOMINAL, UDSyntax, base, feature
from .morphology import morph

# Keys of the data whose words the components compare as written (``token.lower_``), so every case
# form is listed: (file, key). Dictionaries are inflected by their keys.
INFLECTED = (
    ("attribution", "report_nouns"), ("attribution", "derived_nouns"), ("attribution", "request_nouns"),
    ("attribution", "anonymous_heads"), ("attribution", "vague_heads"), ("attribution", "anaphors"),
    ("attribution", "record_owner_nouns"), ("attribution", "audiences"), ("attribution", "descriptor_nouns"),
    ("attribution", "speaking_groups"), ("attribution", "quantity_nouns"),
    ("sources", "person_heads"), ("sources", "always_anonymous_heads"),
    ("numbers", "time_nouns"), ("numbers", "generic_heads"), ("numbers", "speaker_nouns"),
    ("incidents", "actor_heads"), ("scope", "nationalities"), ("scope", "bare_bodies"),
)


@lru_cache(maxsize=4096)
def inflect(phrase: str) -> frozenset[str]:
    """Every case and number form of a lemma ('источник' → источника, источников, ...); in a phrase
    of several words only the first is inflected when it is the head ('пресс-служба МВД')."""
    words = phrase.split()
    if not words:
        return frozenset()
    first, rest = words[0], " ".join(words[1:])
    forms = {first}
    for parse in morph().parse(first):
        if _yo(parse.normal_form) == _yo(first.lower()) and parse.tag.POS in ("NOUN", "NPRO", "ADJF", "PRTF", "NUMR"):
            forms.update(f.word for f in parse.lexeme)
    forms |= {_yo(f) for f in forms}  # 'подсчетам' as texts mostly write it, and 'подсчётам'
    return frozenset(f"{f} {rest}".strip() for f in forms)


def _yo(word: str) -> str:
    """A word with 'ё' written 'е', as most Russian text writes it."""
    return word.replace("ё", "е")


def prepare(files: dict) -> dict:
    """The data as components read it: listed nouns with all their case forms; each month a part
    of its year ('в сентябре прошлого года': September of the year before publication)."""
    time = files["time"]
    for word, month in time["months"].items():
        time["year_parts"].setdefault(word, [month, month])
    for section, key in INFLECTED:
        value = files[section][key]
        if isinstance(value, dict):
            files[section][key] = {form: v for word, v in value.items() for form in sorted(inflect(word))}
        else:
            files[section][key] = sorted({form for word in value for form in inflect(word)})
    return files


def verb_forms(lemma: str) -> set[str]:
    """Every form of a verb, participles and gerunds included ('сообщить' → сообщил, сообщили, ...)."""
    forms = {lemma}
    for parse in morph().parse(lemma):
        if _yo(parse.normal_form) == _yo(lemma) and parse.tag.POS in ("INFN", "VERB"):
            forms.update(f.word for f in parse.lexeme)
    return forms | {_yo(f) for f in forms}


def normalise_name(name: str) -> str:
    """A name in its dictionary form, word by word: 'Офиса генпрокурора' → 'офис генпрокурор';
    'ТАССу' → 'тасс'. Words the dictionary does not know are kept as written (lower case)."""
    out = []
    for word in re.findall(r"[\w.-]+", name.lower().replace("ё", "е")):
        parses = [p for p in morph().parse(word) if p.tag.POS in ("NOUN", "ADJF")] or morph().parse(word)
        out.append(parses[0].normal_form.replace("ё", "е") if parses else word)
    return " ".join(out)


def load_parser():
    from .parser import RussianParser

    return RussianParser()


def parser_name(nlp) -> str:
    return nlp.name


# --- syntax ----------------------------------------------------------------------------------

class RussianSyntax(UDSyntax):
    """UD as slovnet's news model writes it."""

    def time_lemmas(self) -> frozenset[str]:
        """Lemmas of nouns that name a time ('в мае'), never a speaker."""
        return _time_lemmas()

    def subjects(self, verb, passive: bool = False) -> list:
        """The verb's subjects; failing one, a nominative after it that agrees with it, which
        slovnet often reads as the object ('..., подсчитала «Верстка»')."""
        found = super().subjects(verb, passive)
        if found or not self.is_verb(verb):
            return found
        return [c for c in verb.children if base(c) == "obj" and c.i > verb.i and c.pos_ in NOMINAL
                and feature(c, "Case") == "Nom" and _agrees(verb, c)]

    def place_speaker(self, verb):
        """'сообщили *в пресс-службе МВД*', 'говорится *в сообщении* ведомства': a verb with no
        subject whose place (a locative with a preposition) names who speaks; failing that, a
        subject the parse hung on a later verb (``_stranded_subject``)."""
        if any(self.is_subject(c, passive=True) for c in verb.children):
            return None
        times = self.time_lemmas()
        place = next((c for c in verb.children if base(c) == "obl" and feature(c, "Case") == "Loc"
                      and c.pos_ in NOMINAL and c.lemma_ not in times and self.is_prepositional_object(c)), None)
        return place if place is not None else self._stranded_subject(verb)

    def _stranded_subject(self, verb):
        """'Адвокат ..., попросивший не называть его имени, рассказал ..., что доставлены 15 человек':
        slovnet often hangs the speaker, a nominative before the verb, on the verb of the reported
        clause after it; such a subject is the speaker's."""
        return next((t for t in verb.doc[:verb.i] if base(t) == "nsubj" and t.head.i > verb.i
                     and t.pos_ in NOMINAL and feature(t, "Case") == "Nom"), None)


def _agrees(verb, noun) -> bool:
    """A finite verb and a noun of the same number (and gender, where a past verb shows one)."""
    number = feature(verb, "Number")
    gender = feature(verb, "Gender")
    return number is not None and number == feature(noun, "Number") and gender in (None, feature(noun, "Gender"))


@lru_cache(maxsize=1)
def _time_lemmas() -> frozenset[str]:
    from .. import load_language

    time = load_language("ru").time
    return frozenset(time["months"]) | frozenset(time["unit_words"]) | frozenset(time["weekdays"])


SYNTAX = RussianSyntax()


# --- forms -----------------------------------------------------------------------------------

CAPITAL = "A-ZА-ЯЁ"


class Forms:
    """How Russian writes what the components look for, compiled once per language."""

    def __init__(self, lang):
        self.sentence_boundary = re.compile(rf"""[.!?…]+["'»”)\]]*\s+(?=[-—–]\s|["'«“„(\[]?[{CAPITAL}0-9])""")
        self.numbers = _number_patterns(lang)
        self.periods = _period_patterns(lang)
        self.onsets = _onset_patterns(lang)
        labels = "|".join(sorted(map(re.escape, lang.numbers["label_words"]), key=len, reverse=True))
        self.not_figure_before = re.compile(
            rf"(?:(?<!\w)(?:{labels})\.?\s*|[#§№]\s*|[A-Za-zА-Яа-яЁё]-|\d[:/.]|[:/]|\w\()$", re.IGNORECASE)
        self.not_figure_after = re.compile(
            r"^(?:-?летн\w*|\s*-?(?:й|я|е|го|му|м|ю|ой|ый|ий|х)(?!\w)|[:/.]\d|\s*(?:ч\.|час\w*\s+по\s+мск|мск))",
            re.IGNORECASE)
        units = lang.units
        self.rate_word_before = re.compile(rf"(?i){_words(units['rate_words_before'])}")
        self.rate_adjective = re.compile(rf"(?i){_words(units['rate_adjectives'])}")
        self.duration_before = re.compile(rf"(?i)(?<!\w)(?:{_alt(units['duration_before'])})\s+$")
        self.duration_after = re.compile(rf"(?i)^\s+(?:{_alt(units['duration_after'])})(?!\w)")
        src = lang.sources
        self.kinds = source_kinds(src, _inflected, _alt)
        self.organisation_word = re.compile(rf"(?i)^{_inflected(src['organisation_words'])}$")
        self.title_word = re.compile(rf"(?i)^{_inflected(src['titles'])}$")
        self.scope = _scope_patterns(lang)
        self.cumulative = re.compile(rf"(?i)(?<!\w)(?:{_alt(lang.time['cumulative_cues'])})(?!\w)")
        self._time = lang.time
        self.parse_number = parse_number
        self.word_value = lambda phrase: word_value(phrase, lang)
        agency = r"[A-Za-zА-ЯЁа-яё][\w\-. ]{1,30}?"
        day_month = r"\d{1,2}\s+[а-яё]+"
        self.datelines = (
            # МОСКВА, 12 июня. /ТАСС/.
            re.compile(rf"^\s*(?P<place>[{CAPITAL}][{CAPITAL} .\-]{{1,40}}),\s*(?P<date>{day_month})\.?\s*/\s*(?P<agency>{agency})\s*/\s*\.?"),
            # Москва. 6 ноября. INTERFAX.RU -
            re.compile(rf"^\s*(?P<place>[{CAPITAL}][\w .\-]{{1,40}}?)[.,]\s*(?P<date>{day_month})\.\s*(?P<agency>[A-ZА-ЯЁ][\w.\-]{{1,30}}?)\s*[-—–]\s"),
            # МОСКВА, 18 июн — РИА Новости.
            re.compile(rf"^\s*(?P<place>[{CAPITAL}][{CAPITAL} .\-]{{1,40}}),\s*(?P<date>{day_month})\.?\s*[—–-]\s*(?P<agency>[A-ZА-ЯЁ][\w\-]*(?: [A-ZА-ЯЁ][\w\-]*){{0,2}})\.(?=\s|$)"),
        )

    def read_when(self, text: str) -> When:
        """What a date phrase names: '12 июня 2025 года', 'начале осени', 'сентябрь 2025'."""
        t = self._time
        text = re.sub(r"\s+", " ", text.lower().replace("ё", "е")).strip(" .,")
        text = re.sub(rf"\s+(?:{_alt(t['trailing_words'])})$", "", text)
        for event, iso in sorted(t["events"].items(), key=lambda e: -len(e[0])):
            if event in text:
                return When(event=iso)
        year = _year_in(text)
        words = re.findall(r"[а-яa-z]+", text)
        qualifier = next((t["qualifiers"][w] for w in words if w in t["qualifiers"]), None)
        season = next((tuple(t["seasons"][w]) for w in words if w in t["seasons"]), None)
        month = next((t["months"][w] for w in words if w in t["months"]), None)
        if qualifier:
            return When(qualifier=qualifier, season=None if month else season, month=month, year=year)
        day = re.search(r"(?<!\d)(\d{1,2})(?!\d)", _YEAR.sub("", text))
        return When(month=month, day=int(day.group(1)) if day and month else None, year=year)


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _year_in(text: str) -> int | None:
    m = _YEAR.search(text)
    return int(m.group()) if m else None


def _alt(phrases) -> str:
    """Escaped phrases, longest first, a space matching any white space."""
    ordered = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))  # ties in a fixed order, not the set's
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) or r"(?!x)x"


def _words(words) -> str:
    return rf"(?<!\w)(?:{_alt(words)})(?!\w)"


def _stem(word: str) -> str:
    """A word with its inflectional ending left open: 'министерство' → 'министерств\\w{0,3}'."""
    if len(word) <= 3 or not word[-1].isalpha() or word.isupper():
        return re.escape(word)
    stem = re.sub(r"[аяоеыийьуюё]+$", "", word)
    return re.escape(stem if len(stem) >= 3 else word) + r"\w{0,3}"


def _inflected(phrases) -> str:
    """Any of ``phrases`` with each word in any case form, between word boundaries."""
    parts = sorted({r"\s+".join(_stem(w) for w in p.split()) for p in phrases if p}, key=lambda p: (-len(p), p))
    return r"(?<!\w)(?:" + ("|".join(parts) or r"(?!x)x") + r")(?!\w)"


def parse_number(text: str) -> float:
    """'20 000' and '20\u00a0000' are thousands; the comma is always decimal ('29,8'); '60.164' a
    thousands point only in groups of three."""
    compact = re.sub(r"[ \u00a0\u202f]", "", text)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", compact):
        return float(compact.replace(".", ""))
    return float(compact.replace(",", "."))


def word_value(phrase: str, lang) -> float:
    """'двадцать пять тысяч' → 25,000; 'полтора миллиона' → 1,500,000."""
    num = lang.numbers
    total, current = 0.0, 0.0
    for part in re.split(r"[\s-]+", phrase.lower().replace("ё", "е")):
        if part in num["number_word_skip"]:
            continue
        if part in num["units_words"]:
            current += num["units_words"][part]
        elif part in num["tens_words"]:
            current += num["tens_words"][part]
        elif part == num["hundred"]:
            current = (current or 1) * 100
        elif part in num["multipliers"]:
            total += (current or 1) * num["multipliers"][part]
            current = 0
    return total + current


def _number_patterns(lang) -> dict:
    from .. import phrase_regex

    num, units = lang.numbers, lang.units
    digits = r"""
        (?<![\w.,])(?:
            \d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d]|[.,]\d)     # 20 000, 20 000 (no-break and thin spaces)
          | \d{1,3}(?:\.\d{3})+(?![\d,]|\.\d)                  # 60.164 in translated copy
          | \d+(?:,\d+)?                                       # 29,8  20000
        )(?![\w])
    """
    words = sorted(set(num["units_words"]) | set(num["tens_words"]) | set(num["scale_words"]), key=len, reverse=True)
    word = "(?:" + "|".join(map(re.escape, words)) + ")"
    word_number = rf"{word}(?:\s+{word})*"
    # An abbreviated multiplier takes its dot ("тыс."); a whole word does not ("тысяч." ends a sentence).
    short = [m for m in num["multipliers"] if len(m) <= 4]
    mult = rf"(?:{_alt(short)})(?!\w)\.?|(?:{_alt(set(num['multipliers']) - set(short))})(?!\w)"
    every = _alt(num["every_words"])
    ordinals = _alt(num["ordinal_words"])
    suffix = "(?:" + "|".join(num["ordinal_suffixes"]) + ")"
    # "тысячи людей" is a vague quantity; "двадцать тысяч", "20 тысяч" a multiplier of a number.
    not_after_number = "".join(rf"(?<!{re.escape(w)} )" for w in sorted(set(num["units_words"]) | set(num["tens_words"])))
    vague = rf"(?<!\d )(?<!\d\u00a0){not_after_number}(?<![\w-])(?:{_alt(num['vague_quantities'])})(?![\w-])"
    return {
        "digits": re.compile(digits, re.VERBOSE),
        "word": re.compile(rf"(?<![\w-]){word_number}(?![\w-])", re.IGNORECASE),
        "fraction": phrase_regex(num["fractions"]),
        "fraction_follows": re.compile(rf"\s+(?:{_alt(num['fraction_followers'])}|[а-яё]+)|\s*[.,;:!?»)—–-]", re.IGNORECASE),
        "one_in": re.compile(rf"(?<!\w)(?:{_alt(num['one_in_ones'])})\s+(?:{_alt(num['one_in_links'])})\s+(\d+|{_alt(num['one_in_words'])})(?!\w)", re.IGNORECASE),
        "multiplier": re.compile(rf"[ \u00a0]*(?:{mult})", re.IGNORECASE),
        "vague": re.compile(vague, re.IGNORECASE),
        "approx": _cue(num["approximate_cues"]),
        "lower": _cue(num["lower_cues"]),
        "upper": _cue(num["upper_cues"], after_number=num["joiners_needing_opener"], numbers=num["multipliers"]),
        "percent": re.compile(rf"[ \u00a0]*(?:{_alt(units['percent'])})(?!\w)", re.IGNORECASE),
        "points": re.compile(rf"[ \u00a0]*(?:{_alt(units['percentage_point'])})(?!\w)", re.IGNORECASE),
        "fold": phrase_regex(num["fold_words"]),
        "change": phrase_regex(num["change_verbs"]),
        "times": re.compile(rf"[ \u00a0]+(?:{_alt(units['times_words'])})(?!\w)", re.IGNORECASE),
        "every_nth": re.compile(rf"(?<!\w)(?:{every})\s+(\d+)-?{suffix}(?!\w)|(?<!\w)(?:{every})\s+({ordinals})(?!\w)", re.IGNORECASE),
        "currency_code": re.compile(rf"(?<!\w)({'|'.join(units['currency_codes'])})\s*$"),
        "currency_sym": re.compile("([" + re.escape("".join(units["currency_symbols"])) + r"])\s?$"),
        "currency_word": re.compile(rf"(?:{_alt(units['currency_words'])})(?!\w)", re.IGNORECASE),
        "measure": re.compile(rf"(?:{_alt(units['measure_units'])})(?!\w)", re.IGNORECASE),
        "join": re.compile(rf"\s*(?:{_alt(num['range_joiners'])})\s*$", re.IGNORECASE),
        "open": re.compile(rf"(?<!\w)(?:{_alt(num['range_openers'])})\s+$", re.IGNORECASE),
    }


def _cue(cues, after_number=(), numbers=()) -> re.Pattern:
    """A cue that ends right before the number; a cue that also joins a range ('от 10 до 20', 'от
    190 тысяч до 245 тысяч') does not count right after another number."""
    ends = [r"\d", r"\d\."] + [re.escape(w) for w in numbers] + [re.escape(w) + r"\." for w in numbers]
    guard = "".join(rf"(?<!{end}\s{re.escape(c)})" for c in after_number for end in ends)
    return re.compile(rf"(?<![\w-])(?:{_alt(cues)})(?!\w){guard}\s*$", re.IGNORECASE)


def _onset_writing(t: dict) -> OnsetWriting:
    return OnsetWriting(alt=lambda phrases: "(?:" + _alt(phrases) + r")(?!\w)",
                        month="(?:" + _alt(t["months"]) + r")(?!\w)\.?", weekday="(?:" + _alt(t["weekdays"]) + r")(?!\w)",
                        year=r"(?:19|20)\d{2}(?!\d)(?:\s*(?:года|году|г\.)(?!\w))?", at="в|во", about="о",
                        word=r"[\w«»\",-]")


def _onset_patterns(lang) -> list[re.Pattern]:
    """'боевые действия начались ... 14 марта 2022 года' (lang/forms.py onset_patterns)."""
    return onset_patterns(lang.time, _onset_writing(lang.time))


def _period_patterns(lang) -> list[tuple[str, re.Pattern]]:
    """(kind, pattern) in order of precedence; the named groups are the interface of
    lang/forms.py that extract/periods.py resolves."""
    t = lang.time
    month = "(?:" + _alt(t["months"]) + r")(?!\w)\.?"
    weekday = "(?:" + _alt(t["weekdays"]) + r")(?!\w)"
    part = "(?:" + _alt([p for p in t["year_parts"] if p not in t["months"]]) + r")(?!\w)"
    month_part = "(?:" + _alt(t["months"]) + r")(?!\w)"
    num = "(?:" + _alt(t["number_words"]) + r"|\d{1,2})(?!\w)"
    events = "(?:" + _alt(t["events"]) + r")(?!\w)"
    season = "(?:" + _alt(t["seasons"]) + r")(?!\w)"
    qualifier = "(?:" + _alt(t["qualifiers"]) + r")(?!\w)"
    year_word = r"(?:\s*(?:года|год|году|г\.|гг\.|годах|годов)(?!\w)|-(?:го|м|й)(?!\w))?"
    year = rf"(?:19|20)\d{{2}}(?!\d){year_word}"
    ref = "(?:" + _alt(t["reference_years"]) + r")(?!\w)"
    ref_year = rf"(?P<y>(?:19|20)\d{{2}}(?!\d)|{ref}){year_word}"
    day_date = rf"(?:\d{{1,2}}\s+{month}\s*(?:{year})?)"
    month_year = rf"(?:{month}\s*(?:{year})?)"
    when = rf"(?:{day_date}|{month_year}|{year}|{events}|{qualifier}\s+(?:{season}|{month}|{year})\s*(?:{year})?)"
    relative = _alt(t["relative"])
    starts = _alt(t["period_starts"])
    unit = "(?:" + _alt(t["unit_words"]) + r")(?!\w)"
    past = r"(?:последн\w+|прошедш\w+|минувш\w+|предыдущ\w+)"
    aside = r"(?:\s*,[^.;]{0,120}?,)?"
    day_parts = "(?:" + _alt(t["day_parts"]) + r")(?!\w)"
    onset = onset_pieces(t, _onset_writing(t))
    table = [
        ("range", rf"(?<!\w)с\s+(?:начала\s+)?(?P<a>{day_date}|{month_year}|{year}){aside}\s+(?:по|до)\s+(?P<b>(?:{qualifier}\s+)?(?:{day_date}|{month_year}|{year}))"),
        # "с 3 по 9 марта", "16–19 февраля 2024 года": the first day reads its month from the second
        ("range", rf"(?<!\w)(?:с\s+)?(?P<a>\d{{1,2}}\s*(?:по|[-–—])\s*(?P<b>\d{{1,2}}\s+{month}\s*(?:{year})?))"),
        ("range", rf"(?<!\w)(?:в|за)?\s*(?P<a>{month})\s*[-–—]\s*(?P<b>{month}\s*(?:{year})?)"),
        ("range", rf"(?<!\w)(?:в|за)?\s*(?P<a>(?:19|20)\d{{2}})\s*[-–—]\s*(?P<b>{year})"),
        ("first_n", rf"(?<!\w)(?:за|в\s+течение)\s+(?P<which>{_alt(t['which_words'])}|)\s*(?P<n>{num})\s+(?P<unit>{unit})\s+{ref_year}"),
        ("first_n", rf"(?<!\w)(?:за|в\s+течение)\s+(?P<which>первые|первых|)\s*(?P<n>{num})\s+(?P<unit>месяц\w*)(?!\s+(?:19|20)\d\d|\s+{ref})(?P<y>)"),
        ("part", rf"(?<!\w)(?:в|за)\s+(?P<part>{part})\s+{ref_year}"),
        # "в сентябре прошлого года", "в прошлом августе": a month of a year named relative to publication
        ("part", rf"(?<!\w)(?:в|за)\s+(?P<part>{month_part})\s+(?P<y>{ref})"),
        ("part", rf"(?<!\w)в\s+(?P<y>прошлом|позапрошлом|этом|нынешнем)\s+(?P<part>{month_part})"),
        ("part", rf"(?<!\w)(?:в|за)\s+(?P<part>{part})(?!\s+(?:19|20)\d\d)(?P<y>)"),
        ("past_n", rf"(?<!\w)(?:за|в\s+течение)\s+{past}\s+(?P<n>{num})\s+(?P<unit>{unit})"),
        ("past_1", rf"(?<!\w)(?:за|в\s+течение)\s+(?:{past}\s+)?(?P<unit>сутки|сут\.|{unit})(?!\s+\d)"),
        # "с начала войны", "с момента объявления мобилизации": the article may date it (onsets)
        ("since_event", rf"(?<!\w)(?:с|со\s+времени)\s+(?P<a>{onset['starts']}\s+(?:{onset['mods']}\s+)*[«\"]?"
                        rf"(?P<event>{onset['event']})){onset['not_dated']}{onset['dated_here']}"),
        ("since", rf"(?<!\w)(?:с|начиная\s+с|со\s+времени)\s+(?:начала\s+)?(?P<a>{events}|{day_date}|{month_year}|{year})"),
        ("as_of", rf"(?<!\w)(?:по\s+состоянию\s+на|на)\s+(?:\d{{1,2}}:\d{{2}}\s+|{day_parts}\s+)?(?P<a>{day_date}|\d{{1,2}}\s+{month}|(?:конец|начало)\s+(?:{month_year}|{year}))"),
        ("same_period", rf"(?<!\w)(?:за|в)\s+(?:аналогичный|тот\s+же|этот\s+же|такой\s+же)\s+период(?:\s+{ref_year})?"),
        ("since_rel", rf"(?<!\w)с\s+начала\s+(?P<rel>{starts})(?!\w)"),
        ("rel", rf"(?<!\w)(?P<rel>{relative})(?!\w)"),
        ("on_day", rf"(?<!\w)(?:в|во)\s+(?:(?P<last>прошл\w+)\s+)?(?P<wd>{weekday})"),
        ("in_when", rf"(?<!\w)(?:в|во|за|на\s+протяжении|в\s+течение)\s+(?P<a>{day_date}|{month}\s*(?:{year})?|{year}|{qualifier}\s+(?:{month}|{year}|{season})\s*(?:{year})?)"),
        ("in_when", rf"(?<!\w)на\s+(?P<a>(?:19|20)\d{{2}})\s+год(?!\w)"),  # "бюджет на 2025 год"
        ("in_when", rf"(?<!\w)(?P<a>{month})(?=\s*[—–-]\s*(?:\d|около|более|почти))"),  # "июль — 811 дел"
        # "2022 год — 310, 2023 год — 112": a year heading its figure in a list
        ("in_when", rf"(?<![\w\d])(?P<a>(?:19|20)\d{{2}}\s+год)(?=\s*[—–:-])"),
        ("date", rf"(?<!\w)(?P<a>{day_date})"),
    ]
    return [(kind, re.compile(rx, re.IGNORECASE)) for kind, rx in table]


def _scope_patterns(lang) -> dict:
    sc = lang.scope
    nat = _words(sc["nationalities"])
    body = _inflected(sc["military_bodies"])
    return {
        "military": re.compile(rf"(?:{nat}\s+)?{body}(?:\s+{nat})?(?:\s*\((?:[{CAPITAL}]{{2,5}})\))?", re.IGNORECASE),
        "nation": re.compile(rf"(?<!\w)(?:{_alt(sc['nation_prepositions'])})\s+({nat})|({nat})", re.IGNORECASE),
        "source_context": re.compile(
            rf"{_inflected(sc['source_nouns'])}\s+(?:{_alt(sc['within_words'])})\s+[\w\s]{{0,30}}$"
            rf"|{_inflected(sc['source_context_ends'])}\s+$", re.IGNORECASE),
        "source_head_after": re.compile(rf"\s+{_inflected(sc['source_context_heads'])}", re.IGNORECASE),
        "not_body": re.compile(rf"(?i){_inflected(sc['not_body_starts'])}"),
        "not_body_phrase": re.compile(rf"(?i){_inflected(sc['not_body_phrases'])}"),
        "leading_article": re.compile(r"^(?!x)x"),  # Russian has no articles
        "abbreviation": re.compile(rf"(?<!\w)[{CAPITAL}]{{2,5}}(?!\w)"),
    }
