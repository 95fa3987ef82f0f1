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
