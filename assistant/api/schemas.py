"""Request and response bodies of the HTTP API (the OpenAPI document is generated from them).

Replies are the engine's own ``Reply`` (what the web app renders); assessments and answers are
the ``score --json`` and ``ask --json`` models, so the formats stay one contract everywhere.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.interview.state import Action, IntakeField, Phase, Progress, Reply
from assistant.limits import MAX_QUESTION, MAX_TURN_CHARS
from assistant.models import DOMAIN_IDS, ELEMENT_IDS, CityProfile, Lang

MAX_TEXT_CHARS = MAX_TURN_CHARS  # the store's cap on one turn
MAX_QUESTION_CHARS = MAX_QUESTION


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


class TextTurn(BaseModel):
    """A message typed by the person."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, pattern=r"\S")


class ChoiceTurn(BaseModel):
    """One of the last reply's ``choices``: its ``action``, sent back as it came."""

    model_config = ConfigDict(extra="forbid")

    choice: Action

    @model_validator(mode="after")
    def _complete(self) -> ChoiceTurn:
        action = self.choice
        if action.kind == "level" and action.level is None:
            raise ValueError("a level choice needs a level (0-4)")
        if action.kind == "change" and action.element not in ELEMENT_IDS:
            raise ValueError("a change choice needs an element id (E01 to E21)")
        if action.kind == "domain" and action.domain not in DOMAIN_IDS:
            raise ValueError(f"a domain choice needs a domain id ({', '.join(DOMAIN_IDS)})")
        if action.text is not None and len(action.text) > MAX_TEXT_CHARS:
            raise ValueError(f"choice text is over {MAX_TEXT_CHARS} characters")
        return self


TurnRequest = TextTurn | ChoiceTurn


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
