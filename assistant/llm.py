"""One function: settings → a LangChain chat model, or None when no LLM is configured.

The setting is ``provider:model`` (``openai:gpt-4o-mini``, ``anthropic:claude-...``,
``ollama:llama3.1``). Every model gets an explicit timeout and a bounded number of retries
(Ollama: the timeout only), so a slow or failing provider costs at most about
``llm_timeout * (llm_max_retries + 1)`` seconds before the caller falls back to the offline path.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from assistant.settings import Settings

SETTING = "ASSISTANT_LLM"

# provider -> (integration package on PyPI, environment variable holding its API key or None)
PROVIDERS: dict[str, tuple[str, str | None]] = {
    "openai": ("langchain-openai", "OPENAI_API_KEY"),
    "anthropic": ("langchain-anthropic", "ANTHROPIC_API_KEY"),
    "ollama": ("langchain-ollama", None),
}


class LLMConfigError(ValueError):
    """The LLM settings cannot produce a chat model; the message names the setting to fix."""


def parse_llm_setting(value: str) -> tuple[str, str]:
    """``"openai:gpt-4o-mini"`` → ``("openai", "gpt-4o-mini")``; raises LLMConfigError."""
    provider, sep, model = value.strip().partition(":")
    provider = provider.strip().lower()
    if not sep or not provider or not model.strip():
        raise LLMConfigError(
            f"{SETTING}={value!r}: expected provider:model, e.g. openai:gpt-4o-mini"
        )
    if provider not in PROVIDERS:
        raise LLMConfigError(
            f"{SETTING}={value!r}: unknown provider {provider!r}; "
            f"supported: {', '.join(sorted(PROVIDERS))}"
        )
    return provider, model.strip()


def provider_kwargs(provider: str, timeout: float, max_retries: int) -> dict[str, Any]:
    """The constructor arguments that carry the timeout and retries for this provider.

    ``init_chat_model`` passes keyword arguments straight to the model class. ChatOpenAI reads
    ``timeout`` (alias of ``request_timeout``) and ``max_retries`` and hands both to the openai
    client; ChatAnthropic reads ``timeout`` (alias of ``default_request_timeout``) and
    ``max_retries`` the same way. ChatOllama has no such fields (unknown ones would be silently
    ignored), so its timeout goes to the underlying httpx client through ``client_kwargs``; it
    has no retry setting (a local server), so ``max_retries`` does not apply there.
    """
    if provider == "ollama":
        return {"client_kwargs": {"timeout": timeout}}
    return {"timeout": timeout, "max_retries": max_retries}


def make_chat_model(settings: Settings) -> BaseChatModel | None:
    """``settings.llm`` such as ``openai:gpt-4o-mini``; None (offline) when unset.

    Raises LLMConfigError naming the setting for an unknown provider, a missing integration
    package, a missing API key or an invalid timeout/retry value.
    """
    if not settings.llm or not settings.llm.strip():
        return None
    provider, model = parse_llm_setting(settings.llm)
    if not settings.llm_timeout > 0:
        raise LLMConfigError(f"ASSISTANT_LLM_TIMEOUT={settings.llm_timeout}: must be > 0 seconds")
    if settings.llm_max_retries < 0:
        raise LLMConfigError(f"ASSISTANT_LLM_MAX_RETRIES={settings.llm_max_retries}: must be >= 0")
    package, key_env = PROVIDERS[provider]
    if key_env and not os.environ.get(key_env, "").strip():
        raise LLMConfigError(f"{SETTING}={settings.llm!r}: set {key_env} to the provider's API key")

    from langchain.chat_models import init_chat_model

    from assistant.prompts import PromptError, check_all_prompts

    try:
        check_all_prompts()  # every prompt the model will see, validated once at start-up
    except PromptError as exc:
        raise LLMConfigError(f"the prompt files are invalid: {exc}") from exc

    kwargs = provider_kwargs(provider, settings.llm_timeout, settings.llm_max_retries)
    try:
        chat_model = init_chat_model(f"{provider}:{model}", **kwargs)
    except ImportError as exc:
        raise LLMConfigError(
            f"{SETTING}={settings.llm!r} needs the {package} package: pip install {package}"
        ) from exc
    except Exception as exc:  # the provider's own validation, e.g. a malformed key or URL
        raise LLMConfigError(f"{SETTING}={settings.llm!r}: {type(exc).__name__}: {exc}") from exc
    return chat_model
