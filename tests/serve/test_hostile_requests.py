"""Hostile requests (issue 13): a bad body is a JSON 4xx with the security headers, never a 500; a 500,
should one ever happen, is JSON with the same headers; redirects stay on this server and every header
can be sent; HEAD works wherever GET does; a 405 says what is allowed; dates are YYYY-MM-DD only."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import unquote_to_bytes

import anyio
import h11
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from accord.errors import AccordError
from accord.serve import create_app
from accord.serve.app import sendable
from accord.serve.security import check_bind, local_location
from accord.serve.strict_json import NotStrictJSON, strict_loads
from accord.store import open_store, session_scope
from accord.store.schema import Event
from sample_store import fill


def run_async(fn: Any, *args: Any) -> Any:
    """``anyio.run`` in a thread of its own: the browser tests' Playwright keeps an event loop running in
    the main thread for the whole session."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(anyio.run, fn, *args).result()


SECURITY = ("content-security-policy", "x-content-type-options", "x-frame-options")
HYPOTHESIS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def assert_json_error(response: Any, statuses: range = range(400, 500)) -> dict[str, Any]:
    assert response.status_code in statuses, (response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("application/json")
    for name in SECURITY:
        assert name in response.headers, name
    body = response.json()
    assert body["error"]["code"].startswith("A") and body["error"]["message"]
    return body


# -- 8. bodies JSON cannot carry ----------------------------------------------------------------------

BIG = "__1e999__"  # written into the body as the literal 1e999, which Python reads as infinity
lone_surrogate = st.integers(0xD800, 0xDFFF).map(chr)
poison = st.one_of(
    st.sampled_from([math.nan, math.inf, -math.inf, BIG]),
    st.builds(lambda a, s, b: a + s + b, st.text(max_size=5), lone_surrogate, st.text(max_size=5)),
    st.builds(lambda s: {s: 1}, lone_surrogate),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
CORRECTION = {"item_type": "position", "item_id": 1, "action": "correct", "changes": {"score": 0.5}}
SCENARIO = {
    "name": "s",
    "issues": [{"id": "i", "label": "I"}],
    "actors": [{"id": "a", "name": "A", "capability": 1.0}, {"id": "b", "name": "B", "capability": 2.0}],
    "stances": [
        {"actor": "a", "issue": "i", "position": 10.0, "salience": 0.5},
        {"actor": "b", "issue": "i", "position": 90.0, "salience": 0.5},
    ],
}


def _plant(body: Any, where: list[int], value: Any) -> Any:
    """``body`` with ``value`` put somewhere inside it, chosen by ``where``."""
    if isinstance(body, dict) and body and where:
        key = sorted(body)[where[0] % len(body)]
        return {**body, key: _plant(body[key], where[1:], value)}
    if isinstance(body, list) and body and where:
        index = where[0] % len(body)
        return [*body[:index], _plant(body[index], where[1:], value), *body[index + 1 :]]
    if isinstance(body, dict):
        return {**body, "extra": value}
    return value


def _encode(body: Any) -> bytes:
    # ensure_ascii writes a lone surrogate as its escape, \udXXX, as a hostile client would
    return json.dumps(body, allow_nan=True).replace(f'"{BIG}"', "1e999").encode()


@given(
    base=st.sampled_from([CORRECTION, SCENARIO, {}, []]),
    where=st.lists(st.integers(0, 7), max_size=5),
    value=poison,
    company=json_values,
)
@HYPOTHESIS
def test_a_body_json_cannot_carry_is_a_json_4xx(
    client: TestClient, base: Any, where: list[int], value: Any, company: Any
) -> None:
    """NaN, infinities, 1e999 and lone surrogates anywhere in a body, in good company or bad."""
    body = _encode(_plant(_plant(base, where[::-1], company), where, value))
    for path in ("/api/v1/corrections", "/api/v1/forecasts"):
        response = client.post(path, content=body, headers={"content-type": "application/json"})
        assert_json_error(response)


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b'{"item_type": "actor", "item_id": NaN, "action": "accept"}', "NaN is not a JSON number"),
        (b'{"name": "s", "issues": [], "actors": [], "stances": [], "x": -Infinity}', "-Infinity"),
        (b'{"item_type": "actor", "item_id": 1e999, "action": "accept"}', "1e999 is too large"),
        (b'{"item_type": "x\\ud83d", "item_id": 1, "action": "accept"}', "item_type: a lone surrogate"),
        (b'{"\\udc00": 1}', "a key with a lone surrogate"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b"9" * 5000, "digits"),
    ],
)
def test_each_refusal_says_what_is_wrong(client: TestClient, body: bytes, why: str) -> None:
    for path in ("/api/v1/corrections", "/api/v1/forecasts"):
        answer = assert_json_error(
            client.post(path, content=body, headers={"content-type": "application/json"})
        )
        assert answer["error"]["code"] == "A604" and why in answer["error"]["message"], answer


def test_strict_json_keeps_what_json_allows() -> None:
    text = '{"a": [1, 2.5, -0.0, 1e300, "\\ud83d\\ude00", "\\u00e9", null, true], "\\u00e9": {}}'
    assert strict_loads(text.encode()) == json.loads(text)
    with pytest.raises(NotStrictJSON):
        strict_loads(b'"\xed\xa0\x80"')  # a surrogate encoded as UTF-8 bytes (CESU-8), not an escape


def test_a_validation_error_echoing_hostile_input_can_be_sent() -> None:
    echoed = sendable({"input": [math.nan, -math.inf, "x\ud83d", {"\udc00": 1.5}]})
    assert json.dumps(echoed, allow_nan=False).encode("utf-8")
    assert echoed == {"input": ["nan", "-inf", "x\\ud83d", {"\\udc00": 1.5}]}


def test_an_unexpected_failure_is_a_json_500_with_the_headers(served_db: dict[str, Any]) -> None:
    app = create_app(served_db["url"])

    @app.get("/api/v1/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    @app.get("/boom-page")
    def boom_page() -> None:
        raise KeyError("another")

    with TestClient(app) as client:
        for url in ("/api/v1/boom", "/boom-page"):
            answer = assert_json_error(client.get(url), range(500, 501))
            assert answer["error"]["code"] == "A610" and "a bug" not in answer["error"]["message"]


# -- 10. token, redirects, headers, HEAD, 405, dates --------------------------------------------------


def test_a_blank_token_is_refused_everywhere(served_db: dict[str, Any]) -> None:
    for token in (" ", "   ", "\t", " s3cret", "s3cret\n"):
        for host in ("127.0.0.1", "0.0.0.0"):
            with pytest.raises(AccordError) as caught:
                check_bind(host, token)
            assert caught.value.code.name == "A607"
        with pytest.raises(AccordError):
            create_app(served_db["url"], token=token)
    check_bind("127.0.0.1", None)
    check_bind("127.0.0.1", "")
    check_bind("0.0.0.0", "s3cret")


def test_the_cli_refuses_a_blank_token(served_db: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from accord.cli import app as cli_app

    monkeypatch.setenv("ACCORD_TOKEN", "   ")
    result = CliRunner().invoke(
        cli_app, ["serve", "--db", served_db["url"], "--host", "0.0.0.0", "--port", "1"]
    )
    assert result.exit_code == 1 and "A607" in result.output


async def _asgi(app: Any, method: str, raw_path: bytes, headers: list[tuple[bytes, bytes]]) -> Any:
    """One request straight into the ASGI app (a client library would normalise a path like
    ``//evil.example/x``): the status, the headers and the body."""
    path, _, query = raw_path.partition(b"?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": unquote_to_bytes(path).decode("utf-8", "replace"),
        "raw_path": path,
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", b"testserver"), *headers],
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    start = sent[0]
    return start["status"], start["headers"], b"".join(m.get("body", b"") for m in sent[1:])


def _sendable_over_http(status: int, headers: list[tuple[bytes, bytes]]) -> None:
    """Serialize the response head as the server would (h11, what uvicorn uses): a header it cannot
    send would drop the connection without any response."""
    connection = h11.Connection(h11.SERVER)
    connection.receive_data(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    connection.next_event()
    connection.send(h11.Response(status_code=status, headers=headers))


paths = st.lists(
    st.sampled_from(["/", "//", "\\", "evil.example", "x", "%0d%0a", "\r\n", "X:y", "%2f", "é", " ", "?a=1"])
    | st.text(max_size=4),
    min_size=1,
    max_size=6,
).map("".join)


def test_the_token_redirect_stays_on_this_server(served_db: dict[str, Any]) -> None:
    app = create_app(served_db["url"], token="s3cret")

    @given(path=paths)
    @HYPOTHESIS
    def check(path: str) -> None:
        raw = ("/" + path.lstrip("?")).encode("utf-8", "surrogateescape")
        raw_path, _, query = raw.partition(b"?")
        target = raw_path + b"?" + (query + b"&" if query else b"") + b"token=s3cret"
        status, headers, _ = run_async(_asgi, app, "GET", target, [])
        assert status == 303
        location = dict(headers)[b"location"].decode("ascii")
        assert location.startswith("/") and not location.startswith("//"), location
        assert "\\" not in location and not re.search(r"[\x00-\x20\x7f]", location), location
        _sendable_over_http(status, headers)

    check()


def test_the_reported_redirects(served_db: dict[str, Any]) -> None:
    app = create_app(served_db["url"], token="s3cret")
    for raw, expected in [
        (b"//evil.example/x?token=s3cret", "/evil.example/x"),
        (b"/%0d%0aX:y?token=s3cret", "/%0d%0aX:y"),
        (b"/\\evil.example?token=s3cret&q=1", "/evil.example?q=1"),
    ]:
        status, headers, _ = run_async(_asgi, app, "GET", raw, [])
        assert (status, dict(headers)[b"location"].decode()) == (303, expected)
        _sendable_over_http(status, headers)
    # Starlette's trailing-slash redirect is made a path too: the Host header does not choose the site.
    open_app = create_app(served_db["url"])
    status, headers, _ = run_async(
        _asgi, open_app, "GET", b"/api/v1/stats/", [(b"x-forwarded-host", b"evil.example")]
    )
    assert status == 307 and dict(headers)[b"location"] == b"/api/v1/stats"


def test_any_credentials_are_a_401_not_a_500(served_db: dict[str, Any]) -> None:
    app = create_app(served_db["url"], token="s3cret")
    one_line = st.binary(max_size=40).filter(lambda b: b"\r" not in b and b"\n" not in b)

    @given(auth=one_line, cookie=one_line)
    @HYPOTHESIS
    def check(auth: bytes, cookie: bytes) -> None:
        headers = [(b"authorization", b"Bearer " + auth), (b"cookie", b"accord_token=" + cookie)]
        status, _, body = run_async(_asgi, app, "GET", b"/api/v1/stats", headers)
        assert status == 401 and json.loads(body)["error"]["code"] == "A602"

    check()
    # Not ASCII: hmac.compare_digest refused to compare such a str (a TypeError, a 500).
    for header in ((b"authorization", "Bearer é".encode()), (b"cookie", "accord_token=é".encode())):
        status, _, _ = run_async(_asgi, app, "GET", b"/api/v1/stats", [header])
        assert status == 401


def test_head_answers_every_get_route_without_a_body(client: TestClient, served_db: dict[str, Any]) -> None:
    urls = [
        "/api/v1/stats",
        "/api/v1/articles?limit=2",
        f"/api/v1/articles/{served_db['article1']}",
        "/api/v1/forecasts",
        "/api/v1/openapi.json",
        "/",
        "/articles",
        "/forecast",
        "/static/accord.css",
        "/api/v1/articles/999999",
    ]
    for url in urls:
        got, head = client.get(url), client.head(url)
        assert head.status_code == got.status_code, url
        assert head.content == b"", url
        assert head.headers["content-type"] == got.headers["content-type"], url
        assert "content-security-policy" in head.headers


def test_a_405_says_which_methods_the_resource_takes(client: TestClient) -> None:
    for method, url, allowed in [
        ("DELETE", "/api/v1/stats", "GET, HEAD"),
        ("PUT", "/api/v1/forecasts", "GET, HEAD, POST"),
        ("PATCH", "/api/v1/corrections", "GET, HEAD, POST"),
        ("POST", "/articles", "GET, HEAD"),
        ("POST", "/static/accord.css", "GET, HEAD"),
    ]:
        response = client.request(method, url)
        assert response.status_code == 405, (method, url)
        assert response.headers["allow"] == allowed, (method, url)
        assert "content-security-policy" in response.headers


DATED = [
    ("/api/v1/articles", "date_to"),
    ("/api/v1/articles", "date_from"),
    ("/api/v1/positions", "date_to"),
    ("/api/v1/quotes", "date_from"),
    ("/api/v1/events", "date_to"),
    ("/timeline", "date_from"),
]


def _is_day(value: str) -> bool:
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@given(
    value=st.one_of(
        st.sampled_from(
            ["0", "1", "-1", "1700000000", "20240101", "2024-W01-1", "2024-01-01T00:00", "2024-1-1"]
        ),
        st.sampled_from(["2024-02-29", "2023-02-29", "2024-13-01", "0000-01-01", "9999-12-31", "٢٠٢٤-٠١-٠١"]),
        st.text(max_size=12),
        st.dates().map(str),
    ),
    where=st.sampled_from(DATED),
)
@HYPOTHESIS
def test_a_date_is_yyyy_mm_dd_and_nothing_else(
    client: TestClient, value: str, where: tuple[str, str]
) -> None:
    path, param = where
    response = client.get(path, params={param: value})
    if not value and path == "/timeline":
        assert response.status_code == 200  # a form's empty field: no filter
    elif _is_day(value):
        assert response.status_code == 200, (where, value, response.text[:200])
    else:
        assert response.status_code in (400, 422), (where, value, response.status_code)


def test_as_of_zero_is_not_1970(client: TestClient) -> None:
    for url in ("/api/v1/scenario?as_of=0", "/api/v1/forecasts?as_of=0", "/forecast?as_of=0"):
        assert client.get(url).status_code in (400, 422), url


def _is_reduced_date(value: str) -> bool:
    if not re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", value):
        return False
    year, month, day = ([*map(int, value.split("-")), 1, 1])[:3]
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def test_a_corrected_date_is_a_date(store_url: str) -> None:
    """On SQLite and PostgreSQL: YYYY, YYYY-MM or YYYY-MM-DD (a real date) is stored; any other text,
    a 5,000-character one included, is a 400 saying what a date looks like."""
    engine = open_store(store_url)
    fill(engine)
    with session_scope(engine) as session:
        event_id = session.scalars(select(Event.id).order_by(Event.id)).first()
    engine.dispose()
    assert event_id is not None

    with TestClient(create_app(store_url)) as client:

        @given(
            date=st.one_of(st.text(max_size=12), st.dates().map(str), st.just("9" * 5000), st.just("2024-02"))
        )
        @HYPOTHESIS
        def check(date: str) -> None:
            body = {"item_type": "event", "item_id": event_id, "action": "correct", "changes": {"date": date}}
            response = client.post("/api/v1/corrections", json=body)
            if _is_reduced_date(date):
                assert response.status_code == 200, (date, response.text)
                assert response.json()["changes"] == {"date": date}
            else:
                answer = assert_json_error(response)
                assert "date" in answer["error"]["message"] and len(answer["error"]["message"]) < 400

        check()


@pytest.mark.parametrize(
    "changes",
    [
        {"name": "x" * 301},
        {"name": "a\x00b"},
        {"acts": "yes"},
        {"kind": "k" * 33},
    ],
)
def test_corrections_fit_the_store(client: TestClient, served_db: dict[str, Any], changes: Any) -> None:
    article = client.get(f"/api/v1/articles/{served_db['article1']}").json()
    body = {
        "item_type": "actor",
        "item_id": article["actors"][0]["id"],
        "action": "correct",
        "changes": changes,
    }
    assert_json_error(client.post("/api/v1/corrections", json=body))
    note = {"item_type": "actor", "item_id": article["actors"][0]["id"], "action": "accept", "note": "a\x00"}
    assert_json_error(client.post("/api/v1/corrections", json=note))


def test_local_location_examples() -> None:
    assert local_location("//evil.example/x") == "/evil.example/x"
    assert local_location("http://testserver/api/v1/stats?a=1") == "/api/v1/stats?a=1"
    assert local_location("/a\r\nSet-Cookie: x") == "/a%0D%0ASet-Cookie:%20x"
