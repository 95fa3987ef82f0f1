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


# The latest reply's top under the page's header, once per turn. Streamlit keeps the view where
# it was (or, stuck to the bottom, under the last quick reply): on a phone the proposal and its
# confirm were below the fold after an answer, or scrolled away above after a choice. A fixed
# script (no data of the person's in it); ``turn`` makes each turn's element new, so it runs once.
_FOLLOW = """<script data-turn="{turn}">
setTimeout(() => {{
  const msgs = [...document.querySelectorAll('[data-testid="stChatMessage"]')].filter(
    m => m.querySelector('[data-testid="stChatMessageAvatarAssistant"]'));
  const last = msgs[msgs.length - 1];
  if (last) {{ last.style.scrollMarginTop = "4rem"; last.scrollIntoView({{block: "start"}}); }}
}}, 150);
</script>"""


def follow(turn: int) -> None:
    """Bring the latest reply into view after turn ``turn`` (a number, nothing typed)."""
    st.html(_FOLLOW.format(turn=int(turn)), unsafe_allow_javascript=True, width="content")
