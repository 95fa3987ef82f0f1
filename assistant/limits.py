"""The size limits every part of the product shares, each defined once.

The answers file, the session store, the interview engine and the web page all cap the same
texts; a limit changed here changes it everywhere (and the tests read it from here).
"""

from __future__ import annotations

MAX_EVIDENCE = 5_000  # one answer's evidence and typed text (the answers file's cap)
MAX_QUESTION = 5_000  # one question to the knowledge base (web Ask, `assistant ask`, the API)
MAX_TURN_CHARS = 20_000  # one conversation turn's text (assistant turns quote rubric and citations)
