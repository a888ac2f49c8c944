"""``storydiff schema``: the JSON Schema of dossier.json, for scripts and validators."""

from __future__ import annotations

import json

import typer

from storydiff.cli.app import app


@app.command()
def schema() -> None:
    """Print the JSON Schema every dossier.json is validated against (storydiff.dossier/2).

    Example:  storydiff schema > dossier.schema.json
    """
    from storydiff.report.json_dossier import dossier_schema

    typer.echo(json.dumps(dossier_schema(), indent=1, ensure_ascii=False))
