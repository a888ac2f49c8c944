"""Corpus mode end to end: ingest, stories (incremental, stable ids), analyze --story."""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.cli import app
from storydiff.store import open_store

from ..scale.corpus import event_corpus

runner = CliRunner(env={"COLUMNS": "200"})  # wide enough that table cells stay whole


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The mixed corpus in two halves, and an empty file and a missing path to refuse."""
    events = event_corpus(tmp_path / "all")
    for half, names in (("early", sorted(events)[:6]), ("late", sorted(events)[6:])):
        (tmp_path / half).mkdir()
        for name in names:
            shutil.copy(tmp_path / "all" / name, tmp_path / half / name)
    (tmp_path / "late" / "zz_empty.txt").write_text("  \n", "utf-8")
    return tmp_path, events


def _stories(db: Path) -> list[dict[str, object]]:
    """Group what is new, then read the stories (--json itself changes nothing)."""
    assert _run("stories", "--db", str(db), "--quiet")[0] == 0
    code, out, err = _run("stories", "--db", str(db), "--json")
    assert code == 0, err
    found: list[dict[str, object]] = json.loads(out)
    return found


def test_ingest_reports_refusals_and_is_idempotent(corpus: tuple[Path, dict[str, str]]) -> None:
    root, events = corpus
    db = root / "c.db"
    code, out, err = _run("ingest", str(root / "early"), str(root / "late"),
                          str(root / "missing"), "--db", str(db))  # fmt: skip
    assert code == 0, err
    refused = [line for line in err.splitlines() if line.startswith("refused")]
    assert len(refused) == 2
    assert any("zz_empty.txt" in line for line in refused)
    assert any("missing: no such file or folder" in line for line in refused)
    # the metro copy repeats the riverpost text word for word once cleaned: stored once
    assert f"stored {len(events) - 1} new articles, 1 already in the store, 2 refused" in out
    code, out, _ = _run("ingest", str(root / "early"), "--db", str(db), "--quiet")
    assert code == 0 and out == ""
    code, out, _ = _run("ingest", str(root / "early"), "--db", str(db))
    assert "stored 0 new articles, 6 already in the store" in out


def test_nothing_usable_is_one_error_line(tmp_path: Path) -> None:
    code, _, err = _run("ingest", str(tmp_path / "nowhere"), "--db", str(tmp_path / "c.db"))
    assert code == 2 and "error: [E001] nothing could be stored" in err


def test_stories_grow_incrementally_with_stable_ids(corpus: tuple[Path, dict[str, str]]) -> None:
    root, events = corpus
    db = root / "c.db"
    _run("ingest", str(root / "early"), "--db", str(db))
    first = {s["id"]: s for s in _stories(db)}
    _run("ingest", str(root / "late"), "--db", str(db))
    final = _stories(db)
    assert _stories(db) == final  # a re-run places nothing and renames nothing
    by_id = {s["id"]: s for s in final}
    for story_id, story in first.items():
        assert story["articles"] == by_id[story_id]["articles"][: len(story["articles"])]
    placed: dict[str, set[str]] = defaultdict(set)
    copies = {}
    for story in final:
        for article in story["articles"]:
            name = Path(article["source"]).name
            placed[events[name]].add(story["id"])
            if article["duplicate_of"]:
                copies[name] = article["duplicate_of"]
    assert all(len(ids) == 1 for ids in placed.values()) and len(final) == 3
    assert list(copies) == ["03_port_copy_dailyecho.txt"]
    port = next(iter(placed["port"]))
    assert copies["03_port_copy_dailyecho.txt"] == by_id[port]["articles"][0]["id"] == port


def test_the_list_shows_sizes_dates_and_outlets(corpus: tuple[Path, dict[str, str]]) -> None:
    root, _ = corpus
    db = root / "c.db"
    _run("ingest", str(root / "all"), "--db", str(db))
    code, out, err = _run("stories", "--db", str(db), "--list")
    assert code == 0 and "0 stories" in out  # listing groups nothing: no side effect
    code, out, err = _run("stories", "--db", str(db))
    assert code == 0 and "placed 11 new articles: 3 new stories, 1 copy marked" in err
    code, out, err = _run("stories", "--db", str(db), "--list")
    assert code == 0 and "placed" not in err
    assert "3 stories" in out and "Wirewatch" in out and "2024-03-14" in out
    port = next(s for s in _stories(db) if len(s["articles"]) == 5)
    assert str(port["id"]) in out
    titles = [line for line in out.splitlines() if str(port["id"]) in line]
    assert any(word in titles[0] for word in ("Velmara", "Port", "lease", "Sallis")), out


@pytest.mark.slow
def test_analyze_a_stored_story_and_find_its_quotes(
    corpus: tuple[Path, dict[str, str]],
) -> None:
    root, _ = corpus
    db = root / "c.db"
    _run("ingest", str(root / "all"), "--db", str(db))
    flood = next(s for s in _stories(db) if any("flood" in str(a["source"]) for a in s["articles"]))
    out_dir = root / "out"
    code, _, err = _run("analyze", "--db", str(db), "--story", str(flood["id"]), "-o",
                          str(out_dir), "--quiet")  # fmt: skip
    assert code == 0, err
    doc = json.loads((out_dir / "dossier.json").read_text("utf-8"))
    assert len(doc["articles"]) == len(flood["articles"]) == 3
    store = open_store(db)
    try:
        row = store.get_story(str(flood["id"]))
        assert row is not None and row.status == "done"
        assert any(h.kind == "quote" for h in store.search("Ardle high"))
        assert store.actor_quotes("Ines Marrow")
    finally:
        store.close()
    code, _, err = _run("analyze", "--db", str(db), "--story", "0000000000000000", "-o",
                        str(out_dir))  # fmt: skip
    assert code == 2 and "no story '0000000000000000'" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--story", "abc"], "--story reads a stored story: pass --db"),
        ([], "give articles to analyse"),
    ],
)
def test_analyze_without_articles_or_db_says_what_to_pass(
    tmp_path: Path, args: list[str], message: str
) -> None:
    code, _, err = _run("analyze", *args, "-o", str(tmp_path))
    assert code == 2 and message in err


def test_refusals_print_bracketed_names_as_given(corpus: tuple[Path, dict[str, str]]) -> None:
    root, _ = corpus
    (root / "early" / "[red]empty[/red].txt".replace("/", "_")).write_text(" \n", "utf-8")
    target = "http://127.0.0.1:9/a[/]b"  # a URL that names a closing tag; refused at once
    code, _, err = _run(
        "ingest", str(root / "early"), target, "--allow-private", "--db", str(root / "c.db")
    )
    assert code == 0, err
    refused = [line for line in err.splitlines() if line.startswith("refused")]
    assert any("[red]empty[_red].txt: " in line for line in refused), err
    assert any(line.startswith(f"refused {target}: ") for line in refused), err


def test_a_stored_storys_output_must_be_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x", "utf-8")
    code, _, err = _run(
        "analyze", "--db", str(tmp_path / "c.db"), "--story", "0" * 16,
        "-o", str(tmp_path / "a-file"),
    )  # fmt: skip
    assert code == 2 and err.startswith("error: [E001] -o ") and "is not a folder" in err, err
    assert not (tmp_path / "c.db").exists()  # refused before the store was opened


def test_a_story_is_named_by_a_prefix_of_its_id(corpus: tuple[Path, dict[str, str]]) -> None:
    from storydiff.errors import InputError
    from storydiff.scale.corpus import resolve_story_id
    from storydiff.store import open_store

    root, _ = corpus
    db = root / "c.db"
    _run("ingest", str(root / "all"), "--db", str(db))
    ids = [str(s["id"]) for s in _stories(db)]
    with open_store(db) as store:
        for story_id in ids:
            assert resolve_story_id(store, story_id[:8]) == story_id
            assert resolve_story_id(store, story_id) == story_id
        with pytest.raises(InputError, match="4\\+ characters"):
            resolve_story_id(store, ids[0][:3])
        with pytest.raises(InputError, match="no story 'zzzzzzzz'"):
            resolve_story_id(store, "zzzzzzzz")
