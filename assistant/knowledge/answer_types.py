"""The answer contract (`assistant ask --json`): the composed text and the sources it cites.

Kept apart from the answerer so the offline composer and the chat-model path share one shape.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class SourceRef(BaseModel):
    """One cited source, numbered by its position in ``sources`` (1-based)."""

    id: str
    title: str
    text: str
    lang: str
    element_ids: list[str]
    cooperation_ids: list[str]
    score: float
    provenance: str
    source: str  # the document's name, never a filesystem path
    section: str = ""
    added_by: str = ""


class AnswerResult(BaseModel):
    """The answer contract (`assistant ask --json`): ``answer`` is the composed text, citing
    ``sources`` by [n]; ``reason`` says why a question was not answered."""

    question: str
    answered: bool
    answer: str
    mode: Literal["extractive", "llm"]
    sources: list[SourceRef] = Field(default_factory=list)
    notice: str | None = None
    reason: Literal["off_topic", "not_in_sources"] | None = None
    kind: str | None = None  # which composer answered (help, difference, start, …)
    # answered, but one part asked a specific the sources do not give (amount, deadline, …): the
    # answer says so in its last sentence
    missing: str | None = None
