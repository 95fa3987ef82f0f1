"""What changes a level cue's meaning in its statement, per language: limits and universal scope,
negation, intent and future, hedges, "don't know", where statements break, quotations, and the
closed loop (measured and then changed). The per-level cue words are in ``level_cues``.

Patterns are regular expressions (English ones are matched case-insensitively).
"""

from __future__ import annotations

import re

# Cues that limit everything said in the same statement: "the platform runs as a pilot" is a
# pilot, not an operating platform.
EN_LIMITERS = re.compile(
    r"\b(?:pilot(?:s|ed|ing)?|trials?|proof[- ]of[- ]concept|prototypes?|drafts?|demo"
    r"|one (?:department|district|area|ward|sector|project))\b"
    r"|\b(?:only|just) (?:used |run |available |done |applied )?(?:in|for|by|at|within) (?:one|a|the|our)\b"
    r"|\bfor now\b|\bso far only\b",
    re.IGNORECASE,
)
# Universal scope in a statement overrides a limiter: "every pilot is evaluated" is a routine.
EN_UNIVERSAL = re.compile(
    r"\b(?:every|each)\b|\bstandard\b|\bas a rule\b|\balways\b", re.IGNORECASE
)
JA_UNIVERSAL = re.compile(r"すべての|全ての|全部の|毎回|標準|必ず|決まり")
JA_LIMITERS = re.compile(
    r"試行|試験的|実証(?!フィールド)|パイロット|トライアル|素案|草案|案の段階|モデル地区"
    r"|(?:課|部|室|事業|地区|件)(?:だけ|のみ)|一部の"
)

# Words that cancel a cue right around it ("no pilot", "not adopted", 「運用していない」).
EN_NEGATORS = re.compile(
    r"\b(?:not|no|never|ever|without|nor|neither|lack(?:s|ing)?|yet to|hardly|nothing|none)\b|n't\b",
    re.IGNORECASE,
)
EN_NEGATION_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:is|are|was|were|has|have|had|does|do|did|has been|have been)"
    r"(?:n't| not| never)\b|^\W*not yet\b",
    re.IGNORECASE,
)
JA_NEGATORS = re.compile(
    r"(?<!少)(?<!少な)ない|ません|おらず|ておらず|せず|なし|なく(?!て)|至って(?:い|お)|未"
)
# "we don't have a pilot" says nothing is there, as "no pilot" does (not "the pilot isn't finished")
EN_ABSENCE = re.compile(
    r"\b(?:no|nothing|none|never|without|lack(?:s|ing)?|neither|nor)\b"
    r"|\b(?:(?:do|does|did)(?:n't| not)|have(?:n't| not)|has(?:n't| not)) (?:yet )?(?:have|got)\b",
    re.I,
)
JA_NEGATION_PREFIX = re.compile(r"未$|非$")

# Intent and future: a cue inside this scope describes a plan, not the present state.
EN_INTENT = re.compile(
    r"\b(?:will|shall|going to|plan(?:s|ning)? to|intend(?:s|ed)? to|aim(?:s|ing)? to|hop(?:e|es|ing)"
    r" to|want(?:s)? to|would like to|expect(?:s)? to|next (?:year|fiscal year)|in the future"
    r"|eventually|someday|at some point|with a view to|(?:are|is|'re|'s|am) (?:discussing|considering|exploring"
    r"|studying|looking into|thinking about|preparing|proposing)|scheduled to|our (?:goal|aim|target)"
    r" is|the (?:goal|aim|plan|idea|intention|proposal) is|once (?:the|it|we)|by 20\d\d"
    r"|(?:a|the) proposal to|(?:is|are|was|were) proposed to|on (?:the|his|her|their|our) list)\b",
    re.IGNORECASE,
)
JA_INTENT = re.compile(
    r"予定|今後|将来|目指|したい|つもり|来年度|見込み|計画中|検討中|検討して|ようと|できれば|たら|視野に"
    r"|次期|方向で|計画があ"
    # the volitional of any verb: 「作ろうと」「進めようと話を始めて」 (not 「だろうと」)
    r"|(?<![だで])[おこそとのもろごぼ]うと(?!う)"
)

# A worry about what happens if nothing changes ("at this rate we scramble every year", 「このままだと
# 毎年綱渡り」): its words describe a risk, not a routine in place.
EN_WORRY = re.compile(
    r"\b(?:at this rate|if (?:nothing changes|this (?:continues|goes on)|things (?:stay|go on|continue))"
    r"|(?:as|the way) things (?:are|stand)(?: going)?|if we (?:carry|go) on like this)\b[^,.;:]*$",
    re.IGNORECASE,
)
JA_WORRY = re.compile(r"(?:この|今の)まま(?:だと|では|いくと|だったら|にしておくと)[^、。]*$")

# Hedges lower the confidence a little but keep the level.
EN_HEDGES = re.compile(
    r"\b(?:i think|i guess|i suppose|maybe|perhaps|probably|roughly|sort of|kind of|i believe"
    r"|not 100% sure|if i remember)\b",
    re.IGNORECASE,
)
JA_HEDGES = re.compile(r"たぶん|多分|おそらく|と思います|と思う|かもしれ|はず|ような気が|だったと")

# "Don't know" / skip: only when the answer says nothing else that places it.
EN_UNKNOWN = re.compile(
    r"\b(?:i|we) (?:really |honestly )?(?:do not|don't|dont) know\b(?! (?:which|what|how|who|where))"
    r"|\bnot sure\b(?! (?:anyone|anybody|everyone|it|they|we|the|that|if|whether|how much|how many)\b)|\bunsure\b|\bno idea\b|\bno clue\b|\bcan(?:'t|not) say\b|\bskip\b"
    r"|\bthat's all (?:i'll|i will|i can|i'm going to) say\b|\bi'll leave it (?:there|at that)\b"
    r"|\b(?:please|pls|plz|kindly) (?:check|ask|contact|talk to|refer to|reach out to)\b"
    r"|\b(?:i'd|i would|i will|i'll|i) defer to\b"
    r"|\bpass\b|\bleave (?:this|it|that)(?: one| question)? (?:blank|empty)\b|\bask (?:the|my|our|someone|somebody|another|a colleague)\b|\b(?:have|need) to ask\b|\bnot (?:my|our) (?:area|department|dept|field|patch|remit|domain|side|job|call|brief|portfolio|turf|responsibility)\b|\bno comment\b(?!s\b|[ \t]+(?!on\b|about\b|from\b|for\b|at\b|there\b|here\b|really\b|sorry\b)[a-z])|\bdon't have (?:the|that) "
    r"information\b|\bunknown\b|\bhave to check\b|\bneed to check\b"
    r"|(?<!since )(?<!if )(?<!now that )(?<!as )\b(?:you'd|you would|you will|you'll|you)(?: have| need| want)?"
    r" (?:to |better )?(?:ask|talk to|check with|contact)\b"
    r"|\bbetter off (?:asking|talking)\b|\bask them\b|\b(?:i'm|i am) not (?:in charge|responsible|the right person)\b"
    r"|\bnot (?:something|an area|a topic) (?:that )?(?:i|we|our \w+|my \w+) (?:deal|handle|cover)s?\b"
    r"|\b(?:'s|is) (?:really |actually )?(?:the|their|another) (?:[\w']+ ){0,3}(?:responsibility|job|remit|area)\b"
    r"|\b(?:couldn't|can't|cannot) tell you\b|\boutside (?:my|our) (?:remit|area|responsibility)\b"
    r"|\b(?:handles|deals with|is in charge of|is responsible for) (?:that|this|it|the \w+ side)\b"
    r"|\b(?:a|that's a|it's a) question for\b|\b(?:i )?(?:couldn't|could not|can't|cannot) (?:really )?say\b(?=\s*[.,!;]|\s*$)"
    r"|\bi (?:really |honestly )?(?:do not|don't|dont) know how (?:they|it|that|this) (?:will|would"
    r"|is|are|was|were|gets?)\b|\b(?:the )?\w+ (?:people|team|office|department|unit|colleagues)"
    r" (?:would|will|should|might) know\b"
    r"|\bwouldn't (?:want to )?(?:guess|know)\b(?! how to\b)"  # "wouldn't know how to": a lack
    r"|\b(?:isn't|aren't|is not|are not|not) (?:really )?my "
    r"(?:department|area|field|remit|office|unit|job)\b|\bnot something (?:my|our) (?:office|department"
    r"|unit|team|section) (?:looks at|handles|deals with|covers|does)\b"
    r"|\b(?:that's|it's) (?:more )?for the \w+(?: \w+)? (?:department|office|unit|team)\b"
    r"|\b(?:i|we) (?:do not|don't|dont) (?:handle|deal with|cover|work on) (?:it|that|this|those)\b"
    r"|\bnot in a position to\b|\b(?:can't|cannot|couldn't|can not) comment\b"
    r"|\b(?:really|more|rather) a question for\b|\bbetter (?:asked|put to)\b"
    r"|\bso (?:i|we) (?:do not|don't|dont) know\b|\bhave no (?:idea|information|visibility)\b"
    r"|\bwould know (?:better|more)\b|\b(?:come|get) back to you\b"
    r"|\bi (?:really |honestly )?(?:do not|don't|dont) know what (?:the city|the municipality|the "
    r"government|they|others|other departments|the (?:\w+ )?(?:department|office|unit)s?) (?:do|does|did"
    r"|is doing|are doing|has|have)\b",
    re.IGNORECASE,
)
JA_UNKNOWN = re.compile(
    # 「法務の話は法務担当に。」: sent on to the office, the verb left out; 「自分は素人です」
    r"(?:担当|担当課|担当者|所管課|課|係|室|部署)(?:の方|さん)?に(?=[。．!！]|\s*$)|素人です|門外漢|"
    r"(?<!か)(?:わかりません|分かりません|わからない|分からない|判りません)(?!状態|こと|ので)"
    r"|不明|(?<!しか)知りません|存じません|把握して(?:い|お)りません|把握していない|スキップ|パス(?:します|で)"
    r"|答えられません|お答えできません|担当外|確認しないと|分かりかね|わかりかね|聞いてください"
    r"|に聞かないと|に確認してください|存じ上げ|担当ではない|担当ではありません|所管(?:な|です|して)"
    r"|確認していただけ|に聞いていただけ|にお尋ね|私の立場では|お答えしかね|分からないです|わからないです"
    r"|見当がつきません|存じておりません|担当でないので|管轄外|所管外|詳しくないので|聞いてみないと"
    r"|把握していません|把握しておりません|詳しくない|詳しいと思|が詳しい|お聞きいただ|聞いていただ"
    r"|担当して(?:おり|い)ますので|お答えする立場|何とも言えません|なんとも言えません"
    r"|聞いてみてくだ|聞いてみて下|にお聞きくだ|に聞いてもらえ|に確認してみてくだ|に問い合わせてくだ"
    # plain-form and spoken declines: 「何とも言えないです」「答えようがない」「知らされてない」
    r"|(?:何|なん)とも言えない|答え(?:よう|られる(?:もの|こと))が(?:ない|ありません|ございません)"
    r"|答えられない|把握でき(?:て(?:い|お)?)?(?:ない|ません)|知らされて(?:い|お)?(?:ない|ません)"
    # 「よその市の担当者の連絡先も知らない」: not knowing someone is a fact (no contact), no deflection
    r"|(?<!しか)(?<!誰も)(?<!連絡先も)(?<!名前も)(?<!顔も)(?<!存在も)(?<!連絡先すら)(?<!名前すら)知らないです"
    r"|(?:わかん|分かん)ない|承知して(?:おり|い)ません|承知していない",
)

# Nothing at all can be said ("I can't answer anything now", 「正直、今は何もお答えできません」): the
# rest of the answer is background (a transfer, the week's floods), not a description.
EN_TOTAL_UNKNOWN = re.compile(
    r"\b(?:i|we) (?:can't|cannot|can not|couldn't|could not) (?:really )?(?:answer|say|tell you)"
    r" (?:anything|much|any of (?:this|that|it))\b|\bnothing (?:i|we) can (?:tell|say|answer)\b",
    re.IGNORECASE,
)
JA_TOTAL_UNKNOWN = re.compile(
    r"何も(?:お答え|答えられ|答え(?:ようが|られ)|言えません|言えない|申し上げられ|わかりません|分かりません"
    r"|知りません|把握して)"
)

# Neither an answer nor "don't know": the question is turned back or left open ("it depends what
# you mean", 「見方次第です」). Such an answer is not placed; the element's probe question follows.
EN_EVASIVE = re.compile(
    r"\bdepends (?:on )?(?:what|which|how) (?:\w+ )?you (?:mean|count|define|look)\b"
    r"|\bdepends (?:on )?how you look at it\b|\bin a way yes,? (?:and )?in a way no\b"
    r"|\b(?:yes and no|both yes and no)\b",
    re.IGNORECASE,
)
JA_EVASIVE = re.compile(
    r"見方次第|見方によ(?:って|る)|一概には?言えません|どちらとも言え(?:ません|ない|ず)"
    r"|と言えば[^。]{0,30}と言えば|あるような(?:、)?ないような"
)
# A statement that asks back: "When you say 'smart', do you mean ...?", 「どういう意味ですか」.
# A hedge said with a rising voice ("maybe a few files on the statistics page?") is not one.
EN_ASKS_BACK = re.compile(
    r"^(?:(?:so|and|but|sorry|well|ok|okay|hmm|um)\W+)*(?:what|which|how|who|where|when|why|do|does"
    r"|did|is|are|was|were|can|could|would|should|shall|will|have|has)\b[^?]*\?\s*$"
    r"|\b(?:you|u)\b[^?]*\?\s*$"
    r"|^\W*(?:pls |please )?(?:give|show|send) me (?:an? )?examples?\b"
    r"|\bor (?:a |an |the )?[\w -]{1,30}\?\s*$",  # "vision = the CDP? or a separate doc?"
    re.IGNORECASE,
)
JA_ASKS_BACK = re.compile(
    r"(?:という意味|どういう|どちらの|どの|何を指|とは)[^。]*(?:でしょうか|ですか|[?？])[。\s]*$"
    r"|(?:具体的に|詳しく)?(?:教えて|説明して)(?:もらえ|いただけ|くれ)(?:ます|ません)か[。？?\s]*$"
)

# Where one statement ends and another begins: sentences, and contrasts ("but", 「が、」).
EN_SEGMENT_BREAK = re.compile(
    r"(?<=[.!?;:])\s+|\n+|(?<!\bnow),?\s+(?=\b(?:but|however|although|though|whereas|while|except|"
    r"otherwise|meanwhile|apart from|other than|and now|and today|since then|and then|later on)\b)"
    r"|,\s+(?=(?:now|today|then|currently)\b)",
    re.IGNORECASE,
)
JA_SEGMENT_BREAK = re.compile(
    r"(?<=[。！？!?\n])|(?<=が、)|(?<=けど、)|(?<=けれど、)|(?<=ものの、)"
    r"|(?=現在は|今は|その後|今では|いまは)"
)

# Quoted words are someone else's ("our target is 'improve services'"): not the answer's cues.
QUOTED = re.compile(r"「[^」]*」|『[^』]*』|\"[^\"]*\"|“[^”]*”|(?<!\w)'[^']{2,80}'(?!\w)")


# Level 4 is the loop closed: results are measured AND the thing is then changed. Either half
# alone is level 3 (monitoring) or a one-off change; both together lean to level 4.
EN_MEASURED = re.compile(
    r"\b(?:measur|evaluat|assess|audit|indicator|kpi|survey|feedback|annual review|review(?:ed|s)?"
    r" (?:every|each|annually|yearly)|scorecard|look(?:s|ed|ing)? back|lessons? (?:learn|log))\w*",
    re.IGNORECASE,
)
EN_IMPROVED = re.compile(
    r"\b(?:adjust|updat|improv|revis|refin|scal(?:ed|ing) (?:up|out|to)|expand|rolled out|tweak"
    r"|changed the (?:rules|process|criteria|approach|method|format|content)|simplif|cut the|reduced"
    r"|changed (?:the|our)|based on (?:the )?(?:results|findings|feedback)|added"
    r"|the (?:rules?|method|process|procedure|criteria|guidelines?|checklist)s?"
    r" (?:were |was |have |has )?(?:changed|now))\w*",
    re.IGNORECASE,
)
JA_MEASURED = re.compile(
    r"評価|測定|効果を|指標|検証|監査|アンケート|フィードバック|把握して|振り返り|ヒアリング|洗い出|点検"
    r"|点数|採点"
)
JA_IMPROVED = re.compile(
    r"改善|見直|改訂|改定|反映|更新|踏まえ|拡大|横展開|追加|変え(?:て|た|まし)|減らし|強化して|補強|で埋め"
    r"|あらため|改め(?!て)"
)

# "The other departments each keep their own": said of the rest, separateness is the limit of
# what exists (level 2), not the state of the whole (level 0).
EN_THE_REST_SUBJECT = re.compile(
    r"\b(?:the|all) other (?:departments|units|offices|projects|services|sectors|districts|teams)"
    r"\b|\bthe rest\b|\beveryone else\b|\bevery(?:thing|body) else\b",
    re.IGNORECASE,
)
JA_THE_REST_SUBJECT = re.compile(
    r"(?:ほか|他|その他|それ以外)の(?:課|部署|部局|事業|地区|分野|部門|プロジェクト)(?:は|では|も)"
    r"|それ以外は|ほかは|他は"
)

# A clause that denies something (「ない」「未」, "no", "not", "without").
EN_NEGATED_CLAUSE = re.compile(
    r"\b(?:no|not|never|nothing|none|without|lack\w*|neither|nor)\b|n't\b", re.IGNORECASE
)
JA_NEGATED_CLAUSE = re.compile(r"ない|ません|おらず|なし|なく|未")
