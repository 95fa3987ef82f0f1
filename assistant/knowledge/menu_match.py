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
from assistant.models import CooperationLine, CooperationType

# Words too many menu lines share to tell them apart.
MENU_COMMON = frozenset(
    {
        *("support", "supporting", "building", "build", "smart", "services", "service"),
        *("system", "systems"),
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
        # function words of three letters and the asker's frame: they name no need
        *("for", "our", "the", "and", "can", "you", "your", "are", "was", "has", "have", "from"),
        *("into", "its", "not", "any", "all", "how", "what", "which", "who", "why", "when"),
        *("where", "may", "might", "will", "want", "need", "like", "get", "use", "also", "new"),
        *("pay", "us", "we", "they", "them", "their", "one", "way", "ways", "more"),
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
# a particle or an ending at either end of a pair (「ルの」「ても」): it names nothing
_KANA = re.compile(r"^[のにをはがでともへて]|[のにをはがでともへて]$")
# Heading words that name how JICA cooperates, not a need ("financial cooperation").
_HOW_EN = frozenset({"financial", "finance", "financing", "fund", "funding", "funds", "technical"})
_HOW_JA = frozenset({"資金", "金協", "技術"})


def _en_words(text: str) -> set[str]:
    """Stems of the content words, each pair of neighbours joined ("cyber security" is
    "cybersecurity"), and two-letter capitalised terms (OS, DX)."""
    words = [w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _GENERIC_EN]
    joined = [a + b for a, b in itertools.pairwise(words)]
    terms = {t.lower() for t in re.findall(r"(?<![A-Za-z])[A-Z]{2}(?![A-Za-z])", text)}
    return {stem(w) for w in [*words, *joined]} | terms


def _ja_pairs(text: str) -> set[str]:
    """Two-character runs of kanji and katakana: a pair with a particle or an ending in it
    (「ルの」「ても」) names nothing."""
    pairs = {run[i : i + 2] for run in _CJK.findall(text) for i in range(len(run) - 1)}
    return {p for p in pairs - _GENERIC_JA if not _KANA.search(p)}



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


def _line_words(line: CooperationLine) -> set[str]:
    return _en_words(line.text.en) | _ja_pairs(line.text.ja)


def specificity(question: str, line: CooperationLine, lines: list[CooperationLine]) -> float:
    """How specifically the question's own words point to this line: its rarest shared word, as
    one over the number of menu texts holding it ("cybersecurity" is one line's, "policy" is
    several lines'). A level named ("our city") or a frame word must not outrank it."""
    asked = _en_words(question) | _ja_pairs(question)
    shared = (asked & _line_words(line)) - _HOW_JA
    if not shared:
        return 0.0
    texts = {x.text.en: _line_words(x) for x in lines}.values()
    return max(1.0 / max(1, sum(w in words for words in texts)) for w in shared)


def most_specific(question: str, ranked: list[str], lines: list[CooperationLine]) -> list[str]:
    """``ranked`` line ids with the one the question names most specifically first, when it
    names it by a word only one menu text holds and the top line shares no such word."""
    by_id = {x.id: x for x in lines}
    spec = {lid: specificity(question, by_id[lid], lines) for lid in ranked if lid in by_id}
    if not spec:
        return ranked
    best = max(ranked, key=lambda lid: (spec.get(lid, 0.0), -ranked.index(lid)))
    if spec.get(best, 0.0) >= 1.0 and spec[best] > spec.get(ranked[0], 0.0):
        return [best, *(lid for lid in ranked if lid != best)]
    return ranked



def heading_names(question: str, heading: CooperationType) -> bool:
    """The line's printed heading names the need ("dispatch of experts", 「専門家派遣」): the
    brochure lists it, though the line's own words do not say it. How JICA pays or assists is
    no need: "Can JICA finance a metro?" is not named by "Financial cooperation"."""
    en, ja = heading.name.en, heading.name.ja
    words = " ".join(w for w in re.findall(r"[A-Za-z]+", en) if w.lower() not in _HOW_EN)
    if _en_words(question) & _en_words(words):
        return True
    return bool((_ja_pairs(question) & _ja_pairs(ja)) - _HOW_JA)
