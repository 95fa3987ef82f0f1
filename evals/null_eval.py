"""Unplaceable answers, measured on every interpretation set: nulls caught and false nulls.

An answer labelled ``level: null`` ("I don't know", not my department, a question back) counts
as within-one only when it is left unplaced; an answer with a level left unplaced is a false
null. This prints, per set and language: nulls caught / null-labelled, false nulls / labelled,
within-one. Offline interpreter only; a benchmark run, not a test.

    .venv/bin/python evals/null_eval.py [--show] [--json OUT] [SET ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import yaml  # noqa: E402
from interpret_eval import build_interpreters, is_within_one, parse_cases, run  # noqa: E402

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


def load(path: Path, ids: list[str]) -> list:
    """The set's cases; the development set has no ids, so they are numbered here."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    for i, item in enumerate(items):
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
    interpreter, _, _ = build_interpreters(want_llm=False)
    dump: list[dict[str, object]] = []
    print(f"{'set':34} {'lang':4} {'nulls caught':>13} {'false null':>11} {'within-1':>9}")
    for name in args.sets:
        cases = load(HERE / "datasets" / name, ids)
        outcomes = run(interpreter, framework, cases)
        for lang in ("en", "ja"):
            sel = [o for o in outcomes if o.case.lang == lang]
            if not sel:
                continue
            nulls = [o for o in sel if o.case.level is None]
            caught = sum(o.predicted is None for o in nulls)
            labelled = [o for o in sel if o.case.level is not None]
            false = sum(o.predicted is None for o in labelled)
            w1 = sum(is_within_one(o.case.level, o.predicted) for o in sel) / len(sel)
            print(
                f"{name:34} {lang:4} {caught:>6}/{len(nulls):<6} {false:>4}/{len(labelled):<6}"
                f" {100 * w1:8.1f}"
            )
            if args.show:
                for o in sel:
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
    if args.json:
        args.json.write_text(json.dumps(dump, ensure_ascii=False, indent=0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
