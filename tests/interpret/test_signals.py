"""The pure text analysis: language, statements, cues with negation, intent and quotes."""

from __future__ import annotations

import pytest

from assistant.interpret.signals import (
    cue_scores,
    find_hits,
    is_hedged,
    segments,
    unknown_spans,
)
from assistant.lang import detect_lang
from assistant.models import Lang


def hits_for(text: str, lang: Lang) -> list:
    return find_hits(segments(text, lang), lang)


def best_level(text: str, lang: Lang) -> int:
    scores = cue_scores(hits_for(text, lang), text)
    return max(range(5), key=lambda lv: (scores[lv], lv))


def test_language_is_detected_from_the_script() -> None:
    assert detect_lang("We have a pilot.") == "en"
    assert detect_lang("試行しています") == "ja"
    assert detect_lang("KPIは設定済みです") == "ja"
    assert detect_lang("2023", default="ja") == "ja"


def test_segments_keep_offsets_into_the_answer() -> None:
    text = "We ran a trial in 2021. It stopped, but the team is now drafting a plan!"
    for span in segments(text, "en"):
        assert text[span.start : span.end] == span.text
    assert len(segments(text, "en")) >= 3
    ja = "条例の案はありますが、まだ議会に出していません。来年度に提出します。"
    spans = segments(ja, "ja")
    assert [ja[s.start : s.end] for s in spans] == [s.text for s in spans]
    assert len(spans) == 3


def test_english_negation_cancels_the_cue() -> None:
    text = "We haven't launched any pilot so far."
    pilot = next(h for h in hits_for(text, "en") if text[h.start : h.end] == "pilot")
    assert pilot.negated
    assert best_level("We don't have a pilot yet.", "en") == 0
    assert best_level("The draft has not been adopted yet.", "en") == 2


def test_japanese_negation_after_the_cue() -> None:
    hits = hits_for("実証もまだ行っていません。", "ja")
    assert any(h.level == 2 and h.negated for h in hits)
    assert best_level("運用はしていない。", "ja") < 3
    assert best_level("試行ではなく、全市で本格的に運用しています。", "ja") >= 3


def test_intent_turns_a_future_pilot_into_a_plan() -> None:
    hits = hits_for("Next year we will launch a pilot in two districts.", "en")
    assert any(h.level == 2 and h.intent for h in hits)
    assert best_level("Next year we will launch a pilot in two districts.", "en") == 1
    assert best_level("全市に展開する予定です。", "ja") == 1


def test_a_pilot_limits_established_words_in_the_same_statement() -> None:
    scores = cue_scores(hits_for("The sensor network is operating as a pilot.", "en"), "x")
    assert scores[2] > scores[3]


def test_quoted_words_are_not_cues() -> None:
    hits = hits_for("Our only goal is 'evaluate and improve everything'.", "en")
    assert not any(h.level == 4 for h in hits)


def test_dont_know_phrases() -> None:
    assert unknown_spans("Honestly, I don't know.", "en")
    assert len(unknown_spans("No clue, you'd have to ask the finance people.", "en")) == 2
    assert not unknown_spans("We don't know which permits apply to drones.", "en")
    assert unknown_spans("申し訳ありませんが、わかりません。", "ja")
    assert unknown_spans("詳細は不明です", "ja")


def test_hedges() -> None:
    assert is_hedged("I think there is a draft somewhere", "en")
    assert is_hedged("たぶん案はあると思います", "ja")
    assert not is_hedged("The ordinance was adopted in 2020.", "en")


def test_deflection_phrases_are_unknown() -> None:
    assert unknown_spans("That's really the IT department's responsibility, ask them.", "en")
    assert unknown_spans("I'm not in charge of that, finance handles it.", "en")
    assert unknown_spans("担当外なので分かりかねます。", "ja")
    assert unknown_spans("うちの課の担当ではないので、財政課に確認していただけますか。", "ja")


def test_nothing_in_place_is_absence_not_one_below() -> None:
    text = "We have nothing in place for that."
    scores = cue_scores(find_hits(segments(text, "en"), "en"), text)
    assert scores[0] > 0 and scores[2] <= 0


def test_limited_scope_caps_established_words() -> None:
    text = "The platform is only used by the transport department, it runs well there."
    hits = find_hits(segments(text, "en"), "en")
    assert all(h.votes.get(3, 0.0) <= 0 for h in hits)


def test_universal_scope_lifts_the_limiter() -> None:
    text = "Every pilot is evaluated with a standard template."
    hits = find_hits(segments(text, "en"), "en")
    assert not any(h.limited for h in hits)


def test_a_denied_limit_points_above_it() -> None:
    """ "not only", 「一回きり、ということはない」 say "more than that", not "nothing"."""
    for text, lang in (
        ("It's not only officials who know it; every partner signed the charter.", "en"),
        ("It was not a one-off.", "en"),
        ("一回きり、ということはないです。", "ja"),
        ("市だけで進めることはもうありません。", "ja"),
        ("ベンダー任せではありません。", "ja"),
        ("We no longer depend on donors for it.", "en"),
    ):
        scores = cue_scores(hits_for(text, lang), text)
        assert scores[3] > 0 and scores[0] <= 0, (text, scores)
    kept = "No, only the transport department uses it."  # an answer's "No," is not a denial
    assert cue_scores(hits_for(kept, "en"), kept)[2] > 0
    scattered = "各課がばらばらで統一されていない。"  # "unified" is denied, not "scattered"
    assert cue_scores(hits_for(scattered, "ja"), scattered)[0] > 0


def test_only_x_in_japanese_is_a_limit_not_an_absence() -> None:
    text = "担当者しか知りません。"
    scores = cue_scores(hits_for(text, "ja"), text)
    assert scores[2] > 0 and scores[0] <= 0
    assert not unknown_spans(text, "ja")


def test_what_stopped_says_nothing_about_now() -> None:
    from assistant.interpret.stops import mark_past

    text = "We had a dashboard that was updated monthly, but it was discontinued in 2021."
    spans = segments(text, "en")
    hits = mark_past(text, spans, find_hits(spans, "en"), "en")
    scores = cue_scores(hits, text)
    assert scores[3] <= 0 and scores[0] > 0
    after = "The pilot ended in 2022, and the service is now operating in all departments."
    spans = segments(after, "en")
    hits = mark_past(after, spans, find_hits(spans, "en"), "en")
    assert any(h.level >= 3 and not h.past for h in hits)  # what follows the stop is now
    ja = "以前は毎月会議がありましたが、今は全庁で運用しています。"
    spans = segments(ja, "ja")
    hits = mark_past(ja, spans, find_hits(spans, "ja"), "ja")
    assert all(h.past for h in hits if ja[h.start : h.end] == "毎月")


def test_a_hedge_on_one_point_is_not_a_deflection() -> None:
    assert not unknown_spans("I'm not sure anyone has costed it, but we talk about it.", "en")
    assert unknown_spans("Not sure, ask finance.", "en")
    assert unknown_spans("The garbage contract? I don't handle it, sorry.", "en")
    # a closing "not sure" on a date or a number doubts that detail, not the fact before it
    assert not unknown_spans("Finance is drafting a tariff rule, due next spring - not sure.", "en")
    assert not unknown_spans("We hold the forum twice a year with about 40 people, I'm not sure.", "en")
    assert unknown_spans("Hmm, I'm not sure. Maybe planning has some targets.", "en")
    assert unknown_spans("Maybe the planning office has some targets somewhere, I'm not sure.", "en")
    # "we wouldn't know how to" is a lack of capacity (a fact), not "I wouldn't know"
    assert not unknown_spans("Nobody checks the data, we wouldn't know how to.", "en")
    assert unknown_spans("The budget? I wouldn't know.", "en")


def test_someone_elses_wish_is_a_procedure_not_a_plan() -> None:
    for text in (
        "If a company wants to test a shuttle, it goes to one desk and gets a permit.",
        "A company that wants to test a shuttle goes to one desk and gets a permit.",
    ):
        hits = hits_for(text, "en")
        assert not any(h.level == 1 for h in hits)
        assert not any(h.intent for h in hits)
    assert any(h.level == 1 for h in hits_for("We want to pilot a portal next year.", "en"))
    ja = "実験をしたいという会社が来たときは、窓口を案内しています。"
    assert not any(h.level == 1 for h in hits_for(ja, "ja"))


def test_not_having_to_is_not_an_absence() -> None:
    def strong_absence(text: str) -> bool:
        return any(h.level == 0 and h.weight >= 1.0 for h in hits_for(text, "en"))

    assert not strong_absence("We don't have to ask for a permit each time.")
    assert strong_absence("We don't have a plan.")


def test_not_a_single_one_is_none_and_no_other_is_a_limit() -> None:
    assert best_level("I can't name a single local company that built a service.", "en") == 0
    hits = hits_for("Only the water utility has it; no other department does.", "en")
    assert any(h.level == 2 and not h.negated for h in hits)


def test_regular_cycles_are_established() -> None:
    assert best_level("The roadmap is reviewed every two years by the council.", "en") >= 3
    assert best_level("ロードマップは2年ごとに見直すことになっています。", "ja") >= 3
    assert best_level("関係者が2か月に1回集まって決めています。", "ja") == 3


def test_not_knowing_a_fact_is_not_a_deflection() -> None:
    assert not unknown_spans("維持にいくらかかるのかも、正直わかりません。", "ja")
    assert unknown_spans("分かりません。課長に聞いてみてください。", "ja")


def test_a_past_absence_is_not_something_that_stopped() -> None:
    from assistant.interpret.stops import says_stopped as _stopped

    assert not _stopped("We used to have nothing. Since last year the utility has a line.", "en")
    assert not _stopped("以前は全く何もありませんでしたが、昨年から始めました。", "ja")
    assert _stopped("We used to have a portal, but it was shut down.", "en")
    assert _stopped("以前は県の職員がいましたが、派遣は終わりました。", "ja")


def test_what_stopped_with_nothing_now_is_level_0() -> None:
    import numpy as np

    from assistant.interpret.clauses import read_clauses
    from assistant.interpret.stops import mark_past
    from assistant.interpret.votes import cap_absence

    text = "補助期間が終わってから保守費が付かず、今は電源を落としたままになっております。"
    spans = segments(text, "ja")
    hits = mark_past(text, spans, find_hits(spans, "ja"), "ja")
    assert any(text[h.start : h.end] == "終わって" and not h.past for h in hits)  # the news
    en = "The kiosks were funded by a grant. When the grant ended, they were switched off."
    spans = segments(en, "en")
    hits = mark_past(en, spans, find_hits(spans, "en"), "en")
    clauses = read_clauses(en, spans, hits, "en")
    assert clauses.stopped_now_absent
    votes = cap_absence(np.zeros(5), clauses)
    assert int(votes.argmax()) == 0 and votes[0] > 0


def test_a_question_back_is_not_a_hedge_said_with_a_rising_voice() -> None:
    from assistant.interpret.signals import asks_back

    assert asks_back("When you say smart, do you mean online services too?", "en")
    assert asks_back("Which plan do you mean?", "en")
    assert not asks_back("We might have some open data, maybe a few files on the website?", "en")
    assert asks_back("スマートというのはどういう意味ですか。", "ja")
    assert not asks_back("20件くらい？", "ja")


def test_the_speakers_own_post_is_not_something_in_place() -> None:
    from assistant.interpret.clauses import read_clauses

    for text, lang in (
        ("産業振興を担当していますが、たぶんないと思います。", "ja"),
        ("I work in the planning unit, but there is no such thing here.", "en"),
    ):
        spans = segments(text, lang)  # type: ignore[arg-type]
        clauses = read_clauses(text, spans, find_hits(spans, lang), lang)  # type: ignore[arg-type]
        assert not clauses.absence_beside_presence
    text = "オープンデータのサイトはありますが、更新はしていません。"
    spans = segments(text, "ja")
    assert read_clauses(text, spans, find_hits(spans, "ja"), "ja").absence_beside_presence


def test_an_aside_is_blanked_out_of_the_answer_with_offsets_kept() -> None:
    from assistant.interpret.asides import aside_spans, without_asides

    en = "We publish bus data monthly. By the way, the canteen was closed every Friday."
    read = without_asides(en, segments(en, "en"), "en")
    assert len(read) == len(en) and "canteen" not in read and "bus data" in read
    ja = "交通データを毎月公開しています。ちなみに、食堂は毎週金曜日が休みです。"
    read = without_asides(ja, segments(ja, "ja"), "ja")
    assert len(read) == len(ja) and "食堂" not in read and "交通データ" in read
    # an answer that is all aside is left as it is (nothing else to read)
    only = "By the way, the canteen was closed."
    assert without_asides(only, segments(only, "en"), "en") == only
    # a marker inside a statement is not an aside opener
    assert not aside_spans(segments("We use it, by and large, every day.", "en"), "en")


def test_a_total_decline_and_a_request_to_explain_are_recognised() -> None:
    from assistant.interpret.signals import asks_back, says_nothing

    assert says_nothing("I just moved here. Honestly I can't answer anything on this yet.", "en")
    assert says_nothing("異動したばかりなので、今は何も答えられません。", "ja")
    assert not says_nothing("We cannot say the portal is perfect, but it runs.", "en")
    assert asks_back("それはどういう範囲の話か、もう少し詳しく教えていただけますか。", "ja")
    assert unknown_spans("Our finance officer would know better; I'll get back to you.", "en")
    assert unknown_spans("I don't know what the city does with the other towns.", "en")
    assert unknown_spans("We were told not to rate ourselves; I'll leave this one blank.", "en")
    assert not unknown_spans("Staff leave the form blank when the field does not apply.", "en")
    assert not unknown_spans("We don't know what data we hold.", "en")


def test_the_volitional_is_a_plan_and_a_joint_bodys_name_is_not_a_limit() -> None:
    hits = hits_for("駅前で実証を行おうと財政課と相談しています。", "ja")
    assert any(h.level == 2 for h in hits) and all(h.intent for h in hits if h.level == 2)
    assert not all(h.intent for h in hits_for("それが課題だろうと思います。実証中です。", "ja"))
    assert not any(h.level == 2 for h in hits_for("隣町と一部事務組合を作っています。", "ja"))
    assert any(h.level == 2 for h in hits_for("一部の課で使っています。", "ja"))


def test_a_worry_about_what_happens_if_nothing_changes_is_not_a_routine() -> None:
    assert best_level("We review the budget every year.", "en") == 3
    assert not any(
        h.level == 3 for h in hits_for("At this rate we scramble for money every year.", "en")
    )
    assert not any(h.level == 3 for h in hits_for("このままだと毎年予算探しに追われます。", "ja"))
    assert any(h.level == 3 for h in hits_for("毎年予算を見直しています。", "ja"))


def test_a_terse_ari_says_something_exists_beside_what_is_missing() -> None:
    from assistant.interpret.clauses import read_clauses

    text = "交通課の計画だけ指標あり、期限なし。"
    spans = segments(text, "ja")
    assert read_clauses(text, spans, find_hits(spans, "ja"), "ja").absence_beside_presence
    text = "指標なし、期限なし。"
    spans = segments(text, "ja")
    assert not read_clauses(text, spans, find_hits(spans, "ja"), "ja").absence_beside_presence


def test_we_dont_have_says_nothing_is_there_as_no_does() -> None:
    assert any(h.level == 2 and h.absent for h in hits_for("We don't have a pilot yet.", "en"))
    assert any(h.level == 2 and h.absent for h in hits_for("We haven't got a pilot.", "en"))
    assert not any(h.absent for h in hits_for("The pilot is not finished.", "en"))


def test_a_clause_with_dont_is_negated_so_its_rubric_words_do_not_count(fw) -> None:  # type: ignore[no-untyped-def]
    from assistant.interpret.clauses import level_overlap, level_words

    words = level_words(fw.element("E15"), "en")
    assert level_overlap("We don't have a pilot dashboard.", "en", words)[2] == 0
    assert level_overlap("We have a pilot dashboard.", "en", words)[2] > 0


def test_we_just_do_it_is_merely_not_a_limit_of_scope() -> None:
    assert not any(h.scope for h in hits_for("After delivery we just sign the form.", "en"))
    assert any(h.scope for h in hits_for("It runs in just the transport office.", "en"))


def test_now_and_then_is_occasional_and_a_yearly_check_that_fills_gaps_closes_the_loop() -> None:
    from assistant.interpret.votes import closes_loop

    assert any(h.scope and h.level == 2 for h in hits_for("It meets now and then.", "en"))
    text = "職員の能力を毎年点検し、足りない部分は研修で埋めています。"
    assert closes_loop(text, hits_for(text, "ja"), "ja")


@pytest.mark.parametrize(
    ("lang", "text", "closed"),
    [
        ("en", "Each year we look back at the contracts and the checklist now has a cost step.", True),
        ("en", "Members fill in a scorecard and two new partners were added after it.", True),
        ("en", "We look back at the contracts each year.", False),
        ("ja", "利用者に点数をつけてもらい、昨年は申込の方法を変えました。", True),
        ("ja", "毎年評価して、計画をあらためています。", True),
        ("ja", "毎年評価して、改めて議会に報告しています。", False),  # 改めて: "again"
    ],
)
def test_measured_then_changed_in_more_words(lang: Lang, text: str, closed: bool) -> None:
    from assistant.interpret.votes import closes_loop

    assert closes_loop(text, hits_for(text, lang), lang) is closed, text


def test_a_consultation_service_is_not_talk_under_way() -> None:
    talk = "来年度の予算を財政課と相談しています。"
    assert any(h.level == 1 for h in hits_for(talk, "ja"))
    for service in ("市民の相談窓口を設けています。", "毎月20件ほどオンライン相談があります。"):
        assert not any(h.level == 1 for h in hits_for(service, "ja")), service


def test_whether_something_is_done_unknown_is_an_embedded_question() -> None:
    assert not unknown_spans("効果を測っているかどうかは、ちょっと分かりません。", "ja")
    assert unknown_spans("ちょっと分かりません。", "ja")


def test_a_list_marker_is_no_embedded_question() -> None:
    """「…とかは、まだ把握できていません」: とか lists things, it asks nothing; the don't-know
    stands (an embedded 「…かどうかは」 still does not)."""
    assert unknown_spans("予算の配分とかは、まだ把握できていません。", "ja")
    assert not unknown_spans("予算を配分したかどうかは、まだ分かりません。", "ja")


@pytest.mark.parametrize(
    "text",
    ["正直、そこはわかんないです。", "私どもでは承知しておりません。", "その件は承知していないです。"],
)
def test_casual_and_formal_don_t_knows(text: str) -> None:
    assert unknown_spans(text, "ja"), text


def test_neither_there_nor_not_is_left_open() -> None:
    from assistant.interpret.signals import evasive_spans

    assert evasive_spans("方針は、まあ、あるようなないような感じです。", "ja")
    assert not evasive_spans("方針はありますが、計画はないような状態です。", "ja")
