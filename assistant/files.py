"""Reading a source file: checked reads, the one error type, hashes, text and PDF extraction.

Everything read from a document is data: it becomes chunk text that is quoted, never executed or
followed. Each problem with a file raises ``SourceError`` whose message names the file, so the
caller can report it and carry on with the other files.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from pathlib import Path


class SourceError(Exception):
    """A source file cannot be used; the message names the file and the reason."""


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_checked(
    path: Path,
    max_bytes: int,
    error: type[Exception] = SourceError,
    *,
    too_big: str = "file is {size} bytes, over the {limit} byte limit",
    directory: str = "is a directory",
    unreadable: str = "cannot read",
) -> bytes:
    """The file's bytes, or ``error`` with one line naming the file (missing, a directory,
    unreadable, too big). The size is checked before reading, so a huge file is never loaded;
    each caller keeps its own error type and wording."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise error(f"{path}: " + too_big.format(size=size, limit=max_bytes))
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise error(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise error(f"{path}: {directory}") from exc
    except OSError as exc:
        raise error(f"{path}: {unreadable}: {exc.strerror or exc}") from exc


MAX_PDF_PAGES = 500  # a longer PDF is a library, not a guidance document


def clean_text(text: str) -> str:
    """NFC, Unix line ends, and no control characters other than newline and tab."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")


def extract_text(data: bytes, kind: str, where: str) -> str:
    """The document's text; checks that the content matches the type the extension claims."""
    if not data.strip():
        raise SourceError(f"{where}: file is empty")
    if kind == "pdf":
        pages = (p.strip() for p in pdf_pages(data, where, MAX_PDF_PAGES))
        text = "\n\n".join(p for p in pages if p)
    else:
        if data.lstrip()[:5] == b"%PDF-" or b"\x00" in data:  # a NUL after byte 8192 too
            raise SourceError(f"{where}: binary content in a {kind} file")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SourceError(f"{where}: not UTF-8 text (byte {exc.start})") from exc
    text = clean_text(text)
    if not text.strip():
        raise SourceError(
            f"{where}: no text found" + (" (a scanned PDF?)" if kind == "pdf" else "")
        )
    return text


def pdf_pages(
    data: bytes,
    where: str,
    max_pages: int,
    error: type[SourceError] = SourceError,
    too_many: str = "{pages} pages; the limit is {limit} per document",
) -> list[str]:
    """Each page's raw text, "" for a page without any, so callers can keep page numbers.

    The header, encryption and page count are checked before any page is read."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if data.lstrip()[:5] != b"%PDF-":
        raise error(f"{where}: not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise error(f"{where}: the PDF is encrypted")
        if len(reader.pages) > max_pages:
            raise error(f"{where}: " + too_many.format(pages=len(reader.pages), limit=max_pages))
        return [page.extract_text() or "" for page in reader.pages]
    except SourceError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise error(f"{where}: cannot read the PDF: {exc}") from exc
