"""Changing a stored story: more articles (or another issue) and a new run, or deleting it.

The story page's forms and the JSON API share these checks: a story being analysed is left
alone (409), a story holds at most ``max_articles`` articles however they came, and added
articles come through ``inputs`` with the same limits and URL policy as a new story's.
"""

from __future__ import annotations

from collections.abc import Sequence

from storydiff.store import stories
from storydiff.store.records import StoryInput, StoryRow
from storydiff.web.errors import WebError
from storydiff.web.settings import Settings
from storydiff.web.state import AppState


def issue(given: object, settings: Settings) -> str | None:
    """The disputed question as the user wrote it, bounded; empty is none (found by the run)."""
    text = given.strip() if isinstance(given, str) else ""
    return text[: settings.max_issue_chars] or None


def next_issue(row: StoryRow, given: object, settings: Settings) -> str | None:
    """The issue for a new run: the story's own when none is sent, else what is sent."""
    return row.issue if given is None else issue(given, settings)


def _busy(action: str) -> WebError:
    return WebError(409, "busy", f"the story is being analysed; {action} once it is done")


def check_added(row: StoryRow, given: Sequence[object], rerun: bool, settings: Settings) -> None:
    """Refuse before anything is fetched: a story still being analysed, a change that changes
    nothing, or more articles than a story may hold."""
    if row.status not in ("done", "failed"):
        raise _busy("add articles")
    if not given and not rerun:
        raise WebError(
            422,
            "no_articles",
            "add at least one article (paste text, upload files or give URLs), or change the "
            "issue to analyse the story again",
        )
    if row.inputs + len(given) > settings.max_articles:
        raise WebError(
            413,
            "too_many_articles",
            f"a story holds at most {settings.max_articles} articles; this one has {row.inputs}",
        )


def requeue(st: AppState, story_id: str, added: list[StoryInput], issue: str | None) -> None:
    """Keep the added articles and analyse the story again (blocking: call from a thread)."""
    if not stories.requeue_story(st.settings.db, story_id, added, issue=issue):
        raise _busy("add articles")  # a second form sent meanwhile started a run
    st.runner.submit(story_id)


def delete(st: AppState, story_id: str) -> None:
    """Delete a story with its articles list and dossier, unless it is being analysed."""
    if stories.get_story(st.settings.db, story_id) is None:
        raise WebError(404, "not_found", "no such story")
    if not stories.delete_story(st.settings.db, story_id):
        raise _busy("delete it")
