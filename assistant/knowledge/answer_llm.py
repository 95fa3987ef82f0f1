"""The answer written by a chat model from the same sources as the offline one: passages wrapped
and labelled as data, markers checked against the listed sources, and any number the model
cites must occur in them; otherwise the offline answer is shown with a notice.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from assistant.catalogue import t
from assistant.knowledge.answer_types import AnswerResult, SourceRef
from assistant.models import Lang

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

NOT_COVERED = "NOT_COVERED"
_MARKER = re.compile(r"\[(\d{1,3})\]")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")


def _lang(lang: str) -> Lang:
    """The catalogue's language for ``lang`` (English for anything it does not speak)."""
    return "ja" if lang == "ja" else "en"


def format_passages(sources: list[SourceRef]) -> str:
    """Passages wrapped as quoted data; a passage cannot close its own wrapper."""
    blocks = []
    for n, src in enumerate(sources, 1):
        text = re.sub(r"</?\s*passage", "(passage", src.text, flags=re.I)
        title = src.title.replace('"', "'")
        origin = (
            f' added_by="{src.added_by.replace(chr(34), "")}"' if src.provenance == "added" else ""
        )
        blocks.append(f'<passage number="{n}" title="{title}"{origin}>\n{text}\n</passage>')
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


def unsourced_numbers(text: str, sources: list[SourceRef]) -> list[str]:
    """Numbers in the model's answer that no source contains (a sign of invention)."""
    corpus = unicodedata.normalize("NFKC", " ".join(s.text + " " + s.title for s in sources))
    body = _MARKER.sub("", unicodedata.normalize("NFKC", text))
    return [n for n in dict.fromkeys(_NUMBER.findall(body)) if n not in corpus]


def llm_answer(
    question: str,
    lang: str,
    sources: list[SourceRef],
    chat_model: BaseChatModel,
    offline: AnswerResult,
) -> AnswerResult:
    from langchain_core.messages import HumanMessage, SystemMessage

    from assistant.prompts import load_chat_prompt

    def fallback(reason: str) -> AnswerResult:
        return offline.model_copy(
            update={"notice": t("answer.llm_fallback", _lang(lang), reason=reason)}
        )

    prompt = load_chat_prompt("answer", lang, ("passages", "question"))
    system, user = prompt.render(passages=format_passages(sources), question=question)
    try:
        reply = chat_model.invoke([SystemMessage(system), HumanMessage(user)])
        text: str = reply.text if isinstance(reply.text, str) else str(reply.content)
    except Exception as exc:  # any model failure falls back to the offline answer
        return fallback(type(exc).__name__)
    text = (text or "").strip()
    if not text:
        return fallback(t("answer.empty_reply", _lang(lang)))
    if text.strip(" .。") == NOT_COVERED or text.startswith(NOT_COVERED):
        return AnswerResult(
            question=question, answered=False, answer=t("answer.not_covered", _lang(lang)), mode="llm",
            reason="not_in_sources",
        )  # fmt: skip
    text, used, dropped = check_citations(text, len(sources))
    invented = unsourced_numbers(text, sources)
    if invented:
        return fallback(t("answer.unsourced_numbers", _lang(lang), numbers=", ".join(invented)))
    notice = None
    if dropped:
        markers = ", ".join(f"[{n}]" for n in dropped)
        notice = t("answer.markers_dropped", _lang(lang), markers=markers)
    elif not used:
        notice = t("answer.no_markers", _lang(lang))
    return AnswerResult(
        question=question, answered=True, answer=text, mode="llm", sources=sources, notice=notice,
        kind=offline.kind,
    )  # fmt: skip
