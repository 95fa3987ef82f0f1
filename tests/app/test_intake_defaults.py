"""The intake form chooses nothing for the person: a skipped city type or lead actor is stored
as not given, and the results say so instead of giving a metropolis's advice."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from assistant.sessions import make_session_store
from assistant.settings import Settings
from tests.app.conftest import all_text

WORDS = {
    "en": ("Not sure / choose later", "City type not given", "The city type is not given"),
    "ja": ("わからない／あとで選ぶ", "都市タイプ未選択", "都市タイプが未選択"),
}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_skipped_city_type_is_not_given_and_the_results_say_so(app: AppTest, lang: str) -> None:
    later, not_given, direction = WORDS[lang]
    if lang != "en":
        app.query_params["lang"] = lang
    at = app.run()
    kind, lead = at.selectbox(key="in-type"), at.radio(key="in-lead")
    assert kind.value is None and lead.value is None  # nothing pre-selected
    assert kind.options[0] == later and lead.options[0] == later
    at.text_input(key="in-name").set_value("Lakeside")
    submit = next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:intake"))
    at = submit.click().run()
    assert not at.exception
    profile = make_session_store(Settings()).load(at.query_params["code"]).profile  # type: ignore[union-attr]
    assert profile is not None and profile.city_type is None and profile.lead_actor is None
    at = at.switch_page("app_pages/results.py").run()
    assert not at.exception
    text = all_text(at)
    assert not_given in text and direction in text
    for metropolis in ("metropolis", "Metropolis", "大都市"):  # no advice for a type not chosen
        assert metropolis not in text


def test_a_chosen_city_type_is_kept(app: AppTest) -> None:
    at = app.run()
    at.text_input(key="in-name").set_value("Riverside")
    at.selectbox(key="in-type").set_value("metropolis")
    at.radio(key="in-lead").set_value("private")
    submit = next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:intake"))
    at = submit.click().run()
    profile = make_session_store(Settings()).load(at.query_params["code"]).profile  # type: ignore[union-attr]
    assert profile is not None and (profile.city_type, profile.lead_actor) == ("metropolis", "private")
