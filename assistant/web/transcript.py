"""The interview's conversation as this browser tab keeps and draws it.

The engine owns the session; this tab only keeps what it has shown (``st.session_state``): the
messages, the engine's last reply, and after a reload the recent turns from the store.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from assistant.catalogue import t
from assistant.interview.engine import InterviewEngine
from assistant.interview.state import Proposal, Reply
from assistant.models import Lang
from assistant.web import views
from assistant.web.proposal_view import level_words, proposal_card
from assistant.web.session_panel import CHAT
from assistant.web.text import inert, inert_lines

REPLY = "interview_reply"  # the engine's last reply in this tab (phase, proposal, choices)
EARLIER = "interview_earlier"  # turns before this tab joined (after a reload or resume)
EARLIER_TURNS = 8
FULL_ENTRIES = 6  # the latest messages drawn in full; older ones as plain text
SAVED = "interview_saved"  # a turn saved an answer: the page says so once


# --- the conversation kept for this tab ---------------------------------------------------


def _entry(role: str, parts: list[dict[str, Any]]) -> dict[str, Any]:
    return {"role": role, "parts": parts}


def _reply_entry(reply: Reply) -> dict[str, Any]:
    parts = [
        {
            "text": m.text,
            "system": m.role == "system",
            "citations": [c.model_dump() for c in m.citations],
            "heading": m.heading,
            "proposal": m.proposal.model_dump() if m.proposal is not None else None,
        }
        for m in reply.messages
    ]
    return _entry("assistant", parts)


def record(user_text: str | None, reply: Reply) -> None:
    chat: list[dict[str, Any]] = st.session_state.setdefault(CHAT, [])
    if user_text is not None:
        chat.append(_entry("user", [{"text": user_text, "system": False, "citations": []}]))
    chat.append(_reply_entry(reply))
    st.session_state[REPLY] = reply
    if reply.saved:
        st.session_state[SAVED] = True


def begin(reply: Reply) -> None:
    """A new session's chat: the welcome stands on its own, the first question under it."""
    st.session_state.pop(EARLIER, None)
    st.session_state[CHAT] = []
    record(None, reply)
    parts = st.session_state[CHAT][0]["parts"]
    st.session_state[CHAT] = [_entry("assistant", parts[:1]), _entry("assistant", parts[1:])]


def rejoin(engine: InterviewEngine, code: str) -> Reply | None:
    """A tab that has not shown this session yet: recent turns + where it stands."""
    reply = engine.resume(code)
    if reply is None:
        return None
    turns = engine.history(code)[-EARLIER_TURNS:]
    st.session_state[EARLIER] = [(turn.role, turn.text) for turn in turns]
    st.session_state[CHAT] = []
    record(None, reply)
    return reply


# --- drawing it -------------------------------------------------------------------------------


def _show_parts(parts: list[dict[str, Any]], lang: Lang) -> None:
    notices = {p["proposal"]["notice"] for p in parts if p.get("proposal")}
    for part in parts:
        card = part.get("proposal")
        if part["system"]:
            if part["text"] in notices:
                continue  # shown in the proposal card
            st.caption(f":material/info: {inert(part['text'])}")
        elif card is not None:
            st.markdown(f"**{inert(part['heading'])}**")
            proposal_card(Proposal.model_validate(card), lang)
        else:
            st.markdown(inert_lines(part["text"]))
        for c in part["citations"]:
            views.passage(c["n"], c["title"], c["text"], c["provenance"], c["source"], lang)


def show_chat(lang: Lang) -> None:
    earlier = st.session_state.get(EARLIER) or []
    if earlier:
        with st.expander(t("ui.earlier", lang), icon=":material/history:"):
            for role, text in earlier:
                st.markdown(f"**{'›' if role == 'user' else '‹'}** {inert_lines(text)}")
    chat = st.session_state.get(CHAT, [])
    for i, item in enumerate(chat):
        with st.chat_message(item["role"]):
            if i < len(chat) - FULL_ENTRIES:
                _show_compact(item["parts"], lang)
            else:
                _show_parts(item["parts"], lang)


def _show_compact(parts: list[dict[str, Any]], lang: Lang) -> None:
    """An older message as one block of text (its level and evidence in words, no card): the
    browser then repaints a long conversation as fast as a short one."""
    lines = []
    for part in parts:
        card = part.get("proposal")
        if card is not None:
            said = level_words(Proposal.model_validate(card), lang)
            lines.append(f"{part['heading']} — {said}")
        elif not part["system"]:
            lines.append(part["text"])
    st.markdown(inert_lines("\n".join(lines)))
