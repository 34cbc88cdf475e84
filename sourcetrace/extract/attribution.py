"""Attribution chains: who a sentence says its claim comes from, and through whom.

For each parsed sentence this finds the cues — "according to X", "X said/reported/claimed",
"citing Y", "told X", "in reply to a request from X", "X's calculations based on data from Y",
"Y has recorded" — and orders the parties nearest first, each in the role docs/chains.md defines
(relay, origin, derived, record, outlet) and reading reports as it says. A subject
such as "The agency" or "he" refers back to a party named before and takes over that party's
chain. Figures then take the chain of their sentence (``assign_figures``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import explain
from ..model.records import Link
from ..pipeline.component import component
from ..pipeline.state import Claim, Sentence, TraceState
from .mentions import Mention, make_mention, records_under
from .trailing import trailing_speaker


@dataclass
class Parties:
    """The parties one sentence names, by the part each plays, while they are being found."""

    sentence: Sentence
    speaker: Mention | None = None  # who says it
    speaker_via: str | None = None
    speaker_verb: Any = None  # the reporting verb whose subject the speaker is
    speaker_refers: bool = False  # "the agency said": refers back to a party named before
    outer: list[Mention] = field(default_factory=list)  # who passes it on: "told X", "as reported by X"
    cited: list[Mention] = field(default_factory=list)  # whom the speaker cites, nearest first
    records: list[Mention] = field(default_factory=list)  # who holds the data
    derived_owners: set[int] = field(default_factory=set)  # token ids of parties that computed it
    records_cited: bool = False  # what is cited is a register: every speaker only passes it on
    record_only: bool = False  # the last party looked at turned out to be a register
    pronoun_owner: Any = None  # "according to its bulletin": whose, another sentence says
    pronoun_via: str | None = None
    impersonal: Link | None = None  # "it is believed"
    all: list[Mention] = field(default_factory=list)
    named: list[Mention] = field(default_factory=list)
    context: list[Sentence] = field(default_factory=list)  # this sentence, then the two before it
    sentences: list[Sentence] = field(default_factory=list)  # the document's, to say where a link came from
    dateline: dict | None = None
    nlp: Any = None


@component("attribution", requires=("parses", "figures", "dateline"), assigns=("claims", "mentions"))
def find_claims(state: TraceState) -> None:
    history: list[tuple[Mention, list[Link]]] = []  # each party named so far, with its chain
    for sentence in state.sentences:
        if sentence.doc is None:
            continue
        claim = _sentence_claim(state, sentence, history)
        if claim is not None:
            state.claims[sentence.index] = claim


def _sentence_claim(state, sentence: Sentence, history) -> Claim | None:
    lang = state.lang
    parts = _find_parties(sentence, lang)
    if parts.speaker is None and not parts.cited and parts.impersonal is None:
        _named_before_colon(state, sentence, lang, parts)
    parts.context = [sentence] + [state.sentences[i] for i in range(sentence.index - 1, max(-1, sentence.index - 3), -1)]
    parts.sentences = state.sentences
    parts.dateline = state.document.dateline
    parts.nlp = state.nlp
    _drop_dateline(parts, state.document.dateline)
    _dateline_hearer(parts, lang)
    _resolve_descriptions(parts, history, lang)
    for mention in parts.all:
        state.mentions.append({"name": mention.name, "span": mention.span, "kind": mention.kind})
    if parts.impersonal is not None:
        return Claim(sentence.index, [parts.impersonal], explain.VAGUE, vague=parts.impersonal)
    speaker_chain, basis = _speaker_chain(parts, history, lang)
    chain = [_link(m, "relay", explain.TOLD) for m in parts.outer]
    chain += speaker_chain
    chain += [_link(m, "derived" if m.tokens and m.tokens[-1].i in parts.derived_owners else "origin", explain.CITING)
              for m in parts.cited]
    chain = _assign_roles(chain, all_relays=parts.records_cited)
    chain += [_link(m, "record", m.via or explain.BASED_ON) for m in parts.records]
    chain = _once(chain)
    if not chain:
        return None
    if chain[0].vague and all(link.vague for link in chain if link.role != "record"):
        return Claim(sentence.index, chain, explain.VAGUE, vague=chain[0])
    for mention in parts.named:
        history.append((mention, [l for l in chain if l.role != "record"]))
    return Claim(sentence.index, chain, basis, clauses=_other_clauses(sentence, parts, lang))


def _other_clauses(sentence: Sentence, parts: Parties, lang) -> list:
    """'The union put turnout at 1.2 million; the interior ministry counted 368,000', '..., while
    the ministry counted 368,000': a later clause whose own reporting verb has a named subject other
    than the speaker's is that party's claim, for the figures from the clause's start on."""
    first = parts.speaker_verb
    if first is None or parts.speaker is None:  # a dropped speaker's verb says nothing of other clauses
        return []
    syntax, found = lang.syntax, []
    for verb in sentence.doc[first.i + 1:]:
        if not syntax.is_verb(verb) or not _reports(verb, lang):
            continue
        subjects = [s for s in syntax.subjects(verb) if syntax.is_nominal(s) and not _holds_figure(s, lang)]
        if not subjects or subjects[0].i < first.i or subjects[0].i in {t.i for t in parts.speaker.tokens}:
            continue
        if _inside_complement(verb, first, syntax) and not _contrasted(subjects[0], lang):
            continue
        start = _clause_start(sentence.doc, subjects[0])
        if start is None or _relative(subjects[0], verb, lang):
            continue
        mention = make_mention(sentence, subjects[0], lang)
        if mention.name == parts.speaker.name or mention.vague:
            continue
        role = "derived" if verb.lemma_.lower() in lang.attribution["derived_verbs"] else "origin"
        found.append((sentence.start + sentence.doc[start].idx, [_link(mention, role, verb.lower_)]))
    return found


def _relative(subject, verb, lang) -> bool:
    """'..., whose status Russia has not confirmed': a relative clause says something of a noun
    before it; it is no claim of its own."""
    doc, pronouns = subject.doc, lang.words["relative_pronouns"]
    left = min(t.i for t in subject.subtree)
    return verb in lang.syntax.relative_clauses(verb.head) or any(
        t.lower_ in pronouns for t in doc[max(0, left - 3): left + 1])


def _contrasted(subject, lang) -> bool:
    """', while the ministry counted ...': a contrast word just before the clause's subject."""
    doc = subject.doc
    left = min(t.i for t in subject.subtree)
    before = " ".join(t.lower_ for t in doc[max(0, left - 4): left] if t.is_alpha)
    return any(before == w or before.endswith(" " + w) for w in lang.attribution["contrast_words"])


def _inside_complement(verb, first, syntax) -> bool:
    """'X said that Y counted ...': Y's verb is what X said, not a clause of its own."""
    token = verb
    while token.head.i != token.i:  # spaCy makes a new Token object on every access: compare indexes
        if token.head.i == first.i:
            return syntax.is_complement_clause(token)
        token = token.head
    return False


def _clause_start(doc, subject) -> int | None:
    """Where the clause of ``subject`` begins: after the ';' or ',' (and a joining word) before its
    phrase; None when nothing separates it from what comes before."""
    left = min(t.i for t in subject.subtree)
    i = left - 1
    while i >= 0 and doc[i].is_alpha and doc[i].text.islower() and left - i <= 2:
        i -= 1  # 'while', 'and', 'but', 'whereas' between the comma and the subject
    if i >= 0 and doc[i].text in CLAUSE_MARKS:
        return i + 1
    return None


CLAUSE_MARKS = (";", ",", "—", "–")


def _once(chain: list[Link]) -> list[Link]:
    """'the department told Verstka' after Verstka's lead: the party is named twice, one link."""
    out: list[Link] = []
    for link in chain:
        if out and out[-1].name == link.name:
            continue
        out.append(link)
    return out


def _resolve_descriptions(parts: Parties, history, lang) -> None:
    """'told the outlet', "the department's data": a description of a party named before is that
    party, under its name."""
    for group in (parts.outer, parts.cited, parts.records):
        for i, mention in enumerate(group):
            head = mention.tokens[-1] if mention.tokens else None
            if head is None or lang.syntax.is_pronoun(head):
                continue
            if _is_anaphor(head, lang):
                found = _named_before(mention, history, lang) or _antecedent(mention, history, lang)
            elif _definite_description(mention, lang):
                found = _named_before(mention, history, lang)
            else:
                continue
            if found is not None:
                named = found[0]
                group[i] = Mention(named.name, named.span, named.sentence, named.kind, named.anonymous,
                                   named.vague, named.tokens, via=mention.via or explain.refers_back(mention.name))


def _drop_dateline(parts: dict, dateline: dict | None) -> None:
    """'KYIV (Reuters) -' is not a speaker: the dateline's agency is added by figure_chains."""
    if not dateline:
        return
    start, end = dateline["span"]
    inside = lambda m: m is not None and start <= m.span[0] < end
    if inside(parts.speaker):
        parts.speaker, parts.speaker_refers, parts.speaker_verb = None, False, None
    parts.outer = [m for m in parts.outer if not inside(m)]
    parts.cited = [m for m in parts.cited if not inside(m)]
    parts.records = [m for m in parts.records if not inside(m)]
    parts.all = [m for m in parts.all if not inside(m)]
    parts.named = [m for m in parts.named if not inside(m)]


def _dateline_hearer(parts: dict, lang) -> None:
    """'told the agency' under 'KYIV, March 3 /Interfax-Ukraine/.': the agency is the dateline's."""
    dateline = parts.dateline
    if not dateline:
        return
    for i, mention in enumerate(parts.outer):
        if _anaphor_kind(mention.name, lang) == "agency" and len(mention.name.split()) <= 2:
            parts.outer[i] = Mention(dateline["agency"], tuple(dateline["agency_span"]), mention.sentence,
                                        "agency", via=explain.refers_back(mention.name))


def _link(m: Mention, role: str, via: str) -> Link:
    return Link(name=m.name, span=m.span, role=role, anonymous=m.anonymous, vague=m.vague, kind=m.kind, via=via,
                speaks_for=m.speaks_for)


def _assign_roles(chain: list[Link], all_relays: bool = False) -> list[Link]:
    """Nearest first; the last speaker is the origin, those before it relays. When what a speaker
    cites is a register ("citing data from the PGO"), every speaker only passes it on."""
    speakers = [l for l in chain if l.role != "derived"]
    for link in chain:
        if link.role == "derived":
            continue
        link.role = "origin" if link is speakers[-1] and not all_relays else "relay"
    return chain


def _speaker_chain(parts, history, lang) -> tuple[list[Link], str]:
    speaker = parts.speaker
    if speaker is None:
        return [], explain.CUE
    abbreviated = None if parts.speaker_refers else _abbreviation_of(speaker, history)
    # "Bastrykin said" after "Alexander Bastrykin said": the same person, under the full name
    surname = None if parts.speaker_refers or abbreviated is not None else _surname_of(speaker, history)
    if not parts.speaker_refers and abbreviated is None and surname is None and _definite_description(speaker, lang):
        parts.speaker_refers = _named_before(speaker, history, lang) is not None  # "the headquarters' reply"
    if parts.speaker_refers or abbreviated is not None or surname is not None:
        antecedent = abbreviated or surname or (
            _named_before(speaker, history, lang) or _report_owner(speaker, history, lang) or _same_head(speaker, parts, lang)
            or _antecedent(speaker, history, lang)
            or _dateline_agency(speaker, parts, lang) or _pronoun_subject(speaker, parts, lang))
        if antecedent is not None:
            mention, chain = antecedent
            if surname is not None and parts.outer:  # this sentence names who passed it on: not the old relays
                chain = [l for l in chain if l.name == mention.name] or [_link(mention, "origin", explain.REFERS_BACK)]
            copied = [Link(**{**l.__dict__}) for l in chain]
            named_in = parts.sentences[mention.sentence].span if 0 <= mention.sentence < parts.sentence.index else None
            for link in copied:
                if link.inherited_from is None:
                    link.inherited_from = named_in  # the party and its relays, named sentences before
                if link.name == mention.name:
                    link.via = explain.refers_back(speaker.name)
                    if abbreviated is not None:  # "the SBI": its own name, as written, for the same party
                        link.name, link.span, link.inherited_from = speaker.name, speaker.span, None
            return copied, explain.REFERS_BACK
        if speaker.name.lower() in lang.words["possessive_pronouns"]:
            return [], explain.CUE  # "по его словам" with nobody before it: whose, the text does not say
        # Nothing it could refer back to: the description names the party ("the ministry"), and a
        # later "the ministry" refers back to it.
        parts.named.append(speaker)
    derived = speaker.tokens and speaker.tokens[-1].i in parts.derived_owners
    role = "derived" if derived or _derived_speaker(speaker, lang) else "origin"
    via = parts.speaker_via
    return [_link(speaker, role, via)], explain.CUE


def _surname_of(speaker: Mention, history):
    """The person named before in full whose surname the speaker is."""
    # A lone surname is rarely known to be a person's: the earlier full name says so.
    if len(speaker.tokens) != 1 or not speaker.tokens[0].text[:1].isupper():
        return None
    for mention, chain in reversed(history):
        if mention.kind == "person" and len(mention.tokens) > 1 and mention.tokens[-1].text == speaker.name:
            return mention, chain
    return None


def _definite_description(mention: Mention, lang) -> bool:
    """'the headquarters', 'the centre': a definite common noun, which may name a party given
    before by the same head word."""
    head = mention.tokens[-1] if mention.tokens else None
    if head is None or not head.text.islower() or not lang.syntax.is_noun(head):
        return False
    before = head.doc[mention.tokens[0].i - 1] if mention.tokens[0].i > 0 else None
    determiners = lang.syntax.determiners(head) + ([before] if before is not None and lang.syntax.is_determiner(before) else [])
    return any(d.lower_ in lang.words["definite_determiners"] for d in determiners)


def _named_before(speaker: Mention, history, lang):
    """'the ministry said' after "the regional Ministry of Social Protection": the party named
    before whose own name holds the same head word, with the chain it came with."""
    head = speaker.tokens[-1].lower_ if speaker.tokens else None
    if head is None:
        return None
    for mention, chain in reversed(history):
        if any(t.lower_ == head or t.lemma_.lower() == head for t in mention.tokens) and mention.name != speaker.name \
                and _fits(speaker, mention, lang):
            return mention, chain or [_link(mention, "origin", explain.REFERS_BACK)]
    return None


def _fits(description: Mention, mention: Mention, lang) -> bool:
    """'the construction ministry' is not 'Marovia's emergency ministry' named before: what a
    description says of its head ('construction', 'social policy', 'regional') the party it refers
    back to must say too. A bare 'the ministry' fits any ministry. (Not asked of the last named
    subject a description reaches for: 'the independent outlet' may describe 'Mediazona'.)"""
    head = description.tokens[-1] if description.tokens else None
    if head is None:
        return True
    within = {t.i for t in description.tokens}
    said = {m.lemma_.lower() for m in lang.syntax.modifiers(head) if m.i in within and not m.is_punct}
    return said <= {t.lemma_.lower() for t in mention.tokens} | {t.lower_ for t in mention.tokens}


def _report_owner(speaker: Mention, history, lang):
    """'Согласно докладу, ...' after 'говорится в докладе Управления ООН': a report named again
    bare is the report named before, and its owner speaks."""
    head = speaker.tokens[-1] if speaker.tokens else None
    if head is None or head.lower_ not in lang.attribution["report_nouns"]:
        return None
    for mention, chain in reversed(history):
        if any(t.head.i != t.i and t.head.lemma_ == head.lemma_ for t in mention.tokens):
            return mention, chain or [_link(mention, "origin", explain.REFERS_BACK)]
    return None


def _abbreviation_of(speaker: Mention, history):
    """'the IC said' after "the Investigative Committee": an abbreviation of a party named before."""
    name = speaker.name.strip()
    if not (2 <= len(name) <= 6 and name.isupper() and name.isalpha()):
        return None
    for mention, chain in reversed(history):
        initials = "".join(t.text[0] for t in mention.tokens if t.text[:1].isupper())
        if initials == name or initials.startswith(name) and len(name) >= 2 and len(initials) - len(name) <= 1:
            return mention, chain or [_link(mention, "origin", explain.REFERS_BACK)]
    return None


def _same_head(speaker: Mention, parts, lang):
    """'the service said' after "Ukraine's border service" in the same or the last sentences."""
    syntax = lang.syntax
    head = speaker.tokens[-1] if speaker.tokens else None
    if head is None or not syntax.is_noun(head):
        return None
    for sentence in parts.context:
        if sentence.doc is None:
            continue
        for token in sentence.doc:
            if sentence is parts.sentence and token.i >= head.i:
                break
            if token.lemma_ == head.lemma_ and (syntax.attributes(token) or syntax.possessives(token)):
                mention = make_mention(sentence, token, lang)
                if _fits(speaker, mention, lang):
                    return mention, [_link(mention, "origin", explain.refers_back(speaker.name))]
    return None


def _derived_speaker(speaker: Mention, lang) -> bool:
    """'Vyorstka calculated', 'the BBC, which has counted obituaries': the speaker made the number."""
    head = speaker.tokens[-1] if speaker.tokens else None
    if head is None:
        return False
    verbs = lang.attribution["derived_verbs"]
    governing = head.head if lang.syntax.is_subject(head) else None
    if governing is not None and governing.lemma_.lower() in verbs:
        return True
    return any(c.lemma_.lower() in verbs for c in lang.syntax.relative_clauses(head))


def _dateline_agency(speaker: Mention, parts, lang):
    """'told the agency' / 'the agency said' in an item under 'KYIV, March 3 /Interfax-Ukraine/'."""
    dateline = parts.dateline
    if not dateline or _anaphor_kind(speaker.name, lang) not in ("agency", "org"):
        return None
    link = Link(dateline["agency"], tuple(dateline["agency_span"]), "origin", kind="agency",
                via=explain.refers_back(speaker.name))
    return Mention(link.name, link.span, -1, "agency"), [link]


def _pronoun_subject(speaker: Mention, parts, lang):
    """A pronoun reaches for the last named subject; a description ("the group says" after "The
    human rights project OVD-Info says") only within its paragraph: "the interior ministry said" in
    the first paragraph is the ministry's first mention, not the headline's "Tarvenia floods"."""
    if speaker.name.lower() in lang.attribution["pronoun_subjects"]:
        return _named_subject(speaker, parts, lang)
    paragraph = parts.sentence.paragraph
    return _named_subject(speaker, parts, lang, [s for s in parts.context if s.paragraph == paragraph])


def _named_subject(speaker: Mention, parts, lang, context=None):
    """'It said ...' after "Ukraine's General Staff issued its update": the last named subject."""
    syntax = lang.syntax
    wanted = _anaphor_kind(speaker.name, lang)
    for sentence in (parts.context if context is None else context)[1:]:
        if sentence.doc is None and parts.nlp is not None:
            sentence.doc = parts.nlp(sentence.text)  # not a candidate, but now it is needed
        if sentence.doc is None:
            continue
        for token in sentence.doc:
            named = syntax.compounds(token) + syntax.possessives(token)
            if syntax.is_subject(token, passive=True) and not syntax.is_proper(token):
                # "Глава ведомства Иван Петров выступил", 'проект "Первый отдел" ведет': the name beside it
                token = next((c for c in syntax.appositions(token) if syntax.is_proper(c) or _quoted(c)), token)
            if syntax.is_subject(token.head if token.head.i != token.i and token in syntax.appositions(token.head)
                                 else token, passive=True) and (syntax.is_proper(token) or _quoted(token) or any(
                    syntax.is_proper(c) for c in named)):
                mention = make_mention(sentence, token, lang)
                if wanted in (None, "any") or (wanted == "person") == (mention.kind == "person"):
                    return mention, [_link(mention, "origin", explain.refers_back(speaker.name))]
        # "The report appeared in Izvestia. The newspaper said ...": a name of the kind wanted
        for token in reversed(sentence.doc):
            if syntax.is_proper(token) and syntax.is_argument(token) and wanted not in (None, "any", "person"):
                mention = make_mention(sentence, token, lang)
                if mention.kind == wanted:
                    return mention, [_link(mention, "origin", explain.refers_back(speaker.name))]
    return None


def _quoted(token) -> bool:
    """'проект "Первый отдел"': a phrase in quotation marks is a name, whatever its words' tags."""
    words = list(token.subtree)
    return len(words) > 2 and words[0].text in _QUOTES and words[-1].text in _QUOTES


_QUOTES = "\"«»“”„"


def _antecedent(speaker: Mention, history, lang):
    wanted = _anaphor_kind(speaker.name, lang)
    for mention, chain in reversed(history):
        if not _fits(speaker, mention, lang):
            continue
        if wanted in ("any", None) or mention.kind == wanted or (wanted == "org" and mention.kind not in ("person", "sources", "group")):
            return mention, chain or [_link(mention, "origin", explain.REFERS_BACK)]
        if wanted == "body" and mention.kind in ("military", "court", "organisation"):
            return mention, chain or [_link(mention, "origin", explain.REFERS_BACK)]
    if wanted in ("outlet", "agency"):
        # "told the outlet" after "Verstka reports": a name of no known kind may be the outlet meant
        for mention, chain in reversed(history):
            if mention.kind == "organisation":
                return mention, chain or [_link(mention, "origin", explain.REFERS_BACK)]
    return None


def _anaphor_kind(name: str, lang) -> str | None:
    words = name.lower().split()
    if len(words) == 1 and words[0] in lang.attribution["pronoun_subjects"]:
        return lang.attribution["pronoun_subjects"][words[0]]
    head = " ".join(words[-2:]) if " ".join(words[-2:]) in lang.attribution["anaphors"] else words[-1]
    return lang.attribution["anaphors"].get(head)


def _is_anaphor(token, lang) -> bool:
    syntax = lang.syntax
    if token.lower_ in lang.attribution["pronoun_subjects"]:
        return True
    det = syntax.determiners(token) + syntax.possessives(token)
    # "the independent outlet Mediazona", "the volunteer group Idite Lesom": a name in apposition
    # names the party there and then; nothing is referred back to.
    compounds = [c for c in syntax.modifiers(token) + syntax.appositions(token) if syntax.is_proper(c)]
    # A language whose bare nouns are definite (Russian): "в ведомстве" refers back as "the office"
    # does, and so does "собеседник агентства"; "в правительстве Курганской области" names its own body.
    # A language may list the only bare nouns that do (Ukrainian: 'у відомстві', 'йдеться у відповіді').
    naming = [m for m in syntax.modifiers(token) + det if m.lower_ not in lang.attribution["anaphors"]]
    naming += [o for _, o in syntax.prepositions(token) if o is not None]  # "собеседник в министерстве"
    refer = lang.words.get("bare_nouns_refer_back", False)
    bare = (refer is True or token.lower_ in (refer or ())) and not naming
    definite = any(d.lower_ in lang.words["definite_determiners"] for d in det) or bare
    return definite and not compounds and token.lower_ in lang.attribution["anaphors"] and not _names_itself(token)


def _names_itself(token) -> bool:
    """'the regional Ministry of Social Protection': a capitalised head with capitalised words
    after it is a name, not a description referring back."""
    if not token.text[:1].isupper() or token.is_sent_start:
        return False
    return any(t.text[:1].isupper() for t in token.subtree if t.i > token.i)


# -- finding the parties of one sentence ------------------------------------------------------

def _find_parties(sentence: Sentence, lang) -> dict:
    a = lang.attribution
    parts = Parties(sentence)
    impersonal = lang.cues("attribution", "impersonal_cues").search(sentence.text)
    _according_to(sentence, lang, parts)
    if parts.speaker is None:
        _quoted_as_saying(sentence, lang, parts)
    if parts.speaker is None and _tail_speaks(sentence, lang):
        _trailing(sentence, lang, parts)
    if parts.speaker is None:
        _reporting_verb(sentence, lang, parts)
    if parts.speaker is None:
        _trailing(sentence, lang, parts)
    if parts.speaker is None and parts.pronoun_owner is not None:
        owner = parts.pronoun_owner  # nobody else named: "its" refers back to an earlier party
        parts.speaker, parts.speaker_via = make_mention(sentence, owner, lang), parts.pronoun_via
        parts.speaker_refers = True
    _citing(sentence, lang, parts)
    _records(sentence, lang, parts)
    if parts.speaker is None and not parts.cited and impersonal is not None:
        s, e = sentence.start + impersonal.start(), sentence.start + impersonal.end()
        parts.impersonal = Link(impersonal.group(), (s, e), "origin", vague=True, kind=explain.IMPERSONAL, via=explain.IMPERSONAL)
    _drop_nameless(parts)
    parts.all = [m for m in parts.outer + [parts.speaker] + parts.cited + parts.records if m]
    parts.named = [m for m in parts.all if not parts.speaker_refers or m is not parts.speaker]
    return parts


COLON_LEAD = 5  # words a party may take before the colon that opens a sentence
# Kinds of party a label before a colon may name. A person's label ('Ferrante:') is a transcript's,
# which chains.py reads with the interview it belongs to; a bare proper name may be a place.
LABEL_KINDS = ("agency", "outlet", "military", "court", "ngo", "body")


def _named_before_colon(state, sentence, lang, parts) -> None:
    """'Міська влада: у Дніпрі пошкоджено 38 багатоповерхівок', 'Повітряні сили ЗСУ: у ніч на ...': a
    party named before a colon that opens the sentence says what follows it (live blogs, Telegram
    posts). Only a body, an agency, an outlet or the like: 'Для порівняння:' names none, 'СМИ:' a
    vague one, 'Karvenia:' a place."""
    syntax, doc = lang.syntax, sentence.doc
    colon = next((t.i for t in doc[: COLON_LEAD + 1] if t.text == ":"), None)
    if not colon or colon == len(doc) - 1:
        return
    lead = [t for t in doc[:colon] if not t.is_punct]
    if not lead or any(syntax.is_verb_or_auxiliary(t) or t.like_num for t in lead):
        return
    head = next((t for t in lead if not (doc[0].i <= t.head.i < colon) or t.head.i == t.i), None)
    if head is None or not syntax.is_nominal(head):
        return
    mention = make_mention(sentence, head, lang)
    if mention.anonymous or mention.vague or mention.kind not in LABEL_KINDS or not all(t.i < colon for t in mention.tokens):
        return
    parts.speaker, parts.speaker_via = mention, doc[colon].text
    parts.speaker_refers = _is_anaphor(head, lang)
    parts.all = [m for m in parts.outer + [parts.speaker] + parts.cited + parts.records if m]
    parts.named = [m for m in parts.all if not parts.speaker_refers or m is not parts.speaker]


def _drop_nameless(parts: dict) -> None:
    """A 'party' without a letter or digit ('¶ told reporters') is a parse accident."""
    named = lambda m: m is not None and any(ch.isalnum() for ch in m.name)
    if parts.speaker is not None and not named(parts.speaker):
        parts.speaker, parts.speaker_refers, parts.speaker_verb = None, False, None
    parts.outer = [m for m in parts.outer if named(m)]
    parts.cited = [m for m in parts.cited if named(m)]
    parts.records = [m for m in parts.records if named(m)]


def _party_of(sentence, noun, lang, parts, register: bool = True):
    """'a report by TASS' → TASS; 'TASS calculations based on SBI data' → TASS (derived) + SBI."""
    a = lang.attribution
    lemma = noun.lower_
    own = any(c.lower_ in lang.words["own_possessives"] for c in lang.syntax.possessives(noun))
    if register and lemma in a["record_owner_nouns"] and not own:
        owner = _owner(noun, lang)
        if owner is not None:
            record = make_mention(sentence, owner, lang)
            record.via = explain.of(lemma)
            parts.records.append(record)
            parts.record_only = True
            parts.records_cited = True
            return None
    if lemma in a["report_nouns"] or lemma in a["derived_nouns"]:
        owner = _owner(noun, lang) or _provider(noun, lang)
        _based_on(sentence, noun, lang, parts)
        for record in records_under(noun, lang):  # "дані Міністерства ... з Єдиної бази даних"
            found = make_mention(sentence, record, lang)
            found.via = explain.BASED_ON
            parts.records.append(found)
        if owner is not None:
            if lemma in a["derived_nouns"]:
                parts.derived_owners.add(owner.i)
            return owner
        if lang.syntax.attributes(noun):
            return noun  # "unconfirmed reports", "media reports": a vague party in itself
        return None
    return noun


def _provider(noun, lang):
    """'Data provided by the SBI': the provider speaks."""
    for clause in lang.syntax.participle_clauses(noun):
        if clause.lemma_.lower() in lang.attribution["provide_verbs"]:
            agent = lang.syntax.agent(clause)
            if agent is not None:
                return agent
    return None


def _owner(noun, lang):
    """Whose a report noun is: "*Russia's* data", "a report *by X*", "the *SBI* data"."""
    syntax = lang.syntax
    for child in syntax.possessives(noun):
        if syntax.is_nominal(child) or syntax.is_pronoun(child):
            return child
    for preposition, pobj in syntax.prepositions(noun):
        if preposition.lower_ not in lang.words["owner_prepositions"]:
            continue
        if pobj is not None:
            return pobj
        # "a report by Ukrinform citing the SBI": the parse makes Ukrinform the subject of "citing"
        subject = syntax.clause_subject(preposition)
        if subject is not None:
            return subject
    for child in syntax.compounds(noun):
        if syntax.is_proper(child) or child.text.isupper():
            return child
    return None


def _based_on(sentence, noun, lang, parts) -> None:
    syntax = lang.syntax
    inside = [t.i for t in noun.subtree]
    for token in noun.subtree:
        if token.lower_ in lang.attribution["basis_words"] and token.head.i in inside:
            for sub in token.subtree:
                if syntax.is_prepositional_object(sub) and sub.lower_ in lang.attribution["report_nouns"]:
                    owner = _owner(sub, lang)
                    if owner is not None:
                        parts.records.append(make_mention(sentence, owner, lang))


def _phrase_at(doc, i: int, phrases: list[str]) -> str | None:
    """The phrase of ``phrases`` whose words start at token ``i``, or None."""
    for phrase in phrases:
        words = phrase.split()
        if i + len(words) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words)):
            return phrase
    return None


def _cue_at(doc, i: int, phrases: list[str], lang) -> tuple[str, int] | None:
    """(cue, index of its last word) for a cue starting at token ``i``, also with a possessive
    pronoun after its first word: 'по его данным', 'за його словами' are 'по данным', 'за словами'
    whose party an earlier sentence names."""
    cue = _phrase_at(doc, i, phrases)
    if cue is not None:
        return cue, i + len(cue.split()) - 1
    if i + 1 < len(doc) and doc[i + 1].lower_ in lang.words["possessive_pronouns"]:
        for phrase in phrases:
            words = phrase.split()
            if len(words) > 1 and doc[i].lower_ == words[0] and _phrase_at(doc, i + 2, [" ".join(words[1:])]):
                return phrase, i + len(words)
    return None


def _according_to(sentence, lang, parts) -> None:
    a, doc = lang.attribution, sentence.doc
    for token in doc:
        found = _cue_at(doc, token.i, a["speaker_prepositions"], lang)
        if found is None:
            continue
        cue, last = found[0], doc[found[1]]
        pobj = lang.syntax.cue_object(token, last)
        if pobj is None and _governs(token, last, lang):
            pobj = last  # "за даними X": the cue ends on the noun its preposition governs
        if pobj is None:
            continue
        # "по данным X": a cue that ends on its own noun means "according to"; X speaks, it is no register
        party = _party_of(sentence, pobj, lang, parts, register=pobj.i != last.i)
        if pobj.i == last.i and found[1] > token.i + len(cue.split()) - 1:
            party = doc[token.i + 1]  # "по его данным": whose, the pronoun says (resolved below)
        if party is None and not parts.record_only and pobj.lower_ in a["report_nouns"] and _is_anaphor(pobj, lang):
            party = pobj  # "according to the report": the report named before, whose owner speaks
        _request(sentence, pobj, lang, parts)
        if party is None and parts.record_only:
            parts.speaker_via = cue
        if party is not None and party.lower_ in lang.words["possessive_pronouns"]:
            parts.pronoun_owner, parts.pronoun_via = party, cue  # "according to its bulletin": whose, the sentence may say
        elif party is not None:
            parts.speaker, parts.speaker_via = make_mention(sentence, party, lang), cue
            parts.speaker_refers = _is_anaphor(party, lang)
        break
    for token in doc:
        cue = _phrase_at(doc, token.i, a["relay_phrases"])
        if cue is None:
            continue
        agent = lang.syntax.agent(doc[token.i + len(cue.split()) - 1])
        if agent is not None:
            parts.outer.append(make_mention(sentence, agent, lang))


def _governs(preposition, noun, lang) -> bool:
    found = lang.syntax.prepositional_object(preposition) if lang.syntax.is_preposition(preposition) else None
    return found is not None and found.i == noun.i and noun.i != preposition.i


def _relayed(verb, lang) -> bool:
    """The verb of 'as reported by X': it relays, nobody speaks through it."""
    doc = verb.doc
    for phrase in lang.attribution["relay_phrases"]:
        n = len(phrase.split())
        if verb.i - n + 1 >= 0 and _phrase_at(doc, verb.i - n + 1, [phrase]):
            return True
    return False


def _reporting_verb(sentence, lang, parts) -> None:
    a, syntax = lang.attribution, lang.syntax
    for verb in sentence.doc:
        if not syntax.is_verb_or_auxiliary(verb) or not _reports(verb, lang) or _relayed(verb, lang):
            continue
        if syntax.is_attributive(verb) and not _predicate_of_apposition(verb, lang):
            continue  # "20,000 Cases Reported Monthly": a participle describing a noun, no speaker
        # The subject nearest the verb; a noun a figure counts ("20,000 Cases Reported") is no speaker.
        subjects = sorted(syntax.subjects(verb), key=lambda c: abs(verb.i - c.i))
        if not subjects and syntax.is_conjunct(verb) and syntax.coordinated(verb.head, verb):
            # "The ministry rejected the claims and said ...": the first verb's subject speaks
            subjects = syntax.subjects(verb.head)
        subject = subjects[0] if subjects else None
        if subject is not None and _holds_figure(subject, lang):
            continue
        if subject is None and _predicate_of_apposition(verb, lang):
            subject = verb.head.head
        if subject is None:
            subject = syntax.agent(verb) or syntax.place_speaker(verb)
        if subject is None or subject.lower_ in a["non_speaker_subjects"]:
            continue
        if subject.lower_ == a["expletive_subject"] and verb.lemma_ not in a["it_verbs"]:
            continue
        party = _party_of(sentence, subject, lang, parts)
        if party is None and parts.record_only:
            return  # "Data from the ministry show ...": the ministry is the record, nobody speaks
        party = party or subject
        parts.speaker, parts.speaker_via = make_mention(sentence, party, lang), verb.lower_
        parts.speaker_verb = verb
        if verb.lemma_.lower() in a["derived_verbs"]:
            parts.derived_owners.add(party.i)  # "Mediazona counted 11,300": it made the number
        for obj in syntax.objects(verb):
            _party_of(sentence, obj, lang, parts)  # "obtained data from Y": Y holds the data
        parts.speaker_refers = _is_anaphor(party, lang)
        _told(sentence, verb, lang, parts)
        _request(sentence, verb, lang, parts)
        _interview(sentence, verb, lang, parts)
        return


def _predicate_of_apposition(verb, lang) -> bool:
    """'Mediazona, another outlet, counted 11,300 cases': the parse hangs the verb on the
    apposition; with an object of its own it is the sentence's predicate, the name its subject."""
    syntax, described = lang.syntax, verb.head
    return bool(syntax.objects(verb)) and described in syntax.appositions(described.head)


def _holds_figure(subject, lang) -> bool:
    """'Nearly half of the families ... were found': the subject is what is counted, not a speaker.
    'Two officials familiar with the matter told ...' are speakers: few, and sources."""
    a = lang.attribution
    if subject.lower_ in a["speaking_groups"]:
        if any(t.lower_ in a["few_words"] for t in lang.syntax.numeric_modifiers(subject)):
            return False
    # Not what a clause set off by a comma says of it: 'A report ..., based on interviews with 73
    # former detainees, found ...' is a report speaking.
    aside = next((t.i for t in subject.subtree if t.i > subject.i and t.text == ","), None)
    return any(t.like_num or t.lower_ in a["quantity_nouns"] for t in subject.subtree if aside is None or t.i < aside)


def _trailing(sentence, lang, parts) -> None:
    a = lang.attribution
    found = trailing_speaker(sentence, lang, set(a["reporting_verbs"]) | set(a["derived_verbs"]))
    if found is None:
        return
    mention, verb = found
    head = mention.tokens[-1] if mention.tokens else None
    if head is not None and head.lower_ in a["report_nouns"] + a["derived_nouns"]:
        party = _party_of(sentence, head, lang, parts)  # ", Eurostat data show." / ", a KIIS poll found."
        if party is None:
            return
        mention = make_mention(sentence, party, lang)
    parts.speaker, parts.speaker_via = mention, verb.text
    parts.speaker_refers = bool(mention.tokens) and _is_anaphor(mention.tokens[-1], lang)
    if verb.lemma_.lower() in a["derived_verbs"]:
        parts.derived_owners.add(mention.tokens[-1].i)
    _told(sentence, verb, lang, parts)


def _tail_speaks(sentence, lang) -> bool:
    """'..., the press service of the Investigative Committee (IC) told TASS.': a speaker after the
    last comma, whose verb the parse gave a subject before that comma instead, is the speaker."""
    a = lang.attribution
    found = trailing_speaker(sentence, lang, set(a["reporting_verbs"]) | set(a["derived_verbs"]))
    if found is None or not found[0].tokens:
        return False
    mention, verb = found
    commas = [t.i for t in sentence.doc[:verb.i] if t.text == ","]
    # "The newspaper, citing a source, said": an aside between the subject and its verb
    if not commas or commas[-1] == verb.i - 1 or sentence.doc[commas[-1] + 1].lower_ in a["citing_forms"]:
        return False
    subjects = lang.syntax.subjects(verb)
    return bool(subjects) and all(s.i < commas[-1] for s in subjects)


def _reports(verb, lang) -> bool:
    a = lang.attribution
    lemma = verb.lemma_.lower()
    if lemma in a["reporting_verbs"]:
        return True
    objects = a["reporting_idioms"].get(lemma)
    if not objects:
        return False
    # "put the number at 9,800"; "put Russian casualties at 600,000"; "losses were put at 1,100 by X"
    at_figure = any(p.lower_ in a["idiom_prepositions"] and any(t.like_num for t in p.subtree)
                    for p, _ in lang.syntax.prepositions(verb))
    return at_figure or any(c.lemma_.lower() in objects for c in lang.syntax.objects(verb))


def _told(sentence, verb, lang, parts) -> None:
    if verb.lemma_ not in lang.attribution["tell_verbs"]:
        return
    syntax = lang.syntax
    hearer = next(iter(syntax.hearers(verb)), None)
    # "told Der Spiegel" relays; "told reporters" or "told parliament" names no one who passes it on.
    if hearer is not None and ((syntax.is_proper(hearer) or _acronym(hearer)) and hearer.lower_ not in lang.attribution["audiences"]
                               or _is_anaphor(hearer, lang)):
        parts.outer.append(make_mention(sentence, hearer, lang))


def _request(sentence, verb, lang, parts) -> None:
    """'... said in a reply to a request from X': X asked, so X is the relay."""
    for token in verb.subtree:
        if token.lower_ in lang.attribution["request_nouns"]:
            owner = _owner(token, lang)
            # "at its request": the speaker's own request, no one else passed it on
            if owner is not None and owner.i != token.i and not lang.syntax.is_pronoun(owner):
                parts.outer.append(make_mention(sentence, owner, lang))
                return


def _interview(sentence, verb, lang, parts) -> None:
    """'... said in an interview with Rossiyskaya Gazeta': the outlet that asked passes it on."""
    a, syntax = lang.attribution, lang.syntax
    for token in verb.subtree:
        if token.lower_ not in a["interview_nouns"]:
            continue
        for preposition, outlet in syntax.prepositions(token):
            if preposition.lower_ in a["interview_prepositions"] and outlet is not None and (
                    syntax.is_proper(outlet) or _acronym(outlet)) and outlet.lower_ not in a["audiences"]:
                parts.outer.append(make_mention(sentence, outlet, lang))
                return


def _citing(sentence, lang, parts) -> None:
    a, syntax = lang.attribution, lang.syntax
    for token in sentence.doc:
        if token.lemma_.lower() in a["cite_verbs"] and token.lower_ in a["citing_forms"]:
            obj = next(iter(syntax.objects(token)), None) or next(
                (c for c in token.children if syntax.is_prepositional_object(c)), None)
            if obj is None:
                prep = next((p for p, _ in syntax.prepositions(token) if syntax.is_preposition(p)), None)
                obj = syntax.prepositional_object(prep) if prep is not None else None
            if obj is None:
                continue
            parts.record_only = False
            party = _party_of(sentence, obj, lang, parts)
            if party is None and parts.record_only:
                continue  # "citing data from Y": Y is already the record
            mention = make_mention(sentence, party or obj, lang)
            if mention.span not in [m.span for m in parts.cited]:
                parts.cited.append(mention)
            _cited_in_turn(sentence, party or obj, lang, parts)


def _quoted_as_saying(sentence, lang, parts) -> None:
    """'Ukrinform quoted the administration as saying that ...': Ukrinform relays, the
    administration speaks."""
    a, syntax = lang.attribution, lang.syntax
    for token in sentence.doc:
        if token.lower_ not in a["quoted_as_verbs"] or not any(c.lower_ == a["quoted_as_marker"] for c in token.subtree):
            continue
        subject = next(iter(syntax.subjects(token)), None)
        obj = next(iter(syntax.objects(token)), None)
        if subject is None or obj is None:
            continue
        if parts.speaker is None:
            parts.speaker, parts.speaker_via = make_mention(sentence, subject, lang), token.text
            parts.speaker_refers = _is_anaphor(subject, lang)
        parts.cited.append(make_mention(sentence, obj, lang))
        return


def _cited_in_turn(sentence, party, lang, parts) -> None:
    """'citing Strana, which in turn cited a source in the General Staff': one link further."""
    a = lang.attribution
    verbs = a["cite_verbs"] + a["cited_in_turn_verbs"]
    for clause in lang.syntax.relative_clauses(party):
        lemma = clause.lemma_.lower()
        if lemma in verbs:
            obj = next(iter(lang.syntax.objects(clause)), None)
            if obj is not None:
                further = _party_of(sentence, obj, lang, parts) or obj
                parts.cited.append(make_mention(sentence, further, lang))
                _cited_in_turn(sentence, further, lang, parts)
        elif lemma in a["provide_verbs"]:
            # "citing Suspilne, which obtained the data from the Coordination Headquarters"
            giver = _given_by(clause, lang)
            if giver is not None:
                parts.cited.append(make_mention(sentence, giver, lang))


def _given_by(verb, lang):
    """Who gave what a verb of receiving names: 'obtained the data *from X*'."""
    owners = lang.words["owner_prepositions"]
    for head in [verb] + lang.syntax.objects(verb):
        for preposition, obj in lang.syntax.prepositions(head):
            if obj is not None and preposition.lower_ in owners and preposition.i > verb.i:
                return obj
    return None


def _records(sentence, lang, parts) -> None:
    """'Ukrainian law enforcement has recorded ...': the subject of a record verb holds the data."""
    a, syntax = lang.attribution, lang.syntax
    for verb in sentence.doc:
        lemma = verb.lemma_.lower()
        if not syntax.is_verb(verb) or lemma not in a["record_verbs"] or lemma in a["reporting_verbs"]:
            continue  # "tally" reports a count the speaker made; "record" names who holds the data
        subject = next(iter(syntax.subjects(verb)), None) or syntax.agent(verb) or _register_place(verb, lang)
        if subject is None or subject.lower_ in lang.words["pronoun_holders"]:
            continue
        if parts.speaker is not None and subject.i in [t.i for t in parts.speaker.tokens]:
            continue
        mention = make_mention(sentence, subject, lang)
        mention.via = verb.text
        if mention.span not in [m.span for m in parts.records]:
            parts.records.append(mention)


def _register_place(verb, lang):
    """'в Единой информационной базе ... зарегистрированы 4 631 870 человек': the register a record
    verb's place names holds the data."""
    place = lang.syntax.record_place(verb)
    return place if place is not None and place.lemma_.lower() in lang.attribution["record_owner_nouns"] else None


def _acronym(token) -> bool:
    """'told DRAVTASS': a name in capitals, whatever the parser made of it."""
    return len(token.text) > 1 and token.text.isupper() and token.text.isalpha()
