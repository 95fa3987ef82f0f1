"""Everyday words for what the cooperation menu prints: an official's words for a menu line
("write the specs", 「入札」, "raise funds") and for a kind of cooperation (money, small firms),
with how much each weighs against the words a question shares with a line. Kept apart from the
composer (``compose_kinds``) so the word lists can be read and extended as data.
"""

from __future__ import annotations

import re

__all__ = [
    "ASKER_LEVEL", "BROAD", "EVERYDAY", "EVERYDAY_WEIGHT", "LEVEL_ASKED", "LEVEL_NAMED", "LEVEL_WEIGHT", "ONE_LINE",
    "PREFER_TYPE",
    "SME",
]  # fmt: skip


# An everyday word names its line as surely as a shared printed word (BM25's top match, 1.5,
# may be a particle pair such as 「市の」): it weighs more than that.
EVERYDAY_WEIGHT = 2.0
# ... unless the word fits other lines as well (trying things out is also what a testbed is for;
# other cities are also who knowledge is shared with)
BROAD = frozenset({"スマートサービスの実証", "他都市への展開", "知見・教訓の共有"})
# ... and weigh more when the word names one line's own subject (電子政府 for E-Government),
# above words most lines share (取組み, スマートシティ)
ONE_LINE = frozenset({"E-Government", "都市空間整備計画", "資金調達制度", "technical evaluation"})
# Everyday words for what a menu line prints: (question words, a word of the printed line).
EVERYDAY: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"\bspecs\b|specifications?\b|仕様書|(tender|bidding) documents?|入札書類"),
        "terms of reference",
    ),
    (
        re.compile(
            r"\bbids?\b|\bbidding\b|\btenders?\b|\btendering\b|入札|"
            r"\b(vendor|supplier|bidder)s?\b|evaluat\w* (the |vendor |supplier )?(proposals|offers)|業者(の)?選定|ベンダー"
        ),
        "technical evaluation",
    ),
    (
        re.compile(
            r"steering (committee|group|body)|task ?force|committee|司令塔|推進本部|推進委員会|協議会|"
            r"束ね|取りまとめ|統括|coordinating (body|agency|unit|office)"
        ),
        "promotion bodies",
    ),
    # training staff, 研修: human resource development
    (re.compile(r"\btrain(ing)?\b|研修|育成|upskill|capacity|\bskills?\b|スキル"), "人材育成"),
    # a diagnosis of the present and a path forward: the survey's analysis and roadmap
    (
        re.compile(
            r"diagnos|as-is|current (situation|plans|state)|現状[^。？?]{0,4}(分析|把握|診断|調べ|調査)"
        ),
        "網羅的な分析",
    ),
    (re.compile(r"road ?map|道筋|進め方|ロードマップ"), "ロードマップ"),
    # trying services out before rolling them out: the demonstration line
    (
        re.compile(r"try (them |it )?out|trial|試し|試せ|試す|試験的|実証|pilot|demonstrat"),
        "スマートサービスの実証",
    ),
    # experience shared among those involved: the knowledge-sharing line
    (
        re.compile(
            r"(経験|ノウハウ|知見|教訓|成功例|好事例)[^。？?]{0,8}(共有|交換)|"
            r"shar(e|ing) (lessons|experiences?|know-?how|knowledge|good practices?)|"
            r"exchang(e|ing) (lessons|experiences?|know-?how|knowledge|ideas)"
        ),
        "知見・教訓の共有",
    ),
    # rules relaxed and incentives: the institutional framework line
    (
        re.compile(r"規制(を|の)?(緩|なく|見直)|deregulat|relax(ing)? (the )?(rules|regulations)"),
        "規制緩和",
    ),
    # institutions put right once running: the revision line
    (re.compile(r"\bfix(ing)? and improv|\brevis(e|ing|ion)|修正|見直し|手直し"), "修正と改善"),
    # good practice carried to other cities: the wider network line
    (
        re.compile(
            r"other (cities|towns|municipalities)|他(の)?都市|ほかの都市|他の自治体|(別|近隣|周辺)の(別の)?(都市|自治体|市)|"
            r"cities (abroad|overseas|in other countries)|foreign cities|sister cit|海外の都市|姉妹都市"
        ),
        "他都市への展開",
    ),
    # the city's own plan: the urban spatial plan line
    (
        re.compile(
            r"urban plan|(?<!smart )(?<!smart-)city plan|spatial plan|land[- ]use|都市計画|まちづくり計画|"
            r"master ?plan|(計画|plan)[^。？?]{0,12}(組み込|取り入|取入|incorporat|integrat)"
        ),
        "都市空間整備計画",
    ),
    # raising money for the work (a scheme to fund it, not JICA's own money): the ecosystem line
    (
        re.compile(
            r"資金[^。？?]{0,6}(集め|調達|確保)[^。？?]{0,12}(仕組み|制度|方法|スキーム)|資金調達の?(仕組み|制度)|"
            r"(rais(e|ing)|mobili[sz](e|ing)) (funds|money|finance|capital)|financing (scheme|mechanism)s?"
        ),
        "資金調達制度",
    ),
    # a city's or country's basic concept: the vision and strategy line
    (
        re.compile(r"基本構想|構想づくり|構想を(つく|作|策定)|concept plan|overall vision"),
        "ビジョンや戦略の策定支援",
    ),
    # e-government in other words: the national-level e-government line
    (
        re.compile(r"電子政府|電子行政|デジタル政府|digital government|e-?gov(ernment)?\b|egov"),
        "E-Government",
    ),
    # a body across ministries: the cross-ministry organisation line
    (
        re.compile(
            r"(各|複数の)?省庁(に|を)?(またが|横断|横串)|各省庁|省庁の枠|(cross|inter)-?ministr|across ministries|whole[- ]of[- ]government"
        ),
        "省庁横断",
    ),
]
# Words that ask for one kind of cooperation: money (or a Japanese SME's technology, which the
# finance heading's SME/SDGs verification serves) → the financial cooperation lines first.
PREFER_TYPE = (
    (
        re.compile(
            r"financ|\bfund(s|ing|ed)?\b|pay for|資金|融資|お金|費用を出|"
            r"\bsmes?\b|small and medium|中小企業|中小|sdgs|"
            r"small (and medium[- ]sized |or medium[- ]sized )?(businesses|firms|companies|enterprises)"
        ),
        "finance",
    ),
)
# Small firms are named in the finance heading itself (中小SDGs実証事業): that heading outweighs
# a word the question shares with another line (「枠組み」 with 制度枠組み).
SME = re.compile(
    r"\bsmes?\b|small and medium|中小企業|中小|"
    r"small (and medium[- ]sized |or medium[- ]sized )?(businesses|firms|companies|enterprises)"
)

# Who asks, when they say so: a city (当市, "our municipality") or a national body (a ministry,
# 国として). Lines printed at the asker's level weigh a little more (twins printed once serve both).
ASKER_LEVEL = (
    (
        re.compile(
            r"当市|本市|わが市|我が市|うちの(市|町|村)|市役所|(市|町|村)(の)?(職員|担当)|自治体として|地方政府|"
            r"\blocal government\b|"
            r"\bour (city|town|municipality|city hall|council)\b|\bcity hall\b|\bmunicipal (government|staff)"
        ),
        "city",
    ),
    (
        re.compile(
            r"国として|省庁|(当|本|わが|我が)省|\bour (ministry|national government|country)\b|"
            r"\bthe ministry\b|\bministry of\b|\bnational (government|strategy|level)\b"
        ),
        "national",
    ),
)
LEVEL_WEIGHT = 0.5
# Which level a line is printed at, asked ("national or city level?", 「国レベル？都市レベル？」).
LEVEL_ASKED = re.compile(
    r"national or (the )?(city|municipal|local)|(city|municipal|local)[\w ]{0,12} or (the )?national|"
    r"\b(which|what) level\b|(aimed|targeted|meant|intended) (at|for) (the )?(national|ministr|cit|municipal)|"
    r"ministries or (at )?(the )?(cit|municipal|local)|国レベル[^。]{0,12}(都市|自治体)|"
    r"(都市|自治体)[^。]{0,10}国レベル|どのレベル|国向け[^。]{0,10}(市|自治体)向け"
)
# one level named ("at the national level, can JICA ..."): an English answer quotes its heading
LEVEL_NAMED = re.compile(r"\b(national|city|municipal|local)[ -]levels?\b", re.I)
