"""Is a count the question asks for given? ("how many countries" needs "150 countries" in a
passage; counts of the framework's own parts, its stages, domains and elements, are answerable
from the framework data.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from assistant.knowledge.framework_terms import _any as _rx

# Parts of the framework that the structured data counts (stages, domains, elements...).
_COLLECTIONS = _rx(
    r"stage|step|domain|area|element|city (type|character)|types? of (city|cities|cooperation)|"
    r"ways?|approach|assets?|strength|menu|kinds? of (cooperation|support)|aims?|"
    r"ステージ|段階|分野|領域|エレメント|要素|都市の(性格|特性|タイプ)|広げ方|切り口|強み|アセット|メニュー|"
    r"協力の種類|狙い"
)
_COUNTED_EN = re.compile(r"(?:how many|number of) ((?:[a-z/-]+ ){0,3}[a-z/-]+)")
_COUNTED_JA = re.compile(r"何(か国|カ国|ヶ国|件|都市|人|名|社|か所|種類|つ)")
_JA_COUNTER = {"か国": "か国|カ国|ヶ国", "カ国": "か国|カ国|ヶ国", "ヶ国": "か国|カ国|ヶ国"}
_NUM_WORDS = r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?)"
_STOP = {
    *[
        "smart",
        "city",
        "the",
        "of",
        "a",
        "an",
        "and",
        "or",
        "jica",
        "does",
        "do",
        "did",
        "are",
        "is",
        "was",
        "were",
        "have",
        "has",
        "had",
        "would",
        "will",
        "can",
        "could",
        "should",
        "be",
        "in",
        "at",
        "for",
        "with",
    ]
}


# The framework's parts in English, for a count asked with a typo ("how many elemnts").
_PART_WORDS = (
    "elements",
    "stages",
    "domains",
    "steps",
    "areas",
    "approaches",
    "strengths",
    "assets",
)


def _near_part(word: str) -> bool:
    """A misspelt part of the framework ("elemnts", "stagse", "domians"): one or two letters
    off a part's name, so its count is the framework's, not an unknown figure."""
    if len(word) < 5 or not word.isascii():
        return False
    return any(SequenceMatcher(None, word, part).ratio() >= 0.85 for part in _PART_WORDS)


def gives_count(question: str, texts: Sequence[str]) -> bool:
    """A count is given when a passage puts a number before the noun the question counts, or
    the noun is one of the framework's own parts (the framework data counts those)."""
    nouns: list[str] = []
    m = _COUNTED_EN.search(question)
    if m:
        words = [w for w in m.group(1).split() if w not in _STOP]
        phrase = m.group(1)  # "kinds of cooperation": the collection named with its "of"
        if (
            _COLLECTIONS.search(" ".join(words))
            or _COLLECTIONS.search(phrase)
            or any(_near_part(w) for w in words)
        ):
            return True
        nouns += [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words]
        if re.search(r"countries|nations", m.group(1)):
            nouns.append("countr")
    m = _COUNTED_JA.search(question)
    if m:
        if m.group(1) in ("種類", "つ") and _COLLECTIONS.search(question):
            return True  # 「協力メニューは何種類」: a part of the framework, counted by its data
        nouns.append(_JA_COUNTER.get(m.group(1), m.group(1)))
    if _COLLECTIONS.search(question) and not nouns:
        return True
    for noun in nouns:
        if not noun:
            continue
        if noun.isascii():
            pattern = rf"{_NUM_WORDS}\s(?:[\w-]+\s){{0,2}}{re.escape(noun)}"
        else:
            pattern = rf"\d[\d,]*\s?(?:{noun})"
        if any(re.search(pattern, t) for t in texts):
            return True
    return False
