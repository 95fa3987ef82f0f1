"""Which language a text is in (English or Japanese), decided the same way everywhere."""

from __future__ import annotations

import re

from assistant.models import Lang

# The one definition of a Japanese character. Letters: kana (incl. half-width katakana), CJK
# ideographs (incl. compatibility ideographs) and the iteration mark 々. Punctuation: ideographic
# space and punctuation (、。「」) and the full-width forms (！？（）, ＡＢＣ).
CJK_LETTERS = "\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
CJK_PUNCTUATION = "\u3000-\u303f\uff00-\uff65\uffe0-\uffef"
JAPANESE_CHARS = re.compile(f"[{CJK_LETTERS}]")
_CJK_ANY = re.compile(f"[{CJK_LETTERS}{CJK_PUNCTUATION}]")
LATIN_CHARS = re.compile(r"[A-Za-z]")
KANA_CHARS = re.compile(r"[\u3040-\u309f]")  # hiragana: Japanese grammar, not a quoted term
_QUOTED = re.compile(r"「[^「」]*」")
_JA_ENDING = re.compile(r"[\u3040-\u309f][？?。！!]?\s*$")


def is_cjk(char: str, punctuation: bool = True) -> bool:
    """Is this character Japanese (a letter, or with ``punctuation`` also a Japanese mark)?
    Text in these scripts is written without spaces between words."""
    pattern = _CJK_ANY if punctuation else JAPANESE_CHARS
    return bool(char) and pattern.match(char[:1]) is not None


def detect_lang(text: str, default: Lang = "en") -> Lang:
    """'ja' when kana/kanji weigh at least as much as Latin letters (one kanji counts as two
    letters, so "KPIは毎年見直しています" is Japanese and "our 都市OS platform" is English), or when
    hiragana particles carry English terms ("Small StartとAccelerateの違いは何ですか"); 'en'
    when there are Latin letters; otherwise the default. Japanese quoted in 「」 inside an English
    sentence (an answer quoting the printed brochure) is a quotation: it does not count when
    letters remain outside the quotes."""
    bare = text
    for _ in range(3):  # nested quotes: 「「政策」「組織」の5つの分野」
        bare = _QUOTED.sub(" ", bare)
    if LATIN_CHARS.search(bare) or JAPANESE_CHARS.search(bare):
        text = bare
    cjk = len(JAPANESE_CHARS.findall(text))
    latin = len(LATIN_CHARS.findall(text))
    if cjk and cjk * 2 >= latin:
        return "ja"
    # Mixed script: Japanese grammar around English terms ("Small StartとAccelerateの違いは？")
    # is Japanese even when the Latin letters outnumber the kana.
    if len(KANA_CHARS.findall(text)) >= 2 and cjk * 4 >= latin:
        return "ja"
    # ... or ends the Japanese way ("JICAのcontact emailは？")
    if _JA_ENDING.search(text):
        return "ja"
    return "en" if latin else default


def mentions(text: str, term: str) -> bool:
    """Whether normalised ``text`` mentions ``term``: a Japanese term anywhere (no word breaks
    in Japanese), a Latin one only where a word starts ("data" in "open data", not in "metadata")."""
    if JAPANESE_CHARS.search(term):
        return term in text
    return re.search(rf"(?<![a-z0-9]){re.escape(term)}", text) is not None
