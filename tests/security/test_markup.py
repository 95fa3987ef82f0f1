"""The one Markdown escaper: whatever the input, CommonMark (with GFM tables and linkify) renders
no image, link, HTML, heading or extra table row that the input introduced."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from assistant.markup import escape_md, escape_md_inline
from assistant.report.blocks import Table, to_markdown
from assistant.web.text import inert
from tests.security.payloads import PAYLOADS

MD = MarkdownIt("commonmark", {"linkify": True}).enable(["linkify", "table", "strikethrough"])
MD.linkify.set({"fuzzy_link": False, "fuzzy_email": True})
LIVE = {"image", "link_open", "html_inline", "html_block", "heading_open", "fence"}
# The raw material of markup, weighted so that hypothesis tries the dangerous combinations.
ALPHABET = st.sampled_from(
    [
        *"[]()!<>#|*_`\\:/.@-=+~$&; \n\r\t\x00\x1b\u202e",
        "http",
        "https://",
        "www.",
        "javascript:",
        "a",
        "img",
        "<script>",
        "e.com",
        "1.",
    ]
)
HOSTILE = st.one_of(st.text(), st.lists(ALPHABET, max_size=40).map("".join))


def live_tokens(markdown: str) -> list[str]:
    found = []
    for tok in MD.parse(markdown):
        found.append(tok.type)
        found += [child.type for child in tok.children or []]
    return [t for t in found if t in LIVE]


def no_bare_links(rendered: str) -> bool:
    text = re.sub(r"<[^>]+>", "", rendered)
    return not re.search(r"(?i)(https?|ftp|mailto|javascript):|(?<![\w.])www\.", text)


@settings(max_examples=400, deadline=None)
@given(HOSTILE)
def test_escaped_text_renders_nothing_live(text: str) -> None:
    for out in (escape_md(text), escape_md(text, web=False), escape_md_inline(text, web=False)):
        assert live_tokens(out) == [], (text, out)
        assert no_bare_links(MD.render(out)), (text, out)
        assert "\r" not in out and "\x1b" not in out and "\u202e" not in out


@settings(max_examples=200, deadline=None)
@given(st.lists(HOSTILE, min_size=2, max_size=2))
def test_a_hostile_cell_keeps_the_report_table_to_its_rows(cells: list[str]) -> None:
    md = to_markdown("T", [Table(headers=["a", "b"], rows=[cells])])
    tokens = [t.type for t in MD.parse(md)]
    assert tokens.count("tr_open") == 2 and tokens.count("td_open") == 2, md
    assert tokens.count("heading_open") == 1, md  # the title only
    assert no_bare_links(MD.render(md)), md


def test_every_payload_is_inert_in_web_and_report_markdown() -> None:
    for payload in PAYLOADS.values():
        for out in (inert(payload), escape_md_inline(payload, web=False)):
            assert live_tokens(out) == [] and no_bare_links(MD.render(out)), (payload, out)


def test_plain_text_reads_the_same_after_rendering() -> None:
    text = "Riverside (pop. 850,000) - 2026-11-24T09:30 #1 [draft]"
    for out in (escape_md(text), escape_md_inline(text, web=False)):
        rendered = re.sub(r"<[^>]+>", "", MD.render(out)).strip()
        assert rendered.replace("\u2060", "") == text
