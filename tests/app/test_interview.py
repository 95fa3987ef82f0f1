"""The interview chat: intake form, typed answers with confirm / change / don't know, a side
question, the session code in the URL, resuming after a reload, and the results it feeds."""

from __future__ import annotations

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
    level_3 = next(b.label for b in at.button if b.label.startswith("Level 3:"))
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


def test_current_interview_appears_in_results(app: AppTest, downloads: dict[str, bytes]) -> None:
    at = start(app, name="Lakeside")
    at = button(at, next(b.label for b in at.button if b.label.startswith("Level 1:")))
    at.switch_page("app_pages/results.py").run()
    assert not at.exception
    assert "Lakeside" in texts(at.header)[0]
    assert texts(at.metric)[2] == "1 / 21"
    assert "lakeside-answers.json" in downloads
