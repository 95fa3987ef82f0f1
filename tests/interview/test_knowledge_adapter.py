"""The knowledge base seen through the engine's Answerer port."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

import assistant.knowledge.answer as kb_answer
from assistant.interview.knowledge import KnowledgeAnswerer, to_knowledge_answer
from assistant.knowledge.answer import AnswerResult, SourceRef


def source(n: int) -> SourceRef:
    return SourceRef(
        id=f"doc-{n}.en",
        title=f"Title {n}",
        text=f"Passage {n}",
        lang="en",
        element_ids=["E15"],
        cooperation_ids=[],
        score=0.5,
        provenance="printed",
        source="knowledge/docs/en/support.md",
    )


def test_citations_are_numbered_as_in_the_answer_text():
    result = AnswerResult(
        question="q", answered=True, answer="[1] ... [2] ...", mode="extractive",
        sources=[source(1), source(2)], notice="n",
    )  # fmt: skip
    got = to_knowledge_answer(result)
    assert got.answered and got.notice == "n"
    assert [(c.n, c.id, c.title, c.provenance) for c in got.citations] == [
        (1, "doc-1.en", "Title 1", "printed"),
        (2, "doc-2.en", "Title 2", "printed"),
    ]
    assert got.citations[0].source == "knowledge/docs/en/support.md"


@dataclass
class FakeServices:
    built: int = 0
    retriever: object = field(default_factory=object)

    def ensure_built(self, progress=None) -> None:
        self.built += 1


@pytest.mark.parametrize("filtered_answers", [True, False])
def test_explain_prefers_passages_about_the_element_then_falls_back(monkeypatch, filtered_answers):
    calls = []

    def fake_answer(question, retriever, lang=None, k=4, chat_model=None, filters=None):
        calls.append(filters.element_id if filters else None)
        answered = filters is None or filtered_answers
        return AnswerResult(
            question=question, answered=answered, answer="a", mode="extractive",
            sources=[source(1)] if answered else [],
        )  # fmt: skip

    monkeypatch.setattr(kb_answer, "answer", fake_answer)
    services = FakeServices()
    answerer = KnowledgeAnswerer(services=services)  # type: ignore[arg-type]
    got = answerer.ask("What is an urban OS?", "en", "E15")
    assert got.answered and got.citations[0].n == 1
    assert calls == (["E15"] if filtered_answers else ["E15", None])
    answerer.ask("Does JICA fund testbeds?", "en")
    assert calls[-1] is None and services.built == 2


def test_needs_settings_or_services():
    with pytest.raises(ValueError):
        KnowledgeAnswerer()
