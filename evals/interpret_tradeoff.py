"""The trade-off between "high" and candidate coverage, measured on a held-out set.

Two shipped numbers decide what an official sees (``Calibration`` in
``assistant.interpret.model``): ``high``, the calibrated probability above which a proposal is
labelled "high" and offered alone; and ``coverage``, the probability mass the proposal and its
alternatives must hold otherwise. A lower ``high`` labels more answers "high" but each of those
is covered only if it is right; a higher ``coverage`` offers more alternatives. This module
re-decides one set of answers under a grid of both and prints, per language, the share labelled
high, its precision, the coverage (right level proposed or among the alternatives) and the
alternatives per answer, so the shipped setting can be read against its neighbours.

The settings are chosen by ``evals/train_interpreter.py`` on the training writers (out of
source); this table only shows what they give on a held-out set.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from assistant.interpret.model import NULL, Calibration, LevelModel, candidates, features
from assistant.ports import Interpretation

CUTS: tuple[float, ...] = (0.90, 0.95, 0.97)
MASSES: tuple[float, ...] = (0.95, 0.98, 0.99)


@dataclass(frozen=True)
class Scored:
    """One answer: its label, the model's decision and calibrated distribution (None when
    it was settled before the model: "don't know", empty)."""

    lang: str
    gold: int | None
    level: int | None
    q: np.ndarray | None


def score_cases(offline: Any, framework: Any, cases: Iterable[Any]) -> list[Scored] | None:
    """Every case measured once; None when ``offline`` is not the learned offline interpreter."""
    model: LevelModel | None = getattr(offline, "model", None)
    if model is None or not hasattr(offline, "analyse"):
        return None
    out: list[Scored] = []
    for case in cases:
        analysis = offline.analyse(framework.element(case.element), case.text, case.lang)
        if isinstance(analysis, Interpretation):
            out.append(Scored(case.lang, case.level, analysis.level, None))
            continue
        x = features(analysis)
        level, _ = model.decide(x)
        out.append(Scored(case.lang, case.level, level, model.calibrated(x)))
    return out


@dataclass(frozen=True)
class Point:
    n: int
    high_share: float
    high_precision: float
    coverage: float
    alternatives: float  # per answer


def measure(scored: Sequence[Scored], cal: Calibration) -> Point:
    """What ``cal`` gives on these answers (the same rules as ``LevelModel.assess``)."""
    high = right_high = covered = levelled = alts = 0
    for s in scored:
        options: list[int] = []
        is_high = False
        if s.level is not None and s.q is not None:
            is_high = float(s.q[s.level]) >= cal.high
            if not is_high:
                options = candidates(s.q[:NULL], s.level, cal.coverage, cal.max_alternatives)
        high += is_high
        right_high += is_high and s.level == s.gold
        alts += len(options)
        if s.gold is not None:
            levelled += 1
            covered += s.level == s.gold or s.gold in options
    n = len(scored)
    return Point(
        n=n,
        high_share=high / n if n else 0.0,
        high_precision=right_high / high if high else 0.0,
        coverage=covered / levelled if levelled else 0.0,
        alternatives=alts / n if n else 0.0,
    )


def tradeoff_text(
    title: str, scored: Sequence[Scored], shipped: Calibration, langs: Sequence[str]
) -> str:
    """Rows: ("high" cut-off, candidate mass); shipped setting marked with *."""
    cuts = sorted({*CUTS, round(shipped.high, 3)})
    masses = sorted({*MASSES, round(shipped.coverage, 3)})
    head = f"{'high≥':>6} {'mass':>5} " + " ".join(
        f"{lang + ' high':>8} {'prec':>6} {'cover':>6} {'alts':>5}" for lang in langs
    )
    lines = [title, head, "-" * len(head)]
    for cut in cuts:
        for mass in masses:
            cal = replace(shipped, high=cut, coverage=mass)
            mark = (
                "*" if (cut, mass) == (round(shipped.high, 3), round(shipped.coverage, 3)) else " "
            )
            cells = []
            for lang in langs:
                p = measure([s for s in scored if s.lang == lang], cal)
                cells.append(
                    f"{100 * p.high_share:7.1f}% {100 * p.high_precision:5.1f}%"
                    f" {100 * p.coverage:5.1f}% {p.alternatives:5.2f}"
                )
            lines.append(f"{cut:>5.3f}{mark} {mass:>5.3f} " + " ".join(cells))
    return "\n".join(lines)
