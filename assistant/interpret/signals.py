"""Pure text analysis of one answer: language, statements, level cues with negation and intent.

No model here: these functions turn an answer into cue hits and per-level votes that the offline
interpreter combines with embedding similarity. Every span keeps its offsets in the original
answer so that the evidence shown to the person is their own words, verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from assistant.interpret.cues import (
    EN_ABSENCE,
    EN_ASKS_BACK,
    EN_EVASIVE,
    EN_HEDGES,
    EN_LIMITERS,
    EN_NEGATION_AFTER,
    EN_NEGATORS,
    EN_SEGMENT_BREAK,
    EN_THE_REST_SUBJECT,
    EN_TOTAL_UNKNOWN,
    EN_UNIVERSAL,
    EN_UNKNOWN,
    EN_WORRY,
    JA_ASKS_BACK,
    JA_EVASIVE,
    JA_HEDGES,
    JA_LIMITERS,
    JA_NEGATION_PREFIX,
    JA_NEGATORS,
    JA_SEGMENT_BREAK,
    JA_THE_REST_SUBJECT,
    JA_TOTAL_UNKNOWN,
    JA_UNIVERSAL,
    JA_UNKNOWN,
    JA_WORRY,
    QUOTED,
)
from assistant.interpret.intent import en_intent, hypothetical, ja_intent
from assistant.interpret.level_cues import CUES
from assistant.models import Lang

LEVELS = 5
COORDINATION = re.compile(r"\s*(?:,|/|\bor\b|\bnor\b|\band\b)\s*(?:(?:a|an|any|the)\s+)?", re.I)
NEGATED_VOTE = 0.5  # a negated cue says "below this level": a weaker vote than a positive cue
INTENT_VOTE = 0.6  # "we plan to pilot" is a plan (level 1), said less firmly than "planning"
CORROBORATION = 0.6  # each further cue for the same level counts this much of the one before
LIMITED_VOTE = 0.8  # "the dashboard runs as a pilot": a pilot, said with some weight
SCOPE_NEGATED_VOTE = 0.7  # "not only one department", 「一回きりではない」: beyond the limit
EN_SCOPE_NEGATOR = re.compile(
    r"\b(?:not|n't|no longer|never|nor)\s+(?:(?:a|an|the|just|only|merely|simply|really)\s+)?$"
    r"|n't\s+(?:(?:a|an|the|just|only|merely|simply|really)\s+)?$",
    re.IGNORECASE,
)
EN_ABSENCE_SUBJECT = re.compile(
    r"^(?:\w+ )?(?:nothing|no|none|neither|nobody|no one)\b(?! (?:longer|doubt|matter)\b)",
    re.IGNORECASE,
)
JA_ONLY_WORDS = frozenset(["しか"])  # 「Xしか…ない」 says "only X", its negative is part of it
JA_COPULA_NEGATED = re.compile(r"(?:では|じゃ|でも|というわけでは|ということは)(?:な|あり)")
JA_NOMINALISED = re.compile(r"^(?:という|といった|ってこと|ということ)")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Hit:
    """One cue found in the answer, with what surrounds it."""

    level: int
    weight: float
    start: int
    end: int
    segment: int  # index of the statement it sits in
    negated: bool = False
    intent: bool = False
    limited: bool = False  # an established-sounding cue in a statement about a pilot or draft
    absent: bool = False  # negated by "no"/"nothing": "nothing in place" is absence, not a draft
    scope: bool = False  # a limit word ("only", 「だけ」); negated, it points above level 2
    past: bool = False  # said of something that later stopped: not what is true now

    @property
    def votes(self) -> dict[int, float]:
        """What this hit says about each level (positive: for, negative: against)."""
        if self.past:
            return {}
        if self.negated and self.scope:
            return {3: SCOPE_NEGATED_VOTE * self.weight}
        if self.negated:
            below = 0 if self.level <= 2 or self.absent else self.level - 1
            out = {below: NEGATED_VOTE * self.weight}
            for lv in range(self.level, LEVELS):
                out[lv] = out.get(lv, 0.0) - NEGATED_VOTE * self.weight
            return out
        if self.intent and self.level >= 2:
            return {1: INTENT_VOTE * self.weight}
        if self.limited and self.level >= 3:
            return {2: LIMITED_VOTE * self.weight}
        return {self.level: self.weight}


def segments(text: str, lang: Lang) -> list[Span]:
    """Statements of the answer (sentences, and the two sides of a "but"), with offsets."""
    pattern = JA_SEGMENT_BREAK if lang == "ja" else EN_SEGMENT_BREAK
    cuts = [0]
    for m in pattern.finditer(text):
        if m.start() > cuts[-1]:
            cuts.append(m.start())
        if m.end() > cuts[-1]:
            cuts.append(m.end())
    cuts.append(len(text))
    out: list[Span] = []
    for a, b in pairwise(cuts):
        piece = text[a:b]
        stripped = piece.strip()
        if len(re.sub(r"\W", "", stripped)) < 2:
            continue
        start = a + piece.index(stripped)
        out.append(Span(start, start + len(stripped), stripped))
    return out


def _en_negated(seg: str, start: int, end: int, later: list[int] | None = None) -> bool:
    """A negator just before the cue, or "... has not" right after it.

    The negation after a cue belongs to it only when no other cue follows closely: in "the draft
    has not been adopted" it is "adopted" that is negated, not "draft".
    """
    before = seg[:start].split()[-3:]
    if before and EN_NEGATORS.search(" ".join(before)):
        return not re.search(r"\bnot only\b", " ".join(before), re.IGNORECASE)
    # "nothing like that is in place", "no such policy has been adopted": an absence word a
    # little further back in the same clause
    clause = re.split(r"[,;:]|\b(?:but|and|while|although|though)\b", seg[:start])[-1]
    if EN_ABSENCE_SUBJECT.search(" ".join(clause.split()[-6:])):
        return True
    m = EN_NEGATION_AFTER.search(seg[end : end + 40])
    if m is None:
        return False
    stop = end + m.end()
    return not any(stop <= s <= stop + 25 for s in later or [])


def _ja_window(seg: str, end: int) -> str:
    """Text after a cue up to the end of its clause (a short list item extends to the next)."""
    rest = seg[end:]
    m = re.search(r"[、。,]", rest)
    if m is None:
        return rest
    # 「条例、ガイドラインともにありません」: the predicate comes later (not after 「指標あり、」)
    if m.start() <= 3 and not re.match(r"(?:あり|ある|済み?|です|ます|した)", rest):
        nxt = re.search(r"[、。,]", rest[m.end() :])
        return rest if nxt is None else rest[: m.end() + nxt.start()]
    return rest[: m.start()]


def _ja_negated(seg: str, start: int, end: int) -> bool:
    if JA_NEGATION_PREFIX.search(seg[max(0, start - 1) : start]):
        return True
    return bool(JA_NEGATORS.search(_ja_window(seg, end)))


def _of_the_rest(seg: str, start: int, lang: Lang) -> bool:
    """The cue at ``start`` is said of "the other departments" / 「ほかの課は」."""
    rest = JA_THE_REST_SUBJECT if lang == "ja" else EN_THE_REST_SUBJECT
    return bool(rest.search(seg[:start]))


def find_hits(spans: list[Span], lang: Lang) -> list[Hit]:
    """Cue hits in every statement; overlapping cues keep the longest, each cue counts once."""
    hits: list[Hit] = []
    for index, span in enumerate(spans):
        seg = span.text
        quotes = [(q.start(), q.end()) for q in QUOTED.finditer(seg)]
        found: list[tuple[int, int, int, float, bool, bool]] = []
        for cue in CUES[lang]:
            for m in cue.pattern.finditer(seg):
                inside = any(a <= m.start() and m.end() <= b for a, b in quotes)
                if m.end() > m.start() and not inside:
                    found.append(
                        (m.start(), m.end(), cue.level, cue.weight, cue.negatable, cue.scope)
                    )
        found.sort(key=lambda f: (-(f[1] - f[0]), -f[3], f[0]))
        kept: list[tuple[int, int, int, float, bool, bool]] = []
        for f in found:
            if all(f[1] <= k[0] or f[0] >= k[1] for k in kept):
                kept.append(f)
        kept = _drop_limit_negations(seg, kept, lang)
        # "whenever a resident wants to ...": a wish in a condition is a procedure, not a plan
        kept = [k for k in kept if k[2] != 1 or not hypothetical(seg, k[0], lang)]
        worry = JA_WORRY if lang == "ja" else EN_WORRY  # "at this rate, every year ...": a risk
        kept = [k for k in kept if not worry.search(seg[: k[0]])]
        universal = (JA_UNIVERSAL if lang == "ja" else EN_UNIVERSAL).search(seg)
        limiters = (
            [
                m
                for m in (JA_LIMITERS if lang == "ja" else EN_LIMITERS).finditer(seg)
                if not (_ja_negated if lang == "ja" else _en_negated)(seg, m.start(), m.end())
            ]
            if not universal
            else []
        )
        previous: tuple[int, bool] | None = None  # end of the last cue, and whether negated
        for start, end, level, weight, negatable, scope in sorted(kept):
            negated = intent = absent = False
            if scope:
                negated = _scope_negated(seg, start, end, lang, level)
                intent = not negated and (
                    en_intent(seg, start, end) if lang == "en" else ja_intent(seg, start, end)
                )
            elif level > 0 and negatable:
                if lang == "en":
                    later = [k[0] for k in kept if k[2] > 0 and k[0] > end]
                    negated = _en_negated(seg, start, end, later)
                    if not negated and previous is not None and previous[1]:
                        # "no trial or draft": the negation reaches across "or" and "nor"
                        negated = bool(COORDINATION.fullmatch(seg[previous[0] : start]))
                    previous = (end, negated)
                    intent = not negated and en_intent(seg, start, end)
                    absent = negated and bool(EN_ABSENCE.search(" ".join(seg[:start].split()[-3:])))
                else:
                    negated = _ja_negated(seg, start, end)
                    intent = not negated and ja_intent(seg, start, end)
            hits.append(
                Hit(
                    # 「ほかの課はそれぞれ独自」: separateness of the rest is the limit of what exists
                    level=2 if scope and level == 0 and _of_the_rest(seg, start, lang) else level,
                    weight=weight,
                    start=span.start + start,
                    end=span.start + end,
                    segment=index,
                    negated=negated,
                    intent=intent,
                    limited=bool(limiters) and level >= 3,
                    absent=absent,
                    scope=scope,
                )
            )
    return hits


def _scope_window(seg: str, end: int) -> str:
    """Japanese: the rest of the clause after a limit word (「一回きり、ということはない」 too)."""
    rest = seg[end:]
    m = re.search(r"[、。,]", rest)
    if m is None:
        return rest
    nxt = rest[m.end() :]
    if m.start() <= 3 and JA_NOMINALISED.search(nxt):
        stop = re.search(r"[、。,]", nxt)
        return rest[: m.end() + (stop.start() if stop else len(nxt))]
    return rest[: m.start()]


def _scope_negated(seg: str, start: int, end: int, lang: Lang, level: int = 2) -> bool:
    """A limit word denied right where it stands: "not only", "not a one-off", 「だけではない」.

    Japanese level-0 words only by the copula right after them (「任せではありません」): in
    「ばらばらで統一されていない」 it is "unified" that is denied.
    """
    if lang == "en":
        return bool(EN_SCOPE_NEGATOR.search(seg[max(0, start - 30) : start]))
    if level == 0:
        return bool(JA_COPULA_NEGATED.match(seg, end))
    return bool(JA_NEGATORS.search(_scope_window(seg, end)))


def _drop_limit_negations(
    seg: str, kept: list[tuple[int, int, int, float, bool, bool]], lang: Lang
) -> list[tuple[int, int, int, float, bool, bool]]:
    """The "not" of "not only" / 「だけではありません」 denies the limit, not the thing itself.

    A level-0 cue that only carries the negation of a limit word is dropped.
    """
    denied: list[tuple[int, int]] = []
    for start, end, level, _w, _n, scope in kept:
        if lang == "ja" and seg[start:end] in JA_ONLY_WORDS:  # 「担当者しか知りません」
            denied.append((end, end + len(_scope_window(seg, end))))
        elif scope and _scope_negated(seg, start, end, lang, level):
            if lang == "en":
                base = max(0, start - 30)
                m = EN_SCOPE_NEGATOR.search(seg[base:start])
                denied.append((base + (m.start() if m else 0), start))
            else:
                denied.append((end, end + len(_scope_window(seg, end))))
    if not denied:
        return kept
    return [k for k in kept if k[2] != 0 or not any(k[0] < b and a < k[1] for a, b in denied)]


def cue_scores(hits: list[Hit], text: str) -> list[float]:
    """Votes per level, with diminishing returns.

    The same words repeated count once, and each further cue for a level adds less than the one
    before: a long answer listing many established routines is not thereby "more" level 3 than
    a short one that also says the routines are evaluated and improved.
    """
    best: dict[tuple[str, int, bool, bool, bool], Hit] = {}
    for hit in hits:
        key = (text[hit.start : hit.end].lower(), hit.level, hit.negated, hit.intent, hit.limited)
        if key not in best or hit.weight > best[key].weight:
            best[key] = hit
    pros: list[list[float]] = [[] for _ in range(LEVELS)]
    cons = [0.0] * LEVELS
    for hit in best.values():
        for level, vote in hit.votes.items():
            if vote > 0:
                pros[level].append(vote)
            else:
                cons[level] += vote
    return [
        sum(v * CORROBORATION**i for i, v in enumerate(sorted(pros[lv], reverse=True))) + cons[lv]
        for lv in range(LEVELS)
    ]


# 「いくらかかるのかも、正直わかりません」: not knowing a fact (an embedded question) describes
# the state ("nobody has worked out the cost"); it is not a deflection of the question.
JA_EMBEDDED_QUESTION = re.compile(
    r"(?:のか|(?<!と)か(?:どうか)?)(?:も|は)?[、,]?\s*(?:正直|正直なところ|よく|まだ|全く|はっきり|誰も|ちょっと)?[、,]?\s*$"
)


# "..., probably next year, I'm not sure." / "maybe three of them, not sure": the hedge closes a
# sentence right after a time or a number; only that detail is unsure, the fact before it stands.
EN_DETAIL_TAG = re.compile(
    r"(?:\d|\b(?:next|last|this|coming) (?:year|month|spring|summer|autumn|fall|winter|term)"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|a few|a couple)\b"
    r"|\bor so\b)[^.;!?,]{0,20}[,\u2013\u2014-]\s*(?:but\s+)?(?:i'm|i am)?\s*$",
    re.IGNORECASE,
)


def _detail_tag(text: str, m: re.Match[str]) -> bool:
    """A closing "not sure" after a time or a number (``EN_DETAIL_TAG``) with words before it."""
    if not m.group(0).lower().startswith("not sure"):
        return False
    closes = re.match(r"\s*(?:[.!]|$)", text[m.end() :])
    sentence = re.split(r"[.!?\n]", text[: m.start()])[-1]
    return bool(closes and len(sentence.split()) >= 6 and EN_DETAIL_TAG.search(sentence))


def unknown_spans(text: str, lang: Lang) -> list[Span]:
    """Every "I don't know" / skip phrase in the answer ("not sure, ask someone in finance")."""
    pattern = JA_UNKNOWN if lang == "ja" else EN_UNKNOWN
    return [
        Span(m.start(), m.end(), m.group(0))
        for m in pattern.finditer(text)
        if not (
            lang == "ja" and JA_EMBEDDED_QUESTION.search(text[max(0, m.start() - 12) : m.start()])
        )
        and not (lang == "en" and _detail_tag(text, m))
    ]


def says_nothing(text: str, lang: Lang) -> Span | None:
    """The whole answer declines: "I can't answer anything", 「何もお答えできません」."""
    m = (JA_TOTAL_UNKNOWN if lang == "ja" else EN_TOTAL_UNKNOWN).search(text)
    return Span(m.start(), m.end(), m.group(0)) if m else None


def evasive_spans(text: str, lang: Lang) -> list[Span]:
    """Every "it depends what you mean" / 「見方次第」: the question left open."""
    pattern = JA_EVASIVE if lang == "ja" else EN_EVASIVE
    return [Span(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


def asks_back(statement: str, lang: Lang) -> bool:
    """The statement is a question back to the interviewer."""
    return bool((JA_ASKS_BACK if lang == "ja" else EN_ASKS_BACK).search(statement))


def is_hedged(text: str, lang: Lang) -> bool:
    return bool((JA_HEDGES if lang == "ja" else EN_HEDGES).search(text))
