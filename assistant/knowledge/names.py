"""Names in questions: the places a passage may give (a gazetteer, not exhaustive) and the
programmes or products a question names that the knowledge base never mentions."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.knowledge.lexical import STOP_WORDS

_ASCII_EDGE = r"(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))"


def _rx(pattern: str) -> re.Pattern[str]:
    """\\b as an ASCII word edge: in 「ベトナムの」 the kana are word characters too."""
    return re.compile(pattern.replace(r"\b", _ASCII_EDGE), re.I)


# Named places a passage may give. Not exhaustive: a passage naming one of these "gives" a name.
PLACES = _rx(
    r"\b(vietnam|viet nam|indonesia|philippines|thailand|cambodia|laos|myanmar|malaysia|india|"
    r"bangladesh|sri lanka|nepal|pakistan|mongolia|kenya|rwanda|ethiopia|egypt|nigeria|ghana|"
    r"tanzania|uganda|senegal|brazil|mexico|peru|colombia|chile|turkey|jordan|cebu|jakarta|"
    r"manila|hanoi|ho chi minh|bangkok|nairobi|kigali|dhaka|delhi|mumbai|kampala|addis ababa|"
    r"lagos|accra|dar es salaam|yangon|phnom penh|vientiane|ulaanbaatar|colombo|kathmandu|"
    r"karachi|lahore|cairo|lima|bogota|sao paulo|istanbul|amman|surabaya|bandung|da nang|"
    r"davao|chennai|bangalore|bengaluru|kolkata|kuala lumpur|penang|mozambique|zambia|"
    r"malawi|madagascar|morocco|tunisia|bolivia|ecuador|paraguay|fiji|papua new guinea|"
    r"timor-leste|uzbekistan|kazakhstan|kyrgyz|tajikistan|iraq|afghanistan|south africa)\b|"
    r"(?<![ァ-ヶー])(?:ベトナム|インドネシア|フィリピン|タイ|カンボジア|ラオス|ミャンマー|マレーシア|インド|バングラデシュ|"
    r"スリランカ|ネパール|パキスタン|モンゴル|ケニア|ルワンダ|エチオピア|エジプト|ナイジェリア|ガーナ|"
    r"タンザニア|ウガンダ|セネガル|ブラジル|メキシコ|ペルー|トルコ|ヨルダン|セブ|ジャカルタ|マニラ|"
    r"ハノイ|ホーチミン|バンコク|ナイロビ|キガリ|ダッカ|デリー|カンパラ|アディスアベバ|ラゴス|アクラ|"
    r"ダルエスサラーム|ヤンゴン|プノンペン|ビエンチャン|ウランバートル|コロンボ|カトマンズ|カラチ|"
    r"カイロ|リマ|ボゴタ|サンパウロ|イスタンブール|アンマン|スラバヤ|バンドン|ダナン|ダバオ|"
    r"チェンナイ|ベンガルール|コルカタ|クアラルンプール|ペナン|モザンビーク|ザンビア|マラウイ|"
    r"マダガスカル|モロッコ|チュニジア|ボリビア|エクアドル|パラグアイ|フィジー|ウズベキスタン|"
    r"カザフスタン|キルギス|イラク|アフガニスタン|南アフリカ)(?![ァ-ヶー])"
)


# A question naming a place and asking for JICA's record there ("projects in Kenya", "who in Cebu").
ABOUT_PLACE = re.compile(
    f"(?=.*(?:{PLACES.pattern}))"
    r"(?=.*(which|who|how many|list|projects?|cases?|examples?|track record|experience|"
    r"stage|position|rank|classif|one of|pilot|model|target|partner|included|"
    r"level|receiv|work\b|reports?|evaluation|happened|\bdid\b|\bgot\b|supported|active|worked|offices?|branch|"
    r"part of|covered by|a member|among the|(used|applied|adopted|implemented) (in|by)\b|"
    r"事務所|拠点|対象|モデル|パイロット|含まれ|支援先|協力先|ひとつ|一つ|"
    r"受け|支援し(た|てい)|協力し(た|てい)|(で|に)(使われ|適用され|導入され|採用され)|"
    r"実績|事例|何件|どこ|誰|一覧|案件|どの(都市|国|段階|ステージ|レベル)|段階|ステージ|位置(づ|付)け))",
    re.I,
)


# JICA's work in a region asked ("does JICA do smart city stuff in the Pacific islands?",
# 「アフリカでも協力していますか」): the brochure counts countries and regions, names none.
_REGIONS = (
    r"(the )?(pacific|caribbean|africa|sub-saharan africa|asia|southeast asia|south asia|central asia|"
    r"latin america|south america|central america|middle east|balkans|eastern europe|europe|oceania|"
    r"small island states?|island (states|nations|countries))"
)
REGION_ASKED = _rx(
    rf"\b(does|do|did|has|have|is|are) (jica|they)\b[^?.!]{{0,50}}\b(in|across|around|throughout) {_REGIONS}\b|"
    r"(アフリカ|アジア|太平洋|大洋州|島嶼国|中南米|南米|中東|欧州|カリブ)(地域)?(で|に)(は|も)?[^。？?]{0,12}"
    r"(支援|協力|取組|活動|事業|案件|実績)[^。？?]{0,10}(して|あり|ある|行って)"
)


# A name the question gives in capitals ("the Digital Garden City Nation initiative", "Society 5.0"),
# not at the start of a sentence.
_NAME = re.compile(r"(?<=[^\s.?!:;] )[A-Z][A-Za-z]+(?:[ -](?:[A-Z][A-Za-z]+|\d+(?:\.\d+)+))+")


_REGION = re.compile(
    r"(north|south|east|west|central|middle|eastern|western|northern|southern|latin|sub-saharan|"
    r"south-?east|south-?west|north-?east|north-?west)\w*[ -]",
    re.I,
)


def unknown_name(question: str, known: Callable[[str], float]) -> bool:
    """A programme, policy or product the question names that the knowledge base never
    mentions (``known``: the share of a text's words the corpus knows; words of the name are
    unknown to every passage): the brochure says nothing on it."""
    for match in _NAME.finditer(question):
        name = match.group(0)
        if _REGION.match(name):  # "Eastern Europe", "Southeast Asia": where, not a programme
            continue
        words = [w for w in re.findall(r"[A-Za-z]{3,}", name) if w.lower() not in STOP_WORDS]
        unknown = sum(known(w) == 0.0 for w in words)
        # one unknown word may be a generic term written in capitals ("Smart Parking System");
        # two, or one beside a version number ("Urban Agenda 2.0"), make a proper name
        if unknown >= 2 or (unknown and re.search(r"\d+\.\d+", name)):
            return True
    return False


# A contact question that names nothing but the contact ("Is there a phone number I can call?",
# 「連絡先を教えて」) asks for the publisher's: on JICA's Ask page that is JICA's printed contact.
_CONTACT_WORDS = _rx(
    r"\b(contact(ing)?|e-?mails?|phone|telephone|numbers?|address(es)?|call|write|reach|get in "
    r"touch|touch|office|website|web ?page|homepage|url|details?|info(rmation)?)\b"
)
_GENERIC_WORDS = {
    "is", "are", "there", "a", "an", "the", "any", "what", "whats", "how", "can", "could", "i",
    "we", "you", "do", "does", "to", "please", "give", "me", "us", "tell", "your", "get", "in",
    "find", "where", "send", "who", "should", "for", "questions", "question", "more", "about",
    "this", "it", "someone", "somebody", "best", "way", "s", "my", "our", "need", "want", "would",
    "like", "have", "ask", "which", "one", "use", "right",
}  # fmt: skip
_JA_CONTACT = re.compile(
    r"問い?合わ?せ先?|連絡先?|電話番号?|番号|メール(アドレス)?|アドレス|住所|窓口|所在地|"
    r"ウェブサイト|ホームページ|サイト|教え|知り|"
)


def bare_contact(question: str) -> bool:
    """True when, without its contact words, the question names nothing (no body, place or
    topic of its own): "the phone number of Tokyo city hall" is not JICA's to give."""
    text = re.sub(r"[^\w\s']", " ", question.lower()).replace("'", "")
    latin = re.findall(r"[a-z0-9]+", _CONTACT_WORDS.sub(" ", text))
    if any(w not in _GENERIC_WORDS for w in latin):
        return False
    rest = _JA_CONTACT.sub("", re.sub(r"[a-z0-9\s]+", "", text))
    return not re.sub(r"[ぁ-ゖー]+", "", rest)  # only kana particles and endings are left


# A word of the framework or a plain fact asked of something the knowledge base never mentions
# ("the stages of grief", "the five domains of life coaching", "the population of New York City",
# 「ゲームの攻略のステージ」): the question's subject is elsewhere, whatever words it shares.
_OWNED = re.compile(
    r"\b(stages?|domains?|elements?|levels?|phases?|pillars?|population|capital(?: city)?|history|"
    r"weather|climate|mayor|difference between [\w\s-]{1,30}? and [\w\s-]{1,30}?)\s+(?:of|in)\s+"
    r"(?:the |a |an )?([a-z][\w'-]*(?:[ :-]+[a-z][\w'-]*){0,3})",
    re.I,
)
_OWNED_JA = re.compile(
    r"([ァ-ヶー]{3,})の(?:[0-9０-９一二三四五六七八九十]+つの)?"
    r"(段階|ステージ|分野|領域|レベル|人口|首都|歴史|天気|気候|市長)"
)
_HOST_WORDS = {"city", "cities", "town", "towns", "smart", "urban", "country", "countries", "world"}


def foreign_subject(question: str, known: Callable[[str], float]) -> bool:
    """A framework word or a plain fact owned by a subject the corpus never mentions (a word of
    the owner unknown to every passage; ``known`` as in ``unknown_name``)."""
    for match in _OWNED.finditer(question):
        words = [
            w
            for w in re.findall(r"[A-Za-z]{2,}", match.group(2))
            if w.lower() not in STOP_WORDS and w.lower() not in _HOST_WORDS
        ]
        if any(known(w) == 0.0 for w in words):
            return True
    # in Japanese the owner is a run of katakana (a loanword); a part of it may share a bigram
    return any(known(m.group(1)) < 0.5 for m in _OWNED_JA.finditer(question))
