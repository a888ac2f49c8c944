"""Adding articles to a stored story (form and API), running it again, and deleting it, with
the guards every other write has: CSRF, same-site API writes, size limits, the URL policy."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storydiff.ingest.urls import UrlPolicy
from storydiff.store import stories
from storydiff.store.records import StoryInput
from storydiff.web import Settings, create_app

from .conftest import BASE, HOSTILE, ArticleServer, assert_error, csrf_of, fake_analyse, wait_done

FIRST = "Port officials met on Monday to sign the lease for the harbour."
SECOND = "The harbour council delayed its vote on the lease, a member said."
TOKEN = "0123456789abcdef0123"
RECORDED = "00000000000000cc"


def _paste(client: TestClient, text: str = FIRST, **fields: str) -> str:
    data = {"csrf": csrf_of(client), "text": text, **fields}
    r = client.post("/stories", data=data, follow_redirects=False)
    assert r.status_code == 303, r.text
    return str(r.headers["location"]).rsplit("/", 1)[1]


def _done(client: TestClient, settings: Settings, **fields: str) -> str:
    story_id = _paste(client, **fields)
    assert wait_done(settings.db, story_id).status == "done"
    return story_id


def _sources(client: TestClient, story_id: str) -> list[str]:
    doc = client.get(f"/stories/{story_id}/dossier.json").json()
    return [a["source"] for a in doc["articles"]]


def test_the_form_adds_an_article_and_the_story_runs_again(
    client: TestClient, settings: Settings
) -> None:
    story_id = _done(client, settings)
    assert _sources(client, story_id) == ["pasted article"]
    page = client.get(f"/stories/{story_id}/articles").text
    assert 'action="/stories/' + story_id + '/articles"' in page and 'id="delete-story"' in page
    files = [("files", ("vote.txt", SECOND.encode(), "text/plain"))]
    r = client.post(
        f"/stories/{story_id}/articles",
        data={"csrf": csrf_of(client), "issue": ""},
        files=files,
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == f"/stories/{story_id}"
    row = wait_done(settings.db, story_id)
    assert (row.status, row.inputs, row.revision) == ("done", 2, 2)
    # The dossier served is the new run's, never the first run's cached pages.
    assert _sources(client, story_id) == ["pasted article", "vote.txt"]
    assert "vote.txt" in client.get(f"/stories/{story_id}").text
    listed = client.get("/api/stories").json()["stories"]
    assert [(s["id"], s["inputs"]) for s in listed] == [(story_id, 2)]


def test_the_dossier_page_links_to_the_story_page(client: TestClient, settings: Settings) -> None:
    story_id = _done(client, settings)
    assert f'href="/stories/{story_id}/articles"' in client.get(f"/stories/{story_id}").text


def test_the_api_adds_articles_and_keeps_or_changes_the_issue(
    client: TestClient, settings: Settings
) -> None:
    r = client.post(
        "/api/stories", json={"articles": [{"text": FIRST}], "issue": "  the port lease "}
    )
    story_id = r.json()["id"]
    assert r.json()["issue"] == "the port lease"
    wait_done(settings.db, story_id)
    added = {"articles": [{"name": "vote.txt", "text": SECOND}]}
    r = client.post(f"/api/stories/{story_id}/articles", json=added)
    assert r.status_code == 202 and r.json()["issue"] == "the port lease"  # kept
    assert r.json()["status"] in ("queued", "running", "done")
    assert wait_done(settings.db, story_id).inputs == 2
    # Nothing added and the issue unchanged: nothing to do.
    same = client.post(f"/api/stories/{story_id}/articles", json={"issue": "the port lease"})
    assert_error(same.json(), 422)
    # Another issue alone runs the story again; an empty one lets the analysis find it.
    r = client.post(f"/api/stories/{story_id}/articles", json={"issue": "the vote"})
    assert r.status_code == 202 and r.json()["issue"] == "the vote"
    assert wait_done(settings.db, story_id).revision == 3
    r = client.post(f"/api/stories/{story_id}/articles", json={"issue": ""})
    assert r.status_code == 202 and r.json()["issue"] is None
    assert wait_done(settings.db, story_id).inputs == 2


def test_added_urls_follow_the_url_policy(
    settings: Settings, article_server: ArticleServer
) -> None:
    app = create_app(settings, analyse=fake_analyse)
    with TestClient(app, base_url=BASE) as client:
        story_id = _done(client, settings)
        refused = client.post(
            f"/api/stories/{story_id}/articles", json={"urls": [article_server.url("/lease")]}
        )
        assert_error(refused.json(), 422)
        assert refused.json()["error"]["code"] == "url_refused"
        assert article_server.hits == []  # a loopback address: never fetched
    allowed = Settings(
        db=settings.db, url_policy=UrlPolicy(allow_hosts=frozenset({article_server.host}))
    )
    with TestClient(create_app(allowed, analyse=fake_analyse), base_url=BASE) as client:
        r = client.post(
            f"/stories/{story_id}/articles",
            data={"csrf": csrf_of(client), "urls": article_server.url("/lease")},
            follow_redirects=False,
        )
        assert r.status_code == 303, r.text
        assert wait_done(settings.db, story_id).inputs == 2
        assert article_server.url("/lease") in _sources(client, story_id)


def test_a_story_holds_at_most_the_article_limit(tmp_path: Path) -> None:
    settings = Settings(db=tmp_path / "web.db", max_articles=2, max_article_bytes=50_000)
    with TestClient(create_app(settings, analyse=fake_analyse), base_url=BASE) as client:
        story_id = _done(client, settings)
        two = {"articles": [{"text": SECOND}, {"text": FIRST + " Again."}]}
        r = client.post(f"/api/stories/{story_id}/articles", json=two)
        assert_error(r.json(), 413)
        assert "at most 2 articles; this one has 1" in r.json()["error"]["message"]
        big = [("files", ("big.txt", b"word " * 12_000, "text/plain"))]
        r = client.post(f"/stories/{story_id}/articles", data={"csrf": csrf_of(client)}, files=big)
        assert_error(r.json(), 413)
        assert stories.get_story(settings.db, story_id).inputs == 1  # type: ignore[union-attr]


def test_the_forms_need_this_browsers_token_and_the_same_site(
    client: TestClient, settings: Settings
) -> None:
    story_id = _done(client, settings)
    for path in (f"/stories/{story_id}/articles", f"/stories/{story_id}/delete"):
        forged = client.post(path, data={"csrf": "forged", "text": SECOND, "confirm": "yes"})
        assert_error(forged.json(), 403)
        cross = client.post(
            path,
            data={"csrf": csrf_of(client), "text": SECOND, "confirm": "yes"},
            headers={"origin": "http://evil.example"},
        )
        assert_error(cross.json(), 403)
    api = client.post(
        f"/api/stories/{story_id}/articles",
        json={"articles": [{"text": SECOND}]},
        headers={"sec-fetch-site": "cross-site"},
    )
    assert_error(api.json(), 403)
    assert_error(client.delete(f"/api/stories/{story_id}", headers={"origin": "null"}).json(), 403)
    form = client.post(
        f"/api/stories/{story_id}/articles", data={"text": SECOND}
    )  # a form body: never an API write
    assert_error(form.json(), 415)
    row = stories.get_story(settings.db, story_id)
    assert row is not None and (row.inputs, row.revision) == (1, 1)


def test_with_a_token_the_api_deletes_from_anywhere_with_the_bearer(settings: Settings) -> None:
    app = create_app(
        Settings(db=settings.db, token=TOKEN, loopback_only=False), analyse=fake_analyse
    )
    with TestClient(app, base_url="http://storydiff.example") as c:
        bearer = {"authorization": f"Bearer {TOKEN}"}
        story_id = c.post("/api/stories", json={"articles": [{"text": FIRST}]}, headers=bearer)
        wait_done(settings.db, story_id.json()["id"])
        path = f"/api/stories/{story_id.json()['id']}"
        origin = {"origin": "http://tool.example"}
        assert_error(c.delete(path, headers=origin).json(), 401)
        assert c.delete(path, headers={**origin, **bearer}).status_code == 204


def test_delete_asks_for_the_box_then_removes_the_story(
    client: TestClient, settings: Settings
) -> None:
    story_id = _done(client, settings)
    unconfirmed = client.post(f"/stories/{story_id}/delete", data={"csrf": csrf_of(client)})
    assert_error(unconfirmed.json(), 422)
    assert stories.get_story(settings.db, story_id) is not None
    r = client.post(
        f"/stories/{story_id}/delete",
        data={"csrf": csrf_of(client), "confirm": "yes"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/"
    assert_error(client.get(f"/stories/{story_id}").json(), 404)
    assert_error(client.get(f"/api/stories/{story_id}/dossier").json(), 404)
    assert client.get("/api/stories").json()["stories"] == []
    other = _done(client, settings)
    assert client.delete(f"/api/stories/{other}").status_code == 204
    assert_error(client.delete(f"/api/stories/{other}").json(), 404)


@pytest.fixture
def held(settings: Settings) -> Iterator[tuple[TestClient, threading.Event]]:
    """An app whose analysis stays running until the event is set."""
    release = threading.Event()

    def slow(db: Path, story_id: str) -> dict[str, Any]:
        stories.set_progress(db, story_id, "analyse", 0, 1)
        release.wait(30)
        return fake_analyse(db, story_id)

    with TestClient(create_app(settings, analyse=slow), base_url=BASE) as client:
        yield client, release
        release.set()


def test_a_story_being_analysed_is_left_alone(
    held: tuple[TestClient, threading.Event], settings: Settings
) -> None:
    client, release = held
    story_id = _paste(client)
    deadline = time.monotonic() + 30  # queued until the worker takes it: wait for that
    while (row := stories.get_story(settings.db, story_id)) is None or row.status != "running":
        assert time.monotonic() < deadline, "the analysis never started"
        time.sleep(0.02)
    added = client.post(f"/api/stories/{story_id}/articles", json={"articles": [{"text": SECOND}]})
    assert_error(added.json(), 409)
    assert_error(client.delete(f"/api/stories/{story_id}").json(), 409)
    page = client.get(f"/stories/{story_id}/articles").text
    assert 'id="add-articles"' not in page and 'id="delete-story"' not in page
    release.set()
    assert wait_done(settings.db, story_id).inputs == 1


def test_a_story_deleted_while_queued_is_never_run(settings: Settings) -> None:
    ran: list[str] = []
    release = threading.Event()

    def recorded(db: Path, story_id: str) -> dict[str, Any]:
        ran.append(story_id)
        release.wait(30)
        return fake_analyse(db, story_id)

    with TestClient(create_app(settings, analyse=recorded), base_url=BASE) as client:
        first, second = _paste(client), _paste(client, SECOND)
        assert client.delete(f"/api/stories/{second}").status_code == 204  # still queued
        release.set()
        wait_done(settings.db, first)
        client.app.state.storydiff.runner._pool.shutdown(wait=True)  # type: ignore[attr-defined]
    assert ran == [first]


def test_the_story_page_escapes_what_the_user_gave(client: TestClient, settings: Settings) -> None:
    story_id = _done(client, settings, title="<script>alert(5)</script>", issue=HOSTILE[:80])
    for path in (f"/stories/{story_id}/articles", "/"):
        r = client.get(path, headers={"accept": "text/html"})
        assert "<script>alert" not in r.text and "<img src=x" not in r.text, path
        assert "script-src 'sha256-" in r.headers["content-security-policy"]
    assert (
        "&lt;script&gt;alert(5)&lt;/script&gt;" in client.get(f"/stories/{story_id}/articles").text
    )


def test_serve_never_runs_a_finished_story_again(settings: Settings, tmp_path: Path) -> None:
    """A story recorded finished (as ``storydiff analyze`` records one) is shown, not run."""
    item = StoryInput(
        "a.txt", "article", json.dumps({"key": "k1", "source": "a.txt", "text": FIRST})
    )
    scratch = tmp_path / "scratch.db"
    stories.prepare(scratch)
    doc = fake_analyse(scratch, stories.create_story(scratch, "", [item]))
    stories.prepare(settings.db)
    with stories.connect(settings.db) as store:
        store.record_story(RECORDED, [item], doc)
    ran: list[str] = []

    def watch(db: Path, story_id: str) -> dict[str, Any]:
        ran.append(story_id)
        return fake_analyse(db, story_id)

    with TestClient(create_app(settings, analyse=watch), base_url=BASE) as client:
        listed = client.get("/api/stories").json()["stories"]
        assert [(s["id"], s["status"], s["inputs"]) for s in listed] == [(RECORDED, "done", 1)]
        assert 'id="ledger"' in client.get(f"/stories/{RECORDED}").text
        assert client.get(f"/api/stories/{RECORDED}/dossier").json() == doc
        client.app.state.storydiff.runner._pool.shutdown(wait=True)  # type: ignore[attr-defined]
    assert ran == []
