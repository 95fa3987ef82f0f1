"""A "Can JICA help with X?" answer begins "Yes" only when the menu line it quotes names X
(QA, fifth session: "Can JICA finance a metro line?" was answered "Yes: … support for
infrastructure development"). The closest line is still listed, without the "Yes"."""

from __future__ import annotations

import pytest

from assistant.framework import get_framework
from assistant.knowledge.answer import answer
from assistant.knowledge.menu_match import names_need


def _line(words: str):
    return next(x for x in get_framework().cooperation if words in x.text.en.lower())


@pytest.mark.parametrize(
    ("question", "words", "named"),
    [
        ("any support on cyber security?", "cybersecurity", True),  # the pair joined
        ("Could JICA help build our urban OS?", "urban os", True),  # a two-letter term
        ("サイバー攻撃への対策を支援してもらえますか", "cybersecurity", True),
        ("Can JICA finance a metro line?", "infrastructure", False),
        ("Does JICA help with trust building?", "data platforms", False),
        ("地下鉄の建設を支援してもらえますか", "data platforms", False),
    ],
)
def test_a_line_is_named_by_the_question_s_own_words(question: str, words: str, named: bool):
    assert names_need(question, _line(words), set()) is named


def test_a_line_an_everyday_word_points_to_is_named():
    line = _line("infrastructure")
    assert names_need("Can JICA finance a metro line?", line, {line.id})


@pytest.mark.parametrize(
    ("question", "yes"),
    [
        ("Can JICA finance a metro line?", False),
        ("Does JICA help with trust building?", False),
        ("地下鉄の建設にJICAの資金協力は使えますか？", False),
        ("Is there any support on cyber security?", True),
        ("サイバーセキュリティ対策の支援はありますか？", True),
    ],
)
def test_yes_only_for_the_line_that_names_the_need(shipped_kb, question: str, yes: bool):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.kind == "help", result
    assert result.answer.startswith(("Yes", "はい")) is yes, result.answer
    assert "[1]" in result.answer  # the closest line is still quoted and cited
