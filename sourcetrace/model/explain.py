"""How a record was found, in the words every output shows: the cue a link was found by (``via``),
how a figure got its chain (``attribution_basis``), the notes and reasons components add.

Written once here so that extraction components, which work in any language, spell none of it.
"""
from __future__ import annotations

# Link.via: the cue a link was found by, when it is not a word of the text itself.
TOLD = "told"
REPORTED_BY = "as reported by"
CITING = "citing"
BASED_ON = "based on"
REFERS_BACK = "refers back"
DATELINE = "dateline"
METADATA = "metadata"
IMPERSONAL = "impersonal"

# Figure.attribution_basis / Claim.basis
CUE = "cue"
VAGUE = "vague"
NONE = "none"
CONTINUES = "continues previous claim"
SOURCE_AFTER = "source in the next sentence"
OUTLET_VOICE = "outlet voice"


def refers_back(name: str) -> str:
    """The via of a link found through a word that refers back to it ('the agency')."""
    return f"{REFERS_BACK} ('{name}')"


def of(noun: str) -> str:
    """The via of a record named as the holder of a noun ('data of')."""
    return f"{noun} of"


def restates(figure_id: str) -> str:
    return f"restates figure {figure_id}"


# Figure.notes
def note_indicator_from(source_id: str, source_counted: str | None, counted: str | None) -> str:
    return f"indicator from {source_id} ({source_counted!r}): the text says only {counted!r}"


def note_counts_what(previous_id: str, previous_counted: str | None) -> str:
    return f"counts what {previous_id} counts ({previous_counted!r}), which the text does not repeat"


NOTE_PERIOD_CONTINUED = "period taken from the claim this sentence continues"


def note_restates(twin_id: str, twin_text: str) -> str:
    return f"no source in its own sentence; restates {twin_id} ({twin_text!r})"


# Trace.warnings
def warning_foreign(count: int, languages: list[str], language: str) -> str:
    return (f"{count} sentence(s) in {', '.join(languages)} inside a text in {language}: not traced "
            f"(they would be read with the rules of {language})")


# Unattributed.reason
def reason_vague(name: str) -> str:
    return f"attributed only to {name!r}, a party nobody can check"


REASON_FIGURE = "figure stated with no source"
REASON_INCIDENT = "incident told with no source"
REASON_GENERALISATION = "generalisation stated as fact with no source"
