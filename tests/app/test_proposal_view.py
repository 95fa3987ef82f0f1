"""The proposal card says how sure in words, from the interpreter's calibrated label."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from assistant.interview.state import Proposal
from assistant.web.proposal_view import confidence_key


def test_the_label_not_the_number_decides_the_words() -> None:
    sure_number = Proposal(level=2, confidence=0.97, confidence_label="medium")
    assert confidence_key(sure_number) == "ui.confidence_medium"
    modest_number = Proposal(level=3, confidence=0.6, confidence_label="high")
    assert confidence_key(modest_number) == "ui.confidence_high"


def _card(lang: str, label: str) -> None:
    from assistant.interview.state import Proposal
    from assistant.web.proposal_view import proposal_card

    proposal_card(
        Proposal(level=2, confidence=0.97, confidence_label=label, rubric="A pilot runs."),  # type: ignore[arg-type]
        lang,  # type: ignore[arg-type]
    )


def test_the_card_caption_shows_the_label_in_the_session_language() -> None:
    for lang, label, words, number in (
        ("en", "medium", "Confidence: medium", "0.97"),
        ("ja", "low", "確信度：低", "0.97"),
        ("en", "high", "Confidence: high", "97"),
    ):
        at = AppTest.from_function(_card, args=(lang, label)).run()
        assert not at.exception
        captions = " ".join(c.value for c in at.caption)
        assert words in captions
        assert number not in captions


def test_a_draft_from_a_document_does_not_claim_the_typed_answer_confidence() -> None:
    draft = Proposal(level=2, confidence=0.9, confidence_label="high", source="document",
                     origin="plan.pdf, p. 12", evidence="A pilot runs in one district.")  # fmt: skip
    assert confidence_key(draft) == "ui.confidence_document"
    typed = draft.model_copy(update={"source": "offline"})
    assert confidence_key(typed) == "ui.confidence_high"


def test_the_action_bar_line_says_what_was_made_of_the_answer_in_the_session_language() -> None:
    """The line pinned over the chat box (in view on a phone whatever the scroll): the level
    proposed, "don't know" to confirm, the element asked after a save, the read-back."""
    from assistant.framework import get_framework
    from assistant.interview.engine import InterviewEngine
    from assistant.web.proposal_view import bar_line
    from tests.interview.conftest import INTAKE_EN, INTAKE_JA
    from tests.interview.fakes import CannedAnswerer, KeywordInterpreter, now
    from tests.interview.stores import memory_store

    engine = InterviewEngine(
        get_framework(), KeywordInterpreter(), memory_store(), CannedAnswerer(), clock=now
    )
    code, reply = engine.start("en")
    for line in INTAKE_EN:
        reply = engine.handle(code, line)
    assert bar_line(reply, "en").startswith("E01 Vision and philosophy (question 1 of 21)")
    reply = engine.handle(code, "We have a draft vision.")
    assert bar_line(reply, "en").startswith("E01: level 2 proposed")
    reply = engine.handle(code, "yes")
    assert bar_line(reply, "en").startswith("Saved E01. Now E02 ")
    reply = engine.handle(code, "no idea")
    assert bar_line(reply, "en") == "E02: “don't know” proposed. Nothing is saved until you confirm."
    code, reply = engine.start("ja")
    for line in INTAKE_JA:
        reply = engine.handle(code, line)
    reply = engine.handle(code, "わかりません")
    assert bar_line(reply, "ja").startswith("E01：「わからない」を提案しました")
    reply = engine.handle(code, "はい")
    assert bar_line(reply, "ja").startswith("E01を保存しました。次はE02 ")
    for _ in range(20):
        reply = engine.handle(code, "2")
    assert reply.phase == "readback"
    assert bar_line(reply, "ja") == "すべてのエレメントに回答しました。上の内容を確認してから完了してください。"
