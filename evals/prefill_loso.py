"""Leave-one-set-out check of the document reader's thresholds (issue 14, round 3).

The four labelled sets (``prefill``, ``prefill_dev``, ``prefill_v2``, ``prefill_v3``: 29
documents by four writers) are read under every combination of the thresholds in ``GRID``. For
each set in turn, the combination that does best on the other three (the worse of precision over
90 % and recall over 75 %, plus a tenth of the turns the review saves) is read on the held-out
set: how a threshold chosen without one writer's documents fares on them. The reader's defaults
should be what the folds pick most often. Embeddings are cached for the run (the same sentences
are embedded under every combination).

    HF_HUB_OFFLINE=1 python evals/prefill_loso.py [--grid JSON]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "evals"))

from prefill_eval import full_costs, review_turns, walk_turns  # noqa: E402

from assistant.framework import get_framework  # noqa: E402
from assistant.prefill.documents import Document, read_file  # noqa: E402
from assistant.prefill.reader import DocumentReader, ReaderCalibration  # noqa: E402
from assistant.prefill.review import REVIEW_MIN  # noqa: E402
from assistant.prefill.service import build_reader, limits  # noqa: E402
from assistant.settings import Settings  # noqa: E402

SETS = ("prefill", "prefill_dev", "prefill_v2", "prefill_v3")
GRID: dict[str, list[Any]] = {
    "cover": [0.38, 0.40, 0.42],
    "margin": [0.12, 0.14, 0.16],
    "unnamed_slack": [0.08, 0.12],
    "corroborate": [None, 0.05],
}
Labelled = list[tuple[Document, dict[str, int | None]]]


def _cache_embeddings(reader: DocumentReader) -> None:
    """Each text embedded once for the whole run."""
    emb = reader.embeddings
    embed = emb.embed_documents
    seen: dict[str, list[float]] = {}

    def cached(texts: list[str]) -> list[list[float]]:
        missing = [t for t in dict.fromkeys(texts) if t not in seen]
        if missing:
            seen.update(zip(missing, embed(missing), strict=True))
        return [seen[t] for t in texts]

    object.__setattr__(emb, "embed_documents", cached)


def _load(settings: Settings) -> dict[str, Labelled]:
    out: dict[str, Labelled] = {}
    for name in SETS:
        for path in sorted((ROOT / "evals" / "datasets" / name).glob("*.labels.yaml")):
            lim = limits(settings)
            doc = read_file(
                path.with_name(path.name.replace(".labels.yaml", ".md")),
                max_bytes=lim["max_bytes"],
                max_pages=lim["max_pages"],
                max_chars=lim["max_chars"],
            )
            labels = yaml.safe_load(path.read_text(encoding="utf-8"))
            truth = {e: (v["level"] if v else None) for e, v in labels.items()}
            out.setdefault(name, []).append((doc, truth))
    return out


def _run(
    reader: DocumentReader, docs: dict[str, Labelled], costs: dict[str, float]
) -> dict[str, dict[str, float]]:
    """Per set: the counts prefill_eval sums (drafted, hit, covered, within, turns)."""
    out: dict[str, dict[str, float]] = {}
    for name, items in docs.items():
        t = dict.fromkeys(("drafted", "hit", "covered", "within", "full", "walk", "review"), 0.0)
        for doc, truth in items:
            drafted = {d.element: d for d in reader.read([doc]).drafted()}
            levels = {e: d.level for e, d in drafted.items() if d.level is not None}
            covered = {e for e, v in truth.items() if v is not None}
            hit = covered & set(levels)
            sure = {e for e, d in drafted.items() if d.confidence >= REVIEW_MIN}
            t["drafted"] += len(drafted)
            t["hit"] += len(hit)
            t["covered"] += len(covered)
            t["within"] += sum(abs(levels[e] - truth[e]) <= 1 for e in hit)  # type: ignore[operator]
            t["full"] += sum(costs.values())
            t["walk"] += walk_turns(costs, levels, truth)
            t["review"] += review_turns(costs, levels, sure, truth)
        out[name] = t
    return out


def summary(counts: list[dict[str, float]]) -> dict[str, float]:
    t = {k: sum(c[k] for c in counts) for k in counts[0]}
    return {
        "precision": t["hit"] / max(t["drafted"], 1),
        "recall": t["hit"] / max(t["covered"], 1),
        "within_one": t["within"] / max(t["hit"], 1),
        "walk_saved": 1 - t["walk"] / t["full"],
        "review_saved": 1 - t["review"] / t["full"],
    }


def objective(s: dict[str, float]) -> float:
    return min(s["precision"] - 0.90, s["recall"] - 0.75) + 0.1 * s["review_saved"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grid", type=json.loads, default=GRID)
    args = parser.parse_args(argv)
    grid: dict[str, list[Any]] = args.grid
    settings = Settings()
    fw = get_framework()
    reader = build_reader(settings, fw, chat_model=None)
    _cache_embeddings(reader)
    costs = full_costs(fw, reader.interpreter)
    docs = _load(settings)
    base = ReaderCalibration()
    results: list[tuple[dict[str, Any], dict[str, dict[str, float]]]] = []
    for combo in itertools.product(*grid.values()):
        chosen = dict(zip(grid, combo, strict=True))
        reader.cal = replace(base, **chosen)
        counts = _run(reader, docs, costs)
        results.append((chosen, counts))
        per = " ".join(
            f"{n}: P {100 * summary([counts[n]])['precision']:.1f} "
            f"R {100 * summary([counts[n]])['recall']:.1f}"
            for n in SETS
        )
        print(f"{chosen}  {per}", flush=True)
    print("\nleave one set out: picked on the other three, read on this one")
    for held in SETS:
        train = [n for n in SETS if n != held]
        pick, counts = max(results, key=lambda r: objective(summary([r[1][n] for n in train])))
        s = summary([counts[held]])
        print(
            f"{held:12} P {100 * s['precision']:5.1f} R {100 * s['recall']:5.1f} "
            f"W {100 * s['within_one']:5.1f} saved: walk {100 * s['walk_saved']:5.1f} "
            f"review {100 * s['review_saved']:5.1f}  picked {pick}"
        )
    defaults = {k: getattr(base, k) for k in grid}
    print(f"reader defaults: {defaults}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
