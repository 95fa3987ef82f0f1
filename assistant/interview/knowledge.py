"""The knowledge base as the engine's ``Answerer`` (side questions and "what does this mean?").

The knowledge services (embedding model, Chroma) are built on the first question, not at start,
so an interview that never asks one never loads them; a front end that already holds the shared
services (the web app's ``st.cache_resource``) passes them in.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from assistant.models import Lang
from assistant.ports import Citation, KnowledgeAnswer

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from assistant.knowledge.answer import AnswerResult
    from assistant.knowledge.services import KnowledgeServices
    from assistant.settings import Settings


def _quiet(_message: str) -> None:
    """Progress sink for a first-use build inside an interview (nothing to print mid-chat)."""


class KnowledgeAnswerer:
    """Implements ``assistant.ports.Answerer`` over ``assistant.knowledge.answer.answer``."""

    def __init__(
        self,
        settings: Settings | None = None,
        chat_model: Any = None,
        services: KnowledgeServices | None = None,
        k: int = 3,
        progress: Callable[[str], None] = _quiet,
        embeddings: Embeddings | None = None,
    ) -> None:
        if settings is None and services is None:
            raise ValueError("KnowledgeAnswerer needs settings or ready services")
        self._settings = settings
        self._services = services
        self._chat_model = chat_model
        self._k = k
        self._progress = progress
        self._embeddings = embeddings  # shared with the interpreter: one model per process
        self._lock = threading.Lock()

    def _ready(self) -> KnowledgeServices:
        with self._lock:
            if self._services is None:
                from assistant.knowledge.services import build_services

                assert self._settings is not None
                self._services = build_services(self._settings, embeddings=self._embeddings)
            self._services.ensure_built(progress=self._progress)
            return self._services

    def ask(self, question: str, lang: Lang, element_id: str | None = None) -> KnowledgeAnswer:
        from assistant.knowledge.answer import answer
        from assistant.knowledge.retrieval import Filters

        retriever = self._ready().retriever
        result = None
        if element_id is not None:  # passages about this element first, then anything
            result = answer(
                question, retriever, lang=lang, k=self._k, chat_model=self._chat_model,
                filters=Filters(element_id=element_id),
            )  # fmt: skip
        if result is None or not result.answered:
            result = answer(question, retriever, lang=lang, k=self._k, chat_model=self._chat_model)
        return to_knowledge_answer(result)


def to_knowledge_answer(result: AnswerResult) -> KnowledgeAnswer:
    """The knowledge base's answer in the engine's terms, citations numbered as in the text."""
    return KnowledgeAnswer(
        answered=result.answered,
        answer=result.answer,
        notice=result.notice,
        citations=[
            Citation(
                n=n, id=s.id, title=s.title, text=s.text, source=s.source, provenance=s.provenance
            )
            for n, s in enumerate(result.sources, 1)
        ],
    )
