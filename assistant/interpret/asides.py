"""Asides: statements the speaker marks as beside the point ("by the way, ...", 「そういえば」,
「余談ですが」). Long answers wander — the weather, a colleague's transfer, a meeting put off by
snow — and words in such a statement ("postponed", 「毎年」) would otherwise vote for a level.
An aside is not part of the answer: it is blanked out before the answer is read (offsets kept),
unless nothing would be left.
"""

from __future__ import annotations

import re

from assistant.interpret.signals import Span
from assistant.models import Lang

# Said at the start of a statement (after a filler or a conjunction).
EN_ASIDE = re.compile(
    r"^\W*(?:(?:and|oh|ah|well|also|but)\W+)?(?:by the way|incidentally|on an(?:other)? (?:unrelated |"
    r"different |side )?note|as an aside|(?:a )?side note|off[- ]topic|unrelated(?:ly)?|totally "
    r"unrelated|this is unrelated|not related(?: to this)?|slightly off)\b",
    re.IGNORECASE,
)
JA_ASIDE = re.compile(
    r"^\W*(?:あ、|そう、|あと、)?(?:そういえば|そう言えば|ちなみに|余談(?:です|になります)?(?:が|けど)"
    r"|話は変わ(?:ります|る)(?:が|けど)|話がそれ(?:ます|る)(?:が|けど)|関係ない(?:話|こと)?(?:です)?(?:が|けど)"
    r"|蛇足(?:です)?(?:が|けど))"
)


def aside_spans(spans: list[Span], lang: Lang) -> list[Span]:
    """The statements opened by an aside marker."""
    pattern = JA_ASIDE if lang == "ja" else EN_ASIDE
    return [s for s in spans if pattern.search(s.text)]


def without_asides(text: str, spans: list[Span], lang: Lang) -> str:
    """``text`` with its aside statements blanked (same length, so offsets still hold); the text
    unchanged when it has no aside or is all aside."""
    asides = aside_spans(spans, lang)
    if not asides or len(asides) == len(spans):
        return text
    chars = list(text)
    for s in asides:
        chars[s.start : s.end] = " " * (s.end - s.start)
    return "".join(chars)
