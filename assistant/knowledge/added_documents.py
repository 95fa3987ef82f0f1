"""Facilitator documents: check, read and cut an added file into tagged passages with provenance.

What the file says is data: its passages are quoted, never executed or followed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from assistant.files import SourceError, extract_text, read_checked, sha256_bytes
from assistant.knowledge.chunk import Chunk
from assistant.lang import JAPANESE_CHARS, detect_lang, mentions
from assistant.models import Framework

MIN_CHARS = 300
MAX_CHARS = 1200
TEXT_TYPES = {".md": "markdown", ".markdown": "markdown", ".txt": "text"}
PDF_TYPES = {".pdf": "pdf"}
ADDED_TYPES = {**TEXT_TYPES, **PDF_TYPES}

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE_END = re.compile(r"(?<=[。！？.!?])\s*")


@dataclass(frozen=True)
class AddedDocument:
    """A facilitator's document, read and chunked, with its provenance record."""

    path: str
    file_name: str
    sha256: str
    added_at: str
    added_by: str
    chunks: list[Chunk]


def read_added_document(
    path: Path, *, key: str, max_bytes: int, added_by: str, added_at: datetime, fw: Framework | None
) -> AddedDocument:
    """Check, read and chunk one document; raises SourceError naming the file on any problem."""
    name = path.name
    kind = ADDED_TYPES.get(path.suffix.lower())
    if kind is None:
        raise SourceError(
            f"{path}: unsupported file type {path.suffix or '(none)'!r}; "
            "accepted: .md, .markdown, .txt, .pdf"
        )
    data = read_checked(path, max_bytes)
    if len(data) > max_bytes:
        raise SourceError(f"{path}: file is over the {max_bytes} byte limit")
    text = extract_text(data, kind, str(path))
    digest = sha256_bytes(data)
    stamp = added_at.isoformat(timespec="seconds")
    base = f"added-{sha256_bytes(f'{key}|{digest}'.encode())[:12]}"
    doc_title = _markdown_title(text) if kind == "markdown" else None
    doc_title = doc_title or path.stem
    chunks: list[Chunk] = []
    for i, (heading, passage) in enumerate(split_passages(text, markdown=kind == "markdown")):
        lang = detect_lang(passage)
        title = f"{doc_title} — {heading}" if heading and heading != doc_title else doc_title
        chunks.append(
            Chunk(
                id=f"{base}-{i:03d}.{lang}",
                text=passage,
                title=title,
                section="added",
                lang=lang,
                provenance="added",
                source=str(path),
                element_ids=tag_elements(passage, fw) if fw else (),
                extra={
                    "file_name": name,
                    "sha256": digest,
                    "added_at": stamp,
                    "added_by": added_by,
                },
            )
        )
    if not chunks:
        raise SourceError(f"{path}: no text to index")
    return AddedDocument(
        path=str(path),
        file_name=name,
        sha256=digest,
        added_at=stamp,
        added_by=added_by,
        chunks=chunks,
    )


def _markdown_title(text: str) -> str | None:
    for line in text.split("\n"):
        match = _HEADING.match(line)
        if match and len(match.group(1)) == 1:
            return match.group(2)
    return None


def split_passages(text: str, markdown: bool) -> list[tuple[str, str]]:
    """Cut text into passages of about MIN_CHARS..MAX_CHARS at headings and paragraphs."""
    if markdown:
        text = _COMMENT.sub("", text)
        if text.startswith("---\n") and "\n---" in text[4:]:
            text = text[4:].split("\n---", 1)[1]
    blocks: list[tuple[str, str]] = []  # (current heading, paragraph)
    heading = ""
    for para in re.split(r"\n\s*\n", text):
        lines = para.strip().split("\n")
        found = _HEADING.match(lines[0]) if markdown and lines else None
        if found:
            heading = found.group(2)
            lines = lines[1:]
        body = "\n".join(lines).strip()
        if body:
            for piece in _cut_long(body):
                blocks.append((heading, piece))
    passages: list[tuple[str, str]] = []
    cur_head, cur = "", ""
    for head, piece in blocks:
        if cur and (
            len(cur) + len(piece) + 2 > MAX_CHARS or (head != cur_head and len(cur) >= MIN_CHARS)
        ):
            passages.append((cur_head, cur))
            cur = ""
        if not cur:
            cur_head = head
        cur = f"{cur}\n\n{piece}" if cur else piece
    if cur:
        if (
            passages
            and len(cur) < MIN_CHARS // 2
            and len(passages[-1][1]) + len(cur) <= MAX_CHARS + MIN_CHARS
        ):
            passages[-1] = (passages[-1][0], f"{passages[-1][1]}\n\n{cur}")
        else:
            passages.append((cur_head, cur))
    return passages


def _cut_long(body: str) -> list[str]:
    if len(body) <= MAX_CHARS:
        return [body]
    pieces: list[str] = []
    cur = ""
    for sentence in (s for s in _SENTENCE_END.split(body) if s):
        while len(sentence) > MAX_CHARS:
            head, sentence = sentence[:MAX_CHARS], sentence[MAX_CHARS:]
            if cur:
                pieces.append(cur)
                cur = ""
            pieces.append(head)
        if cur and len(cur) + len(sentence) + 1 > MAX_CHARS:
            pieces.append(cur)
            cur = ""
        cur = (
            f"{cur} {sentence}"
            if cur and not JAPANESE_CHARS.match(sentence[:1])
            else cur + sentence
        )
    if cur:
        pieces.append(cur)
    return pieces


def tag_elements(text: str, fw: Framework) -> tuple[str, ...]:
    """Element ids whose framework keywords (en or ja) occur in the text."""
    norm = unicodedata.normalize("NFKC", text).lower()
    found: list[str] = []
    for el in fw.elements:
        for kw in (k for words in el.keywords.values() for k in words):
            k = unicodedata.normalize("NFKC", kw).lower().strip()
            if k and mentions(norm, k):
                found.append(el.id)
                break
    return tuple(found)
