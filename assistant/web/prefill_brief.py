"""Workspace, "Pre-mission brief from documents": a facilitator reads the documents a city sent.

Shown on the page (covered/uncovered map, drafts with their quotes, questions to ask on site) and
downloadable (the brief as Markdown, the drafts as the ``assistant prefill --json`` JSON). Quotes
are the documents' own words: every piece of document text goes through ``inert``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import streamlit as st

from assistant.catalogue import t
from assistant.prefill.brief import brief_text, build
from assistant.web import prefill_start, views
from assistant.web.text import inert

if TYPE_CHECKING:
    from assistant.models import Framework, Lang
    from assistant.prefill.drafts import Prefill
    from assistant.settings import Settings

UPLOADS = "pm-upload"
RESULT = "pm-prefill"  # this user's last reading (per browser session, never shared)


def _t(key: str, lang: Lang) -> str:
    return t(f"ui.pm_{key}", lang)


def render(settings: Settings, fw: Framework, lang: Lang) -> None:
    st.caption(_t("help", lang))
    files = st.file_uploader(
        _t("tab", lang),
        type=["pdf", "docx", "md", "txt"],
        accept_multiple_files=True,
        key=UPLOADS,
        label_visibility="collapsed",
    )
    if st.button(_t("read", lang), disabled=not files, icon=":material/description:"):
        st.session_state[RESULT] = prefill_start.read_uploads(list(files or []), settings, fw, lang)
    result: Prefill | None = st.session_state.get(RESULT)
    if result is not None:
        show(result, fw, lang)


def show(result: Prefill, fw: Framework, lang: Lang) -> None:
    """The brief on the page, rendered from the same ``brief.build`` as the Markdown download."""
    brief = build(result, fw, lang)
    for _name, _about, error in brief.documents:
        if error:
            st.error(inert(error), icon=":material/error:")
    st.info(inert(brief.summary), icon=":material/fact_check:")
    st.subheader(t("report.brief_docs.map", lang), divider="gray")
    rows = [
        [e.element, domain, e.title.split(" ", 1)[1], e.status]
        for domain, entries in brief.domains
        for e in entries
    ]
    views.text_table(["ID", _t("domain", lang), _t("element", lang), _t("status", lang)], rows)
    st.subheader(t("report.brief_docs.drafts", lang), divider="gray")
    for e in brief.drafts:
        st.markdown(f"**{inert(e.title)}**: {inert(e.status)}")
        for quote, place in e.lines:
            st.markdown(f"> {inert(quote)}")
            st.caption(inert(place))
    st.subheader(t("report.brief_docs.ask", lang), divider="gray")
    for e in brief.ask:
        st.markdown(f"**{inert(e.title)}** ({inert(e.status)})")
        st.markdown("\n".join(f"- {inert(line)}" for line, _ in e.lines))
    views.downloads(
        [
            (_t("dl_md", lang), brief_text(result, fw, lang), f"pre-mission-brief-{lang}.md",
             "text/markdown"),
            (_t("dl_json", lang), json.dumps(result.to_json(), ensure_ascii=False, indent=2),
             "prefill.json", "application/json"),
        ],
        key="pm",
    )  # fmt: skip
