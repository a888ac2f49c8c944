"""The JSON API: the same stories as the pages, and each dossier exactly as dossier.json."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from storydiff.store import stories
from storydiff.store.records import StoryInput
from storydiff.web import cache, changes, inputs
from storydiff.web.errors import ERROR_RESPONSES, WebError
from storydiff.web.security import require_json, require_same_site
from storydiff.web.settings import Settings
from storydiff.web.state import state

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES, tags=["stories"])
StoryId = Annotated[str, Path(pattern=r"^[0-9a-f]{16}$", description="A story id (16 hex).")]


class ArticleIn(BaseModel):
    name: str = Field("article", max_length=200, description="A label shown in the dossier.")
    text: str = Field(description="The article as plain text or HTML.")


class ArticlesIn(BaseModel):
    articles: list[ArticleIn] = Field(default_factory=list)
    urls: list[str] = Field(
        default_factory=list,
        max_length=100,
        description="Article URLs to fetch; private and loopback addresses are refused.",
    )


class StoryIn(ArticlesIn):
    title: str = Field("", max_length=300, description="Empty: the dossier's own title.")
    issue: str = Field(
        "",
        max_length=200,
        description="The disputed question, in your words; empty: found from what the "
        "articles repeat.",
    )
    example: bool = Field(False, description="Use the bundled example story instead.")


class AddIn(ArticlesIn):
    issue: str | None = Field(
        None,
        max_length=200,
        description="The question for the new run: null keeps the story's, empty lets the "
        "analysis find it. Changing it with no articles runs the story again.",
    )


class StoryOut(BaseModel):
    id: str
    title: str
    status: Literal["queued", "running", "done", "failed"]
    stage: str
    done: int
    total: int
    error: str | None
    inputs: int
    issue: str | None = Field(description="The question the story is analysed with, if given.")
    created_at: str
    updated_at: str
    page: str = Field(description="The story's page in the app.")
    dossier: str = Field(description="Where the dossier JSON is once status is done.")


class StoriesOut(BaseModel):
    stories: list[StoryOut]


def _out(row: stories.StoryRow) -> StoryOut:
    return StoryOut(
        id=row.id,
        title=row.title,
        status=row.status,
        stage=row.stage,
        done=row.done,
        total=row.total,
        error=row.error,
        inputs=row.inputs,
        issue=row.issue,
        created_at=row.created_at,
        updated_at=row.updated_at,
        page=f"/stories/{row.id}",
        dossier=f"/api/stories/{row.id}/dossier",
    )


def _row(request: Request, story_id: str) -> stories.StoryRow:
    row = stories.get_story(state(request).settings.db, story_id)
    if row is None:
        raise WebError(404, "not_found", "no such story")
    return row


@router.get("/health", tags=["meta"])
def health() -> dict[str, str]:
    """Liveness: the server answers."""
    return {"status": "ok"}


@router.get("/stories")
def list_stories(request: Request) -> StoriesOut:
    """Every story in the store, newest first."""
    return StoriesOut(stories=[_out(r) for r in stories.list_stories(state(request).settings.db)])


async def _articles(
    body: ArticlesIn, settings: Settings, check: Callable[[list[object]], None]
) -> list[StoryInput]:
    """The sent articles and the fetched URLs; ``check`` sees them (URLs not yet fetched)
    first, so a refused request fetches nothing."""
    found = [
        inputs.from_text(a.name, a.text, f"article {n}", settings)
        for n, a in enumerate(body.articles, start=1)
    ]
    urls = inputs.url_list(body.urls, settings)
    check([*found, *urls])
    return found + await run_in_threadpool(inputs.from_urls, urls, settings)


@router.post("/stories", status_code=202, dependencies=[Depends(require_json)])
async def create_story(request: Request, body: StoryIn) -> StoryOut:
    """Store a story and queue its analysis; poll the story until ``status`` is done."""
    settings = state(request).settings
    if body.example:
        found = inputs.example(settings)
    else:
        found = await _articles(body, settings, lambda given: inputs.check_count(given, settings))
    issue = changes.issue(body.issue, settings)
    story_id = await run_in_threadpool(
        partial(stories.create_story, settings.db, body.title, found, issue=issue)
    )
    state(request).runner.submit(story_id)
    return _out(_row(request, story_id))


@router.post("/stories/{story_id}/articles", status_code=202, dependencies=[Depends(require_json)])
async def add_articles(request: Request, story_id: StoryId, body: AddIn) -> StoryOut:
    """Add articles to a finished (or failed) story and analyse it again, with the story's
    issue unless another is sent; poll the story until ``status`` is done. A story being
    analysed answers 409."""
    st = state(request)
    row = _row(request, story_id)
    issue = changes.next_issue(row, body.issue, st.settings)
    found = await _articles(
        body,
        st.settings,
        lambda given: changes.check_added(row, given, issue != row.issue, st.settings),
    )
    await run_in_threadpool(changes.requeue, st, story_id, found, issue)
    return _out(_row(request, story_id))


@router.delete("/stories/{story_id}", status_code=204, dependencies=[Depends(require_same_site)])
async def delete_story(request: Request, story_id: StoryId) -> Response:
    """Delete a story with its articles list and dossier (stored articles and analyses stay
    for other stories); a story being analysed answers 409."""
    await run_in_threadpool(changes.delete, state(request), story_id)
    return Response(status_code=204)


@router.get("/stories/{story_id}")
def get_story(request: Request, story_id: StoryId) -> StoryOut:
    """A story's state and analysis progress."""
    return _out(_row(request, story_id))


@router.get(
    "/stories/{story_id}/dossier",
    response_model=None,
    responses={200: {"description": "dossier.json, schema storydiff.dossier/2"}},
)
def get_dossier(request: Request, story_id: StoryId) -> Response:
    """The dossier document, identical to the ``dossier.json`` the CLI writes."""
    row = _row(request, story_id)
    text = None
    if row.status == "done":  # only a finished story's row stays unchanged: safe to cache
        text = cache.rendered(state(request).settings.db, story_id, cache.version(row), "json")
    if text is None:
        raise WebError(409, "not_ready", f"the dossier is not ready (status: {row.status})")
    return Response(text, media_type="application/json")
