"""The engine's position in one interview, and the types a front end receives.

``EngineState`` is everything the engine needs besides the confirmed answers (which live in the
store): it is saved after every turn, in the same commit as that turn's answer and messages
(``SessionStore.commit_turn``), so a new process can pick up exactly where the last one stopped.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, Field, model_validator

from assistant.models import CityProfile, Lang
from assistant.ports import Citation
from assistant.scoring.result import Assessment

# Where the interview stands. "confirm" is not a stored phase any more (version 2): an element
# with a proposal is the confirm step. Replies still say "confirm" for it (the front ends' contract).
StatePhase = Literal["intake", "element", "readback", "done"]
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
INTAKE_FIELDS: tuple[IntakeField, ...] = get_args(IntakeField)  # one list: the Literal's
STATE_VERSION = 2


class Candidate(BaseModel):
    """One of two levels the interpreter could not tell apart, with its full rubric text."""

    level: int = Field(ge=0, le=4)
    rubric: str = ""


class Proposal(BaseModel):
    """A level proposed for the current element, waiting for the person's confirmation.

    ``candidates`` is empty when the interpreter is sure (one primary confirm); otherwise it
    holds the two levels it could not separate, shown side by side as equal choices."""

    level: int = Field(ge=0, le=4)
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: str = ""
    rubric: str = ""
    notice: str | None = None
    source: Literal["offline", "llm", "person", "document", "earlier"] = "offline"
    confidence_label: Literal["high", "medium", "low"] = "low"
    candidates: list[Candidate] = Field(default_factory=list)
    # source "document": where the quote (``evidence``) is, "plan.pdf, p. 12"; source "earlier":
    # the element whose answer said it (one answer that spoke of several elements)
    origin: str = ""

    @property
    def unsure(self) -> bool:
        return len(self.candidates) >= 2


class DocumentPassage(BaseModel):
    """One document's reading of an element the documents disagree on: the level it reads and
    the quote it rests on. Two are shown side by side with the question; neither is taken."""

    level: int = Field(ge=0, le=4)
    quote: str
    document: str
    page: int | None = None  # PDF page, 1-based
    section: str | None = None  # the heading above the quote (Markdown, Word)


class Separation(BaseModel):
    """A question asked instead of a proposal: it tells ``levels`` apart (framework data).
    ``levels`` are most likely first; they are shown lower first, as equal choices."""

    levels: list[int] = Field(min_length=2, max_length=2)
    question: str
    evidence: str = ""  # the phrase of the first answer that pointed at the two levels


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
    phase: StatePhase = "intake"
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
    separating: Separation | None = None  # a separating question waits for its reply
    # "don't know" said in words (typed, or read from an answer): proposed, saved only when
    # the person confirms it (the "Don't know" button is itself the confirmation)
    unknown_proposed: bool = False
    # Drafts read from the city's documents (issue 14), offered when their element comes;
    # never answers: nothing from a document is saved until the person confirms it.
    drafts: dict[str, Proposal] = Field(default_factory=dict)
    reviewed: bool = False  # the list of sure drafts was offered and acted on (prefill/review.py)
    # Elements the documents disagree on: the two readings furthest apart, shown with the
    # question asked in full (no level proposed) while the element is unanswered.
    disputed: dict[str, list[DocumentPassage]] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _migrate(cls, data: Any) -> Any:
        """Version 1 stored the confirm step as phase "confirm": it is an element with a
        proposal now (the proposal is already in the state)."""
        if isinstance(data, dict) and int(data.get("version", 1)) < 2:
            data = dict(data)
            if data.get("phase") == "confirm":
                data["phase"] = "element"
            data["version"] = STATE_VERSION
        return data

    @property
    def reply_phase(self) -> Phase:
        """The phase front ends see: an element with a proposal is "confirm"."""
        if self.phase == "element" and self.proposal is not None:
            return "confirm"
        return self.phase


# --- what front ends receive --------------------------------------------------------------


class Message(BaseModel):
    """One message. ``text`` is complete on its own (the CLI prints it); a message that asks the
    person to confirm a proposal also carries it, with the question's ``heading`` (the text's
    first line), so a graphical front end can lay the proposal out as a card; one asking about
    an element the documents disagree on carries the two ``passages`` and the ``question``."""

    role: Literal["assistant", "user", "system"] = "assistant"
    text: str
    citations: list[Citation] = Field(default_factory=list)
    heading: str = ""
    proposal: Proposal | None = None
    # where the documents disagree: the two passages, and the question asked under them
    passages: list[DocumentPassage] = Field(default_factory=list)
    question: str = ""
    # a separating question (``question``): the two levels it tells apart, lower first, each
    # with its full text (a graphical front end shows them once, as the two equal choices)
    candidates: list[Candidate] = Field(default_factory=list)


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
    """A quick reply; ``candidate`` marks one of two equal choices shown side by side."""

    label: str
    action: Action
    candidate: bool = False


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
