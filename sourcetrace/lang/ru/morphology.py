"""pymorphy3's Russian dictionary (pymorphy3-dicts-ru), loaded once: lemmas and inflections."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")
