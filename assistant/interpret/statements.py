"""Which statements of an answer matter: per-statement relevance to the element's rubric.

A long answer holds the facts that place it in one or two sentences among others about the town,
the weather or the speaker's week ("we are a small farming town… the office was half empty… all
digital services are made by the city or its contractor"). The cue words of an irrelevant
sentence ("only three lawyers", 「1人いるだけ」) then vote as loudly as the ones that matter.
Here every statement is weighed by how close it comes to the element's rubric and topic texts,
and the answer is read again through those weights: the level its relevant statements are
closest to, the cue votes of its relevant statements, and whether the most relevant statements
say the element's thing is there or missing ("the signage and a meter pilot are all that runs;
there is no overall concept" is an answer about a missing concept, level 0). These become
features of the learned combiner (``model.features``); nothing is decided here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from assistant.interpret.clauses import (
    EN_NEGATED_CLAUSE,
    JA_NEGATED_CLAUSE,
    LevelWords,
    clause_spans,
    ja_runs,
    terms,
)
from assistant.interpret.relevance import present_statements
from assistant.interpret.signals import LEVELS, Hit, Span, cue_scores
from assistant.models import Lang

RELEVANCE_TEMPERATURE = 0.05  # cosine differences between a relevant and a chatty statement
LEVEL_TEMPERATURE = 0.03  # as for the whole answer's rubric similarity


def softmax(values: np.ndarray, temperature: float) -> np.ndarray:
    """Softmax of ``values / temperature`` (as ``analysis.softmax``, which imports this module)."""
    z = (values - values.max()) / temperature
    e = np.exp(z)
    return e / e.sum()


@dataclass(frozen=True)
class Statements:
    """The answer read through its statements' relevance (all zeros for one statement)."""

    level_mix: np.ndarray  # per level: relevance-weighted mean of each statement's level softmax
    relevant_votes: np.ndarray  # per level: cue votes, each hit weighed by its statement
    focus: float  # weight of the most relevant statement (1: one statement carries the answer)
    present_share: float  # weight of the statements that say something is there now
    absent_share: float  # weight of the statements that say something is missing
    absent_fit: float  # best rubric similarity of a statement saying something is missing

    @classmethod
    def empty(cls) -> Statements:
        z = np.zeros(LEVELS)
        return cls(z, z, 0.0, 0.0, 0.0, 0.0)


def absent_statements(spans: list[Span], hits: list[Hit], lang: Lang) -> set[int]:
    """Statements that say something is missing: an absence cue said of now, a negated level
    cue (not a denied limit: "not only" is more, not less), or a negated clause without cues."""
    out = {
        h.segment
        for h in hits
        if not h.past
        and not h.intent
        and ((h.level == 0 and not h.negated) or (h.negated and h.level >= 1 and not h.scope))
    }
    negated = JA_NEGATED_CLAUSE if lang == "ja" else EN_NEGATED_CLAUSE
    with_cues = {h.segment for h in hits}
    out |= {i for i, s in enumerate(spans) if i not in with_cues and negated.search(s.text)}
    return out


def read_statements(
    spans: list[Span],
    hits: list[Hit],
    answer: str,
    text: str,
    level_sims: np.ndarray,
    topic_sims: np.ndarray,
    lang: Lang,
) -> Statements:
    """Weigh each statement by its best similarity to the element's rubric or topic texts.

    ``level_sims`` (best cosine to each level's texts) and ``topic_sims`` hold one row for the
    whole answer, then one per statement that differs from it, when the statements were embedded one by one (else: only the first row,
    and the answer is one statement as far as this reading goes).
    """
    rows = [i for i, s in enumerate(spans) if s.text != answer]
    if len(rows) < 2 or level_sims.shape[0] != 1 + len(rows):
        return Statements.empty()
    part = level_sims[1:]
    relevance = np.maximum(part.max(axis=1), topic_sims[1:].max(axis=1))
    alive = relevance > 0  # a statement wholly about something that stopped was zeroed
    if not alive.any():
        return Statements.empty()
    weights = np.where(alive, softmax(np.where(alive, relevance, -1.0), RELEVANCE_TEMPERATURE), 0)
    weights = weights / weights.sum()
    by_span = dict(zip(rows, weights, strict=True))
    mix = np.zeros(LEVELS)
    for r, w in enumerate(weights):
        if w > 0:
            mix += w * softmax(part[r], LEVEL_TEMPERATURE)
    top = float(weights.max())
    reweighed = [replace(h, weight=h.weight * by_span.get(h.segment, top) / top) for h in hits]
    present = present_statements(spans, hits, lang)
    absent = absent_statements(spans, hits, lang)  # a statement may say both
    fits = [float(part[r].max()) for r, i in enumerate(rows) if i in absent]
    return Statements(
        level_mix=mix,
        relevant_votes=np.asarray(cue_scores(reweighed, text), dtype=np.float64),
        focus=top,
        present_share=float(sum(w for i, w in by_span.items() if i in present)),
        absent_share=float(sum(w for i, w in by_span.items() if i in absent)),
        absent_fit=max(fits) if fits else 0.0,
    )


def missing_overlap(
    text: str, lang: Lang, words: LevelWords, past: list[tuple[int, int]] | None = None
) -> np.ndarray:
    """Per level: how many of that level's own rubric words the answer's negated clauses use.

    Level 0 texts are often written as what is missing (「全体像がない」, "no link between the
    projects"): a negated clause in those words describes level 0 itself, while "no" before a
    higher level's words ("no evaluation yet") only caps what exists. ``clauses.level_overlap``
    counts the clauses that are not negated; this counts the others.
    """
    negated = JA_NEGATED_CLAUSE if lang == "ja" else EN_NEGATED_CLAUSE
    found: list[set[str]] = [set() for _ in range(LEVELS)]
    for a, b in clause_spans(text):
        clause = text[a:b]
        if not negated.search(clause) or any(p <= a and b <= q + 1 for p, q in past or []):
            continue
        for lv in range(LEVELS):
            if lang == "ja":
                found[lv] |= ja_runs(clause, words.words[lv])
            else:
                found[lv] |= terms(clause, lang) & words.words[lv]
    return np.log1p(np.asarray([len(f) for f in found], dtype=np.float64))
