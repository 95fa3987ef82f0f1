"""Ask, fifth session (issue 11, branch ask5): question shapes behind the misses of Ask v9 / v10,
asked in new words, en and ja: a city's size given as background is not a figure asked for;
both ways to scale up named and asked whether to combine; each stage's approach; a next step
asked as widening; a city character in other words; how JICA judges where a city stands; a kind
of cooperation named with a quoted abbreviation; "is that within the menu?"; and the declines
of cities named as examples and of an amount asked as "up to what amount"."""

from __future__ import annotations

import pytest

from assistant.knowledge.answer import answer
from assistant.knowledge.lexical import normalize
from assistant.knowledge.specifics import specific_kind
from assistant.lang import detect_lang
from tests.knowledge.test_answer import assert_answered, assert_cited, assert_not_in_sources


@pytest.mark.parametrize(
    "question",
    [
        "As the capital of 8 million people, what should we aim at first?",
        "Our town has about 40,000 residents. Where should we begin?",
        "We are a metropolis of 12 million; which stage should we start from?",
        "人口80万人の市ですが、どこから始めればよいですか",
        "当市は人口12万人ほどです。最初に何をすべきですか",
    ],
)
def test_a_citys_size_given_as_background_is_not_a_figure_asked_for(question):
    assert specific_kind(question) is None


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Is a town of 5,000 people eligible for JICA support?", "eligibility"),
        ("Do cities with fewer than 100,000 residents qualify?", "eligibility"),
        ("人口3万人の町でも協力の対象になりますか", "eligibility"),
        ("What budget does a city of 500,000 people need for a roadmap study?", "amount"),
        ("人口50万人の市だと費用はいくらかかりますか", "amount"),
        ("Can JICA give us 8 million dollars?", "amount"),
    ],
)
def test_a_size_limit_or_a_sum_asked_beside_a_size_is_still_asked(question, kind):
    found = specific_kind(question)
    assert found is not None and found[0] == kind, found


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        # a city's size as background, then where to start
        ("We are a capital of 8 million people with no smart city plan yet. Where should we "
         "start?", ["Small Start"]),
        ("人口80万人の市ではどこから始めればよいですか", ["Small Start"]),
        # "where does JICA's approach say ... should start" across a long clause
        ("Where does the JICA brochure say a small coastal municipality like ours should start?",
         ["Small Start"]),
        # both ways to scale up named, asked whether to combine or pick one
        ("Can a city run area-based and sector-based at the same time, or must it pick one?",
         ["組合せることも"]),
        ("AREA-basedとSECTOR-basedは同時に進めてもいいですか？", ["組合せることも"]),
        # each stage's approach, not only the stages' names
        ("Summarise the three stages and what a city should do in each stage.",
         ["できることからはじめる", "注力するエリア・分野を特定し", "望ましい都市マネジメントを実現"]),
        ("取組みの3段階について、それぞれの方針を教えてください。",
         ["できることからはじめる", "注力するエリア・分野を特定し", "望ましい都市マネジメントを実現"]),
        # a next step asked as widening what worked: the way to scale up, not the first stage
        ("Our pilot in one district went well. As the next step, how do we spread it to other "
         "districts?", ["点から面へ"]),
        ("一つの地区で実証がうまくいきました。次のステップとして、どう広げていけばよいですか？", ["点から面へ"]),
        # a city character in other words
        ("地方の中核的な都市はどんな方向を目指すとされていますか", ["地方中核都市"]),
        ("What direction fits a special economic zone that is being built on empty land?",
         ["エリア開発型"]),
        # how JICA judges where a city stands: the printed assessment
        ("How does JICA tell where a given city stands before it proposes anything?",
         ["アセスメント"]),
        # a kind of cooperation named with its quoted abbreviation, asked what it supports
        ("「M/P」策定調査ではどんな支援が受けられますか", ["M/P策定調査"]),
        # ... while the abbreviation asked for its meaning is still its meaning
        ("What does 'M/P' stand for in the cooperation menu?", ["マスタープラン"]),
        # "is that within JICA's menu?" after a stated need: the menu line
        ("We need a plan for our ICT infrastructure and urban OS. Is that within JICA's menu?",
         ["都市OS等"]),
    ],
)
def test_unseen_question_shapes_are_answered_with_the_key_fact(shipped_kb, question, facts):
    result = answer(question, shipped_kb.retriever)
    assert_answered(result)
    assert_cited(result)
    assert detect_lang(result.answer) == detect_lang(question)
    text = normalize(result.answer).replace(" ", "")
    for fact in facts:
        assert normalize(fact).replace(" ", "") in text, (fact, result.answer)


@pytest.mark.parametrize(
    "question",
    [
        "Can a city in Peru receive JICA grant aid, and up to what amount?",
        "What amount of money does JICA give a city for a testbed?",
        "Accelerateの段階にいる都市って、具体的にどこ？",
        "Small Startから始めた国は、実際にどこ？",
    ],
)
def test_named_examples_and_amounts_asked_in_new_words_are_declined(shipped_kb, question):
    assert_not_in_sources(answer(question, shipped_kb.retriever), question)


@pytest.mark.parametrize(
    "question",
    [
        "What's a good smart city video game for teenagers?",
        "スマートシティがテーマのボードゲームでおすすめは？",
        "Which town has the liveliest nightlife in East Africa?",
    ],
)
def test_a_pastime_whose_theme_is_the_smart_city_is_off_topic(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "off_topic", result.answer


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Which element asks a city to set numerical targets?", "数値目標"),
        ("数値目標を持つことは、どのエレメントで求められていますか？", "数値目標"),
    ],
)
def test_which_element_asks_for_a_measure_is_answered_by_the_element(shipped_kb, question, fact):
    result = answer(question, shipped_kb.retriever)
    assert_answered(result)
    assert result.kind == "element" and fact in result.answer, result.answer


def test_the_value_of_a_measure_asked_of_an_element_is_still_not_in_the_sources(shipped_kb):
    question = "What KPI targets does element E03 require, in numbers?"
    assert_not_in_sources(answer(question, shipped_kb.retriever), question)


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        # 「そのための」 points back at the need just stated: its line, not the whole menu
        ("うまくいった取組みを他の都市にも広げたいです。そのための支援メニューはありますか。", ["他都市への展開"]),
        # two levels' menus asked each in turn: both levels, under their printed headings
        ("国向けと自治体向けに、それぞれどんな協力メニューがありますか", ["国レベル", "都市・自治体／地区レベル"]),
        ("What does the cooperation menu hold for each: the national level and the city level?",
         ["国レベル", "都市・自治体／地区レベル"]),
        # a level named: an English answer quotes the level's printed heading
        ("At the national level, can JICA support a cross-ministry smart city body?",
         ["省庁横断組織", "「国レベル」"]),
        # one kind of cooperation listed: the line naming what the question names comes first
        ("What is on the menu for institutions and their operation? Anything on e-government?",
         ["E-Government"]),
        ("制度・体制の運用への支援には何がありますか？E-Governmentの支援は？", ["E-Government"]),
    ],
)
def test_menu_questions_in_unseen_shapes_give_the_line_asked(shipped_kb, question, facts):
    result = answer(question, shipped_kb.retriever)
    assert_answered(result)
    assert_cited(result)
    for fact in facts:
        assert fact in result.answer, (fact, result.answer)
