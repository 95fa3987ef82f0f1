"""The facilitator workspace: compare interviews, prepare a mission brief, manage documents."""

from __future__ import annotations

import streamlit as st

from assistant.catalogue import t
from assistant.models import AnswersFile, Framework, Lang
from assistant.ports import SessionStore
from assistant.report.briefing import (
    brief_blocks,
    brief_html,
    brief_markdown,
    compare_headers,
    compare_html,
    compare_markdown,
    compare_rows,
    compare_summary,
)
from assistant.report.pdf import html_to_pdf
from assistant.scoring import Assessment, assess
from assistant.sessions.codes import format_code, normalise_code
from assistant.web import charts, documents, loading, prefill_brief, resources, state, views
from assistant.web.text import inert, slug


def render() -> None:
    lang = state.lang()
    settings = resources.current_settings()
    fw = resources.framework(settings)
    store = resources.session_store(settings)
    st.title(t("ui.ws_title", lang))
    compare_tab, brief_tab, docs_tab, pm_tab = st.tabs(
        [t("ui.tab_compare", lang), t("terms.brief_title", lang), t("ui.tab_docs", lang),
         t("ui.pm_tab", lang)]
    )  # fmt: skip
    with compare_tab:
        load_panel(store, lang)
        pool = loading.available(store, lang)
        compare_view(fw, pool, lang)
    with brief_tab:
        pool = loading.available(store, lang)
        brief_view(fw, pool, lang)
    with docs_tab:
        documents.render(settings, lang)
    with pm_tab:
        prefill_brief.render(settings, fw, lang)


def load_panel(store: SessionStore, lang: Lang) -> None:
    """Answers files (several at once) and sessions by code join this user's loaded interviews."""
    left, right = st.columns([3, 2])
    with left:
        loading.answers_uploader("ws-upload", lang, many=True)
    with right, st.form("add-by-code", border=False):
        code = st.text_input(t("ui.add_by_code", lang), key="ws-code")
        if st.form_submit_button(t("ui.add", lang), icon=":material/add:"):
            add_by_code(store, code, lang)


def add_by_code(store: SessionStore, code: str, lang: Lang) -> None:
    """A session joins the loaded interviews once, however its code was typed (case, spaces,
    dashes): the canonical code names and identifies it."""
    canonical = normalise_code(code)
    answers = loading.session_answers(store, canonical) if canonical else None
    if canonical is None or answers is None:
        st.error(t("ui.resume_unknown", lang))
        return
    current = state.code()
    if current and normalise_code(current) == canonical:
        st.info(t("ui.already_current", lang), icon=":material/info:")
        return
    name = loading.display_name(answers, format_code(canonical)[:9] + "…")
    if state.add_session(canonical, name, answers):
        st.success(t("ui.added", lang, name=inert(name)))
    else:
        st.info(t("ui.already_loaded", lang, name=inert(name)), icon=":material/info:")


def _pick_two(pool: dict[str, AnswersFile], lang: Lang) -> tuple[str, str] | None:
    names = list(pool)
    if len(names) < 2:
        st.info(t("ui.need_two", lang), icon=":material/info:")
        return None
    c1, c2 = st.columns(2)
    a = c1.selectbox(t("ui.first", lang), names, index=0, key="cmp-a")
    b = c2.selectbox(t("ui.second", lang), names, index=1, key="cmp-b")
    return a, b


def compare_view(fw: Framework, pool: dict[str, AnswersFile], lang: Lang) -> None:
    picked = _pick_two(pool, lang)
    if picked is None:
        return
    named: list[tuple[str, Assessment]] = [(n, assess(fw, pool[n], lang)) for n in picked]
    (na, ra), (nb, rb) = named
    charts.show(charts.radar(fw, named, lang), width=charts.RADAR_WIDTH)
    stage = {
        n: t("ui.stage_insufficient", lang)
        if r.stage == "insufficient_data"
        else fw.stage(r.stage).name.get(lang)
        for n, r in named
    }
    # One row per measure, one column per interview: three columns that wrap fit a phone
    # (one row per interview put the stage and scores off its screen, behind the long names).
    def score(value: float | None) -> str:
        return "–" if value is None else f"{value:.2f}"

    measures = [
        [t("terms.stage", lang), *(stage[n] for n, _ in named)],
        [t("ui.overall", lang), *(score(r.overall) for _, r in named)],
        *([d.name.get(lang), *(score(r.domains[d.id].score) for _, r in named)] for d in fw.domains),
    ]
    views.text_table(["", *(n for n, _ in named)], measures)
    rows, flags = compare_rows(fw, ra, rb, lang)
    st.subheader(t("ui.changes", lang), divider="gray")
    st.caption(compare_summary(fw, ra, rb, flags, lang))
    # Four columns whose cells wrap, never cut: the element (id and name in one cell, so a
    # phone's width holds the change, both levels and "not compared" in full), then the rest.
    _id, change, *levels, name = compare_headers(na, nb, lang)
    views.text_table(
        [name, change, *levels], [[f"{r[0]} {r[4]}", *r[1:4]] for r in rows], flags
    )
    base = f"{slug(pool[na].city.name)}-vs-{slug(pool[nb].city.name)}"
    cmp_html = compare_html(fw, named, lang)
    views.downloads(
        [
            (
                t("report.dl_compare_pdf", lang),
                lambda: html_to_pdf(cmp_html),
                f"{base}-{lang}.pdf",
                "application/pdf",
            ),
            (
                t("ui.dl_compare_md", lang),
                compare_markdown(fw, named, lang),
                f"{base}-{lang}.md",
                "text/markdown",
            ),
            (
                t("ui.dl_compare_html", lang),
                cmp_html,
                f"{base}-{lang}.html",
                "text/html",
            ),
        ],
        key="cmp",
    )


def brief_view(fw: Framework, pool: dict[str, AnswersFile], lang: Lang) -> None:
    """The mission brief for one interview, shown and downloadable like the report."""
    if not pool:
        st.info(t("ui.need_one", lang), icon=":material/info:")
        return
    name = st.selectbox(t("ui.brief_for", lang), list(pool), key="brief-pick")
    answers = pool[name]
    result = assess(fw, answers, lang)
    generated = views.now()
    base = slug(answers.city.name)
    html = brief_html(fw, answers, result, generated)
    views.downloads(
        [
            (
                t("report.dl_brief_pdf", lang),
                lambda: html_to_pdf(html),
                f"{base}-brief-{lang}.pdf",
                "application/pdf",
            ),
            (
                t("ui.dl_brief_md", lang),
                brief_markdown(fw, answers, result, generated),
                f"{base}-brief-{lang}.md",
                "text/markdown",
            ),
            (
                t("ui.dl_brief_html", lang),
                html,
                f"{base}-brief-{lang}.html",
                "text/html",
            ),
        ],
        key="brief",
    )
    with st.container(border=True):
        views.blocks(brief_blocks(fw, answers, result, generated))
