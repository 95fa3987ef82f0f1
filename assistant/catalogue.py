"""Every user-facing message in one validated file (`catalogue.yaml`) and one accessor, `t`.

Keys are dotted by area: ``ui.*`` (the web screens), ``interview.*`` (the conversation),
``report.*`` (reports and briefs), ``scoring.*`` (the scoring explanations), ``interpret.*`` (the
``assistant interpret`` command), ``answer.*`` (answers from the knowledge base), ``errors.*`` (faults told to a person), ``terms.*`` (the vocabulary the screens, the report and the
interview share, so a word never drifts between them). The file is read and checked once, on the
first call: every message in every language of ``languages``, no empty text, the same
``{placeholders}`` in each language. A typo in a key is a KeyError naming the key; a missing
variable is a KeyError naming the message and the variable.

To add a message: put it in `catalogue.yaml` under its area with one line per language, then call
``t("area.key", lang, var=...)``. tests/test_catalogue.py checks the file and that every literal
key the code uses exists (and that no message is left unused).
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from assistant.models import Lang

CATALOGUE_FILE = "catalogue.yaml"


def placeholders(text: str) -> frozenset[str]:
    """The variable names a message uses (``{n}`` and ``{n:.1f}`` both name ``n``)."""
    names = (field for _, field, _, _ in string.Formatter().parse(text) if field is not None)
    return frozenset(n.split(".")[0].split("[")[0] for n in names)


def _flatten(tree: Mapping[str, Any], prefix: str, languages: frozenset[str]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, node in tree.items():
        key = f"{prefix}{name}"
        if not isinstance(node, Mapping):
            raise ValueError(f"{key}: expected a group or a message, got {type(node).__name__}")
        if node.keys() & languages or all(isinstance(v, str) for v in node.values()):
            flat[key] = dict(node)
        else:
            flat |= _flatten(node, f"{key}.", languages)
    return flat


class Catalogue(BaseModel):
    """The checked contents of `catalogue.yaml`: languages, and messages flattened to dotted keys."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    languages: tuple[str, ...]
    messages: dict[str, dict[str, str]]

    @model_validator(mode="before")
    @classmethod
    def _flatten_groups(cls, data: Any) -> Any:
        if isinstance(data, Mapping) and isinstance(data.get("messages"), Mapping):
            langs = frozenset(data.get("languages") or ())
            data = {**data, "messages": _flatten(data["messages"], "", langs)}
        return data

    @field_validator("languages")
    @classmethod
    def _some_languages(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value or len(set(value)) != len(value):
            raise ValueError("languages: a non-empty list without repeats")
        return value

    @model_validator(mode="after")
    def _complete(self) -> Catalogue:
        problems: list[str] = []
        want = set(self.languages)
        for key, texts in self.messages.items():
            if set(texts) != want:
                problems.append(f"{key}: languages {sorted(texts)}, expected {sorted(want)}")
                continue
            if any(not v.strip() for v in texts.values()):
                problems.append(f"{key}: an empty text")
            fields = {lang: placeholders(v) for lang, v in texts.items()}
            if len(set(fields.values())) > 1:
                problems.append(f"{key}: placeholders differ between languages {fields}")
        if problems:
            raise ValueError("; ".join(problems))
        return self


def load(text: str) -> Catalogue:
    """Parse and check a catalogue (a ValueError/ValidationError names every bad message)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's: 10x faster, same result
    return Catalogue.model_validate(yaml.load(text, Loader=loader))


@cache
def catalogue() -> Catalogue:
    """The shipped catalogue, read and checked once (it is immutable data, not per-user state)."""
    return load(files("assistant").joinpath(CATALOGUE_FILE).read_text(encoding="utf-8"))


def t(key: str, lang: Lang, **values: object) -> str:
    """The message ``key`` in ``lang`` with its ``{placeholders}`` filled from ``values``.

    Extra values are allowed (a family of messages chosen by an f-string key may take the same
    values); a missing one is a KeyError naming the message and the variable.
    """
    texts = catalogue().messages.get(key)
    if texts is None:
        raise KeyError(f"no text for key {key!r}")
    text = texts[lang]
    missing = placeholders(text) - values.keys()
    if missing:
        raise KeyError(f"message {key!r} needs the value(s) {', '.join(sorted(missing))}")
    return text.format(**values) if "{" in text else text
