"""Load the assessment framework from `knowledge/framework/` into validated pydantic models.

The YAML files are the single source of truth; anything missing in either language fails here,
at start-up, with the file and the field named.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from assistant.models import DOMAIN_IDS, Element, Framework

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "knowledge" / "framework"


class FrameworkError(Exception):
    """The framework data is missing or invalid; the message names the file and the field."""


def _read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FrameworkError(f"{path}: {exc}") from exc


def _describe(exc: ValidationError, where: str) -> str:
    first = exc.errors()[0]
    loc = ".".join(str(p) for p in first["loc"])
    return f"{where}: {loc}: {first['msg']} ({exc.error_count()} problem(s) in all)"


def load_framework(directory: Path | str | None = None) -> Framework:
    """Read and validate the framework; raises FrameworkError naming what is wrong."""
    base = Path(directory) if directory else DEFAULT_DIR
    data = _read_yaml(base / "framework.yaml")
    if not isinstance(data, dict):
        raise FrameworkError(f"{base / 'framework.yaml'}: expected a mapping at the top")
    elements: list[Element] = []
    for domain in DOMAIN_IDS:
        path = base / "elements" / f"{domain}.yaml"
        items = _read_yaml(path)
        if not isinstance(items, list):
            raise FrameworkError(f"{path}: expected a list of elements")
        for i, item in enumerate(items):
            try:
                element = Element.model_validate(item)
            except ValidationError as exc:
                ident = item.get("id", f"item {i}") if isinstance(item, dict) else f"item {i}"
                raise FrameworkError(_describe(exc, f"{path} [{ident}]")) from exc
            if element.domain != domain:
                raise FrameworkError(f"{path} [{element.id}]: domain is {element.domain!r}")
            elements.append(element)
    elements.sort(key=lambda e: e.id)
    try:
        return Framework.model_validate({**data, "elements": elements})
    except ValidationError as exc:
        raise FrameworkError(_describe(exc, str(base))) from exc


@lru_cache(maxsize=4)
def get_framework(directory: str | None = None) -> Framework:
    """The framework, loaded once per process: it is immutable, shared, and never per-user."""
    return load_framework(directory)
