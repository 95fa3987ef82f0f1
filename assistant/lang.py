"""Which language a text is in (English or Japanese), decided the same way everywhere."""

from __future__ import annotations

import re

from assistant.models import Lang

# Kana (incl. half-width katakana), CJK ideographs and the iteration mark 々.
JAPANESE_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f\u3005]")
LATIN_CHARS = re.compile(r"[A-Za-z]")
KANA_CHARS = re.compile(r"[\u3040-\u309f]")  # hiragana: Japanese grammar, not a quoted term


def detect_lang(text: str, default: Lang = "en") -> Lang:
    """'ja' when kana/kanji weigh at least as much as Latin letters (one kanji counts as two
    letters, so "KPIは毎年見直しています" is Japanese and "our 都市OS platform" is English), or when
    hiragana particles carry English terms ("Small StartとAccelerateの違いは何ですか"); 'en'
    when there are Latin letters; otherwise the default."""
    cjk = len(JAPANESE_CHARS.findall(text))
    latin = len(LATIN_CHARS.findall(text))
    if cjk and cjk * 2 >= latin:
        return "ja"
    # Mixed script: Japanese grammar around English terms ("Small StartとAccelerateの違いは？")
    # is Japanese even when the Latin letters outnumber the kana.
    if len(KANA_CHARS.findall(text)) >= 2 and cjk * 4 >= latin:
        return "ja"
    return "en" if latin else default
