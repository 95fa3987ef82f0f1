"""A turn that cannot be saved (here: another program holds the session database's write lock)
shows one clear message, and the person's typed text is back in the chat box to send again."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

import assistant.sessions.db as db_module
from assistant.settings import Settings
from assistant.web import resources
from assistant.web.interview_page import INPUT
from tests.app.conftest import texts
from tests.app.test_interview import last_assistant, say, start, stored

ANSWER = "We have a draft vision from the IT department, not yet approved by the council."


@pytest.fixture
def short_lock_wait(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A session store (and engine) whose connections give up on a lock after 0.2 s."""
    monkeypatch.setattr(db_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    resources._session_store.clear()
    resources._engine.clear()
    yield
    resources._session_store.clear()  # later tests get the usual wait again
    resources._engine.clear()


def box(at: AppTest) -> str | None:
    """What the chat box shows without being sent (None: empty)."""
    proto = at.chat_input(key=INPUT).proto
    return proto.value if proto.set_value else None


def test_a_locked_database_keeps_the_typed_text_in_the_chat_box(
    app: AppTest, short_lock_wait: None
) -> None:
    at = start(app)
    code = at.query_params["code"]
    before = last_assistant(at)
    holder = sqlite3.connect(Settings().sqlite_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        at = say(at, ANSWER)
        assert not at.exception
        (error,) = texts(at.error)
        assert "locked by another program" in error and "confirmed earlier are safe" in error
        assert box(at) == ANSWER  # unsent, back in the box
        assert last_assistant(at) == before  # no proposal: the turn did not happen
        at = at.run()  # the next run (any click) does not send it by itself
        assert not at.exception and box(at) is None and not at.error
        assert last_assistant(at) == before
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    at = say(at, ANSWER)  # sent again once the lock is gone
    assert not at.exception and not at.error
    assert "level 2" in last_assistant(at)
    assert stored(code) == {}  # proposed, not confirmed


def test_a_locked_database_when_starting_keeps_the_form(
    app: AppTest, short_lock_wait: None
) -> None:
    at = app.run()  # the page is drawn (the store opened) before the lock is taken
    at.text_input(key="in-name").set_value("Lakeside")
    at.text_input(key="in-country").set_value("Example Republic")
    submit = next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:intake"))
    holder = sqlite3.connect(Settings().sqlite_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        at = submit.click().run()
        assert not at.exception  # not "This app has encountered an error"
        (error,) = texts(at.error)
        assert "locked by another program" in error and "Your text is kept" in error
        assert "code" not in at.query_params
        assert at.text_input(key="in-name").value == "Lakeside"  # the form as it was filled
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    submit = next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:intake"))
    at = submit.click().run()
    assert not at.exception and "code" in at.query_params
    assert "E01" in last_assistant(at)
