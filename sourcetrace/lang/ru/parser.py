"""The Russian parser: razdel tokens, slovnet's morphology and syntax (news models on navec
embeddings), pymorphy3 lemmas, handed on as spaCy ``Doc``s with UD labels.

The model files ship inside the ``natasha`` wheel (``natasha/data/...``); they are found through
the package's location and never through ``import natasha``, which imports pymorphy2 and fails
without ``pkg_resources``. Nothing is downloaded: a missing file is a ``ModelMissingError``.
tests/test_model_weights.py checks the files' sha256.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from ..ud import DocBuilder
from .morphology import morph

PACKAGE = "natasha"
EMBEDDINGS = "data/emb/navec_news_v1_1B_250K_300d_100q.tar"
MORPH = "data/model/slovnet_morph_news_v1.tar"
SYNTAX = "data/model/slovnet_syntax_news_v1.tar"

# slovnet's part of speech → the OpenCorpora ones (pymorphy3) a lemma of that word may have.
_OPENCORPORA = {
    "NOUN": ("NOUN",), "PROPN": ("NOUN",), "VERB": ("VERB", "INFN", "PRTF", "PRTS", "GRND"),
    "AUX": ("VERB", "INFN"), "ADJ": ("ADJF", "ADJS", "COMP", "PRTF", "PRTS"), "NUM": ("NUMR",),
    "PRON": ("NPRO",), "DET": ("ADJF", "NPRO"), "ADV": ("ADVB", "COMP"), "ADP": ("PREP",),
    "CCONJ": ("CONJ",), "SCONJ": ("CONJ",), "PART": ("PRCL",),
}
# Abbreviations razdel splits from their dot ("тыс" "."): the token keeps its dot so that the
# text around the number reads as written; the model sees the word without it.
_DOTTED = frozenset(("тыс", "млн", "млрд", "руб", "г", "гг", "ст", "ч", "п", "чел", "долл", "грн", "сут"))


def model_file(relative: str) -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        from ...errors import ModelMissingError

        raise ModelMissingError(PACKAGE)
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    if not path.is_file():
        from ...errors import ModelMissingError

        raise ModelMissingError(f"{PACKAGE} ({relative})")
    return path


@lru_cache(maxsize=65536)
def lemma(word: str, pos: str) -> str:
    """The dictionary form of ``word`` read as ``pos``: the first pymorphy3 reading of that part of
    speech, else its first reading."""
    if not any(ch.isalpha() for ch in word):
        return word.lower()
    parses = morph().parse(word)
    wanted = _OPENCORPORA.get(pos, ())
    chosen = next((p for p in parses if p.tag.POS in wanted), parses[0] if parses else None)
    return chosen.normal_form if chosen is not None else word.lower()


def tokens(text: str) -> list[tuple[int, int]]:
    """(start, end) of each token; an abbreviation keeps its dot."""
    from razdel import tokenize

    out: list[list[int]] = []
    for token in tokenize(text):
        if token.text == "." and out and out[-1][1] == token.start and text[out[-1][0]:out[-1][1]].lower() in _DOTTED:
            out[-1][1] = token.stop
            continue
        if token.text.endswith(",") and token.text[:-1].isdigit():
            # razdel keeps a comma with a number before a space and a digit ("310, 2024"): a list's comma
            out += [[token.start, token.stop - 1], [token.stop - 1, token.stop]]
            continue
        out.append([token.start, token.stop])
    return [(a, b) for a, b in out]


class RussianParser:
    """``parser(text)`` and ``parser.pipe(texts, batch_size=...)`` give spaCy ``Doc``s whose text
    is exactly the text given, with ``pos_``, ``dep_``, ``head``, ``lemma_`` and ``morph``."""

    name = "slovnet_news_v1+pymorphy3"

    def __init__(self, batch_size: int = 64):
        import spacy
        from navec import Navec
        from slovnet import Morph, Syntax

        navec = Navec.load(model_file(EMBEDDINGS))
        self.morph = Morph.load(model_file(MORPH), batch_size=batch_size)
        self.syntax = Syntax.load(model_file(SYNTAX), batch_size=batch_size)
        self.morph.navec(navec)
        self.syntax.navec(navec)
        # A vocabulary whose like_num is digits only: "один из задержанных" speaks, it counts nothing.
        self.vocab = spacy.blank("xx").vocab

    def __call__(self, text: str):
        return next(iter(self.pipe([text])))

    def pipe(self, texts, batch_size: int = 256):
        texts = list(texts)
        for start in range(0, len(texts), batch_size):
            yield from self._batch(texts[start:start + batch_size])

    def _batch(self, texts: list[str]):
        spans = [tokens(text) for text in texts]
        words = [[_model_word(text[a:b]) for a, b in s] for text, s in zip(texts, spans)]
        # slovnet's syntax decoder takes time that grows with the square of a sentence's length: a
        # sentence longer than WINDOW tokens (none in real reporting; a fuzzed 40 KB one took 10 s)
        # is parsed in windows, each with a root of its own.
        chunks = [(i, start) for i, w in enumerate(words) for start in range(0, len(w), WINDOW)]
        pieces = [words[i][start:start + WINDOW] for i, start in chunks]
        tagged = list(self.morph.map(pieces)) if pieces else []
        parsed = list(self.syntax.map(pieces)) if pieces else []
        rows: dict[int, list] = {}
        for (i, start), tags, arcs in zip(chunks, tagged, parsed):
            for tag, arc in zip(tags.tokens, arcs.tokens):
                # slovnet numbers tokens from 1 and gives a root the head 0, which maps to itself
                head = int(arc.head_id)
                rows.setdefault(i, []).append((head + start if head else 0, arc.rel, tag.pos, tag.feats))
        for i, text in enumerate(texts):
            yield self._doc(text, spans[i], rows.get(i, []))

    def _doc(self, text: str, spans, rows_of):
        rows = DocBuilder(text)
        for n, ((a, b), (head, rel, pos, feats)) in enumerate(zip(spans, rows_of)):
            rows.token(n + 1, a, b, head, rel or "dep", pos or "X",
                       lemma(text[a:b], pos), "|".join(f"{k}={v}" for k, v in sorted(feats.items())))
        return rows.doc(self.vocab)


WINDOW = 250  # tokens of one sentence parsed at once


def _model_word(word: str) -> str:
    return word[:-1] if word.endswith(".") and word[:-1].lower() in _DOTTED else word
