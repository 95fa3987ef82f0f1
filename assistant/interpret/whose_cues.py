"""The words ``whose`` reads: who is the subject or topic of a statement (our city, another city, the
nation, a company, nobody), whether a clause holds a view or states a fact, and what points back
to someone just named. Patterns only; ``whose`` decides.
"""

from __future__ import annotations

import re

# -- someone else as the subject: another city, the nation, a company -----------------------------
# Only the subject or topic counts: "we signed an MOU with two neighbouring towns", 「近隣の市と協定を
# 結び」「国の交付金で」 are the city's own facts about others.
_EN_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
# capitalised words that open a sentence without naming a place
_EN_COMMON = (
    r"The|This|That|These|Those|There|Their|They|Then|What|Which|When|Where|Here|Now|Yes|Everything"
    r"|Nothing|Nobody|Everyone|Everybody|Each|Every|Some|Most|Many|Much|Only|Just|Also|Even|Still"
    r"|Trust|Data|Digital|Planning|Legal|Finance|Procurement|Transport|Health|Water|Staff|Budget"
    r"|Portal|Policy|Security|Communication|Council|Management|Technology|Smart|City|Town|Money"
    r"|Funding|Nowadays|Today|Currently|Last|Next|Since|After|Before|Once|Maybe|Perhaps|Honestly"
    r"|Right|Well|Sure|Please|Sorry|Actually|Basically|Probably|Definitely|Mostly|Partly|Usually"
    r"|Residents|Citizens|People|Officials|Someone|Somebody|Anything|None|With|From|About|Under"
    r"|Over|Into|Like|Unlike|Because|While|Although|Though|Whether|Yeah|Okay|Hmm|Documents"
)
# abstract nouns opening a sentence ("Evaluation is essential"), not place names
_EN_ABSTRACT = r"[A-Z][a-z]+(?:tion|sion|ment|ity|ness|ance|ence|ism|ics|ing|ship)"
_EN_LEAD = (
    r"^\W*(?:(?:so|and|but|well|yes|oh|also|now|actually|honestly|i think|i believe|i hear"
    r"|i heard|apparently)\W+)*"
)
EN_OTHERS = re.compile(
    _EN_LEAD
    + r"(?:(?:an?other|other|neighbou?ring|nearby|some|many|most|several|big|larger|bigger)"
    r" (?:cities|city|towns?|municipalit(?:y|ies)|districts?|countries|count(?:y|ies)|provinces?)"
    r"|(?:our |the )?neighbou?rs?|the next (?:district|town|city|county|province)"
    r"|(?:the|a) (?:\w+ )?(?:ministry|ministries|national government|central government"
    r"|federal government|national regulator|regulator|prefecture|nation|province|provincial"
    r" government|state government|regional government)"
    r"|ministry of|(?:our )?(?:twin|sister|partner) (?:city|cities|towns?)"
    r"|(?:our|the) capital(?: city)?|our (?:province|state government|region)"
    # the nation's own law, strategy or agency as the subject: "The federal data law came out"
    r"|(?:the|a) (?:national|federal|state|provincial|central) (?:[\w-]+ ){0,4}?(?:laws?|acts?"
    r"|strateg(?:y|ies)|polic(?:y|ies)|programm?es?|plans?|regulations?|guidelines?|frameworks?"
    r"|agenc(?:y|ies))\b"
    r"|[A-Z]\w+ and (?:the |all the )?other (?:operators|companies|telcos|providers|vendors"
    r"|cities|municipalities)"
    # a named place: "In Surabaya", "Unlike Kigali", "Kigali's smart city", "Medellín is"
    rf"|(?-i:(?:[Ii]n|[Uu]nlike|[Ll]ike|[Cc]ompared (?:with|to)) (?!(?:{_EN_MONTHS}|{_EN_COMMON})\b)"
    r"[A-Z][\w'é-]+)"
    rf"|(?-i:(?!(?:{_EN_MONTHS}|{_EN_COMMON}|{_EN_ABSTRACT})\b)[A-Z][^\W\d_]{{3,}}(?:'s|’s)"
    r" (?!(?:been|got|not|live|a|an|the|just|only|all|still|now|done|already|very|quite|on|in|at"
    r"|up|out|over|no|nothing|it|what|why|how|where|when|because|about|more|less)\b)[a-z])"
    rf"|(?-i:(?!(?:{_EN_MONTHS}|{_EN_COMMON}|{_EN_ABSTRACT})\b)[A-Z][^\W\d_]{{3,}}"
    r" (?:is|has|have|was|were|linked|runs|did|does|built|made) )"
    # two places named together: "Lagos and Nairobi share a lot of data"
    rf"|(?-i:(?!(?:{_EN_MONTHS}|{_EN_COMMON}|{_EN_ABSTRACT})\b)[A-Z][a-z][^\W\d_]{{2,}}"
    rf" and (?!(?:{_EN_MONTHS}|{_EN_COMMON}|{_EN_ABSTRACT})\b)[A-Z][a-z][^\W\d_]{{2,}}"
    r" (?:is|has|have|was|were|linked|run|did|do|built|made|are|work|use|share|publish) ))",
    re.IGNORECASE,
)
EN_OURS = re.compile(
    r"\b(?:we|we're|we've|we'd|we'll|our|ours|ourselves|us|here|locally|in-house)\b"
    r"|\bcity hall\b|\bfor (?:us|the city|the town)\b"
    r"|\b(?:the|this|my|our) (?:city|town|municipality|county|district|council|mayor|city hall"
    r"|administration|municipal \w+)\b|\bcity[- ](?:backed|funded|run|owned|wide)\b|\bmunicipal\b"
    r"|\bcity's\b|\bmy (?:office|department|unit|team|section|division)\b"
    r"|(?<!\btheir )(?<!\bits )\b(?!(?:their|its|a|an)\b)\w+ (?:department|unit|office|section|division|directorate|bureau|team"
    r"|committee)s?\b",
    re.IGNORECASE,
)
# "our neighbours" is not ours: someone else's words are masked before ours are looked for
EN_OTHERS_ANYWHERE = re.compile(
    r"\b(?:of )?our (?:time|times|age|era|generation|country|nation|national government"
    r"|capital(?: city)?|province|state government|region)\b|\b(?:an? \w+ )?like ours\b"
    r"|\b(?:our )?(?:twin|sister|partner) (?:city|cities|towns?)\b"
    # the speaker's own visit inside another's story: "very impressive when we visited"
    r"|\b(?:when|where|as|since|after) (?:we|i) (?:visited|toured|saw it|went there|were there|was there)\b"
    r"|\b(?:we|i) (?:were|was) (?:really |very |so )?(?:impressed|amazed|surprised|inspired|blown away)\b"
    r"|\bthan (?:ours|us)\b|\b(?:our |the )?neighbou?rs?\b|\b(?:an?other|other|neighbou?ring) (?:cities|city|towns?"
    r"|municipalit(?:y|ies))\b",
    re.IGNORECASE,
)
# the speaker's own experience ("I saw their team present it"): not a fact about the city
EN_SPEAKER = re.compile(
    r"^\W*(?:i|my wife and i|we) (?:once |also |even )?(?:saw|heard|read|visited|met|watched|attended"
    r"|went (?:there|to (?:their|a|the|one))|was there|did my|wrote my)\b",
    re.IGNORECASE,
)
# A company as the subject is someone else's only when it acts elsewhere ("one of the telecom
# companies got a licence from the national regulator", 「大手はどこの自治体とも」): "a vendor is
# piloting a dashboard in one district" is the city's own pilot.
EN_COMPANY = re.compile(
    _EN_LEAD + r"(?:one of )?(?:the|a|some|big|private|telecom|tech|large) (?:\w+ ){0,2}?"
    r"(?:compan(?:y|ies)|vendors?|corporations?|telcos?|firms?|operators?|donors?|world bank"
    r"|development partners?|development banks?|agenc(?:y|ies))\b",
    re.IGNORECASE,
)
EN_ELSEWHERE = re.compile(
    r"\b(?:national|nationwide|across the country|everywhere|all over|the capital|abroad"
    r"|other (?:cities|municipalities|towns|countries)|many (?:cities|municipalities)"
    r"|in the region|across the region|in other countries)\b",
    re.IGNORECASE,
)
JA_COMPANY = re.compile(
    r"(?:大手(?:企業|メーカー)?|企業|メーカー|(?<![\u4e00-\u9fffァ-ヶーA-Za-z])(?!業者|委託|担当|職員|市民|住民)"
    r"[\u4e00-\u9fffァ-ヶーA-Za-z]{2,8}さん)(?:は|が|も|って|では)"
)
JA_ELSEWHERE = re.compile(
    r"自治体|全国|各地|国内|海外|他の|どこ(?:の|で)?も|色々な|いろいろな|あちこち|東京"
)
_JA_NAME = r"[\u4e00-\u9fffァ-ヶーぁ-ゖ]"  # つくば市, いわき市
_JA_NOT_NAME = r"当|本|我が|わが|弊|各|全|同|中核|政令|都|他|隣|近隣|うち|市|町|村|この|その|あの|どの|ほか|よそ|となり"
# the name ends before 市: 「私の市」「うちが町」 are not names
_JA_NAME_END = r"(?<![のがはもにでとやをへ])"
_JA_TOPIC = r"(?:さん)?(?:は|が|では|でも|も|にも|って)"
# Cities officials cite as examples, named without 市 (「バルセロナは」「福岡とか浜松みたいに」).
_JA_CITED = (
    r"(?:バルセロナ|アムステルダム|シンガポール|ヘルシンキ|コペンハーゲン|ウィーン|ロンドン|パリ|ソウル|"
    r"ニューヨーク|トロント|メデジン|タリン|エストニア|深セン|杭州|上海|ドバイ|アブダビ|メルボルン|シドニー|"
    r"サンフランシスコ|ボストン|シカゴ|ベルリン|ミュンヘン|ストックホルム|オスロ|台北|香港|ジャカルタ|バンコク|"
    r"ナイロビ|キガリ|ボゴタ|リスボン|チューリッヒ|ダブリン|"
    r"アメリカ|米国|イギリス|英国|ドイツ|フランス|オランダ|デンマーク|フィンランド|スウェーデン|韓国|中国|台湾|"
    r"会津若松|福岡|浜松|横浜|神戸|加古川|高松|前橋|つくば|柏の葉|札幌|仙台|北九州|大阪|京都|名古屋|広島|"
    r"岡山|熊本|金沢|富山|新潟|静岡|宇都宮|川崎|さいたま|相模原|姫路|松山|長崎|那覇|東京)"
)
JA_OTHERS = re.compile(
    r"(?:隣の(?:市|町|村|区|自治体|県)|隣町|隣市|近隣(?:の)?(?:市町村|市|町|自治体)?|他(?:の)?(?:市|町|村|自治体|都市)"
    r"|よその(?:市|町|村)|ほかの(?:市|町|村|自治体)|(?<![\u4e00-\u9fff])国|政府"
    r"|(?:総務|経済産業|経産|国土交通|国交|厚生労働|厚労|文部科学|文科|農林水産|農水|環境|外務|財務)省|内閣府|デジタル庁|(?<![\u4e00-\u9fff])県"
    r"|あちら|向こう"
    rf"|{_JA_CITED}(?:市)?(?:や{_JA_CITED}(?:市)?)?"
    rf"|(?<!{_JA_NAME})(?!{_JA_NOT_NAME}){_JA_NAME}{{1,6}}{_JA_NAME_END}(?:市|町|村))" + _JA_TOPIC
    + rf"|{_JA_CITED}(?:とか|や|みたいに|のように)"
)
JA_OTHERS_ANYWHERE = re.compile(
    r"隣の(?:市|町|村|区|自治体|県)|隣町|隣市|近隣(?:の)?(?:市町村|市|町|自治体)?|他(?:の)?(?:市|町|村|自治体|都市)"
    rf"|(?<!{_JA_NAME})(?!{_JA_NOT_NAME}){_JA_NAME}{{1,6}}{_JA_NAME_END}(?:市|町|村)(?:さん)?"
)
# an office (企画課が, 推進室が) is the city's own unless another city was named before it
# (「隣の市にはスマートシティ推進室があって」)
JA_OFFICE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:課|部|室|係|局|センター)(?:が|で|は|の|と|も|に|長)")
JA_OTHER_PLACE = re.compile(f"(?:{JA_OTHERS_ANYWHERE.pattern})に(?:は|も)")
# the city's own words that hold even when another city is the answer's topic (not 市長, 職員:
# 「隣の市はすごいですよ。…市長が熱心で」 is their mayor)
_JA_OURS_STRONG = (
    r"うち(?:の|は|では|も|で|として|だけ)|本市|当市|本町|当町|本村|当村|本区|当区|我が(?:市|町)"
    r"|わが(?:市|町)|弊市|我々|私たち|私ども|当課|本課|(?<![\u4e00-\u9fffァ-ヶー])(?:市|町|村)として"
)
JA_OURS_STRONG = re.compile(_JA_OURS_STRONG)
# ... and the words that name the city when nobody else is the topic
JA_OURS = re.compile(
    _JA_OURS_STRONG + r"|庁内|役場|市役所|全庁"
    r"|(?<![\u4e00-\u9fffァ-ヶー])(?:市|町|村|区)(?:として|独自|が|の|は|で|では|内|も|全体)"
    r"|(?:市|町|村)長|(?:情報|担当|係)(?:の人|者)"
)
# 「県が…してくれて」: what someone did for the city is the city's fact; under another's topic
# (「国は…後押ししてくれますけど」) it is how that other acts, nobody's in particular
JA_RECEIVED = re.compile(r"(?:て|で)(?:もら|いただ|くれ)")
JA_RECEIVED_HABIT = re.compile(r"(?:て|で)(?:くれ(?:ます|る)|もらえ(?:ます|る)|いただけ(?:ます|る))(?!た|まし)")

# -- a view, a wish, advice (not a fact) ---------------------------------------------------------
# a view whoever it is about: "we should", "in my opinion", "I wish"
EN_VIEW = re.compile(
    r"\bin my (?:\w+ )?(?:view|opinion)\b|\bpersonally\b|\bshould\b|\bought to\b|\bmust\b"
    r"|\bhas to\b|\bhave to\b|\bneeds? to\b|\bwould (?:like|love)\b|\bi'd (?:like|love)\b"
    r"|\b(?:i|we) (?:hope|wish)\b|\bideally\b|\bit would be\b|\bwhat matters\b|\bmatters most\b"
    r"|\bthat's the (?:right|best) way\b|\bmakes? no sense\b|\bas (?:they|people) say\b"
    r"|\bas the saying goes\b|^\W*(?:(?:it's|it is|that's|definitely|really) )?worth (?:a look|looking at"
    r"|checking|copying|visiting|a visit)\b",
    re.IGNORECASE,
)
EN_FRAME = re.compile(
    r"\bin my (?:\w+ )?(?:view|opinion)\b|\bpersonally\b|\b(?:i'm|i am) a (?:\w+ )?believer\b"
    r"|\bas (?:they|people) say\b|\bas the saying goes\b|\bno doubt about it\b",
    re.IGNORECASE,
)
# 「個人的に思うことですが、」「私見ですが」: a statement that only announces a view
JA_FRAME = re.compile(
    r"(?:個人的に(?:は)?|私(?:が|の)?)(?:思う|考える|感じる|思っている|思ってる)(?:こと|の)(?:です|なんです)?(?:が|けど|けれど)"
    r"|(?:私見|個人的な(?:意見|考え|感想|見解))(?:です|ですが|ですけど|として|では)"
)
EN_THINK = re.compile(
    r"\b(?:i|we) (?:really |honestly |personally |do |strongly )?(?:think|believe|feel)\b",
    re.IGNORECASE,
)
# praise, a generality: a view when not said of the city's own thing ("Bangalore has an amazing
# scene", "trust is everything", "without it no city can succeed")
EN_PRAISE = re.compile(
    r"\b(?:is|are|'s) (?:so |very |really |the most |the )?(?:important|essential|crucial|key|vital|everything"
    r"|the future|the right way|a must)\b|\b(?:impressive|amazing|great model|polished|inspiring"
    r"|wonderful|fantastic|admire|envy|jealous)\b|\bit's like\b|\bso (?:much|many)\b|\bany city\b"
    r"|\bthe (?:biggest|greatest|main|real) (?:threat|challenge|problem|issue|priority)\b"
    r"|\bfor (?:all |most |many |any )?(?:municipalities|cities|councils|local governments)\b"
    r"|\b(?:no|a|every) (?:smart )?city\b|\bissue of our time\b|\botherwise\b|\bwithout (?:it|that|trust)\b",
    re.IGNORECASE,
)
# "I think we have a draft", "I believe the vision was approved": a hedge on a fact, not a view
EN_HEDGED_FACT = re.compile(
    r"\b(?:think|believe|guess|feel)(?: that)? (?:we|there|our|it|the (?:\w+ ){1,4}?(?:has|have"
    r"|had|is|are|was|were|runs|covers))\b",
    re.IGNORECASE,
)
# someone else giving the city something: "the ministry gave a grant for the pilot"
EN_GIVES = re.compile(
    r"\b(?:gave|gives|give|funds?|funded|paid|pays|provides?|provided|granted|grants|sent|sends"
    r"|lent|lends|supports?|supported|subsidi[sz]es|subsidi[sz]ed|donated|donates)\b",
    re.IGNORECASE,
)
# 「国が整備した|クラウド」: a verb's plain form right before a noun
JA_RELATIVE = re.compile(
    r"[^、。]{0,15}?(?:した|った|いた|んだ|てる|ている|する|る)(?=[\u4e00-\u9fffァ-ヶー「『])"
)
# any finite verb: with the city (or nobody) as subject, a statement that does or has something
EN_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|did|does|do|got|gets|went|came|made|makes|runs?|ran|sits?"
    r"|goes|keeps?|takes?|took|put|set|bought|built|sent|paid|gave|began|spent|sold|left|kept|held"
    r"|wrote|brought|go|use|uses|work|works|pay|need|needs|apply|applies|handle|handles|share"
    r"|shares|publish|update|updates|connect|connects|\w{3,}ed)\b|\bwe (?!(?:should|must|need|ought|would|could|might|wish|hope|think"
    r"|believe|feel)\b)[a-z]+",
    re.IGNORECASE,
)
# Japanese: what the clause ends on decides (the predicate comes last)
JA_VIEW = re.compile(
    r"(?:大事|重要|必要|大切|不可欠|欠かせ(?:ない|ません)|すごい|凄い|すばらしい|素晴らしい|熱心|うらやまし|羨まし|さすが|その通り"
    r"|理想|望まし|いい|良い|ようない|べき|(?<!し)たい|ほしい|欲しい|筋|おかしい|ダメ|だめ|よくない|良くない"
    r"|時代遅れ|意味がない|意味が(?:ありません|ない)|ほうがいい|方がいい"
    # a wish: 「国がもっと旗を振ってくれればと思います」「…があったらなあ」
    r"|(?:れば|たら)(?:いい(?:のに)?)?)"
    r"(?:だ|です|ですね|ですよね|だと|なこと|なの|と|ね|よね|な|だな|なあ|なぁ|じゃないか)?"
    r"(?:(?:と|って)(?:は)?(?:常々|いつも|ずっと|強く|正直|個人的に(?:は)?)?(?:思(?:い|う|っ)?|感じ)"
    r"(?:ます|てます|ています|ている|てる)?(?:よ|ね)?)?[。．！!\s]*$"
    r"|個人的な(?:願い|希望|意見|考え|思い)(?:です|だ)?(?:ね|けど)?[。．！!\s]*$"
    # 「サイバーは大きなテーマで、」「これからの時代、」: a theme or the times, no fact
    r"|(?:大きな|重要な|大事な|永遠の|共通の)(?:テーマ|課題|問題|悩み)(?:で|です|だ|ですね|ですよね)?[、。．\s]*$"
    r"|^[^、。]{0,20}(?:は|も)?(?:これからの|今の|今後の)?(?:時代|世の中)(?:は|に|では)?[、,\s]*$"
    r"|(?:ですよね|ますよね|でしょうね|でしょう|でしょうし)[。．！!\s]*$"
    r"|(?:と|って)(?:は)?感じ(?:ます|ています|ている|てる)[。．！!\s]*$"
    r"|(?:べき|大事|必要|重要|大切)(?:だ|である)?(?:という|との|って)(?:の|こと)?(?:は|が|も)?[、\s]*$"
)
# 「信頼がないと何も進まない」: a generality, a view unless said of the city itself
JA_CONDITIONAL_VIEW = re.compile(
    r"(?:ないと|なければ|しないと)(?:何も|誰も|職員も|進ま|動け|意味)|^\W*(?:そうしないと|そうでないと|でないと|さもないと)"
)
JA_FINITE = re.compile(
    r"(?:ます|ました|ません|です|でした|ている|てる|ていた|った|した|ない|ある|いる|あり|おり|て|で|た|り)"
    r"[。．!！\s]*$"
)


# not a statement of fact: the "not X" half of a contrast, a remark on whose story it is
JA_NOT_A_FACT = re.compile(
    r"(?:者(?:です|でして|ですが|だけど)|もの(?:でして|ですが|だけど))[がけど、,\s]*$|(?:じゃ|では)なく(?:て)?[、,\s]*$|の(?:話|こと)(?:です|だ|でしょう)?(?:けど|けれど|が|よ|ね)*[。．\s]*$"
)


# a statement that only gives the reason for the one before (「…ので。」「…から。」) or trails on
# from it (「…も入ってて。」)
JA_REASON = re.compile(r"(?:ので|から|ですから|わけですから|ますし|ですし)[。．!！\s]*$")
JA_FOLLOW_ON = re.compile(
    r"(?:ので|から|ですから|わけですから|ますし|ですし|(?<!い)て|てて)[。．!！\s]*$"
)


# 「大阪の方の話です」「海外のことですけど」: the story just told was elsewhere
JA_STORY_ELSEWHERE = re.compile(
    r"(?:東京|大阪|海外|外国|よそ|他所|[\u4e00-\u9fff]{1,4}(?:県|国|府|州))(?:の方)?の(?:話|こと)(?:です|だ)?"
    r"(?:けど|けれど|が|よ|ね)*[。．\s]*$"
)


# pointing back at the place or body just named
EN_BACK = re.compile(
    r"\bthere\b(?!\s+(?:is|are|was|were|'s|has|have|had|will|would|used|seems?|must|might|may)\b)"
    r"|\b(?!(?:and|but|so|because|that|if|when|where|as|though|whether|also|yes|no|now)\b)[a-z]+"
    r" there\b"
    r"|\b(?:they|them|their|theirs)\b"
    r"|^\W*(?:it|this|these|those)\b(?!'s (?:fine|ok|okay|hard|difficult|true)\b)"
    # a fragment going on ("though, run from the capital"), the other's plan ("The idea is")
    r"|^\W*(?:though|which|where|whose)\b"
    r"|^\W*the (?:idea|plan|aim|goal|intention|hope) (?:is|was)\b",
    re.IGNORECASE,
)
# "everyone in East Africa talks about it": people elsewhere as the subject
EN_PEOPLE_ELSEWHERE = re.compile(
    r"\b(?:everyone|everybody|people|all the cities|every city) (?:in|across|around|all over)"
    r" (?:the )?(?-i:[A-Z])\w+",
    re.IGNORECASE,
)
# the city's own office named alone ("a privacy office"): another's when the statement points
# back to them ("They even have a privacy office")
EN_OFFICE_NOUN = re.compile(
    r"(?:department|unit|office|section|division|directorate|bureau|team|committee)s?$", re.I
)
EN_THEY_FIRST = re.compile(r"^\W*(?:and |but |so )?(?:they|their)\b", re.IGNORECASE)
# 「…というニュースは見ました」: news the speaker saw, about someone else unless the city is named
JA_NEWS = re.compile(
    r"(?:という|との|って)(?:ニュース|記事|報道|話)(?:は|を|も|で)?(?:見|読|聞)"
    r"(?!いたこと(?:が|は|も)?(?:ない|ありません|なかった))"  # never heard of it: an absence
)
JA_BACK = re.compile(r"あちら|向こう|そこ(?:は|では|に|の)|その(?:市|町|村)")

# a statement that turns from the topic: a contrast, or an absence (「まだ何もしていません」 after
# 「他市は進んでいます」 is the city's own)
JA_TURN = re.compile(
    r"^\W*(?:一方|でも|しかし|ただ|ですが|けど|それに比べ|それに対し)|まだ|(?:ない|ません|なかった|ず)(?:です|でした)?[。．!！\s]*$"
)
JA_TOPIC_MARK = re.compile(r"(?:は|では|って|も|にも)$")
