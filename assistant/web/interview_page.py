"""The Interview page: a short city-profile form, then the chat driven by the interview engine.

Each turn goes to the engine (which commits confirmed answers before it replies); this page only
keeps what this tab has shown, in ``st.session_state``. After a reload the engine's ``resume``
says where the person was, and the recent turns come back from the store.

The form is ``intake_form``; the conversation kept and drawn, ``transcript``; the proposal card
and the quick replies, ``proposal_view``; the review of the document drafts, ``prefill_review``
(after the conversation so far and before the walk: the walk's question waits, the chat box is
closed). Here: the page, its conversation fragment, and a turn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from assistant.catalogue import t
from assistant.faults import storage_fault
from assistant.interview.engine import InterviewEngine
from assistant.interview.state import Action, Choice, Reply
from assistant.limits import MAX_EVIDENCE
from assistant.models import Framework, Lang
from assistant.web import prefill_review, prefill_start, repaint, resources, session_panel, state
from assistant.web.intake_form import intake_form
from assistant.web.proposal_view import PICKED, action_bar, quick_replies
from assistant.web.session_panel import CHAT, switch_session
from assistant.web.text import inert
from assistant.web.transcript import REPLY, record, rejoin, show_chat

INPUT = "interview-input"  # the chat box's widget key
FAULT = "interview-fault"  # a storage fault's message, shown after the rerun that restores...
RESTORE = "interview-restore"  # ...the unsent text into the chat box

if TYPE_CHECKING:
    from assistant.prefill.review import ReviewItem

MAX_ANSWER = MAX_EVIDENCE  # one typed answer: what an answer can keep as its evidence


def _needs_model(action: Action | None) -> bool:
    """Typed answers and explanations need the model; a level button or "don't know" does not."""
    return action is None or action.kind == "explain"


def take_turn(
    engine: InterviewEngine, code: str, text: str | None, action: Action | None, lang: Lang
) -> bool:
    loader = resources.knowledge(resources.current_settings())
    if _needs_model(action) and not loader.model_ready():
        with st.status(t("ui.kb_wait", lang), expanded=False) as status:
            loader.wait_model()  # the model only: the index may still be loading
            status.update(state="complete")
    try:
        with st.spinner(""):
            reply = (
                engine.act(code, action) if action is not None else engine.handle(code, text or "")
            )
    except Exception as exc:  # disk full, read-only, locked: say so and keep the text to resend
        message = storage_fault(exc, lang)
        if message is None:
            raise
        st.session_state[FAULT] = message
        if text and action is None:  # typed: back into the chat box (a button stays a button)
            st.session_state[RESTORE] = text
        return False
    record(text, reply)
    if reply.lang != lang:  # the person asked to go on in the other language: the UI follows
        state.request_lang(reply.lang)
    return True


def render() -> None:
    lang = state.lang()
    settings = resources.current_settings()
    fw = resources.framework(settings)
    st.title(t("terms.app_title", lang))
    st.caption(t("ui.app_tagline", lang))
    try:
        engine = resources.engine(settings)
    except ImportError:
        st.error(t("ui.engine_missing", lang))
        return
    code = state.code()
    if code is None:
        intake_form(engine, fw, lang)
        return
    reply: Reply | None = st.session_state.get(REPLY)
    if CHAT not in st.session_state or reply is None or reply.code != code:
        reply = rejoin(engine, code)
        if reply is None:
            switch_session(None)
            st.rerun()
            return
    if reply.lang != lang:  # the sidebar switch: the interview goes on in the UI's language
        reply = engine.switch_language(code, lang)
        record(None, reply)
    conversation(engine, fw, code, lang)


@st.fragment
def conversation(engine: InterviewEngine, fw: Framework, code: str, lang: Lang) -> None:
    """Progress, the chat, quick replies and the chat box: a turn reruns only this, not the page
    (the sidebar, the title and the other pages' wiring stay as they are). The turn is taken
    first, then the conversation drawn once with its reply (one run per turn, not two)."""
    head = st.container()  # progress, the chat, quick replies
    tail = st.container()  # under them: waiting for the model, a storage error, unsent text
    if (unsent := st.session_state.pop(RESTORE, None)) is not None:
        st.session_state[INPUT] = unsent  # the widget shows it, unsent, until sent again
    # The review of the sure drafts comes before the walk: while it waits, the chat box is
    # closed and the walk's question held (drawn again by the review's reply).
    review = _review_items(engine, code, st.session_state.get(REPLY))
    with repaint.bottom():
        bar = st.container()  # over the chat box: what was made of the answer, its confirm
        typed = st.chat_input(
            t("ui.review.chat_closed", lang) if review else t("ui.chat_placeholder", lang),
            key=INPUT, max_chars=MAX_ANSWER, disabled=bool(review),
        )  # fmt: skip
    picked: Choice | None = st.session_state.pop(PICKED, None)
    with tail:
        if picked is not None:
            took = take_turn(engine, code, picked.label, picked.action, lang)
        elif typed and typed.strip():
            echo = st.empty()  # the typed text, shown while its reply is being made
            with echo.container(), st.chat_message("user"):
                st.markdown(inert(typed))
            took = take_turn(engine, code, typed.strip(), None, lang)
            if took:
                echo.empty()  # now in the conversation above
        else:
            took = False
        if RESTORE in st.session_state:
            st.rerun()  # the chat box exists already in this run: the next one refills it
        if (fault := st.session_state.pop(FAULT, None)) is not None:
            st.error(inert(fault), icon=":material/error:")
    if took:
        _repaint(code, lang)
    reply: Reply | None = st.session_state.get(REPLY)
    if reply is None or reply.code != code or state.code() != code:
        st.rerun()  # another session was chosen meanwhile: the whole page follows
        return
    if took:
        review = _review_items(engine, code, reply)
    with head:
        _draw(engine, fw, reply, lang, review)
    if not review:
        with bar:
            action_bar(reply, lang)


def _draw(
    engine: InterviewEngine, fw: Framework, reply: Reply, lang: Lang, review: list[ReviewItem]
) -> None:
    """Progress, the conversation, then the review of the drafts while it waits (the walk's
    question held until it is acted on) or the quick replies."""
    progress = reply.progress
    session_panel.progress_block(fw, {e.id for e in progress.elements if e.answered}, lang)
    prefill_start.show_notes()
    pair = [] if review else [c for c in reply.choices if c.candidate]
    pair_shown = show_chat(lang, hold=bool(review), pair=pair)
    prefill_review.panel(engine, fw, reply.code, lang, review)  # the sure drafts, once, first
    if reply.phase == "done":
        st.success(t("ui.interview_done", lang), icon=":material/task_alt:")
        st.page_link(
            "app_pages/results.py", label=t("ui.see_results", lang), icon=":material/insights:"
        )
    if not review:
        quick_replies(reply, lang, pair_shown)  # a click: ``_pick``, then the next run


def _review_items(engine: InterviewEngine, code: str, reply: Reply | None) -> list[ReviewItem]:
    """The drafts listed for review now (none once acted on, none outside the elements)."""
    if reply is None or reply.code != code or reply.phase not in ("element", "confirm"):
        return []
    return engine.review_items(code)


def _repaint(code: str, lang: Lang) -> None:
    """After a turn that changed the language or the session: the whole page."""
    if state.LANG_NEXT in st.session_state or state.code() != code or state.lang() != lang:
        st.rerun()
