"""The interview as a declared table: ``{(phase group, intent): handler}``, in one place.

Every turn looks up its handler here: first the intents that work anywhere, then the cell for the
phase group, then the group's ``text`` cell. Guards (is there a proposal, is this the first
element) live inside the handlers. ``docs/interview-engine.md`` shows this table as a diagram;
a test fails when the two differ.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.catalogue import t
from assistant.interview import intake as I
from assistant.interview import render
from assistant.interview.answering import (
    answer_text,
    choose_level,
    confirm,
    dont_know,
    reject,
)
from assistant.interview.intents import Intent, is_question
from assistant.interview.state import INTAKE_FIELDS, Action, Choice
from assistant.interview.turn import Context, Step
from assistant.models import Lang

Handler = Callable[[Context, Step, Intent], list[Choice]]
ANY = "any"
GROUP = {"intake": "intake", "element": "element", "readback": "wrap_up", "done": "wrap_up"}


# --- anywhere -----------------------------------------------------------------------------


def pause(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    step.paused = True
    lang = step.state.lang
    step.say(t("interview.paused", lang, code=step.code))
    return [Choice(label=t("interview.btn_pause", lang), action=Action(kind="pause"))]


def show_progress(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    step.say(render.progress_text(ctx.fw, step.answers, step.state.lang))
    return ctx.prompt(step)


def show_help(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    step.say(t("interview.help", step.state.lang))
    return ctx.prompt(step)


def set_language(ctx: Context, step: Step, lang: Lang) -> None:
    """The session goes on in ``lang``; the proposal's rubric texts follow."""
    state = step.state
    state.lang = lang
    if state.proposal is not None and state.element is not None:
        element = ctx.fw.element(state.element)
        state.proposal.rubric = element.rubric[state.proposal.level].text.get(lang)
        for c in state.proposal.candidates:
            c.rubric = element.rubric[c.level].text.get(lang)
    if state.separating is not None and state.element is not None:
        element = ctx.fw.element(state.element)
        state.separating.question = element.question_between(*state.separating.levels).get(lang)
    if state.phase == "done":
        step.assessment = ctx.assess(step)


def switch_language(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    new_lang: Lang = "ja" if intent.text == "ja" else "en"
    set_language(ctx, step, new_lang)
    step.say(t("interview.lang_switched", new_lang))
    return ctx.prompt(step)


# --- the city profile ---------------------------------------------------------------------


def intake_back(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    state = step.state
    assert state.intake_field is not None
    idx = INTAKE_FIELDS.index(state.intake_field)
    if idx == 0:
        step.say(t("interview.intake_first", state.lang))
    else:
        state.intake_field = INTAKE_FIELDS[idx - 1]
    return ctx.prompt(step)


def intake_not_yet(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    step.say(t("interview.intake_not_yet", step.state.lang))
    return ctx.prompt(step)


def ask_again(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    """The question again (an intake field's question carries its own explanations)."""
    return ctx.prompt(step)


def intake_text(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    state = step.state
    assert state.intake_field is not None
    if intent.text.rstrip().endswith(("?", "？")):  # no city is named with a question mark
        ctx.side_question(step, intent.text)
        step.say(t("interview.back_to", state.lang))
        return ctx.prompt(step)
    value = I.parse_field(state.intake_field, intent.text)
    if value is I.INVALID:
        step.say(t(I.error_key(state.intake_field), state.lang))
        return ctx.prompt(step)
    state.intake[state.intake_field] = value
    if state.intake_field == "language" and value in ("en", "ja"):
        state.lang = "ja" if value == "ja" else "en"
    idx = INTAKE_FIELDS.index(state.intake_field)
    if idx + 1 < len(INTAKE_FIELDS):
        state.intake_field = INTAKE_FIELDS[idx + 1]
        return ctx.prompt(step)
    profile = I.build_profile(state.intake)
    step.profile = step.new_profile = profile  # committed with the state that moves on
    state.intake_field = None
    summary = I.profile_summary(profile, state.lang, ctx.fw)
    step.say(t("interview.intake_done", state.lang, summary=summary))
    ctx.goto(step, ctx.next_unanswered(None, step) or ctx.order[0])
    return ctx.prompt(step)


# --- the elements ---------------------------------------------------------------------------


def explain(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    ctx.explain(step, ctx.element(step))
    step.say(t("interview.back_to", step.state.lang))
    return ctx.prompt(step)


def element_back(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    idx = ctx.order.index(ctx.element(step).id)
    if idx == 0:
        step.say(t("interview.first_element", step.state.lang))
    else:
        ctx.goto(step, ctx.order[idx - 1])
    return ctx.prompt(step)


def change(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    state = step.state
    element_id = intent.element or ""
    if element_id not in ctx.order:
        step.say(t("interview.unknown_element", state.lang, id=element_id))
        return ctx.prompt(step)
    here = "readback" if state.phase in ("readback", "done") else state.element
    if element_id != here:
        state.return_to = state.return_to or here
    step.say(t("interview.changing", state.lang, id=element_id))
    ctx.goto(step, element_id)
    return ctx.prompt(step)


def jump(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    state = step.state
    assert intent.domain is not None
    ids = [e.id for e in ctx.fw.domain_elements(intent.domain)]
    target = next((e for e in ids if e not in step.answers), ids[0])
    state.return_to = "readback" if state.phase in ("readback", "done") else None
    name = next(d.name.get(state.lang) for d in ctx.fw.domains if d.id == intent.domain)
    step.say(t("interview.jump_domain", state.lang, domain=name))
    ctx.goto(step, target)
    return ctx.prompt(step)


def element_finish(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    done = len(step.answers)
    if done == len(ctx.order):
        return ctx.readback(step)
    step.say(t("interview.finish_not_ready", step.state.lang, done=done, total=len(ctx.order)))
    return ctx.prompt(step)


# --- read-back and done ---------------------------------------------------------------------


def wrap_back(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    step.state.return_to = "readback"
    ctx.goto(step, ctx.order[-1])
    return ctx.prompt(step)


def finish(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    state = step.state
    lang = state.lang
    if len(step.answers) < len(ctx.order):
        return ctx.prompt(step)
    state.phase = "done"
    step.assessment = ctx.assess(step)
    assert step.assessment is not None
    stage = step.assessment.stage
    if stage == "insufficient_data":
        name = t("interview.stage_insufficient_data", lang)
    else:
        name = ctx.fw.stage(stage).name.get(lang)
    step.say(t("interview.finished", lang, stage=name))
    return render.done_choices(ctx.fw, lang)


def wrap_text(ctx: Context, step: Step, intent: Intent) -> list[Choice]:
    """Anything else after the last element: a side question, or the read-back's hint."""
    state = step.state
    lang = state.lang
    if intent.kind == "text" and intent.text and is_question(intent.text):
        ctx.side_question(step, intent.text)
    elif state.phase == "done":
        step.say(t("interview.already_done", lang))
        step.assessment = ctx.assess(step)
    else:
        step.say(t("interview.readback_hint", lang))
    if state.phase == "done":
        return render.done_choices(ctx.fw, lang)
    return render.readback_choices(ctx.fw, lang)


TABLE: dict[tuple[str, str], Handler] = {
    (ANY, "pause"): pause,
    (ANY, "progress"): show_progress,
    (ANY, "help"): show_help,
    (ANY, "language"): switch_language,
    ("intake", "back"): intake_back,
    ("intake", "change"): intake_not_yet,
    ("intake", "domain"): intake_not_yet,
    ("intake", "explain"): ask_again,
    ("intake", "text"): intake_text,
    ("element", "explain"): explain,
    ("element", "unknown"): dont_know,
    ("element", "level"): choose_level,
    ("element", "confirm"): confirm,
    ("element", "reject"): reject,
    ("element", "back"): element_back,
    ("element", "change"): change,
    ("element", "domain"): jump,
    ("element", "finish"): element_finish,
    ("element", "text"): answer_text,
    ("wrap_up", "change"): change,
    ("wrap_up", "domain"): jump,
    ("wrap_up", "back"): wrap_back,
    ("wrap_up", "finish"): finish,
    ("wrap_up", "confirm"): finish,
    ("wrap_up", "text"): wrap_text,
}


def handler_for(phase: str, kind: str) -> Handler:
    """The cell for this intent: anywhere, then the phase group, then the group's text cell."""
    group = GROUP[phase]
    return TABLE.get((ANY, kind)) or TABLE.get((group, kind)) or TABLE[(group, "text")]


def mermaid() -> str:
    """The table as a Mermaid flowchart (the diagram in docs/interview-engine.md)."""
    lines = ["flowchart LR"]
    for (group, kind), handler in TABLE.items():
        lines.append(f"    {group}([{group}]) -- {kind} --> {handler.__name__}[{handler.__name__}]")
    return "\n".join(lines) + "\n"
