"""The shared vocabulary: complete in both languages, owned once, and found from every table."""

from __future__ import annotations

import string

import pytest

from assistant.i18n import CITY_TYPE_LABEL, LEAD_ACTOR_LABEL, TERMS, lookup, text
from assistant.interview.messages import M
from assistant.interview.messages import t as message
from assistant.report.labels import LABELS, label
from assistant.web.strings import UI
from assistant.web.strings import t as ui

TABLES = {"TERMS": TERMS, "CITY_TYPE": CITY_TYPE_LABEL, "LEAD_ACTOR": LEAD_ACTOR_LABEL}
TABLES |= {"LABELS": LABELS, "UI": UI, "M": M}


def _fields(s: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(s) if name is not None)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_string_exists_in_both_languages_with_the_same_placeholders(name: str) -> None:
    for key, words in TABLES[name].items():
        assert set(words) == {"en", "ja"}, (name, key)
        assert words["en"].strip() and words["ja"].strip(), (name, key)
        assert _fields(words["en"]) == _fields(words["ja"]), (name, key)


@pytest.mark.parametrize("name", ["LABELS", "UI", "M"])
def test_a_shared_term_has_one_owner(name: str) -> None:
    assert not TABLES[name].keys() & TERMS.keys()


def test_no_two_tables_hold_the_same_wording_for_a_label() -> None:
    """A short label worded alike in the report and the app belongs in TERMS instead."""
    seen: dict[tuple[str, str], str] = {}
    for name in ("LABELS", "UI"):
        for key, words in TABLES[name].items():
            pair = (words["en"], words["ja"])
            assert pair not in seen or seen[pair] == name, (key, seen.get(pair))
            seen[pair] = name


def test_every_table_finds_the_shared_terms() -> None:
    assert label("stage", "ja") == ui("stage", "ja") == text("stage", "ja") == "段階"
    assert label("app_title", "en") == ui("app_title", "en") == "Smart-city self-assessment"
    assert message("ja", "none") == "なし"


def test_own_wording_wins_and_placeholders_are_filled() -> None:
    assert ui("none_found", "en") == "None." and label("none", "en") == "none"
    assert ui("relevance", "ja", n=3) == "関連度 3"
    assert message("en", "level_n", n=2) == "level 2"


def test_a_missing_key_names_the_key() -> None:
    with pytest.raises(KeyError, match="no_such_key"):
        lookup(UI, "no_such_key", "en")
    with pytest.raises(KeyError, match="typo_key"):
        label("typo_key", "ja")
