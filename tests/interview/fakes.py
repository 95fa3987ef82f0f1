"""Small stand-ins for the engine's collaborators: an in-memory store, a keyword interpreter and a
canned knowledge answerer. They follow `assistant.ports` exactly, so the engine tests do not
depend on SQL, models or the knowledge base."""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from assistant.models import Answer, AnswersFile, CityProfile, Element, Lang
from assistant.ports import (
    Citation,
    Interpretation,
    KnowledgeAnswer,
    StoredAnswer,
    StoredSession,
    Turn,
)


def now() -> datetime:
    return datetime(2025, 1, 1, tzinfo=UTC)


@dataclass
class Commit:
    """What one `commit_turn` wrote (every write goes through it)."""

    state: dict[str, object] | None
    turns: list[Turn]
    answers: dict[str, StoredAnswer]
    deleted: list[str]
    profile: CityProfile | None


class MemoryStore:
    """A SessionStore in a dict; ``commits`` lists every transaction so tests can check them."""

    def __init__(self) -> None:
        self.sessions: dict[str, StoredSession] = {}
        self.turn_log: dict[str, list[Turn]] = {}
        self.commits: list[Commit] = []

    def seed(self, session: StoredSession) -> None:
        self.sessions[session.code] = session.model_copy(deep=True)
        self.turn_log.setdefault(session.code, [])

    def create(self, lang: Lang) -> str:
        code = secrets.token_urlsafe(16)
        self.sessions[code] = StoredSession(
            code=code, profile=None, lang=lang, created_at=now(), updated_at=now()
        )
        self.turn_log[code] = []
        return code

    def load(self, code: str) -> StoredSession | None:
        s = self.sessions.get(code)
        return s.model_copy(deep=True) if s else None

    def save_profile(self, code: str, profile: CityProfile) -> None:
        self.commit_turn(code, profile=profile)

    def save_answer(self, code: str, element_id: str, answer: StoredAnswer) -> None:
        self.commit_turn(code, answers={element_id: answer})

    def delete_answer(self, code: str, element_id: str) -> None:
        self.commit_turn(code, delete_answers=[element_id])

    def save_state(self, code: str, state: dict[str, object]) -> None:
        self.commit_turn(code, state=state)

    def add_turn(self, code: str, turn: Turn) -> None:
        self.commit_turn(code, turns=[turn])

    def commit_turn(
        self,
        code: str,
        *,
        state: dict[str, object] | None = None,
        turns: Sequence[Turn] = (),
        answers: Mapping[str, StoredAnswer] | None = None,
        delete_answers: Sequence[str] = (),
        profile: CityProfile | None = None,
    ) -> None:
        """All parts applied together (a copy swapped in), and one entry in ``commits``."""
        session = self.sessions[code].model_copy(deep=True)
        if profile is not None:
            session.profile = profile
        if state is not None:
            session.state = dict(state)
        for element_id in delete_answers:
            session.answers.pop(element_id, None)
        session.answers.update(answers or {})
        self.commits.append(
            Commit(
                state=dict(state) if state is not None else None,
                turns=list(turns),
                answers=dict(answers or {}),
                deleted=list(delete_answers),
                profile=profile,
            )
        )
        self.sessions[code] = session
        self.turn_log[code].extend(turns)

    def turns(self, code: str) -> list[Turn]:
        return list(self.turn_log.get(code, []))

    def export(self, code: str) -> AnswersFile | None:
        s = self.sessions.get(code)
        if s is None or s.profile is None:
            return None
        return AnswersFile(
            city=s.profile,
            answers={
                k: Answer(level=a.level, evidence=a.text or a.evidence)
                for k, a in s.answers.items()
            },
        )

    def import_answers(self, answers: AnswersFile) -> str:
        code = self.create(answers.city.language)
        self.sessions[code].profile = answers.city
        for k, a in answers.answers.items():
            self.sessions[code].answers[k] = StoredAnswer(
                level=a.level, evidence=a.evidence, text=a.evidence, confirmed_at=now()
            )
        return code


CUES: dict[int, tuple[str, ...]] = {
    4: ("fully", "every department", "continuously", "全庁", "完全に"),
    3: ("adopted", "operating", "in place", "運用", "採択"),
    2: ("draft", "pilot", "partly", "草案", "実証"),
    1: ("planning", "discussing", "recognised", "検討", "計画中"),
    0: ("nothing", "no plan", "none at all", "何もない", "ない状態"),
}
DONT_KNOW = ("don't know", "no idea", "わかりません")


class KeywordInterpreter:
    """Level from the first cue word found (highest level first); nothing found → no level."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def interpret(self, element: Element, text: str, lang: Lang) -> Interpretation:
        self.calls.append((element.id, text))
        low = text.lower()
        if any(w in low for w in DONT_KNOW):
            return Interpretation(element=element.id, confidence=0.9, unknown=True)
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
