"""The facilitator's pre-mission brief from the documents a city sent (issue 14, item 4).

Plain text (Markdown-shaped, readable as is): the documents read, the covered/uncovered map by
domain, the drafts with their quotes and where they are, and the questions to ask on site for
the elements not covered, covered with low confidence, or where the documents disagree. Quotes
are the documents' own words: written as text, never as markup to follow.
"""

from __future__ import annotations

from assistant.models import Framework, Lang
from assistant.prefill.drafts import Draft, Prefill
from assistant.prefill.interview import where

LOW = 0.5  # a draft under this confidence is checked on site

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Pre-mission brief: what the city's documents say",
        "documents": "Documents read",
        "pages": "{n} pages",
        "chars": "{n} characters",
        "unread": "not read: {error}",
        "map": "Covered and uncovered, by domain",
        "covered": "level {level} (confidence {confidence:.2f})",
        "uncovered": "not covered",
        "conflict": "documents disagree",
        "drafts": "Drafts with their evidence",
        "ask": "Questions to ask on site",
        "why_uncovered": "not covered by the documents",
        "why_low": "draft level {level}, low confidence",
        "why_conflict": "the documents disagree ({levels})",
        "summary": "{covered} of {total} elements covered; {ask} to ask about on site.",
    },
    "ja": {
        "title": "事前ブリーフ：市の文書から読み取れること",
        "documents": "読み込んだ文書",
        "pages": "{n}ページ",
        "chars": "{n}文字",
        "unread": "読み込めませんでした：{error}",
        "map": "領域別の記載状況",
        "covered": "レベル{level}（確信度 {confidence:.2f}）",
        "uncovered": "記載なし",
        "conflict": "文書間で食い違い",
        "drafts": "回答案と根拠",
        "ask": "現地で確認する質問",
        "why_uncovered": "文書に記載なし",
        "why_low": "回答案レベル{level}、確信度が低い",
        "why_conflict": "文書間で食い違い（{levels}）",
        "summary": "21項目中{covered}項目に記載あり。現地で確認する項目：{ask}。",
    },
}


def status(draft: Draft | None, w: dict[str, str]) -> str:
    if draft is None:
        return w["uncovered"]
    if draft.level is None:
        return w["conflict"]
    return w["covered"].format(level=draft.level, confidence=draft.confidence)


def to_ask(prefill: Prefill, fw: Framework, lang: Lang) -> list[tuple[str, str]]:
    """(element id, why) for the elements to ask about on site, in framework order."""
    w = WORDS[lang]
    out: list[tuple[str, str]] = []
    for el in fw.elements:
        draft = prefill.elements.get(el.id)
        if draft is None:
            out.append((el.id, w["why_uncovered"]))
        elif draft.level is None:
            levels = ", ".join(f"{p.document}: {p.level}" for p in draft.conflict)
            out.append((el.id, w["why_conflict"].format(levels=levels)))
        elif draft.confidence < LOW:
            out.append((el.id, w["why_low"].format(level=draft.level)))
    return out


def brief_text(prefill: Prefill, fw: Framework, lang: Lang) -> str:
    w = WORDS[lang]
    ask = to_ask(prefill, fw, lang)
    lines = [f"# {w['title']}", ""]
    lines.append(
        w["summary"].format(covered=len(prefill.drafted()), total=len(fw.elements), ask=len(ask))
    )
    lines += ["", f"## {w['documents']}", ""]
    for d in prefill.documents:
        if d.error:
            lines.append(f"- {d.name}: {w['unread'].format(error=d.error)}")
            continue
        size = w["pages"].format(n=d.pages) if d.pages else w["chars"].format(n=d.characters)
        lines.append(f"- {d.name} ({d.lang}, {size})")
    lines += ["", f"## {w['map']}", ""]
    for domain in fw.domains:
        lines.append(f"### {domain.name.get(lang)}")
        for el in fw.domain_elements(domain.id):
            shown = status(prefill.elements.get(el.id), w)
            lines.append(f"- {el.id} {el.name.get(lang)}: {shown}")
        lines.append("")
    lines += [f"## {w['drafts']}", ""]
    for el in fw.elements:
        draft = prefill.elements.get(el.id)
        if draft is None:
            continue
        lines.append(f"### {el.id} {el.name.get(lang)}: {status(draft, w)}")
        for q in draft.quotes:
            lines.append(f"> “{' '.join(q.text.split())}” ({where(q, lang)})")
        lines.append("")
    lines += [f"## {w['ask']}", ""]
    for eid, why in ask:
        el = fw.element(eid)
        lines.append(f"### {eid} {el.name.get(lang)} ({why})")
        lines.append(f"- {el.question.get(lang)}")
        lines += [f"- {p.get(lang)}" for p in el.probes[:2]]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
