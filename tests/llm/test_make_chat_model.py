"""make_chat_model: no setting → no LLM; a setting → a model with our timeout and retries."""

from __future__ import annotations

import sys

import pytest

from assistant.llm import LLMConfigError, make_chat_model, parse_llm_setting, provider_kwargs
from assistant.settings import Settings


def _settings(llm: str | None, timeout: float = 12.5, retries: int = 2) -> Settings:
    return Settings(llm=llm, llm_timeout=timeout, llm_max_retries=retries)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_no_setting_means_no_llm(value: str | None) -> None:
    assert make_chat_model(_settings(value)) is None


def test_openai_model_gets_the_timeout_and_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    from langchain_openai import ChatOpenAI

    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")
    model = make_chat_model(_settings("openai:gpt-4o-mini"))
    assert isinstance(model, ChatOpenAI)
    assert model.model_name == "gpt-4o-mini"
    assert (model.request_timeout, model.max_retries) == (12.5, 2)
    # ...and the openai client that makes the HTTP calls was built with them.
    assert model.root_client.timeout == 12.5
    assert model.root_client.max_retries == 2


def test_missing_api_key_names_the_setting_and_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(LLMConfigError, match=r"ASSISTANT_LLM=.*OPENAI_API_KEY"):
        make_chat_model(_settings("openai:gpt-4o-mini"))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("gpt-4o-mini", "expected provider:model"),
        ("openai:", "expected provider:model"),
        ("foo:bar", "unknown provider 'foo'"),
        ("OpenAI-ish:gpt", "unknown provider"),
    ],
)
def test_bad_setting_names_the_setting(value: str, message: str) -> None:
    with pytest.raises(LLMConfigError, match=message) as info:
        make_chat_model(_settings(value))
    assert "ASSISTANT_LLM=" in str(info.value)


def test_missing_integration_package_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "test-key")
    monkeypatch.setitem(sys.modules, "langchain_anthropic", None)  # import fails
    with pytest.raises(LLMConfigError, match="pip install langchain-anthropic"):
        make_chat_model(_settings("anthropic:claude-sonnet-4-5"))


def test_ollama_needs_no_key_but_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "langchain_ollama", None)
    monkeypatch.setitem(sys.modules, "langchain_community", None)
    with pytest.raises(LLMConfigError, match="pip install langchain-ollama"):
        make_chat_model(_settings("ollama:llama3.1"))


@pytest.mark.parametrize(
    ("timeout", "retries", "setting"),
    [
        (0, 1, "ASSISTANT_LLM_TIMEOUT"),
        (-3, 1, "ASSISTANT_LLM_TIMEOUT"),
        (5, -1, "ASSISTANT_LLM_MAX_RETRIES"),
    ],
)
def test_bad_timeout_or_retries_are_refused(timeout: float, retries: int, setting: str) -> None:
    with pytest.raises(LLMConfigError, match=setting):
        make_chat_model(_settings("openai:gpt-4o-mini", timeout, retries))


def test_config_error_is_a_value_error_for_callers_that_catch_those() -> None:
    assert issubclass(LLMConfigError, ValueError)


def test_setting_parsing_and_provider_arguments() -> None:
    assert parse_llm_setting(" OpenAI:gpt-4o-mini ") == ("openai", "gpt-4o-mini")
    assert parse_llm_setting("ollama:llama3.1:8b") == ("ollama", "llama3.1:8b")
    assert provider_kwargs("openai", 9.0, 1) == {"timeout": 9.0, "max_retries": 1}
    assert provider_kwargs("anthropic", 9.0, 1) == {"timeout": 9.0, "max_retries": 1}
    assert provider_kwargs("ollama", 9.0, 1) == {"client_kwargs": {"timeout": 9.0}}


def test_broken_prompt_files_stop_start_up(monkeypatch, tmp_path) -> None:
    """A prompt with a missing variable is a start-up error, not a blank in a request."""
    import assistant.prompts as prompts

    for f in prompts.PROMPT_DIR.iterdir():
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    broken = tmp_path / "interpret.en.txt"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("{", "(").replace("}", ")"), "utf-8"
    )
    original = prompts.check_all_prompts
    monkeypatch.setattr(prompts, "check_all_prompts", lambda: original(tmp_path))
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    with pytest.raises(LLMConfigError, match="prompt files are invalid"):
        make_chat_model(Settings(llm="openai:gpt-4o-mini"))
