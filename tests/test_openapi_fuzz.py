"""schemathesis against the server's own OpenAPI description (``GET /openapi.json``): for
each operation, requests generated from its schema (valid ones and broken ones), and none
may get a 5xx."""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from tests.server_helpers import running_server


def test_no_generated_request_gets_a_5xx(tiny_engine: Any) -> None:
    with running_server(tiny_engine, "hermes", max_tokens=8) as base:
        schema = schemathesis.openapi.from_url(f"{base}/openapi.json")
        operations = [result.ok() for result in schema.get_all_operations()]
        paths = {f"{op.method.upper()} {op.path}" for op in operations}
        assert "POST /v1/chat/completions" in paths

        for operation in operations:

            @given(case=operation.as_strategy())
            @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
            def generated(case: Any) -> None:
                case.call_and_validate(base_url=base, checks=[not_a_server_error], timeout=20)

            generated()
