"""The typer applications and the one-line error handling every command shares."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.text import Text

from storydiff.errors import StorydiffError

app = typer.Typer(
    help=(
        "Compare news articles about one story: what the sources agree on, where they "
        "conflict, what only one reports, who said what, and how positions moved.\n\n"
        "Example:  storydiff analyze examples/story -o out"
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(
    help="Score storydiff against gold data; every command prints a table, or JSON with --json.",
    no_args_is_help=True,
)
app.add_typer(eval_app, name="eval")

# Messages carry what users gave (paths, URLs, titles, WARC targets): never read as rich
# markup or emoji codes, so "[/]" prints as itself instead of failing and "[red]" is kept.
# Colour comes only from ``note``'s label and from rich objects (tables, progress bars).
err_console = Console(stderr=True, markup=False, emoji=False)
console = Console(markup=False, emoji=False)


def note(label: str, style: str, message: str) -> None:
    """One line on stderr, its label coloured: ``skipped a.txt: binary file``."""
    err_console.print(Text.assemble((label, style), " ", message), highlight=False, soft_wrap=True)


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
