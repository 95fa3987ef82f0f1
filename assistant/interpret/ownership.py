"""Whose thing it is, whether it lives only on paper, whether nothing of it is there.

A small town's official often describes what exists around the city rather than the city's own:
the prefecture's plan, a national system, the vendor's papers, another section's tool
(「県のDX推進計画はあるが町としてはない」, "the vendor wrote the papers, we only signed"). The
rubric scores the city's own, so such a thing says little above level 0/1. Equally, a thing that
exists but is not used, never met or never updated ("it sits on a shelf") is weaker than its
name, and a list of missing things is level 0 whatever rubric words it names (both English only:
see ``ownership_features``). These are patterns, counted per answer; the learned combiner
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

# Several things listed as missing in one breath ("no budget, no staff and no contract"), or an
# idea dropped ("shelved"): nothing of it is in place, however many rubric words the list names.
EN_NONE_LISTED = re.compile(
    r"\b(?:no|neither) [\w-]+(?: [\w-]+)?,? (?:(?:no|nor|and no|or(?: any)?) [\w-]+(?: [\w-]+)?,? ){1,6}"
    r"|\b(?:was|were|got) (?:shelved|dropped|abandoned|never (?:started|approved|pursued))\b",
    re.IGNORECASE,
)

# Talk under way, nothing decided: 「課内で話しているところです」「議論してる途中」, "there's been a
# fair bit of chat about it", "it's being scoped now". Level 1's words, even when hedged.
EN_TALK = re.compile(
    r"\b(?:being|been) (?:discussed|scoped|considered|explored|looked at|talked about)\b"
    r"|\b(?:chat|talk|talks|discussions?|conversations?) (?:about|on|around)\b"
    r"|\b(?:we're|we are|they're|they are) (?:talking|thinking) about\b"
    r"|\b(?:a|the) paper (?:is )?going to (?:cabinet|council|the board)\b"
    r"|\b(?:workshop|meeting|session) (?:is )?(?:booked|scheduled|pencilled in)\b",
    re.IGNORECASE,
)
JA_TALK = re.compile(
    r"話(?:を)?して(?:い)?(?:ます|る)|話(?:を)?している(?:ところ|段階)|話が出(?:た|て)|話になって"
    r"|議論(?:して(?:い)?る|中|の途中)|検討(?:して(?:い)?る|中)(?:ところ|段階)|(?:と|とは)思って(?:い)?ます"
)

# "Before anybody talks about technology we map ...", "nobody talks about it": a condition or a
# denial around the talk, not talk under way.
EN_NOT_TALK = re.compile(
    r"\b(?:before|until|unless|nobody|no one|never|no|not|without)\b[^.;,]{0,20}$", re.IGNORECASE
)


def _count(pattern: re.Pattern[str], text: str) -> float:
    return math.log1p(len(pattern.findall(text)))


def _talk_count(text: str) -> float:
    """``EN_TALK`` matches that are not conditioned or denied (``EN_NOT_TALK``)."""
    found = [
        m
        for m in EN_TALK.finditer(text)
        if not EN_NOT_TALK.search(text[max(0, m.start() - 30) : m.start()])
    ]
    return math.log1p(len(found))


def ownership_features(text: str, lang: Lang) -> tuple[float, float, float, float]:
    """(others' thing, on paper only, nothing listed, talk under way): log1p of each count.

    Japanese gets no on-paper / nothing-listed reading: Japanese patterns for those were tried and
    measured (leave-one-writer-out, 17 writers) and did not improve Japanese within-one, so they
    are not fed to the model.
    """
    if lang == "ja":
        return _count(JA_OTHERS_OWN, text), 0.0, 0.0, _count(JA_TALK, text)
    return (
        _count(EN_OTHERS_OWN, text),
        _count(EN_PAPER_ONLY, text),
        _count(EN_NONE_LISTED, text),
        _talk_count(text),
    )
