"""Contract tests over the OpenAPI document (schemathesis): whatever a client sends, no 500, no
traceback, and every error is problem+json. Requests carry a real session's code in the header,
so operations on ``/v1/sessions/-/...`` reach the engine, not only the 404 path."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings

from assistant.api.resources import Collaborators
from assistant.framework import get_framework
from assistant.interview.engine import InterviewEngine
from tests.api.conftest import FakeAsk, make_client
from tests.api.official import PROFILE
from tests.interview.fakes import CannedAnswerer, KeywordInterpreter, now
from tests.interview.stores import memory_store

_store = memory_store()
_fw = get_framework()
_collab = Collaborators(
    _fw, InterviewEngine(_fw, KeywordInterpreter(), _store, CannedAnswerer(), clock=now),
    _store, FakeAsk(), lambda: None,
)  # fmt: skip
_client = make_client(_collab, sessions_per_minute=1e6, sessions_burst=10**6,
                      lookups_per_minute=1e6, lookups_burst=10**6)  # fmt: skip
_app = _client.app
CODE = _client.post("/v1/sessions", json={"lang": "en", "profile": PROFILE}).json()["code"]
schema = schemathesis.openapi.from_asgi("/openapi.json", _app)


@schemathesis.check
def problem_json(ctx, response, case) -> None:
    """Every error is RFC 9457 problem+json with a title, and nothing leaks a traceback."""
    assert b"Traceback" not in response.content, "a traceback in the response"
    if response.status_code >= 400:
        assert response.headers.get("content-type", [""])[0] == "application/problem+json", (
            f"{response.status_code} is not problem+json"
        )
        body = response.json()
        assert body["status"] == response.status_code and body["title"], body


@schemathesis.check
def no_internal_error(ctx, response, case) -> None:
    """No 500; the only 5xx is the documented 503 (knowledge base unavailable)."""
    assert response.status_code < 500 or response.status_code == 503, (
        f"server error {response.status_code}"
    )


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_fuzzed_requests_never_fail_the_server(case):
    case.call_and_validate(
        headers={"Authorization": f"Session {CODE}"},
        checks=[no_internal_error, problem_json],
    )


@schema.include(path_regex=r"\{code\}").parametrize()
@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
def test_fuzzed_requests_on_a_live_session_never_fail_the_server(case):
    """The same, with every request on the live session (the engine sees the fuzzed bodies)."""
    case.path_parameters = {**(case.path_parameters or {}), "code": "-"}
    case.call_and_validate(
        headers={"Authorization": f"Session {CODE}"},
        checks=[no_internal_error, problem_json],
    )
