"""The composed offline answer (issue 11): each kind of question in both languages, the decline
reasons, mixed-script questions, path-free citations and labelled user documents."""

from __future__ import annotations

import re

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.knowledge import intents
from assistant.knowledge.answer import DECLINE, answer
from assistant.knowledge.compose import split_sentences
from assistant.knowledge.source_names import source_line
from assistant.lang import detect_lang
from tests.knowledge.test_answer import assert_cited


@pytest.mark.parametrize(
    ("question", "kind", "lang", "facts"),
    [
        ("Is there any support for cybersecurity?", "help", "en", ["cybersecurity", "national"]),
        ("サイバーセキュリティ対策の支援はありますか", "help", "ja", ["サイバーセキュリティ対策支援"]),
        (
            "What is the difference between Small Start and Accelerate?",
            "difference", "en", ["Small Start", "quick wins", "Accelerate", "flexibly"],
        ),
        ("Small StartとAccelerateの違いは何ですか？", "difference", "ja",
         ["Small Start", "Quick Win", "Accelerate", "弾力的に資金"]),
        ("SmallStartとAccelerateの違いは？", "difference", "ja", ["Small Start", "Accelerate"]),
        ("How does the area-based approach differ from the sector-based one?", "difference", "en",
         ["point to a surface", "transport", "combined"]),
        ("エリアを軸にする切り口とセクターを軸にする切り口の違いは何ですか", "difference", "ja",
         ["点から面へ", "交通", "組合せることも可能"]),
        ("What's the difference between national level and city level support?", "difference",
         "en", ["national level", "city level", "reading"]),
        ("What direction does the brochure suggest for a regional core city?", "direction", "en",
         ["basic urban services", "reading"]),
        ("地方中核都市はどのような方向性を目指すべきですか", "direction", "ja", ["基礎的な都市サービス"]),
        ("We have nothing on smart cities yet. Where should we start?", "start", "en",
         ["Small Start", "existing assets", "five domains"]),
        ("まだ何も取り組んでいません。何から始めればよいですか", "start", "ja",
         ["できることからはじめる", "アセスメント"]),
        ("What does element E13 ask for?", "element", "en", ["citizen participation", "E13"]),
        ("市民参加・共創の望ましい状態とは何ですか", "element", "ja", ["市民参加の仕組みが整備されている"]),
        ("E15の望ましい状態は？", "element", "ja", ["都市OS"]),
        ("How can I contact JICA by email or phone?", "contact", "en",
         ["imgge@jica.go.jp", "03-5226-6660", "102-8012"]),
        ("JICAの連絡先を教えてください", "contact", "ja", ["imgge@jica.go.jp", "二番町"]),
    ],
)  # fmt: skip
def test_each_kind_of_question_gets_a_short_cited_answer(shipped_kb, question, kind, lang, facts):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.reason is None and result.kind == kind, result.answer
    assert detect_lang(result.answer) == lang
    for fact in facts:
        assert fact.lower() in result.answer.lower(), (fact, result.answer)
    assert len(result.answer) <= (700 if lang == "en" else 350)
    assert 1 <= len(split_answer(result.answer)) <= 3
    assert_cited(result)


def split_answer(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=\]\.)\s+|(?<=\]。)", text) if s]


def test_help_ranks_menu_lines_above_element_chunks(shipped_kb):
    result = answer("Can JICA help us set up a smart city promotion body?", shipped_kb.retriever)
    assert result.kind == "help" and result.sources[0].id.startswith("coop-")
    assert "“Technical assistance: support to smart-city organisations" in result.answer
    assert "(city level)" in result.answer or "(national level)" in result.answer


@pytest.mark.parametrize(
    ("question", "lang", "missing"),
    [
        ("What is the interest rate on a JICA yen loan for a smart city project?", "en",
         "loan terms"),
        ("How many smart city projects does JICA have in Vietnam?", "en", "named countries"),
        ("What is the deadline to apply for JICA smart city support this year?", "en",
         "deadlines"),
        ("Which vendor does JICA recommend for an urban OS platform?", "en", "vendors"),
        ("Is our city eligible for JICA technical assistance?", "en", "eligibility"),
        ("スマートシティ事業への円借款の金利はいくらですか", "ja", "金利"),
        ("実証事業の予算の上限額はいくらですか", "ja", "金額"),
        ("M/P策定調査の申請方法を教えてください", "ja", "申請"),
        ("Smart city loanの金利は何％ですか", "ja", "金利"),
    ],
)  # fmt: skip
def test_specifics_the_brochure_lacks_are_said_plainly_with_menu_line_and_contact(
    shipped_kb, question, lang, missing
):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "not_in_sources" and result.kind == "limit"
    opening = "The brochure does not give" if lang == "en" else "パンフレットには"
    assert result.answer.startswith(opening) and missing in result.answer
    assert "imgge@jica.go.jp" in result.answer
    # a closest menu line only when the question's words relate to one (QA, sixth session): an
    # interest rate or a deadline relates to no line's words, so none is named as "closest"
    unrelated = question.startswith(("What is the interest rate", "What is the deadline"))
    assert any(s.id.startswith("coop-") for s in result.sources) is not unrelated, result.answer
    assert ("closest line" in result.answer) is (not unrelated and lang == "en"), result.answer
    assert_cited(result)
    data = result.model_dump(mode="json")
    assert data["answered"] is False and data["reason"] == "not_in_sources"


@pytest.mark.parametrize(
    "question", ["What is the best recipe for chocolate cake?", "明日の東京の天気はどうですか"]
)
def test_off_topic_is_still_declined_with_its_reason(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "off_topic" and result.sources == []
    assert result.answer == DECLINE[detect_lang(question)]


def test_a_user_document_is_labelled_inline_and_cited_by_name_never_by_path(real_kb, tmp_path):
    question = "What was said about the data platform budget for the river flood sensors?"
    result = answer(question, real_kb.retriever)
    assert result.answered, result.answer
    added = [s for s in result.sources if s.provenance == "added"]
    assert added and added[0].source == "notes.md" and added[0].added_by == "Test Facilitator"
    assert "A document added by Test Facilitator (not JICA's brochure) says:" in result.answer
    root = str(tmp_path.parents[1])  # the absolute directory the document was added from
    for n, src in enumerate(result.sources, 1):
        shown = source_line(n, src, "en")
        assert root not in shown and "/" not in src.source
    assert root not in result.answer
    n = 1 + result.sources.index(added[0])
    assert "added by Test Facilitator" in source_line(n, added[0], "en")


def test_a_hostile_document_cannot_pose_as_the_brochure(shipped_kb):
    result = answer("How much of a smart parking pilot does JICA pay for?", shipped_kb.retriever)
    assert "100%" in result.answer  # the user's document is the only source that says so
    sentence = next(s for s in split_answer(result.answer) if "100%" in s)
    assert sentence.startswith("A document added by Ms Tanaka (not JICA's brochure) says: “")
    n = int(re.findall(r"\[(\d+)\]", sentence)[0])
    assert result.sources[n - 1].provenance == "added"


def test_shipped_sources_show_the_document_name_and_brochure_part(shipped_kb):
    result = answer("Is there any support for cybersecurity?", shipped_kb.retriever)
    src = result.sources[0]
    assert src.source == "JICA Smart City Approach (knowledge base)"
    assert src.section == "JICA's SUPPORT"
    assert source_line(1, src, "en").endswith(
        "JICA's SUPPORT · printed in the brochure · JICA Smart City Approach (knowledge base)"
    )


def test_llm_answer_with_a_number_the_sources_lack_falls_back_with_a_notice(shipped_kb):
    chat = FakeListChatModel(responses=["JICA funds up to 75% of testbeds [1]."])
    result = answer("Does JICA support building testbeds?", shipped_kb.retriever, chat_model=chat)
    assert result.mode == "extractive" and result.answered
    assert "75" in (result.notice or "") and "75%" not in result.answer
    assert_cited(result)
    chat = FakeListChatModel(responses=["Yes, JICA supports building testbeds [1]."])
    result = answer("Does JICA support building testbeds?", shipped_kb.retriever, chat_model=chat)
    assert result.mode == "llm" and result.notice is None


def test_specific_kind_and_mixed_script_language():
    assert intents.specific_kind("What is the interest rate?")[0] == "loan"
    assert intents.specific_kind("応募資格はありますか")[0] == "eligibility"
    assert intents.specific_kind("What budget was approved?", ["The budget was 2 million"]) is None
    assert intents.specific_kind("Does JICA support testbeds?") is None
    assert detect_lang("Small StartとAccelerateの違いは何ですか？") == "ja"
    assert detect_lang("What does 市民参加・共創 mean in the elements?") == "en"
    assert intents.found(intents.STAGES, "SmallStartとSustainable Growth") == [
        "small_start",
        "sustainable_growth",
    ]


def test_sentences_of_a_hard_wrapped_passage():
    text = "JICA supports the\nsmart city. It assesses\nfive domains.\n- a list item"
    assert split_sentences(text) == [
        "JICA supports the smart city.",
        "It assesses five domains.",
        "- a list item",
    ]


@pytest.mark.parametrize(
    ("question", "kind", "lang", "facts"),
    [
        ("What are the three maturity stages?", "overview", "en",
         ["Small Start", "Accelerate", "Sustainable Growth", "新たに取組みを始める国・都市"]),
        ("成熟度の3つの段階を教えてください", "overview", "ja", ["Small Start", "Sustainable Growth"]),
        ("What are the five domains?", "overview", "en", ["「政策」", "「運用」", "21"]),
        ("Which elements belong to the organization domain?", "overview", "en",
         ["推進主体", "トラスト醸成"]),
        ("技術の分野にはどのエレメントがありますか", "overview", "ja", ["都市基盤・プラットフォーム"]),
        ("What strengths does JICA bring?", "overview", "en", ["ネットワーク", "ノウハウ"]),
        ("JICAの強みは何ですか", "overview", "ja", ["多様なネットワーク"]),
        ("What is JICA's basic policy for smart city cooperation?", "overview", "en",
         ["co-creation", "「信頼」に基づく「共創」"]),
        ("情報収集確認調査の目的は何ですか", "menu_type", "ja", ["ロードマップ"]),
        ("What does the knowledge-sharing platform cooperation include?", "menu_type", "en",
         ["知見・教訓の共有"]),
        ("Where can I read the full report?", "report", "en", ["organization/library"]),
        ("報告書はどこで読めますか", "report", "ja", ["図書館ポータル"]),
        ("What does JICA assess before acting?", "start", "en", ["成熟段階", "協力プログラム"]),
        ("What happens at the most advanced stage?", "stage", "en",
         ["Sustainable Growth", "領域横断で包括的な取組み"]),
        ("取組みを進めようとしている国・都市へのアプローチは？", "stage", "ja", ["弾力的に資金"]),
        ("What is the sector-based approach?", "scale_up", "en", ["交通", "SECTOR-based"]),
        ("What does the data utilization element ask for?", "element", "en",
         ["オープンデータ", "E16"]),
        ("Can JICA help with cybersecurity?", "help", "en", ["「サイバーセキュリティ対策支援」"]),
        ("What direction fits a regional core city?", "direction", "en", ["「地方中核都市」", "包摂的"]),
        ("What is JICA's postal address?", "contact", "en", ["二番町5-25"]),
        ("What types of cooperation are in JICA's menu?", "menu", "en",
         ["knowledge-sharing platform", "「情報収集確認調査"]),
        ("都市・自治体レベルの協力メニューを教えてください", "menu", "ja", ["協議体", "本プロジェクトの読み取り"]),
        ("What cooperation does JICA offer at the city level?", "menu", "en",
         ["city level (都市・自治体／地区レベル)", "協議体"]),
        ("Testbedの構築支援はありますか", "help", "ja", ["テストベッド構築支援"]),
        ("procurement の technical evaluation や contract の準備も手伝ってもらえますか", "help",
         "ja", ["技術評価"]),
        ("Who is JICA?", "about", "en", ["二国間援助"]),
        ("What are the four aims on the maturity chart?", "chart", "en", ["自立発展", "価値創造"]),
    ],
)  # fmt: skip
def test_framework_wide_kinds_and_printed_wording(shipped_kb, question, kind, lang, facts):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.kind == kind, result.answer
    assert detect_lang(result.answer) == lang
    for fact in facts:
        assert fact in result.answer, (fact, result.answer)
    assert_cited(result)


@pytest.mark.parametrize(
    "question",
    [
        "How many JICA experts would be sent to our city, and for how long?",
        "Who are the members of the council JICA set up in Cebu?",
        "各エレメントの評価は何段階のスコアで行いますか",
        "要請書の様式はどこで入手できますか",
        "Technical cooperationの期間はどのくらいですか",
    ],
)
def test_on_topic_specifics_in_any_script_are_not_in_sources(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "not_in_sources", result.answer
    assert detect_lang(result.answer) == detect_lang(question)
    assert_cited(result)


def test_a_count_the_brochure_prints_is_answered_with_its_number(shipped_kb):
    for question in ("How many countries and regions does JICA cooperate with?",
                     "JICAは何か国と協力していますか"):  # fmt: skip
        result = answer(question, shipped_kb.retriever)
        assert result.answered and "150" in result.answer, result.answer


def test_japanese_answers_quote_no_printed_twin_and_name_the_missing_specific(shipped_kb):
    """The catalogue gives each sentence the same {printed} slot in both languages: a Japanese
    answer already is the printed wording, so the slot stays empty there."""
    assert intents.specific_kind("融資の金利は何%ですか")[1] == {
        "en": "loan terms or interest rates",
        "ja": "融資条件や金利",
    }
    for question, kind in [
        ("サイバーセキュリティ対策の支援はありますか", "help"),
        ("Small StartとAccelerateの違いは何ですか", "difference"),
        ("融資の金利は何%ですか", "limit"),
    ]:
        result = answer(question, shipped_kb.retriever)
        assert result.kind == kind and detect_lang(result.answer) == "ja", result.answer
        assert "原文" not in result.answer and "printed" not in result.answer, result.answer
    assert "融資条件や金利" in answer("融資の金利は何%ですか", shipped_kb.retriever).answer
