"""Small stand-ins for the engine's model-backed collaborators: a keyword interpreter and a canned
knowledge answerer. They follow `assistant.ports` exactly, so the engine tests do not depend on
models or the knowledge base (the session store is the real one: see `tests.interview.stores`)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from assistant.models import Element, Lang
from assistant.ports import (
    Citation,
    Interpretation,
    KnowledgeAnswer,
)


def now() -> datetime:
    return datetime(2025, 1, 1, tzinfo=UTC)


CUES: dict[int, tuple[str, ...]] = {
    4: ("fully", "every department", "continuously", "全庁", "完全に"),
    3: ("adopted", "operating", "in place", "運用", "採択"),
    2: ("draft", "pilot", "partly", "草案", "実証"),
    1: ("planning", "discussing", "recognised", "検討", "計画中"),
    0: ("nothing", "no plan", "none at all", "何もない", "ない状態"),
}
DONT_KNOW = ("don't know", "no idea", "わかりません")
# no level, and why (``Interpretation.reason``): someone else's facts, or only a view
NO_BASIS = {"others": ("in another city", "隣の市では"), "opinion": ("i think it matters", "大事だと思います")}


class KeywordInterpreter:
    """Level from the first cue word found (highest level first); nothing found → no level."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def interpret(self, element: Element, text: str, lang: Lang) -> Interpretation:
        self.calls.append((element.id, text))
        low = text.lower()
        if any(w in low for w in DONT_KNOW):
            return Interpretation(element=element.id, confidence=0.9, unknown=True)
        for reason, words in NO_BASIS.items():
            if any(w in low for w in words):
                return Interpretation(element=element.id, confidence=0.8, reason=reason)  # type: ignore[arg-type]
        for level in (4, 3, 2, 1, 0):
            for cue in CUES[level]:
                if cue in low:
                    sentence = next(
                        s.strip() for s in re.split(r"(?<=[.!?。])\s*", text) if cue in s.lower()
                    )
                    return Interpretation(
                        element=element.id, level=level, confidence=0.8, evidence=sentence
                    )
        return Interpretation(element=element.id, confidence=0.1)


class CannedAnswerer:
    """Answers any question with one cited passage; records what it was asked."""

    def __init__(self, answered: bool = True) -> None:
        self.answered = answered
        self.asked: list[tuple[str, str, str | None]] = []

    def ask(self, question: str, lang: Lang, element_id: str | None = None) -> KnowledgeAnswer:
        self.asked.append((question, lang, element_id))
        if not self.answered:
            return KnowledgeAnswer(answered=False, answer="Not covered by the knowledge base.")
        return KnowledgeAnswer(
            answered=True,
            answer="JICA supports pilots [1].",
            citations=[
                Citation(
                    n=1, id="guide-3.en", title="Cooperation menu", text="JICA supports pilots."
                )
            ],
        )
