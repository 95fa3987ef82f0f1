"""One answer, several elements: a draft kept for the other element, offered when it comes."""

from __future__ import annotations

from assistant.framework import get_framework
from assistant.interview.engine import InterviewEngine
from assistant.interview.state import Action, Proposal
from assistant.models import CityProfile, Lang
from assistant.prefill.reader import DocumentReader
from assistant.prefill.spotter import AnswerSpotter
from tests.interview.fakes import KeywordInterpreter, now
from tests.interview.stores import memory_store

PORTAL = "同じ推進室がオープンデータのポータルサイトも運営しており、40件のデータを公開しています。"


def test_the_real_spotter_finds_the_other_element_and_quotes_the_answer(
    reader: DocumentReader,
) -> None:
    spotter = AnswerSpotter(reader)
    found = spotter.spot(f"推進室には職員が5人います。{PORTAL}", "ja", {"E07"})
    assert "E16" in found and found["E16"].evidence == PORTAL
    assert found["E16"].source == "earlier"
    assert spotter.spot("We have a smart city office with five staff.", "en", {"E07"}) == {}


class OneSpotter:
    """Says every answer also speaks of E16 (the engine's side is what is tested here)."""

    def spot(self, text: str, lang: Lang, skip: set[str]) -> dict[str, Proposal]:
        if "E16" in skip or "portal" not in text:
            return {}
        return {"E16": Proposal(level=2, confidence=0.7, evidence="our open data portal",
                                rubric="r", source="earlier")}  # fmt: skip


def test_the_engine_offers_it_later_and_saves_nothing_before() -> None:
    store = memory_store()
    fw = get_framework()
    engine = InterviewEngine(fw, KeywordInterpreter(), store, None, clock=now, spotter=OneSpotter())
    profile = CityProfile(name="X", city_type="regional_core", lead_actor="municipal")
    code, _ = engine.start("en", profile)
    engine.act(code, Action(kind="change", element="E15"))
    reply = engine.handle(code, "We run a pilot platform; also our open data portal.")
    assert "E16" not in store.load(code).answers
    while reply.element != "E16":
        reply = engine.act(code, Action(kind="level", level=1))
    text = reply.messages[-1].text
    assert 'Earlier you mentioned: "our open data portal"' in text and reply.phase == "confirm"
    assert "E16" not in store.load(code).answers
    engine.act(code, Action(kind="confirm"))
    saved = store.load(code).answers["E16"]
    assert saved.level == 2 and saved.evidence == "Said while answering E15: our open data portal"
