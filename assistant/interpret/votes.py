"""Adjustments of the cue votes that single cues miss: what exists decides and what is missing
only caps it ("X exists but no Y"), a plan beside what runs is read by what runs, a plan beside
an absence is level 1, and measuring-then-acting is level 4.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from assistant.interpret.clauses import Clauses
from assistant.interpret.cues import EN_IMPROVED, EN_MEASURED, JA_IMPROVED, JA_MEASURED
from assistant.interpret.signals import Hit
from assistant.models import Lang

if TYPE_CHECKING:
    from assistant.interpret.offline import Calibration

ABSENCE_TO_PART = 0.7
PLAN_ON_TOP_FLOOR = 0.5
PLAN_ON_TOP_FACTOR = 0.4
STOPPED_NOTHING_VOTE = 1.0


def closes_loop(text: str, hits: list[Hit], lang: Lang) -> bool:
    """Results are measured and then acted on, said of the present (not as a plan)."""
    measured, improved = (JA_MEASURED, JA_IMPROVED) if lang == "ja" else (EN_MEASURED, EN_IMPROVED)
    if any(h.intent or h.negated for h in hits if h.level == 4):
        return False
    return bool(measured.search(text)) and bool(improved.search(text))


def cap_absence(votes: np.ndarray, clauses: Clauses) -> np.ndarray:
    """ "X exists, but there is no Y": what exists decides, what is missing only caps it; a
    plan beside something running is read by what runs; what stopped, with nothing said to run
    now, is level 0.

    The "no"/"nothing" of the missing part votes for level 0; beside a statement that something
    is in place now (and nothing stopped) most of that vote goes to "in part" (level 2) instead.
    """
    out = votes.copy()
    if clauses.stopped_now_absent and out.max() <= 0:
        out[0] = STOPPED_NOTHING_VOTE  # it stopped and nothing is said to run now: nothing
    if clauses.plan_on_top and out[2:].max() >= PLAN_ON_TOP_FLOOR:
        out[1] *= PLAN_ON_TOP_FACTOR  # plans beside what runs: read by what runs
    if not clauses.absence_beside_presence or clauses.stopped or out[0] <= 0:
        return out
    out[2] += ABSENCE_TO_PART * out[0]
    out[0] *= 1.0 - ABSENCE_TO_PART
    return out


def adjust_votes(
    votes: np.ndarray, hits: list[Hit], text: str, lang: Lang, cal: Calibration
) -> np.ndarray:
    """Two combinations single cues miss.

    - "There is nothing yet, but it is planned / in next year's budget": the absence describes
      today and the plan says where the city stands on the ladder, so level 1 beats level 0.
    - "We measure it every year and adjust it": monitoring plus change is level 4.
    """
    out = votes.copy()
    if plan_over_absence(out, cal):
        out[1] = max(out[1], out[0])
    if closes_loop(text, hits, lang) and out[3:].max() > 0:
        out[4] += cal.loop_bonus
    return out


def plan_over_absence(votes: np.ndarray, cal: Calibration) -> bool:
    """ "Nothing exists yet, but it is planned": a firm plan beside an absence, nothing higher."""
    return bool(votes[0] > 0 and votes[1] >= cal.plan_floor and float(votes[2:].max()) < votes[1])
