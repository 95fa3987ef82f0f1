"""Durable interview sessions: SQLite (WAL) in the data directory, or PostgreSQL by URL.

`make_session_store(settings)` is the one place that builds the database engine; the web app
caches the store, the CLI builds it once per process, tests pass a temporary one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.sessions.store import SqlSessionStore
    from assistant.settings import Settings


def make_session_store(settings: Settings) -> SqlSessionStore:
    """The store for these settings: `database_url` if set, else SQLite at `sqlite_path`."""
    from assistant.sessions.db import make_engine
    from assistant.sessions.store import SqlSessionStore

    if settings.database_url:
        return SqlSessionStore(make_engine(settings.database_url))
    path = settings.sqlite_path
    path.parent.mkdir(parents=True, exist_ok=True)
    return SqlSessionStore(make_engine(f"sqlite:///{path.resolve()}"))
