"""The JSON API: the same stories as the pages, and each dossier exactly as dossier.json."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from storydiff.store import stories
from storydiff.web import cache, inputs
from storydiff.web.errors import ERROR_RESPONSES, WebError
from storydiff.web.security import require_json
from storydiff.web.state import state

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES, tags=["stories"])
StoryId = Annotated[str, Path(pattern=r"^[0-9a-f]{16}$", description="A story id (16 hex).")]


class ArticleIn(BaseModel):
    name: str = Field("article", max_length=200, description="A label shown in the dossier.")
    text: str = Field(description="The article as plain text or HTML.")


class StoryIn(BaseModel):
    title: str = Field("", max_length=300, description="Empty: the dossier's own title.")
    articles: list[ArticleIn] = Field(default_factory=list)
    urls: list[str] = Field(
        default_factory=list,
        max_length=100,
        description="Article URLs to fetch; private and loopback addresses are refused.",
    )
    example: bool = Field(False, description="Use the bundled example story instead.")


class StoryOut(BaseModel):
    id: str
    title: str
    status: Literal["queued", "running", "done", "failed"]
    stage: str
    done: int
    total: int
    error: str | None
    inputs: int
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


@router.post("/stories", status_code=202, dependencies=[Depends(require_json)])
async def create_story(request: Request, body: StoryIn) -> StoryOut:
    """Store a story and queue its analysis; poll the story until ``status`` is done."""
    settings = state(request).settings
    if body.example:
        found = inputs.example(settings)
    else:
        found = [
            inputs.from_text(a.name, a.text, f"article {n}", settings)
            for n, a in enumerate(body.articles, start=1)
        ]
        urls = inputs.url_list(body.urls, settings)
        inputs.check_count([*found, *urls], settings)  # refuse before fetching anything
        found += await run_in_threadpool(inputs.from_urls, urls, settings)
    story_id = await run_in_threadpool(stories.create_story, settings.db, body.title, found)
    state(request).runner.submit(story_id)
    return _out(_row(request, story_id))


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
        text = cache.rendered(state(request).settings.db, story_id, row.updated_at, "json")
    if text is None:
        raise WebError(409, "not_ready", f"the dossier is not ready (status: {row.status})")
    return Response(text, media_type="application/json")
