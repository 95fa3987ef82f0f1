"""The Results page: the profile of one interview (the current one or a loaded answers file)."""

from __future__ import annotations

import streamlit as st

from assistant.answers_io import dump_answers
from assistant.catalogue import t
from assistant.knowledge.chunk import Chunk
from assistant.knowledge.source_names import origin_name
from assistant.models import AnswersFile, Framework, Lang
from assistant.report.document import explanation_blocks, report_html, report_markdown
from assistant.report.pdf import html_to_pdf
from assistant.report.words import (
    answered_count,
    answered_line,
    city_type_name,
    dont_know,
    element_level_word,
    level_word,
    next_steps,
    option_line,
    priorities_in_words,
    relevance_word,
    stage_short,
)
from assistant.scoring import Assessment, assess
from assistant.scoring.result import CooperationMatch
from assistant.scoring.rules import MIN_ANSWERED
from assistant.web import charts, loading, memo, resources, state, views
from assistant.web.citations import cooperation_sources, document_titles
from assistant.web.text import inert, slug

TOP_OPTIONS = 5  # per level; the rest are listed more briefly
MAX_SOURCES = 4  # the menu line and up to three guidance passages


def render() -> None:
    lang = state.lang()
    settings = resources.current_settings()
    fw = resources.framework(settings)
    st.title(t("ui.results_title", lang))
    before = loading.available(resources.session_store(settings), lang)
    with st.expander(t("ui.load_answers", lang), expanded=not before, icon=":material/upload:"):
        loading.answers_uploader("results-upload", lang)
    sources = loading.available(resources.session_store(settings), lang)
    if sources and not before:
        st.rerun()  # the first file is in: drawn again with the uploader folded (a phone's screen)
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
        (
            t("ui.dl_answers", lang),
            dump_answers(answers),
            f"{base}-answers.json",
            "application/json",
        ),
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
    """What an official needs first (stage, approach, profile, priorities, next steps, the
    downloads), then the long parts in tabs: every element with its evidence, the cooperation
    options with their sources, the explanation. On a phone the first part is a few screens."""
    city = answers.city
    st.header(inert(city.name))
    st.caption(
        inert(
            " · ".join(
                x for x in (city.country, city_type_name(city.city_type, lang)) if x
            )
        )
    )
    done = answered_count(result)  # "don't know" included: the Interview page's count
    with st.container(horizontal=True, gap="medium"):  # wraps on a phone instead of stacking
        if result.stage == "insufficient_data":  # short, the reason under it: fits a phone
            st.metric(
                t("terms.stage", lang),
                t("ui.stage_not_judged", lang),
                delta=t("ui.stage_not_judged_why", lang),
                delta_color="off",
                delta_arrow="off",
                width="content",
            )
        else:
            st.metric(t("terms.stage", lang), stage_short(fw, result, lang), width="content")
        overall = "–" if result.overall is None else f"{result.overall:.2f} / 4"
        st.metric(t("ui.overall", lang), overall, width="content")
        st.metric(t("terms.answered", lang), f"{done} / {result.total}", width="content")
    if done < result.total or result.unknown:  # a "don't know" or an element not yet asked
        st.caption(answered_line(result, lang) + ("." if lang == "en" else "。"))

    built = memo.fingerprint(answers, lang)  # charts and files: rebuilt when the answers change
    approach_view(fw, result, lang)
    left, right = st.columns([1, 1])
    with left:
        st.subheader(t("ui.domain_chart", lang), divider="gray")
        radar = memo.once(
            "results-radar", built, lambda: charts.radar(fw, [(city.name, result)], lang)
        )
        charts.show(radar, width=charts.RADAR_WIDTH)
    with right:
        priorities_view(fw, result, lang)

    clarify_view(fw, result, lang)
    st.subheader(t("report.next_steps", lang), divider="gray")
    st.markdown("\n".join(f"1. {inert(x)}" for x in next_steps(fw, result, lang)))

    st.subheader(t("ui.downloads", lang), divider="gray")
    files = memo.once("results-files", built, lambda: report_files(fw, answers, result, lang))
    views.downloads(files, key="results")
    st.caption(t("ui.dl_hint", lang))

    st.subheader(t("ui.details", lang), divider="gray")
    details(fw, result, lang, built, knowledge_dir)


TABS = "results-tabs"  # the open tab of the details (a widget key)
EVIDENCE = "results-evidence"  # whether the evidence table is open (a widget key)


@st.fragment
def details(fw: Framework, result: Assessment, lang: Lang, built: str, knowledge_dir: str) -> None:
    """The long parts, only the open tab drawn: the cooperation options with their sources and
    the explanation were built and sent on every visit, most of a page switch's work in the
    browser, though a person reads one tab at a time. A tab's click reruns only this."""
    elements_tab, coop_tab, why_tab = st.tabs(
        [t("ui.tab_elements", lang), t("ui.tab_cooperation", lang), t("ui.tab_explanation", lang)],
        key=TABS,
        on_change="rerun",
    )
    if elements_tab.open:
        with elements_tab:
            elements_view(fw, result, lang, built)
    if coop_tab.open:
        with coop_tab:
            cooperation_view(fw, result, lang, knowledge_dir)
    if why_tab.open:
        with why_tab:
            views.blocks(explanation_blocks(fw, result, lang)[1:])


def approach_view(fw: Framework, result: Assessment, lang: Lang) -> None:
    """The stage in words, the approach for it, and how to scale up and in which direction."""
    st.subheader(t("terms.approach", lang), divider="gray")
    a = result.approach
    if result.stage == "insufficient_data":  # no stage, so no stage's approach: say why
        st.warning(t("report.insufficient", lang), icon=":material/warning:")
        st.caption(t("ui.approach_after_stage", lang, min=MIN_ANSWERED))
    else:
        st.info(inert(fw.stage(result.stage).fits.get(lang)), icon=":material/flag:")
        st.markdown(f"**{inert(t('ui.approach_for_stage', lang))}**")
        st.markdown("\n".join(f"- {inert(x)}" for x in a.stage_approach))
    st.markdown(
        f"**{inert(t('terms.scale_up', lang))}:** {inert(t(f'report.scale_way.{a.scale_up}', lang))}"
    )
    st.caption(inert(a.scale_up_because))
    st.markdown(f"**{inert(t('terms.direction', lang))}**")
    if not a.direction:  # the city type was not given ("not sure / choose later")
        st.caption(t("report.direction_needs_type", lang))
    st.markdown("\n".join(f"- {inert(x)}" for x in a.direction))


def elements_view(fw: Framework, result: Assessment, lang: Lang, built: str) -> None:
    """The 21 elements as bars, and every element's evidence in a table opened on demand."""
    st.markdown(f"**{inert(t('ui.element_chart', lang))}**")
    bars = memo.once("results-bars", built, lambda: charts.element_bars(fw, result, lang))
    charts.show(bars, width=charts.BARS_WIDTH)
    fold = st.expander(
        t("ui.evidence_table", lang), icon=":material/table_rows:", key=EVIDENCE, on_change="rerun"
    )
    if not fold.open:
        return  # the table (pandas, Arrow, the browser's table code) only once it is opened
    with fold:
        views.text_table(  # four columns, so the evidence fits beside them on a phone
            ["ID", t("terms.element", lang), t("terms.level", lang), t("terms.evidence", lang)],
            [
                [
                    e.id,
                    e.name.get(lang),
                    element_level_word(result, e.id, lang)
                    if (lv := result.elements[e.id].level) is None
                    else str(lv),
                    result.elements[e.id].evidence,
                ]
                for e in fw.elements
            ],
        )
        st.caption(t("report.rubric_note", lang))


def priorities_view(fw: Framework, result: Assessment, lang: Lang) -> None:
    """Each priority with why it is one, what would raise it, and the options that address it."""
    st.subheader(t("terms.priorities", lang), divider="gray")
    prios = priorities_in_words(fw, result, lang)
    if not prios:
        st.markdown(t("ui.none_found", lang))
    for p in prios:  # one line each; why, what would raise it and the options open in place
        level = result.elements[p.element_id].level
        with st.expander(f"{inert(p.title)} · {inert(level_word(level, lang))}"):
            lines = [f"{t('report.why_priority', lang)}: {p.why}"]
            if p.to_raise:
                lines.append(f"{t('report.to_raise', lang)}: {p.to_raise}")
            lines += [
                f"{t('report.options_for', lang)}: {option_line(fw, m, lang)}" for m in p.options
            ]
            st.markdown("\n".join(f"- {inert(x)}" for x in lines))


def clarify_view(fw: Framework, result: Assessment, lang: Lang) -> None:
    """Answers of "don't know", flagged "to clarify" with the question to ask; then, apart, the
    elements not yet answered (not yet asked: nothing to clarify), by name."""
    if unknown := dont_know(result):
        st.subheader(t("report.to_clarify", lang), divider="gray")
        for eid in unknown:
            e = fw.element(eid)
            st.warning(
                f"**{inert(e.id)} {inert(e.name.get(lang))}** — "
                f"{inert(t('report.clarify_line', lang, question=e.question.get(lang)))}",
                icon=":material/help:",
            )
    if result.not_answered:
        st.subheader(
            t("ui.not_answered_title", lang, n=len(result.not_answered)), divider="gray"
        )
        st.markdown(
            "\n".join(
                f"- {inert(eid)} {inert(fw.element(eid).name.get(lang))}"
                for eid in result.not_answered
            )
        )


def cooperation_view(fw: Framework, result: Assessment, lang: Lang, knowledge_dir: str) -> None:
    """National and city options, the strongest first, each with the gaps that triggered it
    and its sources (the brochure's menu line, then the guidance that discusses it)."""
    passages = cooperation_sources(knowledge_dir, lang)
    titles = document_titles(knowledge_dir)
    for level in ("national", "city"):
        st.markdown(f"#### {t(f'terms.coop_level.{level}', lang)}")
        matches = [m for m in result.cooperation if m.level == level]
        if not matches:
            st.markdown(t("ui.none_found", lang))
        for m in matches[:TOP_OPTIONS]:
            option(fw, result, m, passages.get(m.id, []), titles, lang)
        if len(matches) > TOP_OPTIONS:
            with st.expander(t("ui.more_options", lang, n=len(matches) - TOP_OPTIONS)):
                for m in matches[TOP_OPTIONS:]:
                    option(fw, result, m, passages.get(m.id, []), titles, lang, with_sources=False)


def option(
    fw: Framework,
    result: Assessment,
    m: CooperationMatch,
    chunks: list[Chunk],
    titles: dict[str, str],
    lang: Lang,
    with_sources: bool = True,
) -> None:
    """One option: its text, the gaps that triggered it, how strong a match, its sources (each
    named by its document's title, never a path)."""
    with st.container(border=True):
        st.markdown(f"**{inert(m.text)}**")
        gaps = ", ".join(
            f"{e} {fw.element(e).name.get(lang)} "
            f"({element_level_word(result, e, lang) if (lv := result.elements[e].level) is None else lv})"
            for e in m.because
        )
        because = f"{t('terms.triggered_by', lang)}: {gaps}"
        st.caption(f"{inert(relevance_word(m.relevance, lang))} · {inert(because)}")
        if with_sources and chunks:
            views.sources(
                [
                    (c.title, c.text, c.provenance, origin_name(c.source, titles, lang))
                    for c in chunks[:MAX_SOURCES]
                ],
                lang,
                t("ui.sources", lang),
            )
