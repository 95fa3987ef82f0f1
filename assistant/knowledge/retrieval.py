"""Hybrid retrieval: BM25 and the dense Chroma ranking fused by reciprocal rank fusion (RRF).

Chroma's own hybrid search does not run locally, so the two rankings are composed here. Filters
(language, element, cooperation level) apply to both rankings before fusion. Everything the
retriever needs is passed in; it holds an in-memory copy of the chunk metadata (small: the
texts are needed for BM25 anyway) which ``refresh()`` reloads after an ingest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.knowledge.chunk import Chunk
from assistant.knowledge.lexical import BM25Index, Tokenizer, bigram_tokenize
from assistant.knowledge.store import KnowledgeStore

Mode = Literal["hybrid", "dense", "lexical"]
RRF_K = 60
CANDIDATES = 40
EXACT_DENSE_MAX = 5000  # chunks ranked exactly in numpy; the shipped knowledge base has ~200


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk: fused ``score`` (0..1), plus the raw signals behind it."""

    chunk: Chunk
    score: float
    dense: float | None = None  # cosine similarity when the dense ranking had it
    lexical: float | None = None  # BM25 score when the lexical ranking had it


@dataclass(frozen=True)
class Filters:
    lang: str | None = None
    element_id: str | None = None
    level: Literal["national", "city"] | None = None
    base_prefix: str | None = None  # e.g. "coop-": only the cooperation-menu lines

    @property
    def empty(self) -> bool:
        return not (self.lang or self.element_id or self.level or self.base_prefix)

    def accepts(self, chunk: Chunk) -> bool:
        if self.lang and chunk.lang != self.lang:
            return False
        if self.base_prefix and not chunk.id.startswith(self.base_prefix):
            return False
        if self.element_id and self.element_id not in chunk.element_ids:
            return False
        if self.level:
            prefix = "nat-" if self.level == "national" else "city-"
            if not any(c.startswith(prefix) for c in chunk.cooperation_ids):
                return False
        return True


class HybridRetriever:
    """BM25 + dense ranking with RRF; ``mode='dense'`` is the baseline the eval compares with."""

    def __init__(
        self,
        store: KnowledgeStore,
        embeddings: Embeddings,
        *,
        tokenizer: Tokenizer = bigram_tokenize,
        mode: Mode = "hybrid",
        candidates: int = CANDIDATES,
        rrf_k: int = RRF_K,
        bm25: Callable[[list[str], list[str], Tokenizer], BM25Index] = BM25Index,
    ):
        self.store = store
        self.embeddings = embeddings
        self.tokenizer = tokenizer
        self.mode: Mode = mode
        self.candidates = candidates
        self.rrf_k = rrf_k
        self._make_bm25 = bm25  # e.g. index_cache.cached_bm25: loaded when built before
        self.chunks: list[Chunk] = []
        self._by_id: dict[str, int] = {}
        self._bm25: BM25Index | None = None
        self._rows: dict[str, int] = {}
        self._ids: list[str] = []
        self._filtered: dict[Filters, tuple[np.ndarray, list[str]]] = {}
        self._matrix: np.ndarray | None = None  # unit-length stored vectors, for exact search
        self.refresh()

    def refresh(self) -> None:
        """Reload chunks from the store and rebuild the BM25 index (after an ingest)."""
        self.chunks = self.store.all_chunks()
        self._by_id = {c.id: i for i, c in enumerate(self.chunks)}
        self._filtered = {}
        self._load_vectors()
        self._bm25 = self._make_bm25(
            [c.id for c in self.chunks], [_indexed_text(c) for c in self.chunks], self.tokenizer
        )

    def _allowed(self, filters: Filters) -> tuple[np.ndarray, list[str]]:
        """The chunks a filter lets through (mask and ids), kept until the next refresh: the
        composer filters the same way (the menu lines) several times per question."""
        if filters not in self._filtered:
            flags = [filters.accepts(c) for c in self.chunks]
            allowed = [c.id for c, ok in zip(self.chunks, flags, strict=True) if ok]
            if len(self._filtered) > 64:  # filters by element or level: a bounded few
                self._filtered.clear()
            self._filtered[filters] = (np.asarray(flags, dtype=bool), allowed)
        return self._filtered[filters]

    def _load_vectors(self) -> None:
        """The stored vectors, read once per refresh: dense search over a few thousand chunks
        is exact and deterministic in numpy (Chroma's approximate index can miss the best
        passage in one build and find it in the next). Above ``EXACT_DENSE_MAX`` chunks the
        product reads too much memory per question (8 ms at 10,000 on a busy machine): the
        approximate index serves, as its misses matter less among many passages."""
        self._matrix, self._rows, self._ids = None, {}, []
        vectors = getattr(self.store, "vectors", None)
        if vectors is None or len(self.chunks) > EXACT_DENSE_MAX:
            return
        try:
            ids, matrix = vectors()
        except Exception:  # a store that cannot list its vectors: the approximate index
            return
        if not ids:
            return
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        self._matrix = matrix / np.where(norms == 0, 1.0, norms)
        self._rows = {cid: i for i, cid in enumerate(ids)}
        self._ids = list(ids)

    def _dense(
        self, vector: list[float], n: int, allowed: list[str] | None
    ) -> list[tuple[str, float]]:
        """(id, cosine similarity) best first: exact over the stored vectors when loaded."""
        if self._matrix is None:
            return self.store.dense(vector, n, ids=allowed)
        q = np.asarray(vector, dtype=np.float32)
        q = q / (float(np.linalg.norm(q)) or 1.0)
        if allowed is None:
            rows = None
            sims = self._matrix @ q  # no copy of the matrix: one product over all rows
        else:
            rows = np.asarray([self._rows[c] for c in allowed if c in self._rows], dtype=int)
            if rows.size == 0:
                return []
            sims = self._matrix[rows] @ q
        n = min(n, sims.size)
        top = np.argpartition(-sims, n - 1)[:n]
        top = top[np.argsort(-sims[top], kind="stable")]
        at = (lambda i: i) if rows is None else (lambda i: rows[i])
        return [(self._ids[at(i)], float(sims[i])) for i in top]

    def __len__(self) -> int:
        return len(self.chunks)

    def get(self, chunk_id: str) -> Chunk | None:
        i = self._by_id.get(chunk_id)
        return None if i is None else self.chunks[i]

    def lexical_overlap(self, query: str) -> float:
        """Share of the query's tokens known to the corpus (used by the relevance rule)."""
        return self._bm25.overlap(query) if self._bm25 else 0.0

    def search(
        self,
        query: str,
        k: int = 4,
        filters: Filters | None = None,
        mode: Mode | None = None,
        vector: list[float] | None = None,
    ) -> list[Hit]:
        """The k best chunks for the query, best first (``vector``: the query already embedded,
        so one question searched twice is embedded once)."""
        filters = filters or Filters()
        mode = mode or self.mode
        if not self.chunks or not query.strip():
            return []
        allowed: list[str] | None = None
        mask: np.ndarray | None = None
        if not filters.empty:
            mask, allowed = self._allowed(filters)
            if not allowed:
                return []
        n = max(self.candidates, k)
        dense: list[tuple[str, float]] = []
        lexical: list[tuple[str, float]] = []
        if mode in ("hybrid", "dense"):
            vector = vector if vector is not None else self.embeddings.embed_query(query)
            dense = self._dense(vector, n, allowed)
        if mode in ("hybrid", "lexical") and self._bm25 is not None:
            lexical = self._bm25.search(query, n, mask)
        dense_of = dict(dense)
        lex_of = dict(lexical)
        if mode == "dense":
            ranked = [(cid, max(0.0, s)) for cid, s in dense]
        elif mode == "lexical":
            top = lexical[0][1] if lexical else 1.0
            ranked = [(cid, s / top) for cid, s in lexical]
        else:
            return self._fuse(dense, lexical, k, lexical_weight=_lexical_weight(query))
        hits: list[Hit] = []
        for cid, score in ranked[:k]:
            chunk = self.get(cid)
            if chunk is not None:
                hits.append(Hit(chunk, round(score, 4), dense_of.get(cid), lex_of.get(cid)))
        return hits

    def _fuse(
        self,
        dense: list[tuple[str, float]],
        lexical: list[tuple[str, float]],
        k: int,
        lexical_weight: float = 1.0,
    ) -> list[Hit]:
        """RRF over base ids: the en and ja versions of the same facts pool their evidence.

        Each ranking is reduced to base ids (first occurrence); the chunk shown for a base id
        is the one that ranked best in either list. Scores are scaled so 1.0 = first in both.
        """
        fused: dict[str, float] = {}
        shown: dict[str, tuple[int, str]] = {}
        dense_of: dict[str, float] = {}
        lex_of: dict[str, float] = {}
        for ranking, best_of, weight in ((dense, dense_of, 1.0), (lexical, lex_of, lexical_weight)):
            rank = 0
            for cid, raw in ranking:
                chunk = self.get(cid)
                if chunk is None:
                    continue
                base = chunk.base_id
                if base in best_of:
                    continue
                best_of[base] = raw
                fused[base] = fused.get(base, 0.0) + weight / (self.rrf_k + rank + 1)
                if base not in shown or rank < shown[base][0]:
                    shown[base] = (rank, cid)
                rank += 1
        top = (1.0 + lexical_weight) / (self.rrf_k + 1)
        order = sorted(fused, key=lambda b: (-fused[b], b))[:k]
        return [
            Hit(
                self.chunks[self._by_id[shown[b][1]]],
                round(fused[b] / top, 4),
                dense_of.get(b),
                lex_of.get(b),
            )
            for b in order
        ]


MIXED_LEXICAL_WEIGHT = 1.5
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]{2,}")


def _lexical_weight(query: str) -> float:
    """Mixed-script questions ("a 協議体 for the smart city") embed poorly: the exact term in the
    other script is the strongest evidence, so BM25's ranking counts more in the fusion."""
    mixed = len(_LATIN_WORD.findall(query)) >= 2 and _CJK_RUN.search(query) is not None
    return MIXED_LEXICAL_WEIGHT if mixed else 1.0


def _indexed_text(chunk: Chunk) -> str:
    """What BM25 sees: the title carries words the passage may not repeat."""
    return f"{chunk.title}\n{chunk.text}"
