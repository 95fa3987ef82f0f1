"""Free-text answer → proposed level: the offline interpreter, optionally behind an LLM one.

``make_interpreter`` is the one place that builds the interpreter from settings; the interview
engine, the CLI and the app receive what it returns and never construct one themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.framework import DEFAULT_DIR, get_framework

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings
    from langchain_core.language_models import BaseChatModel

    from assistant.models import Framework
    from assistant.ports import Interpreter
    from assistant.settings import Settings


def _framework(settings: Settings) -> Framework:
    directory = settings.knowledge_dir / "framework"
    same = directory.resolve() == DEFAULT_DIR.resolve()
    return get_framework(None if same else str(directory))


def make_interpreter(
    settings: Settings,
    chat_model: BaseChatModel | None = None,
    embeddings: Embeddings | None = None,
    *,
    framework: Framework | None = None,
) -> Interpreter:
    """The offline interpreter; with a chat model, the LLM interpreter falling back to it."""
    from assistant.interpret.offline import OfflineInterpreter

    if embeddings is None:
        from assistant.knowledge.embeddings import make_embeddings

        embeddings = make_embeddings(settings.embeddings)
    offline = OfflineInterpreter(framework or _framework(settings), embeddings)
    if chat_model is None:
        return offline
    try:
        from assistant.interpret.llm_interpreter import LLMInterpreter
    except ModuleNotFoundError as exc:
        if exc.name != "assistant.interpret.llm_interpreter":
            raise
        return offline
    if settings.llm_method == "default":
        return LLMInterpreter(chat_model, fallback=offline)
    return LLMInterpreter(chat_model, fallback=offline, method=settings.llm_method)


__all__ = ["make_interpreter"]
