"""The element cells of the interview table: answering, confirming, choosing, saving.

An answer is interpreted exactly once per turn. A sure interpretation becomes a proposal with one
primary confirm; an unsure one either asks the question that separates its two levels (when the
framework has one) or shows both levels side by side as equal choices. Nothing is saved until the
person confirms or chooses.
"""

from __future__ import annotations

from assistant.catalogue import t
from assistant.interview import render
from assistant.interview.intents import CONFIRM, REJECT, Intent, is_question, normalize
from assistant.interview.state import (
    Candidate,
    Choice,
    EngineState,
    Message,
    Proposal,
    Separation,
)
from assistant.interview.turn import Context, Step
from assistant.limits import MAX_EVIDENCE
from assistant.models import Element, Lang
from assistant.ports import Interpretation, StoredAnswer


def save(
    ctx: Context, step: Step, level: int | None, evidence: str, text: str | None = None
) -> list[Choice]:
    """Record the current element's answer (committed with the turn) and move on."""
    state = step.state
    element = ctx.element(step)
    answer = StoredAnswer(
        level=level,
        evidence=evidence[:MAX_EVIDENCE],
        text=(state.draft if text is None else text)[:MAX_EVIDENCE],
        confirmed_at=ctx.clock(),
    )
    step.saving = element.id
    step.answers[element.id] = step.to_commit[element.id] = answer
    name = element.name.get(state.lang)
    if level is None:
        step.say(t("interview.saved_unknown", state.lang, id=element.id, name=name))
    else:
        step.say(t("interview.saved_level", state.lang, id=element.id, name=name, level=level))
    target = state.return_to
    state.return_to = None
    following = ctx.next_unanswered(element.id, step)
    if target == "readback" or (target is None and following is None):
        return ctx.readback(step)
    ctx.goto(step, target if target in ctx.order else following or ctx.order[0])
    return ctx.prompt(step)


def dont_know(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    """The "Don't know" button is a choice (the press confirms it); "don't know" typed is
    proposed first, and saved when confirmed (or said again)."""
    if intent.text and not step.state.unknown_proposed:
        step.state.draft = intent.text[:MAX_EVIDENCE]
        return propose_unknown(ctx, step)
    return save(ctx, step, None, "")


def propose_unknown(ctx: Context, step: Step) -> list[Choice]:
    """"Don't know" proposed with the words that said it: nothing saved until confirmed."""
    state = step.state
    state.proposal = None
    state.separating = None
    state.unknown_proposed = True
    return ctx.prompt(step)


def choose_level(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    """A level chosen by the person. Words typed for it this time are its evidence; after Back
    or a change with nothing typed, the earlier answer's words are kept (never wiped)."""
    if intent.level is None:
        return answer_text(ctx, step, intent)
    state = step.state
    evidence = (evidence_of(state.proposal, state.lang) if state.proposal else "") or state.draft
    have = step.answers.get(ctx.element(step).id)
    if not evidence and not state.draft and have is not None:
        return save(ctx, step, intent.level, have.evidence or have.text, text=have.text)
    return save(ctx, step, intent.level, evidence)


def confirm(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    """Yes to a sure proposal. An unsure one has no default: the person picks one of the two."""
    state = step.state
    lang = state.lang
    if state.unknown_proposed:
        return save(ctx, step, None, "")
    if state.proposal is None:
        step.say(t("interview.no_proposal", lang))
        return ctx.prompt(step)
    if state.proposal.unsure:
        a, b = sorted(c.level for c in state.proposal.candidates[:2])
        step.say(t("interview.pair_hint", lang, a=a, b=b))
        return render.element_choices(state, ctx.fw, ctx.element(step))
    return save(ctx, step, state.proposal.level, evidence_of(state.proposal, state.lang))


def evidence_of(proposal: Proposal, lang: Lang) -> str:
    """The evidence to save: a document's quote says which document it came from."""
    if proposal.source == "document" and proposal.origin:
        return t("interview.from_document", lang, origin=proposal.origin, quote=proposal.evidence)
    if proposal.source == "earlier" and proposal.origin:
        return t("interview.from_earlier", lang, origin=proposal.origin, quote=proposal.evidence)
    return proposal.evidence


def reject(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    state = step.state
    element = ctx.element(step)
    state.levels_offered = True
    state.unknown_proposed = False
    step.say(t("interview.not_a_level", state.lang) + "\n" + render.levels_text(element, state.lang))
    return render.element_choices(state, ctx.fw, element)


def answer_text(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    """Words typed for the current element: interpreted once, then placed (or asked about).

    A question-shaped message is interpreted on its own: if it places nothing it is the
    person's own question (answered from the knowledge base) and the draft is left as it was;
    while two levels are on offer (a separating question, or two equal choices) they stay.
    A reply while two levels are on offer is read on its own too, and decides between them.
    """
    state = step.state
    lang = state.lang
    element = ctx.element(step)
    text = intent.text
    if not text:
        step.say(t("interview.empty_input", lang))
        return ctx.prompt(step)
    # more words after "don't know" are the answer itself (a side question keeps the proposal)
    before = "" if state.unknown_proposed else state.draft
    combined = f"{before}\n{text}".strip() if before else text
    question = is_question(text)
    offered = _on_offer(state)
    with ctx.one_turn():  # the interpreter and the spotter read the same answer
        found = ctx.interpreter.interpret(
            element, text if question or offered is not None else combined, lang
        )
        if question and found.level is None and not found.unknown:
            ctx.side_question(step, text)
            step.say(t("interview.back_to", lang))
            return ctx.prompt(step)
        state.unknown_proposed = False
        state.draft = combined[:MAX_EVIDENCE]
        _spot(ctx, step, element, text)
    if found.notice:
        step.messages.append(Message(role="system", text=found.notice))
    if found.unknown and found.level is None:
        return propose_unknown(ctx, step)
    if offered is not None:
        return _decide(ctx, step, element, found, offered, text)
    return _place(ctx, step, element, found)


def _on_offer(state: EngineState) -> Separation | None:
    """The two levels on offer now: the separating question asked, or the two equal choices
    shown (after a reply that did not decide, or when the framework had no question)."""
    if state.separating is not None:
        return state.separating
    p = state.proposal
    if p is not None and p.unsure:
        levels = [p.level, *(c.level for c in p.candidates if c.level != p.level)][:2]
        return Separation(levels=levels, question="", evidence=p.evidence)
    return None


def _spot(ctx: Context, step: Step, element: Element, text: str) -> None:
    """Keep a draft for each other unanswered element the answer clearly speaks of; it is
    offered ("Earlier you mentioned …") when that element comes, and saved only if confirmed."""
    state = step.state
    if ctx.spotter is None:
        return
    skip = {element.id, *step.answers, *state.drafts}
    try:
        found = ctx.spotter.spot(text, state.lang, skip)
    except Exception:  # noticing more must never cost the answer itself
        return
    for eid, proposal in found.items():
        if eid not in skip and eid in ctx.order:
            state.drafts[eid] = proposal.model_copy(update={"origin": element.id})


def _proposal(element: Element, found: Interpretation, lang: Lang, level: int) -> Proposal:
    return Proposal(
        level=level,
        confidence=found.confidence,
        evidence=found.evidence[:MAX_EVIDENCE],
        rubric=element.rubric[level].text.get(lang),
        notice=found.notice,
        source=found.source,
        confidence_label=found.confidence_label,
    )


def _pair(element: Element, levels: list[int], lang: Lang) -> list[Candidate]:
    """The two levels as equal choices: lower first, whichever is more likely."""
    return render.candidates(element, sorted(levels), lang)


def _place(ctx: Context, step: Step, element: Element, found: Interpretation) -> list[Choice]:
    """Turn one interpretation into a proposal, a separating question, or a probe."""
    state = step.state
    lang = state.lang
    if found.level is not None:
        state.thin = 0
        others = [a for a in found.alternatives if a != found.level]
        if found.confidence_label == "high" or not others:
            state.proposal = _proposal(element, found, lang, found.level)
            return ctx.prompt(step)
        levels = [found.level, others[0]]  # most likely first; shown lower first
        if found.question:
            state.proposal = None
            state.separating = Separation(
                levels=levels, question=found.question, evidence=found.evidence[:MAX_EVIDENCE]
            )
            return ctx.prompt(step)
        state.proposal = _proposal(element, found, lang, found.level)
        state.proposal.candidates = _pair(element, levels, lang)
        return ctx.prompt(step)
    if state.proposal is not None:  # more words that place nothing: keep the proposal
        return ctx.prompt(step)
    state.thin += 1
    if state.thin == 1:
        probe = found.follow_up or element.probes[0].get(lang)
        if found.reason:  # why no level, in the session's language, then ask about the city
            probe = element.probes[0].get(lang)
            step.say(t(f"interview.no_basis_{found.reason}", lang, probe=probe))
        else:
            step.say(t("interview.probe", lang, probe=probe))
        return render.element_choices(state, ctx.fw, element)
    state.levels_offered = True
    step.say(t("interview.offer_levels", lang) + "\n" + render.levels_text(element, lang))
    return render.element_choices(state, ctx.fw, element)


def _decide(
    ctx: Context,
    step: Step,
    element: Element,
    found: Interpretation,
    asked: Separation,
    text: str = "",
) -> list[Choice]:
    """The reply while two levels lo < hi are on offer. The question asked is hi's own step
    ("has it the hi thing?"): a reply read at hi or above decides hi, at lo or below decides
    lo (a reading beyond the two is said); its words join the first answer's as the evidence. A reply read strictly between two
    levels further apart proposes that level and says so (not one of the two offered). A
    reply that places nothing leaves the official to pick one of the two, side by side."""
    state = step.state
    lang = state.lang
    state.separating = None
    low, high = sorted(asked.levels)
    if found.level is not None:
        level = high if found.level >= high else low if found.level <= low else found.level
        proposal = _proposal(element, found, lang, level)
        proposal.evidence = _joined(asked.evidence, found.evidence)
        if level != found.level and proposal.confidence_label == "high":
            proposal.confidence_label = "medium"  # the reply read beyond the two: not "clearly"
        if low < level < high:
            step.say(t("interview.reply_between", lang, level=level, a=low, b=high))
        elif level != found.level:  # read beyond the two: which of them it points to, said
            step.say(
                t("interview.reply_beyond", lang, read=found.level, level=level, a=low, b=high)
            )
        state.proposal = proposal
        return ctx.prompt(step)
    if asked.question and normalize(text).rstrip("?？") in CONFIRM | REJECT:
        # "Is it A, or B?" answered "yes": which side it means is not said, so it is asked
        step.say(t("interview.yes_no_undecided", lang))
    state.proposal = _proposal(element, found, lang, asked.levels[0])
    state.proposal.evidence = asked.evidence
    if state.proposal.confidence_label == "high":
        state.proposal.confidence_label = "low"  # two levels still open: never "high"
    state.proposal.candidates = _pair(element, list(asked.levels), lang)
    return ctx.prompt(step)


def _joined(first: str, reply: str) -> str:
    """The first answer's phrase and the reply's, as one quote (each once)."""
    first, reply = first.strip(), reply.strip()
    if not reply or reply in first:
        return first[:MAX_EVIDENCE]
    if not first or first in reply:
        return reply[:MAX_EVIDENCE]
    return f"{first} … {reply}"[:MAX_EVIDENCE]
