"""Token, bind address, body size limit, headers and escaping of hostile text on every page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from serve_fixtures import XSS, XSS_ACTOR, XSS_IMG
from typer.testing import CliRunner

from accord.cli import app as cli_app
from accord.errors import AccordError
from accord.serve import create_app
from accord.serve.security import check_bind, is_loopback


def test_binding_beyond_loopback_needs_a_token() -> None:
    for host in ("127.0.0.1", "127.8.9.1", "::1", "[::1]", "localhost"):
        assert is_loopback(host)
        check_bind(host, None)
    for host in ("0.0.0.0", "192.0.2.10", "example.org", "::"):
        with pytest.raises(AccordError) as caught:
            check_bind(host, None)
        assert caught.value.code.name == "A601"
        check_bind(host, "s3cret")


def test_cli_refuses_a_public_bind_without_token(
    served_db: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ACCORD_TOKEN", raising=False)
    result = CliRunner().invoke(
        cli_app, ["serve", "--db", served_db["url"], "--host", "0.0.0.0", "--port", "1"]
    )
    assert result.exit_code == 1
    assert "A601" in result.output and "0.0.0.0" in result.output


def test_every_request_needs_the_token(served_db: dict[str, Any]) -> None:
    with TestClient(create_app(served_db["url"], token="s3cret"), follow_redirects=False) as client:
        for url in ("/", "/api/v1/stats", "/static/accord.css", "/api/v1/openapi.json"):
            denied = client.get(url)
            assert denied.status_code == 401, url
            assert denied.json()["error"]["code"] == "A602"
        assert client.get("/api/v1/stats", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.get("/api/v1/stats", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert client.get("/articles?token=wrong").status_code == 401
        swapped = client.get("/articles?q=talks&token=s3cret")
        assert swapped.status_code == 303
        assert swapped.headers["location"] == "/articles?q=talks"
        assert "HttpOnly" in swapped.headers["set-cookie"]
        # The cookie set by ?token= opens every later request.
        assert client.get("/articles?q=talks").status_code == 200
        assert client.get("/api/v1/stats").status_code == 200


def test_security_headers_and_strict_csp(client: TestClient) -> None:
    for url in ("/", "/api/v1/stats", "/nowhere"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
        assert script_src.strip() == "script-src 'self'" and "unsafe-eval" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_no_page_has_inline_script_or_remote_asset(client: TestClient, served_db: dict[str, Any]) -> None:
    for url in (
        "/",
        "/articles",
        f"/articles/{served_db['article1']}",
        "/actors/Ukraine",
        "/forecast",
        "/docs",
    ):
        html = client.get(url).text
        for tag in re.findall(r"<script[^>]*>", html):
            assert re.search(r'src="/static/[^"]+\.js"', tag), (url, tag)
        assert "<script>" not in html.replace("&lt;script&gt;", "")
        assert not re.search(
            r'(src|href)="(https?:)?//', html.replace('href="https://example.org/talks"', "")
        )


def test_oversized_bodies_are_refused(served_db: dict[str, Any]) -> None:
    with TestClient(create_app(served_db["url"], max_body=1000)) as client:
        big = client.post(
            "/api/v1/corrections", content=b"x" * 5000, headers={"content-type": "application/json"}
        )
        assert big.status_code == 413 and big.json()["error"]["code"] == "A603"

        def chunks() -> Any:
            for _ in range(10):
                yield b"y" * 500

        streamed = client.post(
            "/api/v1/forecasts", content=chunks(), headers={"content-type": "application/json"}
        )
        assert streamed.status_code == 413


PAGES = [
    "/",
    "/articles",
    "/articles?q=talks",
    "/actors",
    "/matrix",
    "/timeline",
    "/forecast",
    "/review",
    "/review?type=quote",
    "/review?type=event",
    "/review?type=actor",
]


def test_hostile_text_is_escaped_everywhere(client: TestClient, served_db: dict[str, Any]) -> None:
    actor_url = "/actors/" + XSS_ACTOR.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
    pages = [*PAGES, f"/articles/{served_db['article1']}", f"/articles/{served_db['article2']}", actor_url]
    seen_escaped = 0
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.text
        for payload in (XSS, XSS_IMG, XSS_ACTOR):
            assert payload not in html, (url, payload)
        seen_escaped += html.count("&lt;script&gt;") + html.count("&lt;b onmouseover")
    assert seen_escaped > 10
    # A javascript: URL stored as an article's url is never made a live link.
    article = client.get(f"/articles/{served_db['article1']}").text
    assert 'href="javascript:' not in article
