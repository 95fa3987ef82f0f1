"""Ask round 5 (issue 11, branch askf): a question no kind recognises is answered by what
retrieval found. An element asked about in words no rule knows gets that element's printed
desired state (not a rubric line or a gloss); a menu line asked about in new words gets the line
with its heading and level. The routed answer stands or falls as the quoted sentences would."""

from __future__ import annotations

import pytest

from assistant.knowledge.answer import answer
from assistant.knowledge.chunk import Chunk
from assistant.knowledge.compose_route import _element_id, _menu_first
from assistant.knowledge.lexical import normalize
from assistant.knowledge.retrieval import Hit
from assistant.lang import detect_lang
from tests.knowledge.test_answer import assert_cited

E08_PRINTED = "スマートシティエコシステムに産官学のトリプルヘリックス等の仕組みが組み込まれている"
E13_PRINTED = "市民参加の仕組みが整備されている"
E20_PRINTED = "近隣地域、他国のSCとの都市間パートナシップにより最新知見の共有化が図られている"


@pytest.mark.parametrize(
    ("question", "printed"),
    [
        ("Does the framework talk about companies, universities and the city hall teaming up?",
         E08_PRINTED),
        ("The triple helix thing: is that in there somewhere?", E08_PRINTED),
        ("大学や企業と行政が組んで進めることについて、何か書いてありますか？", E08_PRINTED),
        ("住民が計画づくりに加わることは、評価の観点に含まれていますか？", E13_PRINTED),
        ("近くの町や外国の都市とつながることは評価の対象ですか？", E20_PRINTED),
    ],
)  # fmt: skip
def test_an_element_asked_in_new_words_gets_its_printed_desired_state(
    shipped_kb, question, printed
):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.kind == "element", result.answer
    assert normalize(printed) in normalize(result.answer), result.answer
    # the project's rubric is not what the brochure asks of the element
    assert "Level 4" not in result.answer and "レベル4" not in result.answer
    assert detect_lang(result.answer) == detect_lang(question)
    assert_cited(result)


@pytest.mark.parametrize(
    ("question", "line", "heading", "level"),
    [
        ("Is the TOR drafting support meant for ministries or for municipalities?",
         "TOR作成", "技術支援：SC組織への支援・専門家派遣", "city level"),
        ("TORの作成支援は国向けですか、それとも自治体向けですか？",
         "TOR作成", "技術支援：SC組織への支援・専門家派遣", "都市・自治体／地区レベル"),
    ],
)  # fmt: skip
def test_a_menu_line_asked_in_new_words_gets_the_line_with_its_heading(
    shipped_kb, question, line, heading, level
):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.kind == "help", result.answer
    for fact in (line, heading, level):
        assert fact in result.answer, (fact, result.answer)
    # not asked for help: the line is listed, not offered with a "yes"
    assert not result.answer.startswith(("Yes", "はい")), result.answer
    assert result.sources[0].id.startswith("coop-")
    assert_cited(result)


def _hit(base: str, score: float, dense: float, elements: tuple[str, ...] = ()) -> Hit:
    chunk = Chunk(f"{base}.en", "text", base, "what", "en", "printed", "s", elements)
    return Hit(chunk, score, dense, None)


def test_an_element_routes_only_when_retrieval_points_to_it_clearly():
    # first, and no other element as close
    assert _element_id("q", [_hit("element-E08", 1.0, 0.40), _hit("element-E11", 0.95, 0.20)])
    # two elements about as close in meaning and rank: a tie, no route
    tie = [_hit("element-E04", 0.97, 0.43), _hit("element-E21", 0.97, 0.45)]
    assert _element_id("q", tie) is None
    # second after a passage that names it, and closer in meaning: that element
    named = [_hit("why-x", 0.97, 0.49, ("E06", "E13")), _hit("element-E13", 0.96, 0.54)]
    assert _element_id("q", named) == "E13"
    # ... but not when the first passage is closer in meaning (ranked second by words alone)
    closer = [_hit("why-x", 1.0, 0.38, ("E11", "E16")), _hit("element-E16", 0.96, 0.33)]
    assert _element_id("q", closer) is None
    # ... nor after a passage about other elements
    other = [_hit("why-x", 0.97, 0.30, ("E06",)), _hit("element-E13", 0.96, 0.54)]
    assert _element_id("q", other) is None
    # after a passage naming no element, only when an element is asked about
    plain = [_hit("elements-levels", 0.9, 0.25), _hit("element-E17", 0.88, 0.36)]
    assert _element_id("what about security?", plain) is None
    assert _element_id("what does the element on security ask?", plain) == "E17"


def test_menu_lines_route_when_a_line_leads():
    assert _menu_first([_hit("coop-city-survey-1", 1.0, 0.3), _hit("element-E01", 0.9, 0.3)])
    guide = Chunk("support-x.en", "t", "t", "support", "en", "reading", "s", (), ("city-survey-1",))
    assert _menu_first([Hit(guide, 1.0, 0.3), _hit("coop-city-survey-1", 0.9, 0.3)])
    assert not _menu_first([Hit(guide, 1.0, 0.3), _hit("element-E01", 0.9, 0.3)])
    assert not _menu_first([_hit("element-E01", 1.0, 0.3), _hit("coop-city-survey-1", 0.9, 0.3)])


@pytest.mark.parametrize(
    "question",
    ["What's the best way to train for a marathon?", "おすすめのラーメン屋はどこですか？"],
)
def test_routing_declines_what_the_quoted_sentences_declined(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "off_topic", result.answer


@pytest.mark.parametrize(
    "question",
    [
        # a two-letter term in Latin letters inside Japanese words (都市OS) names the line
        "What is meant by 都市OS here, and is setting one up something JICA supports?",
        # ... and asked what it is and whether it is supported, in Japanese: routed to the line
        "都市OSって何のことですか？その構築はJICAの支援対象ですか？",
    ],
)
def test_an_urban_os_question_gets_a_menu_line_that_names_it(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.kind == "help", result.answer
    assert "都市OS" in result.answer
    assert "資金協力" in result.answer or "M/P策定調査" in result.answer  # the line's heading
    assert detect_lang(result.answer) == detect_lang(question)
    assert_cited(result)


@pytest.mark.parametrize(
    "question",
    [
        "Within 技術支援, what is the ナレッジシェア platform there for?",
        "In JICA's menu, what would the ナレッジシェア platform actually be used for?",
    ],
)
def test_lines_of_the_one_kind_named_get_that_kinds_lines_under_its_heading(shipped_kb, question):
    # before: the chunk's bare heading ("JICA cooperation menu — Technical assistance: …") only
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.kind == "menu_type", result.answer
    for fact in (
        "技術支援：ナレッジシェアのプラットフォーム構築",
        "知見・教訓の共有",
        "他都市への展開",
    ):
        assert fact in result.answer, (fact, result.answer)
    assert_cited(result)


@pytest.mark.parametrize(
    ("question", "printed"),
    [
        ("近隣の自治体と協定を結ぶような連携は、どこかに書かれていますか？", E20_PRINTED),
        (
            "JICAのアプローチで市民の「Well-being」はどこに書かれていますか？",
            "市民のWell-being向上",
        ),
    ],
)
def test_quoted_sentences_give_the_printed_state_not_the_projects_rubric(
    shipped_kb, question, printed
):
    result = answer(question, shipped_kb.retriever)
    assert result.answered, result.answer
    assert normalize(printed) in normalize(result.answer), result.answer
    assert "レベル4" not in result.answer and "Level 4" not in result.answer, result.answer
    assert_cited(result)
