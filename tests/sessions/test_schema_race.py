"""Replicas that start together on a new database both create the schema; neither may fail
(two API processes on one PostgreSQL used to: CREATE TABLE raced on the catalogue's index)."""

from __future__ import annotations

import threading

from assistant.sessions.db import ensure_schema
from assistant.sessions.store import SqlSessionStore
from tests.sessions.conftest import Backend

STARTS = 6


def test_simultaneous_starts_on_a_new_database_all_succeed(backend: Backend) -> None:
    engines = [backend.new_engine() for _ in range(STARTS)]
    for e in engines:  # open a connection each first, so the starts really coincide
        with e.connect():
            pass
    gate = threading.Barrier(STARTS)
    errors: list[BaseException] = []

    def start(engine: object) -> None:
        gate.wait()
        try:
            ensure_schema(engine)  # type: ignore[arg-type]
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    store = SqlSessionStore(engines[0])  # the schema is whole and usable
    assert store.load(store.create("en")) is not None
