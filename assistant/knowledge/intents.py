"""What kind of question this is: the patterns the offline answer composer dispatches on.

Kept apart from the composer so the patterns (en + ja, mixed script) can be read and tested as
data. Matching runs on an NFKC-normalised, lower-cased question; ``squash`` also drops spaces so
"Small Start", "SmallStart" and 「Small Startと」 match alike.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.knowledge.specifics import specific_kind

__all__ = ["specific_kind"]  # the not-in-sources test lives in specifics.py

Lang = str


def norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def squash(text: str) -> str:
    return re.sub(r"[\s\-_・･]+", "", norm(text))


def _any(patterns: str) -> re.Pattern[str]:
    return re.compile(patterns, re.I)


# Words that tie a question about money or procedure to JICA's cooperation (then it is on-topic
# but unanswerable, not off-topic).
DOMAIN = _any(
    r"jica|smart ?city|smart-city|cooperation|technical assistance|support|loan|grant|funding|"
    r"project|pilot|platform|urban|municipal|master plan|m/p|survey|expert|demonstration|"
    r"スマートシティ|協力|支援|円借款|融資|案件|事業|調査|専門家|実証|"
    r"都市|自治体|無償|有償|要請|派遣|\boda\b|\bkpis?\b|development (bank|partner|cooperation)"
)


# --- answerable kinds --------------------------------------------------------------------------

CONTACT = _any(
    r"contact|e-?mail|phone|telephone|address|reach (jica|them)|get in touch|連絡先|問い合わせ|"
    r"問合せ|電話|メール|住所|連絡"
)
DIFFERENCE = _any(
    r"differen|differ\b|versus|\bvs\.?\b|compare|comparison|distinguish|contrast|"
    r"違い|異な|比較|どう違|区別"
)
START = _any(
    r"where (do|should|can) (we|i|a city|cities|a ministry) (start|begin)|first step|"
    r"how (do|should|can) (we|i) (start|begin|get started)|just (starting|beginning)|"
    r"get(ting)? started|starting (out|from scratch)|nothing yet|from scratch|"
    r"何から|どこから|始めれば|はじめれば|最初に|第一歩|着手|取り組み始め|取組みを始め"
)
DIRECTION = _any(
    r"direction|focus|should (a|our|the) .*city|what (kind|sort) of .*city|aim|priorit|"
    r"方向|目指|重点|どのような.*都市|向け"
)
HELP = _any(
    r"(can|could|will|would|does|do|is) jica (help|support|assist|offer|provide|fund|finance|"
    r"send|cooperate|work)|jica (help|support|assist|offer)|can we (get|ask|receive)|"
    r"is there (any )?(help|support|assistance)|support for|help (us|with)|assist|"
    r"offer|provide|cooperation (on|for|with)|"
    r"支援|協力|手伝|助け|サポート|してもらえ|してくれ"
)
ELEMENT_ASK = _any(
    r"what does|what is|what's|desired state|ask(s)? for|mean|require|expect|look like|"
    r"とは|望ましい状態|求め|意味|どういう|どんな"
)
SCALE_UP = _any(r"scale.?up|widen|expand|spread|広げ|拡大|展開|スケールアップ")
ELEMENT_ID = re.compile(r"(?<![a-z0-9])e\s?(0?[1-9]|1[0-9]|2[01])(?![0-9])", re.I)

STAGES: dict[str, tuple[str, ...]] = {
    "small_start": ("smallstart", "スモールスタート", "quickwin"),
    "accelerate": ("accelerat", "加速"),
    "sustainable_growth": ("sustainablegrowth", "持続的成長", "持続的な成長"),
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
        "largecit",
        "大都市",
        "代表都市",
    ),
    "regional_core": ("regionalcore", "regionalhub", "provincial", "地方中核", "中核都市"),
    "industry_specialized": (
        "industryspecial",
        "specialisedin",
        "specializedin",
        "industrialcity",
        "industrycity",
        "特定産業",
        "産業特化",
    ),
    "area_development": ("areadevelopment", "newdistrict", "エリア開発"),
}
LEVELS: dict[str, tuple[str, ...]] = {
    "national": ("national", "ministry", "国レベル", "国の", "国家", "省庁"),
    "city": ("citylevel", "municipal", "local government", "自治体", "都市レベル", "市レベル"),
}


def found(table: dict[str, tuple[str, ...]], question: str) -> list[str]:
    """Keys of ``table`` whose markers occur in the question, in the question's order."""
    q = squash(question)
    hits: list[tuple[int, str]] = []
    for key, markers in table.items():
        pos = [q.find(squash(m)) for m in markers if squash(m) in q]
        if pos:
            hits.append((min(pos), key))
    if table is SCALE_WAYS and all(k != "area" for _, k in hits):
        match = re.search(r"area(?!development)|エリア(?!開発)", q)
        if match:
            hits.append((match.start(), "area"))
    return [k for _, k in sorted(hits)]
