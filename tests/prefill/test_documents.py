"""Reading documents: every format to text with pages/sections, and bad files as one line."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from assistant.prefill.documents import DocumentError, read_bytes, read_file

LIMITS = {"max_bytes": 1_000_000, "max_pages": 50, "max_chars": 200_000}

MD = """---
title: front matter is not quoted
---
# Plan

## Governance

A Smart City Office was set up in 2024. It has five staff.

- The office reports to the mayor every month.
- Budget: 2 million a year.

## 交通

市内のバス路線を見直す。デマンド交通を試行している！
"""


def _read(name: str, data: bytes, **kw: int) -> object:
    return read_bytes(name, data, lang=None, **{**LIMITS, **kw})


def test_markdown_sentences_are_exact_substrings_with_their_section() -> None:
    doc = read_bytes("plan.md", MD.encode(), lang=None, **LIMITS)
    quotes = [doc.quote(s) for s in doc.sentences]
    assert "A Smart City Office was set up in 2024." in quotes
    assert "The office reports to the mayor every month." in quotes  # bullet mark dropped
    assert "デマンド交通を試行している！" in quotes
    assert all(q in MD for q in quotes)
    assert not any("front matter" in q or q.startswith("#") for q in quotes)
    office = next(s for s in doc.sentences if doc.quote(s).startswith("A Smart"))
    assert doc.paragraphs[office.paragraph].section == "Governance"


def _docx(paragraphs: list[tuple[str, str]]) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'
        for style, text in paragraphs
    )
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


def test_docx_headings_become_sections() -> None:
    data = _docx([("Heading1", "Data"), ("Normal", "The city publishes 40 open data sets.")])
    doc = _read("strategy.docx", data)
    (sentence,) = doc.sentences
    assert doc.quote(sentence) == "The city publishes 40 open data sets."
    assert doc.paragraphs[sentence.paragraph].section == "Data"


def _pdf(pages: list[str]) -> bytes:
    from weasyprint import HTML

    html = "".join(f'<p style="page-break-after: always">{p}</p>' for p in pages)
    return HTML(string=html).write_pdf()


def test_pdf_quotes_carry_their_page() -> None:
    data = _pdf(["Introduction to the plan.", "The steering committee meets every month."])
    doc = _read("plan.pdf", data)
    meets = next(s for s in doc.sentences if "steering" in doc.quote(s))
    assert doc.paragraphs[meets.paragraph].page == 2
    assert doc.pages == 2
    with pytest.raises(DocumentError, match="2 pages, over the 1 page limit"):
        _read("plan.pdf", data, max_pages=1)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.xls", b"x", "unsupported file type '.xls'"),
        ("a.md", b"   \n", "file is empty"),
        ("a.md", b"x" * 2_000, "over the 1000 byte limit"),
        ("a.pdf", b"hello", "not a PDF file"),
        ("a.docx", b"PK not a zip", "not a readable Word"),
        ("a.txt", b"\x00\x01binary", "binary content"),
    ],
)
def test_bad_documents_are_one_line_naming_the_file(name: str, data: bytes, message: str) -> None:
    with pytest.raises(DocumentError, match=message) as info:
        _read(name, data, max_bytes=1000)
    assert str(info.value).startswith(name) and "\n" not in str(info.value)


def test_too_many_characters(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Word. " * 100, encoding="utf-8")
    with pytest.raises(DocumentError, match="over the 50 limit"):
        read_file(path, max_bytes=10_000, max_pages=5, max_chars=50)
    with pytest.raises(DocumentError, match="no such file"):
        read_file(tmp_path / "missing.md", max_bytes=10, max_pages=5, max_chars=50)
