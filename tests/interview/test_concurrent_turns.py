"""Two processes on one session: a turn read from a position another process has since moved
on from is read again, so both turns apply one after the other and nothing is lost."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.framework import get_framework
from assistant.interview.engine import InterviewEngine
from assistant.ports import ConcurrentTurnError, StoredSession
from assistant.sessions.store import SqlSessionStore
from tests.interview.conftest import through_intake
from tests.interview.fakes import CannedAnswerer, KeywordInterpreter, now


class Interleaved(SqlSessionStore):
    """The real store; ``meanwhile`` runs once, right after the next load (another replica)."""

    def __init__(self, inner: SqlSessionStore) -> None:
        super().__init__(inner.engine, clock=now)
        self.meanwhile: Callable[[], None] | None = None

    def load(self, code: str) -> StoredSession | None:
        session = super().load(code)
        hook, self.meanwhile = self.meanwhile, None
        if hook is not None:
            hook()
        return session


def engines(store: SqlSessionStore) -> tuple[InterviewEngine, InterviewEngine, Interleaved]:
    racing = Interleaved(store)
    fw = get_framework()
    mine = InterviewEngine(fw, KeywordInterpreter(), racing, CannedAnswerer(), clock=now)
    other = InterviewEngine(fw, KeywordInterpreter(), store, CannedAnswerer(), clock=now)
    return mine, other, racing


def test_a_turn_committed_meanwhile_elsewhere_is_not_overwritten(store: SqlSessionStore) -> None:
    mine, other, racing = engines(store)
    code, _ = through_intake(other)
    first = other.resume(code)
    assert first is not None and first.element is not None
    before = store.load(code)
    assert before is not None
    turn_before = before.state["turn"]

    racing.meanwhile = lambda: other.handle(code, "progress")  # another replica's turn
    mine.handle(code, "help")

    after = store.load(code)
    assert after is not None
    assert after.state["turn"] == turn_before + 2  # both turns counted, one after the other
    users = [t.text for t in store.turns(code) if t.role == "user"]
    assert users[-2:] == ["progress", "help"]


def test_the_store_refuses_a_commit_from_a_stale_position(store: SqlSessionStore) -> None:
    code = store.create("en")
    store.commit_turn(code, state={"turn": 3})
    with pytest.raises(ConcurrentTurnError):
        store.commit_turn(code, state={"turn": 3, "element": "E09"}, expect_turn=2)
    loaded = store.load(code)
    assert loaded is not None and loaded.state == {"turn": 3}
    store.commit_turn(code, state={"turn": 4}, expect_turn=3)
    loaded = store.load(code)
    assert loaded is not None and loaded.state == {"turn": 4}
