"""Keep session codes (and NUL bytes) out of every stored row.

The welcome and pause messages quote the session code, and a person may type it into an answer.
Stored as they are, the database alone would give away every code, defeating the hash-only key.
So before a write every form of the session's own code (dashed, undashed, spaced, any case, O/I/L
for 0/1/1) becomes a placeholder, and on reading the placeholder becomes the code again: only the
person who already holds the code ever sees it. `migrate_masked_codes` does the same to rows
written before this existed, recognising a session's code by its hash.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from assistant.sessions.codes import code_key, normalise_code
from assistant.sessions.db import AnswerRow, MetaRow, SessionRow, TurnRow

PLACEHOLDER = "\ue000session-code\ue001"
_SENTINELS = "\ue000\ue001"
_CANDIDATE = re.compile(r"(?<![0-9A-Za-z])(?:[0-9A-Za-z]{4}[- ]?){6}[0-9A-Za-z]{4}(?![0-9A-Za-z])")
MIGRATION_KEY = "codes_masked_v1"


def clean(text: str) -> str:
    """Drop NUL bytes (PostgreSQL refuses them) and any look-alike of the placeholder."""
    if "\x00" in text or "\ue000" in text or "\ue001" in text:
        text = text.replace("\x00", "")
        for ch in _SENTINELS:
            text = text.replace(ch, "")
    return text


def mask_where(text: str, is_code: Callable[[str], bool]) -> str:
    """`text` with every code-shaped run for which `is_code` holds replaced by the placeholder."""
    return _CANDIDATE.sub(lambda m: PLACEHOLDER if is_code(m.group(0)) else m.group(0), text)


def mask(text: str, code: str) -> str:
    """Clean `text` and hide the session `code` in it, in whatever form it was written."""
    canonical = normalise_code(code)
    text = clean(text)
    if canonical is None:
        return text
    return mask_where(text, lambda s: normalise_code(s) == canonical)


def unmask(text: str, display_code: str) -> str:
    """The stored text as the code's holder wrote or read it."""
    return text.replace(PLACEHOLDER, display_code) if PLACEHOLDER in text else text


def deep(value: Any, fn: Callable[[str], str]) -> Any:
    """Apply `fn` to every string (and dict key) in plain JSON data."""
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, list):
        return [deep(v, fn) for v in value]
    if isinstance(value, dict):
        return {fn(k) if isinstance(k, str) else k: deep(v, fn) for k, v in value.items()}
    return value


def _hider(key: str) -> Callable[[str], str]:
    """Clean a stored text and hide any code whose hash is `key`."""
    return lambda text: mask_where(clean(text), lambda c: code_key(c) == key)


def migrate_masked_codes(engine: Engine) -> int:
    """Mask codes in rows written before masking existed; runs once per database.

    A code-shaped run is the session's code when its hash is the row's session key, so this needs
    no code. Returns the number of rows changed.
    """
    with Session(engine) as s, s.begin():
        if s.get(MetaRow, MIGRATION_KEY) is not None:
            return 0
    changed = 0
    with Session(engine) as s, s.begin():
        for turn in s.scalars(select(TurnRow)):
            new = _hider(turn.session_key)(turn.text)
            if new != turn.text:
                turn.text, changed = new, changed + 1
        for ans in s.scalars(select(AnswerRow)):
            hide = _hider(ans.session_key)
            new_e, new_t = hide(ans.evidence), hide(ans.text)
            if (new_e, new_t) != (ans.evidence, ans.text):
                ans.evidence, ans.text, changed = new_e, new_t, changed + 1
        for row in s.scalars(select(SessionRow)):
            hide = _hider(row.key)
            state, profile = deep(row.state, hide), deep(row.profile, hide)
            if state != row.state or profile != row.profile:
                row.state, row.profile, changed = state, profile, changed + 1
    try:
        with Session(engine) as s, s.begin():
            s.add(MetaRow(key=MIGRATION_KEY, value="done"))
    except IntegrityError:  # another process finished the same migration first
        pass
    return changed
