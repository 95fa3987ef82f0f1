"""The offline interpreter: free-text answer → proposed level 0-4, without a language model.

Two kinds of evidence are combined for the element being asked about:

- cue votes (``signals``): general words for each rung of the maturity ladder, in English and
  Japanese, with negation ("we don't have a pilot yet" is not a pilot) and intent ("we plan to
  make it citywide" is a plan) taken into account;
- embedding similarity between the answer (whole and per statement) and that element's five
  rubric descriptions and examples, which places answers that describe the state in their own
  words and tells whether the answer is about the element at all.

A small learned model (``assistant.interpret.model``: multinomial logistic regression trained
on answers from several independent writers by ``evals/train_interpreter.py``) turns these
measurements into a level or "no level"; when "no level" wins or the best level is unsure, the
interpreter proposes nothing and asks the element's probe question. A clear "don't know" with no
level words beside it is settled before the model. The earlier hand-set combination
(``rule_decision``) stays as the baseline it is measured against (``model=None``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import partial
from typing import Literal

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.interpret.analysis import Analysis, Rubric
from assistant.interpret.asides import without_asides
from assistant.interpret.basis import no_basis
from assistant.interpret.clauses import (
    level_overlap,
    level_words,
    read_clauses,
    rubric_cue_votes,
)
from assistant.interpret.evidence import choose_evidence
from assistant.interpret.model import LevelModel, bundled_model, features
from assistant.interpret.neighbours import Memory, bundled_memory, unplaced_near
from assistant.interpret.neighbours import votes as neighbour_votes
from assistant.interpret.relevance import present_fit
from assistant.interpret.rules import rule_decision
from assistant.interpret.signals import (
    LEVELS,
    Hit,
    Span,
    cue_scores,
    find_hits,
    is_hedged,
    segments,
    unknown_spans,
)
from assistant.interpret.statements import missing_overlap, read_statements
from assistant.interpret.stops import mark_past, past_regions, without_continuity
from assistant.interpret.unplaceable import flat_denial, own_words, unplaced_reading
from assistant.interpret.votes import adjust_votes, cap_absence, closes_loop, plan_over_absence
from assistant.interpret.whose import whose_reading
from assistant.lang import detect_lang
from assistant.models import Element, Framework, Lang
from assistant.ports import Interpretation


@dataclass(frozen=True)
class Calibration:
    """Hand-set numbers: vote shaping and "don't know" (always used) and the rule combiner's."""

    embedding_weight: float = 0.8  # total vote the rubric similarity can give, spread by softmax
    embedding_temperature: float = 0.03  # cosine differences between levels are small
    support_scale: float = 1.0  # support at which confidence reaches 63% (one clear cue)
    higher_share: float = 0.5  # a higher level wins if it has this share of the top support...
    higher_floor: float = 0.8  # ...and at least this much support (about one clear cue)
    relevance_floor: float = 0.15  # cosine to the element below which an answer is off-topic
    relevance_full: float = 0.35  # cosine at which an answer is clearly about the element
    cue_relevance_base: float = 0.5  # with level words, an off-topic answer loses only part
    short_relevance_base: float = 0.8  # ...and a short one says too little to judge its topic
    no_cue_factor: float = 0.6  # an answer with no level words is placed by similarity alone
    hedge_factor: float = 0.85  # "I think", 「と思います」
    threshold: float = 0.35  # below this confidence: no level, ask the probe question
    max_embedded_statements: int = 6  # longer answers are embedded whole only (latency)
    long_evidence: int = 160  # characters: longer statements are cut to the clause with the cue
    loop_bonus: float = 0.5  # level-4 vote when results are measured and the thing then improved
    plan_floor: float = 1.0  # a plan this firm beside "nothing exists" makes the answer level 1
    deflection_floor: float = 1.0  # cue support needed outside a "don't know / ask them" part
    described_words: int = 15  # ...or this many words outside it (ja: characters / 2.5)...
    described_floor: float = 0.5  # ...with at least this much cue support


def _short(text: str, lang: Lang) -> bool:
    """Too short to tell its topic from its words (about a dozen words)."""
    return len(text) <= 30 if lang == "ja" else len(text.split()) <= 12


def _without(text: str, regions: list[tuple[int, int]]) -> str:
    """``text`` with the given offset ranges cut out."""
    keep = [True] * len(text)
    for a, b in regions:
        keep[a:b] = [False] * (b - a)
    return "".join(c for c, k in zip(text, keep, strict=True) if k)


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


class OfflineInterpreter:
    """Implements ``assistant.ports.Interpreter`` with cue words and rubric similarity."""

    def __init__(
        self,
        framework: Framework,
        embeddings: Embeddings,
        calibration: Calibration | None = None,
        model: LevelModel | Literal["bundled"] | None = "bundled",
        memory: Memory | Literal["bundled"] | None = "bundled",
    ) -> None:
        """``model``: the learned combiner ("bundled": the shipped weights; None: hand rules);
        ``memory``: the labelled answers whose nearest vote (None: no votes, as in training)."""
        self.framework = framework
        self.embeddings = embeddings
        self.calibration = calibration or Calibration()
        self.model = bundled_model() if model == "bundled" else model
        self.memory = bundled_memory() if memory == "bundled" else memory
        self._rubrics: dict[tuple[str, Lang], Rubric] = {}
        self._lock = threading.Lock()

    # -- the rubric side, embedded once per element and language ------------------------------

    def _rubric(self, element: Element, lang: Lang) -> Rubric:
        key = (element.id, lang)
        cached = self._rubrics.get(key)
        if cached is not None:
            return cached
        texts: list[str] = []
        levels: list[int] = []
        for r in element.rubric:
            for t in (r.text.get(lang), r.evidence.get(lang).strip('"「」')):
                texts.append(t)
                levels.append(r.level)
        topic_texts = [
            element.question.get(lang),
            element.short.get(lang),
            element.desired_state.get(lang),
            *(p.get(lang) for p in element.probes),
        ]
        vectors = np.asarray(self.embeddings.embed_documents(texts + topic_texts), dtype=np.float32)
        vectors = _normalise(vectors)
        rubric = Rubric(
            vectors=vectors[: len(texts)],
            levels=np.asarray(levels),
            topic=vectors[len(texts) :],
            words=level_words(element, lang),
        )
        with self._lock:
            self._rubrics.setdefault(key, rubric)
        return self._rubrics[key]

    def warm(
        self, element_ids: list[str] | None = None, langs: tuple[Lang, ...] = ("en", "ja")
    ) -> None:
        """Embed the rubrics ahead of time (the first answer then pays nothing extra)."""
        for element in self.framework.elements:
            if element_ids is None or element.id in element_ids:
                for lang in langs:
                    self._rubric(element, lang)

    # -- one answer ---------------------------------------------------------------------------

    def analyse(self, element: Element, text: str, lang: Lang) -> Analysis | Interpretation:
        """Every signal about one answer; an Interpretation when it is settled without them.

        Settled early: an empty answer, a flat "no" (level 0), a clear "don't know" / deflection with too little
        level support outside it, and an answer with no fact of the city's own (``whose``).
        """
        cal = self.calibration
        answer = text.strip()
        tlang = detect_lang(answer, default=lang)
        follow_up = element.probes[0].get(tlang)
        if not answer:
            return Interpretation(element=element.id, confidence=0.0, follow_up=follow_up)
        if flat_denial(answer, tlang):  # "None.", 「ないです。」: the city has none of it
            return Interpretation(
                element=element.id, level=0, confidence=0.9, evidence=answer,
                confidence_label="high",
            )  # fmt: skip

        spans = segments(text, tlang) or [Span(0, len(text), text)]
        read = without_asides(text, spans, tlang)  # "by the way, ..." is not the answer
        if read != text:
            text, answer = read, read.strip()
            spans = segments(text, tlang) or [Span(0, len(text), text)]
        past = past_regions(spans, tlang)
        hits = mark_past(text, spans, find_hits(spans, tlang), tlang)
        hits = without_continuity(text, hits, tlang)

        said_unknown = unknown_spans(text, tlang)
        dks = own_words(text, said_unknown, tlang)
        dk_segments = _touching(spans, dks)
        described = partial(self._described, spans, hits, text, tlang)
        unplaced = unplaced_reading(element, text, spans, hits, tlang, dks, described)
        if unplaced is not None:
            return unplaced
        whose = whose_reading(spans, hits, tlang)
        if whose is not None:  # only another city's / the nation's facts, or only views
            reason, said = whose
            return Interpretation(
                element=element.id, confidence=0.8, evidence=said, follow_up=follow_up,
                reason=reason,
            )  # fmt: skip
        if dks:
            # "not sure of the date, but the council meets every quarter and ...": a hedge
            # beside a real description is read, with the deflection as a feature
            hits = [h for h in hits if h.segment not in dk_segments]

        rubric = self._rubric(element, tlang)
        parts = [s.text for s in spans if s.text != answer]
        pieces = [answer] + (parts if len(parts) <= cal.max_embedded_statements else [])
        # what stopped is not what is true now: the whole answer is embedded without it
        now = _without(text, past).strip()
        embedded = [now if past and len(now) >= 8 else answer, *pieces[1:]]
        vectors = _normalise(
            np.asarray(self.embeddings.embed_documents(embedded), dtype=np.float32)
        )
        if past:  # a statement wholly about the stopped thing places nothing
            for row, span in enumerate((s for s in spans if s.text != answer), start=1):
                inside = any(a <= span.start and span.end <= b + 1 for a, b in past)
                if row < len(embedded) and inside:
                    vectors[row] = 0.0
        sims = vectors @ rubric.vectors.T  # pieces x rubric texts
        level_sims = np.stack(
            [sims[:, rubric.levels == lv].max(axis=1) for lv in range(LEVELS)], axis=1
        ).astype(np.float64)  # pieces x levels
        per_level = level_sims.max(axis=0)
        topic_sims = vectors @ rubric.topic.T
        topic = float(max(per_level.max(), topic_sims.max()))
        raw_votes = np.asarray(cue_scores(hits, text), dtype=np.float64)
        clauses = read_clauses(text, spans, hits, tlang, past)
        vector = vectors[0]
        near = (
            neighbour_votes(self.memory, element.id, tlang, vector)
            if self.memory is not None
            else (np.zeros(6), 0.0)
        )
        nulls = unplaced_near(self.memory, vector) if self.memory is not None else [0.0] * 4
        return Analysis(
            element=element.id,
            text=text,
            answer=answer,
            lang=tlang,
            follow_up=follow_up,
            spans=spans,
            hits=hits,
            deflection=bool(dks),
            raw_votes=raw_votes,
            votes=cap_absence(adjust_votes(raw_votes, hits, answer, tlang, cal), clauses),
            plan_over_absence=plan_over_absence(raw_votes, cal),
            loop=closes_loop(answer, hits, tlang),
            per_level=per_level,
            topic=topic,
            keyword=any(k.lower() in answer.lower() for k in element.keywords.get(tlang, [])),
            hedged=is_hedged(answer, tlang),
            short=_short(answer, tlang),
            sims=sims,
            rubric=rubric,
            pieces=pieces,
            clauses=clauses,
            overlap=level_overlap(text, tlang, rubric.words, past),
            rubric_cues=rubric_cue_votes(text, hits, rubric.words, tlang),
            present_fit=present_fit(spans, hits, answer, sims, tlang),
            statements=read_statements(spans, hits, answer, text, level_sims, topic_sims, tlang),
            missing=missing_overlap(text, tlang, rubric.words, past),
            vector=vector,
            neighbours=near,
            unplaced_near=nulls,
            prefaced=bool(said_unknown) and not dks,
        )

    def _described(
        self,
        spans: list[Span],
        hits: list[Hit],
        text: str,
        lang: Lang,
        skip: set[int],
        *,
        strict: bool = False,
    ) -> bool:
        """Enough level support (or, unless ``strict``, enough words with some) outside ``skip``."""
        cal = self.calibration
        outside = [h for h in hits if h.segment not in skip]
        support = max(cue_scores(outside, text)) if outside else 0.0
        rest = " ".join(s.text for i, s in enumerate(spans) if i not in skip)
        said = len(rest) / 2.5 if lang == "ja" else len(rest.split())
        described = said >= cal.described_words and support >= cal.described_floor
        return support >= cal.deflection_floor or (described and not strict)

    @property
    def threshold(self) -> float:
        """Below this confidence no level is proposed (the learned model's, else the rules')."""
        return self.model.threshold if self.model is not None else self.calibration.threshold

    def interpret(self, element: Element, text: str, lang: Lang) -> Interpretation:
        analysis = self.analyse(element, text, lang)
        if isinstance(analysis, Interpretation):
            return analysis
        label: Literal["high", "medium", "low"] = "low"
        alternatives: list[int] = []
        if self.model is not None:
            assessed = self.model.assess(features(analysis))
            level, confidence = assessed.level, assessed.confidence
            label, alternatives = assessed.label, assessed.alternatives
        else:
            level, confidence = rule_decision(analysis, self.calibration)
            if confidence < self.calibration.threshold:
                level = None
            label = "medium" if confidence >= 0.5 else "low"  # uncalibrated: never "high"
        # the learned gate withholds a level it finds no basis for (never places one); a "don't
        # know" the rules read beside a described fact (「よく分かりませんが、…しています」) is theirs
        gated = level is not None and self.model is not None
        gated = gated and not (analysis.deflection or analysis.prefaced)
        if gated and no_basis(analysis.answer, analysis.vector) is not None:
            level = None
        if level is None:
            return Interpretation(
                element=element.id, confidence=confidence, follow_up=analysis.follow_up
            )
        a = analysis
        evidence = choose_evidence(a.text, a.spans, a.hits, level, a.sims, a.rubric, a.pieces,
                                   self.calibration.long_evidence)  # fmt: skip
        return Interpretation(
            element=element.id,
            level=level,
            confidence=confidence,
            evidence=evidence,
            confidence_label=label,
            alternatives=alternatives,
            question=separating_question(element, level, alternatives, lang),
        )


def separating_question(
    element: Element, level: int, alternatives: list[int], lang: Lang
) -> str | None:
    """The rubric's question that tells ``level`` and the runner-up apart.

    Adjacent candidates get their own pair's question; for a runner-up two or more levels away
    the higher level's own step is asked about (0 or 3: "has it the level-3 thing?"), so the
    question separates exactly the two levels offered, not the first step toward the other.
    """
    if not alternatives:
        return None
    return element.question_between(level, alternatives[0]).get(lang)


def _touching(spans: list[Span], found: list[Span]) -> set[int]:
    """Indices of the statements that overlap any of ``found``."""
    return {i for i, s in enumerate(spans) for d in found if s.start < d.end and d.start < s.end}
