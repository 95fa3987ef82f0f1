"""The Ask page: a short composed answer with [n] markers, its sources collapsed underneath
(title, section, printed / reading / added by; never a path), honest when the brochure is silent
and declining the off-topic."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from assistant.catalogue import t
from assistant.limits import MAX_QUESTION
from assistant.models import Lang
from assistant.web import repaint, resources, state
from assistant.web.text import inert, plain

if TYPE_CHECKING:  # imported when a question comes: the page paints before LangChain and Chroma
    from assistant.knowledge.answer import AnswerResult

EXCERPT = 280  # characters of a passage shown under its source line

HISTORY = "ask_history"


def show(result: AnswerResult, lang: Lang) -> None:
    """One answer: the composed text (inert), a notice if any, then its sources collapsed.

    The composed answer and the excerpts are plain text (``st.text``: no Markdown at all, so
    nothing to escape and no auto-linking): the brochure's e-mail and web address copy as typed,
    where Markdown would need the invisible word joiner that keeps a bare address unlinked."""
    from assistant.knowledge.source_names import excerpt, source_line

    if not result.answered and not result.sources:
        st.info(inert(result.answer), icon=":material/block:")
        return
    if result.answered:
        plain(result.answer)
    else:  # not in the sources: said plainly, with the closest menu line and the contact
        with st.container(border=True):
            plain(result.answer)
    if result.notice:
        st.caption(inert(result.notice))
    with st.expander(f"{t('ui.sources', lang)} ({len(result.sources)})", expanded=False):
        for n, src in enumerate(result.sources, 1):
            st.markdown(f"**{inert(source_line(n, src, lang))}**")
            plain(excerpt(src.text, EXCERPT))


def render() -> None:
    lang = state.lang()
    st.title(t("ui.ask_title", lang))
    st.caption(t("ui.ask_intro", lang))
    conversation(lang)


@st.fragment
def conversation(lang: Lang) -> None:
    """The questions and answers and the chat box: a question reruns only this."""
    settings = resources.current_settings()
    history: list[AnswerResult] = st.session_state.setdefault(HISTORY, [])
    for item in history:
        with st.chat_message("user"):
            plain(item.question)  # plain text: typed links and markup stay as typed
        with st.chat_message("assistant"):
            show(item, lang)
    with repaint.bottom():
        question = st.chat_input(
            t("ui.ask_placeholder", lang), key="ask-input", max_chars=MAX_QUESTION
        )
    if history and st.button(t("ui.clear_chat", lang), icon=":material/delete:", key="ask-clear"):
        history.clear()
        repaint.rerun_fragment()
    if not question or not question.strip():
        return
    with st.chat_message("user"):
        plain(question)
    with st.chat_message("assistant"):
        loader = resources.knowledge(settings)
        from assistant.knowledge.answer import answer

        try:
            with st.spinner(t("ui.kb_wait", lang)):
                services = loader.get()
                result = answer(
                    question,
                    services.retriever,
                    lang=lang,
                    chat_model=resources.chat_model(settings),
                )
        except Exception as exc:  # the knowledge base failed to load: say so, keep the page
            st.error(t("ui.kb_failed", lang, error=inert(resources.describe_error(exc))))
            return
        show(result, lang)
    history.append(result)
