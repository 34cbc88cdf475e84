"""Reconciliation (issue 3): observations → constraints → a monthly series with bounds and contradictions."""
from .constraints import Constraint, Skipped, Unplaceable, to_constraint, to_constraints
from .revisions import mark_revisions
from .series import MonthBand, SeriesResult, estimate

__all__ = ["Constraint", "Skipped", "Unplaceable", "to_constraint", "to_constraints", "mark_revisions",
           "estimate", "SeriesResult", "MonthBand"]
