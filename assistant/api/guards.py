"""What stands in front of the routes: the body-size cap, per-client rate limits and an access
log that never shows a session code.

The rate limits are in-process token buckets keyed by the client's address (one replica counts
its own clients; behind a load balancer each replica limits what it sees). Buckets of idle
clients are forgotten, so the table stays small.
"""

from __future__ import annotations

import json
import logging
import math
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.api.problems import problem_response

access_log = logging.getLogger("assistant.api.access")

# /v1/sessions/<anything> : the segment after "sessions" may be a code; it is never logged.
_SESSION_PATH = re.compile(r"^(/v1/sessions/)[^/]+")
MAX_CLIENTS = 10_000


def redact_path(path: str) -> str:
    """The path as the access log shows it: a session code becomes ``{code}``."""
    return _SESSION_PATH.sub(r"\1{code}", path)


@dataclass
class TokenBucket:
    """``rate`` tokens per second up to ``burst``; ``take`` says how long to wait if empty."""

    rate: float
    burst: int
    tokens: float = field(init=False)
    stamp: float = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = float(self.burst)
        self.stamp = time.monotonic()

    def take(self, now: float) -> float:
        """0 when a token was taken, else the seconds until one will be there."""
        self.tokens = min(float(self.burst), self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return 0.0
        return (1.0 - self.tokens) / self.rate if self.rate > 0 else 60.0


class RateLimiter:
    """One token bucket per client address; thread-safe (sync routes run on a thread pool)."""

    def __init__(
        self, per_minute: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = max(per_minute, 0.0) / 60.0
        self.burst = max(burst, 1)
        self.clock = clock
        self._buckets: dict[str, TokenBucket] = {}
        self._lock = threading.Lock()

    def check(self, client: str) -> float:
        """0 if the client may go on, else the seconds to wait (for ``Retry-After``)."""
        now = self.clock()
        with self._lock:
            bucket = self._buckets.get(client)
            if bucket is None:
                if len(self._buckets) >= MAX_CLIENTS:
                    self._forget_idle(now)
                bucket = self._buckets[client] = TokenBucket(self.rate, self.burst)
                bucket.stamp = now
            return bucket.take(now)

    def _forget_idle(self, now: float) -> None:
        """Drop the buckets that have refilled (their clients are idle); then the oldest."""
        full = [
            k
            for k, b in self._buckets.items()
            if b.tokens + (now - b.stamp) * self.rate >= self.burst
        ]
        for k in full:
            del self._buckets[k]
        if len(self._buckets) >= MAX_CLIENTS:
            for k in sorted(self._buckets, key=lambda k: self._buckets[k].stamp)[
                : MAX_CLIENTS // 10
            ]:
                del self._buckets[k]


def retry_after(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))


def _encodable(body: bytes) -> bool:
    """False for JSON whose strings cannot be stored as UTF-8 (a lone surrogate such as
    ``"\\udab3"``: SQLite keeps it, PostgreSQL refuses it, so the API refuses it first)."""
    if b"\\u" not in body:
        return True
    try:
        return _walk(json.loads(body))
    except (ValueError, RecursionError):
        return True  # not JSON: the route's own validation answers


def _walk(value: object) -> bool:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(_walk(k) and _walk(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_walk(v) for v in value)
    return True


class BodyLimit:
    """Refuse bodies over ``limit`` bytes with 413: by Content-Length up front, and by counting
    as the body is read (at most ``limit`` bytes, then replayed to the app). JSON strings that
    cannot be UTF-8 are refused with 422 here, once for every route."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared > self.limit or declared < 0:
                    await self._refuse(scope, receive, send)
                    return
        if scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        buffered = await self._buffered(scope, receive, send)
        if buffered is None:
            return
        body, receive = buffered
        if body and not _encodable(body):
            response = problem_response(
                422, "The request is not valid",
                type_="urn:assistant:problem:invalid-request",
                detail="text must be valid Unicode (no lone surrogates)",
            )  # fmt: skip
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _buffered(
        self, scope: Scope, receive: Receive, send: Send
    ) -> tuple[bytes, Receive] | None:
        """The body read up to the limit and a ``receive`` that replays it; None if refused."""
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            seen += len(chunks[-1])
            if seen > self.limit:
                await self._refuse(scope, receive, send)
                return None
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        return body, replay

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem_response(413, detail=f"request bodies are limited to {self.limit} bytes")
        await response(scope, receive, send)


class AccessLog:
    """One line per request: client, method, path with any session code redacted, status, time.

    Replaces uvicorn's access log (which prints the raw path); headers are never logged.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def watched(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watched)
        finally:
            client = scope.get("client") or ("-", 0)
            access_log.info(
                '%s - "%s %s" %d %.1fms',
                client[0],
                scope.get("method", "-"),
                redact_path(scope.get("path", "")),
                status,
                (time.perf_counter() - start) * 1000,
            )
