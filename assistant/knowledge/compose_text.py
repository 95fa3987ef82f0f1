"""The composed answer's sentence templates, en and ja (one bilingual table, as in each module).

Templates carry the framework's own words in quotation marks; anything the project reads into
the layout says so inside the sentence ("the project's reading").
"""

from __future__ import annotations

from assistant.models import Lang

# A menu line's level as the sentence names it.
LEVEL: dict[Lang, dict[str, str]] = {
    "en": {"national": "national level", "city": "city level"},
    "ja": {"national": "国レベル", "city": "都市・自治体／地区レベル"},
}
# The brochure is printed in Japanese: an English answer quotes the printed wording beside its
# rendering, so a reader can match it to the page (and find the same words in the brochure).
PRINTED = {"en": " (printed: {quotes})", "ja": ""}

T: dict[str, dict[Lang, str]] = {
    "yes_line": {
        "en": "Yes: under “{type}” ({level}), JICA's cooperation menu lists “{text}”{printed}",
        "ja": "はい。JICAの協力メニューには「{type}」（{level}）として「{text}」があります",
    },
    "also_line": {
        "en": "It also lists “{text}” under “{type}” ({level}){printed}",
        "ja": "また「{type}」（{level}）として「{text}」もあります",
    },
    "both_levels": {"en": "national and city level", "ja": "国レベル・都市レベル"},
    "stage": {
        "en": "{name} fits {fits}: {steps}{printed}",
        "ja": "{name}は「{fits}」向けで、{steps}",
    },
    "scale": {
        "en": "The {name} goes “{summary}”: {desc}{printed}",
        "ja": "{name}は「{summary}」：{desc}",
    },
    "combine": {
        "en": "The brochure adds that the two ways can be combined",
        "ja": "パンフレットは、これらを組み合わせることも可能としています",
    },
    "city_type": {
        "en": "For a {name}, the directions are: {dirs}{printed} (bullets assigned to types by "
        "the project's reading of the layout)",
        "ja": "{name}の方向性は「{dirs}」です（項目と都市の対応は本プロジェクトの読み取り）",
    },
    "levels_nat": {
        "en": "At national level the menu lists, for example, {items}{printed}",
        "ja": "国レベルでは、例えば{items}を支援します",
    },
    "levels_city": {
        "en": "At city level it lists, for example, {items}{printed} (which block is which level "
        "is the project's reading)",
        "ja": "都市・自治体／地区レベルでは、例えば{items}を支援します（レベルの区別は本プロジェクトの読み取り）",
    },
    "start": {
        "en": "Start with the Small Start approach for countries and cities starting new work: "
        "{steps}{printed}",
        "ja": "新たに取組みを始める国・都市向けのSmall Startから始めます：{steps}",
    },
    "assess": {
        "en": "JICA first assesses the five domains (policy, organization, system, technology, "
        "operation) and acts according to the city's stage, with programmes for cities just "
        "starting too{printed}",
        "ja": "JICAは「政策」「組織」「システム」「技術」「運用」の5分野をアセスメントした上で成熟段階に"
        "応じた取組みを実施し、新たに取組みを始める都市にも協力プログラムを用意します",
    },
    "report": {
        "en": "The brochure is based on JICA's study 「{study}」; its report can be read on the "
        "JICA library portal site ({url})",
        "ja": "本資料は「{study}」の内容に基づいて作成されたもので、報告書はJICA図書館ポータルサイト（{url}）"
        "にてご覧になれます",
    },
    "element": {
        "en": "{name} ({domain} domain, element {id}) asks that {state}{printed}",
        "ja": "{name}（{domain}、エレメント{id}）の望ましい状態は「{state}」です",
    },
    "contact": {
        "en": "JICA's contact as printed in the brochure: {text}{printed}",
        "ja": "パンフレットに記載のJICAの連絡先：{text}",
    },
    "limit": {
        "en": "The brochure does not give {what}; the closest line in JICA's cooperation menu is "
        "“{text}” under “{type}” ({level}){printed}",
        "ja": "パンフレットには{what}は書かれていません。最も近い協力メニューは「{type}」（{level}）の「{text}」です",
    },
    "limit_bare": {
        "en": "The brochure does not give {what}",
        "ja": "パンフレットには{what}は書かれていません",
    },
    "ask_jica": {
        "en": "For that, contact JICA: {text}",
        "ja": "詳しくはJICAにお問い合わせください：{text}",
    },
    "added": {
        "en": "A document added by {who} (not JICA's brochure) says: “{text}”",
        "ja": "{who}が追加した文書（JICAのパンフレットではありません）には「{text}」とあります",
    },
    "someone": {"en": "a user", "ja": "利用者"},
    "item": {"en": "{title}: {text}", "ja": "{title}：{text}"},
    "about_jica": {"en": "{text}{printed}", "ja": "{text}"},
    # framework-wide kinds (compose_overview.py)
    "menu_kinds": {
        "en": "JICA's cooperation menu has six kinds of cooperation: {items}{printed}",
        "ja": "JICAの協力メニューは6種類です：{items}",
    },
    "menu_level": {
        "en": "At {level} JICA's cooperation menu lists, among others: {items} (which block is "
        "which level is the project's reading)",
        "ja": "{level}の協力メニューには、例えば{items}があります（レベルの区別は本プロジェクトの読み取り）",
    },
    "stages": {
        "en": "The brochure places a city's smart-city work on three stages: {items}",
        "ja": "パンフレットはスマートシティへの取組みを3つの段階で示しています：{items}",
    },
    "domains": {
        "en": "The smart city elements are 21 elements in 5 domains: {items}",
        "ja": "スマートシティエレメントは5つの分野・21のエレメントです：{items}",
    },
    "domain_elements": {
        "en": "The {domain} domain has {n} elements: {items}",
        "ja": "「{domain}」分野のエレメントは{n}つです：{items}",
    },
    "assets": {
        "en": "JICA names four assets it brings to smart-city cooperation: {items}",
        "ja": "JICAはスマートシティ協力の強みとして次の4つを挙げています：{items}",
    },
    "policy": {
        "en": "JICA's policy is cooperation on smart cities through “co-creation” based on "
        "“trust”{printed}, drawing on the mutual trust built through many years of development "
        "cooperation and the knowledge of diverse partners",
        "ja": "JICAの取組み方針は「「信頼」に基づく「共創」によるスマートシティへの協力」です",
    },
    "chart": {
        "en": "",
        "ja": "都市の成熟度×都市の特徴の図には4つのねらいが示されています：{items}",
    },
    "menu_type": {
        "en": "Under “{type}”{printed}, JICA's cooperation menu lists: {items}",
        "ja": "協力メニューの「{type}」には次の項目があります：{items}",
    },
}
