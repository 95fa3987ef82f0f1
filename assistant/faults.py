"""Storage faults told plainly: a full disk, a read-only data directory, a database another process
holds locked, a text the database refuses.

Each write commits before the engine tells the person an answer is saved, so on any of these the
answers already confirmed are on disk; only the turn being written is lost, and the person can send
it again. `storage_fault` recognises the fault (from the OS error or the database's own message,
through SQLAlchemy's wrapper) and returns one line saying what happened and that confirmed answers
are safe; None means "not a storage fault": let it surface as the bug it is.
"""

from __future__ import annotations

import errno

from assistant.catalogue import t
from assistant.models import Lang

_MESSAGES = (
    ("disk_full", ("database or disk is full", "no space left", "disk full", "disk i/o error")),
    ("read_only", ("readonly database", "read-only", "unable to open database", "permission")),
    ("locked", ("database is locked", "could not obtain lock", "lock timeout")),
    ("refused", ("nul (0x00)", "cannot contain nul", "invalid byte sequence")),
)
_ERRNOS = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EFBIG: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
}


def fault_kind(exc: BaseException) -> str | None:
    """Which storage fault `exc` (or what it wraps) is, if any."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in _ERRNOS:
            return _ERRNOS[current.errno]
        text = str(current).lower()
        for kind, needles in _MESSAGES:
            if any(n in text for n in needles):
                return kind
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return None


def storage_fault(exc: BaseException, lang: Lang = "en") -> str | None:
    """One line for a storage fault (what happened, and that confirmed answers are safe)."""
    kind = fault_kind(exc)
    if kind is None:
        return None
    return f"{t(f'errors.storage.{kind}', lang)} {t('errors.storage.safe', lang)}"
