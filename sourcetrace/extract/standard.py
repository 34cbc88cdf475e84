"""The standard pipeline: which components run, in which order. The same for every language; the
language supplies the words, forms, syntax and parser they run on (sourcetrace/lang/)."""
from __future__ import annotations

from . import (attribution, chains, datelines, disagreement, figures, hedges, incidents, relative, sentences,
               timeline, unattributed, updates)

COMPONENTS = (
    sentences.split_sentences,
    datelines.find_dateline,
    sentences.mark_candidates,
    sentences.parse_candidates,
    figures.extract_figures,
    attribution.find_claims,
    chains.assign_chains,
    timeline.carry_periods,
    relative.link_relative_figures,
    disagreement.flag_disagreements,
    hedges.find_hedges,
    updates.mark_updates,
    incidents.find_incidents,
    unattributed.find_unattributed,
)
