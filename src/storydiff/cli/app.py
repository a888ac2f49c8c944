"""The typer applications and the one-line error handling every command shares."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

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

err_console = Console(stderr=True)
console = Console()


def fail(message: str, code: int = 2) -> None:
    """One line on stderr and a non-zero exit: what, where, how to fix."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn every StorydiffError into one clear line instead of a traceback."""
    try:
        yield
    except StorydiffError as err:
        fail(str(err))
