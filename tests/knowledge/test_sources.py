from pathlib import Path

import pytest

from assistant.files import SourceError
from assistant.knowledge.added_documents import (
    MAX_CHARS,
    read_added_document,
    split_passages,
    tag_elements,
)
from assistant.knowledge.framework_source import framework_chunks
from assistant.knowledge.guidance import parse_guidance
from assistant.lang import detect_lang

from .conftest import FIXED_TIME, GUIDE_EN, GUIDE_JA


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with one line of text (Helvetica), with a correct xref table."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def read(path: Path, fw, max_bytes: int = 20_000):
    return read_added_document(
        path, key=str(path), max_bytes=max_bytes, added_by="Aiko", added_at=FIXED_TIME, fw=fw
    )


def test_guidance_markdown_is_cut_at_headings_with_comment_metadata(fw):
    chunks = parse_guidance(GUIDE_EN, "knowledge/docs/en/test.md", fw)
    assert [c.id for c in chunks] == ["test-procurement.en", "test-participation.en"]
    first, second = chunks
    assert first.title == "Procurement help" and first.section == "support" and first.lang == "en"
    assert first.element_ids == ("E09", "E18")
    assert first.cooperation_ids == ("city-organization-2",)
    assert first.provenance == "printed" and second.provenance == "reading"
    assert first.text.startswith("JICA can send experts") and "<!--" not in first.text
    meta = first.metadata()
    assert meta["base_id"] == "test-procurement" and meta["element_ids"] == "E09,E18"
    ja = parse_guidance(GUIDE_JA, "knowledge/docs/ja/test.md", fw)
    assert [c.id for c in ja] == ["test-procurement.ja", "test-participation.ja"]


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ("## A\ntext", "front matter"),
        ("---\ntitle: t\nsection: why\n---\n## A\n<!-- chunk: id=a -->\nx", "needs 'lang'"),
        ("---\ntitle: t\nsection: why\nlang: en\n---\n## A\nno comment", "chunk: id="),
        (
            "---\ntitle: t\nsection: why\nlang: en\n---\n## A\n<!-- chunk: id=a elements=E99 -->\nx",
            "unknown element",
        ),
        (
            "---\ntitle: t\nsection: why\nlang: en\n---\n## A\n<!-- chunk: id=a -->\nx\n"
            "## B\n<!-- chunk: id=a -->\ny",
            "duplicate",
        ),
    ],
)
def test_guidance_errors_name_the_file(fw, doc, message):
    with pytest.raises(SourceError, match=message) as exc:
        parse_guidance(doc, "knowledge/docs/en/bad.md", fw)
    assert "knowledge/docs/en/bad.md" in str(exc.value)


def test_framework_chunks_cover_every_item_in_both_languages(fw):
    chunks = framework_chunks(fw)
    ids = {c.id for c in chunks}
    for lang in ("en", "ja"):
        assert {f"element-{e.id}.{lang}" for e in fw.elements} <= ids
        assert {f"coop-{c.id}.{lang}" for c in fw.cooperation} <= ids
        assert f"stage-small_start.{lang}" in ids and f"scaleup-area.{lang}" in ids
        assert f"citytype-metropolis.{lang}" in ids
    e13 = next(c for c in chunks if c.id == "element-E13.ja")
    assert e13.element_ids == ("E13",) and e13.lang == "ja" and e13.source == "framework"
    assert set(e13.cooperation_ids) == {c.id for c in fw.cooperation if "E13" in c.elements}
    coop = next(c for c in chunks if c.id == "coop-city-organization-2.en")
    assert coop.cooperation_ids == ("city-organization-2",) and "E09" in coop.element_ids


def test_detect_lang():
    assert detect_lang("市民参加の仕組みを作るにはどうすればよいですか") == "ja"
    assert detect_lang("How can residents take part?") == "en"
    assert detect_lang("Well-being向上のためのスマートシティ") == "ja"
    assert detect_lang("The plan cites 「市民参加」 once among many English words here.") == "en"


def test_added_markdown_document_metadata_and_tags(tmp_path, fw):
    doc = tmp_path / "city-notes.md"
    doc.write_text(
        "# City notes\n\n## Participation\n\nResidents join workshops on the "
        "smart-city plan. Citizen participation matters.\n\n## 個人情報\n\n"
        "個人情報の保護とデータ利活用のルールを検討している。\n",
        encoding="utf-8",
    )
    added = read(doc, fw)
    assert added.file_name == "city-notes.md" and len(added.sha256) == 64
    assert added.added_by == "Aiko" and added.added_at == "2026-11-24T09:30:00+00:00"
    chunk = added.chunks[0]
    meta = chunk.metadata()
    assert meta["provenance"] == "added" and meta["section"] == "added"
    assert meta["added_by"] == "Aiko" and meta["sha256"] == added.sha256
    assert meta["added_at"] == "2026-11-24T09:30:00+00:00" and meta["file_name"] == "city-notes.md"
    assert meta["source"] == str(doc)
    assert chunk.id.startswith("added-") and chunk.id.endswith(f".{chunk.lang}")
    langs = {c.lang for c in added.chunks}
    tags = {e for c in added.chunks for e in c.element_ids}
    assert "E13" in tags  # citizen participation keyword
    assert langs <= {"en", "ja"}


def test_text_and_pdf_documents_are_read(tmp_path, fw):
    txt = tmp_path / "a.txt"
    txt.write_text("Plain text about the data platform and open data.\n", encoding="utf-8")
    assert read(txt, fw).chunks[0].text.startswith("Plain text")
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(minimal_pdf("Cybersecurity strategy for the city data platform"))
    chunks = read(pdf, fw).chunks
    assert "Cybersecurity strategy" in chunks[0].text and chunks[0].lang == "en"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("big.md", b"x" * 30_000, "byte limit"),
        ("tool.exe", b"MZ\x00\x00", "unsupported file type"),
        ("empty.txt", b"   \n", "empty"),
        ("broken.pdf", b"%PDF-1.4\n garbage garbage", "cannot read the PDF|no text"),
        ("fake.pdf", b"just text pretending", "not a PDF"),
        ("binary.txt", b"abc\x00\x01\x02", "binary"),
        ("latin1.txt", "café".encode("latin-1"), "not UTF-8"),
    ],
)
def test_rejected_files_raise_a_clear_error_naming_the_file(tmp_path, fw, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceError, match=message) as exc:
        read(path, fw)
    assert name in str(exc.value)


def test_long_text_is_split_into_bounded_passages():
    para = "This sentence talks about the smart city platform. " * 15  # ~770 chars
    text = "\n\n".join([para] * 6)
    passages = split_passages(text, markdown=False)
    assert len(passages) >= 4
    assert all(len(p) <= MAX_CHARS for _, p in passages)
    assert all(len(p) >= 300 for _, p in passages)
    long = "長い文章です。" * 400
    assert all(len(p) <= MAX_CHARS for _, p in split_passages(long, markdown=False))


def test_tag_elements_uses_framework_keywords(fw):
    tags = tag_elements("We are drafting a vision and a cybersecurity policy.", fw)
    assert "E01" in tags and "E17" in tags
    assert tag_elements("nothing relevant here", fw) == ()


def test_each_printed_brochure_part_is_shown_under_its_own_part(shipped_kb):
    """The brochure's text is one file holding all five parts: each chunk names its part, so a
    source reads "How To Scale-up", not the file's first part."""
    from assistant.knowledge.cited import SECTION_NAMES

    expected = {
        "brochure-mind": "why",
        "brochure-elements": "what",
        "brochure-position": "where",
        "brochure-scale": "how",
        "brochure-support": "support",
    }
    for base, part in expected.items():
        for lang in ("en", "ja"):
            assert shipped_kb.retriever.get(f"{base}.{lang}").section == part
    from assistant.knowledge.answer import answer

    result = answer("Can we use both ways of scaling up at once?", shipped_kb.retriever)
    assert result.sources[0].section == SECTION_NAMES["how"] == "How To Scale-up"


def test_a_chunk_section_must_be_a_brochure_part():
    doc = (
        "---\ntitle: t\nsection: why\nlang: en\n---\n## H\n<!-- chunk: id=x section={} -->\ntext\n"
    )
    assert parse_guidance(doc.format("how"), "d.md")[0].section == "how"
    with pytest.raises(SourceError, match="section must be one of"):
        parse_guidance(doc.format("nowhere"), "d.md")
