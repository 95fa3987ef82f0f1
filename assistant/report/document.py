"""The assessment report as blocks (then Markdown, HTML or PDF): a summary a mayor reads first
(at most two printed pages), then the appendix with the full record.

Pure functions of the framework, the answers and the assessment; the time of generation is
passed in so reports are reproducible. Nothing here prints an internal id or token: stages,
city types, lead actors and cooperation options are said in words (see `words`).
"""

from __future__ import annotations

from datetime import datetime

from assistant.catalogue import t
from assistant.models import AnswersFile, Framework, Lang
from assistant.report.blocks import (
    Block,
    Bullets,
    Chart,
    ChartRow,
    Heading,
    PageBreak,
    Para,
    Table,
    to_html,
    to_markdown,
)
from assistant.report.charts import element_bars_svg, radar_svg
from assistant.report.words import (
    answered_line,
    city_type_name,
    dont_know,
    element_label,
    element_level_word,
    evidence_text,
    lead_actor_name,
    level_word,
    next_steps,
    option_line,
    priorities_in_words,
    relevance_word,
    stage_name,
    strongest_weakest,
)
from assistant.scoring.result import Assessment
from assistant.scoring.rules import MIN_ANSWERED

CLARIFY_WITH_QUESTION = 5  # unknowns shown with their question in the summary


def _level(value: int | None, lang: Lang) -> str:
    return t("terms.unknown", lang) if value is None else str(value)


def stamp(when: datetime, lang: Lang) -> str:
    """When a document was made: ISO in English, without the Latin "T" in Japanese."""
    return when.isoformat(timespec="minutes") if lang == "en" else when.strftime("%Y-%m-%d %H:%M")


def profile_line(answers: AnswersFile, lang: Lang) -> str:
    c = answers.city
    parts = [
        c.country,
        city_type_name(c.city_type, lang),
        f"{t('report.lead_actor', lang)}: "
        + (t("terms.not_given", lang) if c.lead_actor is None else lead_actor_name(c.lead_actor, lang)),
        f"{t('report.population', lang)}: {c.population:,}" if c.population else "",
        f"{t('report.focus', lang)}: {', '.join(c.focus_sectors + c.focus_areas)}"
        if c.focus_sectors or c.focus_areas
        else "",
    ]
    return " · ".join(p for p in parts if p)


def profile_blocks(answers: AnswersFile, lang: Lang) -> list[Block]:
    c = answers.city
    rows = [
        [t("terms.country", lang), c.country or "-"],
        [t("terms.city_type", lang), city_type_name(c.city_type, lang) if c.city_type else t("terms.not_given", lang)],
        [t("report.lead_actor", lang), lead_actor_name(c.lead_actor, lang) if c.lead_actor else t("terms.not_given", lang)],
        [t("report.population", lang), f"{c.population:,}" if c.population else "-"],
        [t("report.focus", lang), ", ".join(c.focus_sectors + c.focus_areas) or "-"],
    ]
    return [Heading(t("terms.city_profile", lang)), Table(["", ""], rows)]


def stage_blocks(fw: Framework, result: Assessment, lang: Lang, city: str = "") -> list[Block]:
    """The stage in plain words: where the city is, what the stage fits, and the printed
    approach for it."""
    city = city or t("terms.coop_level.city", lang)
    if result.stage == "insufficient_data":
        line = t(
            "report.stage_line_insufficient", lang,
            city=city, answered=answered_line(result, lang), min=MIN_ANSWERED,
        )  # fmt: skip
        return [Heading(t("terms.stage", lang)), Para(line)]  # no stage, so no stage's approach
    else:
        stage = fw.stage(result.stage)
        line = t(
            "report.stage_line", lang,
            city=city,
            stage=stage.name.get(lang),
            overall=f"{result.overall:.2f}",
            answered=answered_line(result, lang),
            fits=stage.fits.get(lang),
        )
    return [
        Heading(t("terms.stage", lang)),
        Para(line),
        Para(t("report.stage_means", lang, city=city) + ":"),
        Bullets(result.approach.stage_approach),
    ]


def charts_block(fw: Framework, result: Assessment, lang: Lang) -> ChartRow:
    names = [d.name.get(lang) for d in fw.domains]
    scores = [result.domains[d.id].score for d in fw.domains]
    bars = [(e.id, e.name.get(lang), result.elements[e.id].level) for e in fw.elements]
    return ChartRow(
        [
            Chart(radar_svg(names, [(t("report.score", lang), scores)]), t("report.radar_alt", lang)),
            Chart(
                element_bars_svg(
                    bars,
                    t("terms.unknown", lang),
                    missing=result.not_answered,
                    missing_label=t("report.not_answered", lang),
                ),
                t("report.elements", lang),
            ),
        ]
    )


def summary_blocks(
    fw: Framework, answers: AnswersFile, result: Assessment, lang: Lang
) -> list[Block]:
    """Stage, charts, strengths and weaknesses, priorities with their options, the approach,
    what to clarify and the next steps: the part a mayor reads."""
    city = answers.city.name
    strong, weak = strongest_weakest(fw, result)
    none = t("report.no_contrast", lang) if not (strong or weak) else t("terms.none", lang)
    ev = lambda e: (  # noqa: E731
        f"{element_label(fw, e, lang)} — {level_word(result.elements[e].level, lang)}: "
        f"{evidence_text(result, e, lang)}"
    )
    blocks: list[Block] = [
        Para(profile_line(answers, lang), muted=True),
        *stage_blocks(fw, result, lang, city),
        charts_block(fw, result, lang),
        Heading(t("report.strongest", lang)),
        Bullets([ev(e) for e in strong] or [none]),
        Heading(t("report.weakest", lang)),
        Bullets([ev(e) for e in weak] or [none]),
        Heading(t("terms.priorities", lang)),
    ]
    prios = priorities_in_words(fw, result, lang)
    if not prios:
        blocks.append(Para(t("terms.none", lang)))
    for p in prios:
        items = [f"{t('report.why_priority', lang)}: {p.why}"]
        if p.to_raise:
            items.append(f"{t('report.to_raise', lang)}: {p.to_raise}")
        items += [f"{t('report.options_for', lang)}: {option_line(fw, m, lang)}" for m in p.options]
        blocks += [Heading(p.title, 3), Bullets(items)]
    a = result.approach
    blocks += [
        Heading(t("terms.approach", lang)),
        Para(
            f"{t('terms.scale_up', lang)}: {t(f'report.scale_way.{a.scale_up}', lang)}{'. ' if lang == 'en' else '。'}"
            f"{a.scale_up_because}"
        ),
        Para(f"{t('terms.direction', lang)}:"),
        Bullets(a.direction) if a.direction else Para(t("report.direction_needs_type", lang)),
        Heading(t("report.to_clarify", lang)),
        Bullets(clarify_items(fw, result, lang)),
        Heading(t("report.next_steps", lang)),
        Bullets(next_steps(fw, result, lang)),
    ]
    return blocks


def clarify_items(fw: Framework, result: Assessment, lang: Lang) -> list[str]:
    """Unknown elements with the question to ask; past a few, the rest by name in one line (the
    appendix lists them all), so the summary keeps to two pages."""
    unknown = dont_know(result)  # answered "don't know"; those not yet asked come apart
    items = [
        f"{element_label(fw, e, lang)} — "
        f"{t('report.clarify_line', lang, question=fw.element(e).question.get(lang))}"
        for e in unknown[:CLARIFY_WITH_QUESTION]
    ]
    rest = unknown[CLARIFY_WITH_QUESTION:]
    sep = ", " if lang == "en" else "、"
    if rest:
        names = sep.join(element_label(fw, e, lang) for e in rest)
        items.append(t("report.and_more", lang, n=len(rest), names=names))
    if result.not_answered:
        names = sep.join(element_label(fw, e, lang) for e in result.not_answered)
        items.append(t("report.not_answered_line", lang, n=len(result.not_answered), names=names))
    return items or [t("terms.none", lang)]


def domain_table(fw: Framework, result: Assessment, lang: Lang) -> Table:
    rows = [
        [
            d.name.get(lang),
            "-" if (s := result.domains[d.id].score) is None else f"{s:.2f}",
            f"{result.domains[d.id].answered}/{result.domains[d.id].total}",
        ]
        for d in fw.domains
    ]
    return Table([t("terms.domains", lang), t("report.score", lang), t("report.with_level", lang)], rows)


def element_table(fw: Framework, result: Assessment, lang: Lang) -> list[Block]:
    rows = [
        [
            e.id,
            e.name.get(lang),
            _level(lv, lang)
            if (lv := result.elements[e.id].level) is not None
            else element_level_word(result, e.id, lang),
            result.elements[e.id].evidence,
        ]
        for e in fw.elements
    ]
    return [
        Heading(t("report.elements", lang), 3),
        Table(["", t("terms.element", lang), t("terms.level", lang), t("terms.evidence", lang)], rows),
        Para(t("report.rubric_note", lang), muted=True),
    ]


def cooperation_blocks(
    fw: Framework, result: Assessment, lang: Lang, limit: int | None = None
) -> list[Block]:
    """Matching options grouped by the menu's headings; the source is cited once, above them."""
    blocks: list[Block] = [
        Heading(t("terms.cooperation", lang), 3),
        Para(t("report.menu_source", lang), muted=True),
    ]
    shown = 0
    for ctype in fw.cooperation_types:
        matches = [m for m in result.cooperation if m.type == ctype.id]
        if limit is not None:
            matches = matches[: max(limit - shown, 0)]
        if not matches:
            continue
        shown += len(matches)
        rows = [
            [
                m.text,
                t(f"terms.coop_level.{m.level}", lang),
                ", ".join(fw.element(e).name.get(lang) for e in m.because),
                relevance_word(m.relevance, lang),
            ]
            for m in matches
        ]
        blocks += [
            Heading(ctype.name.get(lang), 4),
            Table(
                [
                    t("terms.cooperation", lang),
                    t("report.level_word", lang),
                    t("report.addresses", lang),
                    t("report.match", lang),
                ],
                rows,
            ),
        ]
    if not shown:
        blocks.append(Para(t("terms.none", lang)))
    return blocks


def explanation_blocks(fw: Framework, result: Assessment, lang: Lang) -> list[Block]:
    """Each rule once, then each conclusion pointing to its rule."""
    rules = [
        t("scoring.rule_domain", lang),
        t("scoring.rule_stage", lang, min_answered=MIN_ANSWERED),
        t("scoring.rule_priorities", lang),
        t("scoring.rule_scale_up", lang),
        t("scoring.rule_cooperation", lang),
    ]
    sep = ", " if lang == "en" else "、"
    a = result.approach
    conclusions = [
        t("report.concl_domains", lang),
        t("report.concl_stage", lang, stage=stage_name(fw, result, lang)),
        t(
            "report.concl_priorities", lang,
            names=sep.join(element_label(fw, p.element, lang) for p in result.priorities)
            or t("terms.none", lang),
        ),
        t("report.concl_scale", lang, way=t(f"report.scale_way.{a.scale_up}", lang), because=a.scale_up_because),
        t("report.concl_coop", lang, n=len(result.cooperation)),
    ]
    return [
        Heading(t("terms.explanation", lang), 3),
        Para(t("report.rules_title", lang) + ":"),
        Bullets(rules),
        Para(t("report.conclusions", lang) + ":"),
        Bullets(conclusions),
    ]


def appendix_blocks(
    fw: Framework, answers: AnswersFile, result: Assessment, lang: Lang
) -> list[Block]:
    return [
        PageBreak(),
        Heading(t("report.appendix", lang)),
        Heading(t("terms.city_profile", lang), 3),
        *profile_blocks(answers, lang)[1:],
        Heading(t("terms.domains", lang), 3),
        domain_table(fw, result, lang),
        *element_table(fw, result, lang),
        *cooperation_blocks(fw, result, lang),
        *explanation_blocks(fw, result, lang),
    ]


def report_blocks(
    fw: Framework, answers: AnswersFile, result: Assessment, generated: datetime
) -> list[Block]:
    lang = result.lang
    return [
        *summary_blocks(fw, answers, result, lang),
        *appendix_blocks(fw, answers, result, lang),
        Para(
            f"{t('report.version', lang)}: {result.scoring_version} · "
            f"{t('report.generated', lang)}: {stamp(generated, lang)}",
            muted=True,
        ),
    ]


def report_title(answers: AnswersFile, lang: Lang) -> str:
    return f"{t('terms.app_title', lang)}: {answers.city.name}"


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
