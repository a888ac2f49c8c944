"""``create_app``: the FastAPI application, its middleware and its routes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import Response

from storydiff.store import stories
from storydiff.web import api, errors, explore, pages
from storydiff.web.api_docs import api_docs_page
from storydiff.web.runner import Analyse, Runner, analyse_story
from storydiff.web.security import BodyLimit, Guard
from storydiff.web.settings import Settings
from storydiff.web.state import AppState

DESCRIPTION = (
    "Keep stories, analyse their articles in the background and read each cited dossier. "
    'Every error has the shape `{"error": {"status", "code", "message"}}`. Write '
    "requests take `application/json`; with an access token, send `Authorization: Bearer …`."
)


OPENAPI_URL = "/api/openapi.json"


def create_app(settings: Settings, *, analyse: Analyse = analyse_story) -> FastAPI:
    """One app per database; ``analyse`` is swappable so tests can skip spaCy."""
    runner = Runner(settings.db, analyse)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        runner.resume()
        yield
        runner.close()

    stories.prepare(settings.db)
    app = FastAPI(
        title="storydiff",
        description=DESCRIPTION,
        version="1",
        docs_url=None,  # the stock page loads Swagger UI from a CDN; ours inlines the package's
        redoc_url=None,
        openapi_url=OPENAPI_URL,
        lifespan=lifespan,
    )
    app.state.storydiff = AppState(settings, runner)
    errors.install(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(explore.router)

    @app.get("/api/docs", include_in_schema=False)
    def docs() -> Response:
        return api_docs_page(OPENAPI_URL)

    app.add_middleware(Guard, settings=settings)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    return app
