"""In a real Chromium: the two messages that once rendered user text as Markdown (the answers-file
error naming city_type, "Added ..." with a city name) show it as text, and the browser fetches
nothing the text names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.answers_io import parse_answers
from assistant.sessions import make_session_store
from assistant.settings import Settings
from tests.app.conftest import EXAMPLE
from tests.e2e.conftest import Server
from tests.e2e.test_browser import idle, shot

pytestmark = pytest.mark.e2e

IMAGE = "![x](http://evil.example/pixel.png) [click](http://evil.example/) <b>bold</b>"


def hostile(**city: str) -> dict[str, Any]:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["city"].update(city)
    return data


def live_in_alerts(page: Any) -> int:
    """Images, links and bold elements inside any alert box (error, success)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stAlert"]')]
              .reduce((n, a) => n + a.querySelectorAll('img, a, b').length, 0)"""
    )


def test_error_and_success_messages_show_user_text_as_text(
    server: Server, browser: Any, artifacts: Path, tmp_path: Path
) -> None:
    requests: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{server.url}/workspace")
    page.get_by_test_id("stFileUploaderDropzoneInput").first.wait_for(
        state="attached", timeout=60_000
    )
    idle(page)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(hostile(city_type=IMAGE)), encoding="utf-8")
    page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files([str(bad)])
    idle(page)
    alert = page.get_by_test_id("stAlert").filter(has_text="unknown city type").first
    alert.wait_for()
    assert "![x](http://evil.example/pixel.png)" in alert.inner_text().replace("\u2060", "")
    assert live_in_alerts(page) == 0
    shot(page, artifacts, "hostile-error")

    store = make_session_store(Settings(data_dir=server.data_dir))
    code = store.import_answers(parse_answers(json.dumps(hostile(name=IMAGE))))
    store.engine.dispose()  # type: ignore[attr-defined]
    page.get_by_label("Add a session by its code").fill(code)
    page.get_by_role("button", name="Add", exact=True).click()
    idle(page)
    success = page.get_by_test_id("stAlert").filter(has_text="Added ![x]").first
    success.wait_for()
    assert "[click](http://evil.example/)" in success.inner_text().replace("\u2060", "")
    assert live_in_alerts(page) == 0
    shot(page, artifacts, "hostile-success")
    assert not [u for u in requests if "evil.example" in u]
