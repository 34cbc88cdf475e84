"""``sourcetrace sources`` and ``sourcetrace indicators``: what the registry knows, as a table or as JSON.

The JSON each prints has the shape of the registry's data files, so it can be saved, edited and
given back with --registry FILE.
"""
from __future__ import annotations

import click

from ..errors import Warnings
from ..registry import KINDS, Registry, RegistryError, listing
from .options import output_options, registry_option
from .output import emit


def register(cli: click.Group) -> None:
    """Add the registry commands to the ``sourcetrace`` group."""
    cli.add_command(sources)
    cli.add_command(indicators)


@click.command(short_help="List the sources sourcetrace knows: outlets, agencies, state bodies.")
@click.option("--kind", type=click.Choice(list(KINDS)), help="Only sources of this kind.")
@click.option("--search", metavar="TEXT",
              help="Only sources with a name or alias containing TEXT, in any script or spelling: "
                   "'UP', 'Ukrainskaya Pravda' and 'Українська правда' all find Ukrainska Pravda. "
                   "The table first says which source TEXT itself resolves to.")
@output_options("sources")
@registry_option
@click.pass_context
def sources(ctx, kind, search, format_, output, registry_file):
    """List the sources in the registry: id, kind, country, whether the source is part of or funded
    by a state, the side of the conflict it belongs to, and its name.

    A name found in a report (TASS, Офіс Генерального прокурора, 'the PGO') resolves to one of these
    ids. Names the registry does not know get a stable id of their own ('x.<name>'), anonymous and
    vague sources an 'anon.<name>' id. Exit code 1 when --search finds nothing.

    \b
    Examples:
      sourcetrace sources --kind news_agency
      sourcetrace sources --search "Генпрокуратура"
      sourcetrace sources --format json > my-sources.json
      sourcetrace sources --registry my-sources.json --search "Kharkiv Police"
    """
    found = listing.sources(load_registry(registry_file), kind, search)
    emit("sources", format_, output, [found])
    if not found.entries:
        click.echo(f"sourcetrace: {Warnings.W003.format(filters=_filters(kind, search))}", err=True)
        ctx.exit(1)


@click.command(short_help="List the indicators a figure can count, and how they relate.")
@output_options("indicators")
@registry_option
def indicators(format_, output, registry_file):
    """List the indicators a figure's counted thing resolves to: id, what one unit is, the parts it
    is made of, the criminal-code articles behind it, and its label.

    '= a + b' means the indicator is exactly the sum of a and b (AWOL and desertion cases = AWOL
    cases + desertion cases); 'includes a, b' means a and b are parts of it that need not add up.
    Aliases in English, Russian and Ukrainian (AWOL, СЗЧ, самовольное оставление части) are in the
    JSON output.

    \b
    Examples:
      sourcetrace indicators
      sourcetrace indicators --format json
    """
    emit("indicators", format_, output, [listing.indicators(load_registry(registry_file))])


def load_registry(registry_file: str | None) -> Registry:
    """The registry, with a user file merged over it; its warnings said on stderr."""
    try:
        registry = Registry.load(registry_file)
    except RegistryError as exc:
        raise click.ClickException(str(exc)) from None
    for warning in registry.warnings:
        click.echo(f"sourcetrace: {Warnings.W004.format(warning=warning)}", err=True)
    return registry


def _filters(kind: str | None, search: str | None) -> str:
    parts = ([f" --kind {kind}"] if kind else []) + ([f" --search {search!r}"] if search is not None else [])
    return " and".join(parts)
