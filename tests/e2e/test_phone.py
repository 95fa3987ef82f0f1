"""Results on a phone (390 × 844) in real Chromium: the sidebar starts collapsed, the page is a
few screens with the priorities on the first three, nothing in the main container is wider than
the screen, the charts have no toolbar over them, and the PDF
download works. Screenshots go to test-artifacts/ (phone-*.png)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import Server
from tests.e2e.test_browser import idle, shot

pytestmark = pytest.mark.e2e

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "regional-core.json"
PHONE = {"width": 390, "height": 844}

OVERFLOW = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const block = document.querySelector('[data-testid="stMainBlockContainer"]');
  const wide = [];
  for (const el of block.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > window.innerWidth + 1 && !el.closest('[data-testid="stTable"]')
        && !el.closest('[data-testid="stDataFrame"]')) {
      wide.push((el.getAttribute('data-testid') || el.tagName) + ':' + Math.round(r.right) + ':' + (el.innerText || '').slice(0, 80));
    }
  }
  return {main: main.scrollWidth - main.clientWidth,
          doc: document.documentElement.scrollWidth - window.innerWidth,
          wide: wide.slice(0, 8)};
}"""


LAYOUT = """() => {
  const block = document.querySelector('[data-testid="stMainBlockContainer"]');
  const top = block.getBoundingClientRect().top;
  const heads = {};
  for (const h of block.querySelectorAll('h2, h3')) {
    heads[h.innerText.trim()] = Math.round(h.getBoundingClientRect().top - top);
  }
  return {height: block.scrollHeight, heads: heads};
}"""


def sidebar_open(page: Any) -> bool:
    box = page.get_by_test_id("stSidebar").bounding_box()
    return box is not None and box["x"] + box["width"] > 10


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_results_fit_a_phone(server: Server, browser: Any, artifacts: Path, lang: str) -> None:
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
        accept_downloads=True,
    )  # fmt: skip
    page = context.new_page()
    page.goto(f"{server.url}/results?lang={lang}")
    page.get_by_test_id("stFileUploaderDropzoneInput").first.wait_for(
        state="attached", timeout=60_000
    )
    idle(page)
    assert not sidebar_open(page), "the sidebar covers the first screen of a phone"
    page.screenshot(path=str(artifacts / f"phone-first-screen-{lang}.png"))
    page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(str(EXAMPLE))
    idle(page)
    charts = page.get_by_test_id("stImage").locator("img")
    charts.nth(1).wait_for(timeout=60_000)  # the radar and the 21 elements' bars, as SVG images
    assert charts.evaluate_all("imgs => imgs.every(i => i.complete && i.naturalWidth > 0)")
    page.screenshot(path=str(artifacts / f"phone-results-top-{lang}.png"))

    # the summary comes first and the long parts are folded: ~4,100 px (10,000 before, with the
    # evidence, the reasons and every cooperation option open)
    layout = page.evaluate(LAYOUT)
    assert layout["height"] < 6000, layout
    priorities = "Priority elements" if lang == "en" else "優先エレメント"
    assert layout["heads"][priorities] < 3 * PHONE["height"], layout

    found = page.evaluate(OVERFLOW)
    assert found["main"] <= 1 and found["doc"] <= 1, found
    assert not found["wide"], found
    # no chart toolbar over the content (Streamlit's fullscreen button over an image is
    # hidden until it is hovered, and the page loads no chart script at all)
    assert page.locator(".modebar-container .modebar").count() == 0
    assert page.get_by_test_id("stPlotlyChart").count() == 0
    main_text = page.get_by_test_id("stMainBlockContainer").inner_text()
    assert (
        ("To clarify" in main_text or "Unknown, to clarify" in main_text)
        if lang == "en"
        else ("要確認" in main_text)
    )

    with page.expect_download() as got:
        page.get_by_test_id("stDownloadButton").filter(has_text="PDF").get_by_role("button").click()
    pdf = Path(got.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-") and got.value.suggested_filename.endswith(f"-{lang}.pdf")
    shot(page, artifacts, f"phone-results-{lang}")
    context.close()


def in_view(page: Any, locator: Any) -> bool:
    """Is the element drawn inside the phone's screen as it stands (no scrolling)?"""
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


@pytest.mark.parametrize(
    ("lang", "said", "yes", "unsure", "keep"),
    [
        ("en", "We have a draft vision from the IT department, not yet approved by the council.",
         r"^Yes, level \d$", "no idea", "Yes, save as “don't know”"),
        ("ja", "情報政策課がビジョンの草案を作りましたが、まだ議会の承認はありません。",
         r"^はい、レベル\d$", "わかりません", "はい、「わからない」で保存"),
    ],
)  # fmt: skip
def test_after_a_typed_answer_its_proposal_and_confirm_are_in_view_on_a_phone(
    server: Server, browser: Any, artifacts: Path, lang: str, said: str, yes: str, unsure: str,
    keep: str,
) -> None:
    """After a typed answer the page keeps its scroll, so the new proposal card lands below the
    fold: the line saying what was proposed and its confirm are pinned over the chat box, in
    view without scrolling; typed "don't know" waits there for its own confirm."""
    import re

    from tests.e2e.test_browser import click, turn, type_in_chat

    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)  # fmt: skip
    page = context.new_page()
    page.goto(f"{server.url}/?lang={lang}")
    start = "Start the interview" if lang == "en" else "インタビューを始める"
    page.get_by_role("button", name=start, exact=False).wait_for(timeout=60_000)
    idle(page)
    fields = page.locator("input[type=text]")
    fields.nth(0).fill("Riverside" if lang == "en" else "川辺市")
    fields.nth(1).fill("Example Republic" if lang == "en" else "日本")
    turn(page, lambda: click(page, start, exact=False))
    turn(page, lambda: type_in_chat(page, said))
    confirm = page.get_by_role("button", name=re.compile(yes))
    assert confirm.count() == 1  # once, pinned (not again under the card)
    assert in_view(page, confirm), confirm.bounding_box()
    line = page.get_by_text(re.compile(r"E01[:：]"), exact=False).last
    assert in_view(page, line) and ("proposed" in line.inner_text() or "提案" in line.inner_text())
    page.screenshot(path=str(artifacts / f"phone-after-typed-{lang}.png"))
    turn(page, confirm.click)
    # the button moved on: the new question is what the screen shows (the settled card, which
    # stayed in view with the question below it, is in the fold)
    latest = page.get_by_test_id("stChatMessage").last
    assert in_view(page, latest) and "E02" in latest.inner_text(), latest.bounding_box()
    page.screenshot(path=str(artifacts / f"phone-after-button-{lang}.png"))
    turn(page, lambda: type_in_chat(page, unsure))
    kept = page.get_by_role("button", name=keep, exact=True)
    assert in_view(page, kept)
    assert "E02" in page.get_by_text(re.compile(r"E02[:：]"), exact=False).last.inner_text()
    page.screenshot(path=str(artifacts / f"phone-dont-know-{lang}.png"))
    turn(page, kept.click)
    text = page.get_by_test_id("stMainBlockContainer").inner_text()
    assert ("2 of 21" in text) if lang == "en" else ("21エレメント中2件" in text)
    context.close()


CUT = """() => {
  const block = document.querySelector('[data-testid="stMainBlockContainer"]');
  const cut = [];
  for (const table of block.querySelectorAll('[data-testid="stTable"]')) {
    if (!table.offsetParent) continue;  // another tab's
    const box = table.getBoundingClientRect();
    if (box.right > window.innerWidth + 1) cut.push('table:' + Math.round(box.right));
    for (const cell of table.querySelectorAll('th, td')) {
      const r = cell.getBoundingClientRect();
      if (cell.scrollWidth > cell.clientWidth + 1 || r.right > window.innerWidth + 1) {
        cut.push(cell.innerText.slice(0, 30) + ': ' + Math.round(r.right) + ' px');
      }
    }
  }
  return {tables: block.querySelectorAll('[data-testid="stTable"]').length,
          grids: block.querySelectorAll('[data-testid="stDataFrame"]').length, cut: cut};
}"""


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_comparison_is_readable_on_a_phone(
    server: Server, browser: Any, artifacts: Path, tmp_path: Path, lang: str
) -> None:
    """Two interviews compared at 390 px: every column of the scores and of the element table
    is on the screen and no cell is cut (a grid showed only the names and cut "not compared")."""
    import json

    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["answers"]["E05"] = {"level": 2, "evidence": "A business case was written."}
    data["answers"].pop("E20")  # not yet answered in the follow-up: "not compared"
    follow = tmp_path / "riverside-2026.json"
    follow.write_text(json.dumps(data), encoding="utf-8")
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)  # fmt: skip
    page = context.new_page()
    page.goto(f"{server.url}/workspace?lang={lang}")
    upload = page.get_by_test_id("stFileUploaderDropzoneInput").first
    upload.wait_for(state="attached", timeout=60_000)
    idle(page)
    upload.set_input_files([str(EXAMPLE), str(follow)])
    idle(page)
    page.get_by_test_id("stImage").locator("img").first.wait_for(timeout=60_000)
    idle(page)
    found = page.evaluate(CUT)
    assert found["tables"] >= 2 and found["grids"] == 0, found
    assert not found["cut"], found
    not_compared = page.get_by_text("not compared" if lang == "en" else "比較できない", exact=True)
    not_compared.scroll_into_view_if_needed()
    assert not_compared.is_visible()
    shot(page, artifacts, f"phone-compare-{lang}")
    context.close()
