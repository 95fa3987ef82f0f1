"""Plotly figures for the screens (the downloadable reports use the SVG charts instead).

Plotly renders labels as text, never as HTML we wrote, so city names and file names are safe in
legends; its JavaScript ships with Streamlit, so nothing is fetched from the network.
"""

from __future__ import annotations

import html

import plotly.graph_objects as go

from assistant.catalogue import t
from assistant.models import Framework, Lang
from assistant.report.charts import fit_label
from assistant.scoring.result import Assessment

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd")
# Light to dark in one hue (readable in grey, like the printed report); each bar shows its number.
LEVEL_COLOURS = ("#deebf7", "#9ecae1", "#6baed6", "#2171b5", "#08306b")
UNKNOWN_COLOUR = "#bdbdbd"


def radar(fw: Framework, named: list[tuple[str, Assessment]], lang: Lang) -> go.Figure:
    """One closed polygon per interview over the five domains (0–4); unknown domains plot at 0
    and are marked in the axis label."""
    axes = [d.name.get(lang) for d in fw.domains]
    unknown_axes = {
        i for i, d in enumerate(fw.domains) if all(r.domains[d.id].score is None for _, r in named)
    }
    labels = [
        f"{a}<br>({t('terms.unknown', lang)})"
        if i in unknown_axes
        else a.replace(" ", "<br>", 1)
        if len(a) > 12
        else a
        for i, a in enumerate(axes)
    ]
    fig = go.Figure()
    for n, (name, result) in enumerate(named):
        values = [result.domains[d.id].score for d in fw.domains]
        r = [v if v is not None else 0 for v in values]
        colour = PALETTE[n % len(PALETTE)]
        fig.add_trace(
            go.Scatterpolar(
                r=[*r, r[0]],
                theta=[*labels, labels[0]],
                name=html.escape(name),  # Plotly renders <a>, <b>, <br> in names
                fill="toself",
                opacity=0.55 if len(named) > 1 else 0.7,
                line={"color": colour},
                hovertemplate="%{theta}: %{r:.2f}<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_layout(
        polar={
            "radialaxis": {
                "range": [0, 4],
                "tickvals": [0, 1, 2, 3, 4],
                "ticktext": ["0", "1", "2", "3", "4"],
                "showticklabels": True,
                "angle": 90,
                "tickangle": 90,
            },
            "angularaxis": {"tickfont": {"size": 12}, "rotation": 90, "direction": "clockwise"},
        },
        showlegend=len(named) > 1,
        legend={"orientation": "h", "y": -0.15},
        margin={"l": 70, "r": 70, "t": 40, "b": 40},
        height=380,
    )
    return fig


def element_bars(fw: Framework, result: Assessment, lang: Lang) -> go.Figure:
    """The 21 elements by level, E01 at the top; unknowns as a short grey bar labelled so."""
    ids, names, xs, colours, texts = [], [], [], [], []
    for e in fw.elements:
        level = result.elements[e.id].level
        ids.append(e.id)
        names.append(fit_label(f"{e.id} {e.name.get(lang)}", 24))
        if level is None:
            xs.append(0.25)
            colours.append(UNKNOWN_COLOUR)
            texts.append(t("terms.unknown", lang))
        else:
            xs.append(max(level, 0.06))
            colours.append(LEVEL_COLOURS[level])
            texts.append(str(level))
    fig = go.Figure(
        go.Bar(
            x=xs,
            y=names,
            orientation="h",
            marker={"color": colours, "line": {"color": "#08306b", "width": 0.5}},
            text=texts,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_layout(
        xaxis={"range": [0, 4.6], "tickvals": [0, 1, 2, 3, 4], "title": t("terms.level", lang)},
        yaxis={"autorange": "reversed", "automargin": True},
        margin={"l": 4, "r": 24, "t": 10, "b": 40},
        height=max(420, 24 * len(ids) + 60),
        showlegend=False,
    )
    return fig
