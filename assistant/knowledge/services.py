"""The one place that builds the expensive knowledge objects from settings.

The CLI builds them once per process; the Streamlit app caches the result with
``st.cache_resource``; tests pass their own settings (temporary data dirs) or fakes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from langchain_core.embeddings import Embeddings

from assistant.framework import get_framework
from assistant.knowledge.embeddings import embedding_id, make_embeddings
from assistant.knowledge.index_cache import cached_bm25, cached_embeddings, sharing
from assistant.knowledge.ingest import IngestReport, PassageLimits, ingest, remove_documents
from assistant.knowledge.lexical import BM25Index, Tokenizer
from assistant.knowledge.retrieval import HybridRetriever
from assistant.knowledge.store import MANIFEST_NAME, KnowledgeStore, Manifest, open_client
from assistant.models import Framework
from assistant.settings import Settings


def utc_now() -> datetime:
    return datetime.now(UTC)


def stderr_progress(message: str) -> None:
    sys.stderr.write(f"knowledge: {message}\n")
    sys.stderr.flush()


@dataclass
class KnowledgeServices:
    """Embeddings + store (+ retriever, created on first use) for one process."""

    settings: Settings
    embeddings: Embeddings
    store: KnowledgeStore
    framework: Framework
    clock: Callable[[], datetime] = utc_now
    _retriever: HybridRetriever | None = field(default=None, repr=False)

    @property
    def manifest_path(self) -> Path:
        return self.settings.data_dir / MANIFEST_NAME

    def is_built(self) -> bool:
        return self.store.count() > 0 and bool(Manifest.load(self.manifest_path).sources)

    def ingest(
        self,
        paths: Iterable[Path] = (),
        *,
        rebuild: bool = False,
        added_by: str = "",
        progress: Callable[[str], None] = stderr_progress,
        stop: Callable[[], bool] | None = None,
        passages: Callable[[int, int], None] | None = None,
    ) -> IngestReport:
        """See `ingest.ingest`; the retriever follows what changed."""
        report = ingest(
            self.store,
            self.manifest_path,
            framework=self.framework,
            knowledge_dir=self.settings.knowledge_dir,
            paths=paths,
            rebuild=rebuild,
            added_by=added_by,
            clock=self.clock,
            max_bytes=self.settings.max_upload_bytes,
            progress=progress,
            limits=PassageLimits(
                self.settings.max_document_passages, self.settings.max_added_passages
            ),
            stop=stop,
            passages=passages,
        )
        if self._retriever is not None and report.changed:
            self._retriever.refresh()
        return report

    def remove(self, names: Iterable[str]) -> tuple[list[str], list[str]]:
        """Remove added documents by path or file name: (removed paths, names not found)."""
        removed, missing = remove_documents(self.store, self.manifest_path, names)
        uploads = (self.settings.data_dir / "uploads").resolve()
        for path in map(Path, removed):  # a web upload's copy goes too; the user's own file stays
            if uploads in path.resolve().parents:
                path.unlink(missing_ok=True)
        if self._retriever is not None and removed:
            self._retriever.refresh()
        return removed, missing

    def ensure_built(self, progress: Callable[[str], None] = stderr_progress) -> None:
        """Build the knowledge base on first use (with progress), otherwise do nothing."""
        if not self.is_built():
            progress("no knowledge base yet: building it from knowledge/ (first use only)")
            with self._sharing_shipped():
                report = self.ingest(progress=progress)
            for err in report.errors:
                progress(f"skipped: {err}")
            progress(f"ready: {report.total_chunks} chunks")

    def drop_unlisted(self) -> int:
        """Take out passages no source in the manifest owns: what an ingest killed part-way had
        embedded (its document is then reported as interrupted, never half-present in answers).

        Only at a process's start, when no ingest of this data directory is running: a live
        ingest's passages are unlisted until its document is saved in the manifest. So the web
        app does this with embedded Chroma only (one process writes it); replicas sharing a
        Chroma server leave it to the next `assistant ingest`, which rebuilds on a mismatch.
        """
        owned = {
            cid for r in Manifest.load(self.manifest_path).sources.values() for cid in r.chunk_ids
        }
        unlisted = [cid for cid in self.store.ids() if cid not in owned]
        if unlisted:
            self.store.delete(unlisted)
            if self._retriever is not None:
                self._retriever.refresh()
        return len(unlisted)

    @property
    def retriever(self) -> HybridRetriever:
        if self._retriever is None:
            cache_dir = self.settings.cache_dir

            def bm25(ids: list[str], texts: list[str], tokenizer: Tokenizer) -> BM25Index:
                return cached_bm25(ids, texts, tokenizer, cache_dir)

            self._retriever = HybridRetriever(self.store, self.embeddings, bm25=bm25)
        return self._retriever

    def _sharing_shipped(self) -> AbstractContextManager[None]:
        """Vectors go into the shared cache only when every source is shipped (no added ones)."""
        manifest = Manifest.load(self.manifest_path)
        if any(r.kind == "added" for r in manifest.sources.values()):
            return nullcontext()
        return sharing(self.embeddings)


def build_services(
    settings: Settings,
    embeddings: Embeddings | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> KnowledgeServices:
    """Create the embeddings, the Chroma client and store (no model weights load until used)."""
    framework_dir = settings.knowledge_dir / "framework"
    framework = get_framework(str(framework_dir))
    model_id = embedding_id(settings.embeddings)
    emb = (
        embeddings
        if embeddings is not None  # passed in (tests, fakes): never mixed with cached vectors
        else cached_embeddings(make_embeddings(settings.embeddings), settings.cache_dir, model_id)
    )
    client = open_client(settings.chroma_dir, settings.chroma_url)
    store = KnowledgeStore(client, emb, model_id)
    return KnowledgeServices(settings, emb, store, framework, clock)
