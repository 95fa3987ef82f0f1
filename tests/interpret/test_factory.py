"""make_interpreter: offline by default; an LLM interpreter in front when a chat model is given."""

from __future__ import annotations

import sys
import types

import pytest
from langchain_core.embeddings import Embeddings

from assistant.interpret import make_interpreter
from assistant.interpret.offline import OfflineInterpreter
from assistant.settings import Settings


def test_offline_by_default(embeddings: Embeddings) -> None:
    interpreter = make_interpreter(Settings(), embeddings=embeddings)
    assert isinstance(interpreter, OfflineInterpreter)
    assert interpreter.embeddings is embeddings


def test_chat_model_wraps_the_offline_one(
    embeddings: Embeddings, monkeypatch: pytest.MonkeyPatch
) -> None:
    class FakeLLMInterpreter:
        def __init__(
            self, chat_model: object, fallback: OfflineInterpreter, method: str = "auto"
        ) -> None:
            self.chat_model = chat_model
            self.fallback = fallback
            self.method = method

    module = types.ModuleType("assistant.interpret.llm_interpreter")
    module.LLMInterpreter = FakeLLMInterpreter  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "assistant.interpret.llm_interpreter", module)
    chat = object()
    interpreter = make_interpreter(Settings(), chat_model=chat, embeddings=embeddings)  # type: ignore[arg-type]
    assert isinstance(interpreter, FakeLLMInterpreter)
    assert interpreter.chat_model is chat
    assert isinstance(interpreter.fallback, OfflineInterpreter)
    assert interpreter.method == "auto"  # ASSISTANT_LLM_METHOD's default, passed through
