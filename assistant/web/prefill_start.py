"""Interview page, "Start from documents": the city's documents read into drafts, with progress.

The drafts go to ``InterviewEngine.start`` and are offered one by one as their elements come;
nothing is saved until the official confirms. Where the documents disagree, the element is asked
in full with both passages shown. A bad file is one line; the others are read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import streamlit as st

from assistant.catalogue import t
from assistant.web import resources
from assistant.web.text import inert

if TYPE_CHECKING:
    from assistant.interview.state import DocumentPassage, Proposal
    from assistant.models import Framework, Lang
    from assistant.prefill.drafts import Prefill
    from assistant.settings import Settings

UPLOADS = "prefill_uploads"
NOTES = "prefill_notes"  # what the reading said, shown once on the chat page after the rerun


def uploader(lang: Lang) -> None:
    """The file picker (shown above the intake form; read when the interview starts)."""
    with st.expander(t("ui.prefill_title", lang), icon=":material/description:"):
        st.caption(t("ui.prefill_help", lang))
        st.file_uploader(
            t("ui.prefill_title", lang),
            type=["pdf", "docx", "md", "txt"],
            accept_multiple_files=True,
            key=UPLOADS,
            label_visibility="collapsed",
        )


def read_uploads(files: list[Any], settings: Settings, fw: Framework, lang: Lang) -> Prefill:
    """Uploaded documents read into drafts with a progress bar (the Interview page and the
    facilitator's brief share this); each bad file is one line in the result's documents."""
    from assistant.prefill.documents import Document, DocumentError, read_bytes
    from assistant.prefill.drafts import DocumentInfo
    from assistant.prefill.reader import DocumentReader
    from assistant.prefill.service import limits

    loader = resources.knowledge(settings)
    reader = DocumentReader(fw, loader.interpreter(), loader.get().embeddings)
    bar = st.progress(0.0)
    docs: list[Document] = []
    bad: list[DocumentInfo] = []
    for i, upload in enumerate(files):
        bar.progress(i / (2 * len(files)), text=inert(t("ui.prefill_reading", lang, name=upload.name)))
        try:
            docs.append(read_bytes(upload.name, upload.getvalue(), lang=None, **limits(settings)))
        except DocumentError as exc:
            bad.append(
                DocumentInfo(name=upload.name, lang="", kind="", characters=0, error=str(exc))
            )

    def step(done: float, name: str) -> None:
        text = t("ui.prefill_reading", lang, name=name) if name else None
        bar.progress(0.5 + done / 2, text=inert(text) if text else None)

    result = reader.read(docs, bad, progress=step)
    bar.empty()
    return result


def drafts(
    settings: Settings, fw: Framework, lang: Lang
) -> tuple[dict[str, Proposal], dict[str, list[DocumentPassage]]] | None:
    """The uploaded documents read, with a progress bar: the proposals, and the elements they
    disagree on (asked in full with both passages); None without files."""
    from assistant.prefill.interview import disputed, proposals

    files = st.session_state.get(UPLOADS) or []
    if not files:
        return None
    result = read_uploads(files, settings, fw, lang)
    for doc in result.documents:
        if doc.error:
            st.session_state.setdefault(NOTES, []).append(("error", doc.error))
    found = proposals(result, fw, lang)
    st.session_state.setdefault(NOTES, []).append(("info", t("ui.prefill_found", lang, n=len(found))))
    split = disputed(result)
    if split:
        note = t("ui.prefill_disputed", lang, ids=", ".join(split))
        st.session_state[NOTES].append(("info", note))
    return found, split


def show_notes() -> None:
    """The reading's outcome (bad files, drafts found), once, above the chat."""
    for kind, text in st.session_state.pop(NOTES, []):
        if kind == "error":
            st.error(inert(text), icon=":material/error:")
        else:
            st.info(inert(text), icon=":material/description:")
