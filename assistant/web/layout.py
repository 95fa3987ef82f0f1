"""The app shell: page setup, the language switch, navigation and the sidebar."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from assistant.catalogue import t
from assistant.faults import storage_fault
from assistant.models import LANGS, Lang
from assistant.web import resources, session_panel, state
from assistant.web.text import inert

PAGES: tuple[tuple[str, str, str], ...] = (
    ("app_pages/interview.py", "ui.page_interview", ":material/forum:"),
    ("app_pages/results.py", "ui.page_results", ":material/insights:"),
    ("app_pages/ask.py", "ui.page_ask", ":material/quiz:"),
    ("app_pages/workspace.py", "ui.page_workspace", ":material/work:"),
)
LANG_NAMES: dict[Lang, str] = {"en": "English", "ja": "日本語"}

FAVICON = Path(__file__).resolve().parent / "assets" / "favicon.png"


def language_switch() -> Lang:
    """English / 日本語 for the whole UI, kept in the URL (``?lang=ja``) across reloads."""
    if st.session_state.get(state.LANG_NEXT) in LANGS:  # the person said "日本語で" in the chat
        st.session_state[state.LANG] = st.session_state.pop(state.LANG_NEXT)
    if st.session_state.get(state.LANG) not in LANGS:  # first run of a tab: a reload or a link
        wanted = st.query_params.get(state.LANG)
        if wanted not in LANGS:  # a session's link without ?lang: the session's language wins
            store = resources.session_store(resources.current_settings())
            wanted = session_panel.url_session_lang(store) or "en"
        st.session_state[state.LANG] = wanted
    st.sidebar.segmented_control(
        t("ui.language", state.lang()),
        LANGS,
        required=True,
        format_func=lambda code: LANG_NAMES.get(code, code),
        key=state.LANG,
    )
    lang = state.lang()
    if lang == "en" and state.CODE not in st.query_params:  # with a code, ?lang=en is kept
        if state.LANG in st.query_params:
            del st.query_params[state.LANG]
    elif st.query_params.get(state.LANG) != lang:
        st.query_params[state.LANG] = lang
    return lang


@st.fragment(run_every=0.5)
def _poll_knowledge(lang: Lang) -> None:
    """While the model loads: re-check twice a second (only this small fragment reruns, for the
    few seconds of a load; once a second showed "ready" up to a second late). Once it
    is in, one whole-page run, whose sidebar no longer polls: a fragment with ``run_every``
    reruns until a page run leaves it out, and on the Interview page (turns rerun only the
    conversation) that was never, a rerun every second under every chat turn."""
    loader = resources.knowledge(resources.current_settings())
    if not loader.ready():
        st.caption(f":material/hourglass_top: {t('ui.kb_loading', lang)}")
    else:
        _knowledge_done(loader, lang)
        st.rerun()


def knowledge_status(lang: Lang) -> None:
    """Start the knowledge base loading in the background and say how far it is."""
    loader = resources.knowledge(resources.current_settings())
    with st.sidebar:
        if loader.ready():
            _knowledge_done(loader, lang)
        else:
            _poll_knowledge(lang)


def _knowledge_done(loader: resources.KnowledgeLoader, lang: Lang) -> None:
    if (error := loader.error()) is not None:
        st.caption(
            f":material/error: {t('ui.kb_failed', lang, error=resources.describe_error(error))}"
        )
    else:
        st.caption(f":material/check_circle: {t('ui.kb_ready', lang, n=loader.get().store.count())}")


def main() -> None:
    """Run one script pass: shell first (cheap), then the chosen page."""
    st.set_page_config(
        page_title="Smart-city self-assessment",
        page_icon=str(FAVICON),  # shipped: a material icon would be fetched from a font CDN
        layout="wide",
        initial_sidebar_state="auto",  # open on a desktop, collapsed on a phone
    )
    lang = language_switch()
    pages = [
        st.Page(
            path,
            title=t(title, lang),
            icon=icon,
            url_path=Path(path).stem,
            default=i == 0,
        )
        for i, (path, title, icon) in enumerate(PAGES)
    ]
    page = st.navigation(pages, position="sidebar")
    try:
        session_panel.render(lang, progress=page.url_path not in ("", "interview"))  # see there
        knowledge_status(lang)
        page.run()
    except Exception as exc:  # a storage fault anywhere (starting a session, resuming one)
        message = storage_fault(exc, lang)
        if message is None:
            raise
        st.error(inert(message), icon=":material/error:")  # what was typed stays in its widget
    finally:
        resources.page_served()  # the first one lets the background load start
