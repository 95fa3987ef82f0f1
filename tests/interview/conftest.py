"""Engines wired to the fakes, and a helper that gets a session through the intake."""

from __future__ import annotations

import pytest

from assistant.framework import get_framework
from assistant.interview.engine import InterviewEngine
from assistant.interview.state import Reply
from tests.interview.fakes import CannedAnswerer, KeywordInterpreter, MemoryStore, now

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
def store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def answerer() -> CannedAnswerer:
    return CannedAnswerer()


@pytest.fixture
def engine(store: MemoryStore, answerer: CannedAnswerer) -> InterviewEngine:
    return InterviewEngine(get_framework(), KeywordInterpreter(), store, answerer, clock=now)


def through_intake(engine: InterviewEngine, lang: str = "en") -> tuple[str, Reply]:
    code, reply = engine.start(lang)  # type: ignore[arg-type]
    for line in INTAKE_EN if lang == "en" else INTAKE_JA:
        reply = engine.handle(code, line)
    return code, reply


def text_of(reply: Reply) -> str:
    return "\n".join(m.text for m in reply.messages)
