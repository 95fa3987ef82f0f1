"""The kinds of specific a question may ask for and the brochure may not give (see ``specifics``):
for each, what asking for it looks like and what giving it looks like in a passage, en + ja +
mixed script. Checked in this order; the first kind asked and not given is the one reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.knowledge.delivery import (
    COUNTRY_OFFICE,
    DELIVERY,
    ENDORSED,
    EVENT_OR_REVISION,
    MORE_DETAIL,
    PRACTICE,
    TERMS,
)

_ASCII_EDGE = r"(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))"


def _rx(pattern: str) -> re.Pattern[str]:
    """\\b as an ASCII word edge: in 「のKPIの」 the kana are word characters too."""
    return re.compile(pattern.replace(r"\b", _ASCII_EDGE), re.I)


_NUM = r"\d[\d,.]*"
_WHEN_VERB = (
    r"(apply|submit|open|close|launch|start accepting|announce|call|deadline|next|due|held|"
    r"scheduled|take place|run)"
)


@dataclass(frozen=True)
class Specific:
    kind: str
    asks: re.Pattern[str]
    gives: re.Pattern[str] | None  # None: only the count check (``_gives_count``) can answer


SPECIFICS: tuple[Specific, ...] = (
    Specific(
        # the form of finance asked ("a grant rather than a loan", 「無償か有償か」): the menu prints
        # 資金協力 only, never whether it is given or lent (a label of its own, not loan terms)
        "finance_form",
        _rx(
            r"\b(grants?|loans?) (or|rather than|instead of|versus|vs\.?|and not) (as )?(an? )?(grants?|loans?)\b|"
            r"(無償|有償|贈与|借款|ローン).{0,8}(か|または|それとも|ではなく).{0,8}(無償|有償|贈与|借款|ローン)|"
            r"(is|are|would|will) (it|this|that|the [\w\s-]{1,30}) (be )?(given |provided |offered )?as (a |an )?(grant|loan)s?\b|"
            r"(無償|有償)(です|でしょう|になり|になる|の)(か|？|\?)"
        ),
        _rx(r"(無償|有償)資金協力|grant aid|loan aid"),
    ),
    Specific(
        "loan",
        _rx(
            r"(?<!conflicts of )(?<!conflict of )\binterest\b(?! in)|loan terms?|repay|grace period|concessional|yen loan|co-?financ|"
            r"\b(fixed|floating|variable|interest) rates?\b|guarantor|"
            # a financial guarantee, not what the brochure says efforts "must guarantee"
            r"\bguarantee(s|d)? (jica'?s? |our |the |a |its |municipal |city |any )*(loans?|bonds?|debts?|"
            r"financing|repayments?|borrowing)|(sovereign|government|loan|credit|bank|state) guarantees?|\buntied\b|\btied (aid|loans?|procurement)|procurement conditions?|"
            r"terms (of|for) (the |a )?(jica'?s )?(grant|loan|aid|financing|funding)|"
            r"(grant|loan|financing) (terms|conditions)|conditions of (the |a )?(grant|loan)|"
            r"exchange rates?|為替|(無償|有償|資金協力|贈与)の?条件|"
            r"tied to (japan|japanese)|japanese (companies|firms|contractors|vendors) (only|first)|"
            r"タイド|アンタイド|(日本|本邦)企業(を|の)?(優先|限定|参加が条件)|(日本|本邦)企業(しか|のみ|だけ)|"
            r"金利|利率|返済|融資条件|償還|据置|協調融資|債務保証|債券|\bbonds?\b|保証(して|する|の対象)"
        ),
        _rx(rf"{_NUM}\s?(%|percent|パーセント)|年利|interest rate of"),
    ),
    Specific(
        # what projects achieved: the brochure prints aims and menus, never measured results
        "outcome",
        _rx(
            r"(evaluation|actual|measured|concrete|real|proven) (results?|outcomes?|impacts?|effects?)|evaluation reports?|"
            # how JICA measures its own projects' success (not how a city assesses itself)
            r"how (does|do|will|would|is) (jica|they)\b[^?.!]{0,10}\b(measure|evaluate|assess|monitor|judge|track)\b"
            r"[^?.!]{0,20}\b(success|results?|impacts?|performance|effectiveness)\b[^?.!]{0,10}\bof (its|jica'?s|their)\b|"
            r"jica(は|が)[^。？?]{0,10}(自らの|自身の)?(事業|協力|プロジェクト)の(成果|成功|効果)を[^。？?]{0,6}(測|評価)|"
            r"ex-?post|事後評価|評価報告|評価結果|(うまくいった|うまくいかなかった|失敗した)(例|事例|ケース|案件|都市)|失敗(例|事例)|"
            r"(projects?|pilots?|cases?|cities|initiatives?) (that |which )?(have |has )?(failed|did not work|didn't work)|"
            r"failed (projects?|pilots?|cases?)|失敗(に終わ|した|して)|(evaluation|assessment) results?|"
            r"\bany (hard )?(figures|numbers|evidence)\b|findings of|"
            r"what did (the|its|jica'?s) [\w\s-]{0,30}\b(find|show|conclude|reveal)\b|"
            r"did [\w\s-]{0,40}\b(drop|fall|decrease|go down|decline|improve|save|reduce|cut|lower)\b|"
            r"(?<!get )(?<!achieve )(?<!deliver )(?<!see )(?<!produce )(?<!bring )"
            r"(results?|outcomes?) (of|from) (the |its |their |jica'?s )?([\w-]+ ){0,2}(pilots?|projects?|testbeds?|"
            r"demonstrations?|cooperation)|did (it|they|the [\w\s-]{0,30}|jica'?s [\w\s-]{0,30}) "
            r"(actually |really )?(work|succeed|pay off)\b|by how much|success(ful)? (stor|exampl|case)|"
            r"evidence (that|of) (it|the approach|this|they) work|"
            r"満足度|どう変わり(ました|った)|how (did|has|have) [\w\s'-]{0,30}\bchanged?\b|"
            r"what (did )?(they|it|the city|that city|our neighbou?r\w*) (received?|got)\b|"
            r"成功例(?!を(積み|重ね))|成功事例(?!を(積み|重ね))|成功した(都市|国|例|事例)|(で|が)成功し(た|ました)|"
            r"(成果|効果)(として|は|が).{0,20}(どれ|どの|いくら|何|減|増|改善|出)|"
            r"実際に.{0,20}(減|増|改善|削減)|どれ(くらい|ぐらい|だけ)(減|増|改善|削減)|効果(は|が)(あった|出た|ありました)"
        ),
        _rx(
            r"\d+ ?(%|percent) ?(reduction|decrease|fewer|less|lower|削減|減少|改善)|(reduced|cut|improved) by \d|削減率"
        ),
    ),
    Specific(
        "legal",
        _rx(
            r"legally (required|obliged|bound|binding|mandatory)|legal (obligation|requirement|duty)|"
            r"legally obliged|obliged by law|required by law|by law\b|\blaw (requires|says)|"
            r"法制化|legislat|enacted (into|as) law|codified|法律(に|で)(なって|定め)|"
            r"法的(に|な)?(義務|必要|拘束)|法律で(義務|決|定)|義務(付け|づけ|化)|義務ですか|義務があり|条文|legal text|wording of the (law|regulation)"
        ),
        _rx(r"(is|are) required by law|法律で(義務|定め)|義務付けられ"),
    ),
    Specific(
        # asking for a value, not mentioning money ("費用について協力を受けられますか" is answerable)
        "amount",
        _rx(
            r"how much|what (is the |would the )?budget|\b(up to |to )?what (amount|sum)\b|(total|annual|yearly|overall|whole) budget|"
            r"budget (this|next|per)\b|fiscal year|budget (range|size|level)s?|"
            r"(typical|average|usual) (budget|cost|price|amount|fee)s?|"
            r"(what|which) (share|proportion|percentage|fraction|portion) of|how often|"
            r"予算総額|年度予算|予算額|総額|budget (does|do|would|will|is|of)|"
            r"\bcosts? (of|to|for)\b|how expensive|price|ceiling|upper limit|percent|"
            r"maximum (amount|grant|budget|fund|loan|size|sum)|"
            r"share of (the )?([\w-]+ ){0,2}(costs?|budget)|(have|has|need|needs) to pay|who pays|"
            r"how big|\bsalar(y|ies)\b|\bfees?\b|\bwages?\b|(minimum|maximum|typical) (project )?(size|amount)|"
            r"project size|co-?fund|(grant|loan|funding|project|budget) sizes?|average (grant|loan|amount|cost|budget|size)|\b(success|acceptance|approval|adoption) rates?\b|"
            r"\b(jica|they) (pay|pays|paying) (for|the)\b|採択率|成功率|比率|何割|頻度|(金額|額|予算)(は|って)[？?]|(金額|額)を教えて|給与|報酬|(費用|コスト)は誰が|誰が(費用を)?負担|"
            r"size of (the |a )?(grant|fund|loan|budget)|"
            r"(grant|loan|funding|financing|aid) amounts?|amount of (the |a )?(grant|loan|funding|financing|aid|money)|"
            r"(助成|補助|融資|贈与|無償資金|有償資金)(の)?(金)?額|"
            rf"{_NUM} ?(usd|dollars?|yen|million|billion|%|percent)|fully (fund|financ|pa)|"
            r"(full|whole|entire) (cost|amount)|全額|free of charge|for free|有料|無料|"
            r"(予算|費用|金額|コスト)(は|を)?(どれ|どの)(くらい|ぐらい|程度)|"
            r"(予算|費用|資金|金額)の?規模|一般的な(予算|費用|金額)|(規模|予算|費用)[^。？?]{0,12}(どの|どれ)(くらい|ぐらい|程度)|いくら|上限|何円|億円|万円|ドル|何[%％]|何パーセント|割合|(予算|費用|金額|規模)は(どの|いくら|何)|"
            r"(どの|どれ)(くらい|ぐらい)の(予算|費用|金額|規模)|負担(額|割合|して|する|しま|です|か|は)"
            r"|参加費|受講料|受講費|参加料|授業料|手数料|(費用|お金|料金)(は|が)?(かか|発生|いり|要り)|"
            r"(どの|どれ)(くらい|ぐらい|程度)の?(予算|費用|金額|お金|資金)|(予算|費用|お金|資金)を?(どの|どれ)(くらい|ぐらい)|"
            r"what (does|do|would|will|did) [\w\s'-]{1,40}\bcost\b"
        ),
        _rx(
            rf"{_NUM}\s?(%|percent|yen|円|usd|dollars?|million|billion|億|万円|千円)|"
            rf"[$¥€]\s?{_NUM}"
        ),
    ),
    Specific(
        "deadline",
        _rx(
            r"deadline|due date|by when|closing date|application period|call for proposals|"
            rf"when (is|are|will|does|do|can|should|would) [\w\s/-]{{0,40}}?{_WHEN_VERB}|"
            r"what date|which (month|year)|(when|what year) (was|is|were|will) [\w\s'-]{0,40}"
            r"(published|issued|released|printed|written|updated|revised)|"
            r"いつ(発行|公開|出版|作成|改訂|更新|開始|始|締|募集|申請|応募|実施|開催|行われ)|"
            r"スケジュール|日程|開催(日|時期)|\bschedules?\b|(office|opening|business) hours|"
            r"営業時間|受付時間|"
            r"(is there|are there|when is|when's|any) (a |an |any )?(jica )?[\w\s-]{0,20}(conference|seminar|"
            r"webinar|event|forum|symposium)s?\b|(セミナー|シンポジウム|イベント|説明会)(は|って)?(あり|ある|いつ|開催)|"
            r"締切|締め切り|期限|いつまで|いつから|募集期間|公募|いつ(ですか|頃|ごろ|行|開始|始ま|出)"
            r"|\bdates? (this|next) year|what (are|is) the (exact )?dates?\b|which dates?\b|開催日|何月|いつ開催"
        ),
        _rx(
            r"\b(19|20)\d\d\b|\d{1,2}月|\d{1,2}日まで|"
            r"\b(january|february|march|april|may|june|july|august|september|october|"
            r"november|december)\b|deadline (is|of)|締切は"
        ),
    ),
    Specific(
        "duration",
        _rx(
            r"how long|for how long|how many (months|years|weeks|days)|duration|time ?frame|"
            r"how (soon|quickly|fast)|lead time|turnaround|full-?time|part-?time|常駐|"
            r"stay (in|at) (the|our) (city|country)|"
            r"期間|何か月|何ヶ月|何カ月|何年|(どの|どれ)(くらい|ぐらい)(の期間|の時間|かか|時間|で)|"
            r"時間がかか|日数|いつ頃|(どの|どれ)(くらい|ぐらい)待|"
            # a term asked with the help ("second one of its staff to us for a year")
            r"\b(second|send|dispatch|station|assign|lend|post|base)\b[^?.!]{0,60}\bfor (a|an|one|two|three|"
            r"four|five|six|several|\d+) (full )?(years?|months?|weeks?)\b|"
            r"(派遣|常駐|駐在)[^。？?]{0,15}(\d+|一|二|三|数)(年|か月|ヶ月|カ月)|"
            r"(\d+|一|二|三|数)(年|か月|ヶ月|カ月)(間)?[^。？?]{0,6}(派遣|常駐|駐在)"
        ),
        _rx(rf"{_NUM}\s?(months?|years?|weeks?|days?|か月|ヶ月|カ月|年間|週間|日間)"),
    ),
    Specific(
        "named",
        _rx(
            r"(which|what) (countries|cities|nations|municipalities)( [\w-]+){0,3} (has|have|had|did|"
            r"does|do|is|are|were|already|use|used|adopt|apply|applied|took|receive)|"
            r"(number|list|names?) of (the )?(projects|cities|countries|municipalities)|"
            r"projects? in [a-z]+|track record|case stud|success stor|"
            r"how many [\w\s-]{0,30}?(projects|cities|countries)[\w\s-]{0,30}? in [a-z]|"
            r"examples? of (real |actual |specific )?(cities|projects|countries)|"
            r"(都市|国|案件|プロジェクト)の(例|事例|一覧|名前)|"
            r"which (?!(kind|type|sort)s? of)([a-z-]+ ){0,2}(cit(y|ies)(?! (type|character|kind|direction|approach|element|stage|domain))|countr(y|ies)|ministr(y|ies)|agenc(y|ies)|universit(y|ies)|donors?)\b|which ?(企業|会社|国|省庁)|"
            r"(first|earliest|last) (city|country|cities|countries) to|the first to (use|adopt|apply|try)|"
            r"which ([\w-]+ ){0,2}(capitals?|towns?)\b|"
            r"(cities|countries|municipalities) that (have )?(already )?(received|used|got|adopted)|"
            r"(cities|countries|places|municipalities) (where|in which) (jica|it|they|the approach)|"
            r"\blist (the |of |all )*(the )?(cities|countries|projects)|"
            r"どの国(で|が|と|に)|どの都市で|実績|事例|国はどこ|(都市|町)はどこ(?!から)|(都市|町|国)(って|は)、?(具体的に|実際に)?どこ(?!から)|どこの(国|都市|町)|都市名|"
            r"(project|プロジェクト|案件) ?の?(名前|名称|名)|names? of (the )?(specific |actual )?(projects?|pilots?)|(country|project) names|"
            r"(都市|国|案件|プロジェクト|事例)の?一覧|具体的な都市|国名|導入した国|"
            r"(大学|研究機関|企業|団体|自治体)(は|って)(どこ|どれ)|どこの(大学|企業|会社|団体)|"
            r"(協力|支援)を(受けた|受けている|受けてきた)(都市|国|自治体)|"
            r"(これまで|過去)に.{0,20}(都市|国|自治体)を(教え|挙げ|知り)"
            r"|具体例[^。？?]{0,30}(プロジェクト|案件|都市|国|事業)|(プロジェクト|案件|事業)の具体例|"
            r"(concrete|specific|real|actual|real-world) examples? of (a |an |the )?[\w\s-]{0,20}(projects?|pilots?|quick wins?|cities)|"
            r"(国|都市|自治体)の(list|リスト)|(使って|導入して|採用して|適用して|取り入れて)いる(国|都市|自治体)"
        ),
        None,  # names: checked against the gazetteer below
    ),
    Specific(
        "person",
        _rx(
            r"who is (the |our )?[\w\s-]{0,30}(officer|contact|person|manager|director|head|"
            r"in charge|responsible)|names? of (the |a )?([\w-]+ ){0,2}(staff|officers?|person|"
            r"people|experts?|members?|contacts?)|staff member|list of (the )?([\w-]+ ){0,3}(staff|experts?|officers?|people|members?)\b|(officer|person) responsible|"
            r"who are the (members|staff|experts|officers)|members of|person in charge|"
            r"who (signs|approves|decides|selects|chooses|reviews|authori[sz]es|will sign|would sign|wrote|authored|prepared|"
            r"conducted|carried out|ran|did)\b|誰が(書|作成|実施|執筆|担当)|who (are|were|would be|will be) the\b|"
            r"\bnames?,? please|(staff|officers|experts|members|people)[\w\s,]{0,30}their names|"
            # who holds a role now (not who should: that is the framework's promoting body)
            r"(^|[.?!]\s*)who (leads|heads|runs|manages|coordinates|oversees|directs|is in charge of|handles|looks after)\b|"
            r"誰が[^。？?]{0,6}(率いて|統括して|取りまとめて|仕切って)|"
            r"who heads|head of (the )?(team|department|division|unit|office)|責任者|部署の(長|名前)|部長|課長|"
            r"担当者|担当職員|職員の名前|名前を教え|メンバー|構成員|氏名|誰が(署名|承認|決裁)|"
            r"\bpresident\b|\bceo\b|chairman|理事長|総裁|社長|who (at|in|inside|within) jica\b|who (signs?|sign) off|誰が(決め|判断|決定|承認)|"
            r"(japanese|local|foreign|international) or (japanese|local|foreign|international) "
            r"(experts|staff|consultants|trainers)|(日本人|現地)(の)?(専門家|講師)(が|か|です)|"
            r"(phone|telephone) extension|extension (number|no\b)|direct (line|dial|number)|内線|直通"
        ),
        _rx(r"\b(mr|ms|mrs|dr)\.? [a-z]|[一-龥]{1,4}(氏|さん)\b|officer in charge:|担当者[:：]"),
    ),
    Specific(
        "vendor",
        _rx(
            r"which [\w\s-]{0,20}?(company|companies|firm|firms|vendors?|suppliers?|brand|"
            r"product|banks?|donors?|partners?|providers?|contractors?|operators?|integrators?)|recommend (a|an|any|which|what) ([\w-]+ ){0,3}(company|companies|vendors?|firms?|products?|brands?|"
            r"suppliers?|consultants?|software|platforms?|tools?|apps?|devices?|sensors?|solutions?)\b|"
            r"names? of (the )?(vendors|companies|suppliers|firms)|"
            r"(list|names?|directory|register|roster) of ([\w-]+ ){0,2}(vendors|suppliers|companies|"
            r"firms|contractors|consultants)|world bank|asian development|"
            r"\badb\b|consult(ant|ing) (firm|company|companies)|which consultants?|"
            r"based on ([\w-]+ ){0,3}or (some |any )?(other|another)|\bproprietary\b|in-house or|off-the-shelf|specific (platform|product|"
            r"software|brand|vendor|technology stack)|open[- ]source|"
            r"特定の(製品|プラットフォーム|ソフト|ベンダー|企業)|どの(製品|プラットフォーム|ソフト)|"
            r"which ([\w-]+ )?(software|products?|platforms?|brands?|tools?|solutions?|packages?|apps?)\b|"
            r"what ([\w-]+ )?(software|tools?|products?)s? (does|do|did|will) (jica|they)\b|"
            r"(ベース|準拠)に(すべき|する(べき)?か|した方)|それとも(独自|自前|自社)|独自開発か|既製品|パッケージ製品|どちらが(おすすめ|お勧め|推奨)|"
            r"(自前|独自|自社)(で|の)?(開発|構築)[^。？?]{0,8}(べき|か)|\b(build|make) or buy\b|"
            r"(登録|認定|指定)(業者|企業|ベンダー)|業者(の)?(一覧|リスト|名簿)|企業名|ベンダー(?![^。？?]*(調達|選定|管理|契約|提案|評価|tor\b))|どの会社|どの企業|企業はどこ|会社はどこ|コンサルタント|メーカー|世界銀行|開発銀行|"
            r"(製品|ソフトウェア|ブランド)(は|を)(どれ|どこ|何|教え)|"
            r"(おすすめ|お勧め|推奨)[^。？?]{0,12}(製品|会社|企業|ベンダー|ソフト|ツール|機器|メーカー|アプリ|都市os|プラットフォーム)|"
            r"(製品|会社|企業|ベンダー|ソフト|ツール|機器|メーカー|アプリ|都市os|プラットフォーム)[^。？?]{0,8}(おすすめ|お勧め|推奨)"
            # a product recommended, in either order ("which sensors and software does JICA recommend")
            r"|(recommend|suggest|endorse|prefer)\w*\b[^.?!。？]{0,40}\b(sensors?|cameras?|hardware|devices?|"
            r"equipment|software|products?|brands?|vendors?|suppliers?)\b|\b(sensors?|cameras?|hardware|devices?|"
            r"equipment|software|products?|brands?)\b[^.?!。？]{0,40}\b(does|do|would|will) (jica|they|you) "
            r"(recommend|suggest|endorse|prefer)|which ([\w-]+ ){0,3}(sensors?|cameras?|hardware|devices?|equipment)\b|"
            r"どの(自治体|都市)?や?(企業|会社|団体|大学|研究機関)|(日本|国内)のどの(自治体|都市|企業|会社)"
        ),
        _rx(
            r"\b(inc|ltd|llc|gmbh|corp|corporation|co\.)\b|株式会社|有限会社|"
            r"world bank|asian development bank|世界銀行|アジア開発銀行"
        ),
    ),
    Specific(
        "eligibility",
        _rx(
            r"eligib|qualif|who can apply|(selection|eligibility) criteria|criteria (for|to) "
            r"(select|choos|receiv|get|be )|prerequisite|requirements? "
            r"(to|for) (apply|get|receive|be)|minimum (population|size)|population (of|over|above) (about |around )?\d|"
            r"threshold|conditions? (to|for) (get|receiv|be )|population size|"
            r"(certain|minimum|particular|required) (population|size)|"
            r"(conditions?|requirements?)[\w\s',-]{0,40}"
            r"(must|need to|have to) (meet|satisfy|fulfil)|(must|need to|have to) (meet|satisfy)|"
            r"(ための|受ける|受けるための)条件|(受ける|得る|もらう|利用する)(に|ため)(は|に).{0,40}条件|"
            r"条件(に|と)(なります|なる)|が条件(です|でしょう|か)|"
            r"open to (non-|foreign |local |other |private |international )[\w\s-]{0,20}(companies|firms|"
            r"cities|ngos|organi[sz]ations|applicants)|only (for|open to) japanese|"
            r"only (to|for) japanese|(foreign|non-japanese|local|overseas|international)\W{0,3}[\w\s()-]{0,30}?"
            r"(companies|firms|startups|smes|businesses|ngos)\b[\w\s,]{0,20}\b(join|apply|take part|participate|eligible)|"
            r"(join|apply|take part|participate)[\w\s]{0,20}\b(foreign|non-japanese|overseas) (companies|firms|startups)|"
            r"(外国|海外|現地|日本以外の|外資)の?企業(も|は|が|で).{0,12}(参加|応募|対象|利用|可能|でき)|条件は(何|なに)|満たす(必要|べき)|"
            r"(日本国内|国内)の.{0,12}(自治体|都市|市町村)|日本の(地方)?(自治体|都市|市町村)(も|は|が|で)|"
            r"(japanese|domestic) (cit(y|ies)|municipalit\w+|local governments?|towns?|prefectures?)\b.{0,40}\b(receive|get|apply|eligible|qualify|use|benefit|join|recipients?|take part|participate)|"
            r"\b(cit(y|ies)|municipalit\w+|towns?) in japan\b|応募資格|資格がありますか|対象となる条件|対象になる(都市|条件|基準)|要件|選定基準|"
            r"(have|has|need|needs|must) to (provide|pay for|cover|supply|host)\b|"
            r"\b(must|should|does|do) (the|a|our) (city|municipality|government|ministry) (have to )?"
            r"(provide|pay|cover|supply|host)\b|"
            r"(提供|用意|負担)(する|しなければ)(必要|いけ)|conditional on|(buy|buying|purchase|purchasing|use|using) japanese (equipment|products|"
            r"technology|goods|systems)|日本(製|の製品|の機器)(を|の)(購入|使用|使う|買う)|"
            r"fail(s|ed|ing)? to (meet|qualify|pass|reach)|what happens if (we|our|the|a) [\w\s]{0,30}"
            r"(fail|do not|don't|cannot|can't)|人口(何|が何|\d)|人口.{0,8}以上|人口が?(少な|小さ|多い|大きい)|年齢制限|age limit|"
            r"population (is |of )?(too )?(small|low|large)|(big|large|small) enough|too (small|big|large) (for|to)|consider us\b|"
            r"(大きさ|規模|人口)(は|で)(十分|足り)|小さすぎ|(small|tiny) (towns?|cities|municipalit\w+) "
            r"(be |are |is )?(eligible|qualify|get support|be supported)|前提条件|(前|まで)に.{0,20}(必要|なければ)|"
            r"\brequire[sd]?\b.{0,60}\b(first|beforehand|in advance)\b|事前に.{0,12}(必要|求め)|"
            r"(need|have|has|must|required) to (pass|have|adopt|enact|establish|set up|meet|sign)\b"
            r".{0,60}\bbefore\b|precondition|pre-condition|before (jica|they|you|it) (will|can|would) "
            r"(support|help|fund|cooperate)"
            r"|(required|obliged|obligated|forced|expected|bound) to (use|hire|buy|purchase|contract|employ|"
            r"work with|procure|choose|select|engage)\b|(must|have to|need to|should) (we |i |the city |our city |"
            r"cities |a city )?(use|hire|buy|purchase|employ|contract|engage) (only )?(japanese|japan)\b|"
            r"(使わ|採用し|選ば|雇わ|購入し|発注し)なければ(なら|いけ)|(使う|採用する|選ぶ|購入する|発注する)必要(が|は)?あ|"
            r"(日本|本邦)の?(企業|業者|製品|メーカー|コンサル)[^。？?]{0,12}(必須|義務|条件|限ら)|"
            r"(先に|事前に|前もって|あらかじめ)[^。？?]{0,30}(必要があ|なければ)|"
            r"(受ける|得る|もらう|利用する)(に|ため)(は|に)?、?[^。？?]{0,40}(必要があり|なければなら)|"
            r"high[- ]income|高所得|no longer (receives?|eligible|gets?)|graduat\w* from (oda|aid)|odaを?卒業|"
            r"先進国(でも|は|の都市)|(途上国|海外|相手国|他国)の(都市|自治体|まち)[^。？?]{0,20}(協力|支援)する(場合|とき|なら|際)|"
            r"(if|when) (our|we|my) (city|town|municipality) (helps?|supports?|cooperates? with|partners? with|assists?)\b|"
            r"private (developers?|companies|firms|investors?|operators?)[^.?!]{0,40}\b(get|receive|apply|access|use|be eligible)\b|"
            r"民間(企業|事業者|デベロッパー|開発業者)[^。？?]{0,20}(受け|利用|申請|対象)|"
            r"\brequire[sd]? (us|cities|the city|a city|our city|municipalities|the government|countries) to\b|"
            r"come with (any )?(conditions|strings|requirements)|(conditions|strings) attached|条件(が|は)?(付|つ)(く|き|いて)|"
            r"as a (condition|requirement|prerequisite) (of|for)|の?条件として|"
            r"対象外|対象から外れ|(人口|規模)[^。？?]{0,6}(小さい|少ない)[^。？?]{0,20}(対象|支援|協力)|"
            r"(is there|are there) (a |any )?(limit|cap|maximum|minimum|ceiling|quota)s? (on|to|for)\b"
        ),
        _rx(r"eligib|criteria|requirements? (is|are|include)|population of \d|資格|要件|人口\d"),
    ),
    Specific(
        "procedure",
        _rx(
            r"how (do|can|should|would|to) ((we|i|a city|cities|our \w+|a ministry) )?(apply|request|"
            r"submit)|application (form|procedure|process)|request (form|letter)|template|"
            r"(application|request|official) forms?|forms? (to|for) (apply|request)|fill (in|out)|"
            r"(application|request(ing)?|apply(ing)?|approval|review|selection) (procedure|process)|"
            r"process (inside|within|at) jica|how (is|are) (a |the )?(requests?|applications?|proposals?) "
            r"(approved|selected|reviewed|evaluated|screened)|採択(の|まで|基準|プロセス)|(jica|要請|申請)の?審査|選考|"
            r"apply (directly )?(to|with) (jica|them)|apply directly|"
            r"(submit|send) (the|a|our) (request|application|proposal)\b|submit (a |our )?(request|proposal|application) "
            r"to jica|直接(申請|応募|要請)|"
            r"procedures? (to|for) (apply|request|get)|paperwork|apply for (jica|a |the |support|funding)|"
            r"(documents?|papers?|materials?) (must|should|do|to|does|are)[\w\s',-]{0,40}submit|"
            r"submit (with|along)|required documents|documents? (required|needed)|"
            r"application (portal|system|website|site)|apply online|online (application|portal)|"
            r"(approval|consent) (from|of|by) (the )?(city |municipal )?(council|parliament|assembly)|"
            r"(council|parliament|assembly|cabinet) approval|(議会|議決|閣議)の?(承認|同意|議決)|議会で(承認|可決|議決)|"
            r"(approv\w*|ratif\w*|endorse\w*|sign-?off|signed off|consent|green light)\b.{0,30}\b(parliament|council|assembly|cabinet|congress|legislature)|"
            r"(parliament|council|assembly|cabinet|congress|legislature)\b.{0,20}\b(approv\w*|ratif\w*|endorse\w*|sign-?off|consent|vote)|国会の?(承認|議決|同意)|"
            r"(契約|申請|要請)(書)?(は|を)?[^。？?]{0,10}(英語|日本語|言語)|language (of|for) the "
            r"(contract|application|request)|in (english|japanese) or (english|japanese)|"
            r"大使館|embassy|(通す|経由する|通さない)(必要|と)|(through|via) (the |our )?(embassy|ministry of foreign)|"
            r"申請|応募|申し込|申込|要請書|要望書|様式|書式|手続き|テンプレート|ひな形|雛形|必要な書類|提出書類|提出する書類"
            r"|exchange of (letters|notes)|交換公文|(model|sample|standard) (mou|memorandum)|"
            r"directly (from|to|with|through) (jica|them)\b|without (going through |involving |the consent of |asking )?(the |our |a )?"
            r"([\w-]+ )?(government|ministry|municipality|city)|bypass\w* (the )?(city|government|ministry)|"
            r"(経由|通)さ(ず|ないで)|直接jica|jicaに直接|jicaから直接"
        ),
        _rx(r"\bapply\b|application|申請|応募|要請書|様式|手続"),
    ),
    Specific(
        "metric",
        _rx(
            r"\bkpis?\b|indicators?\b|\bmetrics?\b|benchmark|\bscor(e|es|ing)\b|\bratings?\b|"
            r"out of \d|\biso\b|"
            r"certif|complian|\bcompl(y|ies)\b|conform|(what|which) standards?\b|"
            r"standards? (must|required|to follow)|目安|rule of thumb|面積|what size|how (large|big|small) "
            r"(should|must|is|are|a|an|the)|(minimum|maximum|typical|recommended) (area|size)|指標|スコア|点数|何点|\d+点満点|満点|何段階|評価基準|認証|準拠|どの規格|規格"
            r"|標準(仕様|規格)|(仕様|規格|製品|プラットフォーム|ソフト)[^。？?]{0,30}(指定|決まって|定められ)|"
            r"\b(specif(y|ies)|mandates?|prescribes?|designates?|imposes?) (a |an |any |the |one )?(particular |specific |single |"
            r"common )?(technical )?(standards?|specifications?|protocols?)\b|standards? such as"
        ),
        _rx(r"\bkpis?\b[:：]|indicators?[:：]|指標[:：]|\biso ?\d{3,}|\d+ ?(points|点満点)"),
    ),
    Specific(
        # the contents of a course or document the brochure only names (a curriculum, a syllabus)
        "detail",
        _rx(
            r"curricul|syllab|course (content|outline|materials?)|training (materials?|content|programme "
            r"details)|teaching materials?|カリキュラム|シラバス|研修(の)?(内容|資料|教材|プログラム)|教材|"
            # a document or tool of JICA's own asked for ("does JICA publish a database of cases?")
            r"(does|do|did|will|can) (jica|they|you) (have|publish|provide|share|maintain|keep|run|offer) "
            r"(a |an |any )?([\w-]+ ){0,2}(database|portal|template|manual|handbook|toolkit|checklist|"
            r"dataset|catalog(ue)?|directory|newsletter|mailing list|app)\b|"
            r"\b(awards?|prizes?|competitions?|volunteers?|jocv|scholarships?|fellowships?|internships?)\b|表彰|協力隊|ボランティア|奨学金|アワード|コンテスト|インターン|"
            r"(データベース|ポータル|テンプレート|マニュアル|手引き|ハンドブック|チェックリスト|カタログ|"
            r"メールマガジン|メルマガ|アプリ)(は|って|を|も)?(あり|ある|公開|提供|配布)"
            r"|仕様書[^。？?]{0,20}(ダウンロード|入手|公開|配布|見られ|見せ|どこ)|api (spec|documentation|docs)|specifications? (document|sheet)"
        ),
        None,
    ),
    Specific("delivery", DELIVERY, None),  # the language, online or in person, who the experts are
    Specific("other_name", ENDORSED, None),  # another body's endorsement ("by the UN")
    Specific("detail", COUNTRY_OFFICE, None),  # JICA's country office (only its head office)
    Specific("terms", TERMS, None),  # who owns what is built, penalties, after the handover
    Specific("detail", MORE_DETAIL, None),  # a platform's web address, the brochure in French
    Specific("deadline", EVENT_OR_REVISION, None),  # JICA's events, the next revision
    *(Specific(kind, pattern, None) for kind, pattern in PRACTICE),  # JICA's own rules, its record
    Specific(
        "count",
        _rx(
            r"how many|(?<!phone )(?<!telephone )(?<!fax )(?<!contact )\bnumber of|何件|件数|(の|な)数(は|を)|何か国|何カ国|何ヶ国|何都市|何人|何名|何社|何か所|何種類|いくつ(?!か)|何回|何ページ|何枚|何冊|how many pages|page count"
        ),
        None,  # checked against the noun counted (``_gives_count``)
    ),
)
