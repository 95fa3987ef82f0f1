"""Storage faults (a held write lock, a full disk, a read-only directory): one clear message in
the engine's callers and the CLI, nothing confirmed lost, and the same turn works once fixed.

The disk-full and read-only cases mount a small tmpfs (root or CAP_SYS_ADMIN needed; skipped
otherwise): a real ENOSPC and a real read-only file system, not a simulation.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import assistant.sessions.db as db_module
from assistant.cli import main
from assistant.faults import fault_kind, storage_fault
from assistant.framework import get_framework
from assistant.interview.engine import InterviewEngine
from assistant.sessions.db import make_engine
from assistant.sessions.store import SqlSessionStore
from tests.app.conftest import EXAMPLE
from tests.interview.conftest import through_intake
from tests.interview.fakes import CannedAnswerer, KeywordInterpreter, now


def interview_with_one_answer(db: Path) -> tuple[SqlSessionStore, InterviewEngine, str, dict]:
    store = SqlSessionStore(make_engine(f"sqlite:///{db}"))
    engine = InterviewEngine(
        get_framework(), KeywordInterpreter(), store, CannedAnswerer(), clock=now
    )
    code, _ = through_intake(engine)
    for _ in range(4):
        if store.load(code).answers:  # type: ignore[union-attr]
            break
        engine.handle(code, "2")
    confirmed = {k: v.model_dump() for k, v in store.load(code).answers.items()}  # type: ignore[union-attr]
    assert confirmed
    return store, engine, code, confirmed


def answers_of(db: Path, code: str) -> dict:
    store = SqlSessionStore(make_engine(f"sqlite:///{db}"))
    try:
        return {k: v.model_dump() for k, v in store.load(code).answers.items()}  # type: ignore[union-attr]
    finally:
        store.engine.dispose()


def cli_import(tmp: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    big = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for answer in big["answers"].values():
        answer["evidence"] = "e" * 4_900
    path = tmp / "big.json"
    path.write_text(json.dumps(big), encoding="utf-8")
    capsys.readouterr()
    status = main(["import", str(path)])
    return status, capsys.readouterr().err


@pytest.fixture
def short_lock_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_module, "SQLITE_BUSY_TIMEOUT_MS", 200)


def test_a_held_write_lock_is_told_plainly_and_loses_nothing(
    tmp_path: Path, short_lock_wait: None, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    db = tmp_path / "sessions.sqlite3"
    store, engine, code, confirmed = interview_with_one_answer(db)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        with pytest.raises(Exception) as caught:
            engine.handle(code, "we have a draft vision approved by council")
        assert fault_kind(caught.value) == "locked"
        message = storage_fault(caught.value)
        assert message is not None and "locked by another program" in message
        assert "confirmed earlier are safe" in message
        monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path))
        monkeypatch.delenv("ASSISTANT_DATABASE_URL", raising=False)
        status, err = cli_import(tmp_path, tmp_path, capsys)
        assert status in (1, 2) and err.count("\n") == 1 and "locked by another program" in err
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert answers_of(db, code) == confirmed
    engine.handle(code, "we have a draft vision approved by council")  # the retry goes through
    store.engine.dispose()


@pytest.fixture
def small_tmpfs(tmp_path: Path) -> Iterator[Path]:
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def fill(disk: Path) -> Path:
    filler = disk / "filler"
    with filler.open("wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_is_told_plainly_and_loses_nothing(
    small_tmpfs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    db = small_tmpfs / "sessions.sqlite3"
    store, engine, code, confirmed = interview_with_one_answer(db)
    filler = fill(small_tmpfs)
    with pytest.raises(Exception) as caught:
        for _ in range(50):  # until a write needs a page the disk no longer has
            engine.handle(code, "we have a draft vision " + "x" * 4_000)
    message = storage_fault(caught.value)
    assert message is not None and "disk is full" in message, repr(caught.value)
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(small_tmpfs))
    monkeypatch.delenv("ASSISTANT_DATABASE_URL", raising=False)
    status, err = cli_import(tmp_path, small_tmpfs, capsys)
    assert status in (1, 2) and err.count("\n") == 1 and "disk is full" in err, err
    store.engine.dispose()
    filler.unlink()
    assert {k: v for k, v in answers_of(db, code).items() if k in confirmed} == confirmed


def test_a_read_only_directory_is_told_plainly_and_loses_nothing(
    small_tmpfs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    db = small_tmpfs / "sessions.sqlite3"
    store, _engine, code, confirmed = interview_with_one_answer(db)
    store.engine.dispose()
    subprocess.run(["mount", "-o", "remount,ro", str(small_tmpfs)], check=True)
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(small_tmpfs))
    monkeypatch.delenv("ASSISTANT_DATABASE_URL", raising=False)
    status, err = cli_import(tmp_path, small_tmpfs, capsys)
    assert status in (1, 2) and err.count("\n") == 1 and "read-only" in err, err
    assert "Traceback" not in err
    subprocess.run(["mount", "-o", "remount,rw", str(small_tmpfs)], check=True)
    assert answers_of(db, code) == confirmed


def test_a_held_write_lock_does_not_stop_reading(tmp_path: Path, short_lock_wait: None) -> None:
    """Pages read the session (the sidebar, a reload) while another program holds the write lock:
    only the turn being written fails, so the page can say so and keep the unsent text."""
    db = tmp_path / "sessions.sqlite3"
    store, engine, code, confirmed = interview_with_one_answer(db)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        session = store.load(code)
        assert (
            session is not None
            and {k: v.model_dump() for k, v in session.answers.items()} == confirmed
        )
        assert store.turns(code) and store.list_sessions()
        with pytest.raises(Exception) as caught:
            engine.handle(code, "we have a draft vision approved by council")
        assert fault_kind(caught.value) == "locked"
    finally:
        other.execute("ROLLBACK")
        other.close()
    store.engine.dispose()
