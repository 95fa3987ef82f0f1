"""A city's document → its text, cut into paragraphs and sentences that keep their offsets.

Every quote the reader shows is ``text[start:end]`` of the document's extracted text, so it is an
exact substring by construction (and the tests check it). PDF pages and Markdown/Word headings
are kept so a quote can say where it came from. Everything read is data: nothing is followed.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from assistant.files import SourceError, clean_text, extract_text, pdf_pages, read_checked
from assistant.lang import JAPANESE_CHARS, LATIN_CHARS, detect_lang
from assistant.models import Lang

KINDS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".pdf": "pdf",
    ".docx": "docx",
}
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•・]|\d{1,3}[.)]|[（(]\d{1,3}[)）])\s+")
# A sentence ends at . ! ? (followed by a space or line end) or at 。！？; a line ending without
# punctuation (a list item, a table row) ends there too.
_SENTENCE = re.compile(r"(?<=[.!?][\"”’)])\s+(?=\S)|(?<=[.!?])\s+(?=\S)|(?<=[。！？])|\n+")
# In PDF text a single line break is only a wrapped line; a sentence ends at punctuation.
_PDF_SENTENCE = re.compile(r"(?<=[.!?][\"”’)])\s+(?=\S)|(?<=[.!?])\s+(?=\S)|(?<=[。！？])|\n\s*\n")
_BLOCK = re.compile(r"[^\n](?:.|\n(?!\s*\n))*")  # a paragraph: lines up to a blank line
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class DocumentError(SourceError):
    """A document cannot be read; the message names the file and says why in one line."""


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index into Document.paragraphs


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    page: int | None  # PDF page, 1-based
    section: str | None  # the Markdown / Word heading above it
    heading: bool = False  # a heading line itself: located, never quoted
    lang: Lang = "en"  # its own language: a Japanese plan quotes English passages, and back


@dataclass
class Document:
    name: str
    text: str
    lang: Lang
    kind: str
    pages: int | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    def quote(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def lang_of(self, sentence: Sentence) -> Lang:
        """The language the sentence is read in: its paragraph's, not the document's."""
        return self.paragraphs[sentence.paragraph].lang

    def paragraph_text(self, index: int) -> str:
        p = self.paragraphs[index]
        return self.text[p.start : p.end]


def _pdf_pages(data: bytes, where: str, max_pages: int) -> list[str]:
    """Every page's cleaned text, empty pages kept, so a paragraph's page number stays right."""
    too_many = "{pages} pages, over the {limit} page limit"
    pages = pdf_pages(data, where, max_pages, DocumentError, too_many)
    return [clean_text(page).strip() for page in pages]


def _docx_markdown(data: bytes, where: str) -> str:
    """A .docx body as Markdown-ish text: Heading styles become '#' lines, paragraphs blocks."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > 50 * len(data) + 1_000_000:
                raise DocumentError(f"{where}: the Word document expands too far to read")
            root = ElementTree.fromstring(archive.read(info))
    except DocumentError:
        raise
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError) as exc:
        raise DocumentError(f"{where}: not a readable Word (.docx) file") from exc
    blocks: list[str] = []
    for para in root.iter(f"{_W}p"):
        style = para.find(f"{_W}pPr/{_W}pStyle")
        name = (style.get(f"{_W}val") or "") if style is not None else ""
        text = "".join(t.text or "" for t in para.iter(f"{_W}t")).strip()
        if not text:
            continue
        level = re.search(r"(?:heading|見出し)\s*(\d)", name, re.I)
        if name.lower() == "title" or level:
            text = "#" * (int(level.group(1)) if level else 1) + " " + text.replace("#", "")
        blocks.append(text)
    return clean_text("\n\n".join(blocks))


def read_bytes(
    name: str, data: bytes, *, max_bytes: int, max_pages: int, max_chars: int, lang: Lang | None
) -> Document:
    """Check and read one document held in memory (the web upload and the CLI share this)."""
    kind = KINDS.get(Path(name).suffix.lower())
    if kind is None:
        raise DocumentError(
            f"{name}: unsupported file type {Path(name).suffix or '(none)'!r}; "
            "accepted: .pdf, .docx, .md, .txt"
        )
    if len(data) > max_bytes:
        raise DocumentError(f"{name}: file is {len(data)} bytes, over the {max_bytes} byte limit")
    if not data.strip():
        raise DocumentError(f"{name}: file is empty")
    pages: list[str] | None = None
    if kind == "pdf":
        pages = _pdf_pages(data, name, max_pages)
        text = "\n\n".join(pages)
    elif kind == "docx":
        text = _docx_markdown(data, name)
    else:
        try:
            text = extract_text(data, kind, name)
        except SourceError as exc:
            raise DocumentError(str(exc)) from exc
    if not text.strip():
        raise DocumentError(f"{name}: no text found" + (" (a scanned PDF?)" if pages else ""))
    if len(text) > max_chars:
        raise DocumentError(f"{name}: {len(text)} characters, over the {max_chars} limit")
    doc = Document(
        name=name,
        text=text,
        lang=lang or detect_lang(text[:5000]),
        kind=kind,
        pages=len(pages) if pages is not None else None,
    )
    _cut(doc, pages, markdown=kind in ("markdown", "docx"))
    return doc


def read_file(
    path: Path, *, max_bytes: int, max_pages: int, max_chars: int, lang: Lang | None = None
) -> Document:
    """Check and read one file; DocumentError (one line naming the file) on any problem."""
    data = read_checked(path, max_bytes, DocumentError)
    doc = read_bytes(
        str(path), data, max_bytes=max_bytes, max_pages=max_pages, max_chars=max_chars, lang=lang
    )
    doc.name = path.name  # errors name the path given; quotes name the document
    return doc


def _cut(doc: Document, pages: list[str] | None, markdown: bool) -> None:
    """Fill paragraphs and sentences (with offsets into doc.text)."""
    page_starts: list[int] = []
    if pages is not None:
        pos = 0
        for page_text in pages:
            page_starts.append(pos)
            pos += len(page_text) + 2
    section: str | None = None
    body_start = 0
    if markdown and doc.text.startswith("---\n") and "\n---" in doc.text[4:]:
        body_start = doc.text.index("\n---", 3) + 4  # YAML front matter: metadata, not prose
    for match in _BLOCK.finditer(doc.text, body_start):
        start, end = match.start(), match.end()
        block = match.group()
        page: int | None = None
        if page_starts:
            page = max(i for i, s in enumerate(page_starts) if s <= start) + 1
        heading = _HEADING.match(block.split("\n", 1)[0]) if markdown else None
        if heading:
            section = heading.group(2).strip() or section
            head_end = start + len(block.split("\n", 1)[0])
            doc.paragraphs.append(Paragraph(start, head_end, page, section, heading=True))
            rest = block.split("\n", 1)
            if len(rest) == 1:
                continue
            start = head_end + 1
        if block.lstrip().startswith("<!--") or block.strip() in ("---", "***"):
            continue
        index = len(doc.paragraphs)
        lang = _paragraph_lang(doc.text[start:end], doc.lang)
        doc.paragraphs.append(Paragraph(start, end, page, section, lang=lang))
        _sentences(doc, start, end, index, _PDF_SENTENCE if pages is not None else _SENTENCE)


def _paragraph_lang(text: str, default: Lang) -> Lang:
    """A paragraph's own language; too few letters to tell (a figure, a name): the document's."""
    letters = len(LATIN_CHARS.findall(text)) + 2 * len(JAPANESE_CHARS.findall(text))
    return detect_lang(text, default=default) if letters >= 24 else default


def _sentences(doc: Document, start: int, end: int, paragraph: int, rule: re.Pattern[str]) -> None:
    body = doc.text[start:end]
    pos = 0
    for brk in [*rule.finditer(body), None]:
        cut = brk.start() if brk else len(body)
        nxt = brk.end() if brk else len(body)
        piece = body[pos:cut]
        lead = len(piece) - len(piece.lstrip())
        bullet = _BULLET.match(piece[lead:])
        if bullet:
            lead += bullet.end()
        piece_start = start + pos + lead
        piece_end = start + pos + len(piece.rstrip())
        text = doc.text[piece_start:piece_end]
        if piece_end - piece_start >= 12 and not text.startswith(("|--", "| --", "|:-")):
            doc.sentences.append(Sentence(piece_start, piece_end, paragraph))
        pos = nxt
