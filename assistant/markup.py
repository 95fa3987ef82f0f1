"""The one Markdown escaper: user- and document-provided text shown literally, never as markup.

Every Markdown output (the web app's ``st.markdown``/``st.error`` and the Markdown reports) goes
through `escape_md`, so a city name, an answer or a passage can never introduce an image, a link,
raw HTML, a heading or a broken table. Three things escaping alone does not stop, handled here:
control characters (a ``\\r`` splits a table row), bidi overrides (text that reads backwards) and
bare URLs or e-mail addresses. On the web page (Streamlit's renderer links them *after*
unescaping) an invisible word joiner (U+2060) inside ``http:``, ``www.``, ``//`` and before ``@``
keeps them plain text. A Markdown *file* must read cleanly, so there the same places get a
backslash (``http\\://``, ``www\\.``, ``/\\/``, ``\\@``): CommonMark renders the character,
and a GFM autolinker, which matches unescaped ``:``, ``www.`` and ``@`` in one text run, sees none.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates, LS/PS.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)
_SCHEME = re.compile(
    r"(?i)(https?|ftp|mailto|xmpp|file|javascript|vbscript|data|irc|tel|sms)(?=:)|(www)(?=\.)"
)
# Every character CommonMark treats as markup somewhere; the web set adds Streamlit's own
# syntax (``:emoji:``, ``:red[...]``, ``$math$``).
_REPORT_SPECIAL = re.compile(r"([\\`*_\[\]!#|~{}])")
_WEB_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|$~:])")
_SETEXT = re.compile(r"^(\s*)=", re.MULTILINE)
# Only what starts a block: a list marker needs a space after it, so "+2" and "-3%" stay as written.
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])(?=\s|$)|^(\s*)([-+](?=\s|$)|[=>])", re.MULTILINE)


def strip_controls(text: str) -> str:
    """Text without control characters or bidi overrides; ``\\r\\n`` and ``\\r`` become ``\\n``."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _defuse_autolinks(text: str) -> str:
    text = _SCHEME.sub(lambda m: m.group(0) + WORD_JOINER, text)
    return text.replace("@", WORD_JOINER + "@").replace("//", "/" + WORD_JOINER + "/")


def _escape_autolinks(text: str) -> str:
    """The file's way: a backslash before the ``:`` of a scheme, the ``.`` of ``www.``, the
    second ``/`` of a ``//`` that follows no scheme, and every ``@`` (no invisible characters)."""
    text = _SCHEME.sub(lambda m: m.group(0) + "\\", text)
    return re.sub(r"(?<![:/])//", r"/\\/", text.replace("@", "\\@"))


def escape_md(text: str, *, inline: bool = False, web: bool = True) -> str:
    """`text` as literal Markdown.

    ``inline`` folds line breaks into spaces (table cells, headings, list items); otherwise they
    stay. ``web`` escapes Streamlit's extra syntax too; reports escape only what CommonMark needs
    (so dates and ratios stay readable in the raw file) and write ``<``/``>``/``&`` as entities,
    which every Markdown dialect shows literally.
    """
    text = strip_controls(text)
    if inline:
        text = re.sub(r"\s*\n\s*", " ", text)
    if web:
        text = _defuse_autolinks(text)
        return _SETEXT.sub(r"\1\\=", _WEB_SPECIAL.sub(r"\\\1", text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _escape_autolinks(_REPORT_SPECIAL.sub(r"\\\1", text))
    return _LINE_START.sub(lambda m: f"{m[1]}{m[2]}\\{m[3]}" if m[2] else f"{m[4]}\\{m[5]}", text)


def escape_md_inline(text: str, *, web: bool = True) -> str:
    """`escape_md` on one line: line breaks become spaces."""
    return escape_md(text, inline=True, web=web)
