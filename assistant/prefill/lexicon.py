"""How city documents name each element's topic: word stems beyond the framework's keywords.

The framework's keywords are the assessment's own terms ("urban OS", "co-creation"); a city's
plan or minutes say "control room dashboard", "public hearing", "twinning agreement". These
stems were written from the elements' definitions and rubrics (not from any evaluation
document) and only add evidence to the embedding comparison: a sentence still has to resemble
the element more than the others. A sentence that lists several sectors speaks of the vision's
breadth (E02) whatever its words.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.models import Lang

# Funding that is a grant and nothing else ("funded only by a national grant", "補助金のみ"):
# the business model's absence (E05) and the one-off money that stops (E21) in one phrase.
GRANT_ONLY_EN = (
    r"(?:only|solely|entirely|wholly|exclusively|fully|all) (?:\w+ ){0,4}grants?\b|grants? (?:only|alone)"
    r"|(?:depend|rel(?:y|ies|ied|iant))\w* (?:\w+ ){0,3}grants?\b"
)
GRANT_ONLY_JA = [
    "補助金のみ",
    "補助金だけ",
    "交付金のみ",
    "交付金だけ",
    "補助金に頼",
    "交付金に頼",
    "補助金に依存",
    "交付金に依存",
    "補助金で賄",
    "交付金で賄",
]

EN: dict[str, list[str]] = {
    "E01": [r"vision", r"(?:aims?|aspires?|wants?|seeks?) to (?:be|become)", r"future (?:image|city)",
            r"philosoph", r"well-?being", r"smart[- ]city (?:concept|strategy|plan)"],
    "E02": [r"multi-?sector", r"cross-?sector", r"(?:all|many|several|every) (?:sectors|areas|fields)",
            r"(?:covers?|spans?|across) (?:\w+ ){0,3}(?:sectors|areas|fields|domains)"],
    "E03": [r"targets?\b", r"\bkpis?\b", r"indicators?", r"measurable", r"baseline",
            r"\d+ ?(?:%|percent|per cent)"],
    "E04": [r"aligned with", r"consistent with", r"in line with",
            r"(?:comprehensive|master|development|national|sector) (?:plan|strategy)", r"coheren"],
    "E05": [r"business (?:case|model|plan)", r"cost[- ]benefit", r"return on investment", r"revenue",
            r"user fees?", r"running costs", r"cost recovery", r"tariffs?", r"\bloans?\b", r"repa(?:id|y)", r"payback", r"self-financ",
            r"public[- ]private partnership", r"\bppp\b", r"investors?", r"financing", GRANT_ONLY_EN],
    "E06": [r"awareness", r"publici[sz]", r"campaign", r"communicat", r"outreach",
            r"information (?:sessions?|meetings?)", r"newsletter", r"brochure",
            r"(?:residents|citizens|the public) (?:know|are aware|understand)"],
    "E07": [r"(?:smart[- ]city|digital|innovation|transformation|ict|e-government) (?:office|unit|"
            r"department|directorate|division|team|agency|section)", r"steering (?:committee|group)",
            r"task ?force", r"chief (?:digital|information|innovation|technology) officer",
            r"\bc[di]o\b", r"headed by", r"reports? (?:directly )?to the (?:mayor|deputy)",
            r"chaired by the (?:mayor|city|municipal)"],
    "E08": [r"universit", r"college", r"polytechnic", r"chamber of commerce", r"private (?:sector|companies|firms|partners)",
            r"academi", r"research (?:institut|centre)", r"consortium",
            r"memorandum of understanding", r"\bmou\b", r"\bngos?\b", r"civil society"],
    "E09": [r"training", r"specification", r"\btender", r"procur", r"evaluat\w* (?:the )?(?:bids|system|pilot)",
            r"technical (?:staff|team|expertise)", r"advis[eo]r", r"trained"],
    "E10": [r"start-?ups?", r"incubat", r"accelerator", r"hackathon", r"innovation (?:hub|centre|"
            r"center|district|lab)", r"testbed", r"entrepreneur", r"venture", r"local (?:firms|developers)"],
    "E11": [r"\btrust", r"transparen", r"privacy", r"personal (?:data|information)",
            r"worried", r"complain", r"accountab", r"surveillance", r"cameras?"],
    "E12": [r"by-?laws?", r"ordinance", r"regulat", r"legal framework", r"legislation", r"sandbox",
            r"guidelines?", r"incentives?", ],
    "E13": [r"public (?:hearings?|consultations?|meetings?)", r"ward committees?", r"co-?(?:design|creat)",
            r"participat", r"feedback", r"surveys?", r"workshops?", r"living lab",
            r"citizen (?:panels?|assembl|jur)", r"community meetings?", r"town hall",
            r"(?:reporting|feedback|complaints?) (?:line|app|channel|platform)",
            r"residents (?:asked|requested|raised|proposed)", r"residents (?:can|may) (?:report|comment|vote|propose)",
            r"consulted"],
    "E14": [r"decarboni", r"carbon", r"emissions?", r"climate", r"energy (?:use|saving|efficien|consumption)",
            r"disaster", r"flood", r"resilien", r"quality of life", r"health outcomes"],
    "E15": [r"data platform", r"urban os", r"dashboard", r"data hub", r"integrat\w* (?:data|systems)",
            r"(?:separate|not connected|do not exchange)", r"interoperab", r"\bapis?\b",
            r"control (?:room|centre|center)", r"command (?:centre|center)", r"(?:exchange|share) data"],
    "E16": [r"open data", r"data ?portal", r"datasets?", r"analytics", r"big data", r"data[- ]driven",
            r"publish\w* (?:\w+ ){0,3}data", r"data (?:use|analysis)",
            r"data (?:is|are|was|were|has been|have been) (?:published|released|shared)",
            r"(?:location|mobile phone|sensor|traffic|usage) data", r"anonymi[sz]ed", r"spreadsheets?",
            r"downloadable"],
    "E17": [r"cyber", r"security polic", r"information security", r"backups?", r"breach", r"attacks?",
            r"phishing", r"penetration test", r"iso ?27001", r"incidents?", r"ransomware"],
    "E18": [r"service design", r"user (?:needs|research|journey)", r"needs assessment", r"designed around",
            r"(?:outcomes?|requirements) (?:it wanted )?rather than", r"technology (?:choice|selection)",
            r"whole service", r"process (?:redesign|re-engineering)", r"business process",
            r"focus groups?", r"before (?:choosing|selecting|deciding on|buying) (?:any |a |the )?"
            r"(?:technology|technologies|system|solution)"],
    "E19": [r"(?:new|change of|incoming) (?:mayor|administration|government|council)", r"elections?",
            r"review\w* (?:of )?(?:the |its )?(?:plan|roadmap|strategy|programme)",
            r"revis\w* (?:of )?(?:the |its )?(?:plan|workplan|work plan|roadmap|strategy|programme)",
            r"abolish", r"suspend", r"paused", r"switched off", r"discontinu", r"frozen"],
    "E20": [r"sister cit", r"twin(?:ning)? ?(?:city|cities|town|agreement)", r"twinning",
            r"other (?:cities|municipalities|towns)", r"neighbou?ring (?:cities|municipalities|towns)",
            r"city network", r"study (?:visits?|tours?)", r"peer (?:learning|exchange)",
            r"staff exchanges?", r"association of (?:cities|municipalities)"],
    "E21": [r"budget", r"multi-?year", r"long-?term", r"operat\w* (?:and maintenance|costs)",
            r"maintenance", r"recurrent", r"grants? end", r"donor",
            r"fixed-term", GRANT_ONLY_EN],
}  # fmt: skip

JA: dict[str, list[str]] = {
    "E01": ["ビジョン", "目指す姿", "将来像", "基本理念", "理念", "ウェルビーイング", "Well-being", ],
    "E02": ["分野横断", "複数の分野", "幅広い分野", "各分野", "全分野", "あらゆる分野"],
    "E03": ["目標値", "数値目標", "KPI", "指標", ],
    "E04": ["整合", "総合計画", "上位計画", "関連計画", ],
    "E05": ["収益", "ビジネスモデル", "費用対効果", "投資", "資金調達", "自立", "官民連携", "PPP", "PFI",
            "受益者負担", "利用料", *GRANT_ONLY_JA],
    "E06": ["周知", "広報", "説明会", "市報", "認知", "PR", "普及啓発", "シンポジウム", ],
    "E07": ["推進室", "推進本部", "推進課", "推進係", "本部長", "CIO", "CDO", "推進体制", "専任",
            "庁内横断", "司令塔", "推進組織"],
    "E08": ["産官学", "産学官", "大学", "民間事業者", "協議会", "コンソーシアム", "連携協定",
            "金融機関", "NPO", "商工会"],
    "E09": ["人材育成", "研修", "調達", "専門人材", "外部人材", "スキル", "仕様", "事業者の選定",
            "効果検証"],
    "E10": ["スタートアップ", "ベンチャー", "インキュベーション", "ハッカソン", "実証フィールド",
            "エコシステム", "創業", "地元企業"],
    "E11": ["信頼", "透明性", "プライバシー", "個人情報", "苦情", "説明責任", "監視"],
    "E12": ["条例", "規制", "法令", "特区", "ガイドライン", "要綱", ],
    "E13": ["市民参加", "住民参加", "共創", "ワークショップ", "意見募集", "パブリックコメント",
            "アンケート", "市民の意見", "住民の意見", "住民の声", "市民の声", "対話", "参画"],
    "E14": ["脱炭素", "CO2", "温室効果ガス", "省エネ", "防災", "減災", "気候", "生活の質",
            "エネルギー", "洪水", "浸水", "豪雨"],
    "E15": ["都市OS", "データ連携基盤", "連携基盤", "ダッシュボード", "API", "一元的", "一元化",
            "システム間"],
    "E16": ["オープンデータ", "データセット", "データ活用", "データ分析", "ビッグデータ", "データを公開"],
    "E17": ["セキュリティ", "不正アクセス", "バックアップ", "情報漏", "標的型", "サイバー", "インシデント"],
    "E18": ["サービスデザイン", "ニーズ", "利用者", "業務改革", "BPR", "技術選定", "業務フロー"],
    "E19": ["見直し", "政権交代", "市長が交代", "市長交代", "首長交代", "凍結", "廃止", "柔軟", ],
    "E20": ["姉妹都市", "他都市", "他市", "他の自治体", "近隣", "広域連携", "視察", "都市間", "自治体間",
            ],
    "E21": ["中長期", "複数年", "維持管理", "保守", "補助金", "交付金", "財源", "恒常",
            "継続的", "運用費", "運用経費", "維持費", "ランニングコスト", *GRANT_ONLY_JA],
}  # fmt: skip

# Sectors a city's services fall into: a sentence naming several speaks of breadth (E02).
SECTORS = {
    "en": r"transport|mobility|health|education|water|sanitation|energy|waste|housing|tourism|"
    r"agricultur|economic|disaster|flood|environment|safety|welfare|administration|public services",
    "ja": r"交通|医療|福祉|教育|防災|観光|農業|環境|エネルギー|子育て|行政|産業|水道|住宅|健康",
}
BREADTH = 3

_COMPILED: dict[tuple[str, Lang], re.Pattern[str]] = {}


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _patterns(element_id: str, lang: Lang) -> list[re.Pattern[str]]:
    source = EN if lang == "en" else JA
    out = []
    for stem in source.get(element_id, []):
        key = (stem, lang)
        if key not in _COMPILED:
            body = stem if lang == "en" else re.escape(_norm(stem))
            _COMPILED[key] = re.compile(rf"(?<![a-z0-9]){body}" if lang == "en" else body)
        out.append(_COMPILED[key])
    return out


def matched(element_id: str, text: str, lang: Lang) -> set[str]:
    """The stems of the element found in the text (a list of sectors is one, "<sectors>")."""
    norm = _norm(text)
    found = {p.pattern for p in _patterns(element_id, lang) if p.search(norm) is not None}
    sectors = {m.group() for m in re.finditer(SECTORS[lang], norm)}
    if element_id == "E02" and len(sectors) >= BREADTH:
        found.add("<sectors>")
    return found


def hits(element_id: str, text: str, lang: Lang) -> int:
    """How many distinct stems of the element the text holds."""
    return len(matched(element_id, text, lang))


# Elements whose plain words are everyday municipal vocabulary: "aligned with the master plan",
# "zoning regulations", "building permits". They are about the *smart-city* instance (a digital
# scope aligned with the city plan; rules for smart-city development), so their paragraph must
# speak of digital or data work for a sentence to count as speaking of them.
NEEDS_DIGITAL = frozenset({"E04", "E12"})
# Elements a city's plan speaks of in plain terms too: its vision and breadth, and the links to
# climate, disaster risk and quality of life.
ANY_CONTEXT = frozenset({"E02", "E14"})
DIGITAL = {
    "en": re.compile(
        r"(?<![a-z])(?:smart|digital|data|ict|technolog|online|e-government|platform|apps?\b|"
        r"sensors?|internet|dx\b|iot\b|ai\b|software|systems?\b|innovation|sms\b|"
        r"text messages?|mobile (?:phones?|network|operators?|apps?)|smartphones?|dashboards?|"
        r"web\b|website|web ?page|portal|e-?mail|electronic|computer|server|cloud|gis\b|"
        r"cctv|telemetr|automatic (?:\w+ )?(?:gauges?|stations?|sensors?)|cyber)"
    ),
    "ja": re.compile(
        r"スマート|デジタル|データ|ict|dx|iot|ai|オンライン|情報|システム|アプリ|センサー|"
        r"メール|ウェブ|ホームページ|ポータル|ダッシュボード|クラウド|サーバ|電子|スマホ|"
        r"スマートフォン|携帯電話|sms|gis|サイバー"
    ),
}


def digital(text: str, lang: Lang) -> bool:
    """Does the text speak of digital or data work?"""
    return DIGITAL[lang].search(_norm(text)) is not None


# Elements that are a relation between things: a sentence speaks of E04 (the smart-city plan's
# place among the city's and the nation's plans) only when it states a relation ("aligned
# with", "refers to", "positioned as", 整合, 位置付け, 踏まえ), not when it names a plan ("the
# Integrated Development Plan was approved", "a digital strategy should be prepared").
REQUIRES: dict[str, dict[str, re.Pattern[str]]] = {
    "E04": {
        "en": re.compile(
            r"(?<![a-z])(?:align|consisten|in line with|coheren|refer|link|derived from|"
            r"contribut\w* to|part of|positioned|implement\w* the|under the umbrella|"
            r"in accordance with|based on|reflect)"
        ),
        "ja": re.compile(r"整合|位置付|位置づけ|踏まえ|連動|基づ|沿って|沿う|反映|具体化|一体的"),
    },
    # E11 is trust *among government, businesses and residents*: an internal rule on personal
    # data is data governance (E16) unless the sentence turns to the people it concerns.
    "E11": {
        "en": re.compile(
            r"(?<![a-z])(?:residents?|citizens?|the public|public (?:trust|confidence)|people|"
            r"communit|businesses|trust|confiden|worr|concern|complain|fear|notice|transparen|"
            r"accountab|surveillance)"
        ),
        "ja": re.compile(
            r"市民|住民|町民|村民|県民|事業者|安心|信頼|不安|懸念|苦情|透明|説明責任|公表"
            r"|プライバシー|利用目的|同意"
        ),
    },
}

# A sentence telling that the element's work was stopped (a body abolished, a roadmap dropped):
# what was stopped is not what operates now, so the draft is at most ``STOPPED_CAP`` (1 for
# E19, whose lowest levels are exactly "a change of leadership stops the work").
STOPPED = {
    "en": re.compile(
        r"(?<![a-z])(?:wound up|abolish|discontinu|dropped|abandon|not carried forward|"
        r"no longer in force|dissolved|terminated|halted|suspended|shelved|cancell?ed|"
        r"stopped|ended)"
    ),
    "ja": re.compile(
        r"廃止|中止|打ち切|凍結|休止|解散|取りやめ|取り止め|白紙"
        r"|(?:市長|町長|村長|首長|政権)(?:の)?交代.{0,30}(?:見直され|縮小)"
    ),
}
STOPPED_CAP = {"E19": 1}
STOPPED_DEFAULT = 2


def stopped_cap(element_id: str, text: str, lang: Lang) -> int | None:
    """The highest level a text telling that work was stopped can support (None: no cap)."""
    if STOPPED[lang].search(_norm(text)) is None:
        return None
    return STOPPED_CAP.get(element_id, STOPPED_DEFAULT)


# What only names a topic in passing: others' examples taken as a reference ("他市の事例も参考
# に", "drawing on other cities' experience"), a topic "reported separately". No level follows.
PASSING: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"reported separately|covered (?:in|by) (?:a )?separate|(?:drawing|draw) on (?:the )?"
        r"(?:experience|examples?) of other|(?:examples?|experience) (?:of|from) other "
        r"(?:cities|municipalities) (?:will be|are being) (?:studied|consulted|considered)"
        r"|^(?:[a-z][\w.'’-]*\s+){1,4}(?:mentioned|remarked) (?:that|in passing)"
    ),
    "ja": re.compile(r"(?:事例|取組|先進例)を?も?参考に|別途報告|別途まとめ"),
}


# What only says a value is held, in a speech or a meeting ("Trust is essential to everything we
# do", "…なども大事だと思います"): a view of what matters, nothing about what the city has.
OPINION: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"^(?:[a-z][\w'’-]*\s+){1,4}(?:is|are|remains?) (?:so |very |absolutely )?(?:essential|"
        r"important|vital|crucial|critical|fundamental|key) (?:to|for|in)\b(?!.*\d)"
        r"|^(?:i|we) (?:believe|think|feel) (?:that )?"
    ),
    "ja": re.compile(
        r"(?:大事|大切|重要|必要)(?:な(?:こと|もの))?だと(?:思い|思う|考え)[^。]{0,8}[。．]?\s*$"
    ),
}


def opinion(text: str, lang: Lang) -> bool:
    """Does the text only say that something matters (a view, no fact about the city)?"""
    return OPINION[lang].search(_norm(text).strip()) is not None


def states_relation(element_id: str, text: str, lang: Lang) -> bool:
    """Does the text name what the element requires? (True for the others.)"""
    pattern = REQUIRES.get(element_id, {}).get(lang)
    return pattern is None or pattern.search(_norm(text)) is not None


def in_passing(text: str, lang: Lang) -> bool:
    """Does the text only name a topic in passing (a reference, a pointer elsewhere)?"""
    return PASSING[lang].search(_norm(text)) is not None


# What the rubric places at a level by itself. Data put out for anyone to use ("publishes the
# budget as open data", "データセットを公開しています") is E16 level 2 ("a few data sets on a web
# page") at least; projects paid for by a grant and nothing else are E05's and E21's level 0
# ("projects depend entirely on one-off grants"). Told as done, with no negation and no plan.
PUBLISHED = {
    "en": re.compile(
        r"(?<![a-z])(?:publish(?:es|ed)?|releas(?:es|ed)|posts|posted|puts|put|uploads|"
        r"uploaded|makes|made|shares|shared)\b[^.;]{0,80}(?:open data|data ?sets?\b|"
        r"data portal)|(?:open data|data ?sets?)\b[^.;]{0,40}\b(?:is|are|was|were|has been|"
        r"have been) (?:published|released|posted|online|downloadable)"
    ),
    "ja": re.compile(
        r"(?:オープンデータ|データセット|データ)[^。]{0,40}(?:公開して|公開中|公開され|"
        r"掲載して|掲載され|ダウンロードでき)"
    ),
}
GRANT_ONLY = {
    "en": re.compile(rf"(?<![a-z])(?:{GRANT_ONLY_EN})"),
    "ja": re.compile("|".join(re.escape(w) for w in GRANT_ONLY_JA)),
}
STATED: dict[str, tuple[int, dict[str, re.Pattern[str]]]] = {
    "E16": (2, PUBLISHED),
    "E05": (0, GRANT_ONLY),
    "E21": (0, GRANT_ONLY),
}


def stated_level(element_id: str, text: str, lang: Lang) -> int | None:
    """The level the text's own words place the element at by the rubric (or None)."""
    rule = STATED.get(element_id)
    if rule is None or rule[1][lang].search(_norm(text)) is None:
        return None
    return rule[0]
