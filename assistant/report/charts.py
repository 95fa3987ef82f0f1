"""Charts as inline SVG strings: no JavaScript and no network, so reports stay self-contained,
light on slow connections, and printable to PDF from any browser."""

from __future__ import annotations

import math
from html import escape

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd")


def radar_svg(
    axes: list[str],
    series: list[tuple[str, list[float | None]]],
    size: int = 360,
    max_value: float = 4.0,
) -> str:
    """A radar chart: one polygon per series over the same axes (None plots at 0, dashed axis)."""
    cx = cy = size / 2
    radius = size / 2 - 70
    n = len(axes)

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = radius * value / max_value
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{size}" '
        f'height="{size}" role="img" aria-label="radar chart" font-family="sans-serif" '
        'font-size="11">'
    ]
    for ring in range(1, int(max_value) + 1):
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, ring) for i in range(n)))
        parts.append(f'<polygon points="{pts}" fill="none" stroke="#ccc" stroke-width="1"/>')
    for i, label in enumerate(axes):
        x, y = point(i, max_value)
        missing = all(values[i] is None for _, values in series)
        dash = ' stroke-dasharray="3,3"' if missing else ""
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#bbb"{dash}/>')
        lx, ly = point(i, max_value + 0.55)
        anchor = "middle" if abs(lx - cx) < 5 else ("start" if lx > cx else "end")
        parts.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" '
            f'dominant-baseline="middle">{escape(label)}</text>'
        )
    for k, (name, values) in enumerate(series):
        color = PALETTE[k % len(PALETTE)]
        pts = " ".join(
            f"{x:.1f},{y:.1f}" for x, y in (point(i, v or 0.0) for i, v in enumerate(values))
        )
        parts.append(
            f'<polygon points="{pts}" fill="{color}" fill-opacity="0.15" stroke="{color}" '
            f'stroke-width="2"><title>{escape(name)}</title></polygon>'
        )
        parts.append(f'<text x="8" y="{16 + 14 * k}" fill="{color}">&#9632; {escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def element_bars_svg(
    rows: list[tuple[str, str, int | None]],
    unknown_label: str,
    width: int = 560,
    max_value: int = 4,
) -> str:
    """Horizontal bars, one per element (id, name, level); unknowns are drawn as such."""
    row_h, label_w = 18, 250
    height = row_h * len(rows) + 24
    bar_w = width - label_w - 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="levels by element" '
        'font-family="sans-serif" font-size="11">'
    ]
    for tick in range(max_value + 1):
        x = label_w + bar_w * tick / max_value
        parts.append(
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 18}" stroke="#eee"/>'
            f'<text x="{x:.1f}" y="{height - 4}" text-anchor="middle">{tick}</text>'
        )
    for i, (eid, name, level) in enumerate(rows):
        y = i * row_h + 2
        label = f"{eid} {name}"
        if len(label) > 40:
            label = label[:39] + "…"
        parts.append(f'<text x="0" y="{y + 12}">{escape(label)}</text>')
        if level is None:
            parts.append(
                f'<rect x="{label_w}" y="{y + 2}" width="{bar_w}" height="{row_h - 6}" '
                'fill="none" stroke="#999" stroke-dasharray="4,3"/>'
                f'<text x="{label_w + 6}" y="{y + 12}" fill="#777">{escape(unknown_label)}</text>'
            )
        else:
            w = max(bar_w * level / max_value, 2)
            color = ("#d62728", "#ff7f0e", "#bcbd22", "#2ca02c", "#1f77b4")[level]
            parts.append(
                f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{row_h - 6}" '
                f'fill="{color}"><title>{escape(eid)}: {level}</title></rect>'
            )
    parts.append("</svg>")
    return "".join(parts)
