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

import gc
import os
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import streamlit as st

from assistant.framework import get_framework
from assistant.models import LANGS, Element, Framework, Lang
from assistant.settings import Settings

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings
    from langchain_core.language_models import BaseChatModel

    from assistant.interview.engine import InterviewEngine
    from assistant.knowledge.jobs import IngestJobs
    from assistant.knowledge.services import KnowledgeServices
    from assistant.ports import Interpretation, Interpreter, KnowledgeAnswer, SessionStore


_SETTINGS: dict[tuple[tuple[str, str], ...], Settings] = {}


def current_settings() -> Settings:
    """Settings from the environment, read again whenever an ``ASSISTANT_*`` variable changes
    (tests vary them); otherwise the same object (building one costs ~10 ms, ten times a run)."""
    env = tuple(sorted((k, v) for k, v in os.environ.items() if k.upper().startswith("ASSISTANT_")))
    got = _SETTINGS.get(env)
    if got is None:
        if len(_SETTINGS) > 16:
            _SETTINGS.clear()
        got = _SETTINGS[env] = Settings()
    return got


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
class Model:
    """What a typed answer needs, ready before the index: the interpreter and the answer spotter
    over one embedding model (loaded once, shared with the knowledge services)."""

    interpreter: Interpreter
    spotter: Any  # assistant.prefill.spotter.AnswerSpotter, its topic vectors warm
    embeddings: Any = None  # what both embed with (its per-turn memory: ``one_turn``)


@dataclass(frozen=True)
class Loaded:
    """What the background load produces: the knowledge services and the model parts."""

    services: KnowledgeServices
    interpreter: Interpreter
    spotter: Any


def _build(settings: Settings, model_ready: Future[Model] | None = None) -> Loaded:
    """The slow part: the model, and beside it the index (Chroma, a first build, BM25).

    The model comes first and is published on ``model_ready`` at once, since a typed answer
    needs only it: the embedding model unpacked from its cache, the interpreter's rubric vectors
    and the spotter's topic vectors from the shared vector cache
    (``assistant.knowledge.index_cache``). Then a second thread opens or builds the index: both
    need the interpreter lock most of the time, so side by side each took twice as long and the
    first typed answer waited for Chroma's import too.
    At the end everything loaded is moved out of the garbage collector's way (``settle``).
    """
    from assistant.knowledge.embeddings import embedding_id, make_embeddings
    from assistant.knowledge.index_cache import cached_embeddings

    ready: Future[Model] = model_ready if model_ready is not None else Future()
    try:
        model = make_embeddings(settings.embeddings, settings.cache_dir)
        embeddings = cached_embeddings(model, settings.cache_dir, embedding_id(settings.embeddings))
        ready.set_result(_model(settings, embeddings))
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="index")
        index = pool.submit(_index, settings, embeddings)
        pool.shutdown(wait=False)
    except BaseException as exc:
        if not ready.done():
            ready.set_exception(exc)  # a waiting turn hears of it instead of waiting forever
        raise
    services = index.result()
    settle()
    parts = ready.result()
    return Loaded(services, parts.interpreter, parts.spotter)


def _model(settings: Settings, embeddings: Embeddings) -> Model:
    """The weights in, the interpreter's rubric vectors and the spotter's topic vectors warm."""
    from assistant.interpret import make_interpreter
    from assistant.interpret.offline import OfflineInterpreter
    from assistant.knowledge.index_cache import sharing
    from assistant.prefill.reader import DocumentReader
    from assistant.prefill.spotter import AnswerSpotter

    embeddings.embed_query("warm up")  # the model itself
    fw = framework(settings)
    interpreter = make_interpreter(settings, chat_model(settings), embeddings, framework=fw)
    spotter = AnswerSpotter(DocumentReader(fw, interpreter, embeddings))
    with sharing(embeddings):
        if isinstance(interpreter, OfflineInterpreter):
            interpreter.warm()  # the rubric vectors, so the first answer pays nothing extra
        for lang in LANGS:  # the elements' texts embedded once, not on the first answer
            spotter.spot(fw.elements[0].question.get(lang), lang, {e.id for e in fw.elements})
    return Model(interpreter, spotter, embeddings)


def _index(settings: Settings, embeddings: Embeddings) -> KnowledgeServices:
    """Chroma opened (built from the shipped sources on an empty data directory), BM25 loaded."""
    from assistant.knowledge.services import build_services

    services = build_services(settings, embeddings)
    services.ensure_built(progress=lambda _msg: None)
    if settings.chroma_url is None:  # embedded Chroma: this process is the only writer
        services.drop_unlisted()  # what an ingest killed with the last server had half-added
    _ = services.retriever
    return services


def settle() -> None:
    """Collect once, then keep what is loaded out of later collections (never freed anyway)."""
    gc.collect()
    gc.freeze()


@dataclass
class KnowledgeLoader:
    """The knowledge services being built in the background; thread-safe to query. ``model``
    is done first: what a typed answer needs (``model_ready``, ``interpreter``, ``spotter``)."""

    future: Future[Loaded]
    model: Future[Model] = field(default_factory=Future)

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

    def model_ready(self) -> bool:
        return self.model.done()

    def wait_model(self) -> None:
        """Block until the model parts are in (or failed to load)."""
        self.model.exception()

    def interpreter(self) -> Interpreter:
        return self.model.result().interpreter

    def spotter(self) -> Any:
        return self.model.result().spotter


HOLD = 4.0  # seconds: the longest the background load waits for a first page to be served
GRACE = 0.3  # after that page's script run: the browser fetches its widgets' code and paints
_FIRST_PAGE = threading.Event()  # set at the end of the process's first page run
_first_page_at: list[float] = []  # when (time.monotonic())


def page_served() -> None:
    """A page run has ended (``layout.main``): the background load may start (see ``_hold``)."""
    if not _FIRST_PAGE.is_set():
        _first_page_at.append(time.monotonic())
        _FIRST_PAGE.set()


def _hold() -> None:
    """Let the first visitor's page be served before the load takes the interpreter lock.

    Both need the one lock: the page's static files, script run and widget code are served in
    small steps, each waiting for the loading threads to hand the lock over. Measured (2 cores,
    load ~3): the form painted 1.1 s after the health check with the load held back, 1.8 s with
    it running alongside, and the whole load was not slower for starting after the page. Without
    a visitor it starts after ``HOLD`` seconds anyway, so the server still warms on its own.
    """
    if _FIRST_PAGE.wait(HOLD) and _first_page_at:
        time.sleep(max(0.0, _first_page_at[0] + GRACE - time.monotonic()))


def _held_build(settings: Settings, model: Future[Model]) -> Loaded:
    _hold()
    return _build(settings, model)


@st.cache_resource(show_spinner=False)
def _knowledge(key: str) -> KnowledgeLoader:
    settings = Settings.model_validate_json(key)
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="knowledge")
    model: Future[Model] = Future()
    return KnowledgeLoader(pool.submit(_held_build, settings, model), model)


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
        spotter=_LazySpotter(loader),
        one_turn=lambda: _one_turn(loader),
    )


def _one_turn(loader: KnowledgeLoader) -> AbstractContextManager[None]:
    """One answer's vectors remembered for its turn (the model is in: a typed answer waits)."""
    from assistant.knowledge.index_cache import remembering

    if not loader.model_ready() or loader.model.exception() is not None:
        return nullcontext()
    return remembering(loader.model.result().embeddings)


class _LazySpotter:
    """One answer, several elements (assistant.prefill.spotter), once the model is loaded."""

    def __init__(self, loader: KnowledgeLoader) -> None:
        self._loader = loader

    def spot(self, text: str, lang: Lang, skip: set[str]) -> dict[str, Any]:
        spotter = self._loader.spotter()  # framework data only: one per process
        result: dict[str, Any] = spotter.spot(text, lang, skip)
        return result


def engine(settings: Settings) -> InterviewEngine:
    """The interview engine (cheap to build: the model loads in the background)."""
    return _engine(_key(settings))


def describe_error(exc: BaseException) -> str:
    """One line for a failure shown to the user."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
