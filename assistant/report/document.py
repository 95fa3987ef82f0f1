"""The assessment report, the mission brief and the comparison, as blocks (then Markdown/HTML).

Pure functions of the framework, the answers and the assessment; the time of generation is
passed in so reports are reproducible.
"""

from __future__ import annotations

from datetime import datetime

from assistant.i18n import CITY_TYPE_LABEL, LEAD_ACTOR_LABEL
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
from assistant.report.charts import element_bars_svg, radar_svg
from assistant.report.labels import label
from assistant.scoring.result import Assessment


def _level(value: int | None, lang: Lang) -> str:
    return label("unknown", lang) if value is None else str(value)


def profile_blocks(answers: AnswersFile, lang: Lang) -> list[Block]:
    c = answers.city
    rows = [
        [label("country", lang), c.country or "-"],
        [label("city_type", lang), CITY_TYPE_LABEL[c.city_type][lang]],
        [label("lead_actor", lang), LEAD_ACTOR_LABEL[c.lead_actor][lang]],
        [label("population", lang), f"{c.population:,}" if c.population else "-"],
        [label("focus", lang), ", ".join(c.focus_sectors + c.focus_areas) or "-"],
    ]
    return [Heading(label("city_profile", lang)), Table(["", ""], rows)]


def stage_blocks(fw: Framework, result: Assessment, lang: Lang) -> list[Block]:
    blocks: list[Block] = [Heading(label("stage", lang))]
    if result.stage == "insufficient_data":
        blocks.append(Para(label("insufficient", lang)))
    else:
        stage = fw.stage(result.stage)
        blocks.append(
            Para(
                f"{stage.name.get(lang)} ({label('overall', lang)} {result.overall}) — "
                f"{stage.fits.get(lang)}"
            )
        )
    blocks += [Para(label("stage_approach", lang) + ":"), Bullets(result.approach.stage_approach)]
    return blocks


def domain_blocks(fw: Framework, result: Assessment, lang: Lang) -> list[Block]:
    names = [d.name.get(lang) for d in fw.domains]
    scores = [result.domains[d.id].score for d in fw.domains]
    rows = [
        [
            n,
            "-" if s is None else f"{s:.2f}",
            f"{result.domains[d.id].answered}/{result.domains[d.id].total}",
        ]
        for n, s, d in zip(names, scores, fw.domains, strict=True)
    ]
    return [
        Heading(label("domains", lang)),
        Chart(radar_svg(names, [(label("score", lang), scores)]), label("domains", lang)),
        Table([label("domains", lang), label("score", lang), label("answered", lang)], rows),
    ]


def element_blocks(fw: Framework, result: Assessment, lang: Lang) -> list[Block]:
    bars = [(e.id, e.name.get(lang), result.elements[e.id].level) for e in fw.elements]
    rows = [
        [
            e.id,
            e.name.get(lang),
            _level(result.elements[e.id].level, lang),
            result.elements[e.id].evidence,
        ]
        for e in fw.elements
    ]
    return [
        Heading(label("elements", lang)),
        Chart(element_bars_svg(bars, label("unknown", lang)), label("elements", lang)),
        Table(["ID", label("element", lang), label("level", lang), label("evidence", lang)], rows),
        Para(label("rubric_note", lang), muted=True),
    ]


def approach_blocks(fw: Framework, result: Assessment, lang: Lang) -> list[Block]:
    a = result.approach
    prio = [
        f"{p.element} {fw.element(p.element).name.get(lang)} — {p.reason}" for p in a.priorities
    ]
    return [
        Heading(label("approach", lang)),
        Para(f"{label('scale_up', lang)}: {label(a.scale_up, lang)}. {a.scale_up_because}"),
        Para(f"{label('direction', lang)}:"),
        Bullets(a.direction),
        Heading(label("priorities", lang), 3),
        Bullets(prio or [label("none", lang)]),
        Para(a.priority_rule, muted=True),
    ]


def cooperation_blocks(
    fw: Framework, result: Assessment, lang: Lang, limit: int | None = None
) -> list[Block]:
    blocks: list[Block] = [Heading(label("cooperation", lang))]
    for level in ("national", "city"):
        matches = [m for m in result.cooperation if m.level == level][:limit]
        blocks.append(Heading(label(level, lang), 3))
        if not matches:
            blocks.append(Para(label("none", lang)))
            continue
        rows = []
        for m in matches:
            line = fw.cooperation_line(m.id)
            source = label("source_menu", lang)
            if line.level_provenance == "reading":
                source += f" ({label('reading_note', lang)})"
            rows.append([m.id, m.text, ", ".join(m.because), str(m.relevance), source])
        blocks.append(
            Table(
                [
                    "ID",
                    label("cooperation", lang),
                    label("triggered_by", lang),
                    label("relevance", lang),
                    label("source", lang),
                ],
                rows,
            )
        )
    return blocks


def explanation_blocks(result: Assessment, lang: Lang) -> list[Block]:
    rows = [
        [
            x.topic,
            x.conclusion,
            x.rule,
            ", ".join(f"{c.element}={_level(c.level, lang)}" for c in x.answers),
        ]
        for x in result.explanation
    ]
    return [
        Heading(label("explanation", lang)),
        Table(["", "", label("rule", lang), label("answers_used", lang)], rows),
    ]


def report_blocks(
    fw: Framework, answers: AnswersFile, result: Assessment, generated: datetime
) -> list[Block]:
    lang = result.lang
    return [
        *profile_blocks(answers, lang),
        *stage_blocks(fw, result, lang),
        *domain_blocks(fw, result, lang),
        *element_blocks(fw, result, lang),
        *approach_blocks(fw, result, lang),
        *cooperation_blocks(fw, result, lang),
        *explanation_blocks(result, lang),
        Para(
            f"{label('version', lang)}: {result.scoring_version} · "
            f"{label('generated', lang)}: {generated.isoformat(timespec='minutes')}",
            muted=True,
        ),
    ]


def report_title(answers: AnswersFile, lang: Lang) -> str:
    return f"{label('app_title', lang)}: {answers.city.name}"


def report_markdown(
    fw: Framework, answers: AnswersFile, result: Assessment, generated: datetime
) -> str:
    return to_markdown(
        report_title(answers, result.lang), report_blocks(fw, answers, result, generated)
    )


def report_html(
    fw: Framework, answers: AnswersFile, result: Assessment, generated: datetime
) -> str:
    return to_html(
        report_title(answers, result.lang),
        report_blocks(fw, answers, result, generated),
        result.lang,
    )
