"""Facilitator documents: the mission brief for one interview, and the comparison of two."""

from __future__ import annotations

from datetime import datetime

from assistant.catalogue import t
from assistant.models import AnswersFile, Framework, Lang
from assistant.report.blocks import (
    Block,
    Bullets,
    Chart,
    Heading,
    Para,
    Table,
    to_html,
    to_markdown,
)
from assistant.report.charts import radar_svg
from assistant.report.document import cooperation_blocks, profile_blocks, stage_blocks, stamp
from assistant.report.words import element_level_word, stage_name
from assistant.scoring.result import Assessment

WEAKEST = 5


def brief_blocks(
    fw: Framework, answers: AnswersFile, result: Assessment, generated: datetime
) -> list[Block]:
    """Profile summary, weakest elements with their evidence, questions to probe on site (the
    follow-up probes of the weak and unknown elements), and candidate cooperation options."""
    lang = result.lang
    known = [(e, result.elements[e.id].level) for e in fw.elements]
    weak = sorted((x for x in known if x[1] is not None), key=lambda x: (x[1], x[0].id))[:WEAKEST]
    rows = [
        [e.id, e.name.get(lang), str(v), result.elements[e.id].evidence or "-"] for e, v in weak
    ]
    probes: list[str] = []
    for e, _ in weak:
        probes += [f"{e.id}: {p.get(lang)}" for p in e.probes]
    unknown = [fw.element(eid) for eid in result.unknown]
    for e in unknown:
        probes.append(f"{e.id}: {e.question.get(lang)}")
    return [
        *profile_blocks(answers, lang),
        *stage_blocks(fw, result, lang, answers.city.name),
        Heading(t("report.weakest", lang)),
        Table(
            [
                t("report.element_no", lang),
                t("terms.element", lang),
                t("terms.level", lang),
                t("terms.evidence", lang),
            ],
            rows,
        ),
        Heading(t("report.to_clarify", lang)),
        Bullets(
            [f"{e.id} {e.name.get(lang)} — {element_level_word(result, e.id, lang)}" for e in unknown]
            or [t("terms.none", lang)]
        ),
        Heading(t("report.probe_questions", lang)),
        Bullets(probes or [t("terms.none", lang)]),
        *cooperation_blocks(fw, result, lang, limit=5),
        Para(f"{t('report.generated', lang)}: {stamp(generated, lang)}", muted=True),
    ]


def brief_markdown(
    fw: Framework, answers: AnswersFile, result: Assessment, generated: datetime
) -> str:
    title = f"{t('terms.brief_title', result.lang)}: {answers.city.name}"
    return to_markdown(title, brief_blocks(fw, answers, result, generated))


def brief_html(fw: Framework, answers: AnswersFile, result: Assessment, generated: datetime) -> str:
    title = f"{t('terms.brief_title', result.lang)}: {answers.city.name}"
    return to_html(title, brief_blocks(fw, answers, result, generated), result.lang)


def compare_rows(
    fw: Framework, a: Assessment, b: Assessment, lang: Lang
) -> tuple[list[list[str]], list[bool]]:
    """Element by element: level in A, level in B, the change; changed rows are flagged."""
    rows, flags = [], []
    for e in fw.elements:
        la, lb = a.elements[e.id].level, b.elements[e.id].level
        if la is not None and lb is not None:
            change = f"{lb - la:+d}" if lb != la else "0"
        else:
            change = "" if la == lb else t("report.changed", lang)
        rows.append([e.id, e.name.get(lang), _lv(la, lang), _lv(lb, lang), change])
        flags.append(la != lb)
    return rows, flags


def _lv(value: int | None, lang: Lang) -> str:
    return t("terms.unknown", lang) if value is None else str(value)


def compare_title(named: list[tuple[str, Assessment]], lang: Lang) -> str:
    """'Comparison: Riverside 2025 / Riverside 2026' (the names the facilitator loaded)."""
    return t("report.compare_of", lang, names=" / ".join(n for n, _ in named))


def compare_blocks(fw: Framework, named: list[tuple[str, Assessment]], lang: Lang) -> list[Block]:
    """Two (or more) interviews side by side: both radar shapes on one chart, then changes."""
    axes = [d.name.get(lang) for d in fw.domains]
    series = [(name, [r.domains[d.id].score for d in fw.domains]) for name, r in named]
    blocks: list[Block] = [
        Heading(t("terms.domains", lang)),
        Chart(radar_svg(axes, series), t("terms.domains", lang)),
        Table(
            [t("terms.domains", lang), *[n for n, _ in named]],
            [
                [d.name.get(lang)]
                + [
                    "-" if r.domains[d.id].score is None else f"{r.domains[d.id].score:.2f}"
                    for _, r in named
                ]
                for d in fw.domains
            ],
        ),
        Table(
            ["", *[n for n, _ in named]],
            [
                [t("terms.stage", lang), *[stage_name(fw, r, lang) for _, r in named]],
                [
                    t("report.overall_short", lang),
                    *["-" if r.overall is None else f"{r.overall:.2f}" for _, r in named],
                ],
            ],
        ),
    ]
    if len(named) >= 2:
        (na, ra), (nb, rb) = named[0], named[1]
        rows, flags = compare_rows(fw, ra, rb, lang)
        blocks += [
            Heading(t("report.elements", lang)),
            Table(
                [t("report.element_no", lang), t("terms.element", lang), na, nb, t("terms.change", lang)],
                rows,
                flags,
            ),
        ]
    return blocks


def compare_markdown(fw: Framework, named: list[tuple[str, Assessment]], lang: Lang) -> str:
    return to_markdown(compare_title(named, lang), compare_blocks(fw, named, lang))


def compare_html(fw: Framework, named: list[tuple[str, Assessment]], lang: Lang) -> str:
    return to_html(compare_title(named, lang), compare_blocks(fw, named, lang), lang)
