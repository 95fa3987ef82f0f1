"""Is a cue said of a plan, or inside a condition? ("we will pilot", "if a company wants to").

A cue inside an intent ("next year we will launch a pilot") describes a plan, level 1, not the
present state; a wish inside a condition ("whenever a resident wants to ...") describes how a
standing procedure works. ``signals.find_hits`` asks these questions of every cue.
"""

from __future__ import annotations

import re

from assistant.interpret.cues import EN_INTENT, JA_INTENT
from assistant.models import Lang

# "If a company wants to try ..., they go to one desk": a wish inside a condition describes how
# a standing procedure works, not the city's plan.
EN_CONDITION = re.compile(
    r"\b(?:if|whenever|when|once|anyone who|those who|whoever|any \w+ that)\b[^,.;:]*$",
    re.IGNORECASE,
)
JA_CONDITION = re.compile(
    r"たい(?:とき|時|場合|なら|という(?:会社|企業|事業者|人|方|市民|住民|団体|大学|相談|申請))"
)


# "A company that wants to test ... goes to one desk": the wish is someone else's.
EN_OTHER_SUBJECT = re.compile(
    r"\b(?:compan(?:y|ies)|firms?|residents?|citizens?|business(?:es)?|start-?ups?|investors?"
    r"|applicants?|developers?|operators?|users?|visitors?|anyone|someone|anybody|people)"
    r"(?: (?:that|who))? $",
    re.IGNORECASE,
)


def hypothetical(seg: str, start: int, lang: Lang) -> bool:
    """The cue at ``start`` sits in an if/whenever clause, or is someone else's wish."""
    if lang == "ja":
        return bool(JA_CONDITION.search(seg[start : start + 12]))
    if EN_OTHER_SUBJECT.search(seg[:start]):
        return True
    m = EN_CONDITION.search(seg[:start])
    return m is not None and not re.match(r"\w+ (?:we|i)\b", m.group(0), re.IGNORECASE)


# A future time right after the cue, in its clause: "when the strategy is revised next year".
EN_FUTURE_AFTER = re.compile(
    r"^[^,.;:!?]{0,30}?\b(?:next (?:year|month|spring|summer|autumn|fall|winter|term|fiscal year)"
    r"|later this year|in the coming (?:year|months)|(?:in|by) (?:the )?(?:coming|following) year)\b",
    re.IGNORECASE,
)


def en_intent(seg: str, start: int, end: int | None = None) -> bool:
    """The cue at ``start..end`` is said of a plan: an intent word before it (not in a
    condition), or a future time right after it."""
    found = list(EN_INTENT.finditer(seg[:start]))
    if found and not hypothetical(seg, found[-1].start(), "en"):
        return True
    return end is not None and bool(EN_FUTURE_AFTER.search(seg[end:]))


def ja_intent(seg: str, start: int, end: int) -> bool:
    """The cue's clause (between 「、」) holds an intent or future word."""
    left = seg.rfind("、", 0, start)
    right = seg.find("、", end)
    clause = seg[left + 1 : right if right >= 0 else len(seg)]
    return bool(JA_INTENT.search(clause))
