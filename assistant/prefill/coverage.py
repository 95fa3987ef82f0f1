"""Which sentences speak of which element clearly enough to be evidence, and which are read.

A sentence speaks of an element when its score (``similarity``) passes the bar *and* stands out
from its average over the elements (generic smart-city prose resembles everything a little),
the element is its best or near it, and the element is named in words (or the score is far
above the bar). Municipal life off digital work, questions, titles, passing references and
views of what matters are no evidence. Of the sentences that speak of an element, the best few
(and their neighbours naming it) are read together as the answer.
"""

from __future__ import annotations

import numpy as np

from assistant.models import Framework
from assistant.prefill import lexicon
from assistant.prefill.calibration import ReaderCalibration
from assistant.prefill.documents import Document
from assistant.prefill.passages import digital_document, is_question, is_title, plain_paragraphs


def speaking(
    doc: Document,
    score: np.ndarray,
    named: np.ndarray,
    framework: Framework,
    cal: ReaderCalibration,
) -> tuple[np.ndarray, np.ndarray]:
    """Sentences x elements: does the sentence speak clearly of the element (evidence)? And
    the scores as counted (less off digital work), which rank the sentences read."""
    # Municipal life (a tourism council, a bridge inspection, startup support in the old
    # town) resembles the organisational elements; they are about the smart-city instance.
    # A paragraph whose section never speaks of digital or data work counts for less, and
    # not at all for the elements whose words are everyday municipal vocabulary.
    plain = plain_paragraphs(doc, cal.digital_share, cal.plain_unit == "section")
    off_topic = np.array([plain[s.paragraph] for s in doc.sentences], dtype=bool)
    if cal.plain_excluded:
        # A sentence that itself speaks of digital work counts in a plain paragraph too;
        # in a document not about digital work, only such a sentence counts.
        own = np.array(
            [lexicon.digital(doc.quote(s), doc.lang_of(s)) for s in doc.sentences], dtype=bool
        )
        if cal.plain_unit == "sentence" and not digital_document(doc, cal.digital_share):
            off_topic = ~own
        off_topic &= ~own
    penalty = np.array(
        [0.0 if el.id in lexicon.ANY_CONTEXT else cal.plain_penalty for el in framework.elements]
    )
    score = score - np.outer(off_topic, penalty)
    # Where an element cannot be what a sentence speaks of (E04 without a stated relation,
    # E12 off digital work), it does not compete for being the sentence's best element.
    allowed = np.ones_like(score, dtype=bool)
    quoted = [(doc.quote(s), doc.lang_of(s)) for s in doc.sentences]
    for j, element in enumerate(framework.elements):
        if element.id in lexicon.NEEDS_DIGITAL or (
            cal.plain_excluded and element.id not in lexicon.ANY_CONTEXT
        ):
            allowed[off_topic, j] = False
        if element.id in lexicon.REQUIRES:
            states = [lexicon.states_relation(element.id, q, lang) for q, lang in quoted]
            allowed[~np.array(states, dtype=bool), j] = False
    mean = score.mean(axis=1, keepdims=True)
    top = np.where(allowed, score, -np.inf).max(axis=1, keepdims=True)
    speaks = (score >= cal.cover) & (score - mean >= cal.margin) & (score >= top - cal.near_top)
    # A sentence that resembles several elements about equally ("the council approved the
    # plan") speaks clearly only of those it names in words, unless it is far above the rest.
    speaks &= named | (score >= cal.cover + cal.unnamed_slack)
    # A sentence placing an element at a level in the rubric's own words ("funded only by a
    # national grant": E05 and E21) speaks of it though another element scores higher or it
    # stands out less from the average, and just under the bar (as corroborated sentences).
    stated = np.array(
        [[lexicon.stated_level(el.id, q, lang) is not None for el in framework.elements]
         for q, lang in quoted],
        dtype=bool,
    ).reshape(score.shape)  # fmt: skip
    bar = cal.cover - (cal.corroborate or 0.0)
    speaks |= stated & named & (score >= bar)
    speaks &= allowed
    if cal.corroborate is not None:
        # Evidence gathered across passages: an element that two sentences each name and
        # speak of (best for them, clear of the rest) just under the bar is covered too.
        near = (score >= cal.cover - cal.corroborate) & (score - mean >= cal.margin)
        near &= (score >= top - cal.near_top) & named & allowed
        twice = near.sum(axis=0) >= 2
        speaks |= near & twice[None, :]
    asked = np.array(
        [
            is_question(q)
            or is_title(q)
            or lexicon.in_passing(q, lang)
            or (cal.opinions_excluded and lexicon.opinion(q, lang))
            for q, lang in quoted
        ]
    )
    # A question, a title, a passing reference, a view of what matters: a topic, no level.
    speaks[asked] = False
    return speaks, score


def chosen(
    doc: Document,
    score: np.ndarray,
    named: np.ndarray,
    hits: np.ndarray,
    j: int,
    cal: ReaderCalibration,
) -> tuple[list[int], float]:
    """The sentences read together for element ``j`` (of ``hits``, those that speak of it) and
    how clearly the best of them is on topic (0-1); ``score`` as ``speaking`` counted it."""
    hits = hits[np.argsort(-score[hits, j], kind="stable")]
    best = score[hits[0], j]
    picked = sorted(
        int(i) for i in hits[: cal.read_sentences] if score[i, j] >= best - cal.read_slack
    )
    strength = float(np.clip((best - cal.cover) / 0.2, 0.0, 1.0))
    if cal.read_neighbours:
        # What exists and what is missing are often told in adjacent sentences: a
        # neighbour in the same paragraph that names the element is read too.
        near = {
            k
            for i in picked
            for k in (i - 1, i + 1)
            if 0 <= k < len(doc.sentences)
            and named[k, j]
            and doc.sentences[k].paragraph == doc.sentences[i].paragraph
        }
        picked = sorted(set(picked) | near)
    return picked, strength
