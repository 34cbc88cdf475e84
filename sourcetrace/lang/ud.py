"""The syntax questions answered on Universal Dependencies labels, for every language whose parser
speaks UD (Russian through slovnet, Ukrainian, ...).

UD differs from the English model's scheme in three ways the answers have to bridge:

- **Content words head their phrases.** A preposition is a ``case`` dependent of its noun ("по
  данным": ``по`` hangs off ``данным``), not the head of a ``pobj``. So the object of a preposition
  is the preposition's head, and a noun's prepositions are found through its dependents' ``case``
  markers.
- **Case does the work of prepositions and the possessive.** A genitive noun after a noun with no
  preposition is its possessor ("данные *МВД*"); a dative noun without a preposition is told
  ("сообщил *ТАСС*"); an instrumental one is the doer of a passive verb ("зарегистрировано
  *полицией*").
- **Labels have subtypes** (``nsubj:pass``, ``acl:relcl``, ``nummod:gov``, ``flat:name``): a question
  looks at the part before the colon unless the subtype is what it asks.

``ud_doc`` builds the spaCy ``Doc`` a UD parser's output becomes, so components see one interface.
"""
from __future__ import annotations

from .syntax import Syntax

NOMINAL = ("NOUN", "PROPN")
ARGUMENTS = ("nsubj", "obj", "iobj", "appos")
CLAUSE_ASIDES = ("acl", "appos")
PHRASE_EDGES = ("acl", "punct", "cc", "conj", "appos", "advcl", "parataxis")
NOUN_MODIFIERS = ("nummod", "amod", "compound", "nmod", "flat", "det")
COMPLEMENTS = ("obj", "iobj", "xcomp", "compound")


def base(t) -> str:
    """A token's relation without its subtype: 'nsubj:pass' → 'nsubj'."""
    return t.dep_.split(":", 1)[0]


def feature(t, name: str) -> str | None:
    values = t.morph.get(name)
    return values[0] if values else None


class UDSyntax(Syntax):
    """The questions of :class:`~sourcetrace.lang.syntax.Syntax` on UD relations, parts of speech
    and features. A language subclasses it where its treebank's habits differ."""

    # --- what a token is -----------------------------------------------------------------------
    def is_verb(self, t) -> bool:
        return t.pos_ == "VERB"

    def is_verb_or_auxiliary(self, t) -> bool:
        return t.pos_ in ("VERB", "AUX")

    def is_noun(self, t) -> bool:
        return t.pos_ == "NOUN"

    def is_proper(self, t) -> bool:
        return t.pos_ == "PROPN"

    def is_pronoun(self, t) -> bool:
        return t.pos_ == "PRON" or (t.pos_ == "DET" and feature(t, "Poss") == "Yes")

    def is_number_part(self, t) -> bool:
        return t.pos_ in ("NUM", "NOUN", "X", "SYM", "PROPN", "ADJ")

    def is_content_word(self, t) -> bool:
        return t.pos_ in ("VERB", "NOUN", "ADJ")

    def is_possessive_marker(self, t) -> bool:
        return False  # UD languages with case mark the possessor on the noun itself

    def is_plural(self, t) -> bool:
        return t.pos_ in NOMINAL and feature(t, "Number") == "Plur"

    def is_plural_common(self, t) -> bool:
        return t.pos_ == "NOUN" and feature(t, "Number") == "Plur"

    def is_singular_noun(self, t) -> bool:
        return t.pos_ in NOMINAL and feature(t, "Number") == "Sing"

    def is_past(self, t) -> bool:
        return feature(t, "Tense") == "Past"

    def is_determiner(self, t) -> bool:
        return base(t) == "det"

    # --- where a token stands ------------------------------------------------------------------
    def is_root(self, t) -> bool:
        return t.head.i == t.i

    def is_subject(self, t, passive: bool = False) -> bool:
        return t.dep_ == "nsubj" or (passive and t.dep_ == "nsubj:pass")

    def is_argument(self, t) -> bool:
        return base(t) in ARGUMENTS or self.is_prepositional_object(t)

    def is_prepositional_object(self, t) -> bool:
        return any(base(c) == "case" and c.pos_ == "ADP" for c in t.children)

    def is_conjunct(self, t) -> bool:
        return base(t) == "conj"

    def coordinated(self, first, second) -> bool:
        """UD hangs the coordinator on the second conjunct."""
        return any(c.dep_ == "cc" and first.i < c.i < second.i for c in second.children)

    def is_complement_clause(self, t) -> bool:
        return base(t) == "ccomp"

    def is_main_clause(self, t) -> bool:
        return self.is_root(t) or (base(t) == "conj" and self.is_root(t.head))

    def is_attributive(self, t) -> bool:
        return base(t) in ("acl", "amod", "compound") and t.dep_ != "acl:relcl"

    def is_noun_modifier(self, t) -> bool:
        return base(t) in ("nummod", "amod", "compound", "nmod")

    def is_phrase_edge(self, t) -> bool:
        return base(t) in PHRASE_EDGES

    def is_preposition(self, t) -> bool:
        return base(t) == "case" and t.pos_ == "ADP"

    def is_clause_aside(self, t) -> bool:
        return base(t) in CLAUSE_ASIDES

    # --- a token's dependents ------------------------------------------------------------------
    def objects(self, verb) -> list:
        return [c for c in verb.children if base(c) == "obj"]

    def hearers(self, verb) -> list:
        """'сообщил *ТАСС*': an indirect object, or a bare dative."""
        return [c for c in verb.children if base(c) == "iobj" or (
            base(c) == "obl" and feature(c, "Case") == "Dat" and not self.is_prepositional_object(c))]

    def agent(self, verb):
        """'зарегистрировано *полицией*': a bare instrumental of a passive verb or participle."""
        if feature(verb, "Voice") != "Pass":
            return None
        return next((c for c in verb.children if c.dep_ == "obl:agent" or (
            base(c) == "obl" and feature(c, "Case") == "Ins" and not self.is_prepositional_object(c))), None)

    def possessives(self, noun) -> list:
        """'данные *МВД*', '*его* слова': a bare genitive after the noun, or a possessive determiner."""
        return [c for c in noun.children if c.dep_ == "nmod:poss" or (
            base(c) == "det" and feature(c, "Poss") == "Yes") or self._genitive_owner(noun, c)]

    def _genitive_owner(self, noun, c) -> bool:
        return (base(c) == "nmod" and c.i > noun.i and feature(c, "Case") == "Gen"
                and c.pos_ in NOMINAL + ("PRON",) and not self.is_prepositional_object(c))

    def determiners(self, noun) -> list:
        return [c for c in noun.children if base(c) == "det"]

    def modifiers(self, noun) -> list:
        return [c for c in noun.children if base(c) in ("compound", "amod", "nmod", "flat")
                and not self.is_prepositional_object(c)]

    def attributes(self, noun) -> list:
        return [c for c in noun.children if base(c) in ("amod", "compound")]

    def compounds(self, noun) -> list:
        """Names joined to a noun without a preposition: 'управление *МВД*' (a genitive name),
        flat names and compounds."""
        return [c for c in noun.children if base(c) in ("compound", "flat") or (
            self._genitive_owner(noun, c) and (c.pos_ == "PROPN" or c.text.isupper()))]

    def numeric_modifiers(self, noun) -> list:
        return [c for c in noun.children if base(c) == "nummod"]

    def prepositions(self, token):
        """(preposition, its object) for each dependent of ``token`` a preposition introduces."""
        for child in token.children:
            for marker in child.children:
                if self.is_preposition(marker) and marker.i < child.i:
                    yield marker, child
                    break

    def prepositional_object(self, preposition):
        if preposition is None:
            return None
        return preposition.head if self.is_preposition(preposition) or base(preposition) == "case" else None

    def clause_subject(self, preposition):
        obj = self.prepositional_object(preposition)
        return next((c for c in obj.children if self.is_subject(c)), None) if obj is not None else None

    def relative_clauses(self, noun) -> list:
        return [c for c in noun.children if c.dep_ == "acl:relcl"]

    def participle_clauses(self, noun) -> list:
        return [c for c in noun.children if c.dep_ == "acl" or (base(c) == "amod" and feature(c, "VerbForm") == "Part")]

    def appositions(self, noun) -> list:
        return [c for c in noun.children if base(c) == "appos"]

    def complements(self, verb) -> list:
        return [c for c in verb.children if base(c) in COMPLEMENTS]

    def adjuncts(self, verb) -> list:
        return [c for c in verb.children if base(c) in ("obl", "advcl")]

    # --- constructions of case languages -------------------------------------------------------
    def cue_object(self, first, last):
        """The party a cue of several words introduces: 'по *данным* X' (a report noun, whose owner
        the component then finds), 'со ссылкой на *X*', 'согласно *X*'."""
        found = super().cue_object(first, last)  # the last word hangs off the first ('згідно з')
        if found is not None:
            return found
        if self.is_preposition(last):
            return last.head
        if self.is_preposition(first) and first.head.i == last.i:
            return last
        return None

    def record_place(self, verb):
        """'зарегистрированы *в базе*': a locative with a preposition hanging off the verb."""
        return next((c for c in verb.children if base(c) == "obl" and feature(c, "Case") == "Loc"
                     and c.pos_ in NOMINAL and self.is_prepositional_object(c)), None)

    def quantified(self, number):
        """The noun a quantity governs in the genitive: '20 тыс. *дел*', 'сотни *человек*'."""
        return next((c for c in number.children if base(c) == "nmod" and c.i > number.i
                     and feature(c, "Case") == "Gen" and c.pos_ == "NOUN"), None)


def ud_doc(vocab, words, spaces, heads, deps, pos, lemmas, morphs):
    """A spaCy ``Doc`` from one UD-parsed sentence: ``heads`` are absolute token indices (a root
    points at itself); its text is the words joined by their ``spaces``."""
    from spacy.tokens import Doc

    return Doc(vocab, words=words, spaces=spaces, heads=acyclic(heads), deps=deps, pos=pos,
               lemmas=lemmas, morphs=morphs)


class DocBuilder:
    """The rows of a spaCy ``Doc`` built from a parse whose tokens are spans of ``text``: white
    space between two tokens that is not one plain space (two spaces, a tab, a no-break space)
    becomes a white-space token, as spaCy's own tokenizer makes, so that every token's offset is
    its place in ``text``. Heads are given as the parser's own token numbers and mapped."""

    def __init__(self, text: str):
        self.text, self.cursor = text, 0
        self.words, self.spaces, self.heads, self.deps, self.pos, self.lemmas, self.morphs = [], [], [], [], [], [], []
        self.index: dict[int, int] = {}  # the parser's token number → its row

    def token(self, number: int, start: int, end: int, head: int, dep: str, pos: str, lemma: str, morph: str) -> None:
        self._gap(self.text[self.cursor:start])
        self.index[number] = len(self.words)
        self.words.append(self.text[start:end])
        self.spaces.append(False)
        self.heads.append(("number", head))
        self.deps.append(dep)
        self.pos.append(pos)
        self.lemmas.append(lemma)
        self.morphs.append(morph)
        self.cursor = end

    def doc(self, vocab):
        self._gap(self.text[self.cursor:])
        heads = [self.index.get(value, i) if kind == "number" else value for i, (kind, value) in enumerate(self.heads)]
        return ud_doc(vocab, self.words, self.spaces, heads, self.deps, self.pos, self.lemmas, self.morphs)

    def _gap(self, gap: str) -> None:
        if not gap:
            return
        if gap == " " and self.words:
            self.spaces[-1] = True
            return
        if gap.startswith(" ") and self.words:
            self.spaces[-1], gap = True, gap[1:]
        alone = not self.words
        self.words.append(gap)
        self.spaces.append(False)
        self.heads.append(("row", len(self.words) - 1 if alone else len(self.words) - 2))  # on the token before
        self.deps.append("dep")
        self.pos.append("SPACE")
        self.lemmas.append(gap)
        self.morphs.append("")


def acyclic(heads: list[int]) -> list[int]:
    """``heads`` with every cycle broken: a parser can return a token that is, through its heads,
    its own ancestor, and walking such a tree (``token.subtree``) never ends. The token where a
    cycle closes becomes a root of its own."""
    heads = list(heads)
    for start in range(len(heads)):
        seen, token = set(), start
        while heads[token] != token:
            if token in seen:
                heads[token] = token  # the cycle closes here: cut it
                break
            seen.add(token)
            token = heads[token]
    return heads
