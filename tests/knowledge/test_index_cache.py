"""The shared index cache: vectors and BM25 reused across processes, keyed by content and model."""

from __future__ import annotations

import contextlib
from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from assistant.knowledge import services as services_mod
from assistant.knowledge.index_cache import CachedEmbeddings, VectorCache, cached_bm25
from assistant.knowledge.lexical import BM25Index, bigram_tokenize
from assistant.settings import Settings

from .conftest import HashEmbeddings

quiet = {"progress": lambda _: None}


class Counting(Embeddings):
    """HashEmbeddings that count what they embed (or refuse to, once frozen)."""

    def __init__(self, frozen: bool = False) -> None:
        self.inner = HashEmbeddings()
        self.documents: list[str] = []
        self.queries = 0
        self.frozen = frozen

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if self.frozen:
            raise AssertionError(f"embedded again: {texts[:1]}")
        self.documents.extend(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        self.queries += 1
        return self.inner.embed_query(text)


def cache_at(tmp_path: Path, model: str = "m1") -> VectorCache:
    return VectorCache(tmp_path / "cache" / "vectors.sqlite3", model)


def test_vectors_are_reused_by_another_process_only_for_the_same_model(tmp_path):
    first = CachedEmbeddings(Counting(), cache_at(tmp_path))
    with first.sharing():
        vectors = first.embed_documents(["rubric text one", "rubric text two"])
    again = CachedEmbeddings(Counting(frozen=True), cache_at(tmp_path))  # a new process
    assert again.embed_documents(["rubric text two", "rubric text one"]) == vectors[::-1]
    other_model = Counting()
    CachedEmbeddings(other_model, cache_at(tmp_path, "m2")).embed_documents(["rubric text one"])
    assert other_model.documents == ["rubric text one"]


def test_a_persons_text_is_never_stored(tmp_path):
    inner = Counting()
    cached = CachedEmbeddings(inner, cache_at(tmp_path))
    cached.embed_documents(["Our city has a smart city master plan since 2021."])
    cached.embed_query("What is a data platform?")
    assert len(cache_at(tmp_path)) == 0
    assert inner.queries == 1  # queries always go to the model


def test_sharing_is_per_thread(tmp_path):
    import threading

    cached = CachedEmbeddings(Counting(), cache_at(tmp_path))
    with cached.sharing():
        worker = threading.Thread(target=cached.embed_documents, args=(["someone's answer"],))
        worker.start()
        worker.join()
    assert len(cache_at(tmp_path)) == 0


def test_an_unwritable_cache_directory_is_no_cache_not_an_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cached = CachedEmbeddings(Counting(), VectorCache(blocker / "v.sqlite3", "m1"))
    with cached.sharing():
        assert len(cached.embed_documents(["a", "b"])) == 2
    ids, texts = ["a", "b"], ["data platform", "living lab"]
    assert cached_bm25(ids, texts, bigram_tokenize, blocker).search("living lab", 2)[0][0] == "b"


TEXTS = [
    "Data platform procurement with terms of reference",
    "Residents co-create services in living labs",
    "データプラットフォームの調達と仕様書",
    "",
]
IDS = ["c1", "c2", "c3", "c4"]
QUERIES = ["data platform", "living lab residents", "調達の仕様書", "nothing here", "データ"]


def test_bm25_is_loaded_the_second_time_with_the_same_scores(tmp_path, monkeypatch):
    built = cached_bm25(IDS, TEXTS, bigram_tokenize, tmp_path)
    fresh = BM25Index(IDS, TEXTS, bigram_tokenize)

    import bm25s

    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("rebuilt instead of loaded")

    monkeypatch.setattr(bm25s.BM25, "index", refuse)
    loaded = cached_bm25(IDS, TEXTS, bigram_tokenize, tmp_path)
    assert loaded.vocabulary == fresh.vocabulary == built.vocabulary
    for q in QUERIES:
        assert np.allclose(loaded.scores(q), fresh.scores(q))
        assert loaded.search(q, 3) == fresh.search(q, 3)
        assert loaded.overlap(q) == fresh.overlap(q)


def test_bm25_misses_when_the_text_or_the_tokenizer_changes(tmp_path):
    cached_bm25(IDS, TEXTS, bigram_tokenize, tmp_path)
    cached_bm25(IDS, [*TEXTS[:3], "a new chunk"], bigram_tokenize, tmp_path)

    def words_only(text: str) -> list[str]:
        return text.lower().split()

    index = cached_bm25(IDS, TEXTS, words_only, tmp_path)
    assert len(list((tmp_path / "bm25").iterdir())) == 3
    assert index.search("platform", 1)[0][0] == "c1" and "platform" in index.vocabulary


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> list[Counting]:
    """``build_services`` builds Counting embeddings (so it wraps them in the cache)."""
    made: list[Counting] = []

    def make(_setting: str, _cache_dir: object = None) -> Counting:
        made.append(Counting(frozen=len(made) > 0))
        return made[-1]

    monkeypatch.setattr(services_mod, "make_embeddings", make)
    return made


def test_a_second_data_directory_builds_without_embedding_again(settings, tmp_path, counting):
    settings = settings.model_copy(update={"cache_dir": tmp_path / "cache"})
    first = services_mod.build_services(settings)
    first.ensure_built(**quiet)
    assert len(counting[0].documents) == first.store.count() > 0
    other: Settings = settings.model_copy(update={"data_dir": tmp_path / "data2"})
    second = services_mod.build_services(other)
    second.ensure_built(**quiet)  # the frozen embeddings would raise on any new text
    question = "Who helps draft the terms of reference for a data platform?"
    first_hits = [h.chunk.id for h in first.retriever.search(question, 4)]
    assert [h.chunk.id for h in second.retriever.search(question, 4)] == first_hits


def test_added_documents_do_not_enter_the_cache(settings, tmp_path, counting):
    settings = settings.model_copy(update={"cache_dir": tmp_path / "cache"})
    services = services_mod.build_services(settings)
    services.ensure_built(**quiet)
    doc = tmp_path / "notes.txt"
    doc.write_text("Our confidential tender notes for the data platform.\n", "utf-8")
    services.ingest([doc], added_by="Ken", **quiet)
    stored = VectorCache(settings.cache_dir / "vectors-v1.sqlite3", services.store.model_id)
    assert stored.get("Our confidential tender notes for the data platform.") is None
    assert len(stored) == services.store.count() - 1


def test_one_turn_embeds_an_answer_once_and_forgets_it(tmp_path):
    """The interpreter and the answer spotter both embed the answer in one turn: inside
    ``remembering()`` the second asks nothing of the model; after it, nothing is kept."""
    inner = Counting()
    cached = CachedEmbeddings(inner, cache_at(tmp_path))
    answer = "A smart city office coordinates all departments."
    with cached.remembering():
        first = cached.embed_documents([answer, "It has a budget."])
        again = cached.embed_documents(["It has a budget.", answer, answer])
    assert inner.documents == [answer, "It has a budget."]
    assert again == [first[1], first[0], first[0]]
    cached.embed_documents([answer])  # the next turn: embedded again (nothing was kept)
    assert inner.documents == [answer, "It has a budget.", answer]
    assert cache_at(tmp_path).get(answer) is None  # nor stored for another process


def test_a_turn_of_the_engine_embeds_its_answer_once(tmp_path):
    """A typed answer reaches the model once in its turn, though the interpreter and the
    answer spotter both read it (the engine's ``one_turn``, as the web app and the API wire it);
    without it, three times."""
    from assistant.framework import get_framework
    from assistant.interpret.offline import OfflineInterpreter
    from assistant.interview.engine import InterviewEngine
    from assistant.knowledge.index_cache import remembering
    from assistant.models import CITY_TYPES, CityProfile
    from assistant.prefill.reader import DocumentReader
    from assistant.prefill.spotter import AnswerSpotter
    from assistant.sessions import make_session_store

    fw = get_framework()
    inner = Counting()
    cached = CachedEmbeddings(inner, cache_at(tmp_path))
    interpreter = OfflineInterpreter(fw, cached)
    spotter = AnswerSpotter(DocumentReader(fw, interpreter, cached))
    store = make_session_store(Settings(data_dir=tmp_path / "data"))
    answer = "A smart city office in the mayor's office coordinates all departments."
    for one_turn, times in ((contextlib.nullcontext, 3), (lambda: remembering(cached), 1)):
        engine = InterviewEngine(fw, interpreter, store, spotter=spotter, one_turn=one_turn)
        code, _ = engine.start(
            "en", CityProfile(name="Riverside", city_type=CITY_TYPES[0], language="en")
        )
        inner.documents.clear()
        engine.handle(code, answer)
        assert inner.documents.count(answer) == times, inner.documents
