"""Interview page, "Review the drafts": the sure document drafts confirmed in one action.

One card per listed draft (element, the quote, document and page, confidence, a level selector
and a tick box); "Confirm the ticked drafts" saves them through the engine (one commit, before
the page says "saved"); an unticked draft is asked in full when its element comes; "Go through
them one by one" saves nothing. Shown once, above the chat, while the engine lists drafts.
Quotes are the documents' own words: every piece of document text goes through ``inert``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from assistant.catalogue import t
from assistant.faults import storage_fault
from assistant.interview.render import short_text
from assistant.web.text import inert
from assistant.web.transcript import record

if TYPE_CHECKING:
    from assistant.interview.engine import InterviewEngine
    from assistant.models import Framework, Lang
    from assistant.prefill.review import ReviewItem

KEEP = "rv-keep-{}"
LEVEL = "rv-level-{}"


def panel(engine: InterviewEngine, fw: Framework, code: str, lang: Lang) -> None:
    """The review form while the engine lists drafts; its action taken on submit."""
    items = engine.review_items(code)
    if not items:
        return
    with st.container(border=True, key="review-drafts"):
        st.subheader(t("ui.review.title", lang), anchor=False)
        st.caption(t("ui.review.help", lang, n=len(items)))
        with st.form(f"review-{code}", border=False):
            for item in items:
                _card(item, fw, lang)
            c1, c2 = st.columns(2)
            confirm = c1.form_submit_button(
                t("ui.review.confirm", lang), type="primary", icon=":material/done_all:",
                width="stretch",
            )  # fmt: skip
            walk = c2.form_submit_button(
                t("ui.review.walk", lang), icon=":material/format_list_numbered:",
                width="stretch",
            )  # fmt: skip
    if not (confirm or walk):
        return
    levels: dict[str, int] = {}
    unticked: list[str] = []
    if confirm:
        for item in items:
            if st.session_state.get(KEEP.format(item.element), True):
                levels[item.element] = int(
                    st.session_state.get(LEVEL.format(item.element), item.level)
                )
            else:
                unticked.append(item.element)
    label = t("ui.review.confirm", lang) if confirm else t("ui.review.walk", lang)
    try:
        reply = engine.review(code, levels, unticked)
    except Exception as exc:  # disk full, read-only, locked: nothing saved, the form stays
        message = storage_fault(exc, lang)
        if message is None:
            raise
        st.error(inert(message), icon=":material/error:")
        return
    record(label, reply)
    st.rerun()


def _card(item: ReviewItem, fw: Framework, lang: Lang) -> None:
    element = fw.element(item.element)
    with st.container(border=True):
        left, right = st.columns([3, 2])
        with left:
            st.markdown(f"**{item.element} {inert(item.name)}**")
            st.markdown(f"> {inert(' '.join(item.quote.split()))}")
            conf = t("ui.review.confidence", lang, confidence=f"{round(100 * item.confidence)}%")
            st.caption(f":material/description: {inert(item.origin)} · {inert(conf)}")
        with right:
            st.selectbox(
                t("terms.level", lang),
                options=list(range(len(element.rubric))),
                index=item.level,
                format_func=lambda lv: t(
                    "ui.review.level_option", lang, level=lv,
                    rubric=short_text(element.rubric[lv].text.get(lang)),
                ),
                key=LEVEL.format(item.element),
            )  # fmt: skip
            st.checkbox(t("ui.review.keep", lang), value=True, key=KEEP.format(item.element))
