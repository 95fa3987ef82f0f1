"""The message catalogue: complete in every language, the same variables in each, every key the code
asks for present, no message left unused, one owner per shared term, clear errors."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.catalogue import catalogue, load, placeholders, t

ROOT = Path(__file__).resolve().parents[1]
CODE = [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py"))]
CODE += sorted((ROOT / "assistant").rglob("*.py")) + sorted((ROOT / "evals").glob("*.py"))
TESTS = sorted((ROOT / "tests").rglob("*.py"))
AREAS = ("ui.", "interview.", "report.", "scoring.", "terms.", "errors.", "interpret.", "answer.")


def _area(name: str) -> dict[str, dict[str, str]]:
    return {k: v for k, v in catalogue().messages.items() if k.startswith(f"{name}.")}


def _call_key(node: ast.Call, where: str, literal: dict[str, str], prefixes: dict[str, str]) -> None:
    """Record the key of one ``t(key, ...)`` call: a literal, each branch of ``a if c else b``, or
    the literal prefix of an f-string."""
    key = node.args[0]
    branches = [key.body, key.orelse] if isinstance(key, ast.IfExp) else [key]
    for k in branches:
        if isinstance(k, ast.Constant) and isinstance(k.value, str):
            literal[k.value] = where
        elif isinstance(k, ast.JoinedStr) and isinstance(k.values[0], ast.Constant):
            prefixes[str(k.values[0].value)] = where


def _keys_in(paths: list[Path]) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """Literal first arguments of `t(...)` calls, literal prefixes of f-strings that build a key
    (each with where it was found), and every string literal written anywhere."""
    literal: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    strings: set[str] = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:  # a key built in a variable
                first = node.values[0]
                if isinstance(first, ast.Constant) and str(first.value).startswith(AREAS):
                    prefixes.setdefault(str(first.value), where)
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "t" and node.args:
                _call_key(node, where, literal, prefixes)
    return literal, prefixes, strings


@pytest.mark.parametrize("area", AREAS)
def test_every_message_exists_in_both_languages_with_the_same_placeholders(area: str) -> None:
    messages = _area(area.rstrip("."))
    assert messages, area
    for key, words in messages.items():
        assert set(words) == {"en", "ja"}, key
        assert words["en"].strip() and words["ja"].strip(), key
        assert placeholders(words["en"]) == placeholders(words["ja"]), key


def test_every_key_the_code_asks_for_exists() -> None:
    literal, prefixes, _ = _keys_in(CODE + TESTS)
    keys = catalogue().messages.keys()
    assert len(literal) > 200  # the scan sees the code's calls
    missing = {k: where for k, where in literal.items() if k not in keys and "." in k}
    assert missing.keys() == {"ui.no_such_key", "report.typo_key"}  # the two on purpose, below
    for prefix, where in prefixes.items():
        assert any(k.startswith(prefix) for k in keys), (prefix, where)


def test_no_message_is_left_unused() -> None:
    """A key is used when the code writes it out (in a call or a table of keys) or an f-string
    with a literal prefix (``f"report.scale_way.{x}"``, at least area and a name) can build it."""
    _, prefixes, strings = _keys_in(CODE)
    narrow = [p for p in prefixes if "." in p.rstrip(".")]
    dead = [
        k
        for k in catalogue().messages
        if k not in strings and not any(k.startswith(p) for p in narrow)
    ]
    assert not dead


@pytest.mark.parametrize("area", ["ui", "report", "interview"])
def test_a_shared_term_has_one_owner(area: str) -> None:
    terms = {k.removeprefix("terms.") for k in _area("terms")}
    assert not {k.removeprefix(f"{area}.") for k in _area(area)} & terms


def test_no_two_areas_hold_the_same_wording_for_a_label() -> None:
    """A short label worded alike in the report and the app belongs in terms instead."""
    seen: dict[tuple[str, str], str] = {}
    for area in ("report", "ui"):
        for key, words in _area(area).items():
            pair = (words["en"], words["ja"])
            assert pair not in seen or seen[pair].startswith(f"{area}."), (key, seen.get(pair))
            seen[pair] = key


def test_the_shared_terms_and_placeholders() -> None:
    assert t("terms.stage", "ja") == "段階"
    assert t("terms.app_title", "en") == "Smart-city self-assessment"
    assert t("terms.none", "ja") == "なし" and t("terms.none", "en") == "none"
    assert t("ui.none_found", "en") == "None."
    assert t("ui.kb_ready", "ja", n=3) == "ナレッジベース準備完了（3件）。"
    assert t("interview.level_n", "en", n=2) == "level 2"
    assert t("terms.city_types.metropolis", "ja") == "大都市・代表都市"
    assert t("terms.lead_actors.municipal", "en") == "Municipality"


def test_one_term_for_the_21_elements_in_the_chat_and_the_progress_bar() -> None:
    assert "elements" in t("ui.progress", "en", done=1, total=21)
    assert "elements" in t("interview.progress", "en", done=1, total=21, domains="")
    assert "エレメント" in t("interview.progress", "ja", done=1, total=21, domains="")
    for lang in ("en", "ja"):
        for key, words in _area("interview").items():
            assert "topic" not in words["en"], key
        assert "項目中" not in t("interview.welcome_back", lang, done=1, total=21)


def test_a_missing_key_or_value_is_named() -> None:
    with pytest.raises(KeyError, match="no_such_key"):
        t("ui.no_such_key", "en")
    with pytest.raises(KeyError, match="typo_key"):
        t("report.typo_key", "ja")
    with pytest.raises(KeyError, match=r"interview\.welcome.*code"):
        t("interview.welcome", "en")
    assert "ABC" in t("interview.welcome", "en", code="ABC", unused="extra values are fine")


def test_the_scoring_messages_are_checked_and_say_identifiers_in_words() -> None:
    assert "scoring.rule_stage" in catalogue().messages
    assert t("scoring.coop_lead", "en", actor=t("scoring.value.municipal", "en")) == (
        "Its level matches the lead actor (municipality)."
    )


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("a: {en: Hello}", "languages"),
        ("a: {en: 'Hi {name}', ja: こんにちは}", "placeholders"),
        ("a: {en: Hello, ja: ' '}", "empty"),
        ("a: {en: Hi, ja: やあ, fr: Salut}", "languages"),
    ],
)
def test_a_bad_catalogue_is_refused_naming_the_message(body: str, problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        load(f"languages: [en, ja]\nmessages:\n  group:\n    {body}\n")


def test_a_third_language_is_one_more_line_per_message() -> None:
    extra = load("languages: [en, ja, fr]\nmessages:\n  ui:\n    hi: {en: Hi, ja: やあ, fr: Salut}\n")
    assert extra.messages["ui.hi"]["fr"] == "Salut"


def test_the_catalogue_ships_in_the_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "catalogue.yaml" in config["tool"]["setuptools"]["package-data"]["assistant"]
    assert (ROOT / "assistant" / "catalogue.yaml").is_file()
