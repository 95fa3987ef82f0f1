"""Deterministic scoring: answers + city profile -> assessment. Pure: no I/O, no clock, no LLM.

Arithmetic is exact (fractions) so that thresholds and monotonicity never depend on float
rounding; numbers are rounded only when put into the result.
"""

from __future__ import annotations

import re
from fractions import Fraction

from assistant.catalogue import t
from assistant.models import DOMAIN_IDS, AnswersFile, Framework, Lang
from assistant.scoring import rules as R
from assistant.scoring.result import (
    Approach,
    Assessment,
    Cited,
    CooperationMatch,
    DomainResult,
    ElementResult,
    Explanation,
    Priority,
    StageResult,
)

Levels = dict[str, int | None]


def _mean(values: list[int]) -> Fraction | None:
    return Fraction(sum(values), len(values)) if values else None


def _num(value: Fraction | None) -> float | None:
    return None if value is None else round(float(value), 2)


def _domain_name(fw: Framework, element_id: str, lang: Lang) -> str:
    domain = fw.element(element_id).domain
    return next(d.name.get(lang) for d in fw.domains if d.id == domain)


def domain_scores(fw: Framework, levels: Levels) -> dict[str, Fraction | None]:
    """Rule D: a domain's score is the mean of its known levels (None if none is known)."""
    return {
        d: _mean([v for e in fw.domain_elements(d) if (v := levels[e.id]) is not None])
        for d in DOMAIN_IDS
    }


def stage_of(fw: Framework, levels: Levels) -> tuple[StageResult, Fraction | None]:
    """Rule S: the overall stage and the overall score (mean of the five domain scores)."""
    scores = domain_scores(fw, levels)
    answered = sum(v is not None for v in levels.values())
    if answered < R.MIN_ANSWERED or any(s is None for s in scores.values()):
        return "insufficient_data", None
    known = [s for s in scores.values() if s is not None]
    overall = sum(known, Fraction(0)) / len(known)
    if overall >= R.SUSTAINABLE_FROM and min(known) >= R.SUSTAINABLE_MIN_DOMAIN:
        return "sustainable_growth", overall
    if overall >= R.ACCELERATE_FROM:
        return "accelerate", overall
    return "small_start", overall


def priorities_of(fw: Framework, levels: Levels) -> list[tuple[str, int]]:
    """Rule P: lowest level first; ties go to foundation domains, then element number."""
    order = {d: i for i, d in enumerate(R.FOUNDATION_ORDER)}

    def key(eid: str) -> tuple[int, int, str]:
        return (levels[eid] or 0, order[fw.element(eid).domain], eid)

    known = {e: v for e, v in levels.items() if v is not None}
    gaps = sorted((e for e, v in known.items() if v <= R.GAP_MAX_LEVEL), key=key)
    chosen = gaps[: R.PRIORITY_MAX]
    if len(chosen) < R.PRIORITY_MIN:
        established = sorted((e for e, v in known.items() if v == 3), key=key)
        chosen += established[: R.PRIORITY_MIN - len(chosen)]
    return [(e, known[e]) for e in chosen]


def priority_reason(fw: Framework, levels: Levels, element_id: str, lang: Lang) -> str:
    """Why Rule P chose this element, in its own terms: where its level stands among the
    answers and the gist of what that level of its rubric says (the tie-break by domain is the
    rule itself, explained once with the priorities)."""
    element = fw.element(element_id)
    level = levels[element_id] or 0
    domain = _domain_name(fw, element_id, lang)
    rubric = next((r.text.get(lang) for r in element.rubric if r.level == level), "")
    gist = rubric_gist(rubric)
    known = {e: v for e, v in levels.items() if v is not None}
    below = [v for v in known.values() if v < level]
    if level > R.GAP_MAX_LEVEL:
        first = t("scoring.prio_established", lang, level=level, domain=domain, gist=gist)
    elif not below:
        first = t("scoring.prio_lowest", lang, level=level, domain=domain, gist=gist)
    else:
        first = t("scoring.prio_lower", lang, level=level, domain=domain, below=max(below),
                  gist=gist)  # fmt: skip
    return first


def rubric_gist(text: str) -> str:
    """A rubric level's first clause (up to ", or", "; ", "、" ...): enough to tell two
    elements' reasons apart in a report summary without quoting the whole level."""
    text = text.strip().rstrip("。.")
    cuts = re.finditer(r",\s(?:or|and|but)\s|;\s|:\s|、|。", text)
    cut = next((m.start() for m in cuts if m.start() >= 20), None)
    gist = text if cut is None else text[:cut]
    wide = sum(ord(ch) > 0x2E80 for ch in gist) > len(gist) // 2
    limit = GIST_CHARS // 2 if wide else GIST_CHARS
    if len(gist) <= limit:
        return gist
    shorter = gist[:limit].rsplit(" ", 1)[0] if not wide else gist[:limit]
    return shorter.rstrip(",、 ") + "…"


GIST_CHARS = 64  # a reason's quote of the rubric: about one line of the report (half in CJK)


def scale_up_of(answers: AnswersFile, stage: StageResult) -> tuple[str, str]:
    """Rule A: which way to scale up, and the key of the reason (see messages.py)."""
    city = answers.city
    if city.focus_areas and city.focus_sectors:
        return "combined", "focus_both"
    if city.focus_areas:
        return "area", "focus_area"
    if city.focus_sectors:
        return "sector", "focus_sector"
    if stage == "sustainable_growth":
        return "combined", "stage_sustainable"
    if city.city_type is None:  # not given: both ways stay open, said so
        return "combined", "type_not_given"
    if city.city_type == "area_development":
        return "area", "type_area_development"
    if city.city_type in ("industry_specialized", "regional_core"):
        return "sector", f"type_{city.city_type}"
    if city.lead_actor == "private":
        return "area", "metropolis_private"
    if stage == "accelerate":
        return "combined", "metropolis_accelerate"
    return "area", "metropolis_start"


def cooperation_of(
    fw: Framework, answers: AnswersFile, levels: Levels, priority_ids: set[str], lang: Lang
) -> list[CooperationMatch]:
    """Rule C: menu lines whose elements have gaps, by relevance (see rules.py for weights)."""
    actor = answers.city.lead_actor
    lead_level = None if actor is None else R.LEAD_ACTOR_LEVEL[actor]
    matches: list[CooperationMatch] = []
    for line in fw.cooperation:
        gaps = [e for e in line.elements if (v := levels[e]) is not None and v <= R.GAP_MAX_LEVEL]
        unknown = (
            [e for e in line.elements if levels[e] is None] if line.type == R.SURVEY_TYPE else []
        )
        because = sorted(gaps + unknown)
        if not because:
            continue
        relevance = sum(R.GAP_WEIGHT_BASE - (levels[e] or 0) for e in gaps)  # gaps are answered
        relevance += R.UNKNOWN_WEIGHT * len(unknown)
        relevance += R.PRIORITY_BONUS * len(set(gaps) & priority_ids)
        lead = line.level == lead_level
        relevance += R.LEAD_ACTOR_BONUS if lead else 0
        why = t("scoring.coop_why", lang, gaps=", ".join(gaps) or "-", unknown=", ".join(unknown) or "-")
        if lead:
            why += " " + t("scoring.coop_lead", lang, actor=t(f"scoring.value.{answers.city.lead_actor}", lang))
        matches.append(
            CooperationMatch(
                id=line.id,
                level=line.level,
                type=line.type,
                text=line.text.get(lang),
                because=because,
                relevance=relevance,
                why=why,
            )
        )
    matches.sort(key=lambda m: (-m.relevance, m.level != lead_level, m.id))
    return matches


def assess(fw: Framework, answers: AnswersFile, lang: Lang | None = None) -> Assessment:
    """Score one set of answers. Same input, same output; the LLM never comes near this."""
    lang = lang or answers.city.language
    levels = answers.levels()

    def cite(ids: list[str]) -> list[Cited]:
        return [Cited(element=e, level=levels[e]) for e in ids]

    explanation: list[Explanation] = []

    scores = domain_scores(fw, levels)
    domains: dict[str, DomainResult] = {}
    for d in DOMAIN_IDS:
        ids = [e.id for e in fw.domain_elements(d)]
        answered = sum(levels[e] is not None for e in ids)
        domains[d] = DomainResult(score=_num(scores[d]), answered=answered, total=len(ids))
        explanation.append(
            Explanation(
                topic=f"domain:{d}",
                conclusion=t("scoring.domain_concl", lang, score=_num(scores[d]), n=answered, t=len(ids)),
                rule=t("scoring.rule_domain", lang),
                answers=cite(ids),
            )
        )

    stage, overall = stage_of(fw, levels)
    answered_total = sum(v is not None for v in levels.values())
    explanation.append(
        Explanation(
            topic="stage",
            conclusion=t(f"scoring.stage_{stage}", lang, overall=_num(overall), n=answered_total),
            rule=t("scoring.rule_stage", lang, min_answered=R.MIN_ANSWERED),
            answers=cite(sorted(levels)),
        )
    )

    prio = priorities_of(fw, levels)
    priorities = [
        Priority(
            element=e,
            level=v,
            reason=priority_reason(fw, levels, e, lang),
        )
        for e, v in prio
    ]
    explanation.append(
        Explanation(
            topic="priorities",
            conclusion=", ".join(e for e, _ in prio) or "-",
            rule=t("scoring.rule_priorities", lang),
            answers=cite([e for e, _ in prio]),
        )
    )

    way, reason_key = scale_up_of(answers, stage)
    ctype = answers.city.city_type
    scale_because = t(f"scoring.scale_{reason_key}", lang, city_type=t(f"scoring.value.{ctype}", lang) if ctype else "")
    explanation.append(
        Explanation(
            topic="scale_up",
            conclusion=way,
            rule=t("scoring.rule_scale_up", lang) + " " + scale_because,
            answers=[],
        )
    )
    stage_for_approach = "small_start" if stage == "insufficient_data" else stage
    approach = Approach(
        scale_up=way,
        scale_up_because=scale_because,
        direction=[t.get(lang) for t in fw.city_type(ctype).directions] if ctype else [],
        stage_approach=[t.get(lang) for t in fw.stage(stage_for_approach).approach],
        priorities=priorities,
        priority_rule=t("scoring.rule_priorities", lang),
    )

    cooperation = cooperation_of(fw, answers, levels, {e for e, _ in prio}, lang)
    for m in cooperation:
        explanation.append(
            Explanation(
                topic=f"cooperation:{m.id}",
                conclusion=t("scoring.coop_concl", lang, id=m.id, relevance=m.relevance),
                rule=t("scoring.rule_cooperation", lang) + " " + m.why,
                answers=cite(m.because),
            )
        )

    elements = {
        e.id: ElementResult(
            id=e.id,
            domain=e.domain,
            level=levels[e.id],
            evidence=answers.answers[e.id].evidence if e.id in answers.answers else "",
        )
        for e in fw.elements
    }
    return Assessment(
        scoring_version=R.SCORING_VERSION,
        lang=lang,
        stage=stage,
        overall=_num(overall),
        answered=answered_total,
        total=len(levels),
        domains=domains,
        elements=elements,
        unknown=[e for e, v in levels.items() if v is None],
        priorities=priorities,
        approach=approach,
        cooperation=cooperation,
        explanation=explanation,
        not_answered=[e for e in levels if e not in answers.answers],
    )
