"""The API's collaborators built from the settings, the way the CLI and the web app build theirs:
one framework, one session store, one embedding model shared by the interpreter, the engine's
knowledge answerer and ``/v1/ask``. Built once per process; they hold no per-user data.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.answers_io import InputError
from assistant.models import Framework, Lang

if TYPE_CHECKING:
    from assistant.interview.engine import InterviewEngine
    from assistant.knowledge.answer import AnswerResult
    from assistant.knowledge.services import KnowledgeServices
    from assistant.ports import SessionStore
    from assistant.settings import Settings

# ask(question, lang, k) -> the `ask --json` result
AskFn = Callable[[str, "Lang | None", int], "AnswerResult"]


def _quiet(_message: str) -> None:
    """No progress lines from a first-use build inside a request."""


class KnowledgeAsk:
    """``/v1/ask``: the same ``answer`` call as ``assistant ask``, over shared services."""

    def __init__(self, services: KnowledgeServices, chat_model: Any = None) -> None:
        self.services = services
        self.chat_model = chat_model
        self._lock = threading.Lock()
        self._built = False

    def ready(self) -> None:
        """Build the knowledge base on first use (once, even with concurrent requests)."""
        with self._lock:
            if not self._built:
                self.services.ensure_built(progress=_quiet)
                self._built = True

    def __call__(self, question: str, lang: Lang | None, k: int) -> AnswerResult:
        from assistant.knowledge.answer import answer

        self.ready()
        return answer(question, self.services.retriever, lang=lang, k=k, chat_model=self.chat_model)


@dataclass
class Collaborators:
    framework: Framework
    engine: InterviewEngine
    store: SessionStore
    ask: AskFn
    warm: Callable[[], None]


def build_collaborators(settings: Settings) -> Collaborators:
    """Everything the app needs; a bad setting is an ``InputError`` (one line at start-up)."""
    from assistant.knowledge.services import build_services
    from assistant.wiring import build_parts, make_engine

    parts = build_parts(settings)
    try:
        services = build_services(settings, embeddings=parts.embeddings)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    engine = make_engine(parts, services)
    ask = KnowledgeAsk(services, parts.chat_model)

    def warm() -> None:
        """Load the model weights and rubric vectors now, not on the first request."""
        from assistant.interpret.offline import OfflineInterpreter

        parts.embeddings.embed_query("warm up")
        if isinstance(parts.interpreter, OfflineInterpreter):
            parts.interpreter.warm()

    return Collaborators(parts.framework, engine, parts.store, ask, warm)
