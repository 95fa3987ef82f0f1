"""Repaint only what changed: the chat pages' conversations are ``st.fragment``s.

A turn then reruns the conversation (and its progress), not the whole page with its sidebar and
navigation. The chat box stays pinned under the page from inside the fragment.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException


def bottom() -> AbstractContextManager[Any]:
    """Where a chat box goes: pinned under the page (``st.bottom``, ``st._bottom`` before it was
    public; inline in a Streamlit without that container)."""
    pinned = getattr(st, "bottom", None) or getattr(st, "_bottom", None)
    return pinned if pinned is not None else nullcontext()


def rerun_fragment() -> None:
    """Rerun the fragment this runs in; the whole page when this run is the page's own (the first
    paint, AppTest), where Streamlit refuses a fragment-scoped rerun."""
    try:
        st.rerun(scope="fragment")
    except StreamlitAPIException:
        st.rerun()
