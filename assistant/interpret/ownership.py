"""Whose thing it is, and whether it lives only on paper: two readings the rubric cares about.

A small town's official often describes what exists around the city rather than the city's own:
the prefecture's plan, a national system, the vendor's papers, another section's tool
(「県のDX推進計画はあるが町としてはない」, "the vendor wrote the papers, we only signed"). The
rubric scores the city's own, so such a thing says little above level 0/1. Equally, a thing that
exists but is not used, never met or never updated (「要綱はあるが開催していない」, "it sits on a
shelf") is weaker than its name. These are patterns, counted per answer; the learned combiner
(``model.features``) decides how much they weigh.
"""

from __future__ import annotations

import math
import re

from assistant.models import Lang

_OTHER_EN = (
    r"(?:(?:national|provincial|state|central|regional|federal) )?(?:province|government"
    r"|prefecture|ministry|agency|vendor|supplier|contractor|consultants?|company|donor|embassy"
    r"|water company|utility|university|neighbou?ring (?:city|town|municipality))"
)
EN_OTHERS_OWN = re.compile(
    rf"\b(?:the )?{_OTHER_EN}(?:'s)? (?:own )?(?:plan|system|platform|strategy|app|portal|papers"
    r"|data|vision|programme|program|project|dashboard|policy|rules?)\b"
    rf"|\b(?:run|owned|operated|paid for|funded|written|drafted|provided|managed|hosted|decided"
    rf"|designed|chosen|brought) (?:entirely |all )?by (?:the )?(?:{_OTHER_EN}|donors?"
    r"|(?:another|a different|the \w+) (?:department|section|office|unit))\b"
    r"|\b(?:they|the (?:company|vendor|supplier|contractor|donor)) (?:wrote|prepared|decided|chose"
    r"|drafted) (?:the papers|everything|it all|the (?:specs|specifications|requirements))"
    r"|\bnot (?:the city's|ours|our own|the municipality's|the town's)\b"
    r"|\b(?:nothing|none) of (?:its|our) own\b|\bwe (?:only|just) (?:signed|accepted|received)\b",
    re.IGNORECASE,
)
_OTHER_JA = (
    r"(?:県|国|都|府|道|広域連合|一部事務組合|ベンダー|業者|メーカー|委託先|事業者|大学|隣の(?:町|市|村)"
    r"|他の課|別の課|ほかの課|他課|他部署|別の部署)"
)
JA_OTHERS_OWN = re.compile(
    rf"{_OTHER_JA}(?:の|が(?:作った|作っている|入れた|運営|管理|用意した|決めた|書いた|持って))"
    r"(?:[^。、]{0,6})?(?:計画|構想|方針|システム|仕組み|ビジョン|基盤|データ|アプリ|もの|書類|仕様)"
    rf"|{_OTHER_JA}(?:主導|任せ|まかせ|丸投げ|頼み|持ち)"
    r"|(?:町|市|村|役場|うち)(?:として|独自)(?:の|で)?[^。]{0,16}(?:ない|ありません|なし)"
    r"|(?:言われるまま|持ってきた(?:もの|の)を|決まったものを)"
)
EN_PAPER_ONLY = re.compile(
    r"\bon paper\b|\bnobody (?:really )?(?:uses|used|reads|looks at|opens|follows)\b"
    r"|\b(?:never|rarely|hardly ever|hardly|not) (?:really |actually )?(?:been )?(?:used|met"
    r"|updated|opened|convened|implemented|enforced|applied|followed)\b"
    r"|\bgathering dust\b|\bsits? on (?:a|the) shelf\b|\b(?:just|only) (?:a )?(?:slogan|words?"
    r"|speeches?)\b|\bnot updated since\b|\bout of date\b|\bas it was (?:written|made|drafted)\b"
    r"|\b(?:improvised|ad hoc|one[- ]off|one time only)\b|\bin name only\b",
    re.IGNORECASE,
)
JA_PAPER_ONLY = re.compile(
    r"使われて(?:い|お)?(?:ない|ません)|使って(?:い|お)?(?:ない|ません)|誰も使|活用されて(?:い)?(?:ない|ません)"
    r"|開催(?:されて|して|実績)[^。]{0,4}(?:ない|ません|なし)|(?:一度も|ほとんど)(?:開|使|動)"
    r"|更新(?:されて|して|でき)(?:い|お)?(?:ない|ません)|作った(?:とき|時)の?まま|作ったまま|作っただけ"
    r"|形だけ|名ばかり|有名無実|放置|棚上げ|言葉だけ|掛け声|スローガン|お題目|紙の上|机上"
    r"|その場(?:しのぎ|限り)|場当たり|一度きり|一回きり|単発"
)

# Several things listed as missing in one breath (「予算も、専任の職員も、保守契約もありません」, "no
# budget, no staff and no contract"), or an idea dropped (「見送り」, "shelved"): nothing of it is
# in place, however many rubric words the list names.
EN_NONE_LISTED = re.compile(
    r"\b(?:no|neither) [\w-]+(?: [\w-]+)?,? (?:(?:no|nor|and no|or(?: any)?) [\w-]+(?: [\w-]+)?,? ){1,6}"
    r"|\b(?:was|were|got) (?:shelved|dropped|abandoned|never (?:started|approved|pursued))\b",
    re.IGNORECASE,
)
JA_NONE_LISTED = re.compile(
    r"(?:[^。、も]{1,16}も[、,]?\s*){2,6}(?:ありません|ない|ないです|いません|いない|なし|ゼロ)"
    r"|見送(?:り|って|った|られ)|立ち消え|お蔵入り|頓挫"
)


def _count(pattern: re.Pattern[str], text: str) -> float:
    return math.log1p(len(pattern.findall(text)))


def ownership_features(text: str, lang: Lang) -> tuple[float, float, float]:
    """(others' thing, on paper only, nothing listed): log1p of how often each pattern occurs."""
    if lang == "ja":
        pats = (JA_OTHERS_OWN, JA_PAPER_ONLY, JA_NONE_LISTED)
    else:
        pats = (EN_OTHERS_OWN, EN_PAPER_ONLY, EN_NONE_LISTED)
    return tuple(_count(p, text) for p in pats)  # type: ignore[return-value]
