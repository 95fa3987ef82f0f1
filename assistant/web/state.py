"""Per-user state, kept only in ``st.session_state`` (one browser tab = one user).

The interview's session code is mirrored in the URL (``?code=…``) so a reload, a bookmark or a
restarted server continues where the person was; the language is bound to ``?lang=…`` by its
widget.
"""

from __future__ import annotations

from typing import cast

import streamlit as st

from assistant.models import LANGS, AnswersFile, Lang

LANG = "lang"
CODE = "code"
LOADED = "loaded"
LOADED_CODES = "loaded_codes"  # canonical session code -> its name in LOADED


LANG_NEXT = "lang_next"


def request_lang(value: Lang) -> None:
    """Switch the UI language on the next run (the switch widget owns the key in this one)."""
    st.session_state[LANG_NEXT] = value


def lang() -> Lang:
    value = st.session_state.get(LANG)
    return cast(Lang, value) if value in LANGS else "en"


def code() -> str | None:
    value = st.session_state.get(CODE)
    return value if isinstance(value, str) and value else None


def set_code(value: str | None) -> None:
    """Remember the interview session and put its code in the URL (or take it out)."""
    st.session_state[CODE] = value
    if value:
        st.query_params[CODE] = value
    elif CODE in st.query_params:
        del st.query_params[CODE]


def url_code() -> str | None:
    value = st.query_params.get(CODE)
    return value.strip() if isinstance(value, str) and value.strip() else None


def loaded() -> dict[str, AnswersFile]:
    """Interviews loaded by this user (answers files, sessions by code), by display name."""
    return cast(dict[str, AnswersFile], st.session_state.setdefault(LOADED, {}))


def add_loaded(name: str, answers: AnswersFile) -> None:
    loaded()[name] = answers


def add_session(canonical: str, name: str, answers: AnswersFile) -> bool:
    """Load a session by its canonical code; True if it was new. A session loaded again (its
    code typed another way, or its city renamed) replaces its earlier entry, never doubles."""
    codes = cast(dict[str, str], st.session_state.setdefault(LOADED_CODES, {}))
    old = codes.get(canonical)
    if old is not None:
        loaded().pop(old, None)
    codes[canonical] = name
    add_loaded(name, answers)
    return old is None
