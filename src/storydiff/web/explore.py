"""Search and actor pages: the store as a collection, across every story it holds.

Search covers article text (indexed as articles are stored) and the quotes of finished
dossiers; an actor's page gathers every quote and stance dossiers give that name. Both
come as HTML pages and as JSON under /api, with the app's one error shape.
"""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from storydiff.store import stories
from storydiff.store.records import ActorQuote, ActorStance, SearchHit
from storydiff.web.errors import ERROR_RESPONSES, WebError
from storydiff.web.render import page
from storydiff.web.state import state

router = APIRouter()
MAX_QUERY = 200
SearchQuery = Annotated[
    str, Query(max_length=MAX_QUERY, description="Words to find; every one must match.")
]
Limit = Annotated[int, Query(ge=1, le=100, description="Most results to return.")]
ActorName = Annotated[
    str, Path(min_length=1, max_length=MAX_QUERY, description="The actor's name, any case.")
]


class HitOut(BaseModel):
    kind: Literal["article", "quote"]
    source: str
    snippet: str
    speaker: str | None
    story: str | None = None  # the story's page, for quotes
    actor: str | None = None  # the speaker's page, for quotes


class SearchOut(BaseModel):
    query: str
    hits: list[HitOut]


class QuoteOut(BaseModel):
    story: str
    story_title: str
    source: str
    text: str


class StanceOut(BaseModel):
    story: str
    story_title: str
    issue: str
    stance: str
    date: str | None
    source: str
    evidence: str


class ActorOut(BaseModel):
    name: str
    quotes: list[QuoteOut]
    stances: list[StanceOut]


def actor_href(name: str) -> str:
    """The actor's page; every character of the name is escaped into one path segment."""
    return f"/actors/{quote(name, safe='')}"


def _hit(found: SearchHit) -> HitOut:
    return HitOut(
        kind=found.kind,
        source=found.source,
        snippet=found.snippet,
        speaker=found.speaker,
        story=f"/stories/{found.story_id}" if found.story_id else None,
        actor=actor_href(found.speaker) if found.speaker else None,
    )


def _search(request: Request, q: str, limit: int) -> SearchOut:
    with stories.connect(state(request).settings.db) as store:
        found = store.search(q, limit)
    return SearchOut(query=q, hits=[_hit(h) for h in found])


def _quote(item: ActorQuote) -> QuoteOut:
    return QuoteOut(
        story=f"/stories/{item.story_id}",
        story_title=item.story_title,
        source=item.source,
        text=item.text,
    )


def _stance(item: ActorStance) -> StanceOut:
    return StanceOut(
        story=f"/stories/{item.story_id}",
        story_title=item.story_title,
        issue=item.issue,
        stance=item.stance,
        date=item.date,
        source=item.source,
        evidence=item.evidence,
    )


def _actor(request: Request, name: str) -> ActorOut:
    with stories.connect(state(request).settings.db) as store:
        quotes = store.actor_quotes(name)
        stances = store.actor_stances(name)
    if not quotes and not stances:
        raise WebError(404, "not_found", "no stored dossier quotes this actor or gives a stance")
    return ActorOut(
        name=name, quotes=[_quote(q) for q in quotes], stances=[_stance(s) for s in stances]
    )


@router.get("/api/search", responses=ERROR_RESPONSES, tags=["explore"])
def api_search(request: Request, q: SearchQuery, limit: Limit = 20) -> SearchOut:
    """Articles and dossier quotes containing every word of ``q``, best match first."""
    return _search(request, q, limit)


@router.get("/api/actors/{name:path}", responses=ERROR_RESPONSES, tags=["explore"])
def api_actor(request: Request, name: ActorName) -> ActorOut:
    """Every quote and stance the stored dossiers give this actor, across stories."""
    return _actor(request, name)


@router.get("/search", include_in_schema=False)
def search_page(request: Request, q: SearchQuery = "") -> Response:
    result = _search(request, q, 50) if q.strip() else SearchOut(query=q, hits=[])
    return page("explore_search.html", result=result)


@router.get("/actors/{name:path}", include_in_schema=False)
def actor_page(request: Request, name: ActorName) -> Response:
    return page("explore_actor.html", actor=_actor(request, name))
