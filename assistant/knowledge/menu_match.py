"""Whether a menu line names the need a "Can JICA help with X?" question asks about, so the
answer may begin "Yes": the line shares one of the question's own words (stem, either language)
or the official's everyday words name it. Otherwise the closest line is still listed, without a
"Yes" the brochure does not give ("Can JICA finance a metro line?" is not answered by "support
for infrastructure development").
"""

from __future__ import annotations

import itertools
import re

from assistant.knowledge.lexical import stem
from assistant.models import CooperationLine

# Words too many menu lines share to tell them apart.
MENU_COMMON = frozenset(
    {
        *("support", "supporting", "building", "build", "smart", "services", "service"),
        *("their", "plans", "development", "cities", "urban", "national", "level"),
        *("other", "including", "jica", "menu", "cooperation"),
    }
)
# ... and words any help question may hold besides: together they name no need.
_GENERIC_EN = MENU_COMMON | frozenset(
    {
        *("supports", "help", "helps", "assist", "assistance"),
        *("could", "would", "should", "does", "there", "about", "with", "that", "this"),
        *("city", "kind", "develop", "some"),
        *("provide", "offer", "offers", "something", "anything", "thing", "things"),
        *("municipality", "municipal", "government", "ministry", "country", "project", "projects"),
    }
)
# Japanese: two-character runs every help question or line may hold.
_GENERIC_JA = frozenset(
    {"支援", "協力", "都市", "整備", "構築", "対象", "事業", "取組", "組み", "推進", "スマ", "マー", "ート"}
    | {"シテ", "ティ", "ジャ", "ャイ", "イカ", "てい", "ます", "です", "ある", "あり", "する", "して"}
    | {"でき", "きま", "れま", "らえ", "もら", "けま", "ので", "ため", "など", "関す", "係る"}
)  # fmt: skip
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]{2,}")


def _en_words(text: str) -> set[str]:
    """Stems of the content words, each pair of neighbours joined ("cyber security" is
    "cybersecurity"), and two-letter capitalised terms (OS, DX)."""
    words = [w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _GENERIC_EN]
    joined = [a + b for a, b in itertools.pairwise(words)]
    terms = {t.lower() for t in re.findall(r"(?<![A-Za-z])[A-Z]{2}(?![A-Za-z])", text)}
    return {stem(w) for w in [*words, *joined]} | terms


def _ja_pairs(text: str) -> set[str]:
    pairs = {run[i : i + 2] for run in _CJK.findall(text) for i in range(len(run) - 1)}
    return pairs - _GENERIC_JA


def names_need(question: str, line: CooperationLine, named: set[str]) -> bool:
    """The line itself is named by the question's words (``named``: the lines its everyday
    words, mixed-script terms or near spellings point to). Its heading alone is not: "Can JICA's
    financial cooperation pay for a metro?" is not answered "Yes" by a financed data platform."""
    if line.id in named:
        return True
    own = f"{line.text.en} {line.text.ja}"
    if _en_words(question) & _en_words(own):
        return True
    return bool(_ja_pairs(question) & _ja_pairs(own))
