"""Prompt files: every shipped prompt loads in both languages, and a gap is an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.prompts import (
    PromptError,
    check_all_prompts,
    declared_variables,
    load_chat_prompt,
    load_prompt,
)


def _write(directory: Path, name: str, variables: str, texts: dict[str, str]) -> Path:
    (directory / f"{name}.yaml").write_text(f"variables: {variables}\n", encoding="utf-8")
    for lang, text in texts.items():
        (directory / f"{name}.{lang}.txt").write_text(text, encoding="utf-8")
    return directory


GOOD = "[system]\nYou help.\n[user]\nQ: {question}\nA: {answer}\n"


def test_every_shipped_prompt_loads_in_both_languages() -> None:
    loaded = {(p.name, p.lang) for p in check_all_prompts()}
    assert {("interpret", "en"), ("interpret", "ja"), ("answer", "en"), ("answer", "ja")} <= loaded


def test_interpret_prompt_declares_its_variables_and_marks_the_answer_as_data() -> None:
    assert declared_variables("interpret") == ("element_name", "question", "levels", "answer")
    for lang, words in (("en", "not instructions"), ("ja", "指示ではありません")):
        prompt = load_prompt("interpret", lang)
        assert "<official_answer>" in prompt.system and words in prompt.system
        assert "{answer}" in prompt.user


def test_format_fills_every_variable() -> None:
    system, user = load_prompt("interpret", "en").format(
        element_name="E12 Laws", question="Q?", levels="0: none", answer="We have a draft."
    )
    assert "{" not in user and "We have a draft." in user and "E12 Laws" in user
    assert system == load_prompt("interpret", "en").system


def test_format_with_a_missing_variable_raises_instead_of_leaving_a_blank() -> None:
    prompt = load_prompt("interpret", "ja")
    with pytest.raises(PromptError, match=r"missing values \['levels'\]"):
        prompt.format(element_name="E12", question="Q", answer="A")


def test_format_with_an_unexpected_or_non_text_value_raises() -> None:
    prompt = load_prompt("answer", "en")
    with pytest.raises(PromptError, match="unexpected"):
        prompt.format(passages="p", question="q", lang="en")
    with pytest.raises(PromptError, match="must be text"):
        prompt.format(passages=None, question="q")  # type: ignore[arg-type]


def test_braces_inside_values_are_kept_as_they_are() -> None:
    _, user = load_prompt("answer", "en").format(passages="{question} {x}", question="q")
    assert "{question} {x}" in user


def test_knowledge_answer_loader_still_works_and_checks_its_variables() -> None:
    system, user = load_chat_prompt("answer", "en", ("passages", "question")).render(
        passages="[1] text", question="Does JICA fund testbeds?"
    )
    assert "NOT_COVERED" in system and "Does JICA fund testbeds?" in user
    with pytest.raises(PromptError, match="declares"):
        load_chat_prompt("answer", "en", ("passages",))


def test_text_missing_a_declared_variable_fails_at_load(tmp_path: Path) -> None:
    _write(tmp_path, "p", "[question, answer]", {"en": "[system]\nHi.\n[user]\nQ: {question}\n"})
    with pytest.raises(PromptError, match=r"not in the text \['answer'\]"):
        load_prompt("p", "en", tmp_path)


def test_undeclared_variable_fails_at_load(tmp_path: Path) -> None:
    _write(tmp_path, "p", "[question]", {"en": "[system]\nHi.\n[user]\n{question} {answer}\n"})
    with pytest.raises(PromptError, match=r"undeclared \['answer'\]"):
        load_prompt("p", "en", tmp_path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[system]\nUse {answer}.\n[user]\n{question} {answer}\n", "must not contain"),
        ("You help.\n[user]\n{question} {answer}\n", r"\[system\] section then"),
        ("[system]\nHi.\n[user]\n{question} {answer.x}\n", "plain"),
        ("[system]\nHi.\n[user]\n{question} {answer\n", "not a valid template"),
        ("[system]\n\n[user]\n{question} {answer}\n", "must not be empty"),
    ],
    ids=["variable-in-system", "no-system", "attribute-field", "unclosed-brace", "empty-system"],
)
def test_malformed_prompt_files_fail_at_load(tmp_path: Path, text: str, message: str) -> None:
    _write(tmp_path, "p", "[question, answer]", {"en": text})
    with pytest.raises(PromptError, match=message):
        load_prompt("p", "en", tmp_path)


def test_check_all_prompts_needs_both_languages_and_a_declaration(tmp_path: Path) -> None:
    _write(tmp_path, "p", "[question, answer]", {"en": GOOD, "ja": GOOD})
    assert len(check_all_prompts(tmp_path)) == 2
    (tmp_path / "p.ja.txt").unlink()
    with pytest.raises(PromptError, match=r"p\.ja\.txt"):
        check_all_prompts(tmp_path)
    (tmp_path / "q.en.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "q.ja.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "p.ja.txt").write_text(GOOD, encoding="utf-8")
    with pytest.raises(PromptError, match=r"q\.yaml"):
        check_all_prompts(tmp_path)


def test_check_all_prompts_refuses_an_unknown_language(tmp_path: Path) -> None:
    _write(tmp_path, "p", "[question, answer]", {"en": GOOD, "ja": GOOD, "fr": GOOD})
    with pytest.raises(PromptError, match="unknown languages"):
        check_all_prompts(tmp_path)


def test_declaration_must_list_identifiers(tmp_path: Path) -> None:
    _write(tmp_path, "p", "question", {"en": GOOD})
    with pytest.raises(PromptError, match="expected 'variables:'"):
        load_prompt("p", "en", tmp_path)
