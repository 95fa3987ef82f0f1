"""BM25 over the chunks, with a tokenizer that works for Japanese as well as English.

bm25s's default tokenizer turns a run of Japanese text into one token (every score 0), so runs of
kana/kanji are cut into overlapping character bigrams instead; no dictionary is needed. The
retrieval eval measures this against a morphological analyser (janome); bigrams are the default.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

import numpy as np

Tokenizer = Callable[[str], list[str]]

_CJK = "\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN_RE = re.compile(rf"[{_CJK}]+|[a-z0-9]+")
_CJK_RE = re.compile(rf"[{_CJK}]")

_STOP = """a an and are as at be by can could do does for from has have how i if in into is it its
    me my of on or our should so that the their them there these this to us was we what when
    where which who will with would you your"""
STOP_WORDS = frozenset(_STOP.split())


# CJK radical look-alikes the brochure prints (市⺠, 成⻑) that NFKC leaves alone.
_LOOKALIKES = str.maketrans({"\u2ea0": "民", "\u2ed1": "長"})


def normalize(text: str) -> str:
    """NFKC (full-width → half-width, compatibility kana), the printed radical look-alikes as
    standard kanji (so a question's 市民 finds the brochure's 市⺠), then lower case."""
    return unicodedata.normalize("NFKC", text).translate(_LOOKALIKES).lower()


def stem(word: str) -> str:
    """A very light English stemmer: plural and a few suffixes, enough for BM25 recall."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return _undouble(word[:-3])
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return _undouble(word[:-2])
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        single = word[:-1]  # "testbeds" and "testbed" must meet: the singular takes -ed too
        if len(single) > 4 and single.endswith("ed") and not single.endswith("eed"):
            return _undouble(single[:-2])
        return single
    return word


def _undouble(stem_: str) -> str:
    """'leapfrogg' → 'leapfrog', 'plann' → 'plan' (a doubled final consonant before -ing/-ed)."""
    if len(stem_) > 3 and stem_[-1] == stem_[-2] and stem_[-1] not in "aeiouylsz":
        return stem_[:-1]
    return stem_


def bigram_tokenize(text: str) -> list[str]:
    """Latin words (stop words dropped, lightly stemmed) plus CJK character bigrams."""
    tokens: list[str] = []
    for run in _TOKEN_RE.findall(normalize(text)):
        if _CJK_RE.match(run):
            if len(run) == 1:
                tokens.append(run)
            else:
                tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        elif run not in STOP_WORDS:
            tokens.append(stem(run))
    return tokens


def make_janome_tokenizer() -> Tokenizer:
    """Morphological tokenizer (janome, an eval-only extra) for the comparison in the eval."""
    from janome.tokenizer import Tokenizer as Janome

    janome = Janome()
    keep = ("名詞", "動詞", "形容詞", "副詞")

    def tokenize(text: str) -> list[str]:
        tokens: list[str] = []
        for run in _TOKEN_RE.findall(normalize(text)):
            if not _CJK_RE.match(run):
                if run not in STOP_WORDS:
                    tokens.append(stem(run))
                continue
            for tok in janome.tokenize(run):
                if tok.part_of_speech.startswith(keep):
                    base = tok.base_form if tok.base_form != "*" else tok.surface
                    tokens.append(base)
        return tokens

    return tokenize


def has_cjk(text: str) -> bool:
    return bool(_CJK_RE.search(text))


class BM25Index:
    """BM25 scores for every chunk; filtering is a boolean mask so it stays exact."""

    def __init__(
        self, ids: Sequence[str], texts: Iterable[str], tokenizer: Tokenizer = bigram_tokenize
    ):
        import bm25s

        self.ids = list(ids)
        self.tokenizer = tokenizer
        corpus = [tokenizer(t) or [""] for t in texts]
        self.vocabulary = {tok for doc in corpus for tok in doc}
        self._bm25 = bm25s.BM25()
        if self.ids:
            self._bm25.index(corpus, show_progress=False)

    def scores(self, query: str) -> np.ndarray:
        """Scores aligned with ``ids`` (zeros when no query token is known)."""
        tokens = [t for t in self.tokenizer(query) if t in self.vocabulary]
        if not self.ids or not tokens:
            return np.zeros(len(self.ids), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)

    def search(self, query: str, k: int, mask: np.ndarray | None = None) -> list[tuple[str, float]]:
        """Top-k (id, score) with score > 0, restricted to ``mask`` when given."""
        scores = self.scores(query)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        if not len(scores):
            return []
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def overlap(self, query: str) -> float:
        """Share of the query's tokens that occur anywhere in the corpus (a relevance signal)."""
        tokens = self.tokenizer(query)
        if not tokens:
            return 0.0
        return sum(t in self.vocabulary for t in tokens) / len(tokens)
