"""The interview's proposal card (level, rubric, the phrase behind it, how sure) and the quick
replies under the conversation (confirm, the two candidate levels, the other levels, change)."""

from __future__ import annotations

import streamlit as st

from assistant.interview.engine import LOW_CONFIDENCE
from assistant.interview.state import Choice, Proposal, Reply
from assistant.models import Lang
from assistant.web.strings import t
from assistant.web.text import inert

HIGH_CONFIDENCE = 0.75
PICKED = "interview_picked"  # a quick reply clicked, taken at the start of the next run


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


# --- quick replies ------------------------------------------------------------------------------


def _choice_button(choice: Choice, key: str, primary: bool = False) -> bool:
    return st.button(
        choice.label,
        key=key,
        type="primary" if primary else "secondary",
        width="stretch",
        on_click=_pick,
        args=(choice,),
    )


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
