"""A readable maturity profile for the terminal (`assistant score FILE`)."""

from __future__ import annotations

import unicodedata

from assistant.catalogue import t
from assistant.models import AnswersFile, Framework
from assistant.report.words import answered_line, relevance_word
from assistant.scoring.result import Assessment


def _pad(text: str, width: int) -> str:
    """Left-justify for a terminal, where CJK characters take two columns."""
    cols = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - cols, 0)


def _bar(score: float | None) -> str:
    if score is None:
        return "?" * 1
    filled = round(score * 5)
    return "#" * filled + "." * (20 - filled)


def profile_text(fw: Framework, answers: AnswersFile, result: Assessment, max_coop: int = 8) -> str:
    """The assessment as plain text, in the assessment's language."""
    lang = result.lang

    city = answers.city
    out = [f"{t('report.profile_title', lang)}: {city.name}" + (f", {city.country}" if city.country else ""), ""]
    if result.stage == "insufficient_data":
        stage = t("report.insufficient", lang)
    else:
        stage = f"{fw.stage(result.stage).name.get(lang)} ({t('report.overall', lang)} {result.overall})"
    out += [f"{t('terms.stage', lang)}: {stage}", answered_line(result, lang), ""]
    out.append(f"{t('terms.domains', lang)}:")
    for d in fw.domains:
        r = result.domains[d.id]
        score = "-" if r.score is None else f"{r.score:.2f}"
        out.append(
            f"  {_pad(d.name.get(lang), 22)} {score:>5}  {_bar(r.score):<20}  {r.answered}/{r.total}"
        )
    out += ["", f"{t('report.elements', lang)}:"]
    for e in fw.elements:
        lv = result.elements[e.id].level
        level = t("terms.unknown", lang) if lv is None else str(lv)
        out.append(f"  {e.id} [{level}] {e.name.get(lang)}")
    out += ["", f"{t('terms.priorities', lang)}:"]
    for p in result.priorities:
        out.append(f"  {p.element} {fw.element(p.element).name.get(lang)}: {p.reason}")
    a = result.approach
    out += [
        "",
        f"{t('terms.approach', lang)}:",
        f"  {t('terms.scale_up', lang)}: {t(f'report.scale_way.{a.scale_up}', lang)} — {a.scale_up_because}",
        f"  {t('terms.direction', lang)}: " + "; ".join(a.direction),
        *(  # no stage judged, no stage's approach
            [f"  {t('report.stage_approach', lang)}: " + "; ".join(a.stage_approach)]
            if result.stage != "insufficient_data"
            else []
        ),
        "",
        f"{t('terms.cooperation', lang)}:",
    ]
    for m in result.cooperation[:max_coop]:
        out.append(f"  [{t(f'terms.coop_level.{m.level}', lang)}] {m.text}")
        out.append(
            f"      {t('terms.triggered_by', lang)}: {', '.join(m.because)} "
            f"({relevance_word(m.relevance, lang)})"
        )
    if len(result.cooperation) > max_coop:
        out.append(f"  … +{len(result.cooperation) - max_coop} (--json)")
    out += ["", f"{t('report.version', lang)}: {result.scoring_version}"]
    return "\n".join(out) + "\n"
