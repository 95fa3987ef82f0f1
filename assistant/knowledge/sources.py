"""The knowledge sources in one import, for callers that use several of them.

The work lives in modules named for their role: ``framework_source`` (chunks generated from the
framework YAML), ``guidance`` (the Markdown guidance documents), ``added_documents`` (a
facilitator's files) and ``files`` (the error type, hashing, text and PDF extraction).
"""

from __future__ import annotations

from assistant.knowledge.added_documents import (
    ADDED_TYPES,
    MAX_CHARS,
    MIN_CHARS,
    PDF_TYPES,
    TEXT_TYPES,
    AddedDocument,
    read_added_document,
    split_passages,
    tag_elements,
)
from assistant.knowledge.files import MAX_PDF_PAGES, SourceError, extract_text, sha256_bytes
from assistant.knowledge.framework_source import framework_chunks
from assistant.knowledge.guidance import guidance_files, parse_guidance

__all__ = [
    "ADDED_TYPES",
    "MAX_CHARS",
    "MAX_PDF_PAGES",
    "MIN_CHARS",
    "PDF_TYPES",
    "TEXT_TYPES",
    "AddedDocument",
    "SourceError",
    "extract_text",
    "framework_chunks",
    "guidance_files",
    "parse_guidance",
    "read_added_document",
    "sha256_bytes",
    "split_passages",
    "tag_elements",
]
