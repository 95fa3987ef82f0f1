"""Answers with numbered citations: extractive (default, no LLM) or grounded by a chat model.

Retrieved text is always treated as quoted material: in extractive mode it is shown inside
quotation marks with its source; in LLM mode it is wrapped and labelled as data in the prompt,
and the model's citation markers are checked against the numbered sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from assistant.knowledge.retrieval import Filters, Hit
from assistant.knowledge.sources import detect_lang

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from assistant.knowledge.retrieval import HybridRetriever

NOT_COVERED = "NOT_COVERED"
_MARKER = re.compile(r"\[(\d{1,3})\]")

DECLINE = {
    "en": (
        "This is not covered by the knowledge base: I found no guidance on it in JICA's Smart "
        "City Approach material or in the documents added to it."
    ),
    "ja": (
        "この質問はナレッジベースでは扱われていません。JICAのスマートシティ・アプローチの資料や"
        "追加された文書に、関連する内容は見つかりませんでした。"
    ),
}
INTRO = {
    "en": "From the knowledge base (quoted passages):",
    "ja": "ナレッジベースからの引用：",
}
FALLBACK = {
    "en": "The language model could not answer ({reason}); showing the quoted passages instead.",
    "ja": "言語モデルが回答できませんでした（{reason}）。代わりに引用文を示します。",
}


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


class SourceRef(BaseModel):
    """One cited source, numbered by its position in ``sources`` (1-based)."""

    id: str
    title: str
    text: str
    lang: str
    element_ids: list[str]
    cooperation_ids: list[str]
    score: float
    provenance: str
    source: str


class AnswerResult(BaseModel):
    """The answer contract (`assistant ask --json`)."""

    question: str
    answered: bool
    answer: str
    mode: Literal["extractive", "llm"]
    sources: list[SourceRef] = Field(default_factory=list)
    notice: str | None = None


def question_lang(question: str) -> str:
    return detect_lang(question)


def select_passages(
    question: str, retriever: HybridRetriever, lang: str, k: int, filters: Filters | None = None
) -> tuple[list[Hit], float]:
    """Top-k hits, one per base id, swapped to the answer language when that version exists."""
    hits = retriever.search(question, k=max(k * 3, 8), filters=filters)
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


def _source(hit: Hit) -> SourceRef:
    c = hit.chunk
    return SourceRef(
        id=c.id,
        title=c.title,
        text=c.text,
        lang=c.lang,
        element_ids=list(c.element_ids),
        cooperation_ids=list(c.cooperation_ids),
        score=hit.score,
        provenance=c.provenance,
        source=c.source,
    )


def extractive_text(sources: list[SourceRef], lang: str) -> str:
    """The passages quoted, each with its number: the answer when no LLM is used."""
    open_q, close_q = ("「", "」") if lang == "ja" else ("\u201c", "\u201d")
    parts = [INTRO[lang]]
    for n, src in enumerate(sources, 1):
        quote = " ".join(src.text.split()) if lang == "en" else src.text.replace("\n", " ")
        parts.append(f"[{n}] {src.title}: {open_q}{quote}{close_q}")
    return "\n\n".join(parts)


def answer(
    question: str,
    retriever: HybridRetriever,
    lang: str | None = None,
    k: int = 4,
    chat_model: BaseChatModel | None = None,
    filters: Filters | None = None,
    relevance: Relevance = DEFAULT_RELEVANCE,
) -> AnswerResult:
    """Answer from the knowledge base, citing the passages used; decline when nothing fits."""
    question = question.strip()
    lang = lang or question_lang(question)
    mode: Literal["extractive", "llm"] = "llm" if chat_model is not None else "extractive"
    hits, overlap = select_passages(question, retriever, lang, k, filters) if question else ([], 0)
    if not hits or not relevance.relevant(hits, overlap):
        return AnswerResult(question=question, answered=False, answer=DECLINE[lang], mode=mode)
    sources = [_source(h) for h in hits]
    extractive = AnswerResult(
        question=question,
        answered=True,
        mode="extractive",
        answer=extractive_text(sources, lang),
        sources=sources,
    )
    if chat_model is None:
        return extractive
    return _llm_answer(question, lang, sources, chat_model, extractive)


def format_passages(sources: list[SourceRef]) -> str:
    """Passages wrapped as quoted data; a passage cannot close its own wrapper."""
    blocks = []
    for n, src in enumerate(sources, 1):
        text = re.sub(r"</?\s*passage", "(passage", src.text, flags=re.I)
        title = src.title.replace('"', "'")
        blocks.append(f'<passage number="{n}" title="{title}">\n{text}\n</passage>')
    return "\n\n".join(blocks)


def check_citations(text: str, n_sources: int) -> tuple[str, list[int], list[int]]:
    """Keep markers [n] that map to a source; drop the others. Returns (text, used, dropped)."""
    used: list[int] = []
    dropped: list[int] = []

    def fix(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if 1 <= n <= n_sources:
            if n not in used:
                used.append(n)
            return match.group(0)
        dropped.append(n)
        return ""

    cleaned = _MARKER.sub(fix, text)
    cleaned = re.sub(r"[ \t]+([.,;:。、])", r"\1", cleaned)
    return re.sub(r"[ \t]{2,}", " ", cleaned).strip(), used, dropped


def _llm_answer(
    question: str,
    lang: str,
    sources: list[SourceRef],
    chat_model: BaseChatModel,
    extractive: AnswerResult,
) -> AnswerResult:
    from langchain_core.messages import HumanMessage, SystemMessage

    from assistant.prompts import load_chat_prompt

    prompt = load_chat_prompt("answer", lang, ("passages", "question"))
    system, user = prompt.render(passages=format_passages(sources), question=question)
    try:
        reply = chat_model.invoke([SystemMessage(system), HumanMessage(user)])
        text: str = reply.text if isinstance(reply.text, str) else str(reply.content)
    except Exception as exc:  # any model failure falls back to quoting
        reason = type(exc).__name__
        return extractive.model_copy(update={"notice": FALLBACK[lang].format(reason=reason)})
    text = (text or "").strip()
    if not text:
        reason = "empty reply" if lang == "en" else "空の応答"
        return extractive.model_copy(update={"notice": FALLBACK[lang].format(reason=reason)})
    if text.strip(" .。") == NOT_COVERED or text.startswith(NOT_COVERED):
        return AnswerResult(question=question, answered=False, answer=DECLINE[lang], mode="llm")
    text, used, dropped = check_citations(text, len(sources))
    notice = None
    if dropped:
        markers = ", ".join(f"[{n}]" for n in dropped)
        notice = (
            f"Removed citation markers that match no source: {markers}"
            if lang == "en"
            else f"出典に対応しない引用番号を削除しました：{markers}"
        )
    elif not used:
        notice = (
            "The model cited no passage; check the answer against the sources below."
            if lang == "en"
            else "モデルは引用番号を示しませんでした。下の出典と照合してください。"
        )
    return AnswerResult(
        question=question, answered=True, answer=text, mode="llm", sources=sources, notice=notice
    )
