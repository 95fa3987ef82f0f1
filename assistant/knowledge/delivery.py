"""How a cooperation is delivered and who vouches for it: specifics the brochure never gives.

The brochure lists what JICA cooperates on, never how a course or an expert's work is delivered
(the language, online or in person, the experts' nationality) nor which other bodies endorse the
approach. Kept apart from ``specifics`` (which holds the older kinds) so each stays short.
"""

from __future__ import annotations

import re

_ASCII_EDGE = r"(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))"


def _rx(pattern: str) -> re.Pattern[str]:
    """\\b as an ASCII word edge: in 「のUNの」 the kana are word characters too."""
    return re.compile(pattern.replace(r"\b", _ASCII_EDGE), re.I)


_SERVICE = (
    r"(研修|講座|講義|セミナー|専門家|講師|スタッフ|協力|training|courses?|workshops?|sessions?|experts?|"
    r"trainers?|consultants?|advisers?|advisors?|staff|cooperation|support)"
)
_LANGS = (
    r"(english|spanish|french|portuguese|arabic|japanese|russian|the local language|our language)"
)
_JA_LANGS = (
    r"(英語|日本語|現地語|スペイン語|フランス語|ポルトガル語|アラビア語|ロシア語|母国語|通訳)"
)
_FORMAT = r"(オンライン|online|remote(ly)?|virtual(ly)?|in[- ]person|対面|遠隔|e-?learning)"
_WHO = (
    r"(japanese nationals?|japanese citizens?|nationality|nationalities|local hires?|locally hired|"
    r"hired locally|from japan|日本人|現地の人|現地採用|国籍|現地スタッフ)"
)

# How the cooperation is delivered: its language, online or in person, who the experts are.
DELIVERY = _rx(
    rf"{_SERVICE}[^。？?.!]{{0,40}}(\bin {_LANGS}|{_JA_LANGS}|(which|what) language|言語|{_FORMAT}|{_WHO})|"
    rf"(\bin {_LANGS}|{_JA_LANGS}|(which|what) language|言語|{_FORMAT}|{_WHO})[^。？?.!]{{0,30}}"
    r"(研修|講座|受講|専門家|講師|training|courses?|experts?|trainers?|attend|join)|"
    r"interpret(er|ers|ation) (provided|available)|(need|needs|provide|bring|use) (an |our own )?interpreters?|"
    rf"\bspeaks? {_LANGS}|通訳(は|が)?(付|つ|あり|いる|用意)|"
    # a translation asked (into the city's language), who carries the work out, a visit to Japan
    r"\btranslat\w*\b[^?.!]{0,40}\b(into|in) (our|the local|local|their|the national|national|english|"
    r"spanish|french|portuguese|arabic|russian)\b|(翻訳|訳)(して|され|版|は)[^。？?]{0,10}(もら|くれ|ます|あり)|"
    r"\b(done|carried out|conducted|performed|run|led|staffed) by (jica'?s? )?(own )?(staff|employees|"
    r"consultants?|experts?|firms?|contractors?)\b[^?.!]{0,10}\bor\b|"
    r"(jica(の)?(職員|スタッフ)|コンサルタント|専門家)(が|で)[^。？?]{0,10}(それとも|か、|または)|"
    r"\b(visit|tour|trip to|travel to|go to)\b[^?.!]{0,30}\b(japan|japanese (city|cities|municipalit\w*|towns?))\b|"
    r"study (tours?|visits?|trips?) (to|in) japan|(日本|国内)[^。？?]{0,10}(視察|訪問)|訪日"
)

# Another body's endorsement or membership ("Is the approach endorsed by the UN?").
ENDORSED = _rx(
    r"\b(endors|recogni[sz]|accredit|certif|approv|back)\w* by (the )?(un|united nations|un-?habitat|"
    r"undp|oecd|world bank|imf|eu|european union|g20|g7|any international|an international|other donors?)\b|"
    r"\b(un|united nations|un-?habitat|undp|oecd|eu|european union|g20|g7)\b[^.?!]{0,30}"
    r"(endors|recogni[sz]|approv|adopt|back|support)\w*|"
    r"(国連|国際連合|経済協力開発機構|欧州連合)[^。？?]{0,20}(認め|承認|認定|支持|採用|推奨)|"
    r"(公式に|正式に)[^。？?]{0,6}(認め|承認|認定)られ"
)

# The country office of JICA and its people (the brochure prints only the head office).
COUNTRY_OFFICE = _rx(
    r"(jica )?(office|representative|staff) in (our|my|your|this|the) country|country office|"
    r"現地事務所|在外事務所|当国事務所|(国|現地)の(jica)?事務所|jica(の)?(現地|在外)"
)

# The ones a programme serves (the city's staff, trainees): with a delivery or detail asked, the
# question is about JICA's cooperation though it names neither JICA nor the city.
SERVED = _rx(
    r"\bmou\b|memorandum of understanding|exchange of (letters|notes)|交換公文|覚書|"
    r"職員|公務員|技術者|研修|講座|専門家|\b(our |city |municipal |government )(staff|officials|engineers|"
    r"employees)\b|\b(training|courses?|experts?)\b|"
    r"\b(final|project|survey|study) reports?\b|報告書|\b(bids?|bidding|tenders?)\b|入札"
)

# The terms of a cooperation: who owns what it builds, penalties, what follows the handover.
TERMS = _rx(
    r"who (will |would )?owns?\b|\bownership\b|\bowned by\b|will (jica|we|the city|our city) own\b|"
    r"所有権|所有者|誰のもの|知的財産|intellectual property|\bip rights\b|\bpenalt(y|ies)\b|\bsanctions?\b|"
    r"罰則|ペナルティ|違約金|\bliab(le|ility)\b|賠償|\blicen[cs](e|es|ing)\b|ライセンス|"
    r"日当|per diem|daily allowances?|\bquotas?\b|割り?当て(枠|数)|"
    r"maintenance (costs?|fees?|contracts?)|(hardware|system|equipment) maintenance|保守(費用|契約|運用)|"
    r"維持管理(費|の費用)|運営費|(running|operating|operation) costs?|"
    r"after (the )?(handover|hand-over|hand over|project ends?|cooperation ends?|completion)|"
    r"(協力|事業|プロジェクト)(の)?終了後|引き渡し後|引渡し後|"
    r"\b(after|once|when) (the |our |a )?(cooperation|project|programme|program|support|survey|mission)\b"
    r"[^?.!]{0,10}\b(finish(es|ed)?|is over|ends|ended|has ended|is finished|closes|is completed|wraps up)\b|"
    r"(協力|事業|プロジェクト|支援)(が|の)?(終わった|終了した|完了した)(後|あと)|"
    r"conflicts? of interest|利益相反"
)

# Details the brochure never prints: a web address of a platform or tool, the brochure in other
# languages, JICA's own events and when the brochure is revised.
MORE_DETAIL = _rx(
    r"(platform|portal|database|system|tool)[^.?!]{0,40}\b(url|web ?site|web address|link|online)\b|"
    r"\bits (url|web ?site|web address|link)\b|"
    r"\b(url|web ?site|web address|link) (of|for) (the |its |jica'?s )?[\w\s-]{0,30}(platform|portal|database|tool)|"
    r"(プラットフォーム|ポータル|システム|データベース|ツール)の?(url|サイト|アドレス|リンク|ホームページ)|"
    r"(brochure|booklet|document|pamphlet)[^.?!]{0,30}\bin (french|spanish|portuguese|arabic|russian|chinese|"
    r"other languages|another language)|(フランス語|スペイン語|ポルトガル語|アラビア語|中国語|他の言語|多言語)(版|で(読|出|発行))|"
    r"time ?zones?|時差"
)
EVENT_OR_REVISION = _rx(
    r"(does|do|will|would) (jica|they) (run|hold|organi[sz]e|host|have) (a |an |any )?[\w\s-]{0,20}"
    r"(conference|seminar|webinar|event|forum|symposium|summit|workshop|fair)s?\b|\bsummits?\b|"
    r"when('?s| is| will be) the next (one|event|summit|seminar|conference|edition|round|call)?|"
    r"when (will|does|do|is|are) [\w\s'-]{0,40}\b(update|revise|publish|release|reprint)\b|次の改訂|改訂(は|され|の予定)"
)

# JICA's own rules and practice with a city (round 4, batch R): an agreement's clauses and
# disputes, where data is kept, what JICA does with data it collects, what happens when the
# government changes, procurement rules.
PRACTICE_TERMS = _rx(
    r"\bdisputes?\b|\bsettle(d|ment)?\b|arbitrat|紛争|合意書|協定書|覚書|条項|\bclauses?\b|"
    r"(cooperation|loan|grant|project) agreements?\b|"
    r"data (storage|residency|locali[sz]ation|hosting)|(stor(e|ing|ed)|host(ed|ing)?|kept|keep) [\w\s]{0,20}"
    r"(servers?|data) (outside|inside|abroad|in (the|our) country)|servers? (outside|abroad|in (the|our) country)|"
    r"サーバー[^。？?]{0,12}(国内|国外|海外)|データ(の)?(保管|保存)(場所|先)|"
    r"(data|information) (it|they|jica) (collects?|gathers?|holds?)|jicaが(収集|集め)(した|る)(データ|情報)|"
    r"what happens (to|with) [\w\s']{0,40}\bif\b|打ち切り|(中断|中止)(され|になり|になる)|"
    r"(exact|specific|procurement|jica'?s) rules\b|sole[- ]source|調達(の)?(ルール|規則|ガイドライン)|"
    r"(jica|they) (need|needs|have|has) to (approve|sign off|clear|review|check)\b|"
    r"(approve|clear) (our|the|a) (press release|announcement|publicity)|press (release|conference)|"
    r"プレスリリース|記者会見|(vehicles?|cars?|accommodation|housing|office space|per diem|allowances?|lodging)\b"
    r"[^.?!]{0,30}\b(experts?|staff|consultants?)\b|専門家の(宿泊|車両|移動|執務)|"
    r"\b(mandatory|compulsory|obligatory)\b|\bpay (back|off)\b|refinanc"
)
# How the experts are chosen (seconding one is the menu's dispatch of experts: answerable).
PRACTICE_DELIVERY = _rx(
    r"(choose|select|pick|nominate) (which|the|our own|our) (jica )?(experts?|consultants?|trainers?)|"
    r"専門家を(選|指名)|(jica|they) (decide|choose|select)s? (which|the) (experts?|consultants?)|"
    r"\btestify\b|give evidence|appear before|(証言|答弁)(して|する|し(ます|てもら)|に(立|出)|を(お願い|依頼|頼|求め))"
)
# Who JICA favours and what it allows: a policy of its own the brochure does not print.
PRACTICE_ELIGIBILITY = _rx(
    r"(does|do|would) (jica|they) (prefer|prioriti[sz]e|favou?r|allow|permit|forbid|ban)\b|"
    r"\bjica (prefers|prioriti[sz]es|favou?rs|allows|forbids)\b|\bgives? (preference|priority|preferential treatment) to\b|"
    r"(jica|they)(は|が)?[^。？?]{0,20}(優先して|優先する|優先的|認めて(い)?(ます|る)か|許可して)|"
    r"どの(国|country|都市|city)を優先|"
    r"(fewer|less|more) than \d+ (employees|staff|workers)|従業員(数|\d)|\bgdp\b|per capita|too rich|"
    r"income (level|threshold)|所得水準|一人当たり|(chinese|foreign|non-japanese)[- ](built|made|manufactured)|"
    r"中国製|外国製|(position|stance|view) on [\w\s-]{0,30}(cameras?|products?|vendors?|equipment|surveillance)|"
    r"preferred (list|vendors?|suppliers?|partners?|universities|consultants?)"
)
# Figures on JICA's past cooperation: what is most common, how often something goes with another.
RECORD = _rx(
    r"most (common|frequent|popular|requested)|一番多い|最も多い|ことが多い(です|の)?か|"
    r"how (often|many times) (does|do|has|have) jica|what share of jica'?s"
)
# The trainees' and alumni's lists and networks.
ALUMNI = _rx(
    r"\balumni\b|former (trainees|participants|fellows)|同窓|元研修員|帰国研修員|"
    r"(参加者|研修員|修了生|卒業生)(の)?(名簿|リスト|一覧)|(participants?|trainees?) (list|names)"
)

# Round 5: shapes of question, not topics. JICA itself the subject of a permission ("Is JICA
# allowed to work with the opposition?", 「JICAが…することは認められていますか」): a rule of
# JICA's own, whatever the activity, never printed.
JICA_PERMITTED = _rx(
    r"\b(is|are|would|will) (jica|jica'?s (experts?|staff)|the (jica )?experts?) (be )?(allowed|permitted|"
    r"authori[sz]ed|legally (able|allowed)|forbidden|prohibited|barred)\b|\b(can|may|could) jica legally\b|"
    r"\bjica (is|isn'?t|is not) (allowed|permitted|authori[sz]ed)\b|"
    r"jica(は|が)[^。？?]{0,30}(しても(よい|いい|良い|構わない|かまわない)|することは(許され|認められ|禁止)|"
    r"(許され|認められ|禁じられ)て(い)?(ます|る)(か|の))"
)
# A claim heard about what JICA does NOT do ("I heard JICA no longer funds cameras. True?",
# 「…を支援しないと聞きました」): the brochure prints what JICA cooperates on, never exclusions.
HEARD_EXCLUSION = _rx(
    r"\b(heard|told|read|rumou?rs?|word is|people say|someone said|they say)\b[^?]{0,80}\b(jica|they)\b"
    r"[^?]{0,12}\b(does not|doesn'?t|do not|don'?t|will not|won'?t|no longer|never|refuses? to|stopped|"
    r"cannot|can'?t|is not allowed to)\b|"
    r"(しない|しません|していない|しなくなった|できない|対象外|行わない|やめた)(と|って|という)(聞|言われ|噂|うわさ)"
)
# Several requests at once ("Can a city ask for two surveys at the same time?"): a rule on how
# cooperation is requested; two approaches pursued together is the brochure's own question.
REQUESTS_AT_ONCE = _rx(
    r"\b(two|three|several|multiple|more than one|many|\d) [\w\s-]{0,20}?(surveys?|requests?|projects?|"
    r"applications?|programmes?|programs?|cooperations?|missions?|studies|experts?)\b[^?.!]{0,30}"
    r"(at the same time|simultaneously|at once|in parallel|concurrently)|"
    r"\b(request|apply for|ask for|submit)\b[^?.!]{0,30}(at the same time|simultaneously|concurrently)|"
    r"(複数|2つ|二つ|いくつか|2件|二件)の?(調査|案件|協力|要請|プロジェクト|事業|専門家)[^。？?]{0,15}(同時|並行|重ねて)|"
    r"(同時に|並行して)[^。？?]{0,10}(申請|要請|依頼)"
)
# A precondition asked by its absence ("If the country has no data protection law, can we still get
# the data platform support?", 「個人情報保護法がない場合、支援は受けられないのでしょうか」): the
# brochure prints no preconditions. Asking help to make the missing law is the menu's.
LACKING_PRECONDITION = _rx(
    r"^(?!.*\b(draft|develop|write|prepare|make|create|design|formulate)\b)(?!.*(策定|作成|作る|作り|整備を(支援|手伝))).*?(?:"
    r"\b(without|if (we|our [\w-]+|the country|the city|there) (has|have|is|are) no|(lacks?|lacking)|"
    r"(do not|don'?t|does not|doesn'?t) have( an?| any)?|(has|have) no)\b[^?]{0,40}\b(laws?|acts?|regulations?|"
    r"legislation|ordinances?|budget|funds?|co-?financing|counterpart)\b[^?]{0,60}\b(support|help|"
    r"cooperation|eligible|qualify|receive|get|still)\b|"
    r"(法|法律|法令|条例|規制|予算|制度)(が|の)?(ない|無い|なくても|未整備|整備されていない)(場合|と|なら|状態|まま|国|都市|自治体|市|町|ところ|、)?[^。？?]{0,40}"
    r"(支援|協力|受け|対象))"
)

# JICA's practice by the kind of specific each asks (checked in this order).
PRACTICE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("terms", PRACTICE_TERMS),
    ("delivery", PRACTICE_DELIVERY),
    ("eligibility", PRACTICE_ELIGIBILITY),
    ("eligibility", LACKING_PRECONDITION),
    ("record", RECORD),
    ("detail", ALUMNI),
    ("detail", JICA_PERMITTED),
    ("detail", HEARD_EXCLUSION),
    ("procedure", REQUESTS_AT_ONCE),
)

# A rule, an obligation or a permission asked of JICA's cooperation ("Does JICA need to approve our
# press release?", 「毎月必要ですか」「重なっても大丈夫ですか」): when nothing but quoted sentences
# answers it, the brochure gives no such rule.
RULE_ASKED = _rx(
    r"\b(need|needs) to\b|\b(have|has) to\b|\bmust\b|\brequired\b|\bmandatory\b|\bobligatory\b|"
    r"\b(allowed|permitted|forbidden|prohibited)\b|\bok(ay)? (to|if)\b|\bis it ok\b|\bexempt\b|"
    r"\bcovered by\b|\bcompatible with\b|\b(approve|approval|audits?|auditing)\b|"
    r"who (evaluates|assesses|approves|pays|decides|arranges|reviews)\b|"
    r"必要(があり|があ|です|でしょう)|なければ(なら|いけ)|義務|規定|ルール|許可|認め|大丈夫|構いません|"
    r"かまいません|免除|承認|誰が(評価|払|負担|決め|手配|審査)|"
    r"(does|do|will|would) (jica|they) require\b|\bjica requires\b|\ba requirement\b|"
    r"\b(any|jica'?s) requirements?\b|"
    r"\b(can|may) (the city|we|a city|our city|i|the ministry) (keep|refuse|decline|cancel|withdraw|stop|quit|"
    r"terminate|opt out)\b|will (jica|the experts?|they) (sign|translate|disburse)\b|"
    r"\b(disburs\w*|paid|pay) in (dollars|local currency|yen|euros)|currency|通貨|"
    r"(断る|辞退する|中止する|やめる)ことは(でき|可能)|公開され(ます|る)か|誰が使え"
)


# The cooperation menu's own verbs: what JICA does in the brochure (help, analyse, draft, build...).
_MENU_VERBS = (
    r"(help|support|assist|offer|provide|co-?operate|fund|finance|work (with|on)|do|have|cover|give|"
    r"send|second|dispatch|train|advise|back|organi[sz]e|run|pay|analy[sz]e|assess|evaluate|survey|study|plan|"
    r"design|draft|build|develop|establish|set up|create|implement|share|introduce|procure|prepare|"
    r"consider|recommend|suggest|say|mention|describe|use|look|see|think|care|focus|prioriti[sz]e|"
    r"expect cities)"
)
# JICA or its experts the subject of a yes/no question whose verb is none of the menu's ("Can a JICA
# expert sign documents for us?", 「JICAの専門家は現地の祝日も働きますか」): what JICA would do
# beyond its menu is a practice of its own that quoted sentences do not answer.
JICA_ACTS = _rx(
    r"(^|[.!?]\s+)(does|do|will|would|can|could|may|might|is|are|did) (jica|jica experts?|the (jica )?experts?|"
    r"a jica expert|the jica (staff|team|consultants?))\b(?! ?'s)(?! (\w+ly )?"
    + _MENU_VERBS
    + r"\b)(?! (be )?(able|willing|prepared|ready|in a position) to)|"
    r"(jica(の)?(専門家|担当者|職員|スタッフ)?|(担当の)?専門家)(は|が)(?![^。？?]*(何|どう|どんな|なぜ|なんで|どの|どこ|"
    r"いつ|誰|支援|協力|手伝|提供|対象|受け|参加|"
    r"メニュー|相談|派遣|助け|サポート|分析|調査|策定|作成|構築|整備|育成|評価|実施|アセスメント|導入|設立|"
    r"共有|考え|言っ|挙げ|書|示|重視|support|help))[^。？?]{0,30}(ますか|ませんか|でしょうか)"
)
