"""`SqlSessionStore`: the durable SessionStore on SQLAlchemy (SQLite or PostgreSQL).

Every write method runs in one transaction and commits before it returns, so an answer the
engine has confirmed to the person is on disk even if the process is killed right after.
`commit_turn` writes all a turn changes (state, turns, answers, profile) in one commit; the
single-purpose writers are that call with one part filled in.
A wrong or malformed code reads as None and writes as `SessionNotFoundError`, the same for both.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from assistant.answers_io import InputError, describe_validation_error
from assistant.limits import MAX_EVIDENCE, MAX_TURN_CHARS
from assistant.models import ELEMENT_IDS, AnswersFile, CityProfile, Lang
from assistant.ports import ConcurrentTurnError, StoredAnswer, StoredSession, Turn
from assistant.sessions.answers import answers_file
from assistant.sessions.codes import code_key, format_code, new_code, normalise_code
from assistant.sessions.db import READ_ONLY, AnswerRow, SessionRow, TurnRow, ensure_schema
from assistant.sessions.redact import clean, deep, mask, migrate_masked_codes, unmask

MAX_ANSWER_CHARS = MAX_EVIDENCE  # an answer's evidence and typed text (the answers file's cap)
MAX_TURNS = 2_000  # per session; an interview of 21 elements needs a few hundred at most
MAX_STATE_CHARS = 1_000_000  # the engine's state as JSON


class SessionNotFoundError(InputError, LookupError):
    """No session with that code (wrong and malformed codes are not told apart)."""

    def __init__(self) -> None:
        super().__init__("no session with that code")


class SessionLimitError(InputError):
    """An input is over one of the store's limits; the message names the limit."""


class SessionSummary(BaseModel):
    """One line of `assistant sessions`: no code (only its hash is stored), a short id instead."""

    short_id: str
    lang: Lang
    city: str | None
    answered: int  # confirmed answers, "don't know" included (as the Interview counts)
    with_level: int = 0  # of those, with a level 0-4 (``score --json``'s ``answered``)
    created_at: datetime
    updated_at: datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def _check_len(what: str, text: str, limit: int) -> None:
    if len(text) > limit:
        raise SessionLimitError(f"{what} is {len(text)} characters; the limit is {limit}")


def _check_answer(element_id: str, answer: StoredAnswer) -> None:
    if element_id not in ELEMENT_IDS:
        raise SessionLimitError(f"unknown element id {element_id!r} (expected E01 to E21)")
    _check_len(f"{element_id} evidence", answer.evidence, MAX_ANSWER_CHARS)
    _check_len(f"{element_id} answer text", answer.text, MAX_ANSWER_CHARS)


def _state_json(state: dict[str, object]) -> dict[str, object]:
    """The state as plain JSON (a copy), refusing what JSON cannot hold or what is too big."""
    try:
        text = json.dumps(state, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"session state must be plain JSON data: {exc}") from exc
    _check_len("session state (as JSON)", text, MAX_STATE_CHARS)
    copy: dict[str, object] = json.loads(text)  # a JSON object in, a JSON object out
    return copy


def _turn_of(state: object) -> int:
    """The engine's turn counter in a stored state (0 for a state without one)."""
    turn = state.get("turn", 0) if isinstance(state, dict) else 0
    return turn if isinstance(turn, int) else 0


def _put_answer(s: Session, row: SessionRow, element_id: str, answer: StoredAnswer) -> None:
    """Insert or replace one confirmed answer (already checked) inside an open transaction."""
    existing = s.get(AnswerRow, (row.key, element_id))
    if existing is None:
        existing = AnswerRow(session_key=row.key, element_id=element_id)
        s.add(existing)
    existing.level = answer.level
    existing.evidence = answer.evidence
    existing.text = answer.text
    existing.confirmed_at = answer.confirmed_at


def _append_turns(s: Session, row: SessionRow, turns: Sequence[Turn]) -> None:
    """Append turns (already checked) after the session's last one, within MAX_TURNS."""
    if not turns:
        return
    if row.turn_count + len(turns) > MAX_TURNS:
        raise SessionLimitError(
            f"this session has reached its limit of {MAX_TURNS} turns; "
            "export it and import the answers into a new session"
        )
    for turn in turns:
        row.turn_count += 1
        s.add(
            TurnRow(
                session_key=row.key, seq=row.turn_count, role=turn.role, text=turn.text, at=turn.at
            )
        )


class SqlSessionStore:
    """Sessions, turns and confirmed answers in a SQL database (see `assistant.ports`)."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime] = utc_now) -> None:
        self.engine = engine
        self._reader = engine.execution_options(**{READ_ONLY: True})  # reads: no write lock
        self._clock = clock
        ensure_schema(engine)
        migrate_masked_codes(engine)

    @contextmanager
    def _write(
        self, code: str, expect_turn: int | None = None
    ) -> Iterator[tuple[Session, SessionRow]]:
        """A committed transaction on the session `code`, its updated_at stamped.

        The row is locked for the transaction (``FOR UPDATE`` on PostgreSQL; SQLite's
        ``BEGIN IMMEDIATE`` already holds the write lock), so the position check of
        ``expect_turn`` and the write are one step even across processes.
        """
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            row = s.get(SessionRow, code_key(code), with_for_update=True)
            if row is None:
                raise SessionNotFoundError()
            if expect_turn is not None and _turn_of(row.state) != expect_turn:
                raise ConcurrentTurnError()
            yield s, row
            row.updated_at = self._clock()

    # --- the SessionStore protocol ---------------------------------------------------------

    def create(self, lang: Lang) -> str:
        code = new_code()
        now = self._clock()
        with Session(self.engine) as s, s.begin():
            s.add(
                SessionRow(
                    key=code_key(code),
                    lang=lang,
                    profile=None,
                    state={},
                    turn_count=0,
                    created_at=now,
                    updated_at=now,
                )
            )
        return code

    def load(self, code: str) -> StoredSession | None:
        with Session(self._reader) as s, s.begin():
            row = s.get(SessionRow, code_key(code))
            if row is None:
                return None
            shown = format_code(normalise_code(code) or "")

            def show(text: str) -> str:
                return unmask(text, shown)

            answers = {
                a.element_id: StoredAnswer(
                    level=a.level,
                    evidence=show(a.evidence),
                    text=show(a.text),
                    confirmed_at=a.confirmed_at,
                )
                for a in sorted(row.answers, key=lambda a: a.element_id)
            }
            profile = deep(row.profile, show) if row.profile else None
            return StoredSession(
                code=shown,
                profile=CityProfile.model_validate(profile) if profile else None,
                lang=row.lang,
                state=deep(dict(row.state or {}), show),
                answers=answers,
                created_at=row.created_at,
                updated_at=row.updated_at,
            )

    def save_profile(self, code: str, profile: CityProfile) -> None:
        self.commit_turn(code, profile=profile)

    def save_answer(self, code: str, element_id: str, answer: StoredAnswer) -> None:
        self.commit_turn(code, answers={element_id: answer})

    def delete_answer(self, code: str, element_id: str) -> None:
        self.commit_turn(code, delete_answers=[element_id])

    def save_state(self, code: str, state: dict[str, object]) -> None:
        self.commit_turn(code, state=state)

    def add_turn(self, code: str, turn: Turn) -> None:
        self.commit_turn(code, turns=[turn])

    def commit_turn(
        self,
        code: str,
        *,
        state: dict[str, object] | None = None,
        turns: Sequence[Turn] = (),
        answers: Mapping[str, StoredAnswer] | None = None,
        delete_answers: Sequence[str] = (),
        profile: CityProfile | None = None,
        expect_turn: int | None = None,
    ) -> None:
        """Everything one interview turn changes, in one transaction: all of it or none.

        Inputs are checked before the transaction opens; the turn limit is checked inside it,
        after the state is written, and a failure there rolls everything back.
        """
        def hide(text: str) -> str:
            return mask(text, code)

        data = deep(_state_json(state), hide) if state is not None else None
        turns = [t.model_copy(update={"text": hide(t.text)}) for t in turns]
        for turn in turns:
            _check_len("a turn", turn.text, MAX_TURN_CHARS)
        answers = {
            e: a.model_copy(update={"evidence": hide(a.evidence), "text": hide(a.text)})
            for e, a in (answers or {}).items()
        }
        for element_id, answer in answers.items():
            _check_answer(element_id, answer)
        profile_data = deep(profile.model_dump(mode="json"), hide) if profile is not None else None
        with self._write(code, expect_turn) as (s, row):
            if profile_data is not None:
                row.profile = profile_data
            if data is not None:
                row.state = data
            for element_id in delete_answers:
                existing = s.get(AnswerRow, (row.key, element_id))
                if existing is not None:
                    s.delete(existing)
            for element_id, answer in (answers or {}).items():
                _put_answer(s, row, element_id, answer)
            _append_turns(s, row, turns)

    def turns(self, code: str) -> list[Turn]:
        with Session(self._reader) as s, s.begin():
            key = code_key(code)
            if s.get(SessionRow, key) is None:
                return []
            rows = s.scalars(
                select(TurnRow).where(TurnRow.session_key == key).order_by(TurnRow.seq)
            )
            shown = format_code(normalise_code(code) or "")
            return [
                Turn(role=r.role, text=unmask(r.text, shown), at=r.at)
                for r in rows
            ]

    def export(self, code: str) -> AnswersFile | None:
        """The confirmed answers as an answers file; unknowns as level null with their evidence.

        A session without a city profile yet cannot be an answers file: that raises InputError.
        """
        stored = self.load(code)
        if stored is None:
            return None
        if stored.profile is None:
            raise InputError("this session has no city profile yet, so there is nothing to export")
        return answers_file(stored.profile, stored.answers)

    def import_answers(self, answers: AnswersFile) -> str:
        """A new session holding these answers (all confirmed now); all or nothing."""
        try:
            checked = AnswersFile.model_validate(answers.model_dump(mode="json"))
        except ValidationError as exc:
            raise InputError(describe_validation_error(exc)) from exc
        now = self._clock()
        stored: dict[str, StoredAnswer] = {}
        for element_id, a in checked.answers.items():
            text = (a.model_extra or {}).get("text", "")
            if not isinstance(text, str):
                raise InputError(f"answers.{element_id}.text: must be a string")
            stored[element_id] = StoredAnswer(
                level=a.level, evidence=clean(a.evidence), text=clean(text), confirmed_at=now
            )
            _check_answer(element_id, stored[element_id])
        code = new_code()
        key = code_key(code)
        with Session(self.engine) as s, s.begin():
            s.add(
                SessionRow(
                    key=key,
                    lang=checked.city.language,
                    profile=deep(checked.city.model_dump(mode="json"), clean),
                    state={},
                    turn_count=0,
                    created_at=now,
                    updated_at=now,
                )
            )
            s.flush()
            for element_id, kept in stored.items():
                s.add(
                    AnswerRow(
                        session_key=key,
                        element_id=element_id,
                        level=kept.level,
                        evidence=kept.evidence,
                        text=kept.text,
                        confirmed_at=kept.confirmed_at,
                    )
                )
        return code

    # --- beyond the protocol ---------------------------------------------------------------

    def list_sessions(self) -> list[SessionSummary]:
        """Every session, most recently updated first (codes cannot be listed: only hashes)."""
        counts = (
            select(
                AnswerRow.session_key,
                func.count().label("n"),
                func.count(AnswerRow.level).label("known"),
            )
            .group_by(AnswerRow.session_key)
            .subquery()
        )
        query = (
            select(SessionRow, func.coalesce(counts.c.n, 0), func.coalesce(counts.c.known, 0))
            .outerjoin(counts, counts.c.session_key == SessionRow.key)
            .order_by(SessionRow.updated_at.desc(), SessionRow.key)
        )
        with Session(self._reader) as s, s.begin():
            return [
                SessionSummary(
                    short_id=row.key[:8],
                    lang=row.lang,
                    city=(row.profile or {}).get("name"),
                    answered=int(n),
                    with_level=int(known),
                    created_at=row.created_at,
                    updated_at=row.updated_at,
                )
                for row, n, known in s.execute(query)
            ]
