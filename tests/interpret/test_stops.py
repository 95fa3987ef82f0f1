"""What stopped, what carried on: the past regions, stop words with an actor, "nothing stopped"."""

from __future__ import annotations

import pytest

from assistant.interpret.signals import find_hits, segments
from assistant.interpret.stops import mark_past, past_regions, says_stopped, without_continuity
from assistant.models import Lang


def _past_words(text: str, lang: Lang) -> list[str]:
    spans = segments(text, lang)
    return [
        text[h.start : h.end]
        for h in mark_past(text, spans, find_hits(spans, lang), lang)
        if h.past
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the stop's subject is neither "it" nor the thing: the "but" turns on the statement before
        "We ran a pilot sensor network for two years, but the donor money ran out and it went dark.",
        # the actor named: "the council closed it", "they shut it down"
        "There was a monthly open-data release, but the new council closed it last year.",
        "We had a pilot app for reporting potholes, but the vendor shut it down in 2021.",
    ],
)
def test_what_a_stop_turns_on_is_the_past(text: str) -> None:
    assert any(w in {"pilot", "monthly"} for w in _past_words(text, "en")), text


def test_a_new_statement_without_a_turn_is_not_pulled_into_the_past() -> None:
    text = "We run a pilot in two districts. The old paper forms were phased out."
    assert "pilot" not in _past_words(text, "en")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The mayor changed in 2022 and nothing stopped; the board still meets quarterly."),
        ("en", "The team carried on without interruption after the election."),
        ("ja", "市長が替わっても何も止まりませんでした。推進本部は毎年計画を見直しています。"),
        ("ja", "選挙の後も事業は途切れることなく続いています。"),
    ],
)
def test_nothing_stopped_is_neither_a_stop_nor_an_absence(lang: Lang, text: str) -> None:
    spans = segments(text, lang)
    hits = without_continuity(text, find_hits(spans, lang), lang)
    assert not says_stopped(text, lang), text
    assert not past_regions(spans, lang), text
    assert not any(h.level == 0 for h in hits), text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The pilot stopped when the grant ended, and nothing replaced it."),
        ("ja", "補助が切れて実証は止まりました。今は何もしていません。"),
        # a purpose, not a fact: 「止まらないように」 (so that it will not stop)
        ("ja", "計画は凍結されました。止まらないように仕組みを作ろうと検討しています。"),
    ],
)
def test_a_real_stop_is_still_one(lang: Lang, text: str) -> None:
    assert says_stopped(text, lang), text
