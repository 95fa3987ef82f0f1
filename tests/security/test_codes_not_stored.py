"""No row of any table holds a session code in any form; old rows are migrated on start."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import MetaData, select, text

from assistant.framework import get_framework
from assistant.interview.engine import InterviewEngine
from assistant.interview.state import Action
from assistant.sessions.codes import code_key
from assistant.sessions.db import make_engine
from assistant.sessions.store import SqlSessionStore
from tests.interview.conftest import through_intake
from tests.interview.fakes import CannedAnswerer, KeywordInterpreter, now


def forms(code: str) -> list[str]:
    """Every way the code could sit in a row: dashed, undashed, lower case, spaced."""
    raw = code.replace("-", "")
    return [code, raw, code.lower(), raw.lower(), code.replace("-", " ")]


def all_cells(engine) -> str:  # type: ignore[no-untyped-def]
    meta = MetaData()
    meta.reflect(engine)
    out: list[str] = []
    with engine.connect() as conn:
        for table in meta.sorted_tables:
            for row in conn.execute(select(table)):
                out.extend(str(v) for v in row)
    return "\n".join(out)


def leaks(engine, code: str) -> list[str]:  # type: ignore[no-untyped-def]
    cells = all_cells(engine)
    return [f for f in forms(code) if f in cells or f.upper() in cells.upper()]


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = SqlSessionStore(make_engine(f"sqlite:///{tmp_path / 's.sqlite3'}"))
    yield s
    s.engine.dispose()


def engine_on(store: SqlSessionStore) -> InterviewEngine:
    return InterviewEngine(
        get_framework(), KeywordInterpreter(), store, CannedAnswerer(), clock=now
    )


def test_an_interview_with_welcome_pause_and_typed_code_leaves_no_code_in_any_row(store):
    engine = engine_on(store)
    code, _ = through_intake(engine)
    raw = code.replace("-", "")
    engine.handle(code, f"my code is {code.lower()} and {raw}")
    engine.act(code, Action(kind="pause"))
    engine.resume(code)
    assert leaks(store.engine, code) == []
    # the person who holds the code still sees it where it was said
    history = engine.history(code)
    assert code in history[0].text
    assert any(code in m.text and "--resume" in m.text for m in history)


def test_rows_written_before_masking_are_migrated_at_start(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    first = SqlSessionStore(make_engine(url))
    code, _ = engine_on(first).start("en")
    with first.engine.begin() as conn:  # what the old version wrote: the code in clear
        conn.execute(text("DELETE FROM assistant_meta WHERE key = 'codes_masked_v1'"))
        conn.execute(
            text("UPDATE assistant_turns SET text = :t WHERE session_key = :k"),
            {
                "t": f"Your session code is {code}. Or {code.lower().replace('-', '')}.",
                "k": code_key(code),
            },
        )
    assert leaks(first.engine, code)
    first.engine.dispose()
    again = SqlSessionStore(make_engine(url))
    assert leaks(again.engine, code) == []
    assert code in again.turns(code)[0].text
    again.engine.dispose()


def test_nul_bytes_are_stripped_from_stored_text(store):
    engine = engine_on(store)
    code, _ = through_intake(engine)
    engine.handle(code, "we have a\x00 draft\x00 vision")
    assert "\x00" not in all_cells(store.engine)
    assert any("we have a draft vision" in t.text for t in store.turns(code))
