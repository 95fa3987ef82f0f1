"""The facilitator's pre-mission brief from the documents a city sent (issue 14, item 4).

Plain text (Markdown-shaped, readable as is): the documents read, the covered/uncovered map by
domain, the drafts with their quotes and where they are, and the questions to ask on site for
the elements not covered, covered with low confidence, or where the documents disagree. Quotes
are the documents' own words: written as text, never as markup to follow.
"""

from __future__ import annotations

from assistant.catalogue import t
from assistant.models import Framework, Lang
from assistant.prefill.drafts import Draft, Prefill
from assistant.prefill.interview import where

LOW = 0.5  # a draft under this confidence is checked on site


def status(draft: Draft | None, lang: Lang) -> str:
    if draft is None:
        return t("report.brief_docs.uncovered", lang)
    if draft.level is None:
        return t("report.brief_docs.conflict", lang)
    return t("report.brief_docs.covered", lang, level=draft.level, confidence=draft.confidence)


def to_ask(prefill: Prefill, fw: Framework, lang: Lang) -> list[tuple[str, str]]:
    """(element id, why) for the elements to ask about on site, in framework order."""
    out: list[tuple[str, str]] = []
    for el in fw.elements:
        draft = prefill.elements.get(el.id)
        if draft is None:
            out.append((el.id, t("report.brief_docs.why_uncovered", lang)))
        elif draft.level is None:
            levels = ", ".join(f"{p.document}: {p.level}" for p in draft.conflict)
            out.append((el.id, t("report.brief_docs.why_conflict", lang, levels=levels)))
        elif draft.confidence < LOW:
            out.append((el.id, t("report.brief_docs.why_low", lang, level=draft.level)))
    return out


def brief_text(prefill: Prefill, fw: Framework, lang: Lang) -> str:
    ask = to_ask(prefill, fw, lang)
    lines = [f"# {t('report.brief_docs.title', lang)}", ""]
    lines.append(
        t(
            "report.brief_docs.summary",
            lang,
            covered=len(prefill.drafted()),
            total=len(fw.elements),
            ask=len(ask),
        )
    )
    lines += ["", f"## {t('report.brief_docs.documents', lang)}", ""]
    for d in prefill.documents:
        if d.error:
            lines.append(f"- {d.name}: {t('report.brief_docs.unread', lang, error=d.error)}")
            continue
        size = (
            t("report.brief_docs.pages", lang, n=d.pages)
            if d.pages
            else t("report.brief_docs.chars", lang, n=d.characters)
        )
        lines.append(f"- {d.name} ({d.lang}, {size})")
    lines += ["", f"## {t('report.brief_docs.map', lang)}", ""]
    for domain in fw.domains:
        lines.append(f"### {domain.name.get(lang)}")
        for el in fw.domain_elements(domain.id):
            shown = status(prefill.elements.get(el.id), lang)
            lines.append(f"- {el.id} {el.name.get(lang)}: {shown}")
        lines.append("")
    lines += [f"## {t('report.brief_docs.drafts', lang)}", ""]
    for el in fw.elements:
        draft = prefill.elements.get(el.id)
        if draft is None:
            continue
        lines.append(f"### {el.id} {el.name.get(lang)}: {status(draft, lang)}")
        for q in draft.quotes:
            lines.append(f"> “{' '.join(q.text.split())}” ({where(q, lang)})")
        lines.append("")
    lines += [f"## {t('report.brief_docs.ask', lang)}", ""]
    for eid, why in ask:
        el = fw.element(eid)
        lines.append(f"### {eid} {el.name.get(lang)} ({why})")
        lines.append(f"- {el.question.get(lang)}")
        lines += [f"- {p.get(lang)}" for p in el.probes[:2]]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
