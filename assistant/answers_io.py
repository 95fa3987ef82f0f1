"""Read and write the answers file (schema_version 1), with errors that name the problem and where.

The format is a contract with users and other parts: see README, "Answers file".
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from assistant.files import read_checked
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


MAX_PROBLEMS = 5  # listed in the one line; past that, how many more


def describe_validation_error(exc: ValidationError) -> str:
    """One line naming every problem pydantic found (up to `MAX_PROBLEMS`), each with its JSON
    path, so a fix for the first does not reveal a second only on the next try."""
    problems = [_problem(err) for err in exc.errors()]
    line = "; ".join(problems[:MAX_PROBLEMS])
    more = len(problems) - MAX_PROBLEMS
    return line + (f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else "")


def _problem(err: ErrorDetails) -> str:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    msg = err["msg"]
    if err["type"] == "literal_error" and loc and loc[-1] == "city_type":
        msg = f"unknown city type {err.get('input')!r}; {msg.lower()}"
    elif err["type"] == "missing":
        msg = "required field is missing"
    elif "input" in err and err["type"] not in ("value_error",):
        msg = f"{msg} (got {json.dumps(err['input'], ensure_ascii=False)[:60]})"
    return f"{_location(loc)}: {msg}"


MAX_DEPTH = 8  # the format nests four levels deep; room for extra keys, not for a stack overflow
MAX_NUMBER_CHARS = 20  # a population has at most 9 digits


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    seen: dict[str, object] = {}
    for key, value in pairs:
        if key in seen:
            raise InputError(f"duplicate key {key[:60]!r} in one object")
        seen[key] = value
    return seen


def _number(text: str) -> int | float:
    if len(text) > MAX_NUMBER_CHARS:
        raise InputError(f"a number of {len(text)} characters (the limit is {MAX_NUMBER_CHARS})")
    return float(text) if any(c in text for c in ".eE") else int(text)


def _no_constant(name: str) -> float:
    raise InputError(f"{name} is not a number JSON allows")


def _depth(text: str) -> int:
    """The deepest nesting of [ and { outside strings, without building anything."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            escaped, in_string = (False, True) if escaped else (ch == "\\", ch != '"')
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                break
        elif ch in "]}":
            depth -= 1
    return deepest


def load_json(text: str, source: str) -> object:
    """JSON with duplicate keys, deep nesting and huge numbers refused as one InputError."""
    if _depth(text) > MAX_DEPTH:
        raise InputError(f"{source}: nested more than {MAX_DEPTH} levels deep")
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_int=_number,
            parse_float=_number,
            parse_constant=_no_constant,
        )
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{source}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    except InputError as exc:
        raise InputError(f"{source}: {exc}") from exc
    except (RecursionError, ValueError) as exc:
        raise InputError(f"{source}: not a valid answers file ({type(exc).__name__})") from exc


def parse_answers(text: str, source: str = "<input>") -> AnswersFile:
    """Parse an answers file from JSON text; raises InputError naming the source and place."""
    data = load_json(text, source)
    if not isinstance(data, dict):
        raise InputError(f"{source}: expected a JSON object at the top level")
    version = data.get("schema_version", 1)
    if type(version) is not int or version != 1:
        raise InputError(f"{source}: schema_version: unsupported version {repr(version)[:40]} (expected 1)")
    try:
        return AnswersFile.model_validate(data)
    except ValidationError as exc:
        raise InputError(f"{source}: {describe_validation_error(exc)}") from exc


def read_answers(path: Path | str) -> AnswersFile:
    """Read an answers file from disk, refusing missing, unreadable or oversized files."""
    p = Path(path)
    raw = read_checked(
        p,
        MAX_ANSWERS_FILE_BYTES,
        InputError,
        too_big="file is {size} bytes, larger than the {limit} byte limit",
        directory="is a directory, not an answers file",
        unreadable="cannot read file",
    )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: not UTF-8 text (byte {exc.start})") from exc
    return parse_answers(text, str(p))


def dump_answers(answers: AnswersFile) -> str:
    """The answers file as pretty JSON (UTF-8, Japanese kept readable)."""
    return json.dumps(answers.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
