"""Markup typed or pasted around a question is read past, never obeyed (QA, fifth session): the
question left over is answered as if typed plainly, and the result still carries the question
exactly as typed (shown as text, never rendered)."""

from __future__ import annotations

import pytest

from assistant.knowledge.answer import answer
from assistant.knowledge.asked import without_markup


@pytest.mark.parametrize(
    ("typed", "understood"),
    [
        ("<script>alert(1)</script> What is a smart city?", "What is a smart city?"),
        ("<SCRIPT src=x>steal()</SCRIPT>Where do we start?", "Where do we start?"),
        ("<b>Small Start</b>とAccelerateの違いは？", "Small Start とAccelerateの違いは？"),
        ("<style>p{}</style><!-- hi --><img src=x onerror=alert(1)>連絡先は？", "連絡先は？"),
        ("Is 3 < 5 and a<b?", "Is 3 < 5 and a<b?"),  # a less-than sign is no tag
        ("<script>never closed What is a smart city?", ""),
    ],
)
def test_markup_is_read_past(typed: str, understood: str) -> None:
    assert without_markup(typed) == understood


@pytest.mark.parametrize(
    ("plain", "lang"),
    [("What is a smart city?", "en"), ("Small StartとAccelerateの違いは何ですか？", "ja")],
)
def test_a_tag_in_front_does_not_change_the_answer(shipped_kb, plain: str, lang: str) -> None:
    retriever = shipped_kb.retriever
    typed = f"<script>alert('x')</script> {plain}"
    clean, tagged = answer(plain, retriever), answer(typed, retriever)
    assert clean.answered and tagged.answered
    assert tagged.answer == clean.answer and tagged.kind == clean.kind
    assert tagged.question == typed  # kept as typed: the page shows it as plain text
    assert "<script>" not in tagged.answer


def test_markup_alone_is_declined(shipped_kb) -> None:
    result = answer("<script>alert(1)</script>", shipped_kb.retriever)
    assert not result.answered and result.reason == "off_topic"
