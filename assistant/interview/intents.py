"""Recognise the interview's commands in what a person types, in English or Japanese.

Commands are recognised only when they make up (nearly) the whole message, so an answer such as
"we are not sure the plan is funded" is an answer, not "not sure". Both languages are accepted
whatever the session language: people mix them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from assistant.models import Framework

IntentKind = Literal[
    "confirm",
    "reject",
    "level",
    "unknown",
    "explain",
    "back",
    "change",
    "domain",
    "pause",
    "progress",
    "finish",
    "help",
    "language",
    "text",
]


@dataclass(frozen=True)
class Intent:
    """What a message asks the engine to do; ``text`` carries a free-text answer."""

    kind: IntentKind
    text: str = ""
    level: int | None = None
    element: str | None = None
    domain: str | None = None


_TRAIL = " \t.!。！、,"


def normalize(text: str) -> str:
    """NFKC (full-width digits and letters become ASCII), lower case, outer punctuation off."""
    s = unicodedata.normalize("NFKC", text).strip().lower()
    s = re.sub(r"\s+", " ", s)
    return s.strip(_TRAIL).replace("’", "'")


def _words(*items: str) -> frozenset[str]:
    return frozenset(items)


CONFIRM = _words(
    "yes", "y", "ok", "okay", "confirm", "correct", "right", "sure", "yes please", "that's right",
    "thats right", "that is right", "yes, that's right", "exactly", "agreed", "fine", "good",
    "yep", "yeah", "yes correct", "はい", "ええ", "うん", "そうです", "その通り", "そのとおり",
    "確定", "正しい", "合っています", "あっています", "はい、そうです", "了解", "ok です",
    "それでいい", "それでいいです", "問題ない", "問題ありません",
)  # fmt: skip
REJECT = _words(
    "no", "n", "nope", "not right", "wrong", "that's wrong", "thats wrong", "incorrect",
    "いいえ", "違う", "違います", "ちがう", "ちがいます", "いや", "そうではない",
)  # fmt: skip
UNKNOWN = _words(
    "don't know", "dont know", "do not know", "i don't know", "i dont know", "i do not know",
    "not sure", "i'm not sure", "im not sure", "no idea", "unknown", "skip", "pass", "n/a",
    "skip this", "skip it", "skip this one", "わからない", "分からない", "わかりません",
    "分かりません", "わからないです", "不明", "スキップ", "知らない", "知りません", "パス",
    "判断できない", "答えられない",
)  # fmt: skip
EXPLAIN = _words(
    "what does this mean", "what does it mean", "what does that mean", "what is this",
    "what do you mean", "explain", "explain this", "meaning", "i don't understand",
    "i dont understand", "i do not understand", "what is meant", "can you explain",
    "could you explain", "please explain", "help me understand", "どういう意味", "どういう意味ですか",
    "意味", "意味は", "説明", "説明して", "説明してください", "よくわからない質問", "質問の意味がわからない",
    "質問の意味が分からない", "どういうことですか", "どういうこと",
)  # fmt: skip
BACK = _words(
    "back", "go back", "previous", "previous question", "prev", "戻る", "前へ", "前に戻る",
    "前の質問", "前の質問に戻る", "もどる",
)  # fmt: skip
PAUSE = _words(
    "pause", "stop", "later", "quit", "exit", "save and quit", "continue later", "break",
    "中断", "一時停止", "あとで", "後で", "あとで続ける", "後で続ける", "休憩", "やめる",
)  # fmt: skip
PROGRESS = _words(
    "progress", "status", "how far", "how far am i", "how many left", "where am i",
    "進捗", "進み具合", "進捗状況", "あと何問", "あといくつ",
)  # fmt: skip
FINISH = _words(
    "finish", "done", "finish interview", "finished", "submit", "show results", "results",
    "complete", "完了", "終わり", "おわり", "結果", "結果を見る", "終了",
)  # fmt: skip
TO_ENGLISH = _words(
    "english", "in english", "english please", "switch to english", "continue in english",
    "英語", "英語で", "英語でお願いします", "英語に切り替え", "英語に切り替えて",
)  # fmt: skip
TO_JAPANESE = _words(
    "japanese", "in japanese", "japanese please", "switch to japanese", "continue in japanese",
    "日本語", "日本語で", "日本語でお願いします", "日本語に切り替え", "日本語に切り替えて",
)  # fmt: skip
HELP = _words("help", "?", "commands", "ヘルプ", "使い方")

_LEVEL = re.compile(r"^(?:level|lvl|レベル|lv)?\s*([0-4])(?:\s*(?:です|にします|で))?$")
_ELEMENT = r"e\s*0?([1-9]|1[0-9]|2[0-9])"
_CHANGE_EN = re.compile(rf"^(?:change|edit|revise|redo|correct|fix|go to|revisit)\s+{_ELEMENT}$")
_CHANGE_JA = re.compile(
    rf"^{_ELEMENT}\s*(?:を|の回答を)?\s*(?:変更|修正|直す|やり直す|見直す)(?:する|したい|して)?$"
)
_ELEMENT_ONLY = re.compile(rf"^{_ELEMENT}$")
_DOMAIN_EN = re.compile(
    r"^(?:go to|jump to|skip to|move to|switch to|let's do|lets do)\s+(?:the\s+)?(.+?)"
    r"(?:\s+(?:domain|section|questions))?$"
)
_DOMAIN_JA = re.compile(
    r"^(.+?)(?:の分野|分野)?(?:へ|に)(?:移動|進む|行く|ジャンプ)?(?:する|して)?$"
)

# Extra names people use for the domains (the framework's own names are added at run time).
DOMAIN_ALIASES: dict[str, tuple[str, ...]] = {
    "policy": ("policy", "policies", "vision", "政策"),
    "organization": ("organization", "organisation", "organizations", "組織"),
    "system": ("system", "systems", "institutional system", "institutions", "制度", "システム"),
    "technology": ("technology", "tech", "technologies", "技術", "テクノロジー"),
    "operation": ("operation", "operations", "運用", "運営"),
}


def element_id(number: str) -> str:
    return f"E{int(number):02d}"


def domain_names(fw: Framework) -> dict[str, str]:
    """Every accepted name (lower case) mapped to its domain id."""
    names: dict[str, str] = {}
    for d in fw.domains:
        for name in (d.id, d.name.en, d.name.ja, *DOMAIN_ALIASES.get(d.id, ())):
            names[normalize(name)] = d.id
    return names


_WORD_INTENTS: tuple[tuple[frozenset[str], IntentKind], ...] = (
    (CONFIRM, "confirm"),
    (REJECT, "reject"),
    (UNKNOWN, "unknown"),
    (BACK, "back"),
    (PAUSE, "pause"),
    (PROGRESS, "progress"),
    (FINISH, "finish"),
)


def _command(s: str, s_q: str) -> Intent | None:
    """A command said in words (help, yes, back, a language...), or None."""
    if s in HELP:
        return Intent("help")
    if s_q in EXPLAIN:
        return Intent("explain")
    for words, kind in _WORD_INTENTS:
        if s_q in words:
            return Intent(kind)
    if s_q in TO_ENGLISH or s_q in TO_JAPANESE:
        return Intent("language", text="en" if s_q in TO_ENGLISH else "ja")
    return None


def _move(s_q: str, fw: Framework) -> Intent | None:
    """A level, an element to change or a domain to go to, or None."""
    if m := _LEVEL.match(s_q):
        return Intent("level", level=int(m.group(1)))
    for pattern in (_CHANGE_EN, _CHANGE_JA, _ELEMENT_ONLY):
        if m := pattern.match(s_q):
            return Intent("change", element=element_id(m.group(1)))  # the engine checks range
    names = domain_names(fw)
    if s_q in names:
        return Intent("domain", domain=names[s_q])
    for pattern in (_DOMAIN_EN, _DOMAIN_JA):
        if (m := pattern.match(s_q)) and normalize(m.group(1)) in names:
            return Intent("domain", domain=names[normalize(m.group(1))])
    return None


def detect(text: str, fw: Framework) -> Intent:
    """The command in ``text``, or a ``text`` intent carrying the message as an answer."""
    s = normalize(text)
    if not s:
        return Intent("text", text="")
    s_q = s.rstrip("?？")
    return _command(s, s_q) or _move(s_q, fw) or Intent("text", text=text.strip())


_QUESTION_START = re.compile(
    r"^(?:what|how|why|when|where|who|whom|which|can|could|does|do|did|is|are|should|would|"
    r"will|may|might|jica|tell me|explain|is there|are there)\b"
)
_QUESTION_JA = re.compile(
    r"(?:ですか|ますか|でしょうか|ませんか|のか|んですか|かな|教えて|とは)[?？]?$"
)


def is_question(text: str) -> bool:
    """Does this read like a question of the person's own (not an answer)?"""
    raw = unicodedata.normalize("NFKC", text).strip()
    s = raw.lower()
    if raw.endswith(("?", "？")):
        return True
    return bool(_QUESTION_START.match(s) or _QUESTION_JA.search(raw))
