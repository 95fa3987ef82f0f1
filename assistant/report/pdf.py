"""HTML to PDF on the server with WeasyPrint: pure Python over Pango, works offline, embeds
(subsets of) the fonts it uses, so Japanese prints with Noto Sans CJK wherever fontconfig finds
it. Why WeasyPrint rather than headless Chromium: see docs/reports.md."""

from __future__ import annotations

import logging


def html_to_pdf(html: str) -> bytes:
    """The report's own HTML (inline CSS and SVG, no external resources) as A4 PDF bytes."""
    from weasyprint import HTML  # imported late: `score` and the web app start without it

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()


def _no_fetch(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    """Reports are self-contained: refuse every fetch (no network, no local files)."""
    raise ValueError(f"external resource refused: {url[:60]}")
