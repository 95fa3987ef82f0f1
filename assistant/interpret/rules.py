"""The hand-set combination of cue votes and rubric similarity (the learned model's baseline).

Kept so that the learned combiner is always measured against it (``model=None`` in
``OfflineInterpreter``) and because two of its ideas (prefer a well-supported higher level;
distant levels count against confidence) explain the signals the model reads.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from assistant.interpret.analysis import Analysis, softmax
from assistant.interpret.signals import LEVELS

if TYPE_CHECKING:
    from assistant.interpret.offline import Calibration


def support_confidence(scores: np.ndarray, level: int, scale: float) -> float:
    """How sure: grows with the support for the level, shrinks with support for distant levels.

    Neighbouring levels do not count against it (a level-2 answer often mentions a plan), but
    support two or more levels away does ("there is nothing" next to "it is evaluated yearly").
    """
    support = max(0.0, float(scores[level]))
    far = max([0.0] + [float(scores[lv]) for lv in range(LEVELS) if abs(lv - level) >= 2])
    strength = 1.0 - math.exp(-support / scale)
    conflict = far / (support + far) if support + far > 0 else 1.0
    return strength * (1.0 - 0.5 * conflict)


def choose_level(scores: np.ndarray, share: float, floor: float) -> int:
    """The highest level with enough support, else the best supported one.

    Answers tell a story upwards ("we talked about it for years, piloted it in 2021, and it now
    runs in every department"), and a level-4 answer always mentions level-3 facts: so a higher
    level with a fair share of the support is preferred to a lower one with a little more.
    """
    top = float(scores.max())
    bar = max(share * top, floor)
    candidates = [lv for lv in range(LEVELS) if scores[lv] >= bar]
    if candidates:
        return max(candidates)
    return max(range(LEVELS), key=lambda lv: (round(float(scores[lv]), 9), lv))


def rule_decision(analysis: Analysis, cal: Calibration) -> tuple[int, float]:
    """The hand-set combination: votes plus rubric similarity, confidence from support.

    Kept as the baseline the learned model is measured against, and as two of its features.
    """
    scores = analysis.votes + cal.embedding_weight * softmax(
        analysis.per_level, cal.embedding_temperature
    )
    level = choose_level(scores, cal.higher_share, cal.higher_floor)
    confidence = support_confidence(scores, level, cal.support_scale)
    span = cal.relevance_full - cal.relevance_floor
    relevance = (
        1.0
        if analysis.keyword
        else min(1.0, max(0.0, (analysis.topic - cal.relevance_floor) / span))
    )
    if analysis.hits:  # officials rarely repeat the topic: "No, not yet." is a clear answer
        base = cal.short_relevance_base if analysis.short else cal.cue_relevance_base
        confidence *= base + (1 - base) * relevance
    else:
        confidence *= relevance * cal.no_cue_factor
    if analysis.hedged:
        confidence *= cal.hedge_factor
    return level, round(min(1.0, max(0.0, confidence)), 3)
