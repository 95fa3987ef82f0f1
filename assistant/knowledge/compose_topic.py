"""The answer for a question no pattern recognised, by what it is about: the passage retrieval
ranks first names the topic (a stage, a way to scale up, a city type, an element, a menu line,
JICA's reasons or assets), and that topic's structured composer answers with its printed line.

Used when the quoted-sentences fallback would otherwise answer with the project's own reading
(its glosses and illustrations) rather than what the brochure prints: a question told as a
situation ("we run services in several sectors that share data — what now?") is mapped to the
part of the approach it is about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.knowledge import intents as it
from assistant.knowledge.compose_kinds import Draft
from assistant.knowledge.compose_printed import elements_use, why

if TYPE_CHECKING:
    from assistant.knowledge.compose_overview import Overview
    from assistant.knowledge.retrieval import Hit

# The project's reading chunks, by the part of the approach they discuss.
_READINGS = {
    "scale-area-practice": "scale:area",
    "scale-sector-practice": "scale:sector",
    "scale-overview": "scale",
    "scale-combined": "scale",
    "why-urbanisation": "why",
    "support-assets": "assets",
    "elements-reference": "use",
}


def topic_of(base: str) -> str | None:
    """The topic a passage (by its base id) discusses, if it is one with a composer."""
    if base in _READINGS:
        return _READINGS[base]
    for prefix in ("stage-", "scaleup-", "citytype-", "element-", "coop-"):
        if base.startswith(prefix):
            return f"{prefix[:-1]}:{base.removeprefix(prefix)}"
    return None


def by_topic(
    c: Overview, question: str, base: str, hits: list[Hit], vector: list[float] | None
) -> Draft | None:
    """The structured answer for the topic of the passage the fallback would quote."""
    draft = _compose_topic(c, question, base, hits, vector)
    if draft is not None:
        draft.by_topic = True
    return draft


def _compose_topic(
    c: Overview, question: str, base: str, hits: list[Hit], vector: list[float] | None
) -> Draft | None:
    topic = topic_of(base)
    if topic is None:
        return None
    family, _, key = topic.partition(":")
    if family == "stage":
        s = c.stage_sentence(key)
        return Draft("stage", [s]) if s else None
    if family in ("scale", "scaleup"):
        if key and not it.COMBINE.search(it.norm(question)):
            s = c.scale_sentence(key, full=True)
            return Draft("scale_up", [s]) if s else None
        return c.scale_up(question)
    if family == "citytype":
        s = c.city_sentence(key)
        return Draft("direction", [s]) if s else None
    if family == "element":
        el = next((e for e in c.fw.elements if e.id == key), None)
        s = c.element_sentence(el) if el else None
        return Draft("element", [s]) if s else None
    if family == "coop":
        return c.help(question, vector, hits)
    if family == "why":
        return why(c, question)
    if family == "assets":
        return c.assets()
    if family == "use":
        return elements_use(c)
    return None
