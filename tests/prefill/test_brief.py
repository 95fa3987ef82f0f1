"""The facilitator's pre-mission brief: the map, the drafts with quotes, the questions for site."""

from __future__ import annotations

import re

import pytest

from assistant.models import Framework
from assistant.prefill.brief import brief_text, build, counts, to_ask
from assistant.prefill.drafts import DocumentInfo, Draft, Prefill, Proposal, Quote

QUOTE = "A Smart City Unit was set up by executive order in 2026."


def _prefill() -> Prefill:
    elements: dict[str, Draft | None] = {f"E{i:02d}": None for i in range(1, 22)}
    q = Quote(text=QUOTE, document="plan.pdf", page=4)
    elements["E07"] = Draft(element="E07", level=3, confidence=0.8, quotes=[q])
    elements["E17"] = Draft(element="E17", level=2, confidence=0.3, quotes=[q])
    a = Proposal(document="plan.pdf", level=1, confidence=0.7, quotes=[q])
    qb = Quote(text=QUOTE, document="minutes.md", section="Item 3")
    b = Proposal(document="minutes.md", level=3, confidence=0.7, quotes=[qb])
    elements["E15"] = Draft(element="E15", level=None, confidence=0.0, quotes=[q], conflict=[a, b])
    docs = [
        DocumentInfo(name="plan.pdf", lang="en", kind="pdf", pages=30, characters=9000),
        DocumentInfo(name="x.xls", lang="", kind="", characters=0, error="x.xls: unsupported"),
    ]
    return Prefill(elements=elements, documents=docs)


def test_questions_for_site_cover_the_uncovered_the_unsure_and_the_disputed(fw: Framework) -> None:
    ask = dict(to_ask(_prefill(), fw, "en"))
    assert "E07" not in ask  # a confident draft is confirmed in the interview, not asked here
    assert ask["E17"] == "draft level 2, low confidence"
    assert ask["E15"] == "the documents disagree (plan.pdf, p. 4: 1, minutes.md, “Item 3”: 3)"
    assert ask["E01"] == "not covered by the documents"
    assert len(ask) == 20


def test_brief_text(fw: Framework) -> None:
    text = brief_text(_prefill(), fw, "en")
    assert (
        "21 elements: 1 drafted from the documents, to confirm in the interview; 20 to ask about"
        " on site (18 not covered, 1 with a low-confidence draft, 1 where the documents"
        " disagree)." in text
    )
    assert "- E07 Lead organisation: level 3 (confidence 0.80)" in text
    assert f"> “{QUOTE}” (plan.pdf, p. 4)" in text
    assert "x.xls: not read" in text
    assert fw.element("E01").question.en in text
    ja = brief_text(_prefill(), fw, "ja")
    assert "現地で確認する質問" in ja and "plan.pdf、4ページ" in ja


def test_one_source_for_both_renderers(fw: Framework) -> None:
    """The page and the download render the same ``build``: every entry is in the text."""
    from assistant.prefill.brief import build

    brief = build(_prefill(), fw, "en")
    text = brief_text(_prefill(), fw, "en")
    assert brief.summary in text
    for entry in [*brief.drafts, *brief.ask, *(e for _, es in brief.domains for e in es)]:
        assert entry.title in text and entry.status in text
        for line, place in entry.lines:
            assert line in text and place in text
    assert [error for _, _, error in brief.documents] == [None, "x.xls: unsupported"]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_count_in_the_brief_adds_up_to_the_framework(fw: Framework, lang: str) -> None:
    """A low-confidence draft is asked on site, not also counted as drafted: the header's
    numbers add up to 21 and match the questions listed (QA saw "5 of 21 covered; 17 to ask")."""
    prefill = _prefill()
    n = counts(prefill, fw)
    assert (n.drafted, n.low, n.conflict, n.uncovered) == (1, 1, 1, 18)
    assert n.drafted + n.ask == n.total == len(fw.elements)
    brief = build(prefill, fw, lang)  # type: ignore[arg-type]
    assert brief.counts == n and len(brief.ask) == n.ask
    numbers = [int(x) for x in re.findall(r"\d+", brief.summary)]
    total, drafted, ask, *parts = numbers
    assert total == 21 and drafted + ask == total and sum(parts) == ask
