"""The two-level step in the web chat as a person on a phone meets it (issue 10 polish): each
level's full text once (the two equal choices drawn in the message that asks, not repeated in
the quick replies), lower level first, a question typed in reply answered with its sources and
the separating question asked again, the other levels folded so the proposal and its confirm
stay in view, and "Don't know" / "What does this mean?" / "Back" drawn as buttons."""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from assistant.framework import get_framework
from assistant.interview.engine import InterviewEngine
from assistant.settings import Settings
from assistant.web import resources
from tests.app.conftest import all_text
from tests.app.test_interview import button, last_assistant, say, start, stored
from tests.interview.fakes import CannedAnswerer
from tests.interview.test_separating import FIRST_EN, FIRST_JA, PairInterpreter


@pytest.fixture(autouse=True)
def pair_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's engine with the real store and an interpreter unsure between 0 and 3 (with
    the framework's separating question), or between 2 and 3 with 3 the more likely."""

    def engine(settings: Settings) -> InterviewEngine:
        store = resources.session_store(settings)
        return InterviewEngine(get_framework(), PairInterpreter(), store, CannedAnswerer())

    monkeypatch.setattr(resources, "engine", engine)


def rubric(level: int, lang: str = "en") -> str:
    return get_framework().element("E01").rubric[level].text.get(lang)  # type: ignore[arg-type]


def pair_keys(at: AppTest) -> list[str]:
    return [b.key for b in at.button if (b.key or "").startswith("qr-pair-")]


def asking(at: AppTest) -> Any:
    """The last assistant message (an AppTest block)."""
    return [m for m in at.chat_message if m.name == "assistant"][-1]


@pytest.mark.parametrize(("lang", "first"), [("en", FIRST_EN), ("ja", FIRST_JA)])
def test_the_separating_question_shows_each_level_once_lower_first(
    app: AppTest, lang: str, first: str
) -> None:
    at = start(app, lang=lang)
    at = say(at, first)
    assert not at.exception
    question = get_framework().element("E01").question_between(0, 3).get(lang)  # type: ignore[arg-type]
    assert question in last_assistant(at)
    shown = all_text(at)
    for level in (0, 3):
        assert shown.count(rubric(level, lang)) == 1, level  # once: in its card, with its button
    assert pair_keys(at) == ["qr-pair-0", "qr-pair-3"]
    # the two choices are in the message that asks (under the question), not after the replies
    assert [b.key for b in asking(at).button] == ["qr-pair-0", "qr-pair-3"]
    assert all(b.proto.type == "secondary" for b in asking(at).button)


@pytest.mark.parametrize(
    ("lang", "first", "asked", "clear", "proposed", "yes"),
    [
        ("en", FIRST_EN, "What do you mean by vision?", "It was adopted by council in 2021.",
         "Proposed level 3", "Yes, level 3"),
        ("ja", FIRST_JA, "ビジョンとは何ですか？", "2021年に議会で採択されました。",
         "提案レベル3", "はい、レベル3"),
    ],
)  # fmt: skip
def test_a_question_in_reply_is_answered_and_the_two_levels_stay(
    app: AppTest, lang: str, first: str, asked: str, clear: str, proposed: str, yes: str
) -> None:
    at = start(app, lang=lang)
    code = at.query_params["code"]
    at = say(at, first)
    at = say(at, asked)
    assert not at.exception
    assert "JICA supports pilots [1]." in all_text(at)
    assert any(e.label.replace("\\", "").startswith("[1]") for e in at.expander)
    question = get_framework().element("E01").question_between(0, 3).get(lang)  # type: ignore[arg-type]
    assert question in last_assistant(at)
    assert pair_keys(at) == ["qr-pair-0", "qr-pair-3"]
    at = say(at, clear)
    assert proposed in last_assistant(at).replace("**", "")
    at = button(at, yes)
    assert stored(code) == {"E01": 3}


def test_the_unsure_pair_is_lower_first_and_shown_once(app: AppTest) -> None:
    at = start(app)
    code = at.query_params["code"]
    at = say(at, "There is a forum with companies.")  # 3 more likely than 2
    at = say(at, "hmm")  # the reply places nothing: the two as equal choices
    assert not at.exception
    assert "Two levels fit this answer" in last_assistant(at)
    assert [b.key for b in asking(at).button] == ["qr-pair-2", "qr-pair-3"]
    assert pair_keys(at) == ["qr-pair-2", "qr-pair-3"]
    shown = all_text(at)
    assert shown.count(f"Level 2: {rubric(2)}") == 1 and shown.count(f"Level 3: {rubric(3)}") == 1
    at = next(b for b in at.button if b.key == "qr-pair-2").click().run()
    assert stored(code) == {"E01": 2}


def test_other_levels_are_folded_in_japanese_too(app: AppTest) -> None:
    at = start(app, lang="ja")
    at = say(at, "2021年に議会で採択されました。")
    assert [e.label for e in at.expander if "レベル" in e.label] == ["別のレベルを選ぶ"]
    assert {b.label for b in at.button if b.proto.type == "secondary"} >= {"わからない"}


def test_other_levels_are_folded_and_the_small_replies_are_buttons(app: AppTest) -> None:
    at = start(app)
    at = say(at, "It was adopted by council in 2021.")  # a sure proposal: one primary confirm
    assert not at.exception
    folded = [e for e in at.expander if e.label == "Choose another level"]
    assert len(folded) == 1
    assert [b.key for b in folded[0].button] == ["qr-level-0", "qr-level-1", "qr-level-2",
                                                  "qr-level-4"]  # fmt: skip
    for b in folded[0].button:
        assert b.label == f"Level {b.key[-1]}: {rubric(int(b.key[-1]))}"  # whole text
    primary = [b for b in at.button if b.proto.type == "primary" and (b.key or "").startswith("qr")]
    assert [b.label for b in primary] == ["Yes, level 3"]
    small = {
        b.label: b for b in at.button if (b.key or "").startswith(("qr-unknown", "qr-explain"))
    }
    assert set(small) == {"Don't know", "What does this mean?"}
    assert all(b.proto.type == "secondary" for b in small.values())
    at = button(at, "Yes, level 3")
    assert [e.label for e in at.expander if e.label.startswith("Choose")] == ["Choose a level"]
    back = [b for b in at.button if (b.key or "").startswith("qr-back")]
    assert len(back) == 1 and back[0].proto.type == "secondary"
