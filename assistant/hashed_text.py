"""Text features and weight files shared by the two small learned gates.

The Ask side's answerability gate (``knowledge/gate.py``) and the interpreter's "no basis" gate
(``interpret/basis.py``) read text the same way: hashed word and character n-grams (no tokeniser,
so mixed script falls into both alphabets), a Japanese flag and a length, and each ships its
numpy weights with a hash of its feature layout so that weights trained on other features fail
loudly at load. One copy here keeps the two gates' features from drifting apart.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
import unicodedata
import zlib
from pathlib import Path

import numpy as np

LATIN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff々〆ー]+")


def folded(text: str) -> str:
    """NFKC, lower case: the form every feature reads."""
    return unicodedata.normalize("NFKC", text).lower()


def grams(text: str) -> list[str]:
    """Word uni/bigrams and character trigrams of Latin words; character uni/bi/trigrams of
    Japanese runs."""
    q = folded(text)
    words = LATIN.findall(q)
    out = [f"w:{w}" for w in words]
    out += [f"b:{a} {b}" for a, b in itertools.pairwise(words)]
    for w in words:
        padded = f" {w} "
        out += [f"c:{padded[i : i + 3]}" for i in range(len(padded) - 2)]
    for run in CJK.findall(q):
        out += [f"j:{ch}" for ch in run]
        out += [f"k:{run[i : i + 2]}" for i in range(len(run) - 1)]
        out += [f"t:{run[i : i + 3]}" for i in range(len(run) - 2)]
    return out


def put_bag(x: np.ndarray, text: str, buckets: int) -> None:
    """Writes the text's hashed n-gram counts into ``x[:buckets]``, square-rooted and L2-normed
    (a long answer does not outweigh the other feature blocks)."""
    idx = [zlib.crc32(g.encode("utf-8")) % buckets for g in grams(text)]
    if idx:
        np.add.at(x, np.asarray(idx), 1.0)
        x[:buckets] = np.sqrt(x[:buckets])
        x[:buckets] /= max(float(np.linalg.norm(x[:buckets])), 1e-9)


def put_tail(x: np.ndarray, pos: int, text: str) -> None:
    """The three last features: Japanese or not, log length, the constant one (the bias)."""
    x[pos] = 1.0 if CJK.search(text) else 0.0
    x[pos + 1] = math.log1p(len(text)) / 5.0
    x[pos + 2] = 1.0


TAIL = ("lang_ja", "length_log", "bias")


def layout_hash(layout: dict[str, object]) -> str:
    """A short hash of what the weights' rows mean, stored with the weights."""
    return hashlib.sha256(json.dumps(layout, sort_keys=True).encode()).hexdigest()[:16]


def load_weights(path: Path, expected: str, trainer: str) -> tuple[np.ndarray, float]:
    """The weights and threshold of a gate's .npz, refused when trained on another layout."""
    with np.load(path, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        if meta["layout"] != expected:
            raise RuntimeError(
                f"{path.name} was trained on another feature layout ({meta['layout']} != "
                f"{expected}): retrain with {trainer}"
            )
        return np.asarray(data["weights"], dtype=np.float32), float(meta["threshold"])


def save_weights(path: Path, weights: np.ndarray, meta: dict[str, object]) -> None:
    """A gate's .npz as ``load_weights`` reads it: float16 weights and the meta as JSON (with
    ``layout`` and ``threshold``)."""
    np.savez_compressed(
        path, weights=weights.astype(np.float16), meta=np.asarray(json.dumps(meta))
    )
    print(f"wrote {path} ({path.stat().st_size // 1024} KiB), threshold {meta['threshold']}")
