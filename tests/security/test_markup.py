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


BARE = re.compile(r"(?i)(https?|ftp|mailto|javascript):|(?<![\w.])www\.|@")
RUNS = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")


def no_bare_links(rendered: str) -> bool:
    text = re.sub(r"<[^>]+>", "", rendered)
    return not re.search(r"(?i)(https?|ftp|mailto|javascript):|(?<![\w.])www\.", text)


def no_link_in_a_text_run(markdown: str) -> bool:
    """A Markdown file's way (no invisible characters): every text run a GFM autolinker sees,
    i.e. text between escapes, holds no scheme, ``www.`` or ``@`` (a protocol-relative ``//``
    is linkify's alone: `live_tokens` renders with it)."""
    for tok in RUNS.parse(markdown):
        for child in tok.children or []:
            if child.type == "text" and BARE.search(child.content):
                return False
    return True


@settings(max_examples=400, deadline=None)
@given(HOSTILE)
def test_escaped_text_renders_nothing_live(text: str) -> None:
    for out in (escape_md(text), escape_md(text, web=False), escape_md_inline(text, web=False)):
        assert live_tokens(out) == [], (text, out)
        assert "\r" not in out and "\x1b" not in out and "\u202e" not in out
    assert no_bare_links(MD.render(escape_md(text))), text  # the web page: joiners
    for out in (escape_md(text, web=False), escape_md_inline(text, web=False)):  # a file
        assert no_link_in_a_text_run(out), (text, out)
        assert out.count("\u2060") == text.count("\u2060"), (text, out)  # none inserted


@settings(max_examples=200, deadline=None)
@given(st.lists(HOSTILE, min_size=2, max_size=2))
def test_a_hostile_cell_keeps_the_report_table_to_its_rows(cells: list[str]) -> None:
    md = to_markdown("T", [Table(headers=["a", "b"], rows=[cells])])
    tokens = [t.type for t in MD.parse(md)]
    assert tokens.count("tr_open") == 2 and tokens.count("td_open") == 2, md
    assert tokens.count("heading_open") == 1, md  # the title only
    assert no_link_in_a_text_run(md), md
    assert md.count("\u2060") == "".join(cells).count("\u2060"), md  # none inserted


def test_every_payload_is_inert_in_web_and_report_markdown() -> None:
    for payload in PAYLOADS.values():
        web, file = inert(payload), escape_md_inline(payload, web=False)
        assert live_tokens(web) == [] and no_bare_links(MD.render(web)), (payload, web)
        assert live_tokens(file) == [] and no_link_in_a_text_run(file), (payload, file)


def test_plain_text_reads_the_same_after_rendering() -> None:
    text = "Riverside (pop. 850,000) - 2026-11-24T09:30 #1 [draft]"
    for out in (escape_md(text), escape_md_inline(text, web=False)):
        rendered = re.sub(r"<[^>]+>", "", MD.render(out)).strip()
        assert rendered.replace("\u2060", "") == text


def test_a_markdown_file_reads_cleanly_and_its_addresses_stay_text() -> None:
    """No invisible joiner in a file: an address reads as typed once rendered, yet is no link."""
    text = "Harbor <b>City</b> [x](http://evil.example/) www.evil.example a@b.example //cdn.evil"
    out = escape_md_inline(text, web=False)
    assert "\u2060" not in out and "http\\://evil.example/" in out
    assert live_tokens(out) == [] and no_link_in_a_text_run(out)
    rendered = re.sub(r"<[^>]+>", "", MD.render(out)).strip()
    assert rendered.replace("&lt;", "<").replace("&gt;", ">") == text
