"""make_session_store: SQLite in the data directory (WAL, synchronous=FULL) or a database URL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from assistant.sessions import make_session_store
from assistant.settings import Settings


def test_sqlite_in_a_new_data_dir(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "nested" / "data", database_url=None)
    store = make_session_store(settings)
    code = store.create("en")
    assert settings.sqlite_path.is_file()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    store.engine.dispose()
    # A plain sqlite3 connection (another process's view) sees the committed session.
    with sqlite3.connect(settings.sqlite_path) as raw:
        assert raw.execute("SELECT count(*) FROM assistant_sessions").fetchone() == (1,)
    assert make_session_store(settings).load(code) is not None


def test_database_url_wins(tmp_path: Path) -> None:
    url_db = tmp_path / "elsewhere.sqlite3"
    settings = Settings(data_dir=tmp_path / "data", database_url=f"sqlite:///{url_db}")
    store = make_session_store(settings)
    store.create("ja")
    assert url_db.is_file()
    assert not settings.sqlite_path.exists()


def test_in_memory_sqlite_for_other_tests() -> None:
    """`sqlite://` gives one shared in-memory database (handy for the engine's own tests)."""
    from assistant.sessions.db import make_engine
    from assistant.sessions.store import SqlSessionStore

    store = SqlSessionStore(make_engine("sqlite://"))
    code = store.create("en")
    loaded = store.load(code)
    assert loaded is not None
    assert loaded.code == code
