"""Issue 10 round 3: far misses. Which statements matter, counts of zero, stops by expiry, limits
and "known to a few", in English and Japanese (patterns, not sentences of any evaluation set)."""

from __future__ import annotations

import numpy as np

from assistant.interpret.analysis import Analysis
from assistant.interpret.clauses import JA_PRESENCE
from assistant.interpret.model import FEATURES, features
from assistant.interpret.offline import OfflineInterpreter
from assistant.interpret.signals import Span, find_hits, segments
from assistant.interpret.statements import Statements, absent_statements, read_statements
from assistant.interpret.stops import past_regions
from assistant.models import Framework, Lang


def levels_of(text: str, lang: Lang) -> list[tuple[int, bool]]:
    """(level, negated) of each cue found."""
    return [(h.level, h.negated) for h in find_hits(segments(text, lang), lang)]


def test_a_count_of_zero_is_an_absence() -> None:
    assert (0, False) in levels_of("We have published 0 datasets so far.", "en")
    assert (0, False) in levels_of("Zero consultations have been held on digital services.", "en")
    assert (0, False) in levels_of("公開しているデータは0件です。", "ja")
    assert (0, False) in levels_of("民間が運営しているサービスはゼロです。", "ja")
    # a share, a range or a year is not a count of zero
    assert all(lv != 0 for lv, _ in levels_of("Coverage rose from 0% to 40% in 2020.", "en"))
    assert all(lv != 0 for lv, _ in levels_of("The portal has 20 datasets.", "en"))
    assert all(lv != 0 for lv, _ in levels_of("公開データは20件です。", "ja"))


def test_known_to_a_few_only_is_an_absence() -> None:
    assert (0, False) in levels_of("Maybe five people in the planning office have read it.", "en")
    assert (0, False) in levels_of("ビジョンを知っているのは企画課の数人くらいです。", "ja")
    # "that I know of" is the speaker's knowledge, not how widely something is known
    said = levels_of("There is only one app that I know of.", "en")
    assert (0, False) not in said


def test_a_limit_said_as_as_far_as_that() -> None:
    assert any(lv == 2 for lv, neg in levels_of("連携は防災の1事業にとどまっています。", "ja"))
    assert any(lv == 2 for lv, neg in levels_of("仕様書づくりまではできます。", "ja"))


def test_an_expired_plan_is_a_stop() -> None:
    text = "構想は作りましたが、計画期間が終わって失効しました。"
    spans = segments(text, "ja")
    assert past_regions(spans, "ja")  # what was said before the expiry is not true now


def test_counted_people_and_things_are_presence() -> None:
    assert JA_PRESENCE.search("情報政策課に資格を持った職員が2人いて、仕様書を作れます。")
    assert JA_PRESENCE.search("駅前にインキュベーション施設が1か所あります。")
    assert not JA_PRESENCE.search("担当者はいません。")


def test_absent_statements() -> None:
    text = "We run a traffic app. There is no city-wide platform."
    spans = segments(text, "en")
    hits = find_hits(spans, "en")
    assert absent_statements(spans, hits, "en") == {1}
    ja = "交通アプリは運用しています。全体の基盤はありません。"
    jspans = segments(ja, "ja")
    assert absent_statements(jspans, find_hits(jspans, "ja"), "ja") == {1}


def _spans(*texts: str) -> tuple[str, list[Span]]:
    out, at = [], 0
    for t in texts:
        out.append(Span(at, at + len(t), t))
        at += len(t) + 1
    return " ".join(texts), out


def test_relevant_statements_carry_the_weight() -> None:
    """The statement closest to the rubric decides the level mix and keeps its cue votes; a
    chatty statement with a cue of its own is turned down."""
    answer, spans = _spans(
        "The canteen is only open at noon.", "There is no data platform of any kind."
    )
    hits = find_hits(spans, "en")
    # rows: whole answer, then each statement; columns: levels 0-4
    level_sims = np.asarray(
        [[0.4, 0.3, 0.3, 0.2, 0.1], [0.05, 0.05, 0.1, 0.05, 0.05], [0.5, 0.3, 0.2, 0.2, 0.1]]
    )
    topic_sims = np.asarray([[0.4], [0.05], [0.5]])
    st = read_statements(spans, hits, answer, answer, level_sims, topic_sims, "en")
    assert st.focus > 0.9
    assert int(np.argmax(st.level_mix)) == 0
    assert st.absent_share > 0.9 and st.absent_fit == 0.5
    limit = [h for h in hits if h.segment == 0 and h.level == 2]
    assert limit  # "only" votes for level 2 in the plain count...
    assert st.relevant_votes[2] < 0.2  # ...but hardly at all from an irrelevant statement
    assert st.relevant_votes[0] > 0.5


def test_one_statement_gives_the_empty_reading() -> None:
    answer, spans = _spans("We have no platform.")
    sims = np.asarray([[0.5, 0.3, 0.2, 0.2, 0.1]])
    st = read_statements(spans, [], answer, answer, sims, sims[:, :1], "en")
    empty = Statements.empty()
    assert st.focus == empty.focus == 0.0 and st.absent_share == 0.0
    assert not st.level_mix.any() and not st.relevant_votes.any()


def test_the_missing_core_is_a_feature(interpreter: OfflineInterpreter, fw: Framework) -> None:
    """A pilot of something else beside "there is no overall concept": the missing part is the
    element's own thing, closer to its rubric than what runs (the 0-read-as-2 pattern)."""
    element = fw.element("E02")
    name = FEATURES.index("stmt_absent_share")
    for text, lang in (
        (
            "Only a parking app runs now, in the transport office. "
            "There is no overall vision that ties the sectors together.",
            "en",
        ),
        (
            "いま動いているのは駐車場アプリだけです。分野をまとめた全体の構想はありません。",
            "ja",
        ),
    ):
        analysis = interpreter.analyse(element, text, lang)
        assert isinstance(analysis, Analysis)
        assert features(analysis)[name] > 0.3
        assert analysis.statements.absent_fit > 0.0


def test_separateness_of_the_rest_is_the_limit() -> None:
    """ "Only transport uses it; the other departments keep their own systems": the rest being
    separate bounds what exists (level 2); the same words of the whole city are level 0."""
    rest = levels_of(
        "データ基盤は交通課だけで使っていて、ほかの課はそれぞれ独自のシステムです。", "ja"
    )
    whole = levels_of("各課がそれぞれ独自のシステムを使っています。", "ja")
    assert (0, False) not in rest and (0, False) in whole
    en_rest = levels_of("Transport uses it; the other departments work separately.", "en")
    en_whole = levels_of("Every department works separately.", "en")
    assert (0, False) not in en_rest and (0, False) in en_whole


def test_a_plan_said_after_the_cue_is_intent() -> None:
    for text in (
        "The idea is to fix the indicators when the strategy is revised next year.",
        "There's a proposal to bring the two plans together.",
    ):
        hits = find_hits(segments(text, "en"), "en")
        assert all(h.intent for h in hits if h.level >= 2), text
    done = "The strategy was revised last year after the review."
    assert any(h.level == 4 and not h.intent for h in find_hits(segments(done, "en"), "en"))


def test_what_is_missing_in_the_rubrics_own_words(fw: Framework) -> None:
    """E02's level 0 is "no overall picture": said as missing, its words count for level 0."""
    from assistant.interpret.clauses import level_words
    from assistant.interpret.statements import missing_overlap

    for text, lang in (
        ("観光課と水道局が別々に進めています。全体像はありません。", "ja"),
        ("Each office buys its own systems. There is no overall picture.", "en"),
    ):
        words = level_words(fw.element("E02"), lang)
        missing = missing_overlap(text, lang, words)
        assert missing[0] > 0 and missing[0] >= missing[3], (text, missing)
