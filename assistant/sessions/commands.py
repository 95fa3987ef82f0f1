"""`assistant export`, `assistant import` and `assistant sessions`: parsing and printing only.

Top-level imports stay light (this module is imported for every sub-command): SQLAlchemy loads
inside the handlers.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.answers_io import InputError
from assistant.faults import storage_fault
from assistant.terminal import one_line

if TYPE_CHECKING:
    from assistant.sessions.store import SqlSessionStore


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("export", help="write a session's confirmed answers (answers file)")
    p.add_argument("code", metavar="CODE", help="the session code (dashes and case do not matter)")
    p.add_argument("--out", metavar="FILE", default=None, help="write to FILE, not standard output")
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser("import", help="start a new session from an answers file")
    p.add_argument("file", metavar="FILE", help="the answers file (JSON, schema_version 1)")
    p.set_defaults(func=cmd_import)

    p = subparsers.add_parser("sessions", help="list stored sessions (codes are not stored)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_sessions)


def _store() -> SqlSessionStore:
    from sqlalchemy.exc import SQLAlchemyError

    from assistant.sessions import make_session_store
    from assistant.sessions.db import SchemaVersionError
    from assistant.settings import Settings

    try:
        return make_session_store(Settings())
    except (SQLAlchemyError, SchemaVersionError, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(
            f"cannot open the session database: {storage_fault(exc) or first}"
        ) from exc


def _write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file and a rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cmd_export(args: argparse.Namespace) -> int:
    from assistant.answers_io import dump_answers

    answers = _store().export(args.code)
    if answers is None:
        raise InputError("no session with that code")
    text = dump_answers(answers)
    if args.out:
        try:
            _write_atomically(Path(args.out), text)
        except OSError as exc:
            raise InputError(f"{args.out}: cannot write: {exc.strerror or exc}") from exc
        sys.stderr.write(f"wrote {len(answers.answers)} answers to {args.out}\n")
    else:
        sys.stdout.write(text)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from assistant.answers_io import read_answers

    answers = read_answers(args.file)  # InputError (one line) before anything is written
    code = _store().import_answers(answers)
    sys.stdout.write(code + "\n")
    sys.stderr.write(
        f"imported {len(answers.answers)} answers for {answers.city.name}; "
        "keep this session code to resume\n"
    )
    return 0


def cmd_sessions(args: argparse.Namespace) -> int:
    rows = _store().list_sessions()
    if args.json:
        data = [r.model_dump(mode="json") for r in rows]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not rows:
        sys.stdout.write("no sessions\n")
        return 0
    sys.stdout.write(  # "answered" counts "don't know" too; "level" is score --json's answered
        f"{'id':8}  {'created (UTC)':16}  {'updated (UTC)':16}  "
        "answered  with a level  don't know  city\n"
    )
    for r in rows:
        sys.stdout.write(
            f"{r.short_id:8}  {r.created_at:%Y-%m-%d %H:%M}  {r.updated_at:%Y-%m-%d %H:%M}  "
            f"{r.answered:>5}/21  {r.with_level:>12}  {r.answered - r.with_level:>10}  "
            f"{one_line(r.city or '(no profile yet)')}\n"
        )
    return 0
