"""Reports, briefs and comparisons: complete, in the chosen language, and inert to hostile text."""

from __future__ import annotations

import re
from datetime import datetime

from assistant.models import Answer, Framework
from assistant.report.briefing import brief_markdown, compare_html, compare_markdown
from assistant.report.document import report_html, report_markdown
from assistant.scoring import assess
from tests.conftest import make_answers

WHEN = datetime(2026, 11, 24, 9, 30)
HOSTILE = '<script>alert("x")</script> | <img src=x onerror=alert(1)>'


def _answers(language: str = "en"):
    levels = {f"E{i:02d}": i % 5 for i in range(1, 22)}
    levels["E17"] = None
    a = make_answers(levels, language=language)
    a.answers["E03"] = Answer(level=1, evidence=HOSTILE)
    return a


def test_html_report_is_self_contained_and_escapes_user_text(fw: Framework) -> None:
    a = _answers()
    html = report_html(fw, a, assess(fw, a), WHEN)
    assert "<script" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;" in html
    assert not re.search(r"(src|href)=\"https?://", html)  # nothing fetched from outside
    assert html.count("<svg") == 2  # radar + element bars
    assert "unknown" in html  # E17 drawn as unknown
    for e in fw.elements:
        assert e.id in html
    assert "Testville" in html and "Cooperation that addresses it" in html


def test_markdown_report_sections_and_escaping(fw: Framework) -> None:
    a = _answers()
    md = report_markdown(fw, a, assess(fw, a), WHEN)
    summary, appendix = md.split("## Appendix: the full record")
    for heading in [
        "## Stage",
        "## Strongest elements",
        "## Weakest elements",
        "## Priority elements",
        "## Suggested approach",
        "## Unknown, to clarify",
        "## Next steps",
    ]:
        assert heading in summary
    for heading in [
        "### City profile",
        "### Domains",
        "### Elements",
        "### JICA cooperation options",
        "### How this was",
    ]:
        assert heading in appendix
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "\\|" in md  # a pipe in evidence does not break the table
    assert "2026-11-24T09:30" in md


def test_japanese_report(fw: Framework) -> None:
    a = _answers("ja")
    md = report_markdown(fw, a, assess(fw, a), WHEN)
    assert (
        "### 都市プロファイル" in md and "### JICAの協力メニュー" in md and "## 次のステップ" in md
    )
    assert "都市基盤・プラットフォーム" in md


def test_brief_lists_weakest_with_evidence_and_probes(fw: Framework) -> None:
    a = _answers()
    r = assess(fw, a)
    md = brief_markdown(fw, a, r, WHEN)
    weakest = sorted(
        (e for e in r.elements.values() if e.level is not None), key=lambda e: (e.level, e.id)
    )[0]
    assert weakest.id in md
    assert fw.element(weakest.id).probes[0].en.split()[0] in md
    assert "E17" in md.split("## Unknown, to clarify")[1]


def test_comparison_highlights_changes(fw: Framework) -> None:
    base = make_answers(1)
    follow = make_answers({**{f"E{i:02d}": 1 for i in range(1, 22)}, "E05": 3, "E09": None})
    named = [("2025", assess(fw, base)), ("2026", assess(fw, follow))]
    md = compare_markdown(fw, named, "en")
    row_e05 = next(line for line in md.splitlines() if line.startswith("| **E05"))
    assert "+2" in row_e05
    assert any(line.startswith("| **E09") for line in md.splitlines())
    assert any(line.startswith("| E01 ") for line in md.splitlines())  # unchanged, not bold
    html = compare_html(fw, named, "en")
    assert html.count('class="hl"') == 2
    assert html.count("<polygon") >= 4 + 2  # rings + one shape per interview


def _partial(language: str):
    """An interview stopped after E08: seven levels and one "don't know" (E04); E09-E21 not
    yet asked."""
    levels: dict[str, int | None] = {f"E{i:02d}": 1 for i in range(1, 9)}
    levels["E04"] = None
    return make_answers(levels, language=language)


def test_partial_report_counts_answers_and_lists_the_unasked_apart(fw: Framework) -> None:
    a = _partial("en")
    result = assess(fw, a)
    assert result.not_answered == [f"E{i:02d}" for i in range(9, 22)]
    assert result.answered == 7 and len(result.unknown) == 14  # the score contract unchanged
    md = report_markdown(fw, a, result, WHEN)
    assert "8 of 21 elements answered: 7 with a level, 1 “don't know”; 13 not yet answered." in md
    assert "7 of 21" not in md
    assert "Not yet answered (13): E09 " in md
    assert "E04 Policy coherence — to clarify:" in md  # the "don't know", with its question
    stage_part = md.split("## Stage")[1].split("##")[0] if "## Stage" in md else md
    for line in fw.stage("small_start").approach:  # no stage judged: no stage's approach
        assert line.get("en") not in md
    assert "follows once it is judged" in stage_part
    table_row = next(x for x in md.splitlines() if x.startswith("| E09 "))
    assert "not yet answered" in table_row and "to clarify" not in table_row
    assert "Answer the 13 element(s) not yet answered" in md
    svg = report_html(fw, a, result, WHEN)
    assert svg.count(">not yet answered</text>") == 13 and svg.count(">unknown</text>") == 1
    assert "Clarify the 1 unknown element(s)" in md


def test_partial_report_japanese(fw: Framework) -> None:
    a = _partial("ja")
    result = assess(fw, a, "ja")
    md = report_markdown(fw, a, result, WHEN)
    assert "21エレメント中8件回答（レベルあり7件、「わからない」1件）、未回答13件。" in md
    assert "未回答（13件）" in md
    for line in fw.stage("small_start").approach:
        assert line.get("ja") not in md
    html = report_html(fw, a, result, WHEN)
    assert "未回答" in html and "21エレメント中8件回答" in html


def test_comparing_a_partial_interview_counts_only_what_both_answered(fw: Framework) -> None:
    """E01-E08 answered (E04 "don't know") against a full interview: the 13 not yet asked are
    not changes, and the summary says how many could be compared."""
    full = make_answers({**{f"E{i:02d}": 1 for i in range(1, 22)}, "E02": 3})
    for lang in ("en", "ja"):
        named = [("A", assess(fw, _partial(lang), lang)), ("B", assess(fw, full, lang))]
        md = compare_markdown(fw, named, lang)
        html = compare_html(fw, named, lang)
        assert html.count('class="hl"') == 2  # E02 (1 -> 3) and E04 (don't know -> 1)
        bold = [x for x in md.splitlines() if x.startswith("| **E")]
        assert [x.split("**")[1] for x in bold] == ["E02", "E04"]
        e09 = next(x for x in md.splitlines() if x.startswith("| E09 "))
        if lang == "en":
            assert "2 of the 8 elements answered in both interviews changed." in md
            assert "13 not yet answered in one or both could not be compared." in md
            assert "| E09 | not compared | not yet answered | 1 |" in e09
            assert "changed" not in e09
        else:
            assert "回答済みの8件のエレメントのうち、2件が変化した" in md and "未回答の13件" in md
            assert "比較できない" in e09 and "未回答" in e09


def test_partial_report_does_not_call_its_lowest_answers_strengths(fw: Framework) -> None:
    """E01 1, E02 3, E03 1 (the rest not asked): E02 is the strength, E01 and E03 the weak
    ones, the same two Rule P makes priorities; a level-1 answer is never a strength."""
    for lang, strongest, weakest in (
        ("en", "## Strongest elements", "## Weakest elements"),
        ("ja", "## 強いエレメント", "## 弱いエレメント"),
    ):
        a = make_answers({"E01": 1, "E02": 3, "E03": 1}, language=lang)
        md = report_markdown(fw, a, assess(fw, a, lang), WHEN)
        strong = md.split(strongest)[1].split("##")[0]
        weak = md.split(weakest)[1].split("##")[0]
        assert "E02" in strong and "E01" not in strong and "E03" not in strong
        assert "E01" in weak and "E03" in weak and "E02" not in weak
    same = make_answers({"E01": 2, "E02": 2})
    md = report_markdown(fw, same, assess(fw, same), WHEN)
    strong = md.split("## Strongest elements")[1].split("##")[0]
    assert "E01" not in strong and "too few answers at different levels" in strong


def test_a_dont_know_is_answered_but_not_with_a_level_everywhere(fw: Framework) -> None:
    """21 confirmed answers, E17 "don't know": report, brief and score text say 21 answered, 20
    with a level (``score --json``'s ``answered``), never a bare "21 of 21 elements answered"."""
    from assistant.report.profile_text import profile_text

    a = _answers()
    r = assess(fw, a)
    assert r.answered == 20
    line = "21 of 21 elements answered: 20 with a level, 1 “don't know”"
    for text in (report_markdown(fw, a, r, WHEN), brief_markdown(fw, a, r, WHEN)):
        assert line + ")" in text and "not yet answered" not in text.split("## Stage")[1][:300]
    assert line in profile_text(fw, a, r)
    domains = report_markdown(fw, a, r, WHEN).split("### Domains")[1]
    assert "| Domains | Score | With a level |" in domains and "| Technology | 1.33 | 3/4 |" in domains
    ja = _answers("ja")
    assert "21エレメント中21件回答（レベルあり20件、「わからない」1件）" in brief_markdown(
        fw, ja, assess(fw, ja, "ja"), WHEN
    )


def test_markdown_files_have_no_chart_placeholders_or_invisible_characters(fw: Framework) -> None:
    a = _answers()
    a.city.name = "Harbor [x](http://evil.example/)"
    r = assess(fw, a)
    named = [(a.city.name, r), ("B", assess(fw, make_answers(2)))]
    for md in (report_markdown(fw, a, r, WHEN), compare_markdown(fw, named, "en")):
        assert "*[" not in md and "\u2060" not in md
        assert "Harbor \\[x\\](http\\://evil.example/)" in md
    assert "| Policy |" in compare_markdown(fw, named, "en")  # the chart's numbers, as a table
