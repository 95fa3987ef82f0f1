"""Questions the brochure cannot answer, asked in new ways (issue 11, round 5): a specific it does
not give is not_in_sources with JICA's contact; another body's contact, translation requests and
leisure are off-topic. In English and Japanese."""

from __future__ import annotations

import pytest

from assistant.knowledge.answer import answer
from tests.knowledge.test_answer import assert_cited, assert_not_in_sources


@pytest.mark.parametrize(
    "question",
    ["Where can I buy a cheap phone?", "What is the postal address of the immigration office?",
     "水道局の電話番号を教えて", "Translate 'smart city' into French",
     "この文を中国語に翻訳してください：おはようございます"],
)  # fmt: skip
def test_another_bodys_contact_and_translation_requests_are_off_topic(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "off_topic", result.answer
    assert "jica.go.jp" not in result.answer


@pytest.mark.parametrize(
    "question",
    ["JICAのスマートシティ協力を受けた都市はどこですか", "Which system integrator would JICA pick for us?",
     "これまでにJICAが支援した国を教えてください"],
)  # fmt: skip
def test_cities_helped_before_and_providers_are_not_in_sources(shipped_kb, question):
    assert_not_in_sources(answer(question, shipped_kb.retriever), question)


@pytest.mark.parametrize(
    "question",
    ["Is there an ex-post evaluation of JICA's smart city projects?", "Please send me the evaluation report of JICA's work in Kenya.",
     "Our town has 12,000 people. Is that big enough for JICA?", "人口5千人の村ですが、JICAの支援を受けるのに規模は十分ですか？"],
)  # fmt: skip
def test_evaluations_and_size_thresholds_are_not_in_sources(shipped_kb, question):
    assert_not_in_sources(answer(question, shipped_kb.retriever), question)


@pytest.mark.parametrize(
    "question",
    ["Summarise the plot of the film Metropolis for me.", "How do I change my e-mail password?",
     "2022年のワールドカップで優勝したのはどこ？", "近所のおしゃれなカフェを教えて"],
)  # fmt: skip
def test_leisure_and_accounts_are_off_topic_whatever_composes(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "off_topic", result.answer


@pytest.mark.parametrize(
    "question",
    ["Is there a register of approved suppliers for JICA smart city work?",
     "JICAのスマートシティ事業の登録業者の一覧はありますか"],
)  # fmt: skip
def test_lists_of_vendors_are_not_in_sources(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "not_in_sources", result.answer
    assert_cited(result)


@pytest.mark.parametrize(
    "question",
    ["Can we apply online through a JICA application portal?", "Do we need city council approval to get JICA support?",
     "JICAの支援を受けるには議会の承認が要りますか"],
)  # fmt: skip
def test_portals_and_approvals_are_not_in_sources(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "not_in_sources", result.answer
    assert_cited(result)


def test_the_population_of_a_named_city_is_no_eligibility_question(shipped_kb):
    result = answer("What is the population of Nairobi?", shipped_kb.retriever)
    assert not result.answered and result.reason == "off_topic", result.answer


@pytest.mark.parametrize(
    "question",
    ["Can we see the training curriculum for JICA's data-protection support?",
     "専門家派遣の研修カリキュラムはありますか", "調達支援の入札は日本企業しか参加できませんか",
     "Does JICA publish a database of smart city cases?", "スマートシティのマニュアルはありますか"],
)  # fmt: skip
def test_curricula_and_japanese_only_bids_are_not_in_sources(shipped_kb, question):
    assert_not_in_sources(answer(question, shipped_kb.retriever), question)


@pytest.mark.parametrize(
    "question",
    ["What's the usual budget range for a JICA data collection survey?", "Who at JICA approves smart city projects?",
     "Are the experts Japanese or local experts?", "Does JICA give an award to the best smart city?",
     "この手法はどこかの国で法制化されていますか", "JICAのスマートシティ協力に関わっている大学はどこですか"],
)  # fmt: skip
def test_budget_ranges_approvers_awards_and_legislation_are_not_in_sources(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "not_in_sources", result.answer
    assert_cited(result)


@pytest.mark.parametrize(
    "question",
    ["What happens if our city fails to meet the criteria for support from JICA?",
     "Which African capital first used JICA's smart city approach?",
     "Do JICA experts work full-time in the city?", "要請書は英語と日本語のどちらで書きますか"],
)  # fmt: skip
def test_failing_criteria_first_adopters_presence_and_language_are_not_in_sources(
    shipped_kb, question
):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "not_in_sources", result.answer
    assert_cited(result)


@pytest.mark.parametrize(
    "question",
    ["Is support conditional on buying Japanese equipment?", "What is the name of JICA's president?",
     "支援を受けた後の報告の頻度はどのくらいですか"],
)  # fmt: skip
def test_tied_purchases_presidents_and_reporting_frequency_are_not_in_sources(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "not_in_sources", result.answer
    assert_cited(result)


@pytest.mark.parametrize(
    "question", ["Can you help me plan a birthday party?", "誕生日プレゼントのアイデアを教えて"]
)
def test_parties_are_off_topic_even_when_help_is_asked(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "off_topic", result.answer


@pytest.mark.parametrize(
    "question",
    ["JICAに要請するには大使館を通す必要がありますか", "Sustainable Growthの都市向けの資金協力の金額は？",
     "Must the city provide housing for JICA experts?"],
)  # fmt: skip
def test_embassies_bare_amounts_and_what_a_city_must_provide_are_not_in_sources(
    shipped_kb, question
):
    assert_not_in_sources(answer(question, shipped_kb.retriever), question)


def test_a_weak_match_answered_by_topic_is_still_off_topic(shipped_kb):
    result = answer("Explain how a blockchain works.", shipped_kb.retriever)
    assert not result.answered and result.reason == "off_topic", result.answer


@pytest.mark.parametrize(
    "question",
    ["A nearby town got JICA support. What did they receive?",
     "Is there a JICA smart city seminar this year?", "What tools does JICA use to score cities?",
     "評価で使う点数の付け方を教えてください", "JICAの支援で市民満足度はどう変わりましたか"],
)  # fmt: skip
def test_payments_others_support_events_tools_scoring_and_satisfaction_are_not_in_sources(
    shipped_kb, question
):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "not_in_sources", result.answer
    assert_cited(result)
