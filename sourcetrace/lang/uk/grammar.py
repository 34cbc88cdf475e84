"""Ukrainian: the grammar behind the data in this folder.

- ``SYNTAX`` answers the questions of :class:`~sourcetrace.lang.syntax.Syntax` on the Universal
  Dependencies labels of the rule-based parser in ``parser.py`` (no Ukrainian parser ships on PyPI
  under a licence this project can redistribute).
- ``Forms`` holds how Ukrainian writes sentence ends, numbers ('29,8 тис.', '9 847'), dates and
  periods ('з початку повномасштабного вторгнення', 'за сім місяців 2025 року', 'станом на
  1 жовтня') and datelines ('КИЇВ, 12 червня. /Укрінформ/.'), as regular expressions built from the
  data files.
- ``verb_forms`` inflects a verb from its infinitive; forms no rule makes are in verbs.json.
- ``normalise_name`` puts a name in a form all its cases share, for the registry.
- ``load_parser`` builds the parser (nothing to download).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from ..forms import OnsetWriting, When, onset_patterns, onset_pieces, source_kinds
from ..ud import UDSyntax, base, feature
from . import dictionary

_APOSTROPHE = "['’ʼ]"


# --- names --------------------------------------------------------------------------------------

def normalise_name(name: str) -> str:
    """A name in a form all its cases share, word by word, so that the registry finds it however it
    is declined: 'Офісу Генпрокурора', 'Офісом генпрокурора' → 'офіс генпрокурор'; «Української
    правди», 'Українською правдою' → 'українськ правд'; 'ТАССу' → 'тасс'. With the optional dictionary
    (dictionary.py) a word is first put in its dictionary form, which also undoes the vowel changes
    endings cannot ('Києва' → 'київ')."""
    return " ".join(_stem(dictionary.lemma(word) or word) for word in name.lower().replace("’", "'").split())


def _stem(word: str) -> str:
    for ending in _name_endings():
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=1)
def _name_endings() -> tuple[str, ...]:
    return tuple(sorted(_morphology()["name_endings"], key=len, reverse=True))


def load_parser():
    from .. import load_language
    from .parser import Parser

    return Parser(load_language("uk"))


def parser_name(nlp) -> str:
    return f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"


# --- verbs -------------------------------------------------------------------------------------

_LABIAL = ("б", "п", "в", "м", "ф")
_ALTERNATION = (("зд", "ждж"), ("ст", "щ"), ("д", "дж"), ("т", "ч"), ("з", "ж"), ("с", "ш"))


def verb_forms(lemma: str) -> set[str]:
    """Past (m/f/n/pl), present or future 3rd person, impersonal and converb forms of an infinitive:
    'повідомити' → повідомив, повідомила, повідомили, повідомить, повідомлять, повідомлено, ...
    Reflexive verbs ('-тися') keep '-ся'/'-сь'. Irregular forms are listed in verbs.json."""
    reflexive = lemma.endswith(("тися", "тись"))
    base = lemma[:-2] if reflexive else lemma
    if not base.endswith("ти"):
        return {lemma}
    stem = base[:-2]
    forms = {stem + "в", stem + "ла", stem + "ло", stem + "ли"}
    if stem.endswith("ува"):
        root = stem[:-3]
        forms |= {root + "ує", root + "ують", root + "овано", root + "уючи"}
    elif stem.endswith(("ава", "ява")) and len(stem) > 4:
        forms |= {stem[:-2] + "є", stem[:-2] + "ють", stem + "є", stem + "ють"}
    if stem.endswith(("а", "я")):
        forms |= {stem + "є", stem + "ють", stem + "но", stem + "ючи"}
        if stem[-2:-1] in ("ж", "ч", "ш", "щ"):
            forms |= {stem[:-1] + "ить", stem[:-1] + "ать"}
    if stem.endswith(("и", "і")):
        root = stem[:-1]
        forms |= {root + "ить", root + "ять", root + "ать", root + "ячи", root + "ачи", root + "ять"}
        forms |= {_alternate(root) + "ено", root + "ено"}
        if stem.endswith("і"):
            forms |= {stem + "є", stem + "ють"}
    if stem.endswith("у"):
        forms |= {stem[:-1] + "е", stem[:-1] + "уть", stem + "то"}
    forms.add(base)
    if reflexive:
        forms = {_reflexive(f) for f in forms} | {stem + "вся", stem + "лася", stem + "лося", stem + "лися",
                                                   stem + "лась", stem + "лось", stem + "лись"}
        forms.add(lemma)
    return forms


def _alternate(root: str) -> str:
    """The consonant change before '-ено': повідом-ити → повідомл-ено, пошкод-ити → пошкодж-ено."""
    if root.endswith(_LABIAL):
        return root + "л"
    for old, new in _ALTERNATION:
        if root.endswith(old):
            return root[: len(root) - len(old)] + new
    return root


def _reflexive(form: str) -> str:
    if form.endswith(("ть", "є", "ти")):
        return form + "ся"
    if form.endswith(("в",)):
        return form + "ся"
    if form.endswith(("ла", "ло", "ли")):
        return form + "ся"
    return form + "сь" if form.endswith(("и", "чи")) else form + "ся"


# --- syntax ------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _morphology() -> dict:
    return json.loads(resources.files(__package__).joinpath("morphology.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _report_nouns() -> frozenset[str]:
    text = resources.files(__package__).joinpath("attribution.json").read_text(encoding="utf-8")
    return frozenset(json.loads(text)["report_nouns"])


@lru_cache(maxsize=1)
def _registers() -> frozenset[str]:
    text = resources.files(__package__).joinpath("attribution.json").read_text(encoding="utf-8")
    return frozenset(json.loads(text)["record_owner_nouns"])


class UkrainianSyntax(UDSyntax):
    """The questions answered on the Universal Dependencies labels of parser.py's shallow parse;
    only what that parse answers differently from a treebank-trained one is overridden."""

    def agent(self, verb):
        """The instrumental doer of an impersonal verb ('зареєстровано *поліцією*'), the document a
        subjectless verb says something in ('йдеться *у відповіді*'), or the body a subjectless plural
        verb speaks from ('повідомили *в ОВА*', 'уточнили *у відомстві*')."""
        agent = super().agent(verb)
        if agent is not None:
            return agent
        if any(self.is_subject(c, passive=True) for c in verb.children):
            return None
        morphology = _morphology()
        places = [(c, m) for m, c in self.prepositions(verb)
                  if base(c) == "obl" and m.lower_ in morphology["speaker_place_prepositions"]]
        said_in = next((c for c, _ in places if c.lower_ in _report_nouns() or c.lower_ in _registers()), None)
        if said_in is not None:
            return said_in  # 'йдеться *у відповіді*', 'обліковуються *в Єдиному реєстрі*': the document speaks, the register holds
        if feature(verb, "Number") != "Plur":
            return None
        for child, case in ((c, m) for m, c in self.prepositions(verb)):
            if base(child) == "obl" and case.lower_ in morphology["speaker_place_prepositions"] \
                    and (child.text[:1].isupper() or child.lower_ in morphology["speaker_place_nouns"]):
                return child
        return None

    def quantified(self, number):
        """'20 тис. *справ*', never 'один *із посадовців*': the group one is part of is not counted."""
        counted = super().quantified(number)
        return None if counted is not None and self.is_prepositional_object(counted) else counted

    def prepositional_object(self, preposition):
        """A preposition written in several words ('згідно з', 'відповідно до') is one: its later
        words are ``fixed`` to the first, which is the noun's ``case``."""
        while preposition is not None and preposition.dep_ == "fixed" and preposition.head.i != preposition.i:
            preposition = preposition.head
        return super().prepositional_object(preposition)


SYNTAX = UkrainianSyntax()


# --- forms -------------------------------------------------------------------------------------

_CAPS = "A-ZА-ЯІЇЄҐ"
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


class Forms:
    """How Ukrainian writes what the components look for, compiled once per language."""

    def __init__(self, lang):
        self.sentence_boundary = re.compile(rf"""[.!?…]+["'”’»)\]]*\s+(?=["'“‘«(\[]?[{_CAPS}0-9])""")
        self.numbers = _number_patterns(lang)
        self.periods = _period_patterns(lang)
        self.onsets = _onset_patterns(lang)
        labels = "|".join(_spaced(w) for w in sorted(lang.numbers["label_words"], key=len, reverse=True))
        self.not_figure_before = re.compile(
            rf"(?:(?<![\w])(?:{labels})\.?\s*|[#§№]\s*|[^\W\d_]-|\d[:/.\-]|[:/]|[^\W\d_]\()$", re.IGNORECASE)
        self.not_figure_after = re.compile(r"^(?:-[^\W\d_]|[:/]\d|\s*(?:год\.|годин[іиа]\b))", re.IGNORECASE)
        units = lang.units
        self.rate_word_before = re.compile(rf"(?i)({'|'.join(units['rate_words_before'])})")
        self.rate_adjective = re.compile(rf"(?i){'|'.join(units['rate_adjectives'])}")
        self.duration_before = re.compile(rf"(?i)(?<![\w])(?:{'|'.join(units['duration_before'])})\s+$")
        self.duration_after = re.compile(rf"(?i)^\s+(?:{'|'.join(units['duration_after'])})(?![\w])")
        src = lang.sources
        self.kinds = source_kinds(src, _words_rx, _escaped)
        self.organisation_word = re.compile(rf"(?i)^(?:{'|'.join(map(re.escape, src['organisation_words']))})$")
        self.title_word = re.compile(rf"(?i)^(?:{'|'.join(map(re.escape, src['titles']))})$")
        self.scope = _scope_patterns(lang)
        self.cumulative = re.compile(rf"(?i)(?<![\w])(?:{'|'.join(_spaced(c) for c in lang.time['cumulative_cues'])})(?![\w])")
        self._time = lang.time
        self.parse_number = parse_number
        self.word_value = lambda phrase: word_value(phrase, lang)
        month = _month_rx(lang)
        self.datelines = (
            # "ХАРКІВ, 2 липня. /Укрінформ/."  "МОСКВА, 3 вересня /ТАСС/."
            re.compile(rf"^\s*(?P<place>[{_CAPS}][{_CAPS}'’ .\-]{{1,40}}?)\s*[,.]\s*(?P<date>\d{{1,2}}\s+{month}(?:\s+\d{{4}}(?:\s+р(?:оку|\.))?)?)\s*[.,]?\s*/\s*(?P<agency>[^/\n]{{2,30}}?)\s*/\s*\.?", re.IGNORECASE),
            # "КИЇВ. 14 березня. ІНТЕРФАКС-УКРАЇНА –"
            re.compile(rf"^\s*(?P<place>[{_CAPS}][{_CAPS}'’ .\-]{{1,40}}?)\s*[,.]\s*(?P<date>\d{{1,2}}\s+{month})\s*[.,]\s*(?P<agency>[{_CAPS}][{_CAPS}\-]{{2,30}})\s*[-—–]+"),
            # "ЗАПОРІЖЖЯ, 11 листопада. УНІАН."  "МОСКВА, 18 червня — РІА Новини."
            re.compile(rf"^\s*(?P<place>[{_CAPS}][{_CAPS}'’ .\-]{{1,40}}?)\s*,\s*(?P<date>\d{{1,2}}\s+{month})\.\s*(?P<agency>[{_CAPS}][{_CAPS}\-]{{2,30}})\.(?=\s|$)"),
            re.compile(rf"^\s*(?P<place>[{_CAPS}][{_CAPS}'’ .\-]{{1,40}}?)\s*,\s*(?P<date>\d{{1,2}}\s+{month})\.?\s*[—–-]\s*(?P<agency>[{_CAPS}][\w\-]*(?: [{_CAPS}][\w\-]*){{0,2}})\.(?=\s|$)"),
        )

    def read_when(self, text: str) -> When:
        """What a date phrase names: 'кінця липня 2025 року', '24 лютого 2022', 'повномасштабного
        вторгнення', 'першому півріччі'."""
        t = self._time
        text = re.sub(r"\s+", " ", re.sub(_APOSTROPHE, "'", text.lower())).strip()
        text = re.sub(rf"\s+{_alternation(t['trailing_words'])}$", "", text)
        events = t["events"]
        for event in sorted(events, key=len, reverse=True):
            if text == event or text.endswith(event):
                return When(event=events[event])
        year = _year_in(text)
        words = [w.strip(".,") for w in text.split()]
        qualifier = re.match(rf"({_alternation(t['qualifiers'], bounded=False)})\s+(.*)", text)
        month = next((t["months"][w] for w in words if w in t["months"]), None)
        if qualifier:
            which = t["qualifiers"][qualifier.group(1)]
            rest = [w.strip(".,") for w in _YEAR.sub("", qualifier.group(2)).split()]
            season = next((t["seasons"][w] for w in rest if w in t["seasons"]), None)
            if season is not None:
                return When(qualifier=which, season=tuple(season), year=year)
            return When(qualifier=which, month=month, year=year)
        day = re.search(r"(?<!\d)(\d{1,2})(?!\d)", _YEAR.sub("", text))
        return When(month=month, day=int(day.group(1)) if day and month else None, year=year)


def _spaced(phrase: str) -> str:
    return re.escape(phrase).replace(r"\ ", r"\s+").replace("'", _APOSTROPHE)


def _alternation(phrases, bounded: bool = True) -> str:
    """Escaped phrases, longest first, spaces matching any white space; a word end is bounded."""
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        if not phrase:
            continue
        parts.append(_spaced(phrase) + (r"(?![\w'’ʼ])" if bounded and phrase[-1:].isalnum() else ""))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _month_rx(lang) -> str:
    return _alternation(lang.time["months"])


def _escaped(names) -> str:
    """Whole names, each escaped."""
    return "|".join(re.escape(name) for name in names)


def _words_rx(words) -> str:
    return r"(?<![\w'’ʼ])(?:" + "|".join(_spaced(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w'’ʼ])"


def _number_patterns(lang) -> dict:
    from .. import phrase_regex

    num, units = lang.numbers, lang.units
    digits = r"""
        (?<![\w.,])(?:
            \d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)   # 9 847 (thin and no-break spaces too)
          | \d{1,3}(?:\.\d{3})+(?![\d,]|\.\d)           # 243.618 (thousands, in translated copy)
          | \d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])        # 60,164 (English style)
          | \d+(?:[.,]\d+)?                             # 29,8  20000
        )(?![\w])
    """
    words = list(num["units_words"]) + list(num["tens_words"]) + list(num["scale_words"])
    word = "(?:" + "|".join(_spaced(w) for w in sorted(set(words), key=len, reverse=True)) + ")"
    word_number = rf"{word}(?:\s+{word})*"
    mult = "|".join(_spaced(m) for m in sorted(num["multipliers"], key=len, reverse=True))
    ones, links = _alternation(num["one_in_ones"]), _alternation(num["one_in_links"])
    one_in_words = "|".join(_spaced(w) for w in num["one_in_words"])
    every = _alternation(num["every_words"])
    suffix = "(?:" + "|".join(re.escape(s) for s in sorted(num["ordinal_suffixes"], key=len, reverse=True)) + ")"
    ordinals = "|".join(_spaced(w) for w in sorted(num["ordinal_words"], key=len, reverse=True))
    return {
        "digits": re.compile(digits, re.VERBOSE),
        "word": re.compile(rf"(?<![\w'’ʼ-]){word_number}(?![\w'’ʼ-])", re.IGNORECASE),
        "fraction": _phrases(num["fractions"]),
        "fraction_follows": re.compile(r"\s*(?:[^\W\d_]|[–—-])", re.IGNORECASE),
        "one_in": re.compile(rf"(?<![\w]){ones}\s+{links}\s+(\d+|{one_in_words})(?![\w])", re.IGNORECASE),
        "multiplier": re.compile(rf"\s*(?:{mult})(?![\w])\.?", re.IGNORECASE),
        "vague": _phrases(num["vague_quantities"]),
        "approx": _cue(num["approximate_cues"], lang),
        "lower": _cue(num["lower_cues"], lang),
        "upper": _cue(num["upper_cues"], lang),
        "percent": re.compile(rf"\s*{_alternation(units['percent'])}", re.IGNORECASE),
        "points": re.compile(rf"\s*{_alternation(units['percentage_point'])}", re.IGNORECASE),
        "fold": _phrases(num["fold_words"]),
        "change": _phrases(num["change_verbs"]),
        "times": re.compile(rf"\s+{_alternation(units['times_words'])}", re.IGNORECASE),
        "every_nth": re.compile(rf"(?<![\w]){every}\s+(\d+){suffix}(?![\w])|(?<![\w]){every}\s+({ordinals})(?![\w])", re.IGNORECASE),
        "currency_code": re.compile(rf"\b({'|'.join(units['currency_codes'])})\s*$"),
        "currency_sym": re.compile("([" + re.escape("".join(units["currency_symbols"])) + r"])\s?$"),
        "currency_word": phrase_regex(units["currency_words"]),
        "measure": phrase_regex(units["measure_units"]),
        "join": re.compile(rf"\s*{_alternation(num['range_joiners'], bounded=False)}\s*$", re.IGNORECASE),
        "open": re.compile(rf"(?<![\w]){_alternation(num['range_openers'])}\s+$", re.IGNORECASE),
    }


class _Phrases:
    """A phrase alternation whose matches read back through the data table as written there: the
    table's keys use "'" for the apostrophe, the text may use ’ or ʼ."""

    def __init__(self, phrases):
        self.rx = re.compile(rf"(?<![\w'’ʼ-]){_alternation(phrases)}", re.IGNORECASE)

    def finditer(self, text, *args):
        return (_Match(m) for m in self.rx.finditer(text, *args))


class _Match:
    def __init__(self, m):
        self._m = m

    def group(self, *args):
        return re.sub(_APOSTROPHE, "'", self._m.group(*args))

    def start(self, *args):
        return self._m.start(*args)

    def end(self, *args):
        return self._m.end(*args)


def _phrases(phrases) -> _Phrases:
    return _Phrases(phrases)


def _cue(cues, lang) -> re.Pattern:
    """A bound cue right before the number ('понад 5 тис.'). A cue that also joins a range ('до')
    is no cue after a number ('від 400 тис. до 2,5 млн')."""
    joiners = set(lang.numbers["range_joiners"])
    plain = [c for c in cues if c not in joiners]
    joining = [c for c in cues if c in joiners]
    parts = [rf"(?<![\w'’ʼ-])(?:{_alternation(plain, bounded=False)[3:-1]})"] if plain else []
    if joining:
        after_number = "".join(rf"(?<!{re.escape(m)}\s)(?<!{re.escape(m)}\.\s)" for m in lang.numbers["multipliers"])
        parts.append(rf"(?<![\w'’ʼ-])(?<!\d\s)(?<!\d){after_number}(?:{_alternation(joining, bounded=False)[3:-1]})")
    return re.compile(rf"(?:{'|'.join(parts)})\s*$", re.IGNORECASE)


def parse_number(text: str) -> float:
    """'9 847' and '243.618' are thousands; '29,8' and '1,1' decimals; '60,164' thousands."""
    compact = re.sub(r"[ \u00a0\u202f]", "", text)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", compact):
        return float(compact.replace(".", ""))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", compact) and not re.fullmatch(r"\d{1,3},\d{3}", compact):
        return float(compact.replace(",", ""))
    return float(compact.replace(",", "."))


def word_value(phrase: str, lang) -> float:
    """'дві тисячі' → 2,000; 'двісті п'ятдесят' → 250; 'п'ятьом' → 5."""
    num = lang.numbers
    total, current = 0.0, 0.0
    for part in re.split(r"\s+", re.sub(_APOSTROPHE, "'", phrase.lower())):
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


def _year_in(text: str) -> int | None:
    m = _YEAR.search(text)
    return int(m.group()) if m else None


def _onset_writing(t: dict) -> OnsetWriting:
    return OnsetWriting(alt=_alternation, month=_alternation(t["months"]), weekday=_alternation(t["weekdays"]),
                        year=r"(?:19|20)\d{2}(?:\s+(?:року|році|р\.))?", at="у|в", about="",
                        word=r"[\w«»\"'’,-]")


def _onset_patterns(lang) -> list[re.Pattern]:
    """'бойові дії почалися ... 14 березня 2022 року' (lang/forms.py onset_patterns)."""
    return onset_patterns(lang.time, _onset_writing(lang.time))


def _period_patterns(lang) -> list[tuple[str, re.Pattern]]:
    """(kind, pattern) in order of precedence; the named groups are the interface of
    lang/forms.py (a, b, n, unit, which, part, y, rel, wd, last)."""
    t = lang.time
    month = _alternation(t["months"])
    weekday = _alternation(t["weekdays"])
    season = _alternation(t["seasons"])
    part = _alternation(t["year_parts"])
    num = "(?:" + _alternation(t["number_words"])[3:-1] + r"|\d{1,2})"
    units = _alternation(t["unit_words"])
    events = _alternation(t["events"])
    qualifier = _alternation(t["qualifiers"])
    year_word = r"(?:\s+(?:року|році|рік|роках|роки|р\.))?"
    year = rf"(?:19|20)\d{{2}}(?:-(?:го|му|й|ого|ому))?{year_word}"
    bare_year = r"(?:19|20)\d{2}"
    ref_year = rf"(?:{bare_year}|{_alternation(t['reference_years'])[3:-1]})"
    day_date = rf"\d{{1,2}}\s+{month}\s+{year}"
    month_year = rf"{month}\s+{year}"
    when = rf"(?:{day_date}|{month_year}|\d{{1,2}}\s+{month}|{month}|{year}|{events}|{qualifier}\s+(?:{month_year}|{month}|{year}|{season}))"
    relative = _alternation(t["relative"])
    starts = _alternation(t["period_starts"])
    which = "(?P<which>" + _alternation(t["which_words"])[3:-1] + "|)"
    day_parts = _alternation(t["day_parts"])
    onset = onset_pieces(t, _onset_writing(t))
    table = [
        ("range", rf"(?<![\w])(?:з|із|від)\s+(?P<a>{when})\s+(?:по|до|і\s+до)\s+(?P<b>{when})"),
        ("range", rf"(?<![\w])(?:у|в|за)\s+(?P<a>{bare_year})\s*[–—-]\s*(?P<b>{bare_year}{year_word})"),
        ("range", rf"(?<![\w\d])(?P<a>\d{{1,2}}\s*[–—-]\s*(?P<b>\d{{1,2}}\s+{month}(?:\s+{year})?))"),
        ("range", rf"(?<![\w])(?P<a>{month})\s*[–—-]\s*(?P<b>{month}(?:\s+{year})?)"),
        ("first_n", rf"(?<![\w])(?:за|у|в|протягом|упродовж|впродовж)\s+{which}\s*(?P<n>{num})\s+(?P<unit>місяців|місяці|місяця)\s+(?P<y>{ref_year}){year_word}"),
        ("part", rf"(?<![\w])(?:у|в|за|протягом)?\s*(?P<part>{part[3:-1]})\s+(?P<y>{ref_year}){year_word}"),
        ("part", rf"(?<![\w])(?:у|в|за|протягом)\s+(?P<part>{part[3:-1]})(?!\s+(?:19|20)\d\d)(?P<y>)"),
        ("past_n", rf"(?<![\w])(?:за|протягом|упродовж|впродовж)\s+(?:останні|останніх|минулі|минулих)\s+(?P<n>{num})\s+(?P<unit>{units[3:-1]})"),
        ("past_1", rf"(?<![\w])(?:за|протягом)\s+(?:минулу\s+|останню\s+|минулий\s+|останній\s+)?(?P<unit>добу|тиждень|місяць)(?![\w])"),
        ("same_period", rf"(?<![\w])(?:за|у|в|протягом)\s+(?:той\s+самий|той\s+же|цей\s+же|цей\s+самий|аналогічний)\s+період(?:\s+(?P<y>{ref_year}){year_word})?"),
        ("since_rel", rf"(?<![\w])(?:з|із|від)\s+початку\s+(?P<rel>{starts[3:-1]})"),
        # "з початку війни", "з моменту оголошення мобілізації": the article may date it (onsets)
        ("since_event", rf"(?<![\w])(?:з|із|від)\s+(?P<a>{onset['starts']}\s+(?:{onset['mods']}\s+)*[«\"]?"
                        rf"(?P<event>{onset['event']})){onset['not_dated']}{onset['dated_here']}"),
        ("since", rf"(?<![\w])(?:з|із|від|починаючи\s+з)\s+(?:початку\s+)?(?P<a>{when})"),
        ("as_of", rf"(?<![\w])(?:станом\s+на|на)\s+(?:\d{{1,2}}:\d{{2}}\s+|{day_parts}\s+)?(?P<a>{day_date}|\d{{1,2}}\s+{month}(?:\s+{year})?|{qualifier}\s+(?:{month_year}|{month}|{year}))"),
        ("rel", rf"(?<![\w])(?P<rel>{relative[3:-1]})"),
        ("on_day", rf"(?<![\w])(?:у|в|(?P<last>минулої|минулого|минулу))\s+(?P<wd>{weekday[3:-1]})"),
        ("in_when", rf"(?<![\w])(?:у|в|за|протягом|упродовж|впродовж|(?:за\s+)?весь)\s+(?:весь\s+)?(?P<a>{day_date}|{month_year}|{year}|{month}|{qualifier}\s+(?:{month_year}|{month}|{year}))"),
        ("in_when", rf"(?<![\w])(?P<a>{qualifier}\s+(?:{month_year}|{month}|{year}))"),
        # '2022 рік – 310, 2023 рік – 112': a year heading its figure in a list
        ("in_when", rf"(?<![\w\d])(?P<a>{bare_year}\s+рік)(?=\s*[–—:-])"),
        ("date", rf"(?<![\w\d])(?P<a>{day_date})"),
        ("date", rf"(?<![\w\d])(?P<a>\d{{1,2}}\s+{month})(?!\s+\d{{4}})"),
    ]
    return [(kind, re.compile(rx, re.IGNORECASE)) for kind, rx in table]


def _scope_patterns(lang) -> dict:
    sc = lang.scope
    nat = "|".join(_spaced(n) for n in sorted(sc["nationalities"], key=len, reverse=True))
    body = "|".join(_spaced(b) for b in sorted(sc["military_bodies"], key=len, reverse=True))
    spaced = lambda words: "|".join(_spaced(w) for w in sorted(words, key=len, reverse=True))
    edge = r"(?![\w'’ʼ])"
    return {
        "military": re.compile(rf"(?:(?<![\w])(?i:{nat})\s+)?(?<![\w])(?i:{body}){edge}(?:\s*\((?:[{_CAPS}]{{2,5}})\))?"),
        "nation": re.compile(rf"(?<![\w])(?:{spaced(sc['nation_prepositions'])})\s+((?:{nat})){edge}|(?<![\w])({nat}){edge}",
                             re.IGNORECASE),
        "source_context": re.compile(
            rf"(?:{spaced(sc['source_nouns'])})\s+(?:{spaced(sc['within_words'])})\s+[\w\s'’]{{0,30}}$"
            rf"|(?:{spaced(sc['source_context_ends'])})\s+$", re.IGNORECASE),
        "source_head_after": re.compile(rf"\s+(?:{spaced(sc['source_context_heads'])}){edge}", re.IGNORECASE),
        "not_body": re.compile(rf"(?i)(?:{spaced(sc['not_body_starts'])})"),
        "not_body_phrase": re.compile(rf"(?i)(?<![\w])(?:{spaced(sc['not_body_phrases'])}){edge}"),
        "leading_article": re.compile(r"(?!)"),  # Ukrainian has no articles
        "abbreviation": re.compile(rf"(?<![\w])[{_CAPS}]{{2,5}}(?![\w])"),
    }
