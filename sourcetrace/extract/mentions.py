"""Source mentions: the noun phrases a claim is attributed to, and what kind of party they are.

A mention is a party as written ("unnamed sources within Russian security forces", "TASS",
"Legal experts"), with flags for anonymous and vague parties and the kind that lets a later
"the agency" refer back to it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lang import Language
from .names import looks_like_person, person_run, proper_run

@dataclass
class Mention:
    name: str
    span: tuple[int, int]  # document offsets
    sentence: int
    kind: str  # agency, outlet, body, ngo, person, sources, group, record, unknown
    anonymous: bool = False
    vague: bool = False
    tokens: list = field(default_factory=list, repr=False)
    via: str | None = None  # for a record: how it was named ("recorded", "data of")
    speaks_for: dict | None = None  # the body a person speaks for: {"name", "span"}


def noun_phrase(head, lang: Language) -> tuple[int, int]:
    """Token range (first, last) of a party's noun phrase, without leading determiners,
    trailing relative clauses, or the 'citing ...' that follows it."""
    syntax = lang.syntax
    cues = set(lang.attribution["citing_forms"]) | {p.split()[0] for p in lang.attribution["speaker_prepositions"]}
    articles = lang.words["articles"]
    tokens = [head]
    for child in head.children:
        if _glued(child):
            tokens.append(child)  # "OVD-Info", "Slidstvo.Info": punctuation inside a name
            continue
        if syntax.is_phrase_edge(child) or child.lower_ in cues:
            continue
        if syntax.is_preposition(child) and child.lower_ in lang.sources["phrase_end_prepositions"]:
            continue
        if syntax.is_preposition(child) and child.i < head.i:
            continue  # its own preposition, where the parse hangs it under the noun ('в ведомстве')
        tokens.extend(_without_records(child, lang))
    tokens = sorted(t for t in tokens if not (syntax.is_determiner(t) and t.i < head.i and t.lower_ in articles))
    while tokens and tokens[-1].is_punct and tokens[-1].i != head.i and not _closes(tokens):
        tokens.pop()
    if not tokens:
        return head.i, head.i
    # A parse may attach a subtree in pieces; keep the contiguous run around the head.
    ids = [t.i for t in tokens]
    lo, hi = head.i, head.i
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return lo, hi


def record_from(token, lang: Language) -> bool:
    """'з Єдиної інформаційної бази даних', 'from the Unified Court Register': a register the data
    come from, introduced by its own preposition (sources.json record_nouns, record_prepositions)."""
    sources = lang.sources
    return (token.lower_ in sources["record_nouns"] or token.lemma_.lower() in sources["record_nouns"]) and any(
        marker.lower_ in sources["record_prepositions"] for marker, _ in _own_prepositions(token, lang))


def _own_prepositions(token, lang):
    """The prepositions that introduce ``token`` itself (parses hang them under it or over it)."""
    syntax = lang.syntax
    found = [(c, token) for c in token.children if syntax.is_preposition(c) and c.i < token.i]
    if syntax.is_preposition(token.head) and token.head.i < token.i:
        found.append((token.head, token))
    return found


def records_under(head, lang: Language) -> list:
    """The registers a party's phrase says its data come from ('дані Міністерства ... з бази')."""
    return [t for t in head.subtree if t.i != head.i and record_from(t, lang)]


def _without_records(child, lang: Language) -> list:
    """``child``'s subtree less any register it names as where data come from: the ministry's name
    ends before 'з Єдиної інформаційної бази даних', which is the chain's record."""
    cut = [t for t in child.subtree if record_from(t, lang)]
    if not cut:
        return list(child.subtree)
    dropped = {d.i for t in cut for d in t.subtree} | {m.i for t in cut for m, _ in _own_prepositions(t, lang)}
    return [t for t in child.subtree if t.i not in dropped]


def _closes(tokens) -> bool:
    """'«Верстка»': a closing quotation mark whose opening one is in the phrase stays."""
    last = tokens[-1].text
    return last in _QUOTE_PAIRS.values() and any(t.text == opening for t in tokens[:-1]
                                                    for opening, closing in _QUOTE_PAIRS.items() if closing == last)


_QUOTE_PAIRS = {"\u00ab": "\u00bb", "\u201e": "\u201c", "\u201c": "\u201d"}


def _glued(token, marks=("-", ".", "/", "&")) -> bool:
    """One of ``marks`` written with no space on either side, between two words."""
    doc = token.doc
    return (token.text in marks and 0 < token.i < len(doc) - 1
            and doc[token.i - 1].whitespace_ == "" and token.whitespace_ == "")


def make_mention(sentence, head, lang: Language, body_of_person: bool = True) -> Mention:
    """The party ``head`` heads; for a person, the body they speak for too (not for that body:
    a run of repeated names and titles would otherwise look for bodies without end)."""
    phrase = noun_phrase(head, lang)
    lo, hi = _name_range(head, *phrase, lang)
    doc = head.doc
    first, last = doc[lo], doc[hi]
    span = sentence.tok_span(first, last)
    text = doc.text[first.idx: last.idx + len(last.text)]
    tokens = list(doc[lo: hi + 1])
    kind = classify(text, head, tokens, lang)
    if kind in ("organisation", "unknown"):
        kind = _described_kind(head, lang) or kind
    mention = Mention(text, span, sentence.index, kind,
                      anonymous=is_anonymous(text, head, tokens, lang),
                      vague=is_vague(text, head, tokens, lang), tokens=tokens)
    if kind == "person" and body_of_person:
        around = list(doc[phrase[0]: phrase[1] + 1]) + [t for a in lang.syntax.appositions(head) for t in a.subtree]
        mention.speaks_for = speaks_for(sentence, around, lang)
    return mention


# Kinds of party a person may speak for.
_BODIES = ("body", "military", "court", "agency", "outlet", "ngo", "organisation")


def speaks_for(sentence, tokens, lang: Language) -> dict | None:
    """The body a person speaks for, named beside the person: "Defence Ministry spokesman Igor
    Karpov", "Igor Karpov, a spokesman for the Defence Ministry", "the ministry's spokesman",
    "Anna Petrova, head of the migration service" — {"name", "span"} as written, or None."""
    syntax, titles = lang.syntax, set(lang.sources["person_heads"])
    for title in (t for t in tokens if t.lower_ in titles):
        body = _named_before_title(title, tokens, lang)
        if body is None:
            body = next((p for p in syntax.possessives(title) if syntax.is_nominal(p)), None)
        if body is None:
            body = next((o for p, o in syntax.prepositions(title)
                         if o is not None and p.lower_ in lang.sources["speaks_for_prepositions"]), None)
        if body is not None:
            found = make_mention(sentence, body, lang, body_of_person=False)
            if found.kind in _BODIES and found.name:
                return {"name": found.name, "span": found.span}
    return None


def _named_before_title(title, tokens, lang: Language):
    """'Defence Ministry spokesman': the capitalised nouns right before the title; their last
    word heads the body's name."""
    doc, inside = title.doc, {t.i for t in tokens}
    first = title.i
    while first - 1 in inside and doc[first - 1].text[:1].isupper() and lang.syntax.is_nominal(doc[first - 1]):
        first -= 1
    return doc[title.i - 1] if first < title.i else None


def _described_kind(head, lang: Language) -> str | None:
    """'the Russian independent outlet Verstka', 'Verstka, an independent outlet': the describing
    noun says what kind of party the name is."""
    anaphors = lang.attribution["anaphors"]
    near = [t for t in head.subtree if t.i != head.i and t.lower_ in anaphors and t.text.islower()]
    near += [a for a in lang.syntax.appositions(head) if a.lower_ in anaphors]
    if head.head is not head and head in lang.syntax.appositions(head.head) and head.head.lower_ in anaphors:
        near.append(head.head)
    kinds = [anaphors[t.lower_] for t in near if anaphors[t.lower_] in ("agency", "outlet", "body", "military", "court", "ngo")]
    return kinds[0] if kinds else None


def _name_range(head, lo: int, hi: int, lang: Language) -> tuple[int, int]:
    """Narrow a party's phrase to its name: 'the Ukrainian outlet Strana' → 'Strana',
    'lawmaker Petro Savchuk' → 'Petro Savchuk', "Mediazona's" → 'Mediazona'; widen it to a whole
    named entity the parse cut ('Committee to Protect Journalists')."""
    syntax, doc = lang.syntax, head.doc
    institution = _institution_of(head, lang)
    if institution is not None:
        return institution  # "analysts at the Sarvanian Institute": the institution speaks
    entity = proper_run(head, lang)
    if entity is not None:
        lo, hi = min(lo, entity[0]), max(hi, entity[1])
    person = person_run(doc[lo: hi + 1], lang)
    named_before = _names_before(head, lang) if head.text.islower() and head.lower_ in lang.attribution["descriptor_nouns"] else None
    named_after = _name_between_commas(head, lang) \
        if head.text.islower() and head.lower_ in lang.attribution["descriptor_nouns"] else None
    if person is not None and person[0] <= head.i <= person[1]:
        lo, hi = person
    elif named_after is not None:
        lo, hi = named_after  # "The UN refugee agency, UNHCR, says": the name, not the description
    elif named_before:
        lo, hi = named_before  # "the Ukrainska Pravda news site" → "Ukrainska Pravda"
    elif syntax.is_proper(head) and head.text[:1].isupper():
        descriptors = [t.i for t in doc[lo:head.i] if syntax.is_noun(t) and t.text.islower()]
        if descriptors:
            lo = descriptors[-1] + 1
    else:
        appos = next((c for c in syntax.appositions(head) if (syntax.is_proper(c) or _quoted(c)) and c.i > head.i), None)
        if appos is not None and head.text.islower():
            # "the Russian human rights group OVD-Info": the name is the apposition
            lo, hi = min(t.i for t in appos.subtree), appos.i
            run = proper_run(appos, lang)
            if run is not None and run[0] <= appos.i:
                hi = max(hi, run[1])  # "министр Оксана Коваль": the whole name, not its first word
            if _quoted(appos):
                hi = max(t.i for t in appos.subtree)  # 'издание «Українська правда»': up to the closing quote
    while hi > lo and syntax.is_possessive_marker(doc[hi]):
        hi -= 1
    while lo < hi and syntax.is_determiner(doc[lo]) and doc[lo].lower_ in lang.words["articles"]:
        lo += 1
    lo, hi = _balance(doc, lo, hi)
    lo, hi = _whole_quotation(doc, lo, hi)
    # "The State Bureau of Investigation (SBI)": the name, without the abbreviation in brackets.
    if hi - lo >= 3 and doc[hi].text == ")" and doc[hi - 2].text == "(":
        hi -= 3
    return _glued_name(doc, lo, hi)


GLUE = (".", ":")  # 'Slidstvo.Info', 'Re:Russia': a name written with a dot or a colon inside


def _glued_name(doc, lo: int, hi: int) -> tuple[int, int]:
    """A name the tokenizer cut at a dot or a colon with no space around it is one name."""
    while hi + 2 < len(doc) and _glued(doc[hi + 1], GLUE) and doc[hi + 2].text[:1].isalnum():
        hi += 2
    while lo - 2 >= 0 and _glued(doc[lo - 1], GLUE) and doc[lo - 2].text[:1].isalnum():
        lo -= 2
    return lo, hi


def _quoted(token) -> bool:
    """A name written in quotes ('«Українська правда»'): its phrase opens with a quotation mark."""
    first = min(token.subtree, key=lambda t: t.i)
    return first.i < token.i and first.is_quote and token.doc[first.i + 1].text[:1].isupper()


def _institution_of(head, lang: Language):
    """'Analysts at the Sarvanian Institute for Policy Studies' → the institute's name; a group of
    people at a named body is that body, not a vague 'analysts'."""
    syntax = lang.syntax
    if head.lower_ not in lang.attribution["vague_heads"]:
        return None
    pobj = next((o for p, o in syntax.prepositions(head)
                 if syntax.is_preposition(p) and p.lower_ in lang.sources["institution_prepositions"]), None)
    if pobj is None or not (syntax.is_proper(pobj) and pobj.text[:1].isupper()):
        return None
    tokens = [t for t in pobj.subtree if not (syntax.is_determiner(t) and t.i < pobj.i)]
    return tokens[0].i, tokens[-1].i


def _name_between_commas(head, lang: Language):
    """', UNHCR,' right after a describing noun: the name it is given, set off by commas."""
    doc, syntax = head.doc, lang.syntax
    first = head.i + 2
    if first >= len(doc) or doc[head.i + 1].text != ",":
        return None
    last = first
    while last < len(doc) and syntax.is_proper(doc[last]) and doc[last].text[:1].isupper():
        last += 1
    if last == first or last >= len(doc) or doc[last].text != ",":
        return None
    return first, last - 1


def _names_before(head, lang: Language):
    """The run of capitalised compounds right before a describing noun, if there is one."""
    names = [c for c in lang.syntax.compounds(head) if c.i < head.i and c.text[:1].isupper()]
    if not names:
        return None
    doc = head.doc
    first = min(t.i for c in names for t in c.subtree)
    last = max(t.i for c in names for t in c.subtree)
    inner = lang.sources["name_inner_words"]
    inside = all(doc[i].text[:1].isupper() or doc[i].lower_ in inner for i in range(first, last + 1))
    # Between the name and the describing noun only more describing words ("news site").
    between = all(doc[i].lower_ in lang.sources["descriptor_modifiers"] for i in range(last + 1, head.i))
    return (first, last) if inside and between else None


def _balance(doc, lo: int, hi: int) -> tuple[int, int]:
    text = doc[lo: hi + 1].text
    if text.count("(") > text.count(")"):
        if hi + 1 < len(doc) and doc[hi + 1].text == ")":
            return lo, hi + 1
        cut = next((t.i for t in doc[lo: hi + 1] if t.text.startswith("(")), None)
        if cut is not None:
            return lo, max(lo, cut - 1)
    return lo, hi


def _whole_quotation(doc, lo: int, hi: int) -> tuple[int, int]:
    """'«Верстка»', never '«Верстка': a name that opens a quotation ends with it, or leaves the
    quotation mark out."""
    closing = _QUOTE_PAIRS.get(doc[lo].text)
    if closing is None or hi == lo or any(t.text == closing for t in doc[lo + 1: hi + 1]):
        return lo, hi
    if hi + 1 < len(doc) and doc[hi + 1].text == closing:
        return lo, hi + 1
    return lo + 1, hi


def is_anonymous(text: str, head, tokens, lang: Language) -> bool:
    a = lang.attribution
    if lang.cues("attribution", "anonymous_cues").search(text):
        return True
    if head.lower_ in lang.sources["indefinite_words"] and not person_run(tokens, lang):
        # 'один із посадовців': one of a group of unnamed people
        return any(o is not None and o.lower_ in a["anonymous_heads"] and lang.syntax.is_plural_common(o)
                   for _, o in lang.syntax.prepositions(head))
    if head.lower_ in a["anonymous_heads"] and _asides_unname(head, lang):
        return not person_run(tokens, lang)  # 'посадовець, який побажав залишитися неназваним'
    if head.lower_ in a["anonymous_heads"]:
        names = person_run(tokens, lang)
        indefinite = lang.sources["indefinite_words"]
        determiner = [t for t in tokens if lang.syntax.is_determiner(t) or t.lower_ in indefinite]
        return not names and (head.lower_ in lang.sources["always_anonymous_heads"] or bool(determiner)
                              or lang.syntax.is_plural_common(head))
    return False


def _asides_unname(head, lang: Language) -> bool:
    """Whether a clause describing the head says it is not named ('who asked not to be named'), or
    what its verb says it did ('told ... on condition of anonymity')."""
    syntax, doc = lang.syntax, head.doc
    asides = syntax.relative_clauses(head) + syntax.participle_clauses(head)
    if syntax.is_subject(head):
        asides += [c for c in syntax.adjuncts(head.head) if not syntax.is_complement_clause(c)]
    for clause in asides:
        ids = [t.i for t in clause.subtree]
        if lang.cues("attribution", "anonymous_cues").search(doc[min(ids): max(ids) + 1].text):
            return True
    return False


def is_vague(text: str, head, tokens, lang: Language) -> bool:
    if head.lower_ not in lang.attribution["vague_heads"]:
        return False
    return not any(lang.syntax.is_proper(t) and t.text[:1].isupper() for t in tokens)


def classify(text: str, head, tokens, lang: Language) -> str:
    """The kind of party a name is: agency, person, sources, group, outlet, military, court, ngo,
    body, organisation, or unknown."""
    kinds = lang.forms.kinds
    if kinds["known_agency"].match(text) or kinds["agency"].search(text):
        return "agency"
    if looks_like_person(tokens, lang) or head.lower_ in lang.sources["person_heads"]:
        return "person"
    if head.lower_ in lang.attribution["anonymous_heads"]:
        return "sources"
    if head.lower_ in lang.attribution["vague_heads"]:
        return "group"
    for kind in ("outlet", "military", "court", "ngo", "body"):
        if kinds[kind].search(text):
            return kind
    if lang.syntax.is_proper(head):
        return "organisation"
    return "unknown"
