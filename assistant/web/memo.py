"""Built once per change of what they show: charts and report files kept in this session.

A rerun (a click anywhere on the page) used to rebuild every chart and report from the same
answers. These keep the last result per name in the person's own ``st.session_state`` (never a
process-wide cache: answers are per-user data), keyed by a hash of what it is built from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

T = TypeVar("T")
MEMO = "_built_once"


def fingerprint(*parts: Any) -> str:
    """A short hash of the inputs (pydantic models by their JSON)."""
    h = hashlib.sha256()
    for part in parts:
        dump = getattr(part, "model_dump_json", None)
        h.update((dump() if callable(dump) else repr(part)).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:32]


def once(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()`` the first time ``name`` is needed for ``key``; the kept value afterwards."""
    kept: dict[str, tuple[str, Any]] = st.session_state.setdefault(MEMO, {})
    got = kept.get(name)
    if got is None or got[0] != key:
        got = (key, build())
        kept[name] = got  # one value per name: the last answers' charts, not every version
    value: T = got[1]
    return value
