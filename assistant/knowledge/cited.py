"""A composed draft written out with numbered citations, and the sources those numbers point to.

Every offline answer (composed, partial, a decline with its closest line) is rendered here: the
chunks a draft cites are numbered in order of first use, each sentence carries its [n] markers, and
each source is named by its document and the brochure's section heading, never a file path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.knowledge.answer_types import SourceRef
from assistant.knowledge.source_names import document_name

if TYPE_CHECKING:
    from assistant.knowledge.chunk import Chunk
    from assistant.knowledge.compose import Draft
    from assistant.knowledge.retrieval import Hit, HybridRetriever

# The brochure's own part headings, used as the section of a shipped chunk.
SECTION_NAMES = {
    "why": "JICA's MIND",
    "what": "What are Smart City Elements",
    "where": "Where is your position",
    "how": "How To Scale-up",
    "support": "JICA's SUPPORT",
    "added": "",
}


def source_ref(chunk: Chunk, score: float, lang: str) -> SourceRef:
    """A chunk as the user sees it cited: document name and section, never a path."""
    return SourceRef(
        id=chunk.id,
        title=chunk.title,
        text=chunk.text,
        lang=chunk.lang,
        element_ids=list(chunk.element_ids),
        cooperation_ids=list(chunk.cooperation_ids),
        score=score,
        provenance=chunk.provenance,
        source=document_name(chunk, lang),
        section=SECTION_NAMES.get(chunk.section, chunk.section),
        added_by=chunk.extra.get("added_by", "") if chunk.provenance == "added" else "",
    )


def render_draft(
    draft: Draft, retriever: HybridRetriever, hits: list[Hit], lang: str
) -> tuple[str, list[SourceRef]]:
    """Number the chunks the draft cites (first use first) and write its sentences with [n]."""
    score = {h.chunk.id: h.score for h in hits}
    order: list[str] = []
    for sent in draft.sentences:
        for cid in sent.cites:
            if cid not in order and retriever.get(cid) is not None:
                order.append(cid)
    parts = []
    for sent in draft.sentences:
        marks = "".join(f"[{order.index(c) + 1}]" for c in sent.cites if c in order)
        body = sent.text.rstrip()
        if lang == "ja":
            parts.append(f"{body}{marks}。")
        else:
            parts.append(f"{body} {marks}." if marks else f"{body}.")
    text = ("" if lang == "ja" else " ").join(parts)
    found = [(c, retriever.get(c)) for c in order]  # every id in order was found above
    sources = [source_ref(chunk, score.get(c, 0.0), lang) for c, chunk in found if chunk is not None]
    return text, sources
