"""Ingest jobs off the request path: progress told in passages, a cancel that leaves nothing
half-added, and another person's question answered while a document is being embedded."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.knowledge.answer import answer
from assistant.knowledge.jobs import IngestJob, IngestJobs, JobStatus, run_job
from assistant.knowledge.services import KnowledgeServices, build_services
from assistant.knowledge.store import Manifest, SourceRecord
from assistant.settings import Settings
from tests.knowledge.conftest import FIXED_TIME, HashEmbeddings

MARK = "tender"  # in every passage of the documents added here, in no shipped passage


class HookedEmbeddings(HashEmbeddings):
    """Calls `hook(batch number)` before embedding each batch of an added document's passages."""

    def __init__(self) -> None:
        super().__init__()
        self.hook: Callable[[int], None] = lambda _n: None
        self.batches = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if any(MARK in t for t in texts):
            self.batches += 1
            self.hook(self.batches)
        return super().embed_documents(texts)


class RecordingJob(IngestJob):
    """A job that keeps every status the worker set."""

    def __init__(self, paths: list[Path]) -> None:
        super().__init__("test", paths, "Facilitator")
        self.seen: list[JobStatus] = []

    def update(self, **changes: object) -> None:
        super().update(**changes)
        self.seen.append(self.status())


@pytest.fixture
def built(settings: Settings) -> tuple[KnowledgeServices, HookedEmbeddings]:
    emb = HookedEmbeddings()
    s = settings.model_copy(update={"max_upload_bytes": 10**6})
    services = build_services(s, embeddings=emb, clock=lambda: FIXED_TIME)
    services.ingest(progress=lambda _: None)
    return services, emb


def document(folder: Path, name: str, passages: int) -> Path:
    """A text file that becomes about `passages` passages (one paragraph each)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    para = f"{name}: paragraph {{i}} on the data platform {MARK} and who evaluates it. " * 14
    path.write_text("\n\n".join(para.format(i=i) for i in range(passages)), "utf-8")
    return path


def added_docs(services: KnowledgeServices) -> list[str]:
    manifest = Manifest.load(services.manifest_path)
    return sorted(Path(r.path).name for r in manifest.sources.values() if r.kind == "added")


def test_progress_is_told_in_passages_embedded_of_the_total(built, tmp_path: Path) -> None:
    services, _ = built
    before = services.store.count()
    job = RecordingJob([document(tmp_path / "uploads" / "a1", "plan.txt", 80)])
    run_job(services, job, tmp_path / "uploads")
    end = job.status()
    assert end.state == "done" and end.added == end.total and end.total >= 70
    counts = [(s.embedded, s.total) for s in job.seen if s.state == "running" and s.total]
    assert counts[0] == (0, end.total)  # told before the first batch
    assert len(counts) >= 3  # and after each batch, rising to the total
    assert [d for d, _ in counts] == sorted(d for d, _ in counts)
    assert counts[-1] == (end.total, end.total)
    assert services.store.count() == before + end.added
    assert added_docs(services) == ["plan.txt"]


def test_a_cancel_leaves_nothing_of_the_job_and_keeps_what_was_there(built, tmp_path: Path) -> None:
    services, emb = built
    uploads = tmp_path / "uploads"
    kept = document(uploads / "k1", "kept.txt", 3)  # in the knowledge base before the job
    run_job(services, RecordingJob([kept]), uploads)
    before = services.store.count()
    first = document(uploads / "f1", "first.txt", 5)  # finishes before the cancel
    second = document(uploads / "s1", "second.txt", 80)  # cancelled part-way
    job = RecordingJob([kept, first, second])
    emb.batches = 0
    emb.hook = lambda n: job.cancel() if n == 3 else None  # during second.txt's 2nd batch
    run_job(services, job, uploads)
    assert job.status().state == "cancelled"
    assert any(s.embedded > 5 for s in job.seen)  # it was part-way through second.txt
    assert services.store.count() == before  # the sidebar's count: as before the job
    assert added_docs(services) == ["kept.txt"]
    assert kept.exists() and not first.exists() and not second.exists()
    assert not [c for c in services.store.all_chunks() if "first.txt" in c.text]
    assert not [c for c in services.store.all_chunks() if "second.txt" in c.text]
    report = services.ingest(progress=lambda _: None)  # the manifest matches the collection
    assert not report.changed and not report.errors


def test_a_job_cancelled_before_it_starts_adds_nothing(built, tmp_path: Path) -> None:
    services, _ = built
    before = services.store.count()
    doc = document(tmp_path / "uploads" / "q1", "queued.txt", 3)
    job = RecordingJob([doc])
    job.cancel()
    run_job(services, job, tmp_path / "uploads")
    assert job.status().state == "cancelled" and services.store.count() == before
    assert not doc.exists()


def test_limits_are_checked_before_embedding_in_a_job(settings: Settings, tmp_path: Path) -> None:
    emb = HookedEmbeddings()
    s = settings.model_copy(update={"max_upload_bytes": 10**6, "max_document_passages": 10})
    services = build_services(s, embeddings=emb, clock=lambda: FIXED_TIME)
    services.ingest(progress=lambda _: None)
    doc = document(tmp_path / "uploads" / "b1", "big.txt", 40)
    job = RecordingJob([doc])
    run_job(services, job, tmp_path / "uploads")
    end = job.status()
    assert end.state == "done" and end.added == 0 and emb.batches == 0
    assert "the limit for one document is 10" in end.errors[0]
    assert not doc.exists()  # a rejected upload is not kept


def test_a_question_is_answered_while_a_document_is_being_embedded(built, tmp_path: Path) -> None:
    services, emb = built
    _ = services.retriever  # the Ask page's retriever, already in use
    inside, release = threading.Event(), threading.Event()

    def hold(n: int) -> None:
        if n == 2:
            inside.set()
            release.wait(60)  # a guard against a hang, not a measurement

    emb.hook = hold
    jobs = IngestJobs()
    job = jobs.submit(services, [document(tmp_path / "uploads" / "w1", "w.txt", 80)], "F", None)
    try:
        assert inside.wait(60), job.status()
        assert job.status().state == "running"
        result = answer("What does JICA offer for procurement?", services.retriever, lang="en")
        assert not release.is_set() and job.status().state == "running"  # answered meanwhile
        assert result.answered and result.sources
        assert str((tmp_path / "uploads" / "w1" / "w.txt").resolve()) in jobs.pending_paths()
        with jobs.exclusive() as free:
            assert not free  # removing a document waits for the job
    finally:
        release.set()
    for _ in range(600):
        if job.status().finished:
            break
        threading.Event().wait(0.1)
    assert job.status().state == "done" and job.status().added > 0
    assert not jobs.pending_paths()
    with jobs.exclusive() as free:
        assert free


class FullDisk:
    """Services on a full disk: one document is saved, the next fails, and so does the clean-up."""

    def __init__(self, manifest_path: Path) -> None:
        self.manifest_path = manifest_path

    def ingest(self, paths: list[Path], **_: object) -> object:
        held = {"k": SourceRecord("added", "s", ["c"], str(paths[0]))}
        Manifest(sources=held).save(self.manifest_path)
        raise OSError(28, "No space left on device")

    def remove(self, names: object) -> object:
        raise OSError(28, "No space left on device")


def test_a_job_whose_clean_up_fails_still_ends_as_failed(tmp_path: Path) -> None:
    jobs = IngestJobs()
    docs = [document(tmp_path / "uploads" / f"d{i}", f"d{i}.txt", 2) for i in (1, 2)]
    job = jobs.submit(FullDisk(tmp_path / "knowledge-manifest.json"), docs, "F")  # type: ignore[arg-type]
    for _ in range(600):
        if job.status().finished:
            break
        threading.Event().wait(0.05)
    assert job.status().state == "failed" and "No space left" in job.status().failure
    assert not jobs.pending_paths()
