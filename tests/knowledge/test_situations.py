"""Questions told as a situation, several questions in one message and everyday wordings (issue
11, round 5: patterns a new-wording probe showed; the declines are in test_situation_declines).
Each in English and Japanese; answers carry the printed line and are cited."""

from __future__ import annotations

import pytest

from assistant.knowledge.answer import answer
from assistant.knowledge.asked import asked_part
from assistant.knowledge.parts import question_parts
from assistant.lang import detect_lang
from tests.knowledge.test_answer import assert_cited


@pytest.mark.parametrize(
    ("question", "kind", "facts"),
    [
        # where to begin, in everyday words
        ("Is there a sensible way to begin smart-city work with a tiny team?", "start", ["できることからはじめる"]),
        ("人手も予算もない課です。最初の一歩は何がよいでしょうか", "start", ["できることからはじめる"]),
        # a scene-setting clause is background, not an eligibility question
        ("人口が少ない村ですが、何から始めればよいですか", "start", ["できることからはじめる"]),
        # a city already under way asks about the next step of the staircase
        ("Our pilots are finished and we want to go full scale. Which step of the staircase is that?",
         "start", ["Accelerate", "注力するエリア・分野を特定し"]),
        ("We run services across transport, energy and health that share data. Which stage does that sound like?",
         "start", ["Sustainable Growth"]),
        # why a city should bother at all
        ("Why should a town bother with smart-city work?", "why", ["賢くマネジメント"]),
        ("何のためにスマートシティに取り組むのですか", "why", ["賢くマネジメント"]),
        # what JICA looks at first
        ("Before JICA decides what to support, what would it look at?", "start", ["アセスメン"]),
        # a city type given as background to a question about widening a pilot
        ("We are a provincial city and our pilot district worked well. How do we widen it?",
         "scale_up", ["点から面へ"]),
        # a need stated, then "anything in the menu for that?"
        ("We want to trade lessons with neighbouring cities. Anything in the menu for that?", "help",
         ["知見・教訓の共有"]),
        # which domain an element named loosely sits in
        ("Which domain does data utilisation belong to?", "element", ["データの利活用", "Technology"]),
    ],
)  # fmt: skip
def test_situations_and_everyday_wordings(shipped_kb, question, kind, facts):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.reason is None, result.answer
    assert result.kind == kind, (result.kind, result.answer)
    assert detect_lang(result.answer) == detect_lang(question)
    for fact in facts:
        assert fact.lower() in result.answer.lower(), (fact, result.answer)
    assert_cited(result)


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        ("What are JICA's strengths? And how can I email them?", ["信頼", "imgge@jica.go.jp"]),
        ("三つの段階は何ですか？また、JICAのメールアドレスも教えてください。",
         ["Small Start", "Accelerate", "imgge@jica.go.jp"]),
        ("What does SC stand for, and does JICA support cybersecurity?",
         ["スマートシティ", "サイバーセキュリティ対策支援"]),
    ],
)  # fmt: skip
def test_each_question_of_a_message_is_answered(shipped_kb, question, facts):
    result = answer(question, shipped_kb.retriever)
    assert result.answered, result.answer
    assert detect_lang(result.answer) == detect_lang(question)
    for fact in facts:
        assert fact in result.answer, (fact, result.answer)
    assert_cited(result)


def test_question_parts_split_questions_not_comparisons():
    assert question_parts("What are the stages? And who publishes this?") == [
        "What are the stages?",
        "And who publishes this?",
    ]
    assert len(question_parts("JICAの強みは？また、連絡先も教えてください。")) == 2
    assert question_parts("How do the stages differ, and which one fits us?") == [
        "How do the stages differ, and which one fits us?"
    ]  # a comparison is one question
    assert question_parts("What is Small Start?") == ["What is Small Start?"]


def test_the_asked_part_leaves_out_a_scene_setting_clause():
    assert asked_part("小さな町ですが、何から始めればよいですか") == "何から始めればよいですか"
    assert asked_part("応募資格はありますか") == "応募資格はありますか"  # nothing to leave out


@pytest.mark.parametrize(
    ("question", "kind", "facts"),
    [
        # colloquial why
        ("そもそもどうしてJICAがスマートシティを支援するの？", "why", ["賢くマネジメント"]),
        # must we pick one way of scaling up?
        ("Do we have to go district-first or sector-first, or does the brochure prefer one?",
         "scale_up", ["組合せることも"]),
        ("エリアとセクター、どっちで広げるべき？", "scale_up", ["組合せることも"]),
        # a way to scale up named loosely
        ("Explain the area approach to me.", "scale_up", ["点から面へ"]),
        # a city type told by what the city lives on
        ("Our economy is mostly tourism. What smart-city direction would suit us?", "direction",
         ["独自の特色"]),
        # country vs city
        ("What does JICA do for a country versus for a city?", "difference", ["国レベル"]),
        # the help words of a scene-setting clause do not hide the contact asked for
        ("JICAに相談したいのですが、連絡先の宛先はどこですか？", "contact", ["imgge@jica.go.jp"]),
        # a topic's menu lines, not the whole menu
        ("サイバーセキュリティについて、協力メニューにはどんなものがありますか", "help",
         ["サイバーセキュリティ対策支援"]),
        # which study the brochure rests on
        ("この資料はどの研究をもとに作られたのですか", "report", ["全世界スマートシティアプローチ"]),
    ],
)  # fmt: skip
def test_wordings_of_the_second_batch(shipped_kb, question, kind, facts):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.reason is None, result.answer
    assert result.kind == kind, (result.kind, result.answer)
    assert detect_lang(result.answer) == detect_lang(question)
    for fact in facts:
        assert fact in result.answer, (fact, result.answer)
    assert_cited(result)


def test_a_quoted_reading_gives_way_to_its_topics_printed_line(shipped_kb):
    """When the best sentences are the project's own reading, the topic of that passage answers
    with what the brochure prints (and the project's reading is not the answer)."""
    from assistant.framework import get_framework
    from assistant.knowledge.compose_overview import Overview
    from assistant.knowledge.compose_topic import by_topic, topic_of

    assert topic_of("scale-area-practice") == "scale:area"
    assert topic_of("stage-accelerate") == "stage:accelerate"
    assert topic_of("brochure-mind") is None  # printed text is quoted as it is
    r = shipped_kb.retriever
    for lang, printed in (("en", "点から面へ"), ("ja", "点から面へ")):
        c = Overview(r, get_framework(), lang)
        draft = by_topic(c, "pilot district, then what?", "scale-area-practice", [], None)
        assert draft is not None and draft.by_topic and draft.kind == "scale_up"
        assert printed in draft.sentences[0].text
    # end to end: no pattern names a way to scale up, the reading's topic answers with it
    for question in (
        "新しい街で開発事業者と市がデータサービスを先に試すのは、よくあるやり方ですか",
        "Could a business district serve as a testbed for smart mobility first?",
    ):
        result = answer(question, r)
        assert result.answered and result.kind == "scale_up", result.answer
        assert "点から面へ" in result.answer and detect_lang(result.answer) == detect_lang(question)
        assert_cited(result)


@pytest.mark.parametrize(
    ("question", "kind", "facts"),
    [
        # the brochure's title
        ("What is the brochure called in English?", "report",
         ["The brochure is titled", "SUSTAINABLE URBAN MANAGEMENT"]),
        ("この資料のタイトルを教えてください", "report", ["新興国都市がスマートシティに変革するためのアプローチ"]),
        # a quoted abbreviation asks what it stands for
        ("The menu keeps saying 'M/P' - is that a master plan?", "abbreviation", ["マスタープラン"]),
        ("メニューの「SC」って何のこと？", "abbreviation", ["スマートシティ"]),
    ],
)  # fmt: skip
def test_the_title_and_quoted_abbreviations(shipped_kb, question, kind, facts):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.kind == kind, (result.kind, result.answer)
    for fact in facts:  # (the English title sentence names the Japanese title too)
        assert fact in result.answer, (fact, result.answer)
    assert_cited(result)


def test_the_name_of_the_study_is_not_the_title(shipped_kb):
    result = answer("このパンフレットのもとになった調査の名前は？", shipped_kb.retriever)
    assert result.answered and "全世界スマートシティアプローチの適用性" in result.answer, (
        result.answer
    )


def test_interview_questions_are_not_quoted_as_answers(shipped_kb):
    result = answer(
        "データを扱うときの注意点をパンフレットはどう書いていますか", shipped_kb.retriever
    )
    assert result.answered, result.answer
    assert not any(s.rstrip("。").endswith(("ますか", "ですか")) for s in result.answer.split("]"))


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Does the brochure say anything about leapfrogging?", "リープフロッグ"),
        ("データの扱いについて、パンフレットは何と書いていますか", "データの安全性"),
    ],
)
def test_what_the_brochure_says_about_a_topic_quotes_its_printed_sentences(
    shipped_kb, question, fact
):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and fact in result.answer, result.answer
    assert detect_lang(result.answer) == detect_lang(question)
    assert all(s.provenance == "printed" for s in result.sources)
    assert_cited(result)


@pytest.mark.parametrize(
    ("question", "kind", "facts"),
    [
        # a stage name with one letter dropped
        ("what is acclerate about", "stage", ["Accelerate", "注力するエリア・分野を特定し"]),
        ("Sustainble Growthの段階では何をしますか", "stage", ["領域横断で包括的な取組みを推進"]),
        # only one level, or the other too?
        ("Does JICA only work with ministries, or with cities too?", "difference", ["国レベル"]),
        # the city characters as a whole
        ("How does the smart-city direction change with the character of a city?", "direction",
         ["地方中核都市", "エリア開発型"]),
        ("都市の性格によって方向性はどう変わりますか", "direction", ["大都市", "特定産業"]),
        # an element named in other grammar, or by an English term inside Japanese
        ("推進体制を柔軟にするとはどういうことですか", "element", ["柔軟に対応でき"]),
        ("Well-beingが出てくるエレメントはどれですか", "element", ["Well-being向上"]),
        # how a ministry uses the elements
        ("How would a ministry use the smart city elements?", "overview", ["レファレンスとして活用"]),
    ],
)  # fmt: skip
def test_wordings_of_the_fourth_batch(shipped_kb, question, kind, facts):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.kind == kind, (result.kind, result.answer)
    assert detect_lang(result.answer) == detect_lang(question)
    for fact in facts:
        assert fact in result.answer, (fact, result.answer)
    assert_cited(result)


@pytest.mark.parametrize(
    ("question", "kind", "facts"),
    [
        ("element 12?", "element", ["インセンティブ制度"]),
        ("エレメント17の望ましい状態は？", "element", ["セキュリティ戦略"]),
        ("事業計画づくりを一緒に考えてもらえますか", "help", ["事業計画、事業スキームの策定支援"]),
    ],
)  # fmt: skip
def test_elements_by_number_word_and_help_asked_as_thinking_together(
    shipped_kb, question, kind, facts
):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.kind == kind, (result.kind, result.answer)
    for fact in facts:
        assert fact in result.answer, (fact, result.answer)
    assert_cited(result)


def test_an_english_element_answer_carries_the_printed_domain_name(shipped_kb):
    result = answer("Which domain is trust building in?", shipped_kb.retriever)
    assert result.answered and result.kind == "element", result.answer
    assert "「組織」" in result.answer and "「トラスト醸成」" in result.answer


@pytest.mark.parametrize(
    ("question", "kind", "facts"),
    [
        ("We want a task force to steer smart-city work. Does JICA have anything for that?", "help",
         ["推進組織"]),
        ("What should a country moving its work forward focus on?", "stage", ["注力するエリア・分野を特定し"]),
        ("A new smart district is planned on reclaimed land. What direction suits it?", "direction",
         ["先端的な"]),
        ("農村に囲まれた中核となる市です。どんな方向性がよいですか", "direction", ["基礎的な都市サービス"]),
        ("Why would a city in a developing country need to be managed wisely?", "why", ["急激な都市化"]),
    ],
)  # fmt: skip
def test_wordings_of_the_last_batch(shipped_kb, question, kind, facts):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.kind == kind, (result.kind, result.answer)
    assert detect_lang(result.answer) == detect_lang(question)
    for fact in facts:
        assert fact in result.answer, (fact, result.answer)
    assert_cited(result)


@pytest.mark.parametrize(
    ("question", "kind", "fact"),
    [
        ("Does JICA only help big, advanced cities?", "start", "新たに取組みを始める都市にも"),
        ("What can a smart city change, according to the brochure?", "why", "変容させる"),
        ("スマートシティは都市の何を変えられるのですか", "why", "変容させる"),
    ],
)  # fmt: skip
def test_advanced_cities_only_and_what_a_smart_city_can_change(shipped_kb, question, kind, fact):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.kind == kind, (result.kind, result.answer)
    assert fact in result.answer, result.answer
    assert_cited(result)


@pytest.mark.parametrize(
    ("question", "kind", "fact"),
    [
        ("まだ構想段階の町です。どの段階から始めるのがよいでしょうか", "start", "Small Start"),
        ("We just finished two pilots. What should we do next?", "start", "Accelerate"),
        ("What's in the Technology domain?", "overview", "デジタルセキュリティ"),
        ("What does 'leapfrog' mean in the brochure?", "why", "リープフロッグ"),
    ],
)  # fmt: skip
def test_next_steps_a_domains_contents_and_a_quoted_terms_meaning(shipped_kb, question, kind, fact):
    result = answer(question, shipped_kb.retriever)
    assert result.answered and result.kind == kind, (result.kind, result.answer)
    assert fact in result.answer, result.answer
    assert_cited(result)
