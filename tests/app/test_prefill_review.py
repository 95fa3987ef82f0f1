"""Interview page, "Review the drafts": the sure drafts confirmed in one action, not before."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.test_interview import last_assistant, stored
from tests.app.test_prefill_start import DOC, QUOTE


def _start(app: AppTest) -> AppTest:
    at = app.run()
    at.file_uploader(key="prefill_uploads").set_value(
        [(DOC.name, DOC.read_bytes(), "text/markdown")]
    )
    at = at.run()
    at.text_input(key="in-name").set_value("Harbourton")
    submit = next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:intake"))
    return submit.click().run()


def _keeps(at: AppTest) -> list[str]:
    return [
        c.key.removeprefix("rv-keep-") for c in at.checkbox if (c.key or "").startswith("rv-keep-")
    ]


def _submit(at: AppTest, label: str) -> AppTest:
    return next(b for b in at.button if b.label == label).click().run()


def test_review_saves_the_ticked_drafts_at_their_levels_and_asks_the_unticked(app: AppTest) -> None:
    at = _start(app)
    assert not at.exception
    code = at.query_params["code"]
    ids = _keeps(at)
    assert len(ids) >= 3 and ids[0] == "E01"
    assert [s.value for s in at.subheader if s.value == "Review the drafts"]
    shown = "\n".join(m.value for m in at.markdown).replace("\\", "")
    assert QUOTE in shown  # the quote on the card, with its document and confidence
    captions = "\n".join(c.value for c in at.caption).replace("\\", "")
    assert DOC.name in captions and "Confidence " in captions
    assert stored(code) == {}  # listed, not saved
    levels = {e: at.selectbox(key=f"rv-level-{e}").value for e in ids}
    changed = (levels[ids[0]] + 1) % 5
    at.selectbox(key=f"rv-level-{ids[0]}").set_value(changed)
    at.checkbox(key=f"rv-keep-{ids[1]}").uncheck()
    at = _submit(at, "Confirm the ticked drafts")
    assert not at.exception
    expected = {e: levels[e] for e in ids[2:]} | {ids[0]: changed}
    assert stored(code) == expected
    assert _keeps(at) == []  # offered once
    assert "Saved " in "\n".join(m.value for m in at.markdown)


def test_one_by_one_saves_nothing_and_the_walk_offers_the_first_draft(app: AppTest) -> None:
    at = _start(app)
    code = at.query_params["code"]
    at = _submit(at, "Go through them one by one")
    assert not at.exception and _keeps(at) == []
    assert stored(code) == {}
    assert QUOTE in last_assistant(at)
