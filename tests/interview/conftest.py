"""Engines on the real store (in-memory SQLite) with fake interpreter and answerer, and a helper
that gets a session through the intake."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.framework import get_framework
from assistant.interview.engine import InterviewEngine
from assistant.interview.state import Reply
from assistant.sessions.store import SqlSessionStore
from tests.interview.fakes import CannedAnswerer, KeywordInterpreter, now
from tests.interview.stores import CommitLog, commit_log, memory_store

INTAKE_EN = [
    "Springfield",
    "Utopia",
    "2",
    "city government",
    "1.2 million",
    "transport, health",
    "skip",
    "English",
]
INTAKE_JA = ["名古屋", "日本", "大都市", "自治体", "230万", "交通、防災", "スキップ", "日本語"]


@pytest.fixture
def store() -> Iterator[SqlSessionStore]:
    real = memory_store()
    yield real
    real.engine.dispose()


@pytest.fixture
def log(store: SqlSessionStore) -> Iterator[CommitLog]:
    """The store's committed write transactions, from the moment the test asks for it."""
    with commit_log(store) as log:
        yield log


@pytest.fixture
def answerer() -> CannedAnswerer:
    return CannedAnswerer()


@pytest.fixture
def engine(store: SqlSessionStore, answerer: CannedAnswerer) -> InterviewEngine:
    return InterviewEngine(get_framework(), KeywordInterpreter(), store, answerer, clock=now)


def through_intake(engine: InterviewEngine, lang: str = "en") -> tuple[str, Reply]:
    code, reply = engine.start(lang)  # type: ignore[arg-type]
    for line in INTAKE_EN if lang == "en" else INTAKE_JA:
        reply = engine.handle(code, line)
    return code, reply


def text_of(reply: Reply) -> str:
    return "\n".join(m.text for m in reply.messages)
