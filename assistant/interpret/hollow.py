"""What sounds like something in place but is not (slogans, each office alone), or is only partly.

Level 0 answers are often written with level-2 words: a pilot that stops when the grant ends
("the routers were turned off when the donor money finished", 「交付金が終わったら止まる」), a slogan
with nothing behind it (「『先進都市へ』と書いてあるだけ」, "the headline is 'Future-Ready'"), every
department buying its own with nothing shared (「各課がそれぞれ入れている」, "each department does its
own thing"), each case handled from scratch (「その都度、個別に相談」, "case by case"), things listed
as missing in one breath (「条例もガイドラインもありません」), or a hedged absence (「たぶんないと
思います」, "I don't think there is any"). These are patterns, counted per answer in both languages;
the learned combiner (``model.features``) decides how much each weighs. What is said of "the other
departments" only (「ほかの課はそれぞれ独自」) is the limit of something shared, not its absence, and
is not counted as each-on-its-own.
"""

from __future__ import annotations

import math
import re

from assistant.models import Lang

# -- each office on its own, nothing shared -------------------------------------------------------
EN_EACH_OWN = re.compile(
    r"\b(?:each|every) (?:department|section|unit|office|directorate|ministry|team|division|agency)"
    r"s? (?:\w+ ){0,4}(?:its|their) own\b|\bdoes its own thing\b|\b(?:work|works|working|run|runs"
    r"|sit|sits|live|lives) in silos?\b|\b(?:each|every) (?:one|department) separately\b"
    r"|\bseparately,? (?:each|every) (?:department|section|unit)\b",
    re.IGNORECASE,
)
JA_EACH_OWN = re.compile(
    r"各(?:課|部署|部局|部門|担当)(?:が|で|ごとに|ごと|それぞれ)|それぞれの(?:課|部署|部局|部門)(?:が|で)"
    r"|(?:それぞれ|各自|ばらばら|バラバラ)(?:が|で|に)?(?:独自|別々|個別|勝手|ばらばら|バラバラ)"
)
# 「ほかの課はそれぞれ独自」: what the rest do beside something shared (level 2's limit)
_JA_REST = re.compile(
    r"(?:ほか|他|その他|残り)の(?:課|部署|分野|部局|システム)(?:は|では)[^。]{0,12}$"
)
_EN_REST = re.compile(r"\b(?:the )?(?:other|remaining|rest of the) \w+(?: \w+)?,? $", re.IGNORECASE)

# -- each case handled from scratch ---------------------------------------------------------------
EN_CASE_BY_CASE = re.compile(
    r"\bcase[- ]by[- ]case\b|\bad[- ]hoc\b|\bone by one\b|\bas and when\b|\bfrom scratch each time\b"
    r"|\b(?:each|every) time (?:a|an|some|one) (?:company|vendor|project|firm|request|proposal)\b"
    r"|\bwhenever (?:a|an|some) (?:company|vendor|firm|supplier)\b",
    re.IGNORECASE,
)
JA_CASE_BY_CASE = re.compile(
    r"その都度|都度|一つずつ|ひとつずつ|一件ずつ|個別に(?:相談|対応|調べ|判断|協議)|その場その場|場当たり"
    r"|その年その年|その時その時|行き当たり"
)

# -- a slogan, a word, a line with nothing behind it ----------------------------------------------
EN_SLOGAN = re.compile(
    r"\b(?:slogan|buzzword|tagline|catchphrase|strapline)s?\b"
    r"|\b(?:just|only|mostly) (?:words|a phrase|a line|rhetoric|a headline)\b"
    r"|\b(?:in|at) (?:every |his |her |the mayor's )?speech(?:es)?\b|\bstock photos\b",
    re.IGNORECASE,
)
# "not just a slogan", "more than a tagline": the slogan denied
_EN_DENIED = re.compile(
    r"\b(?:not|isn't|is not|never|more than|beyond) (?:just |only |merely |simply )?(?:a |the |our )?$",
    re.IGNORECASE,
)
JA_SLOGAN = re.compile(
    r"スローガン|キャッチフレーズ|掛け声|かけ声|お題目|合言葉|標語"
    r"|(?:言葉|文言|単語)(?:だけ|が並|を使った|は出て|が出て|として)"
    r"|(?:と|って)書いて(?:ある|あります)(?:だけ|くらい|程度)|一行も|一文(?:だけ|くらい|程度)"
    r"|中身(?:は|を|が)[^。]{0,8}(?:ない|ありません|説明したこと|知らない|知りません|白紙)"
)

# -- the money ends and the thing with it ---------------------------------------------------------
EN_FUNDING_ENDS = re.compile(
    r"\b(?:when|once|after|as soon as) the (?:\w+ )?(?:grant|money|funding|subsidy|donor|project"
    r"|loan|programme|program)(?: money| funds?| period)? (?:\w+ ){0,2}(?:ended|ends|finished"
    r"|finishes|ran out|runs out|stopped|stops|dried up|dries up|expired|expires|is over|was over)\b"
    r"|\b(?:paid|funded) (?:for )?(?:only )?(?:by|with|from) (?:a|the) (?:\w+ )?(?:grant|donor"
    r"|subsidy)\b[^.]{0,60}\b(?:ended|finished|ran out|stopped|turned off|switched off)\b",
    re.IGNORECASE,
)
JA_FUNDING_ENDS = re.compile(
    r"(?:交付金|補助金?|助成金?|補助期間|委託費|予算)(?:が|の|も)?(?:期間が)?"
    r"(?:終わ|切れ|なくな|無くな|打ち切|出な|つかな|付かな)"
    r"|(?:補助|交付金|助成)(?:が|の)(?:出た|ある|つく|付く)(?:年|間|とき|時)だけ"
)

# -- several things missing in one breath (Japanese; English: ``ownership.EN_NONE_LISTED``) --------
JA_NONE_LISTED = re.compile(
    r"[^。、]{1,14}も[、,]?[^。、]{1,14}も[、,]?(?:[^。、]{1,14}も[、,]?)?"
    r"(?:ありません|ない(?:です|ん)?|なく|なし|ございません|いません|置いていません|作っていません)"
    r"|(?:なし|ない|ありません)[、,][^。]{1,16}(?:なし|ない|ありません)[、,][^。]{1,16}(?:なし|ない|ありません)"
)

# -- an absence, hedged ------------------------------------------------------------------------
EN_HEDGED_ABSENCE = re.compile(
    r"\bI (?:don't|do not) (?:think|believe) (?:there (?:is|are|was|were)|we (?:have|had|do)"
    r"|anyone|anybody|any)\b|\b(?:probably|likely) (?:not|none|nothing|no)\b|\bI doubt (?:there|we"
    r"|it|anyone)\b|\bnot that I know of\b|\bas far as I know,? (?:there is |we have )?(?:no|none"
    r"|nothing)\b",
    re.IGNORECASE,
)
JA_HEDGED_ABSENCE = re.compile(
    r"(?:たぶん|多分|おそらく|恐らく)[、,]?[^。]{0,24}(?:ない|ありません|いません|なかった)"
    r"|(?:ない|ありません|いない)(?:と思います|と思う|んじゃないか|のではないか|かと思|はずです|でしょう)"
)


# -- limited, not absent: done once, what is left; and work under way -------------------------------
# 「一昨年に1回だけ」"a one-off survey": level 2 (one-off) of most rubrics, whatever else is named;
# 「今残っているのは…」"what is left is ...": what runs now, after something stopped; 「作っている
# ところです」"we are drafting it": level 1, something being prepared, nothing in place yet.
EN_ONCE_ONLY = re.compile(
    r"\b(?:only|just) once\b|\bone[- ]off\b|\bone[- ]time\b|\bonce,? (?:in|back in) \d{4}\b"
    r"|\ba single (?:\w+ )?(?:workshop|survey|session|meeting|consultation|event|pilot|test|study"
    r"|visit|exchange|training|audit)\b",
    re.IGNORECASE,
)
JA_ONCE_ONLY = re.compile(r"[1１一]回(?:だけ|きり|限り)|一度(?:だけ|きり|限り)|単発")
EN_REMAINS = re.compile(
    r"\b(?:what's|what is|all that's|all that is) (?:left|still running|still there)\b"
    r"|\b(?:all|what) (?:that )?remains\b",
    re.IGNORECASE,
)
JA_REMAINS = re.compile(r"今(?:残って(?:い)?る|ある|動いて(?:い)?る)の(?:は|が)")
EN_UNDER_WAY = re.compile(
    r"\b(?:we are|we're|they are|they're|it is|it's) (?:currently |now |still |just )?(?:drafting"
    r"|preparing|writing|working on|putting together|developing|collecting|comparing|costing"
    r"|scoping|designing)\b",
    re.IGNORECASE,
)
JA_UNDER_WAY = re.compile(r"(?:て(?:い|お)?る|た)ところ(?:です|でございます|で|だ|なん|でして)?")


# -- there in practice, not on paper: the informal coordinator, the de facto owner ---------------
# "in practice it all goes to Ms. X in IT; nobody appointed her", 「情報政策課が実質まとめ役ですが、
# 正式に任されてはいない」: something exists, informally (level 2 of most rubrics), not nothing.
EN_DE_FACTO = re.compile(
    r"\bin practice\b|\bde facto\b|\bunofficially\b|\binformally\b|\bnot (?:formally|officially)\b"
    r"|\bnobody (?:ever )?(?:gave|appointed|assigned|asked) (?:him|her|them)\b"
    r"|\bno (?:letter|mandate|formal (?:role|mandate|appointment))\b",
    re.IGNORECASE,
)
JA_DE_FACTO = re.compile(
    r"実質(?:的に)?|事実上|非公式|正式に(?:は)?[^。]{0,6}(?:ない|ません|わけでは)|暗黙"
)


def _count(pattern: re.Pattern[str], text: str) -> int:
    return len(pattern.findall(text))


def _unless_before(pattern: re.Pattern[str], before: re.Pattern[str], text: str) -> int:
    """Matches of ``pattern`` not preceded (within 30 characters) by ``before``."""
    return sum(
        1 for m in pattern.finditer(text) if not before.search(text[max(0, m.start() - 30) : m.start()])
    )


def _undenied(pattern: re.Pattern[str], text: str) -> int:
    """Matches not denied just before ("not just a slogan")."""
    return _unless_before(pattern, _EN_DENIED, text)


def _each_own(text: str, lang: Lang) -> int:
    """Each office on its own, not said of "the rest" beside something shared."""
    pattern, rest = (JA_EACH_OWN, _JA_REST) if lang == "ja" else (EN_EACH_OWN, _EN_REST)
    return _unless_before(pattern, rest, text)


def hollow_features(text: str, lang: Lang) -> tuple[float, ...]:
    """(each on its own, case by case, slogan only, funding ends, none listed (ja), hedged
    absence, once only, what remains, work under way, de facto): log1p of each count."""
    ja = lang == "ja"
    counts = (
        _each_own(text, lang),
        _count(JA_CASE_BY_CASE if ja else EN_CASE_BY_CASE, text),
        _count(JA_SLOGAN, text) if ja else _undenied(EN_SLOGAN, text),
        _count(JA_FUNDING_ENDS if ja else EN_FUNDING_ENDS, text),
        _count(JA_NONE_LISTED, text) if ja else 0,
        _count(JA_HEDGED_ABSENCE if ja else EN_HEDGED_ABSENCE, text),
        _count(JA_ONCE_ONLY if ja else EN_ONCE_ONLY, text),
        _count(JA_REMAINS if ja else EN_REMAINS, text),
        _count(JA_UNDER_WAY if ja else EN_UNDER_WAY, text),
        _count(JA_DE_FACTO if ja else EN_DE_FACTO, text),
    )
    return tuple(math.log1p(c) for c in counts)


HOLLOW_FEATURES: tuple[str, ...] = (
    "each_own",
    "case_by_case",
    "slogan_only",
    "funding_ends",
    "none_listed_ja",
    "hedged_absence",
    "once_only",
    "what_remains",
    "work_under_way",
    "de_facto",
)
