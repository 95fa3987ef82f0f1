"""The Interview page: a short city-profile form, then the chat driven by the interview engine.

Each turn goes to the engine (which commits confirmed answers before it replies); this page only
keeps what this tab has shown, in ``st.session_state``. After a reload the engine's ``resume``
says where the person was, and the recent turns come back from the store.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from pydantic import ValidationError

from assistant.faults import storage_fault
from assistant.i18n import LEAD_ACTOR_LABEL
from assistant.interview.engine import LOW_CONFIDENCE, InterviewEngine
from assistant.interview.intake import parse_list
from assistant.interview.state import Action, Choice, Proposal, Reply
from assistant.limits import MAX_EVIDENCE
from assistant.models import CITY_TYPES, CityProfile, Framework, Lang
from assistant.web import prefill_start, repaint, resources, session_panel, state, views
from assistant.web.session_panel import CHAT, switch_session
from assistant.web.strings import t
from assistant.web.text import inert, inert_lines

UNSENT = {
    "en": "Your text, not saved (copy it to send again):",
    "ja": "保存されていないテキスト（コピーして再送信できます）：",
}

HIGH_CONFIDENCE = 0.75
REPLY = "interview_reply"  # the engine's last reply in this tab (phase, proposal, choices)
EARLIER = "interview_earlier"  # turns before this tab joined (after a reload or resume)
EARLIER_TURNS = 8
FULL_ENTRIES = 6  # the latest messages drawn in full; older ones as plain text
MAX_ANSWER = MAX_EVIDENCE  # one typed answer: what an answer can keep as its evidence


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


def _record(user_text: str | None, reply: Reply) -> None:
    chat: list[dict[str, Any]] = st.session_state.setdefault(CHAT, [])
    if user_text is not None:
        chat.append(_entry("user", [{"text": user_text, "system": False, "citations": []}]))
    chat.append(_reply_entry(reply))
    st.session_state[REPLY] = reply
    if reply.saved:
        st.session_state["interview_saved"] = True


def _rejoin(engine: InterviewEngine, code: str) -> Reply | None:
    """A tab that has not shown this session yet: recent turns + where it stands."""
    reply = engine.resume(code)
    if reply is None:
        return None
    turns = engine.history(code)[-EARLIER_TURNS:]
    st.session_state[EARLIER] = [(turn.role, turn.text) for turn in turns]
    st.session_state[CHAT] = []
    _record(None, reply)
    return reply


# --- intake form ----------------------------------------------------------------------------


def _form_list(text: str) -> list[str] | None:
    """A comma list from the form (empty is fine); None when it breaks the profile's limits."""
    if not text.strip():
        return []
    items = parse_list(text)
    return items if isinstance(items, list) else None


def profile_from_form(values: dict[str, Any], lang: Lang) -> tuple[CityProfile | None, list[str]]:
    """The validated city profile from the form's values, or the problems in ``lang``.

    The values go straight into ``CityProfile`` (no text is ever read as a chat command).
    """
    name = str(values["name"]).strip()
    if not name:
        return None, [t("name_required", lang)]
    errors: list[str] = []
    lists: dict[str, list[str]] = {}
    for field in ("focus_sectors", "focus_areas"):
        items = _form_list(str(values[field] or ""))
        if items is None:
            errors.append(t("list_invalid", lang, field=t(field, lang)))
        else:
            lists[field] = items
    if errors:
        return None, errors
    population = values["population"]
    try:
        profile = CityProfile(
            name=name,
            country=str(values["country"] or "").strip(),
            city_type=values["city_type"],
            lead_actor=values["lead_actor"],
            population=None if population is None else int(population),
            language=lang,
            **lists,
        )
    except ValidationError as exc:
        labels = {"name": "city_name", "country": "country", "city_type": "city_type",
                  "lead_actor": "lead_actor", "population": "population"}  # fmt: skip
        fields = {str(e["loc"][0]) for e in exc.errors() if e.get("loc")}
        names = ", ".join(sorted(t(labels[f], lang) if f in labels else f for f in fields))
        return None, [t("profile_invalid", lang, field=names)]
    return profile, []


def start_interview(
    engine: InterviewEngine,
    profile: CityProfile,
    lang: Lang,
    drafts: dict[str, Proposal] | None = None,
) -> Reply:
    """A new session with the form's profile saved; the chat starts at the first element."""
    code, reply = engine.start(lang, profile, drafts=drafts)
    state.set_code(code)
    entry = _reply_entry(reply)
    welcome, rest = entry["parts"][:1], entry["parts"][1:]  # the welcome stands on its own
    st.session_state[CHAT] = [_entry("assistant", welcome)]
    st.session_state.pop(EARLIER, None)
    _record(None, reply)
    st.session_state[CHAT][-1]["parts"] = rest
    return reply


def intake_form(engine: InterviewEngine, fw: Framework, lang: Lang) -> None:
    st.subheader(t("intake_title", lang))
    st.caption(t("intake_intro", lang))
    prefill_start.uploader(lang)
    with st.form("intake", border=True):
        c1, c2 = st.columns(2)
        name = c1.text_input(t("city_name", lang), max_chars=200, key="in-name")
        country = c2.text_input(t("country", lang), max_chars=200, key="in-country")
        city_type = st.selectbox(
            t("city_type", lang),
            CITY_TYPES,
            format_func=lambda c: fw.city_type(c).name.get(lang),
            key="in-type",
        )
        lead = st.radio(
            t("lead_actor", lang),
            ("municipal", "national", "private"),
            format_func=lambda a: LEAD_ACTOR_LABEL[a][lang],
            horizontal=True,
            key="in-lead",
        )
        population = st.number_input(
            t("population", lang), min_value=0, max_value=100_000_000, value=None, step=1000,
            key="in-pop",
        )  # fmt: skip
        c3, c4 = st.columns(2)
        sectors = c3.text_input(t("focus_sectors", lang), max_chars=400, key="in-sectors")
        areas = c4.text_input(t("focus_areas", lang), max_chars=400, key="in-areas")
        submitted = st.form_submit_button(
            t("start", lang), type="primary", icon=":material/play_arrow:"
        )
    if submitted:
        values = {
            "name": name, "country": country, "city_type": city_type, "lead_actor": lead,
            "population": population, "focus_sectors": sectors, "focus_areas": areas,
        }  # fmt: skip
        profile, errors = profile_from_form(values, lang)
        if profile is None:
            for error in errors:
                st.error(inert(error), icon=":material/error:")
            return
        found = prefill_start.drafts(resources.current_settings(), fw, lang)
        start_interview(engine, profile, lang, found)
        st.rerun()


# --- the chat ---------------------------------------------------------------------------------


def confidence_key(confidence: float) -> str:
    """The confidence in words (high / medium / low), never the raw number."""
    if confidence >= HIGH_CONFIDENCE:
        return "confidence_high"
    return "confidence_medium" if confidence >= LOW_CONFIDENCE else "confidence_low"


def proposal_card(proposal: Proposal, lang: Lang) -> None:
    """The proposed level, the rubric text, the phrase that justified it, how sure, any notice.
    When unsure: the two candidate levels side by side, each with its full rubric text."""
    with st.container(border=True):
        if proposal.unsure:
            st.markdown(f"**{inert(t('pair_title', lang))}**")
            for col, c in zip(st.columns(2), proposal.candidates[:2], strict=False):
                with col, st.container(border=True):
                    st.markdown(f"**{inert(t('level_title', lang, level=c.level))}**")
                    st.markdown(inert(c.rubric))
        else:
            level = t("proposal", lang, level=proposal.level)
            st.markdown(f"**{inert(level)}** — {inert(proposal.rubric)}")
        words = {"document": "document_words", "earlier": "earlier_words"}.get(
            proposal.source, "because_words"
        )
        if proposal.evidence:
            phrase = " ".join(proposal.evidence.split())
            said = t(words, lang, phrase=phrase, origin=proposal.origin)
            st.markdown(f":material/format_quote: {inert(said)}")
        st.caption(f":material/speed: {t(confidence_key(proposal.confidence), lang)}")
        if proposal.notice:
            st.caption(f":material/info: {inert(proposal.notice)}")


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
        with st.expander(t("earlier", lang), icon=":material/history:"):
            for role, text in earlier:
                who = "user" if role == "user" else "assistant"
                st.markdown(f"**{'›' if who == 'user' else '‹'}** {inert_lines(text)}")
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
            proposal = Proposal.model_validate(card)
            said = (
                t("pair_title", lang)
                if proposal.unsure
                else t("proposal", lang, level=proposal.level)
            )
            lines.append(f"{part['heading']} — {said}")
        elif not part["system"]:
            lines.append(part["text"])
    st.markdown(inert_lines("\n".join(lines)))


def _choice_button(choice: Choice, key: str, primary: bool = False) -> bool:
    return st.button(
        choice.label,
        key=key,
        type="primary" if primary else "secondary",
        width="stretch",
        on_click=_pick,
        args=(choice,),
    )


PICKED = "interview_picked"  # a quick reply clicked, taken at the start of the next run


def _pick(choice: Choice) -> None:
    """A quick reply's click: noted here, taken before the conversation is drawn (one run)."""
    st.session_state[PICKED] = choice


def _sorted_choices(choices: list[Choice]) -> dict[str, list[Choice]]:
    """The quick replies by role: main (confirm / finish), pair (two equal candidates), say,
    levels, change, other."""
    groups: dict[str, list[Choice]] = {k: [] for k in ("main", "pair", "say", "level", "change")}
    groups["other"] = []
    for c in choices:
        kind = c.action.kind
        if c.candidate:
            groups["pair"].append(c)
        elif kind in ("confirm", "finish"):
            groups["main"].append(c)
        elif kind in ("say", "level", "change"):
            groups[kind].append(c)
        else:
            groups["other"].append(c)
    return groups


def _grid(choices: list[Choice], prefix: str, width: int) -> Choice | None:
    """Buttons in columns of equal weight (none primary)."""
    picked = None
    if not choices:
        return None
    cols = st.columns(min(len(choices), width))
    for i, c in enumerate(choices):
        with cols[i % len(cols)]:
            if _choice_button(c, f"{prefix}-{i}"):
                picked = c
    return picked


def _pair(choices: list[Choice], lang: Lang) -> Choice | None:
    """The two candidate levels side by side: each its full text (a button label would be cut
    to one line) and an equal, secondary button under it."""
    picked = None
    if not choices:
        return None
    for col, c in zip(st.columns(len(choices)), choices, strict=True):
        with col, st.container(border=True):
            st.markdown(inert(c.label))
            label = t("choose_level", lang, level=c.action.level)
            if st.button(
                label, key=f"qr-pair-{c.action.level}", width="stretch", on_click=_pick, args=(c,)
            ):
                picked = c
    return picked


def _other_buttons(choices: list[Choice]) -> Choice | None:
    picked = None
    if choices:
        cols = st.columns(len(choices) + 2)
        for i, c in enumerate(choices):
            with cols[i]:
                key = f"qr-{c.action.kind}-{i}"
                if st.button(c.label, key=key, type="tertiary", on_click=_pick, args=(c,)):
                    picked = c
    return picked


def _change_grid(choices: list[Choice], lang: Lang) -> Choice | None:
    picked = None
    if choices:
        with st.expander(t("change_answer", lang), icon=":material/edit:"):
            cols = st.columns(7)
            for i, c in enumerate(choices):
                with cols[i % 7]:
                    label = c.action.element or c.label
                    if st.button(
                        label, key=f"qr-change-{i}", width="stretch", on_click=_pick, args=(c,)
                    ):
                        picked = c
    return picked


def quick_replies(reply: Reply, lang: Lang) -> Choice | None:
    """The engine's quick replies: confirm / finish first; when the interpreter is unsure, the
    two candidate levels side by side at full length, neither primary; the other levels one
    per line, then don't know / explain / back; "change an answer" buttons in a compact grid."""
    if not reply.choices:
        return None
    groups = _sorted_choices(reply.choices)
    st.caption(t("quick_replies", lang))
    picked: Choice | None = None
    for i, c in enumerate(groups["main"]):
        if _choice_button(c, f"qr-main-{c.action.kind}-{i}", primary=True):
            picked = c
    picked = _pair(groups["pair"], lang) or picked
    picked = _grid(groups["say"], "qr-say", 4) or picked
    for c in groups["level"]:
        if _choice_button(c, f"qr-level-{c.action.level}"):
            picked = c
    picked = _other_buttons(groups["other"]) or picked
    return _change_grid(groups["change"], lang) or picked


def _needs_model(action: Action | None) -> bool:
    """Typed answers and explanations need the model; a level button or "don't know" does not."""
    return action is None or action.kind == "explain"


def take_turn(
    engine: InterviewEngine, code: str, text: str | None, action: Action | None, lang: Lang
) -> bool:
    loader = resources.knowledge(resources.current_settings())
    if _needs_model(action) and not loader.ready():
        with st.status(t("kb_wait", lang), expanded=False) as status:
            loader.wait()
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
        st.error(inert(message), icon=":material/error:")
        if text:
            st.caption(UNSENT[lang])
            st.code(text, language=None, wrap_lines=True)
        return False
    _record(text, reply)
    if reply.lang != lang:  # the person asked to go on in the other language: the UI follows
        state.request_lang(reply.lang)
    return True


def render() -> None:
    lang = state.lang()
    settings = resources.current_settings()
    fw = resources.framework(settings)
    st.title(t("app_title", lang))
    st.caption(t("app_tagline", lang))
    try:
        engine = resources.engine(settings)
    except ImportError:
        st.error(t("engine_missing", lang))
        return
    code = state.code()
    if code is None:
        intake_form(engine, fw, lang)
        return
    reply: Reply | None = st.session_state.get(REPLY)
    if CHAT not in st.session_state or reply is None or reply.code != code:
        reply = _rejoin(engine, code)
        if reply is None:
            switch_session(None)
            st.rerun()
            return
    if reply.lang != lang:  # the sidebar switch: the interview goes on in the UI's language
        reply = engine.switch_language(code, lang)
        _record(None, reply)
    conversation(engine, fw, code, lang)


@st.fragment
def conversation(engine: InterviewEngine, fw: Framework, code: str, lang: Lang) -> None:
    """Progress, the chat, quick replies and the chat box: a turn reruns only this, not the page
    (the sidebar, the title and the other pages' wiring stay as they are). The turn is taken
    first, then the conversation drawn once with its reply (one run per turn, not two)."""
    head = st.container()  # progress, the chat, quick replies
    tail = st.container()  # under them: waiting for the model, a storage error, unsent text
    with repaint.bottom():
        typed = st.chat_input(
            t("chat_placeholder", lang), key="interview-input", max_chars=MAX_ANSWER
        )
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
    if took:
        _repaint(code, lang)
    reply: Reply | None = st.session_state.get(REPLY)
    if reply is None or reply.code != code or state.code() != code:
        st.rerun()  # another session was chosen meanwhile: the whole page follows
        return
    with head:
        progress = reply.progress
        session_panel.progress_block(fw, {e.id for e in progress.elements if e.answered}, lang)
        if st.session_state.pop("interview_saved", False):
            st.toast(t("saved", lang), icon=":material/cloud_done:")
        prefill_start.show_notes()
        show_chat(lang)
        if reply.phase == "done":
            st.success(t("interview_done", lang), icon=":material/task_alt:")
            st.page_link(
                "app_pages/results.py", label=t("see_results", lang), icon=":material/insights:"
            )
        quick_replies(reply, lang)  # a click is taken by ``_pick`` and the next run


def _repaint(code: str, lang: Lang) -> None:
    """After a turn that changed the language or the session: the whole page."""
    if state.LANG_NEXT in st.session_state or state.code() != code or state.lang() != lang:
        st.rerun()
