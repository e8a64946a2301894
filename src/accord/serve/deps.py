"""Request-scoped dependencies shared by the API and the pages."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from typing import Annotated, TypeVar

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session, sessionmaker

from accord.serve.cache import cached

V = TypeVar("V")

# Names and free text arrive as query parameters; NUL never belongs in them (and PostgreSQL refuses it).
NO_NUL = r"^[^\x00]*$"
Name = Annotated[str | None, Query(max_length=300, pattern=NO_NUL)]
SearchText = Annotated[str | None, Query(max_length=500, pattern=NO_NUL)]


def get_session(request: Request) -> Iterator[Session]:
    factory: sessionmaker[Session] = request.app.state.sessions
    with factory() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def memo(request: Request, key: tuple[Hashable, ...], build: Callable[[], V]) -> V:
    """``build()`` once per state of the app's store (:mod:`accord.serve.cache`); shared, read only."""
    return cached(request.app.state.engine, key, build)
