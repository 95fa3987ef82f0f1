"""The Ask page: answers with numbered sources that open in place; uncovered questions declined."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import texts


def ask(app: AppTest, question: str) -> AppTest:
    app.run()
    at = app.switch_page("app_pages/ask.py").run()
    return at.chat_input(key="ask-input").set_value(question).run()


def test_answer_is_composed_first_with_its_sources_collapsed(app: AppTest) -> None:
    at = ask(app, "Does JICA support building testbeds?")
    assert not at.exception
    answer = "\n".join(texts(at.chat_message[-1].markdown)).replace("\\", "")
    assert "[1]" in answer and "testbed" in answer.lower()
    assert len(answer.split("\n")[0]) < 700  # a short composed answer, not whole passages
    (sources,) = at.expander
    assert sources.label.replace("\\", "").startswith("Sources (")
    assert not sources.proto.expanded
    lines = [x.replace("\\", "").strip("*") for x in texts(sources.markdown)]
    assert lines[0].startswith("[1] ") and "JICA's SUPPORT" in lines[0]
    assert all("/" not in x.split(" · ")[-1] for x in lines)  # a document name, never a path
    # the conversation stays after the next run
    at.run()
    assert [m.name for m in at.chat_message] == ["user", "assistant"]


def test_uncovered_question_is_declined(app: AppTest) -> None:
    at = ask(app, "What is the best recipe for chocolate cake?")
    assert not at.exception
    assert any("not covered by the knowledge base" in x for x in texts(at.info))
    assert not at.expander


def test_japanese_question(app: AppTest) -> None:
    app.session_state["lang"] = "ja"
    at = ask(app, "JICAはテストベッドの整備を支援しますか？")
    assert not at.exception
    assert "質問する" in texts(at.title)[0] or "協力メニュー" in texts(at.title)[0]
    assert at.expander  # cited passages
