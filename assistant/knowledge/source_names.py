"""What a person sees of a knowledge source: its name (the shipped document's title, the
framework's name, an added document's file name; never a repository or filesystem path), an
answer's source line, and a passage's excerpt."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import yaml

from assistant.catalogue import t
from assistant.knowledge.guidance import guidance_files
from assistant.lang import is_cjk
from assistant.models import Lang

if TYPE_CHECKING:
    from assistant.knowledge.answer import SourceRef
    from assistant.knowledge.chunk import Chunk

FRAMEWORK = "framework"  # the source key (and chunk source) of the framework's passages


def guidance_titles(knowledge_dir: Path) -> dict[str, str]:
    """Each shipped guidance document's title from its front matter, by its manifest key
    (``docs/<lang>/<name>.md``); a document without a readable title is left out."""
    docs = knowledge_dir / "docs"
    out: dict[str, str] = {}
    for path in guidance_files(docs):
        title = _front_matter_title(path)
        if title:
            out[f"docs/{path.relative_to(docs).as_posix()}"] = title
    return out


def _front_matter_title(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError:
        return ""
    if not text.startswith("---"):
        return ""
    head = text[3:].split("\n---", 1)[0]
    try:
        meta = yaml.safe_load(head)
    except yaml.YAMLError:
        return ""
    title = meta.get("title") if isinstance(meta, dict) else None
    return " ".join(str(title).split()) if title else ""


def file_name(path: str) -> str:
    """The last part of a path (either slash), so no directory is ever shown."""
    return PurePosixPath(path.replace("\\", "/")).name


def source_name(key: str, kind: str, path: str, titles: dict[str, str], lang: Lang) -> str:
    """A knowledge-base source (a manifest entry: key, kind, path) by name: the framework in
    words, a guidance document by its title, an added document by its file name."""
    if kind == FRAMEWORK or key == FRAMEWORK:
        return t("ui.kb_framework_doc", lang)
    if kind == "guidance":
        return titles.get(key) or titles.get(_manifest_key(key)) or file_name(key)
    return file_name(path) if path else file_name(key)


def origin_name(source: str, titles: dict[str, str], lang: Lang) -> str:
    """A passage's ``source`` field (``framework``, ``knowledge/docs/…md``, an added file's
    path) by name, for the line under a quoted passage."""
    if source == FRAMEWORK:
        return t("ui.kb_framework_doc", lang)
    title = titles.get(_manifest_key(source))
    return title or file_name(source)


def _manifest_key(source: str) -> str:
    """``knowledge/docs/en/x.md`` (a chunk's source) → ``docs/en/x.md`` (its manifest key)."""
    s = source.replace("\\", "/")
    return s.removeprefix("knowledge/")


_PATH = re.compile(r"(?:[A-Za-z]:)?[\w.~-]*(?:[/\\][\w .~-]+)+")


def shown_origin(source: str) -> str:
    """A stored origin made safe to show: a path (from an older session, say) becomes its file
    name; a name like "City / municipal" (spaces around the slash) is left as it is."""
    return file_name(source) if _PATH.fullmatch(source) and "/ " not in source else source


def document_name(chunk: Chunk, lang: str) -> str:
    """What a user sees as a chunk's origin: the document's name, never a path."""
    if chunk.provenance == "added":
        return chunk.extra.get("file_name") or file_name(chunk.source) or chunk.title
    return t("answer.shipped_document", "ja" if lang == "ja" else "en")


def source_line(n: int, src: SourceRef, lang: str) -> str:
    """'[n] title — section · printed / reading / added by X · document': no path, no text."""
    words: Lang = "ja" if lang == "ja" else "en"
    if src.provenance == "added":
        who = src.added_by or t("answer.a_user", words)
        prov = t("answer.provenance.added", words, who=who)
    elif src.provenance in ("printed", "reading"):
        prov = t(f"answer.provenance.{src.provenance}", words)
    else:
        prov = src.provenance
    head = f"[{n}] {src.title}" + (f" — {src.section}" if src.section else "")
    return f"{head} · {prov} · {src.source}"


_LIST_ITEM = re.compile(r"^([-•*・]|\(|（|\d+[.)] )")
_LABEL = re.compile(r"^[^\s：:]{1,16}(：|: )")  # 望ましい状態：, Desired state: , Level 4:
_ENDS = tuple("。．.:：!?！？」）)")


def _keeps_break(prev: str, line: str) -> bool:
    """A line break that is structure, not wrapping: after a heading ("… — …") or a finished
    sentence or label, and before a list item or a labelled line."""
    return bool(
        " — " in prev or prev.endswith(_ENDS) or _LIST_ITEM.match(line) or _LABEL.match(line)
    )


def excerpt(text: str, limit: int = 280) -> str:
    """A passage as shown under its source line: hard-wrapped lines joined (Japanese without a
    space, English with one), a heading kept apart from its line, cut to ``limit`` characters."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        out = ""
        for line in (x.strip() for x in block.splitlines() if x.strip()):
            if not out:
                out = line
            elif _keeps_break(out.rsplit("\n", 1)[-1], line):
                out += "\n" + line
            elif is_cjk(out[-1]) and is_cjk(line[0]):
                out += line
            else:
                out += " " + line
        paragraphs.append(out)
    joined = "\n\n".join(paragraphs)
    return joined if len(joined) <= limit else joined[: limit - 1].rstrip() + "…"
