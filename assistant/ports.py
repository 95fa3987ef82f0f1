"""The seams between the interview engine and its collaborators.

The engine receives an interpreter, a session store and (optionally) a knowledge answerer as
arguments and talks to them only through these protocols, so the web app, the CLI and the tests
can pass real ones or small fakes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Literal, Protocol

from pydantic import BaseModel, Field

from assistant.models import AnswersFile, CityProfile, Element, Lang


class Interpretation(BaseModel):
    """A proposed level for one free-text answer, with the words that justified it."""

    element: str
    level: int | None = Field(default=None, ge=0, le=4)  # None: could not place it / unknown
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: str = ""  # the phrase of the answer that drove the level
    follow_up: str | None = None  # a clarifying question when confidence is low
    unknown: bool = False  # the person said they don't know
    source: Literal["offline", "llm"] = "offline"
    notice: str | None = None  # e.g. "the language model failed; used the offline interpreter"
    # Calibrated label: "high" only where measured precision of "high" is >= 90 % (evals).
    confidence_label: Literal["high", "medium", "low"] = "low"
    # Other candidate levels, most likely first; empty when the interpreter is sure.
    alternatives: list[int] = Field(default_factory=list)
    # The short question that separates ``level`` from ``alternatives[0]`` (rubric pair data).
    question: str | None = None
    # Why no level: the answer's facts are all someone else's ("others": another city, the
    # nation, a company) or it holds only views ("opinion"); the reply says so and asks again.
    reason: Literal["others", "opinion"] | None = None


class Interpreter(Protocol):
    def interpret(self, element: Element, text: str, lang: Lang) -> Interpretation: ...


class Turn(BaseModel):
    role: Literal["assistant", "user", "system"]
    text: str
    at: datetime


class StoredAnswer(BaseModel):
    level: int | None = Field(default=None, ge=0, le=4)
    evidence: str = ""
    text: str = ""  # what the person actually typed
    confirmed_at: datetime


class StoredSession(BaseModel):
    code: str
    profile: CityProfile | None
    lang: Lang
    state: dict[str, object] = Field(default_factory=dict)  # the engine's position, opaque here
    answers: dict[str, StoredAnswer] = Field(default_factory=dict)
    created_at: datetime
    updated_at: datetime


class ConcurrentTurnError(RuntimeError):
    """The session's position moved on (another process committed a turn) since it was read."""

    def __init__(self) -> None:
        super().__init__("the session changed since it was read: read it again and retry")


class SessionStore(Protocol):
    """Durable sessions. Every write is committed before the method returns."""

    def create(self, lang: Lang) -> str:
        """A new session; returns its code (at least 128 bits of randomness)."""
        ...

    def load(self, code: str) -> StoredSession | None:
        """The session, or None for a wrong code (which reveals nothing else)."""
        ...

    def save_profile(self, code: str, profile: CityProfile) -> None: ...

    def save_answer(self, code: str, element_id: str, answer: StoredAnswer) -> None: ...

    def delete_answer(self, code: str, element_id: str) -> None: ...

    def save_state(self, code: str, state: dict[str, object]) -> None: ...

    def add_turn(self, code: str, turn: Turn) -> None: ...

    def commit_turn(
        self,
        code: str,
        *,
        state: dict[str, object] | None = None,
        turns: Sequence[Turn] = (),
        answers: Mapping[str, StoredAnswer] | None = None,
        delete_answers: Sequence[str] = (),
        profile: CityProfile | None = None,
        expect_turn: int | None = None,
    ) -> None:
        """All that one interview turn changes, in ONE transaction: everything or nothing.

        With ``expect_turn``, the commit is refused with ``ConcurrentTurnError`` unless the
        stored state's ``turn`` still equals it (checked under the row's write lock).

        The engine calls it once per turn, so a confirmed answer and the position that moved
        past it are committed together (and the reply says "saved" only after it returns).
        """
        ...

    def turns(self, code: str) -> list[Turn]: ...

    def export(self, code: str) -> AnswersFile | None: ...

    def import_answers(self, answers: AnswersFile) -> str:
        """A new session holding these answers (all confirmed); returns its code."""
        ...


class Citation(BaseModel):
    n: int
    id: str
    title: str
    text: str
    source: str = ""
    provenance: str = ""


class KnowledgeAnswer(BaseModel):
    answered: bool
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    notice: str | None = None


class Answerer(Protocol):
    """Answers side questions and "what does this mean?" from the knowledge base."""

    def ask(self, question: str, lang: Lang, element_id: str | None = None) -> KnowledgeAnswer: ...
