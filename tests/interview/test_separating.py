"""The separating question fits the two levels on offer, its reply decides between them, a
question typed in reply is answered and the question asked again, and the two levels are shown
lower first as equal choices (issue 10, items 3-4; QA of the phone and desktop sessions)."""

from __future__ import annotations

import io
import sys

import pytest

from assistant.framework import get_framework
from assistant.interpret.offline import separating_question
from assistant.interview import commands
from assistant.interview.engine import InterviewEngine
from assistant.interview.state import Reply
from assistant.models import Element, Lang
from assistant.ports import Interpretation
from tests.interview.conftest import text_of, through_intake
from tests.interview.fakes import CannedAnswerer, KeywordInterpreter, now

# what each cue in an answer reads as: (level, alternatives, label); "e.g. 0 or 3"
READS: dict[str, tuple[int, list[int], str]] = {
    "neighbour": (0, [3], "low"),  # the first answer: 0 or 3, two levels apart
    "隣の市": (0, [3], "low"),
    "forum": (3, [2], "medium"),  # 3 more likely than 2: still shown 2 first
    "adopted by council": (3, [], "high"),  # a reply pointing at the higher level
    "議会で採択": (3, [], "high"),
    "nothing at all": (0, [], "high"),  # a reply pointing at the lower one
    "何もありません": (0, [], "high"),
    "talk about it": (1, [], "high"),  # a reply between 0 and 3
    "reviewed every year": (4, [], "high"),  # a reply beyond the higher one
}


class PairInterpreter(KeywordInterpreter):
    """Reads the cues above, with the real separating question of the framework's data; any
    other text falls back to the keyword interpreter (a question places nothing)."""

    def interpret(self, element: Element, text: str, lang: Lang) -> Interpretation:
        for cue, (level, alts, label) in READS.items():
            if cue in text.lower():
                self.calls.append((element.id, text))
                return Interpretation(
                    element=element.id, level=level, confidence=0.9 if label == "high" else 0.5,
                    confidence_label=label, evidence=text.strip(), alternatives=alts,
                    question=separating_question(element, level, alts, lang),
                )  # fmt: skip
        return super().interpret(element, text, lang)


FIRST_EN = "Our neighbour city has a strategy, we have our own ideas."
FIRST_JA = "隣の市には戦略がありますが、本市は独自の考えです。"


@pytest.fixture
def pair_engine(store, answerer: CannedAnswerer) -> InterviewEngine:
    return InterviewEngine(get_framework(), PairInterpreter(), store, answerer, clock=now)


def candidates(reply: Reply) -> list[int]:
    return [c.action.level for c in reply.choices if c.candidate]


def e01() -> Element:
    return get_framework().element("E01")


# --- the question fits the two levels ---------------------------------------------------------


OR = {"en": ", or ", "ja": "それとも"}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_two_levels_apart_the_question_speaks_of_those_two_and_no_third(lang: Lang) -> None:
    """1 or 3: level 3's side of its own pair ("Has it been adopted, …"), then level 1's side
    of its own ("… or is it still only discussed?"); never level 2's ("… or is it partial?")."""
    for e in get_framework().elements:
        for level, other in ((0, 3), (3, 0), (2, 0), (0, 2), (1, 4), (1, 3), (2, 4), (0, 4)):
            low, high = sorted((level, other))
            upper = e.pair_question(high - 1, high).get(lang).split(OR[lang])
            lower = e.pair_question(low, low + 1).get(lang).split(OR[lang])
            asked = separating_question(e, level, [other], lang)
            assert asked == f"{upper[0]}{OR[lang]}{lower[1]}", (e.id, level, other)
            third = e.pair_question(high - 1, high).get(lang).split(OR[lang])[1]
            if third != lower[1]:  # the side of the level between them is not asked about
                assert not asked.endswith(third), (e.id, level, other)
            assert asked == e.question_between(other, level).get(lang)
        for low in range(4):  # adjacent: that pair's own question, either way round
            want = e.pair_question(low, low + 1).get(lang)
            assert separating_question(e, low, [low + 1], lang) == want
            assert separating_question(e, low + 1, [low], lang) == want
        assert separating_question(e, 2, [], lang) is None


def test_zero_or_three_asks_about_level_three_not_about_one(pair_engine, store) -> None:
    code, _ = through_intake(pair_engine)
    reply = pair_engine.handle(code, FIRST_EN)
    text = text_of(reply)
    fair = "Has the vision been formally adopted (for example by the council), or has it not come up at all?"
    assert fair in text
    assert "still a draft" not in text  # level 2's side: neither of the two levels offered
    assert e01().pair_question(0, 1).en not in text  # nor the question about level 1
    assert reply.proposal is None and candidates(reply) == [0, 3]
    asked = reply.messages[-1]
    assert asked.question == fair
    assert [c.level for c in asked.candidates] == [0, 3]
    assert "E01" not in store.load(code).answers


@pytest.mark.parametrize(
    ("said", "level"),
    [("It was adopted by council in 2021.", 3), ("No, nothing at all is written.", 0)],
)
def test_a_reply_pointing_at_one_of_the_two_decides_and_joins_the_evidence(
    pair_engine, store, said: str, level: int
) -> None:
    code, _ = through_intake(pair_engine)
    pair_engine.handle(code, FIRST_EN)
    reply = pair_engine.handle(code, said)
    assert reply.phase == "confirm" and reply.proposal.level == level
    assert not reply.proposal.unsure
    assert FIRST_EN in reply.proposal.evidence and said in reply.proposal.evidence
    assert "Your reply" not in text_of(reply)  # read at one of the two: nothing to explain
    pair_engine.handle(code, "yes")
    stored = store.load(code).answers["E01"]
    assert stored.level == level and said in stored.evidence and FIRST_EN in stored.evidence


def test_a_reply_beyond_the_higher_level_decides_the_higher_one(pair_engine) -> None:
    code, _ = through_intake(pair_engine)
    pair_engine.handle(code, FIRST_EN)
    reply = pair_engine.handle(code, "Yes, and it is reviewed every year.")
    assert reply.proposal.level == 3 and reply.proposal.confidence_label == "medium"
    said = "Your reply reads as level 4; of the two levels asked about (0 and 3), it points to"
    assert f"{said} level 3." in text_of(reply)


def test_a_reply_between_the_two_says_it_is_neither(pair_engine) -> None:
    """Never a third level the person was not offered without saying so."""
    code, _ = through_intake(pair_engine)
    pair_engine.handle(code, FIRST_EN)
    reply = pair_engine.handle(code, "Not yet, we only talk about it.")
    assert reply.proposal.level == 1
    assert "Your reply points to level 1, between the two levels asked about (0 and 3)." in (
        text_of(reply)
    )


# --- a question typed in reply ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "first", "asked"),
    [("en", FIRST_EN, "What do you mean by vision?"), ("ja", FIRST_JA, "ビジョンとは何ですか？")],
)
def test_a_question_in_reply_is_answered_and_the_separating_question_asked_again(
    pair_engine, store, answerer: CannedAnswerer, lang: Lang, first: str, asked: str
) -> None:
    code, _ = through_intake(pair_engine, lang)
    pair_engine.handle(code, first)
    reply = pair_engine.handle(code, asked)
    assert answerer.asked[-1][0] == asked  # the knowledge base answered it, with its sources
    assert any(m.citations for m in reply.messages)
    question = e01().question_between(0, 3).get(lang)
    assert reply.messages[-1].question == question  # asked again, the two kept
    assert reply.proposal is None and candidates(reply) == [0, 3]
    said = (
        "It was adopted by council in 2021." if lang == "en" else "2021年に議会で採択されました。"
    )
    reply = pair_engine.handle(code, said)
    assert reply.proposal.level == 3
    pair_engine.handle(code, "yes" if lang == "en" else "はい")
    stored = store.load(code).answers["E01"]
    assert stored.level == 3 and asked not in stored.text and said in stored.evidence


# --- a clear reply decides, even after one that did not -----------------------------------------


@pytest.mark.parametrize(
    ("lang", "first", "vague", "clear"),
    [
        ("en", FIRST_EN, "hmm", "It was adopted by council in 2021."),
        ("ja", FIRST_JA, "うーん", "2021年に議会で採択されました。"),
    ],
)
def test_after_a_reply_that_did_not_decide_a_clear_one_still_decides(
    pair_engine, store, lang: Lang, first: str, vague: str, clear: str
) -> None:
    """The QA session: the pair stayed on offer, the next clear reply was read together with
    the whole draft and moved the pair elsewhere. It is read on its own and decides."""
    code, _ = through_intake(pair_engine, lang)
    pair_engine.handle(code, first)
    reply = pair_engine.handle(code, vague)  # places nothing: the official may pick
    assert reply.proposal.unsure and candidates(reply) == [0, 3]
    calls = pair_engine.interpreter.calls
    before = len(calls)
    reply = pair_engine.handle(code, clear)
    assert calls[before:] == [("E01", clear)]  # read alone, once
    assert reply.proposal.level == 3 and not reply.proposal.unsure
    assert clear in reply.proposal.evidence and first in reply.proposal.evidence
    pair_engine.handle(code, "yes" if lang == "en" else "はい")
    assert store.load(code).answers["E01"].level == 3


# --- lower first, as equal choices ----------------------------------------------------------


def test_the_two_levels_are_shown_lower_first_whatever_is_more_likely(pair_engine) -> None:
    code, _ = through_intake(pair_engine)
    reply = pair_engine.handle(code, "There is a forum with companies.")  # 3 more likely than 2
    assert candidates(reply) == [2, 3]
    text = text_of(reply)
    assert text.index("2 — ") < text.index("3 — ")
    reply = pair_engine.handle(code, "hmm")
    assert [c.level for c in reply.proposal.candidates] == [2, 3]
    assert "Choose level 2 or level 3" in text_of(reply)


def test_the_separating_question_follows_a_language_switch(pair_engine) -> None:
    code, _ = through_intake(pair_engine)
    pair_engine.handle(code, FIRST_EN)
    reply = pair_engine.switch_language(code, "ja")
    assert reply.messages[-1].question == e01().question_between(0, 3).ja
    assert e01().rubric[3].text.ja in text_of(reply)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_terminal_asks_again_after_a_question_and_lists_the_levels_lower_first(
    pair_engine, store, monkeypatch, lang: Lang
) -> None:
    """A transcript of `assistant interview`: the question fits 0 or 3, a question typed in
    reply is answered and the separating question printed again, the reply decides."""
    code, _ = through_intake(pair_engine, lang)
    monkeypatch.setattr(commands, "build_engine", lambda settings: pair_engine)
    if lang == "en":
        lines = [FIRST_EN, "What do you mean by vision?", "It was adopted by council.", "yes"]
    else:
        lines = [FIRST_JA, "ビジョンとは何ですか？", "議会で採択されました。", "はい"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join([*lines, "pause"]) + "\n"))
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert commands.cmd_interview(commands.argparse.Namespace(lang=lang, resume=code)) == 0
    transcript = out.getvalue()
    question = e01().question_between(0, 3).get(lang)
    assert transcript.count(question) == 2  # asked, and asked again after the answer
    first = transcript.index(question)
    zero = transcript.index(f"0 — {e01().rubric[0].text.get(lang)}", first)
    three = transcript.index(f"3 — {e01().rubric[3].text.get(lang)}", first)
    assert zero < three
    assert "JICA supports pilots [1]." in transcript[first:]
    assert store.load(code).answers["E01"].level == 3


def test_the_question_between_two_levels_in_the_framework_data() -> None:
    e = e01()
    assert e.question_between(2, 3) == e.pair_question(2, 3) == e.question_between(3, 2)
    assert e.question_between(1, 3).ja == (
        "ビジョンは議会などで正式に採択されていますか、それともまだ議論の段階ですか？"
    )
    with pytest.raises(ValueError):
        e.question_between(2, 2)
