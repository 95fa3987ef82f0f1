"""End to end in a real headless Chromium: a whole interview typed into the chat, a reload and a
server restart mid-way that resume where the person was, the downloaded report, and a
screenshot of every page in English and Japanese (saved under test-artifacts/)."""

from __future__ import annotations

import json
import re
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from assistant.framework import get_framework
from tests.e2e.browser import CHAT_COUNT, TURN_DONE
from tests.e2e.conftest import Server

pytestmark = pytest.mark.e2e

RUN_TIMEOUT = 120_000  # ms: the first typed answer may wait for the model to load


def idle(page: Any, timeout: int = RUN_TIMEOUT) -> None:
    """Wait until Streamlit has finished the current script run."""
    page.wait_for_timeout(150)
    try:
        page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout
        )
    except Exception:
        page.screenshot(path="test-artifacts/failure.png", full_page=True)
        print(page.get_by_test_id("stStatusWidget").inner_text())
        raise
    page.wait_for_timeout(100)




def turn(page: Any, act: Any) -> None:
    """Do something that makes one chat turn, and wait for the assistant's reply to show."""
    before = page.evaluate(CHAT_COUNT)
    act()
    try:
        page.wait_for_function(TURN_DONE, arg=[before], timeout=RUN_TIMEOUT)
    except Exception:
        page.screenshot(path="test-artifacts/failure-turn.png")
        raise
    idle(page)


def last_assistant_text(page: Any) -> str:
    messages = page.get_by_test_id("stChatMessage")
    return str(messages.nth(messages.count() - 1).inner_text())


def current_element(page: Any) -> str | None:
    found = re.findall(r"\b(E\d\d)\b", last_assistant_text(page))
    return found[-1] if found else None


def type_in_chat(page: Any, text: str) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(text)
    box.press("Enter")


def click(page: Any, name: str, exact: bool = True) -> None:
    page.get_by_role("button", name=name, exact=exact).first.click()


def answer_current(page: Any, answer_for: dict[str, str]) -> str:
    """Type the answer for the element being asked, then confirm the proposed level (or say
    "don't know" when the answer could not be placed). Returns the element id answered."""
    eid = current_element(page)
    assert eid is not None, last_assistant_text(page)
    turn(page, lambda: type_in_chat(page, answer_for[eid]))
    confirm = page.get_by_role("button", name=re.compile(r"^Yes, level \d$"))
    if confirm.count():
        turn(page, confirm.first.click)
    else:
        turn(page, lambda: click(page, "Don't know"))
    return eid


def shot(page: Any, artifacts: Path, name: str) -> None:
    """The whole page: Streamlit scrolls inside its main block, so grow the viewport to fit."""
    size = page.viewport_size
    height = page.evaluate(
        "() => Math.max(...Array.from(document.querySelectorAll("
        '\'[data-testid="stMainBlockContainer"], [data-testid="stSidebarContent"]\''
        ")).map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 160, 9000)})
    page.wait_for_timeout(600)
    page.screenshot(path=str(artifacts / f"{name}.png"))
    page.set_viewport_size(size)
    page.wait_for_timeout(200)


def test_whole_interview_with_reload_restart_results_and_downloads(
    server: Server, browser: Any, artifacts: Path, tmp_path: Path
) -> None:
    fw = get_framework()
    # what an official at level 2 typically says, per element (the framework's own examples)
    answer_for = {e.id: e.rubric[2].evidence.en.strip('"') for e in fw.elements}
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.goto(server.url)
    page.get_by_text("About your city").wait_for(timeout=60_000)
    idle(page)
    shot(page, artifacts, "interview-intake-en")

    page.get_by_label("City name").fill("Riverside")
    page.get_by_label("Country").fill("Example Republic")
    page.get_by_label("Focus sectors (optional, comma-separated)").fill("transport")
    turn(page, lambda: click(page, "Start the interview", exact=False))
    assert "code=" in page.url
    code = page.url.split("code=")[1].split("&")[0]
    assert current_element(page) == "E01"

    answered: list[str] = []
    for _ in range(6):
        answered.append(answer_current(page, answer_for))
    shot(page, artifacts, "interview-chat-en")

    # a reload continues where the person was
    page.reload()
    page.get_by_test_id("stChatMessage").first.wait_for(timeout=60_000)
    idle(page)
    assert f"code={code}" in page.url
    assert "Welcome back" in page.get_by_test_id("stMainBlockContainer").inner_text()
    assert current_element(page) == "E07"
    assert "6 of 21 elements answered" in page.get_by_test_id("stMainBlockContainer").inner_text()
    shot(page, artifacts, "interview-resumed-en")

    for _ in range(6):
        answered.append(answer_current(page, answer_for))

    # a server restart loses nothing either
    server.restart()
    page.goto(f"{server.url}/?code={code}")
    page.get_by_test_id("stChatMessage").first.wait_for(timeout=60_000)
    idle(page)
    assert current_element(page) == "E13"
    assert "12 of 21 elements answered" in page.get_by_test_id("stMainBlockContainer").inner_text()

    while len(answered) < 21:
        answered.append(answer_current(page, answer_for))
    assert sorted(answered) == [e.id for e in fw.elements]
    turn(page, lambda: click(page, "Finish"))
    assert "The interview is complete" in page.get_by_test_id("stMainBlockContainer").inner_text()
    shot(page, artifacts, "interview-done-en")

    # results, charts and downloads
    page.get_by_test_id("stSidebarNav").get_by_text("Results").click()
    page.get_by_text("Downloads").wait_for()
    idle(page)
    radar = page.get_by_test_id("stImage").locator("img").first
    radar.wait_for()
    assert radar.evaluate("img => img.complete && img.naturalWidth > 0")  # the SVG drew
    assert radar.get_attribute("alt").startswith("Domain scores on a 0–4 scale")
    main_text = page.get_by_test_id("stMainBlockContainer").inner_text()
    assert (
        "Riverside" in main_text and "Every element, its level and the evidence given" in main_text
    )
    shot(page, artifacts, "results-en")
    with page.expect_download() as got:
        page.get_by_test_id("stDownloadButton").filter(has_text="Report (HTML").get_by_role(
            "button"
        ).click()
    html = Path(got.value.path()).read_text(encoding="utf-8")
    assert got.value.suggested_filename == "riverside-report-en.html"
    assert "Smart-city self-assessment: Riverside" in html and "<svg" in html
    assert "<script" not in html
    for eid in ("E01", "E21"):
        assert f"<td>{eid}</td>" in html
    with page.expect_download() as got:
        page.get_by_test_id("stDownloadButton").filter(has_text="Answers file").get_by_role(
            "button"
        ).click()
    answers = Path(got.value.path()).read_text(encoding="utf-8")
    assert '"name": "Riverside"' in answers and '"E21"' in answers

    # the whole UI in Japanese, kept in the URL
    page.get_by_test_id("stSidebar").get_by_text("日本語").click()
    idle(page)
    page.get_by_text("ダウンロード").first.wait_for()
    assert "lang=ja" in page.url
    shot(page, artifacts, "results-ja")
    with page.expect_download() as got:
        page.get_by_test_id("stDownloadButton").filter(has_text="Markdown").get_by_role(
            "button"
        ).click()
    assert got.value.suggested_filename == "riverside-report-ja.md"
    assert (
        Path(got.value.path())
        .read_text(encoding="utf-8")
        .startswith("# スマートシティ自己評価: Riverside")
    )
    page.close()


def test_ask_and_workspace_pages_in_both_languages(
    server: Server, browser: Any, artifacts: Path, tmp_path: Path
) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "regional-core.json"
    data = json.loads(example.read_text(encoding="utf-8"))
    data["answers"]["E05"] = {
        "level": 2,
        "evidence": "A business case was written for the bus app.",
    }
    data["answers"]["E17"] = {"level": 1, "evidence": "Security rules are being drafted."}
    follow_up = tmp_path / "riverside-2026.json"
    follow_up.write_text(json.dumps(data), encoding="utf-8")
    for lang, question in (
        ("en", "Does JICA support building testbeds?"),
        ("ja", "JICAはテストベッドの整備を支援しますか？"),
    ):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{server.url}/ask?lang={lang}")
        page.get_by_test_id("stChatInputTextArea").wait_for(timeout=60_000)
        idle(page)
        type_in_chat(page, question)
        page.get_by_test_id("stExpander").first.wait_for(timeout=RUN_TIMEOUT)
        idle(page)
        page.get_by_test_id("stExpander").first.click()
        idle(page)
        shot(page, artifacts, f"ask-{lang}")

        page.goto(f"{server.url}/workspace?lang={lang}")
        page.get_by_test_id("stFileUploaderDropzoneInput").first.wait_for(
            state="attached", timeout=60_000
        )
        idle(page)
        page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(
            [str(example), str(follow_up)]
        )
        idle(page)
        radar = page.get_by_test_id("stImage").locator("img").first
        radar.wait_for()
        assert radar.evaluate("img => img.complete && img.naturalWidth > 0")  # the SVG drew
        changed = (
            "2 of the 21 elements answered in both interviews changed."
            if lang == "en"
            else "両方の面談で回答済みの21件のエレメントのうち、2件が変化した。"
        )
        assert changed in page.get_by_test_id("stMainBlockContainer").inner_text()
        shot(page, artifacts, f"workspace-compare-{lang}")
        page.get_by_role("tab").nth(1).click()
        idle(page)
        shot(page, artifacts, f"workspace-brief-{lang}")
        page.get_by_role("tab").nth(2).click()
        idle(page)
        shot(page, artifacts, f"workspace-documents-{lang}")

        page.goto(f"{server.url}/?lang={lang}")
        page.get_by_test_id("stForm").first.wait_for(timeout=60_000)
        idle(page)
        shot(page, artifacts, f"interview-intake-{lang}")
        if lang == "ja":  # a Japanese interview: the engine speaks the language it started in
            e01 = get_framework().element("E01").rubric[2].evidence.ja.strip("「」")
            page.get_by_label("都市名").fill("名古屋")
            turn(page, partial(click, page, "インタビューを始める", exact=False))
            turn(page, partial(type_in_chat, page, e01))
            assert "E01" in last_assistant_text(page) or "レベル" in last_assistant_text(page)
            shot(page, artifacts, "interview-chat-ja")
        page.close()
