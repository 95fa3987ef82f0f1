"""The assessment: what scoring returns. Plain data, serialised as the `assistant score --json`
contract (scoring_version, stage, domains, elements, priorities, approach, cooperation,
explanation)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from assistant.models import CoopLevel, DomainId, ScaleUpId

StageResult = Literal["small_start", "accelerate", "sustainable_growth", "insufficient_data"]


class Cited(BaseModel):
    """An answer a conclusion rests on: the element and its level (None = unknown)."""

    element: str
    level: int | None


class Explanation(BaseModel):
    """One conclusion, the rule that produced it, and the answers it used."""

    topic: str
    conclusion: str
    rule: str
    answers: list[Cited]


class ElementResult(BaseModel):
    id: str
    domain: DomainId
    level: int | None
    evidence: str


class DomainResult(BaseModel):
    score: float | None
    answered: int
    total: int


class Priority(BaseModel):
    element: str
    level: int
    reason: str


class Approach(BaseModel):
    scale_up: Literal["area", "sector", "combined"]
    scale_up_because: str
    direction: list[str]
    stage_approach: list[str]
    priorities: list[Priority]
    priority_rule: str


class CooperationMatch(BaseModel):
    id: str
    level: CoopLevel
    type: str
    text: str
    because: list[str]
    relevance: int
    why: str


class Assessment(BaseModel):
    scoring_version: str
    lang: Literal["en", "ja"]
    stage: StageResult
    overall: float | None
    answered: int
    total: int
    domains: dict[DomainId, DomainResult]
    elements: dict[str, ElementResult]
    unknown: list[str]
    priorities: list[Priority]
    approach: Approach
    cooperation: list[CooperationMatch]
    explanation: list[Explanation]
    scale_up_options: list[ScaleUpId] = ["area", "sector"]
    # Added: the elements with no answer in the file (not yet asked); the rest of ``unknown``
    # were answered "don't know". ``answered`` counts known levels, as before.
    not_answered: list[str] = []
