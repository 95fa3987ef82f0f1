"""The words behind ``unplaceable``: per language, the phrases that say the speaker cannot or will
not answer, who the speaker is (new, transferred, another office), what only others do not know,
and the question turned back or the topic changed. Patterns are regular expressions (English ones
are matched case-insensitively).
"""

from __future__ import annotations

import re

from assistant.interpret.whose_cues import JA_OURS_STRONG

# -- "I don't know" in further words (beside ``cues.EN_UNKNOWN`` / ``JA_UNKNOWN``) ---------------

EN_MORE_UNKNOWN = re.compile(
    r"\b(?:can(?:'t|not)|couldn't|shouldn't|should not)\s+(?:really\s+)?speak\s+(?:for|to|about|on)\b"
    r"|\b(?:don't|do not) have (?:the (?:faintest|slightest|foggiest)|any) idea\b"
    r"|\bnot the (?:faintest|slightest|foggiest)\b|\bbeats me\b|\byour guess is as good as mine\b"
    r"|\bdrawing a blank\b|\bi (?:don't|do not|can't|cannot|couldn't) (?:really )?(?:remember|recall)\b"
    r"|\bi (?:wasn't|was not) (?:involved|there|around|part of it)\b"
    r"|\b(?:i'm|i am) not (?:the (?:best|right) person|familiar with|up to date on)\b"
    r"|\bi (?:really |honestly )?(?:do not|don't|dont) know what (?:\w+ ){1,3}(?:do|does|did"
    r"|is doing|are doing|have done|has done)\b"
    r"|\bmaybe (?:there(?: is| are|'s)|we (?:have|do)|they (?:have|do)|it (?:exists|does))\b[^.;!?]{0,80}"
    r"\bmaybe not\b(?=\s*[.,;!?]|\s*$)|\b(?:there )?may or may not (?:be|exist)\b|\bmight or might not (?:be|exist)\b"
    r"|\b(?:i've|i have)(?: really| honestly)? (?:got )?nothing to (?:say|add|tell you)\b"
    r"|\bi (?:can't|cannot|couldn't) (?:really )?answer (?:that|this|it|your question)\b"
    r"(?! (?:in (?:detail|full)|fully|precisely|exactly|completely))"
    r"|\b(?:i|we) (?:do not|don't|dont) (?:really|honestly|actually) know\b"
    r"(?! (?:which|what|how|who|where|of any|about any)\b)"
    r"|\b(?:probably|maybe|perhaps) (?:the )?[\w ]{1,30}? (?:people|office|department|unit|team"
    r"|director|staff) (?:would )?knows?\b"
    r"|\bi (?:really |honestly )?(?:can't|cannot|couldn't) (?:really )?say (?:how|what|who|which"
    r"|where|when)\b|\b(?:don't|do not|wouldn't|would not) want to (?:say something|give you)"
    r" (?:the )?wrong\b|\b(?:i'm|i am) only here (?:to talk about|for)\b"
    r"|\b(?:i'd|i would) (?:only )?be guessing\b|\bi can only guess\b"
    r"|\b(?:can't|cannot|couldn't) say (?:either way|one way or the other)\b"
    r"|\bnever heard (?:of )?(?:it|that|this|the (?:term|word|expression|phrase))\b"
    r"|\b(?:i'm|i am|we're|we are) not (?:allowed|permitted|authori[sz]ed) to (?:say|comment"
    r"|discuss|share|talk)\b|\b(?:i'd|i would) rather not (?:say|comment|answer|go into)\b"
    r"|\b(?:let's|let us|can we|could we) (?:just )?(?:move on|skip|go to the next)\b"
    r"|\b(?:is|are|would be|'s) the (?:one|ones|person|people) (?:who (?:knows?|would know)"
    r"|to ask)\b(?=\s*(?:[.,;:!?]|$)|\s+(?:about|(?:for|on) (?:that|this)|here|who|what|how"
    r"|whether|if|which|when|where)\b)"
    r"|\byou (?:might|could|may|can) (?:want to )?try (?:asking|calling|contacting|someone"
    r"|the \w+(?: \w+)? (?:office|department|unit|team|director|people|section))\b"
    r"|\b(?:isn't|is not|not) something i (?:see|know about|deal with|handle|follow|work on)\b"
    r"|\b(?:i'm|i am|i've been|i was|i feel) (?:a bit |rather |completely |totally )?(?:out of"
    r"|not in) the loop\b|\babove my pay ?grade\b"
    r"|\bi (?:really |honestly )?(?:can't|cannot|couldn't) (?:really )?say (?:whether|if)\b"
    r"|\bi (?:don't|do not) (?:follow|deal with) (?:that|this|it)\b"
    r"|\b(?:i|we) (?:can|could|will|'ll|would) (?:only )?(?:answer|reply|respond|tell you)"
    r"(?: (?:that|this|it|you))? (?:after|later|once)\b|\b(?:get|come) back to you\b",
    re.IGNORECASE,
)
# 「あるかどうかも分かりません」「今どうなっているかはわかりません」: not knowing whether the thing
# exists or how it stands is not a fact about it (unlike 「いくらかかるのかもわかりません」, which
# ``signals.unknown_spans`` keeps as a description of the state).
_JA_DK = (
    r"(?:(?:私|わたし|自分|こちら|当方)[^。、]{0,6}(?:では|には|は)[、,]?)?"
    r"(?:正直|正直なところ|よく|まだ|全く|はっきり|ちょっと)*[、,]?\s*"
    r"(?:わかりません|分かりません|わからない|分からない|知りません|存じません"
    r"|把握して(?:い|お)(?:ません|ない)|把握でき(?:て(?:い|お)?)?(?:ません|ない)|答えられ(?:ません|ない)"
    r"|言えません|知らないです|知らされて(?:い|お)?(?:ない|ません))"
)
JA_MORE_UNKNOWN = re.compile(
    r"(?:どうなって(?:い)?る|どうなった|ある|ない|あった|やって(?:い)?る|動いて(?:い)?る"
    r"|進んで(?:い)?る)の?か(?:どうか)?(?:は|も)?[、,]?\s*"
    + _JA_DK
    # whether it is there (「あるかどうか」「公開しているのかどうか」), not whether it will go on
    + r"|(?:ある|あった|ない|なかった|いる|いた|れた|した)の?かどうか(?:は|も)?[、,]?\s*"
    + _JA_DK
    # who does it (「どこが主導しているのかは」), not how much (「何人使っているのかは」: a state)
    + r"|(?:どこ|誰|どの課|どの部署|どちら)(?:が|で|と)[^。、]{0,20}の?か(?:は|も)?[、,]?\s*"
    + _JA_DK
    # how it stands now (「今どういう体制になっているのかは」「どう連携しているかは」)
    + r"|どう[^。、]{0,14}(?:て(?:い)?る|た)の?か(?:どうか)?(?:は|も)?[、,]?\s*"
    + _JA_DK
    + r"|(?:私|わたし|自分)には(?:…|‥|\.\.\.)|それどころでは(?:ない|ありません)"
    + r"|記憶に(?:ない|ありません|ございません)|覚えて(?:い|お)(?:ない|ません)|知識が(?:ない|ありません)"
    r"|(?:勉強不足|不勉強)(?:で|でして|なので|なもので)|お答えできるほど"
    r"|あるともないとも|あるのかないのか|あるかないか|どちらとも(?:言え|いえ)|見当も(?:つき|つか)"
    r"|お話し(?:でき|すること(?:は|が)でき)(?:ない|ません)|申し上げられ(?:ない|ません)|申し上げにく"
    r"|(?:私|わたし|自分)(?:に|で)は[^。]{0,6}判断(?:でき|が(?:つき|でき))(?:ません|ない)"
    r"|(?:何|なん)とも(?:[…。．.]|$)|持ち帰らせて|持ち帰って(?:確認|検討)(?:させて|します|いたします)"
    r"|(?:言葉|用語|名前|単語)(?:自体)?(?:は|も|を)?(?:初めて|はじめて)聞|初めて聞きました|初耳"
    r"|(?:言葉|用語)(?:自体)?(?:は|も|を)?聞いたことが(?:ない|ありません)"
    r"|(?:担当が(?:違う|ちがう)|畑違い|専門外|門外漢)(?:なので|なもので|ですので|でして|ので|もので"
    r"|のため|ですから|です)"
    r"|(?:お)?答えしにく|答えにくい"
    r"|(?:課|部|室|係|局|担当|センター|事務局|の方)に(?:聞く|確認する|問い合わせる|聞いた|確認した)"
    r"(?:のが|ほうが|方が)"
    r"|(?:正確な|はっきりした|確かな)ことは[^。]{0,8}(?:答え|言え)(?:られ)?(?:ない|ません)"
    r"|(?:私|わたし|自分)(?:から|に)は[^。]{0,15}(?:答えられ|言え)(?:ない|ません)"
    r"|ご存じ(?:だと|かと|のはず)|の方が(?:よく)?(?:分かる|わかる|詳しい)(?:と思|はず|かと|です|でしょう)"
    # who could answer is another office: 「答えられるのは広報課ですね」「ご存じなのは財政課の方かと」
    r"|(?:答えられる|お答えできる|回答できる|ご存じな|詳しい)のは[^。]{0,30}?"
    r"(?:課|部|室|係|局|担当|センター|事務局|さん|の方)(?:です|でしょう|だと|かと)"
    r"|(?:に|へ|で)(?:ご確認|お問い合わせ|お聞き)(?:ください|下さい|いただけ(?:ます|ませ|れば)"
    r"|いただいた(?:方|ほう)|いただくの)"
    r"|確認して(?:から)?(?:改めて)?(?:ご)?回答(?:します|させて|いたします|しても|する予定|するつもり)"
    r"|(?:後日|改めて)(?:ご)?回答(?:します|させて|いたします|する予定|するつもり)"
    r"|(?:質問|この質問|その質問)は?飛ばして|次の質問に(?:移|進|行)"
)
# The subject is someone else: what they do not know is a fact about the city.
EN_OTHERS = re.compile(
    r"\b(?:residents|citizens|people|the public|staff|employees|officials|companies|businesses"
    r"|everyone|most|many|they)\b|\b(?:nobody|no one)\b",
    re.IGNORECASE,
)
EN_OTHERS_SUBJECT = re.compile(
    "(?:"
    + EN_OTHERS.pattern
    + r")\s+(?:(?:have|has|had|do|does|did|are|is|were|was|still|really|simply"
    r"|often|usually|probably|likely|surely|certainly|mostly|generally|even|also|all|just|already"
    r"|ever)\s+){0,3}$",
    re.IGNORECASE,
)
# 「効果があるかどうかは分かりません」: whether it works is not measured, a fact about the state.
JA_EFFECT = re.compile(r"効果|成果|意味|効き目|役に立|満足|評判")
JA_OTHERS = re.compile(
    r"(?:市民|住民|職員|企業|事業者)(?!協働|課|部|室|係|局|センター|参加|団体)|多く|ほとんど|皆|みんな|誰も"
)
# Beyond the fact just said: "whether there were others", "anything else", 「それ以外は」.
EN_BEYOND_BEFORE = re.compile(
    r"\b(?:whether there (?:are|were|is|was) (?:any )?others?|beyond that|apart from that|other than"
    r" that|anything else|the rest|about (?:the )?others?)\b[^.;]*$",
    re.IGNORECASE,
)
EN_BEYOND_AFTER = re.compile(
    r"^\s+(?:about |of )?(?:the rest|anything else|(?:the |any )?others?|beyond that)\b"
    # after a fact, only how it went on: "... I'm not sure where that stands", "I don't
    # remember it mentioning climate"
    r"|^\s+(?:where (?:that|it|this|things) (?:stands?|is|are|went|got to)|it mentioning|how far (?:it|that)"
    r"|when exactly|exactly when|the exact)\b",
    re.IGNORECASE,
)
JA_BEYOND = re.compile(
    r"(?:それ以外|その他|ほか|他)(?:の[^、。]{0,6})?(?:は|のことは|については|まで(?:は)?)[、,]?"
    r"(?:ちょっと|正直|よく)?$"
)
# 「申し上げにくいのですが、」「何とも言えませんが、」: a preface, the fact follows.
JA_PREFACE = re.compile(r"にく|言え|いえ|申し上げ")
# after a hedge, the city speaking of itself: its own name for itself, one of its offices, or a
# turn to what is certain (「少なくとも」「正直に言うと」); not a referral (「企画課に聞いてください」)
JA_CITY_SAYS = re.compile(
    JA_OURS_STRONG.pattern + r"|(?<![\u4e00-\u9fffァ-ヶー])(?:市|町|村)(?:全体|内)"
    r"|[\u4e00-\u9fff]{1,6}(?:課|部|室|局)(?:に|で|が|は|の)(?!方|ほう|担当|人)"
    r"|^\W*(?:少なくとも|正直(?:に言うと|なところ)?|実際(?:に)?は|ただ)"
)
JA_REFERRAL = re.compile(
    r"(?:に|へ)(?:聞いて|お?尋ね|確認して|お?問い合わせ)|(?:詳しい|分かる|わかる)(?:です|と思|はず)"
    r"|担当(?:です|している|しています)|所管(?:です|して)|持って(?:る|いる)はず"
)
EN_TURN_TO_CITY = re.compile(
    r"[^.;!?\n]{0,60}?(?:\s[—–-]+\s*|;\s*|,?\s+but\s+|\.\.\.\s*)(?:(?:honestly|frankly|still|anyway),?\s+)?"
    r"(?:we|we've|we're|our|the city|the town|the council|city hall|here)\b",
    re.IGNORECASE,
)
EN_REFERRAL = re.compile(
    r"\b(?:ask|check with|talk to|contact|would know|knows?|handles?|is in charge)\b", re.IGNORECASE
)
# A detail not known beside a fact ("not sure of the exact number, but ...", 「正確な数はわかりませんが」)
# is a hedge, not a deflection.
EN_DETAIL = re.compile(
    r"^\s+(?:of |about )?(?:the )?(?:(?:exact|precise|specific) \w+|(?:year|date|number|figure"
    r"|detail)s?\b)",
    re.IGNORECASE,
)
JA_DETAIL = re.compile(
    r"(?:正確な|細かい|具体的な|詳しい|はっきりした)?(?:数|件数|数字|日付|日にち|年|年度|時期|金額|額|名前"
    r"|名称|人数|予算額)(?:は|まで(?:は)?)(?:ちょっと|正直|よく|すぐには)?$"
    r"|(?:いつ|何年|何月|何回|何件|何人|どこ)(?:だった|頃だった|ごろだった)?か(?:は)?$"
    r"|(?:詳しく|細かく|詳細|細かいこと|はっきりとは|正確には)(?:は|まで(?:は)?)?(?:ちょっと|正直|よく)?$"
)
# 「効果が分からないじゃないかと議会から指摘され」: someone else's words, not the speaker's.
JA_NOT_OWN = re.compile(
    r"^(?:じゃない|ではない|んじゃない)?か?(?:と|って)(?:言われ|指摘され|聞かれ|いう声)|^じゃないか"
)
# "my team handles that", 「当課が所管ですが」: the office that would know is speaking; "nobody is
# in charge of it", 「誰も担当していません」: no one is, a fact about the city (level 0), not a deflection.
JA_OWN_OFFICE = re.compile(
    r"(?:当課|うち|私ども|我々|私たち|弊課|この課|当部|当室|当係)(?:の課)?(?:が|で|の|として)?\s*$"
    r"|(?:誰|だれ|どこ|どの課|どの部署)も\s*$"
)
EN_OWN_OFFICE = re.compile(
    r"\b(?:my|our) (?:office|team|unit|department|section|division)(?: (?:really|actually))?\s*$"
    r"|\b(?:no one|no-one|nobody|no (?:single )?(?:office|team|unit|department|person|body))"
    r"(?: (?:really|actually|here|at all|in particular|specifically))?\s*$",
    re.IGNORECASE,
)
# "we don't know of any such policy", 「当課では、そのような計画は把握していません」: not aware of
# any, said by the office itself, is an absence (level 0), not a deflection.
EN_KNOW_OF = re.compile(r"\s+(?:of|about) (?:any|anything|such)\b", re.IGNORECASE)
JA_OWN_AWARE = re.compile(
    r"(?:当課|当部|当室|当係|うちの課|私ども|我々|担当課|所管課)(?:で|と)?(?:は|として|の方で|で)"
)
IN_CHARGE = re.compile(
    r"所管(?:な|です|して)|担当して|handles|deals with|is in charge|is responsible", re.IGNORECASE
)
# Only not knowing something can be said of others; "ask them" or 「所管外」 cannot.
KNOWING = re.compile(
    r"know|idea|clue|heard|aware|sure|remember|recall|知り|知ら|存じ|聞い|分か|わか|覚え|記憶|知識|詳し",
    re.IGNORECASE,
)
EN_NOT_OWN = re.compile(
    r"^[^.;]{0,40}\b(?:they|people|residents|the council) (?:said|asked|complained)\b"
)

# -- who is speaking: statements about the speaker's own job, arrival or absence ----------------

EN_ARRIVAL = re.compile(
    r"\bi (?:only |just |recently )?(?:joined|started (?:here|working|in|at|as|last|this)|arrived"
    r"|(?:came|moved|transferred) (?:over |across )?(?:here|to|from|in))\b"
    r"|\b(?:i'm|i am) (?:new|fairly new|quite new|relatively new|still new)\b"
    r"|\bi was (?:transferred|moved|seconded|posted|reassigned)\b|\bbefore (?:that|this(?: job| post| role)?|joining|coming here),? i (?:was|worked)\b"
    r"|\bi used to (?:be|work)\b|\bon (?:leave|maternity leave|sick leave)\b",
    re.IGNORECASE,
)
# The speaker's own job: background beside a don't-know only when it places nothing itself (the
# person who runs the thing may say so: "I handle the portal, we update it monthly").
EN_ROLE = re.compile(
    r"\bmy (?:office|unit|section|desk|job|role|work) (?:is|was)\b"
    r"|\bi (?:mostly |mainly |usually |only )?(?:deal with|look after|handle) (?:the )?"
    r"(?!it\b|that\b|this\b)\w+"
    r"|\b(?:i'm|i am|i work|i'm based|i sit) (?:in|at|with|from) (?:the )?\w+ (?:section|office"
    r"|unit|department|division|team|utility|desk)\b"
    # "I'm on the tourism side", "I've never been involved in any of that", "nobody ever asked me"
    r"|\b(?:i'm|i am) on the \w+ side\b|\bi(?:'ve| have)? never been (?:involved|part of|asked)\b"
    r"|\bnobody (?:has )?(?:ever )?asked me\b",
    re.IGNORECASE,
)
JA_ARRIVAL = re.compile(
    r"赴任して|赴任した|赴任(?:から|後)|異動して(?:き|参り|まいり)|異動になっ|異動した(?:て|ばかり)|着任|入庁|配属(?:され|になっ)|前の(?:部署|課|職場|部|係)"
    r"|前任|引継ぎ|引き継ぎ|復帰|(?:移って|来て|戻って)(?:き)?た?ばかり|移ってきて|産休|育休|休職"
)
JA_ROLE = re.compile(
    r"(?:私|わたし|自分)は[^。、]{0,14}(?:課|係|担当|部|室|部門|窓口|センター)"
    r"(?:なので|ですので|なもので|でして|です|の者)"
)

# New, transferred, back from leave, or from another office "so" they would not know: an outsider.
# Beside such a speaker "I've never heard of anything like that" is not a level 0 but a don't-know
# (the office that would know saying it is: 「産業振興を担当していますが…聞いたことがありません」).
EN_OUTSIDER = re.compile(
    r"\bi (?:only |just |recently )?(?:joined|started|arrived|came)\b[^.;]*\b(?:ago|last|this|week|month"
    r"|year|recently)\b|\b(?:i'm|i am) (?:new|fairly new|quite new|still new)\b"
    r"|\bi was (?:transferred|moved|seconded|reassigned)\b|\bon (?:maternity |sick )?leave\b"
    r"|\b(?:i'm|i am|i work|i'm based|i sit) (?:in|at|with|from) [^.;]{1,40}?,? so\b|\b(?:i'm|i am) not in\b",
    re.IGNORECASE,
)
JA_OUTSIDER = re.compile(
    r"赴任して|赴任した|赴任(?:から|後)|異動して(?:き|参り|まいり)|異動になっ|異動した(?:て|ばかり)|着任|入庁|配属(?:され|になっ)|復帰したばかり|産休|育休|休職"
    r"|(?:移って|来て|戻って)(?:き)?た?ばかり|移ってきて"
    r"|(?:私|わたし|自分)は[^。、]{0,14}(?:課|係|担当|部|室|部門|窓口|センター)(?:なので|ですので|なもので"
    r"|でして|だから|ですから)"
)
EN_NOT_HEARD = re.compile(
    r"\b(?:never heard (?:of|about)|not aware of|(?:haven't|have not) heard (?:of|about)"
    r"|(?:don't|do not) know of)\b",
    re.IGNORECASE,
)
JA_NOT_HEARD = re.compile(
    r"聞いたこと(?:が|も)(?:ない|ありません)|聞いていません|耳にしたこと(?:が|も)(?:ない|ありません)"
)

# -- the question turned back, or the topic changed -----------------------------------------

# A Japanese statement ending as a question to the interviewer (「予算のことですか」「答えればいい
# ですか」); a tag 「〜じゃないですか」 is not one, nor a hedge 「3年前でしょうか」 without a question word.
JA_QUESTION_END = re.compile(
    r"(?<!じゃない)(?<!ではない)(?<!じゃありません)(?<!いただけ)(?<!もらえ)(?<!くれ)(?<!ください)"
    r"(?<!てもいい)(?<!でもいい)(?<!てもよろしい)"
    r"(?<!…)(?<!‥)(?<!\.\.\.)(?:ですか|ますか|ばいい(?:です|の)?か)[?？]?[。\s]*$"
    r"|(?:どう|何|どの|どちら|どれ|いつ|誰(?!も)|どこ|なぜ|それとも)[^。]*(?<!ない)(?:でしょうか|ですかね)"
    r"[?？]?[。\s]*$"
    r"|[?？][。\s]*$"
)
# The topic echoed before answering (「信頼、ですか。」「データの話ですか。」「都市OSですか。」): short,
# with no word that asks (とは, って, どの, それとも ...).
JA_ECHO = re.compile(
    r"^(?!.*(?:とは|って|という|意味|どう|何|どの|どちら|どれ|いつ|誰|どこ|なぜ|それとも|ばいい))"
    r"[^。]{1,10}(?:です|でしょう)か[。？?\s]*$"
)
# Said at the start of the answer: what follows is another topic (「それより、うちは…」, "what I can
# tell you is that our biggest problem ...").
EN_TOPIC_SHIFT = re.compile(
    r"^\W*(?:(?:well|honestly|frankly)\W+)?(?:what i can tell you is|the (?:real|bigger) (?:issue|problem)"
    r" (?:here )?is|more importantly|(?:a bit|slightly|somewhat|a little) off[- ]topic"
    r"|not (?:exactly|quite|really) what you asked)\b",
    re.IGNORECASE,
)
JA_TOPIC_SHIFT = re.compile(
    r"^\W*(?:(?:そうですね|うーん|ええと|あの)[、,]?\s*)*(?:それより(?:も)?|そんなことより)"
    r"|(?:の話|話題|ご質問)とは(?:少し|ちょっと)?(?:ずれ|それ|外れ)|(?:少し|ちょっと)話が(?:ずれ|それ)"
)

# Right after arriving: what was done at the old post ("There we had ...", 「そこでは…」).
EN_THERE = re.compile(
    r"^\W*(?:there,? (?:we|they|i|everyone|everybody)|at (?:the|my) (?:\w+ ){0,3}?(?:we|they|i)\b|in my (?:old|previous|last|former) \w+"
    r"|back then|at that time|before that)\b",
    re.IGNORECASE,
)
JA_THERE = re.compile(r"^\W*(?:そこ|あちら|向こう|当時|前の(?:職場|部署|課))(?:で|では|には|は)")

# The whole answer a flat "no" to the element's thing ("nope, no such document here", "None.",
# 「ないです。」): the city has none of it, level 0, said by the person asked, not a missing basis.
EN_FLAT_DENIAL = re.compile(
    r"^\W*(?:no|nope|nah|none|nothing|not yet|never|not at all)\b"
    r"(?:[\s,.!;:-]+(?:(?:we|there)(?:'s| is| are| have| has)? (?:got )?(?:no|none|nothing)\b[\w ]{0,30}"
    r"|no such [\w ]{1,30}|none|nothing(?: yet| at all| like (?:that|it|this))?|not (?:yet|at all|really)"
    r"|sorry|at all|here|yet|so far))*\W*$",
    re.IGNORECASE,
)
JA_FLAT_DENIAL = re.compile(
    r"^\W*(?:(?:いいえ|いえ|特に|まったく|全く|まだ|今のところ|現状)[、,\s]*)*"
    r"(?:ない|無い|ありません|ございません|なし|無し)(?:です)?(?:ね|よ)?[。．!！\s]*$"
)
