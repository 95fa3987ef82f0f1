"""Ask round 5 (issue 11, branch askd2): shapes of question rather than topics. Who holds a role
now (a person, never printed), JICA itself the subject of a permission, a claim heard about what
JICA does not do, several requests at once, JICA's work in a region: each not_in_sources, en and
ja, with an answerable look-alike that shares its words and stays answered."""

from __future__ import annotations

import pytest

from assistant.knowledge.answer import answer
from assistant.knowledge.specifics import specific_kind
from tests.knowledge.test_answer import assert_answered, assert_not_in_sources

_MENU = ["JICA supports data platforms and urban OS.", "人材育成支援"]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Who runs the smart city programme at JICA?", "person"),
        ("JICAでスマートシティ事業を誰が統括していますか", "person"),
        ("Is JICA allowed to work directly with a mayor from the opposition party?", "detail"),
        ("JICAが市長と直接やり取りすることは認められていますか", "detail"),
        ("I heard JICA no longer funds CCTV projects. True?", "detail"),
        ("JICAは監視カメラの導入を支援しないと聞きましたが本当ですか", "detail"),
        ("Can a city ask for two surveys at the same time?", "procedure"),
        ("複数の調査を同時に要請することはできますか", "procedure"),
        ("quick q - does jica do smart city stuff in the pacific islands?", "named"),
        ("JICAはアフリカでもスマートシティの協力をしていますか", "named"),
        ("Is this approach used in Vietnam?", "named"),
        ("このアプローチはベトナムで使われていますか", "named"),
        ("If the country has no data protection law, can we still get support for a data platform?", "eligibility"),
        ("個人情報保護法がない国では、データ基盤の支援は受けられないのですか", "eligibility"),
    ],
)  # fmt: skip
def test_round5_shapes_ask_for_a_specific(question, kind):
    found = specific_kind(question, _MENU)
    assert found is not None and found[0] == kind, found


@pytest.mark.parametrize(
    "question",
    [
        "Who should lead smart city work in a city, according to the elements?",
        "What does the promoting-body element say about who leads?",
        "Is JICA able to support a city data platform?",
        "I heard JICA supports testbeds. Is that true?",
        "JICAはデータ基盤の整備を支援していると聞きましたが本当ですか",
        "Can we pursue the area-based and sector-based approaches at the same time?",
        "エリア型と分野型を同時に進めてもよいですか",
        "I run the utility on a small Pacific island. Does JICA have a programme for cities just starting?",
        "市役所で議会答弁の準備をしています。JICAは都市の取組みの段階をどのように区分していますか。答弁に使える形で教えてください。",
        "What is the Small Start stage used for? We are a city in Vietnam.",
        "We don't have a data protection law yet. Can JICA help us draft one?",
        "個人情報保護法がまだないので、ガイドライン策定を支援してもらえますか",
        "If our city has no master plan yet, can we still get JICA support?",
    ],
)  # fmt: skip
def test_round5_look_alikes_ask_for_no_specific(question):
    assert specific_kind(question, _MENU) is None


@pytest.mark.parametrize(
    "question",
    [
        "Who leads JICA's smart city team? I'd like a name to address my letter to.",
        "JICAでスマートシティ事業を誰が統括していますか",
        "Is JICA allowed to work directly with a mayor from the opposition party?",
        "JICAが市長と直接やり取りすることは認められていますか",
        "JICAは監視カメラの導入を支援しないと聞きましたが本当ですか",
        "I heard JICA no longer funds CCTV projects. True?",
        "Can a city ask for two surveys at the same time?",
        "複数の調査を同時に要請することはできますか",
        "quick q - does jica do smart city stuff in the pacific islands?",
        "JICAはアフリカでもスマートシティの協力をしていますか",
    ],
)  # fmt: skip
def test_round5_shapes_are_not_in_sources(shipped_kb, question):
    assert_not_in_sources(answer(question, shipped_kb.retriever), question)


@pytest.mark.parametrize(
    "question",
    [
        "Who should lead smart city work in a city, according to the elements?",
        "Is JICA able to support a city data platform?",
        "I heard JICA supports testbeds. Is that true?",
        "Can we pursue the area-based and sector-based approaches at the same time?",
        "エリア型と分野型を同時に進めてもよいですか",
        "市役所で議会答弁の準備をしています。JICAは都市の取組みの段階をどのように区分していますか。答弁に使える形で教えてください。",
    ],
)  # fmt: skip
def test_round5_look_alikes_are_answered(shipped_kb, question):
    assert_answered(answer(question, shipped_kb.retriever))


@pytest.mark.parametrize(
    "question",
    [
        "What GDP per capita makes a country too rich for this?",
        "この協力を受けられる国の所得水準の上限はいくらですか",
    ],
)
def test_a_specific_asked_of_this_cooperation_is_not_in_sources_not_off_topic(shipped_kb, question):
    assert_not_in_sources(answer(question, shipped_kb.retriever), question)


def test_this_alone_does_not_put_an_off_topic_question_on_jicas_domain(shipped_kb):
    result = answer("What's the weather like for this?", shipped_kb.retriever)
    assert not result.answered and result.reason == "off_topic"


@pytest.mark.parametrize(
    "question",
    [
        "We don't have a data protection law yet. Can JICA help us draft one?",
        "個人情報保護法がまだないので、ガイドライン策定を支援してもらえますか",
        "If our city has no master plan yet, can we still get JICA support?",
    ],
)
def test_help_to_make_what_is_missing_is_answered(shipped_kb, question):
    assert_answered(answer(question, shipped_kb.retriever))


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Is there a helpdesk for cities after the cooperation finishes?", "terms"),
        ("協力が終わった後も相談窓口はありますか", "terms"),
        ("Are the surveys done by JICA staff or by hired consultants?", "delivery"),
        ("Does JICA translate the final report into our language?", "delivery"),
        ("Can our staff visit Yokohama or another Japanese city during the training?", "delivery"),
        ("研修中に日本の自治体を視察できますか", "delivery"),
        ("How does JICA measure the success of its smart city projects?", "outcome"),
        ("JICAは自らの事業の成果をどう測っていますか", "outcome"),
        ("Can JICA second one of its own staff to sit in our mayor's office for a year?", "duration"),
        ("専門家を2年間派遣してもらえますか", "duration"),
        ("How are conflicts of interest handled when Japanese firms bid?", "terms"),
    ],
)  # fmt: skip
def test_what_follows_who_performs_how_jica_measures_and_for_how_long(question, kind):
    found = specific_kind(question, _MENU)
    assert found is not None and found[0] == kind, found


@pytest.mark.parametrize(
    "question",
    [
        "What happens after the Small Start stage ends?",
        "How does JICA assess a city before deciding what support suits it?",
        "How does a city measure the success of its smart city work with the elements?",
        "Could JICA second an expert to our ministry to help with smart city policy?",
        "専門家を派遣してもらえますか",
        "We've run a flood pilot for two years. Which stage are we at?",
    ],
)
def test_their_look_alikes_are_answered(shipped_kb, question):
    assert specific_kind(question, _MENU) is None
    assert_answered(answer(question, shipped_kb.retriever))


@pytest.mark.parametrize(
    "question",
    [
        "Are the surveys done by JICA staff or by hired consultants?",
        "Does JICA translate the final report into our language?",
        "専門家を2年間派遣してもらえますか",
        "How are conflicts of interest handled when Japanese firms bid?",
        "Can our staff visit Yokohama or another Japanese city during the training?",
    ],
)
def test_they_are_not_in_sources(shipped_kb, question):
    assert_not_in_sources(answer(question, shipped_kb.retriever), question)


def test_what_efforts_must_guarantee_is_no_loan_guarantee():
    assert (
        specific_kind("What does JICA's MIND say smart city efforts must guarantee?", _MENU) is None
    )
    found = specific_kind("Can JICA guarantee our municipal bonds?", _MENU)
    assert found is not None and found[0] == "loan"
    found = specific_kind("Do we need a sovereign guarantee to get JICA financing?", _MENU)
    assert found is not None and found[0] == "loan"


@pytest.mark.parametrize(
    "question",
    [
        "What are the stages of grief?",
        "What are the five domains of life coaching?",
        "What is the population of New York City?",
        "What's the difference between a town and a city in the UK?",
        "ライフコーチングの5つの分野は何ですか",
        "マズローの5つの段階を教えて",
        "ニューヨークの人口は？",
    ],
)
def test_a_framework_word_owned_by_a_subject_never_mentioned_is_off_topic(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "off_topic", result.answer


@pytest.mark.parametrize(
    "question",
    [
        "What are the stages of the Smart City Approach?",
        "Which direction suits the capital city of a developing country?",
        "What is the desired state of E16?",
        "What is the difference between Small Start and Accelerate in practice?",
        "取組みの段階はいくつありますか",
        "首都の方向性は？",
        "大都市の段階は？",
        "一番上の段階では何を目指しますか",
    ],
)
def test_the_frameworks_own_stages_domains_and_cities_are_answered(shipped_kb, question):
    assert_answered(answer(question, shipped_kb.retriever))


@pytest.mark.parametrize(
    "question",
    [
        "Can a JICA expert sign documents on behalf of our ministry?",
        "Will JICA insure the equipment it provides against theft?",
        "JICAの専門家は現地の祝日も働きますか",
        "JICAは市議会と直接協議しますか",
    ],
)
def test_jica_doing_what_its_menu_never_names_is_not_in_sources(shipped_kb, question):
    assert_not_in_sources(answer(question, shipped_kb.retriever), question)


@pytest.mark.parametrize(
    "question",
    [
        "Would JICA be able to finance the build-out of a city data platform?",
        "Could JICA second an expert to our ministry to help with smart city policy?",
        "Can JICA analyse our country's higher-level plans and current infrastructure issues?",
        "Does JICA's SUPPORT section mention E-Government?",
        "JICAはロードマップの策定を支援しますか",
        "JICAは途上国の都市がどんな課題を抱えていると見ていますか",
    ],
)
def test_jica_doing_what_its_menu_names_is_answered(shipped_kb, question):
    assert_answered(answer(question, shipped_kb.retriever))


@pytest.mark.parametrize(
    "question",
    [
        "協力の途中で担当の専門家が交代することはありますか",
        "研修の参加者に日当は出ますか",
        "Is there a quota of cities per country for this support?",
    ],
)
def test_an_expert_replaced_an_allowance_or_a_quota_is_not_in_sources(shipped_kb, question):
    assert_not_in_sources(answer(question, shipped_kb.retriever), question)


@pytest.mark.parametrize(
    "question",
    [
        "専門家はどんな支援をしてくれますか",
        "市の職員は研修を受けられますか",
        "JICAの専門家は人材育成を手伝ってくれますか",
    ],
)
def test_what_the_experts_do_and_who_is_trained_are_answered(shipped_kb, question):
    assert_answered(answer(question, shipped_kb.retriever))


@pytest.mark.parametrize(
    "question",
    [
        "JICAはプロジェクトの進捗をウェブで公開しますか",
        "協力が始まるまでに通常どれくらい待ちますか",
        "Does JICA give preference to cities with a female mayor?",
    ],
)
def test_publishing_waiting_and_preference_are_not_in_sources(shipped_kb, question):
    assert_not_in_sources(answer(question, shipped_kb.retriever), question)


@pytest.mark.parametrize(
    "question",
    ["JICAのメールアドレスを教えてください", "Does JICA have an email address I can write to?"],
)
def test_jicas_contact_asked_of_jica_is_still_answered(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.kind == "contact", result.answer
