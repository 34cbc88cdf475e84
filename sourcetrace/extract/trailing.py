"""A speaker named after the claim: '..., Sarvania's ombudsman, Teodor Vlasi, said.'

The small English model often parses a long claim followed by ', X said' wrongly (the speaker
becomes an apposition of the claim's subject). This reads the tail of the sentence by its shape
instead: a comma, a noun phrase, a reporting verb, and at most a short tail ('told Der Spiegel',
'on Friday', 'in a statement').
"""
from __future__ import annotations

from ..lang import Language
from .mentions import Mention, classify, is_anonymous, is_vague, speaks_for
from .names import person_run


def trailing_speaker(sentence, lang: Language, verbs: set[str]):
    """(mention, verb token) for '..., NP VERB [tail].' or None."""
    syntax, doc = lang.syntax, sentence.doc
    end = len(doc)
    while end > 0 and doc[end - 1].is_punct:
        end -= 1
    for v in range(end - 1, max(-1, end - 10), -1):
        token = doc[v]
        if token.text == ",":
            return None  # the tail after the verb must not hold another clause
        if token.lemma_.lower() in verbs and (syntax.is_verb_or_auxiliary(token) or _mistagged_verb(token, syntax)):
            segment = _segment_before(doc, v, lang)
            if segment:
                return _mention(sentence, segment, lang), token
            return None
    return None


def _mistagged_verb(token, syntax) -> bool:
    """', the ministry said.' with 'said' tagged a noun is still the verb; 'than any other member
    state.' is a noun: it has a determiner, an adjective or a compound of its own."""
    return syntax.is_noun(token) and not (syntax.determiners(token) or syntax.modifiers(token))


def _segment_before(doc, verb_i: int, lang: Language) -> list:
    """Tokens between the last comma before the verb and the verb, with a preceding apposition."""
    if verb_i > 0 and doc[verb_i - 1].text == ",":
        verb_i -= 1  # ", Teodor Vlasi, said": the apposition's closing comma
    start = verb_i - 1
    while start >= 0 and doc[start].text != "," and verb_i - start <= 14:
        start -= 1
    if start < 0 or doc[start].text != ",":
        return []
    segment = list(doc[start + 1: verb_i])
    if len(segment) == 0 or segment[0].lower_ in lang.words["relative_pronouns"] or not _nominal(segment, lang):
        return []
    before = start - 1
    while before >= 0 and doc[before].text != "," and start - before <= 6:
        before -= 1
    if before >= 0 and doc[before].text == "," and not any(lang.syntax.is_verb_or_auxiliary(t) for t in doc[before + 1: start]):
        segment = list(doc[before + 1: start]) + [doc[start]] + segment  # "X's ombudsman, Teodor Vlasi"
    return segment


def _nominal(segment: list, lang: Language) -> bool:
    """A speaker is a noun phrase: ', with hundreds of buildings reported destroyed' (a preposition's
    phrase) and 'The data, current as of May 1, show' (an adjective's) name nobody."""
    if lang.syntax.is_preposition(segment[0]):
        return False
    inside = {t.i for t in segment}
    tops = [t for t in segment if t.head.i not in inside or t.head.i == t.i]
    return any(lang.syntax.is_nominal(t) or lang.syntax.is_pronoun(t) for t in tops)


def _mention(sentence, segment: list, lang: Language) -> Mention:
    whole = sentence.doc[segment[0].i: segment[-1].i + 1].text
    person = person_run(segment, lang)
    if person is not None:
        tokens = list(sentence.doc[person[0]: person[1] + 1])
    else:
        tokens = _noun_phrase_prefix(segment, lang)
    head = next((t for t in tokens if lang.syntax.is_nominal(t)), tokens[-1])
    if person is None and tokens[-1].text.islower() and tokens[-1].lower_ in lang.attribution["descriptor_nouns"]:
        # "the Slovo i Dilo project": a name before a describing noun is the name
        names = [t for t in tokens[:-1] if t.text[:1].isupper()]
        if names:
            tokens = [t for t in tokens if names[0].i <= t.i <= names[-1].i]
            head = names[-1]
    first, last = tokens[0], tokens[-1]
    name = sentence.doc[first.i: last.i + 1].text
    span = sentence.tok_span(first, last)
    mention = Mention(name, span, sentence.index, classify(name, head, tokens, lang),
                      anonymous=is_anonymous(whole, head, tokens, lang),
                      vague=is_vague(name, head, tokens, lang), tokens=tokens)
    if mention.kind == "person":
        mention.speaks_for = speaks_for(sentence, segment, lang)  # ", the ministry's spokesman, X, said."
    return mention


def _noun_phrase_prefix(segment: list, lang: Language) -> list:
    """'a surgeon at the hospital who asked not to be named' → 'surgeon at the hospital'."""
    syntax = lang.syntax
    tokens = []
    for token in segment:
        if token.lower_ in lang.words["relative_pronouns"] or token.text == ",":
            break
        tokens.append(token)
    while tokens and (syntax.is_determiner(tokens[0]) or tokens[0].lower_ in lang.words["articles"]):
        tokens = tokens[1:]
    while len(tokens) > 1 and syntax.is_possessive_marker(tokens[-1]):
        tokens = tokens[:-1]
    return tokens or segment
