"""The interview: intake → elements (domain by domain) → read-back → assessment.

No Streamlit and no I/O of its own: it talks to an interpreter, a session store and (optionally)
a knowledge answerer passed in. Each call loads the session from the store, moves one step and
commits everything the step changed (position, transcript, a confirmed answer, the profile) with
one ``SessionStore.commit_turn``, so any process can continue any session, a crash loses nothing
that was confirmed, and an answer is never on disk without the position that moved past it.

What each (phase, intent) does is declared in ``interview/table.py``; what is said is rendered by
``interview/render.py``. This module is the front: load, detect, dispatch, commit, reply.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from assistant.catalogue import t
from assistant.interview import intake as I
from assistant.interview import render
from assistant.interview.intents import Intent, detect
from assistant.interview.render import LOW_CONFIDENCE
from assistant.interview.state import (
    Action,
    Choice,
    DocumentPassage,
    EngineState,
    Message,
    Progress,
    Proposal,
    Reply,
)
from assistant.interview.table import Handler, handler_for, set_language
from assistant.interview.turn import Context, Spotter, Step
from assistant.limits import MAX_EVIDENCE, MAX_TURN_CHARS
from assistant.models import AnswersFile, CityProfile, Framework, Lang
from assistant.ports import (
    Answerer,
    ConcurrentTurnError,
    Interpreter,
    SessionStore,
    StoredAnswer,
    StoredSession,
    Turn,
)
from assistant.scoring import Assessment
from assistant.sessions.answers import answers_file

if TYPE_CHECKING:
    from assistant.prefill.review import ReviewItem

__all__ = [
    "LOW_CONFIDENCE",
    "MAX_EVIDENCE",
    "MAX_TURN_CHARS",
    "InterviewEngine",
    "SessionNotFound",
]

# How often a turn is read again when another process committed one of the same session first.
TURN_RETRIES = 3

# Typed commands that stay commands during the intake; anything else typed there is a value.
INTAKE_COMMANDS = {"pause", "progress", "help", "back", "change", "domain", "explain"}


class SessionNotFound(LookupError):
    """No session has this code (the message never says more than that)."""


def utc_now() -> datetime:
    return datetime.now(UTC)


class InterviewEngine:
    """Drives one interview per session code; holds no per-user data between calls."""

    def __init__(
        self,
        framework: Framework,
        interpreter: Interpreter,
        store: SessionStore,
        answerer: Answerer | None = None,
        clock: Callable[[], datetime] = utc_now,
        spotter: Spotter | None = None,
        one_turn: Callable[[], AbstractContextManager[None]] = nullcontext,
    ) -> None:
        self.fw = framework
        self.interpreter = interpreter
        self.store = store
        self.answerer = answerer
        self.clock = clock
        self.order: list[str] = render.order(framework)
        self.ctx = Context(framework, interpreter, answerer, clock, self.order, spotter, one_turn)

    # --- the API front ends call --------------------------------------------------------

    def start(
        self,
        lang: Lang = "en",
        profile: CityProfile | None = None,
        drafts: dict[str, Proposal] | None = None,
        disputed: dict[str, list[DocumentPassage]] | None = None,
    ) -> tuple[str, Reply]:
        """A new session: its code and the first reply.

        Without a profile the reply is the welcome and the first intake question. With one
        (already validated, e.g. by a form) the intake is skipped: the profile, the position at
        the first element and the welcome are written in one commit, so no form value is ever
        read as a typed command (a city called "Back" stays a city). ``drafts`` (read from the
        city's documents) are kept in the position and offered as their elements come;
        ``disputed`` (elements the documents disagree on) shows the two passages with the
        question, no level proposed.
        """
        code = self.store.create(lang)
        state = EngineState(lang=lang, drafts=dict(drafts or {}), disputed=dict(disputed or {}))
        step = Step(state, {}, None, code=code)
        step.say(t("interview.welcome", lang, code=code))
        if profile is None:
            step.say(t("interview.intake_intro", lang))
        else:
            state.intake_field = None
            state.intake = profile.model_dump(mode="json")
            step.profile = step.new_profile = profile
            summary = I.profile_summary(profile, lang, self.fw)
            step.say(t("interview.intake_done", lang, summary=summary))
            self.ctx.goto(step, self.order[0])
        choices = self.ctx.prompt(step)
        return code, self._finish_turn(step, choices)

    def resume(self, code: str) -> Reply | None:
        """Where the session stands, or None for a wrong code."""
        session = self.store.load(code)
        if session is None:
            return None
        step = self._step_of(session)
        state = step.state
        step.say(t("interview.welcome_back", state.lang, done=len(step.answers), total=len(self.order)))
        if state.phase == "done":
            step.assessment = self.ctx.assess(step)
        choices = self.ctx.prompt(step)
        return self._finish_turn(step, choices)

    def handle(self, code: str, text: str) -> Reply:
        """One message typed by the person."""
        return self._run(code, text, lambda state: self._detect(state, text))

    def act(self, code: str, action: Action) -> Reply:
        """One quick-reply button."""
        intent = _intent_of(action)
        return self._run(code, _action_text(action), lambda state: intent)

    def switch_language(self, code: str, lang: Lang) -> Reply:
        """Continue in the other language: the current question is asked again in ``lang``."""
        step = self._step_of(self._load(code))
        set_language(self.ctx, step, lang)
        choices = self.ctx.prompt(step)
        return self._finish_turn(step, choices)

    def history(self, code: str) -> list[Message]:
        """The conversation so far as messages (a reloaded page shows it again)."""
        self._load(code)
        return [
            Message(role=turn.role, text=turn.text) for turn in self.store.turns(code) if turn.text
        ]

    def progress(self, code: str) -> Progress:
        session = self._load(code)
        return render.progress(self.fw, session.answers, self._state_of(session).lang)

    def assessment(self, code: str) -> Assessment | None:
        """The profile from the confirmed answers so far; None before the intake is done."""
        session = self._load(code)
        if session.profile is None:
            return None
        state = EngineState.model_validate(session.state or {"lang": session.lang})
        return self.ctx.assess(Step(state, dict(session.answers), session.profile))

    def answers_file(self, code: str) -> AnswersFile | None:
        """The confirmed answers in the answers-file format; None before the intake is done."""
        session = self._load(code)
        if session.profile is None:
            return None
        return answers_file(session.profile, session.answers, self.order)

    # --- one turn -----------------------------------------------------------------------

    def _load(self, code: str) -> StoredSession:
        session = self.store.load(code)
        if session is None:
            raise SessionNotFound("no session with this code")
        return session

    def review_items(self, code: str) -> list[ReviewItem]:
        """The sure document drafts to confirm together before the walk (empty once acted on)."""
        from assistant.prefill import review

        session = self._load(code)
        return review.items(self._state_of(session), session.answers, self.fw, self.order)

    def review(self, code: str, levels: dict[str, int], unticked: list[str]) -> Reply:
        """One action on the listed drafts: the ticked ones saved at ``levels`` (one commit),
        the unticked asked in full; empty both: walk them one by one."""
        from assistant.prefill import review

        text = review.transcript(levels, unticked)
        return self._run(
            code, text, lambda state: Intent("text", text=text), review.handler(levels, unticked)
        )

    def _run(
        self,
        code: str,
        user_text: str,
        intent_of: Callable[[EngineState], Intent],
        handler: Handler | None = None,
    ) -> Reply:
        """One turn from the saved position. Another process (a second replica, a second tab on
        another server) may commit a turn of the same session meanwhile: the commit then fails
        its position check and the turn is read again from the newer position, so two turns
        are applied one after the other and neither is lost."""
        for attempt in range(TURN_RETRIES):
            step = self._step_of(self._load(code))
            loaded_at = step.state.turn
            step.user_turn = Turn(role="user", text=user_text[:MAX_TURN_CHARS], at=self.clock())
            intent = intent_of(step.state)
            act = handler or handler_for(step.state.phase, intent.kind)
            choices = act(self.ctx, step, intent)
            step.state.turn += 1
            try:
                return self._finish_turn(step, choices, expect_turn=loaded_at)
            except ConcurrentTurnError:
                if attempt == TURN_RETRIES - 1:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _step_of(self, session: StoredSession) -> Step:
        """A turn starting from the saved position (see ``_state_of``)."""
        answers = dict(session.answers)
        state = self._state_of(session)
        step = Step(state, answers, session.profile, code=session.code)
        p = state.pending
        if p is not None:
            # A state written by an older version that committed the answer after the position
            # (write-ahead): finish that answer in this turn's commit if it is not on disk.
            have = answers.get(p.element)
            if have is None or (have.level, have.evidence, have.text) != (
                p.level,
                p.evidence,
                p.text,
            ):
                answer = StoredAnswer(
                    level=p.level, evidence=p.evidence, text=p.text, confirmed_at=self.clock()
                )
                answers[p.element] = step.to_commit[p.element] = answer
            state.pending = None
        return step

    def _state_of(self, session: StoredSession) -> EngineState:
        """The saved position (older versions' states migrate as they load).

        A session with no saved position (an imported answers file) starts at its first
        unanswered element, or at the read-back when every element has an answer.
        """
        if session.state:
            return EngineState.model_validate(session.state)
        state = EngineState(lang=session.lang)
        if session.profile is not None:
            state.intake_field = None
            step = Step(state, session.answers, session.profile)
            first = self.ctx.next_unanswered(None, step)
            if first is None:
                state.phase = "readback"
            else:
                self.ctx.goto(step, first)
        return state

    def _finish_turn(
        self, step: Step, choices: list[Choice], expect_turn: int | None = None
    ) -> Reply:
        """Commit the turn (one transaction), then build the reply: "saved" only after that.

        ``expect_turn``: the position's turn number when it was read; the commit is refused
        (``ConcurrentTurnError``) when the stored position has moved on since."""
        state = step.state
        text = "\n\n".join(m.text for m in step.messages)[:MAX_TURN_CHARS]
        turns = [step.user_turn] if step.user_turn is not None else []
        turns.append(Turn(role="assistant", text=text, at=self.clock()))
        self.store.commit_turn(
            step.code,
            state=state.model_dump(mode="json"),
            turns=turns,
            answers=step.to_commit,
            profile=step.new_profile,
            expect_turn=expect_turn,
        )
        phase = state.reply_phase
        return Reply(
            code=step.code,
            lang=state.lang,
            messages=step.messages,
            phase=phase,
            intake_field=state.intake_field if phase == "intake" else None,
            element=state.element if phase in ("element", "confirm") else None,
            proposal=state.proposal if phase == "confirm" else None,
            choices=choices,
            progress=render.progress(self.fw, step.answers, state.lang),
            saved=step.saving is not None,
            saved_element=step.saving,
            paused=step.paused,
            profile=step.profile,
            assessment=step.assessment,
        )

    def _detect(self, state: EngineState, text: str) -> Intent:
        """A typed message's intent where it is typed: during the intake only a few commands
        count, a bare yes/no with no proposal answers the element's question itself, and a
        typed "don't know" carries its words (it is proposed, not saved at once)."""
        intent = detect(text, self.fw)
        if state.phase == "intake" and intent.kind not in INTAKE_COMMANDS:
            return Intent("text", text=text.strip())
        bare = state.phase == "element" and state.proposal is None and not state.unknown_proposed
        if bare and intent.kind in ("confirm", "reject"):
            return Intent("text", text=text.strip())
        if intent.kind == "unknown":  # said in words: proposed and confirmed, unlike the button
            return Intent("unknown", text=text.strip())
        return intent


def _intent_of(action: Action) -> Intent:
    if action.kind == "say":
        return Intent("text", text=(action.text or "").strip())
    if action.kind == "level":
        return Intent("level", level=action.level)
    if action.kind == "change":
        return Intent("change", element=action.element)
    if action.kind == "domain":
        return Intent("domain", domain=action.domain)
    return Intent(action.kind)


def _action_text(action: Action) -> str:
    """How a button press is written in the transcript."""
    if action.kind == "say":
        return action.text or ""
    detail = action.level if action.level is not None else action.element or action.domain
    return f"[{action.kind}{f' {detail}' if detail is not None else ''}]"
