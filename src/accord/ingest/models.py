"""What ingest hands from one step to the next, and what it reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field


class RawArticle(BaseModel):
    """One article as a reader found it, before normalization."""

    source_id: str
    text: str
    title: str | None = None
    url: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None
    origin: str | None = None  # file path (and record number) it came from
    extra: dict[str, Any] = Field(default_factory=dict)


class IngestIssue(BaseModel):
    source: str
    code: str
    message: str


class IngestNotice(BaseModel):
    """Something in an input folder that was passed over on purpose (a FIFO, a socket): not an error."""

    source: str
    message: str


class IngestReport(BaseModel):
    added: int = 0
    unchanged: int = 0
    new_versions: int = 0
    errors: list[IngestIssue] = Field(default_factory=list)
    notices: list[IngestNotice] = Field(default_factory=list)
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and not self.interrupted

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.new_versions} new versions, {self.unchanged} unchanged, "
            f"{len(self.errors)} failed"
        )
