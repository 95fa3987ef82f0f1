"""What a person sees as a knowledge source's name: the shipped document's title, the framework's
name, an added document's file name; never a repository or filesystem path."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import yaml

from assistant.catalogue import t
from assistant.knowledge.guidance import guidance_files
from assistant.models import Lang

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
