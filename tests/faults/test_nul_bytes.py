"""NUL bytes in what people type: PostgreSQL refuses them in text, so the store strips them from
every text it writes (turns, answers' evidence and text, the profile, the engine's state) and the
answer is saved; should one slip through, the refusal is told as a storage fault, not a traceback.

Runs on SQLite and PostgreSQL (the `backend` fixture of tests/sessions); PostgreSQL is the case
that matters: SQLite would keep the NUL, PostgreSQL raised "cannot contain NUL (0x00)" before.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from assistant.faults import fault_kind, storage_fault
from assistant.framework import get_framework
from assistant.interview.engine import InterviewEngine
from assistant.models import Answer, AnswersFile, CityProfile
from assistant.sessions.store import SqlSessionStore
from tests.interview.fakes import CannedAnswerer, KeywordInterpreter, now
from tests.sessions.conftest import Backend, FakeClock

NUL = "\x00"
# Every table the store writes, and the columns that hold text (JSON columns as their text).
TEXT_COLUMNS = {
    "assistant_sessions": ("key", "lang", "CAST(profile AS TEXT)", "CAST(state AS TEXT)"),
    "assistant_answers": ("session_key", "element_id", "evidence", "text"),
    "assistant_turns": ("session_key", "role", "text"),
    "assistant_meta": ("key", "value"),
}


def stored_texts(backend: Backend) -> dict[str, list[str]]:
    """Every text cell of every table, read back through SQL (not through the store)."""
    cells: dict[str, list[str]] = {}
    engine = backend.new_engine()
    with engine.connect() as conn:
        for table, columns in TEXT_COLUMNS.items():
            for row in conn.execute(text(f"SELECT {', '.join(columns)} FROM {table}")):
                cells.setdefault(table, []).extend(str(v) for v in row if v is not None)
    return cells


def assert_no_nul(backend: Backend) -> None:
    for table, values in stored_texts(backend).items():
        for value in values:  # the raw byte, or JSON's escape of it
            assert NUL not in value and "\\u0000" not in value, (table, value[:80])


def test_nul_in_an_interview_is_stripped_and_the_answer_saved(
    backend: Backend, clock: FakeClock
) -> None:
    store = SqlSessionStore(backend.new_engine(), clock=clock)
    engine = InterviewEngine(
        get_framework(), KeywordInterpreter(), store, CannedAnswerer(), clock=now
    )
    code, _ = engine.start("en")
    intake = [f"Spring{NUL}field", f"Uto{NUL}pia", "2", "city government", "1.2 million"]
    intake += [f"trans{NUL}port, health", "skip", "English"]
    for line in intake:
        engine.handle(code, line)
    engine.handle(code, f"We have a draft{NUL} vision approved{NUL} by council{NUL}")
    for _ in range(4):  # confirm what was proposed
        if store.load(code).answers:  # type: ignore[union-attr]
            break
        engine.handle(code, "yes")
    session = store.load(code)
    assert session is not None and session.profile is not None
    assert session.profile.name == "Springfield" and session.profile.country == "Utopia"
    assert session.profile.focus_sectors and "transport" in session.profile.focus_sectors[0]
    (saved,) = session.answers.values()
    assert saved.level is not None
    assert "draft vision approved by council" in saved.text
    assert NUL not in saved.evidence and saved.evidence
    assert any("draft vision" in t.text for t in store.turns(code))
    assert_no_nul(backend)


def test_nul_in_an_imported_file_is_stripped_and_every_answer_saved(
    backend: Backend, clock: FakeClock
) -> None:
    store = SqlSessionStore(backend.new_engine(), clock=clock)
    city = CityProfile(
        name=f"River{NUL}side",
        country=f"Ex{NUL}ample",
        city_type="regional_core",
        focus_sectors=[f"wa{NUL}ter"],
        focus_areas=[f"centre{NUL}"],
        note=f"an unknown{NUL} key",  # type: ignore[call-arg]
    )
    answers = {
        "E01": Answer(level=2, evidence=f"a draft{NUL} vision", text=f"we have{NUL} a draft"),  # type: ignore[call-arg]
        "E02": Answer(level=None, evidence=f"not{NUL} sure"),
    }
    code = store.import_answers(AnswersFile(city=city, answers=answers))
    session = store.load(code)
    assert session is not None and session.profile is not None
    assert session.profile.name == "Riverside" and session.profile.focus_sectors == ["water"]
    assert session.answers["E01"].evidence == "a draft vision"
    assert session.answers["E01"].text == "we have a draft"
    assert session.answers["E02"].level is None and session.answers["E02"].evidence == "not sure"
    assert_no_nul(backend)


def test_a_nul_the_database_refuses_is_told_as_a_fault(backend: Backend) -> None:
    """Had a NUL reached PostgreSQL, the person would read one clear line, not a traceback."""
    if backend.name != "postgresql":
        pytest.skip("SQLite stores NUL bytes; only PostgreSQL refuses them")
    engine = backend.new_engine()
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE nul_probe (t TEXT)"))
    with pytest.raises(DBAPIError) as caught, engine.begin() as conn:
        conn.execute(text("INSERT INTO nul_probe VALUES (:t)"), {"t": f"a{NUL}b"})
    assert fault_kind(caught.value) == "refused"
    message = storage_fault(caught.value, "ja")
    assert message is not None and "受け付けなかった" in message and "安全" in message
