"""A Ukrainian parser that needs no trained model: tokens, a morphology guesser, noun-phrase chunks
and a shallow dependency structure with Universal-Dependencies labels, as spaCy ``Doc`` objects.

No Ukrainian parser ships on PyPI under a licence this project can use (the UD Ukrainian treebank
is non-commercial), so this one is written by rule from the data in ``morphology.json`` and the
language's own lists (verbs from attribution.json and incidents.json are lemmatised exactly):

1. **tokens**: words with apostrophes and hyphens, numbers with space-separated thousands and
   decimal commas as one token, abbreviations with their dot ('тис.'), punctuation;
2. **morphology**: closed classes from lists, open classes from endings (part of speech, case
   readings, number, gender, tense), verbs lemmatised from the forms the grammar generates;
3. **chunks**: determiners, numbers and adjectives before a noun, genitive chains, capitalised runs
   and «quoted names», prepositions with their noun;
4. **dependencies**: each chunk attaches to the predicate of its clause as nsubj (a nominative
   that agrees with the verb), obj, iobj or obl; a preposition is ``case`` of its noun and a
   phrase after a noun is its ``nmod``; clauses after 'що' are ``ccomp``, after 'який' ``acl:relcl``,
   after 'як' ``advcl``, others ``conj``.

What it gets wrong it gets wrong quietly, as any parser does; the components ask only the questions
of lang/syntax.py, and bench/articles measures the result on whole articles.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources

from ..ud import DocBuilder
from . import dictionary

_APOSTROPHES = "'’ʼ"
_TOKEN = re.compile(
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)"      # 9 847, 4 612 380
    r"|\d+(?:[.,:]\d+)*(?:-[^\W\d_]+)?"                   # 29,8  243.618  07:00  2023-му
    r"|[^\W\d_]+(?:[" + _APOSTROPHES + r"\-.][^\W\d_]+)*"  # Куп'янському, Інтерфакс-Україна, Слідство.Інфо
    r"|\.\.\.|…|\S", re.UNICODE)
_QUOTES_OPEN, _QUOTES_CLOSE = "«„“\"", "»“”\""
_CLAUSE_PUNCT = {",", ";", ":", "–", "—", "-", "(", ")"}


def _data() -> dict:
    text = resources.files(__package__).joinpath("morphology.json").read_text(encoding="utf-8")
    return json.loads(text)


def _features(spec: str) -> dict[str, set[str]]:
    """'Case=Nom,Gen|Number=Sing' → {'Case': {'Nom', 'Gen'}, 'Number': {'Sing'}}."""
    out: dict[str, set[str]] = {}
    for part in filter(None, spec.split("|")):
        key, _, values = part.partition("=")
        out[key] = set(values.split(","))
    return out


@dataclass
class Tok:
    text: str
    start: int
    space: bool
    pos: str = "X"
    lemma: str = ""
    feats: dict = field(default_factory=dict)
    head: int = -1
    dep: str = ""

    @property
    def lower(self) -> str:
        return self.text.lower()

    def cases(self) -> set[str]:
        return self.feats.get("Case", set())

    def morph(self) -> str:
        parts = []
        for key in sorted(self.feats):
            values = sorted(self.feats[key])
            if len(values) == 1:
                parts.append(f"{key}={values[0]}")
        return "|".join(parts)


class Morphology:
    """Part of speech, features and lemma of one word, from lists and endings."""

    def __init__(self, lang):
        d = _data()
        self.prepositions = {w: set(c.split("|")) for w, c in d["prepositions"].items()}
        self.coordinators = set(d["coordinators"])
        self.subordinators = set(d["subordinators"])
        self.relatives = set(d["relatives"])
        self.interrogatives = set(d["interrogatives"])
        self.particles = set(d["particles"])
        self.pronouns = {w: _features(f) for w, f in d["pronouns"].items()}
        self.determiners = set(d["determiners"])
        self.possessives = set(d["possessive_determiners"])
        self.auxiliaries = set(d["auxiliaries"])
        self.adverbs = set(d["adverbs"])
        self.numerals = set(d["numerals"])
        self.bound_adverbs = set(d["bound_adverbs"])
        self.not_verbs = {w.lower() for w in d["not_verbs"]}
        self.nouns = {w.lower() for w in d["nouns"]}
        self.noun_features = {w: _features(f) for w, f in d["noun_features"].items()}
        self.noun_suffixes = tuple(d["noun_suffixes"])
        self.adjective_endings = _ordered({k: _features(v) for k, v in d["adjective_endings"].items()})
        self.adjective_stems = tuple(d["adjective_stems"])
        self.noun_endings = _ordered({k: _features(v) for k, v in d["noun_endings"].items()})
        self.verb_endings = _ordered({k: _features(v) for k, v in d["verb_endings"].items()})
        self.infinitive_endings = tuple(d["infinitive_endings"])
        self.converb_endings = tuple(d["converb_endings"])
        self.impersonal_endings = tuple(d["impersonal_endings"])
        self.adverb_endings = tuple(d["adverb_endings"])
        self.surname_endings = tuple(d["surname_endings"])
        self.abbreviations = set(d["abbreviations"])
        self.fixed = [tuple(f.split()) for f in sorted(d["fixed"], key=lambda f: -len(f.split()))]
        self.numbers = set(lang.numbers["units_words"]) | set(lang.numbers["tens_words"]) \
            | set(lang.numbers["multipliers"]) | set(lang.numbers["scale_words"])
        self.months = set(lang.time["months"])
        a, src = lang.attribution, lang.sources
        self.organisation_words = {w.lower() for w in src["organisation_words"]}
        # Nouns a name in apposition describes ('видання «Бабель»', 'речник Іван Петров') ...
        self.describing = {w.lower() for w in a["descriptor_nouns"] + src["person_heads"] + src["titles"]}
        # ... and nouns whose name after them is their owner, whatever case it shows ('даними Міненерго').
        self.owned = set(a["report_nouns"]) | set(a["derived_nouns"]) | set(a["request_nouns"]) \
            | set(a["record_owner_nouns"])
        self.speaker_places = set(d["speaker_place_prepositions"])
        self.indefinite = set(src["indefinite_words"])
        self.partitive = set(d["partitive_prepositions"])
        self.plural_endings = tuple(d["nominative_plural_endings"])
        self.speaker_place_nouns = set(d["speaker_place_nouns"])
        self.source_heads = set(a["anonymous_heads"]) | set(a["vague_heads"]) | {w.lower() for w in src["person_heads"]}
        self.verbs = _verb_lexicon(lang)
        self.nouns |= _noun_lexicon(lang)

    def tag(self, tok: Tok, first: bool) -> None:
        word, lower = tok.text, tok.lower
        bare = lower.rstrip(".")
        if not any(ch.isalnum() for ch in word):
            tok.pos, tok.lemma = ("SYM" if word in "%$€₴₽№§#" else "PUNCT"), word
            return
        if word[0].isdigit():
            tok.pos, tok.lemma = ("ADJ" if re.search(r"-[^\W\d_]", word) else "NUM"), lower
            return
        tok.lemma = lower
        if bare in self.numbers or lower in self.numerals:
            tok.pos = "NUM"
        elif lower in self.prepositions and not (lower in self.bound_adverbs):
            tok.pos, tok.feats = "ADP", {"Case": set(self.prepositions[lower])}
        elif lower in self.bound_adverbs or lower in self.adverbs:
            tok.pos = "ADV"
        elif lower in self.coordinators:
            tok.pos = "CCONJ"
        elif lower in self.relatives:
            tok.pos = "PRON"
            tok.feats = {"PronType": {"Rel"}}
        elif lower in self.interrogatives:  # 'пояснює, хто і що рахує': opens a clause of its own
            tok.pos = "PRON"
            tok.feats = {**{k: set(v) for k, v in self.pronouns.get(lower, {}).items()}, "PronType": {"Int"}}
        elif lower in self.subordinators:
            tok.pos = "SCONJ"
        elif lower in self.particles:
            tok.pos = "PART"
        elif lower in self.auxiliaries:
            tok.pos, tok.lemma = "AUX", "бути"
            tok.feats = _aux_features(lower)
        elif lower in self.possessives or lower in self.determiners:
            tok.pos = "DET"
            if lower in self.possessives:
                tok.feats = {"Poss": {"Yes"}}
        elif lower in self.pronouns:
            tok.pos, tok.feats = "PRON", {k: set(v) for k, v in self.pronouns[lower].items()}
        elif lower in self.verbs:
            self._verb(tok, self.verbs[lower])
        else:
            self._open_class(tok, first)

    def _verb(self, tok: Tok, lemma: str) -> None:
        tok.pos, tok.lemma = "VERB", lemma
        lower = tok.lower
        if lower.endswith(self.impersonal_endings):
            tok.feats = {"Person": {"0"}, "VerbForm": {"Fin"}, "Tense": {"Past"}}
        elif lower.endswith(self.converb_endings):
            tok.feats = {"VerbForm": {"Conv"}}
        elif lower.endswith(self.infinitive_endings):
            tok.feats = {"VerbForm": {"Inf"}}
        else:
            tok.feats = dict(_longest(lower, self.verb_endings) or {})
            tok.feats["VerbForm"] = {"Fin"}

    def _open_class(self, tok: Tok, first: bool) -> None:
        word, lower = tok.text, tok.lower
        capital = word[:1].isupper()
        if len(word) > 1 and word.isupper() and not word.isdigit():
            tok.pos, tok.feats = "PROPN", {"Case": {"Nom", "Gen", "Dat", "Acc", "Ins", "Loc"}}
            return
        if lower in self.nouns or lower.rstrip(".") in self.months or lower.endswith(self.noun_suffixes):
            self._noun(tok, capital and not first)
            return
        if self._from_dictionary(tok, capital and not first):
            return
        if lower not in self.not_verbs and len(lower) > 3:
            if lower.endswith(self.converb_endings):
                tok.pos, tok.feats, tok.lemma = "VERB", {"VerbForm": {"Conv"}}, _guess_lemma(lower)
                return
            if lower.endswith(self.impersonal_endings) and len(lower) > 5 and not lower.endswith(self.adverb_endings):
                tok.pos, tok.lemma = "VERB", _guess_lemma(lower)
                tok.feats = {"Person": {"0"}, "VerbForm": {"Fin"}, "Tense": {"Past"}}
                return
            if re.search(r"(?:[аеєиіїоуюя]|[аео]с|[еиі]з)т(?:и|ися|ись)$", lower):  # 'укласти', 'везти' too
                tok.pos, tok.feats, tok.lemma = "VERB", {"VerbForm": {"Inf"}}, lower
                return
            verb = _longest(lower, self.verb_endings)
            if verb is not None and _verb_like(lower):
                tok.pos, tok.lemma = "VERB", _guess_lemma(lower)
                tok.feats = dict(verb)
                tok.feats["VerbForm"] = {"Fin"}
                return
        if lower.endswith(self.adverb_endings) and len(lower) > 4 and not capital:
            tok.pos = "ADV"
            return
        adjective = self._adjective(lower)
        if adjective is not None:
            tok.pos, tok.feats = "ADJ", {k: set(v) for k, v in adjective.items()}
            return
        self._noun(tok, capital and (not first or lower.endswith(self.surname_endings)))

    def _from_dictionary(self, tok: Tok, proper: bool) -> bool:
        """The optional dictionary's reading of a word it knows (dictionary.py): its likeliest part of
        speech, with that part's cases, number and lemma. False when it is not installed or does not
        know the word: the endings decide then."""
        found = dictionary.readings(tok.lower)
        if not found or tok.lower.endswith(self.impersonal_endings):
            return False  # 'відкрито', 'зареєстровано': the impersonal verb, not the adverb
        reading = found[0]
        if reading.pos == "VERB":
            self._verb(tok, reading.lemma)
            return True
        if reading.pos not in ("NOUN", "ADJ", "ADV"):
            return False
        tok.pos, tok.lemma = reading.pos, reading.lemma
        if reading.pos == "NOUN" and proper:
            tok.pos = "PROPN"
        guessed = (_longest(tok.lower, self.noun_endings if reading.pos == "NOUN" else self.adjective_endings)
                   or {}) if reading.pos != "ADV" else {}
        tok.feats = {k: set(v) for k, v in guessed.items()}
        if reading.cases:
            tok.feats["Case"] = set(reading.cases)
        if reading.numbers:  # the dictionary leaves a singular's number unsaid: then the ending says it
            tok.feats["Number"] = set(reading.numbers)
        return True

    def _adjective(self, lower: str):
        for ending, feats in self.adjective_endings:
            if not lower.endswith(ending) or len(lower) - len(ending) < 2:
                continue
            stem = lower[: len(lower) - len(ending)]
            if len(ending) >= 2 and ending not in ("ій", "им", "ім", "ою"):
                return feats  # -ого, -ому, -их, -ими, -ої: only adjectives (and pronouns) end so
            if stem.endswith(self.adjective_stems) and lower not in self.nouns:
                return feats
            return None
        return None

    def _noun(self, tok: Tok, proper: bool) -> None:
        tok.pos = "PROPN" if proper else "NOUN"
        # 'Слідства.Інфо': a name joined by a dot inflects its first word
        inflected = tok.lower.split(".")[0] if "." in tok.lower.strip(".") else tok.lower
        feats = self.noun_features.get(inflected) or _longest(inflected, self.noun_endings) or {}
        tok.feats = {k: set(v) for k, v in feats.items()}


def _opens_clause(tok: Tok) -> bool:
    """A relative ('який') or interrogative ('хто') pronoun."""
    return bool({"Rel", "Int"} & tok.feats.get("PronType", set()))


def _ordered(table: dict) -> list:
    return sorted(table.items(), key=lambda kv: -len(kv[0]))


def _longest(word: str, table: list):
    for ending, feats in table:
        if word.endswith(ending):
            return feats
    return None


def _verb_like(lower: str) -> bool:
    """A past or present ending after a stem that verbs have: '-ив', '-ала', '-или', '-ують'."""
    if re.search(r"(?:ться|тися|тись|ся|сь)$", lower):
        return True
    if re.search(r"[аяиіуюеє](?:в|ла|ло|ли)$", lower) and not lower.endswith("ів"):
        return True
    if re.search(r"йш(?:ов|ла|ло|ли)$", lower):
        return True  # 'надійшли', 'вийшов': the past of verbs in '-йти'
    return bool(re.search(r"(?:ає|яє|ує|ює|іє|ають|яють|ують|юють|ить|ять|ать|уть)$", lower))


def _guess_lemma(lower: str) -> str:
    """An infinitive guessed from an inflected verb: 'зафіксували' → 'зафіксувати'."""
    for ending, repl in (("лися", "тися"), ("лася", "тися"), ("вся", "тися"), ("ли", "ти"), ("ла", "ти"),
                         ("ло", "ти"), ("в", "ти"), ("ють", "ти"), ("ує", "увати"), ("ає", "ати")):
        if lower.endswith(ending):
            return lower[: len(lower) - len(ending)] + repl
    return lower


def _aux_features(lower: str) -> dict:
    table = {"був": "Tense=Past|Number=Sing|Gender=Masc", "була": "Tense=Past|Number=Sing|Gender=Fem",
             "було": "Tense=Past|Number=Sing|Gender=Neut", "були": "Tense=Past|Number=Plur",
             "є": "Tense=Pres", "буде": "Tense=Fut|Number=Sing", "будуть": "Tense=Fut|Number=Plur"}
    feats = _features(table.get(lower, ""))
    feats["VerbForm"] = {"Fin"}
    return feats


def _noun_lexicon(lang) -> set[str]:
    """Nouns the language's data lists in their case forms (sources, reports, time words)."""
    a, n = lang.attribution, lang.numbers
    words = set(a["anonymous_heads"]) | set(a["vague_heads"]) | set(a["report_nouns"]) | set(a["derived_nouns"]) \
        | set(a["record_owner_nouns"]) | set(a["anaphors"]) | set(a["descriptor_nouns"]) | set(a["request_nouns"]) \
        | set(n["time_nouns"]) | set(n["generic_heads"]) | set(lang.sources["person_heads"])
    return {w for w in words if " " not in w and w.isalpha()}


def _verb_lexicon(lang) -> dict[str, str]:
    """Every form of every verb the language's data names, to its infinitive."""
    lexicon: dict[str, str] = {}
    lemmas = set(lang.attribution["reporting_verbs"]) | set(lang.attribution["record_verbs"]) \
        | set(lang.attribution["derived_verbs"]) | set(lang.attribution["measure_verbs"]) \
        | set(lang.attribution["provide_verbs"]) | set(lang.incidents["outcome_verbs"]) \
        | set(lang.incidents["event_verbs"]) | set(lang.attribution["cite_verbs"])
    for lemma in sorted(l for l in lemmas if l.endswith(("ти", "тися", "тись"))):
        for form in lang.grammar.verb_forms(lemma):
            lexicon.setdefault(form, lemma)
    lexicon.update(lang.verbs["irregular"])
    return lexicon


# --- the parser --------------------------------------------------------------------------------

class Parser:
    """Callable like a spaCy pipeline: ``parser(text)`` and ``parser.pipe(texts)`` give ``Doc``s."""

    def __init__(self, lang):
        import spacy

        self.vocab = spacy.blank("uk").vocab
        self.morphology = Morphology(lang)
        self.meta = {"name": "sourcetrace_uk_rules", "version": "1"}
        self.lang = lang

    def __call__(self, text: str):
        return self._doc(text, parse(text, self.morphology))

    def pipe(self, texts, batch_size: int = 256):
        for text in texts:
            yield self(text)

    def _doc(self, text: str, toks: list[Tok]):
        """A spaCy Doc whose tokens stand where they stand in ``text`` (two spaces keep their
        place as a white-space token) and whose heads form a tree (lang/ud.py)."""
        from spacy.tokens import Doc

        if not toks:
            return Doc(self.vocab, words=[], spaces=[])
        rows = DocBuilder(text)
        for n, t in enumerate(toks):
            rows.token(n, t.start, t.start + len(t.text), t.head, t.dep, t.pos, t.lemma or t.lower, t.morph())
        return rows.doc(self.vocab)


def tokenize(text: str) -> list[Tok]:
    toks = []
    matches = list(_TOKEN.finditer(text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        toks.append(Tok(m.group(), m.start(), m.end() < end))
    return toks


def _join_abbreviations(toks: list[Tok], morphology: Morphology) -> list[Tok]:
    """'тис' + '.' → 'тис.' when the dot follows with no space."""
    out: list[Tok] = []
    for tok in toks:
        prev = out[-1] if out else None
        if tok.text == "." and prev is not None and not prev.space and prev.lower in morphology.abbreviations:
            prev.text += "."
            prev.space = tok.space
            continue
        out.append(tok)
    return out


def parse(text: str, morphology: Morphology) -> list[Tok]:
    toks = _join_abbreviations(tokenize(text), morphology)
    for i, tok in enumerate(toks):
        tok.head = i
        morphology.tag(tok, first=_sentence_start(toks, i))
    _first_names(toks, morphology)
    for i, tok in enumerate(toks):
        # 'до 1 100' bounds a number; 'до суду' governs a noun
        if tok.pos == "ADV" and tok.lower in morphology.prepositions and (i + 1 == len(toks) or toks[i + 1].pos != "NUM"):
            tok.pos, tok.feats = "ADP", {"Case": set(morphology.prepositions[tok.lower])}
    Structure(toks, morphology).build()
    return toks


def _first_names(toks: list[Tok], morphology: Morphology) -> None:
    """'з ... Оленою Ярошенко': a capitalised word with an adjective's ending right before a surname
    is a first name, and a name's ('Оленою', 'Іриною' read as adjectives by their endings)."""
    for i, (tok, after) in enumerate(zip(toks, toks[1:])):
        if tok.pos != "ADJ" or not tok.text[:1].isupper() or tok.text.isupper() or _sentence_start(toks, i):
            continue
        if after.pos == "PROPN" and after.lower.endswith(morphology.surname_endings) \
                and tok.lower not in morphology.organisation_words:
            tok.pos = "PROPN"


def _sentence_start(toks: list[Tok], i: int) -> bool:
    j = i - 1
    while j >= 0 and toks[j].text in _QUOTES_OPEN + "([–—-":
        j -= 1
    return j < 0 or toks[j].text in ".!?…:"


class Structure:
    """Chunks, then clauses, then arguments: one pass each over a sentence's tokens."""

    def __init__(self, toks: list[Tok], morphology: Morphology):
        self.t = toks
        self.m = morphology
        self.attached = [False] * len(toks)
        self.chunks: list[tuple[int, int, int]] = []  # (first, last, head)

    def link(self, child: int, head: int, dep: str) -> None:
        if child == head or self.attached[child]:
            return
        self.t[child].head, self.t[child].dep = head, dep
        self.attached[child] = True

    def build(self) -> None:
        self._fixed()
        self._quoted_names()
        self._chunks()
        self._genitives()
        self._prepositions()
        self._appositions_and_conjuncts()
        self._clauses()
        for i, tok in enumerate(self.t):
            if not tok.dep:
                tok.dep = "ROOT" if tok.head == i else "dep"
            self._settle_case(tok)

    def _settle_case(self, tok: Tok) -> None:
        """The case a word's place in the structure chooses among its readings."""
        cases = tok.cases()
        if not cases:
            return
        chosen = {"nsubj": "Nom", "iobj": "Dat", "obl:agent": "Ins"}.get(tok.dep)
        if tok.dep == "nmod" and not tok.feats.get("Prep"):
            chosen = "Gen"
        if chosen is None and tok.feats.get("Prep"):
            allowed = cases & self.m.prepositions.get(next(iter(tok.feats["Prep"])), set())
            chosen = next(iter(allowed)) if len(allowed) == 1 else None
        if chosen is None and tok.dep == "obj" and "Acc" in cases:
            chosen = "Acc"
        if chosen is not None:
            tok.feats["Case"] = {chosen}
        if "0" in tok.feats.get("Person", set()):
            tok.feats["Voice"] = {"Pass"}

    # -- fixed expressions and names ------------------------------------------------------------
    def _fixed(self) -> None:
        lowers = [t.lower for t in self.t]
        i = 0
        while i < len(self.t):
            for words in self.m.fixed:
                if tuple(lowers[i: i + len(words)]) == words:
                    for k in range(i + 1, i + len(words)):
                        self.link(k, i, "fixed")
                        self.t[k].pos = self.t[i].pos if self.t[k].pos != "ADP" else "ADP"
                    if self.t[i].pos not in ("ADP", "CCONJ", "SCONJ", "DET", "ADJ"):
                        last = self.t[i + len(words) - 1]
                        self.t[i].pos = "ADP" if last.pos == "ADP" else self.t[i].pos
                        self.t[i].feats = dict(last.feats) if last.pos == "ADP" else self.t[i].feats
                    i += len(words) - 1
                    break
            i += 1

    def _quoted_names(self) -> None:
        """«Слова і діла», «Слідство.Інфо»: one proper name; its first word is the head."""
        i = 0
        while i < len(self.t):
            if self.t[i].text in _QUOTES_OPEN:
                close = next((j for j in range(i + 1, min(len(self.t), i + 9)) if self.t[j].text in _QUOTES_CLOSE), None)
                if close is not None and close > i + 1 and self.t[i + 1].text[:1].isupper():
                    head = close - 1  # the last word heads the name, as in a capitalised run
                    self.t[head].pos = "PROPN"
                    self.t[head].feats.setdefault("Case", {"Nom", "Gen", "Dat", "Acc", "Ins", "Loc"})
                    for k in range(i + 1, head):
                        self.link(k, head, "flat:name")
                    self.link(i, head, "punct")
                    self.link(close, head, "punct")
                    self.chunks.append((i, close, head))
                    i = close
            i += 1

    def _in_chunk(self, i: int) -> bool:
        return any(a <= i <= b for a, b, _ in self.chunks)

    # -- noun phrases ---------------------------------------------------------------------------
    def _chunks(self) -> None:
        """[DET|NUM|ADJ|ADV-bound]* (NOUN|PROPN|PRON|NUM) with capitalised runs as one name."""
        t, n = self.t, len(self.t)
        i = 0
        while i < n:
            if self._in_chunk(i) or t[i].pos not in ("DET", "NUM", "ADJ", "NOUN", "PROPN", "PRON", "ADV"):
                i += 1
                continue
            if t[i].pos == "ADV" and not (t[i].lower in self.m.bound_adverbs and i + 1 < n and t[i + 1].pos == "NUM"):
                i += 1
                continue
            j = i
            while j + 1 < n and not self._in_chunk(j + 1) and self._continues(j, j + 1):
                j += 1
            self._chunk(i, j)
            i = j + 1

    def _continues(self, a: int, b: int) -> bool:
        t = self.t
        if t[a].pos in ("NOUN", "PRON") or t[b].pos in ("VERB", "AUX", "ADP", "PUNCT", "CCONJ", "SCONJ", "PART", "ADV"):
            return t[a].pos == "PROPN" and t[b].pos == "PROPN"
        if t[a].pos == "PROPN":
            return t[b].pos == "PROPN" and t[b].text[:1].isupper()
        if t[a].pos == "NUM" and t[b].pos == "NUM":
            return True
        return t[b].pos in ("DET", "NUM", "ADJ", "NOUN", "PROPN", "PRON") and t[a].pos != "PRON"

    def _chunk(self, i: int, j: int) -> None:
        t = self.t
        nominal = [k for k in range(i, j + 1) if t[k].pos in ("NOUN", "PROPN", "PRON")]
        if not nominal and t[j].pos == "ADJ":
            nominal = [j]  # an adjective standing for its noun: '412 цивільних', 'серед загиблих'
            t[j].pos = "NOUN"
        if nominal:
            head = nominal[0]
            # A capitalised run is one name; its last word is the head ('Олег Мирошниченко').
            while head + 1 <= j and t[head].pos == "PROPN" and t[head + 1].pos == "PROPN":
                head += 1
        else:
            nums = [k for k in range(i, j + 1) if t[k].pos == "NUM"]
            head = nums[-1] if nums else j
        for k in range(i, j + 1):
            if k == head:
                continue
            pos = t[k].pos
            if k > head:
                dep = "flat:name" if pos == "PROPN" else "nmod"
            elif pos == "PROPN" and t[head].pos == "PROPN":
                dep = "flat:name"
            elif pos == "NUM":
                nxt = next((x for x in range(k + 1, head + 1) if t[x].pos == "NUM"), None)
                if nxt is not None:
                    self.link(k, nxt, "compound")
                    continue
                dep = "nummod"
            elif pos == "DET":
                dep = "det"
            elif pos == "ADV":
                nxt = next((x for x in range(k + 1, head + 1) if t[x].pos == "NUM"), head)
                self.link(k, nxt, "advmod")
                continue
            else:
                dep = "amod"
            self.link(k, head, dep)
        if t[head].pos == "NUM" and not nominal:
            t[head].feats.setdefault("Case", {"Nom", "Gen", "Acc"})
        if any(t[k].pos == "NUM" for k in range(i, head)) and t[head].pos != "NUM":
            t[head].feats["NumQuant"] = {"Yes"}  # counted: may be the subject whatever its case
        self.chunks.append((i, j, head))

    def _chunk_of(self, i: int):
        return next((c for c in self.chunks if c[0] <= i <= c[1]), None)

    def _genitives(self) -> None:
        """A noun phrase right after a noun, in the genitive, is its nmod: 'начальник [адміністрації]'."""
        chunks = sorted(self.chunks)
        for (a0, a1, ah), (b0, b1, bh) in zip(chunks, chunks[1:]):
            if b0 != a1 + 1 or self.attached[bh]:
                continue
            first, second = self.t[ah], self.t[bh]
            if first.pos not in ("NOUN", "PROPN", "NUM") or second.pos not in ("NOUN", "PROPN", "ADJ", "NUM"):
                continue
            if first.text.isascii() and first.text[:1].isalpha():
                continue  # 'у Telegram начальник ОВА': a name in Latin letters declines not, and owns no genitive
            if second.pos == "PROPN" and first.text.islower() and first.lower in self.m.describing:
                continue  # 'видання «Верстка»': the name the noun describes, in apposition
            if "Gen" in second.cases() and not self._person(b0, b1) and not self._subject_after_phrase(ah, bh, b1):
                self.link(bh, ah, "nmod")

    def _subject_after_phrase(self, ah: int, bh: int, b1: int) -> bool:
        """'Від початку вторгнення Росії *правоохоронці* зареєстрували ...': a plural nominative right
        before a plural verb ends a prepositional phrase's genitives; it is the verb's subject."""
        t = self.t
        verb = t[b1 + 1] if b1 + 1 < len(t) else None
        if verb is None or verb.pos != "VERB" or "Plur" not in verb.feats.get("Number", set()):
            return False
        second = t[bh]
        if second.pos != "NOUN" or not {"Nom"} <= second.cases() or "Plur" not in second.feats.get("Number", set()) \
                or not second.lower.endswith(self.m.plural_endings):
            return False
        top = self._top(ah)
        first = next((c0 for c0, c1, h in self.chunks if h == top), top)
        return first > 0 and t[first - 1].pos == "ADP"

    def _person(self, a: int, b: int) -> bool:
        """Two or three capitalised words that are no organisation's: a person's name."""
        words = [self.t[k] for k in range(a, b + 1)]
        return 2 <= len(words) <= 3 and all(w.pos == "PROPN" and w.text[:1].isupper() and not w.text.isupper()
                                            and w.lower not in self.m.organisation_words for w in words)

    def _top(self, i: int) -> int:
        while self.attached[i] and self.t[i].dep in ("nmod",):
            i = self.t[i].head
        return i

    def _prepositions(self) -> None:
        """A preposition is ``case`` of the noun it governs; the phrase attaches to the noun before
        it (nmod) when it follows one directly, else later to its clause's verb (obl)."""
        t = self.t
        for i, tok in enumerate(t):
            if tok.pos != "ADP" or self.attached[i]:
                continue
            k = i + 1
            while k < len(t) and t[k].dep == "fixed" and t[k].head == i:
                k += 1
            chunk = self._chunk_of(k) if k < len(t) else None
            if chunk is None:
                continue
            head = chunk[2]
            self.link(i, head, "case")
            t[head].feats["Prep"] = {tok.lower}
            prev = self._chunk_of(i - 1) if i > 0 else None
            if prev is not None and self._noun_attaches(prev[2], head, i):
                self.link(head, prev[2], "nmod")

    def _noun_attaches(self, noun: int, obj: int, preposition: int) -> bool:
        """Whether a prepositional phrase right after a noun describes that noun ('справ *про
        колабораціонізм*', 'джерело *в органах*') rather than the clause."""
        t = self.t
        if t[noun].lower in self.m.indefinite and t[preposition].lower in self.m.partitive and t[obj].pos == "NOUN":
            return True  # 'один із посадовців': one of them
        if t[noun].pos not in ("NOUN", "PROPN") or t[obj].pos == "NUM":
            return False
        if t[obj].lower.rstrip(".") in self.m.months or t[obj].text[:1].isdigit():
            return False
        if preposition + 1 < len(t) and t[preposition + 1].dep == "fixed" and t[preposition + 1].head == preposition:
            return False  # 'у відповідь на запит', 'згідно з': a preposition of several words is the clause's
        if t[noun].feats.get("Prep") and t[preposition].lower in self.m.speaker_places:
            return False  # 'Джерело в Коордштабі *у розмові* з «Бабелем»': a second place or occasion is the clause's
        if t[self._top(noun)].lower in self.m.source_heads:
            return True  # 'джерело в правоохоронних органах', 'Джерело УП у міністерстві'
        # 'на запит «УП» в Міністерстві ... повідомили': a body after 'в' is where the clause's speaker is
        return not (t[preposition].lower in self.m.speaker_places
                    and (t[obj].text[:1].isupper() or t[obj].lower in self.m.speaker_place_nouns))

    def _appositions_and_conjuncts(self) -> None:
        t = self.t
        chunks = sorted(self.chunks)
        for (a0, a1, ah), (b0, b1, bh) in zip(chunks, chunks[1:]):
            if self.attached[bh]:
                continue
            gap = [k for k in range(a1 + 1, b0)]
            if not gap and t[ah].pos in ("NOUN", "PROPN") and t[bh].pos == "PROPN" and t[ah].lower in self.m.owned \
                    and t[ah].lower not in self.m.describing:
                self.link(bh, ah, "nmod")  # 'за даними Міненерго', 'за підрахунками «Слідства.Інфо»': whose
                t[bh].feats["Case"] = {"Gen"}
            elif not gap and t[ah].pos in ("NOUN", "PROPN") and t[bh].pos == "PROPN" and (
                    t[ah].text.islower() and t[ah].lower in self.m.describing
                    or self._person(b0, b1)):
                described = ah if t[ah].lower in self.m.describing and not self._person(b0, b1) else self._top(ah)
                before = next((c for c in chunks if c[1] == a0 - 1), None)
                if self._person(b0, b1) and t[ah].lower in self.m.describing and not self.attached[ah] \
                        and before is not None and t[before[2]].pos in ("NOUN", "PROPN"):
                    described = self._top(before[2])  # 'начальник управління генерал-полковник Віктор Горелов'
                    self.link(ah, described, "appos")
                self.link(bh, described, "appos")  # 'видання «Бабель»', 'начальник ОВА Олег Мирошниченко'
            elif len(gap) == 1 and t[gap[0]].pos == "CCONJ" and t[gap[0]].lower in ("і", "й", "та") \
                    and t[ah].pos == t[bh].pos and t[ah].pos in ("NOUN", "PROPN") and not t[bh].feats.get("Prep"):
                self.link(bh, ah, "conj")
                self.link(gap[0], bh, "cc")

    # -- clauses --------------------------------------------------------------------------------
    def _clauses(self) -> None:
        t = self.t
        n = len(t)
        predicates = [i for i in range(n) if t[i].pos in ("VERB", "AUX") and not self.attached[i]]
        segments = self._segments()
        seg_of = {}
        for s, (a, b) in enumerate(segments):
            for k in range(a, b + 1):
                seg_of[k] = s
        verbs_in = {s: [i for i in predicates if seg_of[i] == s] for s in range(len(segments))}
        root = self._root(predicates, segments, seg_of)
        if root is None:
            return
        t[root].head, t[root].dep = root, "ROOT"
        self.attached[root] = True
        for v in predicates:
            if v != root:
                self._attach_clause(v, root, segments[seg_of[v]])
        start = None  # a stretch with no verb joins the clause after it ('Джерело ..., однак, стверджує')
        for s, (a, b) in enumerate(segments):
            if not verbs_in[s]:
                start = a if start is None else start
                continue
            if start is not None and self._opener(a) is None and not any(
                    "Fin" in t[v].feats.get("VerbForm", set()) for v in verbs_in[s]):
                self._arguments(a, b, verbs_in[s])
                continue  # 'західні ЗМІ, посилаючись на джерела, стверджують': the subject waits for a finite verb
            first = a if start is None or self._opener(a) is not None else start
            if start is not None and first != start:
                self._arguments(start, a - 1, [root])
            self._arguments(first, b, verbs_in[s])
            start = None
        if start is not None:  # '..., – важкопоранені, хворі': after a dash, what the clause lists, not its subject
            dashed = any(t[k].text in ("–", "—") for k in range(start, min(len(t), start + 3)))
            self._arguments(start, len(t) - 1, [root], subjects=not dashed)
        for i in range(n):
            if not self.attached[i]:
                dep = "punct" if t[i].pos == "PUNCT" else ("cc" if t[i].pos == "CCONJ" else
                       "mark" if t[i].pos == "SCONJ" else "advmod" if t[i].pos in ("ADV", "PART") else "dep")
                self.link(i, self._nearest_verb(i, predicates) if predicates else root, dep)

    def _segments(self) -> list[tuple[int, int]]:
        """Stretches between clause punctuation and before subordinators and relative pronouns."""
        t = self.t
        cuts = [0]
        for i, tok in enumerate(t):
            if i == 0:
                continue
            if tok.text in _CLAUSE_PUNCT or (tok.pos in ("SCONJ",) or _opens_clause(tok)) \
                    and not self.attached[i]:
                cuts.append(i)
        cuts.append(len(t))
        return [(a, b - 1) for a, b in zip(cuts, cuts[1:]) if b > a]

    def _root(self, predicates, segments, seg_of) -> int | None:
        t = self.t
        subordinate = {s for s, (a, b) in enumerate(segments) if self._opener(a) is not None}
        finite = [v for v in predicates if "Fin" in t[v].feats.get("VerbForm", set())]
        for v in finite:
            if seg_of[v] not in subordinate:
                return v
        if finite:
            return finite[0]
        if predicates:
            return predicates[0]
        heads = [h for _, _, h in sorted(self.chunks) if not self.attached[h]]
        return heads[0] if heads else (0 if t else None)

    def _opener(self, a: int):
        """The subordinator or relative pronoun that opens a segment, if any."""
        t = self.t
        for k in range(a, min(a + 3, len(t))):
            if t[k].pos == "SCONJ" or _opens_clause(t[k]):
                return k
            if t[k].pos not in ("PUNCT", "CCONJ", "ADP"):
                return None
        return None

    def _attach_clause(self, v: int, root: int, segment) -> None:
        t = self.t
        opener = self._opener(segment[0])
        if opener is not None and "Int" in t[opener].feats.get("PronType", set()):
            before = [p for p in range(0, segment[0]) if t[p].pos in ("VERB", "AUX")]
            self.link(v, before[-1] if before else root, "ccomp")  # 'пояснює, хто ... рахує'
            return
        if opener is not None and t[opener].pos == "SCONJ":
            self.link(opener, v, "mark")
            if t[opener].lower == "як":
                target = next((p for p in range(segment[1] + 1, len(t)) if t[p].pos in ("VERB", "AUX")
                               and "Fin" in t[p].feats.get("VerbForm", set())), root)
                self.link(v, target if target != v else root, "advcl")
            else:
                before = [p for p in range(0, segment[0]) if t[p].pos in ("VERB", "AUX")]
                self.link(v, before[-1] if before else root, "ccomp")
            return
        if "Inf" in t[v].feats.get("VerbForm", set()) and any(
                t[p].pos in ("VERB", "AUX") for p in range(segment[0], v)):
            before = [p for p in range(segment[0], v) if t[p].pos in ("VERB", "AUX")]
            self.link(v, before[-1], "xcomp")  # 'який побажав *залишитися* неназваним'
            return
        if opener is not None:  # a relative pronoun: the clause describes the noun before it
            noun = next((p for p in range(segment[0] - 1, -1, -1) if t[p].pos in ("NOUN", "PROPN")), None)
            if noun is not None:
                self.link(v, self._top(noun), "acl:relcl")  # 'джерело в органах, на яке ...': the source
                return
        if "Conv" in t[v].feats.get("VerbForm", set()):
            self.link(v, root, "advcl")
        elif "Inf" in t[v].feats.get("VerbForm", set()):
            before = [p for p in range(segment[0], v) if t[p].pos in ("VERB", "AUX")]
            self.link(v, before[-1] if before else root, "xcomp")
        elif self._joined_by_punctuation(segment):
            self.link(v, root, "parataxis")  # '..., повідомили в міністерстві': no shared subject
        else:
            self.link(v, root, "conj")

    def _joined_by_punctuation(self, segment) -> bool:
        """A clause set off by a comma or a dash with no coordinator after it."""
        t = self.t
        if t[segment[0]].text not in _CLAUSE_PUNCT - {"(", ")"}:
            return False
        k = segment[0]
        while k <= segment[1] and t[k].pos == "PUNCT":
            k += 1
        return k <= segment[1] and t[k].pos != "CCONJ"

    def _nearest_verb(self, i: int, predicates) -> int:
        return min(predicates, key=lambda v: abs(v - i))

    def _arguments(self, a: int, b: int, verbs: list[int], subjects: bool = True) -> None:
        """Attach the free chunks of a segment to its verbs: one nsubj per finite verb, the rest obj,
        iobj or obl."""
        t = self.t
        free = [h for (c0, c1, h) in sorted(self.chunks) if a <= h <= b and not self.attached[h]]
        for v in verbs if subjects else ():
            if t[v].pos not in ("VERB", "AUX") or "Person" in t[v].feats and "0" in t[v].feats["Person"]:
                continue
            if not {"Fin"} & t[v].feats.get("VerbForm", set()):
                continue
            subject = self._subject(v, [h for h in free if not t[h].feats.get("Prep")])
            if subject is not None:
                self.link(subject, v, "nsubj")
                free.remove(subject)
            else:
                self._subject_from_phrase(v, a)
        for h in free:
            v = min(verbs, key=lambda x: abs(x - h))
            self.link(h, v, self._role(h, v))
        relative = next((k for k in range(a, min(a + 3, b + 1)) if _opens_clause(t[k])), None)
        if relative is not None and not self.attached[relative] and verbs:
            self.link(relative, verbs[0], "nsubj" if "Nom" in t[relative].cases() or t[relative].lower in ("який", "яка", "яке", "які", "що") else "obj")

    def _subject_from_phrase(self, v: int, a: int) -> None:
        """'На умовах анонімності *співробітник* поліції розповів': a verb with no subject takes the
        nominative that ends the genitives of a prepositional phrase right before it."""
        t = self.t
        chunks = [c for c in sorted(self.chunks) if a <= c[0] and c[1] < v and t[c[2]].dep == "nmod"
                  and not t[c[2]].feats.get("Prep") and t[c[2]].pos == "NOUN"]
        for c0, c1, h in reversed(chunks):
            end = max([c1] + [k for k in range(c1 + 1, v) if self._governed_by(k, h)])
            if end + 1 != v:
                continue
            top = self._top(h)
            if not t[top].feats.get("Prep") or "Nom" not in t[h].cases() or not self._agrees(h, v):
                continue
            t[h].head, t[h].dep = v, "nsubj"
            return

    def _governed_by(self, k: int, h: int) -> bool:
        while self.attached[k] and self.t[k].head != k:
            if self.t[k].head == h:
                return True
            k = self.t[k].head
        return False

    def _agrees(self, h: int, v: int) -> bool:
        noun, verb = self.t[h].feats.get("Number", set()), self.t[v].feats.get("Number", set())
        return not verb or bool(noun & verb)

    def _subject(self, v: int, candidates: list[int]):
        t = self.t
        verb = t[v].feats
        best, best_score = None, None
        for h in candidates:
            tok = t[h]
            if tok.pos == "PRON" and _opens_clause(tok):
                continue
            cases = tok.cases()
            quantified = "NumQuant" in tok.feats or tok.pos == "NUM"
            if "Nom" not in cases and not quantified and tok.pos != "PROPN":
                continue
            if tok.lower in self.m.months or self._part_of_them(h):
                continue  # 'в січні–червні затримали': a time; '312 людей, з них 41 дитину, додали': a part
            score = abs(v - h) / 10 + (0.6 if quantified and h > v else 0)  # 'правоохоронці зареєстрували 9 847'
            if h < v and "Nom" in cases and not quantified:
                score -= 0.3
            number = verb.get("Number", set())
            if "Plur" in number and ("Sing" in tok.feats.get("Number", set()) and "Plur" not in tok.feats.get("Number", set()) and not quantified):
                score += 3  # 'Пріоритет, наголошують у Коордштабі, – ...': a singular is no plural verb's subject
            if "Sing" in number and quantified:
                score += 1
            if "Sing" in number and "Plur" in tok.feats.get("Number", set()) and "Sing" not in tok.feats.get("Number", set()):
                score += 2
            if "Nom" not in cases and not (quantified and h < v):
                score += 1.5  # a counted phrase before its verb is its subject in the genitive ('Двоє посадовців розповіли')
            if best_score is None or score < best_score:
                best, best_score = h, score
        return best if best_score is not None and best_score < 2 else None

    def _part_of_them(self, h: int) -> bool:
        """'з них 41 дитину': a counted part of the group before it ('з них', 'із них'), never a speaker."""
        t = self.t
        first = min((c0 for c0, c1, head in self.chunks if head == h), default=h)
        return first >= 2 and t[first - 1].pos == "PRON" and t[first - 2].lower in self.m.partitive

    def _role(self, h: int, v: int) -> str:
        tok, verb = self.t[h], self.t[v]
        cases = tok.cases()
        if tok.feats.get("Prep"):
            return "obl"
        impersonal = "0" in verb.feats.get("Person", set())
        if "Ins" in cases and len(cases) == 1:
            return "obl:agent" if impersonal else "obl"
        if "Dat" in cases and len(cases) <= 2 and "Acc" not in cases:
            return "iobj"
        if "Acc" in cases or "NumQuant" in tok.feats or impersonal:
            return "obj"
        return "obl"
