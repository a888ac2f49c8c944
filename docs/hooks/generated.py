"""MkDocs hook: the parts of the site made at build time from the code and the README, so the
documentation cannot drift from what the program does.

A page asks for a part with a marker on a line of its own:

- ``<!-- storydiff:cli -->``: every command's ``--help``, as the terminal prints it.
- ``<!-- storydiff:readme SECTION -->``: the README's ``## SECTION``, up to the next ``##``
  heading, with its headings one level up and its links made to work from the site.
- ``<!-- storydiff:schema-fields -->``: every field of the dossier's JSON Schema, as a table.
- ``<!-- storydiff:openapi -->``: the web app's operations, from its OpenAPI document.

It also adds two files to the site: ``dossier.schema.json`` and ``openapi.json``.
A marker it does not know, or a README section that is gone, fails the build.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]
MARKER = re.compile(r"^<!-- storydiff:([a-z-]+)(?: (.*?))? -->$", re.MULTILINE)
HELP_WIDTH = 80  # what fits the page's text column


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The schema and the OpenAPI document as files a reader can download."""
    from storydiff.schema import __file__ as schema_init

    schema = (Path(schema_init).parent / "dossier.schema.json").read_text(encoding="utf-8")
    files.append(File.generated(config, "dossier.schema.json", content=schema))
    files.append(File.generated(config, "openapi.json", content=json.dumps(_openapi(), indent=1)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    def expand(match: re.Match[str]) -> str:
        kind, argument = match.group(1), (match.group(2) or "").strip()
        if kind == "cli":
            return _cli_reference()
        if kind == "readme":
            return _readme_section(argument)
        if kind == "schema-fields":
            return _schema_fields()
        if kind == "openapi":
            return _operations()
        raise PluginError(f"{page.file.src_path}: unknown marker storydiff:{kind}")

    return MARKER.sub(expand, markdown)


# --- the command line ------------------------------------------------------------------------


def _commands(command: Any, path: list[str]) -> list[tuple[list[str], Any]]:
    """The command tree, depth first, in the order ``--help`` lists it."""
    found = [(path, command)]
    for name, sub in (getattr(command, "commands", None) or {}).items():
        if not getattr(sub, "hidden", False):
            found += _commands(sub, [*path, name])
    return found


def _cli_reference() -> str:
    import typer
    from typer.testing import CliRunner

    from storydiff.cli import app

    runner = CliRunner()
    env = {"COLUMNS": str(HELP_WIDTH), "NO_COLOR": "1", "TERM": "dumb"}
    parts = []
    for path, command in _commands(typer.main.get_command(app), []):
        result = runner.invoke(
            app, [*path, "--help"], prog_name="storydiff", env=env, terminal_width=HELP_WIDTH
        )
        name = " ".join(["storydiff", *path])
        if result.exit_code != 0:
            raise PluginError(f"`{name} --help` exited {result.exit_code}: {result.output}")
        text = "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())
        level = "#" * min(len(path) + 1, 4)
        summary = (command.short_help or (command.help or "").split("\n")[0]).strip()
        parts.append(f"{level} `{name}`\n\n{summary}\n\n```text\n{text.strip()}\n```\n")
    return "\n".join(parts)


# --- the README ------------------------------------------------------------------------------

_LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]+)\)")


def _site_link(match: re.Match[str]) -> str:
    """A README link as it works from a page of the site."""
    bang, text, target = match.groups()
    if re.match(r"[a-z]+:", target) or target.startswith("#"):
        return match.group(0)
    if target.startswith("docs/"):  # the README's pictures live in the docs folder
        return f"{bang}[{text}]({target.removeprefix('docs/')})"
    if bang:  # a picture that is not in the site: its name only
        return f"`{target}`"
    return f"`{target}` (in the repository)" if text == target else f"{text} (`{target}`)"


def _readme_section(title: str) -> str:
    if not title:
        raise PluginError("storydiff:readme needs a section title")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pattern = rf"^## {re.escape(title)}[ \t]*\n(.*?)(?=^## |\Z)"
    match = re.search(pattern, readme, flags=re.MULTILINE | re.DOTALL)
    if match is None:
        raise PluginError(f"README.md has no section '## {title}'")
    body = re.sub(r"^(#{3,6}) ", lambda m: m.group(1)[1:] + " ", match.group(1), flags=re.M)
    return _LINK.sub(_site_link, body).strip() + "\n"


# --- the dossier schema ----------------------------------------------------------------------


def _type_of(node: dict[str, Any]) -> str:
    if "const" in node:
        return f"`{json.dumps(node['const'])}`"
    if "enum" in node:
        return " · ".join(f"`{json.dumps(v)}`" for v in node["enum"])
    kinds = node.get("type")
    if kinds is None and "oneOf" in node:
        return " or ".join(_type_of(option) for option in node["oneOf"])
    if isinstance(kinds, list):
        return " or ".join(kinds)
    if kinds == "array":
        return f"array of {_type_of(node.get('items', {}))}"
    return str(kinds or "any")


def _object_of(node: dict[str, Any]) -> dict[str, Any] | None:
    """The object schema inside ``node`` (itself, its items, or a oneOf branch)."""
    if "properties" in node:
        return node
    if isinstance(node.get("items"), dict):
        return _object_of(node["items"])
    for option in node.get("oneOf", []):
        found = _object_of(option)
        if found is not None:
            return found
    return None


_TABLE_HEAD = "| field | type | required | description |\n|---|---|---|---|"


def _row(path: str, child: dict[str, Any], required: bool) -> str:
    kind = re.sub(r"array of object(?: or null)?", "array of objects", _type_of(child))
    description = " ".join(str(child.get("description", "")).split())
    mark = "yes" if required else ""
    return f"| `{path}` | {kind.replace('|', '&#124;')} | {mark} | {description} |"


def _fields(node: dict[str, Any], prefix: str) -> list[str]:
    """Rows for every field under ``node``, paths relative to the section's field."""
    rows = []
    required = set(node.get("required", []))
    for name, child in node.get("properties", {}).items():
        path = f"{prefix}{name}"
        rows.append(_row(path, child, name in required))
        inner = _object_of(child)
        if inner is not None:
            many = "[]" if "items" in child else ""
            rows += _fields(inner, f"{path}{many}.")
    return rows


def _schema_fields() -> str:
    """A table of the top level, then one section per object or array of objects in it."""
    from storydiff.schema import __file__ as schema_init

    schema = json.loads((Path(schema_init).parent / "dossier.schema.json").read_text("utf-8"))
    required = set(schema.get("required", []))
    top = [_TABLE_HEAD]
    sections = []
    for name, child in schema["properties"].items():
        top.append(_row(name, child, name in required))
        inner = _object_of(child)
        if inner is not None:
            many = "[]" if "items" in child else ""
            sections.append(
                f"### `{name}`\n\n`{name}{many}` is {_type_of(child).replace('|', '&#124;')}"
                f" with these fields:\n\n{_TABLE_HEAD}\n" + "\n".join(_fields(inner, "")) + "\n"
            )
    return "\n".join(top) + "\n\n" + "\n".join(sections)


# --- the web app's JSON API ------------------------------------------------------------------

_OPENAPI: dict[str, Any] = {}


def _openapi() -> dict[str, Any]:
    if not _OPENAPI:
        from storydiff.web import Settings, create_app

        with tempfile.TemporaryDirectory() as tmp:
            _OPENAPI.update(create_app(Settings(db=Path(tmp) / "docs.db")).openapi())
    return _OPENAPI


def _operations() -> str:
    rows = ["| method | path | what |", "|---|---|---|"]
    for path, methods in _openapi()["paths"].items():
        for method, op in methods.items():
            # The docstring's first paragraph says more than FastAPI's summary ("Api Search").
            said = str(op.get("description") or op.get("summary", "")).split("\n\n")[0]
            what = " ".join(said.replace("``", "`").split())
            rows.append(f"| `{method.upper()}` | `{path}` | {what} |")
    return "\n".join(rows) + "\n"
