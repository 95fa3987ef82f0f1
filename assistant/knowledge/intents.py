"""What kind of question this is: the patterns the offline answer composer dispatches on.

Kept apart from the composer so the patterns (en + ja, mixed script) can be read and tested as
data. Matching runs on an NFKC-normalised, lower-cased question; ``squash`` also drops spaces so
"Small Start", "SmallStart" and 「Small Startと」 match alike.
"""

from __future__ import annotations

from assistant.knowledge.framework_terms import (
    CITY_TYPES,
    ELEMENT_ID,
    LEVELS,
    PARTS,
    SCALE_ONE,
    SCALE_WAYS,
    STAGES,
    _any,
    brochure_part,
    found,
    norm,
    squash,
)
from assistant.knowledge.off_topic import ABOUT_JICA_WORDS, LEISURE, PERSONAL, leisure
from assistant.knowledge.specifics import ABOUT_USE, specific_kind

# the not-in-sources test lives in specifics.py, the framework's named items in framework_terms.py,
# pastimes and personal affairs in off_topic.py
__all__ = [
    "ABOUT_JICA_WORDS", "ABOUT_USE", "CITY_TYPES", "ELEMENT_ID", "LEISURE", "LEVELS", "PARTS",
    "PERSONAL", "SCALE_ONE", "SCALE_WAYS", "STAGES", "brochure_part", "found", "leisure", "norm",
    "specific_kind", "squash",
]  # fmt: skip

Lang = str


# Words that tie a question about money or procedure to JICA's cooperation (then it is on-topic
# but unanswerable, not off-topic).
DOMAIN = _any(
    r"jica|smart ?city|smart-city|cooperation|technical assistance|support|loan|grant|funding|"
    r"project|pilot|platform|urban|municipal|master plan|m/p|survey|expert|demonstration|"
    r"スマートシティ|協力|支援|円借款|\bmenu\b|メニュー|融資|案件|事業|調査|専門家|実証|"
    r"都市|自治体|無償|有償|要請|派遣|公募|応募|申請|資料|パンフレット|brochure|\boda\b|\bkpis?\b|development (bank|partner|cooperation)|"
    r"testbed|test bed|テストベッド|人材育成|capacity building|\bdx\b|digital transformation|"
    r"more (info|information|details)|詳しい情報|詳細情報|\b(this|the) approach\b|このアプローチ|本アプローチ|"
    r"アセスメント|評価(方法|基準|の仕方)|評価で|"
    # an official speaking of their own town or section ("our town has decided nothing yet")
    r"(うちの|当|本|わが|我が)(町|市|村)|担当課|担当部署|\bour (town|city|municipality)\b|\btor\b|調達|"
    r"研修|staff training|広げ方|ways? to scale[- ]?up"
)

# Government bodies: a specific asked of them ("must the ministry submit the request?") is about
# JICA's cooperation, though quoted sentences need more than the word to answer.
GOVERNMENT = _any(r"\bministr(y|ies)\b|\bprovinc(e|es|ial)\b|省庁|県庁")
# A city that has not started yet (asked with help: JICA prints that such cities are served too).
NOT_STARTED = _any(
    r"not (yet )?(started|begun)|n't (yet )?(started|begun)|nothing (yet|so far)|no experience|"
    r"from scratch|beginners?|just starting|何も(始め|やって|して|取り組ん)|始めていない|"
    r"取り組んでいない|取組んでいない|未着手|これから始め|これからという段階|初めて取り組|これから取(り)?組|"
    r"(new|newcomers?) to smart[- ]?cit|新しく取り?組|新たに取り?組|初めて[^。？?]{0,15}取り?組|"
    r"(何の|なんの)?経験(も|が)?(ない|ありません)|経験のない|decided nothing|nothing decided"
)
# A request to translate the asker's own words ("Translate 'smart city' into French",
# 「次の文を英語に訳して」) is a task, not a question about JICA's approach: off-topic unless it asks
# how the brochure itself words something.
# The brochure itself named as what is asked about ("does the brochure say anything about…",
# "the title on the cover", 「パンフレットには…書かれていますか」).
BROCHURE_ASKED = _any(
    r"\b(brochure|booklet|leaflet|pamphlet)\b|\bon the cover\b|cover (title|page)|表紙|パンフレット|"
    r"この資料"
)
# The brochure's title asked for ("the English title on the cover", 「この資料の題名」).
TITLE = _any(r"\btitle[sd]?\b|\bcalled\b|題名|表題|タイトル|名前")
TRANSLATE = _any(r"\btranslat(e|ion|ing)\b|訳して|訳すと|翻訳")
BROCHURE_WORDING = _any(r"brochure|printed|\bjica\b|パンフレット|記載|資料では")
# Contact details of the publisher itself (its head office, the brochure's publisher): on the Ask
# page these are JICA's, not another body's.
OWN_CONTACT = _any(
    r"head ?office|headquarters|publisher|published|puts? out|brochure|booklet|leaflet|"
    r"more (info|information|details)|\bdetails\b|(learn|read|find out) more|more about (this|it|them)\b|本部|本社|発行|パンフレット|資料|詳細|詳しく|詳しい"
)


# --- answerable kinds --------------------------------------------------------------------------

CONTACT = _any(
    r"contact|e-?mail|phone|telephone|address|reach (jica|them)|get in touch|連絡先|問い合わせ|"
    r"where (can|could|do|should) (i|we) (read|learn|find( out)?|get) more|(read|learn) more[\w\s']{0,40}online|"
    r"more (info|information|details)[\w\s']{0,30}(online|website|web|where)|詳しく知りたい|"
    r"問合せ|電話|メール|住所|連絡|宛先|head ?office|headquarters|located|(?<!県庁)(?<!州庁)所在地|本部|オフィス|web ?page|website|web site|homepage|\burl\b|ウェブ|ホームページ"
)
DIFFERENCE = _any(
    r"differen|differ(s|ed|ing)?\b|\bdiff\b|versus|\bvs\.?\b|compare|comparison|distinguish|contrast|"
    r"separat|sets? (it|them|[\w-]+) apart|違い|違う|異な|比較|区別|"
    r"\bonly\b[^?]{0,40}\bor\b[^?]{0,30}\b(too|also|as well)\b|(国|自治体)(だけ|のみ)(ですか|なのか|か)"
)
START = _any(
    r"where (do|should|can|would|does|might) [\w\s',-]{1,60}?(start|begin)\b|first step|"
    r"never (done|had|tried|started)|(done|have|has) nothing|first thing (to do|we should)|"
    r"starting point|出発点|(almost |practically |next to )?nothing (in place|yet|so far)|"
    r"very little (in place|so far)|ほとんど何も|"
    r"最初(に|は)何を|まず(は)?何を|何を目指すべき|手をつけ|(have|has) (not|n't) (yet )?(started|begun|done any)|"
    r"how (do|should|can|would) (we|i|our [a-z]+|the city|a city) (start|begin|get started)|just (starting|beginning)|"
    r"get(ting)? started|starting (out|from scratch)|nothing yet|from scratch|"
    r"何から|どこから|始めれば|はじめれば|最初に|第一歩|着手|取り組み始め|取組みを始め|"
    r"where (do|should|can|would) (we|i|a city|our city) [\w\s',-]{0,30}?focus|どこに力を入れ|"
    r"(what|which) stage (are|am|is) (we|i|our|my)|what should (we|i) focus on|どの段階に(い|あ)る|"
    r"(way|where|how) to (begin|start|get started)\b|what (should|do|can|could) (we|i) do next|"
    r"\bnext steps?\b|次に何を|次のステップ|(どの|どこ|何)[^。？?]{0,8}から始め|構想段階|(begin|start) (anyway|somewhere)|"
    r"(what|which) stage (does|do|would|is) (that|this|it|we|our)|最初の一歩|一歩目|"
    r"(どの|どちらの)段階(に当た|に近|だと|でしょう)|(should|must) (we|i|our [\w-]+) aim (for|at)\b|"
    r"\b(we|i) (should|must) aim (for|at)\b"
)
# Where-to-start asked by a city already under way (started, pilots done, going full-scale):
# the stage that fits is Accelerate, not Small Start.
UNDERWAY = _any(
    r"(already|have|has|we've|i've) (already )?(started|begun|launched|piloted|run)|"
    r"already (have|has|running|doing|done|implement)|pilots? (are |is |have been |has been )?"
    r"(done|completed|finished|over|underway|running|succeeded)|after (the |our |a |some )?pilots?|"
    r"beyond (the |our )?pilots?|full[- ]scale|ready to (scale|expand|grow|go further)|"
    r"(done|run|completed|finished) (a |some |a few |a couple of |several |two |three )?"
    r"(pilots?|trials?|projects?)|(push|go|take (it|this|them)) further|"
    r"すでに|既に|本格的|本格化|実証[^。？?]{0,6}(終|済|完了)|パイロット[^。？?]{0,6}(終|済|完了)|"
    r"始めていて|取り組んでいて|取組んでいて|"
    # speeding up work already begun (Accelerate's printed 「弾力的に資金、技術などを投入」)
    r"speed (it |things |this |work )?up|(ramp|step) up|加速|スピードを上げ"
)
# ... or by a city already mature across domains: Sustainable Growth.
MATURE = _any(
    r"(already|quite|fairly|very|are|is|we're|highly) (mature|advanced)|cross-?(domain|sector)|"
    r"across (the |all |several |many |multiple )?(domains|sectors)|成熟|分野横断|複数の分野に(わた|またが)|"
    r"across [\w-]+(, [\w-]+)+,? and [\w-]+|(share|sharing|linked|connect\w*) (their )?data (across|between)|"
    r"(複数|いくつも)の分野[^。？?]{0,12}(連携|データ|つな)|分野をまたい"
)
DIRECTION = _any(
    r"direction|focus|should (a|our|the) .*city|what (kind|sort) of .*city|aim|priorit|"
    r"方向|目指|重点|どのような.*都市|向け"
)
HELP = _any(
    r"(can|could|will|would|does|do|is|are) (jica|you|they) (help|support|assist|offer|provide|"
    r"fund|finance|pay|send|cooperate|work|dispatch|deploy|train|advise)|jica (help|support|assist|offer)|"
    r"can (we|i|our [a-z]+|a city|cities|a ministry) (get|ask|receive|obtain|request)|"
    r"is (there|jica) (any )?(help|support|assistance|cooperation)|support (for|with|on|to)|"
    r"\b(?!(?:cooperation|jica|each|every|which)\b)[a-z-]{5,} (support |assistance )?menu line\b|"
    r"help (us|with|our)|assist|offer|provide|cooperation (on|for|with)|available from|"
    r"(jica'?s? )?(cooperation|support|menu) (covers?|includes?)\b|is (that|this|it) something (jica|you|they)\b|"
    r"(メニュー|menu)(に|には|の中に)(は)?(そういう|そのような|こういう|このような)|"
    r"(支援|協力|サポート|手伝|助け|support)(って|は|が|も)?(あり|ある)(ます|ますか|か|\?|？)|"
    r"(メニュー|menu)(に|には|の中に)(は)?(あり|ある|含まれ|入って|どんな|どのような|何が)|"
    r"anything (from|in|on) (jica|them|the menu|jica'?s menu|your menu)|"
    r"(does|do|would|will) (jica|they|you) have anything (for|on|about)|anything for (that|this|it)\b|something (jica|they) (does|do|offers?|supports?)|"
    r"\bany (help|support|assistance)\b|(what|which) (support|help|assistance) (exists|is there|is available)|"
    r"(頼め|依頼でき|相談でき|相談に乗)|相談(は|を|って|も)[^。？?]{0,12}(でき|可能|乗って|受け付)|(考え|検討し|作っ|つくっ)て(もら|くれ|いただ)|相談したい|(program(me)?|プログラム)[^?？。]{0,12}(用意|あり|ある)|"
    r"(is|are) there (any |a )?(program(me)?s?|courses?) for|"
    r"(支援|協力|サポート|手伝|助け)(して(もら|くれ|いただ)|を(受け|得|依頼|お願い)|は(あり|受け|可能|でき)|"
    r"が(あり|受け|可能)|でき|可能|してい(ます|る)か|の対象)|してもらえ|してくれ|受けられ|"
    r"(どのような|どんな|どういう)(支援|協力)|support(して|は|を)|手伝|助けて|助けに|"
    # asked in other frames: "would JICA be able to finance", "is there someone who could train",
    # "is that covered", 「そういう調査はありますか」「研修みたいなこともやってもらえますか」
    r"(jica|you|they) (be )?(able|willing|allowed) to|is (that|this|it) (covered|included)|"
    # "could JICA back e-government?", "is cybersecurity covered for cities?"
    r"(can|could|will|would|does|do) (jica|you|they) back\b|"
    r"\b(is|are) (?!there\b)[\w\s-]{2,30}? (covered|included|supported)\b|"
    r"is there (someone|somebody|anyone|anybody|an expert|a study|a survey|any study|any survey|"
    r"a programme|a program|a scheme)|(調査|枠組み|仕組み|スキーム|研修)[^。？?]{0,12}(あり|ある|出て|載って)|"
    r"やってもらえ|やってくれ|(メニュー|menu)(って|は|が|も)(あり|ある)|(も|を)お願いでき|"
    r"(して|出して)もらう(こと)?(は|が)?(でき|可能)|(can|could|would|will) (jica|you|they) do (that|this|it|so)\b|"
    r"(open|available) to (a |an |us\b|cities|towns|beginners|newcomers)|"
    r"(does|do|would|will) (jica|they) (do|run)\b|てもらう(こと)?(は|が)?(でき|可能)|"
    r"(そういう|そのような|こういう|このような)(支援|協力)(は|って)\s*[？?]|is there (a |any )?(cooperation )?menu line|(under|in) which (heading|kind of cooperation)|どの見出し|見出しの(下|中)|"
    r"(is|are) (that|this|it|they|there|both|these|those)( both)? (on|in) (jica'?s |the |your |its )?(cooperation )?menu|"
    # "is that possible?", "we need help drafting…", 「JICAの支援は使える？」
    r"\bis (that|this|it) (possible|doable|an option)\b|would (that|this|it) be possible|"
    r"\b(we|i) (need|want|would like|'d like) (some )?(help|support|assistance)\b|"
    r"(支援|協力|メニュー)(は|を|が|って)?[^。？?]{0,6}(使える|使え|利用でき|活用でき)|"
    r"(手伝って|支援して|助けて)(ほしい|欲しい)|"
    # within what JICA supports (「支援の範囲に入っていますか」「支援対象ですか」)
    r"(支援|協力)の?(範囲|対象)(に|には|内)?(入|含ま|です|でしょう|になり)|within (jica'?s )?(support|cooperation)|"
    # the need stated first, then which cooperation fits it ("we need X; which JICA cooperation
    # helps?")
    r"\b(which|what) (of )?(jica'?s? )?(cooperation|support|help|menu line|programmes?|"
    r"kind of (cooperation|support))( line| item)? (helps?|would help|could help|fits?|suits?|"
    r"applies|is for (this|that|it))\b"
)
# Asking whether one thing is on the menu (its menu line answers, not the whole menu); English
# yes/no questions are told by their first word.
ON_MENU = _any(r"(メニュー|menu)(に|には|の中に)(は)?(あり|ある|含まれ|入って)")
# A question asking for a number, a reason or a name is not a request for help, whatever verb
# it uses ("How many countries does JICA cooperate with?").
NOT_HELP = _any(
    r"\b(how many|how much)\b|^(why|who|when)\b|何か国|何カ国|何件|いくつ|何人|なぜ|誰|いつ"
)
ELEMENT_ASK = _any(
    r"って|というのは|というと|what does|what is|what's|desired state|ask(s)? for|mean|require|expect|look like|explain|"
    r"tell me about|describe|とは|望ましい状態|求め|意味|どういう|どんな|説明|について教えて"
)
WHY_JICA = _any(
    r"why (does|is|do|would|should|did) jica|(なぜ|なんで|どうして).{0,24}(jica|スマートシティ|smart ?city)|"
    r"why (are )?smart cities|why (a |the )?smart[ -]city|why (do|does|would) smart[ -]?cit(y|ies) matter|"
    r"why (do|does|would|should) [\w\s,-]{0,50}\b(need|use|adopt|pursue)\b[\w\s-]{0,20}smart|"
    r"jica'?s (reason|motivation|rationale)|なぜ.{0,24}(jica|スマートシティ|smart ?city)|"
    r"(jica|スマートシティ|smart ?city).{0,24}(なぜ|なんで(?!す)|どうして|理由|目的は)|"
    r"why (should|would|do|does|must) (a |our |the |any )?(city|cities|town|municipalit\w+|we) (bother|care|invest|do (it|this))|"
    r"what (is|are) (a |the )?smart[ -]?cit(y|ies) (for|good for)|"
    r"(smart[ -]?cit(y|ies)|it) (can|could|will|would|might) (change|transform)|"
    r"what (can|could) (a |the )?smart[ -]?cit(y|ies) (change|do for)|"
    r"what (can|could|does|will|might) smart[ -]?city (work|initiatives?|approach(es)?) (change|transform)|(変えられる|変えることができる|変容させる|何が変わる)|"
    r"why (would|do|does|should|must) (a |the )?(cit(y|ies)|towns?|municipalit\w+)[\w\s,'-]{0,50}"
    r"\b(need|have to|must)\b|point of (a |the )?smart[ -]?city|"
    r"(何のために|なんのために)(スマートシティ|取り組)"
)
HEADING = _any(
    r"\bheading|\bheaded\b|\bheadline|\btitle of (the |this )?(part|section)|見出し|表題"
)
ABBREV = _any(
    r"(?<![a-z])(m/p|sc)(?![a-z])[\"'」]?\s*(means?\b|とは|って(何|なに)|の意味)|"
    r"what (does|do) (the )?[\"'「]?(m/p|sc)(?![a-z])[\"'」]? mean|"
    r"stands? for|abbreviat|acronym|略(語|称|して)?(は|って|とは|の意味)|何の略|の略|"
    r"[\"'「“‘](m/p|sc)[\"'」”’]"
)
COMBINE = _any(
    r"combin|\bboth\b|choose between|either .* or|組み合わせ|併用|両方|どちらか|どっち|"
    r"(同時|並行)(に|して)|at the same time|simultaneously|in parallel|"
    r"(whether|must|have to|need to) [\w\s]{0,40} or |prefers? (one|either)|one or the other"
)
SCALE_UP = _any(
    r"scal(e|ing).?up|組み合わせ|併用|widen|expand|spread|rest of the (city|country)|roll(ing|ed)? (it |this |them )?out|"
    r"city-?wide|whole city|beyond (the|one|a|our) "
    r"(pilot|district|area|sector)|grow (out of|from)|start (from|with) (one|a single|just)|"
    r"replicat|広げ|拡大|展開|スケールアップ|横展開|市全体|全域|across the (whole |entire |rest of the )?city|"
    r"\bgrow (it|them|this|that)\b|\b(it|them|this) everywhere\b|other (districts|neighbou?rhoods|areas|sectors)"
)
# The stage staircase spoken of ("what does the staircase say for that step?")
STAGE_TALK = _any(r"\bstages?\b|\bsteps?\b|staircase|段階|ステージ")

# Questions about the framework as a whole.
STAGES_ALL = _any(
    r"(three|3|all|the|maturity) (maturity )?stages|stages (of|in)|what (are|is) the stages|"
    r"3つの(段階|ステージ)|三つの(段階|ステージ)|(3|三)(段階|ステージ)(?!目)|(段階|ステージ)(は|を|とは)(何|なに|どれ|教え)|成熟度の段階|"
    r"どのような段階|どんな段階|how many (maturity )?stages|(names?|called) (of )?(the )?stages|stages (are )?called|"
    r"(段階|ステージ)(は|が)(いくつ|何つ)|stages?(は|が|って)(いくつ|何つ|何個|全部で)|stages?の(名前|名称|数)|(段階|ステージ)(は|には)(何|なに)(と|が)|(段階|ステージ)の(名前|名称|数)|それぞれ何と呼ば|"
    r"(段階|ステージ)(は|が)(3|三)つ|^(the |maturity |all )*stages\s*[?？]?$|^(段階|ステージ)(は|って)?\s*[?？]?$|"
    # how the stages are divided (「段階をどのように区分」, "how are the stages defined")
    r"(段階|ステージ)(を|は)(どのように|どう|どうやって)(区分|分け|分類)|(段階|ステージ)の(区分|分け方)|"
    r"how (are|is|does) [\w\s',-]{0,30}stages? (divided|defined|split|distinguished|broken down)"
)
DOMAINS_ALL = _any(
    r"(five|5|the) domains|domains (are|of|in|used)|what (are|is) the domains|"
    # how the elements are divided into domains (「どんな分野に分かれて」)
    r"(分野|領域)に(分かれ|分け|分類)|divided (up )?into (which|what|how many) (domains|areas)|"
    r"how many ([\w-]+ ){0,3}(domains|elements)|(5|５|五)つの(分野|領域|domain)|domains?って|分野(は|とは)(何|なに)|何の分野|どの分野|"
    r"エレメントは(いくつ|何個)|いくつのエレメント|エレメントの?一覧|list (of )?(the |all )?(21 )?elements|"
    r"all (the )?(21 )?elements|(total )?number of ([\w-]+ ){0,3}(domains|elements)|"
    r"いくつの分野|(分野|エレメント)の数|(分野|エレメント)(は|が)(いくつ|何個)|"
    r"エレメントを(全部|すべて|全て)|(全部|すべて|全て)のエレメント|分野ごとに(挙げ|列挙|並べ|分けて)|"
    r"(elements?|domains?)(は|って)(いくつ|何個|何つ)"
)
ASSESS = _any(
    r"(jica|they|it) (would |will |first |would first )?(assess|evaluat|look at|check)|"
    r"before (jica |they |it )?(decides?|deciding|chooses|choosing|selects?)|what does jica (assess|evaluate|look at|check)|"
    r"only for (advanced|developed|mature|capitals?|big|large|major|rich)|only (work|works|help|helps|support|supports|cooperate) "
    r"(with )?(advanced|developed|mature|big|large|rich|wealthy)|need to be (advanced|mature)|始めたばかり|初めて取り組む|"
    r"\bsizes? up\b|\bgauges?\b (a |the |our )?cit|"
    r"where (a|the|our|each|any|this|that) ([\w-]+ ){0,2}(city|town|municipality) (stands|is at)\b|"
    r"(figure|work|find)s? out (what|which) (kind |sort |type )?(of )?([\w-]+ ){0,2}(support|cooperation|help)|"
    r"before (deciding|choosing|selecting)|(decide|determine|choose|select)s? (what|which) "
    r"(kind |sort |type )?(of )?"
    r"(support|cooperation|help)|アセスメント|何を(評価|見て|確認)|どのように(評価|判断)|どのように決め|"
    # how what each city does is decided (「都市ごとにどうやって取組み内容を決める」)
    r"(どうやって|どのように|どう)[^。？?]{0,12}(取組み|取り組み|取組|支援|協力)?[^。？?]{0,6}(決め|決ま|選ぶ|選ば)|"
    r"how (does|do|would|will) (jica|they|you) (decide|choose|determine|select)\b"
)
ABOUT_JICA = _any(
    r"^(what|who) is jica\b|what (kind|sort) of (organi[sz]ation|agency|body) is jica|"
    r"jica stands? for|jicaとは|jicaは(どのような|どんな)(組織|機関)|jicaって|"
    r"jica(が|は)?(そもそも)?(どのような|どんな|どういう)(組織|機関|団体)|"
    r"what (kind|sort) of (organi[sz]ation|agency|body) jica is"
)
REPORT = _any(
    r"(?<!\bmy )(?<!\bour )\breport\b|full study|underlying study|based on (which|what) (study|survey)|library portal|"
    r"(brochure|approach|document|booklet) (is |was )?based on|what is (it|the [\w' -]{1,40}) based on|"
    r"報告書|図書館|元になった調査|基づいて作成|(どの|何の)(調査|研究)(を|に)(もと|元|基)に|(もと|元|基)に(作|つく)られ|(元|もと|基)にな(った|っている)(調査|研究)|"
    r"調査の(名前|名称|正式)|name of the (underlying |source )?(study|survey)"
)
CHART = _any(
    r"\bchart\b|matrix|four aims|4 aims|aims (on|of|in) the|(4|４|四)つの(ねらい|狙い)|ねらい|狙い|"
    r"自立発展|ビジョン追求|価値創造|成熟度.{0,24}(図|チャート)|(図|チャート).{0,16}成熟度"
)
ELEMENTS_OF = _any(r"\belements?\b|エレメント|要素")
ASSETS = _any(
    r"\bstrengths?\b|jica'?s assets|得意|(what is|what's) jica good at|"
    r"assets (that )?jica|assets (does|do) jica|(what|which) assets|"
    r"what does jica bring|"
    r"why (work with|choose|ask) jica|jica'?s (advantage|edge)|強み|jicaのアセット|ならでは|jicaの特長|"
    r"how (is|does) jica (different|differ)|jica.{0,20}(different from|compared (to|with)|unlike)|"
    r"jica(は|と).{0,20}(と(は)?(どう|何が)?違|との違い|と比べ)|"
    # why choose JICA, what it brings ("Why JICA and not a consultant?", "brings to the table")
    r"^\W*why jica\b(?!'?s)|why (go to|turn to|pick|select|partner with) jica|"
    r"brings? to the table|(what|which) (does|do|would|can) (jica|it|they) (say (it|they) )?brings?\b|"
    r"(jica|it|they) (offers?|has|have|brings?) that others|added value of jica|jica'?s added value|"
    r"(なぜ|なんで|どうして)jica(に(頼|依頼|相談|お願い)|を選|なの)|jicaを選ぶ(理由|メリット)|"
    r"jicaに(頼む|依頼する|お願いする|相談する)(理由|メリット)"
)
POLICY = _any(
    r"jica'?s (basic |overall |guiding )?(policy|principle|stance|approach to cooperat)|"
    r"(basic|cooperation|guiding) (policy|principle)|polic(y|ies) (for|of|on) "
    r"(smart[ -]?city )?cooperat|取組み方針|取り組み方針|協力の方針|基本方針|方針は|"
    r"principle (that )?guides|(guiding|core|underlying|central) (principle|idea)|"
    r"(一番|最も|もっとも)大(事|切)にしている(考え|こと)|基本的な考え方|根底にある考え|"
    r"idea behind (jica|the|its)|(main|single|key|core|central|big) idea\b"
)
# The city characters as a whole ("how does the direction change with the city's character?")
CITY_TYPES_ALL = _any(
    r"(which|what) (city )?types?( of cit(y|ies))? (fits?|suits?)|city (types?|characters?)\b|"
    r"character of (the |a )?city|(都市|まち)の(性格|特性|タイプ)(に|によって|で|ごと)|"
    r"どの(タイプ|類型)の都市"
)
# Asking what the cooperation menu holds (as a whole, or at one level).
# The problems cities face, as JICA's MIND lists them (「抱えている課題」, "what challenges do cities face")
CHALLENGES = _any(
    r"抱えている(課題|問題)|(課題|問題)(として|は|を)[^。？?]{0,20}(挙げ|抱え)|"
    r"(challenges|problems|issues) (do|does|that) ([\w-]+ ){0,3}(cities|countries) ([\w-]+ ){0,2}(face|have)|"
    r"(challenges|problems|issues) (facing|faced by) ([\w-]+ ){0,3}(cities|countries)"
)
# "anything like that on the menu?" (「そういうものは」): the need stated before is what is asked
REFERS_BACK = _any(
    r"そういう|そのような|こういう|このような|そのための|anything like (that|this)|something like (that|this)|"
    r"\b(for|to help with|to support) (that|this)\s*[?？]|"
    r"such (a |an )?(thing|support|programme|program|help)"
)
MENU_ASK = _any(
    r"(types|kinds|forms|sorts) of (cooperation|support|assistance)|cooperation menu|\bmenu\b|"
    r"summari[sz]e|overview|what can jica do|協力メニュー|メニュー|協力の種類|一覧|"
    r"(協力|支援)(に|の)(は)?(どんな|どのような)(種類|形|メニュー)"
)
# ... or asking what support there is, with a level named ("What support at the city level?")
MENU_WHAT = _any(
    r"(what|which) (cooperation|support|assistance|help)|(どのような|どんな)(協力|支援)(が|を|は)|"
    r"what (does|can|will) jica (offer|provide|do)\b"
)


def names_framework(question: str) -> bool:
    """The question names a stage, a way to scale up, an element by number, a part of the
    brochure or the stages/domains as a whole: it is about JICA's approach, whatever else it
    asks."""
    return bool(
        found(STAGES, question)
        or found(SCALE_ONE, question)
        or ELEMENT_ID.search(norm(question))
        or brochure_part(question)
        or STAGES_ALL.search(norm(question))  # the stages or domains as a whole
        or DOMAINS_ALL.search(norm(question))
    )


def about_jica(question: str) -> bool:
    """Names JICA's domain, its framework or the study behind the brochure ("when was the
    underlying report published?", 「職員が留学できる奨学金」): JICA's business, whatever words
    it uses; never off-topic."""
    q = norm(question)
    return bool(DOMAIN.search(q) or names_framework(question) or REPORT.search(q))


# One menu line asked by its name ("JICA procurement support", 「調達支援のメニューラインには」): that
# line answers, not the whole menu.
MENU_LINE_ASKED = _any(
    r"^\W*(jica'?s? )?[a-z-]{4,}( [a-z-]{4,})? (support|assistance)\W*$|"
    r"(支援|協力)の?(メニューライン|メニュー項目)(に|には|は|って|の)"
)
