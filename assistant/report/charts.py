"""Charts as inline SVG strings: no JavaScript and no network, so reports stay self-contained,
light on slow connections, and printable to PDF (WeasyPrint or any browser)."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection
from html import escape as _escape

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd")
# Levels 0-4 from light to dark in one hue: the order stays readable when printed in grey, and
# every bar also carries its number.
LEVEL_FILLS = ("#deebf7", "#9ecae1", "#6baed6", "#2171b5", "#08306b")
DASHES = ("", "6,3", "2,2", "8,3,2,3")
# Characters XML 1.0 forbids (C0 controls but tab/newline/return, lone surrogates, U+FFFE/FFFF):
# one in a city or file name would make the whole SVG unreadable where it is shown as an image.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text for an SVG: markup characters escaped, characters XML forbids dropped."""
    return _escape(NOT_XML.sub("", text))


def fit_label(text: str, columns: int) -> str:
    """Cut a label to ``columns`` (a CJK character counts two), with an ellipsis."""
    used, out = 0, ""
    for ch in text:
        used += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used > columns:
            return out[:-1] + "…"
        out += ch
    return out


def _lines(text: str, width: int) -> list[str]:
    """Wrap a label onto at most two lines (by words, or by characters for CJK)."""
    if len(text) <= width:
        return [text]
    words = text.split(" ")
    if len(words) > 1:
        first = ""
        for i, w in enumerate(words):
            if first and len(first) + 1 + len(w) > width:
                rest = " ".join(words[i:])
                return [first, rest if len(rest) <= width + 4 else rest[: width + 3] + "…"]
            first = f"{first} {w}".strip()
        return [first]
    return [text[:width], text[width : 2 * width]]


def radar_svg(
    axes: list[str],
    series: list[tuple[str, list[float | None]]],
    size: int = 360,
    max_value: float = 4.0,
) -> str:
    """A radar chart: one polygon per series over the same axes (None plots at 0, dashed axis);
    rings 0-4 are labelled, and axis labels wrap and stay inside the picture."""
    width = size + 120  # room left and right for the axis labels
    cx, cy = width / 2, size / 2 + 8
    radius = size / 2 - 56
    n = len(axes)
    legend = len(series) > 1

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = radius * value / max_value
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    height = size + 16 + (16 * len(series) if legend else 0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="radar chart" font-family="sans-serif" '
        'font-size="12">'
    ]
    for ring in range(1, int(max_value) + 1):
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, ring) for i in range(n)))
        parts.append(f'<polygon points="{pts}" fill="none" stroke="#ccc" stroke-width="1"/>')
    for ring in range(int(max_value) + 1):  # the scale, along the first axis
        x, y = point(0, ring)
        parts.append(
            f'<text x="{x + 4:.1f}" y="{y + 4:.1f}" font-size="10" fill="#666">{ring}</text>'
        )
    for i, label in enumerate(axes):
        x, y = point(i, max_value)
        missing = all(values[i] is None for _, values in series)
        dash = ' stroke-dasharray="3,3"' if missing else ""
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#bbb"{dash}/>')
        lx, ly = point(i, max_value + 0.6)
        anchor = "middle" if abs(lx - cx) < 5 else ("start" if lx > cx else "end")
        lines = _lines(label, 14)
        ly -= 7 * (len(lines) - 1) if ly < cy else 0
        spans = "".join(
            f'<tspan x="{lx:.1f}" dy="{0 if k == 0 else 14}">{escape(t)}</tspan>'
            for k, t in enumerate(lines)
        )
        parts.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" '
            f'dominant-baseline="middle">{spans}</text>'
        )
    for k, (name, values) in enumerate(series):
        color = PALETTE[k % len(PALETTE)]
        dash = f' stroke-dasharray="{DASHES[k % len(DASHES)]}"' if k else ""
        pts = " ".join(
            f"{x:.1f},{y:.1f}" for x, y in (point(i, v or 0.0) for i, v in enumerate(values))
        )
        parts.append(
            f'<polygon points="{pts}" fill="{color}" fill-opacity="0.15" stroke="{color}" '
            f'stroke-width="2"{dash}><title>{escape(name)}</title></polygon>'
        )
        if legend:
            y = size + 12 + 16 * k
            parts.append(
                f'<line x1="8" y1="{y - 4}" x2="34" y2="{y - 4}" stroke="{color}" '
                f'stroke-width="3"{dash}/><text x="40" y="{y}" fill="#222">{escape(name)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def element_bars_svg(
    rows: list[tuple[str, str, int | None]],
    unknown_label: str,
    width: int = 440,
    max_value: int = 4,
    missing: Collection[str] = (),
    missing_label: str = "",
) -> str:
    """Horizontal bars, one per element (id, short name, level), each with its number; light to
    dark by level so the chart reads in grey; unknowns are a dashed outline labelled so (those
    in ``missing``, not yet answered, with ``missing_label``)."""
    row_h, label_w = 17, 200
    height = row_h * len(rows) + 24
    bar_w = width - label_w - 24
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="levels by element" '
        'font-family="sans-serif" font-size="11">'
    ]
    for tick in range(max_value + 1):
        x = label_w + bar_w * tick / max_value
        parts.append(
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 18}" stroke="#ddd"/>'
            f'<text x="{x:.1f}" y="{height - 4}" text-anchor="middle">{tick}</text>'
        )
    for i, (eid, name, level) in enumerate(rows):
        y = i * row_h + 2
        label = fit_label(f"{eid} {name}", 31)
        parts.append(f'<text x="0" y="{y + 11}">{escape(label)}</text>')
        if level is None:
            parts.append(
                f'<rect x="{label_w}" y="{y + 1}" width="{bar_w}" height="{row_h - 5}" '
                'fill="none" stroke="#777" stroke-dasharray="4,3"/>'
                f'<text x="{label_w + 6}" y="{y + 11}" fill="#444">'
                f"{escape(missing_label if eid in missing else unknown_label)}</text>"
            )
        else:
            w = max(bar_w * level / max_value, 2)
            parts.append(
                f'<rect x="{label_w}" y="{y + 1}" width="{w:.1f}" height="{row_h - 5}" '
                f'fill="{LEVEL_FILLS[level]}" stroke="#08306b" stroke-width="0.5">'
                f"<title>{escape(eid)}: {level}</title></rect>"
                f'<text x="{label_w + w + 4:.1f}" y="{y + 11}" font-weight="bold">{level}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
