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

from assistant.knowledge.chunk import Chunk
from assistant.knowledge.sources import (
    ADDED_TYPES,
    SourceError,
    framework_chunks,
    guidance_files,
    parse_guidance,
    read_added_document,
    sha256_bytes,
)
from assistant.knowledge.store import KnowledgeStore, Manifest, SourceRecord
from assistant.models import Framework

Progress = Callable[[str], None]


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
            if r.kind == "added" and name in (k, r.path, Path(r.path).name, wanted)
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
) -> IngestReport:
    """Sync shipped sources and known added documents, then add ``paths`` as added documents."""
    report = IngestReport()
    manifest = Manifest.load(manifest_path)
    stale = manifest.embedding_model not in ("", store.model_id) or (
        store.count() != manifest.chunk_count
    )
    if rebuild or stale:
        if stale and not rebuild and manifest.sources:
            progress("knowledge base and manifest disagree: rebuilding from sources")
        if rebuild or store.built_with() in (None, store.model_id):
            store.reset()
        previous = manifest.sources
        manifest = Manifest(sources={})
        # Added documents are re-read from where they were added from.
        for key, rec in previous.items():
            if rec.kind == "added":
                manifest.sources[key] = SourceRecord(
                    "added", "", [], rec.path, rec.added_by, rec.added_at
                )
    else:
        _ = store.collection  # raises EmbeddingMismatchError before any work is done
    manifest.embedding_model = store.model_id

    plans: list[_Planned] = []
    seen: set[str] = set()

    def plan(key: str, sha: str, make: Callable[[], _Planned]) -> None:
        seen.add(key)
        old = manifest.sources.get(key)
        if old is not None and old.sha256 == sha:
            report.unchanged += 1
            return
        try:
            plans.append(make())
        except SourceError as exc:
            report.errors.append(str(exc))

    # 1. the framework (hash of the generated chunks, so code changes count too)
    fw_chunks = framework_chunks(framework)
    fw_sha = _hash_chunks(fw_chunks)
    plan(
        "framework",
        fw_sha,
        lambda: _Planned("framework", SourceRecord("framework", fw_sha, []), fw_chunks),
    )

    # 2. shipped guidance documents
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

        plan(key, sha, make_guidance)

    # 3. added documents: the ones named now, and the ones added before
    now = clock()
    limits = limits or PassageLimits()
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
            sha: str = sha,
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
            plan(key, sha, make_added)
        else:
            seen.add(key)
            try:
                make_added()
            except SourceError as exc:
                report.errors.append(str(exc))

    # 4. apply: removals first, then replacements
    for key in [k for k in manifest.sources if k not in seen]:
        rec = manifest.sources.pop(key)
        if rec.chunk_ids:
            store.delete(rec.chunk_ids)
        report.removed_chunks += len(rec.chunk_ids)
        report.removed.append(rec.path or key)
        progress(f"removed {rec.path or key} ({len(rec.chunk_ids)} chunks)")
        manifest.save(manifest_path)

    owned = {cid: k for k, r in manifest.sources.items() for cid in r.chunk_ids}
    total = sum(len(p.chunks) for p in plans)
    done = 0
    for item in plans:
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
        store.add(item.chunks)
        done += len(item.chunks)
        item.record.chunk_ids = [c.id for c in item.chunks]
        for cid in item.record.chunk_ids:
            owned[cid] = item.key
        manifest.sources[item.key] = item.record
        manifest.save(manifest_path)
        report.added_chunks += len(item.chunks)
        report.updated.append(item.record.path or item.key)
        progress(f"[{done}/{total}] {item.record.path or item.key}: {len(item.chunks)} chunks")
    manifest.save(manifest_path)
    report.total_chunks = manifest.chunk_count
    return report


def _hash_chunks(chunks: list[Chunk]) -> str:
    payload = json.dumps(
        [[c.id, c.text, c.metadata()] for c in chunks], ensure_ascii=False, sort_keys=True
    )
    return hashlib.sha256(payload.encode()).hexdigest()
