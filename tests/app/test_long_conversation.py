"""A long conversation: older messages are drawn as plain text (one block each, still inert),
the latest in full with the proposal card, and every message stays in the chat."""

from __future__ import annotations

from assistant.web.text import inert
from assistant.web.transcript import FULL_ENTRIES
from tests.app.test_interview import button, say, start

HOSTILE = "Our plan is **approved** <b>by</b> [council](http://evil.example) in 2022."


def test_older_messages_become_plain_text_and_stay_inert(app) -> None:  # type: ignore[no-untyped-def]
    at = start(app)
    at = say(at, HOSTILE)
    partly = "Only the IT department has a draft for this; the council has not approved it yet."
    pilot = "We have a pilot in one department only, not yet city-wide."
    for text in (partly, partly, pilot):  # settle it and answer on (E02-E04, clear answers)
        yes = [b for b in at.button if b.label.startswith(("Yes, level", "Choose level"))]
        at = yes[0].click().run() if yes else button(at, "Don't know")
        at = say(at, text)
    assert not at.exception
    messages = list(at.chat_message)
    assert len(messages) > FULL_ENTRIES + 2
    older = messages[: len(messages) - FULL_ENTRIES]
    assert all(len(m.markdown) == 1 for m in older)  # one block of text each, no card
    hostile = [m.markdown[0].value for m in older if "2022" in m.markdown[0].value]
    assert hostile and all(inert("**approved**") in v and "<b>" not in v for v in hostile)
    latest = messages[-1]
    assert any("Because you said" in md.value.replace("\\", "") for md in latest.markdown)
