"""Interview page, "Review the drafts": the sure document drafts confirmed in one action.

One card per listed draft (element, the quote, document and page, confidence, a level selector
with the chosen level's full rubric text under it, and a tick box); "Confirm the ticked drafts"
saves them through the engine (one commit, before the page says "saved"); an unticked draft is
asked in full when its element comes; "Go through them one by one" saves nothing. Shown once,
after the conversation so far and before the walk: the walk's current question waits under it
(``transcript.show_chat(hold=True)``) and the chat box is closed until the review is acted on.

Not a form: a level picked shows its full text at once (a phone's selector is too narrow for
it). Quotes are the documents' own words: every piece of document text goes through ``inert``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from assistant.catalogue import t
from assistant.faults import storage_fault
from assistant.web.text import inert
from assistant.web.transcript import drop_held, record

if TYPE_CHECKING:
    from assistant.interview.engine import InterviewEngine
    from assistant.models import Framework, Lang
    from assistant.prefill.review import ReviewItem

KEEP = "rv-keep-{}"
LEVEL = "rv-level-{}"


def panel(
    engine: InterviewEngine, fw: Framework, code: str, lang: Lang, items: list[ReviewItem]
) -> None:
    """The review of ``items`` (``engine.review_items``); its action taken on a button."""
    if not items:
        return
    with st.container(border=True, key="review-drafts"):
        st.subheader(t("ui.review.title", lang), anchor=False)
        st.caption(t("ui.review.help", lang, n=len(items)))
        for item in items:
            _card(item, fw, lang)
        c1, c2 = st.columns(2)
        confirm = c1.button(
            t("ui.review.confirm", lang), type="primary", icon=":material/done_all:",
            width="stretch", key="rv-confirm",
        )  # fmt: skip
        walk = c2.button(
            t("ui.review.walk", lang), icon=":material/format_list_numbered:",
            width="stretch", key="rv-walk",
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
    except Exception as exc:  # disk full, read-only, locked: nothing saved, the review stays
        message = storage_fault(exc, lang)
        if message is None:
            raise
        st.error(inert(message), icon=":material/error:")
        return
    drop_held()  # the question held under the review: the reply asks it again, once
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
            chosen = st.selectbox(
                t("terms.level", lang),
                options=list(range(len(element.rubric))),
                index=item.level,
                format_func=lambda lv: t("ui.level_title", lang, level=lv),
                key=LEVEL.format(item.element),
            )
            level = item.level if chosen is None else int(chosen)
            text = element.rubric[level].text.get(lang)  # in full, wrapping: never cut
            st.markdown(inert(text))
            if level != item.level:
                st.caption(f":material/edit: {t('ui.review.changed', lang, level=item.level)}")
            st.checkbox(t("ui.review.keep", lang), value=True, key=KEEP.format(item.element))
