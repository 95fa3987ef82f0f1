"""The question shapes the offline composer reads to choose a kind (``compose``): cautions about
data, why use the elements, no smart-city work yet, the approach's purpose, each stage's approach,
where to begin, a city like ours, the publisher, the next stage. Patterns only, en + ja."""

from __future__ import annotations

from assistant.knowledge import intents as it

# What to take care of when using data or technology: JICA's MIND prints its condition.
CAUTION = it._any(
    r"(気をつけ|気を付け|注意(す|点|が)|留意|配慮す|懸念|不安|リスク|心配|careful|caution|watch out|beware|pitfalls?|"
    r"\brisks?\b|dangers?|concerns?|worr(y|ies)|"
    r"conditions? (does|do|on|for|attached)|safeguards?|be aware|precautions?)"
    r"[^。？?]{0,40}(data|technolog|digital|データ|技術|デジタル)|"
    r"(data|technolog|digital|データ|技術|デジタル)[^。？?]{0,40}(気をつけ|気を付け|注意|留意|配慮|懸念|"
    r"不安|リスク|心配|careful|caution|watch out|beware|pitfalls?|conditions?|safeguards?|precautions?|"
    r"\brisks?\b|dangers?)"
)
# Why use the elements at all: what they are for (the brochure's reference line), not why smart
# cities matter.
WHY_USE = it._any(
    r"why (should|would|do|does|must) [\w\s,-]{0,30}\buse\b[\w\s-]{0,20}\belements?\b"
)


# No smart-city work yet, whatever systems the city already has ("a traffic centre but no smart
# city plan at all"): the first stage, which starts from the existing assets.
NO_SMART_WORK_YET = it._any(
    r"\bno (smart[ -]?city|digital|dx) (plan|strategy|work|projects?|experience|initiatives?|"
    r"vision|policy)|(have|has)(n't| not| never)( yet)?( got| had| made| drawn up| written)? "
    r"(a |any )?smart[ -]?city (plan|strategy|vision|work|projects?)|almost no (digital|smart)|"
    r"スマートシティ(の|に関する|に係る)?(計画|戦略|構想|取組み|取り組み|ビジョン)(は|が|も)(まだ|全く|まったく|何も)?"
    r"(ない|なく|なし|ありません|作って(い|お)らず|作っていない)"
)


# What the approach as a whole is for ("what is the smart city approach trying to do?",
# 「アプローチの狙いを一言で」).
PURPOSE = it._any(
    r"what(?: is|'s) (?:jica'?s )?(?:the )?smart[ -]?city approach (?:for|trying|about|aiming|meant)|"
    r"(?:purpose|aim|goal|point|objective) of (?:jica'?s )?(?:the )?(?:smart[ -]?city )?approach|"
    r"what (?:is|does) (?:jica'?s )?(?:the )?(?:smart[ -]?city )?approach (?:trying|try|aim|seek)|"
    r"アプローチ(?:の|が)(?:狙い|ねらい|目的|目指)|アプローチ(?:は|って)(?:何を目指|何のため|何が目的)"
)


# each stage's approach asked, not only their names ("what each stage should do", 「それぞれの方針」)
EACH_APPROACH = it._any(
    r"\b(each|every) (one|stage|of them)\b[\w\s,-]{0,40}\b(approach|do|focus|policy|aim|strateg)|"
    r"\b(approach|do|focus|policy|aim|strateg\w*)\b[\w\s,-]{0,20}\b(in|at|for|of) (each|every) (stage|one)\b|"
    r"(それぞれ|各段階|各ステージ)[^。？?]{0,12}(方針|アプローチ|取組み|取り組み|すべきこと|内容|やること)"
)


# what an abbreviation means, asked ("what does M/P stand for?", 「M/Pとは」)
ABBREV_MEANING = it._any(r"\bmean|\bstands? for|abbreviat|acronym|略|とは|意味|って(何|なに)")


# each of two things asked in turn (「それぞれどんな…」, "what does each offer")
RESPECTIVELY = it._any(r"それぞれ|respectively|\beach\b")


# where to begin, as opposed to a next step (「次のステップ」 asked of widening what worked)
BEGIN = it._any(r"\b(start|begin)|first (step|thing)|何から|どこから|始め|はじめ|第一歩|最初")


# "a city like ours", 「うちのような都市」: the asker's own city, described before.
LIKE_OURS = it._any(
    r"\b(a |for )?(city|town|place|municipality) like (ours|this|that|mine)\b|\bsuch a (city|town)\b|"
    r"(うち|当市|我が市|わが市|私たち|この|その|こういう|そういう)(のような|みたいな)(都市|町|まち|市)"
)
SUGGEST = it._any(
    r"\bsuggest|\brecommend|\bpropose|\bwhat does (the brochure|jica) (say|offer)|勧め|提案"
)


# Who puts the brochure out ("who publishes this brochure?", 「このパンフレットの発行元は」).
PUBLISHER = it._any(
    r"who (publishe[sd]|issue[sd]|wrote|writes|produced|produces|made|makes|put out|puts out) "
    r"(this|the) (brochure|booklet|leaflet|pamphlet|document)|"
    r"(パンフレット|資料|冊子)(の|を)?(発行元|発行者|作成者|発行した|作成した|作った)|"
    r"(誰|どこ)が(この)?(パンフレット|資料|冊子)を(発行|作成|作)"
)


# The stage after (or before) a named one ("what comes after Accelerate?", 「Small Startの次は」).
NEXT_STAGE = it._any(
    r"\b(comes?|stage|step) (after|beyond|following)\b|\bafter (small ?start|accelerate)\b|\bfollows?\b|"
    r"\bnext (stage|step)\b|(の|より)(次|先)(の段階|のステージ|は|に)|次の段階|"
    r"\b(comes?|stage) before\b|\bbefore (accelerate|sustainable)|(の|より)前(の段階|のステージ|は)"
)
