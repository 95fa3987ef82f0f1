"""A small local stand-in for OpenAI's ``/v1/chat/completions``, used only to record cassettes.

There is no network on the build machine, so the cassettes under ``tests/cassettes/`` were
recorded against this server on 127.0.0.1, not against the real OpenAI API. It answers in the
Chat Completions response format that ``langchain-openai`` parses:

- a plain request gets a short text reply;
- a request with ``response_format: {"type": "json_schema", ...}`` (ChatOpenAI's default for
  ``with_structured_output``) gets the JSON object as the message content;
- a request with ``tools`` gets one ``tool_calls`` entry calling the first tool.

The structured answer is made by a crude, deterministic reading of the text between
``<official_answer>`` tags: the first clause with a cue word decides the level and is the
evidence quote. It exists to exercise the HTTP path and the parsing, not to judge answers.

Run it by hand with ``python -m tests.llm.standin_server [PORT]``.
"""

from __future__ import annotations

import json
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODEL_SNAPSHOT = "gpt-4o-mini-2024-07-18"
_ANSWER = re.compile(r"<official_answer>\s*(.*?)\s*</official_answer>", re.DOTALL)
_CLAUSES = re.compile(r"[^.;,。、；，\n]+")
# level -> cue words (English and Japanese); the first clause holding a cue sets the level
_CUES: tuple[tuple[int, tuple[str, ...]], ...] = (
    (3, ("adopted", "approved", "in force", "operating", "running", "採択", "運用", "施行")),
    (2, ("draft", "pilot", "one-time", "草案", "条例案", "実証", "一回限り")),
    (1, ("plan", "discuss", "considering", "検討", "計画")),
)


def read_answer(messages: list[dict[str, Any]]) -> str:
    """The official's answer quoted in the last user message, or ''."""
    for message in reversed(messages):
        content = message.get("content")
        if message.get("role") == "user" and isinstance(content, str):
            found = _ANSWER.search(content)
            return found.group(1) if found else ""
    return ""


def propose(answer: str) -> dict[str, Any]:
    """The stand-in's structured answer for one official's answer."""
    clauses = [c.strip() for c in _CLAUSES.findall(answer) if c.strip()]
    for level, cues in _CUES:
        for clause in clauses:
            if any(cue in clause.lower() for cue in cues):
                return {
                    "level": level,
                    "evidence_quote": clause,
                    "confidence": 0.7,
                    "follow_up": None,
                }
    return {
        "level": None,
        "evidence_quote": "",
        "confidence": 0.2,
        "follow_up": "Could you say what is actually in place today?",
    }


# Keywords the real API refuses in a strict schema (a conservative reading of its documentation).
_STRICT_UNSUPPORTED = frozenset(
    {
        "minLength",
        "maxLength",
        "minProperties",
        "maxProperties",
        "patternProperties",
        "unevaluatedProperties",
        "contains",
        "uniqueItems",
    }
)


def check_strict_schema(schema: Any, where: str = "schema") -> None:
    """Refuse what strict structured outputs refuse: open objects, optional keys, odd keywords."""
    if isinstance(schema, list):
        for i, item in enumerate(schema):
            check_strict_schema(item, f"{where}[{i}]")
        return
    if not isinstance(schema, dict):
        return
    bad = _STRICT_UNSUPPORTED.intersection(schema)
    if bad:
        raise ValueError(f"{where}: keywords not permitted in strict mode: {sorted(bad)}")
    if schema.get("type") == "object":
        if schema.get("additionalProperties") is not False:
            raise ValueError(f"{where}: strict mode needs additionalProperties: false")
        properties = schema.get("properties", {})
        if sorted(schema.get("required", [])) != sorted(properties):
            raise ValueError(f"{where}: strict mode needs every property in 'required'")
    for key, value in schema.items():
        if isinstance(value, dict | list):
            check_strict_schema(value, f"{where}.{key}")


def _structured(properties: dict[str, Any], answer: str) -> dict[str, Any]:
    proposal = propose(answer)
    missing = [name for name in properties if name not in proposal]
    if missing:
        raise ValueError(f"the stand-in cannot fill schema properties {missing}")
    return {name: proposal[name] for name in properties}


def complete(body: dict[str, Any]) -> dict[str, Any]:
    """A Chat Completions response for one request body; raises ValueError for a bad request."""
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        raise ValueError("'messages' must be a non-empty list")
    if body.get("stream"):
        raise ValueError("the stand-in does not stream")
    message: dict[str, Any] = {"role": "assistant", "content": None, "refusal": None}
    finish = "stop"
    response_format = body.get("response_format") or {}
    if response_format.get("type") == "json_schema":
        schema = response_format["json_schema"]["schema"]
        if response_format["json_schema"].get("strict"):
            check_strict_schema(schema)
        content = _structured(schema.get("properties", {}), read_answer(messages))
        message["content"] = json.dumps(content, ensure_ascii=False)
    elif body.get("tools"):
        function = body["tools"][0]["function"]
        if function.get("strict"):
            check_strict_schema(function["parameters"])
        arguments = _structured(function["parameters"].get("properties", {}), read_answer(messages))
        message["tool_calls"] = [
            {
                "id": "call_standin_1",
                "type": "function",
                "function": {
                    "name": function["name"],
                    "arguments": json.dumps(arguments, ensure_ascii=False),
                },
            }
        ]
        finish = "tool_calls"
    else:
        last = str(messages[-1].get("content", ""))
        message["content"] = f"Stand-in reply to: {last[:60]}"
    prompt_tokens = sum(len(str(m.get("content", "")).split()) for m in messages)
    completion_tokens = len(str(message["content"] or "").split()) + 1
    return {
        "id": "chatcmpl-standin-1",
        "object": "chat.completion",
        "created": 1767225600,
        "model": MODEL_SNAPSHOT,
        "system_fingerprint": "fp_standin",
        "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": finish}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


class _Handler(BaseHTTPRequestHandler):
    server_version = "standin-openai/1"

    def do_POST(self) -> None:
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
            return
        if not self.headers.get("Authorization", "").startswith("Bearer "):
            self._send(401, {"error": {"message": "missing API key", "type": "auth_error"}})
            return
        length = int(self.headers.get("Content-Length") or 0)
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
            payload = complete(body)
        except (ValueError, KeyError, TypeError) as exc:
            self._send(400, {"error": {"message": str(exc), "type": "invalid_request_error"}})
            return
        self._send(200, payload)

    def _send(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # quiet during tests
        return


@contextmanager
def running(port: int = 0) -> Iterator[str]:
    """Serve on 127.0.0.1 in a background thread; yields the base URL (``.../v1``)."""
    server = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


if __name__ == "__main__":
    with running(int(sys.argv[1]) if len(sys.argv) > 1 else 8089) as url:
        print(f"stand-in OpenAI API at {url} (Ctrl-C to stop)", flush=True)
        threading.Event().wait()
