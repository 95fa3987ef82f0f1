"""Bring the collection in line with its sources: idempotent, per-source, manifest-driven.

A source (the framework, one guidance file, one added document) is re-read only when its hash
changed; its old chunks are then replaced. Sources that disappeared lose their chunks. One bad
file is reported by name and does not stop the others.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from assistant.files import SourceError, sha256_bytes
from assistant.knowledge.added_documents import ADDED_TYPES, read_added_document
from assistant.knowledge.chunk import Chunk
from assistant.knowledge.framework_source import framework_chunks
from assistant.knowledge.guidance import guidance_files, parse_guidance
from assistant.knowledge.store import BATCH, KnowledgeStore, Manifest, SourceRecord
from assistant.models import Framework

Progress = Callable[[str], None]
PassageProgress = Callable[[int, int], None]  # (passages embedded, passages to embed)


class IngestCancelled(Exception):
    """The run was told to stop; the source being embedded was taken out again."""


@dataclass
class _Watch:
    """Passages embedded so far, told to whoever watches; `stop` is asked after every batch."""

    stop: Callable[[], bool] | None = None
    passages: PassageProgress | None = None
    done: int = 0
    total: int = 0

    @property
    def batch(self) -> int:
        """Smaller batches when someone may cancel: a cancel waits for one batch at most."""
        return 16 if self.stop is not None else BATCH

    def check(self) -> None:
        if self.stop is not None and self.stop():
            raise IngestCancelled()

    def advance(self, n: int) -> None:
        self.done += n
        if self.passages is not None:
            self.passages(self.done, self.total)
        self.check()


@dataclass
class IngestReport:
    """What an ingest run did; ``errors`` name each rejected file."""

    added_chunks: int = 0
    removed_chunks: int = 0
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    total_chunks: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added_chunks or self.removed_chunks)


@dataclass
class _Planned:
    key: str
    record: SourceRecord
    chunks: list[Chunk]


@dataclass(frozen=True)
class PassageLimits:
    """Passages one added document, and all of them together, may become (checked before any
    embedding: a 10,000-page PDF must not take the machine for minutes)."""

    per_document: int = 2_000
    all_added: int = 10_000


def _check_limits(name: str, passages: int, others: int, limits: PassageLimits) -> None:
    if passages > limits.per_document:
        raise SourceError(
            f"{name}: {passages} passages; the limit for one document is {limits.per_document}"
        )
    if others + passages > limits.all_added:
        raise SourceError(
            f"{name}: {passages} more passages would exceed the limit of {limits.all_added} "
            f"for all added documents ({others} already); remove a document first"
        )


def remove_documents(
    store: KnowledgeStore, manifest_path: Path, names: Iterable[str]
) -> tuple[list[str], list[str]]:
    """Remove added documents (by path, file name or key): (removed paths, names not found)."""
    manifest = Manifest.load(manifest_path)
    removed: list[str] = []
    missing: list[str] = []
    for name in names:
        wanted = str(Path(name).resolve()) if name else name
        keys = [
            k
            for k, r in manifest.sources.items()
            if r.kind == "added"
            and (name in (k, r.path, Path(r.path).name) or wanted in (k, _resolved(r.path)))
        ]
        if not keys:
            missing.append(name)
        for key in keys:
            rec = manifest.sources.pop(key)
            if rec.chunk_ids:
                store.delete(rec.chunk_ids)
            removed.append(rec.path or key)
        manifest.save(manifest_path)
    return removed, missing


def _resolved(path: str) -> str:
    return str(Path(path).resolve()) if path else path


def _noop(_: str) -> None:
    return None


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; directories contribute their supported files (recursively, sorted)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                f for f in sorted(p.rglob("*")) if f.is_file() and f.suffix.lower() in ADDED_TYPES
            )
        else:
            out.append(p)
    return out


def ingest(
    store: KnowledgeStore,
    manifest_path: Path,
    *,
    framework: Framework,
    knowledge_dir: Path,
    paths: Iterable[Path] = (),
    rebuild: bool = False,
    added_by: str = "",
    clock: Callable[[], datetime],
    max_bytes: int,
    progress: Progress = _noop,
    limits: PassageLimits | None = None,
    stop: Callable[[], bool] | None = None,
    passages: PassageProgress | None = None,
) -> IngestReport:
    """Sync shipped sources and known added documents, then add ``paths`` as added documents.

    Steps: settle the manifest (rebuild if stale), plan what changed (framework, guidance, added
    documents; limits checked before anything is embedded), then apply removals and additions.
    ``passages`` is told (embedded, total) as embedding goes; when ``stop()`` turns true the
    source being embedded is taken out again and IngestCancelled is raised (the sources finished
    before it stay, and the manifest matches the collection).
    """
    watch = _Watch(stop, passages)
    run = _Run(IngestReport(), _settle_manifest(store, manifest_path, rebuild, progress))
    run.manifest.embedding_model = store.model_id
    _plan_shipped(run, framework, knowledge_dir)
    _plan_added(run, paths, added_by, clock(), max_bytes, framework, limits or PassageLimits())
    watch.check()  # planned (and limits checked), nothing embedded yet
    _apply_removals(run, store, manifest_path, progress)
    _apply_plans(run, store, manifest_path, progress, watch)
    run.manifest.save(manifest_path)
    run.report.total_chunks = run.manifest.chunk_count
    return run.report


@dataclass
class _Run:
    """One ingest run's working state: what it reports, the manifest, and what it plans."""

    report: IngestReport
    manifest: Manifest
    plans: list[_Planned] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def plan(self, key: str, sha: str, make: Callable[[], _Planned]) -> None:
        """Plan re-reading `key` unless its hash is unchanged; a bad source is reported."""
        self.seen.add(key)
        old = self.manifest.sources.get(key)
        if old is not None and old.sha256 == sha:
            self.report.unchanged += 1
            return
        try:
            self.plans.append(make())
        except SourceError as exc:
            self.report.errors.append(str(exc))


def _settle_manifest(
    store: KnowledgeStore, manifest_path: Path, rebuild: bool, progress: Progress
) -> Manifest:
    """The manifest to work from: a fresh one (added documents kept) when rebuilding or stale."""
    manifest = Manifest.load(manifest_path)
    stale = manifest.embedding_model not in ("", store.model_id) or (
        store.count() != manifest.chunk_count
    )
    if not (rebuild or stale):
        _ = store.collection  # raises EmbeddingMismatchError before any work is done
        return manifest
    if stale and not rebuild and manifest.sources:
        progress("knowledge base and manifest disagree: rebuilding from sources")
    if rebuild or store.built_with() in (None, store.model_id):
        store.reset()
    fresh = Manifest(sources={})
    # Added documents are re-read from where they were added from.
    for key, rec in manifest.sources.items():
        if rec.kind == "added":
            fresh.sources[key] = SourceRecord("added", "", [], rec.path, rec.added_by, rec.added_at)
    return fresh


def _plan_shipped(run: _Run, framework: Framework, knowledge_dir: Path) -> None:
    """1. the framework (hash of the generated chunks, so code changes count too); 2. guidance."""
    fw_chunks = framework_chunks(framework)
    fw_sha = _hash_chunks(fw_chunks)
    run.plan(
        "framework",
        fw_sha,
        lambda: _Planned("framework", SourceRecord("framework", fw_sha, []), fw_chunks),
    )
    for path in guidance_files(knowledge_dir / "docs"):
        key = f"docs/{path.relative_to(knowledge_dir / 'docs').as_posix()}"
        data = path.read_bytes()
        sha = sha256_bytes(data)

        def make_guidance(key: str = key, data: bytes = data, sha: str = sha) -> _Planned:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise SourceError(f"knowledge/{key}: not UTF-8 text") from exc
            chunks = parse_guidance(text, f"knowledge/{key}", framework)
            return _Planned(key, SourceRecord("guidance", sha, []), chunks)

        run.plan(key, sha, make_guidance)


def _plan_added(
    run: _Run,
    paths: Iterable[Path],
    added_by: str,
    now: datetime,
    max_bytes: int,
    framework: Framework,
    limits: PassageLimits,
) -> None:
    """3. added documents: the ones named now, and the ones added before."""
    manifest = run.manifest
    budget = {"used": 0}  # passages of added documents planned so far in this run
    explicit = {str(p.resolve()): p for p in expand_paths(paths)}
    known = {k: Path(r.path) for k, r in manifest.sources.items() if r.kind == "added"}
    for key, path in {**known, **explicit}.items():
        old = manifest.sources.get(key)
        if key not in explicit and not path.exists():
            continue  # removed: dropped below
        try:
            sha = sha256_bytes(path.read_bytes()) if path.is_file() else ""
        except OSError:
            sha = ""
        who = added_by if key in explicit and added_by else (old.added_by if old else added_by)
        when = old.added_at if old and old.added_at and old.sha256 in ("", sha) else None

        def make_added(
            key: str = key,
            path: Path = path,
            who: str = who,
            when: str | None = when,
        ) -> _Planned:
            stamp = datetime.fromisoformat(when) if when else now
            doc = read_added_document(
                path, key=key, max_bytes=max_bytes, added_by=who, added_at=stamp, fw=framework
            )
            others = budget["used"] + sum(
                len(r.chunk_ids)
                for k, r in manifest.sources.items()
                if r.kind == "added" and k != key and k not in explicit
            )
            _check_limits(path.name, len(doc.chunks), others, limits)
            budget["used"] += len(doc.chunks)
            rec = SourceRecord("added", doc.sha256, [], str(path), who, doc.added_at)
            return _Planned(key, rec, doc.chunks)

        if sha:
            run.plan(key, sha, make_added)
        else:
            run.seen.add(key)
            try:
                make_added()
            except SourceError as exc:
                run.report.errors.append(str(exc))


def _apply_removals(
    run: _Run, store: KnowledgeStore, manifest_path: Path, progress: Progress
) -> None:
    """4a. sources that disappeared lose their chunks."""
    manifest, report = run.manifest, run.report
    for key in [k for k in manifest.sources if k not in run.seen]:
        rec = manifest.sources.pop(key)
        if rec.chunk_ids:
            store.delete(rec.chunk_ids)
        report.removed_chunks += len(rec.chunk_ids)
        report.removed.append(rec.path or key)
        progress(f"removed {rec.path or key} ({len(rec.chunk_ids)} chunks)")
        manifest.save(manifest_path)


def _apply_plans(
    run: _Run, store: KnowledgeStore, manifest_path: Path, progress: Progress, watch: _Watch
) -> None:
    """4b. replacements: old chunks out, new ones embedded; the manifest saved after each."""
    manifest, report = run.manifest, run.report
    owned = {cid: k for k, r in manifest.sources.items() for cid in r.chunk_ids}
    total = watch.total = sum(len(p.chunks) for p in run.plans)
    watch.advance(0)
    done = 0
    for item in run.plans:
        clash = [c.id for c in item.chunks if owned.get(c.id, item.key) != item.key]
        if clash:
            report.errors.append(
                f"{item.record.path or 'knowledge/' + item.key}: chunk ids already used by "
                f"another source: {', '.join(clash[:3])}"
            )
            continue
        old = manifest.sources.get(item.key)
        if old and old.chunk_ids:
            store.delete(old.chunk_ids)
            report.removed_chunks += len(old.chunk_ids)
            old.chunk_ids, old.sha256 = [], ""  # re-read next time if this one does not finish
            manifest.save(manifest_path)
        try:
            store.add(item.chunks, progress=watch.advance, batch=watch.batch)
        except BaseException:  # cancelled or failed part-way: none of this source stays
            store.delete([c.id for c in item.chunks])
            manifest.save(manifest_path)
            raise
        done += len(item.chunks)
        item.record.chunk_ids = [c.id for c in item.chunks]
        for cid in item.record.chunk_ids:
            owned[cid] = item.key
        manifest.sources[item.key] = item.record
        manifest.save(manifest_path)
        report.added_chunks += len(item.chunks)
        report.updated.append(item.record.path or item.key)
        progress(f"[{done}/{total}] {item.record.path or item.key}: {len(item.chunks)} chunks")


def _hash_chunks(chunks: list[Chunk]) -> str:
    payload = json.dumps(
        [[c.id, c.text, c.metadata()] for c in chunks], ensure_ascii=False, sort_keys=True
    )
    return hashlib.sha256(payload.encode()).hexdigest()
