"""Reading a source file's bytes as text: the one error type, hashes, text and PDF extraction.

Everything read from a document is data: it becomes chunk text that is quoted, never executed or
followed. Each problem with a file raises ``SourceError`` whose message names the file, so the
caller can report it and carry on with the other files.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata


class SourceError(Exception):
    """A source file cannot be used; the message names the file and the reason."""


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


MAX_PDF_PAGES = 500  # a longer PDF is a library, not a guidance document


def extract_text(data: bytes, kind: str, where: str) -> str:
    """The document's text; checks that the content matches the type the extension claims."""
    if not data.strip():
        raise SourceError(f"{where}: file is empty")
    is_pdf = data.lstrip()[:5] == b"%PDF-"
    if kind == "pdf":
        if not is_pdf:
            raise SourceError(f"{where}: not a PDF file (no %PDF header)")
        text = _pdf_text(data, where)
    else:
        if is_pdf or b"\x00" in data:  # anywhere: a NUL after byte 8192 is binary too
            raise SourceError(f"{where}: binary content in a {kind} file")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SourceError(f"{where}: not UTF-8 text (byte {exc.start})") from exc
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    if not text.strip():
        raise SourceError(
            f"{where}: no text found" + (" (a scanned PDF?)" if kind == "pdf" else "")
        )
    return text


def _pdf_text(data: bytes, where: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise SourceError(f"{where}: the PDF is encrypted")
        if len(reader.pages) > MAX_PDF_PAGES:  # counted before any page is read
            raise SourceError(
                f"{where}: {len(reader.pages)} pages; the limit is {MAX_PDF_PAGES} per document"
            )
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
    except SourceError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise SourceError(f"{where}: cannot read the PDF: {exc}") from exc
    return "\n\n".join(p for p in pages if p)
