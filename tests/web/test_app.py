"""The web app without spaCy: routes, the one error shape, and every security guard."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from storydiff.errors import InputError
from storydiff.web import Settings, create_app
from storydiff.web.settings import check_bind, is_loopback

from .conftest import HOSTILE, assert_error, csrf_of, fake_analyse, wait_done


def _paste(client: TestClient, text: str, title: str = "") -> str:
    r = client.post(
        "/stories",
        data={"csrf": csrf_of(client), "text": text, "title": title},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    return str(r.headers["location"]).rsplit("/", 1)[1]


def test_paste_analyse_and_read(client: TestClient, settings: Settings) -> None:
    story_id = _paste(client, "Port officials met on Monday to sign the lease.", "Lease")
    assert wait_done(settings.db, story_id).status == "done"
    page = client.get(f"/stories/{story_id}")
    assert (
        'id="ledger"' in page.text
        and "script-src 'sha256-" in page.headers["content-security-policy"]
    )
    doc = client.get(f"/api/stories/{story_id}/dossier").json()
    assert doc["schema"] == "storydiff.dossier/2"
    assert client.get(f"/stories/{story_id}/dossier.json").json() == doc
    assert client.get(f"/stories/{story_id}/ledger.csv").text.startswith("claim,verdict")
    listed = client.get("/api/stories").json()["stories"]
    assert [s["id"] for s in listed] == [story_id] and listed[0]["title"] == "Lease"


def test_api_creates_a_story_from_json(client: TestClient, settings: Settings) -> None:
    r = client.post("/api/stories", json={"articles": [{"name": "a.txt", "text": "Some text."}]})
    assert r.status_code == 202 and r.json()["status"] in ("queued", "running", "done")
    assert wait_done(settings.db, r.json()["id"]).status == "done"


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("get", "/no/such/page", {}, 404),
        ("get", "/api/stories/0123456789abcdef", {}, 404),
        ("get", "/api/stories/not-an-id", {}, 422),
        ("get", "/stories/..%2F..%2Fetc%2Fpasswd", {}, 404),
        ("get", "/stories/..%2e%2e/dossier.json", {}, 422),
        ("get", "/stories/0123456789abcdef/dossier.exe", {}, 404),
        ("delete", "/api/stories", {}, 405),
        ("post", "/api/stories", {"content": "x", "headers": {"content-type": "text/plain"}}, 415),
        ("post", "/api/stories", {"json": {"articles": []}}, 422),
        ("post", "/api/stories", {"json": {"articles": "nope"}}, 422),
        ("post", "/stories", {"data": {"csrf": "forged", "text": "x"}}, 403),
        (
            "post",
            "/api/stories",
            {"content": b"x" * 300_000, "headers": {"content-type": "application/json"}},
            413,
        ),
    ],
)
def test_every_api_error_has_one_shape(
    client: TestClient, method: str, path: str, kwargs: dict[str, object], status: int
) -> None:
    r = client.request(method.upper(), path, **kwargs)  # type: ignore[arg-type]
    assert r.status_code == status
    assert_error(r.json(), status)


def test_a_browser_gets_the_error_as_an_escaped_page(client: TestClient) -> None:
    r = client.get("/stories/0123456789abcdef", headers={"accept": "text/html"})
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert "no such story" in r.text


def test_article_over_the_limit_is_refused(client: TestClient) -> None:
    r = client.post("/api/stories", json={"articles": [{"text": "x" * 60_000}]})
    assert_error(r.json(), 413)


def test_upload_is_read_with_a_safe_label(client: TestClient, settings: Settings) -> None:
    files = [("files", ("../../etc/passwd.txt", b"An uploaded article about ports.", "text/plain"))]
    r = client.post("/stories", data={"csrf": csrf_of(client)}, files=files, follow_redirects=False)
    story_id = r.headers["location"].rsplit("/", 1)[1]
    wait_done(settings.db, story_id)
    doc = client.get(f"/api/stories/{story_id}/dossier").json()
    assert doc["articles"][0]["source"] == "passwd.txt"


def test_binary_upload_is_refused(client: TestClient) -> None:
    files = [("files", ("x.txt", b"\x00\x01binary", "application/octet-stream"))]
    r = client.post("/stories", data={"csrf": csrf_of(client)}, files=files)
    assert_error(r.json(), 422)


def test_cross_site_form_is_refused(client: TestClient) -> None:
    token = csrf_of(client)
    r = client.post(
        "/stories", data={"csrf": token, "text": "x"}, headers={"origin": "http://evil.example"}
    )
    assert_error(r.json(), 403)


def test_other_host_headers_are_refused(client: TestClient) -> None:
    """A page on another site cannot reach the app by rebinding its DNS name to 127.0.0.1."""
    r = client.get("/api/stories", headers={"host": "evil.example"})
    assert_error(r.json(), 421)


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path in ("/", "/api/stories", "/api/docs", "/nope"):
        h = client.get(path).headers
        assert "'unsafe-inline'" not in h["content-security-policy"]
        assert "frame-ancestors 'none'" in h["content-security-policy"]
        assert h["x-content-type-options"] == "nosniff"


def test_openapi_is_served_and_docs_load_nothing(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert "/api/stories/{story_id}/dossier" in spec["paths"]
    docs = client.get("/api/docs")
    # Swagger UI from the package, inline and hash-pinned, reading the spec from this server.
    assert "SwaggerUIBundle" in docs.text and '"url": "/api/openapi.json"' in docs.text
    assert "cdn" not in docs.text.lower() and "<script src" not in docs.text
    assert "<link" not in docs.text
    policy = docs.headers["content-security-policy"]
    assert "connect-src 'self'" in policy and "'unsafe" not in policy


def test_hostile_text_is_inert_on_every_page(client: TestClient, settings: Settings) -> None:
    story_id = _paste(client, HOSTILE, title="<script>alert(5)</script>")
    wait_done(settings.db, story_id)
    for path in (
        "/",
        f"/stories/{story_id}",
        f"/stories/{story_id}/dossier.html",
        f"/stories/{story_id}/dossier.md",
        "/api/docs",
    ):
        body = client.get(path).text
        assert "<script>alert" not in body and "<img src=x" not in body, path
        assert 'href="javascript:' not in body, path
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(f"/stories/{story_id}").text


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "[::1]", "127.0.0.2"])
def test_loopback_names(host: str) -> None:
    assert is_loopback(host)
    check_bind(host, None)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.4", "example.com", "::"])
def test_no_token_no_listening_beyond_loopback(host: str) -> None:
    assert not is_loopback(host)
    with pytest.raises(InputError, match="access token"):
        check_bind(host, None)
    check_bind(host, "a-long-enough-token")


def test_token_guards_everything(settings: Settings) -> None:
    token = "0123456789abcdef0123"
    app = create_app(
        Settings(db=settings.db, token=token, loopback_only=False), analyse=fake_analyse
    )
    with TestClient(app, base_url="http://storydiff.example") as c:
        assert_error(c.get("/api/stories").json(), 401)
        assert_error(c.get("/api/stories?token=wrong").json(), 401)
        assert c.get("/api/stories", headers={"authorization": f"Bearer {token}"}).is_success
        r = c.get(f"/?token={token}", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/"
        assert c.get("/").is_success  # the cookie set above now carries the token


def test_api_json_with_a_lone_surrogate_or_nul_is_never_a_500(
    client: TestClient, settings: Settings
) -> None:
    """Issue 15: a JSON body's lone surrogate or NUL once raised UnicodeEncodeError in the store
    (a 500). A lone surrogate is refused in the one error shape; a NUL is dropped."""
    text = "The council voted 12 to 3 to close the road, the mayor said."
    bad = '{"articles": [{"name": "a\\ud800.txt", "text": "' + text + '"}]}'
    r = client.post("/api/stories", content=bad, headers={"content-type": "application/json"})
    assert r.status_code == 422 and "articles.0.name" in r.json()["error"]["message"]
    r = client.post("/api/stories", json={"articles": [{"name": "a.txt", "text": text + "\x00"}]})
    assert r.status_code == 202, r.text
    assert wait_done(settings.db, r.json()["id"]).status == "done"
    doc = client.get(f"/api/stories/{r.json()['id']}/dossier").json()
    assert "\x00" not in json.dumps(doc, ensure_ascii=False)
