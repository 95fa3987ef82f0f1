"""Adding documents to the knowledge base from the browser, and listing what it holds.

Uploads are checked here on the server (type, size) before they are written, and again by the
ingestion code when it reads them; they are kept under ``data_dir/uploads/`` because the
knowledge base re-reads added documents from where they were added.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from pathlib import Path

import streamlit as st

from assistant.catalogue import t
from assistant.knowledge.added_documents import ADDED_TYPES
from assistant.knowledge.services import KnowledgeServices
from assistant.knowledge.store import Manifest
from assistant.models import Lang
from assistant.settings import Settings
from assistant.web import resources, views
from assistant.web.loading import Upload
from assistant.web.text import inert

UNLOCKED = "docs_unlocked"  # per browser session
FLASH = "docs_flash"  # messages shown after the rerun that follows a change


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


def add_documents(
    services: KnowledgeServices, uploads: list[Upload], added_by: str, lang: Lang
) -> tuple[int, list[str]]:
    """Check, store and ingest; returns (passages added, one line per rejected file)."""
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
        return 0, errors
    report = services.ingest(paths, added_by=added_by.strip()[:200], progress=lambda _m: None)
    for err in report.errors:
        errors.append(err)
        for p in paths:
            if str(p) in err:
                p.unlink(missing_ok=True)
    return report.added_chunks, errors


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
    """Add documents, and remove one that was added.

    A change reruns the page so the sidebar's passage count is counted again; its message is
    carried over the rerun in the session.
    """
    for kind, message in st.session_state.pop(FLASH, []):
        (st.success if kind == "success" else st.error)(message)
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
        with st.spinner(t("ui.kb_wait", lang)):
            added, errors = add_documents(services, list(files), who, lang)
        flash = [("error", t("ui.rejected", lang, reason=inert(err))) for err in errors]
        if added:
            flash.append(
                ("success", t("ui.ingest_done", lang, added=added, total=services.store.count()))
            )
        st.session_state[FLASH] = flash
        st.rerun()
    manifest = Manifest.load(services.manifest_path)
    added_docs = {k: Path(r.path).name for k, r in manifest.sources.items() if r.kind == "added"}
    if added_docs:
        with st.form("docs-remove"):
            key = st.selectbox(
                t("ui.docs_remove", lang), list(added_docs), format_func=added_docs.__getitem__
            )
            if st.form_submit_button(t("ui.docs_remove_button", lang), icon=":material/delete:"):
                services.remove([key])
                total = services.store.count()
                st.session_state[FLASH] = [("success", t("ui.docs_removed", lang, total=total))]
                st.rerun()


def interrupted(uploads: Path, manifest: Manifest) -> list[str]:
    """Uploaded files the knowledge base does not hold: their ingestion was killed part-way."""
    if not uploads.is_dir():
        return []
    held = {str(Path(r.path).resolve()) for r in manifest.sources.values() if r.path}
    return sorted(
        f.name for f in uploads.glob("*/*") if f.is_file() and str(f.resolve()) not in held
    )


def listing(services: KnowledgeServices, lang: Lang) -> None:
    """What the knowledge base holds, counted now (not when the page was first drawn)."""
    st.subheader(t("ui.kb_contents", lang), divider="gray")
    manifest = Manifest.load(services.manifest_path)
    for name in interrupted(services.settings.data_dir / "uploads", manifest):
        st.warning(t("ui.docs_interrupted", lang, name=inert(name)), icon=":material/warning:")
    rows = []
    for key, rec in sorted(manifest.sources.items(), key=lambda kv: (kv[1].kind != "added", kv[0])):
        name = Path(rec.path).name if rec.path else key
        rows.append(
            [name, t(f"ui.kind_{rec.kind}", lang), str(len(rec.chunk_ids)), rec.added_by, rec.added_at]
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
