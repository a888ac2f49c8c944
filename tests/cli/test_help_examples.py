"""Every command's --help, and every example line in the help texts and the README, runs as
written (issue 18): the documented exit code (0), no traceback, no Python warning.

The commands are read from the typer app, never listed by hand, so a new command is checked
the day it is added. Examples run in a fresh folder through bash, as a reader would paste them,
with the files they name made there: the repository's ``examples/`` and ``tests/``, small
generated inputs (``a.txt``, ``b.html``, ``export.jsonl``, ``corpus/``, ``inbox/``, a
``corpus.db`` with one stored story) and ``../shared`` when it is present beside the repository.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from storydiff.cli import app

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
BIN = Path(sys.executable).parent  # the venv's bin, where the storydiff script is installed

# A line of a help text or a README code block that is a command to run: "storydiff …",
# "$ storydiff …", "Example:  storydiff …", each maybe after VAR=value settings.
_EXAMPLE = re.compile(r"^\s*(?:\$\s+|Examples?:\s+)?((?:[A-Z_]+=\S+\s+)*storydiff\s.*?)\s*$")
_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_PYTHON_WARNING = re.compile(r"\b\w*Warning\b")  # UserWarning, FutureWarning, "Warning:"; not
# storydiff's own lower-case "warning:" lines, which are messages for the user

# Whole-data-set evaluations take minutes: their examples run on the first few documents (the
# options are appended, so they override the example's own), which runs the same code.
TINY: dict[tuple[str, ...], list[str]] = {
    ("eval", "attribution"): ["--limit", "2"],
    ("eval", "timex"): ["--limit", "2"],
    ("eval", "gva"): ["--limit", "1"],
    ("eval", "dates"): ["--limit", "5"],
    ("eval", "support"): ["--limit", "10"],
    ("eval", "sentiment"): ["--limit", "10"],
    ("eval", "stories"): ["--topic", "1"],
    ("eval", "extraction"): ["--limit", "3", "--workers", "1"],
    ("eval", "cleaning"): ["--limit", "3", "--workers", "1"],
    ("batch",): ["--workers", "1"],  # one Dask worker process: the same work, less start-up
}
# Examples checked for --help only, each with why.
HELP_ONLY: dict[tuple[str, ...], str] = {
    ("serve",): "starts a web server that runs until stopped (tests/web covers the app)",
    ("eval", "dev-stories"): (
        "analyses ten whole stories (36 articles) and has no --limit; "
        "tests/evaluate/test_dev_stories.py runs the same evaluation"
    ),
    ("eval", "quantities"): (
        "scores the whole of tests/data/newsquant_dev.json and has no --limit; "
        "tests/evaluate/test_quantities_eval.py runs the same evaluation"
    ),
}
# The quick start runs on an empty store, as a new user's first run does; every other example
# finds the example story's analyses stored, which keeps this test to about a minute.
FIRST_RUN = "storydiff analyze examples/story -o out"
# Names in examples that stand for things on a network: URLs, servers, lists of URLs.
NETWORK = ("://", "feed.xml", "feeds.txt", "urls.txt")

STRAY = (
    "The city library will open a new reading room for children on Saturday, the head "
    "librarian Mara Lindqvist said. The room holds 4,000 picture books donated by local "
    "families over the past two years, and volunteers will read aloud every weekend.\n"
)

runner = CliRunner()


def _command_tree() -> list[tuple[tuple[str, ...], Any]]:
    """Every command and command group of the app, with its path of names."""
    found: list[tuple[tuple[str, ...], Any]] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:
        found.append((path, command))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return found


COMMANDS = _command_tree()
PATHS = {path for path, _ in COMMANDS}


@dataclass(frozen=True)
class Example:
    where: str  # "storydiff analyze --help" or "README.md"
    line: str

    @property
    def command(self) -> tuple[str, ...]:
        """The command path the line runs: ("eval", "gva") for ``storydiff eval gva …``."""
        words = shlex.split(self.line, comments=True)
        words = words[next(i for i, w in enumerate(words) if w == "storydiff") + 1 :]
        path: tuple[str, ...] = ()
        for word in words:
            if word.startswith("-"):
                continue
            if (*path, word) not in PATHS:
                break
            path = (*path, word)
        return path


def _examples() -> list[Example]:
    found: dict[tuple[str, ...], Example] = {}  # one run per command, whatever its comment

    def add(where: str, text: str) -> None:
        for line in text.splitlines():
            if match := _EXAMPLE.match(line):
                found.setdefault(
                    tuple(shlex.split(match[1], comments=True)), Example(where, match[1])
                )

    for path, command in COMMANDS:
        add(" ".join(("storydiff", *path, "--help")), command.help or "")
    for block in _FENCE.findall((REPO / "README.md").read_text("utf-8")):
        add("README.md", block)
    return list(found.values())


EXAMPLES = _examples()


@pytest.mark.parametrize("path", sorted(PATHS), ids=lambda p: " ".join(p) or "storydiff")
def test_every_command_has_working_help(path: tuple[str, ...]) -> None:
    for flag in ("--help", "-h"):
        result = runner.invoke(app, [*path, flag], prog_name="storydiff")
        assert result.exit_code == 0, result.output
        assert "Usage: storydiff" in result.output
        assert "Traceback" not in result.output
        assert not _PYTHON_WARNING.search(result.output), result.output
        assert "<bool>" not in result.output, "a flag is shown as taking a value"


@pytest.mark.parametrize("path", sorted(PATHS), ids=lambda p: " ".join(p) or "storydiff")
def test_help_text_flows(path: tuple[str, ...]) -> None:
    """No sentence broken by the docstring's line breaks: prose paragraphs are one line each
    (the terminal wraps them); only indented lines (examples) stand on their own."""
    command = dict(COMMANDS)[path]
    lines = (command.help or "").splitlines()
    for before, after in itertools.pairwise(lines):
        prose = [bool(x.strip()) and not x.startswith(" ") for x in (before, after)]
        assert not all(prose), f"a sentence is broken between {before!r} and {after!r}"


def test_every_command_shows_an_example() -> None:
    leaves = [path for path, command in COMMANDS if not getattr(command, "commands", None)]
    shown = {example.command for example in EXAMPLES if example.where != "README.md"}
    assert [path for path in leaves if path not in shown] == []


def test_the_tables_of_this_test_name_real_commands() -> None:
    assert set(TINY) | set(HELP_ONLY) <= PATHS


def test_the_quick_start_is_an_example() -> None:
    assert FIRST_RUN in [example.line for example in EXAMPLES]


def test_examples_name_real_commands() -> None:
    for example in EXAMPLES:
        words = shlex.split(example.line, comments=True)
        after = [w for w in words[words.index("storydiff") + 1 :] if not w.startswith("-")]
        if not after or example.command == ():  # "storydiff --help", "storydiff --version"
            assert not after, f"{example.where}: {example.line!r} names no command of the app"
            continue
        command = dict(COMMANDS)[example.command]
        assert not getattr(command, "commands", None), f"{example.line!r} stops at a group"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small inputs examples name, made once: every example gets links to them."""
    made = tmp_path_factory.mktemp("inputs")
    story = sorted((REPO / "examples" / "story").glob("*.txt"))
    shutil.copy(story[0], made / "a.txt")
    title, _, body = story[1].read_text("utf-8").partition("\n")
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    (made / "b.html").write_text(
        f"<html><head><title>{title}</title></head><body><nav>Home | Ports | Contact</nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article></body></html>",
        "utf-8",
    )
    with (made / "export.jsonl").open("w", encoding="utf-8") as file:
        for number, path in enumerate(story[2:], start=3):
            record = {
                "title": path.stem,
                "maintext": path.read_text("utf-8"),
                "source_domain": "example.org",
                "url": f"https://example.org/{number}",
            }
            file.write(json.dumps(record) + "\n")
    shutil.copytree(REPO / "examples" / "story", made / "corpus")
    shutil.copytree(REPO / "examples" / "story", made / "inbox")
    (made / "inbox" / "library.txt").write_text(STRAY, "utf-8")
    db = str(made / "corpus.db")
    for args in (
        ["ingest", str(made / "corpus"), "--db", db, "-q"],
        ["stories", "--db", db],
        ["analyze", str(REPO / "examples" / "story"), "-o", str(made / "warm"), "-q"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    return made


def _story_id(inputs: Path) -> str:
    result = runner.invoke(app, ["stories", "--db", str(inputs / "corpus.db"), "--json"])
    return str(json.loads(result.stdout)[0]["id"])


def _workspace(root: Path, inputs: Path, *, warm: bool) -> Path:
    """A folder to run one example in, as if it were a checkout with the user's files.

    ``warm``: the example story's analyses are in the stores the examples name (out/ and
    team.db), as after a first run, so each analyze example does not load spaCy again."""
    work = root / "work"
    work.mkdir()
    if SHARED.is_dir():
        (root / "shared").symlink_to(SHARED)  # ../shared, seen from the folder
    for name in ("examples", "tests"):
        (work / name).symlink_to(REPO / name)
    for made in inputs.iterdir():
        if made.suffix == ".db":
            shutil.copy(made, work / made.name)  # examples write to it
        elif made.name != "warm":
            (work / made.name).symlink_to(made)
    if warm:
        (work / "out").mkdir()
        for store in (work / "out" / "storydiff.db", work / "team.db"):
            shutil.copy(inputs / "warm" / "storydiff.db", store)
    return work


def _runnable(example: Example, work: Path) -> str:
    """The line as it runs here, or a skip with the reason."""
    if example.command in HELP_ONLY:
        pytest.skip(HELP_ONLY[example.command])
    if any(word in example.line for word in NETWORK):
        pytest.skip("needs the network or a server; the command's --help is checked")
    for word in shlex.split(example.line, comments=True):
        if word.startswith("../shared/") and not (work / word).exists():
            pytest.skip(f"{word} is not here (the data sets live beside the repository)")
    if "| jq" in example.line and shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    line = example.line
    extra = TINY.get(example.command)
    if extra:
        parts = re.split(r"(\s[|>#]\s?)", line, maxsplit=1)  # before a pipe, redirect or comment
        command, after, rest = (*parts, "", "")[:3]
        line = f"{command} {shlex.join(extra)}{after}{rest}"
    return line


@pytest.mark.slow
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"{e.where}: {e.line}"[:90])
def test_example_runs_as_written(example: Example, inputs: Path, tmp_path: Path) -> None:
    work = _workspace(tmp_path, inputs, warm=example.line != FIRST_RUN)
    line = _runnable(example, work)
    if "--story" in line:  # a story id stands for the one the reader's store holds
        line = re.sub(r"(--story\s+)[0-9a-f]{8,}", rf"\g<1>{_story_id(inputs)}", line)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("PYTHONWARNINGS", None)  # the warnings a user would see, no more and no fewer
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", line],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = done.stdout + done.stderr
    shown = f"{example.where}: {line}\n{output[-3000:]}"
    assert done.returncode == 0, shown
    assert "Traceback" not in output, shown
    assert not _PYTHON_WARNING.search(output), shown
    assert not re.search(r"^(error:|skipped |refused )", done.stderr, re.MULTILINE), shown
