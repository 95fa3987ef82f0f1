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
    """Element by element: the change, level in A, level in B (the narrow columns first, so a
    phone shows them); changed rows are flagged. An element not yet asked in either interview
    cannot be compared: it is said as such and never counted as a change."""
    rows, flags = [], []
    for e in fw.elements:
        la, lb = a.elements[e.id].level, b.elements[e.id].level
        if not comparable(a, b, e.id):
            change, changed = t("report.not_compared", lang), False
        elif la is not None and lb is not None:
            change, changed = (f"{lb - la:+d}" if lb != la else "0"), lb != la
        else:
            changed = la != lb
            change = t("report.changed", lang) if changed else ""
        rows.append(
            [e.id, change, _lv(a, e.id, lang), _lv(b, e.id, lang), e.name.get(lang)]
        )
        flags.append(changed)
    return rows, flags


def compare_headers(na: str, nb: str, lang: Lang) -> list[str]:
    """The element table's columns, in the order of `compare_rows`."""
    return [t("report.element_no", lang), t("terms.change", lang), na, nb, t("terms.element", lang)]


def comparable(a: Assessment, b: Assessment, element_id: str) -> bool:
    """Both interviews have an answer for the element (a level or "don't know")."""
    return element_id not in a.not_answered and element_id not in b.not_answered


def compare_summary(
    fw: Framework, a: Assessment, b: Assessment, flags: list[bool], lang: Lang
) -> str:
    """'2 elements changed, of the 21 answered in both' (and how many could not be compared);
    ``flags``: the changed rows of `compare_rows`."""
    both = sum(comparable(a, b, e.id) for e in fw.elements)
    line = t("report.n_changed_of", lang, n=sum(flags), both=both, total=len(fw.elements))
    if both < len(fw.elements):
        line += " " + t("report.not_compared_line", lang, n=len(fw.elements) - both)
    return line


def _lv(result: Assessment, element_id: str, lang: Lang) -> str:
    value = result.elements[element_id].level
    if value is not None:
        return str(value)
    if element_id in result.not_answered:
        return t("report.not_answered", lang)
    return t("terms.unknown", lang)  # answered "don't know"


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
            Para(compare_summary(fw, ra, rb, flags, lang)),
            Table(compare_headers(na, nb, lang), rows, flags),
        ]
    return blocks


def compare_markdown(fw: Framework, named: list[tuple[str, Assessment]], lang: Lang) -> str:
    return to_markdown(compare_title(named, lang), compare_blocks(fw, named, lang))


def compare_html(fw: Framework, named: list[tuple[str, Assessment]], lang: Lang) -> str:
    return to_html(compare_title(named, lang), compare_blocks(fw, named, lang), lang)
