"""Benchmark: how fast scoring answers, in process and as the `assistant score` command.

Prints medians; the baseline is a bare `python -c pass` start measured in the same run, so the
ratio says how much the command adds to starting Python at all.
    .venv/bin/python evals/bench_score.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from assistant.answers_io import read_answers
from assistant.framework import get_framework
from assistant.scoring import assess

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "regional-core.json"
TARGET_CLI_S = 1.0


def _time_cmd(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    fw = get_framework()
    answers = read_answers(EXAMPLE)
    in_proc = []
    for _ in range(500):
        start = time.perf_counter()
        assess(fw, answers)
        in_proc.append(time.perf_counter() - start)
    base = _time_cmd([sys.executable, "-c", "pass"], 10)
    cli = _time_cmd([sys.executable, "-m", "assistant", "score", str(EXAMPLE), "--json"], 10)
    p50_cli, p50_base = statistics.median(cli), statistics.median(base)
    print(f"{'measure':<34}{'median':>12}")
    print(f"{'assess() in process':<34}{statistics.median(in_proc) * 1000:>10.2f}ms")
    print(f"{'python -c pass (baseline)':<34}{p50_base * 1000:>10.1f}ms")
    print(f"{'assistant score --json':<34}{p50_cli * 1000:>10.1f}ms")
    print(f"{'ratio command / baseline':<34}{p50_cli / p50_base:>11.1f}x")
    ok = p50_cli < TARGET_CLI_S
    print(f"target: command median < {TARGET_CLI_S:.1f} s -> {'ok' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
