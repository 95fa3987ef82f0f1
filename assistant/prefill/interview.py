"""Drafts read from documents → proposals the interview offers when their element comes.

Only elements with a level are offered; where the documents disagree (no level) the element is
asked in full. The quote shown is the draft's first; ``origin`` says where it is.
"""

from __future__ import annotations

from assistant.catalogue import t
from assistant.interview.state import Proposal
from assistant.limits import MAX_EVIDENCE
from assistant.models import Framework, Lang
from assistant.prefill.drafts import Prefill, Quote


def where(quote: Quote, lang: Lang) -> str:
    """Where a quote is: 'plan.pdf, p. 12', 'plan.md, “Governance”' or just the name."""
    if quote.page is not None:
        return t("interview.origin.page", lang, document=quote.document, page=quote.page)
    if quote.section:
        return t("interview.origin.section", lang, document=quote.document, section=quote.section)
    return quote.document


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
