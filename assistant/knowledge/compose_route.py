"""The answer for a question no kind recognised, routed by what retrieval found.

Every phrasing a rule did not foresee used to end in quoted sentences, and the best-matching
sentence often was not the one carrying the fact (an element's rubric line rather than its printed
desired state, a menu chunk's heading rather than its line). Retrieval, though, nearly always has
the right passage in its top few, and each passage's metadata says what it is. So the passages
decide the kind, not the question's words:

- an element's chunk first (or first after a passage that names that element) → that element's
  printed desired state, and, when support is asked about, the menu line that serves it;
- menu-line chunks first → those lines with their heading (kind of cooperation) and level;
- a stage, a way to scale up, a city type → that item's composer;
- anything else → the quoted sentences as before.

The quoted sentences that add a printed passage of another kind follow the routed answer, so
nothing the old fallback found is lost. The routed draft keeps the quoted draft it stands in for
(``judged``): whether the answer stands (relevance bar, weak matches) is decided on that, as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.knowledge import intents as it
from assistant.knowledge.compose_kinds import Draft, Sentence
from assistant.knowledge.compose_overview import MENU_TYPES
from assistant.knowledge.compose_topic import by_topic
from assistant.knowledge.framework_terms import brochure_part

if TYPE_CHECKING:
    from assistant.knowledge.compose_overview import Overview
    from assistant.knowledge.retrieval import Hit

# Another element's chunk this close in dense similarity and in the fused rank score makes the
# first one a tie, not a route.
ELEMENT_MARGIN = 0.03
SCORE_MARGIN = 0.05
# Support asked about beside an element ("what does it say, and is there help for it?").
_SUPPORT = it._any(r"\bsupport|\bmenu\b|cooperat|\bhelp\b|支援|協力|メニュー")
# Framework items whose own composer answers (their printed line), by base-id prefix.
_ITEMS = ("stage-", "scaleup-", "citytype-")


def _element_id(question: str, hits: list[Hit]) -> str | None:
    """The element retrieval points to: its chunk ranks first, or second (closer in meaning)
    after a passage that names it (or names no element, when elements are asked about); no
    other element's chunk scores nearly as high."""
    first = next(
        (i for i, h in enumerate(hits[:2]) if h.chunk.base_id.startswith("element-")), None
    )
    if first is None:
        return None
    eid = hits[first].chunk.base_id.removeprefix("element-")
    if first == 1:
        if (hits[1].dense or 0.0) < (hits[0].dense or 0.0):
            return None  # ranked second by shared words alone: the first passage leads
        top = hits[0].chunk
        if top.element_ids:
            if eid not in top.element_ids:
                return None
        elif top.base_id.startswith(("coop-", *_ITEMS)) or not it.ELEMENTS_OF.search(question):
            return None
    dense = hits[first].dense or 0.0
    rivals = [
        h
        for h in hits[:4]
        if h.chunk.base_id.startswith("element-") and h.chunk.base_id != f"element-{eid}"
    ]
    score = hits[first].score
    if any(
        (h.dense or 0.0) >= dense - ELEMENT_MARGIN and h.score >= score - SCORE_MARGIN
        for h in rivals
    ):
        return None  # two elements about as close: neither is the one asked about
    return eid


def _menu_first(hits: list[Hit]) -> bool:
    """Menu lines lead: a line's chunk first, or a guidance passage on lines and a line next."""
    top = hits[0].chunk
    if top.base_id.startswith("coop-"):
        return True
    return (
        bool(top.cooperation_ids)
        and any(h.chunk.base_id.startswith("coop-") for h in hits[1:2])
        and not top.base_id.startswith("element-")
    )


def _printed(c: Overview, cid: str) -> bool:
    chunk = c.r.get(cid)
    return chunk is not None and chunk.provenance in ("printed", "added")


def _routed(
    c: Overview, question: str, hits: list[Hit], vector: list[float] | None, lines_quoted: bool
) -> Draft | None:
    """The structured answer for the passages found; ``lines_quoted``: the quoted sentences
    include a menu line (the element's answer then names the line too)."""
    eid = _element_id(question, hits)
    if eid is not None:
        el = next((e for e in c.fw.elements if e.id == eid), None)
        sent = c.element_sentence(el) if el else None
        if sent is None:
            return None
        out = [sent]
        if _SUPPORT.search(it.norm(question)) or lines_quoted:
            lines = c.help(question, vector, hits, yes=False, asked_help=False)
            if lines is not None:
                out.append(lines.sentences[0])
        return Draft("element", out)
    if _menu_first(hits):
        # the lines found are all of the one kind of cooperation the question names ("what is
        # the knowledge-sharing platform for?"): that kind's lines, under its heading
        named = it.found(MENU_TYPES, question)
        kinds = {
            line.type
            for line in c.fw.cooperation
            for h in hits[:2]
            if h.chunk.base_id == f"coop-{line.id}"
        }
        if len(named) == 1 and kinds == set(named):
            return c.menu_type(question) or c.help(question, vector, hits, yes=False, asked_help=False)
        return c.help(question, vector, hits, yes=False, asked_help=False)
    if hits[0].chunk.base_id.startswith(_ITEMS):
        return by_topic(c, question, hits[0].chunk.base_id, hits, vector)
    return None


def route(
    c: Overview,
    question: str,
    hits: list[Hit],
    vector: list[float] | None,
    quoted: Draft | None,
    budget: int,
) -> Draft | None:
    """The routed answer (then the quoted sentences that add another printed passage), or None
    when the passages found lead nowhere in particular (the quoted sentences answer)."""
    if not hits or quoted is None or not quoted.sentences or brochure_part(question):
        return None  # a part of the brochure named: its own printed sentences answer
    lead = c.r.get(quoted.sentences[0].cites[0]) if quoted.sentences[0].cites else None
    prose = lead is not None and lead.provenance in ("printed", "added")
    if prose and lead is not None and not lead.base_id.startswith(("element-", "coop-", *_ITEMS)):
        return None  # the brochure's own prose (or a user's document) already answers
    lines_quoted = any(cid.startswith("coop-") for sent in quoted.sentences for cid in sent.cites)
    draft = _routed(c, question, hits, vector, lines_quoted)
    if draft is None or not draft.sentences:
        return None
    cited = {cid.rsplit(".", 1)[0] for s in draft.sentences for cid in s.cites}
    used = sum(len(s.text) for s in draft.sentences)
    for sent in quoted.sentences:
        bases = {cid.rsplit(".", 1)[0] for cid in sent.cites}
        if len(draft.sentences) >= 3 or used + len(sent.text) > budget:
            break
        if bases & cited or any(b.startswith(("element-", "coop-")) for b in bases):
            continue  # said already, or a structured item's raw lines
        if not any(_printed(c, cid) for cid in sent.cites):
            continue  # the project's own gloss: the routed answer says what JICA printed
        draft.sentences.append(Sentence(sent.text, list(sent.cites)))
        used += len(sent.text)
        cited |= bases
    draft.by_topic = True
    draft.overlap = quoted.overlap
    draft.judged = quoted
    return draft
