"""Fake chat models and a fake offline interpreter for the LLM interpreter's logic tests.

LangChain's fakes do not implement ``bind_tools``/``with_structured_output``. ``ToolCallingFake``
returns itself from ``bind_tools``, so ``BaseChatModel.with_structured_output`` wraps it with the
real ``PydanticToolsParser`` and the interpreter meets the same parsing code as with a provider.
"""

from __future__ import annotations

from typing import Any

from langchain_core.language_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatResult
from pydantic import Field

from assistant.models import Element, Lang
from assistant.ports import Interpretation


def tool_reply(**args: Any) -> AIMessage:
    """What a provider returns for structured output: one call of the LLMOutput tool."""
    return AIMessage(content="", tool_calls=[{"name": "LLMOutput", "args": args, "id": "call_1"}])


class ToolCallingFake(GenericFakeChatModel):
    """Replies from ``messages`` in turn; records every prompt it was sent in ``seen``."""

    seen: list[list[BaseMessage]] = Field(default_factory=list)

    def bind_tools(self, tools: Any, *, tool_choice: Any = None, **kwargs: Any) -> Any:
        return self

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: Any = None,
        **kwargs: Any,
    ) -> ChatResult:
        self.seen.append(list(messages))
        return super()._generate(messages, stop, run_manager, **kwargs)


class FailingFake(ToolCallingFake):
    """Raises ``error`` on every call, like a provider that times out or answers HTTP 500."""

    error: Exception

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: Any = None,
        **kwargs: Any,
    ) -> ChatResult:
        self.seen.append(list(messages))
        raise self.error


class FakeOffline:
    """Stands in for the offline interpreter: a fixed proposal, and a count of its calls."""

    def __init__(self, level: int | None = 1) -> None:
        self.level = level
        self.calls = 0

    def interpret(self, element: Element, text: str, lang: Lang) -> Interpretation:
        self.calls += 1
        return Interpretation(
            element=element.id, level=self.level, confidence=0.4, evidence=text[:20]
        )
