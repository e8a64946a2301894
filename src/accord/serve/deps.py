"""Request-scoped dependencies shared by the API and the pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session, sessionmaker

# Names and free text arrive as query parameters; NUL never belongs in them (and PostgreSQL refuses it).
NO_NUL = r"^[^\x00]*$"
Name = Annotated[str | None, Query(max_length=300, pattern=NO_NUL)]
SearchText = Annotated[str | None, Query(max_length=500, pattern=NO_NUL)]


def get_session(request: Request) -> Iterator[Session]:
    factory: sessionmaker[Session] = request.app.state.sessions
    with factory() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
