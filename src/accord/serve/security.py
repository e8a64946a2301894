"""What guards every request: the access token, the body size limit, strict response headers, HEAD on
every GET route, redirects that stay on this server, and a JSON 500 (with the same headers) should any
request ever fail unexpectedly."""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.errors import AccordError, Errors

LOG = logging.getLogger("accord.serve")
COOKIE = "accord_token"
# Scripts only from this server: no inline script, no eval, no event-handler attributes. Styles may be
# inline because plotly.js injects its own <style> rules and style attributes when it draws a chart.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
# What a URL path or query may carry unencoded in a Location header (RFC 3986 pchar, plus '/' and '?').
_URL_SAFE = "/%:@!$&'()*+,;=-._~"


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_token(token: str | None) -> str | None:
    """The access token to require, or None for none. A token that is blank or has spaces around it is
    refused (A607): a blank one looks set while protecting nothing, and one with spaces around it can
    never be sent back (a header's value is trimmed), so it would lock everyone out."""
    if not token:
        return None
    if token != token.strip():
        raise AccordError(Errors.A607)
    return token


def check_bind(host: str, token: str | None) -> None:
    """Refuse (A601) to serve beyond loopback without an access token, and a blank token anywhere (A607)."""
    if check_token(token) is None and not is_loopback(host):
        raise AccordError(Errors.A601, host=host)


def _same(offered: str | bytes, expected: bytes) -> bool:
    """Constant-time comparison of what a request offers with the token, as bytes: ``hmac.compare_digest``
    refuses (TypeError) a ``str`` that is not ASCII, and a request is free to send one."""
    if isinstance(offered, str):
        offered = offered.encode("utf-8", "surrogateescape")
    return hmac.compare_digest(offered, expected)


def local_location(target: str) -> str:
    """A redirect target that stays on this server: the path and query of ``target`` only, its leading
    slashes and backslashes made one (a browser reads ``//evil.example/x`` as another site), and every
    character a header cannot carry (CR, LF, controls, non-ASCII) percent-encoded."""
    target = target.replace("\\", "/")
    path, _, query = target.partition("?")
    if "://" in path:  # an absolute URL (Starlette's trailing-slash redirect): keep its path and query
        try:
            parts = urlsplit(target)
        except ValueError:
            parts = urlsplit("/")
        path, query = parts.path, parts.query
    path = quote("/" + path.lstrip("/"), safe=_URL_SAFE)
    query = quote(query, safe=_URL_SAFE + "?")
    return path + (f"?{query}" if query else "")


def error_body(exc: AccordError) -> bytes:
    return json.dumps({"error": {"code": exc.code.name, "message": exc.message}}).encode()


async def _send_json(
    send: Send, status: int, body: bytes, extra: tuple[tuple[bytes, bytes], ...] = ()
) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *HEADERS,
                *extra,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _raw_path(scope: Scope) -> str:
    """The request's path as sent (still percent-encoded), for a redirect back to it."""
    raw = scope.get("raw_path")
    if isinstance(raw, bytes) and raw:
        return raw.decode("latin-1")
    return quote(scope.get("path", "/"), safe=_URL_SAFE)


class SecurityMiddleware:
    """Pure ASGI middleware: token check, body size limit, security headers on every response, HEAD
    answered as GET without a body, Location headers kept on this server, and a JSON 500 if the app
    fails before it has answered."""

    def __init__(self, app: ASGIApp, token: str | None, max_body: int) -> None:
        self.app = app
        self.token = check_token(token)
        self.token_bytes = (self.token or "").encode()
        self.max_body = max_body

    def _authorized(self, scope: Scope) -> bool:
        assert self.token is not None
        headers = dict(scope.get("headers") or [])
        auth = headers.get(b"authorization", b"")
        if auth[:7].lower() == b"bearer " and _same(auth[7:].strip(), self.token_bytes):
            return True
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get(b"cookie", b"").decode("latin-1"))
        except Exception:  # a malformed cookie header is just no cookie
            return False
        morsel = cookie.get(COOKIE)
        return morsel is not None and _same(morsel.value.encode("latin-1"), self.token_bytes)

    async def _refuse(self, scope: Scope, send: Send, path: str) -> None:
        """Answer a request without a valid token or cookie: a redirect setting the cookie when the URL
        carries the token (``?token=``), else 401."""
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        offered = [v for k, v in query if k == "token"]
        if offered and _same(offered[0], self.token_bytes):
            # Trade the token in the URL for a cookie, and drop it from the address bar.
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            location = local_location(_raw_path(scope) + (f"?{rest}" if rest else ""))
            cookie = f"{COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict".encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 303,
                    "headers": [
                        (b"location", location.encode("ascii")),
                        (b"set-cookie", cookie),
                        (b"content-length", b"0"),
                        *HEADERS,
                    ],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return
        await _send_json(
            send,
            401,
            error_body(AccordError(Errors.A602, path=path)),
            ((b"www-authenticate", b"Bearer"),),
        )

    async def _read_body(self, scope: Scope, receive: Receive, send: Send, path: str) -> bytes | None:
        """The request body, read up front within ``max_body``; None once a 413 was sent or the client
        went away."""
        limit_error = error_body(AccordError(Errors.A603, path=path, limit=self.max_body))
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _send_json(send, 413, limit_error)
            return None
        # Read the body up front (bounded), so a chunked upload cannot exceed the limit either.
        chunks: list[bytes] = []
        size = 0
        more = scope["method"] not in ("GET", "HEAD", "OPTIONS")
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await _send_json(send, 413, limit_error)
                return None
            chunks.append(chunk)
            more = message.get("more_body", False)
        return b"".join(chunks)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "/")
        if self.token is not None and not self._authorized(scope):
            await self._refuse(scope, send, path)
            return
        body = await self._read_body(scope, receive, send, path)
        if body is None:
            return
        delivered = False
        # HEAD is GET without the body (RFC 9110): every GET route answers it, headers and all.
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        started = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = []
                for name, value in message.get("headers", []):
                    if name.lower() == b"location":
                        value = local_location(value.decode("latin-1")).encode("ascii")
                    headers.append((name, value))
                present = {name.lower() for name, _ in headers}
                message = {**message, "headers": headers + [h for h in HEADERS if h[0] not in present]}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        try:
            await self.app(scope, replay, send_with_headers)
        except Exception:
            if started:
                raise  # too late for an answer of our own; the server logs it and closes the connection
            LOG.exception("%s %s failed", scope["method"], path)
            body = b"" if head else error_body(AccordError(Errors.A610, path=path))
            await _send_json(send, 500, body)
