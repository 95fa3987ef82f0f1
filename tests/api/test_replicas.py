"""Two replicas, one state: two `assistant serve` processes (and two `streamlit run app.py`) on
loopback against one PostgreSQL and one `chroma run` server. An interview started on one is
continued on the other, in both directions, and every committed turn is visible on the other.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from sqlalchemy import text

from assistant.sessions.db import make_engine
from tests.api import services as S
from tests.api.official import PROFILE, Official
from tests.knowledge.conftest import make_knowledge_dir

pytestmark = pytest.mark.slow
PG_ENV = "ASSISTANT_TEST_DATABASE_URL"


def postgres_url() -> str:
    url = os.environ.get(PG_ENV, "").strip()
    if url:
        return url
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{PG_ENV} is not set: CI must run the replica test on PostgreSQL")
    pytest.skip(f"{PG_ENV} is not set (scripts/test.sh starts PostgreSQL and sets it)")


@dataclass
class Stack:
    env: dict[str, str]
    apis: list[S.Service]
    tmp: Path
    logs: list[Path]
    codes: list[str]


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not S.CHROMA.exists():
        pytest.skip("the chroma command is not installed next to this Python")
    url = postgres_url()
    tmp = tmp_path_factory.mktemp("replicas")
    schema = f"r_{secrets.token_hex(6)}"
    admin = make_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in url else "?"
    started: list[S.Service] = []
    try:
        chroma = S.chroma(tmp).start()
        started.append(chroma)
        chroma.wait(60)
        env = S.service_env(
            database_url=f"{url}{sep}options={quote(f'-csearch_path={schema}')}",
            chroma_url=chroma.url,
            data_dir=str(tmp / "data"),
            knowledge_dir=str(make_knowledge_dir(tmp)),
        )
        S.ingest(env)
        apis = [S.api(tmp, f"api-{n}", env).start() for n in (1, 2)]
        started += apis
        for a in apis:
            a.wait()
        yield Stack(env, apis, tmp, [s.log for s in started], [])
    finally:
        for s in reversed(started):
            s.stop()
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def view(api: S.Service, code: str) -> dict[str, Any]:
    status, body = S.call("GET", f"{api.url}/v1/sessions/-", code=code)
    assert status == 200, body
    return body


@pytest.mark.parametrize("first", [0, 1])
def test_an_interview_alternates_between_the_api_replicas(stack: Stack, first: int) -> None:
    a, b = stack.apis[first], stack.apis[1 - first]
    status, created = S.call("POST", f"{a.url}/v1/sessions", {"lang": "en"})
    assert status == 201, created
    code, reply = str(created["code"]), created["reply"]
    stack.codes.append(code)
    official = Official(seed=first)
    replicas = [b, a]  # the first turn goes to the other replica
    n = 0
    while (body := official.next_turn(reply)) is not None:  # type: ignore[arg-type]
        here, there = replicas[n % 2], replicas[(n + 1) % 2]
        status, result = S.call("POST", f"{here.url}/v1/sessions/-/turns", body, code=code)
        assert status == 200, result
        reply = result["reply"]
        seen = view(there, code)  # committed on one, visible on the other at once
        assert seen["position"]["phase"] == reply["phase"]  # type: ignore[index]
        assert seen["progress"] == reply["progress"]  # type: ignore[index]
        n += 1
    assert reply["phase"] == "done" and len(official.confirmed) == 21  # type: ignore[index]
    levels = {k: v["level"] for k, v in view(a, code)["answers"].items()}
    assert levels == official.confirmed
    for api in (a, b):
        status, result = S.call("GET", f"{api.url}/v1/sessions/{code}/assessment")
        assert status == 200 and result["stage"], result


def test_both_replicas_answer_from_the_chroma_server(stack: Stack) -> None:
    for api in stack.apis:
        status, result = S.call(
            "POST", f"{api.url}/v1/ask",
            {"question": "市民参加の仕組みを作るにはどうすればよいですか", "k": 3},
        )  # fmt: skip
        assert status == 200 and result["answered"], result
        ids = {s["id"] for s in result["sources"]}  # type: ignore[union-attr]
        # The composed answer cites the element's chunk or the participation passage; both
        # exist only in the collection on the chroma server (nothing is embedded locally).
        assert {"test-participation.ja", "element-E13.ja"} & ids, result
    assert not (stack.tmp / "data" / "chroma").exists()  # nothing embedded locally


@pytest.fixture(scope="module")
def streamlits(stack: Stack) -> Iterator[list[S.Service]]:
    apps = [S.streamlit(stack.tmp, f"streamlit-{n}", stack.env).start() for n in (1, 2)]
    stack.logs += [a.log for a in apps]
    try:
        for app in apps:
            app.wait(120)
        yield apps
    finally:
        for app in apps:
            app.stop()


@pytest.mark.e2e
def test_the_web_app_and_the_api_continue_each_other(
    stack: Stack, streamlits: list[S.Service], browser: Any
) -> None:
    from tests.e2e.test_browser import click, current_element, idle, turn

    api1, api2 = stack.apis
    web1, web2 = streamlits
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    main = page.get_by_test_id("stMainBlockContainer")

    # API -> web: started and answered on an API replica, continued in the web app.
    status, created = S.call("POST", f"{api1.url}/v1/sessions", {"lang": "en", "profile": PROFILE})
    code = str(created["code"])
    stack.codes.append(code)
    status, _ = S.call("POST", f"{api2.url}/v1/sessions/-/turns",
                       {"choice": {"kind": "level", "level": 2}}, code=code)  # fmt: skip
    assert status == 200
    page.goto(f"{web1.url}/?code={code}")
    page.get_by_test_id("stChatMessage").first.wait_for(timeout=120_000)
    idle(page)
    assert current_element(page) == "E02"
    assert "1 of 21 elements answered" in main.inner_text()
    turn(page, lambda: click(page, "Don't know"))
    seen = view(api1, code)
    assert seen["position"]["element"] == "E03" and seen["answers"]["E02"]["level"] is None

    # web -> API: started in the other web replica, continued on the API, seen again in the web.
    page.goto(web2.url)
    page.get_by_text("About your city").wait_for(timeout=120_000)
    idle(page)
    page.get_by_label("City name").fill("Riverside")
    turn(page, lambda: click(page, "Start the interview", exact=False))
    code = page.url.split("code=")[1].split("&")[0]
    stack.codes.append(code)
    turn(page, lambda: click(page, "Don't know"))
    seen = view(api2, code)
    assert seen["position"]["element"] == "E02" and seen["profile"]["name"] == "Riverside"
    status, _ = S.call("POST", f"{api1.url}/v1/sessions/{code}/turns",
                       {"choice": {"kind": "level", "level": 3}})  # fmt: skip
    assert status == 200
    page.goto(f"{web1.url}/?code={code}")
    page.get_by_test_id("stChatMessage").first.wait_for(timeout=120_000)
    idle(page)
    assert current_element(page) == "E03"
    assert "2 of 21 elements answered" in main.inner_text()
    page.close()


def test_no_code_in_any_log(stack: Stack) -> None:
    """Run last in this module: no code created here is in any server's log (API, web, Chroma)."""
    status, created = S.call("POST", f"{stack.apis[0].url}/v1/sessions", {"profile": PROFILE})
    assert status == 201
    code = str(created["code"])
    stack.codes.append(code)
    status, _ = S.call("POST", f"{stack.apis[1].url}/v1/sessions/{code}/turns", {"text": "a pilot"})
    assert status == 200
    status, report = S.call("GET", f"{stack.apis[1].url}/v1/sessions/{code}/report?format=md")
    assert status == 200 and "Springfield" in str(report["text"])
    text_ = "\n".join(log.read_text(errors="replace") for log in stack.logs)
    assert "/v1/sessions/{code}/turns" in text_  # the access log is on, with the code redacted
    for code in stack.codes:
        assert code not in text_ and code.replace("-", "") not in text_
