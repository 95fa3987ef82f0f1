"""The Results page: the profile of one interview (the current one or a loaded answers file)."""

from __future__ import annotations

import streamlit as st

from assistant.answers_io import dump_answers
from assistant.catalogue import t
from assistant.knowledge.chunk import Chunk
from assistant.models import AnswersFile, Framework, Lang
from assistant.report.document import explanation_blocks, report_html, report_markdown
from assistant.report.pdf import html_to_pdf
from assistant.report.words import (
    level_word,
    next_steps,
    option_line,
    priorities_in_words,
    relevance_word,
    stage_short,
)
from assistant.scoring import Assessment, assess
from assistant.scoring.result import CooperationMatch
from assistant.web import charts, loading, memo, resources, state, views
from assistant.web.citations import cooperation_sources
from assistant.web.text import inert, slug

TOP_OPTIONS = 5  # per level; the rest are listed more briefly
MAX_SOURCES = 4  # the menu line and up to three guidance passages


def render() -> None:
    lang = state.lang()
    settings = resources.current_settings()
    fw = resources.framework(settings)
    st.title(t("ui.results_title", lang))
    sources = loading.available(resources.session_store(settings), lang)
    with st.expander(t("ui.load_answers", lang), expanded=not sources, icon=":material/upload:"):
        loading.answers_uploader("results-upload", lang)
    sources = loading.available(resources.session_store(settings), lang)
    if not sources:
        st.info(t("ui.results_empty", lang), icon=":material/info:")
        return
    names = list(sources)
    choice = (
        st.selectbox(t("ui.showing", lang), names, key="results-choice")
        if len(names) > 1
        else names[0]
    )
    answers = sources[choice]
    result = assess(fw, answers, lang)
    assessment_view(fw, answers, result, lang, str(settings.knowledge_dir))


PLOT_CONFIG = {"displayModeBar": False, "responsive": True}  # no toolbar over the chart


def report_files(
    fw: Framework, answers: AnswersFile, result: Assessment, lang: Lang
) -> list[tuple[str, object, str, str]]:
    """The downloads: answers JSON (importable), the report as PDF (made on click), Markdown
    and HTML in ``lang``."""
    generated = views.now()
    base = slug(answers.city.name)
    html = report_html(fw, answers, result, generated)
    return [
        (
            t("report.dl_report_pdf", lang),
            lambda: html_to_pdf(html),
            f"{base}-report-{lang}.pdf",
            "application/pdf",
        ),
        (t("ui.dl_answers", lang), dump_answers(answers), f"{base}-answers.json", "application/json"),
        (
            t("ui.dl_report_md", lang),
            report_markdown(fw, answers, result, generated),
            f"{base}-report-{lang}.md",
            "text/markdown",
        ),
        (
            t("ui.dl_report_html", lang),
            html,
            f"{base}-report-{lang}.html",
            "text/html",
        ),
    ]


def assessment_view(
    fw: Framework, answers: AnswersFile, result: Assessment, lang: Lang, knowledge_dir: str
) -> None:
    """Stage and approach, charts, evidence, priorities, scale-up, cooperation, downloads."""
    city = answers.city
    st.header(inert(city.name))
    st.caption(
        inert(" · ".join(x for x in (city.country, t(f"terms.city_types.{city.city_type}", lang)) if x))
    )

    c1, c2, c3 = st.columns([2, 1, 1])
    c1.metric(t("terms.stage", lang), stage_short(fw, result, lang))
    c2.metric(t("ui.overall", lang), "–" if result.overall is None else f"{result.overall:.2f} / 4")
    c3.metric(t("terms.answered", lang), f"{result.answered} / {result.total}")

    built = memo.fingerprint(answers, lang)  # charts and files: rebuilt when the answers change
    st.subheader(t("ui.downloads", lang), divider="gray")
    files = memo.once("results-files", built, lambda: report_files(fw, answers, result, lang))
    views.downloads(files, key="results")
    st.caption(t("ui.dl_hint", lang))

    st.subheader(t("terms.stage", lang), divider="gray")
    if result.stage == "insufficient_data":
        st.warning(t("report.insufficient", lang), icon=":material/warning:")
    else:
        st.info(inert(fw.stage(result.stage).fits.get(lang)), icon=":material/flag:")
    st.markdown(f"**{inert(t('ui.approach_for_stage', lang))}**")
    st.markdown("\n".join(f"- {inert(x)}" for x in result.approach.stage_approach))

    left, right = st.columns([1, 1])
    with left:
        st.subheader(t("ui.domain_chart", lang), divider="gray")
        radar = memo.once(
            "results-radar", built, lambda: charts.radar(fw, [(city.name, result)], lang)
        )
        st.plotly_chart(radar, key="results-radar", config=PLOT_CONFIG)
    with right:
        priorities_view(fw, result, lang)

    clarify_view(fw, result, lang)
    st.subheader(t("report.next_steps", lang), divider="gray")
    st.markdown("\n".join(f"1. {inert(x)}" for x in next_steps(fw, result, lang)))

    st.subheader(t("ui.element_chart", lang), divider="gray")
    bars = memo.once("results-bars", built, lambda: charts.element_bars(fw, result, lang))
    st.plotly_chart(bars, key="results-bars", config=PLOT_CONFIG)
    with st.expander(t("ui.evidence_table", lang), expanded=True):
        views.text_table(  # four columns, so the evidence fits beside them on a phone
            ["ID", t("terms.element", lang), t("terms.level", lang), t("terms.evidence", lang)],
            [
                [
                    e.id,
                    e.name.get(lang),
                    t("report.unknown_clarify", lang)
                    if (lv := result.elements[e.id].level) is None
                    else str(lv),
                    result.elements[e.id].evidence,
                ]
                for e in fw.elements
            ],
        )
        st.caption(t("report.rubric_note", lang))

    st.subheader(t("terms.approach", lang), divider="gray")
    a = result.approach
    st.markdown(f"**{inert(t('terms.scale_up', lang))}:** {inert(t(f'report.scale_way.{a.scale_up}', lang))}")
    st.caption(inert(a.scale_up_because))
    st.markdown(f"**{inert(t('terms.direction', lang))}**")
    st.markdown("\n".join(f"- {inert(x)}" for x in a.direction))

    cooperation_view(fw, result, lang, knowledge_dir)

    with st.expander(t("terms.explanation", lang)):
        views.blocks(explanation_blocks(fw, result, lang)[1:])


def priorities_view(fw: Framework, result: Assessment, lang: Lang) -> None:
    """Each priority with why it is one, what would raise it, and the options that address it."""
    st.subheader(t("terms.priorities", lang), divider="gray")
    prios = priorities_in_words(fw, result, lang)
    if not prios:
        st.markdown(t("ui.none_found", lang))
    for p in prios:
        level = result.elements[p.element_id].level
        st.markdown(f"**{inert(p.title)}** · {inert(level_word(level, lang))}")
        lines = [f"{t('report.why_priority', lang)}: {p.why}"]
        if p.to_raise:
            lines.append(f"{t('report.to_raise', lang)}: {p.to_raise}")
        lines += [f"{t('report.options_for', lang)}: {option_line(fw, m, lang)}" for m in p.options]
        st.markdown("\n".join(f"- {inert(x)}" for x in lines))


def clarify_view(fw: Framework, result: Assessment, lang: Lang) -> None:
    """Unknown answers, flagged "to clarify" with the question to ask."""
    if not result.unknown:
        return
    st.subheader(t("report.to_clarify", lang), divider="gray")
    for eid in result.unknown:
        e = fw.element(eid)
        st.warning(
            f"**{inert(e.id)} {inert(e.name.get(lang))}** — "
            f"{inert(t('report.clarify_line', lang, question=e.question.get(lang)))}",
            icon=":material/help:",
        )


def cooperation_view(fw: Framework, result: Assessment, lang: Lang, knowledge_dir: str) -> None:
    """National and city options, the strongest first, each with the gaps that triggered it
    and its sources (the brochure's menu line, then the guidance that discusses it)."""
    st.subheader(t("terms.cooperation", lang), divider="gray")
    passages = cooperation_sources(knowledge_dir, lang)
    for level in ("national", "city"):
        st.markdown(f"#### {t(f'terms.coop_level.{level}', lang)}")
        matches = [m for m in result.cooperation if m.level == level]
        if not matches:
            st.markdown(t("ui.none_found", lang))
        for m in matches[:TOP_OPTIONS]:
            option(fw, result, m, passages.get(m.id, []), lang)
        if len(matches) > TOP_OPTIONS:
            with st.expander(t("ui.more_options", lang, n=len(matches) - TOP_OPTIONS)):
                for m in matches[TOP_OPTIONS:]:
                    option(fw, result, m, passages.get(m.id, []), lang, with_sources=False)


def option(
    fw: Framework,
    result: Assessment,
    m: CooperationMatch,
    chunks: list[Chunk],
    lang: Lang,
    with_sources: bool = True,
) -> None:
    with st.container(border=True):
        st.markdown(f"**{inert(m.text)}**")
        gaps = ", ".join(
            f"{e} {fw.element(e).name.get(lang)} "
            f"({t('report.unknown_clarify', lang) if (lv := result.elements[e].level) is None else lv})"
            for e in m.because
        )
        st.markdown(f"{inert(t('terms.triggered_by', lang))}: {inert(gaps)}")
        st.caption(inert(relevance_word(m.relevance, lang)))
        if with_sources and chunks:
            views.sources(
                [(c.title, c.text, c.provenance, c.source) for c in chunks[:MAX_SOURCES]],
                lang,
                t("ui.sources", lang),
            )
