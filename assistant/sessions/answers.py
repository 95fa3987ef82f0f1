"""A stored session's confirmed answers as an answers file: the one conversion.

The engine's final assessment, `assistant sessions export` and the Results page all use it, so
they score the same file. Evidence is the phrase that justified the level, or the person's own
words when there is none (a level chosen by button); the typed text rides along as ``text``
when it says more than the evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from assistant.limits import MAX_EVIDENCE
from assistant.models import ELEMENT_IDS, Answer, AnswersFile, CityProfile
from assistant.ports import StoredAnswer


def to_answer(stored: StoredAnswer) -> Answer:
    """One stored answer in the answers-file format (evidence capped like the file)."""
    evidence = (stored.evidence or stored.text)[:MAX_EVIDENCE]
    text = stored.text[:MAX_EVIDENCE]
    extra = {"text": text} if text and text != evidence else {}
    return Answer(level=stored.level, evidence=evidence, **extra)


def answers_file(
    profile: CityProfile,
    answers: Mapping[str, StoredAnswer],
    element_ids: Iterable[str] = ELEMENT_IDS,
) -> AnswersFile:
    """The answers file of a session: its profile and the answers of known elements."""
    known = set(element_ids)
    return AnswersFile(
        city=profile,
        answers={eid: to_answer(a) for eid, a in answers.items() if eid in known},
    )
