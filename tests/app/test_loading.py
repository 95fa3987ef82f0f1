"""The page is usable while the embedding model loads: the load runs in the background and the
pages that do not need it render at once, with a status in the sidebar."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from assistant.settings import Settings
from assistant.web import resources
from tests.app.conftest import APP, EXAMPLE, texts


def test_pages_render_while_the_model_is_still_loading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path))  # a configuration of its own
    release = threading.Event()
    started = threading.Event()
    real_build = resources._build

    def slow_build(settings: Settings, *rest: Any) -> resources.Loaded:
        started.set()
        release.wait(timeout=60)
        return real_build(settings, *rest)

    monkeypatch.setattr(resources, "_build", slow_build)
    try:
        at = AppTest.from_file(APP, default_timeout=30).run()
        assert not at.exception
        assert started.wait(timeout=10)
        assert "About your city" in texts(at.subheader)  # the intake form is there
        assert any("Knowledge base loading" in c for c in texts(at.sidebar.caption))
        at.switch_page("app_pages/results.py").run()
        at.file_uploader(key="results-upload").upload(
            "riverside.json", EXAMPLE.read_bytes(), "application/json"
        )
        at.run()
        assert not at.exception
        assert texts(at.metric)[0] == "Small Start"
    finally:
        release.set()
    resources.knowledge(Settings()).wait()


def test_a_typed_answer_waits_for_the_model_not_for_the_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.app.test_interview import last_assistant, say, start

    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path))  # a configuration of its own
    release = threading.Event()
    real_index = resources._index

    def slow_index(settings: Settings, embeddings: Any) -> Any:
        release.wait(timeout=60)  # Chroma and BM25 still "loading" throughout the answer
        return real_index(settings, embeddings)

    monkeypatch.setattr(resources, "_index", slow_index)
    try:
        loader = resources.knowledge(Settings())
        loader.wait_model()
        assert loader.model_ready() and not loader.ready()
        at = start(AppTest.from_file(APP, default_timeout=30))
        at = say(at, "A smart city office in the mayor's office coordinates all departments.")
        assert not at.exception
        assert not loader.ready()  # answered with the index still loading
        assert "level" in last_assistant(at).lower()
    finally:
        release.set()
    resources.knowledge(Settings()).wait()
    assert resources.knowledge(Settings()).error() is None
