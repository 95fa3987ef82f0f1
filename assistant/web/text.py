"""Keep user- and document-provided text inert: escaped for ``st.markdown``, or plain text."""

from __future__ import annotations

import re
import unicodedata

import streamlit as st

from assistant.lang import is_cjk
from assistant.markup import escape_md, strip_controls


def inert(text: str) -> str:
    """Escape every Markdown (and math) control character so the text shows literally.

    Streamlit never renders raw HTML from Markdown unless told to; this also stops links,
    images, emphasis and ``$`` math in an official's answer or an uploaded document.
    """
    return escape_md(text)


def plain(text: str) -> None:
    """Show text with ``st.text``: never parsed as Markdown or HTML and never auto-linked, so it
    needs no escaping and no invisible word joiner (an address copies as typed). Control
    characters and bidi overrides are still dropped."""
    st.text(strip_controls(text))


def inert_lines(text: str) -> str:
    """Like ``inert`` but keeps line breaks as Markdown hard breaks."""
    return "  \n".join(inert(line) for line in text.splitlines())


def slug(text: str, fallback: str = "assessment") -> str:
    """A file-name part for downloads: letters (any script, so 名古屋市 keeps its name and two
    cities never share one), digits and marks; everything else, path separators, dots and
    control or bidi characters included, becomes one dash."""
    out = "".join(
        ch if unicodedata.category(ch)[0] in "LNM" else "-"
        for ch in unicodedata.normalize("NFKC", text).lower()
    )
    s = re.sub(r"-+", "-", out).strip("-")[:40].strip("-")
    return s or fallback


def inert_paragraphs(text: str) -> str:
    """A document passage, inert, with its hard-wrapped lines joined back into paragraphs."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        out = ""
        for line in (x.strip() for x in block.splitlines() if x.strip()):
            if out and not (is_cjk(out[-1]) and is_cjk(line[0])):
                out += " "
            out += line
        paragraphs.append(inert(out))
    return "\n\n".join(paragraphs)
