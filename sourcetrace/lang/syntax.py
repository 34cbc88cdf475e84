"""The questions extraction asks about a parsed sentence, one implementation per language.

Every language's parser yields spaCy ``Doc`` objects (its own model, or another library's output
converted into one), so tokens share one interface: ``text``, ``lower_``, ``lemma_``, ``i``,
``idx``, ``head``, ``children``, ``subtree``, ``doc``, ``is_punct``, ``like_num``. What differs is
the labels: English's model says ``nsubj``/``dobj``/``pobj`` and Penn tags (``NNS``, ``VBD``),
Universal Dependencies says ``nsubj``/``obj``/``obl`` with ``case`` and morphological features.
Components never read a label; they ask a :class:`Syntax`. Its methods are the whole vocabulary of
grammar extraction needs, each named for what it means, not for how one model marks it.
"""
from __future__ import annotations

from typing import Iterator


class Syntax:
    """The questions. Each language's grammar module subclasses this and answers them."""

    # --- what a token is -----------------------------------------------------------------------
    def is_verb(self, t) -> bool:
        """A lexical verb ('said', 'recorded')."""
        raise NotImplementedError

    def is_verb_or_auxiliary(self, t) -> bool:
        """A verb, or an auxiliary the model may tag a reporting verb as."""
        raise NotImplementedError

    def is_noun(self, t) -> bool:
        """A common noun."""
        raise NotImplementedError

    def is_proper(self, t) -> bool:
        """A proper noun."""
        raise NotImplementedError

    def is_nominal(self, t) -> bool:
        """A common or proper noun."""
        return self.is_noun(t) or self.is_proper(t)

    def is_pronoun(self, t) -> bool:
        raise NotImplementedError

    def is_number_part(self, t) -> bool:
        """A token that may be part of a written number ('20', 'million', '%', '5k')."""
        raise NotImplementedError

    def is_content_word(self, t) -> bool:
        """A verb, noun or adjective: capitalised inside a sentence, it belongs to a name."""
        raise NotImplementedError

    def is_possessive_marker(self, t) -> bool:
        """The possessive ending written as its own token ("'s")."""
        raise NotImplementedError

    def is_plural(self, t) -> bool:
        """A plural noun (common or proper)."""
        raise NotImplementedError

    def is_plural_common(self, t) -> bool:
        """A plural common noun."""
        raise NotImplementedError

    def is_singular_noun(self, t) -> bool:
        """A singular noun (common or proper)."""
        raise NotImplementedError

    def is_past(self, t) -> bool:
        """A verb in the past tense or a past participle."""
        raise NotImplementedError

    def is_determiner(self, t) -> bool:
        """A determiner attached to its noun ('the', 'a', 'this')."""
        raise NotImplementedError

    # --- where a token stands ------------------------------------------------------------------
    def is_root(self, t) -> bool:
        """The main verb (or head) of the sentence."""
        raise NotImplementedError

    def is_subject(self, t, passive: bool = False) -> bool:
        """The subject of its head; with ``passive``, the subject of a passive verb counts too."""
        raise NotImplementedError

    def is_argument(self, t) -> bool:
        """A subject, an object, a prepositional object or an apposition: a noun phrase a clause
        is about, not a modifier inside one."""
        raise NotImplementedError

    def is_prepositional_object(self, t) -> bool:
        """The noun governed by a preposition ('by X': X)."""
        raise NotImplementedError

    def is_conjunct(self, t) -> bool:
        """A second member of a coordination ('... and said')."""
        raise NotImplementedError

    def coordinated(self, first, second) -> bool:
        """A coordinating word joins ``second`` to ``first`` ('rejected the claims *and* said'),
        not just the parse hanging one verb on another."""
        raise NotImplementedError

    def is_complement_clause(self, t) -> bool:
        """The head of a clause that is the object of a verb ('said [it had opened ...]')."""
        raise NotImplementedError

    def is_main_clause(self, t) -> bool:
        """The root, or a verb coordinated with it."""
        raise NotImplementedError

    def is_attributive(self, t) -> bool:
        """A verb form describing a noun, not predicating ('20,000 cases *reported* monthly')."""
        raise NotImplementedError

    def is_noun_modifier(self, t) -> bool:
        """A word attached to a noun as its modifier: a number, an adjective, a compound, a
        noun complement ('20,000 *cases*' for '20,000')."""
        raise NotImplementedError

    def is_phrase_edge(self, t) -> bool:
        """A dependent that ends a noun phrase rather than belonging to it: a relative or adverbial
        clause, an apposition, a coordination, punctuation."""
        raise NotImplementedError

    def is_preposition(self, t) -> bool:
        raise NotImplementedError

    def is_clause_aside(self, t) -> bool:
        """A relative clause, an apposition or a participle clause hanging off a noun."""
        raise NotImplementedError

    # --- a token's dependents ------------------------------------------------------------------
    def subjects(self, verb, passive: bool = False) -> list:
        """The subjects of ``verb`` (also passive subjects with ``passive``)."""
        return [c for c in verb.children if self.is_subject(c, passive)]

    def objects(self, verb) -> list:
        """The direct objects of ``verb``."""
        raise NotImplementedError

    def hearers(self, verb) -> list:
        """Who is told: 'told *Reuters*', 'сообщил *ТАСС*'."""
        raise NotImplementedError

    def agent(self, verb):
        """The doer of a passive verb ('put at 1,100 *by the ministry*'), or None."""
        raise NotImplementedError

    def possessives(self, noun) -> list:
        """Possessive dependents of a noun ("*Russia's* ministry", "*its* data")."""
        raise NotImplementedError

    def determiners(self, noun) -> list:
        raise NotImplementedError

    def modifiers(self, noun) -> list:
        """Attributive dependents: compounds, adjectives, noun modifiers."""
        raise NotImplementedError

    def attributes(self, noun) -> list:
        """Adjectives and compounds describing a noun ('*unconfirmed* reports', '*media* reports')."""
        raise NotImplementedError

    def compounds(self, noun) -> list:
        """Nouns compounded with ``noun`` ('the *SBI* data')."""
        raise NotImplementedError

    def numeric_modifiers(self, noun) -> list:
        """Numbers counting ``noun`` ('*two* officials')."""
        raise NotImplementedError

    def prepositions(self, token) -> Iterator[tuple]:
        """(preposition, its object or None) for each prepositional dependent of ``token``."""
        raise NotImplementedError

    def prepositional_object(self, preposition):
        """The object of a preposition, or None."""
        raise NotImplementedError

    def clause_subject(self, preposition):
        """The subject of a clause a preposition introduces ('by X citing Y': X), or None."""
        raise NotImplementedError

    def relative_clauses(self, noun) -> list:
        raise NotImplementedError

    def participle_clauses(self, noun) -> list:
        """Participles describing a noun ('data *provided* by ...')."""
        raise NotImplementedError

    def appositions(self, noun) -> list:
        raise NotImplementedError

    def complements(self, verb) -> list:
        """What completes a verb's meaning: objects, particles, predicates ('sentenced *him* *to*')."""
        raise NotImplementedError

    def adjuncts(self, verb) -> list:
        """Prepositional and adverbial clauses of a verb ('*after* stealing ...')."""
        raise NotImplementedError

    # --- constructions some languages have -----------------------------------------------------
    def cue_object(self, first, last):
        """The party a cue of several words introduces, given the cue's first and last token:
        'according *to* X' → X (the object of the last word, which hangs off the first)."""
        if last.head.i == first.i or last.i == first.i:
            return self.prepositional_object(last)
        return None

    def place_speaker(self, verb):
        """Who speaks when a reporting verb has no subject and its place names the speaker
        ('сообщили *в пресс-службе МВД*'); None in languages without that construction."""
        return None

    def record_place(self, verb):
        """Where a record verb says the data is kept ('зарегистрированы *в базе*'); None in
        languages that name the register as the verb's subject or agent."""
        return None

    def quantified(self, number):
        """The noun a quantity governs directly, without a linking preposition ('20 тыс. *дел*');
        None where quantities link to what they count through a preposition ('hundreds *of*')."""
        return None
