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
from typing import TYPE_CHECKING

import numpy as np

from assistant.interpret.signals import LEVELS

if TYPE_CHECKING:
    from assistant.interpret.offline import Analysis

FEATURE_VERSION = 2
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
)


def feature_hash(names: tuple[str, ...] = FEATURES) -> str:
    """Identifies the feature list (names, order and version) the weights were trained on."""
    text = f"v{FEATURE_VERSION}:" + ",".join(names)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class ModelMismatchError(RuntimeError):
    """The weights file was trained on another feature list than this code computes."""


def _softmax(values: np.ndarray, temperature: float) -> np.ndarray:
    z = (values - values.max()) / temperature
    e = np.exp(z)
    return e / e.sum()


def features(analysis: Analysis) -> np.ndarray:
    """One answer's feature vector, in the order of ``FEATURES``."""
    a = analysis
    words = len(a.answer) / 2.5 if a.lang == "ja" else len(a.answer.split())
    sims = a.per_level.astype(np.float64)
    soft = _softmax(sims, SIM_TEMPERATURE)
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
    ]
    return np.asarray(row, dtype=np.float64)


@dataclass(frozen=True)
class LevelModel:
    """Standardised features → softmax over (0, 1, 2, 3, 4, no level)."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # features x classes
    bias: np.ndarray  # classes
    threshold: float  # below this probability for the best level: no level

    def proba(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities for one vector or a matrix of them (rows)."""
        z = ((x - self.mean) / self.scale) @ self.weights + self.bias
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
        return best, round(confidence, 3)

    def to_json(self, meta: dict[str, object]) -> dict[str, object]:
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
        )


def load_model(path: Path = WEIGHTS_PATH) -> LevelModel:
    return LevelModel.from_json(json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def bundled_model() -> LevelModel:
    """The weights shipped with the package, read once per process (they are not per-user)."""
    return load_model(WEIGHTS_PATH)


def train(
    x: np.ndarray,
    y: np.ndarray,
    l2: float,
    threshold: float,
    iterations: int = 50,
) -> LevelModel:
    """Multinomial logistic regression with L2, fitted by damped Newton steps (deterministic).

    ``y`` holds class indices into ``CLASSES`` (``NULL`` for no level). Features are standardised
    on ``x``; the loss is the mean cross-entropy plus ``l2 / 2`` times the squared weights (the
    biases are not penalised beyond a tiny amount that keeps the Newton system well posed).
    """
    n, f = x.shape
    k = len(CLASSES)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    # a rare yes/no feature would be blown up by its small spread and then cost the penalty
    # nothing: indicators keep the spread of a balanced one instead
    binary = np.all((x == 0.0) | (x == 1.0), axis=0)
    scale[binary] = 0.5
    scale[scale < 1e-9] = 1.0
    xs = np.hstack([(x - mean) / scale, np.ones((n, 1))])
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0
    penalty = np.full(f + 1, l2)
    penalty[-1] = 1e-6
    reg = np.tile(penalty, k)  # parameters are ordered class-major: theta[c * (f + 1) + j]
    theta = np.zeros(k * (f + 1))

    def loss_grad(t: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
        w = t.reshape(k, f + 1)
        z = xs @ w.T
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        loss = -float(np.log(np.maximum(p[onehot > 0], 1e-300)).mean()) + 0.5 * float(
            (reg * t * t).sum()
        )
        grad = ((p - onehot).T @ xs / n).ravel() + reg * t
        return loss, grad, p

    loss, grad, p = loss_grad(theta)
    for _ in range(iterations):
        # Hessian of the mean cross-entropy: sum over answers of (diag(p) - p p^T) kron x x^T
        a = np.einsum("ik,kl->ikl", p, np.eye(k)) - np.einsum("ik,il->ikl", p, p)
        h = np.zeros((k * (f + 1), k * (f + 1)))
        for c in range(k):
            for d in range(c, k):
                block = xs.T @ (a[:, c, d, None] * xs) / n
                h[c * (f + 1) : (c + 1) * (f + 1), d * (f + 1) : (d + 1) * (f + 1)] = block
                h[d * (f + 1) : (d + 1) * (f + 1), c * (f + 1) : (c + 1) * (f + 1)] = block.T
        h[np.diag_indices_from(h)] += reg + 1e-9
        step = np.linalg.solve(h, grad)
        rate = 1.0
        while rate > 1e-4:
            candidate = theta - rate * step
            new_loss, new_grad, new_p = loss_grad(candidate)
            if new_loss <= loss:
                break
            rate *= 0.5
        if rate <= 1e-4:
            break
        improvement = loss - new_loss
        theta, loss, grad, p = candidate, new_loss, new_grad, new_p
        if improvement < 1e-10:
            break
    w = theta.reshape(k, f + 1)
    return LevelModel(
        mean=mean, scale=scale, weights=w[:, :f].T.copy(), bias=w[:, f].copy(), threshold=threshold
    )
