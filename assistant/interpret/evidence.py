"""The answer's own words shown behind a proposed level: the sentence (or clause) holding the
strongest cue for that level, else the statement closest to that level's rubric text. Split from
``offline.py``, which measures and decides."""

from __future__ import annotations

import re

import numpy as np

from assistant.interpret.analysis import Rubric
from assistant.interpret.signals import Hit, Span

__all__ = ["SENTENCE_BREAK", "choose_evidence"]


def _trim(phrase: str) -> str:
    """Drop a leading "but" / "however" that only joined the statement to the one before."""
    trimmed = re.sub(
        r"^(?:but|however|although|though|and|so|while)\b[,\s]*", "", phrase, flags=re.I
    )
    return trimmed if len(trimmed) >= 8 else phrase


def choose_evidence(
    text: str,
    spans: list[Span],
    hits: list[Hit],
    level: int,
    sims: np.ndarray,
    rubric: Rubric,
    pieces: list[str],
    long_evidence: int,
) -> str:
    """The answer's own words behind the level: the statement holding the strongest cue."""
    support = [(h.votes.get(level, 0.0), h) for h in hits]
    support = [(v, h) for v, h in support if v > 0]
    if support:
        _, hit = max(support, key=lambda vh: (vh[0], -vh[1].start))
        span = spans[hit.segment]
        sentence = _sentence_around(text, span)
        if sentence is not None and len(sentence) <= long_evidence:
            return sentence  # the whole short sentence reads better than half of it
        return _trim(_clause(text, span, hit, long_evidence))
    if len(pieces) == 1:
        return spans[0].text if len(spans) == 1 else text.strip()
    best_row = int(sims[1:, rubric.levels == level].max(axis=1).argmax())
    candidates = [s for s in spans if s.text != text.strip()]
    return candidates[best_row].text if best_row < len(candidates) else text.strip()

def _clause(text: str, span: Span, hit: Hit, long_evidence: int) -> str:
    """A long statement is cut down to the comma-separated clause that holds the cue."""
    if span.end - span.start <= long_evidence:
        return span.text
    left = max(text.rfind(c, span.start, hit.start) for c in ",、")
    rights = [i for i in (text.find(c, hit.end, span.end) for c in ",、") if i >= 0]
    start = left + 1 if left >= span.start else span.start
    end = min(rights) if rights else span.end
    clause = text[start:end].strip()
    return clause if len(clause) >= 8 else span.text


SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])|\n+")


def _sentence_around(text: str, span: Span) -> str | None:
    """The sentence of ``text`` that holds ``span`` (statements also split at "but"/「が、」)."""
    start = 0
    for m in SENTENCE_BREAK.finditer(text):
        if m.start() >= span.end:
            break
        if m.end() <= span.start:
            start = m.end()
    ends = [m.start() for m in SENTENCE_BREAK.finditer(text, span.end) if m.start() >= span.end]
    end = ends[0] if ends else len(text)
    sentence = text[start:end].strip()
    return sentence if span.text in sentence else None
