"""A long conversation: the current part (the current element's exchange, the latest messages)
is drawn on the page in full; everything before it is folded under "Earlier in this interview
(N messages)", drawn only once opened, as plain text (one block each, still inert), and every
message stays in the chat in its order."""

from __future__ import annotations

import re
from typing import Any

from streamlit.testing.v1 import AppTest

from assistant.web.text import inert
from assistant.web.transcript import FOLD, MOST, RECENT, shown_from
from tests.app.conftest import APP, TIMEOUT
from tests.app.test_interview import button, say, start

HOSTILE = "Our plan is **approved** <b>by</b> [council](http://evil.example) in 2022."
PARTLY = "Only the IT department has a draft for this; the council has not approved it yet."
PILOT = "We have a pilot in one department only, not yet city-wide."


def fold_of(at: AppTest) -> Any:
    return next(e for e in at.expander if e.label.startswith(("Earlier in", "これまでの")))


def outside(at: AppTest, fold: Any) -> list[Any]:
    """The chat messages drawn on the page, not in the fold."""
    inside = {id(m) for m in fold.chat_message}
    return [m for m in at.chat_message if id(m) not in inside]


def user_said(messages: list[Any]) -> list[str]:
    return [m.markdown[0].value for m in messages if m.name == "user"]


def test_earlier_messages_are_folded_drawn_once_opened_and_stay_inert(app: AppTest) -> None:
    at = start(app)
    said, typed = [HOSTILE], [inert(HOSTILE)]  # every turn; the typed answers (as drawn)
    at = say(at, HOSTILE)
    for text in (PARTLY, PARTLY, PILOT):  # settle it and answer on (E02-E04, clear answers)
        yes = [b for b in at.button if b.label.startswith(("Yes, level", "Choose level"))]
        said.append(yes[0].label if yes else "Don't know")
        at = yes[0].click().run() if yes else button(at, "Don't know")
        said.append(text)
        typed.append(inert(text))
        at = say(at, text)
    assert not at.exception
    total = 2 + 2 * len(said)  # the welcome and the first question, then a reply per turn

    fold = fold_of(at)
    shown = outside(at, fold)
    assert RECENT <= len(shown) <= MOST
    assert fold.label == f"Earlier in this interview ({total - len(shown)} messages)"
    assert not fold.children  # closed: nothing of it drawn
    latest = shown[-1]  # the current element's proposal, in full with its card
    assert any("Because you said" in md.value.replace("\\", "") for md in latest.markdown)
    current = [b for b in at.button if b.label.startswith(("Yes, level", "Choose level"))]
    assert current, "the proposal's quick replies are under the current part"
    eid = re.findall(r"E\d\d", latest.markdown[0].value)[0]  # the current element, and its
    assert any(  # question (with the answer that settled the one before) is in the current part
        f"{eid} " in md.value and "Question" in md.value for m in shown[:-1] for md in m.markdown
    )

    at.session_state[FOLD] = True  # opened: its messages drawn, one block of text each
    at = at.run()
    assert not at.exception
    fold = fold_of(at)
    older = list(fold.chat_message)
    assert len(older) == total - len(shown)
    assert all(len(m.markdown) == 1 and not m.button for m in older)
    folded = [m.markdown[0].value.replace("\\", "") for m in older]
    card = r"Question \d+/21 · \w+ · E\d\d [^\n]+ — (Proposed level \d|Two levels)"
    assert any(re.search(card, v) for v in folded)  # a card: its heading and level in words
    hostile = [m.markdown[0].value for m in older if "2022" in m.markdown[0].value]
    assert hostile and all(inert("**approved**") in v and "<b>" not in v for v in hostile)
    now_shown = outside(at, fold)
    assert len(now_shown) == len(shown)
    users = user_said(older) + user_said(now_shown)  # every message is there, in its order
    assert len(users) == len(said) and [u for u in users if u in typed] == typed

    at.sidebar.segmented_control(key="lang").set_value("ja").run()  # the fold in Japanese
    assert not at.exception
    assert fold_of(at).label.startswith("これまでのやり取り（") and fold_of(at).label.endswith(
        "件）"
    )


def _chat(*elements: str | None) -> list[dict[str, Any]]:
    """A conversation: each assistant reply about an element, a person's message before each."""
    out: list[dict[str, Any]] = []
    for eid in elements:
        out += [{"role": "user", "parts": []}, {"role": "assistant", "parts": [], "element": eid}]
    return out[1:]  # it starts with the assistant's welcome


def test_the_current_part_is_the_elements_exchange_or_the_latest_messages() -> None:
    assert shown_from(_chat("E01", "E01")) == 0  # short: all of it
    chat = _chat("E01", "E01", "E02", "E02", "E03", "E03")  # 11 messages, E03 asked at 8
    assert shown_from(chat) == len(chat) - RECENT
    chat = _chat("E01", "E01", "E02", "E02", "E03", "E03", "E03", "E03", "E03")  # E03 asked at 8
    assert shown_from(chat) == 8 and len(chat) - 8 > RECENT
    chat = _chat("E01", "E02", *["E03"] * 10)  # a long exchange: the latest MOST only
    assert shown_from(chat) == len(chat) - MOST
    assert shown_from(_chat("E01", "E01", "E01", "E01")) == 0  # 7: a fold of one is not worth it
    assert shown_from(_chat(None, None, None, None)) == 0  # the read-back, short: all of it


def test_just_after_moving_on_the_page_begins_at_the_new_question() -> None:
    """A button settled the element and the reply asks the next: on a phone the page kept its
    scroll, so the settled card stayed in view with the new question below; it joins the fold."""
    chat = _chat("E01", "E01", "E02")  # E01 asked, proposed, confirmed; E02 asked
    assert shown_from(chat) == len(chat) - 1 == 4
    assert shown_from(_chat("E01", "E02", "E03", "E04")) == 6
    assert shown_from(_chat("E01", "E02")) == 2  # the first move on: the welcome folds too
    assert shown_from(_chat("E01", "E02", "E02")) == 0  # answered: its exchange, the context back
    assert shown_from(_chat(None, "E01")) == 0  # after the intake (no element): nothing folds
    assert shown_from(_chat(None, None, None, None, None)) == 9 - RECENT  # the read-back


def test_after_a_reload_the_turns_before_are_in_the_fold(app: AppTest) -> None:
    at = start(app)
    at = say(at, HOSTILE)
    at = next(b for b in at.button if b.label.startswith(("Yes, level", "Choose level"))).click()
    at = at.run()
    again = AppTest.from_file(APP, default_timeout=TIMEOUT)  # a reload: only the URL is left
    again.query_params["code"] = at.query_params["code"]
    again.run()
    assert not again.exception
    fold = fold_of(again)
    n = int(re.findall(r"\((\d+) messages\)", fold.label)[0])
    assert n >= 2 and not fold.children
    assert len(outside(again, fold)) == 1  # where the person was: the current question
    again.session_state[FOLD] = True
    again.run()
    said = "\n".join(md.value for md in fold_of(again).markdown)
    assert len(fold_of(again).markdown) == n and inert(HOSTILE) in said
    # each turn a chat message, as before the reload; the resume's own reply is not repeated
    roles = [m.name for m in fold_of(again).chat_message]
    assert roles[0] == "assistant" and "user" in roles
    assert len(fold_of(again).chat_message) == n and "Welcome back" not in said
    assert "[confirm]" not in said and "[level" not in said  # a button in words
    assert "Yes, confirmed" in said or re.search(r"Level \d", said)


def test_after_a_reload_in_japanese_the_fold_is_in_words(app: AppTest) -> None:
    at = start(app, lang="ja")
    at = say(at, "IT部門だけがこのための草案を持っていますが、議会はまだ承認していません。")
    pick = [b for b in at.button if b.label.startswith(("はい、レベル", "レベル"))]
    at = pick[0].click().run()
    at = button(at, "わからない")
    again = AppTest.from_file(APP, default_timeout=TIMEOUT)
    again.query_params["code"] = at.query_params["code"]
    again.query_params["lang"] = "ja"
    again.run()
    assert not again.exception
    again.session_state[FOLD] = True
    again.run()
    fold = fold_of(again)
    said = "\n".join(md.value for md in fold.markdown).replace("\\", "")
    assert fold.label.startswith("これまでのやり取り（")
    assert "わからない" in said and ("はい、確定" in said or "レベル" in said)
    assert "[" not in said and "おかえりなさい" not in said


def test_a_pressed_button_in_the_stored_transcript_is_shown_in_words() -> None:
    from assistant.web.transcript import turn_words

    assert turn_words("user", "[confirm]", "en") == "Yes, confirmed"
    assert turn_words("user", "[confirm]", "ja") == "はい、確定"
    assert turn_words("user", "[level 3]", "ja") == "レベル3"
    assert turn_words("user", "[change E05]", "en") == "Change E05"
    assert turn_words("user", "[unknown]", "ja") == "わからない"
    review = "[review: E01=3, E07=2; asked in full: E03]"
    assert turn_words("user", review, "ja") == "文書の回答案を確認"
    assert turn_words("user", "Our [draft] plan", "en") == "Our [draft] plan"  # typed: as is
    assert turn_words("assistant", "[confirm]", "en") == "[confirm]"
