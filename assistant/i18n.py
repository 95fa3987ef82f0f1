"""The vocabulary the report, the web app and the interview share, in English and Japanese.

A word that names the same thing on a screen, in a report and in the interview lives here once, so
the three never drift apart; each part's own table (`assistant.report.labels`,
`assistant.web.strings`, `assistant.interview.messages`) holds only what belongs to that part and
looks here for the rest through `lookup`.
"""

from __future__ import annotations

from collections.abc import Mapping

from assistant.models import Lang

Text = Mapping[Lang, str]
"""One string in both languages."""

TERMS: dict[str, Text] = {
    "app_title": {"en": "Smart-city self-assessment", "ja": "スマートシティ自己評価"},
    "brief_title": {"en": "Mission brief", "ja": "ミッション・ブリーフ"},
    "city_profile": {"en": "City profile", "ja": "都市プロファイル"},
    "country": {"en": "Country", "ja": "国"},
    "city_type": {"en": "City character", "ja": "都市の性格"},
    "stage": {"en": "Stage", "ja": "段階"},
    "domains": {"en": "Domains", "ja": "分野"},
    "answered": {"en": "Answered", "ja": "回答数"},
    "element": {"en": "Element", "ja": "エレメント"},
    "level": {"en": "Level", "ja": "レベル"},
    "evidence": {"en": "Evidence given", "ja": "回答内容（根拠）"},
    "unknown": {"en": "unknown", "ja": "不明"},
    "none": {"en": "none", "ja": "なし"},
    "priorities": {"en": "Priority elements", "ja": "優先エレメント"},
    "approach": {"en": "Suggested approach", "ja": "推奨アプローチ"},
    "scale_up": {"en": "Way to scale up", "ja": "スマートシティの広げ方"},
    "direction": {"en": "Direction for the city's character", "ja": "都市の性格に応じた方向性"},
    "cooperation": {"en": "JICA cooperation options", "ja": "JICAの協力メニュー"},
    "national": {"en": "National level", "ja": "国レベル"},
    "city": {"en": "City / municipal / district level", "ja": "都市・自治体／地区レベル"},
    "source": {"en": "Source", "ja": "出典"},
    "explanation": {"en": "How this was worked out", "ja": "判定の根拠"},
    "rule": {"en": "Rule", "ja": "ルール"},
    "answers_used": {"en": "Answers used", "ja": "使用した回答"},
    "change": {"en": "Change", "ja": "変化"},
    "triggered_by": {"en": "Triggered by", "ja": "該当するギャップ"},
}

CITY_TYPE_LABEL: dict[str, Text] = {
    "metropolis": {"en": "Metropolis / representative city", "ja": "大都市・代表都市"},
    "regional_core": {"en": "Regional core city", "ja": "地方中核都市"},
    "industry_specialized": {"en": "Industry-specialised city", "ja": "特定産業特化型都市"},
    "area_development": {"en": "Area development type", "ja": "エリア開発型"},
}
LEAD_ACTOR_LABEL: dict[str, Text] = {
    "national": {"en": "National government", "ja": "国"},
    "municipal": {"en": "Municipality", "ja": "地方自治体"},
    "private": {"en": "Private sector", "ja": "民間"},
}


def lookup(table: Mapping[str, Text], key: str, lang: Lang, **values: object) -> str:
    """``key`` in ``lang`` from ``table``, else from the shared `TERMS`, placeholders filled.

    A missing key raises a KeyError that names the key (not a bare language code), so a typo in
    a caller is found at once.
    """
    entry = table.get(key) or TERMS.get(key)
    if entry is None:
        raise KeyError(f"no text for key {key!r}")
    words = entry[lang]
    return words.format(**values) if values else words


def text(key: str, lang: Lang, **values: object) -> str:
    """A shared term in ``lang`` with ``{placeholders}`` filled in."""
    return lookup(TERMS, key, lang, **values)
