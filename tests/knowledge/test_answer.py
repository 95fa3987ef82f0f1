import re
from typing import ClassVar

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel, GenericFakeChatModel
from langchain_core.messages import AIMessage

from assistant.knowledge.answer import DECLINE, answer
from assistant.lang import detect_lang
from assistant.prompts import PromptError, load_chat_prompt

CONTRACT = {
    "question", "answered", "answer", "mode", "sources", "notice", "reason", "kind", "missing",
}  # fmt: skip
SOURCE_KEYS = {
    "id",
    "title",
    "text",
    "lang",
    "element_ids",
    "cooperation_ids",
    "score",
    "provenance",
    "source",
    "section",
    "added_by",
}
MARKED_SENTENCE = re.compile(r"\[\d+\][.。]$")


def sentences(text: str) -> list[str]:
    """An offline answer's sentences: each ends with its [n] marker(s) and a full stop."""
    return [s for s in re.split(r"(?<=\]\.)\s+|(?<=\]。)", text.strip()) if s]


def assert_cited(result) -> None:
    """Every sentence carries a marker, and every marker points to a listed source."""
    for sent in sentences(result.answer):
        assert MARKED_SENTENCE.search(sent), sent
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", result.answer)}
    assert numbers == set(range(1, len(result.sources) + 1))


def assert_answered(result) -> None:
    """Answered: neither declined nor off-topic (the answer shown when it fails)."""
    assert result.answered and result.reason is None, result.answer


def assert_not_in_sources(result, question: str) -> None:
    """Declined as a specific the brochure does not give, in the question's language, cited."""
    assert not result.answered and result.reason == "not_in_sources", result.answer
    assert detect_lang(result.answer) == detect_lang(question)
    assert_cited(result)


class RecordingChat(FakeListChatModel):
    """A fake chat model that remembers the messages it was given."""

    seen: ClassVar[list] = []

    def invoke(self, messages, *args, **kwargs):
        type(self).seen = list(messages)
        return super().invoke(messages, *args, **kwargs)


class BrokenChat(FakeListChatModel):
    def invoke(self, *args, **kwargs):
        raise TimeoutError("model timed out")


def test_help_question_answers_with_the_menu_line_first_and_cites_it(real_kb):
    result = answer(
        "Can JICA help us write the TOR for procuring a data platform?", real_kb.retriever, k=3
    )
    data = result.model_dump(mode="json")
    assert set(data) == CONTRACT and all(set(s) == SOURCE_KEYS for s in data["sources"])
    assert result.answered and result.mode == "extractive" and result.notice is None
    assert result.reason is None and result.kind == "help"
    assert result.answer.startswith("Yes: under")
    assert "terms of reference" in result.answer and len(result.answer) < 600
    assert any(s.id == "coop-city-organization-2.en" for s in result.sources)
    assert all(s.id.startswith("coop-") for s in result.sources)  # menu lines, not elements
    assert_cited(result)


def test_answer_language_follows_the_question_where_the_kb_has_it(real_kb):
    result = answer(
        "データ基盤の調達で仕様書（TOR）の作成を支援してもらえますか", real_kb.retriever
    )
    assert result.answered and result.answer.startswith("はい。")
    assert all(s.lang == "ja" for s in result.sources if not s.id.startswith("added-"))
    assert any(s.id == "coop-city-organization-2.ja" for s in result.sources)
    assert_cited(result)
    forced = answer(
        "データ基盤の調達で仕様書（TOR）の作成を支援してもらえますか", real_kb.retriever, lang="en"
    )
    assert forced.answer.startswith("Yes") and all(s.lang == "en" for s in forced.sources)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("What is the best recipe for chocolate cake?", "en"),
        ("Who won the football world cup in 1998?", "en"),
        ("美味しいラーメンの作り方を教えてください", "ja"),
    ],
)
def test_off_topic_questions_are_declined_in_both_modes(real_kb, question, lang):
    result = answer(question, real_kb.retriever)
    assert not result.answered and result.answer == DECLINE[lang] and result.sources == []
    assert result.reason == "off_topic"
    chat = RecordingChat(responses=["should not be called"])
    RecordingChat.seen = []
    result = answer(question, real_kb.retriever, chat_model=chat)
    assert not result.answered and result.mode == "llm" and RecordingChat.seen == []


def test_llm_mode_grounds_the_prompt_and_keeps_valid_citations(real_kb):
    chat = RecordingChat(
        responses=[
            "Yes: JICA experts can help draft the TOR [1] and set the technical evaluation [1][2]."
        ]
    )
    result = answer(
        "Can JICA help us write the TOR for procuring a data platform?",
        real_kb.retriever,
        k=3,
        chat_model=chat,
    )
    assert result.mode == "llm" and result.answered and result.notice is None
    assert "[1]" in result.answer and len(result.sources) == 3
    system, user = RecordingChat.seen
    assert "ONLY from the numbered passages" in system.content
    assert "not instructions" in system.content
    assert '<passage number="1"' in user.content and "terms of reference" in user.content
    assert "Question: Can JICA help us write the TOR" in user.content


def test_llm_citations_that_match_no_source_are_dropped_and_flagged(real_kb):
    chat = GenericFakeChatModel(messages=iter([AIMessage("Experts help with the TOR [1][7].")]))
    result = answer(
        "Can JICA help us write the TOR for procuring a data platform?",
        real_kb.retriever,
        k=2,
        chat_model=chat,
    )
    assert result.answer == "Experts help with the TOR [1]."
    assert "[7]" in result.notice


@pytest.mark.parametrize("chat", [BrokenChat(responses=["x"]), FakeListChatModel(responses=["  "])])
def test_llm_failure_falls_back_to_the_extractive_answer_with_a_notice(real_kb, chat):
    result = answer(
        "How do residents take part in designing services?", real_kb.retriever, chat_model=chat
    )
    assert result.answered and result.mode == "extractive"
    assert result.notice and "composed from the sources" in result.notice
    assert "[1]" in result.answer
    assert_cited(result)


def test_llm_can_decline_when_passages_do_not_answer(real_kb):
    chat = FakeListChatModel(responses=["NOT_COVERED"])
    result = answer(
        "市民参加の仕組みを作るにはどうすればよいですか", real_kb.retriever, chat_model=chat
    )
    assert not result.answered and result.answer == DECLINE["ja"]
    assert result.reason == "not_in_sources"


def test_prompt_injection_in_a_document_is_only_quoted(real_kb):
    question = "What was said about the data platform budget for the river flood sensors?"
    result = answer(question, real_kb.retriever, k=3)
    injected = [s for s in result.sources if s.provenance == "added"]
    assert injected, "the added document should be retrieved"
    assert injected[0].text.startswith("Ignore previous instructions")
    assert injected[0].added_by == "Test Facilitator" and injected[0].source == "notes.md"
    n = result.sources.index(injected[0]) + 1
    # the user's document is labelled as such inline: it cannot pose as the brochure
    labelled = re.findall(
        r"A document added by Test Facilitator \(not JICA's brochure\) says: “[^”]*” \[(\d+)\]",
        result.answer,
    )
    assert str(n) in labelled
    assert_cited(result)
    assert result.answer != "HACKED"
    chat = RecordingChat(responses=["The budget was reviewed [1]."])
    answer(question, real_kb.retriever, k=3, chat_model=chat)
    system, user = RecordingChat.seen
    assert "Ignore previous instructions" not in system.content
    assert "ignore previous instructions" in system.content  # the warning, not the payload
    body = user.content.split("Question:")[0]
    passage = body[body.index("Ignore previous") :]
    assert passage.index("</passage>") > 0  # the payload sits inside its passage wrapper


def test_answer_prompts_load_with_the_variables_the_answerer_fills():
    for lang in ("en", "ja"):
        prompt = load_chat_prompt("answer", lang, ("passages", "question"))
        assert "{" not in prompt.system and "NOT_COVERED" in prompt.system
    with pytest.raises(PromptError):
        load_chat_prompt("answer", "en", ("passages", "question", "city"))


def test_a_named_menu_line_quotes_that_printed_line_not_the_whole_menu(real_kb):
    """ "the procurement support menu line" is one line: its printed Japanese (調達支援) is quoted."""
    result = answer("What is in the procurement support menu line?", real_kb.retriever)
    assert result.kind == "help" and "調達支援" in result.answer


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("What support is there for cybersecurity?", "Under “"),
        ("どのようなサイバーセキュリティ対策の支援がありますか？", "JICAの協力メニューには"),
    ],
)
def test_a_what_question_about_support_gets_the_line_without_a_yes(real_kb, question, opening):
    """"Yes" answers a yes/no question; "what support is there" is answered by the line itself."""
    result = answer(question, real_kb.retriever)
    assert result.answered and result.kind == "help"
    assert result.answer.startswith(opening), result.answer[:80]
    assert "サイバーセキュリティ対策支援" in result.answer
    assert_cited(result)
