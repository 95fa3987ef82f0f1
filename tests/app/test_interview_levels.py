"""The web interview when the interpreter is unsure (issue 10): the question that separates two
levels, and the two candidate levels side by side as equal choices with their full texts."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from assistant.framework import get_framework
from assistant.interview.engine import InterviewEngine
from assistant.settings import Settings
from assistant.web import resources
from tests.app.conftest import all_text
from tests.app.test_interview import button, card_text, last_assistant, say, start, stored
from tests.interview.fakes import CannedAnswerer
from tests.interview.test_levels import SEPARATE_EN, UnsureInterpreter


@pytest.fixture(autouse=True)
def unsure_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's engine with the real session store and an interpreter that is unsure about
    surveys (2 or 3, with the separating question) and portals (1 or 2, no question)."""

    def engine(settings: Settings) -> InterviewEngine:
        store = resources.session_store(settings)
        return InterviewEngine(get_framework(), UnsureInterpreter(), store, CannedAnswerer())

    monkeypatch.setattr(resources, "engine", engine)


def full(level: int) -> str:
    return get_framework().element("E01").rubric[level].text.en


def test_the_separating_question_is_asked_and_the_reply_decides(app: AppTest) -> None:
    at = start(app)
    code = at.query_params["code"]
    at = say(at, "We ran an online survey about bus routes.")
    assert not at.exception
    text = last_assistant(at)
    assert SEPARATE_EN in text
    pair = [b for b in at.button if b.key and b.key.startswith("qr-pair-")]
    assert [b.key for b in pair] == ["qr-pair-2", "qr-pair-3"]
    assert all(b.proto.type == "secondary" for b in pair)
    assert [b.label for b in pair] == ["Choose level 2", "Choose level 3"]
    shown = all_text(at)
    assert f"Level 2: {full(2)}" in shown and f"Level 3: {full(3)}" in shown  # in full, no "…"
    assert not any(b.label.startswith("Yes, level") for b in at.button)
    assert stored(code) == {}
    at = say(at, "It runs every year since 2021.")
    assert not at.exception
    assert "Proposed level 3" in card_text(at)
    at = button(at, "Yes, level 3")
    assert stored(code) == {"E01": 3}


def test_the_official_can_pick_either_level_from_the_question(app: AppTest) -> None:
    at = start(app)
    code = at.query_params["code"]
    at = say(at, "We ran an online survey about bus routes.")
    at = next(b for b in at.button if b.key == "qr-pair-2").click().run()
    assert not at.exception
    assert stored(code) == {"E01": 2}
    assert "E02" in last_assistant(at)


def test_an_unsure_proposal_shows_both_levels_as_equal_choices(app: AppTest) -> None:
    at = start(app)
    code = at.query_params["code"]
    at = say(at, "We have a portal.")
    assert not at.exception
    card = card_text(at)
    assert "Two levels fit this answer" in card
    assert full(1) in card and full(2) in card
    assert not any(b.proto.type == "primary" for b in at.button if (b.key or "").startswith("qr-"))
    pair = [b for b in at.button if b.key and b.key.startswith("qr-pair-")]
    assert [b.key for b in pair] == ["qr-pair-1", "qr-pair-2"]
    at = pair[1].click().run()
    assert stored(code) == {"E01": 2}


def test_every_level_button_holds_the_whole_level_text(app: AppTest) -> None:
    """The other levels' buttons are not cut to one line: the official reads what they pick."""
    at = start(app)
    at = say(at, "We have a portal.")
    assert not at.exception
    levels = [b for b in at.button if (b.key or "").startswith("qr-level-")]
    assert [b.key for b in levels] == ["qr-level-0", "qr-level-3", "qr-level-4"]
    for b in levels:
        assert b.label == f"Level {b.key[-1]}: {full(int(b.key[-1]))}"
