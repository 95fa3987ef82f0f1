"""A first build writes every shipped source to Chroma in one go (each write is a commit: fifteen
of them were most of a cold start); later changes still go source by source."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.knowledge.store import KnowledgeStore, Manifest

from .conftest import GUIDE_EN

quiet = {"progress": lambda _: None}


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The chunk ids of every ``KnowledgeStore.add`` call, in order."""
    got: list[list[str]] = []
    real = KnowledgeStore.add

    def add(self: KnowledgeStore, chunks: Any, *args: Any, **kwargs: Any) -> None:
        got.append([c.id for c in chunks])
        real(self, chunks, *args, **kwargs)

    monkeypatch.setattr(KnowledgeStore, "add", add)
    return got


def test_first_build_is_one_write_and_records_every_source(fake_services, writes) -> None:
    report = fake_services.ingest(**quiet)
    assert len(writes) == 1
    manifest = Manifest.load(fake_services.manifest_path)
    assert set(manifest.sources) == {"framework", "docs/en/test.md", "docs/ja/test.md"}
    recorded = [cid for rec in manifest.sources.values() for cid in rec.chunk_ids]
    assert sorted(recorded) == sorted(writes[0]) and len(set(recorded)) == len(recorded)
    assert report.added_chunks == len(writes[0]) == fake_services.store.count()
    assert sorted(report.updated) == sorted(manifest.sources)


def test_a_later_change_writes_only_that_source(fake_services, knowledge_dir, writes) -> None:
    fake_services.ingest(**quiet)
    doc = knowledge_dir / "docs" / "en" / "test.md"
    doc.write_text(GUIDE_EN.replace("id=test-participation", "id=test-residents"), "utf-8")
    fake_services.ingest(**quiet)
    assert len(writes) == 2
    assert "test-residents.en" in writes[1]
    assert not any(cid.startswith("element-") for cid in writes[1])
