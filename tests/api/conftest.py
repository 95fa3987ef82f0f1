"""The API on the real store (in-memory SQLite) with the engine tests' fake interpreter and
answerer, through Starlette's test client (no server process)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import ApiLimits, create_app
from assistant.api.resources import Collaborators
from assistant.framework import get_framework
from assistant.interview.engine import InterviewEngine
from assistant.knowledge.answer import AnswerResult
from assistant.sessions.store import SqlSessionStore
from tests.e2e.conftest import browser  # noqa: F401  (Chromium, for the replica test)
from tests.interview.fakes import CannedAnswerer, KeywordInterpreter, now
from tests.interview.stores import memory_store


class FakeAsk:
    """Stands in for the knowledge base: records the call, answers with one fixed result."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any, int]] = []

    def __call__(self, question: str, lang: Any, k: int) -> AnswerResult:
        self.calls.append((question, lang, k))
        return AnswerResult(
            question=question, answered=False, answer="Not covered.", mode="extractive"
        )


@pytest.fixture
def store() -> Iterator[SqlSessionStore]:
    real = memory_store()
    yield real
    real.engine.dispose()


@pytest.fixture
def collab(store: SqlSessionStore) -> Collaborators:
    fw = get_framework()
    engine = InterviewEngine(fw, KeywordInterpreter(), store, CannedAnswerer(), clock=now)
    return Collaborators(fw, engine, store, FakeAsk(), lambda: None)


def make_client(collab: Collaborators, **limits: Any) -> TestClient:
    return TestClient(create_app(collab, ApiLimits(**limits)), raise_server_exceptions=False)


@pytest.fixture
def client(collab: Collaborators) -> TestClient:
    return make_client(collab, lookups_per_minute=100_000, lookups_burst=10_000)


def auth(code: str) -> dict[str, str]:
    return {"Authorization": f"Session {code}"}
