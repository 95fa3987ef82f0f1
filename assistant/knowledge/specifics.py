"""Does the question ask for a specific the sources do not give? (reason ``not_in_sources``)

A general test, not a list of questions: each kind of specific (an amount, a rate or loan term, a
date, a duration, a count, a named country/city/company/person, an eligibility threshold, an
application procedure or form, an indicator or standard) has two patterns, en + ja + mixed
script: what *asking* for it looks like, and what *giving* it looks like in a passage (a sum
with its currency, a number with its unit, a date, a name...). A question is not answerable
from the sources when it asks for a kind and no retrieved passage gives one. Only what JICA
printed and what users added count as giving a specific: the project's own readings do not.

Counts are checked against the noun counted: "how many countries" needs "150 countries" in a
passage; counts of the framework's own parts (stages, domains, elements...) are answerable
from the framework data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import get_args

from assistant.catalogue import t
from assistant.knowledge.asked import (
    ABOUT_TOOL,
    ABOUT_USE,
    CONTRAST_AFTER,
    CONTRAST_BEFORE,
    asked_part,
    without_background,
)
from assistant.knowledge.counts import gives_count
from assistant.knowledge.delivery import RULE_ASKED, SERVED
from assistant.knowledge.names import ABOUT_PLACE, PLACES, REGION_ASKED
from assistant.knowledge.specific_kinds import SPECIFICS, Specific
from assistant.models import Lang

__all__ = ["ABOUT_USE", "RULE_ASKED", "SERVED", "asked_part", "label", "specific_kind"]


# which element asks for a measure (「数値目標は、エレメントのどこかで求められていますか」): an element's
# desired state answers that, not a value of the measure
_WHICH_ELEMENT = re.compile(
    r"\b(which|what) (of the )?(smart[ -]?city )?elements?\b|どの(エレメント|要素)|"
    r"エレメント(の|で|に)(は)?(どこ|どれ)"
)


def norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _gives(spec: Specific, question: str, texts: Sequence[str]) -> bool:
    if spec.kind == "count":
        return gives_count(question, texts)
    if spec.kind == "named":
        place = PLACES.search(question)  # a place the question names must be the one given
        if place:
            return any(place.group(0) in t for t in texts)
        return any(PLACES.search(t) for t in texts)
    return spec.gives is not None and any(spec.gives.search(t) for t in texts)


def _asks(spec: Specific, q: str) -> bool:
    for m in spec.asks.finditer(q):
        if spec.kind in ("vendor", "named") and (
            CONTRAST_BEFORE.search(q[: m.start()]) or CONTRAST_AFTER.search(q[m.end() :])
        ):
            continue
        return True
    return False


def specific_kind(question: str, passages: Sequence[str] = ()) -> tuple[str, dict[str, str]] | None:
    """The first kind of specific the question asks for and no passage gives (e.g. a budget that
    an added document states is answerable), with its label per language."""
    # the city's size stated as background is not asked for (「人口80万人の市では…」)
    q = without_background(asked_part(norm(question)))
    if ABOUT_TOOL.search(q):
        return None
    texts = [norm(p) for p in passages]
    for spec in SPECIFICS:
        asks = _asks(spec, q) or (
            spec.kind == "named" and (ABOUT_PLACE.search(q) or REGION_ASKED.search(q))
        )
        if asks and spec.kind == "metric" and (ABOUT_USE.search(q) or _WHICH_ELEMENT.search(q)):
            continue
        if asks and not _gives(spec, q, texts):
            return spec.kind, label(spec.kind)
    return None


def label(kind: str) -> dict[str, str]:
    """What the reply calls a kind of specific, per language ("the brochure does not give ...")."""
    return {lang: t(f"answer.specific.{kind}", lang) for lang in get_args(Lang)}
