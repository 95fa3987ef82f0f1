"""Interview page, "Start from documents": a draft with its quote offered, nothing saved first."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.app.conftest import ROOT
from tests.app.test_interview import button, last_assistant, stored

DOC = ROOT / "evals" / "datasets" / "prefill_dev" / "en-dev-1-harbourton-digital-plan.md"
QUOTE = "The vision was adopted by the City Council in March 2026"


def test_start_from_documents_offers_the_draft_and_saves_only_on_confirm(app: AppTest) -> None:
    at = app.run()
    assert [e.label for e in at.expander if e.label == "Start from documents"]
    at.file_uploader(key="prefill_uploads").set_value(
        [(DOC.name, DOC.read_bytes(), "text/markdown"), ("scan.pdf", b"no", "application/pdf")]
    )
    at = at.run()  # the upload (the page reruns when files are picked)
    at.text_input(key="in-name").set_value("Harbourton")
    submit = next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:intake"))
    at = submit.click().run()
    assert not at.exception
    errors = [e.value.replace("\\", "") for e in at.error]
    assert errors == ["scan.pdf: not a PDF file (no %PDF header)"]  # one line; the other read
    assert next(i.value.replace("\\", "") for i in at.info).startswith("Drafts for ")
    shown = last_assistant(at)
    assert QUOTE in shown and f"From your documents ({DOC.name}, “2. Vision”)" in shown
    assert "Because you said" not in shown
    code = at.query_params["code"]
    assert stored(code) == {}  # offered, not saved
    at = button(at, next(b.label for b in at.button if b.label.startswith("Yes")))
    assert stored(code) == {"E01": 3}


def test_without_documents_nothing_changes(app: AppTest, tmp_path: Path) -> None:
    at = app.run()
    at.text_input(key="in-name").set_value("Riverside")
    submit = next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:intake"))
    at = submit.click().run()
    assert "From your documents" not in last_assistant(at)
