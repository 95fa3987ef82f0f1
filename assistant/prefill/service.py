"""Building the reader from settings and reading files: what the CLI, evals and web share.

``build_reader`` is the one place that builds the reader from settings; ``read_paths`` reads
files with the size limits and turns each bad file into one line while the others are read.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.prefill.documents import Document, DocumentError, read_bytes, read_file
from assistant.prefill.drafts import Draft, Prefill, Quote
from assistant.prefill.reader import DocumentReader, Progress

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from assistant.models import Framework, Lang
    from assistant.settings import Settings


def build_reader(
    settings: Settings, framework: Framework, chat_model: BaseChatModel | None = None
) -> DocumentReader:
    """The reader over the shared interpreter (the LLM one, falling back, when a model is set)."""
    from assistant.interpret import make_interpreter
    from assistant.knowledge.embeddings import make_embeddings

    embeddings = make_embeddings(settings.embeddings)
    interpreter = make_interpreter(settings, chat_model, embeddings, framework=framework)
    return DocumentReader(framework, interpreter, embeddings)


def limits(settings: Settings) -> dict[str, int]:
    return {
        "max_bytes": settings.max_upload_bytes,
        "max_pages": settings.max_document_pages,
        "max_chars": settings.max_document_chars,
    }


def read_paths(
    paths: Sequence[Path],
    settings: Settings,
    reader: DocumentReader,
    lang: Lang | None = None,
    progress: Progress | None = None,
) -> tuple[Prefill, list[str]]:
    """Drafts from the readable files, and one error line for each file that is not."""
    from assistant.prefill.drafts import DocumentInfo

    docs: list[Document] = []
    errors: list[str] = []
    bad: list[DocumentInfo] = []
    for path in paths:
        try:
            docs.append(read_file(path, lang=lang, **limits(settings)))
        except DocumentError as exc:
            errors.append(str(exc))
            bad.append(DocumentInfo(name=path.name, lang="", kind="", characters=0, error=str(exc)))
    return reader.read(docs, bad, progress), errors


__all__ = [
    "Document",
    "DocumentError",
    "DocumentReader",
    "Draft",
    "Prefill",
    "Quote",
    "build_reader",
    "read_bytes",
    "read_paths",
]
