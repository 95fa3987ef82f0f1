"""The interview's conversation as this browser tab keeps and draws it.

The engine owns the session; this tab only keeps what it has shown (``st.session_state``): the
messages, the engine's last reply, and after a reload the recent turns from the store.

Only the current part is drawn on the page: the current element's exchange and the latest
messages. The rest is folded under "Earlier in this interview (N messages)", drawn only while it
is open: a full interview is ~90 messages, and React drawing them all made every switch back to
the Interview page (and every turn) cost the browser hundreds of milliseconds.
"""

from __future__ import annotations

import re
from typing import Any

import streamlit as st

from assistant.catalogue import t
from assistant.interview.engine import InterviewEngine
from assistant.interview.state import Choice, DocumentPassage, Proposal, Reply
from assistant.models import Lang
from assistant.web import views
from assistant.web.proposal_view import (
    disputed_card,
    level_words,
    proposal_card,
    separating_card,
)
from assistant.web.session_panel import CHAT
from assistant.web.text import inert, inert_lines

REPLY = "interview_reply"  # the engine's last reply in this tab (phase, proposal, choices)
EARLIER = "interview_earlier"  # turns before this tab joined (after a reload or resume)
EARLIER_TURNS = 8
RECENT = 6  # at least the latest messages are drawn on the page...
MOST = 12  # ...and at most these many, however long the current element's exchange
FOLD = "interview-earlier"  # the fold's widget key (tests/e2e/browser.py reads its count)


# --- the conversation kept for this tab ---------------------------------------------------


def _entry(role: str, parts: list[dict[str, Any]]) -> dict[str, Any]:
    return {"role": role, "parts": parts}


def _reply_entry(reply: Reply) -> dict[str, Any]:
    asks = reply.phase in ("element", "confirm")  # the last message asks the current question
    parts = [
        {
            "text": m.text,
            "system": m.role == "system",
            "citations": [c.model_dump() for c in m.citations],
            "heading": m.heading,
            "proposal": m.proposal.model_dump() if m.proposal is not None else None,
            "passages": [x.model_dump() for x in m.passages],
            "question": m.question,
            "candidates": [c.model_dump() for c in m.candidates],
            "asking": asks and i == len(reply.messages) - 1,
        }
        for i, m in enumerate(reply.messages)
    ]
    return {**_entry("assistant", parts), "element": reply.element}


def record(user_text: str | None, reply: Reply) -> None:
    chat: list[dict[str, Any]] = st.session_state.setdefault(CHAT, [])
    if user_text is not None:
        chat.append(_entry("user", [{"text": user_text, "system": False, "citations": []}]))
    chat.append(_reply_entry(reply))
    st.session_state[REPLY] = reply


def begin(reply: Reply) -> None:
    """A new session's chat: the welcome stands on its own, the first question under it."""
    st.session_state.pop(EARLIER, None)
    st.session_state[CHAT] = []
    record(None, reply)
    first = st.session_state[CHAT][0]
    parts = first["parts"]
    st.session_state[CHAT] = [{**first, "parts": parts[:1]}, {**first, "parts": parts[1:]}]


def rejoin(engine: InterviewEngine, code: str) -> Reply | None:
    """A tab that has not shown this session yet: recent turns + where it stands."""
    reply = engine.resume(code)
    if reply is None:
        return None
    turns = engine.history(code)[:-1][-EARLIER_TURNS:]  # the last is this resume's own reply
    st.session_state[EARLIER] = [(turn.role, turn.text) for turn in turns]
    st.session_state[CHAT] = []
    record(None, reply)
    return reply


# --- drawing it -------------------------------------------------------------------------------


def _show_parts(parts: list[dict[str, Any]], lang: Lang, pair: list[Choice] | None = None) -> bool:
    """Draw one message's parts; ``pair``: the two equal choices of the question being asked,
    drawn in the part that asks it (each level's text once). Says whether they were drawn."""
    notices = {p["proposal"]["notice"] for p in parts if p.get("proposal")}
    drawn = False
    for part in parts:
        card = part.get("proposal")
        here = pair if pair and part.get("asking") else None
        if part["system"]:
            if part["text"] in notices:
                continue  # shown in the proposal card
            st.caption(f":material/info: {inert(part['text'])}")
        elif card is not None:
            st.markdown(f"**{inert(part['heading'])}**")
            proposal = Proposal.model_validate(card)
            proposal_card(proposal, lang, here if proposal.unsure else None)
            drawn = drawn or (here is not None and proposal.unsure)
        elif here is not None and part.get("candidates") and part.get("question"):
            separating_card(part["heading"], part["question"], lang, here)
            drawn = True
        elif part.get("passages"):  # the documents disagree: both passages, the question
            st.markdown(f"**{inert(part['heading'])}**")
            passages = [DocumentPassage.model_validate(x) for x in part["passages"]]
            disputed_card(passages, part["question"], lang)
        elif part.get("heading") and part["text"].startswith(part["heading"] + "\n"):
            # a question with its heading ("don't know" to confirm): the heading set off
            st.markdown(f"**{inert(part['heading'])}**")
            st.markdown(inert_lines(part["text"][len(part["heading"]) + 1 :]))
        else:
            st.markdown(inert_lines(part["text"]))
        for c in part["citations"]:
            views.passage(c["n"], c["title"], c["text"], c["provenance"], c["source"], lang)
    return drawn


def _moved_on(before: list[dict[str, Any]], current: str) -> bool:
    """Was the exchange before the latest reply about another element (settled, moved on)?"""
    last = next((c.get("element") for c in reversed(before) if c["role"] == "assistant"), None)
    return last is not None and last != current


def shown_from(chat: list[dict[str, Any]]) -> int:
    """Where the part drawn on the page begins: the current element's exchange (from the reply
    that asked its question) or the last ``RECENT`` messages, whichever starts earlier, but no
    more than ``MOST`` messages; just after moving on to a new element, its question alone."""
    n = len(chat)
    start = n - RECENT
    current = next((c.get("element") for c in reversed(chat) if c["role"] == "assistant"), None)
    if current is not None:
        i = n
        while i > 0 and (chat[i - 1]["role"] == "user" or chat[i - 1].get("element") == current):
            i -= 1
        while i < n and chat[i]["role"] == "user":
            i += 1  # the answer that settled the element before belongs to that one
        if i == n - 1 and _moved_on(chat[:i], current):
            # The person just settled an element (a button, most often) and the reply asks the
            # next: the page keeps its scroll, so on a phone the settled card stayed in view
            # and the new question below it. The settled exchange joins the fold.
            return 0 if i == 1 else i
        start = min(start, i)
    start = max(start, n - MOST, 0)
    return 0 if start == 1 else start  # one message is not worth a fold


def _without_held(chat: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The conversation without the question being asked now (in every reply since the
    person last spoke: the start, a resume, a language switch each ask it)."""
    i = len(chat)
    while i > 0 and chat[i - 1]["role"] == "assistant":
        i -= 1
    out = chat[:i]
    for entry in chat[i:]:
        parts = [p for p in entry["parts"] if not p.get("asking")]
        if parts:
            out.append({**entry, "parts": parts})
    return out


def drop_held() -> None:
    """The held question leaves the conversation (the reply that follows asks it again)."""
    st.session_state[CHAT] = _without_held(st.session_state.get(CHAT, []))


def show_chat(lang: Lang, hold: bool = False, pair: list[Choice] | None = None) -> bool:
    """The fold with the earlier conversation (its messages drawn only while it is open), then
    the current part in full. ``hold``: the question now being asked waits (the review of the
    drafts comes first, drawn under the conversation; its reply asks the question again).
    ``pair``: the two equal choices, drawn in the latest reply's asking message; the return
    says whether they were (otherwise the quick replies draw them)."""
    earlier = st.session_state.get(EARLIER) or []
    chat = st.session_state.get(CHAT, [])
    if hold:
        chat = _without_held(chat)
    start = shown_from(chat)
    folded = len(earlier) + start
    if folded:
        label = t("ui.earlier_one", lang) if folded == 1 else t("ui.earlier", lang, n=folded)
        fold = st.expander(label, icon=":material/history:", key=FOLD, on_change="rerun")
        if fold.open:
            with fold:
                for role, text in earlier:
                    with st.chat_message("user" if role == "user" else "assistant"):
                        st.markdown(inert_lines(turn_words(role, text, lang)))
                for item in chat[:start]:
                    with st.chat_message(item["role"]):
                        _show_compact(item["parts"], lang)
    drawn = False
    shown = chat[start:]
    for i, item in enumerate(shown):
        latest = i == len(shown) - 1 and item["role"] == "assistant" and not hold
        with st.chat_message(item["role"]):
            drawn = _show_parts(item["parts"], lang, pair if latest else None) or drawn
    return drawn


def _show_compact(parts: list[dict[str, Any]], lang: Lang) -> None:
    """An earlier message as one block of text (its level and evidence in words, no card): an
    opened fold of a long conversation stays quick to draw."""
    lines = []
    for part in parts:
        card = part.get("proposal")
        if card is not None:
            said = level_words(Proposal.model_validate(card), lang)
            lines.append(t("ui.earlier_card", lang, heading=part["heading"], said=said))
        elif not part["system"]:
            lines.append(part["text"])
    st.markdown(inert_lines("\n".join(lines)))


# A button pressed is kept in the session's transcript as "[confirm]", "[level 3]", "[change
# E05]", "[review: …]" (``InterviewEngine.act``, ``prefill.review.transcript``): after a reload
# the fold shows it in the session's words, not in that notation.
_PRESSED = re.compile(
    r"^\[(confirm|level|unknown|explain|back|pause|finish|change|review)\b[ :]?(.*)\]$"
)
_BUTTONS = {
    "unknown": "interview.btn_unknown",
    "explain": "interview.btn_explain",
    "back": "interview.btn_back",
    "pause": "interview.btn_pause",
    "finish": "interview.btn_finish",
}


def turn_words(role: str, text: str, lang: Lang) -> str:
    """A stored turn as the fold shows it: a button's notation in words, anything else as is."""
    m = _PRESSED.match(text.strip()) if role == "user" else None
    if m is None:
        return text
    kind, detail = m.group(1), m.group(2).strip()
    if kind == "confirm":
        return t("ui.pressed_confirm", lang)
    if kind == "level" and detail.isdigit():
        return t("ui.level_title", lang, level=int(detail))
    if kind == "change" and detail:
        return t("interview.btn_change", lang, id=detail)
    if kind == "review":
        return t("ui.pressed_review", lang)
    return t(_BUTTONS[kind], lang) if kind in _BUTTONS else text
