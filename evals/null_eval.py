"""Unplaceable answers, measured on every interpretation set: nulls caught and false nulls.

An answer labelled ``level: null`` ("I don't know", not my department, a question back) counts
as within-one only when it is left unplaced; an answer with a level left unplaced is a false
null. This prints, per set and language: nulls caught / null-labelled, false nulls / labelled,
within-one; then the totals per language against the gate (nulls caught >= 95 %, false nulls
<= 1 %). Offline interpreter only.

    .venv/bin/python evals/null_eval.py [--show] [--json OUT] [SET ...]

Exit status: 0 when every language meets the gate, 1 when one misses it, 2 on a bad dataset.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import yaml  # noqa: E402
from interpret_eval import (  # noqa: E402
    DatasetError,
    Outcome,
    build_interpreters,
    is_within_one,
    parse_cases,
    run,
)

SETS = (
    "interpretation.yaml",
    "interpretation_dev.yaml",
    "interpretation_heldout_v2.yaml",
    "interpretation_heldout_v3.yaml",
    "interpretation_heldout_v4.yaml",
    "interpretation_heldout_v5.yaml",
    "interpretation_train_a.yaml",
    "interpretation_train_b.yaml",
    "interpretation_train_c.yaml",
    "interpretation_train_d.yaml",
)
MIN_CAUGHT = 0.95  # null-labelled answers left unplaced, each language over all sets
MAX_FALSE = 0.01  # labelled answers left unplaced


@dataclass(frozen=True)
class Tally:
    nulls: int
    caught: int  # null-labelled and left unplaced
    labelled: int
    false_nulls: int  # labelled and left unplaced
    within_one: int  # of all answers (null matches only null)

    @property
    def n(self) -> int:
        return self.nulls + self.labelled

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(a + b for a, b in zip(self.row(), other.row(), strict=True)))

    def row(self) -> tuple[int, int, int, int, int]:
        return (self.nulls, self.caught, self.labelled, self.false_nulls, self.within_one)


def tally(outcomes: Iterable[Outcome]) -> Tally:
    """Count nulls caught and false nulls; an interpreter error counts as placed wrongly."""
    got = list(outcomes)
    nulls = [o for o in got if o.case.level is None]
    labelled = [o for o in got if o.case.level is not None]
    return Tally(
        nulls=len(nulls),
        caught=sum(o.predicted is None and not o.error for o in nulls),
        labelled=len(labelled),
        false_nulls=sum(o.predicted is None and not o.error for o in labelled),
        within_one=sum(not o.error and is_within_one(o.case.level, o.predicted) for o in got),
    )


def meets_gate(t: Tally) -> bool:
    caught = t.caught / t.nulls if t.nulls else 1.0
    false = t.false_nulls / t.labelled if t.labelled else 0.0
    return caught >= MIN_CAUGHT and false <= MAX_FALSE


def line(name: str, lang: str, t: Tally) -> str:
    w1 = 100 * t.within_one / t.n if t.n else 0.0
    return (
        f"{name:34} {lang:4} {t.caught:>6}/{t.nulls:<6} {t.false_nulls:>4}/{t.labelled:<6}"
        f" {w1:8.1f}"
    )


def load(path: Path, ids: Sequence[str]) -> list:
    """The set's cases; the development set has no ids, so they are numbered here."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(items, list):
        for i, item in enumerate(items):
            if isinstance(item, dict):
                item.setdefault("id", f"{path.stem}-{i + 1:03d}")
    return parse_cases(items, ids)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("sets", nargs="*", default=list(SETS))
    p.add_argument("--show", action="store_true", help="list each null miss and false null")
    p.add_argument("--json", type=Path, default=None, help="write every prediction here")
    args = p.parse_args(argv)
    from assistant.framework import get_framework

    framework = get_framework()
    ids = [e.id for e in framework.elements]
    try:
        sets = [(name, load(HERE / "datasets" / name, ids)) for name in args.sets]
    except (OSError, yaml.YAMLError, DatasetError) as exc:
        print(f"bad dataset: {exc}", file=sys.stderr)
        return 2
    interpreter, _, _ = build_interpreters(want_llm=False)
    dump: list[dict[str, object]] = []
    totals = {"en": Tally(0, 0, 0, 0, 0), "ja": Tally(0, 0, 0, 0, 0)}
    print(f"{'set':34} {'lang':4} {'nulls caught':>13} {'false null':>11} {'within-1':>9}")
    for name, cases in sets:
        outcomes = run(interpreter, framework, cases)
        for lang in ("en", "ja"):
            sel = [o for o in outcomes if o.case.lang == lang]
            if not sel:
                continue
            t = tally(sel)
            totals[lang] = totals[lang] + t
            print(line(name, lang, t))
            for o in sel if args.show else []:
                if (o.case.level is None) != (o.predicted is None):
                    print(
                        f"    {o.case.id} label={o.case.level} got={o.predicted}"
                        f" conf={o.confidence:.2f}: {o.case.text[:150]!r}"
                    )
        dump += [
            {
                "set": name,
                "id": o.case.id,
                "lang": o.case.lang,
                "label": o.case.level,
                "predicted": o.predicted,
                "confidence": o.confidence,
            }
            for o in outcomes
        ]
    print(f"gate: nulls caught >= {MIN_CAUGHT:.0%}, false nulls <= {MAX_FALSE:.0%}, each language")
    ok = True
    for lang, t in totals.items():
        passed = meets_gate(t)
        ok = ok and passed
        print(line("all sets", lang, t) + ("  ok" if passed else "  MISSED"))
    if args.json:
        args.json.write_text(json.dumps(dump, ensure_ascii=False, indent=0), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
