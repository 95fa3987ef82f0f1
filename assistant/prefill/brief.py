"""The facilitator's pre-mission brief from the documents a city sent (issue 14, item 4).

One source, ``build``: the documents read, the covered/uncovered map by domain, the drafts with
their quotes and where they are, and the questions to ask on site for the elements not covered,
covered with low confidence, or where the documents (or passages of one document) disagree.
Two renderers read it: ``brief_text`` (Markdown-shaped plain text, the download) and the
Workspace page (``web/prefill_brief.py``). Quotes are the documents' own words: written as
text, never as markup to follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.catalogue import t
from assistant.models import Framework, Lang
from assistant.prefill.drafts import Draft, Prefill
from assistant.prefill.interview import where

LOW = 0.5  # a draft under this confidence is checked on site


@dataclass(frozen=True)
class Entry:
    """One element in the brief: its heading, and quotes (text, where) or questions."""

    element: str
    title: str  # "E07 Lead organisation"
    status: str  # "level 3 (confidence 0.80)" / why it is asked
    lines: list[tuple[str, str]] = field(default_factory=list)  # (quote, where) or (question, "")


@dataclass(frozen=True)
class Brief:
    summary: str
    counts: Counts
    # (name, "en, 30 pages" or "not read: …", the reading's error or None)
    documents: list[tuple[str, str, str | None]]
    domains: list[tuple[str, list[Entry]]]  # the map: domain name → its elements' status
    drafts: list[Entry]
    ask: list[Entry]


def status(draft: Draft | None, lang: Lang) -> str:
    if draft is None:
        return t("report.brief_docs.uncovered", lang)
    if draft.level is None:
        return t("report.brief_docs.conflict", lang)
    return t("report.brief_docs.covered", lang, level=draft.level, confidence=draft.confidence)


def kind(draft: Draft | None) -> str:
    """Each element is exactly one of: "drafted" (confirmed in the interview), or asked on site
    as "low" (a draft under ``LOW``), "conflict" (the documents disagree) or "uncovered"."""
    if draft is None:
        return "uncovered"
    if draft.level is None:
        return "conflict"
    return "low" if draft.confidence < LOW else "drafted"


@dataclass(frozen=True)
class Counts:
    """The brief's numbers, from one classification (``kind``): they add up to the total."""

    drafted: int
    low: int
    conflict: int
    uncovered: int

    @property
    def ask(self) -> int:
        return self.low + self.conflict + self.uncovered

    @property
    def total(self) -> int:
        return self.drafted + self.ask


def counts(prefill: Prefill, fw: Framework) -> Counts:
    kinds = [kind(prefill.elements.get(el.id)) for el in fw.elements]
    return Counts(*(kinds.count(k) for k in ("drafted", "low", "conflict", "uncovered")))


def to_ask(prefill: Prefill, fw: Framework, lang: Lang) -> list[tuple[str, str]]:
    """(element id, why) for the elements to ask about on site, in framework order."""
    out: list[tuple[str, str]] = []
    for el in fw.elements:
        draft = prefill.elements.get(el.id)
        found = kind(draft)
        if draft is None:
            out.append((el.id, t("report.brief_docs.why_uncovered", lang)))
        elif found == "conflict":
            # where each reading is (two passages of one document can disagree too)
            levels = ", ".join(
                f"{where(p.quotes[0], lang) if p.quotes else p.document}: {p.level}"
                for p in draft.conflict
            )
            out.append((el.id, t("report.brief_docs.why_conflict", lang, levels=levels)))
        elif found == "low":
            out.append((el.id, t("report.brief_docs.why_low", lang, level=draft.level)))
    return out


def build(prefill: Prefill, fw: Framework, lang: Lang) -> Brief:
    """The brief's content, once, for every renderer."""
    ask = to_ask(prefill, fw, lang)
    documents: list[tuple[str, str, str | None]] = []
    for d in prefill.documents:
        if d.error:
            documents.append((d.name, t("report.brief_docs.unread", lang, error=d.error), d.error))
            continue
        size = (
            t("report.brief_docs.pages", lang, n=d.pages)
            if d.pages
            else t("report.brief_docs.chars", lang, n=d.characters)
        )
        documents.append((d.name, f"{d.lang}, {size}", None))

    def title(eid: str) -> str:
        return f"{eid} {fw.element(eid).name.get(lang)}"

    domains = [
        (
            domain.name.get(lang),
            [Entry(el.id, title(el.id), status(prefill.elements.get(el.id), lang))
             for el in fw.domain_elements(domain.id)],
        )
        for domain in fw.domains
    ]  # fmt: skip
    drafts = [
        Entry(el.id, title(el.id), status(draft, lang),
              [(" ".join(q.text.split()), where(q, lang)) for q in draft.quotes])
        for el in fw.elements
        if (draft := prefill.elements.get(el.id)) is not None
    ]  # fmt: skip
    questions = []
    for eid, why in ask:
        el = fw.element(eid)
        lines = [el.question.get(lang), *(p.get(lang) for p in el.probes[:2])]
        questions.append(Entry(eid, title(eid), why, [(line, "") for line in lines]))
    n = counts(prefill, fw)
    summary = t(
        "report.brief_docs.summary",
        lang,
        drafted=n.drafted,
        total=n.total,
        ask=n.ask,
        uncovered=n.uncovered,
        low=n.low,
        conflict=n.conflict,
    )
    return Brief(summary, n, documents, domains, drafts, questions)


def brief_text(prefill: Prefill, fw: Framework, lang: Lang) -> str:
    """The brief as Markdown-shaped plain text (the download)."""
    brief = build(prefill, fw, lang)
    lines = [f"# {t('report.brief_docs.title', lang)}", "", brief.summary]
    lines += ["", f"## {t('report.brief_docs.documents', lang)}", ""]
    lines += [f"- {name}: {about}" if error else f"- {name} ({about})"
              for name, about, error in brief.documents]  # fmt: skip
    lines += ["", f"## {t('report.brief_docs.map', lang)}", ""]
    for name, entries in brief.domains:
        lines.append(f"### {name}")
        lines += [f"- {e.title}: {e.status}" for e in entries]
        lines.append("")
    lines += [f"## {t('report.brief_docs.drafts', lang)}", ""]
    for e in brief.drafts:
        lines.append(f"### {e.title}: {e.status}")
        lines += [f"> “{quote}” ({place})" for quote, place in e.lines]
        lines.append("")
    lines += [f"## {t('report.brief_docs.ask', lang)}", ""]
    for e in brief.ask:
        lines.append(f"### {e.title} ({e.status})")
        lines += [f"- {question}" for question, _ in e.lines]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
