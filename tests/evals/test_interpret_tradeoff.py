"""The high / coverage trade-off table re-decides answers exactly as the interpreter does."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np

from assistant.interpret.model import Calibration

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location(
    "interpret_tradeoff", ROOT / "evals" / "interpret_tradeoff.py"
)
assert spec and spec.loader
tr = importlib.util.module_from_spec(spec)
sys.modules["interpret_tradeoff"] = tr
spec.loader.exec_module(tr)


def q(*p: float) -> np.ndarray:
    return np.asarray([*p, 0.0])


def test_high_is_covered_only_when_right_and_alternatives_widen_with_the_mass() -> None:
    scored = [
        tr.Scored("en", 2, 2, q(0.0, 0.0, 0.98, 0.02, 0.0)),  # high, right
        tr.Scored("en", 3, 2, q(0.0, 0.0, 0.97, 0.03, 0.0)),  # high, wrong: never covered
        tr.Scored("en", 1, 2, q(0.0, 0.3, 0.6, 0.1, 0.0)),  # unsure: 1 is the runner-up
        tr.Scored("en", 3, 2, q(0.0, 0.3, 0.6, 0.1, 0.0)),  # needs the second alternative
        tr.Scored("en", None, None, None),  # settled early (don't know)
    ]
    narrow = tr.measure(scored, Calibration(high=0.95, coverage=0.85, max_alternatives=2))
    assert narrow.high_share == 2 / 5 and narrow.high_precision == 0.5
    assert narrow.coverage == 2 / 4  # the right high, and level 1 as runner-up
    wide = tr.measure(scored, Calibration(high=0.95, coverage=0.99, max_alternatives=2))
    assert wide.coverage == 3 / 4 and wide.alternatives > narrow.alternatives
    strict = tr.measure(scored, Calibration(high=0.99, coverage=0.99, max_alternatives=2))
    assert strict.high_share == 0.0 and strict.coverage == 1.0


def test_the_table_marks_the_shipped_setting() -> None:
    scored = [tr.Scored("en", 2, 2, q(0.0, 0.1, 0.8, 0.1, 0.0))]
    text = tr.tradeoff_text("t", scored, Calibration(high=0.9, coverage=0.96), ["en"])
    assert sum("*" in line for line in text.splitlines()) == 1
