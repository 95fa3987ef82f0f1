"""The words of the scoring explanations, in English and Japanese (data only, no logic)."""

from __future__ import annotations

from assistant.models import Lang

MESSAGES: dict[str, dict[Lang, str]] = {
    "rule_domain": {
        "en": "Rule D: a domain's score is the mean of its elements' known levels (0-4); "
        "unknown answers are left out and shown as coverage.",
        "ja": "ルール（分野）：分野のスコアは、その分野のエレメントのうち回答済みレベル（0〜4）の平均。"
        "不明の回答は除外し、回答率として示す。",
    },
    "domain_concl": {
        "en": "score {score}, {n} of {t} elements answered",
        "ja": "スコア {score}、{t} エレメント中 {n} 件回答",
    },
    "rule_stage": {
        "en": "Rule S: at least {min_answered} of the 21 elements, and every domain, must have a "
        "known level; otherwise the stage cannot be judged yet. The overall score is the mean of "
        "the five domain scores: 3.0 or more with no domain under 2.0 is Sustainable Growth; 1.5 "
        "or more is Accelerate; below that is Small Start.",
        "ja": "ルール（段階）：21エレメント中{min_answered}件以上、かつ全分野で1件以上の回答がなければ、"
        "段階はまだ判定できない。総合スコアは5分野のスコアの平均で、3.0以上かつ2.0未満の分野がなければ"
        "「持続的成長」、1.5以上なら「加速」、それ未満は「スモールスタート」の段階。",
    },
    "stage_small_start": {
        "en": "Small Start: overall score {overall} from {n} answers",
        "ja": "スモールスタート：{n} 件の回答から総合スコア {overall}",
    },
    "stage_accelerate": {
        "en": "Accelerate: overall score {overall} from {n} answers",
        "ja": "加速：{n} 件の回答から総合スコア {overall}",
    },
    "stage_sustainable_growth": {
        "en": "Sustainable Growth: overall score {overall} from {n} answers",
        "ja": "持続的成長：{n} 件の回答から総合スコア {overall}",
    },
    "stage_insufficient_data": {
        "en": "Insufficient data: only {n} elements have a known level",
        "ja": "判定不能：レベルが分かっているエレメントは {n} 件のみ",
    },
    "rule_priorities": {
        "en": "Rule P: elements at level 2 or below are gaps; the lowest levels come first, ties "
        "go to foundation domains (policy, then organization, system, technology, operation), "
        "then element number; up to 5 are chosen, and level-3 elements fill up to 3 when there "
        "are fewer gaps.",
        "ja": "ルール（優先）：レベル2以下のエレメントをギャップとし、レベルの低い順、同じレベルなら基盤となる分野"
        "（政策→組織→システム→技術→運用）の順、次にエレメント番号順に最大5件を選ぶ。ギャップが3件未満の"
        "ときはレベル3のエレメントで3件まで補う。",
    },
    "prio_reason": {
        "en": "Level {level} of 4 in the {domain} domain: among the lowest answers, so it holds "
        "the rest back.",
        "ja": "{domain}分野でレベル{level}（4段階中）。回答の中でも低く、他の取組みの足かせになる。",
    },
    "rule_scale_up": {
        "en": "Rule A: the city's named focus decides first (areas, sectors or both); then "
        "Sustainable Growth calls for combined; then the city character.",
        "ja": "ルール（広げ方）：都市が挙げた重点（エリア、セクター、または両方）を最優先し、次に「持続的成長」の段階"
        "なら組合せ、その他は都市の性格で決める。",
    },
    "scale_focus_both": {
        "en": "The city named both focus areas and focus sectors, so the two ways are combined.",
        "ja": "重点エリアと重点セクターの両方が挙げられたため、2つの方法を組み合わせる。",
    },
    "scale_focus_area": {
        "en": "The city named focus areas: start in those districts, then spread (from a point to "
        "a surface).",
        "ja": "重点エリアが挙げられたため、その地区で先行して実現し、広げていく（点から面へ）。",
    },
    "scale_focus_sector": {
        "en": "The city named focus sectors: lead in those sectors, then widen to others.",
        "ja": "重点セクターが挙げられたため、その分野で先行し、多様な分野へ広げていく。",
    },
    "scale_stage_sustainable": {
        "en": "At Sustainable Growth the printed approach is comprehensive work across domains, so "
        "area and sector are combined.",
        "ja": "「持続的成長」の段階では領域横断で包括的に取り組むため、エリアとセクターを組み合わせる。",
    },
    "scale_type_area_development": {
        "en": "An area-development city works in a defined district first and spreads beyond it.",
        "ja": "エリア開発型の都市は、一定の地区で先行し、将来的にエリアを超えて波及させる。",
    },
    "scale_type_industry_specialized": {
        "en": "A city specialised in one industry leads with that sector, then widens.",
        "ja": "特定産業特化型の都市は、その産業分野で先行し、他分野へ広げる。",
    },
    "scale_type_regional_core": {
        "en": "A regional core city brings basic services to all citizens: lead with one service "
        "sector citywide, then widen to others.",
        "ja": "地方中核都市は基礎的な都市サービスを市民全体に提供するため、一つのサービス分野を市全体で先行し、"
        "他分野へ広げる。",
    },
    "scale_metropolis_private": {
        "en": "A metropolis with private-sector lead: a private-led district goes first, then its "
        "lessons spread.",
        "ja": "民間主導の大都市では、民間主導の地区で先行し、その知見を広げる。",
    },
    "scale_metropolis_accelerate": {
        "en": "A metropolis at Accelerate strengthens chosen areas and sectors together.",
        "ja": "「加速」段階の大都市は、注力するエリアと分野を同時に強化する。",
    },
    "scale_metropolis_start": {
        "en": "A metropolis starting out tries things in one district (a testbed) first.",
        "ja": "取組みを始める大都市は、まず一つの地区（テストベッド）で試す。",
    },
    "rule_cooperation": {
        "en": "Rule C: a menu line fits when an element it serves is a gap (level 2 or below; for "
        "surveys also unknown). Relevance adds 3 minus the level of each gap, 1 per unknown, 2 per "
        "priority element, and 1 when the line's level matches the lead actor.",
        "ja": "ルール（協力）：協力メニューの各項目は、対応するエレメントがギャップ（レベル2以下、調査は不明も含む）"
        "のとき該当する。関連度は各ギャップの（3−レベル）、不明1件につき1、優先エレメント1件につき2、"
        "実施主体とレベルが一致すれば1を加える。",
    },
    "coop_why": {
        "en": "Elements with gaps: {gaps}; unknown: {unknown}.",
        "ja": "ギャップのあるエレメント：{gaps}、不明：{unknown}。",
    },
    "coop_lead": {
        "en": "Its level matches the lead actor ({actor}).",
        "ja": "実施主体（{actor}）とレベルが一致。",
    },
    "coop_concl": {
        "en": "This option fits the city's gaps (relevance {relevance}).",
        "ja": "この協力メニューは都市のギャップに該当する（関連度 {relevance}）。",
    },
}


# Values scoring passes in as identifiers (who leads, the city's character), said in words.
VALUE_WORDS: dict[str, dict[Lang, str]] = {
    "national": {"en": "national government", "ja": "国"},
    "municipal": {"en": "municipality", "ja": "地方自治体"},
    "private": {"en": "private sector", "ja": "民間"},
    "metropolis": {"en": "metropolis", "ja": "大都市"},
    "regional_core": {"en": "regional core city", "ja": "地方中核都市"},
    "industry_specialized": {"en": "industry-specialised city", "ja": "特定産業特化型都市"},
    "area_development": {"en": "area development type", "ja": "エリア開発型"},
}


def msg(lang: Lang, key: str, **values: object) -> str:
    """A message in the given language with its values filled in; identifiers among the values
    (``municipal``, ``regional_core``) become words, so no raw token reaches a reader."""
    words = {
        k: VALUE_WORDS[v][lang] if isinstance(v, str) and v in VALUE_WORDS else v
        for k, v in values.items()
    }
    return MESSAGES[key][lang].format(**words)
