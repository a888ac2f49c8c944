"""The HTML pages: the story list with the new-story form, progress, the dossier, and the
story page that adds articles to a story or deletes it."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Annotated, cast

from fastapi import APIRouter, Path, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from storydiff.store import stories
from storydiff.store.stories import StoryInput
from storydiff.web import cache, changes, inputs
from storydiff.web.errors import WebError
from storydiff.web.render import dossier_page, page
from storydiff.web.security import check_csrf, csrf_token, set_csrf
from storydiff.web.settings import Settings
from storydiff.web.state import state

router = APIRouter(include_in_schema=False)
StoryId = Annotated[str, Path(pattern=r"^[0-9a-f]{16}$", description="A story id (16 hex).")]


def _story_or_404(request: Request, story_id: str) -> stories.StoryRow:
    row = stories.get_story(state(request).settings.db, story_id)
    if row is None:
        raise WebError(404, "not_found", "no such story; it may have been made on another server")
    return row


@router.get("/favicon.ico")
def favicon() -> Response:
    """No icon; an empty answer keeps browsers from logging a 404 on every page."""
    return Response(status_code=204)


@router.get("/")
def index(request: Request) -> Response:
    st = state(request)
    token = csrf_token(request)
    response = page(
        "index.html.j2",
        stories=stories.list_stories(st.settings.db),
        csrf=token,
        has_example=st.settings.example_dir is not None,
        settings=st.settings,
    )
    set_csrf(response, token)
    return response


async def _form(request: Request) -> FormData:
    """A posted form within the limits, once its CSRF token is checked."""
    settings = state(request).settings
    form = await request.form(
        max_files=settings.max_articles, max_fields=20, max_part_size=settings.max_article_bytes
    )
    check_csrf(request, form.get("csrf"))
    return form


async def _form_articles(
    form: FormData, settings: Settings, check: Callable[[list[object]], None]
) -> list[StoryInput]:
    """The pasted article, the uploads and the fetched URLs; ``check`` sees them (URLs not yet
    fetched) first, so a refused form fetches nothing."""
    found: list[StoryInput] = []
    pasted = form.get("text")
    if isinstance(pasted, str) and pasted.strip():
        found.append(inputs.from_text("pasted article", pasted, "pasted article", settings))
    for n, upload in enumerate(form.getlist("files"), start=1):
        if isinstance(upload, UploadFile) and upload.filename:
            data = await upload.read(settings.max_article_bytes + 1)
            found.append(inputs.from_bytes(upload.filename, data, f"upload {n}", settings))
    given = form.get("urls")
    urls = inputs.url_list(given if isinstance(given, str) else "", settings)
    check([*found, *urls])
    return found + await run_in_threadpool(inputs.from_urls, urls, settings)


@router.post("/stories")
async def create(request: Request) -> Response:
    """Store the story, queue its analysis, and send the browser to its progress page."""
    st = state(request)
    settings = st.settings
    form = await _form(request)
    title = str(form.get("title") or "").strip()[: settings.max_title_chars]
    if form.get("example"):
        found = inputs.example(settings)
    else:
        found = await _form_articles(
            form, settings, lambda given: inputs.check_count(given, settings)
        )
    issue = changes.issue(form.get("issue"), settings)
    story_id = await run_in_threadpool(
        partial(stories.create_story, settings.db, title, found, issue=issue)
    )
    st.runner.submit(story_id)
    return RedirectResponse(f"/stories/{story_id}", status_code=303)


def _story_page(request: Request, row: stories.StoryRow) -> Response:
    """The story's own page: its progress or failure, its articles, and (once no run is
    going) the forms that add articles or delete it."""
    st = state(request)
    token = csrf_token(request)
    response = page(
        "story.html.j2",
        story=row,
        names=[i.name for i in stories.story_inputs(st.settings.db, row.id)],
        csrf=token,
        settings=st.settings,
    )
    set_csrf(response, token)
    return response


@router.get("/stories/{story_id}")
def story(request: Request, story_id: StoryId) -> Response:
    """The dossier when it is ready; until then, progress that refreshes itself."""
    db = state(request).settings.db
    row = _story_or_404(request, story_id)
    if row.status == "done":
        html = cache.rendered(db, story_id, cache.version(row), "page")
        if html is not None:
            return dossier_page(html)
    return _story_page(request, row)


@router.get("/stories/{story_id}/articles")
def articles(request: Request, story_id: StoryId) -> Response:
    """The story's articles, with the forms to add more or to delete the story."""
    return _story_page(request, _story_or_404(request, story_id))


@router.post("/stories/{story_id}/articles")
async def add_articles(request: Request, story_id: StoryId) -> Response:
    """Keep the added articles (and the issue as given), then show the new run's progress."""
    st = state(request)
    form = await _form(request)
    row = _story_or_404(request, story_id)
    issue = changes.next_issue(row, form.get("issue"), st.settings)
    found = await _form_articles(
        form,
        st.settings,
        lambda given: changes.check_added(row, given, issue != row.issue, st.settings),
    )
    await run_in_threadpool(changes.requeue, st, story_id, found, issue)
    return RedirectResponse(f"/stories/{story_id}", status_code=303)


@router.post("/stories/{story_id}/delete")
async def delete(request: Request, story_id: StoryId) -> Response:
    """Delete the story once the form's box is ticked, then show the story list."""
    form = await _form(request)
    _story_or_404(request, story_id)
    if form.get("confirm") != "yes":
        raise WebError(422, "not_confirmed", "tick the box to confirm, then delete again")
    await run_in_threadpool(changes.delete, state(request), story_id)
    return RedirectResponse("/", status_code=303)


@router.get("/stories/{story_id}/dossier.{kind}")
def export(request: Request, story_id: StoryId, kind: str) -> Response:
    """The dossier files, exactly as ``storydiff analyze`` writes them."""
    if kind not in cache.EXPORTS:
        raise WebError(404, "not_found", f"no dossier.{kind[:20]}; try json, md, csv or html")
    return _file(request, story_id, cast(cache.Kind, kind))


@router.get("/stories/{story_id}/ledger.csv")
def ledger_csv(request: Request, story_id: StoryId) -> Response:
    return _file(request, story_id, "csv")


def _file(request: Request, story_id: str, kind: cache.Kind) -> Response:
    row = _story_or_404(request, story_id)
    text = None
    if row.status == "done":
        text = cache.rendered(state(request).settings.db, story_id, cache.version(row), kind)
    if row.status != "done" or text is None:
        raise WebError(409, "not_ready", "the dossier is not ready yet; wait for the analysis")
    if kind == "json":
        return Response(text, media_type="application/json")
    if kind == "md":
        return PlainTextResponse(text)
    if kind == "html":
        response = dossier_page(text)
        response.headers["Content-Disposition"] = 'attachment; filename="dossier.html"'
        return response
    return PlainTextResponse(
        text,
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="ledger.csv"'},
    )
