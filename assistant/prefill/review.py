"""Review the drafts: several document drafts confirmed in one action, without rubber-stamping.

Walking the drafts costs one turn per element, so a good strategy saves at most ~40 % of an
interview that way. Before the walk, the drafts read *surely* from the documents are listed
together, each with its level, the quote, the document and page, and the confidence; the
official can change any level, and untick any draft. One action saves the ticked ones through
the same path as any confirmed answer (the turn's single commit, before the reply says
"saved"; the evidence names the document). An unticked draft is dropped and its element asked
in full. Low-confidence drafts are never listed (they walk, one by one, with the full
question); documents that disagree have no draft. The list is offered once per session.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from assistant.catalogue import t
from assistant.interview.answering import evidence_of
from assistant.interview.intents import Intent
from assistant.interview.state import Choice, EngineState, Proposal
from assistant.interview.table import Handler
from assistant.interview.turn import Context, Step
from assistant.limits import MAX_EVIDENCE
from assistant.models import Framework
from assistant.ports import StoredAnswer

# A draft under this confidence is walked one by one (the brief asks about it on site too).
REVIEW_MIN = 0.5


@dataclass(frozen=True)
class ReviewItem:
    """One listed draft, as a front end shows it (texts in the session's language)."""

    element: str
    name: str
    level: int
    rubric: str
    quote: str
    origin: str
    confidence: float


def listed(proposal: Proposal) -> bool:
    """A draft sure enough to be confirmed in the list (the others walk one by one)."""
    return (
        proposal.source == "document" and not proposal.unsure and proposal.confidence >= REVIEW_MIN
    )


def items(
    state: EngineState, answers: Mapping[str, object], fw: Framework, order: list[str]
) -> list[ReviewItem]:
    """The drafts to list now: none once reviewed, none before the elements start."""
    if state.reviewed or state.phase != "element":
        return []
    lang = state.lang
    out: list[ReviewItem] = []
    for eid in order:
        draft = state.drafts.get(eid)
        if draft is None or eid in answers or not listed(draft):
            continue
        element = fw.element(eid)
        out.append(
            ReviewItem(
                element=eid,
                name=element.name.get(lang),
                level=draft.level,
                rubric=element.rubric[draft.level].text.get(lang),
                quote=draft.evidence,
                origin=draft.origin,
                confidence=draft.confidence,
            )
        )
    return out


def transcript(levels: Mapping[str, int], unticked: Iterable[str]) -> str:
    """How the review action is written in the session's transcript."""
    kept = ", ".join(f"{e}={lv}" for e, lv in levels.items())
    out = ", ".join(unticked)
    return f"[review: {kept or '-'}; asked in full: {out or '-'}]"


def apply(
    ctx: Context, step: Step, levels: Mapping[str, int], unticked: Iterable[str]
) -> list[Choice]:
    """Save the ticked drafts at the levels chosen; drop the unticked; the walk goes on.

    Only elements that were listed count (a stale form cannot save anything else); a listed
    element neither ticked nor unticked stays a draft and is walked as before."""
    state = step.state
    lang = state.lang
    offered = {i.element for i in items(state, step.answers, ctx.fw, ctx.order)}
    state.reviewed = True
    dropped = {e for e in unticked if e in offered}
    saved: list[tuple[str, int]] = []
    for eid in ctx.order:
        if eid not in offered:
            continue
        if eid in dropped:
            state.drafts.pop(eid, None)
            continue
        level = levels.get(eid)
        if level is None or not 0 <= level <= 4:
            continue
        evidence = evidence_of(state.drafts[eid], lang)[:MAX_EVIDENCE]
        answer = StoredAnswer(level=level, evidence=evidence, text="", confirmed_at=ctx.clock())
        step.answers[eid] = step.to_commit[eid] = answer
        saved.append((eid, level))
    if saved:
        step.saving = saved[-1][0]
        sep = "、" if lang == "ja" else ", "
        shown = sep.join(t("interview.review.item", lang, id=e, level=lv) for e, lv in saved)
        step.say(t("interview.review.saved", lang, n=len(saved), items=shown))
    if dropped:
        step.say(
            t(
                "interview.review.dropped",
                lang,
                ids=("、" if lang == "ja" else ", ").join(sorted(dropped)),
            )
        )
    if not saved and not dropped:
        step.say(t("interview.review.walk", lang))
    here = state.element
    if here is not None and (here in step.answers or here in dropped):
        target = ctx.next_unanswered(here, step)
        if target is None:
            return ctx.readback(step)
        ctx.goto(step, target)
    return ctx.prompt(step)


def handler(levels: Mapping[str, int], unticked: Iterable[str]) -> Handler:
    """The review as an interview-table handler (``InterviewEngine.review`` runs it)."""
    ticked, out = dict(levels), list(unticked)

    def review(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
        return apply(ctx, step, ticked, out)

    return review
