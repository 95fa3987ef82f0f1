"""Ask round 4 (issue 11, branch ask7): key facts on unseen phrasing, en and ja. Each case is a
mechanism behind a miss of Ask v6 / dev7, asked in new words: a misspelt framework word, a
situation that is one way to scale up, where a way leads, levels that "differ", money and SMEs
to the financial cooperation heading, everyday words to a menu line, numbered parts, an element
found by the situation it speaks to or a reader's short name, cautions about data, a city type
taken for a stage, every element listed, the three stages, JICA's guiding principle."""

from __future__ import annotations

import pytest

from assistant.knowledge.answer import answer
from assistant.knowledge.framework_terms import SCALE_WAYS, found, mend
from assistant.knowledge.lexical import normalize
from assistant.knowledge.parts import question_parts
from assistant.lang import detect_lang
from tests.knowledge.test_answer import assert_cited


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        # a misspelt framework word is still the framework's (not an unknown count)
        ("how many elemnts and domians does the framework have?", ["21", "５つの分野"]),
        ("elemntsはいくつありますか？", ["21"]),
        # a situation that is one way to scale up, without naming it
        ("Our smart parking trial works in one neighbourhood; we'd like to take it to the whole "
         "city. What does JICA's approach suggest?", ["点から面へ"]),
        ("一つの地区で始めた見守りカメラの取組みを市全体に広げたい。どう進めればよいですか？", ["点から面へ"]),
        # ... and asked where it leads: its printed outcome
        ("We started with smart energy and want to move beyond energy into water and waste. "
         "Which way of scaling up is that, and where does it lead?", ["分野間の連携による全体最適化"]),
        ("交通から始めた取組みを、医療や防災など他の分野にも広げたい。どんな広げ方で、最終的に何を目指すのですか？",
         ["分野間の連携による全体最適化"]),
        ("area-based vs sector-based: where does each one end up?",
         ["限定された地区でのスマートシティ", "分野間の連携による全体最適化"]),
        # two levels that "differ"
        ("How does national-level support differ from city-level support?",
         ["国レベル", "都市・自治体／地区レベル"]),
        # money, or a Japanese SME's technology: the financial cooperation heading
        ("Would JICA be willing to fund a testbed for our city?", ["資金協力"]),
        ("中小企業の技術で実証をしたいのですが、使える枠組みはありますか", ["中小SDGs実証事業"]),
        # everyday words for what a menu line prints
        ("Could someone from JICA train our planning staff?", ["人材育成"]),
        ("市の職員向けの研修もお願いできますか", ["人材育成"]),
        ("Is there a study that maps where we stand now and draws up a roadmap?",
         ["情報収集確認調査", "ロードマップの策定"]),
        ("現状を分析して今後の道筋を示すような調査はありますか", ["ロードマップの策定"]),
        ("We want a whole-of-government body to steer smart city work. Can JICA support that?",
         ["省庁横断組織"]),
        ("Can JICA help us exchange lessons with other cities?", ["知見・教訓の共有"]),
        ("他の自治体と経験を共有する仕組みづくりを支援してもらえますか", ["知見・教訓の共有", "他都市への展開"]),
        # a gloss that restates a printed sentence gives way to the printed sentence
        ("Does the content of smart city work change with who implements it, say a national "
         "government or a local government?",
         ["実施主体（国、地方自治体、民間など）"]),
        # numbered parts: each answered
        ("(1) does JICA support cybersecurity, and (2) what about data-use policies?",
         ["サイバーセキュリティ対策支援", "データ利活用方策"]),
        ("①サイバーセキュリティの支援はありますか ②個人情報保護ガイドラインの策定も支援してもらえますか",
         ["サイバーセキュリティ対策支援", "個人情報保護ガイドライン"]),
        # an element found by the situation it speaks to, or by a reader's short name
        ("Every time a new mayor comes in, our smart city plans get scrapped. Which element is "
         "about this?", ["推進体制の柔軟性", "政治状況"]),
        ("政権交代のたびにスマートシティの方針が変わります。どのエレメントに関係しますか", ["推進体制の柔軟性"]),
        ("Our digital strategy was drafted separately from the city's master plan. Which element "
         "covers that?", ["政策の整合性"]),
        ("スマートシティ計画が都市計画とバラバラに作られています。関係するエレメントはどれですか", ["政策の整合性"]),
        ("What does the cross-sector element ask for?", ["領域横断", "防災"]),
        # which element a situation belongs to: the element chunks searched
        ("Nobody in our city hall can judge whether a vendor's solution actually works. Which "
         "element is that about?", ["組織の実効性と能力"]),
        ("条例や補助制度がなくて民間が参入しにくいです。関係するエレメントはどれですか", ["法令・制度設定"]),
        ("Our smart city goals are vague, with no numbers at all. Which element is weak?",
         ["ビジョン・政策の具体性"]),
        ("長く関わり続ける仕組みがなく、事業がすぐ終わってしまいます。関係するエレメントは？", ["持続可能性の担保"]),
        ("What does the element about citizen participation ask for?", ["市民参加"]),
        ("都市OSはエレメントではどう書かれていますか", ["部分的に構築"]),
        # a domain named with 分野 and asked what it holds; a new town built from scratch
        ("技術分野って何がありますか", ["都市基盤・プラットフォーム", "デジタルセキュリティ"]),
        ("川沿いに新しい街を造成中です。どんな方向性が書かれていますか", ["エリア開発型"]),
        # only for capitals / how JICA decides what kind of help: the printed assessment
        ("Is JICA's approach only for big cities?", ["新たに取組みを始める都市にも"]),
        ("How does JICA decide what kind of support a city gets?", ["アセスメント"]),
        # a need stated, then "is that on the menu?": the line, not the whole menu
        ("Our city needs a plan for its data infrastructure. Is that on JICA's menu?", ["整備計画の策定支援"]),
        ("規制を緩める制度づくりを支援してもらえますか", ["規制緩和"]),
        ("Could JICA support links between our city and sister cities abroad?", ["他都市への展開"]),
        ("計画を作る前に現状を調べてもらうことはできますか", ["情報収集確認調査"]),
        # a city already working across sectors asking what to aim for: the top stage
        ("We already share data across sectors. What should we aim for next?", ["Sustainable Growth"]),
        ("スマートシティで都市の何が変わるのですか", ["都市ガバナンス"]),
        # terse and colloquial: "stages?", "diff between", 得意, 広げ方, a term's meaning asked loosely
        ("stages?", ["Small Start", "Sustainable Growth"]),
        ("diff between sustainable growth and accelerate?", ["Sustainable Growth", "Accelerate"]),
        ("JICAの得意なことは？", ["多様なネットワーク"]),
        ("広げ方の2つのやり方の違いは？", ["点から面へ"]),
        ("リープフロッグってこの資料ではどういう意味？", ["リープフロッグ"]),
        ("住民と一緒に考える仕組みはどのエレメント？", ["市民参加・共創"]),
        # two elements by number side by side; why use the elements: what they are for
        ("E04とE14の違いは何ですか", ["政策の整合性", "領域横断"]),
        ("How do E09 and E10 differ?", ["組織の実効性と能力", "エコシステム構築"]),
        ("Why would a ministry use the 21 elements?", ["レファレンス"]),
        # three questions joined by commas; a part that points back ("a menu line for it?")
        ("Please tell me: what is Small Start, what is Sustainable Growth, and which one suits a "
         "beginner?", ["Small Start", "Sustainable Growth"]),
        ("Which element is about data utilisation, and is there a menu line for it?",
         ["データの利活用", "データ利活用方策"]),
        ("Two things: (1) is there any support for cybersecurity, and (2) which element is about "
         "it?", ["サイバーセキュリティ対策支援", "デジタルセキュリティ"]),
        ("We want an analysis of our plans and a roadmap. Are both on the menu?",
         ["網羅的な分析", "ロードマップの策定"]),
        # a council to set up; 「そういう支援は？」 after a stated need
        ("市の推進協議会をつくるのを手伝ってもらえますか", ["協議体"]),
        ("他の都市と教訓を共有したいです。そういう支援は？", ["知見・教訓の共有"]),
        # which heading a line sits under
        ("Under which heading is testbed support listed?", ["資金協力"]),
        ("テストベッドの支援はどの見出しの下にありますか", ["資金協力"]),
        # the top stage in other words; institutions revised once running; "does JICA do X"
        ("一番上の段階ではどんな取組みをしますか", ["Sustainable Growth"]),
        ("Is there support for revising rules and set-ups that are not working well?", ["修正と改善"]),
        ("制度や仕組みの見直しを支援してもらえますか", ["修正と改善"]),
        ("Does JICA do capacity building for municipal staff?", ["人材育成"]),
        # a term asked for its meaning, quoted where the brochure uses it
        ("リープフロッグとは何ですか", ["リープフロッグ"]),
        # what to take care of with data and technology: JICA's printed condition
        ("What does JICA say we should be careful about when using data?", ["データの安全性"]),
        ("デジタル技術やデータを導入する際の注意点は何ですか", ["データの安全性"]),
        ("Why do smart cities matter for fast-growing cities, and what conditions apply to data "
         "use?", ["急激な都市化", "データの安全性"]),
        # a city type taken for a stage: what it is, under its printed heading
        ("Is 'regional core city' one of the stages?", ["都市の性格に応じたスマートシティの方向性"]),
        ("大都市・代表都市というのは成熟段階の名前ですか", ["都市の性格に応じたスマートシティの方向性"]),
        # every element listed by name
        ("List all 21 elements by domain.", ["Trust building", "Ensuring sustainability"]),
        ("エレメントを全部教えてください", ["トラスト醸成", "持続可能性の担保"]),
        # the three stages, and one stage by its printed fit in other words
        ("段階は3つあるそうですが、それぞれ何ですか", ["Small Start", "Sustainable Growth"]),
        ("さらに発展させていく段階では何をするのですか", ["Sustainable Growth"]),
        # a city type by a reader's words (a prefectural capital, a capital city, a mine town)
        ("川沿いの県庁所在地で、周りの町の中心です。目指すべき方向性は？", ["地方中核都市"]),
        ("We are the capital and the most populous city. Which direction applies?", ["大都市・代表都市"]),
        ("人口最大の首都です。どの方向性が合いますか", ["大都市・代表都市"]),
        ("Our town was built around a coal mine. What direction fits?", ["特定産業特化型都市"]),
        ("漁業が主な産業の小さな市です。どんな方向性がありますか", ["特定産業特化型都市"]),
        # risks and worries about data: JICA's printed condition
        ("Are there any risks JICA points out in using residents' data?", ["データの安全性"]),
        ("データを使うことへの住民の不安について、JICAはどう考えていますか", ["データの安全性"]),
        # a beginner's eligibility: the printed sentence on new cities
        ("We have decided nothing yet. Is the cooperation open to newcomers?", ["cities starting new work"]),
        ("経験のない町ですが、協力の対象になりますか", ["新たに取組みを始める都市にも"]),
        # JICA's guiding principle, how it decides, new cities, what JICA is
        ("What is the guiding principle of JICA's smart city cooperation?", ["「信頼」に基づく「共創」"]),
        ("JICAの協力の基本的な考え方は何ですか", ["「信頼」に基づく「共創」"]),
        ("How does JICA work out which kind of support suits a city?", ["アセスメント"]),
        ("初めてスマートシティに取り組む町でも支援を受けられますか", ["新たに取組みを始める都市にも"]),
        ("JICAってどんな機関なんですか", ["二国間援助"]),
    ],
)  # fmt: skip
def test_key_facts_on_unseen_phrasing(shipped_kb, question, facts):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.reason is None, result.answer
    for fact in facts:
        assert normalize(fact) in normalize(result.answer), (fact, result.answer)
    assert detect_lang(result.answer) == detect_lang(question)
    assert_cited(result)


def test_a_misspelt_question_keeps_the_askers_words(shipped_kb):
    result = answer("how many elemnts are there?", shipped_kb.retriever)
    assert result.question == "how many elemnts are there?"
    assert result.answered and "21" in result.answer


@pytest.mark.parametrize(
    "question", ["ポケモンってどういう意味ですか", "What does 'barbecue' mean?"]
)
def test_a_meaning_asked_of_a_term_the_brochure_lacks_is_still_off_topic(shipped_kb, question):
    result = answer(question, shipped_kb.retriever)
    assert not result.answered and result.reason == "off_topic", result.answer


@pytest.mark.parametrize(
    ("text", "mended"),
    [
        ("how many elemnts", "how many elements"),
        ("the domians and the cooperaton", "the domains and the cooperation"),
        # real words one letter away, and framework labels, stay as written
        ("states remain; SECTOR-based and sector-based", "states remain; SECTOR-based and sector-based"),
        ("Elements, Domain, approach", "Elements, Domain, approach"),
        ("Which stage is it? how many stags?", "Which stage is it? how many stages?"),
    ],
)  # fmt: skip
def test_mend_spells_framework_words_and_nothing_else(text, mended):
    assert mend(text) == mended


@pytest.mark.parametrize(
    ("question", "way"),
    [
        ("a pilot in one district we want to grow across the city", "area"),
        ("特定の地区で始めた取組みを広げたい", "area"),
        ("we want to go beyond transport into health", "sector"),
        ("交通分野から他の分野へ広げたい", "sector"),
    ],
)
def test_a_situation_names_its_way_to_scale_up(question, way):
    assert found(SCALE_WAYS, question)[:1] == [way]


def test_numbered_questions_are_parts_and_a_preface_is_not():
    parts = question_parts("Two things: (1) is there support for A, and (2) is B covered too?")
    assert parts == ["is there support for A", "is B covered too?"]
    assert question_parts("①Aの支援はありますか ②Bも支援してもらえますか") == [
        "Aの支援はありますか",
        "Bも支援してもらえますか",
    ]
    # 「それと」 joins two questions; it does not point back
    assert question_parts("JICAの強みは何ですか？それと、報告書はどこで読めますか？")[1].startswith(
        "それと"
    )
    # a word ending in "and" is not cut
    assert question_parts("(1) what is the demand (2) what is E04?")[0] == "what is the demand"


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        # Ask round 5 (branch askf), mechanisms behind dev8's first-run misses, in new words:
        # the stages asked how they are divided
        ("取組みの段階はどう分けられていますか", ["Small Start", "Accelerate", "Sustainable Growth"]),
        # JICA asked what kind of organisation it is, in other frames
        ("For a school talk: what kind of organisation JICA is, in two lines?", ["bilateral"]),
        ("JICAはそもそもどういう団体なのか知りたいです", ["二国間援助", "約150か国・地域"]),
        # speeding up work already begun: Accelerate
        ("We've got a few e-services running and want to speed things up in two chosen sectors. "
         "Which stage fits us?", ["Accelerate", "弾力的に資金、技術などを投入"]),
        # a satellite town on an empty site: the area development type
        ("We're planning a satellite town on an empty site outside the capital. What direction "
         "fits it?", ["エリア開発型", "将来的にエリアを超えて波及"]),
        # stages named by their printed fits inside quotes, side by side
        ("『取組みを進めようとしている』段階と『取組みを発展させていく』段階の違いは？",
         ["注力するエリア・分野を特定", "領域横断で包括的な取組みを推進"]),
        # the elements asked how they are divided into domains
        ("エレメントはどんな領域に分けられていますか", ["5つの分野", "政策", "運用"]),
        # e-government in other words, asked whether it is within what JICA supports
        ("電子行政のデジタル化は協力の対象になりますか", ["E-Government関連"]),
        ("Does digital government work fall within JICA's support?", ["e-government"]),
        # the two ways combined, quoted as printed (and cited to How To Scale-up)
        ("What is the difference between the area-based and the sector-based ways?",
         ["点から面へ", "これらを組合せることも可能です"]),
    ],
)  # fmt: skip
def test_key_facts_on_dev8_mechanisms(shipped_kb, question, facts):
    result = answer(question, shipped_kb.retriever)
    assert result.answered, result.answer
    for fact in facts:
        assert normalize(fact) in normalize(result.answer), (fact, result.answer)
    assert detect_lang(result.answer) == detect_lang(question)
    assert_cited(result)
