"""The interview over HTTP: start a session, send turns, resume, read where it stands."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from assistant.api.context import ApiContext
from assistant.api.problems import ApiProblem
from assistant.api.schemas import (
    AnswerView,
    ChoiceTurn,
    Position,
    SessionStarted,
    SessionView,
    StartRequest,
    TurnRequest,
    TurnResult,
)
from assistant.interview.state import EngineState, Reply


def interview_routes(ctx: ApiContext) -> APIRouter:
    """The routes of the interview, over ``ctx``'s engine and store."""
    router = APIRouter(tags=["interview"])
    engine = ctx.engine
    Code = Annotated[str, Depends(ctx.session_code)]

    @router.post("/v1/sessions", response_model=SessionStarted, status_code=201)
    def start(request: Request, body: StartRequest | None = None) -> SessionStarted:
        """A new interview: its code and the first reply."""
        ctx.limit(ctx.creating, request)
        body = body or StartRequest()
        code, reply = engine.start(body.lang, body.profile)
        return SessionStarted(code=code, reply=reply)

    @router.post("/v1/sessions/{code}/turns", response_model=TurnResult)
    def turn(code: Code, body: TurnRequest) -> TurnResult:
        """One message typed by the person, or one of the last reply's choices."""
        if isinstance(body, ChoiceTurn):
            reply: Reply = ctx.engine_call(code, engine.act, body.choice)
        else:
            reply = ctx.engine_call(code, engine.handle, body.text)
        return TurnResult(reply=reply)

    @router.post("/v1/sessions/{code}/resume", response_model=TurnResult)
    def resume(code: Code) -> TurnResult:
        """Continue a session (e.g. on another front end): where it stands, and the question."""
        reply = ctx.engine_call(code, engine.resume)
        if reply is None:
            raise ApiProblem("session-not-found")
        return TurnResult(reply=reply)

    @router.get("/v1/sessions/{code}", response_model=SessionView)
    def view(code: Code) -> SessionView:
        """Position, confirmed answers and progress (reads only: nothing is written)."""
        session = ctx.store.load(code)
        if session is None:
            raise ApiProblem("session-not-found")
        state = EngineState.model_validate(session.state or {"lang": session.lang})
        phase = state.reply_phase  # "confirm" is an element with a proposal (engine state v2)
        in_element = phase in ("element", "confirm")
        return SessionView(
            position=Position(
                lang=state.lang,
                phase=phase,
                intake_field=state.intake_field if phase == "intake" else None,
                element=state.element if in_element else None,
            ),
            profile=session.profile,
            answers={k: AnswerView(**a.model_dump()) for k, a in session.answers.items()},
            progress=ctx.engine_call(code, engine.progress),
            created_at=session.created_at,
            updated_at=session.updated_at,
        )

    return router
