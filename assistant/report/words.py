"""The assessment said in words for people: stage names, relevance as words, why an element is a
priority and what would raise it, strengths and weaknesses, next steps.

Shared by the downloadable reports and the Results page so both say the same thing; pure
functions of the framework and the assessment (no raw ids or tokens come out of here).
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.catalogue import t
from assistant.models import Framework, Lang, Text
from assistant.scoring.result import Assessment, CooperationMatch

HIGH_FROM, MEDIUM_FROM = 6, 3  # relevance points (rule C) for "strong" and "good" matches


def stage_name(fw: Framework, result: Assessment, lang: Lang) -> str:
    if result.stage == "insufficient_data":
        return t("report.stage_insufficient", lang)
    return fw.stage(result.stage).name.get(lang)


def stage_short(fw: Framework, result: Assessment, lang: Lang) -> str:
    """The stage's name short enough for a phone: in Japanese the reading in brackets
    ("Small Start（スモールスタート）" -> "スモールスタート")."""
    name = stage_name(fw, result, lang)
    if lang == "ja" and "（" in name and name.endswith("）"):
        return name[name.index("（") + 1 : -1]
    return name


def relevance_word(relevance: int, lang: Lang) -> str:
    """Rule C's points as a word: strong / good / partial match."""
    if relevance >= HIGH_FROM:
        return t("report.rel_high", lang)
    return t("report.rel_medium" if relevance >= MEDIUM_FROM else "report.rel_low", lang)


def level_word(level: int | None, lang: Lang) -> str:
    if level is None:
        return t("report.unknown_clarify", lang)
    return t("report.level_of", lang, level=level)


def city_type_name(city_type: str | None, lang: Lang) -> str:
    """The city type in words, or "City type not given" (the intake's "not sure")."""
    if city_type is None:
        return t("terms.city_type_not_given", lang)
    return t(f"terms.city_types.{city_type}", lang)


def lead_actor_name(lead_actor: str | None, lang: Lang) -> str:
    if lead_actor is None:
        return t("terms.lead_actor_not_given", lang)
    return t(f"terms.lead_actors.{lead_actor}", lang)


def dont_know(result: Assessment) -> list[str]:
    """Elements answered "don't know" (unknown, but not for want of being asked)."""
    missing = set(result.not_answered)
    return [e for e in result.unknown if e not in missing]


def answered_count(result: Assessment) -> int:
    """Elements with a confirmed answer, "don't know" included: the count the Interview page
    shows, used on every page and report so that one number means one thing."""
    return result.total - len(result.not_answered)


def answered_line(result: Assessment, lang: Lang) -> str:
    """'21 of 21 elements answered: 20 with a level, 1 “don't know”' (then how many are not yet
    answered): the one way pages, reports and commands say the count. "With a level" is
    ``score --json``'s ``answered``; "answered" counts "don't know" too, as the Interview does."""
    line = t(
        "report.answered_line", lang,
        done=answered_count(result), total=result.total, level=result.answered,
        dont_know=len(dont_know(result)),
    )  # fmt: skip
    if result.not_answered:
        line += t("report.answered_left", lang, left=len(result.not_answered))
    return line


def element_level_word(result: Assessment, element_id: str, lang: Lang) -> str:
    """An element's level in words; "not yet answered" apart from "unknown — to clarify"."""
    if element_id in result.not_answered:
        return t("report.not_answered", lang)
    return level_word(result.elements[element_id].level, lang)


def element_label(fw: Framework, element_id: str, lang: Lang) -> str:
    """'E05 Sustainability of vision and policy' (the framework's number and name)."""
    return f"{element_id} {fw.element(element_id).name.get(lang)}"


def raise_it(fw: Framework, element_id: str, level: int | None) -> tuple[int, Text] | None:
    """The rubric's next level for the element (None at level 4 or when unknown)."""
    if level is None or level >= 4:
        return None
    nxt = next((r for r in fw.element(element_id).rubric if r.level == level + 1), None)
    return None if nxt is None else (nxt.level, nxt.text)


def what_would_raise(fw: Framework, element_id: str, level: int | None, lang: Lang) -> str:
    step = raise_it(fw, element_id, level)
    if step is None:
        return ""
    n, text = step
    return f"{t('report.level_of', lang, level=n)}: {text.get(lang)}"


def evidence_text(result: Assessment, element_id: str, lang: Lang) -> str:
    ev = result.elements[element_id].evidence.strip()
    if not ev:
        return t("report.no_evidence", lang)
    return f"“{ev}”" if lang == "en" else f"「{ev}」"


def strongest_weakest(fw: Framework, result: Assessment, n: int = 3) -> tuple[list[str], list[str]]:
    """Up to n highest and n lowest known elements (framework order breaks ties). A strong one
    is above the lowest known level and takes at most half of the known elements; a weak one is
    below the highest. So a partial interview never calls a level-1 answer a strength while
    the weakest list is empty, and an element is never in both lists."""
    known = [e.id for e in fw.elements if result.elements[e.id].level is not None]
    if not known:
        return [], []
    order = {e.id: i for i, e in enumerate(fw.elements)}
    lv = lambda e: result.elements[e].level or 0  # noqa: E731
    low, high = min(map(lv, known)), max(map(lv, known))
    strong = [e for e in sorted(known, key=lambda e: (-lv(e), order[e])) if lv(e) > low]
    strong = strong[: min(n, len(known) // 2)]
    weak = [e for e in sorted(known, key=lambda e: (lv(e), order[e])) if lv(e) < high]
    return strong, [e for e in weak if e not in strong][:n]


@dataclass(frozen=True)
class PriorityWords:
    element_id: str
    title: str
    why: str
    to_raise: str
    options: list[CooperationMatch]


def priorities_in_words(
    fw: Framework, result: Assessment, lang: Lang, per_level: int = 1
) -> list[PriorityWords]:
    """Each priority with its reason, the next rubric step, and the strongest national and city
    options that address it."""
    out = []
    for p in result.priorities:
        options = []
        for level in ("national", "city"):
            options += [
                m for m in result.cooperation if m.level == level and p.element in m.because
            ][:per_level]
        out.append(
            PriorityWords(
                element_id=p.element,
                title=element_label(fw, p.element, lang),
                why=p.reason,
                to_raise=what_would_raise(fw, p.element, p.level, lang),
                options=options,
            )
        )
    return out


def option_line(fw: Framework, m: CooperationMatch, lang: Lang) -> str:
    """'National level: <menu line> (strong match)'."""
    return f"{t(f'terms.coop_level.{m.level}', lang)}: {m.text} ({relevance_word(m.relevance, lang)})"


def next_steps(fw: Framework, result: Assessment, lang: Lang) -> list[str]:
    steps = []
    if result.not_answered:
        steps.append(t("report.step_finish", lang, n=len(result.not_answered)))
    if unknown := dont_know(result):
        steps.append(t("report.step_clarify", lang, n=len(unknown)))
    if result.priorities:
        names = ", " if lang == "en" else "、"
        steps.append(
            t(
                "report.step_priorities", lang,
                names=names.join(fw.element(p.element).name.get(lang) for p in result.priorities),
            )
        )
    if result.cooperation:
        steps.append(t("report.step_cooperation", lang, option=result.cooperation[0].text))
    steps.append(t("report.step_scale", lang, way=t(f"report.scale_way.{result.approach.scale_up}", lang)))
    return steps
