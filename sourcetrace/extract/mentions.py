"""Source mentions: the noun phrases a claim is attributed to, and what kind of party they are.

A mention is a party as written ("unnamed sources within Russian security forces", "TASS",
"Legal experts"), with flags for anonymous and vague parties and the kind that lets a later
"the agency" refer back to it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lang import LanguageData
from .names import looks_like_person, person_run, proper_run

_KNOWN_AGENCIES = re.compile(r"^(?:TASS|RIA(?: Novosti)?|Interfax(?:-Ukraine)?|Reuters|AP|AFP|Ukrinform|UNIAN|Xinhua|Anadolu|Bloomberg|DPA|EFE|Sputnik|Associated Press|Agence France-Presse|RBC-Ukraine)$")
_OUTLET_WORDS = re.compile(r"(?i)\b(?:pravda|times|post|news|journal|gazette|kommersant|izvestia|vedomosti|novaya gazeta|meduza|mediazona|hromadske|suspilne|guardian|telegraph|bbc|cnn|tv|radio|channel|magazine|daily|herald|tribune|insider|kyiv independent|kyiv post|nv|rbc|strana|zn\.ua|ukrainska|ukrainskaya|liga|focus|babel|slidstvo|schemes|rferl|radio liberty|radio svoboda|dw|euronews|politico|economist|forbes|axios|wall street journal|new york times|washington post|financial times)\b")
_BODY_WORDS = re.compile(r"(?i)\b(?:office|ministry|service|bureau|department|prosecutor|prosecutors|police|court|committee|council|command|staff|government|administration|agency|guard|inspectorate|ombudsman|parliament|rada|duma|kremlin|commission|center|centre|directorate|sbi|sbu|dbr|pgo|fsb|gur|hur|mod|ukraine's|russia's)\b")
_NGO_WORDS = re.compile(r"(?i)\b(?:un|united nations|unhcr|ohchr|icrc|red cross|amnesty|human rights watch|hrw|institute|isw|foundation|organisation|organization|mission|monitoring|ngo|acled|project|group|watch)\b")


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


def noun_phrase(head, stop_at=()) -> tuple[int, int]:
    """Token range (first, last) of a party's noun phrase, without leading determiners,
    trailing relative clauses, or the 'citing ...' that follows it."""
    cut = {"relcl", "acl", "punct", "cc", "conj", "appos", "advcl"} | set(stop_at)
    tokens = [head]
    for child in head.children:
        if _glued(child):
            tokens.append(child)  # "OVD-Info", "Slidstvo.Info": punctuation inside a name
            continue
        if child.dep_ in cut or child.lower_ in ("citing", "according"):
            continue
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "on", "to", "as"):
            continue
        tokens.extend(child.subtree)
    tokens = sorted(t for t in tokens if not (t.dep_ == "det" and t.i < head.i and t.lower_ in ("the", "a", "an")))
    while tokens and tokens[-1].is_punct and tokens[-1].i != head.i:
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


def _glued(token) -> bool:
    """A '-', '.', '/' or '&' written with no space on either side, between two words."""
    doc = token.doc
    return (token.text in ("-", ".", "/", "&") and 0 < token.i < len(doc) - 1
            and doc[token.i - 1].whitespace_ == "" and token.whitespace_ == "")


def make_mention(sentence, head, lang: LanguageData, stop_at=()) -> Mention:
    lo, hi = _name_range(head, *noun_phrase(head, stop_at), lang)
    doc = head.doc
    first, last = doc[lo], doc[hi]
    span = sentence.tok_span(first, last)
    text = doc.text[first.idx: last.idx + len(last.text)]
    tokens = list(doc[lo: hi + 1])
    return Mention(text, span, sentence.index, classify(text, head, tokens, lang),
                   anonymous=is_anonymous(text, head, tokens, lang),
                   vague=is_vague(text, head, tokens, lang), tokens=tokens)


def _name_range(head, lo: int, hi: int, lang: LanguageData) -> tuple[int, int]:
    """Narrow a party's phrase to its name: 'the Ukrainian outlet Strana' → 'Strana',
    'lawmaker Petro Savchuk' → 'Petro Savchuk', "Mediazona's" → 'Mediazona'; widen it to a whole
    named entity the parse cut ('Committee to Protect Journalists')."""
    doc = head.doc
    institution = _institution_of(head, lang)
    if institution is not None:
        return institution  # "analysts at the Sarvanian Institute": the institution speaks
    entity = proper_run(head)
    if entity is not None:
        lo, hi = min(lo, entity[0]), max(hi, entity[1])
    person = person_run(doc[lo: hi + 1])
    if person is not None and person[0] <= head.i <= person[1]:
        lo, hi = person
    elif head.text.islower() and head.lower_ in lang.attribution["descriptor_nouns"] and _names_before(head):
        first, last = _names_before(head)
        lo, hi = first, last  # "the Ukrainska Pravda news site" → "Ukrainska Pravda"
    elif head.pos_ == "PROPN" and head.text[:1].isupper():
        descriptors = [t.i for t in doc[lo:head.i] if t.pos_ in ("NOUN",) and t.text.islower()]
        if descriptors:
            lo = descriptors[-1] + 1
    else:
        appos = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > head.i), None)
        if appos is not None and head.text.islower():
            # "the Russian human rights group OVD-Info": the name is the apposition
            lo, hi = min(t.i for t in appos.subtree), appos.i
    while hi > lo and doc[hi].tag_ == "POS":
        hi -= 1
    while lo < hi and doc[lo].dep_ == "det" and doc[lo].lower_ in ("the", "a", "an"):
        lo += 1
    lo, hi = _balance(doc, lo, hi)
    # "The State Bureau of Investigation (SBI)": the name, without the abbreviation in brackets.
    if hi - lo >= 3 and doc[hi].text == ")" and doc[hi - 2].text == "(":
        hi -= 3
    return lo, hi


def _institution_of(head, lang: LanguageData):
    """'Analysts at the Sarvanian Institute for Policy Studies' → the institute's name; a group of
    people at a named body is that body, not a vague 'analysts'."""
    if head.lower_ not in lang.attribution["vague_heads"]:
        return None
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("at", "from", "with")), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None or not (pobj.pos_ == "PROPN" and pobj.text[:1].isupper()):
        return None
    tokens = [t for t in pobj.subtree if not (t.dep_ == "det" and t.i < pobj.i)]
    return tokens[0].i, tokens[-1].i


def _names_before(head):
    """The run of capitalised compounds right before a describing noun, if there is one."""
    names = [c for c in head.lefts if c.dep_ == "compound" and c.text[:1].isupper()]
    if not names:
        return None
    doc = head.doc
    first = min(t.i for c in names for t in c.subtree)
    last = max(t.i for c in names for t in c.subtree)
    inside = all(doc[i].text[:1].isupper() or doc[i].lower_ in ("i", "and", "of", "-", ".") for i in range(first, last + 1))
    # Between the name and the describing noun only more describing words ("news site").
    between = all(doc[i].lower_ in ("news", "online", "independent", "investigative", "state", "media")
                  for i in range(last + 1, head.i))
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


def is_anonymous(text: str, head, tokens, lang: LanguageData) -> bool:
    a = lang.attribution
    if lang.phrases_regex("anon_cues", a["anonymous_cues"]).search(text):
        return True
    if head.lower_ in a["anonymous_heads"]:
        names = person_run(tokens)
        determiner = [t for t in tokens if t.dep_ == "det" or t.lower_ in ("a", "an", "one", "two", "several", "some")]
        return not names and (head.lower_ in ("source", "sources", "insider", "insiders", "interlocutor", "people", "person") or bool(determiner) or head.tag_ == "NNS")
    return False


def is_vague(text: str, head, tokens, lang: LanguageData) -> bool:
    if head.lower_ not in lang.attribution["vague_heads"]:
        return False
    return not any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tokens)


def classify(text: str, head, tokens, lang: LanguageData) -> str:
    if _KNOWN_AGENCIES.match(text) or re.search(r"(?i)\bnews agency\b|\bagency\b.*\b(?:tass|ria|interfax)\b", text):
        return "agency"
    person = looks_like_person(tokens)
    if person or head.lower_ in ("spokesman", "spokeswoman", "spokesperson", "minister", "official", "commander", "ombudsman", "deputy", "lawmaker", "prosecutor", "general", "chief", "head"):
        return "person" if not head.lower_.endswith("s") or person else "group"
    if head.lower_ in lang.attribution["anonymous_heads"]:
        return "sources"
    if head.lower_ in lang.attribution["vague_heads"]:
        return "group"
    if _OUTLET_WORDS.search(text):
        return "outlet"
    if re.search(r"(?i)\b(?:army|military|armed forces|general staff|command)\b", text):
        return "military"
    if re.search(r"(?i)\bcourts?\b", text):
        return "court"
    if _NGO_WORDS.search(text):
        return "ngo"
    if _BODY_WORDS.search(text) or re.search(r"(?i)\blaw enforcement\b|\bauthorities\b", text):
        return "body"
    if head.pos_ == "PROPN":
        return "organisation"
    return "unknown"
