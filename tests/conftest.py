"""Shared fixtures: the real framework (loaded once) and answers-file builders."""

from __future__ import annotations

import pytest

from assistant.framework import get_framework
from assistant.models import ELEMENT_IDS, Answer, AnswersFile, CityProfile, Framework


@pytest.fixture(scope="session")
def fw() -> Framework:
    return get_framework()


def make_answers(
    levels: dict[str, int | None] | int | None,
    city_type: str = "regional_core",
    lead_actor: str = "municipal",
    language: str = "en",
    **city: object,
) -> AnswersFile:
    """Answers with the given levels (an int or None means the same for all 21)."""
    if not isinstance(levels, dict):
        levels = dict.fromkeys(ELEMENT_IDS, levels)
    return AnswersFile(
        city=CityProfile(
            name="Testville",
            country="Nowhere",
            city_type=city_type,  # type: ignore[arg-type]
            lead_actor=lead_actor,  # type: ignore[arg-type]
            language=language,  # type: ignore[arg-type]
            **city,  # type: ignore[arg-type]
        ),
        answers={e: Answer(level=v, evidence=f"evidence for {e}") for e, v in levels.items()},
    )
