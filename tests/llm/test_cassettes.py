"""The real provider path through langchain-openai, replayed from pytest-recording cassettes.

IMPORTANT: the cassettes in ``tests/cassettes/`` were recorded against a LOCAL STAND-IN server
(``tests/llm/standin_server.py`` on 127.0.0.1), not against the real OpenAI API: the build
machine has no network. They prove that ``make_chat_model`` builds a ChatOpenAI whose HTTP
requests (a plain invoke, and the JSON-schema structured output of ``LLMInterpreter``) go
through the openai client, that the Authorization header never reaches a cassette, and that the
responses are parsed into our types. They do not prove what the real model would answer.

By default the cassettes are replayed with the network blocked (``record_mode: none``, and the
``block_network`` mark). To re-record against the real API (the stand-in switched off)::

    LLM_CASSETTE_REAL_API=1 OPENAI_API_KEY=sk-... \\
        .venv/bin/python -m pytest tests/llm --record-mode=rewrite -k cassette

and against the stand-in again: ``.venv/bin/python -m pytest tests/llm --record-mode=rewrite -k
cassette``. The real model's levels may differ from the stand-in's, so the assertions here check
the shape of what comes back, not a particular level.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from assistant.interpret.llm_interpreter import LLMInterpreter
from assistant.llm import make_chat_model
from assistant.models import Framework
from assistant.settings import Settings
from tests.llm.conftest import CASSETTE_DIR
from tests.llm.fakes import FakeOffline
from tests.llm.standin_server import check_strict_schema

SETTINGS = Settings(llm="openai:gpt-4o-mini", llm_timeout=20, llm_max_retries=0)
ANSWER_EN = (
    "A draft smart-city ordinance is waiting for the council, and the transport department "
    "gave a one-time permit for an e-bus pilot."
)
ANSWER_JA = (
    "スマートシティ条例案が議会の審議待ちで、交通部局が電気バスの実証に一回限りの許可を出しました。"
)


def _body(request: Any) -> dict[str, Any]:
    return json.loads(request.body)


def _check_cassette(vcr: Any, target: str) -> None:
    """Exactly one HTTP call went through the cassette, and it carries no credential."""
    assert len(vcr.requests) == 1
    if target == "replay":
        assert vcr.play_count == 1 and vcr.all_played
    request = vcr.requests[0]
    assert request.path == "/v1/chat/completions"
    assert "authorization" not in {h.lower() for h in request.headers}
    # The openai client states the read timeout it was given: ours, from the settings.
    headers = {k.lower(): v for k, v in request.headers.items()}
    timeout = headers["x-stainless-read-timeout"]
    assert float(timeout[0] if isinstance(timeout, list) else timeout) == SETTINGS.llm_timeout


@pytest.mark.vcr
@pytest.mark.block_network
def test_cassette_plain_invoke(openai_target: str, vcr: Any) -> None:
    chat_model = make_chat_model(SETTINGS)
    assert chat_model is not None
    reply = chat_model.invoke("Reply with one short sentence about smart cities.")
    assert isinstance(reply.text, str) and reply.text.strip()
    assert reply.response_metadata["model_name"].startswith("gpt-4o-mini")
    _check_cassette(vcr, openai_target)
    body = _body(vcr.requests[0])
    assert body["model"] == "gpt-4o-mini"
    assert "response_format" not in body and "tools" not in body


@pytest.mark.vcr
@pytest.mark.block_network
@pytest.mark.parametrize(
    ("lang", "answer"), [("en", ANSWER_EN), ("ja", ANSWER_JA)], ids=["en", "ja"]
)
def test_cassette_structured_interpretation(
    openai_target: str, vcr: Any, fw: Framework, lang: str, answer: str
) -> None:
    chat_model = make_chat_model(SETTINGS)
    assert chat_model is not None
    offline = FakeOffline()
    result = LLMInterpreter(chat_model, offline).interpret(fw.element("E12"), answer, lang)  # type: ignore[arg-type]

    assert offline.calls == 0, result.notice
    assert result.source == "llm" and result.notice is None
    assert result.element == "E12"
    assert result.level is None or 0 <= result.level <= 4
    assert 0 <= result.confidence <= 1
    if result.level is not None:
        assert result.evidence and result.evidence in answer

    _check_cassette(vcr, openai_target)
    body = _body(vcr.requests[0])
    assert body["model"] == "gpt-4o-mini"
    assert body["response_format"]["type"] == "json_schema"
    schema = body["response_format"]["json_schema"]
    assert schema["name"] == "LLMOutput"
    if schema.get("strict"):
        check_strict_schema(schema["schema"])  # what the real API demands of a strict schema
    assert set(schema["schema"]["properties"]) == {
        "level",
        "evidence_quote",
        "confidence",
        "follow_up",
    }
    system, user = body["messages"][0], body["messages"][1]
    assert system["role"] == "system" and "<official_answer>" in system["content"]
    quoted = user["content"].split("<official_answer>", 1)[1].split("</official_answer>", 1)[0]
    assert quoted.strip() == answer


def test_cassette_files_hold_no_credentials() -> None:
    """Every shipped cassette exists and no API key or bearer token was written to it."""
    names = sorted(p.name for p in CASSETTE_DIR.glob("*.yaml"))
    assert names == [
        "test_cassette_plain_invoke.yaml",
        "test_cassette_structured_interpretation[en].yaml",
        "test_cassette_structured_interpretation[ja].yaml",
    ]
    for name in names:
        text = (CASSETTE_DIR / name).read_text(encoding="utf-8")
        assert "bearer" not in text.lower(), name
        assert "sk-" not in text, name
        assert "authorization" not in text.lower(), name
