"""The pieces the document reader is built from: the passages of a document, the words that
name an element in it, what a reported-speech frame or a question in minutes is, and how the
drafts of several documents are merged (disagreement: both shown, neither taken).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from assistant.interpret.cues import EN_INTENT, EN_NEGATORS, JA_INTENT, JA_NEGATORS
from assistant.lang import mentions
from assistant.models import Element, Lang
from assistant.prefill import lexicon
from assistant.prefill.documents import Document
from assistant.prefill.drafts import Draft, Proposal

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


# A question asked in a meeting names a topic without saying anything about the city's state:
# "Councillor Silva asked whether residents had been consulted", "…はどうか。", "…のか。".
_QUESTION = re.compile(
    r"[?？]\s*[\"”’)）]?\s*$|(?:のか|ですか|ますか|でしょうか|どうか|いかがか|か)[。．]?\s*$"
    r"|^(?:[A-Za-z][\w.'’-]*\s+){1,4}(?:asked|wondered|queried|inquired|enquired)"
    r"(?:\s+\w+){0,2}?\s+(?:whether|if|about|why|how|what|when|who|which)\b",
)


def is_question(sentence: str) -> bool:
    """A question (asked, or reported as asked): it names a topic, it is no evidence."""
    return _QUESTION.search(sentence.strip()) is not None


_LEADERS = re.compile(r"(?:\.\s?){4,}\s*\d*\s*$|[…・‥]{3,}\s*\d*\s*$")
_END = re.compile(r"[.!?;:。！？；：」』\"”]\s*$")


def is_title(sentence: str) -> bool:
    """A title, a contents line or a list label ("3. Vision and guiding principles", "Dizon,
    Head, ICT Office"): short, with no sentence ending. It names a topic, it is no evidence."""
    text = sentence.strip()
    if _LEADERS.search(text):
        return True  # a contents line: "6. Sustainability and handover ........ 14"
    if "|" in text or _END.search(text):
        return False
    words = len(text.split())
    return words <= 10 if re.search(r"[A-Za-z]{2}", text) and words > 1 else len(text) <= 25


def reported(sentence: str) -> bool:
    """Is the sentence a speaker's words reported in minutes ("Mr Reis said that …", "○山田委員")?"""
    return bool(_EN_FRAME.search(sentence) or _JA_FRAME.search(sentence))


# Reports number their paragraphs and lead them with a bold phrase ("7.4 **Learn from
# neighbours.** In February …", "（3）"): a place in the document, not what it says.
_LEAD = re.compile(r"^\s*(?:\d+(?:\.\d+)+\.?|[（(]\d+[）)])\s*(?:\*\*[^*]{1,80}\*\*\s*)?")


def topic_text(sentence: str) -> str:
    """The sentence without a reported-speech frame or a paragraph number (what is compared
    with the elements)."""
    stripped = _JA_FRAME.sub(
        "", _EN_FRAME.sub("", _LEAD.sub("", sentence, count=1), count=1), count=1
    )
    return stripped if len(stripped) >= 12 else sentence


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


def keywords_in(element: Element, text: str, lang: Lang) -> set[str]:
    """The element's keywords (in the given language) found in the text."""
    norm = _norm(text)
    terms = {_norm(k).strip() for k in element.keywords.get(lang, [])}
    return {kw for kw in terms if kw and mentions(norm, kw)}


def keyword_count(element: Element, text: str, lang: Lang) -> int:
    """Distinct keywords of the element (in the document's language) found in the text."""
    return len(keywords_in(element, text, lang))


def digital_document(doc: Document, share: float | None) -> bool:
    """Do at least ``share`` of the document's paragraphs (headings aside) speak of digital
    work? Then it is about such work throughout: a digital strategy, a digital pilot's report."""
    text = [i for i, p in enumerate(doc.paragraphs) if not p.heading]
    if share is None or not text:
        return False
    own = sum(lexicon.digital(doc.paragraph_text(i), doc.paragraphs[i].lang) for i in text)
    return own >= share * len(text)


def plain_paragraphs(
    doc: Document, digital_share: float | None = None, by_section: bool = True
) -> list[bool]:
    """Per paragraph: does neither it nor (``by_section``) any paragraph of its section speak of
    digital work?

    A document where at least ``digital_share`` of the paragraphs speak of digital work is
    about such work throughout (a digital strategy, a pilot's report): no paragraph is plain."""
    own = [lexicon.digital(doc.paragraph_text(i), p.lang) for i, p in enumerate(doc.paragraphs)]
    if digital_document(doc, digital_share):
        return [False] * len(doc.paragraphs)
    if not by_section:
        return [not x for x in own]
    sections = {p.section for i, p in enumerate(doc.paragraphs) if own[i] and p.section}
    titled = {p.section for p in doc.paragraphs if p.section and lexicon.digital(p.section, p.lang)}
    return [
        not (own[i] or (p.section is not None and p.section in sections | titled))
        for i, p in enumerate(doc.paragraphs)
    ]


def says_absent(text: str, lang: Lang) -> bool:
    return (JA_NEGATORS if lang == "ja" else EN_NEGATORS).search(text) is not None


def plans_in(text: str, lang: Lang) -> bool:
    return (JA_INTENT if lang == "ja" else EN_INTENT).search(text) is not None


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


def bounded(
    element_id: str,
    level: int,
    confidence: float,
    text: str,
    lang: Lang,
    floor: int | None,
    floor_confidence: float,
) -> tuple[int, float, bool]:
    """The level a document's words can support: (level, confidence, capped by "stopped").

    A document that writes about what is missing shows the gap is seen: level 1 at least
    (level 0 is "nothing considered"); what it says exists is often elsewhere, so the draft is
    not sure: walked one by one, never listed for review. Work told as stopped caps the level."""
    if level == 0 and floor is not None:
        level = floor
        confidence = min(confidence, floor_confidence)
    cap = lexicon.stopped_cap(element_id, text, lang)
    if cap is not None and level > cap:
        return cap, min(confidence, floor_confidence), True
    return level, confidence, cap is not None
