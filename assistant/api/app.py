"""``create_app``: the HTTP API over the interview engine, the session store, scoring, the
reports and the knowledge base, all passed in.

Routes are synchronous (the engine and the store are): Starlette runs them on its thread pool.
The session code is read from ``Authorization: Session <code>``; the path's ``{code}`` may be the
code itself or ``-`` ("the one in the header"), so a client can keep codes out of URLs entirely.
The app keeps no per-user data: any replica on the same database continues any session.
"""

import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI, Path, Query, Request, Response
from fastapi.security import APIKeyHeader
from fastapi_offline import FastAPIOffline

from assistant.answers_io import InputError
from assistant.api import problems
from assistant.api.guards import AccessLog, BodyLimit, RateLimiter, retry_after
from assistant.api.problems import PROBLEM_RESPONSES, ApiProblem
from assistant.api.resources import Collaborators
from assistant.api.schemas import (
    AnswerView,
    AskRequest,
    ChoiceTurn,
    Health,
    Position,
    ReportFormat,
    SessionStarted,
    SessionView,
    StartRequest,
    TurnRequest,
    TurnResult,
)
from assistant.interview.engine import SessionNotFound
from assistant.interview.state import EngineState, Reply
from assistant.knowledge.answer import AnswerResult
from assistant.models import AnswersFile, Lang
from assistant.scoring import assess
from assistant.scoring.result import Assessment
from assistant.sessions.codes import code_key
from assistant.sessions.store import SessionNotFoundError

HEADER_PLACEHOLDER = "-"
CODE_DOC = "The session code, or `-` for the one in the Authorization header."
LOCK_STRIPES = 256


@dataclass(frozen=True)
class ApiLimits:
    max_body_bytes: int = 1024 * 1024
    sessions_per_minute: float = 20.0
    sessions_burst: int = 10
    lookups_per_minute: float = 600.0
    lookups_burst: int = 120

    @classmethod
    def from_settings(cls, settings: Any) -> "ApiLimits":
        return cls(
            max_body_bytes=settings.api_max_body_bytes,
            sessions_per_minute=settings.api_sessions_per_minute,
            sessions_burst=settings.api_sessions_burst,
            lookups_per_minute=settings.api_lookups_per_minute,
            lookups_burst=settings.api_lookups_burst,
        )


def pdf_renderer() -> Any:
    """The PDF report renderer when ``assistant.report`` has one, else None (501)."""
    return None


_auth = APIKeyHeader(
    name="Authorization",
    auto_error=False,
    scheme_name="SessionCode",
    description="`Session <code>`: the code returned when the session was created.",
)


def _header_code(value: str | None) -> str | None:
    if value is None:
        return None
    scheme, _, rest = value.strip().partition(" ")
    if scheme.lower() != "session" or not rest.strip():
        raise ApiProblem("code-required", "use the header Authorization: Session <code>",
                         {"WWW-Authenticate": "Session"})  # fmt: skip
    return rest.strip()


def create_app(collab: Collaborators, limits: "ApiLimits | None" = None) -> FastAPI:  # noqa: C901 -- one nested route function per endpoint; splitting is open work
    """The ASGI app; ``collab`` from ``assistant.api.resources.build_collaborators`` or fakes."""
    limits = limits or ApiLimits()
    engine, store, fw = collab.engine, collab.store, collab.framework
    creating = RateLimiter(limits.sessions_per_minute, limits.sessions_burst)
    looking_up = RateLimiter(limits.lookups_per_minute, limits.lookups_burst)
    stripes = [threading.Lock() for _ in range(LOCK_STRIPES)]

    app: FastAPI = FastAPIOffline(  # /docs with Swagger UI served from the package, no CDN
        title="Smart City self-assessment assistant",
        version="1",
        description="The interview, scoring, reports and knowledge base of the assistant over "
        "HTTP. Errors are RFC 9457 problem+json.",
        responses=PROBLEM_RESPONSES,
    )
    problems.install(app)
    app.add_middleware(BodyLimit, limit=limits.max_body_bytes)
    app.add_middleware(AccessLog)

    def client_of(request: Request) -> str:
        return request.client.host if request.client else "-"

    def limit(limiter: RateLimiter, request: Request) -> None:
        wait = limiter.check(client_of(request))
        if wait > 0:
            raise _TooMany(wait)

    def session_code(
        request: Request,
        code: Annotated[str, Path(max_length=200, description=CODE_DOC, examples=["-"])],
        authorization: Annotated[str | None, Depends(_auth)] = None,
    ) -> str:
        limit(looking_up, request)
        header = _header_code(authorization)
        if code == HEADER_PLACEHOLDER:
            if header is None:
                raise ApiProblem("code-required", "send Authorization: Session <code>",
                                 {"WWW-Authenticate": "Session"})  # fmt: skip
            return header
        if header is not None and code_key(header) != code_key(code):
            raise ApiProblem("conflicting-codes")
        return code

    Code = Annotated[str, Depends(session_code)]

    def locked(code: str) -> threading.Lock:
        """One turn at a time per session in this process (two tabs sending at once)."""
        return stripes[int(code_key(code)[:8], 16) % LOCK_STRIPES]

    def engine_call(code: str, fn: Any, *args: Any) -> Any:
        try:
            with locked(code):
                return fn(code, *args)
        except (SessionNotFound, SessionNotFoundError) as exc:
            raise ApiProblem("session-not-found") from exc
        except InputError as exc:
            raise ApiProblem("limit-exceeded", str(exc)) from exc

    def answers_of(code: str) -> AnswersFile:
        answers = engine_call(code, engine.answers_file)
        if answers is None:
            raise ApiProblem("no-profile-yet", "finish the intake first")
        return answers

    def lang_of(code: str, lang: Lang | None) -> Lang:
        if lang is not None:
            return lang
        session = store.load(code)
        if session is None:
            raise ApiProblem("session-not-found")
        return session.state.get("lang", session.lang)  # type: ignore[return-value]

    @app.exception_handler(_TooMany)
    async def _too_many(_request: Request, exc: _TooMany) -> Response:
        return problems.problem_response(
            429, detail="too many requests from this address; try again later",
            headers={"Retry-After": retry_after(exc.wait)},
        )  # fmt: skip

    @app.get("/v1/health", response_model=Health, tags=["service"])
    def health() -> Health:
        return Health()

    @app.post("/v1/sessions", response_model=SessionStarted, status_code=201, tags=["interview"])
    def start(request: Request, body: StartRequest | None = None) -> SessionStarted:
        """A new interview: its code and the first reply."""
        limit(creating, request)
        body = body or StartRequest()
        code, reply = engine.start(body.lang, body.profile)
        return SessionStarted(code=code, reply=reply)

    @app.post("/v1/sessions/{code}/turns", response_model=TurnResult, tags=["interview"])
    def turn(code: Code, body: TurnRequest) -> TurnResult:
        """One message typed by the person, or one of the last reply's choices."""
        if isinstance(body, ChoiceTurn):
            reply: Reply = engine_call(code, engine.act, body.choice)
        else:
            reply = engine_call(code, engine.handle, body.text)
        return TurnResult(reply=reply)

    @app.post("/v1/sessions/{code}/resume", response_model=TurnResult, tags=["interview"])
    def resume(code: Code) -> TurnResult:
        """Continue a session (e.g. on another front end): where it stands, and the question."""
        reply = engine_call(code, engine.resume)
        if reply is None:
            raise ApiProblem("session-not-found")
        return TurnResult(reply=reply)

    @app.get("/v1/sessions/{code}", response_model=SessionView, tags=["interview"])
    def view(code: Code) -> SessionView:
        """Position, confirmed answers and progress (reads only: nothing is written)."""
        session = store.load(code)
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
            progress=engine_call(code, engine.progress),
            created_at=session.created_at,
            updated_at=session.updated_at,
        )

    @app.get("/v1/sessions/{code}/assessment", response_model=Assessment, tags=["results"])
    def assessment(code: Code, lang: Lang | None = None) -> Response:
        """The profile from the confirmed answers: the ``assistant score --json`` result."""
        answers = answers_of(code)
        result = assess(fw, answers, lang_of(code, lang))
        return _json(result.model_dump(mode="json"))

    @app.get(
        "/v1/sessions/{code}/report",
        tags=["results"],
        responses={200: {"content": {"text/markdown": {}, "text/html": {}, "application/pdf": {}}}},
    )
    def report(
        code: Code, format: Annotated[ReportFormat, Query()] = "md", lang: Lang | None = None
    ) -> Response:
        """The assessment report as Markdown, HTML (printable) or PDF."""
        from assistant.report.document import report_html, report_markdown

        answers = answers_of(code)
        result = assess(fw, answers, lang_of(code, lang))
        generated = datetime.now(UTC)
        if format == "md":
            text = report_markdown(fw, answers, result, generated)
            return Response(text, media_type="text/markdown; charset=utf-8")
        if format == "html":
            html = report_html(fw, answers, result, generated)
            return Response(html, media_type="text/html; charset=utf-8", headers={
                "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                "img-src data:",
            })  # fmt: skip
        render = pdf_renderer()
        if render is None:
            raise ApiProblem("format-not-available", "use format=md or format=html")
        return Response(render(fw, answers, result, generated), media_type="application/pdf")

    @app.post("/v1/ask", response_model=AnswerResult, tags=["knowledge"])
    def ask(body: AskRequest) -> Response:
        """A question to the knowledge base: the ``assistant ask --json`` result."""
        try:
            result = collab.ask(body.question, body.lang, body.k)
        except (OSError, RuntimeError, ValueError) as exc:
            problems.log.error("knowledge base failed: %s", type(exc).__name__, exc_info=exc)
            raise ApiProblem("knowledge-unavailable") from exc
        return _json(result.model_dump(mode="json"))

    @app.post("/v1/score", response_model=Assessment, tags=["results"])
    def score(
        answers: Annotated[AnswersFile, Body(description="An answers file (schema_version 1)")],
        lang: Lang | None = None,
    ) -> Response:
        """Score an answers file: the ``assistant score --json`` result."""
        return _json(assess(fw, answers, lang).model_dump(mode="json"))

    return app


class _TooMany(Exception):
    def __init__(self, wait: float) -> None:
        super().__init__("rate limited")
        self.wait = wait


def _json(data: object) -> Response:
    import json

    body = json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")
    return Response(body, media_type="application/json")
