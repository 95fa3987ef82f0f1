"""The session's language wins when a session is opened by its link or resumed by its code
(issue 13, item 7): a Japanese session stays Japanese in a new tab."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, TIMEOUT
from tests.app.test_interview import start


def test_link_without_lang_opens_in_the_sessions_language(app: AppTest) -> None:
    code = start(app, name="名古屋", lang="ja").query_params["code"]
    tab = AppTest.from_file(APP, default_timeout=TIMEOUT)
    tab.query_params["code"] = code  # the link, without ?lang=ja
    tab.run()
    assert not tab.exception
    assert tab.session_state["lang"] == "ja"
    assert tab.query_params["lang"] == "ja"


def test_resuming_by_code_in_a_new_tab_switches_to_the_sessions_language(app: AppTest) -> None:
    code = start(app, name="名古屋", lang="ja").query_params["code"]
    tab = AppTest.from_file(APP, default_timeout=TIMEOUT)
    tab.run()
    assert tab.session_state["lang"] == "en"
    tab.text_input(key="resume-code").set_value(code)
    submit = next(b for b in tab.button if b.key and b.key.startswith("FormSubmitter:resume-form"))
    tab = submit.click().run()
    assert not tab.exception
    assert tab.session_state["lang"] == "ja"
    assert tab.query_params["code"] == code


def test_an_explicit_english_choice_survives_a_reload(app: AppTest) -> None:
    code = start(app, name="名古屋", lang="ja").query_params["code"]
    tab = AppTest.from_file(APP, default_timeout=TIMEOUT)
    tab.query_params["code"] = code
    tab.query_params["lang"] = "en"
    tab.run()
    assert tab.session_state["lang"] == "en"
    assert tab.query_params.get("lang") == "en"  # kept in the URL while a session is open
