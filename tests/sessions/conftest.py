"""Every store test runs on SQLite and on PostgreSQL.

PostgreSQL comes from ASSISTANT_TEST_DATABASE_URL (scripts/test.sh starts a server on loopback
and sets it). Unset, the PostgreSQL cases are skipped locally, but fail in CI (CI=true): CI must
prove both backends. Each PostgreSQL test gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from assistant.sessions.db import make_engine
from assistant.sessions.store import SqlSessionStore

PG_ENV = "ASSISTANT_TEST_DATABASE_URL"


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float = 1.0) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


@dataclass
class Backend:
    """One database for one test; `new_engine()` opens another, independent engine on it."""

    name: str
    url: str
    connect_args: dict[str, str] = field(default_factory=dict)
    engines: list[Engine] = field(default_factory=list)

    def new_engine(self) -> Engine:
        kwargs = {"connect_args": self.connect_args} if self.connect_args else {}
        engine = make_engine(self.url, **kwargs)
        self.engines.append(engine)
        return engine

    def dispose(self) -> None:
        for engine in self.engines:
            engine.dispose()


def _postgres_url() -> str:
    url = os.environ.get(PG_ENV, "").strip()
    if url:
        return url
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{PG_ENV} is not set: CI must run the session tests on PostgreSQL")
    pytest.skip(f"{PG_ENV} is not set (scripts/test.sh starts PostgreSQL and sets it)")


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "sqlite":
        b = Backend("sqlite", f"sqlite:///{tmp_path / 'sessions.sqlite3'}")
        yield b
        b.dispose()
        return
    url = _postgres_url()
    schema = f"t_{secrets.token_hex(6)}"
    admin = make_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    b = Backend("postgresql", url, connect_args={"options": f"-csearch_path={schema}"})
    try:
        yield b
    finally:
        b.dispose()
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture()
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture()
def store(backend: Backend, clock: FakeClock) -> SqlSessionStore:
    return SqlSessionStore(backend.new_engine(), clock=clock)


StoreFactory = Callable[[], SqlSessionStore]


@pytest.fixture()
def new_store(backend: Backend, clock: FakeClock) -> StoreFactory:
    """Another store on the same database through a fresh engine (new connections)."""
    return lambda: SqlSessionStore(backend.new_engine(), clock=clock)
