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
    code = at.query_params["code"]
    assert stored(code) == {}  # listed for review, not saved
    at = button(at, "Go through them one by one")  # the review first, then the walk
    shown = last_assistant(at)
    assert QUOTE in shown and f"From your documents ({DOC.name}, “2. Vision”)" in shown
    assert "Because you said" not in shown
    assert stored(code) == {}  # offered, not saved
    at = button(at, next(b.label for b in at.button if b.label.startswith("Yes")))
    assert stored(code) == {"E01": 3}


def test_without_documents_nothing_changes(app: AppTest, tmp_path: Path) -> None:
    at = app.run()
    at.text_input(key="in-name").set_value("Riverside")
    submit = next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:intake"))
    at = submit.click().run()
    assert "From your documents" not in last_assistant(at)


def _start_with(app: AppTest, files: list[tuple[str, str]], lang: str = "en") -> AppTest:
    if lang != "en":
        app.query_params["lang"] = lang
    at = app.run()
    at.file_uploader(key="prefill_uploads").set_value(
        [(name, text.encode("utf-8"), "text/markdown") for name, text in files]
    )
    at = at.run()
    at.text_input(key="in-name").set_value("Harbourton")
    submit = next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:intake"))
    return submit.click().run()


def test_documents_that_disagree_show_both_passages_side_by_side(app: AppTest) -> None:
    from tests.prefill import samples as s

    files = [(s.STRATEGY_NAME, s.STRATEGY), (s.MINUTES_NAME, s.MINUTES)]
    at = _start_with(app, files)
    assert not at.exception
    msg = [m for m in at.chat_message if m.name == "assistant"][-1]
    cards = [c for c in msg.columns if c.markdown]  # the two passages, one column each
    assert len(cards) == 2
    shown = ["\n".join(m.value for m in c.markdown).replace("\\", "") for c in cards]
    where = ["\n".join(m.value for m in c.caption).replace("\\", "") for c in cards]
    assert "Reads as level 3" in shown[0] and s.STRATEGY_QUOTE in shown[0]
    assert f"{s.STRATEGY_NAME}, “Vision”" in where[0]
    assert "Reads as level 1" in shown[1] and s.MINUTES_QUOTE in shown[1]
    assert f"{s.MINUTES_NAME}, “Vision”" in where[1]
    text = last_assistant(at)
    assert "Your documents disagree on this, so I have not proposed a level" in text
    assert "Does your city have a written vision" in text  # the question, in full
    assert not [b for b in at.button if b.label.startswith("Yes, level")]  # nothing proposed
    assert stored(at.query_params["code"]) == {}
    notes = [i.value.replace("\\", "") for i in at.info]
    assert "Your documents disagree on E01: no level is proposed there" in "\n".join(notes)


def test_documents_that_disagree_in_japanese(app: AppTest) -> None:
    from tests.prefill import samples as s

    files = [(s.STRATEGY_NAME, s.STRATEGY), (s.MINUTES_NAME, s.MINUTES)]
    at = _start_with(app, files, "ja")
    assert not at.exception
    text = last_assistant(at)
    assert "お送りいただいた文書の記述が食い違うため" in text
    assert "レベル3相当の記述" in text and "レベル1相当の記述" in text
    assert f"{s.MINUTES_NAME}「Vision」" in text
