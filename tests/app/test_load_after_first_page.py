"""The background load starts once the first page has been served (or after a while without a
visitor), so the first visitor's page does not wait for the interpreter lock behind it."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from assistant.settings import Settings
from assistant.web import resources


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """A process that has served no page yet; ``_build`` only notes that it started."""
    started = threading.Event()
    monkeypatch.setattr(resources, "_FIRST_PAGE", threading.Event())
    monkeypatch.setattr(resources, "_first_page_at", [])
    monkeypatch.setattr(resources, "GRACE", 0.05)
    monkeypatch.setattr(resources, "_build", lambda *_: started.set())
    return started


def _start(settings: Settings) -> threading.Thread:
    from concurrent.futures import Future

    model: Future[Any] = Future()
    worker = threading.Thread(target=resources._held_build, args=(settings, model), daemon=True)
    worker.start()
    return worker


def test_the_load_waits_for_the_first_page(
    fresh: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resources, "HOLD", 60.0)
    worker = _start(Settings())
    assert not fresh.wait(0.3)  # no page served yet: still held
    resources.page_served()
    assert fresh.wait(10)
    worker.join(10)


def test_without_a_visitor_the_load_starts_anyway(
    fresh: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resources, "HOLD", 0.1)
    worker = _start(Settings())
    assert fresh.wait(10)
    worker.join(10)


def test_a_page_run_counts_as_served(monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import APP

    monkeypatch.setattr(resources, "_FIRST_PAGE", threading.Event())
    monkeypatch.setattr(resources, "_first_page_at", [])
    AppTest.from_file(APP, default_timeout=30).run()
    assert resources._FIRST_PAGE.is_set()
