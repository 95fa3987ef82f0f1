"""The sidebar's session block: the code with a "resume later" note, progress per domain, the
city profile, and resuming another session by its code."""

from __future__ import annotations

import streamlit as st

from assistant.catalogue import t
from assistant.models import LANGS, Framework, Lang
from assistant.ports import SessionStore, StoredSession
from assistant.report.words import city_type_name
from assistant.web import resources, state
from assistant.web.text import inert

CHAT = "chat"  # the interview's messages shown in this browser tab


def sync_code(store: SessionStore, lang: Lang) -> StoredSession | None:
    """Adopt the code from the URL on the first run of a tab (a reload or a shared link), and
    keep the URL carrying the current code on every run (page switches drop query params)."""
    if state.CODE not in st.session_state:
        url = state.url_code()
        st.session_state[state.CODE] = None
        if url:
            if store.load(url) is not None:
                state.set_code(url)
            else:
                state.set_code(None)
                st.toast(t("ui.resume_unknown", lang), icon=":material/error:")
    code = state.code()
    if code is None:
        return None
    if st.query_params.get(state.CODE) != code:
        st.query_params[state.CODE] = code
    return store.load(code)


def url_session_lang(store: SessionStore) -> Lang | None:
    """The language of the session whose code is in the URL (None: no code, or a wrong one)."""
    code = state.url_code()
    session = store.load(code) if code else None
    return session.lang if session is not None and session.lang in LANGS else None


def switch_session(code: str | None) -> None:
    """Forget this tab's chat and follow another session (or none)."""
    st.session_state.pop(CHAT, None)
    state.set_code(code)


def progress_block(fw: Framework, answered: set[str], lang: Lang) -> None:
    """Elements answered, and per domain, in the current container (the sidebar, or the
    interview's conversation, which repaints it on every turn)."""
    done = len(answered)
    total = len(fw.elements)
    st.progress(done / total, text=t("ui.progress", lang, done=done, total=total))
    with st.expander(t("terms.domains", lang), expanded=False):
        for d in fw.domains:
            ids = [e.id for e in fw.domain_elements(d.id)]
            n = sum(1 for e in ids if e in answered)
            mark = (
                ":material/check_circle:" if n == len(ids) else ":material/radio_button_unchecked:"
            )
            st.markdown(f"{mark} **{inert(d.name.get(lang))}** {n}/{len(ids)}")
            st.caption(" · ".join(f"{e}{'✓' if e in answered else ''}" for e in ids))


def render(lang: Lang, progress: bool = True) -> None:
    """The sidebar block; ``progress=False`` on the Interview page, which shows it itself."""
    store = resources.session_store(resources.current_settings())
    session = sync_code(store, lang)
    fw = resources.framework(resources.current_settings())
    side = st.sidebar
    if session is not None:
        side.subheader(t("ui.session", lang), divider="gray")
        side.caption(t("ui.session_code", lang))
        side.code(session.code, language=None, wrap_lines=True)
        side.caption(t("ui.resume_later", lang))
        if progress:
            with side:
                progress_block(fw, set(session.answers), lang)
        if session.profile is not None:
            p = session.profile
            with side.expander(t("terms.city_profile", lang)):
                st.markdown(f"**{inert(p.name)}**")
                details = [p.country, city_type_name(p.city_type, lang)]
                if p.population:
                    details.append(f"{p.population:,}")
                details += p.focus_sectors + p.focus_areas
                st.caption(inert(" · ".join(x for x in details if x)))
        if side.button(t("ui.new_interview", lang), icon=":material/add:", key="new-interview"):
            switch_session(None)
            st.rerun()
    with (
        side.popover(t("ui.resume_with_code", lang), icon=":material/key:"),
        st.form("resume-form", border=False),
    ):
        typed = st.text_input(t("ui.session_code", lang), key="resume-code")
        if st.form_submit_button(t("ui.resume", lang)):
            typed = typed.strip()
            found = store.load(typed) if typed else None
            if found is not None:
                switch_session(typed)
                state.request_lang(found.lang)  # the session's language wins
                st.rerun()
            else:
                st.error(t("ui.resume_unknown", lang))
