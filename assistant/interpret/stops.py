"""What stopped: an answer's statements said of something that was later stopped or abandoned.

"It was dropped after the election", 「市長が替わって止まった」, "we used to have a portal": what
was said of the stopped thing is not what is true now, and what follows the stop is. The past
regions found here keep the cues and the rubric similarity of the stopped thing from placing
the answer (``offline``), and ``clauses`` reads "stopped, and nothing runs now" from them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.interpret.cues import EN_NEGATED_CLAUSE, JA_NEGATED_CLAUSE
from assistant.interpret.signals import Hit, Span
from assistant.models import Lang

# Stopped or abandoned: the present is what is left after it.
EN_STOPPED = re.compile(
    r"\b(?:stopp?(?:ed|s)?|ended|discontinued|abandoned|cancel+ed|scrapped|shelved|dropped"
    r"|closed (?:down|after)|lapsed|expired|died|fizzled|no longer|ran out|not renewed|dormant"
    r"|defunct|restart(?:ed|s)?|start(?:ed)? (?:again|over)|from scratch|halted|suspended"
    r"|wound down|phased out|disbanded|dissolved|abolished|used to|went offline|was cut|were cut"
    r"|hasn't met|has not met"
    r"|went dark|ceased"
    r"|no replacement|nothing (?:took|has taken) its place|left in \d{4}|since (?:he|she|they) left)\b",
    re.IGNORECASE,
)
JA_STOPPED = re.compile(
    r"中止|打ち切|廃止|頓挫|終了し|終わって|終わり|休止|停止|立ち消え|凍結|解散|なくなっ|途絶え"
    r"|使われなくなっ|更新されていない|形骸化|やり直し|白紙|振り出し|止まっ|止まりまし|自然消滅|以前は|かつては"
    r"|終わってから|なくなりました|いなくなっ|失効"
)
# An event that ended something: what was said of it before is no longer true now.
EN_STOP_EVENT = re.compile(
    r"\b(?:stopped|ended|discontinued|abandoned|cancel+ed|scrapped|shelved"
    r"|(?:was|were|got|been) (?:dropped|closed)|closed down|(?:project|programme|program) closed"
    r"|lapsed|expired|died|fizzled|halted|suspended|wound down|phased out|disbanded|folded"
    r"|dissolved|abolished"
    r"|collapsed|went offline|ran out|was cut|were cut|was terminated|fell apart|petered out"
    r"|went dark|ceased"
    r"|(?:grant|funding|programme|program|project|contract|loan|subsidy|support|money|budget)s?"
    r" (?:finished|came to an end|dried up)"
    r"|(?:was|were|got) (?:switched off|turned off|taken down|killed)"
    # the actor named: "the new administration closed it", "they shut the app down"
    r"|(?:closed|shut|switched|turned|took|pulled) (?:it|them|that)(?: down| off)?"
    r"|shut (?:down|(?:the |our )?\w+ down)|pulled the plug)\b",
    re.IGNORECASE,
)
# Said of the past in its own clause: "we used to have", 「以前は」.
EN_PAST_CLAUSE = re.compile(r"\bused to\b|\bthere (?:was|were) once\b|\bat one time\b", re.I)
JA_STOP_EVENT = re.compile(
    r"中止|打ち切|廃止|頓挫|終了し|終わっ|終わり|休止|停止|立ち消え|凍結|解散|なくなっ|途絶え"
    r"|使われなくなっ|止まっ|止まりまし|自然消滅|撤退|落としたまま|放置|失効|(?:資金|補助|予算|契約|助成)が(?:切れ|尽き)"
)
JA_PAST_CLAUSE = re.compile(r"以前は|かつては|昔は|当時は")
# Nothing stopped: "nothing stopped", "without interruption", 「何も止まりませんでした」. Continuity is
# the news (a level-3/4 sign), neither a stop nor an absence; 「止まらないように」 (so that it will
# not stop) is a purpose, not a fact, and stays out.
EN_CONTINUED = re.compile(
    r"\b(?:nothing|never|not|didn't|did not|wasn't|was not|hasn't|has not)\s+(?:\w+\s+){0,2}?"
    r"(?:stopp?(?:ed)?|interrupted|paused|halted|lapsed|broke down)\b"
    r"|\bwithout (?:a |any )?(?:break|interruption|pause|stopping)\b",
    re.IGNORECASE,
)
JA_CONTINUED = re.compile(
    r"何も(?:止まり|止まら|途切れ)[^。、]{0,6}|(?:止まら|途切れ|中断せ|中断さ)(?:ず|れず|なかった|れなかった)"
    r"|止まりませんでした|途切れること(?:なく|は)"
)
CONDITIONAL = {
    "en": re.compile(r"(?!)"),  # English stop events are past tense; "if it ends" is not one
    "ja": re.compile(r"たら|ても|た場合|たとき|たとしても|ら、|れば"),
}
NEAR_START = {"en": 60, "ja": 20}  # characters: a stop this early in a statement refers back
EN_ANAPHOR = re.compile(
    r"^\W*(?:(?:but|and|then|so|however|sadly|unfortunately)\W+)?(?:it|they|that|this|these"
    r"|those|all|everything|when|after|once|the (?:\w+ )?(?:project|programme|program|pilot"
    r"|initiative|scheme|funding|grant|contract|system|service|team|group|committee|council|plan"
    r"|app|platform|review|process|survey|partnership|agreement|exchange|office|unit|post|lab))\b",
    re.IGNORECASE,
)
# A statement turning on the one before ("..., but the vendor licence ran out"): its stop is
# said of what that statement named, whatever the stop's own subject.
EN_TURN = re.compile(r"^\W*(?:but|however|sadly|unfortunately|then|until)\b", re.IGNORECASE)


def past_regions(spans: list[Span], lang: Lang) -> list[tuple[int, int]]:
    """Offsets said of something that then stopped: before the stop in its statement (and the
    statement before, when the stop opens its own: "It was dropped after the election"), and a
    "used to" / 「以前は」 clause. What follows the stop is what is true now.
    """
    stop_re = JA_STOP_EVENT if lang == "ja" else EN_STOP_EVENT
    past_re = JA_PAST_CLAUSE if lang == "ja" else EN_PAST_CLAUSE
    regions: list[tuple[int, int]] = []
    for i, span in enumerate(spans):
        kept = _continued(span.text, lang)
        for m in stop_re.finditer(span.text):
            if any(a <= m.start() < b for a, b in kept):
                continue  # "nothing stopped": not a stop
            if CONDITIONAL[lang].match(
                span.text, m.end()
            ):  # 「補助がなくなったら」: not (yet) true
                continue
            regions.append((span.start, span.start + m.start()))
            refers_back = (
                lang == "ja" or EN_ANAPHOR.search(span.text) or _turns_on_previous(spans, i)
            )
            if i > 0 and m.start() <= NEAR_START[lang] and refers_back:
                regions.append((spans[i - 1].start, spans[i - 1].end))
        for m in past_re.finditer(span.text):
            # to the end of the statement (statements already break at "now" / 「今は」)
            regions.append((span.start + m.start(), span.end))
    return regions


def _continued(text: str, lang: Lang) -> list[tuple[int, int]]:
    """Offsets where the answer says nothing stopped (``EN_CONTINUED`` / ``JA_CONTINUED``)."""
    pattern = JA_CONTINUED if lang == "ja" else EN_CONTINUED
    return [m.span() for m in pattern.finditer(text)]


def without_continuity(text: str, hits: list[Hit], lang: Lang) -> list[Hit]:
    """The hits without the absence words of "nothing stopped" (「何も止まりませんでした」): that
    "nothing" denies a stop, not the thing."""
    kept = _continued(text, lang)
    if not kept:
        return hits
    return [h for h in hits if not (h.level == 0 and any(a <= h.start < b for a, b in kept))]


def _turns_on_previous(spans: list[Span], i: int) -> bool:
    """The statement turns on the one before it ("We had a pilot, but the licence ran out"): a
    stop there is said of what that statement named, whatever the stop's own subject."""
    return i > 0 and bool(EN_TURN.match(spans[i].text))


def mark_past(text: str, spans: list[Span], hits: list[Hit], lang: Lang) -> list[Hit]:
    """The hits inside ``past_regions``, flagged: they say nothing about now. A stop word
    itself ("ended", 「終わって」) is the news about now and is never past."""
    regions = past_regions(spans, lang)
    if not regions:
        return hits
    stop_re = JA_STOP_EVENT if lang == "ja" else EN_STOP_EVENT
    return [
        replace(h, past=True)
        if any(a <= h.start and h.end <= b for a, b in regions)
        and not h.past
        and not stop_re.search(text[h.start : h.end])
        else h
        for h in hits
    ]


def says_stopped(text: str, lang: Lang) -> bool:
    """Something was stopped or abandoned; "we used to have nothing" / 「以前は何もなかった」 is
    a past absence (what came after it is new), not something that stopped."""
    negated = JA_NEGATED_CLAUSE if lang == "ja" else EN_NEGATED_CLAUSE
    past_clause = JA_PAST_CLAUSE if lang == "ja" else EN_PAST_CLAUSE
    kept = _continued(text, lang)
    for m in (JA_STOPPED if lang == "ja" else EN_STOPPED).finditer(text):
        if any(a <= m.start() < b for a, b in kept):
            continue
        if past_clause.fullmatch(m.group(0)):
            rest = re.split(r"[,;、。.!?！？\n]|\bbut\b|が、", text[m.end() :], maxsplit=1)[0]
            if negated.search(rest) or (lang == "en" and re.match(r"\s*nothing", rest)):
                continue
        return True
    return False
