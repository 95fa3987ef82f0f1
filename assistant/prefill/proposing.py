"""A document's chosen sentences read as an answer: the level, the confidence and the quotes.

The interpreter reads the sentences together (clause-aware: existence vs plans) and each one
alone; what exists wins over what is missing, a level 0 needs words saying something is absent,
and two voices saying different things surely are both shown, neither taken (``inner``). Every
quote is a whole sentence of the document, cut by offset: never invented, never edited.
"""

from __future__ import annotations

from assistant.models import Element, Lang
from assistant.ports import Interpretation, Interpreter
from assistant.prefill import lexicon
from assistant.prefill.calibration import ReaderCalibration
from assistant.prefill.documents import Document, Sentence
from assistant.prefill.drafts import Proposal, Quote
from assistant.prefill.passages import bounded, keyword_count, plans_in, reported, says_absent


def propose(
    interpreter: Interpreter,
    doc: Document,
    element: Element,
    chosen: list[Sentence],
    strength: float,
    cal: ReaderCalibration,
    max_quotes: int,
) -> Proposal | None:
    """The interpreter reads the chosen sentences as an answer; its level, their quotes.

    A document states what exists next to what is missing ("a pilot dashboard joins two
    systems; the others remain separate"): when one sentence read alone is surely at a
    higher level than the sentences read together, what exists wins. ``max_quotes`` bounds the
    quotes picked (the reader's own calibration; ``cal`` is this reading's)."""
    text = "\n".join(doc.quote(s) for s in chosen)
    langs = [doc.lang_of(s) for s in chosen]
    lang: Lang = next((x for x in ("en", "ja") if 2 * langs.count(x) > len(langs)), doc.lang)
    result, sure_alone = read_together(interpreter, doc, element, chosen, text, lang, cal)
    words = stated(element.id, doc, chosen)
    if words is not None and (result.level is None or result.confidence < cal.min_confidence):
        # The interpreter's cues place nothing surely; the rubric's own words do ("funded only
        # by a grant" is level 0): a guess at the unplaced confidence, checked on site.
        result = result.model_copy(
            update={"level": words, "unknown": False, "confidence": cal.unplaced or 0.3}
        )
    if result.level is None and not result.unknown and cal.unplaced is not None:
        # The interpreter's cues are an official's words; a document's sentence that clearly
        # speaks of the element but matches none of them still says what exists (2), what
        # is planned or missing (1). A guess: low confidence, checked on site.
        guess = 1 if plans_in(text, lang) or says_absent(text, lang) else 2
        result = result.model_copy(update={"level": guess, "confidence": cal.unplaced})
    if result.level is None or result.unknown or result.confidence < cal.min_confidence:
        return None
    if result.level == 0 and cal.absence_needs_words and not says_absent(text, lang):
        # Level 0 is "nothing exists, nothing considered": a document must say so. Words
        # about the element with no "no / not / ない" in them are at least a first step.
        result = result.model_copy(update={"level": 1})
    if result.level == 0 and element.id in lexicon.REQUIRES and not plans_in(text, lang):
        # A relation said to be missing (the plan "does not refer to" the city plan; no
        # rule "on the handling of personal information") with no intent to build it: the
        # writer's observation, not a gap the city has seen. Not placed: asked on site.
        return None
    quotes = quotes_for(doc, element, chosen, result.evidence, max_quotes)
    if not quotes:
        return None
    confidence = (1 - cal.topic_share) * float(result.confidence) + cal.topic_share * strength
    if confidence < cal.min_draft or result.level is None:
        return None
    level, confidence, capped = bounded(
        element.id,
        result.level,
        confidence,
        text,
        lang,
        cal.absence_level,
        cal.absence_confidence,
    )
    if not capped and words is not None and words > level:
        level = words  # data published for anyone is level 2 whatever the cues read
    proposal = Proposal(
        document=doc.name,
        level=level,
        confidence=round(confidence, 3),
        quotes=quotes,
        source=result.source,
    )
    if not capped and sure_alone:
        low = min(sure_alone, key=lambda x: x[1])
        high = max(sure_alone, key=lambda x: x[1])
        voices = any(reported(doc.quote(s)) for s, _ in (low, high))
        if high[1] - low[1] >= cal.conflict_gap and (voices or not cal.one_voice_between):
            # Two speakers say different things surely (the head of ICT: "updated
            # regularly"; the secretariat's check: "last updated last year"): shown both,
            # as two documents that disagree, and neither taken.
            proposal.inner = [
                proposal.model_copy(update={"level": lv, "quotes": [quote_of(doc, s)]})
                for s, lv in (low, high)
            ]
        elif high[1] - low[1] >= cal.conflict_gap:
            # One voice telling what exists and what is still missing ("a forum every year;
            # using what residents know in the publicity is a task ahead"): in between, not
            # sure, walked one by one with both sentences shown.
            quotes = [quote_of(doc, s) for s, _ in (high, low)]
            quotes += [q for q in proposal.quotes if q not in quotes]
            proposal = proposal.model_copy(
                update={
                    "level": (low[1] + high[1]) // 2,
                    "confidence": round(min(confidence, cal.absence_confidence), 3),
                    "quotes": quotes[: cal.max_quotes],
                }
            )
    return proposal


def read_together(
    interpreter: Interpreter,
    doc: Document,
    element: Element,
    chosen: list[Sentence],
    text: str,
    lang: Lang,
    cal: ReaderCalibration,
) -> tuple[Interpretation, list[tuple[Sentence, int]]]:
    """The chosen sentences read together, and each read alone: a sentence surely at a
    higher level wins, and so does a sure sentence at the other candidate of an unsure
    reading together (a slogan beside "adopted and linked" must not lift it to 4); the sure
    readings (sentence, level) are kept to find disagreement."""
    result = interpreter.interpret(element, text, lang)
    together = result
    sure_alone: list[tuple[Sentence, int]] = []
    if len(chosen) > 1 and cal.alone_sure < 1.0:
        for s in chosen:
            alone = interpreter.interpret(element, doc.quote(s), doc.lang_of(s))
            if alone.level is None or alone.unknown or alone.confidence < cal.alone_sure:
                continue
            sure_alone.append((s, max(alone.level, cal.absence_level or 0)))
            other_candidate = (
                result is together
                and alone.confidence_label == "high"
                and alone.level in together.alternatives
            )
            if alone.level > (result.level or 0) or other_candidate:
                result = alone
    return result, sure_alone


def quotes_for(
    doc: Document, element: Element, chosen: list[Sentence], evidence: str, max_quotes: int
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
        if len(picked) >= max_quotes:
            break
        if s not in picked and named(s):
            picked.append(s)
    if not picked and candidates:
        picked.append(candidates[0])
    # the sentence that decided the level first: the interview shows it on the card
    return [quote_of(doc, s) for s in picked]


def quote_of(doc: Document, s: Sentence) -> Quote:
    para = doc.paragraphs[s.paragraph]
    text = doc.quote(s)
    assert text and doc.text.find(text) >= 0  # by construction; the tests check it too
    return Quote(text=text, document=doc.name, page=para.page, section=para.section, start=s.start)


def stated(element_id: str, doc: Document, chosen: list[Sentence]) -> int | None:
    """The highest level a sentence read places the element at in its own words
    (``lexicon.STATED``), told as done: no negation, no plan in that sentence."""
    found = [
        level
        for s in chosen
        if (level := lexicon.stated_level(element_id, doc.quote(s), doc.lang_of(s))) is not None
        and not says_absent(doc.quote(s), doc.lang_of(s))
        and not plans_in(doc.quote(s), doc.lang_of(s))
    ]
    return max(found) if found else None
