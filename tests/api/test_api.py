"""The HTTP API end to end through the test client: a whole interview, the session code in the
header, every error as problem+json, the body cap, rate limits and the redacted access log."""

from __future__ import annotations

import io
import json
import logging

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from assistant.api.guards import RateLimiter, redact_path
from assistant.framework import get_framework
from assistant.scoring import assess
from tests.api.conftest import auth, make_client
from tests.api.official import PROFILE, Official
from tests.conftest import make_answers

PROBLEM = "application/problem+json"


def assert_problem(response, status: int, title: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == status and body["title"] and "type" in body
    assert "Traceback" not in response.text
    if title is not None:
        assert body["title"] == title
    return body


def interview(client: TestClient, start: dict) -> tuple[str, Official, list[dict]]:
    """A whole interview with the code only in the header; returns the code and every reply."""
    created = client.post("/v1/sessions", json=start)
    assert created.status_code == 201, created.text
    code = created.json()["code"]
    official = Official(seed=1, lang=start.get("lang", "en"))
    replies = [created.json()["reply"]]
    while (body := official.next_turn(replies[-1])) is not None:
        assert official.turns < 200, "the interview does not end"
        r = client.post("/v1/sessions/-/turns", json=body, headers=auth(code))
        assert r.status_code == 200, r.text
        replies.append(r.json()["reply"])
    return code, official, replies


@pytest.mark.parametrize("start", [{"lang": "en"}, {"lang": "ja", "profile": PROFILE}])
def test_whole_interview_confirmed_answers_are_in_the_store(client, store, start):
    code, official, replies = interview(client, start)
    assert replies[-1]["phase"] == "done" and replies[-1]["assessment"] is not None
    assert len(official.confirmed) == 21
    stored = store.load(code)
    assert {k: a.level for k, a in stored.answers.items()} == official.confirmed
    view = client.get("/v1/sessions/-", headers=auth(code)).json()
    assert view["position"]["phase"] == "done" and view["progress"]["done"] == 21
    assert {k: a["level"] for k, a in view["answers"].items()} == official.confirmed
    # The assessment endpoint is `score --json` of the exported answers file.
    assessment = client.get(f"/v1/sessions/{code}/assessment", params={"lang": "en"})
    expected = assess(get_framework(), store.export(code), "en").model_dump(mode="json")
    assert assessment.json() == json.loads(json.dumps(expected))


def test_reading_a_session_writes_nothing(client, store):
    code = client.post("/v1/sessions", json={}).json()["code"]
    before = len(store.turns(code))
    assert client.get(f"/v1/sessions/{code}").status_code == 200
    assert len(store.turns(code)) == before


def test_code_in_path_or_header_and_their_errors(client):
    code = client.post("/v1/sessions", json={"lang": "en"}).json()["code"]
    assert client.get(f"/v1/sessions/{code}").status_code == 200
    assert client.get(f"/v1/sessions/{code.lower()}", headers=auth(code)).status_code == 200
    other = client.post("/v1/sessions", json={}).json()["code"]
    assert_problem(client.get(f"/v1/sessions/{code}", headers=auth(other)), 400)
    missing = assert_problem(client.get("/v1/sessions/-"), 401, "A session code is required")
    assert missing["type"].endswith("code-required")
    r = client.get("/v1/sessions/-", headers={"Authorization": f"Bearer {code}"})
    assert_problem(r, 401)
    assert r.headers["www-authenticate"] == "Session"
    # Wrong and malformed codes are the same 404.
    wrong = client.get("/v1/sessions/-", headers=auth("0000-0000-0000-0000-0000-0000-0000"))
    malformed = client.get("/v1/sessions/-", headers=auth("<script>"))
    assert assert_problem(wrong, 404) == assert_problem(malformed, 404)


def test_every_error_is_problem_json_with_one_title(client):
    code = client.post("/v1/sessions", json={}).json()["code"]
    assert_problem(client.get("/v1/nowhere"), 404, "Not Found")
    assert_problem(client.delete("/v1/sessions"), 405, "Method Not Allowed")
    bad_json = client.post(
        "/v1/sessions/-/turns",
        content=b"{not json",
        headers={**auth(code), "content-type": "application/json"},
    )
    assert_problem(bad_json, 400, "The request body is not valid JSON")
    hostile = "<img src=x onerror=alert(1)>"
    invalid = client.post(
        "/v1/sessions/-/turns",
        json={"text": hostile, "choice": {"kind": "confirm"}},
        headers=auth(code),
    )
    body = assert_problem(invalid, 422, "The request is not valid")
    assert body["errors"] and hostile not in invalid.text  # never echoed
    wrong_type = client.post("/v1/sessions/-/turns", json={"text": 1}, headers=auth(code))
    locs = [e["loc"] for e in assert_problem(wrong_type, 422)["errors"]]
    assert ["body", "text"] in locs and not any("Turn" in "".join(loc) for loc in locs)
    assert_problem(
        client.post("/v1/sessions/-/turns", json={"text": "   "}, headers=auth(code)), 422
    )
    assert_problem(
        client.post("/v1/sessions/-/turns", json={"choice": {"kind": "fly"}}, headers=auth(code)),
        422,
    )
    for choice in ({"kind": "domain"}, {"kind": "change", "element": "E99"}, {"kind": "level"}):
        r = client.post("/v1/sessions/-/turns", json={"choice": choice}, headers=auth(code))
        assert_problem(r, 422)  # refused before the engine sees it (it would fail inside)
    lone = b'{"text": "\\udab3 city"}'  # a lone surrogate: PostgreSQL could not store it
    r = client.post(
        "/v1/sessions/-/turns",
        content=lone,
        headers={**auth(code), "content-type": "application/json"},
    )
    assert_problem(r, 422)
    pair = b'{"text": "\\ud83c\\udfd9 city"}'  # a proper pair (an emoji) is fine
    r = client.post(
        "/v1/sessions/-/turns",
        content=pair,
        headers={**auth(code), "content-type": "application/json"},
    )
    assert r.status_code == 200
    assert_problem(client.post("/v1/ask", json={"question": "x", "k": 11}), 422)
    assert_problem(client.post("/v1/score", json={"city": {"name": "X"}}), 422)


def test_request_bodies_are_capped(collab):
    client = make_client(collab, max_body_bytes=1000)
    body = assert_problem(client.post("/v1/ask", json={"question": "x" * 2000}), 413)
    assert "1000 bytes" in body["detail"]

    def chunks():  # no Content-Length: counted as it streams in
        yield b'{"question": "'
        for _ in range(10):
            yield b"x" * 200
        yield b'"}'

    streamed = client.post(
        "/v1/ask", content=chunks(), headers={"content-type": "application/json"}
    )
    assert_problem(streamed, 413)
    assert client.post("/v1/ask", json={"question": "small"}).status_code == 200


def test_session_creation_and_lookups_are_rate_limited_per_client(collab):
    client = make_client(
        collab, sessions_per_minute=1, sessions_burst=2, lookups_per_minute=1, lookups_burst=3
    )
    codes = [client.post("/v1/sessions", json={}).json()["code"] for _ in range(2)]
    limited = client.post("/v1/sessions", json={})
    assert_problem(limited, 429, "Too Many Requests")
    assert int(limited.headers["retry-after"]) >= 1
    for _ in range(3):
        assert client.get(f"/v1/sessions/{codes[0]}").status_code == 200
    assert_problem(client.get(f"/v1/sessions/{codes[0]}"), 429)
    assert_problem(client.get("/v1/sessions/-", headers=auth("guess")), 429)  # guesses too
    assert client.post("/v1/score", json=make_answers(2).model_dump(mode="json")).status_code == 200


def test_token_buckets_refill_and_are_per_client():
    t = [0.0]
    limiter = RateLimiter(per_minute=60, burst=2, clock=lambda: t[0])
    assert limiter.check("a") == 0 and limiter.check("a") == 0
    assert limiter.check("a") == pytest.approx(1.0)
    assert limiter.check("b") == 0  # another address has its own bucket
    t[0] = 1.0
    assert limiter.check("a") == 0


def test_access_log_never_shows_a_code(client, caplog):
    caplog.set_level(logging.INFO, logger="assistant.api.access")
    code = client.post("/v1/sessions", json={}).json()["code"]
    client.post(f"/v1/sessions/{code}/turns", json={"text": "Springfield"})
    client.get("/v1/sessions/-", headers=auth(code))
    client.get(f"/v1/sessions/{code}/report", params={"format": "md"})
    lines = [r.getMessage() for r in caplog.records if r.name == "assistant.api.access"]
    assert len(lines) == 4
    raw = code.replace("-", "")
    assert not any(code in line or raw in line for line in lines)
    assert any('"POST /v1/sessions/{code}/turns" 200' in line for line in lines)
    assert redact_path(f"/v1/sessions/{code}") == "/v1/sessions/{code}"


def test_reports_in_markdown_html_and_pdf(client):
    code = client.post("/v1/sessions", json={"lang": "en"}).json()["code"]
    early = client.get(f"/v1/sessions/{code}/report")
    assert_problem(early, 409, "This session has no city profile yet")
    code = client.post("/v1/sessions", json={"lang": "ja", "profile": PROFILE}).json()["code"]
    md = client.get("/v1/sessions/-/report", params={"format": "md"}, headers=auth(code))
    assert md.headers["content-type"].startswith("text/markdown") and "Springfield" in md.text
    assert "段階" in md.text or "ステージ" in md.text  # the session's language (ja) wins
    html = client.get(f"/v1/sessions/{code}/report", params={"format": "html", "lang": "en"})
    assert html.headers["content-type"].startswith("text/html") and "<html" in html.text
    assert "default-src 'none'" in html.headers["content-security-policy"]
    pdf = client.get(f"/v1/sessions/{code}/report", params={"format": "pdf"})
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(pdf.content)).pages
    assert pdf.content.startswith(b"%PDF-") and "Springfield" in pages[0].extract_text()
    assert "段階" in "".join(p.extract_text() for p in pages)  # the session's language, ja
    assert_problem(client.get(f"/v1/sessions/{code}/report", params={"format": "doc"}), 422)


def test_score_and_ask_are_the_cli_results(client, collab):
    answers = make_answers({"E01": 3, "E02": 2, "E05": None})
    r = client.post("/v1/score", params={"lang": "ja"}, json=answers.model_dump(mode="json"))
    assert r.status_code == 200
    assert r.json() == json.loads(
        json.dumps(assess(get_framework(), answers, "ja").model_dump(mode="json"))
    )
    a = client.post("/v1/ask", json={"question": "What is E13?", "lang": "en", "k": 2})
    assert (
        a.status_code == 200 and a.json()["answered"] is False and a.json()["mode"] == "extractive"
    )
    assert collab.ask.calls == [("What is E13?", "en", 2)]


def test_resume_gives_the_current_question(client):
    code = client.post("/v1/sessions", json={"profile": PROFILE}).json()["code"]
    r = client.post("/v1/sessions/-/resume", headers=auth(code))
    assert r.status_code == 200
    reply = r.json()["reply"]
    assert reply["phase"] == "element" and reply["element"] == "E01" and reply["choices"]


def test_docs_work_offline(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "swagger-ui-bundle.js" in page.text
    assert "cdn." not in page.text and "https://" not in page.text.replace("https://fastapi", "")
    js = next(u for u in page.text.split('"') if u.endswith("swagger-ui-bundle.js"))
    assert client.get(js).status_code == 200
    assert client.get("/openapi.json").json()["paths"]["/v1/sessions/{code}/turns"]


def test_the_code_is_not_stored_in_clear(client, store):
    from sqlalchemy import text

    code = client.post("/v1/sessions", json={"profile": PROFILE}).json()["code"]
    client.post("/v1/sessions/-/turns", json={"text": "pause"}, headers=auth(code))
    with store.engine.connect() as conn:
        turns = [row[0] for row in conn.execute(text("SELECT text FROM assistant_turns"))]
    assert turns and not any(code in t or code.replace("-", "") in t for t in turns)


def test_serve_refuses_a_bad_worker_count(capsys):
    from assistant.cli import main

    assert main(["serve", "--workers", "0"]) == 2
    assert "--workers must be between 1 and 64" in capsys.readouterr().err
