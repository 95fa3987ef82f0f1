"""Review the drafts: several sure drafts confirmed in one action; nothing saved before it; an
unticked or unsure draft asked in full; the terminal's list and its one line."""

from __future__ import annotations

import io

import pytest

from assistant.framework import get_framework
from assistant.interview.engine import InterviewEngine
from assistant.interview.state import Action
from assistant.models import CityProfile
from assistant.prefill import review_terminal
from assistant.prefill.drafts import Draft, Prefill, Quote
from assistant.prefill.interview import proposals
from assistant.sessions.store import SqlSessionStore
from tests.interview.fakes import KeywordInterpreter, now
from tests.interview.stores import memory_store

QUOTE = "A Smart City Unit was established in the Mayor's Office by executive order in 2026."
SURE = {"E01": 3, "E02": 2, "E07": 2, "E13": 1}  # confidence 0.8: listed
UNSURE = {"E17": 2}  # confidence 0.3: walked one by one


@pytest.fixture
def store() -> SqlSessionStore:
    return memory_store()


def _start(store: SqlSessionStore, lang: str = "en") -> tuple[InterviewEngine, str, object]:
    fw = get_framework()
    quote = Quote(text=QUOTE, document="plan.pdf", page=12)
    elements: dict[str, Draft | None] = {e.id: None for e in fw.elements}
    for eid, level in SURE.items():
        elements[eid] = Draft(element=eid, level=level, confidence=0.8, quotes=[quote])
    for eid, level in UNSURE.items():
        elements[eid] = Draft(element=eid, level=level, confidence=0.3, quotes=[quote])
    elements["E03"] = Draft(element="E03", level=None, confidence=0.0, quotes=[quote])  # conflict
    engine = InterviewEngine(fw, KeywordInterpreter(), store, None, clock=now)
    profile = CityProfile(name="Harbourton", city_type="regional_core", lead_actor="municipal")
    drafts = proposals(Prefill(elements=elements, documents=[]), fw, lang)  # type: ignore[arg-type]
    code, reply = engine.start(lang, profile, drafts=drafts)  # type: ignore[arg-type]
    return engine, code, reply


def test_only_sure_drafts_are_listed_and_nothing_is_saved_before_the_action(store) -> None:
    engine, code, _ = _start(store)
    items = engine.review_items(code)
    assert [i.element for i in items] == list(SURE)  # not the unsure one, not the conflict
    first = items[0]
    assert first.quote == QUOTE and first.origin == "plan.pdf, p. 12" and first.level == 3
    assert store.load(code).answers == {}


def test_one_action_saves_the_ticked_at_their_levels_and_asks_the_unticked_in_full(store) -> None:
    engine, code, _ = _start(store)
    reply = engine.review(code, {"E01": 3, "E02": 1, "E13": 1}, ["E07"])
    answers = store.load(code).answers
    assert {e: a.level for e, a in answers.items()} == {"E01": 3, "E02": 1, "E13": 1}
    assert answers["E02"].evidence == f"From plan.pdf, p. 12: {QUOTE}"  # the document marked
    assert reply.saved and "Saved 3 answers" in reply.messages[0].text
    assert engine.review_items(code) == []  # offered once
    # the walk goes on at the first unanswered element: E03 (documents disagree), in full
    assert reply.element == "E03" and reply.phase == "element"
    while reply.element != "E07":
        reply = engine.act(code, Action(kind="level", level=1))
    assert reply.phase == "element" and reply.proposal is None  # unticked: the full question
    assert "plan.pdf" not in reply.messages[-1].text
    reply = engine.act(code, Action(kind="level", level=1))
    while reply.element != "E17":
        reply = engine.act(code, Action(kind="level", level=1))
    assert reply.phase == "confirm" and reply.proposal is not None  # unsure: walked with its card


def test_walk_one_by_one_saves_nothing_and_offers_each_draft(store) -> None:
    engine, code, _ = _start(store)
    reply = engine.review(code, {}, [])
    assert store.load(code).answers == {}
    assert reply.phase == "confirm" and reply.element == "E01"
    assert engine.review_items(code) == []


def test_a_stale_review_cannot_save_an_element_that_was_not_listed(store) -> None:
    engine, code, _ = _start(store)
    engine.review(code, {"E17": 4, "E05": 2, "E01": 3}, [])
    assert set(store.load(code).answers) == {"E01"}


def test_terminal_review_transcript(store) -> None:
    engine, code, _ = _start(store)
    out = io.StringIO()
    lines = iter(["7", "2=1 4"])
    reply = review_terminal.run(engine, code, "en", lambda: next(lines), out)
    text = out.getvalue()
    assert "Review the drafts: 4 elements" in text
    assert "1. E01 " in text and "level 3 (confidence 80%)" in text
    assert f"From plan.pdf, p. 12: “{QUOTE}”" in text
    assert 'I could not read "7"' in text and "Nothing was saved" in text
    assert reply is not None
    answers = store.load(code).answers
    assert {e: a.level for e, a in answers.items()} == {"E01": 3, "E02": 1, "E07": 2}
    assert "E13" not in answers  # "4" left it out: asked in full


def test_terminal_review_end_of_input_saves_nothing(store) -> None:
    engine, code, _ = _start(store)
    assert review_terminal.run(engine, code, "en", lambda: None, io.StringIO()) is None
    assert store.load(code).answers == {}


def test_terminal_parse() -> None:
    engine_items = [
        review_terminal.ReviewItem(f"E0{i}", "n", 2, "r", "q", "o", 0.8) for i in (1, 2, 3)
    ]
    assert review_terminal.parse("", engine_items) == ({"E01": 2, "E02": 2, "E03": 2}, [])
    assert review_terminal.parse("walk", engine_items) == ({}, [])
    assert review_terminal.parse("2 3=4", engine_items) == ({"E01": 2, "E03": 4}, ["E02"])
    for bad in ("4", "0", "1=5", "x", "1=2=3"):
        assert review_terminal.parse(bad, engine_items) is None


def test_japanese_list(store) -> None:
    engine, code, _ = _start(store, "ja")
    out = io.StringIO()
    review_terminal.show(engine.review_items(code), "ja", out)
    assert "回答案の確認" in out.getvalue() and "plan.pdf、12ページより" in out.getvalue()
