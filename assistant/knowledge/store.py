"""The Chroma collection (embedded or server) and the manifest that makes ingestion idempotent.

The collection always gets an explicit embedding function (an adapter over the project's
LangChain embeddings) and vectors are computed by the project: Chroma's default embedding
function would try to download a model, which fails offline and must never happen silently.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction
from chromadb.api.types import Embeddings as ChromaVectors
from langchain_core.embeddings import Embeddings

from assistant.knowledge.chunk import Chunk
from assistant.knowledge.embeddings import EmbeddingMismatchError

COLLECTION = "knowledge"
MODEL_KEY = "embedding_model"
MANIFEST_NAME = "knowledge-manifest.json"
BATCH = 128


def open_client(chroma_dir: Path, chroma_url: str | None) -> Any:
    """Embedded PersistentClient in ``chroma_dir``, or an HttpClient for ``chroma_url``."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if chroma_url:
        url = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
        if not url.hostname:
            raise ValueError(f"ASSISTANT_CHROMA_URL {chroma_url!r} has no host")
        https = url.scheme == "https"
        return chromadb.HttpClient(
            host=url.hostname,
            port=url.port or (443 if https else 8000),
            ssl=https,
            settings=chroma_settings,
        )
    chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(chroma_dir), settings=chroma_settings)


class LangChainEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma's embedding-function interface over a LangChain ``Embeddings``.

    (chromadb's own ``create_langchain_embedding`` adapter breaks on queries by text.)
    """

    def __init__(self, embeddings: Embeddings, model_id: str):
        self._embeddings = embeddings
        self._model_id = model_id

    def __call__(self, input: Documents) -> ChromaVectors:
        import numpy as np

        vectors = self._embeddings.embed_documents(list(input))
        return [np.asarray(v, dtype=np.float32) for v in vectors]

    @staticmethod
    def name() -> str:
        return "assistant-langchain"

    def get_config(self) -> dict[str, Any]:
        return {"model": self._model_id}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> LangChainEmbeddingFunction:
        """Chroma rebuilds this when listing collections: give it one that refuses to embed."""
        return LangChainEmbeddingFunction(_Unbound(), str(config.get("model", "")))

    def is_legacy(self) -> bool:
        return False


class _Unbound(Embeddings):
    """Stands in when Chroma reconstructs the function itself: never embeds, never downloads."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        raise RuntimeError("embeddings must be passed explicitly (see assistant.knowledge.store)")

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


class KnowledgeStore:
    """The chunk collection: add/delete/read chunks and run the dense (vector) ranking."""

    def __init__(self, client: Any, embeddings: Embeddings, model_id: str, name: str = COLLECTION):
        self.client = client
        self.embeddings = embeddings
        self.model_id = model_id
        self.name = name
        self._ef = LangChainEmbeddingFunction(embeddings, model_id)
        self._collection: Any = None

    def _existing(self) -> Any | None:
        names = {getattr(c, "name", c) for c in self.client.list_collections()}
        if self.name not in names:
            return None
        return self.client.get_collection(self.name, embedding_function=self._ef)

    @property
    def collection(self) -> Any:
        """The collection, created if missing; raises EmbeddingMismatchError on a model change."""
        if self._collection is None:
            col = self._existing()
            if col is None:
                col = self.client.create_collection(
                    self.name,
                    embedding_function=self._ef,
                    metadata={MODEL_KEY: self.model_id, "hnsw:space": "cosine"},
                )
            built_with = (col.metadata or {}).get(MODEL_KEY)
            if built_with != self.model_id:
                raise EmbeddingMismatchError(str(built_with), self.model_id)
            self._collection = col
        return self._collection

    def built_with(self) -> str | None:
        """The embedding model recorded in the collection, or None when there is none."""
        col = self._existing()
        return None if col is None else (col.metadata or {}).get(MODEL_KEY)

    def count(self) -> int:
        col = self._existing()
        return 0 if col is None else col.count()

    def reset(self) -> None:
        """Drop the collection (for --rebuild); the next use creates it for the current model."""
        if self._existing() is not None:
            self.client.delete_collection(self.name)
        self._collection = None

    def add(
        self,
        chunks: Sequence[Chunk],
        progress: Callable[[int], None] | None = None,
        batch: int = BATCH,
    ) -> None:
        """Embed and upsert chunks in batches (``progress`` gets each batch's size)."""
        for start in range(0, len(chunks), batch):
            part = chunks[start : start + batch]
            vectors = self.embeddings.embed_documents([c.text for c in part])
            self.collection.upsert(
                ids=[c.id for c in part],
                embeddings=vectors,
                documents=[c.text for c in part],
                metadatas=[c.metadata() for c in part],
            )
            if progress:
                progress(len(part))

    def delete(self, ids: Sequence[str]) -> None:
        for start in range(0, len(ids), 1000):
            self.collection.delete(ids=list(ids[start : start + 1000]))

    def ids(self) -> list[str]:
        """Every chunk id in the collection (no texts, no vectors)."""
        col = self.collection
        out: list[str] = []
        for offset in range(0, col.count(), 5000):
            out.extend(col.get(include=[], limit=5000, offset=offset)["ids"])
        return out

    def all_chunks(self) -> list[Chunk]:
        """Every chunk with its metadata (for the BM25 index and lookups)."""
        col = self.collection
        out: list[Chunk] = []
        total = col.count()
        for offset in range(0, total, 5000):
            got = col.get(include=["documents", "metadatas"], limit=5000, offset=offset)
            for text, meta in zip(got["documents"], got["metadatas"], strict=True):
                out.append(Chunk.from_metadata(text or "", dict(meta or {})))
        out.sort(key=lambda c: c.id)
        return out

    def vectors(self) -> tuple[list[str], np.ndarray]:
        """Every chunk's id and stored embedding (rows in the ids' order), for exact search."""
        col = self.collection
        ids: list[str] = []
        rows: list[Any] = []
        total = col.count()
        for offset in range(0, total, 5000):
            got = col.get(include=["embeddings"], limit=5000, offset=offset)
            ids.extend(got["ids"])
            rows.extend(got["embeddings"] if got["embeddings"] is not None else [])
        if not ids or len(rows) != len(ids):
            return [], np.zeros((0, 0), dtype=np.float32)
        return ids, np.asarray(rows, dtype=np.float32)

    def dense(
        self,
        vector: Sequence[float],
        n: int,
        ids: Sequence[str] | None = None,
        where: dict[str, Any] | None = None,
    ) -> list[tuple[str, float]]:
        """(id, cosine similarity) best first, optionally restricted by ids or a where filter."""
        col = self.collection
        if ids is not None and not ids:
            return []
        got = col.query(
            query_embeddings=[list(vector)],
            n_results=max(1, n),
            ids=list(ids) if ids is not None else None,
            where=where,
            include=["distances"],
        )
        return [
            (i, 1.0 - float(d)) for i, d in zip(got["ids"][0], got["distances"][0], strict=True)
        ]


# --- manifest -------------------------------------------------------------------------------


@dataclass
class SourceRecord:
    """What was ingested from one source, so a rerun can tell unchanged from changed."""

    kind: str  # framework | guidance | added
    sha256: str
    chunk_ids: list[str]
    path: str = ""
    added_by: str = ""
    added_at: str = ""


@dataclass
class Manifest:
    """JSON file in data_dir: source key → hash and chunk ids, plus the embedding model."""

    embedding_model: str = ""
    sources: dict[str, SourceRecord] = field(default_factory=dict)

    @property
    def chunk_count(self) -> int:
        return sum(len(r.chunk_ids) for r in self.sources.values())

    @classmethod
    def load(cls, path: Path) -> Manifest:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError):
            return cls()  # unreadable: treated as absent, the next ingest rebuilds it
        sources = {k: SourceRecord(**v) for k, v in data.get("sources", {}).items()}
        return cls(embedding_model=data.get("embedding_model", ""), sources=sources)

    def save(self, path: Path) -> None:
        """Write atomically (temp file + rename) so a crash never leaves half a manifest."""
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "version": 1,
            "embedding_model": self.embedding_model,
            "sources": {k: vars(v) for k, v in sorted(self.sources.items())},
        }
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".manifest-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
