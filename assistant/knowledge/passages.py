"""What a question finds before any answer is composed: the passages (one per base id, in the
answer's language), whether they are relevant enough to answer from, what a passage states as
fact, and which language the answer is in. Split from ``answer.py``, which decides and composes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.knowledge.chunk import Chunk
from assistant.knowledge.retrieval import Filters, Hit
from assistant.lang import detect_lang

if TYPE_CHECKING:
    from assistant.knowledge.retrieval import HybridRetriever

__all__ = [
    "BROCHURE_OVERLAP", "DEFAULT_RELEVANCE", "WEAK_MATCH_OVERLAP", "Relevance", "given_text",
    "question_lang", "select_passages", "strong",
]  # fmt: skip


@dataclass(frozen=True)
class Relevance:
    """The calibrated decline rule (numbers from evals/retrieval_eval.py, docs/knowledge.md).

    A question is answerable when the best dense similarity is high on its own, or moderately
    high with enough of the question's words/bigrams known to the knowledge base.
    """

    dense_alone: float = 0.27
    dense_with_overlap: float = 0.12
    min_overlap: float = 0.65

    def relevant(self, hits: list[Hit], overlap: float) -> bool:
        best = max((h.dense for h in hits if h.dense is not None), default=0.0)
        return best >= self.dense_alone or (
            best >= self.dense_with_overlap and overlap >= self.min_overlap
        )


DEFAULT_RELEVANCE = Relevance()


WEAK_MATCH_OVERLAP = 0.55
BROCHURE_OVERLAP = 0.3


def strong(hits: list[Hit], relevance: Relevance) -> bool:
    """Relevant on embeddings alone (not only through shared words)."""
    return max((h.dense or 0.0 for h in hits), default=0.0) >= relevance.dense_alone


# An English question that names Japanese terms ("What is the 望ましい状態 for E15?") is English:
# its frame (the question word first, the question mark last) says so, whatever the script count.
_ENGLISH_FRAME = re.compile(
    r"^(what|which|how|can|could|is|are|does|do|did|where|who|why|when|tell me|please|list|explain"
    r"|describe|give)\b[^。？]*\?\s*$",
    re.I,
)


def question_lang(question: str) -> str:
    """The language to answer in: an English frame wins over the Japanese terms inside it."""
    q = question.strip()
    return "en" if _ENGLISH_FRAME.match(q) and not q.endswith("？") else detect_lang(q)


def select_passages(
    question: str,
    retriever: HybridRetriever,
    lang: str,
    k: int,
    filters: Filters | None = None,
    vector: list[float] | None = None,
) -> tuple[list[Hit], float]:
    """Top-k hits, one per base id, swapped to the answer language when that version exists."""
    hits = retriever.search(question, k=max(k * 3, 8), filters=filters, vector=vector)
    chosen: list[Hit] = []
    seen: set[str] = set()
    for hit in hits:
        base = hit.chunk.base_id
        if base in seen:
            continue
        seen.add(base)
        if hit.chunk.lang != lang and (filters is None or not filters.lang):
            twin = retriever.get(f"{base}.{lang}")
            if twin is not None:
                hit = Hit(twin, hit.score, hit.dense, hit.lexical)
        chosen.append(hit)
        if len(chosen) == k:
            break
    overlap = retriever.lexical_overlap(question)
    return chosen, overlap


_DESIRED = re.compile(r"^(?:Desired state: |望ましい状態：)(.*)$", re.M)


def given_text(chunk: Chunk) -> str:
    """What a passage states as fact: printed text and users' documents; of an element chunk
    only its printed desired state; nothing of the project's own readings."""
    if chunk.provenance == "added":
        return chunk.text
    if chunk.provenance != "printed":
        return ""
    if chunk.base_id.startswith("element-"):
        return " ".join(_DESIRED.findall(chunk.text))
    return chunk.text
