"""``sourcetrace sources`` and ``sourcetrace indicators``: what the registry knows, as a table or as JSON.

The JSON each prints has the shape of the registry's data files, so it can be saved, edited and
given back with --registry FILE.
"""
from __future__ import annotations

import json

import click

from ..errors import Warnings
from ..registry import ENV_VAR, KINDS, Registry, RegistryError

registry_option = click.option(
    "--registry", "registry_file", metavar="FILE", type=click.Path(dir_okay=False),
    help=f"A JSON file of your own sources and indicators, merged over the built-in ones: known ids "
         f"are extended, new ids added. Default: ${ENV_VAR} when it is set.")
format_option = click.option(
    "--format", "-f", "format_", type=click.Choice(["table", "json"]), default="table", show_default=True,
    help="table: one line per entry, for reading. json: the entries in the shape of a registry file.")


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
@format_option
@registry_option
@click.pass_context
def sources(ctx, kind, search, format_, registry_file):
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
    registry = _load(registry_file)
    ids = registry.search_sources(search) if search is not None else list(registry.sources)
    ids = [source_id for source_id in ids if kind is None or registry.sources[source_id]["kind"] == kind]
    if format_ == "json":
        click.echo(_json("sources", {source_id: registry.sources[source_id] for source_id in ids}))
    else:
        if search is not None:
            click.echo(_resolution_line(registry, search))
        if ids:
            click.echo(_table(["ID", "KIND", "COUNTRY", "STATE", "PARTY", "NAME"],
                              [_source_row(source_id, registry.sources[source_id]) for source_id in ids]))
    if not ids:
        click.echo(f"sourcetrace: {Warnings.W003.format(filters=_filters(kind, search))}", err=True)
        ctx.exit(1)


@click.command(short_help="List the indicators a figure can count, and how they relate.")
@format_option
@registry_option
def indicators(format_, registry_file):
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
    registry = _load(registry_file)
    if format_ == "json":
        click.echo(_json("indicators", registry.indicators))
        return
    rows = [[indicator_id, entry.get("counts", entry["unit"]), _parts(entry), _law(entry), entry["label"]]
            for indicator_id, entry in registry.indicators.items()]
    click.echo(_table(["ID", "COUNTS", "PARTS", "LAW", "LABEL"], rows))


def _load(registry_file: str | None) -> Registry:
    try:
        registry = Registry.load(registry_file)
    except RegistryError as exc:
        raise click.ClickException(str(exc)) from None
    for warning in registry.warnings:
        click.echo(f"sourcetrace: {Warnings.W004.format(warning=warning)}", err=True)
    return registry


def _resolution_line(registry: Registry, text: str) -> str:
    match = registry.resolve_source(text)
    if match.known:
        return f"{text!r} is {match.id} ({match.how})."
    if match.how == "ambiguous":
        return f"{text!r} may be any of {', '.join(match.candidates)}; alone it gets the id {match.id}."
    hint = f" Close: {', '.join(match.candidates)}." if match.candidates else ""
    return f"{text!r} is not in the registry; its id is {match.id}.{hint}"


def _source_row(source_id: str, entry: dict) -> list[str]:
    state = {True: "yes", False: "no", None: "?"}[entry["state_affiliated"]]
    name = entry["name"] + (" (fictional)" if entry.get("fictional") else "")
    return [source_id, entry["kind"], entry["country"] or "-", state, entry["party_to"] or "-", name]


def _parts(entry: dict) -> str:
    if entry.get("sum_of"):
        return "= " + " + ".join(entry["sum_of"])
    if entry.get("includes"):
        return "includes " + ", ".join(entry["includes"])
    return "-"


def _law(entry: dict) -> str:
    return "; ".join(f"{a['jurisdiction'].upper()} {a['article']}" for a in entry.get("legal_basis", [])) or "-"


def _filters(kind: str | None, search: str | None) -> str:
    parts = ([f" --kind {kind}"] if kind else []) + ([f" --search {search!r}"] if search is not None else [])
    return " and".join(parts)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers) - 1)]
    lines = ["  ".join([*(str(cell).ljust(width) for cell, width in zip(row, widths)), str(row[-1])])
             for row in [headers, *rows]]
    return "\n".join(line.rstrip() for line in lines)


def _json(section: str, entries: dict) -> str:
    return json.dumps({section: entries}, ensure_ascii=False, indent=2)
