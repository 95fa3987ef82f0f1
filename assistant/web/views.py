"""Small display pieces shared by the pages: numbered sources, report blocks, downloads."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import streamlit as st

from assistant.catalogue import t
from assistant.knowledge.source_names import shown_origin
from assistant.models import Lang
from assistant.report.blocks import Block, Bullets, Chart, Heading, Para, Table
from assistant.web.text import inert, inert_paragraphs

HIGHLIGHT = "background-color: #fff4cc"


def now() -> datetime:
    """The time stamped on generated documents (the app's clock)."""
    return datetime.now(UTC)


def provenance(value: str, lang: Lang) -> str:
    key = f"ui.provenance_{value}"
    return t(key, lang) if value in {"printed", "reading", "added"} else value


def passage(
    n: int, title: str, text: str, prov: str, source: str, lang: Lang, section: str = ""
) -> None:
    """One numbered source whose passage opens in place (title, section, provenance, origin)."""
    head = f"[{n}] {title}" + (f" — {section}" if section else "")
    with st.expander(f"{inert(head)} · {inert(provenance(prov, lang))}"):
        st.markdown(inert_paragraphs(text))
        if source:
            st.caption(inert(shown_origin(source)))


def text_table(
    headers: list[str], rows: list[list[str]], highlight: list[bool] | None = None
) -> None:
    """A static table whose long cells wrap, never cut (a phone shows every column's text;
    ``st.table`` renders Markdown: cells are inert), with optional highlighted rows."""
    import pandas as pd  # here, not at import: pages paint before pandas loads

    frame = pd.DataFrame(
        [[inert(c) for c in row] for row in rows], columns=_distinct([inert(h) for h in headers])
    )
    data: Any = frame
    if highlight and any(highlight):
        marks = list(highlight)
        data = frame.style.apply(
            lambda row: [HIGHLIGHT if marks[row.name] else ""] * len(row), axis=1
        )
    st.table(data, hide_index=True, hide_header=not any(h.strip() for h in headers))


def _distinct(headers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    cols = []
    for h in headers:  # pandas/Arrow need distinct column names
        seen[h] = seen.get(h, 0) + 1
        cols.append(h if seen[h] == 1 else h + "\u200b" * (seen[h] - 1))
    return cols


def sources(items: list[tuple[str, str, str, str]], lang: Lang, label: str) -> None:
    """Numbered sources in one expander: (title, text, provenance, origin) each, quoted."""
    with st.expander(f"{inert(label)} ({len(items)})", icon=":material/menu_book:"):
        for n, (title, text, prov, origin) in enumerate(items, 1):
            st.markdown(f"**\\[{n}\\] {inert(title)}** · {inert(provenance(prov, lang))}")
            st.markdown("\n".join(f"> {line}" for line in inert_paragraphs(text).split("\n")))
            if origin:
                st.caption(inert(shown_origin(origin)))


def blocks(items: list[Block]) -> None:
    """Render report blocks natively (the same content as the downloadable document)."""
    for b in items:
        if isinstance(b, Heading):
            st.markdown("#" * min(b.level + 1, 5) + " " + inert(b.text))
        elif isinstance(b, Para):
            (st.caption if b.muted else st.markdown)(inert(b.text))
        elif isinstance(b, Bullets):
            st.markdown("\n".join(f"- {inert(i)}" for i in b.items))
        elif isinstance(b, Table):
            if b.rows:
                text_table(b.headers, b.rows, b.highlight)
        elif isinstance(b, Chart):
            st.image(b.svg, caption=b.alt)


def downloads(files: list[tuple[str, Any, str, str]], key: str) -> None:
    """Download buttons side by side: (label, data, file name, mime). No rerun on click. Data is
    text, bytes, or a callable made only when clicked (the PDFs). In one row that wraps: on a
    phone, columns stacked them one per line, a whole screen of buttons."""
    with st.container(horizontal=True, gap="xsmall"):
        for label, data, name, mime in files:
            st.download_button(
                label,
                data=data.encode("utf-8") if isinstance(data, str) else data,
                file_name=name,
                mime=mime,
                key=f"{key}-{name}",
                on_click="ignore",
                icon=":material/download:",
                width="content",
            )
