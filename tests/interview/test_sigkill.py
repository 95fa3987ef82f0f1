"""THE durability test: SIGKILL the terminal interview at random points, many times.

A respondent answers `python -m assistant interview` (real SQLite store, real offline
interpreter) while the test kills the process with SIGKILL at seeded random moments: right after
a line is sent, a little later, mid-way through the interpreter, and during start-up. After every
kill it proves that

- every answer the process reported as saved ("Saved E05 ...") is in the store, with that level;
- the session's position is either where it was before the last line or exactly where an
  in-process twin of the engine says that line leads (nothing half-done, nothing lost);
- `--resume CODE` shows that same position;

and at the end all 21 elements are confirmed and the profile is printed.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from assistant.catalogue import t
from assistant.framework import get_framework
from assistant.interview.engine import InterviewEngine
from assistant.interview.state import EngineState
from assistant.models import ELEMENT_IDS
from assistant.ports import Interpreter, StoredSession
from assistant.sessions import make_session_store
from assistant.settings import Settings
from tests.interview.driver import Interview, Respondent, saved_reports
from tests.interview.stores import memory_copy

pytestmark = pytest.mark.slow

SEED = 20250417
KILLS = 25
KILL_CHANCE = 0.7  # per line sent, until KILLS is reached
STARTUP_KILL_CHANCE = 0.25  # per restart: also die while starting up


def effective(session: StoredSession) -> tuple[object, ...]:
    """The position and the answers as the next load will see them (pending answer applied)."""
    state = EngineState.model_validate(session.state) if session.state else EngineState()
    answers = {k: a.level for k, a in session.answers.items()}
    if state.pending is not None:
        answers[state.pending.element] = state.pending.level
    proposal = state.proposal.level if state.proposal else None
    return (state.phase, state.intake_field, state.element, state.draft, proposal, answers)


def twin_after(
    db_file: str, session: StoredSession, line: str, interpreter: Interpreter
) -> tuple[object, ...]:
    """Where `line` takes this session, computed in-process on an in-memory copy of the database."""
    twin = memory_copy(db_file)
    try:
        InterviewEngine(get_framework(), interpreter, twin, None).handle(session.code, line)
        after = twin.load(session.code)
    finally:
        twin.engine.dispose()
    assert after is not None
    return effective(after)


def shows_position(reply: str, session: StoredSession) -> bool:
    state = EngineState.model_validate(session.state) if session.state else EngineState()
    if state.phase == "intake":
        return t(f"interview.ask_{state.intake_field}", "en") in reply
    if state.phase in ("element", "confirm"):
        return f"· {state.element} " in reply
    if state.phase == "readback":
        return t("interview.readback_intro", "en") in reply
    return "Smart-city maturity profile" in reply


def test_sigkill_at_random_points_loses_no_confirmed_answer(tmp_path: Path) -> None:
    from assistant.interpret import make_interpreter

    rng = random.Random(SEED)
    settings = Settings(data_dir=tmp_path)
    store = make_session_store(settings)
    twin_interpreter = make_interpreter(settings)
    db_file = store.engine.url.database
    assert db_file, store.engine.url
    plan = {
        eid: (rng.choice(["text", "text", "digit", "unknown"]), rng.randint(0, 4))
        for eid in ELEMENT_IDS
    }
    respondent = Respondent(plan)
    reported: dict[str, int | None] = {}

    def check_reports(output: str) -> None:
        reported.update(saved_reports(output))
        session = store.load(code)
        assert session is not None
        for eid, level in reported.items():
            assert eid in session.answers, f"{eid} was reported saved but is not in the store"
            assert session.answers[eid].level == level, eid

    def restart() -> tuple[Interview | None, int]:
        """`--resume CODE` until it comes up (it may be killed while starting); None if done."""
        startup_kills = 0
        while True:
            cli = Interview(tmp_path, "--resume", code)
            if startup_kills + kills < KILLS and rng.random() < STARTUP_KILL_CHANCE:
                time.sleep(rng.uniform(0.0, 0.6))
                check_reports(cli.kill())
                startup_kills += 1
                continue
            session = store.load(code)
            assert session is not None
            if session.state.get("phase") == "done":
                status, out = cli.close()
                assert status == 0 and "Smart-city maturity profile" in out
                return None, startup_kills
            reply = cli.wait_prompt()
            assert shows_position(reply, session), reply[-800:]
            return cli, startup_kills

    kills = 0
    landed = {"before the line took effect": 0, "after": 0, "during start-up": 0}
    cli: Interview | None = Interview(tmp_path, "--lang", "en")
    cli.wait_prompt()
    code = cli.code()
    for _ in range(300):
        assert cli is not None
        session = store.load(code)
        assert session is not None
        line = respondent.next_line(session)
        before = effective(session)
        after = twin_after(db_file, session, line, twin_interpreter)
        cli.send(line)
        if kills < KILLS and rng.random() < KILL_CHANCE:
            time.sleep(rng.choice([0.0, rng.uniform(0.0, 0.02), rng.uniform(0.02, 0.3)]))
            check_reports(cli.kill())
            kills += 1
            now = store.load(code)
            assert now is not None
            assert effective(now) in (before, after), (line, effective(now), before, after)
            landed["after" if effective(now) == after else "before the line took effect"] += 1
            cli, startup_kills = restart()
            kills += startup_kills
            landed["during start-up"] += startup_kills
            if cli is None:
                break
            continue
        if line == "finish":
            status, out = cli.close()
            assert status == 0, out[-1000:]
            check_reports(out)
            assert "Smart-city maturity profile" in out
            break
        cli.wait_prompt()
        check_reports(cli.output)
    else:
        raise AssertionError("the interview did not finish")

    final = store.load(code)
    assert final is not None
    assert sorted(final.answers) == list(ELEMENT_IDS)
    assert final.state.get("phase") == "done"
    assert kills >= 20, kills
    print(f"\nSIGKILL x{kills}: {landed}; {len(reported)} answers reported saved, all kept")
    for eid, level in reported.items():
        assert final.answers[eid].level == level
