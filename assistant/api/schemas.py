"""Request and response bodies of the HTTP API (the OpenAPI document is generated from them).

Replies are the engine's own ``Reply`` (what the web app renders); assessments and answers are
the ``score --json`` and ``ask --json`` models, so the formats stay one contract everywhere.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.interview.state import Action, IntakeField, Phase, Progress, Reply
from assistant.models import CityProfile, Lang

MAX_TEXT_CHARS = 20_000  # the store's cap on one turn
MAX_QUESTION_CHARS = 4_000


class StartRequest(BaseModel):
    """A new interview; with a profile (e.g. from a portal's form) the intake is skipped."""

    model_config = ConfigDict(extra="forbid")

    lang: Lang = "en"
    profile: CityProfile | None = None


class SessionStarted(BaseModel):
    code: str = Field(
        description="The session code: keep it to continue; send it back in "
        "`Authorization: Session <code>`."
    )
    reply: Reply


class TurnRequest(BaseModel):
    """Exactly one of ``text`` (typed by the person) or ``choice`` (the ``action`` of one of the
    last reply's ``choices``, sent back as it came)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, min_length=1, max_length=MAX_TEXT_CHARS)
    choice: Action | None = None

    @model_validator(mode="after")
    def _one_of(self) -> TurnRequest:
        if (self.text is None) == (self.choice is None):
            raise ValueError("send exactly one of text or choice")
        if self.text is not None and not self.text.strip():
            raise ValueError("text is blank")
        return self


class TurnResult(BaseModel):
    reply: Reply


class Position(BaseModel):
    """Where the interview stands (the same position any replica continues from)."""

    lang: Lang
    phase: Phase
    intake_field: IntakeField | None = None
    element: str | None = None


class AnswerView(BaseModel):
    level: int | None
    evidence: str
    text: str
    confirmed_at: datetime


class SessionView(BaseModel):
    position: Position
    profile: CityProfile | None
    answers: dict[str, AnswerView]
    progress: Progress
    created_at: datetime
    updated_at: datetime


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS)
    lang: Lang | None = Field(default=None, description="Answer language; default: the question's.")
    k: int = Field(default=4, ge=1, le=10, description="Passages to quote.")

    @model_validator(mode="after")
    def _not_blank(self) -> AskRequest:
        if not self.question.strip():
            raise ValueError("the question is empty")
        return self


class Health(BaseModel):
    status: Literal["ok"] = "ok"


ReportFormat = Literal["md", "html", "pdf"]
