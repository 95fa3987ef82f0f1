"""Read and write the answers file (schema_version 1), with errors that name the problem and where.

The format is a contract with users and other parts: see README, "Answers file".
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from assistant.models import AnswersFile

MAX_ANSWERS_FILE_BYTES = 2 * 1024 * 1024


class InputError(Exception):
    """Bad user input; the message is one line naming the problem and where it is."""


def _location(loc: tuple[object, ...]) -> str:
    parts: list[str] = []
    for p in loc:
        if isinstance(p, int):
            parts.append(f"[{p}]")
        else:
            parts.append(("." if parts else "") + str(p))
    return "".join(parts) or "(top level)"


def describe_validation_error(exc: ValidationError) -> str:
    """One line for the first problem pydantic found, with its JSON path."""
    err = exc.errors()[0]
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    msg = err["msg"]
    if err["type"] == "literal_error" and loc and loc[-1] == "city_type":
        msg = f"unknown city type {err.get('input')!r}; {msg.lower()}"
    elif err["type"] == "missing":
        msg = "required field is missing"
    elif "input" in err and err["type"] not in ("value_error",):
        msg = f"{msg} (got {json.dumps(err['input'], ensure_ascii=False)[:60]})"
    more = exc.error_count() - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"{_location(loc)}: {msg}{suffix}"


def parse_answers(text: str, source: str = "<input>") -> AnswersFile:
    """Parse an answers file from JSON text; raises InputError naming the source and place."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{source}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    if not isinstance(data, dict):
        raise InputError(f"{source}: expected a JSON object at the top level")
    version = data.get("schema_version", 1)
    if version != 1:
        raise InputError(f"{source}: schema_version: unsupported version {version!r} (expected 1)")
    try:
        return AnswersFile.model_validate(data)
    except ValidationError as exc:
        raise InputError(f"{source}: {describe_validation_error(exc)}") from exc


def read_answers(path: Path | str) -> AnswersFile:
    """Read an answers file from disk, refusing missing, unreadable or oversized files."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_ANSWERS_FILE_BYTES:
            raise InputError(
                f"{p}: file is {size} bytes, larger than the {MAX_ANSWERS_FILE_BYTES} byte limit"
            )
        raw = p.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{p}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{p}: is a directory, not an answers file") from exc
    except OSError as exc:
        raise InputError(f"{p}: cannot read file: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: not UTF-8 text (byte {exc.start})") from exc
    return parse_answers(text, str(p))


def dump_answers(answers: AnswersFile) -> str:
    """The answers file as pretty JSON (UTF-8, Japanese kept readable)."""
    return json.dumps(answers.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
