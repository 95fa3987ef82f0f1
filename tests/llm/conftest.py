"""Fixtures for the LLM tests: cassette settings (pytest-recording) and the OpenAI target.

Cassettes live in ``tests/cassettes/``. By default they are replayed (``record_mode: none``) with
the network blocked; ``--record-mode=rewrite`` records them again, against the local stand-in
server unless ``LLM_CASSETTE_REAL_API=1`` (then against the real OpenAI API with the
``OPENAI_API_KEY`` from the environment). See ``tests/cassettes/README.md``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.llm import standin_server

CASSETTE_DIR = Path(__file__).resolve().parent.parent / "cassettes"
REAL_API_ENV = "LLM_CASSETTE_REAL_API"
FAKE_KEY = "sk-test-not-a-real-key"
_DROP_RESPONSE_HEADERS = ("set-cookie", "openai-organization", "openai-project", "cf-ray")


def _kind(request: Any) -> tuple[object, ...]:
    """What makes two chat requests the same call: model, output format, tool names."""
    try:
        body = json.loads(request.body or b"{}")
    except (TypeError, ValueError):
        return ("unparsed",)
    response_format = body.get("response_format") or {}
    tools = [t.get("function", {}).get("name") for t in body.get("tools") or []]
    schema_name = (response_format.get("json_schema") or {}).get("name")
    return (body.get("model"), response_format.get("type"), schema_name, tuple(tools))


def _same_kind(r1: Any, r2: Any) -> None:
    assert _kind(r1) == _kind(r2), f"{_kind(r1)} != {_kind(r2)}"


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in _DROP_RESPONSE_HEADERS:
            del headers[name]
    return response


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    vcr.register_matcher("openai_kind", _same_kind)


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTE_DIR)


@pytest.fixture
def vcr_config(record_mode: str) -> dict[str, Any]:
    # record_mode here wins over the command line inside pytest-recording, so pass the command
    # line's choice through: "none" (replay only) unless --record-mode says otherwise.
    return {
        "record_mode": record_mode,
        "filter_headers": ["authorization", "x-api-key", "openai-organization", "openai-project"],
        "before_record_response": _scrub_response,
        "decode_compressed_response": True,
        # The host is left out on purpose: cassettes recorded against the stand-in on 127.0.0.1
        # replay for a client pointed at api.openai.com, and the other way round.
        "match_on": ["method", "path", "openai_kind"],
    }


@pytest.fixture
def openai_target(record_mode: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point ChatOpenAI where this run needs it; yields "replay", "standin" or "real-api"."""
    for name in ("OPENAI_BASE_URL", "OPENAI_API_BASE", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID"):
        if record_mode == "none" or os.environ.get(REAL_API_ENV) != "1":
            monkeypatch.delenv(name, raising=False)
    if record_mode == "none":
        monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)  # nothing leaves the process
        yield "replay"
    elif os.environ.get(REAL_API_ENV) == "1":
        if not os.environ.get("OPENAI_API_KEY"):
            pytest.fail(f"{REAL_API_ENV}=1 needs OPENAI_API_KEY to record against the real API")
        yield "real-api"
    else:
        monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
        with standin_server.running() as url:
            monkeypatch.setenv("OPENAI_BASE_URL", url)
            yield "standin"
