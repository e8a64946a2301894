"""Request-scoped dependencies shared by the API and the pages."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import AsyncIterator, Callable, Hashable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query, Request
from fastapi.responses import Response
from pydantic_core import to_json
from sqlalchemy.orm import Session, sessionmaker

from accord.errors import AccordError, Errors
from accord.serve.cache import cached

V = TypeVar("V")

# Names and free text arrive as query parameters; NUL never belongs in them (and PostgreSQL refuses it).
NO_NUL = r"^[^\x00]*$"
Name = Annotated[str | None, Query(max_length=300, pattern=NO_NUL)]
SearchText = Annotated[str | None, Query(max_length=500, pattern=NO_NUL)]
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_day(value: object) -> object:
    """A date given as text must be YYYY-MM-DD, a real day. Anything else is refused (ValueError):
    pydantic would read ``0`` or ``1700000000`` as a Unix time, and ``date.fromisoformat`` takes
    ``20240101`` and week dates too."""
    if value is None or isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not ISO_DAY.fullmatch(value):
        raise ValueError("expected a date as YYYY-MM-DD")
    return dt.date.fromisoformat(value)


async def get_session(request: Request) -> AsyncIterator[Session]:
    """A session for the request. Async, so it costs no trip through the thread pool: making a session
    does no I/O (it connects on first use, in the endpoint's thread, and only on a cache miss)."""
    factory: sessionmaker[Session] = request.app.state.sessions
    with factory() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def memo(request: Request, key: tuple[Hashable, ...], build: Callable[[], V]) -> V:
    """``build()`` once per state of the app's store (:mod:`accord.serve.cache`); shared, read only."""
    return cached(request.app.state.engine, key, build)


def memo_json(request: Request, key: tuple[Hashable, ...], build: Callable[[], Any]) -> Response:
    """Like :func:`memo`, keeping the JSON bytes of the answer, so a repeated request is not serialized
    again (the endpoint's ``response_model`` still documents the shape). Errors ``build`` raises (a 404)
    are not cached."""
    body = memo(request, key, lambda: to_json(build()))
    return Response(body, media_type="application/json")


def not_found(request: Request, kind: str, ref: object) -> AccordError:
    """The 404 for a request naming an item that is not in the store."""
    return AccordError(Errors.A605, path=request.url.path, kind=kind, ref=ref)
