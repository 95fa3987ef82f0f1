"""The screens' charts: the report's own SVG charts (``assistant.report.charts``), one renderer for
the screen and the paper, shown as images.

Plotly's JavaScript (0.6–1.3 s of the browser's work on the first Results visit, and two charts
laid out on every visit) is gone. An SVG shown by ``st.image`` is an ``<img>`` of a data URI: the
browser runs no script in it and fetches nothing it names, and the chart code escapes every
label, so a city's or a file's name stays text. Each chart carries its values in words as the
image's text alternative (a screen reader, or an image that does not load).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from assistant.catalogue import t
from assistant.models import Framework, Lang
from assistant.report.charts import element_bars_svg, radar_svg
from assistant.scoring.result import Assessment

# The radar's natural size (viewBox 480 × 376) drawn smaller: beside the priorities on a desktop,
# the whole width of a phone.
RADAR_WIDTH = 420
BARS_WIDTH = 520  # the bars' 440 a little larger: their labels are 11 px at their own size


@dataclass(frozen=True)
class Chart:
    """An SVG chart and what it shows in words (its alt text)."""

    svg: str
    alt: str


def _score(value: float | None, lang: Lang) -> str:
    return t("terms.unknown", lang) if value is None else f"{value:.2f}"


def radar(fw: Framework, named: list[tuple[str, Assessment]], lang: Lang) -> Chart:
    """One polygon per interview over the five domains (0–4); a domain no interview could score
    is marked unknown in its label (and its axis is dashed)."""
    axes = [
        t("ui.unknown_axis", lang, name=d.name.get(lang))
        if all(r.domains[d.id].score is None for _, r in named)
        else d.name.get(lang)
        for d in fw.domains
    ]
    series = [(name, [r.domains[d.id].score for d in fw.domains]) for name, r in named]
    comma = t("ui.list_comma", lang)
    values = " / ".join(
        f"{name} — "
        + comma.join(
            f"{d.name.get(lang)} {_score(r.domains[d.id].score, lang)}" for d in fw.domains
        )
        for name, r in named
    )
    alt = t("ui.chart_in_words", lang, chart=t("report.radar_alt", lang), values=values)
    return Chart(radar_svg(axes, series), alt)


def element_bars(fw: Framework, result: Assessment, lang: Lang) -> Chart:
    """The 21 elements by level, E01 at the top; an unknown is a dashed outline labelled so."""
    unknown, missing = t("terms.unknown", lang), t("report.not_answered", lang)
    rows = [(e.id, e.name.get(lang), result.elements[e.id].level) for e in fw.elements]
    values = t("ui.list_comma", lang).join(
        f"{eid} {lv if lv is not None else missing if eid in result.not_answered else unknown}"
        for eid, _, lv in rows
    )
    alt = t("ui.chart_in_words", lang, chart=t("ui.element_chart", lang), values=values)
    svg = element_bars_svg(rows, unknown, missing=result.not_answered, missing_label=missing)
    return Chart(svg, alt)


def show(chart: Chart, width: int | None = None) -> None:
    """The chart as an image: at ``width`` pixels (or its own size), never wider than the
    column it is in."""
    st.image(chart.svg, alt=chart.alt, width=width if width is not None else "content")
