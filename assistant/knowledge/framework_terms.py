"""The framework's items as a question names them: stages, ways to scale up, city types, menu
levels, elements by number and the brochure's parts, each with the markers (printed labels,
slogans, everyday and mixed-script names) that say a question names it, and ``found``, which
lists the ones a question names in its own order. ``intents`` holds the question kinds.
"""

from __future__ import annotations

import re
import unicodedata


def norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def squash(text: str) -> str:
    return re.sub(r"[\s\-_・･]+", "", norm(text))


_ASCII_EDGE = r"(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))"


def _any(patterns: str) -> re.Pattern[str]:
    """\\b as an ASCII word edge: in 「supportのmenuを」 the kana are word characters too, and
    "menu" must still be a word."""
    return re.compile(patterns.replace(r"\b", _ASCII_EDGE), re.I)


ELEMENT_ID = re.compile(
    r"(?<![a-z0-9])(?:e|element|エレメント)\s?(?:no\.?\s?|#)?(0?[1-9]|1[0-9]|2[01])(?![0-9])", re.I
)  # "E07", "element 18", 「エレメント5」

STAGES: dict[str, tuple[str, ...]] = {  # names, and the printed "fits" of each stage
    "small_start": (
        "smallstart",
        "スモールスタート",
        "quickwin",
        "新たに取組みを始める",
        "取組みを始める都市",  # the printed fit in other words (「これから取組みを始める都市」)
        "取り組みを始める都市",
        "startingnew",
        "juststarting",
        "onlystarting",
        "justbeginning",
        "onlybeginning",
        "firststage",
        "earlieststage",
        "lowest stage",
        "最初の段階",
        # its printed approach in a reader's words (start small, pile up small successes)
        "小さく始め",
        "小さくはじめ",
        "小さな成功",
        "startsmall",
        "startingsmall",
        "smallwins",
    ),
    "accelerate": (
        "accelerat",
        "加速",
        "取組みを進めようとしている",
        "取り組みを進めようとしている",
        "進めようとしている段階",
        "本格的に",
        "本格化",
        "secondstage",
        "2ndstage",
        "middlestage",
        "中間の段階",
        "2番目の段階",
        "movingforward",
        "movingtheirworkforward",
        "workforward",
    ),
    "sustainable_growth": (
        "sustainablegrowth",
        "持続的成長",
        "持続的な成長",
        "取組みを発展させていく",
        "取り組みを発展させていく",
        "取組みを発展させている",
        "取り組みを発展させている",
        "発展させていく段階",  # the printed fit without its subject (「さらに発展させていく段階」)
        "発展させる段階",
        "developingfurther",
        "developingtheirworkfurther",
        "mostadvanced",
        "mostmature",
        "highest stage",
        "thirdstage",
        "3rdstage",
        "3番目の段階",
        "finalstage",
        "laststage",
        "topstage",
        "最終段階",
        "最も成熟",
        "一番上の段階",
        "いちばん上の段階",
        "最上位の段階",
        "topmost",
        "最も進んだ",
    ),
}
# One scale-up way named explicitly (the printed labels and slogans, not the bare word "area").
SCALE_ONE: dict[str, tuple[str, ...]] = {
    "area": (
        "areabased",
        "点から面",
        "エリアを軸",
        "エリア型",
        "pointtoasurface",
        "pointtosurface",
        "areaapproach",
        "otherdistrict",
        "他の地区",
    ),
    "sector": (
        "sectorbased",
        "セクター型",
        "セクターを軸",
        "特定のセクターから",
        "多様なセクターへ",
        "onesectortomany",
        "sectorapproach",
        "sectorway",
        "specificsectortomany",
    ),
}
SCALE_WAYS: dict[str, tuple[str, ...]] = {
    "area": ("areabased", "エリアを軸", "点から面", "エリア型", "地区から"),
    "sector": ("sectorbased", "セクター", "sector", "分野を軸", "分野から"),
}
CITY_TYPES: dict[str, tuple[str, ...]] = {
    "metropolis": (
        "metropol",
        "representativecit",
        "capitalcity",
        "首都",
        "mostpopulous",
        "nationalcapital",
        "人口最大",
        "最も人口",
        "largecit",
        "biggestcit",
        "largestcit",
        "bigcapital",
        "largecapital",
        "majorcapital",
        "最大の都市",
        "最大都市",
        "大都市",
        "代表都市",
    ),
    "regional_core": (
        "regionalcore",
        "regionalhub",
        "administrativehub",  # the hub of its region
        "県庁所在地",
        "州都",
        "拠点都市",
        "の拠点になって",
        "administrativeandmarkethub",
        "markethub",
        "hubforthesurrounding",
        "regionalcent",
        "provincial",
        "servicecent",
        "地方中核",
        "中核都市",
        "地方の中心",
        "地域の中心",
        "地方の拠点",
        "中核となる",
        "中核市",
        "中核的な都市",  # 「地方の中核的な都市」
        "中核的都市",
        "secondarycit",  # a secondary or second-tier city (「地方都市」 is also said of
        # tourist and industry towns, so it names none)
        "secondtiercit",
    ),
    "industry_specialized": (
        "industryspecial",
        "specialisedin",
        "specializedin",
        "industrialcity",
        "industrycity",
        "oneindustry",
        "tourismindustry",
        "tourism",
        "naturalresource",
        "tourismcity",
        "touristcity",
        "tourismtown",
        "touristtown",
        "観光業",
        "観光都市",
        "観光産業",
        "mining",
        "鉱業",
        "portcity",
        "petrochem",  # a city that exists for one industry (its port, a refinery, a mine)
        "builtaround",
        "が主な産業",  # one industry the city lives on
        "が主力産業",
        "economydependson",
        "economyrelieson",  # a town living on one trade (fisheries, a port, a mine)
        "reliesheavilyon",
        "fisheries",
        "fishingtown",
        "fishingcity",
        "fishingport",
        "漁業",
        "漁港",
        "coppermine",
        "coalmine",
        "goldmine",
        "refiner",
        "becauseofitsport",
        "porttown",
        "港湾都市",
        "港町",
        "工業都市",
        "industrialtown",
        "singleindustry",
        "particularindustry",
        "specificindustry",
        "oneeconomicsector",
        "一つの産業",
        "単一の産業",
        "特定産業",
        "産業に特化",
        "特定の産業",
        "産業特化",
    ),
    "area_development": (
        "areadevelopment",
        "smartdistrict",
        "reclaimedland",
        "埋め立て",
        "埋立地",
        "newdistrict",
        "newtown",
        "greenfield",
        "newlydeveloped",
        "エリア開発",
        "新しく開発",
        "新規開発",
        "新たに開発",
        "ニュータウン",
        "造成",  # land being prepared for a new district
        "satellitetown",  # a new town built beside a city, on an empty site
        "satellitecity",
        "衛星都市",
        "emptysite",
        "更地",
        "specialeconomiczone",  # a zone built from scratch for investment
        "経済特区",
    ),
}
LEVELS: dict[str, tuple[str, ...]] = {
    "national": ("national", "ministry", "国レベル", "国の", "国家", "省庁"),
    "city": (
        "citylevel",
        "municipal",
        "local government",
        "city government",
        "cityhall",
        "自治体",
        "都市レベル",
        "市レベル",
        "市役所",
        "市町村",
    ),
}


_STAGE_WORD = _any(r"\bstages?\b|\bphases?\b|段階|ステージ")
# Stages by their place in the sequence (only when the question speaks of stages).
_ORDINAL = _any(
    r"(?P<one>\b(1st|first)\b|第(1|一)段階|(1|一)(番目|つ目))|"
    r"(?P<two>\b(2nd|second|middle)\b|第(2|二)段階|(2|二)(番目|つ目))|"
    r"(?P<three>\b(3rd|third|last|final)\b|第(3|三)段階|(3|三)(番目|つ目))"
)
_ORDINAL_STAGE = {"one": "small_start", "two": "accelerate", "three": "sustainable_growth"}


# A situation that is one way to scale up without naming it: work in one district grown to
# others (area), work in one field widened into others (sector).
_FIELDS = r"(transport|traffic|mobility|energy|health|water|waste|education|tourism|lighting)"
_WAY_SITUATIONS = {
    "area": _any(
        r"\b(one|a single|a|our|the|that|this) (district|neighbou?rhood|ward|zone|block)\b|"
        r"other (districts|neighbou?rhoods|wards|zones)|(一つ|1つ|ひとつ|特定|一部)の(地区|地域|エリア)|"
        r"他の(地区|地域)|ほかの(地区|地域)"
    ),
    "sector": _any(
        rf"\b(beyond|from|outside|besides) {_FIELDS}|\binto {_FIELDS}\b|other (fields|sectors)|"
        r"(交通|医療|防災|エネルギー|ごみ|廃棄物|教育|水道|観光)(分野|セクター)?(から|以外|に加え)|"
        r"(他|ほか)の(分野|セクター)"
    ),
}


PARTS = {  # the brochure's part headings, as a question may name them
    "why": ("jica's mind", "jicas mind", "jica’s mind"),
    "what": ("what are smart city elements",),
    "where": ("where is your position",),
    "how": ("how to scale-up", "how to scale up"),
    "support": ("jica's support", "jica’s support"),
}


def brochure_part(question: str) -> str | None:
    """The brochure part a question names by its printed heading, if any."""
    q = norm(question)
    return next((p for p, names in PARTS.items() if any(n in q for n in names)), None)


def _one_dropped(markers: tuple[str, ...]) -> re.Pattern[str]:
    """A stage's English names with one letter left out ("sustanablegrowth", "smalstart")."""
    long = [squash(m) for m in markers if m.isascii() and len(squash(m)) >= 9]
    return re.compile("|".join(re.escape(m[:i] + m[i + 1 :]) for m in long for i in range(len(m))))


_STAGE_SLIPS = {key: _one_dropped(markers) for key, markers in STAGES.items()}


def found(table: dict[str, tuple[str, ...]], question: str) -> list[str]:
    """Keys of ``table`` whose markers occur in the question, in the question's order (a stage
    also by its English name with one letter dropped)."""
    q = squash(re.sub(r"[「」『』“”\"]", "", question))  # 「進めようとしている」段階: quotes apart
    hits: list[tuple[int, str]] = []
    for key, markers in table.items():
        pos = [q.find(squash(m)) for m in markers if squash(m) in q]
        if not pos and table is STAGES:
            slip = _STAGE_SLIPS[key].search(q)
            pos = [slip.start()] if slip else []
        if pos:
            hits.append((min(pos), key))
    if table is STAGES and _STAGE_WORD.search(norm(question)):
        for match in _ORDINAL.finditer(norm(question)):  # "the 2nd and 3rd stage", 「第2段階」
            key = _ORDINAL_STAGE[next(g for g, v in match.groupdict().items() if v)]
            if all(k != key for _, k in hits):
                hits.append((match.start(), key))
    if table is SCALE_WAYS:  # the way a situation describes ("a pilot in one district")
        for key, pattern in _WAY_SITUATIONS.items():
            seen = pattern.search(norm(question))
            if seen and all(k != key for _, k in hits):
                hits.append((seen.start(), key))
    if table is SCALE_WAYS and all(k != "area" for _, k in hits):
        area = re.search(r"area(?!development)|エリア(?!開発)", q)
        if area:
            hits.append((area.start(), "area"))
    return [k for _, k in sorted(hits)]


# Framework words long and distinctive enough that one slip of the keyboard still names them
# ("how many elemnts"): mended before the question is read, so counts and kinds see the word.
_MENDABLE = (
    *("elements", "element", "domains", "domain", "cooperation", "approach", "maturity"),
    *("platform", "assessment", "technology", "organisation", "organization", "stages", "stage"),
    "support",  # "is there suport for cybersecurity?" asks for help all the same
)
# Real words one letter from a framework word: never mended ("a South Asian state" is no stage).
_REAL_WORDS = frozenset(
    {"states", "stapes", "stager", "stagey", "remain", "state", "stake", "stale", "stare"}
    | {"stave", "staged", "stagy", "supports", "stakes", "stares", "staves"}
)


def _one_edit(a: str, b: str) -> bool:
    """One letter dropped, added, replaced or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def mend(question: str) -> str:
    """The question with misspelt framework words ("elemnts", "cooperaton") spelt right."""

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        low = word.lower()
        if low in _MENDABLE or low in _REAL_WORDS:
            return word
        right = next((m for m in _MENDABLE if _one_edit(low, m)), None)
        return right if right else word

    return re.sub(r"(?<![A-Za-z])[A-Za-z]{5,}(?![A-Za-z])", fix, question)
