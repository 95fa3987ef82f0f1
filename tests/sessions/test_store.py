"""SqlSessionStore on SQLite and PostgreSQL: durability, codes that reveal nothing, limits."""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, func, select, text, update
from sqlalchemy.orm import Session

import assistant.sessions.store as store_module
from assistant.answers_io import InputError
from assistant.models import Answer, AnswersFile, CityProfile
from assistant.ports import ConcurrentTurnError, SessionStore, StoredAnswer, Turn
from assistant.sessions.codes import CODE_BITS, new_code, normalise_code
from assistant.sessions.db import MetaRow, SchemaVersionError, SessionRow
from assistant.sessions.store import (
    MAX_ANSWER_CHARS,
    SessionLimitError,
    SessionNotFoundError,
    SqlSessionStore,
)
from tests.conftest import make_answers
from tests.sessions.conftest import FakeClock, StoreFactory

CODE_SHAPE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$")


def profile(name: str = "Riverside", **extra: object) -> CityProfile:
    return CityProfile(name=name, country="Example Republic", city_type="regional_core", **extra)  # type: ignore[arg-type]


def answer(
    level: int | None, evidence: str = "a draft vision", at: datetime | None = None
) -> StoredAnswer:
    return StoredAnswer(
        level=level,
        evidence=evidence,
        text=f"we have {evidence}",
        confirmed_at=at or datetime(2026, 1, 2, 9, 0, 0, 123456, tzinfo=UTC),
    )


def session_count(store: SqlSessionStore) -> int:
    with Session(store.engine) as s:
        return int(s.scalar(select(func.count()).select_from(SessionRow)) or 0)


def test_implements_the_protocol(store: SqlSessionStore) -> None:
    as_protocol: SessionStore = store
    assert as_protocol.load(as_protocol.create("en")) is not None


def test_create_then_load_round_trip(store: SqlSessionStore, clock: FakeClock) -> None:
    code = store.create("ja")
    loaded = store.load(code)
    assert loaded is not None
    assert loaded.code == code
    assert loaded.lang == "ja"
    assert loaded.profile is None
    assert loaded.answers == {}
    assert loaded.state == {}
    assert loaded.created_at == clock.now == loaded.updated_at
    assert loaded.created_at.tzinfo is not None


def test_profile_round_trip_keeps_extra_keys(store: SqlSessionStore, clock: FakeClock) -> None:
    code = store.create("en")
    created = clock.now
    clock.advance(60)
    city = profile("渋谷", population=230_000, focus_sectors=["transport"], mayor="A. Name")
    store.save_profile(code, city)
    loaded = store.load(code)
    assert loaded is not None
    assert loaded.profile == city
    assert loaded.profile.model_extra == {"mayor": "A. Name"}
    assert loaded.created_at == created
    assert loaded.updated_at == clock.now


def test_confirmed_answer_is_visible_to_a_new_engine_at_once(
    store: SqlSessionStore, new_store: StoreFactory
) -> None:
    code = store.create("en")
    saved = answer(3)
    store.save_answer(code, "E05", saved)
    other = new_store().load(code)  # a separate engine: new connections, no shared cache
    assert other is not None
    assert other.answers == {"E05": saved}


def test_answer_update_and_delete(store: SqlSessionStore, new_store: StoreFactory) -> None:
    code = store.create("en")
    store.save_answer(code, "E01", answer(1, "a plan"))
    store.save_answer(code, "E02", answer(None, "don't know"))
    later = answer(4, "a council-approved vision", at=datetime(2026, 2, 1, tzinfo=UTC))
    store.save_answer(code, "E01", later)
    loaded = new_store().load(code)
    assert loaded is not None
    assert loaded.answers["E01"] == later
    assert loaded.answers["E02"].level is None
    assert loaded.answers["E02"].evidence == "don't know"

    store.delete_answer(code, "E01")
    store.delete_answer(code, "E07")  # never answered: nothing to delete, no error
    loaded = new_store().load(code)
    assert loaded is not None
    assert set(loaded.answers) == {"E02"}


def test_state_round_trip_and_updated_at(store: SqlSessionStore, clock: FakeClock) -> None:
    code = store.create("en")
    state: dict[str, object] = {
        "phase": "elements",
        "index": 7,
        "history": [{"element": "E03", "level": None}],
        "pending": {"level": 2, "confidence": 0.75, "note": "日本語"},
    }
    clock.advance(5)
    store.save_state(code, state)
    loaded = store.load(code)
    assert loaded is not None
    assert loaded.state == state
    assert loaded.updated_at == clock.now
    store.save_state(code, {"phase": "done"})
    loaded = store.load(code)
    assert loaded is not None
    assert loaded.state == {"phase": "done"}


def test_state_must_be_json(store: SqlSessionStore) -> None:
    code = store.create("en")
    store.save_state(code, {"ok": True})
    with pytest.raises(TypeError):
        store.save_state(code, {"when": datetime.now(UTC)})
    loaded = store.load(code)
    assert loaded is not None
    assert loaded.state == {"ok": True}


def test_turns_keep_order_role_and_time(store: SqlSessionStore, new_store: StoreFactory) -> None:
    code = store.create("en")
    t0 = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
    turns = [
        Turn(role="assistant", text="What is your city's vision?", at=t0),
        Turn(role="user", text="We have a draft.", at=t0 + timedelta(seconds=5)),
        Turn(role="system", text="saved E01", at=t0 + timedelta(seconds=6)),
        Turn(role="user", text="", at=t0 + timedelta(seconds=9)),
    ]
    for t in turns:
        store.add_turn(code, t)
    assert new_store().turns(code) == turns
    other = store.create("en")
    assert store.turns(other) == []


@pytest.mark.parametrize(
    "wrong",
    ["", "abc", "K7Q4-" * 7, "x" * 10_000, "ÄÖÜ-🙂", "0000-0000-0000-0000-0000-0000-0000"],
)
def test_wrong_or_malformed_code_reveals_nothing(store: SqlSessionStore, wrong: str) -> None:
    store.create("en")
    assert store.load(wrong) is None
    assert store.export(wrong) is None
    assert store.turns(wrong) == []
    writes = [
        lambda: store.save_profile(wrong, profile()),
        lambda: store.save_answer(wrong, "E01", answer(1)),
        lambda: store.delete_answer(wrong, "E01"),
        lambda: store.save_state(wrong, {}),
        lambda: store.add_turn(wrong, Turn(role="user", text="hi", at=datetime.now(UTC))),
    ]
    for write in writes:
        with pytest.raises(SessionNotFoundError) as exc:
            write()
        assert str(exc.value) == "no session with that code"


def test_codes_are_unique_long_and_forgiving(store: SqlSessionStore) -> None:
    assert CODE_BITS >= 128
    codes = {store.create("en") for _ in range(50)}
    assert len(codes) == 50
    assert all(CODE_SHAPE.match(c) for c in codes)
    assert len({new_code() for _ in range(20_000)}) == 20_000

    code = next(iter(codes))
    typed = [
        code.lower(),
        code.replace("-", ""),
        " " + code.replace("-", " ") + "\n",
        code.replace("0", "O").replace("1", "l"),
    ]
    for variant in typed:
        loaded = store.load(variant)
        assert loaded is not None, variant
        assert loaded.code == code
    assert normalise_code(code[:-1]) is None
    assert normalise_code(code + "0") is None


def test_database_holds_no_codes(store: SqlSessionStore) -> None:
    code = store.create("en")
    store.save_answer(code, "E01", answer(2))
    raw = code.replace("-", "")
    with store.engine.connect() as conn:
        dumped = " ".join(
            str(row)
            for table in ("assistant_sessions", "assistant_answers", "assistant_meta")
            for row in conn.execute(text(f"SELECT * FROM {table}"))
        )
    assert raw not in dumped
    assert code not in dumped
    assert raw.lower() not in dumped.lower()


def test_export_then_import_round_trip(store: SqlSessionStore, new_store: StoreFactory) -> None:
    levels: dict[str, int | None] = {f"E{i:02d}": i % 5 for i in range(1, 22)}
    levels["E09"] = None
    original = make_answers(levels, city_type="metropolis", language="ja", population=1_400_000)
    original.answers["E03"] = Answer(level=2, evidence="a pilot", text="We ran a pilot last year.")
    code = store.import_answers(original)
    loaded = new_store().load(code)
    assert loaded is not None
    assert loaded.lang == "ja"
    assert len(loaded.answers) == 21
    assert loaded.answers["E03"].text == "We ran a pilot last year."
    exported = store.export(code)
    assert exported == original
    again = store.import_answers(exported)
    assert again != code
    assert store.export(again) == original


def test_export_of_an_interview_session(store: SqlSessionStore) -> None:
    code = store.create("en")
    store.save_profile(code, profile())
    store.save_answer(code, "E01", answer(2, "a draft vision"))
    store.save_answer(code, "E02", answer(None, "don't know"))
    exported = store.export(code)
    assert exported is not None
    assert exported.city == profile()
    assert exported.answers["E01"].level == 2
    assert exported.answers["E02"].level is None
    assert exported.answers["E02"].evidence == "don't know"
    assert exported.answers["E02"].model_extra == {"text": "we have don't know"}


def test_export_without_profile_says_why(store: SqlSessionStore) -> None:
    code = store.create("en")
    with pytest.raises(InputError, match="no city profile"):
        store.export(code)


def test_malformed_import_changes_nothing(store: SqlSessionStore) -> None:
    store.import_answers(make_answers(2))
    before = session_count(store)
    bad_level = AnswersFile.model_construct(
        schema_version=1,
        city=profile(),
        answers={"E01": Answer.model_construct(level=9, evidence="")},
    )
    with pytest.raises(InputError, match=r"answers\.E01\.level"):
        store.import_answers(bad_level)
    too_long = make_answers(1)
    too_long.answers["E04"] = Answer(level=1, evidence="ok", text="x" * (MAX_ANSWER_CHARS + 1))
    with pytest.raises(SessionLimitError, match="E04"):
        store.import_answers(too_long)
    assert session_count(store) == before


def test_import_is_all_or_nothing(store: SqlSessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure after the session row and some answers were written rolls all of it back."""
    before = session_count(store)
    real = store_module.AnswerRow
    made: list[int] = []

    def failing_row(**kwargs: object) -> object:
        made.append(1)
        if len(made) == 10:
            raise RuntimeError("disk on fire")
        return real(**kwargs)

    monkeypatch.setattr(store_module, "AnswerRow", failing_row)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.import_answers(make_answers(3))
    assert len(made) == 10
    assert session_count(store) == before


def test_answer_limits(store: SqlSessionStore) -> None:
    code = store.create("en")
    at = datetime(2026, 1, 1, tzinfo=UTC)
    longest = "x" * MAX_ANSWER_CHARS
    store.save_answer(
        code, "E01", StoredAnswer(level=1, evidence=longest, text=longest, confirmed_at=at)
    )
    with pytest.raises(SessionLimitError, match="E03 answer text is 5001 characters"):
        store.save_answer(code, "E03", StoredAnswer(level=1, text=longest + "x", confirmed_at=at))
    with pytest.raises(SessionLimitError, match="E02 evidence is 5001 characters"):
        store.save_answer(code, "E02", answer(1, "x" * (MAX_ANSWER_CHARS + 1)))
    with pytest.raises(SessionLimitError, match="unknown element id"):
        store.save_answer(code, "E22", answer(1))
    loaded = store.load(code)
    assert loaded is not None
    assert set(loaded.answers) == {"E01"}


def test_turn_limits(store: SqlSessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "MAX_TURNS", 3)
    code = store.create("en")
    at = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(3):
        store.add_turn(code, Turn(role="user", text=f"turn {i}", at=at))
    with pytest.raises(SessionLimitError, match="limit of 3 turns"):
        store.add_turn(code, Turn(role="user", text="one too many", at=at))
    other = store.create("en")
    with pytest.raises(SessionLimitError, match="limit is"):
        store.add_turn(
            other, Turn(role="assistant", text="x" * (store_module.MAX_TURN_CHARS + 1), at=at)
        )
    assert [t.text for t in store.turns(code)] == ["turn 0", "turn 1", "turn 2"]
    assert store.turns(other) == []


def test_schema_version_is_recorded_and_checked(
    store: SqlSessionStore, new_store: StoreFactory
) -> None:
    with Session(store.engine) as s:
        assert s.get(MetaRow, "schema_version") is not None
    new_store()  # the same version again: fine
    with Session(store.engine) as s, s.begin():
        s.execute(update(MetaRow).where(MetaRow.key == "schema_version").values(value="999"))
    with pytest.raises(SchemaVersionError, match="999"):
        new_store()


def test_list_sessions_shows_no_codes(store: SqlSessionStore, clock: FakeClock) -> None:
    first = store.create("en")
    store.save_profile(first, profile("Riverside"))
    store.save_answer(first, "E01", answer(2))
    store.save_answer(first, "E02", answer(None))
    clock.advance(60)
    second = store.create("ja")
    rows = store.list_sessions()
    assert [(r.city, r.answered, r.lang) for r in rows] == [(None, 0, "ja"), ("Riverside", 2, "en")]
    shown = " ".join(r.model_dump_json() for r in rows)
    for code in (first, second):
        assert code.replace("-", "") not in shown.replace("-", "")


# --- commit_turn: everything one interview turn writes, in one transaction -------------------


def commits_on(store: SqlSessionStore) -> list[int]:
    """A list that grows by one on every COMMIT the store's engine sends."""
    seen: list[int] = []
    event.listen(store.engine, "commit", lambda _conn: seen.append(1))
    return seen


def turn(text_: str, role: str = "user") -> Turn:
    return Turn(role=role, text=text_, at=datetime(2026, 1, 3, tzinfo=UTC))  # type: ignore[arg-type]


def snapshot(store: SqlSessionStore, code: str) -> tuple[object, ...]:
    loaded = store.load(code)
    assert loaded is not None
    return (loaded.state, loaded.answers, loaded.profile, loaded.updated_at, store.turns(code))


def test_commit_turn_writes_every_part_in_one_commit(
    store: SqlSessionStore, new_store: StoreFactory, clock: FakeClock
) -> None:
    code = store.create("en")
    store.save_answer(code, "E02", answer(1))
    store.add_turn(code, turn("earlier"))
    commits = commits_on(store)
    stamp = clock.advance(5)
    store.commit_turn(
        code,
        state={"phase": "element", "element": "E03"},
        turns=[turn("yes"), turn("Saved E01.", "assistant")],
        answers={"E01": answer(3, "an adopted vision")},
        delete_answers=["E02"],
        profile=profile(),
    )
    assert len(commits) == 1
    other = new_store()  # another engine sees all of it at once
    loaded = other.load(code)
    assert loaded is not None
    assert loaded.state == {"phase": "element", "element": "E03"}
    assert set(loaded.answers) == {"E01"} and loaded.answers["E01"].level == 3
    assert loaded.profile == profile() and loaded.updated_at == stamp
    assert [(t.role, t.text) for t in other.turns(code)] == [
        ("user", "earlier"),
        ("user", "yes"),
        ("assistant", "Saved E01."),
    ]


def test_commit_turn_with_an_invalid_answer_writes_nothing(store: SqlSessionStore) -> None:
    code = store.create("en")
    store.commit_turn(code, state={"element": "E01"}, turns=[turn("first")])
    before = snapshot(store, code)
    for bad in ({"E22": answer(2)}, {"E01": answer(2, "x" * (MAX_ANSWER_CHARS + 1))}):
        with pytest.raises(SessionLimitError):
            store.commit_turn(
                code,
                state={"element": "E02"},
                turns=[turn("yes"), turn("Saved.", "assistant")],
                answers={"E03": answer(1), **bad},
                profile=profile(),
            )
    with pytest.raises(TypeError, match="plain JSON"):
        store.commit_turn(code, state={"x": object()}, answers={"E01": answer(1)})
    assert snapshot(store, code) == before


def test_commit_turn_failing_inside_the_transaction_rolls_everything_back(
    store: SqlSessionStore, new_store: StoreFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The turn limit is checked after the state and the answer are written: all undone."""
    monkeypatch.setattr(store_module, "MAX_TURNS", 3)
    code = store.create("en")
    store.commit_turn(code, state={"element": "E01"}, turns=[turn("a"), turn("b", "assistant")])
    before = snapshot(store, code)
    with pytest.raises(SessionLimitError, match="limit of 3 turns"):
        store.commit_turn(
            code,
            state={"element": "E02"},
            turns=[turn("yes"), turn("Saved.", "assistant")],
            answers={"E01": answer(2)},
            delete_answers=["E05"],
            profile=profile(),
        )
    assert snapshot(new_store(), code) == before
    store.commit_turn(code, turns=[turn("c")])  # exactly at the limit still fits
    assert [t.text for t in store.turns(code)] == ["a", "b", "c"]


def test_commit_turn_on_a_wrong_code_writes_nothing(store: SqlSessionStore) -> None:
    with pytest.raises(SessionNotFoundError):
        store.commit_turn(new_code(), state={"x": 1}, answers={"E01": answer(1)})
    assert session_count(store) == 0


def test_single_purpose_writes_are_one_commit_each(store: SqlSessionStore) -> None:
    code = store.create("en")
    commits = commits_on(store)
    store.save_state(code, {"a": 1})
    store.add_turn(code, turn("x"))
    store.save_answer(code, "E01", answer(1))
    store.delete_answer(code, "E01")
    store.save_profile(code, profile())
    assert len(commits) == 5


def test_racing_turns_from_two_processes_lose_no_update(
    store: SqlSessionStore, new_store: StoreFactory
) -> None:
    """Each writer reads the position, then commits the next one only if it has not moved:
    with the row locked for the check, every one of the increments lands (none overwritten)."""
    code = store.create("en")
    store.commit_turn(code, state={"turn": 0})
    stores = [new_store(), new_store()]
    per_writer = 15

    def writer(s: SqlSessionStore) -> None:
        done = 0
        while done < per_writer:
            loaded = s.load(code)
            assert loaded is not None
            seen = loaded.state["turn"]
            try:
                s.commit_turn(code, state={"turn": seen + 1}, expect_turn=seen)
            except ConcurrentTurnError:
                continue
            done += 1

    threads = [threading.Thread(target=writer, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    final = store.load(code)
    assert final is not None and final.state["turn"] == per_writer * len(stores)
