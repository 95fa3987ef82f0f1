"""Wording only the report uses, in English and Japanese (data only).

Words the web app and the interview use too (stage, level, city types, ...) live in
`assistant.i18n`; `label` finds both.
"""

from __future__ import annotations

from assistant.i18n import Text, lookup
from assistant.models import Lang

LABELS: dict[str, Text] = {
    "fw_question": {"en": "Question", "ja": "質問"},
    "fw_probes": {"en": "Follow-up", "ja": "深掘り質問"},
    "fw_desired": {"en": "Desired state", "ja": "望ましい状態"},
    "fw_reading": {
        "en": "(project's reading, not printed)",
        "ja": "（本プロジェクトの解釈。原文にはない）",
    },
    "profile_title": {
        "en": "Smart-city maturity profile",
        "ja": "スマートシティ成熟度プロファイル",
    },
    "compare_title": {"en": "Comparison", "ja": "比較"},
    "lead_actor": {"en": "Lead actor", "ja": "実施主体"},
    "population": {"en": "Population", "ja": "人口"},
    "focus": {"en": "Focus sectors / areas", "ja": "重点セクター／エリア"},
    "overall": {"en": "overall score", "ja": "総合スコア"},
    "insufficient": {
        "en": "Insufficient data: answer more elements to place the city on a stage.",
        "ja": "判定不能：段階を判定するには、さらに多くのエレメントへの回答が必要です。",
    },
    "stage_approach": {"en": "Approach for this stage", "ja": "この段階のアプローチ"},
    "score": {"en": "Score", "ja": "スコア"},
    "elements": {"en": "Elements", "ja": "エレメント"},
    "relevance": {"en": "relevance", "ja": "関連度"},
    "source_menu": {
        "en": 'JICA brochure, "JICA\'s SUPPORT" cooperation menu',
        "ja": "JICAパンフレット「JICA's SUPPORT」協力メニュー",
    },
    "reading_note": {
        "en": "level assignment is the project's reading of the brochure layout",
        "ja": "国／都市レベルの区分は本プロジェクトによるパンフレットの解釈",
    },
    "version": {"en": "Scoring version", "ja": "スコアリング版"},
    "generated": {"en": "Generated", "ja": "作成日時"},
    "area": {"en": "Area-based", "ja": "エリア軸"},
    "sector": {"en": "Sector-based", "ja": "セクター軸"},
    "combined": {"en": "Area- and sector-based combined", "ja": "エリア軸とセクター軸の組合せ"},
    "weakest": {"en": "Weakest elements", "ja": "弱いエレメント"},
    "probe_questions": {"en": "Questions to probe on site", "ja": "現地で確認すべき質問"},
    "to_clarify": {"en": "Unknown, to clarify", "ja": "不明（要確認）"},
    "candidates": {"en": "Candidate cooperation options", "ja": "協力メニュー候補"},
    "changed": {"en": "changed", "ja": "変化あり"},
    "rubric_note": {
        "en": "Levels 0-3 are the project's own scale; level 4 is the brochure's desired state.",
        "ja": "レベル0〜3は本プロジェクト独自の尺度、レベル4はパンフレットの「望ましい状態」。",
    },
}


def label(key: str, lang: Lang) -> str:
    """A report label, or a term the report shares with the app (`assistant.i18n.TERMS`)."""
    return lookup(LABELS, key, lang)
