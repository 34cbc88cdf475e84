"""``sourcetrace demo``: the walk-through of ingest → barometer → check on the shipped demo corpus.

Each step runs the same code as its command and prints the command a user would type, so the
walk-through doubles as a tutorial.
"""
from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

import click

DEMO = ("examples", "demo", "demo.jsonl")
INDICATOR = "mil.desertion_cases"
SCOPE = "Valdoria"
CLAIMS = (  # (claim, when it was made)
    ("Valdoria registers 20,000 desertion cases a month, a source told DRAVTASS.", "2025-10-07"),
    ("Prosecutors opened 48,900 desertion cases in 2024.", "2025-02-20"),
)


def walk_through(db: str, out_dir: str) -> int:
    from .. import batch, refresh
    from ..ingest import Inputs
    from ..reconcile.barometer import barometer
    from ..reconcile.check import check_claim
    from ..registry import Registry
    from ..report import charts
    from ..report.json import dumps
    from ..report.reconcile import barometer_table, check_lines
    from ..store import Store

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    Path(db).unlink(missing_ok=True)
    registry = Registry.load()
    with as_file(files("sourcetrace").joinpath(*DEMO)) as corpus, Store.open(db) as store:
        _step(1, f"sourcetrace ingest {_shown(corpus)} --db {db}")
        report = batch.run(Inputs([corpus]), store, refresh.tracer(registry))  # as ingest: traces say what made them
        click.echo(report.summary())
        _step(2, f"sourcetrace barometer {INDICATOR} --scope {SCOPE} --db {db} "
                 f"--png {out / 'barometer.png'} --html {out / 'barometer.html'}")
        result = barometer(store.traces(), INDICATOR, registry, scope=SCOPE)
        click.echo(barometer_table(result))
        charts.render_png(result, out / "barometer.png")
        charts.render_html(result, out / "barometer.html")
        (out / "barometer.json").write_text(dumps(result, indent=2) + "\n", encoding="utf-8")
        click.echo(f"wrote {out / 'barometer.png'}, {out / 'barometer.html'} and {out / 'barometer.json'}")
        traces = list(store.traces())
    for number, (claim, published) in enumerate(CLAIMS, start=3):
        _step(number, f'sourcetrace check "{claim}" --published {published} --db {db}')
        click.echo("\n".join(check_lines(check_claim(claim, traces, registry, published))))
    click.echo(f"\nOpen {out / 'barometer.html'} in a browser: every point leads to the sentences behind it.")
    return 0


def _step(number: int, command: str) -> None:
    click.echo("")
    click.secho(f"── {number}. {command}", bold=True)


def _shown(path: Path) -> str:
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return str(path)
