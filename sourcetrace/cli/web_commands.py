"""``sourcetrace serve``: the web app over a store (``sourcetrace.web``), on uvicorn."""
from __future__ import annotations

import threading
import webbrowser
from pathlib import Path

import click

from ..errors import Errors, Warnings
from .options import db_option, registry_option
from ..web.settings import DEFAULTS
from .store_commands import open_store


@click.command(short_help="Browse the store in a web browser: documents, sources, barometers, checks.")
@db_option
@click.option("--host", default=DEFAULTS["host"], show_default=True,
              help="The address to listen on. Any other than this machine's is warned about (W008).")
@click.option("--port", type=int, default=DEFAULTS["port"], show_default=True, help="The port to listen on.")
@click.option("--token-file", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="A file whose first line is the bearer token uploads need. Default: $SOURCETRACE_TOKEN; "
                   "with neither, writes are off.")
@click.option("--max-upload-bytes", type=int, default=DEFAULTS["max_upload_bytes"], show_default=True, help="The most bytes an upload may have.")
@click.option("--max-upload-files", type=int, default=DEFAULTS["max_upload_files"], show_default=True, help="The most files an upload may hold.")
@click.option("--demo", is_flag=True, help="Serve the demo store (sourcetrace-demo.db, ingested from the shipped demo "
                                            "corpus when it is missing) instead of --db.")
@click.option("--open", "open_browser", is_flag=True, help="Open the documents page in the default browser.")
@registry_option
def serve(db, host, port, token_file, max_upload_bytes, max_upload_files, demo, open_browser, registry_file):
    """Serve the store as a web app: documents with full-text search, each document with its spans
    highlighted and its chains, sources, indicators' barometers, claim checks and uploads. Every
    page is also JSON at the same address with '.json' (/openapi.json describes them).

    Reading needs nothing. Uploads need the bearer token from $SOURCETRACE_TOKEN or --token-file;
    without one, writes are off.

    \b
    Examples:
      sourcetrace serve --demo --open
      sourcetrace serve --db reports.db --port 8080
      SOURCETRACE_TOKEN=$(openssl rand -hex 16) sourcetrace serve --db reports.db
    """
    import uvicorn

    from ..web import Config, create_app
    from ..web.security import is_local, load_token

    settings = DEFAULTS
    if demo:
        db = _demo_store()
    try:
        token = load_token(settings["token_env"], token_file)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--token-file") from None
    with open_store(db, create=False):  # a missing or foreign file is refused here, with its number
        pass
    if not is_local(host):
        click.echo(f"sourcetrace: {Warnings.W008.format(host=host)}", err=True)
    if token is None:
        click.echo(f"sourcetrace: {Warnings.W009.format(env=settings['token_env'])}", err=True)
    app = create_app(Config(db=Path(db), token=token, registry_file=registry_file,
                            settings={"max_upload_bytes": max_upload_bytes, "max_upload_files": max_upload_files}))
    where = f"http://{'[' + host + ']' if ':' in host else host}:{port}/documents"
    click.echo(f"sourcetrace: serving {db} at {where} (Ctrl-C stops)", err=True)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, (where,)).start()
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    finally:
        app.state.sourcetrace.close()


def _demo_store() -> str:
    """The demo corpus ingested into sourcetrace-demo.db, once."""
    from importlib.resources import as_file, files

    from .. import batch, refresh
    from ..ingest import Inputs
    from ..store import Store

    path = Path("sourcetrace-demo.db")
    if not path.is_file():
        click.echo("sourcetrace: ingesting the demo corpus into sourcetrace-demo.db ...", err=True)
        with as_file(files("sourcetrace").joinpath("examples", "demo", "demo.jsonl")) as corpus, Store.open(path) as store:
            batch.run(Inputs([corpus]), store, refresh.tracer())
    return str(path)


def register(cli) -> None:
    cli.add_command(serve)
