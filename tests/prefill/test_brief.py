"""The facilitator's pre-mission brief: the map, the drafts with quotes, the questions for site."""

from __future__ import annotations

from assistant.models import Framework
from assistant.prefill.brief import brief_text, to_ask
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
    assert "2 of 21 elements covered; 20 to ask about on site." in text
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
