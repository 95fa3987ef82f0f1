"""The engine's position in one interview, and the types a front end receives.

``EngineState`` is everything the engine needs besides the confirmed answers (which live in the
store): it is saved after every turn, in the same commit as that turn's answer and messages
(``SessionStore.commit_turn``), so a new process can pick up exactly where the last one stopped.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.models import CityProfile, Lang
from assistant.ports import Citation
from assistant.scoring.result import Assessment

Phase = Literal["intake", "element", "confirm", "readback", "done"]
IntakeField = Literal[
    "name",
    "country",
    "city_type",
    "lead_actor",
    "population",
    "focus_sectors",
    "focus_areas",
    "language",
]
INTAKE_FIELDS: tuple[IntakeField, ...] = (
    "name",
    "country",
    "city_type",
    "lead_actor",
    "population",
    "focus_sectors",
    "focus_areas",
    "language",
)
STATE_VERSION = 1


class Proposal(BaseModel):
    """A level proposed for the current element, waiting for the person's confirmation."""

    level: int = Field(ge=0, le=4)
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: str = ""
    rubric: str = ""
    notice: str | None = None
    source: Literal["offline", "llm", "person"] = "offline"


class PendingAnswer(BaseModel):
    """A confirmed answer carried in the state. Only states written by the first engine version
    (which saved state and answer in two commits) hold one; the next turn commits it."""

    element: str
    level: int | None = Field(default=None, ge=0, le=4)
    evidence: str = ""
    text: str = ""


class EngineState(BaseModel):
    version: int = STATE_VERSION
    lang: Lang = "en"
    phase: Phase = "intake"
    intake_field: IntakeField | None = "name"
    intake: dict[str, object] = Field(default_factory=dict)
    element: str | None = None
    draft: str = ""  # the person's words for the current element so far
    proposal: Proposal | None = None
    thin: int = 0  # answers in a row that could not be placed
    levels_offered: bool = False
    return_to: str | None = None  # after a change: an element id or "readback"
    pending: PendingAnswer | None = None
    turn: int = 0


# --- what front ends receive --------------------------------------------------------------


class Message(BaseModel):
    """One message. ``text`` is complete on its own (the CLI prints it); a message that asks the
    person to confirm a proposal also carries it, with the question's ``heading`` (the text's
    first line), so a graphical front end can lay the proposal out as a card."""

    role: Literal["assistant", "user", "system"] = "assistant"
    text: str
    citations: list[Citation] = Field(default_factory=list)
    heading: str = ""
    proposal: Proposal | None = None


ActionKind = Literal[
    "confirm",
    "level",
    "unknown",
    "explain",
    "back",
    "change",
    "domain",
    "finish",
    "pause",
    "progress",
    "say",
]


class Action(BaseModel):
    """A quick-reply button: ``level`` for "level", ``element`` for "change", ``domain`` for
    "domain", ``text`` for "say" (e.g. an intake choice, sent as if typed)."""

    kind: ActionKind
    level: int | None = Field(default=None, ge=0, le=4)
    element: str | None = None
    domain: str | None = None
    text: str | None = None


class Choice(BaseModel):
    label: str
    action: Action


class ElementStatus(BaseModel):
    id: str
    domain: str
    name: str
    answered: bool
    level: int | None = None


class DomainProgress(BaseModel):
    id: str
    name: str
    done: int
    total: int


class Progress(BaseModel):
    done: int
    total: int
    domains: list[DomainProgress]
    elements: list[ElementStatus]


class Reply(BaseModel):
    """Everything a front end needs to render one turn."""

    code: str
    lang: Lang
    messages: list[Message]
    phase: Phase
    intake_field: IntakeField | None = None
    element: str | None = None
    proposal: Proposal | None = None
    choices: list[Choice] = Field(default_factory=list)
    progress: Progress
    saved: bool = False  # an answer was committed to the store during this turn
    saved_element: str | None = None
    paused: bool = False
    profile: CityProfile | None = None
    assessment: Assessment | None = None
