"""Adding documents to the knowledge base from the browser, and listing what it holds.

Uploads are checked here on the server (type, size) before they are written, and again by the
ingestion code when it reads them; they are kept under ``data_dir/uploads/`` because the
knowledge base re-reads added documents from where they were added. Adding runs as a job in the
process's worker (``assistant.knowledge.jobs``), never in the page's request: the page shows its
progress and a Cancel button, and every other person's page goes on meanwhile.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TypeVar

import streamlit as st

from assistant.catalogue import t
from assistant.knowledge.added_documents import ADDED_TYPES
from assistant.knowledge.jobs import IngestJobs, JobStatus
from assistant.knowledge.services import KnowledgeServices
from assistant.knowledge.source_names import file_name, guidance_titles, source_name
from assistant.knowledge.store import Manifest, SourceRecord
from assistant.models import Lang
from assistant.settings import Settings
from assistant.web import resources, views
from assistant.web.loading import Upload
from assistant.web.text import inert

UNLOCKED = "docs_unlocked"  # per browser session
FLASH = "docs_flash"  # messages shown after the rerun that follows a change
JOB = "docs_job"  # this session's ingest job id (the job is in the process's registry)
SHOW = {"success": st.success, "error": st.error, "info": st.info}
T = TypeVar("T")


def safe_name(name: str) -> str:
    """The uploaded file's own name, reduced to a harmless single path component."""
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[^\w.\- ]", "_", base).strip(" .") or "document"
    stem, suffix = Path(base).stem[:80], Path(base).suffix.lower()
    return f"{stem}{suffix}"


def check_upload(upload: Upload, max_bytes: int, lang: Lang) -> str | None:
    """Why this upload is refused, or None when its type and size are acceptable."""
    if Path(upload.name).suffix.lower() not in ADDED_TYPES:
        return t("ui.bad_type", lang, name=upload.name)
    if upload.size > max_bytes:
        return t("ui.too_big", lang, name=upload.name, size=upload.size, limit=max_bytes)
    return None


def store_upload(upload: Upload, uploads_dir: Path) -> Path:
    """Write the bytes to ``uploads/<content hash>/<name>`` (same file twice = same path)."""
    data = upload.getvalue()
    folder = uploads_dir / hashlib.sha256(data).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / safe_name(upload.name)
    path.write_bytes(data)
    return path


def submit(
    jobs: IngestJobs,
    services: KnowledgeServices,
    uploads: list[Upload],
    added_by: str,
    lang: Lang,
) -> tuple[str | None, list[str]]:
    """Check and store the uploads, then add them in the background: (job id or None when every
    file was refused, one line per refused file). Limits are checked by the job before
    anything is embedded."""
    settings = services.settings
    errors: list[str] = []
    paths: list[Path] = []
    for upload in uploads:
        problem = check_upload(upload, settings.max_upload_bytes, lang)
        if problem:
            errors.append(problem)
        else:
            paths.append(store_upload(upload, settings.data_dir / "uploads"))
    if not paths:
        return None, errors
    job = jobs.submit(services, paths, added_by.strip()[:200], settings.data_dir / "uploads")
    return job.id, errors


def render(settings: Settings, lang: Lang) -> None:
    mb = settings.max_upload_bytes / (1024 * 1024)
    st.caption(t("ui.docs_intro", lang, mb=f"{mb:g}"))
    loader = resources.knowledge(settings)
    if not loader.ready():
        with st.spinner(t("ui.kb_wait", lang)):
            loader.future.exception()  # wait for the background load to finish
    if (error := loader.error()) is not None:
        st.error(t("ui.kb_failed", lang, error=inert(resources.describe_error(error))))
        return
    services = loader.get()
    if unlocked(settings, lang):
        manage(services, lang)
    listing(services, lang)


def unlocked(settings: Settings, lang: Lang) -> bool:
    """Whether this browser session may add or remove documents (a facilitator's passphrase).

    Without a passphrase set, nobody can: anyone who can open the app could otherwise feed the
    knowledge base what it quotes to every user.
    """
    secret = settings.facilitator_passphrase
    if not secret:
        st.caption(t("ui.docs_locked", lang))
        return False
    if st.session_state.get(UNLOCKED):
        return True
    with st.form("docs-unlock"):
        typed = st.text_input(t("ui.docs_passphrase", lang), type="password", key="docs-pass")
        if st.form_submit_button(t("ui.docs_unlock", lang), icon=":material/lock_open:"):
            if hmac.compare_digest(typed.encode(), secret.encode()):
                st.session_state[UNLOCKED] = True
                st.rerun()
            st.error(t("ui.docs_wrong", lang))
    return False


def manage(services: KnowledgeServices, lang: Lang) -> None:
    """Add documents (in the background, with progress and cancel), and remove one.

    When a job ends, or a document is removed, the page reruns so the sidebar's passage count
    is counted again; the message is carried over the rerun in the session.
    """
    jobs = resources.ingest_jobs()
    for kind, message in st.session_state.pop(FLASH, []):
        SHOW[kind](message)
    if (job_id := st.session_state.get(JOB)) is not None:
        job_progress(services, job_id, lang)
    else:
        upload_form(services, jobs, lang)
    remove_form(services, jobs, lang)


def upload_form(services: KnowledgeServices, jobs: IngestJobs, lang: Lang) -> None:
    with st.form("docs-form", clear_on_submit=True):
        files = st.file_uploader(
            t("ui.upload_docs", lang),
            type=[s.lstrip(".") for s in ADDED_TYPES],
            accept_multiple_files=True,
            key="docs-upload",
        )
        who = st.text_input(t("ui.added_by", lang), max_chars=200, key="docs-who")
        submitted = st.form_submit_button(t("ui.ingest", lang), icon=":material/upload_file:")
    if submitted and files:
        job_id, errors = submit(jobs, services, list(files), who, lang)
        st.session_state[FLASH] = [
            ("error", t("ui.rejected", lang, reason=inert(e))) for e in errors
        ]
        if job_id is not None:
            st.session_state[JOB] = job_id
        st.rerun()


@st.fragment(run_every=1.0)
def job_progress(services: KnowledgeServices, job_id: str, lang: Lang) -> None:
    """This session's job: passages embedded of the total, and Cancel; redrawn every second
    (only this fragment), until the job ends and the whole page is drawn again."""
    jobs = resources.ingest_jobs()
    job = jobs.get(job_id)
    status = job.status() if job is not None else None
    if job is None or status is None or status.finished:
        st.session_state.pop(JOB, None)
        jobs.forget(job_id)
        flash = st.session_state.get(FLASH, [])
        found = outcome(status, services.store.count(), lang, services.settings.data_dir)
        st.session_state[FLASH] = flash + found
        st.rerun()
        return
    if status.state == "queued":
        st.progress(0.0, text=t("ui.ingest_waiting", lang))
    elif status.total == 0:
        st.progress(0.0, text=t("ui.ingest_reading", lang))
    else:
        text = t("ui.ingest_progress", lang, done=status.embedded, total=status.total)
        st.progress(min(1.0, status.embedded / status.total), text=text)
    cancel = st.button(
        t("ui.ingest_cancel", lang),
        key="docs-cancel",
        icon=":material/cancel:",
        disabled=job.cancelled(),
    )
    if cancel:
        job.cancel()
    if job.cancelled():
        st.caption(t("ui.ingest_cancelling", lang))


def outcome(
    status: JobStatus | None, total: int, lang: Lang, data_dir: Path | None = None
) -> list[tuple[str, str]]:
    """The messages a finished job leaves (kind, text), every file name and error inert, and
    no directory of the server in them (a stored upload is named by its file name)."""
    if status is None:
        return []
    if status.state == "cancelled":
        return [("info", t("ui.ingest_cancelled", lang))]
    if status.state == "failed":
        failure = without_dirs(status.failure, data_dir)
        return [("error", t("ui.ingest_failed", lang, error=inert(failure)))]
    flash = [
        ("error", t("ui.rejected", lang, reason=inert(without_dirs(err, data_dir))))
        for err in status.errors
    ]
    if status.added:
        key = "ui.ingest_done_one" if status.added == 1 else "ui.ingest_done"
        flash.append(("success", t(key, lang, added=status.added, total=total)))
    return flash


def without_dirs(text: str, data_dir: Path | None) -> str:
    """``<data_dir>/uploads/<hash>/plan.pdf: no text`` → ``plan.pdf: no text``; any other
    mention of the data directory becomes "…"."""
    if data_dir is None:
        return text
    base = str(data_dir)
    uploads = re.escape(str(data_dir / "uploads")) + r"[/\\][0-9a-f]+[/\\]"
    return re.sub(uploads, "", text).replace(base, "…")


def remove_form(services: KnowledgeServices, jobs: IngestJobs, lang: Lang) -> None:
    manifest = Manifest.load(services.manifest_path)
    added_docs = {k: file_name(r.path) for k, r in manifest.sources.items() if r.kind == "added"}
    if not added_docs:
        return
    with st.form("docs-remove"):
        key = st.selectbox(
            t("ui.docs_remove", lang), list(added_docs), format_func=added_docs.__getitem__
        )
        if st.form_submit_button(t("ui.docs_remove_button", lang), icon=":material/delete:"):
            with jobs.exclusive() as free:  # never while a job rewrites the manifest
                if free:
                    services.remove([key])
                    total = services.store.count()
                    st.session_state[FLASH] = [("success", t("ui.docs_removed", lang, total=total))]
                else:
                    st.session_state[FLASH] = [("error", t("ui.docs_busy", lang))]
            st.rerun()


def interrupted(
    uploads: Path, manifest: Manifest, pending: AbstractSet[str] = frozenset()
) -> list[str]:
    """Uploaded files the knowledge base does not hold: their ingestion was killed part-way
    (``pending``: files of jobs still running or waiting, which are not)."""
    if not uploads.is_dir():
        return []
    held = {str(Path(r.path).resolve()) for r in manifest.sources.values() if r.path}
    held |= pending
    return sorted(
        f.name for f in uploads.glob("*/*") if f.is_file() and str(f.resolve()) not in held
    )


def listing(services: KnowledgeServices, lang: Lang) -> None:
    """What the knowledge base holds, counted now (not when the page was first drawn)."""
    st.subheader(t("ui.kb_contents", lang), divider="gray")
    manifest = Manifest.load(services.manifest_path)
    pending = resources.ingest_jobs().pending_paths()
    for name in interrupted(services.settings.data_dir / "uploads", manifest, pending):
        st.warning(t("ui.docs_interrupted", lang, name=inert(name)), icon=":material/warning:")
    titles = guidance_titles(Path(services.settings.knowledge_dir))
    rows = []
    sources = in_language(manifest.sources, lang)
    for key, rec in sorted(sources.items(), key=lambda kv: (kv[1].kind != "added", kv[0])):
        rows.append(
            [
                source_name(key, rec.kind, rec.path, titles, lang),  # never a path
                t(f"ui.kind_{rec.kind}", lang),
                str(len(rec.chunk_ids)),
                rec.added_by,
                rec.added_at,
            ]
        )
    views.text_table(
        [
            t("terms.source", lang),
            t("ui.kind", lang),
            t("ui.passages", lang),
            t("ui.who", lang),
            t("ui.added_at", lang),
        ],
        rows,
    )
    if len(sources) < len(manifest.sources):
        st.caption(t("ui.kb_both_languages", lang))
    st.caption(kb_counts(manifest, sources, services.store.count(), lang))


def kb_counts(
    manifest: Manifest, listed: dict[str, SourceRecord], total: int, lang: Lang
) -> str:
    """Why the table's passages and the sidebar's count differ: the table lists each shipped
    document once, in the reader's language; the store holds both (and the count is now)."""
    shown = sum(len(r.chunk_ids) for r in listed.values())
    line = t("ui.kb_counts", lang, listed=shown, total=total)
    other = sum(len(r.chunk_ids) for k, r in manifest.sources.items() if k not in listed)
    if other:
        line += (" " if lang == "en" else "") + t("ui.kb_counts_other", lang, other=other)
    return line


def in_language(sources: dict[str, T], lang: Lang) -> dict[str, T]:
    """The sources a person reading ``lang`` is shown: a shipped document held in both
    languages (``docs/en/x.md``, ``docs/ja/x.md``) once, in theirs; everything else as it is."""
    shown = {}
    for key, rec in sources.items():
        parts = key.split("/")
        translated = len(parts) == 3 and parts[0] == "docs" and parts[1] != lang
        if translated and f"docs/{lang}/{parts[2]}" in sources:
            continue  # the same document in the session's language is listed instead
        shown[key] = rec
    return shown
