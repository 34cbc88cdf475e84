"""One standalone HTML page: each document's text with every span highlighted, its claims beside it.

Everything taken from a document or from the extractor passes through ``escape`` before it
reaches the page; the page's own markup is the only markup in it.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Callable

from ..model.chains import NO_SOURCE, link_text
from ..model.records import Figure, Hedge, Incident, Link, Trace, Unattributed
from ..model.words import quote
from . import assets, wording
from .common import Renderer
from .page import page as html_page
from .marks import Marks, figure_marks, incident_marks, pieces, trace_marks, unattributed_marks

@dataclass
class Extras:
    """What a page that knows more than the trace adds to it (the web app's document page): where
    each party of a chain leads (its source page), and lines of HTML under a figure (its grades and
    barometer). The standalone page of ``trace --format html`` adds nothing."""

    source_href: Callable[[Link], str | None] = lambda link: None
    figure_lines: Callable[[Figure], list[str]] = lambda figure: []


NOTHING_MORE = Extras()


class HtmlRenderer(Renderer):

    def __init__(self, stream, color=None):
        super().__init__(stream, color)
        self.sections: list[str] = []
        self.titles: list[str] = []

    def write(self, trace: Trace) -> None:
        super().write(trace)
        self.sections.append(document_section(trace, self.count))
        self.titles.append(document_name(trace))

    def finalize(self) -> None:
        self.stream.write(page(self.sections, self.titles))
        super().finalize()


def page(sections: list[str], titles: list[str]) -> str:
    title = f"sourcetrace — {titles[0] if len(titles) == 1 else f'{len(titles)} documents'}"
    legend = "".join(f'<span class="k-{kind}">{escape(label)}</span>' for kind, label in assets.LEGEND)
    body = "\n".join(sections) or '<section class="doc"><p class="none">No document was traced.</p></section>'
    header = f'<header class="page"><h1>{escape(title)}</h1><div class="legend">{legend}</div></header>'
    return html_page(title, f"{header}\n{body}", style=assets.STYLE, scripts=[assets.SCRIPT])


def document_name(trace: Trace) -> str:
    """Its title; without one, its opening words (a file's path says nothing of what it reports)."""
    document = trace.document
    opening = next((line for line in document.text.splitlines() if line.strip()), "")
    return quote(document.title or opening or document.source or document.id or "document", 100)


def document_section(trace: Trace, number: int, extras: Extras = NOTHING_MORE, heading: bool = True) -> str:
    """One document: its text with every span marked, its claims beside it. ``number`` tells the
    sections of one page apart; the first one's claims are anchored by their own ids (``#f1``),
    the others' by ``#doc-N-f1``."""
    marks = Marks(len(trace.document.text))
    claims = claims_html(trace, marks, extras, "" if number == 1 else f"doc-{number}-")
    trace_marks(marks, trace)  # after the claims: they number the marks the text then shows
    title = f"<h2>{escape(document_name(trace))}</h2>\n" if heading else ""
    return (
        f'<section class="doc" id="doc-{number}">\n{title}'
        f"{meta_html(trace)}\n"
        f'<div class="cols">\n<div class="text">{text_html(trace.document.text, marks)}</div>\n'
        f'<aside class="claims">{claims}{dropped_html(marks)}</aside>\n</div>\n</section>'
    )


def meta_html(trace: Trace) -> str:
    document = trace.document
    facts = [("outlet", document.outlet), ("published", document.published), ("source", document.source),
             ("language", document.language), ("encoding", getattr(document, "encoding", None))]
    shown = [f"{label}: {escape(value)}" for label, value in facts if value]
    if document.url:
        shown.append(f"url: {url_html(document.url)}")
    return f'<p class="meta">{" · ".join(shown)}</p>'


def url_html(url: str) -> str:
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>'
    return escape(url)  # javascript: and other schemes stay inert text


def text_html(text: str, marks: Marks) -> str:
    out = []
    for piece, keys in pieces(text, marks):
        if not keys:
            out.append(escape(piece))
            continue
        kinds = sorted({f"k-{kind}" for kind, _, _ in keys})
        numbers = [f"m{number}" for number in sorted(marks.index[key] for key in keys)]
        out.append(f'<span class="{" ".join(kinds + numbers)}">{escape(piece)}</span>')
    return "".join(out)


def claims_html(trace: Trace, marks: Marks, extras: Extras = NOTHING_MORE, anchor: str = "") -> str:
    def figure(f: Figure) -> str:
        return figure_item(f, figure_marks(marks, f), extras, anchor)

    def incident(i: Incident) -> str:
        return incident_item(i, incident_marks(marks, i), extras, anchor)

    def unattributed(u: Unattributed) -> str:
        return unattributed_item(u, unattributed_marks(marks, u), extras)

    parts = [claim_list("Figures", trace.figures, figure), claim_list("Incidents", trace.incidents, incident),
             claim_list("Unattributed claims", trace.unattributed, unattributed)]
    if trace.hedges:
        parts.append(f'<h3>Hedges ({len(trace.hedges)})</h3><p class="hedges">{hedge_html(trace.hedges)}</p>')
    if trace.warnings:
        items = "".join(f"<li>{escape(warning)}</li>" for warning in trace.warnings)
        parts.append(f"<h3>Warnings ({len(trace.warnings)})</h3><ul>{items}</ul>")
    return "\n".join(parts)


def claim_list(title: str, items: list, item_html) -> str:
    head = f"<h3>{escape(title)} ({len(items)})</h3>"
    if not items:
        return head + '<p class="none">none found</p>'
    return head + "<ol>" + "".join(item_html(item) for item in items) + "</ol>"


def claim_item(numbers: list[int], lines: list[str], anchor: str | None = None) -> str:
    marked = " ".join(str(n) for n in dict.fromkeys(numbers))
    named = f' id="{escape(anchor)}"' if anchor else ""
    return f'<li tabindex="0"{named} data-marks="{marked}">' + "".join(lines) + "</li>"


def figure_item(figure: Figure, numbers: list[int], extras: Extras = NOTHING_MORE, anchor: str = "") -> str:
    facts = " · ".join(f"{label} {value}" for label, value in wording.figure_facts(figure))
    lines = [
        f'<span class="cid">{escape(figure.id)}</span> ',
        f'<q class="k-figure">{escape(quote(figure.text))}</q>',
        f'<div class="facts">{escape(facts)}</div>',
        chain_html(figure.attribution, extras, figure.attribution_basis),
    ]
    if figure.hedges:
        lines.append(f'<div class="hedges">hedges: {hedge_html(figure.hedges)}</div>')
    lines += [f'<div class="reason">note: {escape(note)}</div>' for note in figure.notes]
    lines += [f'<div class="reason">disagrees: {escape(wording.disagreement(found))}</div>'
              for found in figure.disagreements]
    return claim_item(numbers, lines + extras.figure_lines(figure), anchor + figure.id)


def incident_item(incident: Incident, numbers: list[int], extras: Extras = NOTHING_MORE, anchor: str = "") -> str:
    facts = " · ".join(f"{label} {value}" for label, value in wording.incident_facts(incident))
    lines = [
        f'<span class="cid">{escape(incident.id)}</span> ',
        f'<span class="facts">{escape(facts) or "incident"}</span>',
        chain_html(incident.attribution, extras),
    ]
    if incident.hedges:
        lines.append(f'<div class="hedges">hedges: {hedge_html(incident.hedges)}</div>')
    return claim_item(numbers, lines, anchor + incident.id)


def unattributed_item(claim: Unattributed, numbers: list[int], extras: Extras = NOTHING_MORE) -> str:
    source = f"vague source: {party_html(claim.source, extras)}" if claim.source else "no source at all"
    reason = " · ".join(part for part in (source, escape(claim.reason or "")) if part)
    lines = [f'<q class="k-unattributed">{escape(quote(claim.text))}</q>',
             f'<div class="reason">{reason}</div>']
    if claim.refers_to:
        lines.append(f'<div class="reason">refers to {escape(", ".join(claim.refers_to))}</div>')
    return claim_item(numbers, lines)


def chain_html(links: list[Link], extras: Extras = NOTHING_MORE, basis: str | None = None) -> str:
    """``chain: TASS (relay) ← unnamed sources (origin, anonymous)``, nearest first, each party a link
    to its source page where the page knows one; a link inherited from an earlier sentence is marked."""
    parties = " ← ".join(party_html(link, extras) for link in links) or escape(NO_SOURCE)
    shown = f"chain: {parties}" + (f" [{escape(basis)}]" if basis and basis != "none" else "")
    return f'<div class="chain">{shown}</div>'


def party_html(link: Link, extras: Extras = NOTHING_MORE) -> str:
    text = escape(link_text(link))
    inherited = getattr(link, "inherited_from", None)
    if inherited is not None:  # the party was named in an earlier sentence and governs this one
        start, end = inherited
        text = (f'<span class="inherited" title="named in an earlier sentence (characters {start}–{end}), which '
                f'this one continues">{text} ↖</span>')
    href = extras.source_href(link)
    return f'<a class="party" href="{escape(href)}">{text}</a>' if href else text


def hedge_html(hedges: list[Hedge]) -> str:
    return ", ".join(f'<span class="k-hedge">{escape(hedge.cue)}</span>' for hedge in hedges)


def dropped_html(marks: Marks) -> str:
    if not marks.dropped:
        return ""
    return f'<p class="none">{marks.dropped} span(s) fall outside the text and are not shown.</p>'
