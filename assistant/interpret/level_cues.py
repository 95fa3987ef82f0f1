"""General cue words for each maturity level, per language, as weighted patterns.

The rubric of every element runs along the same ladder (nothing → recognised/planned → partial or
pilot → established and regular → embedded, evaluated and improved), so the words officials use to
say where they are on it are the same across elements. These lists are per level and per
language, written from that ladder, not from any particular answer. What changes a cue's meaning
in its statement (negation, intent, limits, "don't know") is in ``cues``.

Patterns are regular expressions (English ones are matched case-insensitively); each cue has a
weight: 1.0 for words that nearly always mean that level, less for words that only lean to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.interpret.level_limits import EN_ONCE, EN_SCOPE, JA_ONCE, JA_SCOPE
from assistant.models import Lang


@dataclass(frozen=True)
class Cue:
    level: int
    pattern: re.Pattern[str]
    weight: float
    negatable: bool = True  # False: the phrase already holds its negation ("since then, nothing")
    scope: bool = False  # a limit ("only", "one-off", 「だけ」): negated, it says "more than that"


_EN: dict[int, list[tuple[str, float]]] = {
    0: [
        (r"\bthere(?:'s| is| are)(?: really| actually| simply)? no\b", 1.0),
        (r"\bthere(?:'s| is| are) (?:not|nothing)\b|\bthere isn't\b|\bthere aren't\b", 1.0),
        (r"\bwe (?:do not|don't|dont) (?:really |yet |even |currently )?have\b(?! to\b)", 1.0),
        (r"\bwe have(?:n't got| not got)? no\b|\bwe lack\b", 1.0),
        (r"\b(?:does not|doesn't|do not|don't) exist\b|\bnon-?existent\b", 1.0),
        (r"\bnothing\b|\bnope\b|\bnot at all\b|\bnot really\b", 1.0),
        (r"\bnone\b|\bno ?one\b|\bnobody\b|\bnowhere\b", 0.8),
        (r"\bnothing (?:like|of the sort|of that kind|in place|formal)\b", 1.0),
        (r"^\W*no\b", 1.0),
        (r"\bnot yet\b|\bnever\b", 0.6),
        (r"\bno\b", 0.5),
        (r"\b(?:have|has|had|do|does|did|is|are|was|were|can|could)(?:n't| not)\b|\bcannot\b", 0.4),
        (r"\bstart(?:ed)? (?:again|over)\b|\bfrom scratch\b|\bstop(?:s|ped)\b|\bdies\b", 0.6),
        (r"\byear[- ](?:to|by)[- ]year\b|\bword of mouth\b|\bdefault settings?\b", 0.6),
        (r"\bsuppliers? (?:decide|choose|tell)\b|\bvendors? (?:decide|choose|tell)\b", 0.8),
        (r"\b(?:suppliers?|vendors?) (?:pitch|propose|push|offer)\w*\b", 0.8),
        (r"\brarely\b|\bseldom\b|\bhardly (?:ever|any)\b|\bbarely\b", 0.7),
        (
            r"\bnothing to do with\b|\bno (?:link|links|connection|coordination|contact) (?:between|with)\b",
            1.0,
        ),
        (r"\bcancel(?:l)?ed\b|\bscrapped\b|\babandoned\b|\bshelved\b|\bdisappear\w*\b", 0.6),
        (r"\brestart(?:ed|s)?\b|\bdiscontinued\b|\bno longer\b|\bphased out\b", 0.6),
        # known to a few only: "maybe five people have read it" (the few are the limit, not a share)
        (
            r"(?<!\bnot )\b(?:only|just|maybe|perhaps|about|around|at most)\b[^.;!?]{0,60}?\b(?:ha(?:ve|s)"
            r" (?:ever )?(?:read|seen|heard of)|(?<!\bi )(?<!would )knows? (?:about|of|it|that|what)"
            r"|(?:is|are) aware of)\b",
            0.7,
        ),
        # a count of zero is an absence ("0 datasets published", "zero consultations so far")
        (r"(?<![\d.,])\b(?:0|zero)\b(?![.,]\d)(?!\s*(?:%|percent|per cent|to\b|-))", 0.8),
    ],
    1: [
        (r"\b(?:are|is|am|'re|'s|currently|still|now|been) planning\b|\bplanned\b", 1.0),
        (r"\bplanning (?:to|a|an|the|for a|for an)\b|\bplans? to\b|\bplanning stage\b", 1.0),
        (r"\bdiscuss(?:ing|ed|es|ion|ions)?\b|\bdebat(?:e|ing|ed)\b|\bdeliberat\w*", 1.0),
        (r"\bconsider(?:ing|ed|ation)?\b|\bunder review\b|\bpreliminary\b", 1.0),
        (
            r"\bstud(?:y|ying|ied|ies)\b|\bfeasibility\b|\blooking (?:into|at)\b|\bexplor(?:e|ing)\b",
            0.9,
        ),
        (r"\bthere (?:has been|is|was|have been) (?:some |a lot of |much )?talk\b", 0.9),
        (r"\bthinking (?:about|of)\b|\btalk(?:ing|ed|s)? about\b|\bideas?\b|\bconcept\b", 0.8),
        (
            r"\bintend(?:s|ed)?\b|\bintention\b|\bwants?\b|\bwould like\b|\bhop(?:e|es|ing) to\b",
            0.8,
        ),
        (r"\bin the (?:pipeline|works)\b|\bdrawing board\b|\bon the (?:agenda|radar|table)\b", 1.0),
        (r"\bwish ?list\b|\bat some point\b|\bone day\b|\bsomeday\b|\bin the future\b", 0.8),
        (r"\brecogni[sz](?:e|ed|es)\b|\baware(?:ness)?\b|\bneed(?:s|ed)? (?:a|an|to|for)\b", 0.8),
        (r"\bthe need\b|\bimportan(?:t|ce)\b|\bshould\b|\bworking group\b|\btask ?force\b", 0.6),
        (r"\bproposal\b|\bpropos(?:e|ed)\b|\bearly (?:days|stages?)\b|\bongoing\b", 0.7),
        (r"\bbeing (?:prepared|drafted|developed|designed|studied|written|explored)\b", 1.0),
        (
            r"\b(?:asked|tasked|commissioned) to\b|\bstart(?:ed|ing)? to (?:meet|talk|look|think)",
            0.9,
        ),
        (
            r"\b(?:evaluat|assess|review|compar|map)\w* (?:the )?(?:options|possibilit\w*|whether|how|which|what|ways)\b",
            1.2,
        ),
        (r"\bwith a view to\b|\baim(?:s|ing)? (?:at|for)\b|\bwork(?:ing)? towards?\b", 0.9),
        (r"\bnext (?:year|fiscal year|budget)\b|\bnext year's budget\b|\bupcoming\b", 0.6),
        (
            r"\b(?:approved|agreed|adopted|endorsed|accepted|supported) in principle\b|\bin principle\b",
            1.1,
        ),
        (
            r"\buntil (?:it|they|this|that|the \w+|one) (?:exists?|is (?:set up|created|formed|established|in place|ready|adopted|approved|hired|appointed)|are (?:set up|in place|hired|appointed))\b",
            1.0,
        ),
        (r"\bprepar(?:e|es|ing)\b|\bscheduled\b|\bforeseen\b|\bin the budget for\b", 0.8),
        (
            r"\bnothing (?:has been |is |was )?(?:decided|agreed|approved|final)\b|\bno decision\b",
            0.9,
        ),
    ],
    2: [
        (r"\bpilot(?:s|ed|ing)?\b|\btrials?\b|\btrialled\b|\bproof[- ]of[- ]concept\b", 1.0),
        (
            r"\bprototypes?\b|\bdemonstration\b|\bdemos?\b|\bexperiment(?:s|al)?\b|\btest(?:s|ed|ing)?\b",
            0.7,
        ),
        (r"\bdrafts?\b|\bdrafted\b|\bstudy (?:visits?|tours?|trips?)\b", 1.0),
        (
            r"\bthe only (?:thing|one|project|place|case|example)\b",
            0.9,
        ),
        (r"\bsits? on a shelf\b|\bgathering dust\b", 0.6),
        (
            r"\bsome\b(?! (?:colleagues|people|officials|staff|councillors|councilors|residents"
            r"|of (?:us|them|my colleagues)|say|think|argue|feel|believe|suggest)\b)"
            r"|\ba few\b|\ba couple\b|\bhandful\b|\bpart(?:ly|ially)\b|\bin part\b",
            0.7,
        ),
        (
            r"\bone (?:department|district|project|area|sector|ward|office|person|app|service|unit)\b",
            1.0,
        ),
        (r"\bone\b(?![- ](?:stop|of the))|\bfirst\b", 0.4),
        (r"\binformal(?:ly)?\b|\btemporar(?:y|ily)\b|\blimited\b|\bsmall\b|\bsometimes\b", 0.8),
        (r"\bnot (?:consistent|systematic|regular)\w*\b|\binconsistent\w*\b|\bpatchy\b", 0.8),
        (r"\bstarted\b|\bbeginning\b|\bfirst step\b|\bhere and there\b|\bdonors?\b", 0.5),
    ],
    3: [
        (r"\badopted\b|\bapproved\b|\benacted\b|\bpassed\b|\bratified\b|\bendorsed\b", 1.0),
        (r"\bsigned off\b|\bvoted (?:for|through)\b|\bin force\b", 1.0),
        (r"\bin place\b|\bestablished\b|\bset up\b|\bformal(?:ly)?\b|\bofficial(?:ly)?\b", 1.0),
        (r"\boperat(?:ing|ional|es)\b|\bin operation\b|\brunning\b|\brun on\b|\bin use\b", 1.0),
        (r"\bup and running\b|\blive\b|\bgo-live\b|\bfull(?:y)? (?:operational|scale)\b", 1.0),
        (r"\bregular(?:ly)?\b|\broutine(?:ly)?\b|\bsystematic(?:ally)?\b|\bstandard\b", 1.0),
        (r"\bevery (?:year|month|week|quarter|new|single)\b|\beach (?:year|new)\b|\balways\b", 0.9),
        (
            r"\bevery (?:two|three|four|five|six|\d+|other|few) (?:years?|months?|weeks?)\b|\b(?:once|twice|three times|four times|\d+ times) (?:a|per|every) (?:year|month|week|quarter)\b",
            0.9,
        ),
        (
            r"\bannually\b|\bannual (?:report|review|survey|meeting|evaluation|plan)s?\b|\bmonthly\b|\bweekly\b|\bquarterly\b|\bdaily\b|\bevery day\b",
            0.9,
        ),
        (r"\bordinance\b|\bbylaw\b|\bdedicated\b|\bpermanent\b|\bin-house\b", 0.8),
        (
            r"\bfixed (?:cycle|schedule)\b|\bcycle\b|\bcontinu(?:es|ed)\b|\bsurvived\b|\bintact\b",
            0.6,
        ),
        (r"\bstanding\b|\bchair(?:s|ed)\b|\bmandate\b|\bstaff\b|\bbudget\b|\bcontracts?\b", 0.4),
        (r"\bagreements?\b|\bmembers?(?:hip)?\b|\bteam of\b|\bcriteria\b", 0.4),
        (r"\bseveral\b|\bmultiple\b|\bmany\b|\bmain\b", 0.5),
        (r"\bsince (?:19|20)\d\d\b|\bsince then\b|\bstill\b", 0.4),
        (r"\bkpis?\b|\bindicators?\b|\btargets?\b|\bmonitor(?:ed|ing|s)?\b|\btracked\b", 0.5),
        (r"\bguid(?:e|es)\b|\bcovered\b|\bapplies\b|\bused (?:for|in|by|when)\b|\bwe use\b", 0.5),
        (r"\bchecked against\b|\bas a rule\b|\bwell[- ]established\b|\bcovers\b", 0.6),
    ],
    4: [
        (r"\bevaluat(?:e|ed|es|ing|ion|ions)\b|\bassess(?:ed|ment)\b|\baudit(?:s|ed|ors?)?\b", 1.0),
        (
            r"\breview(?:ed|s)?\b|\brevis(?:e|ed|es|ion)\b|\bupdated based\b|\badjust(?:s|ed)?\b",
            0.7,
        ),
        (r"\bimprov(?:e|ed|es|ing|ement|ements)\b|\brefin(?:e|ed)\b|\blessons?\b", 0.9),
        (r"\bmeasured\b|\bmeasure(?:s)? (?:the|its|their|how)\b|\bimpact\b|\boutcomes?\b", 0.5),
        (r"\bcity-?wide\b|\bacross the (?:whole )?city\b|\bwhole city\b|\bentire city\b", 1.0),
        (r"\b(?:all|every) (?:departments?|sectors?|projects?|stakeholders?|services)\b", 0.8),
        (r"\bembedded\b|\binstitutionali[sz]ed\b|\bself-sustaining\b|\bthe norm(?:al)?\b", 1.0),
        (r"\bmainstream(?:ed)?\b|\bpart of how we work\b|\bon (?:its|their) own initiative\b", 0.9),
        (
            r"\bruns? (?:it|them)sel(?:f|ves)\b|\bby itself\b|\btweak(?:s|ed|ing)?\b|\bfine-tun\w*",
            0.9,
        ),
        (
            r"\bcontinuous(?:ly)?\b|\bfeedback loop\b|\bbased on (?:the |their |its )?(?:results|findings|data)\b",
            0.8,
        ),
        (r"\bwhat (?:it|they|the data) (?:tells?|shows?) us\b|\blearn(?:ed|t)? from\b", 0.8),
        (r"\bpublish(?:ed|es)?\b", 0.4),
        (r"\bscaled (?:up|out|to)\b|\brolled out (?:to|across)\b|\bexpanded (?:to|across)\b", 0.8),
    ],
}

_JA: dict[int, list[tuple[str, float]]] = {
    0: [
        (
            r"ありません|ございません|ない(?:です|状態|状況|のが現状|でしょう|と思)?(?=[。、！!]|と思|$)|なし",
            1.0,
        ),
        (r"特に(?:何も|ない|なし|ありません|定めて)|何も|全く|まったく|一切", 1.0),
        (r"(?:ほど|という)のものは(?:なく|ない|ありません)|ほとんど(?:ない|なく|知られて)", 1.0),
        (r"おらず|いない(?=[。、]|と思|$)|いません(?=[。、]|$)|ていません|できていない", 0.5),
        (r"白紙|一から|振り出し|止まって|終わって|途切れ|中止|打ち切|廃止|頓挫", 0.7),
        (
            r"売り込|ベンダー主導|言いなり|ほぼ(?:ない|なく|して(?:い|お))|めったに|ほとんどしていない",
            0.8,
        ),
        (r"手つかず|未着手|考えていません|考えていない", 1.0),
        (r"誰も(?:い|し|やっ|関わっ)|そのまま(?:採用|使っ|導入)|言われたまま", 0.9),
        (r"だけです|程度です|程度で|しかない", 0.3),
        (r"休止|停止|立ち消え|凍結|なくなっ|途絶え|形骸化|やり直し", 0.6),
        (r"終わりです|終わりました|終わってしまい|ませんでした", 0.5),
        # 「知っているのは担当課の数名くらい」: known to a few only
        (
            r"(?:知って(?:い)?る|読んだ|目を通した|理解している)のは[^。]{0,25}?(?:くらい|ぐらい|だけ|のみ|程度|しか)",
            0.8,
        ),
        # a count of zero is an absence (「公開件数は0件」「ゼロです」「皆無」)
        (r"(?<![\d０-９.])[0０](?:件|本|回|人|名|社|か所|カ所|箇所|団体|事業|施策)|ゼロ|皆無", 0.9),
        (r"失効", 0.6),
    ],
    1: [
        (r"検討", 1.0),
        (r"計画中|計画して|計画段階|予定|構想段階", 1.0),
        # 「人事課と相談している」 is talk; 「相談窓口」「オンライン相談」「相談があり」 are a service
        (
            r"議論|話し合|協議(?:して|中|を)|と相談|相談(?:して|中|を始め|し始め|を進め)|話し始め"
            r"|話が出|声が上が|話題に",
            1.0,
        ),
        (r"構想|目指|したい|つもり|考えて(?:い|お)|考え始め|模索", 0.9),
        (r"必要性|必要だ|必要と|認識|課題(?:と|だ)|感じて|大事だ|重要だ", 0.8),
        (r"調査(?:中|する|を行う)|研究|勉強|準備(?:中|を進め|して)", 0.7),
        (r"計上する予定|立ち上げる|策定する方向|予算要求", 1.0),
        (r"今後|将来|これから|来年度|始めたところ|始めたばかり|出始め|段階です|方向で", 0.6),
        (r"づくりを|作りを|立ち上げに向け|向けて|視野に|洗い出|べきだ", 0.6),
        (r"未定|決まっていない(?:が|けど)", 0.6),
    ],
    2: [
        (r"試行|試験的|実証(?!フィールド)|パイロット|トライアル|モデル(?:地区|事業)", 1.0),
        (r"素案|原案|草案|案の段階|案を|案が|条例案|計画案|たたき台", 1.0),
        (
            # 「一部事務組合」 is a kind of joint body of towns (a name), not "part of"
            r"一部(?!事務組合)|部分的|一つの|1つの|ひとつの|一か所|1か所|いくつか|少し|わずか|数件|一件|1件|一課",
            0.8,
        ),
        (r"非公式|暫定|臨時|兼務|担当者が一人|小さな|小規模|手探り|ところどころ", 0.8),
        (
            r"統一されて(?:い|お)らず|統一されていません|継続的な仕組みはありません|続いていません",
            0.8,
        ),
        (r"それくらい", 1.0),
        (r"始めました|着手", 0.5),
    ],
    3: [
        (r"運用|稼働|運営(?:して|され)", 1.0),
        (
            r"定期的|毎年|毎月|毎週|毎回|四半期|年\d+回|年[一二三四五六]回|恒常的|常設|常時|日常的",
            1.0,
        ),
        (
            r"条例|制定|施行|策定(?:し|済|され)|設置(?:し|され|済)|正式|承認され|議決|採択(?:し|済|され(?!たら|れば|る))|可決",
            0.9,
        ),
        (
            r"(?:\d+|[一二三四五六])(?:年|か月|ヶ月|カ月|ケ月|週間?)(?:ごと|おき|に(?:1|一)(?:回|度))|年に?(?:\d+|[一二三四])(?:回|度)",
            1.0,
        ),
        (r"整備(?:し|され|済)|導入済|確立|定着|位置付け|位置づけ|標準|本格", 0.8),
        (r"そろって|揃って|整って|確保|計上|仕組みがあり|体制があり", 0.7),
        (
            r"導入し|導入され|専任|予算があ|担当課|推進課|推進室|推進本部|協議会|実証フィールド|テストベッド",
            0.5,
        ),
        (r"複数の|いくつも|主要|多くの", 0.5),
        (r"継続して|継続的に|続いて|引き継が", 0.5),
        (r"基づいて|に沿って|に従って|に明記|評価基準|評価項目", 0.5),
        (r"KPI|指標|目標値|進捗を(?:確認|管理|把握)|モニタリング", 0.5),
    ],
    4: [
        (r"評価", 1.0),
        (r"見直", 0.7),
        (r"改善|改訂|改定|改正|修正して|反映", 0.9),
        (r"効果測定|監査|検証|フィードバック|効果を(?:測|検)", 0.6),
        (r"全市|市全体|全庁|全部局|全ての部局|すべての部局|全分野|市内全域|あらゆる", 1.0),
        (r"組み込まれ|当たり前|自立的|自走|民間主導|次々", 0.9),
        (r"PDCA|継続的に改善|結果を踏まえ|実績を踏まえ|公表", 0.7),
    ],
}


def _compile(
    table: dict[int, list[tuple[str, float]]],
    flags: int,
    negatable: bool = True,
    scope: bool = False,
) -> tuple[Cue, ...]:
    return tuple(
        Cue(level, re.compile(pattern, flags), weight, negatable, scope)
        for level, items in table.items()
        for pattern, weight in items
    )


CUES: dict[Lang, tuple[Cue, ...]] = {
    "en": _compile(_EN, re.IGNORECASE)
    + _compile(EN_SCOPE, re.IGNORECASE, scope=True)
    + _compile(EN_ONCE, re.IGNORECASE, negatable=False),
    "ja": _compile(_JA, 0)
    + _compile(JA_SCOPE, 0, scope=True)
    + _compile(JA_ONCE, 0, negatable=False),
}
