"""The shipped knowledge base's index, built once per machine and reused by every process.

A new process (a restart, a second replica, a test with an empty data directory) would otherwise
embed every chunk and rubric text again (tens of seconds on a busy machine) and rebuild BM25.
Two caches in ``Settings.cache_dir`` (default ``~/.cache/smartcity-assistant``) avoid that:

- **vectors**: SQLite, one row per (embedding model id, SHA-256 of the text) → float32 vector.
  Keyed by content and model, so a changed chunk or another model simply misses. Only texts
  embedded inside ``sharing()`` are written: the shipped knowledge and the framework's rubric
  texts, never a person's answer or question (those are looked up, never stored).
- **BM25**: the bm25s index saved per SHA-256 of (ids, the token lists, bm25s version). The key
  is the tokenizer's *output*, so a changed tokenizer misses without a version to bump.

A cache must never break the product: an unreadable or read-only cache directory means
"no cache" (the slow path), never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.knowledge.lexical import BM25Index, Tokenizer

CACHE_VERSION = 1


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class VectorCache:
    """(model id, text hash) → vector in one SQLite file; safe across threads and processes."""

    def __init__(self, path: Path, model_id: str):
        self.path = path
        self.model_id = model_id
        self._rows: dict[str, np.ndarray] | None = None
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=5)
        con.execute(
            "CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, sha TEXT NOT NULL, "
            "vec BLOB NOT NULL, PRIMARY KEY (model, sha))"
        )
        return con

    def _load(self) -> dict[str, np.ndarray]:
        with self._lock:
            if self._rows is None:
                rows: dict[str, np.ndarray] = {}
                try:
                    if self.path.exists():
                        con = self._connect()
                        try:
                            got = con.execute(
                                "SELECT sha, vec FROM vectors WHERE model = ?", (self.model_id,)
                            )
                            for sha, blob in got:
                                rows[sha] = np.frombuffer(blob, dtype=np.float32)
                        finally:
                            con.close()
                except (OSError, sqlite3.Error):
                    rows = {}
                self._rows = rows
            return self._rows

    def get(self, text: str) -> np.ndarray | None:
        return self._load().get(text_key(text))

    def __len__(self) -> int:
        return len(self._load())

    def put(self, texts: Sequence[str], vectors: Sequence[Sequence[float]]) -> None:
        """Remember vectors (in memory at once; on disk when the directory is writable)."""
        rows = self._load()
        new = [
            (text_key(t), np.asarray(v, dtype=np.float32))
            for t, v in zip(texts, vectors, strict=True)
        ]
        with self._lock:
            rows.update(new)
        try:
            con = self._connect()
            try:
                with con:
                    con.executemany(
                        "INSERT OR IGNORE INTO vectors (model, sha, vec) VALUES (?, ?, ?)",
                        [(self.model_id, sha, vec.tobytes()) for sha, vec in new],
                    )
            finally:
                con.close()
        except (OSError, sqlite3.Error):
            pass  # read-only or full cache directory: the vectors stay in memory only


class CachedEmbeddings(Embeddings):
    """Document vectors from the cache when known; new ones stored only inside ``sharing()``.

    ``embed_query`` always goes to the model: some models embed queries differently.
    """

    def __init__(self, inner: Embeddings, cache: VectorCache):
        self.inner = inner
        self.cache = cache
        self._local = threading.local()

    @contextmanager
    def sharing(self) -> Iterator[None]:
        """Within this block (this thread only) newly embedded documents go into the cache."""
        before = getattr(self._local, "share", False)
        self._local.share = True
        try:
            yield
        finally:
            self._local.share = before

    @contextmanager
    def remembering(self) -> Iterator[None]:
        """Within this block (this thread only) a text is embedded once however often it is
        asked for: in one interview turn the interpreter and the answer spotter both embed the
        answer. What is remembered is dropped at the end (a person's answer is never kept)."""
        before = getattr(self._local, "memo", None)
        self._local.memo = {} if before is None else before
        try:
            yield
        finally:
            self._local.memo = before

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        memo: dict[str, np.ndarray] | None = getattr(self._local, "memo", None)
        found = [memo[t] if memo and t in memo else self.cache.get(t) for t in texts]
        missing = [i for i, v in enumerate(found) if v is None]
        if missing:
            unique = list(dict.fromkeys(texts[i] for i in missing))  # a text twice: once
            fresh = self.inner.embed_documents(unique)
            if getattr(self._local, "share", False):
                self.cache.put(unique, fresh)
            got = dict(zip(unique, fresh, strict=True))
            for i in missing:
                vector = found[i] = np.asarray(got[texts[i]], dtype=np.float32)
                if memo is not None:
                    memo[texts[i]] = vector
        return [v.tolist() for v in found if v is not None]

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)

    def warm(self) -> None:
        """Load the model's weights now (not on the first question)."""
        self.inner.embed_query("warm up")


def cached_embeddings(inner: Embeddings, cache_dir: Path, model_id: str) -> CachedEmbeddings:
    return CachedEmbeddings(
        inner, VectorCache(cache_dir / f"vectors-v{CACHE_VERSION}.sqlite3", model_id)
    )


@contextmanager
def remembering(embeddings: Embeddings) -> Iterator[None]:
    """``embeddings.remembering()`` when it is a cache, otherwise nothing."""
    if isinstance(embeddings, CachedEmbeddings):
        with embeddings.remembering():
            yield
    else:
        yield


@contextmanager
def sharing(embeddings: Embeddings) -> Iterator[None]:
    """``embeddings.sharing()`` when it is a cache, otherwise nothing."""
    if isinstance(embeddings, CachedEmbeddings):
        with embeddings.sharing():
            yield
    else:
        yield


# --- BM25 -----------------------------------------------------------------------------------


def bm25_key(ids: Sequence[str], corpus: Sequence[list[str]]) -> str:
    import bm25s

    payload = json.dumps(
        [CACHE_VERSION, getattr(bm25s, "__version__", ""), list(ids), list(corpus)],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _restore(ids: Sequence[str], tokenizer: Tokenizer, bm25: Any) -> BM25Index:
    index = BM25Index.__new__(BM25Index)
    index.ids = list(ids)
    index.tokenizer = tokenizer
    index.vocabulary = set(bm25.vocab_dict) if ids else set()
    index._bm25 = bm25
    return index


def cached_bm25(
    ids: Sequence[str], texts: Sequence[str], tokenizer: Tokenizer, cache_dir: Path
) -> BM25Index:
    """The BM25 index for these chunks: loaded when this exact corpus was indexed before."""
    import bm25s

    corpus = [tokenizer(t) or [""] for t in texts]
    if not ids:
        return BM25Index(ids, texts, tokenizer)
    where = cache_dir / "bm25" / bm25_key(ids, corpus)[:40]
    if (where / "params.index.json").exists():
        try:
            loaded = bm25s.BM25.load(str(where), mmap=False, show_progress=False)
            return _restore(ids, tokenizer, loaded)
        except (OSError, ValueError, KeyError):
            pass  # damaged: rebuilt and saved again below
    index = BM25Index(ids, texts, tokenizer)
    _save(index, where)
    return index


def _save(index: BM25Index, where: Path) -> None:
    """Save next to ``where`` and rename into place, so a reader never sees half an index."""
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=where.parent, prefix=".tmp-"))
    except OSError:
        return  # read-only cache directory
    try:
        index._bm25.save(str(tmp), show_progress=False)
        if where.exists():
            shutil.rmtree(where, ignore_errors=True)
        os.replace(tmp, where)
    except OSError:
        pass  # another process saved it first
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
