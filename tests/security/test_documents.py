"""Added documents: passage limits checked before embedding, removal, binary text refused."""

from __future__ import annotations

import io
from pathlib import Path

from assistant.files import MAX_PDF_PAGES, SourceError, extract_text
from assistant.knowledge.ingest import remove_documents
from assistant.knowledge.services import build_services
from assistant.knowledge.store import Manifest
from assistant.settings import Settings
from tests.knowledge.conftest import FIXED_TIME, HashEmbeddings

quiet = {"progress": lambda _: None}


class CountingEmbeddings(HashEmbeddings):
    def __init__(self) -> None:
        super().__init__()
        self.texts = 0

    def embed_documents(self, texts):  # type: ignore[no-untyped-def]
        self.texts += len(texts)
        return super().embed_documents(texts)


def services(settings: Settings, **limits: int):  # type: ignore[no-untyped-def]
    embeddings = CountingEmbeddings()
    s = build_services(
        settings.model_copy(update=limits), embeddings=embeddings, clock=lambda: FIXED_TIME
    )
    s.ingest(**quiet)
    embeddings.texts = 0
    return s, embeddings


def long_doc(path: Path, paragraphs: int) -> Path:
    path.write_text(
        "\n\n".join(
            f"Paragraph {i} about the data platform tender." * 8 for i in range(paragraphs)
        ),
        "utf-8",
    )
    return path


def test_a_document_over_the_passage_limit_is_refused_before_embedding(settings, tmp_path):
    svc, emb = services(settings, max_document_passages=3, max_upload_bytes=10**6)
    report = svc.ingest([long_doc(tmp_path / "big.txt", 60)], **quiet)
    assert report.added_chunks == 0 and emb.texts == 0
    assert "passages; the limit for one document is 3" in report.errors[0]


def test_all_added_documents_share_one_limit(settings, tmp_path):
    svc, emb = services(settings, max_added_passages=2, max_upload_bytes=10**6)
    one = tmp_path / "one.txt"
    one.write_text("Our data platform tender is being prepared.\n", "utf-8")
    assert svc.ingest([one], **quiet).added_chunks == 1
    emb.texts = 0
    report = svc.ingest([long_doc(tmp_path / "two.txt", 20)], **quiet)
    assert report.added_chunks == 0 and "for all added documents" in report.errors[0]
    assert emb.texts == 0


def test_a_document_can_be_removed(settings, tmp_path):
    svc, _ = services(settings)
    doc = tmp_path / "notes.txt"
    doc.write_text("Our data platform tender is being prepared.\n", "utf-8")
    before = svc.store.count()
    svc.ingest([doc], **quiet)
    assert svc.store.count() == before + 1
    removed, missing = remove_documents(svc.store, svc.manifest_path, ["notes.txt", "nope.md"])
    assert removed == [str(doc.resolve())] and missing == ["nope.md"]
    assert svc.store.count() == before
    assert not svc.ingest(**quiet).changed  # it stays removed (the file still exists)


def test_a_nul_anywhere_makes_text_binary() -> None:
    data = b"a" * 10_000 + b"\x00" + b"b" * 10
    try:
        extract_text(data, "txt", "x.txt")
    except SourceError as exc:
        assert "binary content" in str(exc)
    else:
        raise AssertionError("a NUL after byte 8192 was accepted")


def test_a_pdf_over_the_page_limit_is_refused() -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(MAX_PDF_PAGES + 1):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    pdf = out.getvalue()
    try:
        extract_text(pdf, "pdf", "x.pdf")
    except SourceError as exc:
        assert f"the limit is {MAX_PDF_PAGES}" in str(exc)
    else:
        raise AssertionError("an over-long PDF was accepted")


def test_an_upload_whose_ingest_was_killed_is_reported(tmp_path: Path) -> None:
    from assistant.knowledge.store import Manifest, SourceRecord
    from assistant.web.documents import interrupted

    uploads = tmp_path / "uploads"
    (uploads / "aa").mkdir(parents=True)
    (uploads / "bb").mkdir()
    held = uploads / "aa" / "held.md"
    held.write_text("x", "utf-8")
    (uploads / "bb" / "killed.md").write_text("y", "utf-8")
    manifest = Manifest(sources={"k": SourceRecord("added", "s", ["c"], str(held), "", "")})
    assert interrupted(uploads, manifest) == ["killed.md"]
    assert interrupted(tmp_path / "none", manifest) == []


def test_removing_a_web_upload_deletes_its_copy(settings, tmp_path):
    svc, _ = services(settings)
    copy = settings.data_dir / "uploads" / "ab" / "notes.txt"
    copy.parent.mkdir(parents=True)
    copy.write_text("Our data platform tender is being prepared.\n", "utf-8")
    svc.ingest([copy], **quiet)
    removed, _ = svc.remove(["notes.txt"])
    assert removed and not copy.exists()


def test_removing_one_document_by_its_full_path_keeps_the_others(settings, tmp_path):
    svc, _ = services(settings)
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Our data platform tender is being prepared.\n", "utf-8")
    two.write_text("The sensor network covers the river.\n", "utf-8")
    svc.ingest([one, two], **quiet)
    removed, _ = svc.remove([str(one.resolve())])  # matched every added document before
    assert removed == [str(one.resolve())]
    names = {Path(r.path).name for r in Manifest.load(svc.manifest_path).sources.values() if r.path}
    assert names == {"two.txt"}


def test_passages_of_a_killed_ingest_are_taken_out_at_start(settings, tmp_path):
    from datetime import datetime

    from assistant.knowledge.added_documents import read_added_document

    svc, _ = services(settings)
    before = svc.store.count()
    doc = long_doc(tmp_path / "killed.txt", 20)
    read = read_added_document(
        doc, key=str(doc), max_bytes=10**6, added_by="", added_at=datetime.now(), fw=None
    )
    assert len(read.chunks) > 3
    svc.store.add(read.chunks[:3])  # embedded, then the process was killed: no manifest entry
    assert svc.store.count() == before + 3
    assert svc.drop_unlisted() == 3
    assert svc.store.count() == before
    assert not svc.ingest(**quiet).changed  # manifest and collection agree: no rebuild
    assert svc.drop_unlisted() == 0
