"""Is what exists the element's thing? The 0-or-2 question of a mixed answer.

"We have a CCTV project and a parking pilot, but nobody defined which areas to make smart": the
part that exists is real, yet it is not what the element asks about, so the answer is level 0.
"The ICT unit was told by memo to lead, but there is no budget or staff": what exists is a weak
form of the element's own thing, level 2. The cue words cannot tell these apart; how close the
statements that say something is there come to the element's rubric texts can. The learned
combiner weighs this (``model.features``); nothing is decided here.
"""

from __future__ import annotations

import numpy as np

from assistant.interpret.clauses import (
    EN_NEGATED_CLAUSE,
    EN_PRESENCE,
    JA_NEGATED_CLAUSE,
    JA_PRESENCE,
    SPEAKER_ROLE,
)
from assistant.interpret.signals import Hit, Span
from assistant.models import Lang


def present_statements(spans: list[Span], hits: list[Hit], lang: Lang) -> set[int]:
    """The statements that say something is there now (a level-2+ cue said of now, or "we have
    / run ..." not negated and not the speaker's own post)."""
    presence = JA_PRESENCE if lang == "ja" else EN_PRESENCE
    negated = JA_NEGATED_CLAUSE if lang == "ja" else EN_NEGATED_CLAUSE
    out = {
        h.segment
        for h in hits
        if h.level >= 2 and not (h.negated or h.intent or h.past or h.absent)
    }
    for i, span in enumerate(spans):
        said = span.text
        if (
            presence.search(said)
            and not negated.search(said)
            and not SPEAKER_ROLE[lang].search(said)
        ):
            out.add(i)
    return out


def present_fit(
    spans: list[Span], hits: list[Hit], answer: str, sims: np.ndarray, lang: Lang
) -> float:
    """The best similarity to any of the element's rubric texts among the statements that say
    something is there; the whole answer's best when the statements were not embedded one by
    one (a single statement, or too many), 0 when nothing is said to be there."""
    rows = [i for i, s in enumerate(spans) if s.text != answer]
    present = present_statements(spans, hits, lang)
    if not present:
        return 0.0
    if sims.shape[0] != 1 + len(rows) or not rows:
        return float(sims.max())
    best = [float(sims[r + 1].max()) for r, i in enumerate(rows) if i in present]
    return max(best) if best else 0.0
