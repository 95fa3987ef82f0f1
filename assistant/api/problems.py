"""RFC 9457 problem details: every error the API returns is ``application/problem+json`` with one
clear title, never a traceback and never the input echoed back.

Plain HTTP failures (404, 405, 413, 429, 500, ...) use ``type: about:blank`` and the status
phrase as the title, as the RFC asks; the API's own failures have a ``urn:assistant:problem:``
type and a title that says what went wrong.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("assistant.api")

# The API's own problem types: slug -> (status, title).
PROBLEMS: dict[str, tuple[int, str]] = {
    "invalid-request": (422, "The request is not valid"),
    "malformed-json": (400, "The request body is not valid JSON"),
    "session-not-found": (404, "No session with that code"),
    "code-required": (401, "A session code is required"),
    "conflicting-codes": (400, "The path and the Authorization header name different sessions"),
    "no-profile-yet": (409, "This session has no city profile yet"),
    "limit-exceeded": (422, "The input is over a limit"),
    "invalid-answers": (422, "The answers file is not valid"),
    "knowledge-unavailable": (503, "The knowledge base is not available"),
    "format-not-available": (501, "This report format is not available on this server"),
    "concurrent-turn": (409, "The session changed while this turn ran: send it again"),
}


class Problem(BaseModel):
    """The problem+json body (RFC 9457); ``errors`` lists what was wrong with a request."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    errors: list[dict[str, Any]] | None = None


class ApiProblem(Exception):
    """Raised by a route: becomes the problem of that slug, with an optional detail."""

    def __init__(
        self, slug: str, detail: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(slug)
        self.slug = slug
        self.detail = detail
        self.headers = headers


def problem_response(
    status: int,
    title: str | None = None,
    *,
    type_: str = "about:blank",
    detail: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = Problem(
        type=type_,
        title=title or HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        errors=errors,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=status,
        headers=headers,
        media_type=MEDIA_TYPE,
    )


def api_problem(
    slug: str, detail: str | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    status, title = PROBLEMS[slug]
    return problem_response(
        status, title, type_=f"urn:assistant:problem:{slug}", detail=detail, headers=headers
    )


# Union members named in pydantic's error locations: not part of the body a client wrote.
UNION_MEMBERS = {"TextTurn", "ChoiceTurn"}


def _loc(parts: Any) -> list[str]:
    return [
        str(p)
        for p in parts
        if not (isinstance(p, str) and (p.startswith("function-") or p in UNION_MEMBERS))
    ]


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Where and what, without the offending input (hostile input is not echoed)."""
    return [
        {
            "loc": _loc(e.get("loc", ())),
            "msg": str(e.get("msg", "")),
            "type": e.get("type"),
        }
        for e in exc.errors()
    ][:20]


def install(app: FastAPI) -> None:
    """Route every error through problem+json."""

    @app.exception_handler(ApiProblem)
    async def _api(_request: Request, exc: ApiProblem) -> JSONResponse:
        return api_problem(exc.slug, exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _validation_errors(exc)
        if any(e["type"] == "json_invalid" for e in errors):
            return api_problem("malformed-json")
        status, title = PROBLEMS["invalid-request"]
        return problem_response(
            status, title, type_="urn:assistant:problem:invalid-request", errors=errors
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem_response(exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _crash(_request: Request, exc: Exception) -> JSONResponse:
        log.error("internal error: %s", type(exc).__name__, exc_info=exc)
        return problem_response(500)


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {
        "model": Problem,
        "content": {MEDIA_TYPE: {}},
        "description": HTTPStatus(status).phrase,
    }
    for status in (400, 401, 404, 409, 413, 422, 429, 500, 501, 503)
}
