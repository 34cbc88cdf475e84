"""Attribution chains: who a sentence says its claim comes from, and through whom.

For each parsed sentence this finds the cues — "according to X", "X said/reported/claimed",
"citing Y", "told X", "in reply to a request from X", "X's calculations based on data from Y",
"Y has recorded" — and orders the parties nearest first (see shared/design/CHAINS.md). A subject
such as "The agency" or "he" refers back to a party named before and takes over that party's
chain. Figures then take the chain of their sentence (``assign_figures``).
"""
from __future__ import annotations


from ..model.records import Link
from ..pipeline.component import component
from ..pipeline.state import Claim, Sentence, TraceState
from .mentions import Mention, make_mention
from .trailing import trailing_speaker


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
    parts["sentence"] = sentence
    parts["context"] = [sentence] + [state.sentences[i] for i in range(sentence.index - 1, max(-1, sentence.index - 3), -1)]
    parts["dateline"] = state.document.dateline
    parts["nlp"] = state.nlp
    _drop_dateline(parts, state.document.dateline)
    _dateline_hearer(parts, lang)
    for mention in parts["all"]:
        state.mentions.append({"name": mention.name, "span": mention.span, "kind": mention.kind})
    if parts["impersonal"] is not None:
        return Claim(sentence.index, [parts["impersonal"]], "vague", vague=parts["impersonal"])
    speaker_chain, basis = _speaker_chain(parts, history, lang)
    chain = [_link(m, "relay", "told" if m in parts["outer"] else "as reported by") for m in parts["outer"]]
    chain += speaker_chain
    chain += [_link(m, "derived" if m.tokens and m.tokens[-1].i in parts["derived_owners"] else "origin", "citing")
              for m in parts["cited"]]
    chain = _assign_roles(chain, all_relays=parts.get("records_cited", False))
    chain += [_link(m, "record", m.via or "based on") for m in parts["records"]]
    if not chain:
        return None
    if chain[0].vague and all(link.vague for link in chain if link.role != "record"):
        return Claim(sentence.index, chain, "vague", vague=chain[0])
    for mention in parts["named"]:
        history.append((mention, [l for l in chain if l.role != "record"]))
    return Claim(sentence.index, chain, basis)


def _drop_dateline(parts: dict, dateline: dict | None) -> None:
    """'KYIV (Reuters) -' is not a speaker: the dateline's agency is added by figure_chains."""
    if not dateline:
        return
    start, end = dateline["span"]
    inside = lambda m: m is not None and start <= m.span[0] < end
    if inside(parts["speaker"]):
        parts["speaker"], parts["speaker_refers"] = None, False
    for key in ("outer", "cited", "records", "all", "named"):
        parts[key] = [m for m in parts[key] if not inside(m)]


def _dateline_hearer(parts: dict, lang) -> None:
    """'told the agency' under 'KYIV, March 3 /Interfax-Ukraine/.': the agency is the dateline's."""
    dateline = parts.get("dateline")
    if not dateline:
        return
    for i, mention in enumerate(parts["outer"]):
        if _anaphor_kind(mention.name, lang) == "agency" and len(mention.name.split()) <= 2:
            parts["outer"][i] = Mention(dateline["agency"], tuple(dateline["agency_span"]), mention.sentence,
                                        "agency", via=f"refers back ('{mention.name}')")


def _link(m: Mention, role: str, via: str) -> Link:
    return Link(name=m.name, span=m.span, role=role, anonymous=m.anonymous, vague=m.vague, kind=m.kind, via=via)


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
    speaker = parts["speaker"]
    if speaker is None:
        return [], "cue"
    if parts["speaker_refers"]:
        antecedent = (_same_head(speaker, parts, lang) or _antecedent(speaker, history, lang)
                      or _dateline_agency(speaker, parts, lang) or _named_subject(speaker, parts, lang))
        if antecedent is not None:
            mention, chain = antecedent
            copied = [Link(**{**l.__dict__}) for l in chain]
            for link in copied:
                link.via = f"refers back ('{speaker.name}')" if link.name == mention.name else link.via
            return copied, "refers back"
    derived = speaker.tokens and speaker.tokens[-1].i in parts["derived_owners"]
    role = "derived" if derived or _derived_speaker(speaker, lang) else "origin"
    via = parts["speaker_via"]
    return [_link(speaker, role, via)], "cue"


def _same_head(speaker: Mention, parts, lang):
    """'the service said' after "Ukraine's border service" in the same or the last sentences."""
    head = speaker.tokens[-1] if speaker.tokens else None
    if head is None or head.pos_ != "NOUN":
        return None
    for sentence in parts["context"]:
        if sentence.doc is None:
            continue
        for token in sentence.doc:
            if sentence is parts["sentence"] and token.i >= head.i:
                break
            if token.lemma_ == head.lemma_ and any(c.dep_ in ("compound", "poss", "amod") for c in token.children):
                mention = make_mention(sentence, token, lang)
                return mention, [_link(mention, "origin", f"refers back ('{speaker.name}')")]
    return None


def _derived_speaker(speaker: Mention, lang) -> bool:
    """'Vyorstka calculated', 'the BBC, which has counted obituaries': the speaker made the number."""
    head = speaker.tokens[-1] if speaker.tokens else None
    if head is None:
        return False
    verbs = lang.attribution["derived_verbs"]
    governing = head.head if head.dep_ == "nsubj" else None
    if governing is not None and governing.lemma_.lower() in verbs:
        return True
    return any(c.dep_ == "relcl" and c.lemma_.lower() in verbs for c in head.children)


def _dateline_agency(speaker: Mention, parts, lang):
    """'told the agency' / 'the agency said' in an item under 'KYIV, March 3 /Interfax-Ukraine/'."""
    dateline = parts.get("dateline")
    if not dateline or _anaphor_kind(speaker.name, lang) not in ("agency", "org"):
        return None
    link = Link(dateline["agency"], tuple(dateline["agency_span"]), "origin", kind="agency",
                via=f"refers back ('{speaker.name}')")
    return Mention(link.name, link.span, -1, "agency"), [link]


def _named_subject(speaker: Mention, parts, lang):
    """'It said ...' after "Ukraine's General Staff issued its update": the last named subject."""
    wanted = _anaphor_kind(speaker.name, lang)
    for sentence in parts["context"][1:]:
        if sentence.doc is None and parts.get("nlp") is not None:
            sentence.doc = parts["nlp"](sentence.text)  # not a candidate, but now it is needed
        if sentence.doc is None:
            continue
        for token in sentence.doc:
            if token.dep_ in ("nsubj", "nsubjpass") and (token.pos_ == "PROPN" or any(
                    c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" for c in token.children)):
                mention = make_mention(sentence, token, lang)
                if wanted in (None, "any") or (wanted == "person") == (mention.kind == "person"):
                    return mention, [_link(mention, "origin", f"refers back ('{speaker.name}')")]
        # "The report appeared in Izvestia. The newspaper said ...": a name of the kind wanted
        for token in reversed(sentence.doc):
            if token.pos_ == "PROPN" and token.dep_ in ("pobj", "dobj", "nsubj", "appos") and wanted not in (None, "any", "person"):
                mention = make_mention(sentence, token, lang)
                if mention.kind == wanted:
                    return mention, [_link(mention, "origin", f"refers back ('{speaker.name}')")]
    return None


def _antecedent(speaker: Mention, history, lang):
    wanted = _anaphor_kind(speaker.name, lang)
    for mention, chain in reversed(history):
        if wanted in ("any", None) or mention.kind == wanted or (wanted == "org" and mention.kind not in ("person", "sources", "group")):
            return mention, chain or [_link(mention, "origin", "refers back")]
        if wanted == "body" and mention.kind in ("military", "court", "organisation"):
            return mention, chain or [_link(mention, "origin", "refers back")]
    return None


def _anaphor_kind(name: str, lang) -> str | None:
    words = name.lower().split()
    if len(words) == 1 and words[0] in lang.attribution["pronoun_subjects"]:
        return lang.attribution["pronoun_subjects"][words[0]]
    head = " ".join(words[-2:]) if " ".join(words[-2:]) in lang.attribution["anaphors"] else words[-1]
    return lang.attribution["anaphors"].get(head)


def _is_anaphor(token, lang) -> bool:
    if token.lower_ in lang.attribution["pronoun_subjects"]:
        return True
    det = [c for c in token.children if c.dep_ in ("det", "poss")]
    compounds = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN"]
    definite = any(d.lower_ in ("the", "this", "that", "its", "their") for d in det)
    return definite and not compounds and token.lower_ in lang.attribution["anaphors"]


# -- finding the parties of one sentence ------------------------------------------------------

def _find_parties(sentence: Sentence, lang) -> dict:
    a = lang.attribution
    parts = {"derived_owners": set(), "records_cited": False, "record_only": False, "outer": [],
             "speaker": None, "speaker_via": None, "speaker_refers": False,
             "cited": [], "records": [], "named": [], "all": [], "impersonal": None}
    impersonal = lang.phrases_regex("impersonal", a["impersonal_cues"]).search(sentence.text)
    _according_to(sentence, lang, parts)
    if parts["speaker"] is None:
        _quoted_as_saying(sentence, lang, parts)
    if parts["speaker"] is None:
        _reporting_verb(sentence, lang, parts)
    if parts["speaker"] is None:
        _trailing(sentence, lang, parts)
    if parts["speaker"] is None and parts.get("pronoun_owner") is not None:
        owner = parts["pronoun_owner"]  # nobody else named: "its" refers back to an earlier party
        parts["speaker"], parts["speaker_via"] = make_mention(sentence, owner, lang), "according to"
        parts["speaker_refers"] = True
    _citing(sentence, lang, parts)
    _records(sentence, lang, parts)
    if parts["speaker"] is None and not parts["cited"] and impersonal is not None:
        s, e = sentence.start + impersonal.start(), sentence.start + impersonal.end()
        parts["impersonal"] = Link(impersonal.group(), (s, e), "origin", vague=True, kind="impersonal", via="impersonal")
    _drop_nameless(parts)
    parts["all"] = [m for m in parts["outer"] + [parts["speaker"]] + parts["cited"] + parts["records"] if m]
    parts["named"] = [m for m in parts["all"] if not parts["speaker_refers"] or m is not parts["speaker"]]
    return parts


_POSSESSIVES = {"its", "their", "his", "her"}


def _drop_nameless(parts: dict) -> None:
    """A 'party' without a letter or digit ('¶ told reporters') is a parse accident."""
    named = lambda m: m is not None and any(ch.isalnum() for ch in m.name)
    if parts["speaker"] is not None and not named(parts["speaker"]):
        parts["speaker"], parts["speaker_refers"] = None, False
    for key in ("outer", "cited", "records"):
        parts[key] = [m for m in parts[key] if named(m)]


def _party_of(sentence, noun, lang, parts):
    """'a report by TASS' → TASS; 'TASS calculations based on SBI data' → TASS (derived) + SBI."""
    a = lang.attribution
    lemma = noun.lower_
    if lemma in a["record_owner_nouns"] and not any(c.dep_ == "poss" and c.lower_ in ("our", "its", "their") for c in noun.children):
        owner = _owner(noun)
        if owner is not None:
            record = make_mention(sentence, owner, lang)
            record.via = f"{lemma} of"
            parts["records"].append(record)
            parts["record_only"] = True
            parts["records_cited"] = True
            return None
    if lemma in a["report_nouns"] or lemma in a["derived_nouns"]:
        owner = _owner(noun) or _provider(noun, lang)
        _based_on(sentence, noun, lang, parts)
        if owner is not None:
            if lemma in a["derived_nouns"]:
                parts["derived_owners"].add(owner.i)
            return owner
        if any(c.dep_ in ("amod", "compound") for c in noun.children):
            return noun  # "unconfirmed reports", "media reports": a vague party in itself
        return None
    return noun


def _provider(noun, lang):
    """'Data provided by the SBI': the provider speaks."""
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in lang.attribution["provide_verbs"]:
            agent = _agent(child)
            if agent is not None:
                return agent
    return None


def _owner(noun):
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from", "of"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
            # "a report by Ukrinform citing the SBI": the parse makes Ukrinform the subject of "citing"
            clause = next((c for c in child.children if c.dep_ in ("pcomp", "pobj")), None)
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
            if subject is not None:
                return subject
    for child in noun.children:
        if child.dep_ == "compound" and (child.pos_ == "PROPN" or child.text.isupper()):
            return child
    return None


def _based_on(sentence, noun, lang, parts) -> None:
    for token in noun.subtree:
        if token.lower_ in ("based", "drawing", "using") and token.head.i in [t.i for t in noun.subtree]:
            for sub in token.subtree:
                if sub.dep_ == "pobj" and sub.lower_ in lang.attribution["report_nouns"]:
                    owner = _owner(sub)
                    if owner is not None:
                        parts["records"].append(make_mention(sentence, owner, lang))


def _according_to(sentence, lang, parts) -> None:
    for token in sentence.doc:
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is None:
                continue
            party = _party_of(sentence, pobj, lang, parts)
            _request(sentence, pobj, lang, parts)
            if party is None and parts.get("record_only"):
                parts["speaker_via"] = "according to"
            if party is not None and party.lower_ in _POSSESSIVES:
                parts["pronoun_owner"] = party  # "according to its bulletin": whose, the sentence may say
            elif party is not None:
                parts["speaker"], parts["speaker_via"] = make_mention(sentence, party, lang), "according to"
                parts["speaker_refers"] = _is_anaphor(party, lang)
            break
    for token in sentence.doc:
        if token.lower_ in ("reported", "cited", "quoted") and token.i > 0 and token.doc[token.i - 1].lower_ == "as":
            agent = _agent(token)
            if agent is not None:
                parts["outer"].append(make_mention(sentence, agent, lang))


def _agent(verb):
    by = next((c for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _reporting_verb(sentence, lang, parts) -> None:
    a = lang.attribution
    for verb in sentence.doc:
        if verb.pos_ not in ("VERB", "AUX") or not _reports(verb, a):
            continue
        if verb.i > 0 and verb.doc[verb.i - 1].lower_ == "as" and verb.lower_ == "reported":
            continue
        if verb.dep_ in ("acl", "amod", "compound"):
            continue  # "20,000 Cases Reported Monthly": a participle describing a noun, no speaker
        # The subject nearest the verb; a noun a figure counts ("20,000 Cases Reported") is no speaker.
        subjects = sorted((c for c in verb.children if c.dep_ == "nsubj"), key=lambda c: abs(verb.i - c.i))
        if not subjects and verb.dep_ == "conj":
            # "The ministry rejected the claims and said ...": the first verb's subject speaks
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        subject = subjects[0] if subjects else None
        if subject is not None and _holds_figure(subject):
            continue
        if subject is None and verb.dep_ == "passive" or subject is None:
            subject = _agent(verb)
        if subject is None or subject.lower_ in ("that", "which", "this", "it") and subject.lower_ != "it":
            continue
        if subject.lower_ == "it" and not _previous_org_expected(verb):
            continue
        party = _party_of(sentence, subject, lang, parts)
        if party is None and parts["record_only"]:
            return  # "Data from the ministry show ...": the ministry is the record, nobody speaks
        party = party or subject
        parts["speaker"], parts["speaker_via"] = make_mention(sentence, party, lang), verb.lower_
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            _party_of(sentence, obj, lang, parts)  # "obtained data from Y": Y holds the data
        parts["speaker_refers"] = _is_anaphor(party, lang)
        _told(sentence, verb, lang, parts)
        _request(sentence, verb, lang, parts)
        return


def _holds_figure(subject) -> bool:
    """'Nearly half of the families ... were found': the subject is what is counted, not a speaker.
    'Two officials familiar with the matter told ...' are speakers: few, and sources."""
    if subject.lower_ in ("officials", "sources", "people", "officers", "diplomats", "soldiers", "insiders", "servicemen"):
        small = [t for t in subject.children if t.dep_ == "nummod" and t.lower_ in ("two", "three", "four", "five", "several", "2", "3", "4", "5")]
        if small:
            return False
    return any(t.like_num or t.lower_ in ("half", "third", "quarter", "dozen", "hundreds", "thousands")
               for t in subject.subtree)


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
    parts["speaker"], parts["speaker_via"] = mention, verb.text
    parts["speaker_refers"] = bool(mention.tokens) and _is_anaphor(mention.tokens[-1], lang)
    if verb.lemma_.lower() in a["derived_verbs"]:
        parts["derived_owners"].add(mention.tokens[-1].i)
    _told(sentence, verb, lang, parts)


def _reports(verb, a) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in a["reporting_verbs"]:
        return True
    objects = a["reporting_idioms"].get(lemma)
    if not objects:
        return False
    # "put the number at 9,800"; "put Russian casualties at 600,000"; "losses were put at 1,100 by X"
    at_figure = any(c.dep_ == "prep" and c.lower_ == "at" and any(t.like_num for t in c.subtree) for c in verb.children)
    return at_figure or any(c.dep_ == "dobj" and c.lemma_.lower() in objects for c in verb.children)


def _previous_org_expected(verb) -> bool:
    return verb.lemma_ in ("say", "report", "claim", "state")


def _told(sentence, verb, lang, parts) -> None:
    if verb.lemma_ != "tell":
        return
    hearer = next((c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")), None)
    # "told Der Spiegel" relays; "told reporters" or "told parliament" names no one who passes it on.
    if hearer is not None and (hearer.pos_ == "PROPN" and hearer.lower_ not in lang.attribution["audiences"]
                               or _is_anaphor(hearer, lang)):
        parts["outer"].append(make_mention(sentence, hearer, lang))


def _request(sentence, verb, lang, parts) -> None:
    """'... said in a reply to a request from X': X asked, so X is the relay."""
    for token in verb.subtree:
        if token.lower_ in lang.attribution["request_nouns"]:
            owner = _owner(token)
            if owner is not None and owner.i != token.i:
                parts["outer"].append(make_mention(sentence, owner, lang))
                return


def _citing(sentence, lang, parts) -> None:
    for token in sentence.doc:
        if token.lemma_.lower() in lang.attribution["cite_verbs"] and token.lower_ in ("citing", "quoting"):
            obj = next((c for c in token.children if c.dep_ in ("dobj", "pobj", "obj")), None)
            if obj is None:
                prep = next((c for c in token.children if c.dep_ == "prep"), None)
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if obj is None:
                continue
            parts["record_only"] = False
            party = _party_of(sentence, obj, lang, parts)
            if party is None and parts["record_only"]:
                continue  # "citing data from Y": Y is already the record
            mention = make_mention(sentence, party or obj, lang)
            if mention.span not in [m.span for m in parts["cited"]]:
                parts["cited"].append(mention)
            _cited_in_turn(sentence, party or obj, lang, parts)


def _quoted_as_saying(sentence, lang, parts) -> None:
    """'Ukrinform quoted the administration as saying that ...': Ukrinform relays, the
    administration speaks."""
    for token in sentence.doc:
        if token.lower_ not in ("quoted", "cited") or not any(c.lower_ == "as" for c in token.subtree):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if subject is None or obj is None:
            continue
        if parts["speaker"] is None:
            parts["speaker"], parts["speaker_via"] = make_mention(sentence, subject, lang), token.text
            parts["speaker_refers"] = _is_anaphor(subject, lang)
        parts["cited"].append(make_mention(sentence, obj, lang))
        return


def _cited_in_turn(sentence, party, lang, parts) -> None:
    """'citing Strana, which in turn cited a source in the General Staff': one link further."""
    for clause in party.children:
        if clause.dep_ == "relcl" and clause.lemma_.lower() in lang.attribution["cite_verbs"] + ["report", "say"]:
            obj = next((c for c in clause.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                further = _party_of(sentence, obj, lang, parts) or obj
                parts["cited"].append(make_mention(sentence, further, lang))
                _cited_in_turn(sentence, further, lang, parts)


def _records(sentence, lang, parts) -> None:
    """'Ukrainian law enforcement has recorded ...': the subject of a record verb holds the data."""
    a = lang.attribution
    for verb in sentence.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in a["record_verbs"] or verb.lemma_.lower() in a["reporting_verbs"] and verb.lemma_ != "record":
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) or _agent(verb)
        if subject is None or subject.lower_ in ("that", "which", "who", "it", "they", "he", "she"):
            continue
        if parts["speaker"] is not None and subject.i in [t.i for t in parts["speaker"].tokens]:
            continue
        mention = make_mention(sentence, subject, lang)
        mention.via = verb.text
        if mention.span not in [m.span for m in parts["records"]]:
            parts["records"].append(mention)
