"""Adding documents off the request path: a process-level registry of ingest jobs, run one at a
time by one worker thread.

A page submits a job and keeps only its id (in that person's session); it then polls the job's
progress and may cancel it, while every other person's page goes on. The registry holds jobs, not
users: a job knows its files and who added them (provenance), nothing else of a session. One
worker, because every ingest rewrites the one manifest: two at once would lose each other's work.

A cancelled (or failed) job leaves nothing half-added: `ingest` takes out the document it was
embedding, and the job then removes the documents of its own that had finished, and their uploaded
copies. Documents the knowledge base held before the job are left as they were.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, Protocol

from assistant.knowledge.ingest import IngestCancelled, IngestReport
from assistant.knowledge.store import Manifest

JobState = Literal["queued", "running", "done", "cancelled", "failed"]
FINISHED: tuple[JobState, ...] = ("done", "cancelled", "failed")
KEEP_SECONDS = 3600.0  # a finished job nobody came back for is forgotten after this


class Ingesting(Protocol):
    """What a job needs of the knowledge services (`KnowledgeServices` has it)."""

    @property
    def manifest_path(self) -> Path: ...

    def ingest(
        self,
        paths: Iterable[Path] = (),
        *,
        rebuild: bool = False,
        added_by: str = "",
        progress: Callable[[str], None] = ...,
        stop: Callable[[], bool] | None = None,
        passages: Callable[[int, int], None] | None = None,
    ) -> IngestReport: ...

    def remove(self, names: Iterable[str]) -> tuple[list[str], list[str]]: ...


@dataclass(frozen=True)
class JobStatus:
    """A job as a page shows it: passages embedded of the total, and at the end what came of it."""

    state: JobState = "queued"
    embedded: int = 0
    total: int = 0
    added: int = 0
    errors: tuple[str, ...] = ()
    failure: str = ""

    @property
    def finished(self) -> bool:
        return self.state in FINISHED


class IngestJob:
    """One submission: its files, who added them, a cancel flag and the status the worker sets."""

    def __init__(self, job_id: str, paths: list[Path], added_by: str) -> None:
        self.id = job_id
        self.paths = paths
        self.added_by = added_by
        self.finished_at: float | None = None
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._status = JobStatus()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def status(self) -> JobStatus:
        with self._lock:
            return self._status

    def update(self, **changes: object) -> None:
        with self._lock:
            # dataclasses.replace checks the field names at run time; its stub types
            # **changes as the fields' union, which a keyword-forwarding helper cannot name.
            self._status = replace(self._status, **changes)  # type: ignore[arg-type]


def run_job(services: Ingesting, job: IngestJob, uploads: Path | None = None) -> None:
    """Run one job to its end (done, cancelled or failed); never raises for the job's own faults.

    Files under ``uploads`` are the app's copies: a rejected or cancelled one is deleted there.
    """
    if job.cancelled():
        _discard(services, job, set(), uploads)
        job.update(state="cancelled")
        return
    job.update(state="running")
    held_before = _held(services.manifest_path)
    try:
        report = services.ingest(
            job.paths,
            added_by=job.added_by,
            progress=lambda _m: None,
            stop=job.cancelled,
            passages=lambda done, total: job.update(embedded=done, total=total),
        )
    except IngestCancelled:
        _discard(services, job, held_before, uploads)
        job.update(state="cancelled")
        return
    except Exception as exc:  # reported to the page that started it, not raised in a worker
        _discard(services, job, held_before, uploads)
        job.update(state="failed", failure=_line(exc))
        return
    for path in job.paths:  # a rejected file is not kept (its error starts with its path or name)
        named = (f"{path}:", f"{path.name}:")
        if any(err.startswith(named) for err in report.errors) and _inside(path, uploads):
            path.unlink(missing_ok=True)
    job.update(state="done", added=report.added_chunks, errors=tuple(report.errors))


def _line(exc: BaseException) -> str:
    return (f"{type(exc).__name__}: {exc}".splitlines() or [""])[0][:300]


def _held(manifest_path: Path) -> set[str]:
    manifest = Manifest.load(manifest_path)
    return {str(Path(r.path).resolve()) for r in manifest.sources.values() if r.path}


def _inside(path: Path, folder: Path | None) -> bool:
    return folder is not None and folder.resolve() in path.resolve().parents


def _discard(
    services: Ingesting, job: IngestJob, held_before: set[str], uploads: Path | None
) -> None:
    """Take out what this job added (documents held before it stay) and its uploaded copies."""
    mine = [p for p in job.paths if str(p.resolve()) not in held_before]
    held_now = _held(services.manifest_path)
    added = [str(p.resolve()) for p in mine if str(p.resolve()) in held_now]
    if added:
        services.remove(added)
    for path in mine:
        if _inside(path, uploads):
            path.unlink(missing_ok=True)


class IngestJobs:
    """The process's ingest jobs by id, and the one worker thread that runs them in turn."""

    def __init__(self, keep_seconds: float = KEEP_SECONDS) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest")
        self._jobs: dict[str, IngestJob] = {}
        self._lock = threading.Lock()
        self._busy = threading.Lock()  # held while a job runs (and while a document is removed)
        self._keep = keep_seconds

    def submit(
        self, services: Ingesting, paths: list[Path], added_by: str, uploads: Path | None = None
    ) -> IngestJob:
        job = IngestJob(secrets.token_urlsafe(12), list(paths), added_by)
        with self._lock:
            self._prune()
            self._jobs[job.id] = job
        self._pool.submit(self._run, services, job, uploads)
        return job

    def get(self, job_id: str) -> IngestJob | None:
        with self._lock:
            return self._jobs.get(job_id)

    def forget(self, job_id: str) -> None:
        with self._lock:
            self._jobs.pop(job_id, None)

    def pending_paths(self) -> set[str]:
        """Files of jobs not finished yet (not "interrupted": they are being added)."""
        with self._lock:
            jobs = list(self._jobs.values())
        return {str(p.resolve()) for j in jobs if not j.status().finished for p in j.paths}

    @contextmanager
    def exclusive(self) -> Iterator[bool]:
        """Whether no job is running now; while True, none starts (for removing a document)."""
        got = self._busy.acquire(blocking=False)
        try:
            yield got
        finally:
            if got:
                self._busy.release()

    def _run(self, services: Ingesting, job: IngestJob, uploads: Path | None) -> None:
        with self._busy:
            try:
                run_job(services, job, uploads)
            except Exception as exc:  # the clean-up itself failed (a full disk): still an end
                job.update(state="failed", failure=_line(exc))
            finally:
                job.finished_at = time.monotonic()

    def _prune(self) -> None:
        now = time.monotonic()
        for key in [
            k
            for k, j in self._jobs.items()
            if j.finished_at is not None and now - j.finished_at > self._keep
        ]:
            del self._jobs[key]
