"""Give every figure its chain: its sentence's claim, the claim it continues, the figure it
restates, the dateline's agency, or — when nothing before it has a source — the outlet's voice."""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import explain
from ..model.records import Link, Period
from ..pipeline.component import component
from ..pipeline.state import TraceState
from ..lang.forms import ENTRY_TIME, SPEAKER_LABEL
from .names import person_runs


@component("figure_chains", requires=("figures", "claims", "dateline"), assigns=("figure_chains",))
def assign_chains(state: TraceState) -> None:
    """Read the article in order, as an analyst does: a source named once governs the sentences
    that continue it until another source is named; an article that relays another outlet's
    report (its lead: "X reported, citing Y", "... told X") relays every claim that follows."""
    by_sentence = _by_sentence(state)
    frame = _frame(state)
    thread: tuple[list[Link], tuple[int, int]] | None = None  # the chain the text continues, and where
    last = -1
    for sentence in state.sentences:
        claim = state.claims.get(sentence.index)
        figures = by_sentence.get(sentence.index, [])
        if claim is not None and claim.chain:
            thread = (_framed(claim.chain, frame, sentence.index), sentence.span)
            last = sentence.index
            _give(figures, thread[0], claim.basis)
            for start, chain in claim.clauses:  # a later clause's own speaker
                _give([f for f in figures if f.span[0] >= start], _framed(chain, frame, sentence.index), claim.basis)
        elif thread is not None and figures and _continues(state, sentence, last):
            _give(figures, thread[0], explain.CONTINUES, inherited_from=thread[1])
            last = sentence.index
            if _is_breakdown(state, sentence.index):
                previous = max((i for i in by_sentence if i < sentence.index), default=None)
                _inherit_period(figures, by_sentence.get(previous, []))
        else:
            _give(figures, [], explain.NONE)
    _source_after(state, by_sentence)
    _answers(state, by_sentence)
    _headline_restates(state, by_sentence)
    _entry_headings_restate(state, by_sentence)
    _restated(state)
    _records_of_origins(state)
    _dateline_and_outlet(state)


def _continues(state: TraceState, sentence, last: int) -> bool:
    """A sentence with no source of its own continues the last one named: the next sentence, or
    any later one in the same paragraph. Past that, an unsourced paragraph is the publisher's own
    (measured on whole articles: carrying a source further names the wrong one more often than the
    right one)."""
    return sentence.index - last <= 1 or sentence.paragraph == state.sentences[last].paragraph


def _by_sentence(state: TraceState) -> dict[int, list]:
    starts = {s.start: s.index for s in state.sentences}
    grouped: dict[int, list] = {}
    for figure in state.figures:
        grouped.setdefault(starts[figure.sentence[0]], []).append(figure)
    return grouped


def _give(figures: list, chain: list[Link], basis: str, inherited_from=None) -> None:
    for figure in figures:
        figure.attribution = [_copy(link, inherited_from) for link in chain]
        figure.attribution_basis = basis


def _copy(link: Link, inherited_from=None) -> Link:
    copied = Link(**link.__dict__)
    if inherited_from is not None and copied.inherited_from is None:
        copied.inherited_from = inherited_from
    return copied


# Kinds of party that pass reports on: an article relaying one of them relays all it reports.
_RELAYING = ("agency", "outlet")


def _frame(state: TraceState):
    """The relays of the article's lead ("Ukrainska Pravda reported, citing Suspilne, that ...",
    "..., the ministry told RIA Novosti"): (links, the lead sentence's index and span), or None.
    The lead is the first sourced claim of the first body paragraphs."""
    for sentence in state.sentences:
        if sentence.paragraph > 2:
            return None
        claim = state.claims.get(sentence.index)
        if claim is None or not claim.chain or _headline(state, sentence):
            continue
        relays = []
        for link in claim.chain:
            if link.role != "relay" or link.anonymous or link.vague:
                break
            relays.append(link)
        return (relays, sentence.index, sentence.span) if relays and len(relays) < len(claim.chain) else None
    return None


QUESTIONS = 2  # question paragraphs that make a text an interview


def _answers(state: TraceState, by_sentence: dict) -> None:
    """An interview — paragraphs that are a question each, a person named before the first, or a
    transcript whose paragraphs open with the speaker's label ('Lucia Ferrante: ...', 'TNH: ...?') —
    is the interviewee's word: an answer's figure no one else is said to give is theirs, and one
    they attribute to someone else ('the ministry has confirmed about 1,900') they pass on."""
    paragraphs = _paragraphs(state)
    labels = _labels(paragraphs)
    questions = [p[0] for p in paragraphs.values() if len(p) == 1 and p[0].text.rstrip().endswith("?")]
    if len(questions) < QUESTIONS:
        return
    asking = {labels[q.paragraph][0] for q in questions if q.paragraph in labels}
    speakers: dict[int, Link] = {}  # paragraph → who answers in it
    if labels and asking:
        for paragraph, (label, span, sentence) in labels.items():
            if label not in asking:
                speakers[paragraph] = _interviewee(state, label, span, sentence)
    else:
        found = _person_before(state, questions[0])
        if found is None:
            return
        intro, name, span = found
        link = Link(name, span, "origin", kind="person", via=explain.REFERS_BACK, inherited_from=intro.span)
        speakers = {s.paragraph: link for s in state.sentences if s.index > questions[0].index}
    # Questions as an explainer's subheadings ("How many have died?") are answered by its sources;
    # only a transcript, or answers in the first person, are one speaker's word throughout.
    confirmed = bool(labels and asking) or _answered_in_first_person(state, paragraphs, questions)
    asked = {q.paragraph for q in questions}
    for sentence in state.sentences:
        speaker = speakers.get(sentence.paragraph)
        if speaker is None or sentence.paragraph in asked:
            continue
        for figure in by_sentence.get(sentence.index, []):
            _answered(figure, speaker, state, confirmed)


def _answered(figure, speaker: Link, state: TraceState, confirmed: bool) -> None:
    chain = figure.attribution
    unsourced = figure.attribution_basis in (explain.NONE, explain.OUTLET_VOICE) or _first_person(figure, state) \
        or not chain
    if unsourced or confirmed and figure.attribution_basis in (explain.CONTINUES, explain.VAGUE):
        figure.attribution = [Link(**speaker.__dict__)]
        figure.attribution_basis = explain.REFERS_BACK
    elif confirmed and chain[0].name != speaker.name:
        figure.attribution = [Link(**{**speaker.__dict__, "role": "relay"})] + chain


def _paragraphs(state: TraceState) -> dict[int, list]:
    """The sentences of each paragraph, in order (grouped once: a text may have thousands)."""
    grouped: dict[int, list] = {}
    for sentence in state.sentences:
        grouped.setdefault(sentence.paragraph, []).append(sentence)
    return grouped


def _answered_in_first_person(state: TraceState, paragraphs: dict, questions) -> bool:
    """Most answers (the paragraph after each question) speak as 'we' or 'I'."""
    first = set(state.lang.words["first_person"])
    asked = {q.paragraph for q in questions}
    answers = [p + 1 for p in asked if p + 1 not in asked]
    speaking = [p for p in answers if any(w in first for s in paragraphs.get(p, ())
                                          for w in re.findall(r"[^\W\d_]+", s.text.lower()))]
    return len(speaking) * 2 > len(answers) > 0


def _labels(paragraphs: dict) -> dict:
    """Paragraphs opened by a speaker's label: paragraph → (label, its span, the sentence)."""
    found = {}
    for paragraph, sentences in paragraphs.items():
        opening = sentences[0]
        m = SPEAKER_LABEL.match(opening.text)
        if m and m.group(1)[:1].isupper():
            start = opening.start + m.start(1)
            found[paragraph] = (m.group(1), (start, start + len(m.group(1))), opening)
    return found


def _interviewee(state: TraceState, label: str, span, sentence) -> Link:
    """'Ferrante:' is the 'Lucia Ferrante' named before the transcript, when one was."""
    last = label.split()[-1]
    for before in reversed(state.sentences[: sentence.index]):
        if before.doc is None and state.nlp is not None:
            before.doc = state.nlp(before.text)
        for first, end in person_runs(list(before.doc), state.lang) if before.doc is not None else ():
            if before.doc[end].text == last:
                full = before.tok_span(before.doc[first], before.doc[end])
                return Link(state.document.text[full[0]:full[1]], full, "origin", kind="person",
                            via=explain.refers_back(label), inherited_from=before.span)
    return Link(label, span, "origin", kind="person", via=explain.REFERS_BACK)


def _person_before(state: TraceState, question):
    """The last person named before the first question: the interviewee (not the publisher, whose
    two capitalised words look like a name: 'Field Notes spoke to him')."""
    outlet = (state.document.outlet or "").lower()
    for sentence in reversed(state.sentences[: question.index]):
        if sentence.doc is None and state.nlp is not None:
            sentence.doc = state.nlp(sentence.text)  # not a candidate, but now it is needed
        runs = person_runs(list(sentence.doc), state.lang) if sentence.doc is not None else []
        for first, last in reversed(runs):
            span = sentence.tok_span(sentence.doc[first], sentence.doc[last])
            name = state.document.text[span[0]:span[1]]
            if name.lower() != outlet:
                return sentence, name, span
    return None


def _first_person(figure, state: TraceState) -> bool:
    """Said by 'he' or 'we' with no one found they stand for, or by 'we' taken for a party named
    before (in an interview 'we' is the one answering, not the last name in the text)."""
    pronouns = state.lang.attribution["pronoun_subjects"]
    if figure.attribution and all(link.name.lower() in pronouns and pronouns[link.name.lower()] == "person"
                                  for link in figure.attribution):
        return True
    first = state.lang.words["first_person"]
    return any(link.via and link.via.lower() in {explain.refers_back(w) for w in first} for link in figure.attribution)


def _headline(state: TraceState, sentence) -> bool:
    """The first line alone, not ended as a sentence is: a headline, which restates the lead."""
    alone = sum(1 for s in state.sentences if s.paragraph == sentence.paragraph) == 1
    return sentence.index == 0 and alone and not sentence.text.rstrip().endswith((".", "!", "?"))


def _framed(chain: list[Link], frame, index: int) -> list[Link]:
    """A later claim of a relayed article comes through the same relays, unless it names a relay
    or a relaying party (an agency, an outlet) of its own, or an unnamed source: "a source told ..."
    is tied to whoever it told, which a later sentence may not say."""
    if frame is None or index <= frame[1] or any(link.role == "relay" or link.kind in _RELAYING for link in chain) \
            or any(link.anonymous or link.vague for link in chain):
        return chain
    relays, _, span = frame
    return [_copy(link, span) for link in relays] + chain


def _is_breakdown(state: TraceState, index: int) -> bool:
    openers = state.lang.cues("attribution", "breakdown_openers")
    return bool(openers.match(state.sentences[index].text))


def _inherit_period(parts: list, totals: list) -> None:
    """A breakdown ('Of these, 176,000 concerned AWOL') covers the period of the total before it."""
    total = next((f for f in totals if f.period is not None), None)
    period = total.period if total is not None else None
    for figure in parts:
        if figure.period is None and period is not None:
            figure.period = replace(period, inherited_from=period.inherited_from or tuple(total.sentence))
            figure.notes.append(explain.NOTE_PERIOD_CONTINUED)
            if figure.aggregation == "point":
                figure.aggregation = next(f.aggregation for f in totals if f.period is period)
                figure.cumulative = figure.aggregation == "cumulative"


def _source_after(state: TraceState, by_sentence: dict) -> None:
    """'Some 2,400 conscripts were sent ... That is according to X.': the next sentence names it."""
    openers = state.lang.cues("attribution", "source_after_openers")
    for index, claim in state.claims.items():
        sentence = state.sentences[index]
        if index in by_sentence or not claim.chain or not openers.match(sentence.text):
            continue
        for figure in by_sentence.get(index - 1, []):
            if not figure.attribution:
                figure.attribution = [Link(**link.__dict__) for link in claim.chain]
                figure.attribution_basis = explain.SOURCE_AFTER


# How far a headline may round the figure it restates ("over 4,000" for 4,131).
ROUNDING = 0.1


def _headline_restates(state: TraceState, by_sentence: dict) -> None:
    """'Ukraine has brought home over 4,000 prisoners' over a body that says 4,131: the headline's
    figure restates the body's, and takes its chain and period."""
    if not state.sentences or not _headline(state, state.sentences[0]):
        return
    body = [f for i, figures in by_sentence.items() if i > 0 for f in figures if f.value is not None]
    for figure in by_sentence.get(0, []):
        twin = _nearest(figure, body)
        if twin is None:
            continue
        _restate(figure, twin, next(s for s in state.sentences if s.start == twin.sentence[0]))


def _restate(figure, twin, sentence) -> None:
    """``figure`` restates ``twin`` (of ``sentence``): it takes its chain and its period."""
    figure.restates = twin.id
    figure.attribution = [_copy(link, sentence.span) for link in twin.attribution]
    figure.attribution_basis = explain.restates(twin.id)
    if twin.period is not None and (figure.period is None or figure.period.start != twin.period.start):
        figure.period = Period(**{**twin.period.__dict__, "inherited_from": sentence.span})


def _entry_headings_restate(state: TraceState, by_sentence: dict) -> None:
    """A live blog's entry heading ('11:40 - Odesa: 3 killed, port infrastructure damaged') restates
    what its own entry goes on to say ('... killed three people, Odesa Oblast Governor Oleh Kiper
    said'), not what the entry before it said: its figures take the chain and period of their twins
    in the entry, unless the heading names a source itself ('..., Ukraine says')."""
    headings = [s for s in state.sentences if ENTRY_TIME.match(s.text)
                and sum(1 for o in state.sentences if o.paragraph == s.paragraph) == 1]
    for heading, following in zip(headings, headings[1:] + [None]):
        entry = [f for s in state.sentences if s.index > heading.index and (following is None or s.index < following.index)
                 for f in by_sentence.get(s.index, []) if f.value is not None]
        for figure in by_sentence.get(heading.index, []):
            if figure.attribution_basis not in (explain.CONTINUES, explain.NONE, explain.OUTLET_VOICE):
                continue
            twin = _nearest(figure, entry)
            if twin is not None:
                _restate(figure, twin, next(s for s in state.sentences if s.start == twin.sentence[0]))


def _records_of_origins(state: TraceState) -> None:
    """'The Prosecutor General's Office, citing the Unified Register of Pre-trial Investigations,
    ...' and later 'according to the office's reply, 4,112 cases were opened in 2022': a register
    named once for a party is where that party's later figures come from too, unless a figure's own
    chain names another. The link says which sentence named the register."""
    records: list[tuple[str, Link, tuple]] = []  # (origin's name, its record, the sentence naming it)
    for index, claim in sorted(state.claims.items()):
        for chain in [claim.chain] + [chain for _, chain in claim.clauses]:
            for origin, record in zip(chain, chain[1:]):
                if record.role == "record" and origin.role in ("origin", "derived") and record.inherited_from is None:
                    records.append((origin.name, record, state.sentences[index].span))
    if not records:
        return
    for figure in state.figures:
        chain = figure.attribution or []
        if not chain or chain[-1].role not in ("origin", "derived"):
            continue
        found = next(((r, named) for origin, r, named in records
                      if named != figure.sentence and _same_or_shortened(state.lang, origin, chain[-1].name)), None)
        if found is not None:
            record, named = found
            chain.append(Link(**{**record.__dict__, "inherited_from": named}))


def _same_or_shortened(lang, named: str, later: str) -> bool:
    """'міністерства' after 'Міністерства соціальної політики': the same party, or a later name
    made of the earlier one's words."""
    words = lambda name: set(name.lower().split())  # noqa: E731
    return lang.same_party(named, later) or bool(words(later)) and words(later) <= words(named)


def _nearest(figure, body: list):
    if figure.value is None:
        return None
    near = [f for f in body if f.unit == figure.unit and f.value
            and abs(f.value - figure.value) <= ROUNDING * abs(f.value)]
    return min(near, key=lambda f: (abs(f.value - figure.value), f.span[0]), default=None)


def _restated(state: TraceState) -> None:
    """A figure with no source that repeats a sourced figure (a headline) takes its chain."""
    sourced: dict[tuple, object] = {}
    for f in state.figures:
        if f.attribution and f.attribution_basis != explain.OUTLET_VOICE:
            sourced.setdefault((f.value, f.low, f.high, f.unit), f)
    for figure in state.figures:
        if figure.attribution:
            continue
        twin = sourced.get((figure.value, figure.low, figure.high, figure.unit))
        if twin is not None:
            figure.attribution = [Link(**link.__dict__) for link in twin.attribution]
            figure.attribution_basis = explain.restates(twin.id)
            figure.notes.append(explain.note_restates(twin.id, twin.text))


def _dateline_and_outlet(state: TraceState) -> None:
    dateline = state.document.dateline
    agency = None
    if dateline:
        agency = Link(dateline["agency"], tuple(dateline["agency_span"]), "relay", kind="agency", via=explain.DATELINE)
    for figure in state.figures:
        if agency is not None:
            if not figure.attribution:
                figure.attribution = [Link(**{**agency.__dict__, "role": "outlet"})]
                figure.attribution_basis = explain.DATELINE
            elif not state.lang.same_party(figure.attribution[0].name, agency.name):
                figure.attribution.insert(0, Link(**agency.__dict__))
        elif not figure.attribution and state.document.outlet:
            figure.attribution = [Link(state.document.outlet, None, "outlet", kind="outlet", via=explain.METADATA)]
            figure.attribution_basis = explain.OUTLET_VOICE
