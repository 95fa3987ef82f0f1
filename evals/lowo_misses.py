"""Print each writer's leave-one-writer-out misses: what a model that never saw the writer got wrong.

Reads the same answer sets as ``train_interpreter.py`` (its ``SOURCES`` and measurement cache),
trains one model per left-out writer at a fixed setting (the shipped one by default; the nested
search of ``train_interpreter.py`` is too slow to repeat while reading misses) and prints, per
writer, exact / within-one and the misses with label, prediction and the answer's opening words.
Far misses (two levels or more, or placed vs not) come first: they cost the official most.

    .venv/bin/python evals/lowo_misses.py --cache /tmp/c.pkl [--writers t7ja1,v6] [--far-only]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import train_interpreter as ti

from assistant.framework import get_framework
from assistant.interpret.model import Calibration, LevelModel


def _cases(sources: dict[str, Path]) -> list[dict]:
    """The answers in ``load_rows`` order (items whose element is unknown are skipped there)."""
    fw = get_framework()
    out: list[dict] = []
    for name, path in sources.items():
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            try:
                fw.element(str(item["element"]))
            except (KeyError, ValueError):
                continue
            out.append({**item, "source": name})
    return out


def far(gold: int | None, pred: int | None) -> bool:
    """Two levels or more apart, or placed where no level is right (or the reverse)."""
    if gold is None or pred is None:
        return gold != pred
    return abs(gold - pred) >= 2


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cache", type=Path, default=None)
    p.add_argument("--writers", default="", help="comma-separated writers to print (default all)")
    p.add_argument("--l2", type=float, default=0.003)
    p.add_argument("--threshold", type=float, default=0.3)
    p.add_argument("--within", type=float, default=2.0)
    p.add_argument("--far-only", action="store_true")
    args = p.parse_args(argv)

    sources = {k: v for k, v in ti.SOURCES.items() if v.exists()}
    # a cache written by train_interpreter.py run as a script names its rows ``__main__.Row``
    sys.modules["__main__"].Row = ti.Row  # type: ignore[attr-defined]
    rows = ti.load_rows(sources, args.cache)
    cases = _cases(sources)
    if len(cases) != len(rows):
        print(
            f"cache holds {len(rows)} answers, the files {len(cases)}: rebuild it", file=sys.stderr
        )
        return 2
    # the nearest-labelled-answer features as the trainer computes them: without the left-out
    # writer in the memory (the cache holds them zeroed)
    hood = ti.Neighbourhood(ti.memory_of(rows))
    wanted = [w for w in args.writers.split(",") if w] or sorted(sources)
    pooled: list = []
    pooled_pred: list = []
    for held in sorted(sources):
        if held not in wanted:  # pooled numbers only when every writer is asked for
            continue
        fold = hood.rows(rows, frozenset({held}))
        train_rows = [r for r in fold if r.source != held]
        base = ti.fit(train_rows, args.l2, args.threshold)
        model = LevelModel(
            base.mean,
            base.scale,
            base.weights,
            base.bias,
            args.threshold,
            Calibration(within=args.within),
        )
        idx = [i for i, r in enumerate(rows) if r.source == held]
        test = [fold[i] for i in idx]
        preds = ti.predict(model, test)
        pooled += test
        pooled_pred += preds
        print(ti._line(held, ti.score(test, preds)))
        misses = [(i, r, q) for i, r, q in zip(idx, test, preds, strict=True) if r.gold != q]
        misses.sort(key=lambda m: (not far(m[1].gold, m[2]), str(cases[m[0]].get("id"))))
        for i, r, q in misses:
            if args.far_only and not far(r.gold, q):
                continue
            c = cases[i]
            text = " ".join(str(c["text"]).split())
            mark = "FAR" if far(r.gold, q) else "   "
            print(
                f"   {mark} {c.get('id')} {c['element']} {r.lang} gold={r.gold} pred={q}"
                f" | {text[:150]}"
            )
    print(ti._line("pooled", ti.score(pooled, pooled_pred)))  # over the writers printed
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
