"""The terminal report: a header per document, then its figures, incidents and unsourced claims."""
from __future__ import annotations

import click

from ..model.chains import chain_text, link_text
from ..model.records import Figure, Hedge, Incident, Trace, Unattributed
from ..model.words import quote
from . import wording
from .common import Renderer

INDENT = "      "


class TextRenderer(Renderer):

    def write(self, trace: Trace) -> None:
        super().write(trace)
        if self.count > 1:
            self._echo("")
        for line in report_lines(trace):
            self._echo(line)

    def _echo(self, line: str) -> None:
        click.echo(line, file=self.stream, color=self.color)


def report_lines(trace: Trace):
    yield from header(trace)
    yield from section("Figures", trace.figures, figure_lines)
    yield from section("Incidents", trace.incidents, incident_lines)
    yield from section("Unattributed claims", trace.unattributed, unattributed_lines)
    if trace.hedges:
        yield ""
        yield click.style(f"Hedges ({len(trace.hedges)})", bold=True) + "  " + hedge_list(trace.hedges)
    if trace.warnings:
        yield from section("Warnings", trace.warnings, lambda warning: [f"  ! {warning}"])


def header(trace: Trace):
    document = trace.document
    name = document.title or document.source or document.id or "document"
    yield click.style(f"══ {quote(name, 100)} ══", bold=True)
    facts = [("outlet", document.outlet), ("published", document.published), ("url", document.url),
             ("source", document.source), ("id", document.id), ("language", document.language),
             ("encoding", getattr(document, "encoding", None))]
    yield " · ".join(f"{label}: {value}" for label, value in facts if value)


def section(title: str, items: list, lines_of):
    yield ""
    yield click.style(f"{title} ({len(items)})", bold=True)
    if not items:
        yield "  none found"
    for item in items:
        yield from lines_of(item)


def figure_lines(figure: Figure):
    evidence = click.style(f'"{quote(figure.text)}"', fg="yellow", bold=True)
    yield f"  {figure.id:<4}{evidence}  {wording.span(figure.span)}"
    yield INDENT + " · ".join(f"{label} {value}" for label, value in wording.figure_facts(figure))
    basis = f"  [{figure.attribution_basis}]" if figure.attribution_basis not in ("", "none") else ""
    yield INDENT + "chain " + click.style(chain_text(figure.attribution), fg="cyan") + basis
    inherited = [link for link in figure.attribution if link.inherited_from]
    if inherited:
        yield INDENT + "inherited " + "; ".join(f"{link.name} from {wording.span(link.inherited_from)}"
                                                 for link in inherited)
    if figure.hedges:
        yield INDENT + "hedges " + hedge_list(figure.hedges)
    for note in figure.notes:
        yield INDENT + "note " + note
    for found in figure.disagreements:
        yield INDENT + click.style("disagrees ", fg="red") + wording.disagreement(found)


def incident_lines(incident: Incident):
    yield f"  {incident.id:<4}{wording.span(incident.span)}"
    yield INDENT + " · ".join(f"{label} {value}" for label, value in wording.incident_facts(incident))
    yield INDENT + "chain " + click.style(chain_text(incident.attribution), fg="cyan")
    if incident.hedges:
        yield INDENT + "hedges " + hedge_list(incident.hedges)


def unattributed_lines(claim: Unattributed):
    evidence = click.style(f'"{quote(claim.text)}"', fg="red")
    yield f"  - {evidence}  {wording.span(claim.span)}"
    source = f"vague source: {link_text(claim.source)}" if claim.source else "no source at all"
    yield INDENT + " · ".join(part for part in (source, claim.reason) if part)
    if claim.refers_to:
        yield INDENT + "refers to " + ", ".join(claim.refers_to)


def hedge_list(hedges: list[Hedge]) -> str:
    shown = (click.style(f'"{hedge.cue}"', fg="magenta") + " " + wording.span(hedge.span) for hedge in hedges)
    return ", ".join(shown)
