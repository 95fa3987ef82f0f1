"""Reports, briefs and comparisons for several answer files, in both languages: no raw id or
token anywhere, Japanese without Latin words the report added, and the PDF within its pages
(summary at most 2 A4 pages, the whole report at most 6)."""

from __future__ import annotations

import io
import re
from datetime import datetime
from html import unescape
from pathlib import Path

import pytest
from pypdf import PdfReader

from assistant.answers_io import read_answers
from assistant.models import Answer, AnswersFile, Framework
from assistant.report.briefing import brief_html, brief_markdown, compare_html, compare_markdown
from assistant.report.document import report_html, report_markdown
from assistant.report.pdf import html_to_pdf
from assistant.scoring import assess
from tests.conftest import make_answers

WHEN = datetime(2026, 12, 3, 19, 0)
EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))
RAW = re.compile(
    r"small_start|sustainable_growth|insufficient_data|regional_core|industry_specialized|"
    r"area_development|\bnat-[a-z]+-\d|\bcity-[a-z]+-\d|cooperation:|domain:[a-z]|"
    r"\(municipal\)|\(private\)|\(national\)|\bscale_up\b|\bfocus_[a-z]+|=None|\bNone\b"
)
LONG = (
    "The department described this at length: a draft exists, two pilots ran last year with a "
    "vendor, the council has not approved a budget, and staff change often, so nothing is "
    "certain beyond the current fiscal year."
)


def _full_interview(city_type: str = "metropolis", lead: str = "national") -> AnswersFile:
    """A complete interview with long evidence everywhere and many gaps (the longest report)."""
    a = make_answers(
        {f"E{i:02d}": (i % 3) for i in range(1, 22)},
        city_type=city_type,
        lead_actor=lead,
        population=2_400_000,
        focus_areas=["Old town"],
        focus_sectors=["transport", "water"],
    )
    for k in a.answers:
        a.answers[k] = Answer(level=a.answers[k].level, evidence=LONG)
    return a


def _files() -> dict[str, AnswersFile]:
    files = {p.stem: read_answers(p) for p in EXAMPLES}
    files["full-metropolis"] = _full_interview()
    files["all-established"] = make_answers(4, city_type="area_development", lead_actor="private")
    files["industry-unknowns"] = make_answers(
        {**{f"E{i:02d}": 1 for i in range(1, 22)}, "E10": None, "E16": None, "E17": None},
        city_type="industry_specialized",
    )
    files["too-few"] = make_answers({**dict.fromkeys([f"E{i:02d}" for i in range(1, 22)]),
                                      "E01": 0, "E07": 1})  # fmt: skip
    return files


FILES = _files()


def _text(html: str) -> str:
    body = html.split("<body>", 1)[1]
    return unescape(re.sub(r"<[^>]+>", " ", body))


def _allowed_latin(fw: Framework, a: AnswersFile) -> set[str]:
    """Latin words a Japanese report may show: the brochure's own (JICA, DX, SC, stage names,
    ...), the city's own words, element numbers, and "Well-being"."""
    words: set[str] = {"Well-being", "JICA", "JICA's", "SUPPORT"}  # the menu's printed name
    texts = [fw.title.ja, fw.rubric_note.ja]
    texts += [s.name.ja for s in fw.stages] + [x.ja for s in fw.stages for x in s.approach]
    texts += [c.text.ja for c in fw.cooperation] + [t.name.ja for t in fw.cooperation_types]
    for e in fw.elements:
        texts += [e.name.ja, e.question.ja, *(r.text.ja for r in e.rubric)]
        texts += [p.ja for p in e.probes]
    texts += [x.ja for c in fw.city_types for x in c.directions]
    c = a.city
    texts += [c.name, c.country, *c.focus_areas, *c.focus_sectors]
    texts += [x.evidence for x in a.answers.values()]
    for t in texts:
        words |= set(re.findall(r"[A-Za-z][A-Za-z0-9'’./-]*", t))
    return words


@pytest.mark.parametrize("name", sorted(FILES))
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_raw_ids_or_tokens(fw: Framework, name: str, lang: str) -> None:
    a = FILES[name]
    r = assess(fw, a, lang)  # type: ignore[arg-type]
    other = assess(fw, make_answers(2), lang)  # type: ignore[arg-type]
    named = [(a.city.name, r), ("Testville 2027", other)]
    docs = {
        "report.md": report_markdown(fw, a, r, WHEN),
        "report.html": _text(report_html(fw, a, r, WHEN)),
        "brief.md": brief_markdown(fw, a, r, WHEN),
        "brief.html": _text(brief_html(fw, a, r, WHEN)),
        "compare.md": compare_markdown(fw, named, lang),  # type: ignore[arg-type]
        "compare.html": _text(compare_html(fw, named, lang)),  # type: ignore[arg-type]
    }
    for doc, text in docs.items():
        found = RAW.findall(text)
        assert not found, f"{doc}: raw tokens {sorted(set(found))}"
        if lang == "ja":
            allowed = _allowed_latin(fw, a) | _allowed_latin(fw, make_answers(2))
            latin = set(re.findall(r"[A-Za-z][A-Za-z0-9'’./-]*", text))
            extra = {w for w in latin - allowed if not re.fullmatch(r"E\d\d", w)}
            assert not extra, f"{doc}: Latin words in the Japanese document: {sorted(extra)}"
    assert a.city.name in docs["compare.md"].splitlines()[0]  # the comparison names the cities


def _pages(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["full-metropolis", *(p.stem for p in EXAMPLES)])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_pdf_summary_two_pages_whole_report_six(fw: Framework, name: str, lang: str) -> None:
    a = FILES[name]
    r = assess(fw, a, lang)  # type: ignore[arg-type]
    pdf = html_to_pdf(report_html(fw, a, r, WHEN))
    assert pdf.startswith(b"%PDF-")
    pages = _pages(pdf)
    appendix = "Appendix" if lang == "en" else "付録"
    starts = next(i for i, p in enumerate(pages) if appendix in p)
    assert starts <= 2, f"summary takes {starts} pages"
    assert len(pages) <= 6, f"{len(pages)} pages"
    assert a.city.name in pages[0]
    if lang == "ja":
        fonts = str(PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"])
        assert fonts  # fonts are embedded (checked by pdffonts in docs/reports.md)
