"""Read a city's documents into per-element drafts, reusing the interpreter and the embeddings.

For each document: its sentences are grouped into short passages; each sentence and passage is
compared with every element's own texts and words (``similarity``). An element is covered when a
sentence speaks of it clearly *and more than of most other elements* (``coverage``: generic
smart-city prose resembles everything a little). The best sentences are then read as an answer
is read, by the interpreter (``proposing``: clause-aware, existence vs plans), and the draft's
quotes are whole sentences of the document, cut by offset: never invented, never edited.
Documents that disagree by more than one level: both shown, neither taken (``passages.merge``).
The thresholds are ``calibration.ReaderCalibration``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.models import Framework
from assistant.ports import Interpreter
from assistant.prefill.calibration import ReaderCalibration
from assistant.prefill.coverage import chosen, speaking
from assistant.prefill.documents import Document
from assistant.prefill.drafts import DocumentInfo, Prefill, Proposal
from assistant.prefill.passages import Passage, merge, passages
from assistant.prefill.proposing import propose
from assistant.prefill.similarity import ElementSimilarity

__all__ = ["DocumentReader", "Progress", "ReaderCalibration"]

Progress = Callable[[float, str], None]


class DocumentReader:
    """Documents → drafts. Collaborators passed in; per-reading data never kept on the object."""

    def __init__(
        self,
        framework: Framework,
        interpreter: Interpreter,
        embeddings: Embeddings,
        calibration: ReaderCalibration | None = None,
    ) -> None:
        self.framework = framework
        self.interpreter = interpreter
        self.embeddings = embeddings
        self.cal = calibration or ReaderCalibration()
        self.similarity = ElementSimilarity(framework, embeddings)

    def scores(self, doc: Document, groups: Sequence[Passage]) -> np.ndarray:
        """Sentences x elements: the sentence's and its passage's similarity to the element's
        texts, plus a bonus for the element's keywords and topic stems in the sentence."""
        return self.scores_and_words(doc, groups)[0]

    def scores_and_words(
        self, doc: Document, groups: Sequence[Passage]
    ) -> tuple[np.ndarray, np.ndarray]:
        """``scores``, and per sentence and element whether the element is named in words."""
        return self.similarity.scores_and_words(doc, groups, self.cal)

    def read_document(
        self,
        doc: Document,
        skip: frozenset[str] = frozenset(),
        calibration: ReaderCalibration | None = None,
    ) -> dict[str, Proposal]:
        """One document's proposals, by element id (elements it does not cover, or in ``skip``,
        are absent). ``calibration`` overrides the reader's for this reading (the scores keep
        the reader's own weights)."""
        cal = calibration or self.cal
        groups = passages(doc, cal.passage_chars)
        score, named = self.scores_and_words(doc, groups)
        if not len(score):
            return {}
        speaks, score = speaking(doc, score, named, self.framework, cal)
        out: dict[str, Proposal] = {}
        for j, element in enumerate(self.framework.elements):
            hits = np.flatnonzero(speaks[:, j])
            if not len(hits) or element.id in skip:
                continue
            read, strength = chosen(doc, score, named, hits, j, cal)
            picked = [doc.sentences[i] for i in read]
            proposal = propose(
                self.interpreter, doc, element, picked, strength, cal, self.cal.max_quotes
            )
            if proposal is not None:
                out[element.id] = proposal
        return out

    def read(
        self,
        docs: Sequence[Document],
        errors: Sequence[DocumentInfo] = (),
        progress: Progress | None = None,
    ) -> Prefill:
        """Every document read, then merged per element (disagreement shown, not resolved)."""
        per_doc: list[dict[str, Proposal]] = []
        for i, doc in enumerate(docs):
            if progress:
                progress(i / max(len(docs), 1), doc.name)
            per_doc.append(self.read_document(doc))
        if progress:
            progress(1.0, "")
        elements = {
            el.id: merge(
                el.id,
                [p for d in per_doc if el.id in d for p in (d[el.id].inner or [d[el.id]])],
                self.cal.conflict_gap,
            )
            for el in self.framework.elements
        }
        infos = [
            DocumentInfo(
                name=d.name, lang=d.lang, kind=d.kind, pages=d.pages, characters=len(d.text)
            )
            for d in docs
        ]
        return Prefill(elements=elements, documents=[*infos, *errors])
