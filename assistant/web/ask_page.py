"""The Ask page: questions about cooperation options, answered from the knowledge base with
numbered citations whose passages open in place; questions it does not cover are declined."""

from __future__ import annotations

import streamlit as st

from assistant.knowledge.answer import AnswerResult, answer
from assistant.models import Lang
from assistant.web import resources, state, views
from assistant.web.strings import t
from assistant.web.text import inert, inert_lines

HISTORY = "ask_history"
MAX_QUESTION = 1000


def show(result: AnswerResult, lang: Lang) -> None:
    """One answer: the text (inert), a notice if any, then its numbered sources."""
    if not result.answered:
        st.info(inert(result.answer), icon=":material/block:")
        return
    st.markdown(inert_lines(result.answer))
    if result.notice:
        st.caption(inert(result.notice))
    st.caption(t("sources", lang))
    for n, src in enumerate(result.sources, 1):
        views.passage(n, src.title, src.text, src.provenance, src.source, lang)


def render() -> None:
    lang = state.lang()
    settings = resources.current_settings()
    st.title(t("ask_title", lang))
    st.caption(t("ask_intro", lang))
    history: list[AnswerResult] = st.session_state.setdefault(HISTORY, [])
    for item in history:
        with st.chat_message("user"):
            st.markdown(inert(item.question))
        with st.chat_message("assistant"):
            show(item, lang)
    question = st.chat_input(t("ask_placeholder", lang), key="ask-input", max_chars=MAX_QUESTION)
    if history and st.button(t("clear_chat", lang), icon=":material/delete:", key="ask-clear"):
        history.clear()
        st.rerun()
    if not question or not question.strip():
        return
    with st.chat_message("user"):
        st.markdown(inert(question))
    with st.chat_message("assistant"):
        loader = resources.knowledge(settings)
        try:
            with st.spinner(t("kb_wait", lang)):
                services = loader.get()
                result = answer(
                    question,
                    services.retriever,
                    lang=lang,
                    chat_model=resources.chat_model(settings),
                )
        except Exception as exc:  # the knowledge base failed to load: say so, keep the page
            st.error(t("kb_failed", lang, error=inert(resources.describe_error(exc))))
            return
        show(result, lang)
    history.append(result)
