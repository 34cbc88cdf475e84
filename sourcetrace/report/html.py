"""One standalone HTML page: each document's text with every span highlighted, its claims beside it.

Everything taken from a document or from the extractor passes through ``escape`` before it
reaches the page; the page's own markup is the only markup in it.
"""
from __future__ import annotations

from html import escape

from ..model.chains import chain_text, link_text
from ..model.records import Figure, Hedge, Incident, Trace, Unattributed
from ..model.words import quote
from . import assets, wording
from .common import Renderer
from .page import page as html_page
from .marks import Marks, figure_marks, incident_marks, pieces, trace_marks, unattributed_marks

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
    document = trace.document
    return quote(document.title or document.source or document.id or "document", 100)


def document_section(trace: Trace, number: int) -> str:
    marks = Marks(len(trace.document.text))
    claims = claims_html(trace, marks)  # first: the claims number the marks the text then shows
    trace_marks(marks, trace)
    return (
        f'<section class="doc" id="doc-{number}">\n<h2>{escape(document_name(trace))}</h2>\n'
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


def claims_html(trace: Trace, marks: Marks) -> str:
    parts = [
        claim_list("Figures", trace.figures, lambda f: figure_item(f, figure_marks(marks, f))),
        claim_list("Incidents", trace.incidents, lambda i: incident_item(i, incident_marks(marks, i))),
        claim_list("Unattributed claims", trace.unattributed,
                   lambda u: unattributed_item(u, unattributed_marks(marks, u))),
    ]
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


def claim_item(numbers: list[int], lines: list[str]) -> str:
    marked = " ".join(str(n) for n in dict.fromkeys(numbers))
    return f'<li tabindex="0" data-marks="{marked}">' + "".join(lines) + "</li>"


def figure_item(figure: Figure, numbers: list[int]) -> str:
    facts = " · ".join(f"{label} {value}" for label, value in wording.figure_facts(figure))
    lines = [
        f'<span class="cid">{escape(figure.id)}</span> ',
        f'<q class="k-figure">{escape(quote(figure.text))}</q>',
        f'<div class="facts">{escape(facts)}</div>',
        f'<div class="chain">{escape(chain_line(figure.attribution, figure.attribution_basis))}</div>',
    ]
    if figure.hedges:
        lines.append(f'<div class="hedges">hedges: {hedge_html(figure.hedges)}</div>')
    lines += [f'<div class="reason">note: {escape(note)}</div>' for note in figure.notes]
    lines += [f'<div class="reason">disagrees: {escape(wording.disagreement(found))}</div>'
              for found in figure.disagreements]
    return claim_item(numbers, lines)


def incident_item(incident: Incident, numbers: list[int]) -> str:
    facts = " · ".join(f"{label} {value}" for label, value in wording.incident_facts(incident))
    lines = [
        f'<span class="cid">{escape(incident.id)}</span> ',
        f'<span class="facts">{escape(facts) or "incident"}</span>',
        f'<div class="chain">{escape(chain_line(incident.attribution))}</div>',
    ]
    if incident.hedges:
        lines.append(f'<div class="hedges">hedges: {hedge_html(incident.hedges)}</div>')
    return claim_item(numbers, lines)


def unattributed_item(claim: Unattributed, numbers: list[int]) -> str:
    source = f"vague source: {link_text(claim.source)}" if claim.source else "no source at all"
    reason = " · ".join(part for part in (source, claim.reason) if part)
    lines = [f'<q class="k-unattributed">{escape(quote(claim.text))}</q>',
             f'<div class="reason">{escape(reason)}</div>']
    if claim.refers_to:
        lines.append(f'<div class="reason">refers to {escape(", ".join(claim.refers_to))}</div>')
    return claim_item(numbers, lines)


def chain_line(links, basis: str | None = None) -> str:
    shown = "chain: " + chain_text(links)
    return shown + (f" [{basis}]" if basis and basis != "none" else "")


def hedge_html(hedges: list[Hedge]) -> str:
    return ", ".join(f'<span class="k-hedge">{escape(hedge.cue)}</span>' for hedge in hedges)


def dropped_html(marks: Marks) -> str:
    if not marks.dropped:
        return ""
    return f'<p class="none">{marks.dropped} span(s) fall outside the text and are not shown.</p>'
