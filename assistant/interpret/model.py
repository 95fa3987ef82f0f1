"""The learned combination step: signals of one answer → level 0-4 or no level, in pure numpy.

The offline interpreter measures an answer (cue votes with negation, intent and scope; "don't
know" and hedges; cosine similarity to the element's rubric levels; length; language) in
``offline.Analysis``. Instead of hand-set rules, a multinomial logistic regression over those
measurements chooses among six classes (levels 0-4 and "no level"). It is trained by
``evals/train_interpreter.py`` on answers from several independent writers; its weights ship in
``model_weights.json`` with a hash of the feature list, so that weights trained on other features
fail loudly at load instead of silently mis-scoring.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np

from assistant.interpret.analysis import Analysis, softmax
from assistant.interpret.hollow import HOLLOW_FEATURES, hollow_features
from assistant.interpret.neighbours import (
    NEIGHBOUR_FEATURES,
    UNPLACED_FEATURES,
    neighbour_features,
)
from assistant.interpret.ownership import ownership_features
from assistant.interpret.signals import LEVELS

FEATURE_VERSION = 9
CLASSES: tuple[int | None, ...] = (0, 1, 2, 3, 4, None)
NULL = len(CLASSES) - 1
WEIGHTS_PATH = Path(__file__).with_name("model_weights.json")
SIM_TEMPERATURE = 0.03  # cosine differences between rubric levels are small

FEATURES: tuple[str, ...] = (
    "lang_ja",
    "length_log",
    "short",
    "statements_log",
    *(f"votes_{lv}" for lv in range(LEVELS)),
    *(f"adjusted_{lv}" for lv in range(LEVELS)),
    *(f"cue_argmax_{lv}" for lv in range(LEVELS)),
    "cue_margin",
    "has_cues",
    "cues_log",
    "any_negated",
    "any_intent",
    "any_limited",
    "any_absent",
    "deflection",
    "hedged",
    "plan_over_absence",
    "measure_improve",
    *(f"sim_{lv}" for lv in range(LEVELS)),
    *(f"sim_centred_{lv}" for lv in range(LEVELS)),
    *(f"sim_softmax_{lv}" for lv in range(LEVELS)),
    *(f"sim_argmax_{lv}" for lv in range(LEVELS)),
    "sim_expected_level",
    "sim_margin",
    "topic",
    "keyword",
    *(f"overlap_{lv}" for lv in range(LEVELS)),
    "presence",
    "absence_beside_presence",
    "stopped",
    "stopped_now_absent",
    "plan_only",
    "plan_on_top",
    "established_now",
    *(f"rubric_cue_{lv}" for lv in range(LEVELS)),
    "mixed_present_fit",
    "mixed_present_gap",
    "nothing_in_place",
    # the answer read through its statements' relevance to the element (``statements``)
    *(f"stmt_mix_{lv}" for lv in range(LEVELS)),
    *(f"relevant_votes_{lv}" for lv in range(LEVELS)),
    "stmt_focus",
    "stmt_present_share",
    "stmt_absent_share",
    "stmt_absent_over_present",
    "missing_overlap_0",
    # whose thing it is, on paper only, nothing listed, talk under way (``ownership``)
    "others_own",
    "paper_only",
    "none_listed",
    "talk_under_way",
    # what sounds like something in place but is not: slogans, each office alone (``hollow``)
    *HOLLOW_FEATURES,
    # the labelled unplaced answers of any element, then the nearest labelled answers about the
    # same element (``neighbours``); the trainer recomputes these last ones per split
    *UNPLACED_FEATURES,
    *NEIGHBOUR_FEATURES,
)


def feature_hash(names: tuple[str, ...] = FEATURES) -> str:
    """Identifies the feature list (names, order and version) the weights were trained on."""
    text = f"v{FEATURE_VERSION}:" + ",".join(names)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class ModelMismatchError(RuntimeError):
    """The weights file was trained on another feature list than this code computes."""


def features(analysis: Analysis) -> np.ndarray:
    """One answer's feature vector, in the order of ``FEATURES``."""
    a = analysis
    words = len(a.answer) / 2.5 if a.lang == "ja" else len(a.answer.split())
    sims = a.per_level.astype(np.float64)
    soft = softmax(sims, SIM_TEMPERATURE)
    ranked = np.sort(sims)
    argmax = np.zeros(LEVELS)
    argmax[int(sims.argmax())] = 1.0
    votes = a.votes.astype(np.float64)
    cue_top = np.zeros(LEVELS)
    if votes.max() > 0:
        cue_top[int(votes.argmax())] = 1.0
    cue_ranked = np.sort(np.clip(votes, 0.0, None))
    hits = a.hits
    row = [
        float(a.lang == "ja"),
        math.log1p(words),
        float(a.short),
        math.log1p(len(a.spans)),
        *np.clip(a.raw_votes, -2.0, 3.0),
        *np.clip(a.votes, -2.0, 3.0),
        *cue_top,
        float(min(3.0, cue_ranked[-1] - cue_ranked[-2])),
        float(bool(hits)),
        math.log1p(len(hits)),
        float(any(h.negated for h in hits)),
        float(any(h.intent for h in hits)),
        float(any(h.limited for h in hits)),
        float(any(h.absent for h in hits)),
        float(a.deflection),
        float(a.hedged),
        float(a.plan_over_absence),
        float(a.loop),
        *sims,
        *(sims - sims.mean()),
        *soft,
        *argmax,
        float(soft @ np.arange(LEVELS)),
        float(ranked[-1] - ranked[-2]),
        a.topic,
        float(a.keyword),
        *a.overlap,
        a.clauses.presence,
        float(a.clauses.absence_beside_presence),
        float(a.clauses.stopped),
        float(a.clauses.stopped_now_absent),
        float(a.clauses.plan_only),
        float(a.clauses.plan_on_top),
        float(a.clauses.established_now),
        *a.rubric_cues,
        # in "X exists but no Y": is X the element's thing (2) or something else (0)?
        a.present_fit if a.clauses.absence_beside_presence else 0.0,
        a.present_fit - float(sims.max()) if a.clauses.absence_beside_presence else 0.0,
        # levels 2+ need something in place: no clause says there is, no cue above 1 of now
        float(
            a.clauses.presence == 0.0
            and not any(h.level >= 2 and not (h.negated or h.intent or h.past) for h in hits)
        ),
        *a.statements.level_mix,
        *np.clip(a.statements.relevant_votes, -2.0, 3.0),
        a.statements.focus,
        a.statements.present_share,
        a.statements.absent_share,
        # is the missing thing closer to the element's rubric than what is there?
        a.statements.absent_fit - a.present_fit if a.statements.absent_fit else 0.0,
        # level 0 texts are written as absences: said as missing, their words are level 0's
        a.missing[0],
        *_owned(a),
        *hollow_features(a.answer, a.lang),
        *a.unplaced_near,
        *neighbour_features(*a.neighbours),
    ]
    return np.asarray(row, dtype=np.float64)


def _owned(a: Analysis) -> tuple[float, ...]:
    """``ownership_features``; "X exists, but no Y and no Z" is not a list of nothing: what
    exists decides, the missing things only cap it (issue 10), so the list counts only when
    nothing is said to be there."""
    others, paper, listed, talk = ownership_features(a.answer, a.lang)
    if a.clauses.absence_beside_presence:
        listed = 0.0
    return others, paper, listed, talk


@dataclass(frozen=True)
class Calibration:
    """How far the model's probabilities can be trusted, measured on held-out-from-training data.

    ``evals/train_interpreter.py`` predicts every training answer from a model that did not
    see its writer, fits ``temperature`` to those predictions (temperature scaling), and picks
    the cut-offs there: ``high`` is the lowest calibrated probability above which the measured
    precision is at least 90 % in each language; ``coverage`` is the probability mass the
    candidate levels must hold so that the right level is among them for >= 97 % of answers.
    Defaults: no claim of "high" at all, two candidates whenever unsure.
    """

    temperature: float = 1.0
    high: float = 1.01  # above any probability: never "high" without a measurement
    medium: float = 0.5
    coverage: float = 0.97
    max_alternatives: int = 2
    # Where unsure, a level whose neighbours are likely too is the safer proposal: the level
    # chosen maximises P(level) + within * P(level or a neighbour) (0: the most likely level).
    within: float = 0.0

    @classmethod
    def from_meta(cls, meta: object) -> Calibration:
        data = meta.get("calibration") if isinstance(meta, dict) else None
        if not isinstance(data, dict):
            return cls()
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Assessment:
    """The model's decision about one answer, with its honest uncertainty."""

    level: int | None
    confidence: float  # calibrated probability of ``level`` (kept below threshold for None)
    label: Literal["high", "medium", "low"]
    alternatives: list[int]  # other candidate levels, most likely first; [] when sure


@dataclass(frozen=True)
class LevelModel:
    """Standardised features → softmax over (0, 1, 2, 3, 4, no level)."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # features x classes
    bias: np.ndarray  # classes
    threshold: float  # below this probability for the best level: no level
    calibration: Calibration = Calibration()

    def logits(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.weights + self.bias

    def calibrated(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities after temperature scaling (same ranking as ``proba``)."""
        z = self.logits(x) / self.calibration.temperature
        z = z - z.max(axis=-1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=-1, keepdims=True)

    def assess(self, x: np.ndarray) -> Assessment:
        """Level (as ``decide``), calibrated confidence, its label and the close alternatives."""
        level, raw = self.decide(x)
        if level is None:
            return Assessment(None, raw, "low", [])
        q = self.calibrated(x)
        cal = self.calibration
        confidence = float(q[level])
        label: Literal["high", "medium", "low"] = (
            "high" if confidence >= cal.high else "medium" if confidence >= cal.medium else "low"
        )
        return Assessment(
            level,
            round(confidence, 3),
            label,
            []
            if label == "high"
            else (candidates(q[:NULL], level, cal.coverage, cal.max_alternatives)),
        )

    def proba(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities for one vector or a matrix of them (rows)."""
        z = self.logits(x)
        z = z - z.max(axis=-1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=-1, keepdims=True)

    def decide(self, x: np.ndarray) -> tuple[int | None, float]:
        """The level and its probability; no level when "no level" wins or the best is unsure.

        With no level, the confidence is kept below the threshold so that a reader of the
        Interpretation alone sees that the proposal was not confident enough.
        """
        p = self.proba(x)
        best = int(p[:NULL].argmax())
        confidence = float(p[best])
        if p[NULL] >= confidence or confidence < self.threshold:
            below = max(0.0, self.threshold - 0.001)
            return None, round(min(confidence, below), 3)
        if self.calibration.within > 0:
            best = safest(p[:NULL], self.calibration.within)
        return best, round(float(p[best]), 3)

    def to_json(self, meta: dict[str, object]) -> dict[str, object]:
        """The weights file (``meta`` carries the calibration; the format is unchanged)."""
        meta = {**meta, "calibration": dict(self.calibration.__dict__)}
        return {
            "format": "assistant-interpret-logreg",
            "feature_version": FEATURE_VERSION,
            "feature_hash": feature_hash(),
            "features": list(FEATURES),
            "classes": [c if c is not None else "none" for c in CLASSES],
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "weights": [[round(float(v), 6) for v in row] for row in self.weights],
            "bias": [round(float(v), 6) for v in self.bias],
            "threshold": self.threshold,
            "meta": meta,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LevelModel:
        """Weights from their JSON form; a different feature list is an error, not a guess."""
        expected = feature_hash()
        features = data.get("features")
        same = isinstance(features, list | tuple) and tuple(features) == FEATURES
        if data.get("feature_hash") != expected or not same:
            raise ModelMismatchError(
                f"interpreter weights were trained on features {data.get('feature_hash')!r} but "
                f"this code computes {expected!r}: retrain with evals/train_interpreter.py"
            )
        weights = np.asarray(data["weights"], dtype=np.float64)
        if weights.shape != (len(FEATURES), len(CLASSES)):
            raise ModelMismatchError(f"interpreter weights have shape {weights.shape}")
        return cls(
            mean=np.asarray(data["mean"], dtype=np.float64),
            scale=np.asarray(data["scale"], dtype=np.float64),
            weights=weights,
            bias=np.asarray(data["bias"], dtype=np.float64),
            threshold=float(data["threshold"]),  # type: ignore[arg-type]  # a JSON number; bad data raises here
            calibration=Calibration.from_meta(data.get("meta")),
        )


def load_model(path: Path = WEIGHTS_PATH) -> LevelModel:
    return LevelModel.from_json(json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def bundled_model() -> LevelModel:
    """The weights shipped with the package, read once per process (they are not per-user)."""
    return load_model(WEIGHTS_PATH)


def safest(levels: np.ndarray, within: float) -> int:
    """The level maximising P(level) + ``within`` * P(level or a neighbour): between two far
    apart readings of similar weight, the one with support beside it (first on ties)."""
    padded = np.concatenate(([0.0], levels, [0.0]))
    near = padded[:-2] + padded[1:-1] + padded[2:]
    return int(np.argmax(levels + within * near))


def candidates(levels: np.ndarray, best: int, coverage: float, most: int) -> list[int]:
    """Other levels, most likely first, until they and ``best`` hold ``coverage`` of the mass."""
    p = levels / levels.sum()
    order = [int(i) for i in np.argsort(-p, kind="stable") if int(i) != best]
    out: list[int] = []
    mass = float(p[best])
    for lv in order:
        if mass >= coverage or len(out) >= most:
            break
        out.append(lv)
        mass += float(p[lv])
    return out
