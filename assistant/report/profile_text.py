"""A readable maturity profile for the terminal (`assistant score FILE`)."""

from __future__ import annotations

import unicodedata

from assistant.models import AnswersFile, Framework
from assistant.report.labels import label
from assistant.report.words import relevance_word
from assistant.scoring.result import Assessment

KEYS = {"title": "profile_title", "insufficient_data": "insufficient"}


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

    def t(key: str) -> str:
        return label(KEYS.get(key, key), lang)

    city = answers.city
    out = [f"{t('title')}: {city.name}" + (f", {city.country}" if city.country else ""), ""]
    if result.stage == "insufficient_data":
        stage = t("insufficient_data")
    else:
        stage = f"{fw.stage(result.stage).name.get(lang)} ({t('overall')} {result.overall})"
    out += [f"{t('stage')}: {stage}", "", f"{t('domains')}:"]
    for d in fw.domains:
        r = result.domains[d.id]
        score = "-" if r.score is None else f"{r.score:.2f}"
        out.append(
            f"  {_pad(d.name.get(lang), 22)} {score:>5}  {_bar(r.score):<20}  {r.answered}/{r.total}"
        )
    out += ["", f"{t('elements')}:"]
    for e in fw.elements:
        lv = result.elements[e.id].level
        level = t("unknown") if lv is None else str(lv)
        out.append(f"  {e.id} [{level}] {e.name.get(lang)}")
    out += ["", f"{t('priorities')}:"]
    for p in result.priorities:
        out.append(f"  {p.element} {fw.element(p.element).name.get(lang)}: {p.reason}")
    a = result.approach
    out += [
        "",
        f"{t('approach')}:",
        f"  {t('scale_up')}: {t(a.scale_up)} — {a.scale_up_because}",
        f"  {t('direction')}: " + "; ".join(a.direction),
        f"  {t('stage_approach')}: " + "; ".join(a.stage_approach),
        "",
        f"{t('cooperation')}:",
    ]
    for m in result.cooperation[:max_coop]:
        out.append(f"  [{t(m.level)}] {m.text}")
        out.append(
            f"      {t('triggered_by')}: {', '.join(m.because)} "
            f"({relevance_word(m.relevance, lang)})"
        )
    if len(result.cooperation) > max_coop:
        out.append(f"  … +{len(result.cooperation) - max_coop} (--json)")
    out += ["", f"{t('version')}: {result.scoring_version}"]
    return "\n".join(out) + "\n"
