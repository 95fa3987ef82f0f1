"""The interview as a declared table: the diagram in docs/ is the table, every intent reaches a
handler in every phase, and states saved by the first engine version still load."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

from assistant.framework import get_framework
from assistant.interview.engine import InterviewEngine
from assistant.interview.intents import IntentKind
from assistant.interview.state import STATE_VERSION, EngineState, Proposal
from assistant.interview.table import ANY, GROUP, TABLE, handler_for, mermaid
from tests.interview.conftest import through_intake
from tests.interview.fakes import KeywordInterpreter, now

DOC = Path(__file__).resolve().parents[2] / "docs" / "interview-engine.md"


def test_the_diagram_in_docs_is_the_table():
    blocks = re.findall(r"```mermaid\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    assert blocks, f"{DOC} has no mermaid block"
    assert blocks[0] == mermaid(), (
        "docs/interview-engine.md differs from assistant/interview/table.py: regenerate it with "
        "python -c 'from assistant.interview.table import mermaid; print(mermaid())'"
    )
    for (group, kind), handler in TABLE.items():
        assert f"{group}([{group}]) -- {kind} --> {handler.__name__}" in blocks[0]


def test_every_cell_is_a_known_group_and_intent_and_every_group_has_a_text_cell():
    kinds = set(get_args(IntentKind))
    groups = set(GROUP.values())
    for group, kind in TABLE:
        assert group in groups | {ANY} and kind in kinds
    for group in groups:
        assert (group, "text") in TABLE


@pytest.mark.parametrize("phase", list(GROUP))
@pytest.mark.parametrize("kind", list(get_args(IntentKind)))
def test_every_intent_reaches_one_handler_in_every_phase(phase, kind):
    handler = handler_for(phase, kind)
    assert handler in TABLE.values()
    if (ANY, kind) in TABLE:
        assert handler is TABLE[(ANY, kind)]  # pause, progress, help and language work anywhere


def test_a_version_1_confirm_phase_loads_as_an_element_with_its_proposal():
    old = {
        "version": 1, "lang": "en", "phase": "confirm", "intake_field": None, "element": "E01",
        "draft": "We have a draft vision.",
        "proposal": {"level": 2, "confidence": 0.8, "evidence": "We have a draft vision."},
    }  # fmt: skip
    state = EngineState.model_validate(old)
    assert state.version == STATE_VERSION == 2
    assert state.phase == "element" and state.proposal == Proposal(
        level=2, confidence=0.8, evidence="We have a draft vision."
    )
    assert state.reply_phase == "confirm"
    assert EngineState.model_validate({"version": 1, "phase": "element"}).reply_phase == "element"


def test_a_session_saved_in_the_confirm_phase_by_version_1_continues(store):
    engine = InterviewEngine(get_framework(), KeywordInterpreter(), store, None, clock=now)
    code, _ = through_intake(engine)
    engine.handle(code, "We have a draft vision.")
    saved = dict(store.load(code).state)
    saved.update(version=1, phase="confirm")  # as the first engine version wrote it
    store.save_state(code, saved)
    reply = engine.resume(code)
    assert reply.phase == "confirm" and reply.proposal.level == 2
    assert reply.choices[0].label == "Yes, level 2"
    reply = engine.handle(code, "yes")
    assert store.load(code).answers["E01"].level == 2 and reply.element == "E02"
    assert store.load(code).state["version"] == 2 and store.load(code).state["phase"] == "element"
