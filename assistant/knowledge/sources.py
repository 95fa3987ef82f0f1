"""Turn sources into chunks: the framework (generated), guidance Markdown, facilitator documents.

Everything read from a document is data: it becomes chunk text that is quoted, never executed or
followed. Each problem with a file raises ``SourceError`` whose message names the file, so the
caller can report it and carry on with the other files.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml

from assistant.knowledge.chunk import Chunk
from assistant.lang import JAPANESE_CHARS, detect_lang
from assistant.models import ELEMENT_IDS, Framework

MIN_CHARS = 300
MAX_CHARS = 1200
TEXT_TYPES = {".md": "markdown", ".markdown": "markdown", ".txt": "text"}
PDF_TYPES = {".pdf": "pdf"}
ADDED_TYPES = {**TEXT_TYPES, **PDF_TYPES}
SECTIONS = ("why", "what", "where", "how", "support")

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_CHUNK_COMMENT = re.compile(r"^\s*<!--\s*chunk:(.*?)-->\s*$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE_END = re.compile(r"(?<=[。！？.!?])\s*")


class SourceError(Exception):
    """A source file cannot be used; the message names the file and the reason."""


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- the framework ---------------------------------------------------------------------------

_LEVEL_LABEL = {
    "en": {"national": "national level", "city": "city level"},
    "ja": {"national": "国レベル", "city": "都市・自治体レベル"},
}


# Labelled glosses: the brochure prints the stage names in English only.
_STAGE_KANA = {
    "small_start": "スモールスタート",
    "accelerate": "アクセラレート（加速）",
    "sustainable_growth": "サステナブル・グロース（持続的成長）",
}
# 「スマートシティ技術の実装→他の地区へ導入」 is printed beside the stages; this is its one place.
_SCALE_NOTE = {
    "area": {
        "en": "\n(Placing “implement smart-city technology, then introduce it to other districts”"
        " with the area-based way is the project's reading of the layout.)",
        "ja": "\n（「スマートシティ技術の実装→他の地区へ導入」をエリア軸の広げ方に置くのは本プロジェクトの読み取り）",
    }
}


def framework_chunks(fw: Framework) -> list[Chunk]:
    """One chunk per element, cooperation line, stage, city type and scale-up way, per language."""
    chunks: list[Chunk] = []
    domains = {d.id: d for d in fw.domains}
    types = {t.id: t for t in fw.cooperation_types}
    for lang in ("en", "ja"):
        for el in fw.elements:
            coop = tuple(c.id for c in fw.cooperation if el.id in c.elements)
            dom = domains[el.domain].name.get(lang)
            level4 = el.rubric[4].text.get(lang)
            if lang == "en":
                text = (
                    f"{el.name.en} ({dom} domain, element {el.id}): {el.short.en}.\n"
                    f"Desired state: {el.desired_state.en}\nLevel 4: {level4}\n"
                    f"In plain words: {el.question.en}\n"
                    f"Keywords: {', '.join(el.keywords.get('en', []))}"
                )
            else:
                text = (
                    f"{el.name.ja}（{dom}領域、エレメント{el.id}）：{el.short.ja}\n"
                    f"望ましい状態：{el.desired_state.ja}\nレベル4：{level4}\n"
                    f"わかりやすく言うと：{el.question.ja}\n"
                    f"キーワード：{'、'.join(el.keywords.get('ja', []))}"
                )
            chunks.append(
                _fw_chunk(
                    f"element-{el.id}",
                    lang,
                    f"{el.id} {el.name.get(lang)}",
                    "what",
                    text,
                    el.desired_state_provenance,
                    (el.id,),
                    coop,
                )
            )
        for line in fw.cooperation:
            level = _LEVEL_LABEL[lang][line.level]
            tname = types[line.type].name.get(lang)
            if lang == "en":
                title = f"JICA cooperation at {level}: {_short(line.text.en)}"
                text = (
                    f"JICA cooperation menu — {tname}.\n{line.text.en}\n"
                    f"(Listed at {level}: the level is the project's reading of the layout.)"
                )
            else:
                title = f"JICAの協力メニュー（{level}）：{_short(line.text.ja)}"
                text = (
                    f"JICAの協力メニュー — {tname}\n{line.text.ja}\n"
                    f"（{level}の項目とするのは本プロジェクトのレイアウトの読み取り）"
                )
            chunks.append(
                _fw_chunk(
                    f"coop-{line.id}",
                    lang,
                    title,
                    "support",
                    text,
                    "printed",  # the line is verbatim; its level is labelled as a reading
                    tuple(line.elements),
                    (line.id,),
                )
            )
        for st in fw.stages:
            steps = "\n".join(f"- {a.get(lang)}" for a in st.approach)
            if lang == "en":
                text = f"Maturity stage {st.name.en}: fits {st.fits.en}.\nApproach:\n{steps}"
                title = f"Stage: {st.name.en}"
            else:
                text = (
                    f"成熟度ステージ {st.name.ja}：{st.fits.ja}\nアプローチ：\n{steps}\n"
                    f"（カタカナ表記「{_STAGE_KANA.get(st.id, st.name.ja)}」は本プロジェクトによる）"
                )
                title = f"ステージ：{st.name.ja}"
            chunks.append(_fw_chunk(f"stage-{st.id}", lang, title, "where", text, st.provenance))
        for ct in fw.city_types:
            dirs = "\n".join(f"- {d.get(lang)}" for d in ct.directions)
            if lang == "en":
                text = f"Directions for a city of type {ct.name.en}:\n{dirs}"
                title = f"City type: {ct.name.en}"
            else:
                text = f"都市の特性「{ct.name.ja}」の方向性：\n{dirs}"
                title = f"都市の特性：{ct.name.ja}"
            chunks.append(_fw_chunk(f"citytype-{ct.id}", lang, title, "where", text, ct.provenance))
        for su in fw.scale_up:
            if lang == "en":
                text = f"How to scale up — {su.name.en}: {su.summary.en}.\n{su.description.en}"
            else:
                text = f"スケールアップの方法 — {su.name.ja}：{su.summary.ja}\n{su.description.ja}"
            text += _SCALE_NOTE.get(su.id, {}).get(lang, "")
            chunks.append(
                _fw_chunk(f"scaleup-{su.id}", lang, su.name.get(lang), "how", text, su.provenance)
            )
    return chunks


def _short(text: str, limit: int = 60) -> str:
    """A menu line's text as a title: lines of one type share a type name, so the title must
    carry the line itself to tell citations apart."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fw_chunk(
    base: str,
    lang: str,
    title: str,
    section: str,
    text: str,
    provenance: str,
    elements: tuple[str, ...] = (),
    coop: tuple[str, ...] = (),
) -> Chunk:
    return Chunk(
        id=f"{base}.{lang}",
        text=text,
        title=title,
        section=section,
        lang=lang,
        provenance=provenance,
        source="framework",
        element_ids=elements,
        cooperation_ids=coop,
    )


# --- guidance documents (knowledge/docs/<lang>/<name>.md) ------------------------------------


def guidance_files(docs_dir: Path) -> list[Path]:
    """The shipped guidance documents, in a stable order."""
    return sorted(docs_dir.glob("*/*.md")) if docs_dir.is_dir() else []


def _split_front_matter(text: str, where: str) -> tuple[dict[str, object], str]:
    if not text.startswith("---"):
        raise SourceError(f"{where}: missing YAML front matter (--- ... ---) at the top")
    parts = text.split("\n---", 1)
    if len(parts) != 2:
        raise SourceError(f"{where}: front matter is not closed with ---")
    try:
        meta = yaml.safe_load(parts[0][3:]) or {}
    except yaml.YAMLError as exc:
        raise SourceError(f"{where}: front matter is not valid YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise SourceError(f"{where}: front matter must be a mapping")
    body = parts[1].split("\n", 1)[1] if "\n" in parts[1] else ""
    return meta, body


def _parse_chunk_comment(line: str, where: str) -> dict[str, str]:
    match = _CHUNK_COMMENT.match(line)
    if not match:
        raise SourceError(f"{where}: expected '<!-- chunk: id=... -->' under the heading")
    fields: dict[str, str] = {}
    for part in match.group(1).split():
        key, sep, value = part.partition("=")
        if not sep:
            raise SourceError(f"{where}: chunk comment item {part!r} is not key=value")
        fields[key.strip()] = value.strip()
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", fields.get("id", "")):
        raise SourceError(f"{where}: chunk id must be lower-case letters, digits, - or _")
    return fields


def parse_guidance(text: str, source: str, fw: Framework | None = None) -> list[Chunk]:
    """Parse one guidance document (format: docs/knowledge-format.md) into chunks."""
    meta, body = _split_front_matter(text.replace("\r\n", "\n"), source)
    for key in ("title", "section", "lang"):
        if not str(meta.get(key) or "").strip():
            raise SourceError(f"{source}: front matter needs '{key}'")
    lang = str(meta["lang"])
    if lang not in ("en", "ja"):
        raise SourceError(f"{source}: lang must be en or ja, not {lang!r}")
    section = str(meta["section"])
    default_prov = str(meta.get("provenance") or "printed")
    known_coop = {c.id for c in fw.cooperation} if fw else None
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for heading, lines in _sections(body):
        where = f"{source}: section '{heading}'"
        if not lines:
            raise SourceError(f"{where}: empty section")
        fields = _parse_chunk_comment(lines[0], where)
        content = _COMMENT.sub("", "\n".join(lines[1:])).strip()
        if not content:
            raise SourceError(f"{where}: no text under the chunk comment")
        elements = _id_list(fields.get("elements"))
        coop = _id_list(fields.get("cooperation"))
        bad = [e for e in elements if e not in ELEMENT_IDS]
        if known_coop is not None:
            bad += [c for c in coop if c not in known_coop]
        if bad:
            raise SourceError(f"{where}: unknown element or cooperation ids {bad}")
        prov = fields.get("provenance", default_prov)
        if prov not in ("printed", "reading"):
            raise SourceError(f"{where}: provenance must be printed or reading, not {prov!r}")
        cid = f"{fields['id']}.{lang}"
        if cid in seen:
            raise SourceError(f"{where}: duplicate chunk id {fields['id']!r}")
        seen.add(cid)
        chunks.append(
            Chunk(
                id=cid,
                text=content,
                title=heading,
                section=section,
                lang=lang,
                provenance=prov,
                source=source,
                element_ids=elements,
                cooperation_ids=coop,
            )
        )
    if not chunks:
        raise SourceError(f"{source}: no '## ' sections with chunks")
    return chunks


def _sections(body: str) -> Iterable[tuple[str, list[str]]]:
    """(heading, non-blank-led lines) for each '## ' section; text before the first is ignored."""
    heading: str | None = None
    lines: list[str] = []
    for line in body.split("\n"):
        if line.startswith("## "):
            if heading is not None:
                yield heading, _trim(lines)
            heading, lines = line[3:].strip(), []
        elif heading is not None:
            lines.append(line)
    if heading is not None:
        yield heading, _trim(lines)


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[0].strip():
        lines.pop(0)
    return lines


def _id_list(value: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (value or "").split(",") if p.strip())


# --- facilitator documents -------------------------------------------------------------------


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
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(f"{path}: file is {size} bytes, over the {max_bytes} byte limit")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise SourceError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise SourceError(f"{path}: is a directory") from exc
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from exc
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
        if markdown and lines and _HEADING.match(lines[0]):
            heading = _HEADING.match(lines[0]).group(2)  # type: ignore[union-attr]
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
            if not k:
                continue
            if JAPANESE_CHARS.search(k):
                hit = k in norm
            else:
                hit = re.search(rf"(?<![a-z0-9]){re.escape(k)}", norm) is not None
            if hit:
                found.append(el.id)
                break
    return tuple(found)
