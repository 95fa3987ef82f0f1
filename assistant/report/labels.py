"""Report wording in English and Japanese (data only)."""

from __future__ import annotations

from assistant.models import Lang

LABELS: dict[str, dict[Lang, str]] = {
    "report_title": {"en": "Smart-city self-assessment", "ja": "スマートシティ自己評価"},
    "profile_title": {"en": "Smart-city maturity profile", "ja": "スマートシティ成熟度プロファイル"},
    "brief_title": {"en": "Mission brief", "ja": "ミッション・ブリーフ"},
    "compare_title": {"en": "Comparison", "ja": "比較"},
    "profile": {"en": "City profile", "ja": "都市プロファイル"},
    "country": {"en": "Country", "ja": "国"},
    "city_type": {"en": "City character", "ja": "都市の性格"},
    "lead_actor": {"en": "Lead actor", "ja": "実施主体"},
    "population": {"en": "Population", "ja": "人口"},
    "focus": {"en": "Focus sectors / areas", "ja": "重点セクター／エリア"},
    "stage": {"en": "Stage", "ja": "段階"},
    "overall": {"en": "overall score", "ja": "総合スコア"},
    "insufficient": {
        "en": "Insufficient data: answer more elements to place the city on a stage.",
        "ja": "判定不能：段階を判定するには、さらに多くのエレメントへの回答が必要です。",
    },
    "stage_approach": {"en": "Approach for this stage", "ja": "この段階のアプローチ"},
    "domains": {"en": "Domains", "ja": "分野"},
    "score": {"en": "Score", "ja": "スコア"},
    "coverage": {"en": "Answered", "ja": "回答数"},
    "elements": {"en": "Elements", "ja": "エレメント"},
    "element": {"en": "Element", "ja": "エレメント"},
    "level": {"en": "Level", "ja": "レベル"},
    "evidence": {"en": "Evidence given", "ja": "回答内容（根拠）"},
    "unknown": {"en": "unknown", "ja": "不明"},
    "priorities": {"en": "Priority elements", "ja": "優先エレメント"},
    "approach": {"en": "Suggested approach", "ja": "推奨アプローチ"},
    "scale_up": {"en": "Way to scale up", "ja": "スマートシティの広げ方"},
    "direction": {"en": "Direction for the city's character", "ja": "都市の性格に応じた方向性"},
    "cooperation": {"en": "JICA cooperation options", "ja": "JICAの協力メニュー"},
    "national": {"en": "National level", "ja": "国レベル"},
    "city": {"en": "City / municipal / district level", "ja": "都市・自治体／地区レベル"},
    "because": {"en": "Triggered by", "ja": "該当するギャップ"},
    "relevance": {"en": "relevance", "ja": "関連度"},
    "source": {"en": "Source", "ja": "出典"},
    "source_menu": {
        "en": 'JICA brochure, "JICA\'s SUPPORT" cooperation menu',
        "ja": "JICAパンフレット「JICA's SUPPORT」協力メニュー",
    },
    "reading_note": {
        "en": "level assignment is the project's reading of the brochure layout",
        "ja": "国／都市レベルの区分は本プロジェクトによるパンフレットの解釈",
    },
    "explanation": {"en": "How this was worked out", "ja": "判定の根拠"},
    "rule": {"en": "Rule", "ja": "ルール"},
    "answers_used": {"en": "Answers used", "ja": "使用した回答"},
    "version": {"en": "Scoring version", "ja": "スコアリング版"},
    "generated": {"en": "Generated", "ja": "作成日時"},
    "area": {"en": "Area-based", "ja": "エリア軸"},
    "sector": {"en": "Sector-based", "ja": "セクター軸"},
    "combined": {"en": "Area- and sector-based combined", "ja": "エリア軸とセクター軸の組合せ"},
    "weakest": {"en": "Weakest elements", "ja": "弱いエレメント"},
    "probe_questions": {"en": "Questions to probe on site", "ja": "現地で確認すべき質問"},
    "to_clarify": {"en": "Unknown, to clarify", "ja": "不明（要確認）"},
    "candidates": {"en": "Candidate cooperation options", "ja": "協力メニュー候補"},
    "change": {"en": "Change", "ja": "変化"},
    "changed": {"en": "changed", "ja": "変化あり"},
    "rubric_note": {
        "en": "Levels 0-3 are the project's own scale; level 4 is the brochure's desired state.",
        "ja": "レベル0〜3は本プロジェクト独自の尺度、レベル4はパンフレットの「望ましい状態」。",
    },
    "none": {"en": "none", "ja": "なし"},
}

CITY_TYPE_LABEL: dict[str, dict[Lang, str]] = {
    "metropolis": {"en": "Metropolis / representative city", "ja": "大都市・代表都市"},
    "regional_core": {"en": "Regional core city", "ja": "地方中核都市"},
    "industry_specialized": {"en": "Industry-specialised city", "ja": "特定産業特化型都市"},
    "area_development": {"en": "Area development type", "ja": "エリア開発型"},
}
LEAD_ACTOR_LABEL: dict[str, dict[Lang, str]] = {
    "national": {"en": "National government", "ja": "国"},
    "municipal": {"en": "Municipality", "ja": "地方自治体"},
    "private": {"en": "Private sector", "ja": "民間"},
}


def label(key: str, lang: Lang) -> str:
    return LABELS[key][lang]
