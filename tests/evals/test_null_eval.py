"""The unplaceable-answers eval: what counts as a null caught, a false null, and the gate.

A miscount here would misreport the interpreter (an error counted as "left unplaced" would
look like a caught null), so the tally is tested on hand-made outcomes, without the interpreter.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "evals" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


ne = _load("null_eval")
ie = sys.modules["interpret_eval"]


def outcome(label: int | None, predicted: int | None, error: str = "") -> object:
    case = ie.Case("x", "E01", "en", "t", label)
    return ie.Outcome(case, predicted, 0.5, error=error)


def test_nulls_caught_and_false_nulls_are_counted_apart() -> None:
    t = ne.tally(
        [
            outcome(None, None),  # caught
            outcome(None, 0),  # a null placed: not caught, not within one
            outcome(2, None),  # a false null
            outcome(2, 3),  # placed, within one
            outcome(None, None, error="boom"),  # an error is never a catch
        ]
    )
    assert (t.nulls, t.caught, t.labelled, t.false_nulls, t.within_one) == (3, 1, 2, 1, 2)


def test_the_gate_wants_nulls_caught_and_few_false_nulls() -> None:
    assert ne.meets_gate(ne.Tally(nulls=20, caught=19, labelled=200, false_nulls=2, within_one=0))
    assert not ne.meets_gate(
        ne.Tally(nulls=20, caught=18, labelled=200, false_nulls=0, within_one=0)
    )
    assert not ne.meets_gate(
        ne.Tally(nulls=20, caught=20, labelled=100, false_nulls=2, within_one=0)
    )


def test_the_development_set_without_ids_is_numbered(tmp_path: Path) -> None:
    path = tmp_path / "dev.yaml"
    path.write_text(
        "- {element: E01, lang: en, text: a, level: null}\n"
        "- {element: E01, lang: ja, text: b, level: 1}\n",
        encoding="utf-8",
    )
    cases = ne.load(path, [f"E{i:02d}" for i in range(1, 22)])
    assert [c.id for c in cases] == ["dev-001", "dev-002"]
