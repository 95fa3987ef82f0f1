"""Resuming rebuilds the same position after every step, and a crash mid-save loses nothing."""

from __future__ import annotations

import pytest

from assistant.framework import get_framework
from assistant.interview.engine import InterviewEngine
from assistant.interview.state import Reply
from assistant.sessions.store import SqlSessionStore
from tests.interview.conftest import INTAKE_EN
from tests.interview.fakes import CannedAnswerer, KeywordInterpreter, now
from tests.interview.stores import commit_log, memory_store

SCRIPT = [
    *INTAKE_EN[:3],
    "back",
    *INTAKE_EN[2:],
    "We have a draft vision.",
    "It was adopted last month.",
    "yes",
    "hmm",
    "well",
    "2",
    "does JICA fund testbeds?",
    "what does this mean?",
    "don't know",
    "yes",
    "back",
    "3",
    "go to operation",
    "pilot in one district",
    "change E01",
    "4",
    "progress",
]


def position(reply: Reply) -> tuple[object, ...]:
    p = reply.proposal
    return (
        reply.phase,
        reply.intake_field,
        reply.element,
        p.level if p else None,
        p.evidence if p else None,
        reply.progress.done,
        reply.lang,
        [c.label for c in reply.choices],
    )


def fresh(store: SqlSessionStore) -> InterviewEngine:
    """A new engine on the same store: what a restarted process has."""
    return InterviewEngine(
        get_framework(), KeywordInterpreter(), store, CannedAnswerer(), clock=now
    )


def test_resume_after_every_step_gives_the_same_position():
    store = memory_store()
    code, reply = fresh(store).start("en")
    assert position(fresh(store).resume(code)) == position(reply)
    for line in SCRIPT:
        reply = fresh(store).handle(code, line)
        resumed = fresh(store).resume(code)
        assert resumed is not None
        assert position(resumed) == position(reply), line
    answered = {k: v.level for k, v in store.load(code).answers.items()}
    assert answered == {"E01": 4, "E02": 2, "E03": 3}


def test_resume_then_continue_reaches_the_read_back_and_the_result():
    store = memory_store()
    code, _ = fresh(store).start("en")
    for line in INTAKE_EN:
        fresh(store).handle(code, line)
    reply = fresh(store).resume(code)
    while reply.phase != "readback":
        fresh(store).resume(code)
        reply = fresh(store).handle(code, "1")
    reply = fresh(store).handle(code, "finish")
    assert reply.phase == "done" and reply.assessment.answered == 21
    again = fresh(store).resume(code)
    assert again.phase == "done" and again.assessment == reply.assessment


def test_a_crash_during_the_confirm_commit_leaves_the_turn_undone_and_repeatable():
    store = memory_store()
    code, _ = fresh(store).start("en")
    for line in INTAKE_EN:
        fresh(store).handle(code, line)
    fresh(store).handle(code, "We have a draft vision.")
    before = store.load(code)
    turns_before = store.turns(code)
    with commit_log(store) as log:
        log.crash_in_next_answer_commit()  # the real store dies just before its COMMIT
        with pytest.raises(SystemExit):
            fresh(store).handle(code, "yes")
        assert log.commits == []
    after = store.load(code)
    assert after == before and store.turns(code) == turns_before  # nothing half-written
    reply = fresh(store).resume(code)
    assert reply.phase == "confirm" and reply.element == "E01" and reply.proposal.level == 2
    reply = fresh(store).handle(code, "yes")
    assert store.load(code).answers["E01"].level == 2
    assert reply.saved and reply.element == "E02" and reply.progress.done == 1


def test_a_write_ahead_answer_from_an_older_version_is_committed_with_the_next_turn():
    store = memory_store()
    code, _ = fresh(store).start("en")
    for line in INTAKE_EN:
        fresh(store).handle(code, line)
    fresh(store).handle(code, "We have a draft vision.")
    fresh(store).handle(code, "yes")
    session = store.load(code)
    answer = session.answers["E01"]
    # as if the old two-commit turn died between its commits: the answer only in the state
    store.delete_answer(code, "E01")
    store.save_state(
        code,
        {
            **session.state,
            "pending": {
                "element": "E01",
                "level": answer.level,
                "evidence": answer.evidence,
                "text": answer.text,
            },
        },
    )
    with commit_log(store) as log:
        reply = fresh(store).resume(code)
    assert len(log.commits) == 1 and list(log.commits[0].answers) == ["E01"]
    assert store.load(code).answers["E01"].level == 2
    assert store.load(code).state["pending"] is None
    assert reply.element == "E02" and reply.progress.done == 1


def test_repair_does_not_overwrite_a_later_answer():
    store = memory_store()
    code, _ = fresh(store).start("en")
    for line in INTAKE_EN:
        fresh(store).handle(code, line)
    fresh(store).handle(code, "2")
    fresh(store).handle(code, "change E01")
    fresh(store).handle(code, "4")
    for _ in range(3):
        fresh(store).resume(code)
    assert store.load(code).answers["E01"].level == 4
