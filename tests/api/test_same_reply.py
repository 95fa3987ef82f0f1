"""The API and the engine as the web app builds and drives it give the same reply, turn by turn,
for the same whole interview (real offline interpreter on both sides, a small knowledge base)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.api.resources import build_collaborators
from assistant.interview.state import Action, Reply
from assistant.models import CityProfile
from assistant.settings import Settings
from assistant.web import resources
from tests.api.official import PROFILE, Official
from tests.knowledge.conftest import make_knowledge_dir

pytestmark = pytest.mark.slow


def settings(data_dir: Path, kdir: Path) -> Settings:
    return Settings(
        data_dir=data_dir, knowledge_dir=kdir, chroma_url=None, llm=None, database_url=None
    )


def normalised(reply: dict[str, Any], code: str) -> dict[str, Any]:
    """The reply without what differs by design between two sessions: the code."""
    text = json.dumps({k: v for k, v in reply.items() if k != "code"}, ensure_ascii=False)
    return json.loads(text.replace(code, "<code>"))


def test_api_and_web_engine_reply_alike(tmp_path: Path) -> None:
    kdir = make_knowledge_dir(tmp_path)
    web = resources.engine(settings(tmp_path / "web", kdir))
    resources.knowledge(settings(tmp_path / "web", kdir)).wait()  # the web app's model load
    client = TestClient(create_app(build_collaborators(settings(tmp_path / "api", kdir))))

    # The web app starts from its profile form, then sends buttons and typed messages.
    web_code, web_reply = web.start("en", CityProfile.model_validate(PROFILE))
    created = client.post("/v1/sessions", json={"lang": "en", "profile": PROFILE}).json()
    api_code, api_reply = created["code"], created["reply"]
    official = Official(seed=2)
    turns = 0
    while True:
        assert normalised(api_reply, api_code) == normalised(
            web_reply.model_dump(mode="json"), web_code
        ), f"turn {turns}"
        body = official.next_turn(api_reply)
        if body is None:
            break
        turns += 1
        r = client.post(
            "/v1/sessions/-/turns", json=body, headers={"Authorization": f"Session {api_code}"}
        )
        assert r.status_code == 200, r.text
        api_reply = r.json()["reply"]
        web_reply = _web_turn(web, web_code, body)
    assert api_reply["phase"] == "done" and turns > 21
    assert any(b for b in official.typed)  # typed answers went through the interpreter


def _web_turn(web: Any, code: str, body: dict[str, Any]) -> Reply:
    """What ``assistant.web.interview_page.take_turn`` calls for a button or a typed message."""
    if "choice" in body:
        return web.act(code, Action.model_validate(body["choice"]))  # type: ignore[no-any-return]
    return web.handle(code, body["text"])  # type: ignore[no-any-return]
