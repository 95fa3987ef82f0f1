"""One interview turn in progress, and the collaborators its handlers use.

``Step`` is what a turn changes and will commit; ``Context`` is the framework and the injected
collaborators (interpreter, knowledge answerer, clock) with the moves every handler shares:
going to an element, asking the current question, looking something up, scoring.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from assistant.catalogue import t
from assistant.interview import render
from assistant.interview.state import Choice, EngineState, Message, Proposal
from assistant.models import CityProfile, Element, Framework, Lang
from assistant.ports import Answerer, Citation, Interpreter, StoredAnswer, Turn
from assistant.scoring import Assessment, assess
from assistant.sessions.answers import answers_file


@dataclass
class Step:
    """One turn in progress: the state being changed, what the reply will say and what the
    turn's single commit will write."""

    state: EngineState
    answers: dict[str, StoredAnswer]
    profile: CityProfile | None
    code: str = ""
    messages: list[Message] = field(default_factory=list)
    user_turn: Turn | None = None
    to_commit: dict[str, StoredAnswer] = field(default_factory=dict)  # answers this turn writes
    saving: str | None = None  # the element whose answer the person confirmed in this turn
    new_profile: CityProfile | None = None  # the intake finished in this turn
    paused: bool = False
    assessment: Assessment | None = None

    def say(self, text: str, citations: list[Citation] | None = None) -> None:
        self.messages.append(Message(text=text, citations=citations or []))


class Spotter(Protocol):
    """Finds the other elements one answer clearly speaks of (issue 14, item 3)."""

    def spot(self, text: str, lang: Lang, skip: set[str]) -> dict[str, Proposal]: ...


@dataclass(frozen=True)
class Context:
    """The framework and collaborators of one engine (no per-user data)."""

    fw: Framework
    interpreter: Interpreter
    answerer: Answerer | None
    clock: Callable[[], datetime]
    order: list[str]
    spotter: Spotter | None = None
    # around the reading of one answer (the interpreter, then the spotter): e.g. the embeddings
    # remembering the answer's vectors for the turn, so it is embedded once, not twice
    one_turn: Callable[[], AbstractContextManager[None]] = nullcontext

    def element(self, step: Step) -> Element:
        assert step.state.element is not None
        return self.fw.element(step.state.element)

    def goto(self, step: Step, element_id: str) -> None:
        state = step.state
        state.phase = "element"
        state.element = element_id
        state.draft = ""
        state.proposal = None
        state.separating = None
        state.unknown_proposed = False
        state.thin = 0
        state.levels_offered = False
        draft = state.drafts.get(element_id)
        if draft is not None and element_id not in step.answers:
            state.proposal = draft.model_copy()  # offered, not saved: the person decides

    def next_unanswered(self, after: str | None, step: Step) -> str | None:
        """The first unanswered element after ``after`` in order, wrapping round; None if all."""
        start = self.order.index(after) + 1 if after else 0
        for eid in self.order[start:] + self.order[:start]:
            if eid not in step.answers:
                return eid
        return None

    def prompt(self, step: Step) -> list[Choice]:
        """Say what the person is being asked now; return the quick replies for it."""
        messages, choices = render.prompt(step.state, self.fw, step.answers)
        step.messages.extend(messages)
        return choices

    def readback(self, step: Step) -> list[Choice]:
        """Move to the read-back of every answer."""
        state = step.state
        state.phase = "readback"
        state.element = None
        state.proposal = None
        state.separating = None
        state.unknown_proposed = False
        state.draft = ""
        return self.prompt(step)

    def assess(self, step: Step) -> Assessment | None:
        if step.profile is None:
            return None
        answers = answers_file(step.profile, step.answers, self.order)
        return assess(self.fw, answers, step.state.lang)

    def explain(self, step: Step, element: Element) -> None:
        lang = step.state.lang
        step.say(t("interview.explain_intro", lang, name=element.name.get(lang),
                   short=element.short.get(lang), desired=element.desired_state.get(lang)))  # fmt: skip
        if self.answerer is None:
            return
        query = f"{element.name.get(lang)}: {element.short.get(lang)}"
        try:
            found = self.answerer.ask(query, lang, element.id)
        except Exception:  # the knowledge base failing must not end the interview
            return
        if found.answered:
            step.say(f"{t('interview.explain_kb', lang)}\n{found.answer}", found.citations)

    def side_question(self, step: Step, question: str) -> None:
        lang = step.state.lang
        if self.answerer is None:
            step.say(t("interview.no_knowledge", lang))
            return
        try:
            found = self.answerer.ask(question, lang, None)
        except Exception:  # the knowledge base failing must not end the interview
            step.say(t("interview.no_knowledge", lang))
            return
        step.say(found.answer, found.citations)
        if found.notice:
            step.messages.append(Message(role="system", text=found.notice))
