"""A readable maturity profile for the terminal (`assistant score FILE`)."""

from __future__ import annotations

from assistant.models import AnswersFile, Framework, Lang
from assistant.scoring.result import Assessment

L: dict[str, dict[Lang, str]] = {
    "title": {"en": "Smart-city maturity profile", "ja": "スマートシティ成熟度プロファイル"},
    "stage": {"en": "Stage", "ja": "段階"},
    "insufficient_data": {
        "en": "Insufficient data (answer more elements to place the city)",
        "ja": "判定不能（回答が不足しています）",
    },
    "overall": {"en": "overall score", "ja": "総合スコア"},
    "domains": {"en": "Domains", "ja": "分野"},
    "elements": {"en": "Elements", "ja": "エレメント"},
    "unknown": {"en": "unknown", "ja": "不明"},
    "priorities": {"en": "Priorities", "ja": "優先エレメント"},
    "approach": {"en": "Suggested approach", "ja": "推奨アプローチ"},
    "scale_up": {"en": "Scale-up", "ja": "広げ方"},
    "direction": {"en": "Direction for the city's character", "ja": "都市の性格に応じた方向性"},
    "stage_approach": {"en": "Approach for the stage", "ja": "段階に応じたアプローチ"},
    "cooperation": {
        "en": "JICA cooperation options that fit the gaps",
        "ja": "ギャップに対応するJICAの協力メニュー",
    },
    "because": {"en": "because of", "ja": "根拠"},
    "national": {"en": "national", "ja": "国レベル"},
    "city": {"en": "city", "ja": "都市レベル"},
    "version": {"en": "scoring version", "ja": "スコアリング版"},
    "area": {"en": "area-based", "ja": "エリア軸"},
    "sector": {"en": "sector-based", "ja": "セクター軸"},
    "combined": {"en": "area and sector combined", "ja": "エリア軸とセクター軸の組合せ"},
}


def _bar(score: float | None) -> str:
    if score is None:
        return "?" * 1
    filled = round(score * 5)
    return "#" * filled + "." * (20 - filled)


def profile_text(fw: Framework, answers: AnswersFile, result: Assessment, max_coop: int = 8) -> str:
    """The assessment as plain text, in the assessment's language."""
    lang = result.lang
    t = lambda key: L[key][lang]  # noqa: E731
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
            f"  {d.name.get(lang):<22} {score:>5}  {_bar(r.score):<20}  {r.answered}/{r.total}"
        )
    out += ["", f"{t('elements')}:"]
    for e in fw.elements:
        lv = result.elements[e.id].level
        level = t("unknown") if lv is None else str(lv)
        out.append(f"  {e.id} [{level}] {e.name.get(lang)}")
    out += ["", f"{t('priorities')}:"]
    for p in result.priorities:
        out.append(f"  {p.element} {fw.element(p.element).name.get(lang)} ({p.reason})")
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
        out.append(f"  [{t(m.level)}] {m.id}: {m.text}")
        out.append(f"      {t('because')}: {', '.join(m.because)} ({m.relevance})")
    if len(result.cooperation) > max_coop:
        out.append(f"  … +{len(result.cooperation) - max_coop} (--json)")
    out += ["", f"{t('version')}: {result.scoring_version}"]
    return "\n".join(out) + "\n"
