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
    answer = "\n".join(texts(at.chat_message[-1].text))  # plain text: nothing escaped
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


def _shown(at: AppTest) -> str:
    """Every text the page shows in its chat messages (plain, Markdown, notices)."""
    parts = []
    for m in at.chat_message:
        parts += texts(m.text) + texts(m.markdown) + texts(m.info) + texts(m.caption)
    return "\n".join(parts)


def test_contact_details_copy_as_typed(app: AppTest) -> None:
    """The brochure's e-mail and web address are shown without the invisible word joiner
    (U+2060) that Markdown needs to keep a bare address unlinked: pasted, they work."""
    at = ask(app, "What interest rate does JICA charge on a yen loan for a smart city project?")
    assert not at.exception
    shown = "\n".join(texts(at.chat_message[-1].text))
    assert "imgge@jica.go.jp" in shown and "www.jica.go.jp/activities" in shown
    assert "\u2060" not in _shown(at)


def test_contact_details_copy_as_typed_ja(app: AppTest) -> None:
    app.session_state["lang"] = "ja"
    at = ask(app, "スマートシティ協力の申請締め切りはいつですか？")
    assert not at.exception
    shown = "\n".join(texts(at.chat_message[-1].text))
    assert "imgge@jica.go.jp" in shown and "www.jica.go.jp/activities" in shown
    assert "\u2060" not in _shown(at)


HOSTILE = "[click](http://evil.example/) **bold** <img src=x onerror=alert(1)> $x$ \u202eevil"


def test_typed_question_stays_inert(app: AppTest) -> None:
    """What the person typed is shown as plain text (never Markdown, never a link), with the
    bidi override dropped; the reply's Markdown escapes it."""
    at = ask(app, HOSTILE)
    assert not at.exception
    user = at.chat_message[0]
    assert user.name == "user" and not user.markdown
    assert texts(user.text) == [HOSTILE.replace("\u202e", "")]
    for md in texts(at.chat_message[-1].markdown) + texts(at.chat_message[-1].info):
        assert "](" not in md and "<img" not in md and "**bold**" not in md


def test_typed_question_stays_inert_ja(app: AppTest) -> None:
    app.session_state["lang"] = "ja"
    question = "［リンク］(http://evil.example/) **太字** <b>x</b>"
    at = ask(app, question)
    assert not at.exception
    assert texts(at.chat_message[0].text) == [question]
    assert not at.chat_message[0].markdown
