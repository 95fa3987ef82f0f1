"""How much each sentence of a document speaks of each element: embeddings plus named words.

Each sentence and each passage (``passages.passages``) is embedded once and compared with every
element's own texts (name, question, probes, rubric, evidence examples) in its own language; the
element's keywords and topic stems (``lexicon``) found in the sentence add a bonus, except the
terms found all through the document (its genre: "master plan" in a master plan).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.models import Framework, Lang
from assistant.prefill import lexicon
from assistant.prefill.calibration import ReaderCalibration
from assistant.prefill.documents import Document
from assistant.prefill.passages import Passage, keywords_in, topic_text


class ElementSimilarity:
    """Sentences x elements scores. Keeps only the elements' own vectors (per language, the
    same for every reading), never a document's."""

    def __init__(self, framework: Framework, embeddings: Embeddings) -> None:
        self.framework = framework
        self.embeddings = embeddings
        self._topics: dict[Lang, tuple[np.ndarray, np.ndarray]] = {}

    def _topic_vectors(self, lang: Lang) -> tuple[np.ndarray, np.ndarray]:
        """Each element's own texts embedded once per language: (vectors, element index)."""
        if lang not in self._topics:
            texts: list[str] = []
            owner: list[int] = []
            for i, el in enumerate(self.framework.elements):
                own = [el.name.get(lang), el.short.get(lang), el.desired_state.get(lang)]
                own += [el.question.get(lang), *(p.get(lang) for p in el.probes)]
                own += [r.text.get(lang) for r in el.rubric[1:]]
                own += [r.evidence.get(lang).strip('"「」') for r in el.rubric]
                texts += own
                owner += [i] * len(own)
            vectors = np.asarray(self.embeddings.embed_documents(texts), dtype=np.float32)
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
            self._topics[lang] = (vectors, np.asarray(owner))
        return self._topics[lang]

    def _embed(self, texts: list[str]) -> np.ndarray:
        vectors = np.asarray(self.embeddings.embed_documents(texts), dtype=np.float32)
        return vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)

    def _similarity(self, vectors: np.ndarray, langs: Sequence[Lang]) -> np.ndarray:
        """Rows x elements: the best cosine to any of the element's own texts, each row compared
        with the texts in its own language."""
        out = np.zeros((len(vectors), len(self.framework.elements)), dtype=np.float32)
        for lang in set(langs):
            rows = np.flatnonzero(np.asarray(langs) == lang)
            topic, owner = self._topic_vectors(lang)
            sims = vectors[rows] @ topic.T
            out[rows] = np.stack(
                [sims[:, owner == i].max(axis=1) for i in range(len(self.framework.elements))],
                axis=1,
            )
        return out

    def scores_and_words(
        self, doc: Document, groups: Sequence[Passage], cal: ReaderCalibration
    ) -> tuple[np.ndarray, np.ndarray]:
        """Sentences x elements: the sentence's and its passage's similarity to the element's
        texts, plus a bonus for the element's keywords and topic stems in the sentence; and per
        sentence and element whether the element is named in words."""
        elements = self.framework.elements
        if not doc.sentences:
            return np.zeros((0, len(elements))), np.zeros((0, len(elements)), dtype=bool)
        sentences = [doc.quote(s) for s in doc.sentences]
        vectors = self._embed(
            [topic_text(s) for s in sentences] + [doc.text[p.start : p.end] for p in groups]
        )
        langs = [doc.lang_of(s) for s in doc.sentences]
        langs += [doc.paragraphs[doc.sentences[p.sentences[0]].paragraph].lang for p in groups]
        sims = self._similarity(vectors, langs)
        own, context = sims[: len(sentences)], sims[len(sentences) :]
        parent = np.empty(len(sentences), dtype=int)
        for g, p in enumerate(groups):
            parent[list(p.sentences)] = g
        found = [
            [(keywords_in(el, t, lang), lexicon.matched(el.id, t, lang)) for el in elements]
            for t, lang in zip(sentences, langs, strict=False)
        ]
        # A term found all through the document is its genre ("master plan" in a master plan,
        # "regulations" in a zoning plan), not what one sentence is about: it does not count.
        seen: dict[str, int] = {}
        for row in found:
            for term in {t for k, x in row for t in (*k, *x)}:
                seen[term] = seen.get(term, 0) + 1
        common = max(cal.genre_min, cal.genre_share * len(sentences))
        genre = {t for t, n in seen.items() if n > common}
        kw = np.array([[len(k - genre) for k, _ in row] for row in found], dtype=np.float64)
        lex = np.array([[len(x - genre) for _, x in row] for row in found], dtype=np.float64)
        bonus = cal.keyword_weight * np.minimum(kw, cal.keyword_cap)
        bonus += cal.lexicon_weight * np.minimum(lex, cal.lexicon_cap)
        w = cal.context_weight
        return (1 - w) * own + w * context[parent] + bonus, (kw + lex) > 0
