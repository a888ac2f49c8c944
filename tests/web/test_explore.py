"""Search and actor pages over a store filled by hand: JSON, HTML, escaping, one error shape."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from storydiff.model import Article
from storydiff.store import open_store
from storydiff.web import Settings
from storydiff.web.explore import actor_href

from .conftest import HOSTILE, assert_error

BASE = "http://127.0.0.1"
FIRST, SECOND = "00000000000000a1", "00000000000000b2"
ODD_NAME = "Ana / <i>Ruiz</i> & Co"


def _dossier(title: str, quote: str, speaker: str, stance: str, date: str) -> dict[str, Any]:
    """The parts of a dossier document the store indexes."""
    return {
        "story": {"id": "s1", "title": title},
        "articles": [{"id": "a1", "source": f"{title}.txt"}],
        "quotes": [{"article": "a1", "speaker_name": speaker, "text": quote}],
        "stances": [
            {"actor_name": speaker, "issue": "port lease", "article": "a1", "date": date,
             "stance": stance, "evidence": [{"text": f"{speaker} said so. {HOSTILE}"}]}
        ],
    }  # fmt: skip


@pytest.fixture
def client(fake_app: FastAPI, settings: Settings) -> Iterator[TestClient]:
    with TestClient(fake_app, base_url=BASE) as c:
        store = open_store(settings.db)
        store.put_article(Article(key="k1", source="hostile.html", text=HOSTILE, title="Lease"))
        store.save_dossier(
            FIRST, _dossier("Lease", "We will not sell the port", "Ines Marrow", "oppose", "2017")
        )
        store.save_dossier(
            SECOND, _dossier("Vote", "The port lease <script>x()</script>", "Ines Marrow",
                             "support", "2018")
        )  # fmt: skip
        store.save_dossier(
            "00000000000000c3", _dossier("Odd", "odd words", ODD_NAME, "oppose", "2019")
        )
        store.close()
        yield c


def test_search_finds_articles_and_quotes_with_links(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "PORT, sell"}).json()
    assert body["query"] == "PORT, sell"
    by_kind = {h["kind"]: h for h in body["hits"]}
    assert len(body["hits"]) == 2 and set(by_kind) == {"article", "quote"}
    quote = by_kind["quote"]
    assert quote["story"] == f"/stories/{FIRST}" and "sell" in quote["snippet"]
    assert (quote["speaker"], quote["actor"]) == ("Ines Marrow", "/actors/Ines%20Marrow")
    article = by_kind["article"]
    assert (article["source"], article["story"], article["actor"]) == ("hostile.html", None, None)
    assert len(client.get("/api/search", params={"q": "port", "limit": 1}).json()["hits"]) == 1
    assert client.get("/api/search", params={"q": "sell harbour"}).json()["hits"] == []


def test_the_actor_page_gathers_every_story_in_any_case(client: TestClient) -> None:
    body = client.get("/api/actors/ines marrow").json()
    assert [q["story"] for q in body["quotes"]] == [f"/stories/{FIRST}", f"/stories/{SECOND}"]
    assert [(s["date"], s["stance"]) for s in body["stances"]] == [
        ("2017", "oppose"),
        ("2018", "support"),
    ]
    html = client.get("/actors/Ines%20Marrow").text
    assert html.count('class="stance"') == 2 and html.count('class="quote"') == 2


def test_a_name_with_a_slash_and_markup_round_trips(client: TestClient) -> None:
    href = actor_href(ODD_NAME)
    assert "/" not in href.removeprefix("/actors/")
    assert client.get(f"/api{href}").json()["name"] == ODD_NAME
    html = client.get(href).text
    assert "<i>Ruiz</i>" not in html and "&lt;i&gt;Ruiz&lt;/i&gt; &amp; Co" in html


@pytest.mark.parametrize(
    "path",
    ["/search?q=officials+monday", "/search?q=port+lease", "/actors/Ines%20Marrow"],
)
def test_every_explore_page_renders_stored_text_inert(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert "script-src 'sha256-" in response.headers["content-security-policy"]
    html = response.text
    for live in ("<script>alert", "<script>x()", "<img src=x", 'href="javascript:'):
        assert live not in html
    assert "&lt;script&gt;" in html


def test_the_search_page_without_a_query_shows_only_the_form(client: TestClient) -> None:
    html = client.get("/search").text
    assert 'name="q"' in html and "result" not in html.split("</form>", 1)[1]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/actors/Nobody%20Known", 404),
        ("/api/search?q=" + "x" * 201, 422),
        ("/api/search?q=port&limit=0", 422),
        ("/api/search", 422),
    ],
)
def test_errors_have_the_one_shape(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert_error(response.json(), status)


def test_an_unknown_actor_page_is_an_html_error_for_browsers(client: TestClient) -> None:
    response = client.get("/actors/Nobody", headers={"accept": "text/html"})
    assert response.status_code == 404 and "not_found" in response.text
    assert response.headers["content-type"].startswith("text/html")


def test_explore_routes_are_in_the_openapi_document(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/search", "/api/actors/{name}"} <= set(paths)
    assert "/search" not in paths
