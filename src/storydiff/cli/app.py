"""The typer applications and the one-line error handling every command shares."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from storydiff.errors import InputError, StorydiffError

# -h as well as --help, as the field's tools take it.
_CONTEXT = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(
    help=(
        "Compare news articles about one story: what the sources agree on, where they "
        "conflict, what only one reports, who said what, and how positions moved.\n\n"
        "Example:  storydiff analyze examples/story -o out"
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings=_CONTEXT,
)
eval_app = typer.Typer(
    help="Score storydiff against gold data; every command prints a table, or JSON with --json.",
    no_args_is_help=True,
    context_settings=_CONTEXT,
)
app.add_typer(eval_app, name="eval")


def _print_version(wanted: bool) -> None:
    if wanted:
        from storydiff import __version__

        typer.echo(f"storydiff {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            help="Print the version and exit.",
            callback=_print_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """The options every command shares (the help text is the app's)."""


# Messages carry what users gave (paths, URLs, titles, WARC targets): never read as rich
# markup or emoji codes, so "[/]" prints as itself instead of failing and "[red]" is kept.
# Colour comes only from ``note``'s label and from rich objects (tables, progress bars).
err_console = Console(stderr=True, markup=False, emoji=False)
console = Console(markup=False, emoji=False)


# Control characters a name may carry (a file name, a WARC target, a feed link), shown as
# \x1b and never sent to the terminal, where ESC [2J clears the screen and an OSC sequence sets
# the title. A tab is a space.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))} | {0x09: " "}


def printable(message: str) -> str:
    """``message`` on one line (every line break a space, the Unicode ones too) with no
    control characters, as the terminal should show it."""
    return " ".join(message.splitlines()).translate(_CONTROLS)


def note(label: str, style: str, message: str) -> None:
    """One line on stderr, its label coloured: ``skipped a.txt: binary file``."""
    line = Text.assemble((label, style), " ", printable(message))
    err_console.print(line, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 2) -> None:
    """One line on stderr and a non-zero exit: what, where, how to fix."""
    note("error:", "bold red", message)
    raise typer.Exit(code)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn every StorydiffError into one clear line instead of a traceback."""
    try:
        yield
    except StorydiffError as err:
        fail(str(err))


def check_output_folder(folder: Path) -> None:
    """Refuse an ``-o`` that is a file or cannot be created or written, before any work.

    The folder is created and a file written in it to be sure (no permission check is as good),
    and what did not exist before is removed again: a failed run leaves nothing behind.
    """
    how = "pass a folder you can write to, e.g. -o out"
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    found = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if found is not None and not found.is_dir():
        where = "" if found == folder else f" ({found} is a file)"
        raise InputError(f"-o {folder} is not a folder{where}; {how}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as err:
        reason = (err.strerror or type(err).__name__).lower()
        raise InputError(f"cannot write the dossier files in {folder} ({reason}); {how}") from None
    finally:
        for made in missing:  # deepest first
            with contextlib.suppress(OSError):
                made.rmdir()
