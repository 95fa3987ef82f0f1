"""Answer quality from the QA pass (sixth session): a need the menu does not name is said to be
unlisted before anything else; a specific word (cybersecurity) beats a frame word (policy) and
the asker's level; the project's filler sentences are never quoted; a decline names a closest
line only when the question's words relate to it."""

from __future__ import annotations

import pytest

from assistant.framework import get_framework
from assistant.knowledge.answer import answer
from assistant.knowledge.compose_kinds import Composer
from assistant.knowledge.compose_sentences import best_sentences
from assistant.knowledge.retrieval import Hit

NOT_LISTED = ("does not list this need", "そのものは挙げられていません")


@pytest.mark.parametrize(
    "question",
    [
        "Would JICA pay to build a light-rail system for our city?",
        "Can JICA support a new ferry terminal for us?",
        "モノレールの整備をJICAに支援してもらえますか",
    ],
)
def test_an_unnamed_need_is_said_to_be_unlisted_first(shipped_kb, question: str):
    result = answer(question, shipped_kb.retriever)
    first = result.answer.split("[1]")[0]
    assert any(x in first for x in NOT_LISTED), result.answer
    assert not result.answer.startswith(("Yes", "はい")), result.answer
    # no menu line is presented as the answer; one quoted at all is labelled as related
    assert "menu lists" not in result.answer and "としてメニューには" not in result.answer
    if "“" in result.answer or "」の「" in result.answer:
        assert "related" in result.answer or "関連する項目" in result.answer, result.answer


@pytest.mark.parametrize(
    "question",
    [
        "Is there support for a national cyber security policy?",
        "Our city wants a cybersecurity policy. What kind of cooperation fits?",
        "We need a cyber security policy; which JICA cooperation helps?",
    ],
)
def test_cybersecurity_with_a_policy_named_finds_its_own_line(shipped_kb, question: str):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.kind == "help", result
    first = result.answer.split("[1]")[0]
    assert "cybersecurity" in first.lower(), result.answer


def test_a_filler_sentence_of_the_project_is_never_quoted(shipped_kb):
    retriever = shipped_kb.retriever
    composer = Composer(retriever, get_framework(), "ja")
    chunk = retriever.get("support-data-platform.ja")
    assert chunk is not None and "よく寄せられる質問" in chunk.text  # the gloss still holds it
    draft = best_sentences(
        composer, "データプラットフォームと都市OSについて", [Hit(chunk, 1.0, None, None)], 200
    )
    assert draft is not None and draft.sentences
    assert all("よく寄せられる" not in s.text for s in draft.sentences), draft
    en = retriever.get("support-data-platform.en")
    assert en is not None
    draft = best_sentences(
        Composer(retriever, get_framework(), "en"),
        "data platforms and the urban OS",
        [Hit(en, 1.0, None, None)],
        420,
    )
    assert draft is not None
    assert all("frequent question" not in s.text for s in draft.sentences), draft


@pytest.mark.parametrize(
    "question",
    ["How many weeks does a JICA loan take to approve?", "JICAの円借款の審査には何か月かかりますか"],
)
def test_a_decline_names_no_unrelated_line(shipped_kb, question: str):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "not_in_sources", result
    assert "closest line" not in result.answer and "最も近い" not in result.answer, result.answer


def test_a_decline_still_names_a_related_line(shipped_kb):
    result = answer("What is the grant amount for a data platform project?", shipped_kb.retriever)
    assert not result.answered and result.reason == "not_in_sources", result
    assert "closest line" in result.answer and "data platforms" in result.answer, result.answer
