"""``create_app``: the HTTP API over the interview engine, the session store, scoring, the
reports and the knowledge base, all passed in.

Routes are synchronous (the engine and the store are): Starlette runs them on its thread pool.
The session code is read from ``Authorization: Session <code>``; the path's ``{code}`` may be the
code itself or ``-`` ("the one in the header"), so a client can keep codes out of URLs entirely.
The app keeps no per-user data: any replica on the same database continues any session. The
routes live in ``routes_interview`` and ``routes_results``; what they share in ``context``.
"""

from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi_offline import FastAPIOffline

from assistant.api import problems
from assistant.api.context import ApiContext, TooMany
from assistant.api.guards import AccessLog, BodyLimit, RateLimiter, retry_after
from assistant.api.problems import PROBLEM_RESPONSES
from assistant.api.resources import Collaborators
from assistant.api.routes_interview import interview_routes
from assistant.api.routes_results import results_routes


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


def create_app(collab: Collaborators, limits: "ApiLimits | None" = None) -> FastAPI:
    """The ASGI app; ``collab`` from ``assistant.api.resources.build_collaborators`` or fakes."""
    limits = limits or ApiLimits()
    ctx = ApiContext(
        collab,
        creating=RateLimiter(limits.sessions_per_minute, limits.sessions_burst),
        looking_up=RateLimiter(limits.lookups_per_minute, limits.lookups_burst),
    )
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

    @app.exception_handler(TooMany)
    async def _too_many(_request: Request, exc: TooMany) -> Response:
        return problems.problem_response(
            429, detail="too many requests from this address; try again later",
            headers={"Retry-After": retry_after(exc.wait)},
        )  # fmt: skip

    app.include_router(results_routes(ctx))
    app.include_router(interview_routes(ctx))
    return app
