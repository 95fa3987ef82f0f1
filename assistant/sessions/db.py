"""The session tables and the engine: SQLite (WAL, synchronous=FULL) or PostgreSQL.

A session row is keyed by the SHA-256 of its code, never the code itself, so the database alone
does not let anyone resume a session. A one-row meta table records the schema version so that a
later change can be detected (and migrated) instead of silently misread.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    create_engine,
    event,
    text,
)
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship
from sqlalchemy.pool import StaticPool

SCHEMA_VERSION = 1
SQLITE_BUSY_TIMEOUT_MS = 10_000
READ_ONLY = "assistant_read_only"  # execution option: a read needs no SQLite write lock


class SchemaVersionError(RuntimeError):
    """The database was written by a different version of the session schema."""


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite has no time zones; naive means UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value if dialect.name == "postgresql" else value.replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class MetaRow(Base):
    __tablename__ = "assistant_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class SessionRow(Base):
    __tablename__ = "assistant_sessions"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 hex of the code
    lang: Mapped[str] = mapped_column(String(8))
    profile: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    turn_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)

    answers: Mapped[list[AnswerRow]] = relationship(
        back_populates="session", cascade="all, delete-orphan", passive_deletes=True
    )


class AnswerRow(Base):
    __tablename__ = "assistant_answers"

    session_key: Mapped[str] = mapped_column(
        ForeignKey("assistant_sessions.key", ondelete="CASCADE"), primary_key=True
    )
    element_id: Mapped[str] = mapped_column(String(8), primary_key=True)
    level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    evidence: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    confirmed_at: Mapped[datetime] = mapped_column(UtcDateTime)

    session: Mapped[SessionRow] = relationship(back_populates="answers")


class TurnRow(Base):
    __tablename__ = "assistant_turns"
    __table_args__ = (UniqueConstraint("session_key", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_key: Mapped[str] = mapped_column(
        ForeignKey("assistant_sessions.key", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


def _is_memory_sqlite(url: str) -> bool:
    u = make_url(url)
    return u.get_backend_name() == "sqlite" and u.database in (None, "", ":memory:")


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`; SQLite gets WAL, synchronous=FULL and write-locking transactions.

    `BEGIN IMMEDIATE` takes SQLite's write lock at the start of every transaction, so two
    processes (the web app and the CLI) wait for each other instead of failing on a lock upgrade.
    A connection with the `READ_ONLY` option begins a plain (deferred) transaction: under WAL
    it reads a snapshot, so another program holding the write lock does not stop pages showing.
    """
    backend = make_url(url).get_backend_name()
    if backend != "sqlite":
        return create_engine(url, pool_pre_ping=True, **kwargs)
    connect_args = {"check_same_thread": False, **kwargs.pop("connect_args", {})}
    if _is_memory_sqlite(url):
        kwargs.setdefault("poolclass", StaticPool)
    engine = create_engine(url, connect_args=connect_args, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" event below issues BEGIN
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        read_only = conn.get_execution_options().get(READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def _version_row(engine: Engine, record: bool) -> str | None:
    with Session(engine) as s, s.begin():
        row = s.get(MetaRow, "schema_version")
        if row is not None:
            return row.value
        if record:
            s.add(MetaRow(key="schema_version", value=str(SCHEMA_VERSION)))
            return str(SCHEMA_VERSION)
        return None


# Any constant shared by every process of the product: the key of PostgreSQL's advisory lock.
_SCHEMA_LOCK = 0x5C_A55E55


def ensure_schema(engine: Engine) -> None:
    """Create the tables if missing and check (or record) the schema version.

    Replicas starting together on a new PostgreSQL database would both run CREATE TABLE and one
    would fail on the catalogue's unique index; a transaction-level advisory lock makes them
    take turns (SQLite's own file lock already does).
    """
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
        Base.metadata.create_all(conn)
    try:
        found = _version_row(engine, record=True)
    except IntegrityError:  # another process recorded it at the same moment
        found = _version_row(engine, record=False)
    if found != str(SCHEMA_VERSION):
        raise SchemaVersionError(
            f"session database has schema version {found}; this version of the assistant "
            f"expects {SCHEMA_VERSION}"
        )
