"""End-to-end: the CLI on the example story and the seeds, the cache, and bad input."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.cli import app
from storydiff.model import Article
from storydiff.pipeline import RunStats, gather_articles, run_story
from storydiff.report import validate
from storydiff.store import open_store

EXAMPLE_STORY = Path(__file__).resolve().parents[2] / "examples" / "story"

runner = CliRunner()


def _analyze(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["analyze", "--quiet", *args])
    return result.exit_code, result.output


@pytest.mark.slow
def test_example_story_gives_all_three_outputs(tmp_path: Path) -> None:
    code, output = _analyze(str(EXAMPLE_STORY), "-o", str(tmp_path))
    assert code == 0, output
    doc = json.loads((tmp_path / "dossier.json").read_text("utf-8"))
    validate(doc)
    assert len(doc["articles"]) == len(list(EXAMPLE_STORY.glob("*.txt")))
    html = (tmp_path / "dossier.html").read_text("utf-8")
    assert "<script src" not in html and "<link" not in html  # one self-contained file
    md = (tmp_path / "dossier.md").read_text("utf-8")
    assert "## Claim ledger" in md
    for claim in doc["claims"]:
        for member in claim["members"]:
            article = next(a for a in doc["articles"] if a["id"] == member["article"])
            assert article["text"][member["start"] : member["end"]] == member["text"]


@pytest.mark.slow
def test_seeds_give_a_valid_dossier(tmp_path: Path, shared: Path) -> None:
    code, output = _analyze(str(shared / "seeds"), "-o", str(tmp_path))
    assert code == 0, output
    validate(json.loads((tmp_path / "dossier.json").read_text("utf-8")))


@pytest.mark.slow
def test_unchanged_articles_come_from_the_store(tmp_path: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(EXAMPLE_STORY, story)
    extra = story / "01_wirewatch_vote.txt"
    held_back = extra.read_text("utf-8")
    extra.unlink()
    store = open_store(tmp_path / "s.db")
    _, first = run_story([story], store)
    _, second = run_story([story], store)
    extra.write_text(held_back, "utf-8")
    _, third = run_story([story], store)
    store.close()
    assert first.analysed == first.read and first.cached == 0
    assert second.analysed == 0 and second.cached == first.read
    assert third.analysed == 1 and third.cached == first.read


@pytest.mark.slow
def test_a_rerun_on_the_same_input_reuses_the_dossier(tmp_path: Path) -> None:
    story, out = tmp_path / "story", tmp_path / "out"
    shutil.copytree(EXAMPLE_STORY, story)
    assert _analyze(str(story), "-o", str(out))[0] == 0
    built = {name: (out / name).stat().st_mtime_ns for name in ("dossier.json", "dossier.html")}

    assert _analyze(str(story), "-o", str(out))[0] == 0
    assert {name: (out / name).stat().st_mtime_ns for name in built} == built

    (out / "dossier.html").unlink()  # a missing output is rebuilt, not trusted
    assert _analyze(str(story), "-o", str(out))[0] == 0
    assert (out / "dossier.html").is_file()

    rebuilt = (out / "dossier.json").stat().st_mtime_ns
    assert _analyze(str(story), "-o", str(out), "--summary", "3")[0] == 0
    assert (out / "dossier.json").stat().st_mtime_ns != rebuilt
    summary = json.loads((out / "dossier.json").read_text("utf-8"))["summary"]
    assert len(summary) <= 3

    changed = (out / "dossier.json").stat().st_mtime_ns
    first = sorted(story.glob("*.txt"))[0]
    first.write_text(first.read_text("utf-8") + "\nA new closing paragraph.\n", "utf-8")
    assert _analyze(str(story), "-o", str(out), "--summary", "3")[0] == 0
    assert (out / "dossier.json").stat().st_mtime_ns != changed


@pytest.mark.slow
def test_the_user_names_the_issue(tmp_path: Path) -> None:
    code, output = _analyze(
        str(EXAMPLE_STORY), "-o", str(tmp_path), "--issue", "the dredging of the Drenn estuary"
    )
    assert code == 0, output
    doc = json.loads((tmp_path / "dossier.json").read_text("utf-8"))
    assert doc["story"]["issue"] == "the dredging of the Drenn estuary"


@pytest.mark.parametrize("make_input", ["missing", "empty_folder", "only_binary"])
def test_nothing_usable_is_one_clear_line(tmp_path: Path, make_input: str) -> None:
    target = tmp_path / "in"
    if make_input == "empty_folder":
        target.mkdir()
    elif make_input == "only_binary":
        target.mkdir()
        (target / "photo.txt").write_bytes(b"\x89PNG\x00\x00\x01" * 64)
    code, output = _analyze(str(target), "-o", str(tmp_path / "out"))
    assert code == 2
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), output
    assert "Traceback" not in output


@pytest.mark.slow
def test_one_bad_file_is_skipped_and_the_rest_analysed(tmp_path: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(EXAMPLE_STORY, story)
    (story / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    code, output = _analyze(str(story), "-o", str(tmp_path / "out"))
    assert code == 0
    assert "skipped" in output and "broken.txt" in output and "binary" in output
    doc = json.loads((tmp_path / "out" / "dossier.json").read_text("utf-8"))
    assert len(doc["articles"]) == len(list(EXAMPLE_STORY.glob("*.txt")))
    assert [Path(r["source"]).name for r in doc["rejected"]] == ["broken.txt"]


def test_bad_published_option_is_explained(tmp_path: Path) -> None:
    code, output = _analyze(str(EXAMPLE_STORY), "--published", "a.txt=March", "-o", str(tmp_path))
    assert code == 2 and "FILE=DATE" in output


def test_help_teaches_with_examples() -> None:
    result = runner.invoke(app, ["analyze", "--help"])
    assert result.exit_code == 0
    assert "storydiff analyze examples/story -o out" in result.output


def _fake_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """The analysis replaced by a stub: these tests are about the messages around it."""
    import storydiff.cli.analyze as analyze_module

    def build(*args: object, **kwargs: object) -> dict[str, object]:
        output = args[2]
        assert isinstance(output, Path)
        output.mkdir(parents=True, exist_ok=True)
        return {}

    monkeypatch.setattr(analyze_module, "build_and_write", build)


@pytest.mark.parametrize("name", ["[red]gone.txt", "[b]bold:smile:.txt"])
def test_bracketed_names_are_printed_as_given_in_the_error_line(tmp_path: Path, name: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes(b"\x00\x01binary" * 10)
    code, output = _analyze(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 2 and "Traceback" not in output, output
    assert output.startswith("error: ") and len(output.strip().splitlines()) == 1
    assert name in output


def test_a_url_with_markup_is_one_error_line_not_a_markup_error(tmp_path: Path) -> None:
    url = "http://127.0.0.1:9/a[/]b[bold]c"  # the discard port: connection refused at once
    code, output = _analyze(url, "--allow-private", "-o", str(tmp_path / "out"))
    assert code == 2, output
    assert "MarkupError" not in output and url in output
    assert len(output.strip().splitlines()) == 1


def test_skipped_lines_keep_brackets_after_the_dossier_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_build(monkeypatch)
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sorted(EXAMPLE_STORY.glob("*.txt"))[0], folder / "a.txt")
    (folder / "[red]gone.txt").write_bytes(b"\x00\x01binary" * 10)
    url = "http://127.0.0.1:9/a[/]b"
    code, output = _analyze(str(folder), url, "--allow-private", "-o", str(tmp_path / "out"))
    assert code == 0, output
    skipped = [line for line in output.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 2, output
    assert any("[red]gone.txt: " in line for line in skipped)
    assert any(line.startswith(f"skipped {url}: ") for line in skipped)


def _no_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    import storydiff.cli.analyze as analyze_module

    def gather(*args: object, **kwargs: object) -> None:
        raise AssertionError("the output folder must be checked before any input is read")

    monkeypatch.setattr(analyze_module, "gather_articles", gather)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda root: root / "a-file", "is not a folder"),
        (lambda root: root / "a-file" / "out", "a-file is a file"),
        (lambda root: Path("/proc/storydiff-out"), "cannot write the dossier files in"),
    ],
    ids=["existing file", "under a file", "unwritable"],
)
def test_an_unusable_output_folder_is_one_line_before_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make: Callable[[Path], Path], expected: str
) -> None:
    _no_analysis(monkeypatch)
    (tmp_path / "a-file").write_text("not a folder", "utf-8")
    output = make(tmp_path)
    if not Path("/proc/self").is_dir() and str(output).startswith("/proc"):
        pytest.skip("needs Linux's /proc")
    code, out = _analyze(str(EXAMPLE_STORY), "-o", str(output))
    assert code == 2, out
    assert out.startswith("error: ") and expected in out and "Traceback" not in out
    assert len(out.strip().splitlines()) == 1
    assert (tmp_path / "a-file").read_text("utf-8") == "not a folder"


def test_a_new_output_folder_is_not_left_behind_by_a_failed_run(tmp_path: Path) -> None:
    code, out = _analyze(str(tmp_path / "missing"), "-o", str(tmp_path / "new" / "out"))
    assert code == 2 and out.startswith("error: [E001] nothing could be analysed")
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("command", ["analyze", "serve", "ingest", "stories"])
def test_a_db_url_of_another_database_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    import uvicorn

    _no_analysis(monkeypatch)
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("served a bad --db"))
    monkeypatch.chdir(tmp_path)
    args = {
        "analyze": ["analyze", "--quiet", str(EXAMPLE_STORY), "-o", str(tmp_path / "out")],
        "serve": ["serve"],
        "ingest": ["ingest", str(EXAMPLE_STORY)],
        "stories": ["stories"],
    }[command]
    result = runner.invoke(app, [*args, "--db", "mysql://desk:pw@db.local/news"])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("error: [E005] --db mysql://desk:***@db.local/news: ")
    assert len(result.output.strip().splitlines()) == 1 and "pw" not in result.output
    assert not (tmp_path / "mysql:").exists()


@pytest.mark.slow
def test_a_reused_dossier_still_fills_a_new_db(tmp_path: Path) -> None:
    from storydiff.analyse import analyser_version

    story, out = tmp_path / "story", tmp_path / "out"
    story.mkdir()
    for path in sorted(EXAMPLE_STORY.glob("*.txt"))[:2]:
        shutil.copy(path, story / path.name)
    assert _analyze(str(story), "-o", str(out))[0] == 0
    built = (out / "dossier.json").stat().st_mtime_ns

    other = tmp_path / "other.db"
    code, output = _analyze(str(story), "-o", str(out), "--db", str(other))
    assert code == 0, output
    articles, _ = gather_articles([story])
    store = open_store(other)
    try:
        assert all(store.get_analysis(a.key, analyser_version()) for a in articles)
    finally:
        store.close()
    rebuilt = (out / "dossier.json").stat().st_mtime_ns
    assert _analyze(str(story), "-o", str(out), "--db", str(other))[0] == 0
    assert (out / "dossier.json").stat().st_mtime_ns == rebuilt != built  # now reused


def _broken_build_story(monkeypatch: pytest.MonkeyPatch) -> None:
    """The analysis replaced by a dossier whose fourth timeline event breaks the schema."""
    import storydiff.outputs as outputs_module
    from storydiff.model import Dossier, Story, TimelineEvent

    def build(articles: list[Article], store: object, stats: RunStats, **_: object) -> Dossier:
        ids = {a.key: f"a{i}" for i, a in enumerate(articles, 1)}
        events = [
            TimelineEvent(f"t{i}", "vote", date, True, None, "a1", "vote", 0, 4)
            for i, date in enumerate(["2017", "2017-03", "2017-03-10", "2025-FA" + "x" * 200])
        ]
        story = Story("s1", "Port vote", None)
        return Dossier(story, articles, ids, timeline=events, rejections=stats.rejected)

    monkeypatch.setattr(outputs_module, "build_story", build)


def test_a_dossier_that_breaks_its_schema_is_written_and_named_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _broken_build_story(monkeypatch)
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(sorted(EXAMPLE_STORY.glob("*.txt"))[0], folder / "a.txt")
    (folder / "b.txt").write_bytes(b"\x00\x01binary" * 10)
    code, output = _analyze(str(folder), "-o", str(out))
    assert code == 2 and "Traceback" not in output, output
    lines = output.strip().splitlines()
    assert [line.split()[0] for line in lines] == ["skipped", "error:"], output
    error = lines[-1]
    assert 'timeline[3].date = "2025-FAxxx' in error and "..." in error and len(error) < 400
    assert f"wrote {out / 'dossier.json'}, dossier.html, dossier.md as they are" in error
    doc = json.loads((out / "dossier.json").read_text("utf-8"))
    assert doc["timeline"][3]["date"].startswith("2025-FA") and len(doc["articles"]) == 1
    assert (out / "dossier.html").is_file() and (out / "dossier.md").is_file()
    assert not (out / ".storydiff-run.json").exists()  # never reused as a good dossier


def test_a_page_that_cannot_render_a_broken_dossier_is_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storydiff.report as report

    _broken_build_story(monkeypatch)

    def cannot(doc: dict[str, object]) -> str:
        raise KeyError("date")

    monkeypatch.setattr(report, "render_html", cannot)
    out = tmp_path / "out"
    out.mkdir()
    (out / "dossier.html").write_text("an earlier run's page", "utf-8")
    code, output = _analyze(str(sorted(EXAMPLE_STORY.glob("*.txt"))[0]), "-o", str(out))
    assert code == 2 and "Traceback" not in output, output
    assert output.startswith("error: ") and len(output.strip().splitlines()) == 1
    assert f"wrote {out / 'dossier.json'}, dossier.md as they are" in output
    assert not (out / "dossier.html").exists() and (out / "dossier.md").is_file()


def test_published_dates_a_file_whose_name_holds_an_equals_sign() -> None:
    from storydiff.pipeline import PublishedDates

    article = Article(key="k", source="in/a=b.txt", text="x")
    article = PublishedDates(["a=b.txt=2017-03-10"])(article)
    assert article.published == "2017-03-10"


def test_a_name_cannot_break_the_error_line_or_reach_the_terminal(tmp_path: Path) -> None:
    """Found by the CLI property test: a name holding U+0085 (a line break to Python) split
    the error line in two; an ESC in it went to the terminal as an escape sequence."""
    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps({"a\x85b\x1b[2J.txt": {"published": "Q3 2019"}}), "utf-8")
    (tmp_path / "a.txt").write_text("The council met.", "utf-8")
    code, output = _analyze(str(tmp_path / "a.txt"), "--sidecar", str(meta), "-o", str(tmp_path))
    assert code == 2 and output.startswith("error: [E001] --sidecar") and output.count("\n") == 1
    assert "\x1b" not in output and "a b\\x1b[2J.txt" in output, output
