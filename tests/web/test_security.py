"""Issue 9's web guarantees, each tried the way an attacker would: markup in every field,
oversized bodies, traversal in every route, cross-site writes, and listening off loopback."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.routing import Route
from typer.testing import CliRunner

from storydiff.errors import InputError
from storydiff.web import Settings, create_app

from .conftest import BASE, HOSTILE, assert_error, csrf_of, fake_analyse, wait_done

HOSTILE_NAME = "<img src=x onerror=alert(9)>.txt"
TOKEN = "0123456789abcdef0123"


def _story(client: TestClient, text: str = HOSTILE) -> str:
    files = [("files", (HOSTILE_NAME, text.encode(), "text/plain"))]
    r = client.post("/stories", data={"csrf": csrf_of(client)}, files=files, follow_redirects=False)
    assert r.status_code == 303, r.text
    return str(r.headers["location"]).rsplit("/", 1)[1]


def _inert(body: str) -> None:
    assert "<script>alert" not in body and "<img src=x" not in body
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", body, re.I)


def test_failed_story_page_escapes_its_error_and_file_names(settings: Settings) -> None:
    def hostile_failure(db: Path, story_id: str) -> dict[str, Any]:
        raise InputError('<script>alert(7)</script> <a href="javascript:alert(8)">x</a>')

    app = create_app(settings, analyse=hostile_failure)
    with TestClient(app, base_url=BASE) as client:
        story_id = _story(client)
        assert wait_done(settings.db, story_id).status == "failed"
        body = client.get(f"/stories/{story_id}").text
        listed = client.get("/").text
    for page in (body, listed):
        _inert(page)
    assert "&lt;script&gt;alert(7)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(9)&gt;.txt" in body


def test_error_pages_escape_what_the_user_sent(client: TestClient) -> None:
    files = [("files", (HOSTILE_NAME, b"   ", "text/plain"))]
    r = client.post(
        "/stories", data={"csrf": csrf_of(client)}, files=files, headers={"accept": "text/html"}
    )
    assert r.status_code == 422 and "text/html" in r.headers["content-type"]
    _inert(r.text)
    assert "&lt;img src=x onerror=alert(9)&gt;.txt is empty" in r.text


def test_exports_are_never_served_as_html(client: TestClient, settings: Settings) -> None:
    story_id = _story(client)
    wait_done(settings.db, story_id)
    expected = {"dossier.md": "text/plain", "dossier.json": "application/json"}
    expected |= {"ledger.csv": "text/csv", "dossier.csv": "text/csv"}
    for name, kind in expected.items():
        r = client.get(f"/stories/{story_id}/{name}")
        assert r.headers["content-type"].startswith(kind), name
        assert r.headers["x-content-type-options"] == "nosniff"
    download = client.get(f"/stories/{story_id}/dossier.html")
    assert download.headers["content-disposition"].startswith("attachment")
    _inert(download.text)


def test_every_html_page_allows_only_hash_pinned_scripts(
    client: TestClient, settings: Settings
) -> None:
    story_id = _story(client)
    wait_done(settings.db, story_id)
    paths = ["/", "/api/docs", f"/stories/{story_id}", "/stories/0123456789abcdef", "/nope"]
    for path in paths:
        r = client.get(path, headers={"accept": "text/html"})
        assert "text/html" in r.headers["content-type"], path
        policy = dict(
            part.strip().split(" ", 1) for part in r.headers["content-security-policy"].split(";")
        )
        scripts = policy["script-src"].split()
        assert scripts and all(s.startswith("'sha256-") for s in scripts), path
        assert "'unsafe-inline'" not in policy["style-src"], path
        assert policy["default-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
        assert policy.get("form-action", "'none'") in ("'self'", "'none'")


def test_an_upload_over_the_limit_gets_413_in_the_one_shape(client: TestClient) -> None:
    big = [("files", ("big.txt", b"word " * 12_000, "text/plain"))]  # 60 kB > 50 kB per article
    r = client.post("/stories", data={"csrf": csrf_of(client)}, files=big)
    assert_error(r.json(), 413)
    assert "big.txt is over" in r.json()["error"]["message"]
    huge = [("files", (f"{n}.txt", b"word " * 9_000, "text/plain")) for n in range(6)]
    r = client.post("/stories", data={"csrf": csrf_of(client)}, files=huge)  # body > 200 kB
    assert_error(r.json(), 413)


@pytest.mark.parametrize(
    "path",
    [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "/..%252f..%252fetc%252fpasswd",
        "/stories/..%2f..%2f..%2fetc%2fpasswd",
        "/stories/%2e%2e%2f%2e%2e%2fetc%2fpasswd/dossier.json",
        "/stories/0123456789abcdef/..%2f..%2fsrc%2fstorydiff%2f__init__.py",
        "/stories/0123456789abcdef/dossier.%2e%2e%2fjson",
        "/stories/0123456789abcdef/dossier.json%00.html",
        "/api/stories/..%5c..%5cwindows%5cwin.ini",
        "/api/stories/%2e%2e/dossier",
        "/api/..%2fopenapi.json%2f..%2f..%2fetc%2fpasswd",
        "/favicon.ico/..%2f..%2fetc%2fpasswd",
    ],
)
def test_no_route_walks_out_of_its_path(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (404, 405, 422), path
    assert_error(r.json(), r.status_code)
    assert "root:" not in r.text and "storydiff" not in r.text.lower().replace("storydiff_", "")


def test_no_route_takes_a_path_parameter(fake_app: Any) -> None:
    """The app serves no files from disk: no route has a ``{…:path}`` parameter."""
    routes = [r for r in fake_app.routes if isinstance(r, Route)]
    assert routes and not [r.path for r in routes if ":path}" in r.path]


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site", "origin": "http://127.0.0.1"},
    ],
)
def test_cross_site_writes_are_refused(client: TestClient, headers: dict[str, str]) -> None:
    api = client.post("/api/stories", json={"articles": [{"text": "x"}]}, headers=headers)
    assert_error(api.json(), 403)
    form = client.post("/stories", data={"csrf": csrf_of(client), "text": "x"}, headers=headers)
    assert_error(form.json(), 403)


def test_forms_need_this_browsers_own_token(fake_app: Any) -> None:
    with TestClient(fake_app, base_url=BASE) as alice, TestClient(fake_app, base_url=BASE) as eve:
        stolen = csrf_of(eve)
        csrf_of(alice)
        assert_error(alice.post("/stories", data={"csrf": stolen, "text": "x"}).json(), 403)
        alice.cookies.clear()
        assert_error(alice.post("/stories", data={"csrf": stolen, "text": "x"}).json(), 403)


def test_with_a_token_the_api_takes_bearer_writes_from_anywhere(settings: Settings) -> None:
    app = create_app(
        Settings(db=settings.db, token=TOKEN, loopback_only=False), analyse=fake_analyse
    )
    body = {"articles": [{"text": "A story about ports."}]}
    with TestClient(app, base_url="http://storydiff.example") as c:
        origin = {"origin": "http://tool.example"}
        assert_error(c.post("/api/stories", json=body, headers=origin).json(), 401)
        bearer = {**origin, "authorization": f"Bearer {TOKEN}"}
        assert c.post("/api/stories", json=body, headers=bearer).status_code == 202
        assert_error(c.post("/stories", data={"text": "x"}).json(), 401)  # forms too


def test_serve_refuses_a_public_address_without_a_token(monkeypatch: pytest.MonkeyPatch) -> None:
    from storydiff.cli.app import app

    monkeypatch.delenv("STORYDIFF_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "refusing to listen on 0.0.0.0 without an access token" in lines[0]


def test_serve_with_a_token_guards_every_request(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import uvicorn

    from storydiff.cli.app import app

    served: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda web_app, **options: served.append(web_app))
    monkeypatch.setenv("STORYDIFF_TOKEN", TOKEN)
    db = tmp_path / "served.db"
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with TestClient(served[0], base_url="http://192.0.2.7:8000") as c:
        for path in ("/", "/api/stories", "/api/openapi.json", "/api/docs", "/stories/x"):
            assert_error(c.get(path).json(), 401)
        assert c.get("/api/stories", headers={"authorization": f"Bearer {TOKEN}"}).is_success
