"""The expensive shared parts built once per process from the settings, for the terminal interview
and the HTTP API alike (the web app caches its own with ``st.cache_resource``).

One place decides how a chat model, the embedding model (with the per-machine vector cache), the
framework, the interpreter and the session store are made, so the front ends cannot drift apart.
Imports are late: ``assistant score`` and the web app's first paint do not pay for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.answers_io import InputError

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from assistant.interview.engine import InterviewEngine
    from assistant.knowledge.services import KnowledgeServices
    from assistant.models import Framework
    from assistant.ports import Interpreter, SessionStore
    from assistant.settings import Settings


@dataclass
class Parts:
    """What every front end shares: one embedding model for the interpreter and the answers."""

    settings: Settings
    framework: Framework
    chat_model: Any  # a LangChain chat model, or None (offline)
    embeddings: Embeddings
    interpreter: Interpreter
    store: SessionStore


def framework_for(settings: Settings) -> Framework:
    """The framework of ``settings.knowledge_dir`` (the shipped one is loaded once and shared)."""
    from assistant.framework import DEFAULT_DIR, get_framework

    directory = settings.knowledge_dir / "framework"
    same = directory.resolve() == DEFAULT_DIR.resolve()
    return get_framework(None if same else str(directory))


def build_parts(settings: Settings) -> Parts:
    """The shared parts; a bad setting is an ``InputError`` (one line at start-up)."""
    from assistant.interpret import make_interpreter
    from assistant.knowledge.embeddings import (
        EmbeddingSettingError,
        embedding_id,
        make_embeddings,
    )
    from assistant.knowledge.index_cache import cached_embeddings
    from assistant.llm import make_chat_model
    from assistant.sessions import make_session_store

    try:
        chat_model = make_chat_model(settings)
    except (ImportError, ValueError) as exc:
        raise InputError(f"cannot set up the language model {settings.llm!r}: {exc}") from exc
    try:
        model = make_embeddings(settings.embeddings, settings.cache_dir)  # loads on first use
        embeddings = cached_embeddings(model, settings.cache_dir, embedding_id(settings.embeddings))
    except (EmbeddingSettingError, ValueError) as exc:
        raise InputError(str(exc)) from exc
    framework = framework_for(settings)
    interpreter = make_interpreter(
        settings, chat_model=chat_model, embeddings=embeddings, framework=framework
    )
    store = make_session_store(settings)
    return Parts(settings, framework, chat_model, embeddings, interpreter, store)


def make_engine(parts: Parts, services: KnowledgeServices | None = None) -> InterviewEngine:
    """The interview engine over the shared parts; ``services`` when the caller already holds
    the knowledge base (otherwise it is built on the first side question)."""
    from assistant.interview.engine import InterviewEngine
    from assistant.interview.knowledge import KnowledgeAnswerer
    from assistant.knowledge.index_cache import remembering
    from assistant.prefill.reader import DocumentReader
    from assistant.prefill.spotter import AnswerSpotter

    answerer = KnowledgeAnswerer(
        parts.settings, chat_model=parts.chat_model, services=services, embeddings=parts.embeddings
    )
    reader = DocumentReader(parts.framework, parts.interpreter, parts.embeddings)
    return InterviewEngine(
        parts.framework,
        parts.interpreter,
        parts.store,
        answerer=answerer,
        spotter=AnswerSpotter(reader),
        one_turn=lambda: remembering(parts.embeddings),  # the answer embedded once a turn
    )
