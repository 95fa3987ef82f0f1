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
    "stage_insufficient": {
        "en": "Not yet judged (too few answers)",
        "ja": "判定不能（回答不足）",
    },
    "dl_report_pdf": {"en": "Report (PDF)", "ja": "レポート（PDF）"},
    "dl_brief_pdf": {"en": "Brief (PDF)", "ja": "ブリーフ（PDF）"},
    "dl_compare_pdf": {"en": "Comparison (PDF)", "ja": "比較（PDF）"},
    "and_more": {"en": "and {n} more: {names}", "ja": "ほか{n}件：{names}"},
    "element_no": {"en": "ID", "ja": "番号"},
    "summary": {"en": "Summary", "ja": "概要"},
    "appendix": {"en": "Appendix: the full record", "ja": "付録：評価の全記録"},
    "stage_means": {"en": "What this means for {city}", "ja": "{city}にとっての意味"},
    "stage_line": {
        "en": "{city} is at the {stage} stage (overall score {overall} of 4, {n} of {t} "
        "elements answered). This stage fits: {fits}.",
        "ja": "{city}は「{stage}」の段階にある（総合スコア {overall}／4、{t}エレメント中{n}件回答）。"
        "この段階に当てはまるのは：{fits}。",
    },
    "stage_line_insufficient": {
        "en": "{city}: only {n} of {t} elements have a known level, too few to judge the stage. "
        "The approach below is the one for starting out.",
        "ja": "{city}：レベルが分かっているのは{t}エレメント中{n}件のみで、段階はまだ判定できない。"
        "以下は取組みを始める段階のアプローチ。",
    },
    "strongest": {"en": "Strongest elements", "ja": "強いエレメント"},
    "evidence_said": {"en": "what was said", "ja": "回答"},
    "no_evidence": {"en": "no evidence given", "ja": "根拠の記載なし"},
    "level_of": {"en": "level {level} of 4", "ja": "レベル{level}／4"},
    "why_priority": {"en": "Why", "ja": "理由"},
    "to_raise": {"en": "What would raise it", "ja": "引き上げるには"},
    "options_for": {"en": "Cooperation that addresses it", "ja": "対応する協力メニュー"},
    "clarify_line": {"en": "to clarify: {question}", "ja": "要確認：{question}"},
    "next_steps": {"en": "Next steps", "ja": "次のステップ"},
    "step_clarify": {
        "en": "Clarify the {n} unknown element(s) with the responsible departments, then score "
        "again.",
        "ja": "不明の{n}件のエレメントを担当部署に確認し、再度評価する。",
    },
    "step_priorities": {
        "en": "Agree the priorities ({names}) with the departments concerned and name who leads "
        "each.",
        "ja": "優先エレメント（{names}）について関係部署と合意し、それぞれの担当を決める。",
    },
    "step_cooperation": {
        "en": 'Discuss the cooperation options above with JICA: start with "{option}".',
        "ja": "上記の協力メニューをJICAと協議する。まずは「{option}」から。",
    },
    "step_scale": {
        "en": "Plan the first step of the way to scale up ({way}) and review progress in a year "
        "with a new self-assessment.",
        "ja": "広げ方（{way}）の最初の一歩を計画し、1年後に改めて自己評価して進捗を確認する。",
    },
    "rel_high": {"en": "strong match", "ja": "関連度：高"},
    "rel_medium": {"en": "good match", "ja": "関連度：中"},
    "rel_low": {"en": "partial match", "ja": "関連度：低"},
    "addresses": {"en": "Addresses", "ja": "対応するエレメント"},
    "match": {"en": "Match", "ja": "適合度"},
    "menu_source": {
        "en": 'Source of every option below: JICA brochure, "JICA\'s SUPPORT" cooperation menu. '
        "Which options sit at national or city level is partly the project's reading of the "
        "brochure layout; the elements each option addresses are the project's reading.",
        "ja": "以下の協力メニューの出典はすべてJICAパンフレット「JICA's SUPPORT」協力メニュー。"
        "国／都市レベルの区分の一部と、各メニューが対応するエレメントは本プロジェクトの解釈。",
    },
    "level_word": {"en": "Level", "ja": "レベル"},
    "rules_title": {"en": "The rules", "ja": "ルール"},
    "conclusions": {"en": "Conclusions and the rule behind each", "ja": "結論と根拠のルール"},
    "concl_domains": {
        "en": "Domain scores (table above): rule D.",
        "ja": "分野のスコア（上の表）：ルール（分野）。",
    },
    "concl_stage": {"en": "Stage: {stage} — rule S.", "ja": "段階：{stage} — ルール（段階）。"},
    "concl_priorities": {
        "en": "Priorities: {names} — rule P.",
        "ja": "優先エレメント：{names} — ルール（優先）。",
    },
    "concl_scale": {
        "en": "Way to scale up: {way} — rule A. {because}",
        "ja": "広げ方：{way} — ルール（広げ方）。{because}",
    },
    "concl_coop": {
        "en": "{n} cooperation options fit the gaps; their match is shown in the table above "
        "— rule C.",
        "ja": "{n}件の協力メニューがギャップに該当し、適合度は上の表のとおり — ルール（協力）。",
    },
    "unknown_clarify": {"en": "unknown — to clarify", "ja": "不明（要確認）"},
    "overall_short": {"en": "Overall", "ja": "総合"},
    "compare_of": {"en": "Comparison: {names}", "ja": "比較：{names}"},
    "radar_alt": {
        "en": "Domain scores on a 0–4 scale (rings 0 to 4)",
        "ja": "分野別スコア（0〜4、同心円は0〜4）",
    },
    "rubric_note": {
        "en": "Levels 0-3 are the project's own scale; level 4 is the brochure's desired state.",
        "ja": "レベル0〜3は本プロジェクト独自の尺度、レベル4はパンフレットの「望ましい状態」。",
    },
}


def label(key: str, lang: Lang, **values: object) -> str:
    """A report label, or a term the report shares with the app (`assistant.i18n.TERMS`)."""
    return lookup(LABELS, key, lang, **values)
