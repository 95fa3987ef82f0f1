"""The interview starting from document drafts: offered, confirmed or changed, never saved first."""

from __future__ import annotations

import pytest

from assistant.framework import get_framework
from assistant.interview.engine import InterviewEngine
from assistant.interview.state import Action
from assistant.models import CityProfile
from assistant.prefill.drafts import Draft, Prefill, Quote
from assistant.prefill.drafts import Proposal as Reading
from assistant.prefill.interview import disputed, proposals
from assistant.sessions.store import SqlSessionStore
from tests.interview.fakes import KeywordInterpreter, now
from tests.interview.stores import memory_store

QUOTE = "A Smart City Unit was established in the Mayor's Office by executive order in 2026."


@pytest.fixture
def store() -> SqlSessionStore:
    return memory_store()


WIDE = "The vision covers transport, health, water and the local economy as one programme."
NARROW = "So far the vision names transport only; other sectors are not yet part of it."


def _prefill() -> Prefill:
    quote = Quote(text=QUOTE, document="plan.pdf", page=12)
    elements: dict[str, Draft | None] = {f"E{i:02d}": None for i in range(1, 22)}
    elements["E01"] = Draft(element="E01", level=3, confidence=0.8, quotes=[quote])
    wide = Quote(text=WIDE, document="plan.pdf", page=3)
    narrow = Quote(text=NARROW, document="minutes.md", section="Item 4")
    readings = [
        Reading(document="plan.pdf", level=3, confidence=0.7, quotes=[wide]),
        Reading(document="minutes.md", level=1, confidence=0.6, quotes=[narrow]),
    ]
    elements["E02"] = Draft(
        element="E02", level=None, confidence=0.0, quotes=[wide, narrow], conflict=readings
    )  # the documents disagree
    return Prefill(elements=elements, documents=[])


def _start(store: SqlSessionStore, lang: str = "en") -> tuple[InterviewEngine, str, object]:
    fw = get_framework()
    engine = InterviewEngine(fw, KeywordInterpreter(), store, None, clock=now)
    profile = CityProfile(name="Harbourton", city_type="regional_core", lead_actor="municipal")
    prefill = _prefill()
    code, reply = engine.start(
        lang,  # type: ignore[arg-type]
        profile,
        drafts=proposals(prefill, fw, lang),  # type: ignore[arg-type]
        disputed=disputed(prefill),
    )
    return engine, code, reply


def test_a_document_draft_is_offered_and_nothing_saved_before_confirmation(store) -> None:
    engine, code, reply = _start(store)
    assert reply.phase == "confirm" and reply.element == "E01"
    text = reply.messages[-1].text
    assert "From your documents (plan.pdf, p. 12)" in text and QUOTE in text
    assert "level 3" in text and "Is that still right?" in text
    assert store.load(code).answers == {}  # offered, not saved
    reply = engine.act(code, Action(kind="confirm"))
    saved = store.load(code).answers["E01"]
    assert saved.level == 3 and saved.evidence == f"From plan.pdf, p. 12: {QUOTE}"
    assert reply.element == "E02" and reply.phase == "element"  # disagreeing docs: asked in full


def test_where_the_documents_disagree_both_passages_are_shown_and_the_question_asked(
    store,
) -> None:
    engine, code, _ = _start(store)
    reply = engine.act(code, Action(kind="confirm"))  # E01 saved; E02: the documents disagree
    assert reply.element == "E02" and reply.phase == "element" and reply.proposal is None
    message = reply.messages[-1]
    lines = message.text.splitlines()
    assert lines[1] == (
        "Your documents disagree on this, so I have not proposed a level, and nothing from them "
        "is saved. The two passages:"
    )
    assert lines[2] == f"• plan.pdf, p. 3 (reads as level 3): “{WIDE}”"
    assert lines[3] == f"• minutes.md, “Item 4” (reads as level 1): “{NARROW}”"
    question = get_framework().element("E02").question.get("en")
    assert lines[4] == question and message.question == question
    assert [(p.level, p.document, p.page, p.section) for p in message.passages] == [
        (3, "plan.pdf", 3, None),
        (1, "minutes.md", None, "Item 4"),
    ]
    assert message.heading == lines[0] and "E02" in message.heading
    assert set(store.load(code).answers) == {"E01"}  # neither reading taken
    assert not any(c.action.kind == "confirm" for c in reply.choices)


def test_the_passages_go_once_the_element_is_answered(store) -> None:
    engine, code, _ = _start(store)
    engine.act(code, Action(kind="confirm"))
    engine.act(code, Action(kind="level", level=2))  # E02 answered by the official
    assert store.load(code).answers["E02"].level == 2
    reply = engine.act(code, Action(kind="back"))
    assert reply.element == "E02" and reply.messages[-1].passages == []
    assert WIDE not in reply.messages[-1].text


def test_japanese_disagreement(store) -> None:
    engine, code, _ = _start(store, "ja")
    reply = engine.act(code, Action(kind="confirm"))
    text = reply.messages[-1].text
    assert "お送りいただいた文書の記述が食い違うため、レベルは提案していません" in text
    assert f"・plan.pdf、3ページ（レベル3相当）：「{WIDE}」" in text
    assert f"・minutes.md「Item 4」（レベル1相当）：「{NARROW}」" in text
    assert get_framework().element("E02").question.get("ja") in text


def test_disputed_keeps_the_lowest_and_the_highest_reading_in_document_order() -> None:
    def reading(doc: str, level: int, confidence: float) -> Reading:
        quote = Quote(text=f"{doc} says {level}", document=doc)
        return Reading(document=doc, level=level, confidence=confidence, quotes=[quote])

    readings = [reading("a.md", 2, 0.9), reading("b.md", 4, 0.5), reading("c.md", 0, 0.6),
                reading("d.md", 4, 0.8)]  # fmt: skip
    elements: dict[str, Draft | None] = {"E05": None}
    elements["E06"] = Draft(element="E06", level=None, confidence=0.0, quotes=[], conflict=readings)
    elements["E07"] = Draft(element="E07", level=2, confidence=0.9, quotes=[])  # agreed: no
    got = disputed(Prefill(elements=elements, documents=[]))
    assert list(got) == ["E06"]
    assert [(p.document, p.level) for p in got["E06"]] == [("c.md", 0), ("d.md", 4)]


def test_another_level_keeps_the_document_as_evidence(store) -> None:
    engine, code, _ = _start(store)
    engine.act(code, Action(kind="level", level=2))
    saved = store.load(code).answers["E01"]
    assert saved.level == 2 and "plan.pdf" in saved.evidence


def test_japanese_offer(store) -> None:
    _, _, reply = _start(store, "ja")
    assert "お送りいただいた文書（plan.pdf、12ページ）より" in reply.messages[-1].text


def test_pausing_keeps_drafts_unsaved_and_offered_on_resume(store) -> None:
    engine, code, _ = _start(store)
    engine.handle(code, "pause")
    assert store.load(code).answers == {}
    reply = engine.resume(code)
    assert reply is not None and reply.phase == "confirm" and reply.element == "E01"


def test_the_walk_costs_one_turn_per_drafted_element_and_two_for_the_others(store) -> None:
    """The cost model of evals/prefill_eval.py, checked on the engine: a drafted element is one
    turn (confirm, or another level), any other element an answer and a confirmation."""
    fw = get_framework()
    quote = Quote(text=QUOTE, document="plan.pdf", page=12)
    elements: dict[str, Draft | None] = {e.id: None for e in fw.elements}
    drafted = {"E01": 3, "E07": 2, "E13": 1, "E17": 4, "E21": 0}
    for eid, level in drafted.items():
        elements[eid] = Draft(element=eid, level=level, confidence=0.8, quotes=[quote])
    engine = InterviewEngine(fw, KeywordInterpreter(), store, None, clock=now)
    profile = CityProfile(name="Harbourton", city_type="regional_core", lead_actor="municipal")
    drafts = proposals(Prefill(elements=elements, documents=[]), fw, "en")
    code, reply = engine.start("en", profile, drafts=drafts)
    turns = 0
    while reply.phase != "readback":
        element = reply.element
        if element in drafted:
            action = Action(kind="confirm") if element != "E07" else Action(kind="level", level=3)
            reply = engine.act(code, action)  # the official decides in one turn
            turns += 1
            continue
        assert reply.phase == "element"
        reply = engine.handle(code, "The plan was adopted and is operating.")
        assert reply.phase == "confirm"
        reply = engine.act(code, Action(kind="confirm"))
        turns += 2
    answers = store.load(code).answers
    assert len(answers) == 21 and answers["E07"].level == 3 and answers["E21"].level == 0
    assert turns == len(drafted) + 2 * (21 - len(drafted))
