"""Bringing interviews into the app: uploaded answers files and sessions by code."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

import streamlit as st

from assistant.answers_io import MAX_ANSWERS_FILE_BYTES, InputError, parse_answers
from assistant.catalogue import t
from assistant.models import AnswersFile, Lang
from assistant.ports import SessionStore
from assistant.web import state
from assistant.web.text import inert


class Upload(Protocol):
    name: str
    size: int

    def getvalue(self) -> bytes: ...


def read_upload(upload: Upload, lang: Lang) -> AnswersFile:
    """Check and parse one uploaded answers file; InputError with one line on any problem."""
    if upload.size > MAX_ANSWERS_FILE_BYTES:
        raise InputError(
            t("ui.answers_file_too_big", lang, name=upload.name, limit=MAX_ANSWERS_FILE_BYTES)
        )
    try:
        text = upload.getvalue().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(t("ui.not_utf8", lang, name=upload.name)) from exc
    return parse_answers(text, upload.name)


def display_name(answers: AnswersFile, origin: str) -> str:
    return f"{answers.city.name} — {origin}"


def take_uploads(uploads: Iterable[Upload], lang: Lang) -> list[str]:
    """Add every valid upload to this user's loaded interviews; one-line errors for the rest."""
    errors = []
    for upload in uploads:
        try:
            answers = read_upload(upload, lang)
        except InputError as exc:
            errors.append(str(exc))
            continue
        state.add_loaded(display_name(answers, upload.name), answers)
    return errors


def answers_uploader(key: str, lang: Lang, many: bool = False) -> None:
    """An uploader for answers files; valid files join the loaded interviews at once."""
    got = st.file_uploader(
        t("ui.load_answers_many" if many else "ui.load_answers", lang),
        type=["json"],
        accept_multiple_files=many,
        key=key,
    )
    uploads = got if isinstance(got, list) else ([got] if got is not None else [])
    for error in take_uploads(uploads, lang):
        st.error(inert(error), icon=":material/error:")


def session_answers(store: SessionStore, code: str) -> AnswersFile | None:
    """The confirmed answers of a session, or None (wrong code, or no city profile yet)."""
    try:
        return store.export(code)
    except InputError:
        return None


def available(store: SessionStore | None, lang: Lang) -> dict[str, AnswersFile]:
    """Everything this user can look at: the current interview first, then loaded files."""
    out: dict[str, AnswersFile] = {}
    code = state.code()
    if store is not None and code:
        answers = session_answers(store, code)
        if answers is not None:
            out[t("ui.current_interview", lang, name=answers.city.name)] = answers
    out.update(state.loaded())
    return out
