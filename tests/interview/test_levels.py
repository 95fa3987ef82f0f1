"""Levels an official can trust (issue 10): nothing lost after Back, one interpretation per
turn, two equal choices when the interpreter is unsure, and the question that separates them."""

from __future__ import annotations

import io
import sys

import pytest

from assistant.framework import get_framework
from assistant.interview import commands
from assistant.interview.engine import InterviewEngine
from assistant.interview.state import Action
from assistant.models import Element, Lang
from assistant.ports import Interpretation
from tests.interview.conftest import text_of, through_intake
from tests.interview.fakes import KeywordInterpreter, now

SEPARATE_EN = "Does that survey run regularly, or was it a one-off?"
SEPARATE_JA = "その調査は定期的に行っていますか、それとも一度きりですか？"


class UnsureInterpreter(KeywordInterpreter):
    """The keyword interpreter, plus answers it cannot place between two levels: "survey" is
    2 or 3 (with the separating question), "portal" is 1 or 2 (no question in the data).
    A reply saying "every year" is a sure 3, "only once" a sure 2."""

    def interpret(self, element: Element, text: str, lang: Lang) -> Interpretation:
        low = text.lower()
        if "every year" in low or "毎年" in text:
            self.calls.append((element.id, text))
            return Interpretation(element=element.id, level=3, confidence=0.9,
                                  confidence_label="high", evidence=text)  # fmt: skip
        if "only once" in low or "一度だけ" in text:
            self.calls.append((element.id, text))
            return Interpretation(element=element.id, level=2, confidence=0.9,
                                  confidence_label="high", evidence=text)  # fmt: skip
        if "survey" in low or "調査" in text:
            self.calls.append((element.id, text))
            return Interpretation(
                element=element.id, level=2, confidence=0.45, confidence_label="low",
                evidence="We ran a survey", alternatives=[3],
                question=SEPARATE_JA if lang == "ja" else SEPARATE_EN,
            )  # fmt: skip
        if "hackathon" in low:  # 1 or 3, two levels apart (the real question: 2 or 3)
            self.calls.append((element.id, text))
            return Interpretation(
                element=element.id, level=1, confidence=0.4, confidence_label="low",
                evidence="a hackathon", alternatives=[3], question=SEPARATE_EN,
            )  # fmt: skip
        if "in a draft" in low:
            self.calls.append((element.id, text))
            return Interpretation(element=element.id, level=2, confidence=0.9,
                                  confidence_label="high", evidence=text)  # fmt: skip
        if "portal" in low:
            self.calls.append((element.id, text))
            return Interpretation(element=element.id, level=1, confidence=0.5,
                                  confidence_label="medium", evidence="a portal",
                                  alternatives=[2])  # fmt: skip
        return super().interpret(element, text, lang)


def unsure_engine(store) -> InterviewEngine:
    return InterviewEngine(get_framework(), UnsureInterpreter(), store, None, clock=now)


# --- nothing lost ---------------------------------------------------------------------------


def test_back_then_a_level_button_keeps_the_earlier_words_as_evidence(engine, store):
    code, _ = through_intake(engine)
    engine.handle(code, "We have a draft vision.")
    engine.handle(code, "yes")
    reply = engine.handle(code, "back")
    assert reply.element == "E01"
    reply = engine.act(code, Action(kind="level", level=3))
    stored = store.load(code).answers["E01"]
    assert stored.level == 3
    assert stored.evidence == "We have a draft vision."
    assert stored.text.startswith("We have a draft vision.")
    assert engine.answers_file(code).answers["E01"].evidence == "We have a draft vision."


def test_change_then_a_typed_level_keeps_the_earlier_words_too(engine, store):
    code, _ = through_intake(engine)
    engine.handle(code, "We have a draft vision.")
    engine.handle(code, "yes")
    engine.handle(code, "change E01")
    engine.handle(code, "4")
    stored = store.load(code).answers["E01"]
    assert (stored.level, stored.evidence) == (4, "We have a draft vision.")


def test_a_question_shaped_answer_with_no_draft_is_interpreted_once(engine):
    code, _ = through_intake(engine)
    calls = engine.interpreter.calls
    before = len(calls)
    reply = engine.handle(code, "Is a draft vision enough for level 2?")
    assert len(calls) == before + 1
    assert reply.phase == "confirm" and reply.proposal.level == 2


def test_every_answer_turn_interprets_once(engine):
    code, _ = through_intake(engine)
    calls = engine.interpreter.calls
    for text in ("hmm", "We have a draft vision.", "Could it be adopted soon?", "something"):
        before = len(calls)
        engine.handle(code, text)
        assert len(calls) == before + 1, text


# --- unsure: two equal choices ----------------------------------------------------------------


def test_a_sure_proposal_has_one_primary_confirm(store):
    engine = unsure_engine(store)
    code, _ = through_intake(engine)
    reply = engine.handle(code, "We have a draft vision.")
    assert [c.action.kind for c in reply.choices].count("confirm") == 1
    assert not any(c.candidate for c in reply.choices)


def test_an_unsure_proposal_shows_two_full_levels_side_by_side_and_no_confirm(store):
    engine = unsure_engine(store)
    fw = get_framework()
    code, _ = through_intake(engine)
    reply = engine.handle(code, "We have a portal.")
    assert reply.phase == "confirm" and reply.proposal.unsure
    assert [c.level for c in reply.proposal.candidates] == [1, 2]
    assert not any(c.action.kind == "confirm" for c in reply.choices)
    pair = [c for c in reply.choices if c.candidate]
    assert [c.action.level for c in pair] == [1, 2]
    for c in pair:  # the full rubric text, never cut
        full = fw.element("E01").rubric[c.action.level].text.en
        assert full in c.label and "…" not in c.label
        assert full in text_of(reply)
    others = [c.action.level for c in reply.choices if c.action.kind == "level" and not c.candidate]
    assert others == [0, 3, 4]
    # "yes" picks nothing: there is no default between the two
    reply = engine.handle(code, "yes")
    assert "E01" not in store.load(code).answers and reply.element == "E01"
    engine.act(code, Action(kind="level", level=2))
    assert store.load(code).answers["E01"].level == 2


def test_every_level_button_shows_its_whole_rubric_text_in_the_session_language(store):
    """No level is chosen from a label cut with "…": each button holds the level's whole text."""
    fw = get_framework()
    for lang in ("en", "ja"):
        engine = unsure_engine(store)
        code, _ = through_intake(engine, lang=lang)
        for words in ("We have a draft vision.", "We have a portal."):
            reply = engine.handle(code, words)
            levels = [c for c in reply.choices if c.action.kind == "level"]
            assert len(levels) >= 3
            for c in levels:
                whole = getattr(fw.element(reply.element).rubric[c.action.level].text, lang)
                assert whole in c.label and "…" not in c.label
            engine.act(code, Action(kind="unknown"))


def test_the_unsure_pair_follows_a_language_switch(store):
    engine = unsure_engine(store)
    code, _ = through_intake(engine)
    engine.handle(code, "We have a portal.")
    reply = engine.switch_language(code, "ja")
    ja = get_framework().element("E01").rubric[2].text.ja
    assert reply.proposal.candidates[1].rubric == ja and ja in text_of(reply)


# --- the separating question ---------------------------------------------------------------


def test_the_separating_question_is_asked_instead_of_a_proposal(store):
    engine = unsure_engine(store)
    code, _ = through_intake(engine)
    reply = engine.handle(code, "We ran an online survey about bus routes.")
    assert reply.phase == "element" and reply.proposal is None
    assert SEPARATE_EN in text_of(reply)
    assert [c.action.level for c in reply.choices if c.candidate] == [2, 3]
    assert "E01" not in store.load(code).answers
    reply = engine.handle(code, "It runs every year since 2021.")  # the reply decides
    assert reply.phase == "confirm" and reply.proposal.level == 3 and not reply.proposal.unsure
    assert reply.choices[0].label == "Yes, level 3"
    engine.handle(code, "yes")
    stored = store.load(code).answers["E01"]
    assert stored.level == 3 and "survey" in stored.text and "every year" in stored.text


def test_a_reply_that_does_not_decide_leaves_the_official_to_pick_one_of_two(store):
    engine = unsure_engine(store)
    code, _ = through_intake(engine)
    engine.handle(code, "We ran an online survey about bus routes.")
    reply = engine.handle(code, "yes")  # not a confirmation: an answer to the question
    assert reply.phase == "confirm" and reply.proposal.unsure
    assert "A yes or a no does not tell me which of the two it is" in text_of(reply)  # said why
    assert reply.proposal.evidence == "We ran a survey"  # the first answer's words stay
    assert [c.action.level for c in reply.choices if c.candidate] == [2, 3]
    assert not any(c.action.kind == "confirm" for c in reply.choices)
    reply = engine.act(code, Action(kind="level", level=2))
    assert store.load(code).answers["E01"].level == 2 and reply.element == "E02"


@pytest.mark.parametrize(
    ("said", "why"),
    [("いいえ", True), ("No.", True), ("hmm, hard to say", False)],
)
def test_why_a_reply_did_not_decide_is_said_only_for_a_bare_yes_or_no(store, said, why):
    engine = unsure_engine(store)
    code, _ = through_intake(engine)
    engine.handle(code, "We ran an online survey about bus routes.")
    reply = engine.handle(code, said)
    assert reply.proposal is not None and reply.proposal.unsure
    assert ("A yes or a no does not tell me" in text_of(reply)) is why


def test_unsure_two_levels_apart_a_reply_pointing_between_them_decides(store):
    engine = unsure_engine(store)
    code, _ = through_intake(engine)
    reply = engine.handle(code, "We held a hackathon once with the university.")
    assert reply.proposal is None and SEPARATE_EN in text_of(reply)
    assert [c.action.level for c in reply.choices if c.candidate] == [1, 3]
    assert any(c.action.level == 2 for c in reply.choices)  # the level between: a button too
    reply = engine.handle(code, "It exists in a draft from the planning office.")
    assert reply.phase == "confirm" and reply.proposal.level == 2  # the reply's level decides
    assert "level 2, between the two levels asked about (1 and 3)" in text_of(reply)  # said
    engine.handle(code, "yes")
    assert store.load(code).answers["E01"].level == 2


def test_the_official_can_pick_one_of_the_two_at_once(store):
    engine = unsure_engine(store)
    code, _ = through_intake(engine)
    engine.handle(code, "We ran an online survey about bus routes.")
    engine.act(code, Action(kind="level", level=3))
    stored = store.load(code).answers["E01"]
    assert stored.level == 3 and stored.evidence.startswith("We ran an online survey")


def test_the_separating_question_in_japanese(store):
    engine = unsure_engine(store)
    code, _ = through_intake(engine, "ja")
    reply = engine.handle(code, "バス路線についてオンライン調査を実施しました。")
    assert SEPARATE_JA in text_of(reply)
    reply = engine.handle(code, "一度だけです。")
    assert reply.proposal.level == 2 and reply.choices[0].label == "はい、レベル2"


def test_the_separating_question_in_the_terminal(store, monkeypatch):
    """`assistant interview` prints the question and both levels in full, and the typed reply
    decides: a transcript of the real command loop with the fake interpreter."""
    engine = unsure_engine(store)
    code, _ = through_intake(engine)
    monkeypatch.setattr(commands, "build_engine", lambda settings: engine)
    lines = ["We ran an online survey about bus routes.", "It runs every year.", "yes", "pause"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    args = commands.argparse.Namespace(lang="en", resume=code)
    assert commands.cmd_interview(args) == 0
    transcript = out.getvalue()
    fw = get_framework()
    asked = transcript.index(SEPARATE_EN)
    for level in (2, 3):
        assert f"{level} — {fw.element('E01').rubric[level].text.en}" in transcript[asked:]
    assert "I would place this at level 3" in transcript[asked:]
    assert "Saved E01" in transcript
    assert store.load(code).answers["E01"].level == 3
