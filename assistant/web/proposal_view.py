"""The interview's proposal card (level, rubric, the phrase behind it, how sure), the card of an
element the documents disagree on (both passages, the question), and the quick replies under
the conversation (confirm, the two candidate levels, the other levels, change)."""

from __future__ import annotations

from typing import Literal

import streamlit as st

from assistant.catalogue import t
from assistant.interview.render import origin
from assistant.interview.state import Choice, DocumentPassage, Proposal, Reply
from assistant.models import Lang
from assistant.web.text import inert, inert_lines

PICKED = "interview_picked"  # a quick reply clicked, taken at the start of the next run


def confidence_key(proposal: Proposal) -> str:
    """The interpreter's calibrated label in words (high / medium / low), never the raw number.

    "high" is the label measured to be right at least 90 % of the time on held-out answers; a
    number such as 0.93 would read as "93 % sure", which no one measured. A draft read from a
    document says so instead: its confidence was measured on documents, not on answers.
    """
    if proposal.source == "document":  # a reading of the city's text, not the person's words
        return "ui.confidence_document"
    return f"ui.confidence_{proposal.confidence_label}"


def level_words(proposal: Proposal, lang: Lang) -> str:
    """The proposed level in words, or "two levels fit" when the interpreter is unsure."""
    return (
        t("ui.pair_title", lang)
        if proposal.unsure
        else t("ui.proposal", lang, level=proposal.level)
    )


def proposal_card(proposal: Proposal, lang: Lang, pair: list[Choice] | None = None) -> None:
    """The proposed level, the rubric text, the phrase that justified it, how sure, any notice.
    When unsure: the two candidate levels side by side, each with its full rubric text; in the
    question being asked now (``pair``) each with its button, so each text is shown once."""
    with st.container(border=True):
        heading = inert(level_words(proposal, lang))
        if proposal.unsure and pair:
            st.markdown(f"**{heading}**")
            pair_cards(pair, lang)
        elif proposal.unsure:
            st.markdown(f"**{heading}**")
            for col, c in zip(st.columns(2), proposal.candidates[:2], strict=False):
                with col, st.container(border=True):
                    st.markdown(f"**{inert(t('ui.level_title', lang, level=c.level))}**")
                    st.markdown(inert(c.rubric))
        else:
            st.markdown(f"**{heading}** — {inert(proposal.rubric)}")
        words = {"document": "ui.document_words", "earlier": "ui.earlier_words"}.get(
            proposal.source, "ui.because_words"
        )
        if proposal.evidence:
            phrase = " ".join(proposal.evidence.split())
            said = t(words, lang, phrase=phrase, origin=proposal.origin)
            st.markdown(f":material/format_quote: {inert(said)}")
        st.caption(f":material/speed: {t(confidence_key(proposal), lang)}")
        if proposal.notice:
            st.caption(f":material/info: {inert(proposal.notice)}")


def disputed_card(passages: list[DocumentPassage], question: str, lang: Lang) -> None:
    """Where the documents disagree: why no level is proposed, the two passages side by side
    (each its document and place, the level it reads, the quote), then the question in full.
    On a phone the two columns stack."""
    st.markdown(inert(t("interview.disputed_intro", lang)))
    for col, p in zip(st.columns(len(passages)), passages, strict=True):
        with col, st.container(border=True):
            st.markdown(f"**{inert(t('ui.disputed_reads', lang, level=p.level))}**")
            st.markdown(f"> {inert(' '.join(p.quote.split()))}")
            where = origin(p.document, p.page, p.section, lang)
            st.caption(f":material/description: {inert(where)}")
    st.markdown(inert_lines(question))


# --- quick replies ------------------------------------------------------------------------------


def _pick(choice: Choice) -> None:
    """A quick reply's click: noted here, taken before the conversation is drawn (one run)."""
    st.session_state[PICKED] = choice


def _button(
    choice: Choice,
    key: str,
    *,
    label: str | None = None,
    kind: Literal["primary", "secondary", "tertiary"] = "secondary",
    stretch: bool = True,
) -> None:
    """One quick reply; its click goes to ``_pick`` and the next run, not to a return value."""
    st.button(
        label or choice.label,
        key=key,
        type=kind,
        width="stretch" if stretch else "content",
        on_click=_pick,
        args=(choice,),
    )


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


def _grid(choices: list[Choice], prefix: str, width: int) -> None:
    """Buttons in columns of equal weight (none primary)."""
    if not choices:
        return
    cols = st.columns(min(len(choices), width))
    for i, c in enumerate(choices):
        with cols[i % len(cols)]:
            _button(c, f"{prefix}-{i}")


def pair_cards(choices: list[Choice], lang: Lang) -> None:
    """The two candidate levels side by side, lower first: each its full text (a button label
    would be cut to one line) and an equal, secondary button under it. On a phone they stack."""
    if not choices:
        return
    for col, c in zip(st.columns(len(choices)), choices, strict=True):
        with col, st.container(border=True):
            st.markdown(inert(c.label))
            label = t("ui.choose_level", lang, level=c.action.level)
            _button(c, f"qr-pair-{c.action.level}", label=label)


def separating_card(heading: str, question: str, lang: Lang, pair: list[Choice]) -> None:
    """The separating question being asked now: the question, then the two levels it tells
    apart as the two equal choices (their texts once, not again in the message)."""
    st.markdown(f"**{inert(heading)}**")
    st.markdown(inert(question))
    st.caption(inert(t("interview.separate_or_pick", lang)))
    pair_cards(pair, lang)


def _other_buttons(choices: list[Choice]) -> None:
    """Don't know / explain / back: real (secondary) buttons in one row that wraps."""
    if not choices:
        return
    with st.container(horizontal=True, gap="small"):
        for i, c in enumerate(choices):
            _button(c, f"qr-{c.action.kind}-{i}", stretch=False)


def _levels(choices: list[Choice], lang: Lang, other: bool) -> None:
    """The levels to choose by hand, folded: each a full-text button, five of them a phone's
    whole screen, which pushed the proposal and its confirm out of view after every turn."""
    if not choices:
        return
    label = t("ui.other_levels" if other else "ui.pick_level", lang)
    with st.expander(label, icon=":material/format_list_numbered:"):
        for c in choices:
            _button(c, f"qr-level-{c.action.level}")


def _change_grid(choices: list[Choice], lang: Lang) -> None:
    if not choices:
        return
    with st.expander(t("ui.change_answer", lang), icon=":material/edit:"):
        cols = st.columns(7)
        for i, c in enumerate(choices):
            with cols[i % 7]:
                _button(c, f"qr-change-{i}", label=c.action.element)


def bar_line(reply: Reply, lang: Lang) -> str:
    """What was made of the last answer, in one line: the level proposed, the two that fit, the
    "don't know" to confirm, the read-back to finish, or the element being asked now (after a
    save, which one was saved)."""
    groups = _sorted_choices(reply.choices)
    eid = reply.element or ""
    pair = sorted(c.action.level for c in groups["pair"] if c.action.level is not None)
    if len(pair) == 2:
        return t("ui.bar_pair", lang, id=eid, a=pair[0], b=pair[1])
    if reply.proposal is not None:
        return t("ui.bar_proposal", lang, id=eid, level=reply.proposal.level)
    kinds = [c.action.kind for c in groups["main"]]
    if "confirm" in kinds:  # no level proposed: "don't know" said in words, to confirm
        return t("ui.bar_unknown", lang, id=eid)
    if "finish" in kinds:
        return t("ui.bar_readback", lang)
    if reply.phase != "element":
        return ""
    ids = [e.id for e in reply.progress.elements]
    name = next((e.name for e in reply.progress.elements if e.id == eid), "")
    n = ids.index(eid) + 1 if eid in ids else 0
    line = t("ui.bar_question", lang, id=eid, name=name, n=n, total=len(ids))
    if reply.saved and reply.saved_element and reply.saved_element != eid:
        line = t("ui.bar_saved", lang, id=reply.saved_element) + line  # a step forward, said
    return line


def action_bar(reply: Reply, lang: Lang) -> None:
    """Pinned above the chat box: the line saying what was made of the answer and its primary
    confirm / finish. After a typed answer the page keeps its scroll, so on a phone the new
    proposal lands below the fold; this stays in view where the person just typed. When this
    reply's turn saved an answer, "Saved" is said with it (and goes with the next reply: a
    toast's own timer outlived one or two quick turns)."""
    line = bar_line(reply, lang)
    if reply.saved and not (
        reply.saved_element and line.startswith(t("ui.bar_saved", lang, id=reply.saved_element))
    ):
        st.caption(f":material/cloud_done: {t('ui.saved', lang)}")  # unless the line says it
    if line:
        st.caption(f":material/arrow_upward: {inert(line)}")
    for i, c in enumerate(_sorted_choices(reply.choices)["main"]):
        _button(c, f"qr-main-{c.action.kind}-{i}", kind="primary")


def quick_replies(reply: Reply, lang: Lang, pair_shown: bool = False) -> None:
    """The engine's quick replies under the conversation (confirm / finish are in the action
    bar above the chat box): when the interpreter is unsure, the two candidate levels side by
    side at full length, neither primary (unless ``pair_shown``: drawn in the message that
    asks, with their texts); the other levels folded, full length; then don't know / explain /
    back; "change an answer" buttons in a compact grid.
    A click is taken by ``_pick`` (``PICKED``) and the next run."""
    if not reply.choices:
        return
    groups = _sorted_choices(reply.choices)
    st.caption(t("ui.quick_replies", lang))
    if not pair_shown:
        pair_cards(groups["pair"], lang)
    _grid(groups["say"], "qr-say", 4)
    _levels(groups["level"], lang, other=bool(groups["main"] or groups["pair"]))
    _other_buttons(groups["other"])
    _change_grid(groups["change"], lang)
