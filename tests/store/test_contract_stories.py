"""The web app's stories (migrations 002, 004) and dossier indexing (003) on every backend."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from storydiff.store.records import StoryInput
from storydiff.store.sqlite import MIGRATIONS as SQLITE_MIGRATIONS

Opener = Callable[[], Any]
INPUTS = [StoryInput("a.txt", "text", "First."), StoryInput("b.html", "html", "<p>Second</p>")]


def _document(title: str = "Port lease") -> dict[str, Any]:
    """The parts of a dossier document the store indexes, written by hand."""
    citation = {"article": "a2", "start": 0, "end": 9, "text": "Ines Marrow opposed the lease."}
    return {
        "story": {"id": "s1", "title": title},
        "articles": [{"id": "a1", "source": "a.txt"}, {"id": "a2", "source": "b.html"}],
        "quotes": [
            {"article": "a1", "speaker_name": "Ines Marrow", "text": "We will not sell the port"},
            {"article": "a2", "speaker_name": "Piet Vandal", "text": "Tarnwell will not dig"},
            {"article": "a2", "speaker_name": None, "text": "an unattributed remark"},
        ],
        "stances": [
            {"actor_name": "Ines Marrow", "issue": "lease", "article": "a2", "date": "2017-03",
             "stance": "oppose", "evidence": [citation]},
            {"actor_name": "Ines Marrow", "issue": "lease", "article": "a1", "date": "2016",
             "stance": "support", "evidence": []},
        ],
    }  # fmt: skip


def test_both_backends_apply_the_same_migrations(opener: Opener) -> None:
    store = opener()
    assert store.applied_migrations() == [name for name, _ in SQLITE_MIGRATIONS]
    store.close()


def test_a_story_goes_from_queued_to_done(opener: Opener) -> None:
    store = opener()
    story_id = store.create_story("Lease", INPUTS)
    row = store.get_story(story_id)
    assert (row.status, row.inputs, row.title) == ("queued", 2, "Lease")
    assert store.story_inputs(story_id) == INPUTS
    assert store.unfinished_stories() == [story_id]
    store.set_progress(story_id, "analyse", 1, 2)
    assert store.get_story(story_id).stage == "analyse"
    assert store.story_document_text(story_id) is None
    store.finish_story(story_id, _document())
    row = store.get_story(story_id)
    assert (row.status, row.error) == ("done", None)
    assert store.unfinished_stories() == []
    assert '"Port lease"' in store.story_document_text(story_id)
    store.close()


def test_a_failed_story_keeps_its_reason_and_an_empty_title_takes_the_dossiers(
    opener: Opener,
) -> None:
    store = opener()
    failed = store.create_story("", INPUTS[:1])
    store.fail_story(failed, "nothing could be analysed")
    assert store.get_story(failed).error == "nothing could be analysed"
    untitled = store.create_story("", INPUTS[:1])
    store.finish_story(untitled, _document("From the dossier"))
    assert store.get_story(untitled).title == "From the dossier"
    assert [r.id for r in store.list_stories()] == [untitled, failed]
    assert store.get_story("0123456789abcdef") is None
    store.close()


def test_actor_pages_gather_quotes_and_stances_across_stories(opener: Opener) -> None:
    store = opener()
    first = store.create_story("Lease", INPUTS)
    store.finish_story(first, _document())
    store.save_dossier("00000000000000aa", _document("Second story"))
    quotes = store.actor_quotes("ines MARROW")
    assert [(q.story_id, q.source) for q in quotes] == [
        (first, "a.txt"),
        ("00000000000000aa", "a.txt"),
    ]
    assert quotes[1].story_title == "Second story"
    stances = store.actor_stances("Ines Marrow")
    assert [(s.date, s.stance) for s in stances] == [("2016", "support")] * 2 + [
        ("2017-03", "oppose")
    ] * 2
    assert stances[-1].evidence == "Ines Marrow opposed the lease."
    assert store.actor_quotes("Nobody") == [] and store.actor_stances("Nobody") == []
    store.close()


def test_finishing_again_reindexes_instead_of_adding(opener: Opener) -> None:
    store = opener()
    story_id = store.create_story("Lease", INPUTS)
    store.finish_story(story_id, _document())
    store.finish_story(story_id, _document())
    assert len(store.actor_quotes("Ines Marrow")) == 1
    assert len(store.actor_stances("Ines Marrow")) == 2
    store.close()


@pytest.mark.parametrize("query", ["sell port", "SELL, the PORT!"])
def test_quotes_in_dossiers_are_searchable(opener: Opener, query: str) -> None:
    store = opener()
    story_id = store.create_story("Lease", INPUTS)
    store.finish_story(story_id, _document())
    hits = store.search(query)
    assert [(h.kind, h.story_id, h.speaker, h.source) for h in hits] == [
        ("quote", story_id, "Ines Marrow", "a.txt")
    ]
    assert "sell" in hits[0].snippet
    store.close()


def test_a_story_takes_more_inputs_only_once_its_run_is_over(opener: Opener) -> None:
    store = opener()
    story_id = store.create_story("Lease", INPUTS[:1], issue="the lease")
    added = [StoryInput("c.txt", "text", "Third.")]
    assert not store.requeue_story(story_id, added, issue="the lease")  # queued: not yet
    store.finish_story(story_id, _document())
    assert store.get_story(story_id).revision == 1
    assert store.requeue_story(story_id, added, issue="the port")
    row = store.get_story(story_id)
    assert (row.status, row.inputs, row.issue, row.error) == ("queued", 2, "the port", None)
    assert store.story_inputs(story_id) == [INPUTS[0], *added]
    assert store.unfinished_stories() == [story_id]
    store.fail_story(story_id, "no luck")
    assert store.requeue_story(story_id, [], issue=None)  # a failed story runs again too
    assert store.get_story(story_id).issue is None
    assert not store.requeue_story("0123456789abcdef", added, issue=None)
    store.close()


def test_a_recorded_story_is_finished_at_once_and_recording_again_replaces_it(
    opener: Opener,
) -> None:
    store = opener()
    article = StoryInput("a.txt", "article", '{"key": "k1", "source": "a.txt", "text": "x"}')
    store.record_story("00000000000000bb", [article], _document(), issue="lease")
    row = store.get_story("00000000000000bb")
    assert (row.status, row.title, row.inputs) == ("done", "Port lease", 1)
    assert (row.issue, row.revision) == ("lease", 1)
    assert store.unfinished_stories() == []
    assert store.story_inputs("00000000000000bb") == [article]
    store.record_story("00000000000000bb", INPUTS, _document("Again"), summary_sentences=3)
    row = store.get_story("00000000000000bb")
    assert (row.title, row.inputs, row.issue) == ("Again", 2, None)
    assert (row.summary_sentences, row.revision) == (3, 2)
    assert len(store.actor_quotes("Ines Marrow")) == 1  # indexed once, not twice
    store.close()


def test_deleting_a_story_takes_its_inputs_and_index_but_not_a_running_one(
    opener: Opener,
) -> None:
    store = opener()
    story_id = store.create_story("Lease", INPUTS)
    store.finish_story(story_id, _document())
    other = store.create_story("Other", INPUTS[:1])
    store.set_progress(other, "analyse", 0, 1)
    assert not store.delete_story(other)  # being analysed
    assert store.delete_story(story_id)
    assert store.get_story(story_id) is None and store.story_inputs(story_id) == []
    assert store.actor_quotes("Ines Marrow") == [] and store.actor_stances("Ines Marrow") == []
    assert store.search("sell port") == []
    assert not store.delete_story(story_id)
    store.finish_story(story_id, _document())  # a run that ends after the delete adds nothing
    assert store.get_story(story_id) is None and store.actor_quotes("Ines Marrow") == []
    assert [r.id for r in store.list_stories()] == [other]
    store.close()
