"""What every route shares: the collaborators, the rate limiters, the per-session turn locks and
the small steps (read the code, call the engine, map its errors) the routes are built from.

One ``ApiContext`` per app; it holds no per-user data (the locks are striped by the code's hash
and guard only the instant of a turn).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Path, Request

from assistant.answers_io import InputError
from assistant.api.guards import RateLimiter
from assistant.api.problems import ApiProblem
from assistant.api.resources import Collaborators
from assistant.api.security import auth_header, header_code
from assistant.interview.engine import SessionNotFound
from assistant.models import AnswersFile, Lang
from assistant.ports import ConcurrentTurnError
from assistant.sessions.codes import code_key
from assistant.sessions.store import SessionNotFoundError

HEADER_PLACEHOLDER = "-"
CODE_DOC = "The session code, or `-` for the one in the Authorization header."
LOCK_STRIPES = 256
T = TypeVar("T")


class TooMany(Exception):
    """A rate limit was hit: the app answers 429 with Retry-After."""

    def __init__(self, wait: float) -> None:
        super().__init__("rate limited")
        self.wait = wait


class ApiContext:
    """The collaborators and limiters of one app, and the steps its routes share."""

    def __init__(self, collab: Collaborators, creating: RateLimiter, looking_up: RateLimiter):
        self.collab = collab
        self.engine = collab.engine
        self.store = collab.store
        self.fw = collab.framework
        self.creating = creating
        self.looking_up = looking_up
        self._stripes = [threading.Lock() for _ in range(LOCK_STRIPES)]

    def limit(self, limiter: RateLimiter, request: Request) -> None:
        wait = limiter.check(request.client.host if request.client else "-")
        if wait > 0:
            raise TooMany(wait)

    def session_code(
        self,
        request: Request,
        code: Annotated[str, Path(max_length=200, description=CODE_DOC, examples=["-"])],
        authorization: Annotated[str | None, Depends(auth_header)] = None,
    ) -> str:
        """The session's code from the path or from ``Authorization: Session <code>``."""
        self.limit(self.looking_up, request)
        header = header_code(authorization)
        if code == HEADER_PLACEHOLDER:
            if header is None:
                raise ApiProblem("code-required", "send Authorization: Session <code>",
                                 {"WWW-Authenticate": "Session"})  # fmt: skip
            return header
        if header is not None and code_key(header) != code_key(code):
            raise ApiProblem("conflicting-codes")
        return code

    def engine_call(self, code: str, fn: Callable[..., T], *args: Any) -> T:
        """One engine call on a session, one at a time per session in this process (two tabs
        sending at once); another process's turn in between is the engine's retry, and a
        session that keeps moving under it is a 409."""
        lock = self._stripes[int(code_key(code)[:8], 16) % LOCK_STRIPES]
        try:
            with lock:
                return fn(code, *args)
        except (SessionNotFound, SessionNotFoundError) as exc:
            raise ApiProblem("session-not-found") from exc
        except InputError as exc:
            raise ApiProblem("limit-exceeded", str(exc)) from exc
        except ConcurrentTurnError as exc:
            raise ApiProblem("concurrent-turn") from exc

    def answers_of(self, code: str) -> AnswersFile:
        answers = self.engine_call(code, self.engine.answers_file)
        if answers is None:
            raise ApiProblem("no-profile-yet", "finish the intake first")
        return answers

    def lang_of(self, code: str, lang: Lang | None) -> Lang:
        if lang is not None:
            return lang
        session = self.store.load(code)
        if session is None:
            raise ApiProblem("session-not-found")
        found = session.state.get("lang", session.lang)
        return "ja" if found == "ja" else "en"
