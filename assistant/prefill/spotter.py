"""One answer, several elements: the document reader run over one typed answer.

An answer such as "…and the same office runs our open data portal" clearly speaks of another
element; the reader's thresholds (the same as for documents) decide "clearly", the interpreter
proposes the level, and the quote is the answer's own sentence. The engine keeps the result as a
draft for that element and offers it when the element comes; nothing is saved unconfirmed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.interview.state import Proposal
from assistant.limits import MAX_EVIDENCE
from assistant.models import Lang
from assistant.prefill.documents import Document, DocumentError, Sentence, read_bytes
from assistant.prefill.reader import DocumentReader

# Spoken answers join topics in one sentence ("…, and the same office runs our portal"): cut
# there, so each clause is matched on its own (a quote is still an exact substring).
_CLAUSE = re.compile(
    r",\s+(?=(?:and|but|while|which|also)\b)|;\s+|、(?=(?:また|さらに|同じ|それから))"
)
# An answer is about the city's smart-city work by construction; a clause needs a little less
# similarity than a document's sentence (hand-set on the examples in tests/prefill).
SPOKEN_SLACK = 0.04
LIMITS = {"max_bytes": 4 * MAX_EVIDENCE, "max_pages": 1, "max_chars": 4 * MAX_EVIDENCE}


class AnswerSpotter:
    """Implements ``assistant.interview.turn.Spotter`` with a ``DocumentReader``."""

    def __init__(self, reader: DocumentReader) -> None:
        self.reader = reader

    def spot(self, text: str, lang: Lang, skip: set[str]) -> dict[str, Proposal]:
        try:
            doc = read_bytes("answer.txt", text.encode("utf-8"), lang=lang, **LIMITS)
        except DocumentError:
            return {}
        out: dict[str, Proposal] = {}
        doc.sentences = clauses(doc)
        cal = replace(self.reader.cal, cover=self.reader.cal.cover - SPOKEN_SLACK)
        for eid, found in self.reader.read_document(doc, frozenset(skip), cal).items():
            element = self.reader.framework.element(eid)
            out[eid] = Proposal(
                level=found.level,
                confidence=found.confidence,
                evidence=found.quotes[0].text[:MAX_EVIDENCE],
                rubric=element.rubric[found.level].text.get(lang),
                source="earlier",
            )
        return out


def clauses(doc: Document) -> list[Sentence]:
    out: list[Sentence] = []
    for s in doc.sentences:
        start = s.start
        for cut in _CLAUSE.finditer(doc.text, s.start, s.end):
            if cut.start() - start >= 12:
                out.append(Sentence(start, cut.start(), s.paragraph))
                start = cut.end()
        out.append(Sentence(start, s.end, s.paragraph))
    return out
