"""Ask round 4 (issue 11, branch askd): kinds of specific the brochure does not give, met in new
phrasings: a requirement put on the city (Japanese contractors, a law passed first), products
or a standard JICA would recommend or prescribe, how a course is delivered and what it costs,
examples of projects, asking JICA directly past the government, who else may receive support, the
grant-or-loan question with its own label, the study behind the brochure, JICA's own
programmes (an internship, a scholarship for the city's staff). Each is not_in_sources, en and
ja; the answerable questions that share their words stay answered."""

from __future__ import annotations

import pytest

from assistant.catalogue import t
from assistant.knowledge.answer import answer
from assistant.knowledge.specifics import specific_kind
from tests.knowledge.test_answer import assert_answered, assert_cited, assert_not_in_sources

_MENU = ["JICA supports data platforms and urban OS.", "人材育成支援"]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Under a JICA project, would our town be obliged to hire Japanese engineering firms?", "eligibility"),
        ("JICAの協力では、日本の機器を購入しなければならないのですか", "eligibility"),
        ("協力を受けるには、事前にデータ条例を作っておく必要がありますか", "eligibility"),
        ("Can a wealthy, high-income country still ask JICA for this kind of help?", "eligibility"),
        ("Could a private investor receive the demonstration support without the municipality?", "eligibility"),
        ("うちの町が海外の自治体のまちづくりに協力する場合、JICAから助けは出ますか", "eligibility"),
        ("What brand of cameras and sensors would JICA suggest for flood monitoring?", "vendor"),
        ("Which hardware does JICA endorse for street lighting?", "vendor"),
        ("国内のどの企業がこの協力に関わっていますか", "vendor"),
        ("Does JICA prescribe a particular technical standard for data exchange?", "metric"),
        ("データ連携基盤の仕様はJICAが指定していますか", "metric"),
        ("Is the capacity development training offered online, or only in person?", "delivery"),
        ("人材育成の講座はオンラインで受講できますか", "delivery"),
        ("データ基盤の仕様書はどこで入手できますか", "detail"),
        ("研修に参加するのに受講料はかかりますか", "amount"),
        ("What are the dates of the next smart city seminar?", "deadline"),
        ("Small Startの具体例として、どんなプロジェクトがありますか", "named"),
        ("Give me concrete examples of pilots that counted as a quick win.", "named"),
        ("Could our agency deal directly with JICA, bypassing the national ministry?", "procedure"),
        ("市を通さずにJICAに直接相談してもいいですか", "procedure"),
        ("Would the data platform support be provided as a grant?", "finance_form"),
        ("実証事業への資金協力は有償ですか？", "finance_form"),
        ("Is the money a loan or a grant?", "finance_form"),
    ],
)  # fmt: skip
def test_new_kinds_of_specific_are_asked(question, kind):
    found = specific_kind(question, _MENU)
    assert found is not None and found[0] == kind, found


@pytest.mark.parametrize(
    "question",
    [
        "Can JICA help us draft the specifications and the TOR for a procurement?",
        "調達の仕様書づくりを手伝ってもらえますか",
        "What does the Small Start stage recommend doing first?",
        "Which direction does JICA recommend for a regional core city?",
        "Where can I read more about JICA online?",
        "What kind of human resource development does JICA support?",
        "まず何をする必要がありますか",
    ],
)  # fmt: skip
def test_answerable_questions_sharing_their_words_ask_for_no_specific(question):
    assert specific_kind(question, _MENU) is None


@pytest.mark.parametrize(
    "question",
    [
        "If our city takes JICA support, are we bound to use Japanese suppliers?",
        "JICAの支援で、日本の業者を使うことが条件になりますか",
        "Which sensors and analytics software would JICA suggest for parking?",
        "都市OSの規格はJICAが決めていますか",
        "Are the DX training sessions online? Is there a participation fee?",
        "研修はオンラインですか？参加費は必要ですか",
        "In what year was the study behind this brochure published?",
        "Can a private developer use the testbed support without the city government?",
        "市職員が海外の大学院で学べる奨学金はありますか",
        "Does JICA offer internships for young smart city engineers?",
        "データ基盤への資金協力は無償ですか、有償ですか",
    ],
)  # fmt: skip
def test_round4_specifics_are_not_in_sources(shipped_kb, question):
    assert_not_in_sources(answer(question, shipped_kb.retriever), question)


def test_grant_or_loan_is_said_in_its_own_words(shipped_kb):
    for question, lang in (
        ("Is the testbed money a grant or a loan?", "en"),
        ("テストベッドの資金は無償ですか、それとも有償ですか", "ja"),
    ):
        result = answer(question, shipped_kb.retriever)
        assert_not_in_sources(result, question)
        assert t("answer.specific.finance_form", lang) in result.answer
        assert t("answer.specific.loan", lang) not in result.answer


@pytest.mark.parametrize(
    "question",
    [
        "Can you check the grammar of my JICA internship cover letter?",
        "インターンの履歴書の書き方を教えて",
    ],
)
def test_the_askers_own_internship_stays_off_topic(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "off_topic", result.answer


@pytest.mark.parametrize(
    "question",
    [
        "Can JICA help us write the specifications for buying a data platform?",
        "データ基盤の調達で仕様書の作成を支援してもらえますか",
    ],
)
def test_specifications_as_a_procurement_task_are_answered(shipped_kb, question):
    assert_answered(answer(question, shipped_kb.retriever))


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Will the experts JICA sends speak French, or do we need interpreters?", "delivery"),
        ("Are the trainers Japanese nationals?", "delivery"),
        ("講師は日本人ですか、現地の人ですか", "delivery"),
        ("研修は日本語で行われますか", "delivery"),
        ("Is JICA's approach officially recognised by UN-Habitat?", "other_name"),
        ("このアプローチは国連に公式に認められていますか", "other_name"),
        ("Where is the JICA country office, and who works there?", "detail"),
        ("JICAの現地事務所の電話番号は？", "detail"),
        ("Could JICA guarantee the bonds our city issues?", "loan"),
        ("市の債券をJICAに保証してもらえますか", "loan"),
        ("M/P報告書は何ページになりますか", "count"),
        ("Sustainable Growthの都市はどのくらい予算を使っていますか", "amount"),
        ("この手法を導入している国のリストはありますか", "named"),
        ("Is Kigali part of JICA's smart city cooperation?", "named"),
        ("Does JICA require cities to hire a chief data officer first?", "eligibility"),
        ("Does JICA's help come with strings attached?", "eligibility"),
        ("データ連携の協力には条件が付きますか", "eligibility"),
    ],
)  # fmt: skip
def test_delivery_endorsement_office_and_conditions_are_specifics(question, kind):
    found = specific_kind(question, _MENU)
    assert found is not None and found[0] == kind, found


@pytest.mark.parametrize(
    "question",
    [
        "何も始めていない都市はどこから始めればよいですか",
        "Can JICA send experts to train our staff?",
        "専門家の派遣をお願いできますか",
        "What does the organisation domain say about the staff who lead a smart city?",
    ],
)
def test_where_to_start_and_plain_help_ask_for_no_delivery_specific(question):
    assert specific_kind(question, _MENU) is None


@pytest.mark.parametrize(
    "question",
    ["Will the training be run in Portuguese?", "研修の講師は現地採用のスタッフですか"],
)
def test_a_delivery_question_without_jica_named_is_not_off_topic(shipped_kb, question):
    assert_not_in_sources(answer(question, shipped_kb.retriever), question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Who would own the sensors once the project is over?", "terms"),
        ("整備した都市OSの所有権は誰にありますか", "terms"),
        ("Is there a penalty if we drop out halfway?", "terms"),
        ("途中でやめた場合、違約金はありますか", "terms"),
        ("Will JICA cover operating costs after the handover?", "terms"),
        ("協力終了後のシステムの保守はどうなりますか", "terms"),
        ("Do we get software licences with the platform?", "terms"),
        ("What is the web address of the knowledge-sharing portal?", "detail"),
        ("ナレッジシェアのポータルのURLはありますか", "detail"),
        ("Is the brochure printed in Portuguese too?", "detail"),
        ("このパンフレットのスペイン語版はありますか", "detail"),
        ("Does JICA hold an annual smart city forum?", "deadline"),
        ("When will the brochure be revised?", "deadline"),
        ("パンフレットの次の改訂はいつですか", "deadline"),
        ("Is there a cap on the number of experts per city?", "eligibility"),
        ("Must we share our data with JICA as a condition of support?", "eligibility"),
        ("Who at JICA reviews our request?", "person"),
        ("エレメントは100点満点で採点されますか", "metric"),
    ],
)  # fmt: skip
def test_terms_web_addresses_events_and_caps_are_specifics(question, kind):
    found = specific_kind(question, _MENU)
    assert found is not None and found[0] == kind, found


@pytest.mark.parametrize(
    "question",
    [
        "What does the brochure say about the running of a smart city organisation?",
        "Which element is about operation and maintenance?",
        "Where can I find JICA's web site?",
        "JICAのホームページはどこですか",
    ],
)
def test_operation_and_jicas_own_web_page_ask_for_no_terms(question):
    assert specific_kind(question, _MENU) is None


@pytest.mark.parametrize(
    ("question", "missing", "lang"),
    [
        ("What support does JICA offer for human resource development, and what does the training cost?", "amount", "en"),
        ("What are the three stages? And how long does each stage take?", "duration", "en"),
        ("どのような人材育成の支援がありますか？また、費用はいくらですか？", "amount", "ja"),
        ("3つの段階は何ですか？それぞれ何年かかりますか？", "duration", "ja"),
    ],
)  # fmt: skip
def test_an_open_part_is_answered_and_the_missing_specific_said_plainly(
    shipped_kb, question, missing, lang
):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.reason is None and result.missing == missing, result.answer
    limit = t("answer.compose.limit_bare", lang, what=t(f"answer.specific.{missing}", lang))
    assert limit in result.answer
    assert_cited(result)
    # the limit sentence carries its own citation: JICA's printed contact
    assert result.sources[-1].id.startswith("contact-jica")


@pytest.mark.parametrize(
    "question",
    [
        "Can JICA support data utilisation in a country with no privacy law? Is such a law a precondition?",
        "データ利活用の協力は受けられますか？法整備が前提条件になりますか",
        "What is the grant amount?",
    ],
)
def test_a_yes_no_part_hinging_on_the_missing_specific_keeps_the_whole_not_in_sources(
    shipped_kb, question
):
    result = answer(question, shipped_kb.retriever)
    assert_not_in_sources(result, question)
    assert result.missing is None


def test_a_misspelt_framework_part_is_counted_by_the_framework():
    assert specific_kind("how many elemnts does the framework have?", _MENU) is None
    assert specific_kind("how many domians are there?", _MENU) is None
    assert specific_kind("how many engineers does JICA employ?", _MENU)[0] == "count"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("If JICA and the city disagree, how is the dispute resolved?", "terms"),
        ("協定書の条項を見せてもらえますか", "terms"),
        ("Must the urban OS data be hosted on servers in our country?", "terms"),
        ("データの保管場所は国内でなければなりませんか", "terms"),
        ("What happens to the roadmap if the mayor resigns?", "terms"),
        ("選挙で政権が変わったら協力は中止になりますか", "terms"),
        ("Can we pick our own JICA consultants?", "delivery"),
        ("Does JICA prefer cities that already have a digital strategy?", "eligibility"),
        ("JICAは外国製の機器を使うことを認めていますか", "eligibility"),
        ("Are only firms with fewer than 100 employees eligible for the SME survey?", "eligibility"),
        ("Which sector is the most common in JICA's smart city cooperation?", "record"),
        ("技術協力は資金協力と組み合わせることが多いですか", "record"),
        ("Is there an alumni association for JICA trainees?", "detail"),
        ("研修員の名簿はもらえますか", "detail"),
        ("Someone told me JICA prefers cities of over a million people. True?", "eligibility"),
    ],
)  # fmt: skip
def test_jicas_own_rules_practice_and_record_are_specifics(question, kind):
    found = specific_kind(question, _MENU)
    assert found is not None and found[0] == kind, found


@pytest.mark.parametrize(
    "question",
    [
        "What should our city prioritise first?",
        "何を優先すべきですか",
        "What does the brochure say about choosing the area to focus on?",
        "Which element is about agreements between the city and companies?",
        "Could JICA second an expert to our planning department?",
    ],
)
def test_asking_what_to_prioritise_or_choose_is_not_a_rule_of_jicas(question):
    assert specific_kind(question, _MENU) is None


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("JICA procurement support", "調達"),
        ("調達支援のメニューラインには何がありますか", "調達支援（TOR作成"),
        ("data platform support", "都市OSの構築支援"),
        ("人材育成支援のメニュー項目には何がありますか", "人材育成支援"),
    ],
)
def test_one_menu_line_asked_by_its_name_gets_that_line_not_the_menu(shipped_kb, question, line):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.kind == "help", result.answer
    assert line in result.answer


@pytest.mark.parametrize(
    "question",
    [
        "Does JICA have to sign off on our city's newsletter article about the project?",
        "Is it compulsory to follow the Smart City Approach in every JICA city project?",
        "Can JICA's support be used to refinance a loan from another lender?",
        "Is there a sample memorandum of understanding for this cooperation?",
        "専門家の移動用の車両は市が用意するのですか",
        "他の援助機関の事業と重なっても構いませんか",
        "報告書は毎月提出する義務がありますか",
    ],
)  # fmt: skip
def test_a_rule_or_permission_of_jicas_is_not_in_sources(shipped_kb, question):
    assert_not_in_sources(answer(question, shipped_kb.retriever), question)


@pytest.mark.parametrize(
    "question",
    [
        "Do we have to choose between the area-based and the sector-based approach?",
        "What does the brochure say has to be built alongside projects?",
        "Can JICA help us draft rules for open data?",
    ],
)
def test_a_rule_word_in_a_framework_help_or_brochure_question_is_answered(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert result.answered, result.answer


@pytest.mark.parametrize(
    "question",
    [
        "協力メニューは何種類ありますか",
        "How many kinds of cooperation are there?",
        "We run a city of 2.3 million people. The mayor wants to know which direction fits a big city.",
    ],
)
def test_framework_counts_and_a_population_in_the_scene_ask_for_no_specific(question):
    assert specific_kind(question, _MENU) is None


def test_a_generic_count_of_something_else_is_still_a_missing_figure():
    assert specific_kind("センサーは何種類ありますか", _MENU)[0] == "count"
    assert specific_kind("How many kinds of sensors does JICA use?", _MENU)[0] == "count"


@pytest.mark.parametrize(
    "question",
    [
        "Will the support be paid out in euros or in local currency?",
        "Does JICA require a gender analysis before a pilot?",
        "Can we withdraw from the cooperation halfway?",
        "協力を途中で辞退することはできますか",
    ],
)
def test_currency_requirements_and_withdrawal_are_not_in_sources(shipped_kb, question):
    assert_not_in_sources(answer(question, shipped_kb.retriever), question)


def test_what_an_element_requires_is_answered(shipped_kb):
    result = answer("What does the digital security element require?", shipped_kb.retriever)
    assert result.answered and result.kind == "element", result.answer


def test_piling_up_successes_is_the_small_start_wording_not_a_success_story():
    assert specific_kind("小さく始めて成功例を積み上げるやり方は、どの段階ですか", _MENU) is None
    assert specific_kind("Small Startの成功例を教えてください", _MENU)[0] == "outcome"
