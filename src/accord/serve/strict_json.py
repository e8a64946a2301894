"""Request bodies are read as strict JSON (RFC 8259 and I-JSON, RFC 7493): Python's ``json`` module also
takes ``NaN``, ``Infinity``, numbers too large for a float (``1e999`` becomes infinity) and strings with
a lone surrogate (``"\\ud83d"``), none of which any later step can store, compute with or send back. Each
is refused here, as FastAPI's ``json_invalid`` 422, naming what is wrong and where."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute


class NotStrictJSON(json.JSONDecodeError):
    """A body ``json.loads`` reads but strict JSON does not allow; FastAPI reports it as ``json_invalid``."""


def _position(doc: str, *needles: str) -> int:
    found = [doc.find(n) for n in needles]
    return min((f for f in found if f >= 0), default=0)


def _where(path: list[str | int]) -> str:
    where = ""
    for part in path:
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else part)
    return where or "the body"


def _has_lone_surrogate(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check_strings(value: Any, doc: str) -> None:
    """Refuse a lone surrogate in any key or string, walking without recursion (nesting is unbounded)."""
    stack: list[tuple[Any, list[str | int]]] = [(value, [])]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            if _has_lone_surrogate(item):
                raise NotStrictJSON(
                    f"{_where(path)}: a lone surrogate escape is not text", doc, _position(doc, "\\u", "\\U")
                )
        elif isinstance(item, dict):
            for key, child in item.items():
                if _has_lone_surrogate(key):
                    raise NotStrictJSON(
                        f"{_where(path)}: a key with a lone surrogate escape is not text",
                        doc,
                        _position(doc, "\\u", "\\U"),
                    )
                stack.append((child, [*path, key]))
        elif isinstance(item, list):
            stack.extend((child, [*path, index]) for index, child in enumerate(item))


def strict_loads(body: bytes | str) -> Any:
    """``json.loads`` that refuses what strict JSON does not allow, each as :class:`NotStrictJSON`
    (a :class:`json.JSONDecodeError`): NaN and infinities, numbers that overflow a float, integers over
    Python's 4,300-digit limit, nesting deeper than the parser can follow, and lone surrogates."""
    doc = body if isinstance(body, str) else body.decode("utf-8", "replace")

    def constant(name: str) -> Any:
        raise NotStrictJSON(f"{name} is not a JSON number", doc, _position(doc, name))

    def number(text: str) -> float:
        value = float(text)
        if not math.isfinite(value):
            raise NotStrictJSON(f"{text[:40]} is too large for a number", doc, _position(doc, text))
        return value

    try:
        value = json.loads(body, parse_constant=constant, parse_float=number)
    except json.JSONDecodeError:
        raise
    except RecursionError as exc:
        raise NotStrictJSON("nested too deeply", doc, 0) from exc
    except ValueError as exc:  # an integer over the digit limit
        raise NotStrictJSON(" ".join(str(exc).split())[:200], doc, 0) from exc
    _check_strings(value, doc)
    return value


class StrictJSONRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = strict_loads(await self.body())
        return self._json


class StrictJSONRoute(APIRoute):
    """An API route whose JSON body is read by :func:`strict_loads`."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def strict_handler(request: Request) -> Response:
            return await handler(StrictJSONRequest(request.scope, request.receive))

        return strict_handler
