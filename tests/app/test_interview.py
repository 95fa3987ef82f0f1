"""The interview chat: intake form, typed answers with confirm / change / don't know, a side
question, the session code in the URL, resuming after a reload, and the results it feeds."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from assistant.sessions import make_session_store
from assistant.settings import Settings
from tests.app.conftest import APP, TIMEOUT, all_text, texts


def start(app: AppTest, name: str = "Riverside", lang: str = "en") -> AppTest:
    if lang != "en":
        app.query_params["lang"] = lang
    at = app.run()
    at.text_input(key="in-name").set_value(name)
    at.text_input(key="in-country").set_value("Example Republic")
    at.selectbox(key="in-type").set_value("regional_core")
    at.text_input(key="in-sectors").set_value("transport")
    submit = next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:intake"))
    return submit.click().run()


def say(at: AppTest, text: str) -> AppTest:
    return at.chat_input(key="interview-input").set_value(text).run()


def button(at: AppTest, label: str) -> AppTest:
    return next(b for b in at.button if b.label == label).click().run()


def last_assistant(at: AppTest) -> str:
    msg = [m for m in at.chat_message if m.name == "assistant"][-1]
    return "\n".join(texts(msg.markdown) + texts(msg.caption)).replace("\\", "")


def stored(code: str) -> dict[str, int | None]:
    session = make_session_store(Settings()).load(code)
    assert session is not None
    return {e: a.level for e, a in session.answers.items()}


def test_intake_form_starts_the_chat_with_the_code_in_the_url(app: AppTest) -> None:
    at = start(app)
    assert not at.exception
    code = at.query_params["code"]
    assert isinstance(code, str) and len(code) >= 26
    assert code in texts(at.code)  # the sidebar shows it, with the resume-later note
    assert "Keep this code" in all_text(at)
    assert "E01" in last_assistant(at)
    profile = make_session_store(Settings()).load(code).profile  # type: ignore[union-attr]
    assert profile is not None and profile.name == "Riverside"
    assert profile.city_type == "regional_core" and profile.focus_sectors == ["transport"]


def test_answers_confirm_change_dont_know_and_a_side_question(app: AppTest) -> None:
    at = start(app)
    code = at.query_params["code"]
    # E01: typed answer -> proposal with the phrase that justified it -> confirm
    at = say(at, "We have a draft vision from the IT department, not yet approved by the council.")
    reply = last_assistant(at)
    assert "level 2" in reply and "Because you said" in reply
    at = button(at, "Yes, level 2")
    assert not at.exception
    assert stored(code) == {"E01": 2}
    # E02: typed answer, then choose another level with a button
    at = say(at, "The vision covers e-services only, other fields are only discussed.")
    # level 3 is either one of the other levels or, when the interpreter is unsure between it
    # and its proposal, one of the two equal candidates
    level_3 = next(
        b.label for b in at.button if b.label.startswith("Level 3:") or b.label == "Choose level 3"
    )
    at = button(at, level_3)
    assert stored(code)["E02"] == 3
    # E03: don't know
    at = button(at, "Don't know")
    assert stored(code)["E03"] is None
    assert "E04" in last_assistant(at)
    # a side question is answered with citations, then back to the same element
    at = say(at, "Does JICA support building testbeds?")
    assert not at.exception
    answer = last_assistant(at)
    assert "[1]" in answer and "E04" in answer
    assert any(e.label.replace("\\", "").startswith("[1]") for e in at.expander)
    assert set(stored(code)) == {"E01", "E02", "E03"}
    # progress shows three of 21
    assert any("3 of 21 elements answered" in str(p.proto.text) for p in at.get("progress"))


def test_reload_resumes_where_the_person_was(app: AppTest) -> None:
    at = start(app)
    code = at.query_params["code"]
    at = say(at, "We have a draft vision from the IT department, not yet approved by the council.")
    at = button(at, "Yes, level 2")
    # a reload is a new browser session that only has the URL
    again = AppTest.from_file(APP, default_timeout=TIMEOUT)
    again.query_params["code"] = code
    again.run()
    assert not again.exception
    text = last_assistant(again)
    assert "E02" in text and "1" in text
    assert stored(code) == {"E01": 2}
    assert code in texts(again.code)


def test_wrong_code_in_the_url_reveals_nothing(app: AppTest) -> None:
    app.query_params["code"] = "NOPE-NOPE"
    at = app.run()
    assert not at.exception
    assert "code" not in at.query_params
    assert at.text_input(key="in-name") is not None  # back at the intake form


def test_japanese_interview(app: AppTest) -> None:
    at = start(app, name="名古屋", lang="ja")
    assert not at.exception
    assert "都市について" not in all_text(at)  # the form is done
    text = last_assistant(at)
    assert "E01" in text and "ビジョン" in text
    at = button(at, "わからない")
    assert stored(at.query_params["code"]) == {"E01": None}


@pytest.mark.parametrize(
    ("lang", "said", "confirm"),
    [("en", "no idea", "Yes, save as “don't know”"), ("ja", "わかりません", "はい、「わからない」で保存")],
)
def test_typed_dont_know_waits_for_its_confirm(
    app: AppTest, lang: str, said: str, confirm: str
) -> None:
    """Typed "don't know" is proposed with one primary confirm and the levels; nothing is saved
    until the confirm is pressed (the "Don't know" button stays a direct choice)."""
    at = start(app, lang=lang)
    code = at.query_params["code"]
    at = say(at, said)
    assert not at.exception and stored(code) == {}
    primary = [b.label for b in at.button if b.proto.type == "primary"]
    assert primary == [confirm]
    word = "Level {n}" if lang == "en" else "レベル{n}"
    assert {word.format(n=n) for n in range(5)} <= {
        b.label.split(":")[0].split("：")[0] for b in at.button
    }
    assert "E01" in last_assistant(at) and said in last_assistant(at)
    asking = [m for m in at.chat_message if m.name == "assistant"][-1]
    assert texts(asking.markdown)[0].startswith("**") and "E01" in texts(asking.markdown)[0]
    at = button(at, confirm)
    assert not at.exception and stored(code) == {"E01": None}
    assert "E02" in last_assistant(at)


def test_current_interview_appears_in_results(app: AppTest, downloads: dict[str, bytes]) -> None:
    at = start(app, name="Lakeside")
    at = button(at, next(b.label for b in at.button if b.label.startswith("Level 1:")))
    at.switch_page("app_pages/results.py").run()
    assert not at.exception
    assert "Lakeside" in texts(at.header)[0]
    assert texts(at.metric)[2] == "1 / 21"
    assert "lakeside-answers.json" in downloads


def card_text(at: AppTest) -> str:
    """The proposal card: the bordered block inside the last assistant message."""
    msg = [m for m in at.chat_message if m.name == "assistant"][-1]
    blocks = [
        b
        for b in msg.children.values()
        if b.type == "flex_container" and b.proto.flex_container.border
    ]
    assert blocks, "no bordered proposal card"
    card = blocks[-1]
    return "\n".join(texts(card.markdown) + texts(card.caption)).replace("\\", "").replace("**", "")


def test_a_city_named_like_a_command_is_just_a_name(app: AppTest) -> None:
    at = start(app, name="Back")
    assert not at.exception
    code = at.query_params["code"]
    profile = make_session_store(Settings()).load(code).profile  # type: ignore[union-attr]
    assert profile is not None and profile.name == "Back" and profile.country == "Example Republic"
    assert profile.focus_sectors == ["transport"] and profile.language == "en"
    text = last_assistant(at)
    assert "E01" in text and "Profile saved: Back" in text


def test_a_japanese_city_named_modoru_is_just_a_name(app: AppTest) -> None:
    at = start(app, name="戻る", lang="ja")
    assert not at.exception
    code = at.query_params["code"]
    profile = make_session_store(Settings()).load(code).profile  # type: ignore[union-attr]
    assert profile is not None and profile.name == "戻る" and profile.language == "ja"
    text = last_assistant(at)
    assert "E01" in text and "都市情報を保存しました：戻る" in text


def test_form_problems_are_shown_in_the_ui_language(app: AppTest) -> None:
    app.query_params["lang"] = "ja"
    at = app.run()
    at.text_input(key="in-name").set_value("名古屋")
    at.text_input(key="in-sectors").set_value(",".join(f"s{i}" for i in range(21)))
    submit = next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:intake"))
    at = submit.click().run()
    assert not at.exception
    assert any("20項目まで" in e and "重点セクター" in e for e in texts(at.error))
    assert "code" not in at.query_params  # no session was started


def test_the_proposal_is_a_card_with_the_level_and_the_phrase(app: AppTest) -> None:
    at = start(app)
    at = say(at, "We have a draft vision from the IT department, not yet approved by the council.")
    assert not at.exception
    card = card_text(at)
    assert "Proposed level 2 —" in card
    assert "Because you said: “" in card and "draft vision" in card
    assert "Confidence: " in card
    assert not re.search(r"\b[01]\.\d", card)  # in words, not a raw number
    assert next(b for b in at.button if b.label == "Yes, level 2")  # quick replies stay


def test_switching_language_mid_interview_continues_in_it(
    app: AppTest, downloads: dict[str, bytes]
) -> None:
    at = start(app, name="Riverside")
    code = at.query_params["code"]
    at = say(at, "We have a draft vision from the IT department, not yet approved by the council.")
    at = button(at, "Yes, level 2")
    assert "E02" in last_assistant(at)
    at.query_params["lang"] = "ja"
    at.session_state["lang"] = "ja"
    at = at.run()
    assert not at.exception
    text = last_assistant(at)
    assert "質問 2/21" in text and "E02" in text  # the same question, asked again in Japanese
    assert "This interview continues" not in all_text(at)
    assert stored(code) == {"E01": 2}
    # answers in Japanese go on; the proposal card is Japanese too
    at = say(at, "情報政策課が作ったビジョンの草案があります。まだ議会で承認されていません。")
    assert "提案レベル2" in card_text(at)
    assert stored(code) == {"E01": 2}
    # the results and their downloads follow the UI language
    at.switch_page("app_pages/results.py").run()
    assert not at.exception
    md = downloads["riverside-report-ja.md"].decode("utf-8")
    assert md.startswith("# スマートシティ自己評価: Riverside")


def test_saying_japanese_in_the_chat_switches_the_whole_ui(app: AppTest) -> None:
    at = start(app, name="Riverside")
    at = say(at, "We have a draft vision from the IT department, not yet approved by the council.")
    at = button(at, "Yes, level 2")
    at = say(at, "日本語で")
    at = at.run()  # the language switch widget takes the new value on the next run
    assert not at.exception
    assert at.session_state["lang"] == "ja"
    assert at.query_params["lang"] == "ja"
    assert "ここからは日本語で続けます" in all_text(at)
    assert "質問 2/21" in last_assistant(at)


def _saved_shown(at: AppTest) -> bool:
    """Is a "Saved" notice on the page in this run (a toast, "Saved." or the bar's "Saved E01.
    Now E02 …")?"""
    shown = texts(at.toast) + texts(at.caption)
    return any(re.search(r"Saved(?:\.| E\d\d\.)", text.replace("\\", "")) for text in shown)


def test_saved_is_said_for_the_turn_that_saved_then_goes(app: AppTest) -> None:
    """A toast kept its own timer across reruns, so "Saved." outlived the next quick turn; it is
    drawn in the page by the run whose turn saved, and the next run draws the page without it."""
    at = start(app)
    at = say(at, "We have a draft vision from the IT department, not yet approved by the council.")
    assert not _saved_shown(at)  # proposed, nothing saved yet
    at = button(at, "Yes, level 2")
    assert _saved_shown(at) and not at.toast  # in the page, not on a timer of its own
    at = say(at, "What does that question mean?")  # a quick second turn that saves nothing
    assert not at.exception
    assert not _saved_shown(at)
