"""Read a city's documents into per-element drafts, reusing the interpreter and the embeddings.

For each document: its sentences are grouped into short passages; each passage is embedded once
and compared with every element's own texts (question, description, rubric), and the element's
keywords are counted in it. An element is covered when a passage speaks of it clearly *and more
than of most other elements* (generic smart-city prose resembles everything a little). The best
passages are then read as an answer is read, by the interpreter (clause-aware: existence vs
plans), and the draft's quotes are whole sentences of the document, cut by offset: never
invented, never edited. Documents that disagree by more than one level: both shown, neither
taken.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.lang import JAPANESE_CHARS
from assistant.models import Element, Framework, Lang
from assistant.ports import Interpreter
from assistant.prefill.documents import Document, Sentence
from assistant.prefill.drafts import DocumentInfo, Draft, Prefill, Proposal, Quote

Progress = Callable[[float, str], None]

# Minutes report speech: "Mr Reis said that …", "○山田委員　…". The frame says who spoke, not
# what about; it is left out of what is compared with the elements (the quote keeps it).
_EN_FRAME = re.compile(
    r"^(?:[A-Za-z][\w.'’-]*\s+){1,4}(?:said|reported|replied|noted|explained|stated|"
    r"added|confirmed|answered|responded|recalled|argued|claimed|asked)(?:\s+that)?[,:]?\s+",
)
_JA_FRAME = re.compile(
    r"^[○◯◎〇]?\s*[^\s　。、]{1,12}?(?:委員長|副委員長|委員|議員|議長|市長|町長|村長|副市長|部長|課長|"
    r"室長|局長|係長|参事|主幹|理事)(?:[（(][^）)]{0,12}[）)])?[\s　：:]+"
)


def topic_text(sentence: str) -> str:
    """The sentence without a reported-speech frame (what is compared with the elements)."""
    stripped = _JA_FRAME.sub("", _EN_FRAME.sub("", sentence, count=1), count=1)
    return stripped if len(stripped) >= 12 else sentence


@dataclass(frozen=True)
class ReaderCalibration:
    """Hand-set on the project's own dev documents (evals/datasets/prefill_dev), not held-out."""

    passage_chars: int = 600  # a passage: consecutive sentences of one paragraph up to this
    cover: float = 0.46  # combined score a sentence needs to make an element covered
    margin: float = 0.16  # ...and by this much above the sentence's average over elements
    near_top: float = 0.05  # ...and the sentence's best element, or within this of it
    keyword_weight: float = 0.05  # score per distinct keyword of the element in the passage
    keyword_cap: int = 3
    context_weight: float = 0.3  # share of a sentence's score that comes from its passage
    read_sentences: int = 3  # sentences read together as the "answer" for one element
    read_slack: float = 0.08  # further sentences within this of the best are read too
    max_quotes: int = 3
    min_confidence: float = 0.15  # interpreter confidence below which nothing is drafted
    topic_share: float = 0.4  # share of a draft's confidence from how clearly the text is on topic
    conflict_gap: int = 2  # documents this many levels apart disagree: take neither


@dataclass(frozen=True)
class Passage:
    sentences: tuple[int, ...]  # indices into Document.sentences
    start: int
    end: int


def passages(doc: Document, limit: int) -> list[Passage]:
    """Consecutive sentences of one paragraph, cut at ``limit`` characters."""
    out: list[Passage] = []
    group: list[int] = []

    def flush() -> None:
        if group:
            first, last = doc.sentences[group[0]], doc.sentences[group[-1]]
            out.append(Passage(tuple(group), first.start, last.end))
            group.clear()

    for i, s in enumerate(doc.sentences):
        if group:
            prev = doc.sentences[group[-1]]
            if prev.paragraph != s.paragraph or s.end - doc.sentences[group[0]].start > limit:
                flush()
        group.append(i)
    flush()
    return out


def _norm(text: str) -> str:
    """NFKC, lower case, hyphens as spaces ("smart-city office" = "smart city office")."""
    return re.sub(r"[-‐–—]", " ", unicodedata.normalize("NFKC", text).lower())


def keyword_count(element: Element, text: str, lang: Lang) -> int:
    """Distinct keywords of the element (in the document's language) found in the text."""
    norm = _norm(text)
    count = 0
    for kw in {_norm(k).strip() for k in element.keywords.get(lang, [])}:
        if not kw:
            continue
        if JAPANESE_CHARS.search(kw):
            count += kw in norm
        else:
            count += re.search(rf"(?<![a-z0-9]){re.escape(kw)}", norm) is not None
    return count


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

    def scores(self, doc: Document, groups: Sequence[Passage]) -> np.ndarray:
        """Sentences x elements: the sentence's and its passage's similarity to the element's
        texts, plus a bonus for the element's keywords in the sentence."""
        elements = self.framework.elements
        if not doc.sentences:
            return np.zeros((0, len(elements)))
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
        bonus = np.array(
            [
                [min(keyword_count(el, t, lang), self.cal.keyword_cap) for el in elements]
                for t, lang in zip(sentences, langs, strict=False)
            ],
            dtype=np.float64,
        )
        w = self.cal.context_weight
        return (1 - w) * own + w * context[parent] + self.cal.keyword_weight * bonus

    def read_document(
        self,
        doc: Document,
        skip: frozenset[str] = frozenset(),
        calibration: ReaderCalibration | None = None,
    ) -> dict[str, Proposal]:
        """One document's proposals, by element id (elements it does not cover, or in ``skip``,
        are absent). ``calibration`` overrides the reader's for this reading."""
        cal = calibration or self.cal
        groups = passages(doc, cal.passage_chars)
        score = self.scores(doc, groups)
        if not len(score):
            return {}
        mean = score.mean(axis=1, keepdims=True)
        top = score.max(axis=1, keepdims=True)
        speaks = (score >= cal.cover) & (score - mean >= cal.margin) & (score >= top - cal.near_top)
        out: dict[str, Proposal] = {}
        for j, element in enumerate(self.framework.elements):
            hits = np.flatnonzero(speaks[:, j])
            if not len(hits) or element.id in skip:
                continue
            hits = hits[np.argsort(-score[hits, j], kind="stable")]
            best = score[hits[0], j]
            chosen = sorted(
                int(i) for i in hits[: cal.read_sentences] if score[i, j] >= best - cal.read_slack
            )
            strength = float(np.clip((best - cal.cover) / 0.2, 0.0, 1.0))
            proposal = self._propose(doc, element, [doc.sentences[i] for i in chosen], strength)
            if proposal is not None:
                out[element.id] = proposal
        return out

    def _propose(
        self, doc: Document, element: Element, chosen: list[Sentence], strength: float
    ) -> Proposal | None:
        """The interpreter reads the chosen sentences as an answer; its level, their quotes."""
        text = "\n".join(doc.quote(s) for s in chosen)
        langs = [doc.lang_of(s) for s in chosen]
        lang: Lang = next((x for x in ("en", "ja") if 2 * langs.count(x) > len(langs)), doc.lang)
        result = self.interpreter.interpret(element, text, lang)
        if result.level is None or result.unknown or result.confidence < self.cal.min_confidence:
            return None
        quotes = self._quotes(doc, element, chosen, result.evidence)
        if not quotes:
            return None
        return Proposal(
            document=doc.name,
            level=result.level,
            confidence=round(
                (1 - self.cal.topic_share) * float(result.confidence)
                + self.cal.topic_share * strength,
                3,
            ),
            quotes=quotes,
            source=result.source,
        )

    def _quotes(
        self, doc: Document, element: Element, chosen: list[Sentence], evidence: str
    ) -> list[Quote]:
        """Whole sentences of the document: the one holding the interpreter's evidence first,
        then those naming the element's keywords. Every one is ``doc.text[start:end]``."""
        picked: list[Sentence] = []
        candidates = chosen
        needle = evidence.strip()
        if needle:
            for s in candidates:
                if needle in doc.quote(s) or (len(doc.quote(s)) >= 12 and doc.quote(s) in needle):
                    picked.append(s)
                    break

        def named(s: Sentence) -> int:
            return keyword_count(element, doc.quote(s), doc.lang_of(s))

        ranked = sorted(candidates, key=lambda s: -named(s))
        for s in ranked:
            if len(picked) >= self.cal.max_quotes:
                break
            if s not in picked and named(s):
                picked.append(s)
        if not picked and candidates:
            picked.append(candidates[0])
        picked.sort(key=lambda s: s.start)
        return [self._quote(doc, s) for s in picked]

    @staticmethod
    def _quote(doc: Document, s: Sentence) -> Quote:
        para = doc.paragraphs[s.paragraph]
        text = doc.quote(s)
        assert text and doc.text.find(text) >= 0  # by construction; the tests check it too
        return Quote(
            text=text, document=doc.name, page=para.page, section=para.section, start=s.start
        )

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
            el.id: merge(el.id, [d[el.id] for d in per_doc if el.id in d], self.cal.conflict_gap)
            for el in self.framework.elements
        }
        infos = [
            DocumentInfo(
                name=d.name, lang=d.lang, kind=d.kind, pages=d.pages, characters=len(d.text)
            )
            for d in docs
        ]
        return Prefill(elements=elements, documents=[*infos, *errors])


def merge(element_id: str, proposals: list[Proposal], gap: int) -> Draft | None:
    """One draft from the documents' proposals; far apart → level None with both shown."""
    if not proposals:
        return None
    levels = [p.level for p in proposals]
    quotes = [q for p in sorted(proposals, key=lambda p: -p.confidence) for q in p.quotes]
    if max(levels) - min(levels) >= gap:
        return Draft(
            element=element_id, level=None, confidence=0.0, quotes=quotes, conflict=proposals
        )
    best = max(proposals, key=lambda p: p.confidence)
    return Draft(
        element=element_id,
        level=best.level,
        confidence=best.confidence,
        quotes=quotes,
        source=best.source,
    )
