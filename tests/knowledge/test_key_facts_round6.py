"""Ask round 6 (issue 11, branch askk): key facts on unseen phrasing, en, ja and mixed script.
Each case is a mechanism behind a miss of Ask v8 / dev9, asked in new words: contact details
asked with "provide", a website or a city character named only in the scene, systems in place
but no smart-city work yet, a real word one letter from a framework word, "why JICA" and what it
brings, 相談 as a request, a need asked of the menu, a plan to build smart-city ideas into, stages
counted in mixed script, a kind of cooperation asked what it is for, JICA's MIND summed up, how
JICA decides what each city does, and the printed sentence behind a question's own words."""

from __future__ import annotations

import pytest

from assistant.knowledge.answer import answer
from assistant.knowledge.framework_terms import mend
from assistant.knowledge.lexical import normalize
from assistant.lang import detect_lang
from tests.knowledge.test_answer import assert_cited


@pytest.mark.parametrize(
    ("question", "facts", "kind"),
    [
        # the contact details themselves asked with "provide" / "give" (not a request for help)
        ("Could you provide the mailing address and phone number of JICA's head office?",
         ["Nibancho", "03-5226-6660"], "contact"),
        ("Kindly give us JICA's e-mail address and telephone number.", ["imgge@jica.go.jp"], "contact"),
        # a website named only in the scene asks no contact: where to start is asked
        ("We only have a municipal website that is rarely updated and a paper archive. "
         "Where should a town like ours begin?", ["Small Start", "できることからはじめる"], "start"),
        ("市のホームページくらいしかデジタルなものはありません。まず何から始めればいいですか？",
         ["Small Start", "できることからはじめる"], "start"),
        # a city character named only in the scene does not block where-to-start
        ("We are a provincial capital with almost nothing digital. How should we get started?",
         ["Small Start"], "start"),
        # systems in place but no smart-city plan yet: the first stage, from existing assets
        ("We already run a bus-tracking system and a GIS office, but we have no smart city "
         "strategy. What should our first step be?", ["Small Start", "既存のアセットを最大限活用"],
         "start"),
        ("交通管制センターは既にありますが、スマートシティの計画はまだありません。最初に何をすべきですか",
         ["Small Start", "既存のアセットを最大限活用"], "start"),
        # "a state" is no "stage": a city character asked from a state's secretariat
        ("I advise a state government. Our regional hub cities lack basic services. Which "
         "direction does JICA set out for such a city?", ["地方中核都市"], "direction"),
        # a slip of the keyboard in "support"
        ("any suport for e-government?", ["E-Government"], "help"),
        # why JICA, what it brings: its four assets
        ("Why JICA rather than a private consultancy? What does it bring to the table?",
         ["相互の信頼（Trust）", "多様なネットワーク"], "overview"),
        ("なぜJICAに頼むのがよいのですか", ["相互の信頼（Trust）", "多様なネットワーク"], "overview"),
        # 相談 asked as a request
        ("国全体のスマートシティ投資戦略を作りたいのですが、そういう相談もJICAにできますか",
         ["投資戦略（ビジネスモデル）"], "help"),
        # a need asked of the menu: that need's line, not the whole menu
        ("協力メニューの中に、日本の中小企業が技術を試せるような枠組みはありますか",
         ["中小SDGs実証事業"], "help"),
        # smart-city ideas built into the city's plan: the M/P spatial-plan line
        ("Can JICA help us build smart city ideas into our urban master plan?",
         ["都市空間整備計画"], "help"),
        ("市のまちづくり計画にスマートシティの考え方を取り入れたい。手伝ってもらえますか",
         ["都市空間整備計画"], "help"),
        # the stages counted in mixed script
        ("maturity stagesはいくつありますか？名前も教えて", ["Small Start", "Sustainable Growth"],
         "overview"),
        # a named kind of cooperation asked what it is used for
        ("What is the 中小SDGs実証事業 heading used for in JICA's menu?", ["テストベッド構築支援"],
         "menu_type"),
        # JICA's MIND summed up: its condition on data and co-creation among its points
        ("Sum up the JICA's MIND page in three points.", ["データの安全性", "共創"], "why"),
        ("JICA's MINDのページを手短に要約してください", ["データの安全性", "共創"], "why"),
        # the JICA's MIND part asked what it says of data or co-creation: those printed lines
        ("In JICA's MIND, what is said about data?", ["データの安全性"], "why"),
        ("What does the JICA's MIND part say about co-creation and safety?",
         ["データの安全性", "共創"], "why"),
        ("JICA's MINDでは共創について何と書いてありますか", ["共創"], "why"),
        # how JICA decides what each city does: the printed assessment
        ("Cities in our province are all at different points. How does JICA decide what each "
         "one should do?", ["アセスメント", "段階に応じて最適な取組みを"], "start"),
        ("市町村ごとに状況が違います。どうやって取組み内容を決めるのですか", ["アセスメント",
         "段階に応じて最適な取組みを"], "start"),
        # a stage by its printed approach in a reader's words
        ("Which stage is about starting small and stacking up quick successes?", ["Small Start"],
         "stage"),
        ("まず小さく始めるという考え方は、どの段階にあたりますか", ["Small Start"], "stage"),
        # what the approach as a whole is for: JICA's MIND, not the chart's four aims
        ("In one line, what is the purpose of JICA's smart city approach?", ["都市マネジメント"],
         "why"),
        ("このスマートシティ・アプローチの目的を簡単に教えてください", ["都市マネジメント"], "why"),
        # a big capital: the metropolis direction
        ("We are a big capital with 5 million residents. Which direction fits us?",
         ["民間ビジネスを促進"], "direction"),
        # raising the city's own funds: the ecosystem (financing schemes) line, not JICA's money
        ("Is there support for designing a financing mechanism for our smart city projects?",
         ["資金調達制度含む"], "help"),
        ("事業資金を確保する仕組みづくりを支援してもらえますか", ["資金調達制度含む"], "help"),
        # people trusting the city or how their data is used: trust building, not data use
        ("Our citizens don't trust how the city uses their data. Which element is that?",
         ["トラスト醸成"], "element"),
        ("住民が行政のデータの扱いを信頼していません。どのエレメントの話ですか", ["トラスト醸成"], "element"),
        # an element by a reader's name for it, also beside another named in full
        ("Tell me about the lead body element.", ["推進主体"], "element"),
        ("How do the promotion body element and citizen participation and co-creation differ?",
         ["推進主体", "市民参加・共創"], "element"),
        # other help verbs and frames: "back", "is X covered", something usable on the menu
        ("Could JICA back an e-government programme for us?", ["E-Government"], "help"),
        ("Is cybersecurity covered by JICA's cooperation?", ["サイバーセキュリティ対策支援"], "help"),
        ("職員のITスキルを伸ばしたい。協力メニューに使えそうなものはありますか", ["人材育成"], "help"),
        # what a smart city is: the brochure's line on smart-city work (no definition printed)
        ("What does the brochure mean by 'smart city'?", ["情報技術やデータを積極的に活用"], "why"),
        ("スマートシティって何ですか", ["情報技術やデータを積極的に活用"], "why"),
        # levels asked "only X, or also Y?"; a secondary city's direction
        ("Is the support only for ministries, or also for municipalities?", ["国レベル"],
         "difference"),
        ("Which direction does JICA give for a second-tier city?", ["地方中核都市"], "direction"),
        # a town living on one trade in other words; a city like ours no marker names
        ("Our port town's economy relies on fisheries. Which smart city direction fits?",
         ["特定産業特化型都市"], "direction"),
        ("漁業の町です。スマートシティの方向性は？", ["特定産業特化型都市"], "direction"),
        ("We are an inland market town with a university. What does JICA suggest for a town "
         "like ours?", ["大都市・代表都市", "地方中核都市"], "direction"),
        ("うちのような町はどんな方向性を目指せばいいですか", ["地方中核都市"], "direction"),
        # a strategy not tied to the land-use plan: policy coherence
        ("Our DX strategy isn't linked to the land-use plan. Which element is that?",
         ["政策の整合性"], "element"),
        # a situation asked of "JICA's framework": the element it speaks to
        ("首長が交代するたびに方針が変わってしまいます。JICAの枠組みではどう考えますか", ["推進体制の柔軟性"],
         "element"),
        ("Every new governor resets our plans. How does JICA's framework treat that?",
         ["推進体制の柔軟性"], "element"),
        # who puts the brochure out: JICA, as the colophon prints it
        ("Who published this brochure?", ["Japan International Cooperation Agency"], "about"),
        ("この資料の発行元はどこですか", ["国際協力機構"], "about"),
        # the asker's own level: a city's request gets the line printed at city level first
        ("当市にも推進室ができました。専門家を派遣して体制づくりを手伝ってもらえますか",
         ["自治体や事業のSC推進組織"], "help"),
        # which line is about a thing: that line, not the whole menu (and no leading "Yes")
        ("Which menu item deals with the urban OS?", ["都市OS"], "help"),
        ("都市OSはどのメニューに入っていますか", ["都市OS"], "help"),
        # the scene set in plain sentences, then two questions: both answered
        ("We are a mountain town that lives on tourism. We have done nothing smart so far. "
         "Where should we start, and which direction fits a tourist town?",
         ["Small Start", "特定産業特化型都市"], "start"),
        ("うちは観光業が主な産業の町です。まだ何も始めていません。何から始めればよいですか。また、どんな方向性が合いますか？",
         ["Small Start", "特定産業特化型都市"], "start"),
        # the stage after or before a named one
        ("Which stage follows Small Start?", ["Accelerate"], "stage"),
        ("Sustainable Growthの前の段階は？", ["Accelerate"], "stage"),
        ("What comes after Accelerate, and what does a city at that last stage do?",
         ["Sustainable Growth", "領域横断で包括的な取組みを推進"], "stage"),
        # which level a line is printed at: the printed level heading quoted
        ("Is cybersecurity support meant for national or city level?", ["国レベル"], "help"),
        ("Is help with testbeds aimed at ministries or at cities?", ["都市・自治体／地区レベル"], "help"),
        # help asked in other frames: "is that possible?", "we need help", 「支援は使える？」
        ("We'd like a study of our current situation first. Is that possible?",
         ["網羅的な分析"], "help"),
        ("We need help setting up a knowledge-sharing platform with other cities.",
         ["知見・教訓の共有"], "help"),
        ("スマート街灯の実証をしたい。JICAの協力は使えますか", ["スマートサービスの実証"], "help"),
        ("道路データの整備計画を作るのを手伝ってほしい", ["整備計画の策定支援"], "help"),
        # choosing among vendors: the procurement line (technical evaluation)
        ("Could JICA help us pick a vendor for our traffic system?", ["技術評価"], "help"),
        ("スマートシティ関連の入札で、提案の評価を手伝ってもらえますか", ["技術評価"], "help"),
        # which menu item a need falls under; a basic concept -> the vision and strategy line
        ("国としてスマートシティの基本構想を作りたい。協力メニューのどれに当たりますか",
         ["ビジョンや戦略の策定支援"], "help"),
        ("Which item on the menu fits a ministry that wants a national smart city concept plan?",
         ["ビジョンや戦略の策定支援"], "help"),
        # a domain named in quotes: its elements, with its printed name
        ("Which elements does the 'Technology' domain include?", ["「技術」", "データの利活用"],
         "overview"),
    ],
)  # fmt: skip
def test_key_facts_round6(shipped_kb, question, facts, kind):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.reason is None, result.answer
    assert result.kind == kind, (result.kind, result.answer)
    for fact in facts:
        assert normalize(fact) in normalize(result.answer), (fact, result.answer)
    assert detect_lang(result.answer) == detect_lang(question)
    assert_cited(result)


@pytest.mark.parametrize(
    "question", ["Which menu line covers testbeds?", "テストベッドはどのメニューにありますか"]
)
def test_which_line_is_not_answered_with_yes(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert result.kind == "help", result.answer
    assert not result.answer.startswith(("Yes", "はい")), result.answer
    assert "テストベッド構築支援" in result.answer


def test_a_japanese_question_frame_does_not_hide_the_printed_sentence(shipped_kb):
    """「〜べきなんでしょうか」 shares nothing with a passage: the printed sentence on who implements
    the work answers, once (its gloss repeats it word for word)."""
    result = answer(
        "民間企業が主体になる場合と市が主体になる場合で、やり方は変えるべきなんでしょうか",
        shipped_kb.retriever,
    )
    assert result.answered, result.answer
    assert "実施主体（国、地方自治体、民間など）" in result.answer
    assert result.answer.count("実施主体（国") == 1, result.answer


@pytest.mark.parametrize(
    ("text", "mended"),
    [
        ("a South Asian state", "a South Asian state"),
        ("it was staged; the stakes", "it was staged; the stakes"),
        ("is there suport for it", "is there support for it"),
        ("JICA supports cities", "JICA supports cities"),
    ],
)
def test_mend_keeps_real_words_and_mends_support(text, mended):
    assert mend(text) == mended


@pytest.mark.parametrize(
    "question",
    [
        # contact words only in the scene, help asked: not the contact block
        "Our website is outdated and our phone lines are busy. Can JICA help us digitise "
        "citizen services?",
        "市のホームページが古いままです。JICAに電子行政の支援をお願いできますか",
    ],
)
def test_contact_words_in_the_scene_do_not_make_a_contact_question(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert result.kind != "contact", result.answer


@pytest.mark.parametrize(
    "question",
    [
        "If the work is led by the private sector instead of the city, does the approach change?",
        "国が進める場合と民間が進める場合とで、アプローチは変えるべきなんでしょうか",
    ],
)
def test_who_implements_gets_the_printed_line(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.kind == "who_leads", result.answer
    assert "実施主体（国、地方自治体、民間など）" in result.answer
    assert not result.answer.startswith("また"), result.answer
    assert_cited(result)


def test_who_leads_a_team_is_still_off_topic(shipped_kb):
    result = answer("Who leads the national football team?", shipped_kb.retriever)
    assert not result.answered and result.reason == "off_topic", result.answer
