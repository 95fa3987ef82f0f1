"""Drafts read from documents → what the interview offers when their element comes.

Elements with a level are offered as proposals (the quote shown is the draft's first; ``origin``
says where it is). Where the documents disagree (no level) the element is asked in full, with
the two readings furthest apart shown side by side (``disputed``): neither is taken.
"""

from __future__ import annotations

from assistant.interview.render import origin
from assistant.interview.state import DocumentPassage, Proposal
from assistant.limits import MAX_EVIDENCE
from assistant.models import Framework, Lang
from assistant.prefill.drafts import Prefill, Quote
from assistant.prefill.drafts import Proposal as Reading


def where(quote: Quote, lang: Lang) -> str:
    """Where a quote is: 'plan.pdf, p. 12', 'plan.md, “Governance”' or just the name."""
    return origin(quote.document, quote.page, quote.section, lang)


def proposals(prefill: Prefill, fw: Framework, lang: Lang) -> dict[str, Proposal]:
    out: dict[str, Proposal] = {}
    for draft in prefill.drafted():
        assert draft.level is not None
        quote = draft.quotes[0]
        out[draft.element] = Proposal(
            level=draft.level,
            confidence=draft.confidence,
            evidence=quote.text[:MAX_EVIDENCE],
            rubric=fw.element(draft.element).rubric[draft.level].text.get(lang),
            source="document",
            origin=where(quote, lang),
            confidence_label="low",
        )
    return out


def _passage(reading: Reading) -> DocumentPassage:
    quote = reading.quotes[0]
    return DocumentPassage(
        level=reading.level,
        quote=quote.text[:MAX_EVIDENCE],
        document=quote.document,
        page=quote.page,
        section=quote.section,
    )


def disputed(prefill: Prefill) -> dict[str, list[DocumentPassage]]:
    """Per element the documents disagree on, the lowest and the highest reading (the surest of
    each level), in the order the documents were read; words in the language of the session
    are added when the question is asked."""
    out: dict[str, list[DocumentPassage]] = {}
    for eid, draft in prefill.elements.items():
        readings = [p for p in (draft.conflict if draft is not None else []) if p.quotes]
        if draft is None or draft.level is not None or len(readings) < 2:
            continue
        low = min(readings, key=lambda p: (p.level, -p.confidence))
        high = max(readings, key=lambda p: (p.level, p.confidence))
        if low.level == high.level:
            continue
        out[eid] = [_passage(p) for p in readings if p is low or p is high]
    return out
