"""``storydiff serve``: the web app on this machine, or beyond it only with an access token."""

from __future__ import annotations

from typing import Annotated

import typer

from storydiff.cli.app import app, console, user_errors
from storydiff.store.sqlite import sqlite_file
from storydiff.web.settings import Settings, check_bind, is_loopback


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    db: Annotated[str, typer.Option(help="SQLite store file.")] = "storydiff.db",
    token: Annotated[
        str | None,
        typer.Option(
            envvar="STORYDIFF_TOKEN",
            help="Access token (16+ characters); required on a non-loopback --host.",
        ),
    ] = None,
) -> None:
    """Serve the web app: add stories, watch their analysis, read and export dossiers.

    Binds to 127.0.0.1; listening on any other address needs --token, and browsers then
    open http://HOST:PORT/?token=TOKEN once. The JSON API is described at /api/docs.

    Examples:

      storydiff serve

      storydiff serve --db team.db --port 8080

      STORYDIFF_TOKEN=$(openssl rand -hex 16) storydiff serve --host 0.0.0.0
    """
    import uvicorn

    from storydiff.web import create_app

    with user_errors():
        check_bind(host, token)
        settings = Settings(
            db=sqlite_file(db), token=token, loopback_only=is_loopback(host) and not token
        )
        web_app = create_app(settings)
    shown = f"[{host}]" if ":" in host else host
    console.print(f"storydiff serving {db} at http://{shown}:{port}/  (Ctrl-C stops)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning", server_header=False)
