"""Prompt files, loaded and checked: a prompt that lost a declared {variable} fails loudly.

Each prompt is ``<name>.<lang>.txt`` (a ``[system]`` section with no variables, then a ``[user]``
section that is a ``str.format`` template) plus one sidecar ``<name>.yaml`` that declares the
variables for every language. The declared variables must be exactly the ones the template uses,
and ``Prompt.format`` refuses a missing or unexpected value, so a gap is an error, never a blank.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from langchain_core.messages import BaseMessage

PROMPT_DIR = Path(__file__).resolve().parent
PROMPT_LANGS: tuple[str, ...] = ("en", "ja")
_SYSTEM = "[system]\n"
_USER = "\n[user]\n"


class PromptError(Exception):
    """A prompt file is missing, malformed, or lacks a declared variable."""


@dataclass(frozen=True)
class Prompt:
    """A fixed system message and a user template with exactly the declared variables."""

    name: str
    lang: str
    system: str
    user: str
    variables: tuple[str, ...]

    def format(self, **values: str) -> tuple[str, str]:
        """(system, user) with every declared variable filled; raises on a missing or extra one."""
        missing = [v for v in self.variables if v not in values]
        extra = sorted(set(values) - set(self.variables))
        if missing or extra:
            raise PromptError(
                f"prompt {self.name}.{self.lang}: missing values {missing}, unexpected {extra}"
            )
        bad = [k for k, v in values.items() if not isinstance(v, str)]
        if bad:
            raise PromptError(f"prompt {self.name}.{self.lang}: values must be text: {bad}")
        return self.system, self.user.format(**values)

    def render(self, **values: str) -> tuple[str, str]:
        """The same as ``format`` (the name the knowledge-base answerer uses)."""
        return self.format(**values)

    def messages(self, **values: str) -> list[BaseMessage]:
        """The filled prompt as LangChain messages, ready for ``chat_model.invoke``."""
        from langchain_core.messages import HumanMessage, SystemMessage

        system, user = self.format(**values)
        return [SystemMessage(system), HumanMessage(user)]


# The knowledge-base answerer imports this name.
ChatPrompt = Prompt


def _fields(text: str, where: str) -> set[str]:
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise PromptError(f"{where}: not a valid template: {exc}") from exc
    names: set[str] = set()
    for _, field, spec, conversion in parsed:
        if field is None:
            continue
        if not field.isidentifier() or spec or conversion:
            raise PromptError(f"{where}: use plain {{name}} fields only, got {{{field}}}")
        names.add(field)
    return names


def declared_variables(name: str, directory: Path = PROMPT_DIR) -> tuple[str, ...]:
    """The variables ``<name>.yaml`` declares (shared by every language of the prompt)."""
    path = directory / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PromptError(f"{path}: cannot read the prompt's declaration: {exc}") from exc
    variables = data.get("variables") if isinstance(data, dict) else None
    if not isinstance(variables, list) or not all(
        isinstance(v, str) and v.isidentifier() for v in variables
    ):
        raise PromptError(f"{path}: expected 'variables:' listing identifier names")
    if len(set(variables)) != len(variables):
        raise PromptError(f"{path}: duplicate variable names")
    return tuple(variables)


def read_prompt(name: str, lang: str, directory: Path = PROMPT_DIR) -> Prompt:
    """Read ``<name>.<lang>.txt`` from disk and check it uses exactly the declared variables."""
    path = directory / f"{name}.{lang}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PromptError(f"{path}: cannot read prompt: {exc}") from exc
    if not text.startswith(_SYSTEM) or _USER not in text:
        raise PromptError(f"{path}: expected a [system] section then a [user] section")
    system, user = text[len(_SYSTEM) :].split(_USER, 1)
    system, user = system.strip(), user.strip()
    if not system or not user:
        raise PromptError(f"{path}: the [system] and [user] sections must not be empty")
    in_system = _fields(system, f"{path} [system]")
    if in_system:
        raise PromptError(f"{path}: [system] must not contain {{variables}}: {sorted(in_system)}")
    # A literal brace in [system] is written doubled like in [user]; undo that here.
    system = system.replace("{{", "{").replace("}}", "}")
    variables = declared_variables(name, directory)
    used = _fields(user, f"{path} [user]")
    missing = [v for v in variables if v not in used]
    undeclared = sorted(used - set(variables))
    if missing or undeclared:
        raise PromptError(
            f"{path}: declared variables not in the text {missing}, undeclared {undeclared}"
        )
    return Prompt(name=name, lang=lang, system=system, user=user, variables=variables)


@lru_cache(maxsize=32)
def load_prompt(name: str, lang: str, directory: Path = PROMPT_DIR) -> Prompt:
    """``read_prompt``, once per process: prompt files do not change while it runs."""
    return read_prompt(name, lang, directory)


def load_chat_prompt(name: str, lang: str, required: tuple[str, ...]) -> Prompt:
    """``load_prompt`` plus a check that the caller and the declaration agree on the variables."""
    prompt = load_prompt(name, lang)
    if set(prompt.variables) != set(required):
        raise PromptError(
            f"prompt {name}.{lang}: declares {list(prompt.variables)}, caller fills {list(required)}"
        )
    return prompt


def check_all_prompts(directory: Path = PROMPT_DIR) -> list[Prompt]:
    """Load every shipped prompt in every language; raises PromptError on the first problem.

    Called at start-up (and by a test) so that a broken prompt file stops the program before an
    official's answer ever reaches it.
    """
    names = sorted({p.name.split(".", 1)[0] for p in directory.glob("*.txt")})
    if not names:
        raise PromptError(f"{directory}: no prompt files")
    prompts: list[Prompt] = []
    for name in names:
        for lang in PROMPT_LANGS:
            prompts.append(read_prompt(name, lang, directory))
        strays = [
            p.name
            for p in directory.glob(f"{name}.*.txt")
            if p.name.split(".")[1] not in PROMPT_LANGS
        ]
        if strays:
            raise PromptError(f"{directory}: prompt files in unknown languages: {strays}")
    return prompts
