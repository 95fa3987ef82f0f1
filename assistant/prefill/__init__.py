"""A city's own documents → a draft per element with quoted evidence, or "not covered".

Light on import (the CLI imports every command module, and `assistant score` must not load a
model): the names below load from ``service`` on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

_NAMES = {
    "Document": "assistant.prefill.documents",
    "DocumentError": "assistant.prefill.documents",
    "read_bytes": "assistant.prefill.documents",
    "read_file": "assistant.prefill.documents",
    "Draft": "assistant.prefill.drafts",
    "Prefill": "assistant.prefill.drafts",
    "Quote": "assistant.prefill.drafts",
    "DocumentReader": "assistant.prefill.reader",
    "build_reader": "assistant.prefill.service",
    "limits": "assistant.prefill.service",
    "read_paths": "assistant.prefill.service",
}


def __getattr__(name: str) -> Any:
    if name in _NAMES:
        return getattr(importlib.import_module(_NAMES[name]), name)
    raise AttributeError(name)


__all__ = sorted(_NAMES)
