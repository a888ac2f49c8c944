"""The typer applications and the one-line error handling every command shares."""

from __future__ import annotations

import contextlib
import inspect
import logging
import tempfile
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperCommand, TyperGroup, TyperOption

from storydiff.errors import InputError, StorydiffError

# -h as well as --help, as the field's tools take it.
_CONTEXT = {"help_option_names": ["-h", "--help"]}


def flowing(text: str | None) -> str | None:
    """Help text whose sentences flow: a paragraph's lines joined (the terminal wraps them, not
    the docstring's line breaks), indented lines (examples) kept one to a line, as written."""
    if not text:
        return text
    lines: list[str] = []
    for line in inspect.cleandoc(text).partition("\f")[0].splitlines():
        prose = line.strip() and not line.startswith(" ")
        if prose and lines and lines[-1].strip() and not lines[-1].startswith(" "):
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    return "\n".join(lines)


def _untyped_flags(params: list[Any]) -> list[Any]:
    """Flags take no value, so their help shows none: typer's rich help would write
    ``--quiet <bool>``, as if it wanted ``--quiet true``."""
    for param in params:
        if isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
            param.metavar = ""
    return params


class _Command(TyperCommand):
    """A command with flowing help, flags shown as flags, and its errors as one line each."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = flowing(self.help)

    def get_params(self, ctx: Any) -> list[Any]:
        return _untyped_flags(super().get_params(ctx))

    def invoke(self, ctx: Any) -> Any:
        with user_errors():  # also for a command that does not say so itself (the evals)
            return super().invoke(ctx)


class _Group(TyperGroup):
    """A command group with flowing help and flags shown as flags."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = flowing(self.help)

    def get_params(self, ctx: Any) -> list[Any]:
        return _untyped_flags(super().get_params(ctx))


class App(typer.Typer):
    """typer's application whose every command gets flowing help and flags shown as flags, so a
    command added later (``@app.command()``) needs nothing more to look like the others."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cls=_Group, context_settings=_CONTEXT, **kwargs)

    def command(self, name: str | None = None, **kwargs: Any) -> Callable[[Any], Any]:
        kwargs.setdefault("cls", _Command)
        return super().command(name, **kwargs)


app = App(
    help=(
        "Compare news articles about one story: what the sources agree on, where they "
        "conflict, what only one reports, who said what, and how positions moved.\n\n"
        "Example:  storydiff analyze examples/story -o out"
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
eval_app = App(
    help="Score storydiff against gold data; every command prints a table, or JSON with --json.",
    no_args_is_help=True,
)
app.add_typer(eval_app, name="eval")


def _print_version(wanted: bool) -> None:
    if wanted:
        from storydiff import __version__

        typer.echo(f"storydiff {__version__}")
        raise typer.Exit()


def _log_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    logging.getLogger("storydiff.warnings").info(
        "%s: %s (%s:%d)", category.__name__, message, filename, lineno
    )


@contextmanager
def logged_warnings(verbose: bool) -> Iterator[None]:
    """What libraries warn about goes to the ``storydiff`` log, never onto the terminal the way
    Python prints it (with a source path); ``-v`` shows that log on stderr."""
    log = logging.getLogger("storydiff")
    handler = logging.StreamHandler() if verbose else None  # stderr, as it is now
    before = log.level
    if handler is not None:
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.DEBUG)
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _log_warning
            yield
    finally:
        if handler is not None:
            log.removeHandler(handler)
            log.setLevel(before)


@app.callback()
def main(
    ctx: typer.Context,
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
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            help="Log details on stderr, libraries' warnings among them (hidden otherwise); "
            "give it before the command: storydiff -v analyze …",
        ),
    ] = False,
) -> None:
    """The options every command shares (the help text is the app's)."""
    ctx.with_resource(logged_warnings(verbose))


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
    """Turn every StorydiffError into one clear line, led by its code, instead of a traceback."""
    try:
        yield
    except StorydiffError as err:
        fail(err.line())


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
