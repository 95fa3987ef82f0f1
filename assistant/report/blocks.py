"""A tiny document model (headings, paragraphs, lists, tables, charts) rendered to Markdown or to
one self-contained HTML page. Reports, briefs and comparisons build blocks once and get both
formats, and every user- or document-provided string is escaped in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from assistant.markup import escape_md_inline


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Para:
    text: str
    muted: bool = False


@dataclass(frozen=True)
class Bullets:
    items: list[str]


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    highlight: list[bool] = field(default_factory=list)  # per row


@dataclass(frozen=True)
class Chart:
    svg: str  # trusted: built by assistant.report.charts, which escapes its labels
    alt: str


@dataclass(frozen=True)
class ChartRow:
    """Charts side by side on a wide page or in print (stacked on a phone)."""

    charts: list[Chart]


@dataclass(frozen=True)
class PageBreak:
    """A new printed page (the appendix starts on its own page); nothing on screen."""


Block = Heading | Para | Bullets | Table | Chart | ChartRow | PageBreak


def _md_escape(text: str) -> str:
    """Keep user text inert in Markdown: no HTML, links, images, headings or table breaks."""
    return escape_md_inline(text, web=False)


def to_markdown(title: str, blocks: list[Block]) -> str:
    out = [f"# {_md_escape(title)}", ""]
    for b in blocks:
        if isinstance(b, Heading):
            out += ["#" * b.level + " " + _md_escape(b.text), ""]
        elif isinstance(b, Para):
            text = _md_escape(b.text)
            out += [f"*{text}*" if b.muted else text, ""]
        elif isinstance(b, Bullets):
            out += [f"- {_md_escape(i)}" for i in b.items] + [""]
        elif isinstance(b, Table):
            out.append("| " + " | ".join(_md_escape(h) for h in b.headers) + " |")
            out.append("|" + "---|" * len(b.headers))
            for i, row in enumerate(b.rows):
                mark = "**" if b.highlight and b.highlight[i] else ""
                cells = [f"{mark}{_md_escape(c)}{mark}" if c else "" for c in row]
                out.append("| " + " | ".join(cells) + " |")
            out.append("")
        elif isinstance(b, Chart | ChartRow):
            continue  # a picture has no Markdown form; the tables carry the same numbers
        elif isinstance(b, PageBreak):
            out += ["---", ""]
    return "\n".join(out).rstrip() + "\n"


CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans CJK JP",
"Noto Sans JP",sans-serif;max-width:900px;margin:2em auto;padding:0 1em;color:#222;
line-height:1.5;overflow-wrap:break-word}
h1{border-bottom:2px solid #1f77b4;padding-bottom:.2em}h2{margin-top:1.6em;color:#1f4e79}
table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.92em}
th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f0f4f8}tr.hl td{background:#fff4cc}.muted{color:#666;font-size:.9em}
figure{margin:1em 0}svg{max-width:100%;height:auto}
.charts{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}
.charts figure{flex:1 1 300px;margin:0}
li{margin:.15em 0}
@page{size:A4;margin:14mm 14mm 16mm 14mm;
@bottom-right{content:counter(page) " / " counter(pages);font-size:8pt;color:#666}}
@media print{body{margin:0;max-width:none;padding:0;font-size:9pt;line-height:1.35}
h1{font-size:15pt;margin:0 0 .3em}h2{font-size:11.5pt;margin:.8em 0 .25em;page-break-after:avoid}
h3{font-size:10pt;margin:.6em 0 .2em;page-break-after:avoid}
h4{font-size:9pt;margin:.5em 0 .1em;page-break-after:avoid}p,ul{margin:.25em 0}
table{font-size:8pt}tr{page-break-inside:avoid}.pb{page-break-before:always}
.charts{display:block}.charts figure{display:inline-block;vertical-align:top;width:48%}}
"""


def to_html(title: str, blocks: list[Block], lang: str) -> str:
    """One page with inline CSS and SVG: no scripts, no external resources."""
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">",
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
    ]
    for b in blocks:
        if isinstance(b, Heading):
            out.append(f"<h{b.level}>{escape(b.text)}</h{b.level}>")
        elif isinstance(b, Para):
            cls = ' class="muted"' if b.muted else ""
            out.append(f"<p{cls}>{escape(b.text)}</p>")
        elif isinstance(b, Bullets):
            out.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in b.items) + "</ul>")
        elif isinstance(b, Table):
            head = "".join(f"<th>{escape(h)}</th>" for h in b.headers) if any(b.headers) else ""
            rows = []
            for i, row in enumerate(b.rows):
                cls = ' class="hl"' if b.highlight and b.highlight[i] else ""
                rows.append(f"<tr{cls}>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>")
            out.append(
                f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            )
        elif isinstance(b, Chart):
            out.append(f'<figure aria-label="{escape(b.alt)}">{b.svg}</figure>')
        elif isinstance(b, ChartRow):
            figs = "".join(
                f'<figure aria-label="{escape(c.alt)}">{c.svg}</figure>' for c in b.charts
            )
            out.append(f'<div class="charts">{figs}</div>')
        elif isinstance(b, PageBreak):
            out.append('<div class="pb"></div>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"
