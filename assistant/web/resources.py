"""Shared, per-process resources for the web app, cached with ``st.cache_resource``.

Only things that hold no per-user data live here: the settings, the framework, the session store
(a database engine), the knowledge services and the chat model. Each cached function is keyed by
the settings (as JSON) so that two configurations in one process (e.g. tests with temporary data
directories) never share a resource.

The knowledge base (embedding model + Chroma + first build) loads in a background thread started
on the first page view, so the pages stay usable while it loads; pages ask ``KnowledgeLoader``
whether it is ready and wait for it only when they need it.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import streamlit as st

from assistant.framework import get_framework
from assistant.models import Element, Framework, Lang
from assistant.settings import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from assistant.interview.engine import InterviewEngine
    from assistant.knowledge.jobs import IngestJobs
    from assistant.knowledge.services import KnowledgeServices
    from assistant.ports import Interpretation, Interpreter, KnowledgeAnswer, SessionStore


def current_settings() -> Settings:
    """Settings from the environment (cheap; read on every run so tests can vary them)."""
    return Settings()


def _key(settings: Settings) -> str:
    return settings.model_dump_json(exclude={"facilitator_passphrase"})  # not a resource key


def framework(settings: Settings) -> Framework:
    return get_framework(str(settings.knowledge_dir / "framework"))


@st.cache_resource(show_spinner=False)
def _session_store(key: str) -> SessionStore:
    from assistant.sessions import make_session_store

    return make_session_store(Settings.model_validate_json(key))


def session_store(settings: Settings) -> SessionStore:
    return _session_store(_key(settings))


@st.cache_resource(show_spinner=False)
def _chat_model(key: str) -> BaseChatModel | None:
    from assistant.llm import make_chat_model

    return make_chat_model(Settings.model_validate_json(key))


def chat_model(settings: Settings) -> BaseChatModel | None:
    return _chat_model(_key(settings))


@dataclass(frozen=True)
class Loaded:
    """What the background load produces: the knowledge services and the interpreter that
    shares their embedding model (one model in memory, loaded once)."""

    services: KnowledgeServices
    interpreter: Interpreter


def _build(settings: Settings) -> Loaded:
    """Embeddings, store, first build, warm retriever and rubric vectors: the slow part.

    The model's weights load in a second thread while the index is loaded (or built), and the
    rubric vectors come from the shared cache (``assistant.knowledge.index_cache``).
    """
    from assistant.interpret import make_interpreter
    from assistant.interpret.offline import OfflineInterpreter
    from assistant.knowledge.index_cache import sharing
    from assistant.knowledge.services import build_services

    services = build_services(settings)
    weights = ThreadPoolExecutor(max_workers=1, thread_name_prefix="weights")
    loaded = weights.submit(services.embeddings.embed_query, "warm up")
    weights.shutdown(wait=False)
    services.ensure_built(progress=lambda _msg: None)
    if settings.chroma_url is None:  # embedded Chroma: this process is the only writer
        services.drop_unlisted()  # what an ingest killed with the last server had half-added
    _ = services.retriever
    interpreter = make_interpreter(
        settings, chat_model(settings), services.embeddings, framework=framework(settings)
    )
    if isinstance(interpreter, OfflineInterpreter):
        with sharing(services.embeddings):
            interpreter.warm()  # the rubric vectors, so the first answer pays nothing extra
    loaded.result()  # the weights, so the first question pays nothing either
    return Loaded(services, interpreter)


@dataclass
class KnowledgeLoader:
    """The knowledge services being built in the background; thread-safe to query."""

    future: Future[Loaded]

    def ready(self) -> bool:
        return self.future.done()

    def error(self) -> BaseException | None:
        return self.future.exception() if self.future.done() else None

    def wait(self) -> None:
        """Block until the load has finished (successfully or not)."""
        self.future.exception()

    def get(self, timeout: float | None = None) -> KnowledgeServices:
        """The services, waiting up to ``timeout`` seconds; re-raises a build failure."""
        return self.future.result(timeout).services

    def interpreter(self) -> Interpreter:
        return self.future.result().interpreter


@st.cache_resource(show_spinner=False)
def _knowledge(key: str) -> KnowledgeLoader:
    settings = Settings.model_validate_json(key)
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="knowledge")
    return KnowledgeLoader(pool.submit(_build, settings))


@st.cache_resource(show_spinner=False)
def ingest_jobs() -> IngestJobs:
    """The process's document-ingest jobs: they hold jobs, never users (a session keeps only
    its job's id), and one worker runs them in turn, off every page's request."""
    from assistant.knowledge.jobs import IngestJobs

    return IngestJobs()


def knowledge(settings: Settings) -> KnowledgeLoader:
    """Start (once per process and configuration) and return the knowledge-base loader."""
    return _knowledge(_key(settings))


class _LazyInterpreter:
    """The engine's interpreter before the model is loaded: waits for it on first use."""

    def __init__(self, loader: KnowledgeLoader) -> None:
        self._loader = loader

    def interpret(self, element: Element, text: str, lang: Lang) -> Interpretation:
        return self._loader.interpreter().interpret(element, text, lang)


@st.cache_resource(show_spinner=False)
def _engine(key: str) -> InterviewEngine:
    from assistant.interview.engine import InterviewEngine
    from assistant.interview.knowledge import KnowledgeAnswerer

    settings = Settings.model_validate_json(key)
    loader = _knowledge(key)

    class _Answerer:
        """Side questions through the shared knowledge services (waits for them if needed)."""

        def ask(self, question: str, lang: Lang, element_id: str | None = None) -> KnowledgeAnswer:
            answerer = KnowledgeAnswerer(services=loader.get(), chat_model=chat_model(settings))
            return answerer.ask(question, lang, element_id)

    return InterviewEngine(
        framework(settings),
        _LazyInterpreter(loader),
        session_store(settings),
        _Answerer(),
        spotter=_LazySpotter(loader, framework(settings)),
    )


class _LazySpotter:
    """One answer, several elements (assistant.prefill.spotter), once the model is loaded."""

    def __init__(self, loader: KnowledgeLoader, fw: Framework) -> None:
        self._loader = loader
        self._fw = fw
        self._spotter: Any = None

    def spot(self, text: str, lang: Lang, skip: set[str]) -> dict[str, Any]:
        if self._spotter is None:
            from assistant.prefill.reader import DocumentReader
            from assistant.prefill.spotter import AnswerSpotter

            loaded = self._loader
            reader = DocumentReader(self._fw, loaded.interpreter(), loaded.get().embeddings)
            self._spotter = AnswerSpotter(reader)  # framework data only: shared per process
        result: dict[str, Any] = self._spotter.spot(text, lang, skip)
        return result


def engine(settings: Settings) -> InterviewEngine:
    """The interview engine (cheap to build: the model loads in the background)."""
    return _engine(_key(settings))


def describe_error(exc: BaseException) -> str:
    """One line for a failure shown to the user."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
