"""The real session store for the engine tests, and a log of what each of its commits wrote.

The engine tests run on `SqlSessionStore` over in-memory SQLite (what a user meets, minus the
file). `CommitLog` only observes it: SQLAlchemy events count the COMMITs that carried writes (as
tests/sessions/test_store.py counts commits) and collect the rows each one flushed, so a test can
say "this turn was one commit, and it held the answer and the next position".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event, inspect
from sqlalchemy.orm import Session

from assistant.models import CityProfile
from assistant.ports import StoredAnswer, Turn
from assistant.sessions.db import AnswerRow, SessionRow, TurnRow, make_engine
from assistant.sessions.store import SqlSessionStore
from tests.interview.fakes import now

WRITES = ("INSERT", "UPDATE", "DELETE")


def memory_store() -> SqlSessionStore:
    """A fresh real store on its own in-memory SQLite database."""
    return SqlSessionStore(make_engine("sqlite://"), clock=now)


def memory_copy(db_file: str) -> SqlSessionStore:
    """A real store on an in-memory copy of the SQLite file `db_file` (the file is not touched)."""
    engine = make_engine("sqlite://")
    source = sqlite3.connect(db_file)
    try:
        with engine.connect() as conn:
            source.backup(conn.connection.driver_connection)  # type: ignore[arg-type]
    finally:
        source.close()
    return SqlSessionStore(engine, clock=now)


@dataclass
class Commit:
    """What one committed transaction wrote, as read from the rows it flushed."""

    created: bool = False  # it inserted a new session row (`create`, `import_answers`)
    state: dict[str, object] | None = None  # the session's state, when the commit changed it
    profile: CityProfile | None = None  # the profile, when the commit changed it
    turns: list[Turn] = field(default_factory=list)
    answers: dict[str, StoredAnswer] = field(default_factory=dict)  # inserted or replaced
    deleted: list[str] = field(default_factory=list)  # element ids of deleted answers
    wrote: bool = False  # any INSERT/UPDATE/DELETE reached the database


def _changed(row: object, attr: str) -> bool:
    return bool(inspect(row).attrs[attr].history.has_changes())


class CommitLog:
    """Every committed write transaction on one engine, in order; `close()` stops listening."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.commits: list[Commit] = []
        self._open = Commit()
        self._crash_on_answer = False
        self._listeners: list[tuple[Any, str, Any]] = [
            (engine, "before_cursor_execute", self._on_execute),
            (engine, "commit", self._on_commit),
            (engine, "rollback", self._on_rollback),
            (Session, "after_flush", self._on_flush),
        ]
        for target, name, fn in self._listeners:
            event.listen(target, name, fn)

    def close(self) -> None:
        for target, name, fn in self._listeners:
            event.remove(target, name, fn)

    def crash_in_next_answer_commit(self) -> None:
        """The next commit that holds an answer dies (SystemExit, like a kill) before COMMIT."""
        self._crash_on_answer = True

    # --- listeners ---------------------------------------------------------------------------

    def _on_execute(self, _conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith(WRITES):
            self._open.wrote = True

    def _on_flush(self, session: Session, _context: Any) -> None:
        if session.bind is not self.engine:
            return
        c = self._open
        for row in session.new:
            if isinstance(row, SessionRow):
                c.created = True
            elif isinstance(row, TurnRow):
                c.turns.append(Turn(role=row.role, text=row.text, at=row.at))  # type: ignore[arg-type]
        for row in [*session.new, *session.dirty]:
            if isinstance(row, AnswerRow):
                c.answers[row.element_id] = StoredAnswer(
                    level=row.level,
                    evidence=row.evidence,
                    text=row.text,
                    confirmed_at=row.confirmed_at,
                )
            elif isinstance(row, SessionRow) and row not in session.new:
                if _changed(row, "state"):
                    c.state = dict(row.state)
                if _changed(row, "profile") and row.profile is not None:
                    c.profile = CityProfile.model_validate(row.profile)
        c.deleted += [row.element_id for row in session.deleted if isinstance(row, AnswerRow)]

    def _on_commit(self, _conn: Any) -> None:
        done, self._open = self._open, Commit()
        if not done.wrote:
            return  # a read-only transaction (every load commits its snapshot)
        if self._crash_on_answer and done.answers:
            self._crash_on_answer = False
            raise SystemExit("killed during the commit")
        self.commits.append(done)

    def _on_rollback(self, _conn: Any) -> None:
        self._open = Commit()


@contextmanager
def commit_log(store: SqlSessionStore) -> Iterator[CommitLog]:
    log = CommitLog(store.engine)
    try:
        yield log
    finally:
        log.close()
