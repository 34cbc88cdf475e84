"""Incidents: single events told in the text — what happened, to whom, where, when, with what outcome.

An incident is a past event verb (lang/en/incidents.json) whose subject is one specific actor
("a Ukrainian deserter", a named person). Following sentences that refer back to that actor
("The individual, identified only by his initials, ...") add the place, the identity note and
hedges to the same incident.
"""
from __future__ import annotations


from ..model import explain
from ..model.records import Incident, Link, Period
from ..pipeline.component import component
from ..pipeline.state import Sentence, TraceState
from .names import looks_like_person


@component("incidents", requires=("parses", "figures", "claims", "hedges"), assigns=("incidents",))
def find_incidents(state: TraceState) -> None:
    current = None
    for sentence in state.sentences:
        if sentence.doc is None:
            if sentence.paragraph != 0:
                current = None  # an unparsed sentence past the first paragraph ends the story
            continue
        if current is not None and _continues(sentence, state.lang, current):
            _extend(current, sentence, state)
            continue
        incident = _incident(sentence, state)
        if incident is not None:
            state.incidents.append(incident)
            current = incident
        else:
            current = None


def _event_verb(sentence: Sentence, lang):
    syntax = lang.syntax
    verbs = set(lang.incidents["outcome_verbs"]) | set(lang.incidents["event_verbs"])
    reporting = set(lang.attribution["reporting_verbs"])
    for token in sentence.doc:
        if not syntax.is_verb(token) or token.lemma_.lower() not in verbs or not syntax.is_past(token):
            continue
        told = syntax.is_complement_clause(token) and token.head.lemma_.lower() in reporting  # "..., the service said"
        if not syntax.is_main_clause(token) and not told:
            continue
        subject = next(iter(syntax.subjects(token, passive=True)), None)
        if subject is not None and _specific_actor(subject, lang):
            return token, subject
        obj = next(iter(syntax.objects(token)), None)
        if token.lemma_.lower() in lang.incidents["outcome_verbs"] and obj is not None and _specific_actor(obj, lang):
            return token, obj  # "A military court convicted a deserter"
    return None, None


def _specific_actor(subject, lang) -> bool:
    syntax = lang.syntax
    if looks_like_person(list(subject.subtree), lang) and syntax.is_proper(subject):
        return True
    if subject.lemma_.lower() not in lang.incidents["actor_heads"] and subject.lower_ not in lang.incidents["actor_heads"]:
        return False
    indefinite = any(c.lower_ in lang.words["indefinite_articles"] for c in syntax.determiners(subject))
    numbers = syntax.numeric_modifiers(subject)
    return syntax.is_singular_noun(subject) and indefinite or (bool(numbers) and len(numbers[0].text) <= 1)


def _incident(sentence: Sentence, state: TraceState) -> Incident | None:
    lang = state.lang
    verb, subject = _event_verb(sentence, lang)
    if verb is None:
        return None
    outcome_verb = verb.lemma_.lower() in lang.incidents["outcome_verbs"]
    what_tokens = _cause_clause(verb, lang)
    evidence = []
    who = _phrase(sentence, subject, evidence, "who", lang)
    outcome = _verb_phrase(sentence, verb, evidence, "outcome", lang, skip=subject) if outcome_verb else None
    what = _phrase_tokens(sentence, what_tokens, evidence, "what") if what_tokens else (
        None if outcome_verb else _verb_phrase(sentence, verb, evidence, "what", lang))
    if what is None and outcome is not None:
        what = outcome
    claim = state.claims.get(sentence.index)
    attribution = [Link(**l.__dict__) for l in claim.chain] if claim and claim.basis != explain.VAGUE else []
    incident = Incident(
        id=f"i{len(state.incidents) + 1}", what=what, who=who, where=None, when=None, outcome=outcome,
        attribution=attribution, span=sentence.span, sentences=[sentence.span], evidence=evidence)
    _add_details(incident, sentence, state)
    return incident


def _cause_clause(verb, lang):
    """'sentenced ... after stealing an APC and taking it home' → the 'after'/'for' clause."""
    for child in lang.syntax.adjuncts(verb):
        if child.lower_ in lang.incidents["cause_words"]:
            tokens = sorted(child.subtree, key=lambda t: t.i)[1:]
            return tokens or None
    return None


def _verb_phrase(sentence, verb, evidence, field, lang, skip=None):
    syntax = lang.syntax
    complements = syntax.complements(verb)
    keep = [verb]
    for child in verb.children:
        if skip is not None and child.i == skip.i:
            continue  # the actor named as the object: 'who', not part of the outcome
        if child in complements or (
                syntax.is_preposition(child) and child.lower_ in lang.incidents["outcome_prepositions"]):
            keep.extend(child.subtree)
    return _phrase_tokens(sentence, sorted(keep, key=lambda t: t.i), evidence, field)


def _phrase(sentence, head, evidence, field, lang):
    """A noun phrase without its relative clauses, appositions and participle clauses."""
    aside = lang.syntax.is_clause_aside
    tokens = [t for t in head.subtree if not t.is_punct or t.i == head.i]
    tokens = [t for t in tokens if not any(aside(a) for a in _ancestors_until(t, head))]
    return _phrase_tokens(sentence, sorted(tokens, key=lambda t: t.i), evidence, field)


def _ancestors_until(token, stop):
    out = []
    while token.i != stop.i and token.head.i != token.i:
        out.append(token)
        token = token.head
    return out


def _phrase_tokens(sentence, tokens, evidence, field):
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = sentence.tok_span(tokens[0], tokens[-1])
    evidence.append({"field": field, "span": (start, end)})
    return sentence.text[start - sentence.start: end - sentence.start]


def _add_details(incident: Incident, sentence: Sentence, state: TraceState) -> None:
    lang = state.lang
    if incident.where is None:
        incident.where = _place(sentence, lang, incident.evidence)
    if incident.when is None:
        incident.when = _when(sentence)
    identity = lang.cues("incidents", "identity_cues").search(sentence.text)
    if identity and incident.identity is None:
        incident.identity = identity.group()
        incident.evidence.append({"field": "identity", "span": (sentence.start + identity.start(), sentence.start + identity.end())})
    for hedge in state.hedges:
        if hedge.sentence == sentence.span and hedge not in incident.hedges:
            incident.hedges.append(hedge)
            hedge.targets.append(incident.id)


def _place(sentence: Sentence, lang, evidence) -> str | None:
    syntax = lang.syntax
    places = set(lang.incidents["place_nouns"])
    candidates = []
    for token in sentence.doc:
        if syntax.is_preposition(token) and token.lower_ in lang.incidents["place_preps"]:
            pobj = syntax.prepositional_object(token)
            if pobj is None or pobj.lemma_.lower() in lang.incidents["unit_nouns"]:
                continue
            if pobj.lemma_.lower() in places:
                candidates.append((0, pobj))  # "a military base in western Ukraine"
            elif syntax.is_proper(pobj) and pobj.text[:1].isupper():
                candidates.append((1, pobj))
    if not candidates:
        return None
    _, pobj = min(candidates, key=lambda c: (c[0], c[1].i))
    return _phrase_tokens(sentence, sorted(pobj.subtree, key=lambda t: t.i), evidence, "where")


def _when(sentence: Sentence) -> Period | None:
    for period in getattr(sentence, "periods", []) or []:
        return Period(text=period.text, start=period.start.isoformat() if period.start else None,
                      end=period.end.isoformat() if period.end else None,
                      span=(sentence.start + period.start_char, sentence.start + period.end_char))
    return None


def _continues(sentence: Sentence, lang, incident: Incident) -> bool:
    anaphors = lang.cues("incidents", "actor_anaphors")
    return bool(anaphors.match(sentence.text)) and sentence.start - incident.span[1] < 400


def _extend(incident: Incident, sentence: Sentence, state: TraceState) -> None:
    incident.sentences.append(sentence.span)
    incident.span = (incident.span[0], sentence.end)
    if incident.what is None or incident.what == incident.outcome:
        verb, _ = _event_verb_any(sentence, state.lang)
        if verb is not None:
            incident.what = _verb_phrase(sentence, verb, incident.evidence, "what", state.lang)
    _add_details(incident, sentence, state)


def _event_verb_any(sentence: Sentence, lang):
    verbs = set(lang.incidents["event_verbs"])
    for token in sentence.doc:
        if lang.syntax.is_verb(token) and token.lemma_.lower() in verbs:
            return token, None
    return None, None
