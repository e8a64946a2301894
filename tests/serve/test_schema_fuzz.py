"""Schemathesis over the whole generated OpenAPI schema, on SQLite and PostgreSQL: every operation with
data that fits the schema (positive) and data that does not (negative). Whatever it sends: no 5xx, every
answer has the documented content type and shape, the security headers, and an error is the JSON error
shape. The budget is bounded: a fixed number of examples per operation and mode, each within a deadline
(the what-if's own limits keep any one request short)."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from accord.serve import create_app

CHECKS = [not_a_server_error, content_type_conformance, response_schema_conformance]
EXAMPLES = 25  # per operation and mode
DEADLINE = timedelta(seconds=20)  # per example: a what-if with draws is the slowest, ~1 s
BUDGET = 600.0  # seconds for the whole run on one backend; in practice ~30 s


def _answer_is_guarded(response: Any) -> None:
    headers = {k.lower(): v for k, v in response.headers.items()}
    for name in ("content-security-policy", "x-content-type-options", "x-frame-options"):
        assert name in headers, (name, response.status_code)
    if response.status_code >= 400:
        error = response.json()["error"]
        assert error["code"] and error["message"], error


def test_api_never_fails_on_any_input(served_db: dict[str, Any]) -> None:
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(served_db["url"]))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 14
    started = time.monotonic()
    for operation in operations:
        takes_input = bool(list(operation.iter_parameters())) or bool(len(operation.body))
        modes = (
            [GenerationMode.POSITIVE, GenerationMode.NEGATIVE] if takes_input else [GenerationMode.POSITIVE]
        )
        for mode in modes:

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=EXAMPLES,
                deadline=DEADLINE,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def call(case: Any) -> None:
                response = case.call_and_validate(checks=CHECKS)
                _answer_is_guarded(response)

            call()
    assert time.monotonic() - started < BUDGET
