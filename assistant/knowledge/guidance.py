"""Guidance documents (knowledge/docs/<lang>/<name>.md) parsed into chunks.

The format is docs/knowledge-format.md: YAML front matter, then '## ' sections, each led by a
'<!-- chunk: id=... -->' comment. Any problem raises ``SourceError`` naming the file and section.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from assistant.files import SourceError
from assistant.knowledge.chunk import Chunk
from assistant.models import ELEMENT_IDS, Framework

_CHUNK_COMMENT = re.compile(r"^\s*<!--\s*chunk:(.*?)-->\s*$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
SECTIONS = frozenset({"why", "what", "where", "how", "support"})  # the brochure's five parts


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
        elements, coop = _links(fields, where, known_coop)
        part = fields.get("section", section)  # a file holding several parts names each
        if "section" in fields and part not in SECTIONS:
            raise SourceError(f"{where}: section must be one of {sorted(SECTIONS)}, not {part!r}")
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
                section=part,
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


def _links(
    fields: dict[str, str], where: str, known_coop: set[str] | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The chunk's element and cooperation ids, each checked against the framework."""
    elements = _id_list(fields.get("elements"))
    coop = _id_list(fields.get("cooperation"))
    bad = [e for e in elements if e not in ELEMENT_IDS]
    if known_coop is not None:
        bad += [c for c in coop if c not in known_coop]
    if bad:
        raise SourceError(f"{where}: unknown element or cooperation ids {bad}")
    return elements, coop


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
