"""Where each cooperation option is written down: the brochure's menu line and the guidance
passages that discuss it, read from the shipped knowledge (no embedding model needed)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from assistant.framework import get_framework
from assistant.knowledge.chunk import Chunk
from assistant.knowledge.framework_source import framework_chunks
from assistant.knowledge.guidance import guidance_files, parse_guidance
from assistant.knowledge.source_names import guidance_titles


@st.cache_resource(show_spinner=False)
def cooperation_sources(knowledge_dir: str, lang: str) -> dict[str, list[Chunk]]:
    """Cooperation line id → its menu passage first, then guidance passages in ``lang``."""
    base = Path(knowledge_dir)
    fw = get_framework(str(base / "framework"))
    chunks = [c for c in framework_chunks(fw) if c.lang == lang]
    for path in guidance_files(base / "docs"):
        text = path.read_text(encoding="utf-8-sig")
        chunks += [
            c
            for c in parse_guidance(text, f"knowledge/{path.relative_to(base).as_posix()}", fw)
            if c.lang == lang
        ]
    out: dict[str, list[Chunk]] = {line.id: [] for line in fw.cooperation}
    for c in chunks:
        for cid in c.cooperation_ids:
            if cid not in out:
                continue
            if c.base_id == f"coop-{cid}":
                out[cid].insert(0, c)  # the menu line itself comes first
            elif c.source.startswith("knowledge/"):
                out[cid].append(c)  # guidance that discusses it
    return out


@st.cache_resource(show_spinner=False)
def document_titles(knowledge_dir: str) -> dict[str, str]:
    """The shipped guidance documents' titles, to name a passage's origin (never its path)."""
    return guidance_titles(Path(knowledge_dir))
