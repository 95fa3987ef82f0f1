"""Adding a document from the Workspace page runs as a background job: the page is drawn again at
once with a progress bar (passages embedded of the total), another person's Ask is answered while
the document is being embedded, and Cancel leaves nothing of it (the passage count as before)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from langchain_core.embeddings import Embeddings
from streamlit.testing.v1 import AppTest

from assistant.knowledge.services import KnowledgeServices
from assistant.settings import Settings
from assistant.web import resources
from tests.app.conftest import APP, TIMEOUT, texts
from tests.app.test_ask import ask
from tests.app.test_workspace import open_workspace, until_added

MARK = "Testburg"
PASSAGES = 70  # one paragraph each: several batches


class Gate(Embeddings):
    """The app's own embeddings, held before the 2nd batch of this test's document."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner = inner
        self.batches = 0
        self.inside, self.release = threading.Event(), threading.Event()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if any(MARK in t for t in texts):
            self.batches += 1
            if self.batches == 2:
                self.inside.set()
                self.release.wait(120)  # a guard against a hang, not a measurement
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


@pytest.fixture
def services() -> KnowledgeServices:
    return resources.knowledge(Settings()).get()


@pytest.fixture
def gate(services: KnowledgeServices, monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    held = Gate(services.store.embeddings)
    monkeypatch.setattr(services.store, "embeddings", held)
    yield held
    held.release.set()


def document() -> bytes:
    para = f"The city council of {MARK} installs river level sensors, paragraph {{i}}. " * 12
    return "\n\n".join(para.format(i=i) for i in range(PASSAGES)).encode()


def unlocked(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("ASSISTANT_FACILITATOR_PASSPHRASE", "river sensors")
    at = open_workspace(app)
    at.text_input(key="docs-pass").input("river sensors")
    return next(b for b in at.button if b.label == "Unlock").click().run()


def progress_texts(at: AppTest) -> list[str]:
    return [str(p.proto.text) for p in at.get("progress")]


def sources(at: AppTest) -> set[str]:
    listing = next(tb.value for tb in at.table if "Passages" in tb.value.columns)
    return set(listing["Source"])


def test_a_document_is_added_in_the_background_and_cancel_leaves_nothing(
    app: AppTest, monkeypatch: pytest.MonkeyPatch, services: KnowledgeServices, gate: Gate
) -> None:
    before = services.store.count()
    at = unlocked(app, monkeypatch)
    at.file_uploader(key="docs-upload").set_value([("sensors.txt", document(), "text/plain")])
    at = next(b for b in at.button if b.label == "Add to the knowledge base").click().run()
    assert not at.exception  # the page's run is over: the job goes on without it
    assert gate.inside.wait(120), "the job never reached its second batch"
    at.run()
    (shown,) = progress_texts(at)
    told = re.fullmatch(
        rf"Adding to the knowledge base: (\d+) of {PASSAGES} passages embedded", shown
    )
    assert told and 0 < int(told.group(1)) < PASSAGES, shown  # one batch in, held before the next
    assert not gate.release.is_set()

    other: Any = ask(AppTest.from_file(APP, default_timeout=TIMEOUT), "Does JICA support testbeds?")
    assert not other.exception
    assert "[1]" in "\n".join(texts(other.chat_message[-1].markdown)).replace("\\", "")
    assert not gate.release.is_set()  # answered while the document was being embedded

    at = next(b for b in at.button if b.key == "docs-cancel").click().run()
    assert "Cancelling…" in texts(at.caption)
    gate.release.set()
    at = until_added(at)
    assert not at.exception
    assert "Cancelled: nothing from these documents was added." in texts(at.info)
    assert services.store.count() == before
    assert "sensors\\.txt" not in sources(at) and "sensors.txt" not in sources(at)
    assert not at.warning  # not reported as an interrupted upload either
    assert not list((Settings().data_dir / "uploads").glob("*/sensors.txt"))
    assert any(f"{before:,}" in c or str(before) in c for c in sidebar_captions(at))


def sidebar_captions(at: AppTest) -> list[str]:
    return [str(c.value) for c in at.sidebar.caption]
