"""The interview state machine: intake → elements (domain by domain) → read-back → assessment.

No Streamlit and no I/O of its own: it talks to an interpreter, a session store and (optionally)
a knowledge answerer passed in. Each call loads the session from the store, moves one step and
commits everything the step changed (position, transcript, a confirmed answer, the profile) with
one ``SessionStore.commit_turn``, so any process can continue any session, a crash loses nothing
that was confirmed, and an answer is never on disk without the position that moved past it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from assistant.interview import intake as I
from assistant.interview.intents import Intent, detect, is_question
from assistant.interview.messages import t
from assistant.interview.state import (
    INTAKE_FIELDS,
    Action,
    Choice,
    DomainProgress,
    ElementStatus,
    EngineState,
    Message,
    Progress,
    Proposal,
    Reply,
)
from assistant.models import (
    DOMAIN_IDS,
    Answer,
    AnswersFile,
    CityProfile,
    Element,
    Framework,
    Lang,
)
from assistant.ports import (
    Answerer,
    Citation,
    Interpreter,
    SessionStore,
    StoredAnswer,
    StoredSession,
    Turn,
)
from assistant.scoring import Assessment, assess

MAX_EVIDENCE = 5000  # the answers file's cap on evidence
MAX_TURN_CHARS = 20_000  # the store's cap on one turn's text
LOW_CONFIDENCE = 0.5


class SessionNotFound(LookupError):
    """No session has this code (the message never says more than that)."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def short_text(text: str, limit: int = 90) -> str:
    """The first clause of a rubric text, cut at a word boundary: a button label."""
    for sep in ("; ", ": ", "：", "。", "；"):
        head = text.split(sep)[0]
        if len(head) <= limit and len(head) >= 20:
            return head.rstrip(".")
    if len(text) <= limit:
        return text.rstrip(".")
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(",.;: ") + "…"


@dataclass
class _Step:
    """One turn in progress: the state being changed, what the reply will say and what the
    turn's single commit will write."""

    state: EngineState
    answers: dict[str, StoredAnswer]
    profile: CityProfile | None
    messages: list[Message] = field(default_factory=list)
    user_turn: Turn | None = None
    to_commit: dict[str, StoredAnswer] = field(default_factory=dict)  # answers this turn writes
    saving: str | None = None  # the element whose answer the person confirmed in this turn
    new_profile: CityProfile | None = None  # the intake finished in this turn
    paused: bool = False
    assessment: Assessment | None = None

    def say(self, text: str, citations: list[Citation] | None = None) -> None:
        self.messages.append(Message(text=text, citations=citations or []))


class InterviewEngine:
    """Drives one interview per session code; holds no per-user data between calls."""

    def __init__(
        self,
        framework: Framework,
        interpreter: Interpreter,
        store: SessionStore,
        answerer: Answerer | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.fw = framework
        self.interpreter = interpreter
        self.store = store
        self.answerer = answerer
        self.clock = clock
        self.order: list[str] = [e.id for d in DOMAIN_IDS for e in framework.domain_elements(d)]

    # --- the API front ends call --------------------------------------------------------

    def start(self, lang: Lang = "en", profile: CityProfile | None = None) -> tuple[str, Reply]:
        """A new session: its code and the first reply.

        Without a profile the reply is the welcome and the first intake question. With one
        (already validated, e.g. by a form) the intake is skipped: the profile, the position at
        the first element and the welcome are written in one commit, so no form value is ever
        read as a typed command (a city called "Back" stays a city).
        """
        code = self.store.create(lang)
        state = EngineState(lang=lang)
        step = _Step(state, {}, None)
        step.say(t(lang, "welcome", code=code))
        if profile is None:
            step.say(t(lang, "intake_intro"))
        else:
            state.intake_field = None
            state.intake = profile.model_dump(mode="json")
            step.profile = step.new_profile = profile
            summary = I.profile_summary(profile, lang, self.fw)
            step.say(t(lang, "intake_done", summary=summary))
            self._goto(step, self.order[0])
        choices = self._prompt(step)
        return code, self._finish_turn(code, step, choices)

    def resume(self, code: str) -> Reply | None:
        """Where the session stands, or None for a wrong code."""
        session = self.store.load(code)
        if session is None:
            return None
        step = self._step_of(session)
        state = step.state
        done = len(self._answered(step))
        step.say(t(state.lang, "welcome_back", done=done, total=len(self.order)))
        if state.phase == "done":
            step.assessment = self._assess(step)
        choices = self._prompt(step)
        return self._finish_turn(session.code, step, choices)

    def handle(self, code: str, text: str) -> Reply:
        """One message typed by the person."""
        return self._run(code, text, lambda state: self._detect(state, text))

    def act(self, code: str, action: Action) -> Reply:
        """One quick-reply button."""
        intent = _intent_of(action)
        return self._run(code, _action_text(action), lambda state: intent)

    def switch_language(self, code: str, lang: Lang) -> Reply:
        """Continue in the other language: the current question is asked again in ``lang``."""
        session = self._load(code)
        step = self._step_of(session)
        self._set_language(step, lang)
        choices = self._prompt(step)
        return self._finish_turn(session.code, step, choices)

    def _set_language(self, step: _Step, lang: Lang) -> None:
        state = step.state
        state.lang = lang
        if state.proposal is not None and state.element is not None:
            rubric = self.fw.element(state.element).rubric[state.proposal.level]
            state.proposal.rubric = rubric.text.get(lang)
        if state.phase == "done":
            step.assessment = self._assess(step)

    def history(self, code: str) -> list[Message]:
        """The conversation so far as messages (a reloaded page shows it again)."""
        self._load(code)
        return [
            Message(role=turn.role, text=turn.text) for turn in self.store.turns(code) if turn.text
        ]

    def progress(self, code: str) -> Progress:
        session = self._load(code)
        return self._progress(session.answers, session.state.get("lang", session.lang))  # type: ignore[arg-type]

    def assessment(self, code: str) -> Assessment | None:
        """The profile from the confirmed answers so far; None before the intake is done."""
        session = self._load(code)
        if session.profile is None:
            return None
        state = EngineState.model_validate(session.state or {"lang": session.lang})
        return self._assess(_Step(state, dict(session.answers), session.profile))

    def answers_file(self, code: str) -> AnswersFile | None:
        """The confirmed answers in the answers-file format; None before the intake is done."""
        session = self._load(code)
        if session.profile is None:
            return None
        return self._answers_file(session.profile, session.answers)

    # --- one turn -----------------------------------------------------------------------

    def _load(self, code: str) -> StoredSession:
        session = self.store.load(code)
        if session is None:
            raise SessionNotFound("no session with this code")
        return session

    def _run(self, code: str, user_text: str, intent_of: Callable[[EngineState], Intent]) -> Reply:
        session = self._load(code)
        code = session.code
        step = self._step_of(session)
        step.user_turn = Turn(role="user", text=user_text[:MAX_TURN_CHARS], at=self.clock())
        choices = self._dispatch(code, step, intent_of(step.state))
        step.state.turn += 1
        return self._finish_turn(code, step, choices)

    def _step_of(self, session: StoredSession) -> _Step:
        """A turn starting from the saved position (see ``_state_of``)."""
        answers = dict(session.answers)
        state = self._state_of(session)
        step = _Step(state, answers, session.profile)
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
        """The saved position.

        A session with no saved position (an imported answers file) starts at its first
        unanswered element, or at the read-back when every element has an answer.
        """
        if session.state:
            state = EngineState.model_validate(session.state)
        else:
            state = EngineState(lang=session.lang)
            if session.profile is not None:
                state.intake_field = None
                step = _Step(state, session.answers, session.profile)
                first = self._next_unanswered(None, step)
                if first is None:
                    state.phase = "readback"
                else:
                    self._goto(step, first)
        return state

    def _finish_turn(self, code: str, step: _Step, choices: list[Choice]) -> Reply:
        """Commit the turn (one transaction), then build the reply: "saved" only after that."""
        state = step.state
        text = "\n\n".join(m.text for m in step.messages)[:MAX_TURN_CHARS]
        turns = [step.user_turn] if step.user_turn is not None else []
        turns.append(Turn(role="assistant", text=text, at=self.clock()))
        self.store.commit_turn(
            code,
            state=state.model_dump(mode="json"),
            turns=turns,
            answers=step.to_commit,
            profile=step.new_profile,
        )
        in_element = state.phase in ("element", "confirm")
        return Reply(
            code=code,
            lang=state.lang,
            messages=step.messages,
            phase=state.phase,
            intake_field=state.intake_field if state.phase == "intake" else None,
            element=state.element if in_element else None,
            proposal=state.proposal if state.phase == "confirm" else None,
            choices=choices,
            progress=self._progress(step.answers, state.lang),
            saved=step.saving is not None,
            saved_element=step.saving,
            paused=step.paused,
            profile=step.profile,
            assessment=step.assessment,
        )

    def _detect(self, state: EngineState, text: str) -> Intent:
        intent = detect(text, self.fw)
        if state.phase == "intake":
            keep = {"pause", "progress", "help", "back", "change", "domain", "explain"}
            return intent if intent.kind in keep else Intent("text", text=text.strip())
        if state.phase == "element" and intent.kind in ("confirm", "reject"):
            return Intent("text", text=text.strip())  # "yes"/"no" answer the question itself
        return intent

    # --- dispatch -------------------------------------------------------------------------

    def _dispatch(self, code: str, step: _Step, intent: Intent) -> list[Choice]:
        state = step.state
        lang = state.lang
        if intent.kind == "pause":
            step.paused = True
            step.say(t(lang, "paused", code=code))
            return [Choice(label=t(lang, "btn_pause"), action=Action(kind="pause"))]
        if intent.kind == "progress":
            step.say(self._progress_text(step))
            return self._prompt(step)
        if intent.kind == "help":
            step.say(t(lang, "help"))
            return self._prompt(step)
        if intent.kind == "language":
            new_lang: Lang = "ja" if intent.text == "ja" else "en"
            self._set_language(step, new_lang)
            step.say(t(new_lang, "lang_switched"))
            return self._prompt(step)
        if state.phase == "intake":
            return self._intake(step, intent)
        if state.phase in ("element", "confirm"):
            return self._element(step, intent)
        return self._wrap_up(step, intent)

    def _intake(self, step: _Step, intent: Intent) -> list[Choice]:
        state = step.state
        assert state.intake_field is not None
        idx = INTAKE_FIELDS.index(state.intake_field)
        if intent.kind == "back":
            if idx == 0:
                step.say(t(state.lang, "intake_first"))
            else:
                state.intake_field = INTAKE_FIELDS[idx - 1]
            return self._prompt(step)
        if intent.kind in ("change", "domain"):
            step.say(t(state.lang, "intake_not_yet"))
            return self._prompt(step)
        if intent.kind == "explain":
            return self._prompt(step)  # the field's question carries its own explanations
        if intent.text.rstrip().endswith(("?", "？")):  # no city is named with a question mark
            self._side_question(step, intent.text)
            step.say(t(state.lang, "back_to"))
            return self._prompt(step)
        value = I.parse_field(state.intake_field, intent.text)
        if value is I.INVALID:
            step.say(t(state.lang, I.error_key(state.intake_field)))
            return self._prompt(step)
        state.intake[state.intake_field] = value
        if state.intake_field == "language":
            state.lang = value  # type: ignore[assignment]
        if idx + 1 < len(INTAKE_FIELDS):
            state.intake_field = INTAKE_FIELDS[idx + 1]
            return self._prompt(step)
        profile = I.build_profile(state.intake)
        step.profile = step.new_profile = profile  # committed with the state that moves on
        state.intake_field = None
        step.say(
            t(state.lang, "intake_done", summary=I.profile_summary(profile, state.lang, self.fw))
        )
        self._goto(step, self._next_unanswered(None, step) or self.order[0])
        return self._prompt(step)

    def _element(self, step: _Step, intent: Intent) -> list[Choice]:
        state = step.state
        lang = state.lang
        assert state.element is not None
        element = self.fw.element(state.element)
        kind = intent.kind
        if kind == "explain":
            self._explain(step, element)
            step.say(t(lang, "back_to"))
            return self._prompt(step)
        if kind == "unknown":
            return self._save(step, None, "")
        if kind == "level" and intent.level is not None:
            evidence = state.proposal.evidence if state.proposal else ""
            return self._save(step, intent.level, evidence or state.draft)
        if kind == "confirm":
            if state.proposal is None:
                step.say(t(lang, "no_proposal"))
                return self._prompt(step)
            return self._save(step, state.proposal.level, state.proposal.evidence)
        if kind == "reject":
            state.levels_offered = True
            step.say(t(lang, "not_a_level") + "\n" + self._levels_text(element, lang))
            return self._element_choices(step, element)
        if kind == "back":
            idx = self.order.index(element.id)
            if idx == 0:
                step.say(t(lang, "first_element"))
                return self._prompt(step)
            self._goto(step, self.order[idx - 1])
            return self._prompt(step)
        if kind == "change":
            return self._change(step, intent.element or "")
        if kind == "domain":
            assert intent.domain is not None
            return self._jump(step, intent.domain)
        if kind == "finish":
            if len(self._answered(step)) == len(self.order):
                return self._readback(step)
            done = len(self._answered(step))
            step.say(t(lang, "finish_not_ready", done=done, total=len(self.order)))
            return self._prompt(step)
        return self._answer_text(step, element, intent.text)

    def _answer_text(self, step: _Step, element: Element, text: str) -> list[Choice]:
        state = step.state
        lang = state.lang
        if not text:
            step.say(t(lang, "empty_input"))
            return self._prompt(step)
        if is_question(text):
            alone = self.interpreter.interpret(element, text, lang)
            if alone.level is None and not alone.unknown:
                self._side_question(step, text)
                step.say(t(lang, "back_to"))
                return self._prompt(step)
        combined = f"{state.draft}\n{text}".strip() if state.draft else text
        found = self.interpreter.interpret(element, combined, lang)
        state.draft = combined[:MAX_EVIDENCE]
        if found.notice:
            step.messages.append(Message(role="system", text=found.notice))
        if found.unknown and found.level is None:
            return self._save(step, None, "")
        if found.level is not None:
            state.proposal = Proposal(
                level=found.level,
                confidence=found.confidence,
                evidence=found.evidence[:MAX_EVIDENCE],
                rubric=element.rubric[found.level].text.get(lang),
                notice=found.notice,
                source=found.source,
            )
            state.phase = "confirm"
            state.thin = 0
            return self._prompt(step)
        if state.proposal is not None:  # more words that place nothing: keep the proposal
            return self._prompt(step)
        state.thin += 1
        if state.thin == 1:
            probe = found.follow_up or element.probes[0].get(lang)
            step.say(t(lang, "probe", probe=probe))
            return self._element_choices(step, element)
        state.levels_offered = True
        step.say(t(lang, "offer_levels") + "\n" + self._levels_text(element, lang))
        return self._element_choices(step, element)

    def _save(self, step: _Step, level: int | None, evidence: str) -> list[Choice]:
        """Record the current element's answer (committed with the turn) and move on."""
        state = step.state
        assert state.element is not None
        element = self.fw.element(state.element)
        answer = StoredAnswer(
            level=level,
            evidence=evidence[:MAX_EVIDENCE],
            text=state.draft,
            confirmed_at=self.clock(),
        )
        step.saving = element.id
        step.answers[element.id] = step.to_commit[element.id] = answer
        name = element.name.get(state.lang)
        if level is None:
            step.say(t(state.lang, "saved_unknown", id=element.id, name=name))
        else:
            step.say(t(state.lang, "saved_level", id=element.id, name=name, level=level))
        target = state.return_to
        state.return_to = None
        if target == "readback" or (
            target is None and self._next_unanswered(element.id, step) is None
        ):
            return self._readback(step)
        if target is not None and target in self.order:
            self._goto(step, target)
        else:
            self._goto(step, self._next_unanswered(element.id, step) or self.order[0])
        return self._prompt(step)

    def _change(self, step: _Step, element_id: str) -> list[Choice]:
        state = step.state
        if element_id not in self.order:
            step.say(t(state.lang, "unknown_element", id=element_id))
            return self._prompt(step)
        if state.phase in ("readback", "done"):
            here: str | None = "readback"
        else:
            here = state.element
        if element_id != here:
            state.return_to = state.return_to or here
        step.say(t(state.lang, "changing", id=element_id))
        self._goto(step, element_id)
        return self._prompt(step)

    def _jump(self, step: _Step, domain: str) -> list[Choice]:
        state = step.state
        ids = [e.id for e in self.fw.domain_elements(domain)]
        answered = self._answered(step)
        target = next((e for e in ids if e not in answered), ids[0])
        if state.phase in ("readback", "done"):
            state.return_to = "readback"
        else:
            state.return_to = None
        name = next(d.name.get(state.lang) for d in self.fw.domains if d.id == domain)
        step.say(t(state.lang, "jump_domain", domain=name))
        self._goto(step, target)
        return self._prompt(step)

    def _wrap_up(self, step: _Step, intent: Intent) -> list[Choice]:
        """The read-back and done phases: change, finish, side questions."""
        state = step.state
        lang = state.lang
        kind = intent.kind
        if kind == "change":
            return self._change(step, intent.element or "")
        if kind == "domain":
            assert intent.domain is not None
            return self._jump(step, intent.domain)
        if kind == "back":
            state.return_to = "readback"
            self._goto(step, self.order[-1])
            return self._prompt(step)
        if kind in ("finish", "confirm"):
            if len(self._answered(step)) < len(self.order):
                return self._prompt(step)
            state.phase = "done"
            step.assessment = self._assess(step)
            stage = step.assessment.stage
            name = (
                t(lang, "stage_insufficient_data")
                if stage == "insufficient_data"
                else self.fw.stage(stage).name.get(lang)
            )
            step.say(t(lang, "finished", stage=name))
            return self._done_choices(lang)
        if kind == "text" and intent.text and is_question(intent.text):
            self._side_question(step, intent.text)
            if state.phase == "done":
                return self._done_choices(lang)
            return self._readback_choices(lang)
        if state.phase == "done":
            step.say(t(lang, "already_done"))
            step.assessment = self._assess(step)
            return self._done_choices(lang)
        step.say(t(lang, "readback_hint"))
        return self._readback_choices(lang)

    # --- positions and prompts ------------------------------------------------------------

    def _goto(self, step: _Step, element_id: str) -> None:
        state = step.state
        state.phase = "element"
        state.element = element_id
        state.draft = ""
        state.proposal = None
        state.thin = 0
        state.levels_offered = False

    def _answered(self, step: _Step) -> set[str]:
        return set(step.answers)

    def _next_unanswered(self, after: str | None, step: _Step) -> str | None:
        """The first unanswered element after ``after`` in order, wrapping round; None if all."""
        answered = self._answered(step)
        start = self.order.index(after) + 1 if after else 0
        for eid in self.order[start:] + self.order[:start]:
            if eid not in answered:
                return eid
        return None

    def _prompt(self, step: _Step) -> list[Choice]:
        """Say what the person is being asked now; return the quick replies for it."""
        state = step.state
        lang = state.lang
        if state.phase == "intake":
            assert state.intake_field is not None
            text, choices = I.field_prompt(state.intake_field, lang, self.fw)
            step.say(text)
            return choices
        if state.phase == "readback":
            return self._readback(step)
        if state.phase == "done":
            step.say(t(lang, "already_done"))
            return self._done_choices(lang)
        assert state.element is not None
        element = self.fw.element(state.element)
        header = self._header(element, lang)
        if state.phase == "confirm" and state.proposal is not None:
            text = f"{header}\n{self._proposal_text(state.proposal, lang)}"
            proposal = state.proposal.model_copy()
            step.messages.append(Message(text=text, heading=header, proposal=proposal))
            return self._element_choices(step, element)
        text = f"{header}\n{element.question.get(lang)}"
        have = step.answers.get(element.id)
        if have is not None:
            text += "\n" + t(
                lang, "current_answer", level=self._level_word(have.level, lang),
                evidence=self._quote(have.evidence or have.text, lang),
            )  # fmt: skip
        if state.levels_offered:
            text += "\n" + self._levels_text(element, lang)
        step.say(text)
        return self._element_choices(step, element)

    def _header(self, element: Element, lang: Lang) -> str:
        domain = next(d.name.get(lang) for d in self.fw.domains if d.id == element.domain)
        return t(
            lang,
            "question_header",
            n=self.order.index(element.id) + 1,
            total=len(self.order),
            domain=domain,
            id=element.id,
            name=element.name.get(lang),
        )

    def _proposal_text(self, p: Proposal, lang: Lang) -> str:
        key = "proposal" if p.confidence >= LOW_CONFIDENCE else "proposal_unsure"
        lines = [t(lang, key, level=p.level, rubric=p.rubric)]
        if p.evidence:
            lines.append(t(lang, "because_you_said", evidence=p.evidence))
        lines.append(t(lang, "confirm_hint"))
        return "\n".join(lines)

    def _levels_text(self, element: Element, lang: Lang) -> str:
        return "\n".join(
            t(lang, "level_line", n=r.level, text=r.text.get(lang)) for r in element.rubric
        )

    def _element_choices(self, step: _Step, element: Element) -> list[Choice]:
        state = step.state
        lang = state.lang
        choices: list[Choice] = []
        if state.phase == "confirm" and state.proposal is not None:
            level = state.proposal.level
            choices.append(
                Choice(label=t(lang, "btn_confirm", level=level), action=Action(kind="confirm"))
            )
        for r in element.rubric:
            if state.phase == "confirm" and state.proposal and r.level == state.proposal.level:
                continue
            label = t(lang, "btn_level", n=r.level, text=short_text(r.text.get(lang)))
            choices.append(Choice(label=label, action=Action(kind="level", level=r.level)))
        choices.append(Choice(label=t(lang, "btn_unknown"), action=Action(kind="unknown")))
        choices.append(Choice(label=t(lang, "btn_explain"), action=Action(kind="explain")))
        if self.order.index(element.id) > 0:
            choices.append(Choice(label=t(lang, "btn_back"), action=Action(kind="back")))
        return choices

    def _readback(self, step: _Step) -> list[Choice]:
        state = step.state
        lang = state.lang
        state.phase = "readback"
        state.element = None
        state.proposal = None
        state.draft = ""
        step.say(t(lang, "readback_intro"))
        for d in self.fw.domains:
            lines = [t(lang, "readback_domain", domain=d.name.get(lang))]
            for e in self.fw.domain_elements(d.id):
                have = step.answers.get(e.id)
                level = self._level_word(have.level if have else None, lang)
                quote = self._quote(have.evidence or have.text, lang) if have else ""
                lines.append(
                    t(lang, "readback_line", id=e.id, name=e.name.get(lang), level=level,
                      evidence=quote)
                )  # fmt: skip
            step.say("\n".join(lines))
        step.say(t(lang, "readback_hint"))
        return self._readback_choices(lang)

    def _readback_choices(self, lang: Lang) -> list[Choice]:
        choices = [Choice(label=t(lang, "btn_finish"), action=Action(kind="finish"))]
        for eid in self.order:
            choices.append(
                Choice(
                    label=t(lang, "btn_change", id=eid), action=Action(kind="change", element=eid)
                )
            )
        return choices

    def _done_choices(self, lang: Lang) -> list[Choice]:
        return [
            Choice(label=t(lang, "btn_change", id=eid), action=Action(kind="change", element=eid))
            for eid in self.order
        ]

    def _level_word(self, level: int | None, lang: Lang) -> str:
        return t(lang, "dont_know") if level is None else t(lang, "level_n", n=level)

    def _quote(self, text: str, lang: Lang, limit: int = 160) -> str:
        text = " ".join(text.split())
        if not text:
            return ""
        if len(text) > limit:
            text = text[:limit].rstrip() + "…"
        return f" (“{text}”)" if lang == "en" else f"（「{text}」）"

    # --- knowledge ------------------------------------------------------------------------

    def _explain(self, step: _Step, element: Element) -> None:
        lang = step.state.lang
        step.say(
            t(
                lang,
                "explain_intro",
                name=element.name.get(lang),
                short=element.short.get(lang),
                desired=element.desired_state.get(lang),
            )
        )
        if self.answerer is None:
            return
        query = f"{element.name.get(lang)}: {element.short.get(lang)}"
        try:
            found = self.answerer.ask(query, lang, element.id)
        except Exception:  # the knowledge base failing must not end the interview
            return
        if found.answered:
            step.say(f"{t(lang, 'explain_kb')}\n{found.answer}", found.citations)

    def _side_question(self, step: _Step, question: str) -> None:
        lang = step.state.lang
        if self.answerer is None:
            step.say(t(lang, "no_knowledge"))
            return
        try:
            found = self.answerer.ask(question, lang, None)
        except Exception:  # the knowledge base failing must not end the interview
            step.say(t(lang, "no_knowledge"))
            return
        step.say(found.answer, found.citations)
        if found.notice:
            step.messages.append(Message(role="system", text=found.notice))

    # --- progress and scoring -------------------------------------------------------------

    def _progress(self, answers: dict[str, StoredAnswer], lang: Lang) -> Progress:
        domains = []
        for d in self.fw.domains:
            ids = [e.id for e in self.fw.domain_elements(d.id)]
            done = sum(e in answers for e in ids)
            domains.append(
                DomainProgress(id=d.id, name=d.name.get(lang), done=done, total=len(ids))
            )
        elements = [
            ElementStatus(
                id=e.id,
                domain=e.domain,
                name=e.name.get(lang),
                answered=e.id in answers,
                level=answers[e.id].level if e.id in answers else None,
            )
            for e in self.fw.elements
        ]
        return Progress(
            done=sum(e in answers for e in self.order),
            total=len(self.order),
            domains=domains,
            elements=elements,
        )

    def _progress_text(self, step: _Step) -> str:
        lang = step.state.lang
        p = self._progress(step.answers, lang)
        sep = "; " if lang == "en" else "、"
        parts = sep.join(
            t(lang, "progress_domain", name=d.name, done=d.done, total=d.total) for d in p.domains
        )
        return t(lang, "progress", done=p.done, total=p.total, domains=parts)

    def _answers_file(self, profile: CityProfile, answers: dict[str, StoredAnswer]) -> AnswersFile:
        return AnswersFile(
            city=profile,
            answers={
                eid: Answer(level=a.level, evidence=(a.evidence or a.text)[:MAX_EVIDENCE])
                for eid, a in answers.items()
                if eid in self.order
            },
        )

    def _assess(self, step: _Step) -> Assessment | None:
        if step.profile is None:
            return None
        return assess(self.fw, self._answers_file(step.profile, step.answers), step.state.lang)


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
