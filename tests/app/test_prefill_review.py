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


def _chat(at: AppTest) -> str:
    return "\n".join(m.value for c in at.chat_message for m in c.markdown).replace("\\", "")


def test_the_review_comes_first_and_the_walk_after_it_once(app: AppTest) -> None:
    at = _start(app)
    assert _keeps(at)
    assert "Question 1/21" not in _chat(at)  # the walk's first card waits for the review
    assert QUOTE not in _chat(at)
    assert not [b for b in at.button if b.label.startswith("Yes, level")]  # no walk buttons
    assert at.chat_input(key="interview-input").disabled  # the review is acted on first
    main = list(at.main)
    review = next(i for i, e in enumerate(main) if "review-drafts" in str(getattr(e, "key", "")))
    welcome = next(i for i, e in enumerate(main) if e.type == "chat_message")
    assert welcome < review  # the conversation so far, then the review
    at = _submit(at, "Go through them one by one")
    chat = _chat(at)
    assert chat.count("Question 1/21") == 1 and chat.count(QUOTE) == 1  # nothing duplicated
    assert not at.chat_input(key="interview-input").disabled


def test_the_chosen_level_shows_its_full_rubric_text(app: AppTest) -> None:
    from assistant.framework import get_framework

    at = _start(app)
    first = _keeps(at)[0]
    rubric = get_framework().element(first).rubric
    level = at.selectbox(key=f"rv-level-{first}").value
    assert at.selectbox(key=f"rv-level-{first}").format_func(level) == f"Level {level}"

    def card() -> str:
        """The card's texts, from its title to the next card's."""
        said = [m.value.replace("\\", "") for m in at.markdown]
        start = next(i for i, x in enumerate(said) if x.startswith(f"**{first} "))
        end = next((i for i in range(start + 1, len(said)) if said[i].startswith("**E")), None)
        return "\n".join(said[start:end])

    assert rubric[level].text.get("en") in card()  # whole, not cut
    other = (level + 1) % 5
    at = at.selectbox(key=f"rv-level-{first}").set_value(other).run()
    assert rubric[other].text.get("en") in card() and rubric[level].text.get("en") not in card()
    assert "…" not in card()
    captions = "\n".join(c.value for c in at.caption)
    assert f"Changed by you: the draft read level {level}." in captions


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
