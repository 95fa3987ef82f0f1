"""Free text → proposed level through a chat model, falling back to the offline interpreter.

The model sees one element's plain-language question, its five rubric levels and the official's
answer, quoted between delimiters as data, and proposes a level with the phrase behind it. It
never sees or produces scores for the assessment; the person still confirms the level. Anything
that goes wrong (timeout, HTTP error, refusal, malformed or invalid output, any exception) gives
the offline interpreter's proposal with a visible notice, so no answer is lost.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

from langchain_core.exceptions import OutputParserException
from pydantic import (
    BaseModel,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from assistant.ports import Interpretation, Interpreter
from assistant.prompts import Prompt, load_prompt

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage
    from langchain_core.runnables import Runnable

    from assistant.models import Element, Lang

PROMPT_NAME = "interpret"
MAX_ANSWER_CHARS = 4000  # answers are short; a pasted document is cut, not sent whole
MAX_FIELD_CHARS = 1000  # a quote or a follow-up question longer than this is not one

NOTICE_FAILED = {
    "en": "The language model did not answer; the offline interpreter proposed this level.",
    "ja": "言語モデルから回答が得られなかったため、オフラインの解釈でレベルを提案しています。",
}
NOTICE_INVALID = {
    "en": "The language model's answer could not be used; the offline interpreter proposed this "
    "level.",
    "ja": "言語モデルの回答が使えなかったため、オフラインの解釈でレベルを提案しています。",
}

# Tags the prompt uses around quoted data; the answer must not be able to open or close them.
_DELIMITER = re.compile(
    r"[<＜]\s*[/／]?\s*(official[\s_-]*answer|question|levels|system|user)\b\s*[>＞]?",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_QUOTE_TRIM = " \t\n\"'“”‘’「」『』…."


class LLMOutput(BaseModel):
    """A proposed rubric level for one official's answer, with the exact phrase behind it."""

    # This docstring and the field descriptions are sent to the provider as the output schema.
    # Validated with ``context={"answer": text}``, the evidence quote must also be a phrase of
    # the answer: a quote the official never wrote is invalid, not evidence.

    # Ranges and lengths are checked by the validators below, not put in the schema: OpenAI's
    # strict structured outputs reject keywords such as maxLength.
    level: int | None = Field(
        description="The proposed rubric level 0-4, or null when the answer cannot be placed."
    )
    evidence_quote: str = Field(
        description="The shortest phrase copied exactly from the official's answer that "
        "justifies the level; empty when level is null."
    )
    confidence: float = Field(description="How sure the level is right, from 0 to 1.")
    follow_up: str | None = Field(
        description="One short clarifying question for the official, or null."
    )

    @field_validator("level")
    @classmethod
    def _level_in_rubric(cls, value: int | None) -> int | None:
        if value is not None and not 0 <= value <= 4:
            raise ValueError("level must be 0-4 or null")
        return value

    @field_validator("confidence")
    @classmethod
    def _confidence_in_range(cls, value: float) -> float:
        if not 0.0 <= value <= 1.0:
            raise ValueError("confidence must be between 0 and 1")
        return value

    @field_validator("evidence_quote", "follow_up")
    @classmethod
    def _short(cls, value: str | None) -> str | None:
        if value is not None and len(value) > MAX_FIELD_CHARS:
            raise ValueError(f"longer than {MAX_FIELD_CHARS} characters")
        return value

    @model_validator(mode="after")
    def _evidence_is_quoted(self, info: ValidationInfo) -> LLMOutput:
        if self.level is not None and len(self.evidence_quote.strip(_QUOTE_TRIM)) < 2:
            raise ValueError("a level needs an evidence quote from the answer")
        answer = (info.context or {}).get("answer")
        quoted = self.evidence_quote.strip(_QUOTE_TRIM)
        if answer is not None and quoted and quote_span(self.evidence_quote, answer) is None:
            raise ValueError("evidence_quote is not a phrase of the answer")
        return self


def sanitize_answer(text: str) -> str:
    """The answer as quoted data: no control characters, no look-alikes of the prompt's tags."""
    text = _CONTROL.sub("", text).strip()
    if len(text) > MAX_ANSWER_CHARS:
        text = text[:MAX_ANSWER_CHARS] + " …"
    return _DELIMITER.sub(lambda m: "(" + re.sub(r"[<>＜＞/／]", "", m.group(0)) + ")", text)


def _normalise(text: str) -> tuple[str, list[int]]:
    """NFKC, case-folded, whitespace collapsed, straight quotes; with each char's source index."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch).casefold():
            c = {"“": '"', "”": '"', "‘": "'", "’": "'"}.get(c, c)
            if c.isspace():
                if not out or out[-1] == " ":
                    continue
                c = " "
            out.append(c)
            where.append(i)
    return "".join(out), where


def find_quote(quote: str, answer: str) -> str | None:
    """The span of ``answer`` that ``quote`` copies (ignoring case, width and spacing), or None."""
    quote = quote.strip(_QUOTE_TRIM)
    if not quote:
        return None
    if quote in answer:
        return quote
    norm_answer, where = _normalise(answer)
    norm_quote = _normalise(quote)[0].strip()
    start = norm_answer.find(norm_quote) if norm_quote else -1
    if start < 0:
        return None
    end = start + len(norm_quote) - 1
    return answer[where[start] : where[end] + 1]


def quote_span(quote: str, answer: str) -> str | None:
    """``find_quote`` in the answer, or in the answer as the model saw it (sanitized)."""
    return find_quote(quote, answer) or find_quote(quote, sanitize_answer(answer))


def format_levels(element: Element, lang: Lang) -> str:
    """The five rubric levels with an example answer each, one block per level."""
    example = "Example" if lang == "en" else "回答例"
    return "\n".join(
        f"{r.level}: {r.text.get(lang)}\n   ({example}: {r.evidence.get(lang)})"
        for r in element.rubric
    )


class LLMInterpreter:
    """``Interpreter`` through a chat model; the offline ``fallback`` answers whenever it fails."""

    def __init__(
        self, chat_model: BaseChatModel, fallback: Interpreter, method: str | None = None
    ) -> None:
        """``method``: with_structured_output's (function_calling, json_mode, json_schema);
        None = the integration's default."""
        self._model = chat_model
        self._fallback = fallback
        # Loaded now so that a broken prompt file fails at start-up, not mid-interview.
        self._prompts: dict[str, Prompt] = {
            lang: load_prompt(PROMPT_NAME, lang) for lang in ("en", "ja")
        }
        self._structured: Runnable[Any, Any] | None
        try:
            kwargs = {"method": method} if method else {}
            self._structured = chat_model.with_structured_output(LLMOutput, **kwargs)
        except NotImplementedError:
            self._structured = None  # plain text + PydanticOutputParser instead

    def messages(self, element: Element, text: str, lang: Lang) -> list[BaseMessage]:
        """The prompt for one answer: the answer is quoted data inside its delimiters."""
        return self._prompts[lang].messages(
            element_name=f"{element.id} {element.name.get(lang)}",
            question=element.question.get(lang),
            levels=format_levels(element, lang),
            answer=sanitize_answer(text),
        )

    def interpret(self, element: Element, text: str, lang: Lang) -> Interpretation:
        try:
            raw = self._ask(self.messages(element, text, lang))
        except (OutputParserException, ValidationError):  # it answered, but not in the schema
            return self._fall_back(element, text, lang, NOTICE_INVALID)
        except Exception:  # timeout, HTTP error, refusal, any other failure
            return self._fall_back(element, text, lang, NOTICE_FAILED)
        try:
            output = LLMOutput.model_validate(
                raw.model_dump() if isinstance(raw, BaseModel) else raw,
                context={"answer": text},
            )
        except ValidationError:
            return self._fall_back(element, text, lang, NOTICE_INVALID)
        evidence = quote_span(output.evidence_quote, text) or ""
        follow_up = (output.follow_up or "").strip() or None
        result = Interpretation(
            element=element.id,
            level=output.level,
            confidence=output.confidence,
            evidence=evidence,
            follow_up=follow_up,
            source="llm",
        )
        return self._honest(result, element, text, lang)

    @staticmethod
    def _honest(result: Interpretation, element: Element, text: str, lang: Lang) -> Interpretation:
        """The model's own confidence is not calibrated: never "high" (issue 10).

        No alternatives or separating question either: those come from the offline
        interpreter's measured probabilities, which an LLM reply does not have.
        """
        label = "medium" if result.level is not None and result.confidence >= 0.5 else "low"
        return result.model_copy(update={"confidence_label": label})

    def _ask(self, messages: list[BaseMessage]) -> object:
        if self._structured is not None:
            return self._structured.invoke(messages)
        from langchain_core.messages import SystemMessage
        from langchain_core.output_parsers import PydanticOutputParser

        parser: PydanticOutputParser[LLMOutput] = PydanticOutputParser(pydantic_object=LLMOutput)
        system = messages[0].text + "\n\n" + parser.get_format_instructions()
        reply = self._model.invoke([SystemMessage(system), *messages[1:]])
        return parser.invoke(reply)

    def _fall_back(
        self, element: Element, text: str, lang: Lang, notice: dict[str, str]
    ) -> Interpretation:
        result = self._fallback.interpret(element, text, lang)
        return result.model_copy(update={"notice": notice[lang]})
